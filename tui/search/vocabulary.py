"""The search vocabulary: term ids, and a query word expanded to the terms it stands for.

Typo tolerance expands each query word to the vocabulary words within its edit budget
(0 typos under 5 characters, 1 at 5-8, 2 at 9 and over; rapidfuzz's OSA distance, so a
transposition is one typo). The last word while typing is also a prefix, matched with
typos after its first two letters.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from tui.search.cache import ResultCache
from tui.search.keys import term_key
from tui.search.query import EXACT, FUZZY, PREFIX
from tui.util.packing import apart, separated

__all__ = ["MAX_EXPANSIONS", "Vocabulary", "typo_budget"]

MAX_EXPANSIONS = 50  # vocabulary words one query word may stand for
# A word being typed is compared with the heads of the words sharing its first two
# letters. Where those are many, their first characters are kept as code points, and a
# head is cut and scored only if its letters could be the word's (see ``near``).
_HEAD_WIDTH = 24
_FEW_HEADS = 2_000


def typo_budget(word: str) -> int:
    """Edits allowed for a query word (numbers get none: 2019 is not a typo of 2016)."""
    if any(c.isdigit() for c in word):
        return 0
    n = len(word)
    return 0 if n < 5 else 1 if n < 9 else 2


class Vocabulary:
    """The index's words by term id, with the lookups that expand a query word: the words
    sorted (for a term's id and for prefixes), by length (for typos), and the commonest
    words of each one- and two-letter prefix. ``df``: a term id's document frequency."""

    def __init__(
        self,
        terms: list[str],
        compounds: dict[int, bytes],
        sorted_ids: array,
        sorted_terms: list[str],
        by_length: dict[int, array],
        short_prefix: dict[str, list[int]],
        df: Callable[[int], int],
        cache: ResultCache,
        masks: dict[int, array] | None = None,
    ) -> None:
        self.terms = terms  # by term id
        self.compounds = compounds  # term id → its parts' keys, for hyphenated and dotted words
        self.sorted_ids = sorted_ids
        self.sorted_terms = sorted_terms
        self.by_length = by_length  # word length → the ids of the words that long
        self.short_prefix = short_prefix
        self.df = df
        self._cache = cache
        # each word length's letter masks (see ``near``), in the order of by_length's
        # ids: made with the index and kept in its cache, since making a length's at
        # its first typo cost that keystroke up to 0.1 s in a large archive
        self.masks = masks if masks is not None else _masks_by_length(terms, by_length)

    @classmethod
    def derive(
        cls,
        terms: list[str],
        compounds: dict[int, bytes],
        by_frequency: list[int],
        df: Callable[[int], int],
        cache: ResultCache,
    ) -> Vocabulary:
        """The vocabulary of these terms, its lookups made (``by_frequency``: the term
        ids, most frequent first)."""
        ids = sorted(range(1, len(terms)), key=terms.__getitem__)
        sorted_ids = array("I", ids)
        sorted_terms = [terms[i] for i in ids]
        by_length: dict[int, array] = {}
        for tid in range(1, len(terms)):
            n = len(terms[tid])
            bucket = by_length.get(n)
            if bucket is None:
                bucket = by_length[n] = array("I")
            bucket.append(tid)
        short: dict[str, list[int]] = {}
        for tid in by_frequency:
            term = terms[tid]
            for p in (term[:1], term[:2]):
                top = short.get(p)
                if top is None:
                    short[p] = [tid]
                elif len(top) < MAX_EXPANSIONS:
                    top.append(tid)
        return cls(terms, compounds, sorted_ids, sorted_terms, by_length, short, df, cache)

    def state(self) -> dict[str, Any]:
        """The vocabulary's part of the index's state (see ``SearchIndex.state``)."""
        return {
            "terms": separated(self.terms),
            "compounds": self.compounds,
            "_sorted_ids": self.sorted_ids,
            "_by_length": self.by_length,
            "_short_prefix": self.short_prefix,
            "_masks": self.masks,
        }

    @classmethod
    def from_state(
        cls, state: dict[str, Any], df: Callable[[int], int], cache: ResultCache
    ) -> Vocabulary:
        """The vocabulary ``state()`` described; TypeError, ValueError, IndexError or
        AttributeError if it is not one."""
        terms = apart(state["terms"])
        sorted_ids = state["_sorted_ids"]
        by_length = state["_by_length"]
        # (checked now: the words of each length are only looked up at a first typo)
        if not all(isinstance(ids, array) for ids in by_length.values()):
            raise TypeError("not the ids of each length")
        if any(ids and max(ids) >= len(terms) for ids in by_length.values()):
            raise IndexError("a term id of no term")
        masks = state["_masks"]
        if set(masks) != set(by_length) or any(
            not isinstance(m, array) or m.typecode != "I" or len(m) != len(by_length[n])
            for n, m in masks.items()
        ):
            raise ValueError("not the letter masks of each length")
        return cls(
            terms, state["compounds"], sorted_ids, _picked(terms, sorted_ids), by_length,
            state["_short_prefix"], df, cache, masks,
        )

    @property
    def nbytes(self) -> int:
        """An estimate of the vocabulary's memory."""
        size = sum(len(t) + 49 for t in self.terms) + len(self.compounds) * 120
        return size + len(self.sorted_ids) * 4 + len(self.terms) * 16 + len(self.terms) * 4

    # --- terms ------------------------------------------------------------------------------

    def term_id(self, term: str) -> int | None:
        """The id of a normalised term, or None if no document has it."""
        i = bisect_left(self.sorted_terms, term)
        if i < len(self.sorted_terms) and self.sorted_terms[i] == term:
            found: int = self.sorted_ids[i]
            return found
        return None

    def key(self, tid: int) -> bytes:
        """How a term appears in the stream: its three bytes, or its parts' for a compound."""
        return self.compounds.get(tid) or term_key(tid)

    # --- expanding a query word -------------------------------------------------------------

    def prefixed(self, prefix: str) -> list[int]:
        """Term ids starting with ``prefix``, the most frequent first.

        A one-letter prefix stands for its 8 commonest words, two letters for 16, and so on
        up to ``MAX_EXPANSIONS``: a prefix that short says little, and each word costs time.
        """
        cap = min(MAX_EXPANSIONS, 8 * len(prefix))
        if len(prefix) <= 2:
            return list(self.short_prefix.get(prefix, ()))[:cap]
        lo = bisect_left(self.sorted_terms, prefix)
        hi = bisect_left(self.sorted_terms, prefix + "\U0010ffff", lo)
        ids: Sequence[int] = self.sorted_ids[lo:hi]
        if len(ids) > cap:
            ids = sorted(ids, key=self.df, reverse=True)[:cap]
        return list(ids)

    def near(self, word: str, budget: int) -> list[tuple[int, int]]:
        """(term id, edits) for vocabulary words within ``budget`` edits of ``word``.

        Only words whose letters could be ``word``'s after that many edits are compared:
        an edit brings in at most one letter and takes away at most one, so the sets of
        letters of two words ``budget`` edits apart differ in at most ``2 * budget``
        (a transposition changes none). Each word's set is a 32-bit mask (a letter's
        bit is its code point mod 32: letters that share a bit only let more words
        through), and one XOR over a length's masks leaves a tenth of its words or
        fewer for rapidfuzz to score (a 100,000-article archive has 1.3 million).
        """
        found: list[tuple[int, int]] = []
        mask = int(_letter_masks([word], len(word))[0]) if word else 0
        for length in range(max(1, len(word) - budget), len(word) + budget + 1):
            ids = self.by_length.get(length)
            if not ids:
                continue
            masks = np.frombuffer(self.masks[length], dtype=np.uint32)
            close = np.flatnonzero(np.bitwise_count(masks ^ np.uint32(mask)) <= 2 * budget)
            rows: list[int] = close.tolist()
            words = map(self.terms.__getitem__, map(ids.__getitem__, rows))
            for _term, dist, i in process.extract(
                word, list(words), scorer=OSA.distance,
                score_cutoff=budget, limit=None,
            ):
                found.append((ids[rows[i]], int(dist)))
        found.sort(key=lambda item: (item[1], -self.df(item[0])))
        return found[:MAX_EXPANSIONS]

    def near_prefix(self, word: str, budget: int) -> list[tuple[int, int]]:
        """(term id, edits) for words that start within ``budget`` edits of ``word``.

        Only words sharing the first two letters are compared: that keeps the comparison to
        a small slice of the vocabulary, fast enough for every keystroke. A slip in the
        first two letters is forgiven once the word is complete (see ``near``).
        """
        lead = word[:2]
        lo = bisect_left(self.sorted_terms, lead)
        hi = bisect_left(self.sorted_terms, lead + "\U0010ffff", lo)
        best: dict[int, int] = {}
        codes = None
        if len(word) + budget <= _HEAD_WIDTH and hi - lo > _FEW_HEADS:
            codes = self._cache.cached(
                ("codes", lead), partial(self._head_codes, lo, hi),
                lambda found: found[0].nbytes + found[1].nbytes,
            )
        mask = _letter_masks([word], len(word))[0] if word else np.uint32(0)
        for length in range(max(1, len(word) - budget), len(word) + budget + 1):
            rows: list[int] | None = None
            if codes is not None:
                # as in ``near``: only heads whose letters could be the word's (cut in C)
                picked = np.flatnonzero(
                    np.bitwise_count(codes[1][:, length - 1] ^ mask) <= 2 * budget)
                rows = picked.tolist()
                cut = np.ascontiguousarray(codes[0][picked, :length])
                heads = cut.view(f"U{length}").ravel().tolist()
            else:
                # the next keystroke asks for mostly the same lengths: keep the cut words
                heads = self._cache.cached(
                    ("heads", lead, length),
                    partial(self._heads, lo, hi, length),
                    lambda cut: 60 * len(cut),
                )
            for _head, dist, i in process.extract(
                word, heads, scorer=OSA.distance, score_cutoff=budget, limit=None
            ):
                tid = self.sorted_ids[lo + (i if rows is None else rows[i])]
                if dist < best.get(tid, 99):
                    best[tid] = int(dist)
        ranked = sorted(best.items(), key=lambda item: (item[1], -self.df(item[0])))
        return ranked[:MAX_EXPANSIONS]

    def _head_codes(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        """For the sorted words ``lo`` to ``hi``: the code points of their first
        ``_HEAD_WIDTH`` characters, one row a word (0 past a word's end), and the letter
        masks of their heads (column ``n - 1``: the mask of the first ``n`` characters)."""
        width = _HEAD_WIDTH
        heads = np.array(self.sorted_terms[lo:hi], dtype=f"U{width}")
        codes = heads.view(np.uint32).reshape(len(heads), width)
        return codes, np.bitwise_or.accumulate(_letter_bits(codes), axis=1)

    def _heads(self, lo: int, hi: int, n: int) -> list[str]:
        """The first ``n`` characters of the sorted words ``lo`` to ``hi``."""
        return [t[:n] for t in self.sorted_terms[lo:hi]]

    def expand(self, word: str, mode: str, typing: bool = False) -> dict[int, int]:
        """Term id → cost for one query word. Cost: 2 per typo, 1 for a completed prefix."""
        key = ("expand", word, mode, typing)
        return self._cache.cached(key, lambda: self._expand(word, mode, typing))

    def _expand(self, word: str, mode: str, typing: bool) -> dict[int, int]:
        out: dict[int, int] = {}
        exact = self.term_id(word)
        if exact is not None:
            out[exact] = 0
        if mode == EXACT and not typing:
            return out
        if mode == PREFIX or typing:
            for tid in self.prefixed(word):
                out.setdefault(tid, 1)
        if mode == FUZZY:
            budget = typo_budget(word)
            if budget and typing:
                # words near a prefix include the words near the whole (same first letter)
                for tid, dist in self.near_prefix(word, budget):
                    cost = 2 * dist + (len(self.terms[tid]) != len(word))
                    if dist and cost < out.get(tid, 99):
                        out[tid] = cost
            elif budget:
                for tid, dist in self.near(word, budget):
                    if dist and 2 * dist < out.get(tid, 99):
                        out[tid] = 2 * dist
        if len(out) > MAX_EXPANSIONS:
            best = sorted(out, key=lambda t: (out[t], -self.df(t)))[:MAX_EXPANSIONS]
            out = {t: out[t] for t in best}
        return out


def _picked(terms: list[str], ids: array) -> list[str]:
    """``[terms[i] for i in ids]``, picked by NumPy: in sorted order the terms are met
    all over memory, and a step each took 0.4 s of a 1.3-million-word vocabulary's
    start (IndexError for an id of no term, as the list would raise)."""
    if not len(ids):
        return []
    table = np.empty(len(terms), dtype=object)
    table[:] = terms
    return list(table[np.frombuffer(ids, dtype=np.dtype(ids.typecode))].tolist())


def _masks_by_length(terms: list[str], by_length: dict[int, array]) -> dict[int, array]:
    """Each length's letter masks (see ``Vocabulary.near``), as arrays the cache keeps."""
    masks = {}
    for n, ids in by_length.items():
        made = array("I")
        made.frombytes(_letter_masks(list(map(terms.__getitem__, ids)), n).tobytes())
        masks[n] = made
    return masks


def _letter_masks(words: list[str], length: int) -> np.ndarray:
    """For each of ``words`` (all ``length`` characters long), the set of its letters as
    a 32-bit mask: bit ``c % 32`` for each code point ``c``."""
    if not words:
        return np.zeros(0, dtype=np.uint32)
    codes = np.frombuffer("".join(words).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return np.bitwise_or.reduce(_letter_bits(codes).reshape(len(words), length), axis=1)


def _letter_bits(codes: np.ndarray) -> np.ndarray:
    """Each code point's bit in a letter mask (``c % 32``), and none for a 0 (the
    padding past a word's end)."""
    bits = np.left_shift(np.uint32(1), codes % np.uint32(32))
    return np.where(codes != 0, bits, np.uint32(0)).astype(np.uint32)
