"""How many matches each document has: the sources list's counts, on every keystroke.

The counts are one NumPy array of every document's matches: a word's postings are added
into it with one ``bincount`` over all the terms it stands for, so that no step is taken
a posting or a document in Python, and the documents that match are read off it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, ValuesView
from typing import TypeVar, overload

import numpy as np

from tui.search.cache import ResultCache
from tui.search.keys import KEY_SIZE, Stream, key_term
from tui.search.phrases import PhraseFinder
from tui.search.plans import Plan, excluded
from tui.search.postings import Postings
from tui.util import bitsets

__all__ = ["HitCounter", "Hits"]

T = TypeVar("T")

# A phrase asked of more than one document in this many is found in the whole stream at
# once (tui/search/phrases.py), not document by document.
_SCAN_SHARE = 8


class HitCounter:
    """Counts the matches of a query's plans in each document of an index."""

    def __init__(
        self,
        ids: list[str],
        numbers: dict[str, int],
        stream: Stream,
        doc_start: array,
        postings: Postings,
        compounds: dict[int, bytes],
        cache: ResultCache,
    ) -> None:
        self.ids = ids  # document ids, by number
        self.numbers = numbers  # (the index's own: each id's number)
        self.stream, self.doc_start = stream, doc_start
        self.postings = postings
        self.compounds = compounds
        self._cache = cache
        # the postings seen as NumPy arrays (no copy)
        self._docs = bitsets.as_numbers(postings.post_docs)
        self._tfs = bitsets.as_numbers(postings.post_tfs)
        self._by_lead: _Leads | None = None
        # a phrase asked of most documents is found in the whole stream at once
        self._phrases = PhraseFinder(stream, doc_start, cache)

    def count(
        self, positive: list[Plan], negative: list[Plan], bits: int, complete: bool
    ) -> Hits:
        """Matches per document id, for the documents of ``bits`` that match the whole
        query (``complete``: whether ``bits`` hold every clause, see ``plans.candidates``)."""
        n = len(self.ids)
        counts = np.zeros(n, dtype=np.int64)
        for plan in positive:
            if plan.regex is None:
                counts += self._word_counts(plan)
                continue
            found, where = self._phrase_counts(plan, bits)
            counts += found
            if complete:
                bits &= where  # (a document with the phrase's words apart does not match)
        # a document matches if it is among ``bits`` and has a count
        matching = bitsets.flags_of(bits, n).astype(bool)
        matching &= counts > 0
        phrases = [plan for plan in negative if plan.regex is not None]
        if phrases and np.count_nonzero(matching) > n // _SCAN_SHARE:
            for plan in phrases:  # (as for a phrase sought: the whole stream at once)
                matching[self._phrases.starts(plan.slot_costs)[1]] = False
        elif phrases:
            stream, starts = self.stream, self.doc_start
            for d in np.flatnonzero(matching).tolist():
                if excluded(phrases, stream, starts[d], starts[d + 1]):
                    matching[d] = False
        counts[~matching] = 0
        return Hits(self.ids, self.numbers, counts)

    def none(self) -> Hits:
        """The answer of a search that matches nothing."""
        return Hits(self.ids, self.numbers, np.zeros(len(self.ids), dtype=np.int64))

    def _word_counts(self, plan: Plan) -> np.ndarray:
        """A word's matches in each document."""
        starts = self.postings.post_start
        words = {key for key, _cost, _docs in plan.alts}
        docs, tfs = [], []
        for tid in plan.ranked_terms:
            parts = self.compounds.get(tid)
            if parts and parts[:3] in words:
                continue  # its occurrences are already counted under its first part
            lo, hi = starts[tid], starts[tid + 1]
            docs.append(self._docs[lo:hi])
            tfs.append(self._tfs[lo:hi])
        n = len(self.ids)
        if not docs:
            return np.zeros(n, dtype=np.int64)
        weights = np.concatenate(tfs).astype(np.float64)
        return np.bincount(np.concatenate(docs), weights, minlength=n).astype(np.int64)

    def _phrase_counts(self, plan: Plan, bits: int) -> tuple[np.ndarray, int]:
        """A phrase's matches in each of the documents ``bits`` holds, and the
        documents that have it. Remembered: a phrase found
        in every article costs a scan of the archive, and the states typed after it
        ("South Korea" !, "South Korea" !Japan) ask for the same again."""
        assert plan.regex is not None
        regex = plan.regex

        def scan() -> tuple[np.ndarray, int]:
            n = len(self.ids)
            found = np.zeros(n, dtype=np.int64)
            scanned = bits
            known = self._counted_by_compounds(plan.slot_costs, bits)
            if known is not None:
                counts, exact = known
                found[exact] = counts[exact]
                scanned &= ~bitsets.from_flags(exact)
            if scanned.bit_count() > n // _SCAN_SHARE:
                # most documents: one pass over the whole stream beats a regex in each
                _starts, docs = self._phrases.starts(plan.slot_costs)
                wanted = bitsets.flags_of(scanned, n).astype(bool)
                found += np.bincount(docs[wanted[docs]], minlength=n)
            else:
                findall, stream, starts = regex.findall, self.stream, self.doc_start
                for d in bitsets.numbers(scanned):
                    found[d] = len(findall(stream, starts[d], starts[d + 1]))
            return found, bitsets.from_flags(found > 0)

        return self._cache.cached(
            ("phrase", regex.pattern, bits), scan,
            lambda found: found[0].nbytes + (found[1].bit_length() + bits.bit_length()) // 8,
        )

    def _counted_by_compounds(
        self, slots: list[dict[bytes, int]], bits: int
    ) -> tuple[np.ndarray, np.ndarray] | None:
        """A phrase's matches in each document, read off the postings where they can be
        known without a scan; None where it would not pay. (A hyphenated name typed
        into the search, "Jae-in", is such a phrase; in an archive that names its
        bearer in a third of its articles, a scan of each took most of a keystroke.)

        Every match starts on a word of the first slot. Where each of that word's
        occurrences in a document is the first part of a compound written with a
        joiner (its count is the sum of those compounds' counts), a match is a compound
        whose next parts are words of the next slots, and the phrase's count is the sum
        of theirs. A compound shorter than the phrase leaves the rest to the words after
        it, so a document where one occurs is scanned, and so is any whose counts
        saturate (255). Returns the counts and the documents they are exact for."""
        if len(slots) < 2 or not self.compounds:
            return None
        by_lead = self._compounds_by_lead()
        firsts = list(slots[0])
        leading = [c for key in firsts for c in by_lead.led_by(key)]
        if not leading:
            return None
        n = len(self.ids)
        firsts_total = self._tf_sum([key_term(key) for key in firsts], n)
        led = self._tf_sum([tid for tid, _key in leading], n)
        size = KEY_SIZE
        whole: list[int] = []
        short: list[int] = []
        for tid, key in leading:
            parts = len(key) // size
            fits = all(key[i * size : (i + 1) * size] in slots[i]
                       for i in range(1, min(parts, len(slots))))
            if fits:
                (whole if parts >= len(slots) else short).append(tid)
        exact = (firsts_total == led) & (firsts_total < 255)
        exact &= self._tf_sum(short, n) == 0
        exact &= bitsets.flags_of(bits, n).astype(bool)
        return self._tf_sum(whole, n), exact

    def _compounds_by_lead(self) -> _Leads:
        """The compounds, found by the key of their first part (made once). A key two
        spellings share is listed once, under the term that holds its postings, so that
        no occurrence is counted twice. (In C but for the shared keys: a large archive
        has a hundred thousand compounds, and this is made on its first phrase.)"""
        if self._by_lead is None:
            compounds = self.compounds
            holder = dict(zip(compounds.values(), compounds))
            if len(holder) < len(compounds):
                df = self.postings.df
                for key, n in Counter(compounds.values()).items():
                    if n > 1:
                        holder[key] = max((t for t, k in compounds.items() if k == key),
                                          key=lambda t: (df(t), -t))
            keys = sorted(holder)
            self._by_lead = _Leads(keys, list(map(holder.__getitem__, keys)))
        return self._by_lead

    def _tf_sum(self, tids: list[int], n: int) -> np.ndarray:
        """Each document's summed frequency of the terms ``tids``."""
        if not tids:
            return np.zeros(n, dtype=np.int64)
        starts = self.postings.post_start
        docs = np.concatenate([self._docs[starts[t] : starts[t + 1]] for t in tids])
        tfs = np.concatenate([self._tfs[starts[t] : starts[t + 1]] for t in tids])
        return np.bincount(docs, tfs.astype(np.float64), minlength=n).astype(np.int64)


class _Leads:
    """Compound keys in sorted order, with the term holding each: those of one first
    part are a run of them."""

    def __init__(self, keys: list[bytes], tids: list[int]) -> None:
        self.keys, self.tids = keys, tids

    def led_by(self, lead: bytes) -> list[tuple[int, bytes]]:
        """(term id, key) of each compound whose first part's key is ``lead``."""
        lo = bisect_left(self.keys, lead)
        hi = bisect_left(self.keys, lead[:-1] + bytes((lead[-1] + 1,)), lo)
        return list(zip(self.tids[lo:hi], self.keys[lo:hi]))


class Hits(Mapping[str, int]):
    """Matches per matching document id: a search's answer for the sources list.

    A broad search matches every document of a large archive, and a dict of a hundred
    thousand entries costs more to make than the counting itself (15 ms), on every
    keystroke. This mapping reads the counts where the counter left them, one array
    for every document (0 where a document does not match); what the sources list
    filters with is :attr:`bits`, the matching documents as a set of their numbers.
    """

    __slots__ = ("_ids", "_numbers", "_counts", "_rows", "_bits")

    def __init__(self, ids: list[str], numbers: dict[str, int], counts: np.ndarray) -> None:
        self._ids, self._numbers, self._counts = ids, numbers, counts
        self._rows: np.ndarray | None = None
        self._bits: int | None = None

    @property
    def rows(self) -> np.ndarray:
        """The numbers of the matching documents, ascending."""
        if self._rows is None:
            self._rows = np.flatnonzero(self._counts)
        return self._rows

    @property
    def bits(self) -> int:
        """The matching documents, as a set of their numbers (tui/util/bitsets.py)."""
        if self._bits is None:
            self._bits = bitsets.from_flags(self._counts > 0)
        return self._bits

    @property
    def total(self) -> int:
        """Every match in every document."""
        return int(self._counts.sum())

    def __getitem__(self, doc_id: str) -> int:
        found = self.get(doc_id)
        if found is None:
            raise KeyError(doc_id)
        return found

    @overload
    def get(self, doc_id: str, /) -> int | None: ...
    @overload
    def get(self, doc_id: str, /, default: int | T) -> int | T: ...

    def get(self, doc_id: str, /, default: object = None) -> object:
        """(Asked for every listed source: without the exception a miss costs
        through ``__getitem__``.)"""
        d = self._numbers.get(doc_id)
        found = 0 if d is None else int(self._counts[d])
        return found if found else default

    def __contains__(self, doc_id: object) -> bool:
        d = self._numbers.get(doc_id) if isinstance(doc_id, str) else None
        return d is not None and bool(self._counts[d])

    def __iter__(self) -> Iterator[str]:
        return map(self._ids.__getitem__, self.rows.tolist())

    def values(self) -> ValuesView[int]:
        return _Counts(self)

    def counts_of(self, doc_ids: Iterable[str], size: int) -> np.ndarray:
        """The counts of ``size`` documents by id (0 for one that does not match), in
        one C loop: the concordance asks it of every source listed, on each keystroke."""
        numbers = bitsets.numbers_of(self._numbers, doc_ids, size)
        known = numbers >= 0
        found = np.zeros(size, dtype=np.int64)
        found[known] = self._counts[numbers[known]]
        return found

    def counts(self) -> list[int]:
        """The counts of the matching documents, in their order."""
        found: list[int] = self.row_counts().tolist()
        return found

    def row_counts(self) -> np.ndarray:
        """:meth:`counts` as an array."""
        return self._counts[self.rows]

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        return f"<Hits: {len(self)} documents>"


class _Counts(ValuesView[int]):
    """A :class:`Hits`' counts, read from its array in one step (a sum of every match
    would otherwise look each document up by its id)."""

    _mapping: Hits

    def __iter__(self) -> Iterator[int]:
        return iter(self._mapping.counts())
