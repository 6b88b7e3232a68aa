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
from collections.abc import Iterable, Sequence
from itertools import compress
from typing import TypeVar

import numpy as np

T = TypeVar("T")


def as_numbers(numbers: Iterable[int]) -> np.ndarray:
    """``numbers`` as a NumPy array: an ``array.array`` seen as one, without a copy."""
    if isinstance(numbers, np.ndarray):
        return numbers
    if isinstance(numbers, array):
        return np.frombuffer(numbers, dtype=np.dtype(numbers.typecode))
    return np.fromiter(numbers, dtype=np.int64)


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
