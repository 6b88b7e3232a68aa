"""Full-text search: an inverted index with typo-tolerant, as-you-type queries.

The shape is a search engine's, kept small enough for pure Python at archive scale:

* **Token stream.** Every document's words become term ids, each written as three bytes
  (the first with its high bit set, so a match can only start on a token boundary), and all
  documents are concatenated into one ``bytearray``. A line break is a token too, so
  passages never run across paragraphs. Positions are byte offsets into that stream; a
  word is found in a document with ``bytes.find`` over its slice, a phrase with one
  compiled ``re``, both in C.
* **Postings.** For each term: the documents that hold it and how often, in two flat
  ``array`` s shared by all terms. Frequent terms also keep a bitmap (a Python int, one bit
  per document) so that AND / OR / NOT over thousands of documents cost microseconds.
* **Vocabulary.** Typo tolerance expands each query word to the vocabulary words within its
  edit budget (0 typos under 5 characters, 1 at 5-8, 2 at 9 and over; rapidfuzz's OSA
  distance, so a transposition is one typo). The last word while typing is also a prefix,
  matched with typos after its first two letters.
* **Ranking** of passages (a sentence or paragraph, never a whole article): more query
  words matched, fewer typos, closer together, body before comments and boilerplate,
  then BM25. Everything is searched; comments and boilerplate only rank lower.

Broad queries (a single letter matches most of an archive) score only ``SCORE_LIMIT``
documents: those with the highest term frequency for the rarest query word.
"""

from __future__ import annotations

import math
import re
import sys
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations, compress, islice, repeat
from operator import add
from typing import Any, NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from tui.corpus.document import BODY, Document
from tui.nlp.text import WORD_OR_LINE, normalise, sentences, word_parts
from tui.search.query import EXACT, FUZZY, PREFIX, Clause, Query, parse_query
from tui.util import bitsets
from tui.util.packing import cut, joined

__all__ = [
    "EXACT", "FUZZY", "LINE_KEY", "PREFIX", "Clause", "Match", "Matcher", "Passage", "Query",
    "QueryError", "SearchIndex", "TextKeys", "parse_query", "stream_spans", "typo_budget",
]

MAX_EXPANSIONS = 50  # vocabulary words one query word may stand for
SCORE_LIMIT = 100  # documents scored in full for one query
# matches of one clause looked at per document when ranking (BM25 saturates anyway); more
# when there are several clauses, so that the closest pair is found in a long article
HITS_PER_CLAUSE = 32
HITS_PER_CLAUSE_NEAR = 64
PASSAGE_CHARS = 240  # a paragraph longer than this is narrowed to its matching sentences
SNIPPET_CHARS = 200
PASSAGES_PER_DOCUMENT = 3
BM25_K1, BM25_B = 1.2, 0.75
_ID_LIMIT = (1 << 21) - 1  # the last id is kept for words no document has
CACHE_ENTRIES = 512  # results remembered, at most
CACHE_BYTES = 64 << 20  # and their rough sizes, added up
_SMALL_RESULT = 1_000
FORMAT = "search-5"  # bump when the index layout changes: cached indexes then rebuild
_TOP = bytes.maketrans(bytes(range(256)), bytes(b >> 7 for b in range(256)))  # 1 if ≥ 128
_TOP_BYTE = 3 if sys.byteorder == "little" else 0  # a 32-bit field's most significant byte
_LINE = b"\x80\x00\x00"  # term id 0: a line break
LINE_KEY = _LINE  # (no word or phrase is found across one)
_UNKNOWN = b"\xff\x7f\x7f"  # term id 2**21 - 1: a word of a text that no document has


def _key(term_id: int) -> bytes:
    return bytes((0x80 | (term_id & 127), (term_id >> 7) & 127, (term_id >> 14) & 127))


def typo_budget(word: str) -> int:
    """Edits allowed for a query word (numbers get none: 2019 is not a typo of 2016)."""
    if any(c.isdigit() for c in word):
        return 0
    n = len(word)
    return 0 if n < 5 else 1 if n < 9 else 2


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "term": self.term}


@dataclass(frozen=True)
class Passage:
    source: str
    start: int
    end: int
    score: float
    snippet: str
    matches: tuple[Match, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "matches": [m.to_json() for m in self.matches],
        }


class QueryError(ValueError):
    """A query that cannot be run at all. The parser prefers dropping what it cannot use."""


# --- the index ----------------------------------------------------------------------------


@dataclass
class _Plan:
    """A clause resolved against the vocabulary: how to find it, and which documents have it.

    A word becomes its vocabulary terms (``alts``: stream key, cost, documents holding it as
    a bitmap or a set), each found with ``bytes.find`` in the documents that hold it. A
    phrase or hyphenated word becomes a regex over the stream, one slot per word.
    """

    clause: Clause
    alts: list[tuple[bytes, int, int | frozenset[int]]]
    regex: re.Pattern[bytes] | None
    slot_costs: list[dict[bytes, int]]
    bitmap: int
    ranked_terms: list[int]  # term ids, best first, for choosing documents of broad queries
    df: int = 0


class Matcher(NamedTuple):
    """One clause of a query, ready to find in stream keys: any of ``keys`` (a word's
    terms; a compound's key is its parts' keys) or, for a phrase, ``regex``, which matches
    one of ``slots[0]``, then one of ``slots[1]``, and so on."""

    keys: list[bytes]
    regex: re.Pattern[bytes] | None
    slots: list[list[bytes]]


class TextKeys(dict):
    """Any text's stream keys, its words looked up in an index's vocabulary as the index
    stores its documents' (an unknown word gets a key no document has). Each chunk of text
    between spaces is looked up once per ``TextKeys``: keep one for many texts."""

    def __init__(self, index: SearchIndex) -> None:
        super().__init__({"\n": _LINE, "": b""})
        self.index = index

    def __call__(self, text: str) -> bytes:
        # (no word holds a space, and line breaks are chunks of their own, as in the build)
        return b"".join(map(self.__getitem__, text.replace("\n", " \n ").split(" ")))

    def __missing__(self, chunk: str) -> bytes:
        keys = bytearray()
        for raw in WORD_OR_LINE.findall(chunk):
            if raw == "\n":
                keys += _LINE
                continue
            term = normalise(raw) or raw
            for part in (term,) if raw.isalnum() else _parts(raw, term):
                tid = self.index.term_id(part)
                keys += _UNKNOWN if tid is None else self.index.key(tid)
        found = self[chunk] = bytes(keys)
        return found


@dataclass
class _Candidate:
    doc: int
    line_pos: int  # byte offset of the passage's line in the stream
    hits: list[tuple[int, int, int, int]]  # (start, end, clause, cost) in the window
    line_hits: list[tuple[int, int, int, int]]
    score: float


@dataclass(repr=False, eq=False)
class SearchIndex:
    """The search index of a list of documents; see the module's docstring for its shape."""

    documents: list[Document]
    stream: bytes | bytearray
    doc_start: array  # byte offset of each document in ``stream`` (n + 1 entries)
    doc_len: array  # words per document
    terms: list[str]  # by term id
    compounds: dict[int, bytes]  # term id → its parts' keys, for hyphenated and dotted words
    post_start: array  # by term id: offset into post_docs / post_tfs (V + 1 entries)
    post_docs: array
    post_tfs: array
    non_body_lines: list[tuple[tuple[int, int], ...]]  # per doc: line ranges not body
    _sorted_terms: list[str] = field(default_factory=list)
    _sorted_ids: array = field(default_factory=lambda: array("I"))
    _by_length: dict[int, tuple[list[str], array]] = field(default_factory=dict)
    _short_prefix: dict[str, list[int]] = field(default_factory=dict)
    _bitmaps: dict[int, int] = field(default_factory=dict)
    _doc_index: dict[str, int] = field(default_factory=dict)
    _ids: list[str] = field(default_factory=list)
    _fields_max: int = 0  # 2**31 - 1 in each document's 32-bit field (see _hits_per_source)
    _avg_len: float = 1.0
    _cache: OrderedDict[Any, tuple[Any, int]] = field(default_factory=OrderedDict)
    _cache_bytes: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __repr__(self) -> str:
        return f"<SearchIndex: {len(self.documents)} documents, {len(self.terms)} terms>"

    # --- building ---------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        documents: list[Document],
        progress: Callable[[int, int], None] | None = None,
    ) -> SearchIndex:
        """Index ``documents``. ``progress(done, total)`` is called every few hundred."""
        documents = list(documents)
        vocab: dict[str, int] = {"\n": 0}
        terms: list[str] = ["\n"]
        keys: list[bytes] = [_LINE]
        compounds: dict[int, bytes] = {}
        # per stream key: its postings, each (document << 8 | frequency) in one number, so
        # that a posting is one append (unpacked into two flat arrays by ``_unpack``)
        doc_code = "H" if len(documents) < 1 << 16 else "I"  # two bytes a document id if they fit
        pack_code = "I" if doc_code == "H" else "Q"
        postings: dict[bytes, array] = {_LINE: array(pack_code)}
        compound_keys: set[bytes] = set()

        def term_id(term: str) -> int:
            tid = vocab.get(term)
            if tid is None:
                tid = len(terms)
                if tid >= _ID_LIMIT:  # beyond two million words, the rarest share a slot
                    return _ID_LIMIT - 1
                vocab[term] = tid
                terms.append(term)
                key = _key(tid)
                keys.append(key)
                postings[key] = array(pack_code)
            return tid

        runs: dict[bytes, tuple[bytes, ...]] = {}  # a _Run → its words' keys
        special: set[bytes] = set()  # compound keys and runs: counted for their parts

        class Chunks(dict):  # text between spaces → its words' stream keys, once per spelling
            def __missing__(self, chunk: str) -> bytes:
                words = findall(chunk)
                if not words or words[0] != chunk:
                    if len(words) < 2:  # "(Japan," is Japan; "—" has no word
                        key = self[words[0]] if words else b""
                    else:
                        parts_keys = tuple(self[word] for word in words)
                        key = _Run(b"".join(parts_keys))
                        runs[key] = parts_keys
                        special.add(key)
                    self[chunk] = key
                    return key
                # the unwrapped function: each spelling comes here once, so an LRU only costs
                term = plain_normalise(chunk) or chunk
                if term == chunk:
                    term = chunk  # no second copy of every lower-case word
                parts = (term,) if chunk.isalnum() else _parts(chunk, term)
                if len(parts) == 1:
                    tid = vocab.get(parts[0] or term)
                    key = keys[term_id(parts[0] or term) if tid is None else tid]
                else:
                    # a compound is its parts in the stream, and a term of its own
                    key = b"".join(keys[term_id(p)] for p in parts)
                    tid = term_id(term)
                    if terms[tid] == term:  # not when the vocabulary is full
                        keys[tid] = compounds[tid] = key
                    if key not in compound_keys:
                        compound_keys.add(key)
                        special.add(key)
                        postings[key] = array(pack_code)
                self[chunk] = key
                return key

        plain_normalise = normalise.__wrapped__
        chunk_keys = Chunks({"\n": _LINE})
        findall = WORD_OR_LINE.findall
        append = array.append
        stream = bytearray()
        doc_start = array("Q", [0])
        doc_len = array("I")
        non_body: list[tuple[tuple[int, int], ...]] = []
        total = len(documents)
        for d, doc in enumerate(documents):
            # Splitting at spaces is several times cheaper than the word regex, and no word
            # holds a space: the regex runs once per distinct chunk ("Japan's," or "U.S.")
            # instead of over the whole text. Line breaks get chunks of their own, or every
            # last word of a line would be a new spelling ("said.\nThe").
            chunks = doc.text.replace("\n", " \n ").split(" ")
            found = list(map(chunk_keys.__getitem__, chunks))
            piece = b"".join(found)
            stream += piece
            doc_start.append(len(stream))
            counts = Counter(found)
            counts.pop(b"", None)
            lines = counts.pop(_LINE, 0)
            doc_len.append(len(piece) // 3 - lines)
            hits = special.intersection(counts)
            if hits:
                _count_parts(counts, hits, runs)
            # term frequencies saturate at 255: they only order documents, as BM25 saturates
            tfs = counts.values()
            if counts and max(tfs) > 255:
                tfs = map(min, tfs, repeat(255))
            # one posting per distinct key, appended without a Python-level loop
            deque(map(append, map(postings.__getitem__, counts), map(add, tfs, repeat(d << 8))), 0)
            non_body.append(_non_body_lines(doc))
            if progress and (d % 256 == 255 or d == total - 1):
                progress(d + 1, total)
        del chunk_keys  # the chunks' spellings: freed before packing needs memory

        post_start = array("I", [0])
        packed = array(pack_code)
        for key in keys:  # popped as they are packed, so both never need memory at once
            packed.extend(postings.pop(key, b""))
            post_start.append(len(packed))
        postings.clear()
        post_docs, post_tfs = _unpack(packed, doc_code)
        del packed
        index = cls(
            documents=documents,
            stream=stream,
            doc_start=doc_start,
            doc_len=doc_len,
            terms=terms,
            compounds=compounds,
            post_start=post_start,
            post_docs=post_docs,
            post_tfs=post_tfs,
            non_body_lines=non_body,
        )
        index._prepare()
        if progress and not total:
            progress(0, 0)
        return index

    _STATE = (
        "stream", "doc_start", "doc_len", "terms", "compounds", "post_start", "post_docs",
        "post_tfs", "non_body_lines", "_sorted_ids", "_by_length", "_short_prefix",
        "_bitmaps",
    )

    def state(self) -> dict[str, Any]:
        """What ``from_state`` needs to make this index again without building it.

        The vocabulary goes as one text, and its sorted and by-length lists as term ids:
        pickled a string at a time, and each string met three times, it was most of
        what the pickler had to remember (140,000 terms at 10,000 articles)."""
        state = {name: getattr(self, name) for name in self._STATE}
        state["terms"] = joined(self.terms)
        state["_by_length"] = {n: ids for n, (_terms, ids) in self._by_length.items()}
        return {"format": FORMAT, **state}

    @classmethod
    def from_state(cls, documents: list[Document], state: Any) -> SearchIndex | None:
        """The index that ``state()`` described, or None when ``state`` is not one."""
        if not isinstance(state, dict) or state.get("format") != FORMAT:
            return None
        state = {k: v for k, v in state.items() if k != "format"}
        if set(state) != set(cls._STATE) or len(state["doc_len"]) != len(documents):
            return None
        try:
            terms = state["terms"] = cut(*state["terms"])
            term = terms.__getitem__
            state["_sorted_terms"] = list(map(term, state["_sorted_ids"]))
            state["_by_length"] = {
                n: (list(map(term, ids)), ids) for n, ids in state["_by_length"].items()
            }
        except (TypeError, ValueError, IndexError, AttributeError):
            return None
        index = cls(documents=list(documents), **state)
        index._number_documents()
        return index

    def _number_documents(self) -> None:
        self._ids = [doc.id for doc in self.documents]
        self._fields_max = int.from_bytes(b"\xff\xff\xff\x7f" * len(self._ids), "little")
        self._doc_index = {doc_id: i for i, doc_id in enumerate(self._ids)}
        n = len(self.documents)
        self._avg_len = (sum(self.doc_len) / n) if n else 1.0

    def _prepare(self) -> None:
        """Derived lookups: sorted vocabulary, length buckets, bitmaps of frequent terms."""
        n = len(self.documents)
        self._number_documents()
        ids = sorted(range(1, len(self.terms)), key=self.terms.__getitem__)
        self._sorted_ids = array("I", ids)
        self._sorted_terms = [self.terms[i] for i in ids]
        by_length: dict[int, tuple[list[str], array]] = {}
        for tid in range(1, len(self.terms)):
            term = self.terms[tid]
            bucket = by_length.get(len(term))
            if bucket is None:
                bucket = by_length[len(term)] = ([], array("I"))
            bucket[0].append(term)
            bucket[1].append(tid)
        self._by_length = by_length
        starts = self.post_start
        df = [starts[i + 1] - starts[i] for i in range(len(self.terms))]
        by_frequency = sorted(range(1, len(self.terms)), key=df.__getitem__, reverse=True)
        short: dict[str, list[int]] = {}
        for tid in by_frequency:
            term = self.terms[tid]
            for p in (term[:1], term[:2]):
                top = short.get(p)
                if top is None:
                    short[p] = [tid]
                elif len(top) < MAX_EXPANSIONS:
                    top.append(tid)
        self._short_prefix = short
        # a bitmap pays for itself once a term is in more than 1 in 32 documents
        threshold = max(16, n // 32)
        for tid in by_frequency:
            if df[tid] < threshold:
                break
            self._bitmaps[tid] = self._bitmap_of([tid])

    def _bitmap_of(self, tids: Iterable[int]) -> int:
        """One bit per document holding any of ``tids`` (bit i is document i)."""
        n = len(self.documents)
        flags = bytearray(n)
        starts, docs = self.post_start, self.post_docs
        for tid in tids:
            bitsets.mark(flags, docs[starts[tid] : starts[tid + 1]])
        return bitsets.from_flags(flags)

    def _term_bitmap(self, tids: list[int]) -> int:
        bits = 0
        rare = []
        for tid in tids:
            bm = self._bitmaps.get(tid)
            if bm is None:
                rare.append(tid)
            else:
                bits |= bm
        if rare:
            bits |= self._bitmap_of(rare)
        return bits

    def term_id(self, term: str) -> int | None:
        """The id of a normalised term, or None if no document has it."""
        i = bisect_left(self._sorted_terms, term)
        if i < len(self._sorted_terms) and self._sorted_terms[i] == term:
            return self._sorted_ids[i]
        return None

    def key(self, tid: int) -> bytes:
        """How a term appears in the stream: its three bytes, or its parts' for a compound."""
        return self.compounds.get(tid) or _key(tid)

    def df(self, tid: int) -> int:
        return self.post_start[tid + 1] - self.post_start[tid]

    def clear_cache(self) -> None:
        """Forget cached expansions and results (the benchmark times a cold keystroke)."""
        with self._lock:
            self._cache.clear()
            self._cache_bytes = 0

    def _cached(
        self, key: Any, make: Callable[[], Any], weigh: Callable[[Any], int] | None = None
    ) -> Any:
        """``make()``, remembered under ``key``. The least recently used results go first
        once there are CACHE_ENTRIES of them or their rough sizes (``weigh``, else a small
        default) add up to CACHE_BYTES: in an archive one result can be a dict of every
        document, and 512 of those would hold hundreds of megabytes."""
        # the UI searches from worker threads: the LRU bookkeeping must not interleave
        cache = self._cache
        with self._lock:
            if key in cache:
                cache.move_to_end(key)
                return cache[key][0]
        value = make()
        size = weigh(value) if weigh is not None else _SMALL_RESULT
        with self._lock:
            if key in cache:  # (another thread made it meanwhile)
                self._cache_bytes -= cache[key][1]
            cache[key] = (value, size)
            self._cache_bytes += size
            while len(cache) > 1 and (
                len(cache) > CACHE_ENTRIES or self._cache_bytes > CACHE_BYTES
            ):
                _key, (_value, gone) = cache.popitem(last=False)
                self._cache_bytes -= gone
        return value

    @property
    def nbytes(self) -> int:
        """An estimate of the index's own memory (the documents' text not counted)."""
        arrays = (self.doc_start, self.doc_len, self.post_start, self.post_docs, self.post_tfs)
        size = len(self.stream) + sum(a.itemsize * len(a) for a in arrays)
        size += sum(len(t) + 49 for t in self.terms) + len(self.compounds) * 120
        size += len(self._sorted_ids) * 4 + len(self.terms) * 16 + len(self.terms) * 4
        size += len(self._bitmaps) * (len(self.documents) // 8 + 40)
        return size

    # --- vocabulary -------------------------------------------------------------------------

    def _prefixed(self, prefix: str) -> list[int]:
        """Term ids starting with ``prefix``, the most frequent first.

        A one-letter prefix stands for its 8 commonest words, two letters for 16, and so on
        up to ``MAX_EXPANSIONS``: a prefix that short says little, and each word costs time.
        """
        cap = min(MAX_EXPANSIONS, 8 * len(prefix))
        if len(prefix) <= 2:
            return list(self._short_prefix.get(prefix, ()))[:cap]
        lo = bisect_left(self._sorted_terms, prefix)
        hi = bisect_left(self._sorted_terms, prefix + "\U0010ffff", lo)
        ids = self._sorted_ids[lo:hi]
        if len(ids) > cap:
            ids = sorted(ids, key=self.df, reverse=True)[:cap]
        return list(ids)

    def _near(self, word: str, budget: int) -> list[tuple[int, int]]:
        """(term id, edits) for vocabulary words within ``budget`` edits of ``word``."""
        found: list[tuple[int, int]] = []
        for length in range(max(1, len(word) - budget), len(word) + budget + 1):
            bucket = self._by_length.get(length)
            if not bucket:
                continue
            for _term, dist, i in process.extract(
                word, bucket[0], scorer=OSA.distance, score_cutoff=budget, limit=None
            ):
                found.append((bucket[1][i], int(dist)))
        found.sort(key=lambda item: (item[1], -self.df(item[0])))
        return found[:MAX_EXPANSIONS]

    def _near_prefix(self, word: str, budget: int) -> list[tuple[int, int]]:
        """(term id, edits) for words that start within ``budget`` edits of ``word``.

        Only words sharing the first two letters are compared: that keeps the comparison to
        a small slice of the vocabulary, fast enough for every keystroke. A slip in the
        first two letters is forgiven once the word is complete (see ``_near``).
        """
        lead = word[:2]
        lo = bisect_left(self._sorted_terms, lead)
        hi = bisect_left(self._sorted_terms, lead + "\U0010ffff", lo)
        best: dict[int, int] = {}
        for length in range(max(1, len(word) - budget), len(word) + budget + 1):
            # the next keystroke asks for mostly the same lengths: keep the cut words
            heads = self._cached(
                ("heads", lead, length),
                lambda n=length: [t[:n] for t in self._sorted_terms[lo:hi]],
                lambda cut: 60 * len(cut),
            )
            for _head, dist, i in process.extract(
                word, heads, scorer=OSA.distance, score_cutoff=budget, limit=None
            ):
                tid = self._sorted_ids[lo + i]
                if dist < best.get(tid, 99):
                    best[tid] = int(dist)
        ranked = sorted(best.items(), key=lambda item: (item[1], -self.df(item[0])))
        return ranked[:MAX_EXPANSIONS]

    def expand(self, word: str, mode: str, typing: bool = False) -> dict[int, int]:
        """Term id → cost for one query word. Cost: 2 per typo, 1 for a completed prefix."""
        key = ("expand", word, mode, typing)
        return self._cached(key, lambda: self._expand(word, mode, typing))

    def _expand(self, word: str, mode: str, typing: bool) -> dict[int, int]:
        out: dict[int, int] = {}
        exact = self.term_id(word)
        if exact is not None:
            out[exact] = 0
        if mode == EXACT and not typing:
            return out
        if mode == PREFIX or typing:
            for tid in self._prefixed(word):
                out.setdefault(tid, 1)
        if mode == FUZZY:
            budget = typo_budget(word)
            if budget and typing:
                # words near a prefix include the words near the whole (same first letter)
                for tid, dist in self._near_prefix(word, budget):
                    cost = 2 * dist + (len(self.terms[tid]) != len(word))
                    if dist and cost < out.get(tid, 99):
                        out[tid] = cost
            elif budget:
                for tid, dist in self._near(word, budget):
                    if dist and 2 * dist < out.get(tid, 99):
                        out[tid] = 2 * dist
        if len(out) > MAX_EXPANSIONS:
            best = sorted(out, key=lambda t: (out[t], -self.df(t)))[:MAX_EXPANSIONS]
            out = {t: out[t] for t in best}
        return out

    # --- planning ---------------------------------------------------------------------------

    def _plan(self, clause: Clause) -> _Plan:
        return self._cached(("plan", clause), lambda: self._make_plan(clause), _plan_size)

    def _make_plan(self, clause: Clause) -> _Plan:
        if clause.negate and clause.mode == FUZZY:
            clause = Clause(clause.terms, EXACT, True)  # exclude what was typed, not look-alikes
        if not clause.is_phrase:
            costs = self.expand(clause.terms[0], clause.mode, clause.typing)
            ranked = sorted(costs, key=lambda t: (costs[t], -self.df(t)))
            # longer keys first: where a compound matches, its first part need not
            ranked.sort(key=lambda t: -len(self.key(t)))
            alts = [(self.key(t), costs[t], self._presence(t)) for t in ranked]
            bitmap = self._term_bitmap(list(costs)) if costs else 0
            ranked.sort(key=lambda t: (costs[t], -self.df(t)))
            return _Plan(clause, alts, None, [], bitmap, ranked, bitmap.bit_count())
        # a phrase or a hyphenated word: one slot per word, each a single token
        slot_costs: list[dict[bytes, int]] = []
        bitmap = -1
        ranked: list[int] = []
        narrowest = -1
        for k, term in enumerate(clause.terms):
            last = k == len(clause.terms) - 1
            mode = clause.mode if clause.mode != PREFIX or last else EXACT
            costs = self.expand(term, mode, clause.typing and last)
            single = {t: c for t, c in costs.items() if t not in self.compounds}
            if not single:
                return _Plan(clause, [], None, [], 0, [], 0)
            slot_costs.append({_key(t): c for t, c in single.items()})
            bits = self._term_bitmap(list(single))
            bitmap &= bits
            if narrowest < 0 or bits.bit_count() < narrowest:
                narrowest = bits.bit_count()
                ranked = sorted(single, key=lambda t, c=single: (c[t], -self.df(t)))
        pattern = b"".join(_trie(list(slot)) for slot in slot_costs)
        regex = re.compile(pattern, re.DOTALL)
        bitmap = max(bitmap, 0)
        return _Plan(clause, [], regex, slot_costs, bitmap, ranked, bitmap.bit_count())

    def _presence(self, tid: int) -> int | frozenset[int]:
        """The documents holding a term: its bitmap if it has one, else a small set."""
        bm = self._bitmaps.get(tid)
        if bm is not None:
            return bm
        return frozenset(self.post_docs[self.post_start[tid] : self.post_start[tid + 1]])

    def _hit_cost(self, plan: _Plan, matched: bytes) -> int:
        return sum(
            slot.get(matched[3 * k : 3 * k + 3], 0) for k, slot in enumerate(plan.slot_costs)
        )

    # --- searching --------------------------------------------------------------------------

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
        found = self._cached(
            key, lambda: self._search(parse_query(query, typing), limit, source),
            lambda passages: 1_000 * len(passages),
        )
        return list(found)

    def _candidates(
        self, query: Query, source: str | None
    ) -> tuple[list[_Plan], list[_Plan], int, bool]:
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
        for plan in negative:
            if not plan.clause.is_phrase:
                allowed &= ~plan.bitmap
        bits = allowed
        for plan in positive:
            bits &= plan.bitmap
        if not bits and len(positive) > 1:
            # no document has every word: fall back to those with the most of them
            for keep in range(len(positive) - 1, 0, -1):
                bits = 0
                for group in combinations(positive, keep):
                    sub = allowed
                    for plan in group:
                        sub &= plan.bitmap
                    bits |= sub
                if bits:
                    break
            return positive, negative, bits, False
        return positive, negative, bits, True

    def _choose(self, positive: list[_Plan], bits: int) -> list[int]:
        """Documents to score: all of them, or for a broad query the likeliest few."""
        if bits.bit_count() <= SCORE_LIMIT:
            return bitsets.numbers(bits)
        rarest = min(positive, key=lambda p: p.df or len(self.documents) + 1)
        chosen: list[int] = []
        seen: set[int] = set()
        starts, docs, tfs = self.post_start, self.post_docs, self.post_tfs
        for tid in rarest.ranked_terms:
            lo, hi = starts[tid], starts[tid + 1]
            for i in _by_frequency(tfs[lo:hi].tobytes()):
                d = docs[lo + i]
                if d not in seen and (bits >> d) & 1:
                    seen.add(d)
                    chosen.append(d)
                    if len(chosen) >= SCORE_LIMIT:
                        return sorted(chosen)
        return sorted(chosen)

    def _hits(
        self, plans: list[_Plan], d: int, cap: int = 1 << 62
    ) -> list[list[tuple[int, int, int, int]]]:
        """Per clause, (start, end, clause, cost) of the first ``cap`` matches in ``d``."""
        return self._hits_in(plans, self.stream, self.doc_start[d], self.doc_start[d + 1], d, cap)

    def _hits_in(
        self,
        plans: list[_Plan],
        stream: bytes | bytearray,
        s: int,
        e: int,
        d: int | None = None,
        cap: int = 1 << 62,
    ) -> list[list[tuple[int, int, int, int]]]:
        """``_hits`` over ``stream[s:e]``; ``d``, if known, skips terms the document lacks."""
        find = stream.find
        out = []
        for k, plan in enumerate(plans):
            found: list[tuple[int, int, int, int]] = []
            if plan.regex is not None:
                for m in plan.regex.finditer(stream, s, e):
                    found.append((m.start(), m.end(), k, self._hit_cost(plan, m.group())))
                    if len(found) >= cap:
                        break
            taken: set[int] = set()
            for key, cost, docs in plan.alts:
                if d is not None and not ((docs >> d) & 1 if isinstance(docs, int) else d in docs):
                    continue
                width = len(key)
                i = find(key, s, e)
                while i >= 0 and len(found) < cap:
                    if width == 3 and i in taken:
                        pass  # already matched as the start of a compound
                    else:
                        found.append((i, i + width, k, cost))
                        if width > 3:
                            taken.add(i)
                    i = find(key, i + width, e)
            out.append(found)
        return out

    def _excluded(self, negative: list[_Plan], d: int) -> bool:
        s, e = self.doc_start[d], self.doc_start[d + 1]
        return any(p.regex is not None and p.regex.search(self.stream, s, e) for p in negative)

    def _search(self, query: Query, limit: int, source: str | None) -> list[Passage]:
        positive, negative, bits, complete = self._candidates(query, source)
        if not bits:
            return []
        phrases = [k for k, p in enumerate(positive) if p.regex is not None] if complete else []
        idf = [_idf(len(self.documents), p.df) for p in positive]
        per_doc = PASSAGES_PER_DOCUMENT if source is None else limit
        cap = HITS_PER_CLAUSE if len(positive) == 1 else HITS_PER_CLAUSE_NEAR
        candidates: list[_Candidate] = []
        for d in self._choose(positive, bits):
            if negative and self._excluded(negative, d):
                continue
            hits = self._hits(positive, d, cap)
            if not any(hits) or any(not hits[k] for k in phrases):
                continue
            bm25 = 0.0
            norm = BM25_K1 * (1 - BM25_B + BM25_B * self.doc_len[d] / self._avg_len)
            for k, found in enumerate(hits):
                if found:
                    tf = len(found)
                    bm25 += idf[k] * tf * (BM25_K1 + 1) / (tf + norm)
            candidates.extend(self._passages(d, hits, bm25, per_doc))
        candidates.sort(key=lambda c: -c.score)
        return [self._materialise(c) for c in candidates[:limit]]

    def _passages(
        self, d: int, hits: list[list[tuple[int, int, int, int]]], bm25: float, keep: int
    ) -> list[_Candidate]:
        """The best windows of document ``d``, one per line, scored."""
        stream = self.stream
        s, e = self.doc_start[d], self.doc_start[d + 1]
        ordered = sorted(h for found in hits for h in found)
        # per line: [where it starts, its hits, a bit per clause present, cheapest hit]
        lines: list[list[Any]] = []
        line_end = -1
        current: list[Any] = []
        for hit in ordered:
            if hit[0] >= line_end:
                start = stream.rfind(_LINE, s, hit[0])
                line_end = stream.find(_LINE, hit[0], e)
                line_end = e if line_end < 0 else line_end
                current = [s if start < 0 else start + 3, [hit], 1 << hit[2], hit[3]]
                lines.append(current)
            else:
                current[1].append(hit)
                current[2] |= 1 << hit[2]
                if hit[3] < current[3]:
                    current[3] = hit[3]
        if len(lines) > 2 * keep:
            # only the likeliest lines get the full window search: most clauses, then cheapest
            lines.sort(key=lambda ln: (-ln[2].bit_count(), ln[3]))
            del lines[2 * keep :]
        bonus = bm25 / (1.0 + bm25)
        scored = []
        ranges = self.non_body_lines[d]
        for line, group, _clauses, _cheapest in lines:
            window, cost = _best_window(group)
            matched = len({h[2] for h in window})
            words = sum((h[1] - h[0]) // 3 for h in window)
            gap = min(8, max(0, (window[-1][1] - window[0][0]) // 3 - words))
            penalty = 0
            if ranges:
                number = stream.count(_LINE, s, line)
                penalty = any(lo <= number < hi for lo, hi in ranges)
            score = matched * 10000 - min(cost, 99) * 100 - gap * 2 - penalty + bonus
            scored.append(_Candidate(d, line, window, group, score))
        scored.sort(key=lambda c: -c.score)
        return scored[:keep]

    # --- turning stream positions into text -------------------------------------------------

    def _line_spans(
        self, d: int, line_pos: int, count: int
    ) -> tuple[int, list[tuple[int, int]]]:
        """Character spans of the first ``count`` words on the line at stream offset
        ``line_pos``, and where that line starts in the text."""
        s = self.doc_start[d]
        number = self.stream.count(_LINE, s, line_pos)
        text = self.documents[d].text
        start = 0
        for _ in range(number):
            start = text.find("\n", start) + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        return start, stream_spans(text, start, end, count)

    def _char_span(
        self, spans: list[tuple[int, int]], line_pos: int, hit: tuple[int, int, int, int]
    ) -> tuple[int, int]:
        first = (hit[0] - line_pos) // 3
        last = (hit[1] - line_pos) // 3 - 1
        first = min(max(first, 0), len(spans) - 1)
        last = min(max(last, first), len(spans) - 1)
        return spans[first][0], spans[last][1]

    def _materialise(self, cand: _Candidate) -> Passage:
        doc = self.documents[cand.doc]
        text = doc.text
        upto = max(h[1] for h in cand.line_hits)
        line_start, spans = self._line_spans(cand.doc, cand.line_pos, (upto - cand.line_pos) // 3)
        window = [self._char_span(spans, cand.line_pos, h) for h in cand.hits]
        all_spans = [self._char_span(spans, cand.line_pos, h) for h in cand.line_hits]
        para_start, para_end = _paragraph_at(doc, window[0][0], text)
        start, end = para_start, para_end
        if para_end - para_start > PASSAGE_CHARS:
            covering = [
                (a, b)
                for a, b in sentences(text, para_start, para_end)
                if b > window[0][0] and a < window[-1][1]
            ]
            if covering:
                start, end = covering[0][0], covering[-1][1]
        matches = tuple(
            Match(a, b, normalise(text[a:b]))
            for a, b in sorted(set(all_spans))
            if a >= start and b <= end
        )
        return Passage(
            doc.id, start, end, cand.score, _snippet(text, start, end, window[0]), matches
        )

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
        return _text_matches(text, self._hits(plans, d), self.doc_start[d])

    def find_in_text(self, text: str, query: str, *, typing: bool = True) -> list[Match]:
        """``find_in_document`` for any text (a quote, a title): offsets index ``text``.

        Words are looked up in this index's vocabulary, so typos and prefixes expand exactly
        as they do in a search. Cheap for short texts: no document is scanned.
        """
        plans = [self._plan(c) for c in parse_query(query, typing).positive]
        if not plans or not text:
            return []
        keys = TextKeys(self)(text)
        return _text_matches(text, self._hits_in(plans, keys, 0, len(keys)), 0)

    def matchers(self, query: str, *, typing: bool = True) -> list[Matcher]:
        """How to find each of the query's positive clauses in stream keys (a text's, from
        :class:`TextKeys`): the keys of the words a word stands for, or a phrase's regex."""
        found = []
        for clause in parse_query(query, typing).positive:
            plan = self._plan(clause)
            slots = [list(slot) for slot in plan.slot_costs] if plan.regex is not None else []
            found.append(Matcher([key for key, _cost, _docs in plan.alts], plan.regex, slots))
        return found

    def hits_per_source(self, query: str, *, typing: bool = True) -> dict[str, int]:
        """Matches per document id, for documents that match the whole query."""
        key = ("hits", query, typing)
        return dict(
            self._cached(
                key, lambda: self._hits_per_source(query, typing), lambda hits: 100 * len(hits)
            )
        )

    def _hits_per_source(self, query: str, typing: bool) -> dict[str, int]:
        parsed = parse_query(query, typing)
        positive, negative, bits, complete = self._candidates(parsed, None)
        if not bits:
            return {}
        # each document's count is a 32-bit field of one int, so that adding up the
        # counts of many words, over every document, is one C addition per word
        counts = 0
        for plan in positive:
            if plan.regex is None:
                counts += self._word_counts(plan)
                continue
            found, where = self._phrase_counts(plan, bits)
            counts += found
            if complete:
                bits &= where  # (a document with the phrase's words apart does not match)
        n = len(self.documents)
        fields = counts.to_bytes(4 * n, sys.byteorder)
        per_doc = array("I")
        per_doc.frombytes(fields)
        # a document matches if it is among ``bits`` and has a count: adding 2**31 - 1 to
        # each field sets its top bit just where the count is not 0, and that bit's byte
        # is a flag (no count reaches 2**31: the sum stays inside its field)
        top = (counts + self._fields_max).to_bytes(4 * n, sys.byteorder)
        counted = bitsets.from_flags(top[_TOP_BYTE::4].translate(_TOP))
        matches = bitsets.to_flags(bits & counted, n)
        if any(plan.regex is not None for plan in negative):
            kept = [d for d in compress(range(n), matches) if not self._excluded(negative, d)]
            return {self._ids[d]: per_doc[d] for d in kept}
        return dict(compress(zip(self._ids, per_doc), matches))

    def _word_counts(self, plan: _Plan) -> int:
        """A word's matches in each document, as the 32-bit fields of one int."""
        n = len(self.documents)
        starts, post_docs, post_tfs = self.post_start, self.post_docs, self.post_tfs
        words = {key for key, _cost, _docs in plan.alts}
        counts = 0
        for tid in plan.ranked_terms:
            parts = self.compounds.get(tid)
            if parts and parts[:3] in words:
                continue  # its occurrences are already counted under its first part
            lo, hi = starts[tid], starts[tid + 1]
            fields = bytearray(4 * n)
            view = memoryview(fields).cast("I")
            deque(map(view.__setitem__, post_docs[lo:hi], post_tfs[lo:hi]), 0)
            view.release()
            counts += int.from_bytes(fields, sys.byteorder)
        return counts

    def _phrase_counts(self, plan: _Plan, bits: int) -> tuple[int, int]:
        """A phrase's matches in each of the documents ``bits`` holds, as the 32-bit
        fields of one int, and the documents that have it. Remembered: a phrase found
        in every article costs a scan of the archive, and the states typed after it
        ("South Korea" !, "South Korea" !Japan) ask for the same again."""
        assert plan.regex is not None
        regex = plan.regex

        def scan() -> tuple[int, int]:
            n = len(self.documents)
            fields = bytearray(4 * n)
            view = memoryview(fields).cast("I")
            where = bytearray(n)
            findall, stream, starts = regex.findall, self.stream, self.doc_start
            for d in bitsets.numbers(bits):
                found = len(findall(stream, starts[d], starts[d + 1]))
                if found:
                    view[d] = found
                    where[d] = 1
            view.release()
            return int.from_bytes(fields, sys.byteorder), bitsets.from_flags(where)

        return self._cached(
            ("phrase", regex.pattern, bits), scan,
            lambda found: (found[0].bit_length() + found[1].bit_length() + bits.bit_length()) // 8,
        )


# --- helpers ------------------------------------------------------------------------------

_JOINER = re.compile("[-.,\u2010\u2011]")
_JOINED = re.compile("\\w[-.,\u2010\u2011]\\w")  # a joiner inside a word: a compound, maybe


def _parts(raw: str, term: str) -> list[str]:
    """The stream tokens of one word: its parts if it is written with a joiner (a hyphen,
    dot or comma), else the word itself (even if its normal form gained a dot)."""
    return word_parts(term) if _JOINER.search(raw) else [term]


def stream_spans(
    text: str, start: int = 0, end: int | None = None, count: int | None = None
) -> list[tuple[int, int]]:
    """Character spans of the index's tokens in ``text[start:end]``, one per stream token:
    a compound gives one span per part, as the index stores it, and a line break its own.
    With ``count``, stop once at least that many spans are known."""
    end = len(text) if end is None else end
    found = WORD_OR_LINE.finditer(text, start, end)
    spans = [m.span() for m in (islice(found, count) if count is not None else found)]
    if not spans:
        return spans
    # words written with a joiner are rare: find them with one scan, then split the few
    # that the index stored as parts (from the end, so earlier indexes stay put)
    joined = [m.start() + 1 for m in _JOINED.finditer(text, start, spans[-1][1])]
    starts = [a for a, _ in spans] if joined else []
    for i in sorted({bisect_right(starts, j) - 1 for j in joined}, reverse=True):
        a, b = spans[i]
        raw = text[a:b]
        n = len(_parts(raw, normalise(raw) or raw))
        if n > 1:
            cuts = [a + j.start() for j in _JOINER.finditer(raw)]
            if len(cuts) == n - 1:
                bounds = [a, *cuts, b]
                spans[i : i + 1] = [(bounds[k] + (k > 0), bounds[k + 1]) for k in range(n)]
            else:  # cannot tell the parts apart: each is the whole word
                spans[i : i + 1] = [(a, b)] * n
    return spans


def _text_matches(
    text: str, hits: list[list[tuple[int, int, int, int]]], base: int
) -> list[Match]:
    """Matches in text order, overlaps dropped, for hits in a stream that starts at ``base``."""
    spans = stream_spans(text)
    out: list[Match] = []
    last_end = -1
    for hit in sorted(h for found in hits for h in found):
        a = spans[(hit[0] - base) // 3][0]
        b = spans[(hit[1] - base) // 3 - 1][1]
        if a >= last_end:
            out.append(Match(a, b, normalise(text[a:b])))
            last_end = b
    return out


class _Run(bytes):
    """The keys of several words written without a space between them ("and/or"), as the
    stream holds them. Equal only to itself: a ``Counter`` of chunks' keys must count it
    apart from a compound with the same bytes ("jae/in" is two words, "jae-in" one)."""

    __slots__ = ()
    __hash__ = object.__hash__

    def __eq__(self, other: object) -> bool:
        return self is other


def _count_parts(
    counts: Counter[bytes], hits: set[bytes], runs: dict[bytes, tuple[bytes, ...]]
) -> None:
    """Turn the counts of one document's chunks into its words' and parts' counts: a run
    counts for each of its words, then a compound for each of its parts too (so that
    "jae" finds "Jae-in"). ``hits``: the runs and compounds among ``counts``."""
    for run in [key for key in hits if key in runs]:
        tf = counts.pop(run)
        hits.discard(run)
        for word in runs[run]:
            counts[word] += tf
            if len(word) > 3:  # a compound word
                hits.add(word)
    for key in hits:
        tf = counts[key]
        for i in range(0, len(key), 3):
            counts[key[i : i + 3]] += tf


def _unpack(packed: array, doc_code: str) -> tuple[array, array]:
    """Split postings packed as ``document << 8 | frequency`` into an array of documents
    (of ``doc_code``) and one of frequencies, with byte slices rather than a loop.
    ``packed`` may be changed (it is a temporary)."""
    if sys.byteorder == "big":
        packed.byteswap()  # the slices below read the least significant byte first
    raw = memoryview(packed).cast("B")
    step = packed.itemsize
    tfs = array("B", raw[0::step].tobytes())
    width = array(doc_code).itemsize
    docs_raw = bytearray(width * len(packed))
    for i in range(width):
        docs_raw[i::width] = raw[i + 1 :: step]
    raw.release()
    docs = array(doc_code)
    docs.frombytes(docs_raw)
    if sys.byteorder == "big":
        docs.byteswap()
    return docs, tfs


def _plan_size(plan: _Plan) -> int:
    """Roughly what a plan holds: its documents' bitmap, and each term's documents."""
    held = sum(d.bit_length() // 8 if isinstance(d, int) else 40 * len(d) for *_, d in plan.alts)
    return plan.bitmap.bit_length() // 8 + held + 200 * len(plan.alts)


def _idf(n: int, df: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _by_frequency(tfs: bytes) -> Iterable[int]:
    """Indexes into ``tfs`` (one byte per posting), highest frequency first.

    One C scan per frequency value instead of a sort: broad queries stop after a few
    hundred, and most frequencies are small, so the scans for the high ones are short.
    """
    if not tfs:
        return
    for value in range(max(tfs), 0, -1):
        i = tfs.find(value)
        while i >= 0:
            yield i
            i = tfs.find(value, i + 1)


def _trie(keys: list[bytes]) -> bytes:
    """A regex matching any of ``keys``, factored by leading byte so ``re`` tries few."""
    groups: dict[bytes, list[bytes]] = {}
    ends = False
    for key in keys:
        if not key:
            ends = True
            continue
        groups.setdefault(key[:1], []).append(key[1:])
    branches = [re.escape(head) + _trie(rest) for head, rest in sorted(groups.items())]
    if ends:
        branches.append(b"")
    if len(branches) == 1:
        return branches[0]
    return b"(?:" + b"|".join(branches) + b")"


def _best_window(
    group: list[tuple[int, int, int, int]],
) -> tuple[list[tuple[int, int, int, int]], int]:
    """The shortest run of hits holding every clause present, and its cost."""
    wanted = len({h[2] for h in group})
    if wanted == 1:
        best = min(group, key=lambda h: h[3])
        return [best], best[3]
    best: tuple[int, int, int] | None = None
    counts: dict[int, int] = {}
    lo = 0
    for hi, hit in enumerate(group):
        counts[hit[2]] = counts.get(hit[2], 0) + 1
        while len(counts) == wanted:
            length = group[hi][1] - group[lo][0]
            if best is None or length < best[0]:
                best = (length, lo, hi)
            out = group[lo][2]
            counts[out] -= 1
            if not counts[out]:
                del counts[out]
            lo += 1
    assert best is not None
    window = group[best[1] : best[2] + 1]
    cheapest: dict[int, int] = {}
    for h in window:
        cheapest[h[2]] = min(cheapest.get(h[2], 99), h[3])
    return window, sum(cheapest.values())


def _paragraph_at(doc: Document, offset: int, text: str) -> tuple[int, int]:
    paras = doc.paragraphs
    i = bisect_right(paras.starts(), offset) - 1
    if 0 <= i < len(paras):
        para = paras[i]
        if para.end >= offset:
            return para.start, para.end
    end = text.find("\n", offset)
    return offset, len(text) if end < 0 else end


def _snippet(text: str, start: int, end: int, focus: tuple[int, int]) -> str:
    """Keyword in context: the first match with words either side, inside the passage."""
    if end - start <= SNIPPET_CHARS:
        return " ".join(text[start:end].split())
    left = max(start, focus[0] - SNIPPET_CHARS // 3)
    right = min(end, max(focus[1], left + SNIPPET_CHARS))
    if left > start:
        space = text.find(" ", left, focus[0])
        left = space + 1 if space >= 0 else left
    if right < end:
        space = text.rfind(" ", focus[1], right)
        right = space if space >= 0 else right
    body = " ".join(text[left:right].split())
    return ("…" if left > start else "") + body + ("…" if right < end else "")


def _non_body_lines(doc: Document) -> tuple[tuple[int, int], ...]:
    """Line-number ranges of a document's comments and boilerplate."""
    out = []
    text = doc.text
    for section in doc.sections:
        if section.kind != BODY:
            lo = text.count("\n", 0, section.start)
            hi = lo + text.count("\n", section.start, section.end) + 1
            out.append((lo, hi))
    return tuple(out)
