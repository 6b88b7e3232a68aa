"""Sets of small numbers (documents, quotations) held as Python ints, one bit a number.

An int's ``|``, ``&`` and ``bit_count`` run in C a machine word at a time, so the union
or intersection of tens of thousands of numbers costs microseconds where a ``set`` costs
milliseconds. Numbers go in and come out through NumPy: an int's bytes are its bits,
least significant first, which ``packbits`` and ``unpackbits`` turn into one flag a
number and back, and ``flatnonzero`` into the numbers, all in C. (Without NumPy each
number went through a Python-level call: at 100,000 articles, with a million quotations,
the conversions were a fifth of a keystroke.)
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import compress, repeat
from typing import TypeVar

import numpy as np

T = TypeVar("T")


def as_numbers(numbers: Iterable[int]) -> np.ndarray:
    """``numbers`` as a NumPy array: an ``array.array`` or a view seen as one, without
    a copy."""
    if isinstance(numbers, np.ndarray):
        return numbers
    if isinstance(numbers, array):
        return np.frombuffer(numbers, dtype=np.dtype(numbers.typecode))
    if isinstance(numbers, memoryview):  # (an array read back from a map of the cache)
        return np.frombuffer(numbers, dtype=np.dtype(numbers.format))
    return np.fromiter(numbers, dtype=np.int64)


def numbers_of(places: Mapping[str, int], keys: Iterable[str], size: int) -> np.ndarray:
    """The number ``places`` gives each of ``size`` keys (-1 for a key it lacks), in one C
    loop: a large archive asks it of a hundred thousand document ids at once."""
    return np.fromiter(map(places.get, keys, repeat(-1)), dtype=np.int64, count=size)


def mark(flags: bytearray, numbers: Iterable[int]) -> None:
    """Set ``flags[i]`` to 1 for each ``i`` of ``numbers``."""
    picked = as_numbers(numbers)
    if len(picked):
        np.frombuffer(flags, dtype=np.uint8)[picked] = 1


def from_flags(flags: bytes | bytearray | np.ndarray) -> int:
    """The set holding ``i`` wherever ``flags[i]`` is set (every flag 0 or 1)."""
    array = flags if isinstance(flags, np.ndarray) else np.frombuffer(flags, dtype=np.uint8)
    return int.from_bytes(np.packbits(array, bitorder="little").tobytes(), "little")


def from_numbers(numbers: Iterable[int], size: int) -> int:
    """The set of ``numbers``, each below ``size``."""
    flags = np.zeros(size, dtype=np.uint8)
    picked = as_numbers(numbers)
    if len(picked):
        flags[picked] = 1
    return from_flags(flags)


def flags_of(bits: int, size: int) -> np.ndarray:
    """One uint8 for each number below ``size``: 1 if ``bits`` holds it, else 0."""
    if bits <= 0:
        return np.zeros(size, dtype=np.uint8)
    raw = bits.to_bytes((max(size, bits.bit_length()) + 7) // 8, "little")
    return np.unpackbits(np.frombuffer(raw, dtype=np.uint8), bitorder="little")[:size]


def to_flags(bits: int, size: int) -> bytes:
    """One byte for each number below ``size``: 1 if ``bits`` holds it, else 0."""
    return flags_of(bits, size).tobytes()


def select(items: Sequence[T], bits: int) -> list[T]:
    """The items at the numbers ``bits`` holds, in order."""
    if bits <= 0:
        return []
    if _dense(bits):
        return list(compress(items, to_flags(bits, len(items))))
    return list(map(items.__getitem__, numbers(bits)))


def _dense(bits: int) -> bool:
    # (a step through every item costs about an eighth of fetching one by its number)
    return bits.bit_count() * 8 > bits.bit_length()


def positions(bits: int) -> np.ndarray:
    """The numbers ``bits`` holds, ascending, as an array."""
    if bits <= 0:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(flags_of(bits, bits.bit_length()))


def numbers(bits: int) -> list[int]:
    """The numbers ``bits`` holds, ascending."""
    result: list[int] = positions(bits).tolist()
    return result


class Picked(Sequence[T]):
    """The items at the numbers ``bits`` holds, in order, fetched when asked for.

    A broad search in a large archive picks hundreds of thousands of quotations, and a
    list of them costs tens of milliseconds a keystroke, while the list on screen shows
    a few dozen. This sequence knows its length from the set (``bit_count``, in C),
    finds the numbers only when a row is first asked for (one ``flatnonzero``), and
    makes no list at all.
    """

    __slots__ = ("_items", "_bits", "_len", "_rows")

    def __init__(self, items: Sequence[T], bits: int) -> None:
        self._items = items
        self._bits = max(bits, 0)
        self._len = self._bits.bit_count()
        self._rows: np.ndarray | None = None

    @property
    def bits(self) -> int:
        """The numbers picked, as a set."""
        return self._bits

    def _numbers(self) -> np.ndarray:
        if self._rows is None:
            self._rows = positions(self._bits)
        return self._rows

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i: int | slice) -> T | list[T]:  # type: ignore[override]
        if isinstance(i, slice):
            return list(map(self._items.__getitem__, self._numbers()[i].tolist()))
        if not -self._len <= i < self._len:
            raise IndexError("picked index out of range")
        return self._items[int(self._numbers()[i])]

    def __iter__(self) -> Iterator[T]:
        return iter(select(self._items, self._bits))

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same items (a list of them, say)."""
        if isinstance(other, Picked) and other._items is self._items:
            return other._bits == self._bits
        if not isinstance(other, Sequence) or isinstance(other, (str, bytes)):
            return NotImplemented
        return len(other) == self._len and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # (equal to lists, so no hash)

    def __repr__(self) -> str:
        return f"<Picked: {self._len} of {len(self._items)}>"

    def rank(self, number: int) -> int | None:
        """Where the item at ``number`` is among those picked, or None if it is not."""
        if number < 0 or not self._bits >> number & 1:
            return None
        return (self._bits & ((1 << number) - 1)).bit_count()
