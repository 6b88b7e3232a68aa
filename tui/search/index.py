"""Full-text search: an inverted index with typo-tolerant, as-you-type queries.

The shape is a search engine's, kept small enough for pure Python at archive scale, and
:class:`SearchIndex` ties its parts together:

* the **token stream** and its encoding: every word a 3-byte key, a line break too
  (tui/search/keys.py);
* the **postings**, built with the stream: each term's documents and frequencies, and
  bitmaps of the frequent terms' documents (tui/search/postings.py);
* the **vocabulary**: a query word expanded to the terms within its typo budget, and a word
  being typed to those it starts (tui/search/vocabulary.py);
* **plans**: a query's clauses resolved against the vocabulary, the documents they leave,
  and their matches in the stream (tui/search/plans.py);
* **counting** the matches of every document, for the sources list (tui/search/counting.py);
* **ranking** passages, and turning them into text (tui/search/passages.py);
* the **cache** of what recent keystrokes worked out (tui/search/cache.py).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection
from typing import Any

import numpy as np

from tui.corpus.document import Document
from tui.search.cache import ResultCache
from tui.search.counting import HitCounter, Hits
from tui.search.keys import Matcher, Stream, TextKeys
from tui.search.passages import Match, Passage, Ranker, text_matches
from tui.search.plans import Plan, candidates, find_hits, make_plan, plan_size
from tui.search.postings import Postings, build_stream
from tui.search.query import Clause, Query, parse_query
from tui.search.vocabulary import Vocabulary
from tui.util import bitsets

__all__ = ["FORMAT", "QueryError", "SearchIndex"]

FORMAT = "search-7"  # bump when the index layout changes: cached indexes then rebuild

# what ``SearchIndex.state`` holds besides its format, in this order
_STATE = (
    "stream", "doc_start", "doc_len", "terms", "compounds", "post_start", "post_docs",
    "post_tfs", "non_body_lines", "_sorted_ids", "_by_length", "_short_prefix", "_masks",
    "_bitmaps",
)


class QueryError(ValueError):
    """A query that cannot be run at all. The parser prefers dropping what it cannot use."""


class SearchIndex:
    """The search index of a list of documents; see the module's docstring for its shape."""

    def __init__(
        self,
        documents: list[Document],
        stream: Stream,
        doc_start: array,  # byte offset of each document in ``stream`` (n + 1 entries)
        doc_len: array,  # words per document
        non_body_lines: list[tuple[tuple[int, int], ...]],  # per doc: line ranges not body
        postings: Postings,
        vocabulary: Vocabulary,
        cache: ResultCache,
    ) -> None:
        self.documents = documents
        self.stream = stream
        self.doc_start = doc_start
        self.doc_len = doc_len
        self.non_body_lines = non_body_lines
        self.postings = postings
        self.vocabulary = vocabulary
        self._cache = cache
        self._ids = [doc.id for doc in documents]
        self._doc_index = {doc_id: i for i, doc_id in enumerate(self._ids)}
        self._counter = HitCounter(
            self._ids, self._doc_index, stream, doc_start, postings, vocabulary.compounds, cache
        )
        self._ranker = Ranker(documents, stream, doc_start, doc_len, non_body_lines, postings)

    def __repr__(self) -> str:
        return f"<SearchIndex: {len(self.documents)} documents, {len(self.terms)} terms>"

    # the vocabulary's and postings' tables, by the names they had in the index
    @property
    def terms(self) -> list[str]:
        return self.vocabulary.terms

    @property
    def compounds(self) -> dict[int, bytes]:
        return self.vocabulary.compounds

    @property
    def post_start(self) -> array:
        return self.postings.post_start

    @property
    def post_docs(self) -> array | memoryview:
        return self.postings.post_docs

    @property
    def post_tfs(self) -> array | memoryview:
        return self.postings.post_tfs

    # --- building, and the state round trip -------------------------------------------------

    @classmethod
    def build(
        cls,
        documents: list[Document],
        progress: Callable[[int, int], None] | None = None,
    ) -> SearchIndex:
        """Index ``documents``. ``progress(done, total)`` is called every few hundred."""
        documents = list(documents)
        built = build_stream(documents, progress)
        n = len(documents)
        cache = ResultCache()
        postings = Postings(built.post_start, built.post_docs, built.post_tfs, {}, n)
        df, by_frequency = postings.by_frequency(len(built.terms))
        vocabulary = Vocabulary.derive(
            built.terms, built.compounds, by_frequency, postings.df, cache
        )
        postings.keep_bitmaps(by_frequency, df)
        index = cls(
            documents, built.stream, built.doc_start, built.doc_len, built.non_body_lines,
            postings, vocabulary, cache,
        )
        if progress and not n:
            progress(0, 0)
        return index

    def state(self) -> dict[str, Any]:
        """What ``from_state`` needs to make this index again without building it.

        The vocabulary goes as one text, and its sorted and by-length lists as term ids:
        pickled a string at a time, and each string met three times, it was most of
        what the pickler had to remember (140,000 terms at 10,000 articles)."""
        parts = {
            "stream": self.stream,
            "doc_start": self.doc_start,
            "doc_len": self.doc_len,
            "post_start": self.postings.post_start,
            "post_docs": self.postings.post_docs,
            "post_tfs": self.postings.post_tfs,
            "non_body_lines": self.non_body_lines,
            "_bitmaps": self.postings.bitmaps,
            **self.vocabulary.state(),
        }
        return {"format": FORMAT, **{name: parts[name] for name in _STATE}}

    @classmethod
    def from_state(cls, documents: list[Document], state: Any) -> SearchIndex | None:
        """The index that ``state()`` described, or None when ``state`` is not one."""
        if not isinstance(state, dict) or state.get("format") != FORMAT:
            return None
        state = {k: v for k, v in state.items() if k != "format"}
        if set(state) != set(_STATE) or len(state["doc_len"]) != len(documents):
            return None
        documents = list(documents)
        cache = ResultCache()
        postings = Postings(
            state["post_start"], state["post_docs"], state["post_tfs"], state["_bitmaps"],
            len(documents),
        )
        try:
            vocabulary = Vocabulary.from_state(state, postings.df, cache)
        except (TypeError, ValueError, IndexError, AttributeError):
            return None
        return cls(
            documents, state["stream"], state["doc_start"], state["doc_len"],
            state["non_body_lines"], postings, vocabulary, cache,
        )

    # --- the vocabulary ---------------------------------------------------------------------

    def document_number(self, doc_id: str) -> int:
        """A document's place in this index (-1 for an id it does not hold)."""
        return self._doc_index.get(doc_id, -1)

    def document_numbers(self, doc_ids: Collection[str]) -> np.ndarray:
        """:meth:`document_number` of each of ``doc_ids``, in one C loop (the quote
        browser asks it of a large archive's hundred thousand sources at once)."""
        return bitsets.numbers_of(self._doc_index, doc_ids, len(doc_ids))

    def term_id(self, term: str) -> int | None:
        """The id of a normalised term, or None if no document has it."""
        return self.vocabulary.term_id(term)

    def key(self, tid: int) -> bytes:
        """How a term appears in the stream: its three bytes, or its parts' for a compound."""
        return self.vocabulary.key(tid)

    def df(self, tid: int) -> int:
        return self.postings.df(tid)

    def expand(self, word: str, mode: str, typing: bool = False) -> dict[int, int]:
        """Term id → cost for one query word. Cost: 2 per typo, 1 for a completed prefix."""
        return self.vocabulary.expand(word, mode, typing)

    def clear_cache(self) -> None:
        """Forget cached expansions and results (the benchmark times a cold keystroke)."""
        self._cache.clear()

    @property
    def nbytes(self) -> int:
        """An estimate of the index's own memory (the documents' text not counted)."""
        arrays = (self.doc_start, self.doc_len)
        size = len(self.stream) + sum(a.itemsize * len(a) for a in arrays)
        return size + self.postings.nbytes + self.vocabulary.nbytes

    # --- searching --------------------------------------------------------------------------

    def _plan(self, clause: Clause) -> Plan:
        return self._cache.cached(
            ("plan", clause), lambda: make_plan(clause, self.vocabulary, self.postings), plan_size
        )

    def _candidates(
        self, query: Query, source: str | None
    ) -> tuple[list[Plan], list[Plan], int, bool]:
        """Plans for the positive and negative clauses, the documents to look in, and
        whether those documents hold every clause (False after falling back to fewer)."""
        if source is not None:
            if source not in self._doc_index:
                return [], [], 0, True
            allowed = 1 << self._doc_index[source]
        else:
            allowed = (1 << len(self.documents)) - 1
        positive = [self._plan(c) for c in query.positive]
        negative = [self._plan(c) for c in query.negative]
        if not positive:
            return [], [], 0, True
        bits, complete = candidates(positive, negative, allowed)
        return positive, negative, bits, complete

    def search(
        self, query: str, limit: int = 50, source: str | None = None, *, typing: bool = True
    ) -> list[Passage]:
        """Ranked passages for ``query``; [] for a query with nothing to search for."""
        try:
            limit = max(0, int(limit))
        except (TypeError, ValueError):
            limit = 50
        if limit == 0:
            return []
        key = ("search", query, limit, source, typing)
        # a copy, so that a caller sorting or trimming its list cannot change the cache
        found = self._cache.cached(
            key, lambda: self._search(parse_query(query, typing), limit, source),
            lambda passages: 1_000 * len(passages),
        )
        return list(found)

    def _search(self, query: Query, limit: int, source: str | None) -> list[Passage]:
        positive, negative, bits, complete = self._candidates(query, source)
        return self._ranker.rank(positive, negative, bits, complete, limit, source)

    def hits_per_source(self, query: str, *, typing: bool = True) -> Hits:
        """Matches per document id, for documents that match the whole query (read-only:
        the same answer is given to the next caller)."""
        key = ("hits", query, typing)
        return self._cache.cached(
            key, lambda: self._hits_per_source(query, typing),
            lambda hits: 8 * len(self.documents) + 16 * len(hits),
        )

    def _hits_per_source(self, query: str, typing: bool) -> Hits:
        positive, negative, bits, complete = self._candidates(parse_query(query, typing), None)
        if not bits:
            return self._counter.none()
        return self._counter.count(positive, negative, bits, complete)

    # --- other questions --------------------------------------------------------------------

    def find_in_document(self, doc_id: str, query: str, *, typing: bool = True) -> list[Match]:
        """Every match of the query's words and phrases in one document, in text order.

        Any word matches, not only where all do (as a browser's find does); ``typing`` as
        for ``search``."""
        d = self._doc_index.get(doc_id)
        if d is None:
            return []
        plans = [self._plan(c) for c in parse_query(query, typing).positive]
        text = self.documents[d].text
        s, e = self.doc_start[d], self.doc_start[d + 1]
        return text_matches(text, find_hits(plans, self.stream, s, e, d), s)

    def find_in_text(self, text: str, query: str, *, typing: bool = True) -> list[Match]:
        """``find_in_document`` for any text (a quote, a title): offsets index ``text``.

        Words are looked up in this index's vocabulary, so typos and prefixes expand exactly
        as they do in a search. Cheap for short texts: no document is scanned.
        """
        plans = [self._plan(c) for c in parse_query(query, typing).positive]
        if not plans or not text:
            return []
        keys = TextKeys(self)(text)
        return text_matches(text, find_hits(plans, keys, 0, len(keys)), 0)

    def matchers(self, query: str, *, typing: bool = True) -> list[Matcher]:
        """How to find each of the query's positive clauses in stream keys (a text's, from
        :class:`~tui.search.keys.TextKeys`): the keys of the words a word stands for, or a
        phrase's regex."""
        found = []
        for clause in parse_query(query, typing).positive:
            plan = self._plan(clause)
            slots = [list(slot) for slot in plan.slot_costs] if plan.regex is not None else []
            found.append(Matcher([key for key, _cost, _docs in plan.alts], plan.regex, slots))
        return found
