from __future__ import annotations

from array import array
from collections.abc import Mapping
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from tui.build import cache
from tui.corpus.document import Document
from tui.corpus.loader import make_document
from tui.nlp.text import WORD_OR_LINE, normalise
from tui.search import counting
from tui.search import vocabulary as vocabulary_module
from tui.search.cache import ResultCache
from tui.search.index import SearchIndex
from tui.search.keys import (
    KEY_SIZE,
    LINE_KEY,
    UNKNOWN_KEY,
    TextKeys,
    split_keys,
    stream_spans,
    word_tokens,
)
from tui.search.passages import Passage
from tui.search.postings import _unpack
from tui.search.query import parse_query
from tui.search.vocabulary import Vocabulary, typo_budget

AP = "002-japan-today-ap"


@pytest.fixture(scope="module")
def index(bundled: list[Document]) -> SearchIndex:
    return SearchIndex.build(bundled)


def doc(doc_id: str, text: str) -> Document:
    return make_document(doc_id, f"{doc_id}.md", text, {"title": doc_id})


def small(*texts: str) -> SearchIndex:
    return SearchIndex.build([doc(f"d{i}", t) for i, t in enumerate(texts)])


def word_keys(index: SearchIndex, text: str) -> list[bytes]:
    """The stream keys of ``text``'s words, one by one (a compound's parts joined)."""
    out = []
    for raw in WORD_OR_LINE.findall(text):
        if raw == "\n":
            out.append(index.key(0))
            continue
        term = normalise(raw) or raw
        parts = (term,) if raw.isalnum() else word_tokens(raw, term)
        out.append(b"".join(index.key(index.term_id(p)) for p in parts))
    return out


def passage_text(index: SearchIndex, p: Passage) -> str:
    return index.documents[index._doc_index[p.source]].text[p.start : p.end]


def matched(index: SearchIndex, query: str, **kw: object) -> list[str]:
    """The matched words, as they appear in the text, over all passages."""
    out = []
    for p in index.search(query, **kw):
        text = index.documents[index._doc_index[p.source]].text
        out.extend(text[m.start : m.end] for m in p.matches)
    return out


class TestAcceptance:
    def test_kono_regretable_puts_the_ap_passage_first(self, index: SearchIndex) -> None:
        first = index.search("Kono regretable")[0]
        assert first.source == AP
        assert 'Taro Kono called the decision "extremely regrettable"' in passage_text(index, first)
        assert [m.term for m in first.matches] == ["kono", "regrettable"]

    def test_eastbrun_finds_eastburn(self, index: SearchIndex) -> None:
        words = matched(index, "Eastbrun")
        assert words and all(w.startswith("Eastburn") for w in words)

    def test_misspelt_hyphenated_compound(self, index: SearchIndex) -> None:
        results = index.search("inteligence shareing")
        assert results
        for p in results[:5]:
            assert "intelligence-sharing" in passage_text(index, p)


class TestTypos:
    def test_budget(self) -> None:
        assert [typo_budget(w) for w in ("kono", "korea", "eastburn", "regretable")] == [0, 1, 1, 2]
        assert typo_budget("20160") == 0  # numbers are never typos

    def test_short_words_need_exact_spelling(self, index: SearchIndex) -> None:
        assert index.search("Konp", typing=False) == []

    def test_transposition_is_one_typo(self, index: SearchIndex) -> None:
        # "Eastbrun" swaps two letters of "Eastburn": within the 1 typo allowed at 8 letters
        assert index.search("Eastbrun", typing=False)
        assert index.search("Eastbnru", typing=False) == []  # two edits: too many

    def test_exact_word_allows_no_typo(self, index: SearchIndex) -> None:
        assert index.search("'regretable") == []
        assert index.search("'regrettable")

    def test_fewer_typos_rank_first(self) -> None:
        ix = small("the quikc brown fox", "the quick brown fox", "no match here")
        results = ix.search("quick", typing=False)
        assert [p.source for p in results] == ["d1", "d0"]


class TestPhrasesPrefixesExclusion:
    def test_phrase_matches_consecutive_words(self, index: SearchIndex) -> None:
        words = matched(index, '"South Korea"')
        assert words and {w.replace("’s", "").replace("'s", "") for w in words} == {"South Korea"}
        assert index.search('"Korea South"') == []

    def test_phrase_across_a_hyphen(self, index: SearchIndex) -> None:
        assert "Moon Jae-in" in matched(index, '"moon jae in"')

    def test_exclusion_drops_documents(self, index: SearchIndex) -> None:
        with_japan = {p.source for p in index.search("Eastburn", limit=50)}
        without = {p.source for p in index.search("Eastburn !regrettable", limit=50)}
        assert AP in with_japan and AP not in without and without

    def test_explicit_prefix(self, index: SearchIndex) -> None:
        words = matched(index, "^semicond")
        assert words and all(w.lower().startswith("semicond") for w in words)

    def test_last_word_is_a_prefix_only_while_typing(self, index: SearchIndex) -> None:
        assert "regrettable" in matched(index, "Kono regre")
        # without the prefix no document has both words: the fallback finds Kono alone
        assert "regrettable" not in matched(index, "Kono regre", typing=False)
        assert "regrettable" not in matched(index, "Kono regre ")

    def test_typo_in_a_word_being_typed(self, index: SearchIndex) -> None:
        assert all(w.startswith("Eastburn") for w in matched(index, "Eastbr"))


class TestRanking:
    def test_more_words_matched_first(self) -> None:
        ix = small("alpha words here.\nbeta alone.", "alpha and beta together.")
        first = ix.search("alpha beta", typing=False)[0]
        assert first.source == "d1"

    def test_closer_words_first(self) -> None:
        ix = small(
            "alpha one two three four five six seven beta.", "alpha beta, side by side.",
        )
        assert [p.source for p in ix.search("alpha beta", typing=False)] == ["d1", "d0"]

    def test_body_before_comments(self) -> None:
        article = "A long enough article sentence about the pact and its critics, said officials.\n"
        comments = "".join(
            f"user{i}\nThe pact is a disaster, reader number {i} says.\n" for i in range(4)
        )
        ix = SearchIndex.build([doc("a", article + comments)])
        results = ix.search("pact", limit=10, typing=False)
        assert results[0].start < len(article)

    def test_falls_back_to_fewer_words(self) -> None:
        ix = small("alpha beta", "gamma")
        assert [p.source for p in ix.search("alpha zzzz", typing=False)] == ["d0"]


class TestOffsets:
    @pytest.mark.parametrize(
        "query", ["Kono regretable", '"South Korea"', "Moon Jae-in", "U.S.", "intelligence"]
    )
    def test_every_span_slices_the_text(self, index: SearchIndex, query: str) -> None:
        results = index.search(query, limit=50)
        assert results
        for p in results:
            text = index.documents[index._doc_index[p.source]].text
            assert 0 <= p.start < p.end <= len(text)
            for m in p.matches:
                assert p.start <= m.start < m.end <= p.end
                assert normalise(text[m.start : m.end]) == m.term
            assert p.snippet.strip("…") in " ".join(text[p.start : p.end].split())

    def test_passage_is_a_sentence_of_a_long_paragraph(self, index: SearchIndex) -> None:
        p = index.search("Kono regretable")[0]
        assert passage_text(index, p).startswith("Japanese Foreign Minister Taro Kono")

    def test_json(self, index: SearchIndex) -> None:
        data = index.search("Eastburn")[0].to_json()
        assert set(data) == {"source", "start", "end", "score", "snippet", "matches"}
        assert set(data["matches"][0]) == {"start", "end", "term"}

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list("ab1 -.,'’\n‐⒈é\u0301_")), max_size=40))
    def test_stream_spans_match_the_index_token_for_token(self, text: str) -> None:
        ix = SearchIndex.build([doc("t", text)])
        assert len(stream_spans(text)) == len(ix.stream) // 3

    @settings(max_examples=200, deadline=None)
    @given(
        st.lists(
            st.text(alphabet=st.sampled_from(list("aAb1 \t\r\n-.,'’‐é_")), max_size=40),
            min_size=1,
            max_size=3,
        )
    )
    def test_stream_and_postings_follow_the_words(self, texts: list[str]) -> None:
        ix = SearchIndex.build([doc(f"d{i}", t) for i, t in enumerate(texts)])
        tokens = [word_keys(ix, d.text) for d in ix.documents]  # as loaded: CRLF is LF
        for d, found in enumerate(tokens):
            assert ix.stream[ix.doc_start[d] : ix.doc_start[d + 1]] == b"".join(found)
        for tid in range(1, len(ix.terms)):
            if tid in ix.compounds:
                continue
            key = ix.key(tid)
            lo, hi = ix.post_start[tid], ix.post_start[tid + 1]
            want = {}
            for d, found in enumerate(tokens):
                tf = sum(
                    found_key[i : i + 3] == key
                    for found_key in found
                    for i in range(0, len(found_key), 3)
                )
                if tf:
                    want[d] = min(tf, 255)
            assert dict(zip(ix.post_docs[lo:hi], ix.post_tfs[lo:hi])) == want

    def test_words_without_a_space_between_count_apart_from_a_compound(self) -> None:
        ix = small("Jae-in met Jae/in and/Jae-in", "jae in")
        tf = {}
        for term in ("jae-in", "jae", "in"):
            tid = ix.term_id(term)
            lo, hi = ix.post_start[tid], ix.post_start[tid + 1]
            tf[term] = dict(zip(ix.post_docs[lo:hi], ix.post_tfs[lo:hi]))
        assert tf == {"jae-in": {0: 2}, "jae": {0: 3, 1: 1}, "in": {0: 3, 1: 1}}

    def test_frequencies_saturate(self) -> None:
        ix = small("korea " * 300, "korea korea")
        tid = ix.term_id("korea")
        lo, hi = ix.post_start[tid], ix.post_start[tid + 1]
        assert list(ix.post_docs[lo:hi]) == [0, 1] and list(ix.post_tfs[lo:hi]) == [255, 2]

    def test_unpack_postings(self) -> None:
        postings = [(0, 1), (255, 255), (65535, 7)]
        docs, tfs = _unpack(array("I", [d << 8 | tf for d, tf in postings]), "H")
        assert (docs.typecode, list(docs), list(tfs)) == ("H", [0, 255, 65535], [1, 255, 7])
        postings = [(70000, 3), ((1 << 32) - 1, 200)]
        docs, tfs = _unpack(array("Q", [d << 8 | tf for d, tf in postings]), "I")
        assert (docs.typecode, list(docs), list(tfs)) == ("I", [70000, (1 << 32) - 1], [3, 200])
        # up to 2**24 documents, four bytes a posting: three of them the document's
        postings = [(70000, 3), ((1 << 24) - 1, 255), (0, 9)]
        docs, tfs = _unpack(array("I", [d << 8 | tf for d, tf in postings]), "I")
        assert (docs.typecode, list(docs)) == ("I", [70000, (1 << 24) - 1, 0])
        assert list(tfs) == [3, 255, 9]

    def test_stream_spans_split_compounds(self) -> None:
        text = "Moon Jae-in\nsaid"
        assert stream_spans(text) == [(0, 4), (5, 8), (9, 11), (11, 12), (12, 16)]

    def test_split_keys_takes_a_texts_keys_apart_token_by_token(self) -> None:
        ix = small("Moon Jae-in met Kono\nin Seoul")
        keys = TextKeys(ix)("Moon Jae-in met\nTaro Kono")
        found = split_keys(keys)
        assert b"".join(found) == keys and {len(key) for key in found} == {KEY_SIZE}
        tids = [ix.term_id(word) for word in ("moon", "jae", "in", "met", "taro", "kono")]
        assert tids[4] is None  # (no document has "taro")
        want = [UNKNOWN_KEY if t is None else ix.key(t) for t in tids]
        assert found == [*want[:4], LINE_KEY, *want[4:]]
        compound = ix.key(ix.term_id("jae-in"))
        assert split_keys(compound) == [ix.key(ix.term_id("jae")), ix.key(ix.term_id("in"))]


class TestInDocument:
    def test_every_match_in_order(self, index: SearchIndex, docs_by_id: dict) -> None:
        text = docs_by_id[AP].text
        found = index.find_in_document(AP, "Korea Kono")
        starts = [m.start for m in found]
        assert starts == sorted(starts)
        assert {m.term for m in found} == {"korea", "korean", "kono"}  # korean: one typo
        assert len([m for m in found if m.term == "kono"]) == text.count("Kono")

    def test_every_match_even_in_a_long_document(self) -> None:
        text = "Korea and Japan. " * 300
        ix = SearchIndex.build([doc("long", text)])
        found = ix.find_in_document("long", "korea")
        assert len(found) == 300 and all(text[m.start : m.end] == "Korea" for m in found)

    @pytest.mark.parametrize(
        "query", ["Korea Kono", '"South Korea"', "Jae-in", "jaein", "Eastbrun", "^semi", "Kon"]
    )
    def test_any_text_matches_as_its_document_does(
        self, index: SearchIndex, docs_by_id: dict, query: str
    ) -> None:
        for doc_id, document in docs_by_id.items():
            assert index.find_in_text(document.text, query) == index.find_in_document(
                doc_id, query
            )

    def test_a_quote(self, index: SearchIndex) -> None:
        quote = "was an action that completely misjudged the current security environment"
        found = index.find_in_text(quote, "misjuged securty")
        assert [quote[m.start : m.end] for m in found] == ["misjudged", "security"]
        assert index.find_in_text("words no document has: zzyzx", "zzyzx") == []
        assert index.find_in_text("", "Kono") == [] and index.find_in_text("Kono", "") == []

    def test_unknown_document(self, index: SearchIndex) -> None:
        assert index.find_in_document("nope", "Kono") == []

    def test_hits_per_source(self, index: SearchIndex) -> None:
        hits = index.hits_per_source("Kono")
        assert hits == {
            d.id: d.text.count("Kono") for d in index.documents if "Kono" in d.text
        }

    def test_source_filter(self, index: SearchIndex) -> None:
        assert {p.source for p in index.search("Korea", source=AP)} == {AP}
        assert index.search("Korea", source="missing") == []


class TestBadInput:
    @pytest.mark.parametrize(
        "query",
        ["", '"', "!", "^", "'", "x" * 10_000, "Kono " * 3000, ".*[(?<=\\", "🙂🙂", "\x00",
         "!Kono", '"unclosed phrase', "((((", "Kono\nregrettable", "a" * 40],
    )
    def test_never_raises(self, index: SearchIndex, query: str) -> None:
        assert isinstance(index.search(query), list)
        assert isinstance(index.find_in_document(AP, query), list)
        assert isinstance(index.hits_per_source(query), Mapping)

    def test_only_exclusions_find_nothing(self, index: SearchIndex) -> None:
        assert index.search("!Kono") == []

    def test_bad_limit(self, index: SearchIndex) -> None:
        assert index.search("Kono", limit=0) == []
        assert len(index.search("Korea", limit=2)) == 2

    def test_empty_corpus(self) -> None:
        ix = SearchIndex.build([])
        assert ix.search("anything") == [] and ix.hits_per_source("x") == {}

    @settings(max_examples=100, deadline=None)
    @given(st.text(max_size=60))
    def test_any_query_runs(self, query: str) -> None:
        ix = _HYPOTHESIS_INDEX
        for p in ix.search(query):
            assert p.matches


_HYPOTHESIS_INDEX = small(
    "South Korea's intelligence-sharing pact with Japan ends, officials said.",
    "Lt. Col. Dave Eastburn said the U.S. wants 80,000 troops to stay. Pérez agreed.",
)


class TestDiskCache:
    def test_switched_off(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(cache.ENV_VAR, "off")
        assert cache.cache_dir() is None
        assert cache.store("search", "k", 1) is None and cache.load("search", "k") is None


def test_the_cache_forgets_the_oldest_results_past_its_size_budget(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.search import cache as cache_module

    queries = ["japan", "korea", "trade", "kono", "moon", "security", "export", "the"]
    unbounded = SearchIndex.build(bundled)
    expected = {q: unbounded.hits_per_source(q) for q in queries}
    monkeypatch.setattr(cache_module, "CACHE_BYTES", 5_000)
    fresh = SearchIndex.build(bundled)
    entries = fresh._cache._entries
    for q in queries * 2:
        assert fresh.hits_per_source(q) == expected[q]  # (the same, remembered or not)
        assert 0 < entries.currsize <= 5_000
    fresh.clear_cache()
    assert entries.currsize == 0 and not entries


def test_the_result_cache_keeps_an_entry_bound_and_a_byte_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui.search import cache as cache_module

    monkeypatch.setattr(cache_module, "CACHE_ENTRIES", 3)
    monkeypatch.setattr(cache_module, "CACHE_BYTES", 100)
    cache = cache_module.ResultCache()
    made: list[str] = []

    def remember(key: str, size: int) -> str:
        def make() -> str:
            made.append(key)
            return key.upper()

        return cache.cached(key, make, lambda _v: size)

    for key in "abcd":
        remember(key, 10)
    assert [k for k in "abcd" if k in cache._entries] == ["b", "c", "d"]  # 3 at most
    assert remember("b", 10) == "B" and made == list("abcd")  # remembered: not made again
    remember("e", 10)  # c goes, the least recently used ("b" was just asked for)
    assert [k for k in "abcde" if k in cache._entries] == ["b", "d", "e"]
    remember("f", 85)  # 10 + 10 + 10 + 85 > 100: the oldest go until it fits
    assert [k for k in "abcdef" if k in cache._entries] == ["e", "f"]
    remember("g", 1_000)  # larger than the whole budget: kept, alone
    assert [k for k in "abcdefg" if k in cache._entries] == ["g"]
    cache.clear()
    assert not cache._entries


_LETTERS = "abceéxyzΩ-"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=11), min_size=1, max_size=40),
    st.text(alphabet=_LETTERS, min_size=1, max_size=11),
    st.integers(min_value=1, max_value=2),
)
def test_near_finds_every_word_a_comparison_with_each_finds(
    words: list[str], word: str, budget: int
) -> None:
    """The letter masks that skip most of the vocabulary never skip a word in reach."""
    terms = ["\n", *dict.fromkeys(words)]
    vocabulary = Vocabulary.derive(terms, {}, list(range(1, len(terms))), lambda t: 1,
                                   ResultCache())
    expected = sorted(
        (tid, OSA.distance(word, terms[tid])) for tid in range(1, len(terms))
        if OSA.distance(word, terms[tid]) <= budget
    )
    assert sorted(vocabulary.near(word, budget)) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet=_LETTERS, min_size=0, max_size=26), min_size=1, max_size=40),
    st.text(alphabet=_LETTERS, min_size=0, max_size=24),
    st.integers(min_value=1, max_value=2),
    st.booleans(),
)
def test_near_prefix_finds_every_head_a_comparison_with_each_finds(
    tails: list[str], tail: str, budget: int, many: bool
) -> None:
    """A word being typed finds every word whose head is in reach, whether the heads
    sharing its first two letters are few (each cut and scored) or many (their letter
    masks kept, and only those in reach cut)."""
    words = ["ab" + t for t in tails]
    word = "ab" + tail
    terms = ["\n", *dict.fromkeys(words)]
    vocabulary = Vocabulary.derive(terms, {}, list(range(1, len(terms))), lambda t: 1,
                                   ResultCache())
    lengths = range(max(1, len(word) - budget), len(word) + budget + 1)
    expected = {}
    for tid in range(1, len(terms)):
        dist = min(OSA.distance(word, terms[tid][:n]) for n in lengths)
        if dist <= budget:
            expected[tid] = dist
    with mock.patch.object(vocabulary_module, "_FEW_HEADS", 0 if many else 10**9):
        found = vocabulary.near_prefix(word, budget)
    assert sorted(found) == sorted(expected.items())


_PIECES = ("Jae-in", "jae in", "Moon Jae-in", "Moon-Jae-in", "jae/in", "Jae-inc", "In-jae",
           "Jae-In-Kim", "Jae", "in", "Kim", "moon", "Jae-yong", "jae-", "\n")
_PHRASES = ("Jae-in", "Moon Jae-in", '"jae in"', "jae-i", '"Jae-in Kim"', '"Moon Jae"', "jae-y",
            '"moon jae in"')


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_PIECES), max_size=30), min_size=1, max_size=6),
    st.integers(min_value=0, max_value=2),
)
def test_a_phrase_counted_from_compounds_counts_what_a_scan_counts(
    pieces: list[list[str]], saturated: int
) -> None:
    """Counts read off the compounds' postings are the counts a scan of every document
    finds, whatever mix of joined and spaced words, and where counts saturate."""
    texts = [" ".join(words) for words in pieces]
    texts[0] += " Jae-in" * (300 * saturated)
    ix = SearchIndex.build([doc(f"d{i}", t) for i, t in enumerate(texts)])
    plain = SearchIndex.build([doc(f"d{i}", t) for i, t in enumerate(texts)])
    with mock.patch.object(counting.HitCounter, "_counted_by_compounds", return_value=None):
        expected = {q: dict(plain.hits_per_source(q)) for q in _PHRASES}
    for q in _PHRASES:
        assert dict(ix.hits_per_source(q)) == expected[q], q


def test_a_hyphenated_name_is_counted_from_its_compounds_where_that_is_exact() -> None:
    texts = ["Moon Jae-in met Kim. Jae-in smiled.", "Jae-in left; jae in the rain.",
             "Jae-yong stayed.", "Nothing here."]
    ix = SearchIndex.build([doc(f"d{i}", t) for i, t in enumerate(texts)])
    positive, _negative, bits, _complete = ix._candidates(parse_query("Jae-in", False), None)
    found = ix._counter._counted_by_compounds(positive[0].slot_costs, bits)
    assert found is not None
    counts, exact = found
    # d1 also spaces "jae in", so it is scanned; d2 and d3 have no "Jae-in" to count
    assert exact.tolist() == [True, False, False, False]
    assert counts.tolist()[0] == 2
    assert dict(ix.hits_per_source("Jae-in")) == {"d0": 2, "d1": 2}


def test_a_vocabulary_read_back_keeps_its_letter_masks(index: SearchIndex) -> None:
    state = index.state()
    words = ("goverment", "minster", "kono", "japna")
    expected = [index.expand(word, "fuzzy") for word in words]
    made = vocabulary_module._letter_masks
    with mock.patch.object(vocabulary_module, "_letter_masks", wraps=made) as making:
        back = SearchIndex.from_state(index.documents, state)
        assert back is not None
        assert [back.expand(word, "fuzzy") for word in words] == expected
    # read back, not made again, at the start or at a first typo: only each typed
    # word's own mask is made
    assert making.call_count and all(len(c.args[0]) == 1 for c in making.call_args_list)
    assert back.terms == index.terms
    assert back.vocabulary.sorted_terms == index.vocabulary.sorted_terms
    broken = {**state, "_masks": {n: m[:-1] for n, m in state["_masks"].items()}}
    assert SearchIndex.from_state(index.documents, broken) is None
