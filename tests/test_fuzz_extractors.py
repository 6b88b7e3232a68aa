"""No text and no query can crash, hang or corrupt the extractors and the search.

Documents are made in memory (``make_document``), never loaded from disk, and are built
into a whole :class:`CorpusIndex` (search index, entities, quotations) with the text
news pages never hold but scraped or hostile files can: titles and possessives pasted
hundreds of times, quotation marks of every kind, long capitalised runs, page-long
paragraphs, control characters, right-to-left text and combining marks. Queries are as
hostile: operators, unbalanced quotes, brackets and slashes, very long input.

Each example must finish within a deadline, raise nothing, and leave every offset
inside its document: an entity's mentions, a quotation's span (whose text it is), a
search's matches and passages.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.build import cache
from tui.build.corpus_index import CorpusIndex
from tui.corpus.document import Document
from tui.corpus.loader import make_document
from tui.entities.extract import extract_entities
from tui.entities.model import Entity
from tui.nlp.names import Analyser
from tui.nlp.places import load_gazetteer
from tui.quotes.extract import extract_quotes
from tui.quotes.model import Quote

# Generous for the few kilobytes an example holds (each takes milliseconds), tight
# enough that a cost growing faster than the text shows up as a failure, not a hang.
DEADLINE = timedelta(seconds=5)
FUZZ = settings(deadline=DEADLINE, max_examples=40,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(autouse=True, scope="module")
def _no_disk_cache() -> Iterator[None]:
    """Builds here are throwaway: no cache entry for each example (and a serial build)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(cache.ENV_VAR, "off")
        load_gazetteer()  # (loaded once, before the first example's deadline counts)
        yield


# --- hostile text ------------------------------------------------------------------------

FRAGMENTS = [
    # titles, abbreviations and offices, which the name rules peel off a run
    "Mr.", "Mrs.", "Lt.", "Col.", "Gen.", "Dr.", "President", "Secretary", "Minister",
    "Prime", "Foreign", "Coach", "Rep.", "Sen.", "St.",
    # joiners, particles and function words inside runs
    "of", "of the", "for", "on", "and", "&", "de", "la", "von", "der", "al", "The", "In",
    "A", "But",
    # capitalised words, places, demonyms, heads, agencies
    "Sea", "Japan", "Federation", "Alpha", "Kim", "Jong", "Un", "Moon", "Jae-in", "Korea",
    "South", "North", "Korean", "Japanese", "Council", "Ministry", "Defence", "State",
    "Department", "United", "States", "Hong", "Kong", "Bank", "England", "Friends",
    "Earth", "Reuters", "AP", "AFP", "U.S.", "U.N.", "GSOMIA", "WannaCry", "Monday",
    "January", "II", "Seoul-based", "Seoul-Washington-Tokyo", "Air", "France-KLM",
    # possessives, straight and curly
    "Kim's", "Japan’s", "'s", "’s", "s'", "Jones'", "Kim's's's",
    # reporting verbs and sentence furniture
    "said", "says", "told", "according to", "Said", "added", "he", "she", ",", ".", ":",
    ";", "!", "?", "…", "—", "–", "-", "(", ")", "[", "]", "/", "Jane Doe/AP", "/Reuters",
    "(GSOMIA)", ", or GSOMIA,", "http://x.co/A", "@Handle", "#Tag",
    # quotation marks of every kind
    '"', "“", "”", "‘", "’", "'", "«", "»", "‹", "›", "„", "‟", "‚", "「", "」", "『", "』",
    "``", "''", '"We are here,"', "“We will not,” he said.", "‘Yes’", "«Non»",
    # line structure, control characters, odd white space
    "\n", "\n\n", "\r\n", "\r", "\t", "\x00", "\x07", "\x1b[31m", "\x0b", "\x0c", "\x85",
    "\u2028", "\u2029", "\u00a0", "\u200b", "\ufeff", "\u2003",
    # right-to-left text and marks, combining marks, other scripts, emoji
    "שלום", "مرحبا", "\u200f", "\u202e", "\u2066", "e\u0301", "A\u0300\u0301\u0302",
    "\u0301", "Ä", "Łódź", "Ωmega", "Москва", "東京", "서울", "🙂", "👩‍👩‍👧",
]

fragment = st.sampled_from(FRAGMENTS)
# a short stretch of fragments, then pasted up to a few hundred times: runs of hundreds
# of titles or possessives, long capitalised runs, many quotation marks in one paragraph
pasted = st.builds(
    lambda parts, sep, times: sep.join(parts) * times,
    st.lists(fragment, min_size=1, max_size=6),
    st.sampled_from([" ", "", "\n", " and "]),
    st.integers(min_value=1, max_value=400),
)
noise = st.text(st.characters(codec="utf-8"), max_size=40)
texts = st.lists(st.one_of(fragment, pasted, noise), max_size=25).map(" ".join)

# one long paragraph: a sentence of names and quotes repeated, no line break
LONG_PARAGRAPH = ("Lt. Col. Kim Jong Un of the Sea of Japan Federation told Jane Doe/AP "
                  "“we will not,” Mr. Moon’s aide said. ") * 400


def _documents(bodies: list[str]) -> list[Document]:
    return [make_document(f"doc{i}", f"doc{i}.md", body, {}) for i, body in enumerate(bodies)]


def _check_entities(docs: list[Document], entities: list[Entity]) -> None:
    by_id = {d.id: d for d in docs}
    for entity in entities:
        assert entity.name
        for mention in entity.mentions:
            text = by_id[mention.source].text
            assert 0 <= mention.start < mention.end <= len(text)


def _check_quotes(docs: list[Document], quotes: list[Quote]) -> None:
    by_id = {d.id: d for d in docs}
    for quote in quotes:
        text = by_id[quote.source].text
        assert 0 <= quote.start <= quote.end <= len(text)
        assert quote.text == text[quote.start : quote.end]


def _check_query(docs: list[Document], index: CorpusIndex, query: str, typing: bool) -> None:
    """Every part of the answer the front ends show, each offset inside its document."""
    by_id = {d.id: d for d in docs}
    result = index.query(query, typing=typing)
    hits = result.hits
    if hits is not None:
        assert set(hits) <= set(by_id)
        assert all(n > 0 for n in hits.values())
    quotes = result.quotes
    assert {q.id for q in quotes} <= set(index.quote_by_id)
    _check_quotes(docs, quotes)
    for doc in docs:
        for start, end in result.matches_in(doc.id):
            assert 0 <= start <= end <= len(doc.text)
    for passage in result.passages():
        text = by_id[passage.source].text
        assert 0 <= passage.start <= passage.end <= len(text)
        for match in passage.matches:
            assert 0 <= match.start <= match.end <= len(text)


@FUZZ
@given(st.lists(texts, min_size=1, max_size=3))
def test_any_text_builds_an_index_within_bounds(bodies: list[str]) -> None:
    docs = _documents(bodies)
    index = CorpusIndex.build(docs)
    _check_entities(docs, index.entities)
    _check_quotes(docs, index.quotes)
    # the front ends' first question: everything (no search), then a word of the text
    _check_query(docs, index, "", typing=True)
    words = [w for body in bodies for w in body.split() if w.isalpha()]
    if words:
        _check_query(docs, index, words[len(words) // 2], typing=False)


@FUZZ
@given(texts)
def test_entities_and_quotes_alone_stay_in_their_text(body: str) -> None:
    docs = _documents([body, LONG_PARAGRAPH[: len(body) * 4]])
    entities = extract_entities(docs)
    _check_entities(docs, entities)
    _check_quotes(docs, extract_quotes(docs, entities))


_ANALYSER = Analyser(load_gazetteer())


@FUZZ
@given(st.one_of(texts, pasted), st.booleans(), st.booleans())
def test_any_run_is_cut_into_pieces_inside_it(run: str, initial: bool, after_the: bool) -> None:
    for piece in _ANALYSER.analyse(run, initial, after_the):
        assert 0 <= piece.start < piece.end <= len(run)


# --- known hostile shapes ------------------------------------------------------------------

# Runs the name rules once took a word at a time, one level of recursion each: 500 of
# them in a 3 KB file exhausted the stack, and the whole corpus's build failed with it.
PASTED_RUNS = {
    "possessives": "Kim's" + "'s" * 500,
    "articles": "The " * 500 + "Man",
    "ands": "Alpha and " * 500 + "Beta",
    "titles": "Mr. Lt. Col. President " * 500,
    "titles before names": "Mr. Lt. Col. President Kim " * 500,
}
ORDINARY = "Foreign Minister Taro Kono of Japan said on Monday: “We will not accept this.”\n"


@pytest.mark.parametrize("shape", list(PASTED_RUNS))
def test_one_pasted_run_breaks_nothing_else(shape: str) -> None:
    docs = _documents([ORDINARY, f"He met {PASTED_RUNS[shape]}. “We are here,” he said.\n"])
    index = CorpusIndex.build(docs)
    _check_entities(docs, index.entities)
    _check_quotes(docs, index.quotes)
    assert {"Taro Kono", "Japan"} <= {e.name for e in index.entities}
    assert [(q.source, q.text) for q in index.quotes] == [
        ("doc0", "We will not accept this."), ("doc1", "We are here")]
    assert index.quotes[0].speaker == "Taro Kono"
    assert index.query("Kono").hits == {"doc0": 1}


def test_a_long_run_still_gives_each_name_in_it() -> None:
    """A run far longer than any name is cut where the name rules cut anyway: before
    "and", before a title."""
    for unit, names in [("Alice Smith and Bob Jones and ", ["Alice Smith", "Bob Jones"]),
                        ("Mr. Alice Smith ", ["Alice Smith"])]:
        run = (unit * 100).strip().removesuffix(" and")
        pieces = _ANALYSER.analyse(run, False)
        assert sorted(p.surface for p in pieces) == sorted(names * 100)
        assert all(run[p.start : p.end] == p.surface for p in pieces)


# --- hostile queries ---------------------------------------------------------------------

QUERY_PARTS = [
    "japan", "Kim", "Kim's", "Japan’s", "sea of japan", "u.s.", "jae-in", "moon", "said",
    "!", "!!", "^", "'", '"', "“", "”", "(", ")", "[", "]", "[/]", "/", "\\", "*", "?",
    "AND", "OR", "NOT", "-", "+", "|", "&", "~", ":", "\x00", "\n", "\t", "\u200f", "\u0301",
    "🙂", "東京", " ", "  ",
]
queries = st.one_of(
    st.lists(st.sampled_from(QUERY_PARTS), max_size=30).map("".join),
    st.lists(st.sampled_from(QUERY_PARTS), max_size=30).map(" ".join),
    st.text(st.characters(codec="utf-8"), max_size=60),
    # very long input: a word, a phrase or operators pasted thousands of times
    st.builds(lambda part, times: part * times,
              st.sampled_from(['japan ', '"sea of ', '!', '^k', "[/]", "kim's ", '"']),
              st.integers(min_value=100, max_value=5000)),
)

CORPUS_TEXTS = [
    "Foreign Minister Taro Kono of Japan said on Monday: “We will not accept this.”\n\n"
    "South Korea’s President Moon Jae-in met U.S. officials in Seoul. Kim's aide said "
    "\"the Sea of Japan is calm,\" according to Reuters.\n\nJane Doe/AP\n",
    LONG_PARAGRAPH,
    "The The The Kim's's's Alpha and Alpha and Beta. «Non», a-t-il dit. “Unclosed quote\n",
]


@pytest.fixture(scope="module")
def fuzz_index() -> tuple[list[Document], CorpusIndex]:
    docs = _documents(CORPUS_TEXTS)
    return docs, CorpusIndex.build(docs)


@settings(deadline=DEADLINE, max_examples=150)
@given(query=queries, typing=st.booleans())
def test_any_query_answers_within_bounds(
    fuzz_index: tuple[list[Document], CorpusIndex], query: str, typing: bool
) -> None:
    docs, index = fuzz_index
    _check_query(docs, index, query, typing)
