"""Building the search index: the token stream of every document, and the postings.

* **Token stream.** Every document's words become stream keys (tui/search/keys.py), and
  all documents are concatenated into one ``bytearray``. Positions are byte offsets into
  it: a word is found in a document with ``bytes.find`` over its slice, a phrase with one
  compiled ``re``, both in C.
* **Postings.** For each term: the documents that hold it and how often, in two flat
  ``array`` s shared by all terms (:class:`Postings`). Frequent terms also keep a bitmap
  (a Python int, one bit per document) so that AND / OR / NOT over thousands of documents
  cost microseconds.
"""

from __future__ import annotations

import sys
from array import array
from collections import Counter, deque
from collections.abc import Callable, Iterable
from itertools import repeat
from operator import add
from typing import NamedTuple

from tui.corpus.document import BODY, Document
from tui.nlp.text import WORD_OR_LINE, normalise
from tui.search.keys import ID_LIMIT, LINE_KEY, term_key, word_tokens
from tui.util import bitsets

__all__ = ["Built", "Postings", "build_stream"]


class Built(NamedTuple):
    """What :func:`build_stream` makes of a list of documents."""

    stream: bytearray
    doc_start: array  # byte offset of each document in ``stream`` (n + 1 entries)
    doc_len: array  # words per document
    terms: list[str]  # by term id
    compounds: dict[int, bytes]  # term id → its parts' keys, for hyphenated and dotted words
    post_start: array  # by term id: offset into post_docs / post_tfs (V + 1 entries)
    post_docs: array
    post_tfs: array
    non_body_lines: list[tuple[tuple[int, int], ...]]  # per doc: line ranges not body


def build_stream(
    documents: list[Document], progress: Callable[[int, int], None] | None = None
) -> Built:
    """The token stream, vocabulary and postings of ``documents``. ``progress(done,
    total)`` is called every few hundred documents."""
    vocab: dict[str, int] = {"\n": 0}
    terms: list[str] = ["\n"]
    keys: list[bytes] = [LINE_KEY]
    compounds: dict[int, bytes] = {}
    # per stream key: its postings, each (document << 8 | frequency) in one number, so
    # that a posting is one append (unpacked into two flat arrays by ``_unpack``)
    doc_code = "H" if len(documents) < 1 << 16 else "I"  # two bytes a document id if they fit
    # four bytes a posting up to 16 million documents: appending to an array of eight
    # made the postings of 100,000 articles 20% slower
    pack_code = "I" if len(documents) < 1 << 24 else "Q"
    postings: dict[bytes, array] = {LINE_KEY: array(pack_code)}
    compound_keys: set[bytes] = set()

    def term_id(term: str) -> int:
        tid = vocab.get(term)
        if tid is None:
            tid = len(terms)
            if tid >= ID_LIMIT:  # beyond two million words, the rarest share a slot
                return ID_LIMIT - 1
            vocab[term] = tid
            terms.append(term)
            key = term_key(tid)
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
            parts = (term,) if chunk.isalnum() else word_tokens(chunk, term)
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
    chunk_keys = Chunks({"\n": LINE_KEY})
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
        lines = counts.pop(LINE_KEY, 0)
        doc_len.append(len(piece) // 3 - lines)
        hits = special.intersection(counts)
        if hits:
            _count_parts(counts, hits, runs)
        # term frequencies saturate at 255: they only order documents, as BM25 saturates
        tfs: Iterable[int] = counts.values()
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
    return Built(
        stream, doc_start, doc_len, terms, compounds, post_start, post_docs, post_tfs, non_body
    )


class Postings:
    """Each term's documents: ``post_docs[post_start[t] : post_start[t + 1]]`` are the
    documents holding term ``t``, ascending, and ``post_tfs`` the same slice its frequency
    in each (saturating at 255). ``bitmaps``: the documents of frequent terms, one bit each.
    """

    def __init__(
        self,
        post_start: array,
        post_docs: array | memoryview,  # (a view of the disk cache's map, read back)
        post_tfs: array | memoryview,
        bitmaps: dict[int, int],
        documents: int,
    ) -> None:
        self.post_start = post_start
        self.post_docs = post_docs
        self.post_tfs = post_tfs
        self.bitmaps = bitmaps
        self.documents = documents  # how many

    def df(self, tid: int) -> int:
        return self.post_start[tid + 1] - self.post_start[tid]

    def by_frequency(self, terms: int) -> tuple[list[int], list[int]]:
        """The document frequency of each of the first ``terms`` term ids, and the ids
        (the line break's aside) most frequent first."""
        starts = self.post_start
        df = [starts[i + 1] - starts[i] for i in range(terms)]
        return df, sorted(range(1, terms), key=df.__getitem__, reverse=True)

    def keep_bitmaps(self, by_frequency: list[int], df: list[int]) -> None:
        """Give the frequent terms their bitmaps (``by_frequency`` and ``df``: as
        :meth:`by_frequency` gives them)."""
        # a bitmap pays for itself once a term is in more than 1 in 32 documents
        threshold = max(16, self.documents // 32)
        for tid in by_frequency:
            if df[tid] < threshold:
                break
            self.bitmaps[tid] = self.bitmap_of([tid])

    def bitmap_of(self, tids: Iterable[int]) -> int:
        """One bit per document holding any of ``tids`` (bit i is document i)."""
        flags = bytearray(self.documents)
        starts, docs = self.post_start, self.post_docs
        for tid in tids:
            bitsets.mark(flags, docs[starts[tid] : starts[tid + 1]])
        return bitsets.from_flags(flags)

    def term_bitmap(self, tids: list[int]) -> int:
        """``bitmap_of``, with the bitmaps frequent terms keep."""
        bits = 0
        rare = []
        for tid in tids:
            bm = self.bitmaps.get(tid)
            if bm is None:
                rare.append(tid)
            else:
                bits |= bm
        if rare:
            bits |= self.bitmap_of(rare)
        return bits

    def presence(self, tid: int) -> int | frozenset[int]:
        """The documents holding a term: its bitmap if it has one, else a small set."""
        bm = self.bitmaps.get(tid)
        if bm is not None:
            return bm
        return frozenset(self.post_docs[self.post_start[tid] : self.post_start[tid + 1]])

    @property
    def nbytes(self) -> int:
        """An estimate of the postings' memory, with the frequent terms' bitmaps."""
        arrays = (self.post_start, self.post_docs, self.post_tfs)
        size = sum(a.itemsize * len(a) for a in arrays)
        return size + len(self.bitmaps) * (self.documents // 8 + 40)


# --- building, in parts -------------------------------------------------------------------


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
    for i in range(min(width, step - 1)):  # (the bytes above a packed id's stay 0)
        docs_raw[i::width] = raw[i + 1 :: step]
    raw.release()
    docs = array(doc_code)
    docs.frombytes(docs_raw)
    if sys.byteorder == "big":
        docs.byteswap()
    return docs, tfs


def _non_body_lines(doc: Document) -> tuple[tuple[int, int], ...]:
    """Line-number ranges of a document's comments and boilerplate.

    Line breaks are counted once over the text, section after section (a page with
    thousands of captions has as many sections), and a range that overlaps or touches
    the one before is merged into it: a line is in a merged range exactly when it is in
    one of the ranges merged.
    """
    out: list[tuple[int, int]] = []
    text = doc.text
    pos = line = 0  # line: the number of line breaks before text[pos]
    for section in doc.sections:
        if section.kind == BODY:
            continue
        if section.start >= pos:
            line += text.count("\n", pos, section.start)
            pos = section.start
            lo = line
        else:  # sections out of order (they tile the text in order: never, but stay exact)
            lo = text.count("\n", 0, section.start)
        inside = text.count("\n", section.start, section.end)
        hi = lo + inside + 1
        if section.start == pos and section.end > pos:
            line, pos = line + inside, section.end
        if out and out[-1][0] <= lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return tuple(out)
