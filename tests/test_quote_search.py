"""The quote browser's filter: which quotations a search matches, as the user types.

The finder looks each quotation's words up once; its answers must be exactly those of
matching every quotation's text against the query (``find_in_text``), which is the
definition kept here as the oracle.
"""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.build.corpus_index import CorpusIndex
from tui.config import Settings
from tui.corpus.loader import load_corpus
from tui.entities.model import Entity
from tui.nlp.text import WORD, normalise, word_parts
from tui.quotes.finder import QuoteFinder
from tui.quotes.model import Quote

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def index() -> CorpusIndex:
    return CorpusIndex.build(load_corpus(ROOT / "corpus").documents, Settings())


def names(query: str, speaker: str | None) -> bool:
    """Each plain word of the query (not in a phrase, not !excluded, 'exact or ^prefix;
    two letters or more), read as search reads it, starts a word of the speaker's name,
    a compound's parts in a row."""
    outside = []  # the query with its phrases (closed or not, excluded or not) left out
    quoted = False
    for ch in query:
        if ch == '"':
            quoted = not quoted
            if outside and outside[-1] == "!":
                outside.pop()
            outside.append(" ")
        elif not quoted:
            outside.append(ch)
    words = []
    for raw in "".join(outside).split():
        if raw[0] in "!^'":
            continue
        for m in WORD.finditer(raw):
            parts = [p for p in word_parts(normalise(m.group())) if p]
            if sum(map(len, parts)) > 1:
                words.append(parts)
    if not speaker or not words:
        return False
    name = [p for m in WORD.finditer(speaker) for p in word_parts(normalise(m.group())) if p]

    def starts_a_word(parts: list[str]) -> bool:
        *whole, last = parts
        return any(
            name[i : i + len(whole)] == whole and name[i + len(whole)].startswith(last)
            for i in range(len(name) - len(whole))
        )

    return all(starts_a_word(parts) for parts in words)


def oracle(index: CorpusIndex, query: str, sources: dict[str, int]) -> list[str]:
    """A quotation matches when the query names its speaker, or occurs inside it."""
    return [
        q.id for q in index.quotes
        if names(query, q.speaker)
        or (q.source in sources and index.search.find_in_text(q.text, query))
    ]


def found(index: CorpusIndex, query: str) -> tuple[list[str], list[str]]:
    hits = index.search.hits_per_source(query)
    return [q.id for q in index.quotes_matching(query, hits)], oracle(index, query, hits)


QUERIES = [
    "K", "Ko", "Kono", "kono regretable",  # prefixes, a typo
    "Moon Jae-in", "jae-in", "korea-japan",  # compounds: their parts in a row
    '"national interest"', '"South Ko', '"serve our',  # phrases, one still being typed
    "intelligence -japan", "GSOMIA", "U.S.", "Seoul's", "said",
    "Abe", "Shinzo Abe", "Kang Kyung-wha", "kyung-wh", "taro ko", "ono",  # speakers' names
    "zzzz", "!", '"', "",
]


@pytest.mark.parametrize("query", QUERIES)
def test_matches_what_matching_each_quotation_finds(index: CorpusIndex, query: str) -> None:
    got, expected = found(index, query)
    assert got == expected


def test_finds_quotations_in_index_order_and_only_in_the_sources_given(
    index: CorpusIndex,
) -> None:
    every = index.quotes_matching("Japan")
    assert every and [index.quotes.index(q) for q in every] == sorted(
        index.quotes.index(q) for q in every
    )
    first = index.documents[0].id
    assert {q.source for q in index.quotes_matching("Japan", {first})} == {first}
    assert index.quotes_matching("Japan", set()) == []


def test_as_many_sources_as_documents_are_not_taken_for_all_of_them(
    index: CorpusIndex,
) -> None:
    n = len(index.documents)
    every = index.quotes_matching("Japan")
    assert index.quotes_matching("Japan", {d.id: 1 for d in index.documents}) == every
    assert index.quotes_matching("Japan", {f"elsewhere {i}" for i in range(n)}) == []
    first = index.documents[0].id
    assert {q.source for q in index.quotes_matching("Japan", [first] * n)} == {first}


def test_a_speakers_name_finds_their_quotations_anywhere(index: CorpusIndex) -> None:
    speaker = next(q.speaker for q in index.quotes if q.speaker and " " in q.speaker)
    surname = speaker.split()[-1].lower()
    spoken = [q for q in index.quotes if q.speaker and surname in q.speaker.casefold()]
    assert set(map(id, spoken)) <= set(map(id, index.quotes_matching(surname, set())))


def test_a_name_is_found_by_the_start_of_its_words_not_by_any_part(index: CorpusIndex) -> None:
    kono = {id(q) for q in index.quotes if q.speaker == "Taro Kono"}
    assert kono
    # the query's words as search reads them: case, accents, a possessive and the
    # punctuation around a word aside
    for query in ("kono", "Taro", "taro ko", "KON", "Kōno", "Ｋｏｎｏ", "kono.", "(kono)",
                  "Kono's", "kono!"):
        assert kono <= set(map(id, index.quotes_matching(query, set()))), query
    for query in ("ono", "aro", '"kono', '"said kono today"', '!"said kono today"',
                  '"minister taro kono', "!kono", "^kono", "'kono"):
        assert not kono & set(map(id, index.quotes_matching(query, set()))), query


def test_survives_the_cache_and_rejects_other_states(index: CorpusIndex) -> None:
    assert index.quote_finder is not None
    state = index.quote_finder.state()
    again = QuoteFinder.from_state(index.quotes, state)
    assert again is not None
    for query in ("Kono", "jae-in", '"national interest"'):
        hits = index.search.hits_per_source(query)
        assert again.matching(index.search, query, hits) == index.quotes_matching(query, hits)
    assert QuoteFinder.from_state(index.quotes[:-1], state) is None
    assert QuoteFinder.from_state(index.quotes, {**state, "format": "quote-search-0"}) is None
    assert QuoteFinder.from_state(index.quotes, None) is None
    assert QuoteFinder.from_state(index.quotes, {"format": state["format"]}) is None


def test_the_cached_speaker_and_source_tables_are_the_ones_the_quotes_give(
    index: CorpusIndex,
) -> None:
    """A cached finder reads its speakers' and sources' tables back rather than make
    them again; tables that do not fit the quotations (another shape, too few, junk) are
    made again from the quotations, never trusted."""
    assert index.quote_finder is not None
    state = index.quote_finder.state()
    fresh = QuoteFinder.from_state(index.quotes, {**state, "tables": None})
    assert fresh is not None and fresh.state()["tables"] == state["tables"]
    sources, lengths, lines, numbers, bounds = state["tables"]
    bad = [
        (sources[:-1], lengths, lines, numbers, bounds),
        (sources, lengths, lines + "x\n", numbers, bounds),
        (sources, lengths, lines, array("I", [len(index.quotes)] * len(numbers)), bounds),
        "tables", (1, 2, 3),
    ]
    for tables in bad:
        again = QuoteFinder.from_state(index.quotes, {**state, "tables": tables})
        assert again is not None and again.state()["tables"] == state["tables"]
    some = sorted({q.source for q in index.quotes})[:1]
    for query in ("Kono", "taro ko", "jae-in", "kim"):
        for finder in (fresh, QuoteFinder.from_state(index.quotes, state)):
            assert finder is not None
            assert finder.matching(index.search, query, None) == index.quotes_matching(
                query, None), query
            assert finder.matching(index.search, query, set(some)) == index.quotes_matching(
                query, set(some)), query


def test_a_reprinted_statement_is_found_in_every_copy(index: CorpusIndex) -> None:
    original = max(index.quotes, key=lambda q: len(q.text))
    word = max(original.text.split(), key=len).strip(".,;:!?“”\"'’")
    copies = [
        Quote(f"q{i}", f"outlet{i}", original.start, original.end, original.text, None,
              original.kind, None, original.section)
        for i in range(3)
    ]
    finder = QuoteFinder.build(index.search, copies)
    assert finder.matching(index.search, word) == copies
    assert finder.matching(index.search, word, {"outlet1"}) == copies[1:2]
    assert finder.matching(index.search, "zzzz") == []


_words = st.sampled_from(
    "Kono Moon Abe Japan Korea South intelligence sharing regret trade Seoul Tokyo said "
    "export Jae-in GSOMIA national interest deeply".split()
)


@st.composite
def typed(draw: st.DrawFn) -> str:
    """A query as someone types it: a few words, maybe a typo, maybe cut short, maybe a
    phrase or an excluded word."""
    words = draw(st.lists(_words, min_size=1, max_size=3))
    if draw(st.booleans()):  # a typo: two letters swapped
        w = words[-1]
        i = draw(st.integers(0, max(0, len(w) - 2)))
        words[-1] = w[:i] + w[i + 1 : i + 2] + w[i : i + 1] + w[i + 2 :]
    query = " ".join(words)
    query = query[: draw(st.integers(1, len(query)))]
    if draw(st.booleans()):
        query = f'"{query}'
    if draw(st.booleans()):
        query += " -japan"
    return query


@given(query=typed())
def test_any_typed_query_matches_the_oracle(index: CorpusIndex, query: str) -> None:
    got, expected = found(index, query)
    assert got == expected


def test_an_entitys_quotations_are_those_it_speaks_or_that_mention_it(
    index: CorpusIndex,
) -> None:
    def by_definition(entity: Entity) -> set[str]:
        spans: dict[str, list[tuple[int, int]]] = {}
        for m in entity.mentions:
            spans.setdefault(m.source, []).append((m.start, m.end))
        return {
            q.id
            for source in entity.sources
            for q in index.quotes
            if q.source == source
            and (
                q.speaker == entity.name
                or any(q.start <= s and e <= q.end for s, e in spans.get(source, []))
            )
        }

    assert any(index.quotes_naming(e) for e in index.entities)
    for entity in index.entities:
        assert index.quotes_naming(entity) == by_definition(entity), entity.name


def test_an_entitys_spans_by_source_are_its_mentions(index: CorpusIndex) -> None:
    for entity in index.entities:
        spans: dict[str, list[tuple[int, int]]] = {}
        for m in entity.mentions:
            spans.setdefault(m.source, []).append((m.start, m.end))
        assert entity.mentions.spans_by_source() == spans, entity.name
