"""A phrase found in a whole stream at once (tui/search/phrases.py) is found exactly as a
regex finds it part by part: the same starts, left to right, no overlaps, never across
two documents or two quotations; and the search and the quote browser answer the same
whichever way they look."""

from __future__ import annotations

import re
from unittest import mock

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.loader import make_document
from tui.quotes.finder import QuoteFinder
from tui.quotes.model import Quote
from tui.search import counting
from tui.search.index import SearchIndex
from tui.search.keys import term_key
from tui.search.phrases import phrase_starts, settle, settled_slots

# term ids whose keys share first bytes (1, 129, 257...) and differ in the others; a
# slot of more than a few is checked by a table of ids
TERMS = [1, 2, 129, 130, 257, 16385, 3, 4, 5, 6, 7, 2**21 - 2]
KEYS = [term_key(t) for t in TERMS]


def regex_starts(stream: bytes, slots: list[set[bytes]], bounds: list[int]) -> list[int]:
    pattern = b"".join(b"(?:" + b"|".join(map(re.escape, sorted(s))) + b")" for s in slots)
    regex = re.compile(pattern, re.DOTALL)
    return [
        m.start() for s, e in zip(bounds, bounds[1:]) for m in regex.finditer(stream, s, e)
    ]


@given(
    tokens=st.lists(st.integers(0, len(KEYS) - 1), max_size=60),
    cuts=st.lists(st.integers(0, 60), max_size=5),
    slots=st.lists(
        st.sets(st.integers(0, len(KEYS) - 1), min_size=1, max_size=10), min_size=2, max_size=4
    ),
    all_settled=st.booleans(),
)
def test_starts_are_the_regexs(
    tokens: list[int], cuts: list[int], slots: list[set[int]], all_settled: bool
) -> None:
    stream = b"".join(KEYS[t] for t in tokens)
    bounds = sorted({0, len(stream), *(3 * min(c, len(tokens)) for c in cuts)})
    key_slots = [{KEYS[i] for i in slot} for slot in slots]
    count = len(key_slots) if all_settled else settled_slots(key_slots)
    numbers = np.array(bounds, dtype=np.int64)
    settled = settle(stream, key_slots, count, numbers)
    starts, parts = phrase_starts(key_slots, settled, count)
    expected = regex_starts(stream, key_slots, bounds)
    assert starts.tolist() == expected
    assert parts.tolist() == [sum(b <= s for b in bounds[1:]) for s in expected]


def test_an_overlapping_phrase_is_taken_left_to_right() -> None:
    ha = KEYS[0]
    stream = ha * 5
    slots = [{ha}, {ha}]
    bounds = np.array([0, len(stream)], dtype=np.int64)
    starts, _ = phrase_starts(slots, settle(stream, slots, 1, bounds), 1)
    assert starts.tolist() == [0, 6]  # "ha ha | ha ha | ha": two, as re.finditer


def test_the_last_slot_is_left_to_each_keystroke() -> None:
    assert settled_slots([{b"a"}, {b"b", b"c"}]) == 1
    assert settled_slots([{b"a"}, {b"b"}, {b"c"}]) == 2


def _index() -> SearchIndex:
    texts = [
        "Officials in South Korea met. South Korea said more.",
        "Nothing here but Korea and the south.",
        "A trip south",  # ends with "south": the next document's "Korea" is no phrase
        "Korea replied. Ha ha ha, said South Korea.",
        "South Korea, South Korea, and again South Korea.",
        "The south wind. South\nKorea is split by a line.",
    ]
    return SearchIndex.build(
        [make_document(f"d{i}", f"d{i}.md", t, {"title": f"d{i}"}) for i, t in enumerate(texts)]
    )


def test_search_counts_are_the_same_both_ways() -> None:
    queries = [
        '"South Korea"', '"South K', '"ha ha"', '"south korea" !trip', "Korea",
        'Korea !"south korea"', 'Korea !"ha ha',
    ]
    scanned_whole = {q: dict(_index().hits_per_source(q)) for q in queries}
    with mock.patch.object(counting, "_SCAN_SHARE", 10**9):  # every document by regex
        per_document = {q: dict(_index().hits_per_source(q)) for q in queries}
    assert scanned_whole == per_document
    assert scanned_whole['"South Korea"'] == {"d0": 2, "d3": 1, "d4": 3}
    assert scanned_whole['"ha ha"'] == {"d3": 1}
    assert set(scanned_whole['Korea !"south korea"']) == {"d1", "d5"}


def test_quote_browser_finds_a_phrase_in_most_quotations_as_in_each() -> None:
    index = _index()
    texts = ["South Korea said so", "we went south", "Korea and South Korea"] * 5 + [
        "korea", "ha ha ha ha",
    ]
    quotes = [
        Quote(f"q{i}", f"d{i % 6}", 0, 1, t, None, "direct", None, "body")
        for i, t in enumerate(texts)
    ]
    finder = QuoteFinder.build(index, quotes)
    for phrase in (["south", "korea"], ["ha", "ha"]):
        keys = [[index.vocabulary.key(index.vocabulary.term_id(w))] for w in phrase]
        rows = set(finder._phrases.starts(keys)[1].tolist())
        pattern = re.compile(re.escape(b"".join(k[0] for k in keys)))
        bounds = finder.bounds
        expected = {
            i for i in range(len(quotes)) if pattern.search(finder.stream, bounds[i], bounds[i + 1])
        }
        assert rows == expected
    assert len(rows) == 1  # "ha ha ha ha" holds "ha ha" twice: one quotation
