"""Sets of small numbers (documents, quotations) held as Python ints, one bit a number.

An int's ``|``, ``&`` and ``bit_count`` run in C a machine word at a time, so the union
or intersection of tens of thousands of numbers costs microseconds where a ``set`` costs
milliseconds. Numbers go in and come out through flags, one byte a number, which C-level
loops (``bytearray.__setitem__`` mapped over an array, ``itertools.compress``) read and
write without a Python step per number.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from typing import TypeVar

T = TypeVar("T")

_TO_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_TO_FLAGS = bytes.maketrans(b"01", b"\x00\x01")


def mark(flags: bytearray, numbers: Iterable[int]) -> None:
    """Set ``flags[i]`` to 1 for each ``i`` of ``numbers``."""
    deque(map(flags.__setitem__, numbers, repeat(1)), 0)


def from_flags(flags: bytes | bytearray) -> int:
    """The set holding ``i`` wherever ``flags[i]`` is 1 (every flag 0 or 1)."""
    return int(flags.translate(_TO_DIGITS)[::-1] or b"0", 2)


def from_numbers(numbers: Iterable[int], size: int) -> int:
    """The set of ``numbers``, each below ``size``."""
    flags = bytearray(size)
    mark(flags, numbers)
    return from_flags(flags)


def to_flags(bits: int, size: int) -> bytes:
    """One byte for each number below ``size``: 1 if ``bits`` holds it, else 0."""
    if bits <= 0:
        return bytes(size)
    digits = bin(bits)[:1:-1].encode("ascii")  # least significant first
    return digits[:size].translate(_TO_FLAGS).ljust(size, b"\x00")


def select(items: Sequence[T], bits: int) -> list[T]:
    """The items at the numbers ``bits`` holds, in order."""
    if _dense(bits):
        return list(compress(items, to_flags(bits, len(items))))
    return list(map(items.__getitem__, numbers(bits)))


def _dense(bits: int) -> bool:
    # (a step through every number costs about an eighth of a jump to the next set bit)
    return bits.bit_count() * 8 > bits.bit_length()


def numbers(bits: int) -> list[int]:
    """The numbers ``bits`` holds, ascending."""
    if _dense(bits):
        size = bits.bit_length()
        return list(compress(range(size), to_flags(bits, size)))
    # a sparse set: jump from one set bit to the next (each find is a C scan)
    digits = bin(bits)[:1:-1]  # least significant first
    out = []
    i = digits.find("1")
    while i >= 0:
        out.append(i)
        i = digits.find("1", i + 1)
    return out
