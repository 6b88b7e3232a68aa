"""Where a phrase's words stand in a row, in a whole token stream at once.

A phrase is found per document with its regex (tui/search/plans.py), which costs a call
and a list for each document, and a match object or a bytes object for each match. A
phrase of two common words ("South Korea" in every article of an archive) has more
matches than there are documents: at 100,000 articles, one scan took half a second,
on a keystroke. Here the stream is read as NumPy arrays instead. One slot's tokens are
found by one comparison over every token's first byte; the tokens before and after each
of them are then read and checked against the other slots, with no Python step a match.
What the settled slots give is worth remembering: as the phrase's last word is typed,
only the check of the last slot changes.

The answer is the regex's, match for match: the same starts, taken left to right
without overlaps (``re.finditer``), never across two documents or two quotations.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Sequence
from operator import attrgetter

import numpy as np

from tui.search.cache import ResultCache
from tui.search.keys import KEY_SIZE, Stream, key_term
from tui.util import bitsets

__all__ = ["PhraseFinder", "Settled", "phrase_starts", "settle", "settled_slots"]

# (a slot of more terms is checked against a table of every term id: one gather a token)
_FEW_TERMS = 8


class PhraseFinder:
    """Phrases in one stream of parts (the search's documents, the quote browser's
    quotations), what each phrase's settled slots give remembered in ``cache``."""

    def __init__(self, stream: Stream, bounds: array, cache: ResultCache) -> None:
        self.stream = stream
        self._bounds = bounds  # where each part starts, then where the last ends
        self._numbers: np.ndarray | None = None  # the same as NumPy numbers, when asked
        self._cache = cache

    def starts(self, slots: Sequence[Collection[bytes]]) -> tuple[np.ndarray, np.ndarray]:
        """Where the phrase of ``slots`` starts, and the part each start is in (see
        :func:`phrase_starts`)."""
        if self._numbers is None:
            self._numbers = bitsets.as_numbers(self._bounds).astype(np.int64)
        bounds, count = self._numbers, settled_slots(slots)
        settled = self._cache.cached(
            ("settled", len(slots), *(frozenset(slot) for slot in slots[:count])),
            lambda: settle(self.stream, slots, count, bounds),
            attrgetter("nbytes"),
        )
        return phrase_starts(slots, settled, count)

    def clear(self) -> None:
        """Forget what earlier phrases gave (the benchmark times cold keystrokes)."""
        self._cache.clear()


def settled_slots(slots: Sequence[Collection[bytes]]) -> int:
    """How many of the phrase's slots, from the first, stay as the next key is typed:
    all but the last (closing the quote, or typing the last word on, changes only
    that one's terms)."""
    return max(1, len(slots) - 1)


class Settled:
    """Where a phrase may start in a stream, as far as its settled slots tell: the byte
    offsets, in stream order, where the whole phrase fits in one part (document or
    quotation) and each settled slot holds one of its terms; each one's part; and the
    token that stands in the last slot there (its three bytes as one number), which
    each keystroke checks anew."""

    __slots__ = ("starts", "parts", "last")

    def __init__(self, starts: np.ndarray, parts: np.ndarray, last: np.ndarray) -> None:
        self.starts = starts
        self.parts = parts
        self.last = last

    @property
    def nbytes(self) -> int:
        return int(self.starts.nbytes + self.parts.nbytes + self.last.nbytes)


def settle(
    stream: Stream,
    slots: Sequence[Collection[bytes]],
    settled: int,
    bounds: np.ndarray,
) -> Settled:
    """The starts of the phrase of ``slots`` (each a set of token keys) as far as its
    first ``settled`` slots tell; ``bounds``: where each part of the stream starts, then
    its end (sorted byte offsets). The slot of fewest terms is looked for first, by
    one comparison over every token's first byte."""
    at = min(range(settled), key=lambda k: len(slots[k]))
    data = np.frombuffer(stream, dtype=np.uint8)
    firsts = data[::KEY_SIZE]  # (a token's first byte: its high bit set, as no other's is)
    leads = sorted({key[0] for key in slots[at]})
    if len(leads) == 1:
        found = np.flatnonzero(firsts == leads[0])
    else:
        table = np.zeros(256, dtype=bool)
        table[leads] = True
        found = np.flatnonzero(table[firsts])
    found *= KEY_SIZE
    found = found[_holds(_codes(stream, found), slots[at])]
    starts = found - at * KEY_SIZE
    # the whole phrase inside one part (no phrase runs on into the next)
    parts = np.searchsorted(bounds, starts, side="right") - 1
    keep = (starts >= 0) & (starts + len(slots) * KEY_SIZE <= bounds[parts + 1])
    starts, parts = starts[keep], parts[keep]
    for k in range(settled):
        if k != at and len(starts):
            keep = _holds(_codes(stream, starts + k * KEY_SIZE), slots[k])
            starts, parts = starts[keep], parts[keep]
    last = _codes(stream, starts + (len(slots) - 1) * KEY_SIZE).astype(np.uint32)
    return Settled(starts, parts, last)


def phrase_starts(
    slots: Sequence[Collection[bytes]], settled: Settled, count: int
) -> tuple[np.ndarray, np.ndarray]:
    """The byte offsets where the phrase of ``slots`` starts, and the part each start
    is in, as ``re.finditer`` would find them part by part; ``settled``: what
    :func:`settle` found for its first ``count`` slots (all but the last, or all)."""
    starts, parts = settled.starts, settled.parts
    if count < len(slots) and len(starts):
        keep = _holds(settled.last, slots[-1])
        starts, parts = starts[keep], parts[keep]
    width = len(slots) * KEY_SIZE
    if len(starts) > 1:
        close = np.flatnonzero(np.diff(starts) < width)
        if len(close):
            starts, parts = _without_overlaps(starts, parts, width, close)
    return starts, parts


def _holds(codes: np.ndarray, keys: Collection[bytes]) -> np.ndarray:
    """Whether each token of ``codes`` (see :func:`_codes`) is one of ``keys``."""
    if len(keys) <= _FEW_TERMS:
        held = np.zeros(len(codes), dtype=bool)
        for key in keys:
            held |= codes == int.from_bytes(key, "little")
        return held
    # a term id is the low seven bits of each byte (tui/search/keys.py)
    ids = (codes & 0x7F) | (codes >> 1 & 0x3F80) | (codes >> 2 & 0x1FC000)
    wanted = np.fromiter(map(key_term, keys), dtype=np.int64, count=len(keys))
    table = np.zeros(int(wanted.max()) + 2, dtype=bool)
    table[wanted] = True
    return table[np.minimum(ids, len(table) - 1)]


def _codes(stream: Stream, offsets: np.ndarray) -> np.ndarray:
    """The three bytes of the token at each of ``offsets``, as one number each (the
    first byte lowest): one gather of four bytes a token, the fourth masked off."""
    tokens = len(stream) // KEY_SIZE
    if tokens < 2:
        whole = [int.from_bytes(stream[o : o + KEY_SIZE], "little") for o in offsets.tolist()]
        return np.array(whole, dtype=np.int64)
    # (the last token has no fourth byte after it: read as the one before, then set)
    words = np.ndarray((tokens - 1,), dtype="<u4", buffer=stream, strides=(KEY_SIZE,))
    at = offsets // KEY_SIZE
    codes = (words[np.minimum(at, tokens - 2)] & 0xFFFFFF).astype(np.int64)
    last = at == tokens - 1
    if last.any():
        codes[last] = int.from_bytes(stream[(tokens - 1) * KEY_SIZE : tokens * KEY_SIZE], "little")
    return codes


def _without_overlaps(
    starts: np.ndarray, parts: np.ndarray, width: int, close: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Left to right, each match that begins inside the one kept before it is dropped
    ("ha ha" in "ha ha ha" is one match, as a regex finds it). Only the runs of
    matches closer than ``width`` are walked, in Python."""
    drop = np.zeros(len(starts), dtype=bool)
    kept_end = -1
    walked = np.zeros(len(starts), dtype=bool)
    walked[close] = True
    walked[close + 1] = True
    for i in np.flatnonzero(walked).tolist():
        s = int(starts[i])
        if s < kept_end:
            drop[i] = True
        else:
            kept_end = s + width
    keep = ~drop
    return starts[keep], parts[keep]
