"""Many small arrays of ints laid end to end in a few large ones, and taken apart again.

Pickle rebuilds every array with a call and a temporary bytes object of its own. For the
hundred thousand small arrays of an index's entity mentions that is most of the time
spent pickling and unpickling them, and the temporaries freed between the objects that
stay leave memory Python can never hand back. Laid end to end they pickle as a handful
of buffers.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence, Sized
from itertools import accumulate
from typing import Any

import numpy as np

from tui.util.bitsets import as_numbers

# The typecodes kept apart, so that each array comes back with its own.
_CODES = ("i", "q")

Laid = tuple[bytes, array, dict[str, array]]


def joined(strings: list[str]) -> tuple[str, array]:
    """The strings as one text and their lengths, for :func:`cut`: a pickler writes (and
    remembers) a list of strings one object at a time."""
    return "".join(strings), offsets(list(map(len, strings)))


def separated(strings: list[str]) -> str | tuple[str, array]:
    """The strings as one text, for :func:`apart`: joined by NULs when none of them
    holds one (``str.split`` then makes them again in C, several times faster than
    :func:`cut`), else as :func:`joined` makes it."""
    text = "\0".join(strings)
    if strings and text.count("\0") == len(strings) - 1:
        return text
    return joined(strings)


def apart(packed: str | tuple[str, Sequence[int]]) -> list[str]:
    """The strings given to :func:`separated`; ValueError or TypeError for anything
    else."""
    if isinstance(packed, str):
        return packed.split("\0")
    return cut(*packed)


def cut(text: str, lengths: Sequence[int]) -> list[str]:
    """``text`` cut back into the strings of these lengths that were joined to make it."""
    if sum(lengths) != len(text):
        raise ValueError("lengths that do not add up to the text")
    return list(map(text.__getitem__, _slices(lengths)))


def _slices(lengths: Sequence[int]) -> Iterator[slice]:
    """The slices of pieces of these lengths laid end to end, made in C."""
    # (in arrays: a list of a hundred thousand boxed offsets would outweigh the pieces)
    ends = array("q", accumulate(lengths))
    starts = array("q", [0])
    starts.extend(ends[:-1])
    return map(slice, starts, ends)


def offsets(numbers: list[int]) -> array:
    """Character offsets in 4-byte ints, unless one needs more.

    Offsets fit 4 bytes unless a document has 2**31 characters or more: a corpus file
    is limited to 64 MB by default, but the limit can be raised.
    """
    try:
        return array("i", numbers)
    except OverflowError:
        return array("q", numbers)


def lay(arrays: Iterable[Sequence[int]]) -> Laid:
    """(typecodes, lengths, the arrays of each typecode end to end). A list, or an array
    of another typecode, comes back as an array of 8-byte ints."""
    codes = bytearray()
    lengths = array("q")
    laid = {code: array(code) for code in _CODES}
    for numbers in arrays:
        code = numbers.typecode if isinstance(numbers, array) else "q"
        if code not in laid:
            code = "q"
        laid[code].extend(numbers)
        codes.append(ord(code))
        lengths.append(len(numbers))
    return bytes(codes), lengths, laid


def end_to_end(arrays: Iterable[Sequence[int]]) -> tuple[array, array]:
    """The arrays as one, of 4-byte ints unless a number needs 8 (see :func:`offsets`),
    and where each starts in it (then where the last ends): a piece is read when it is
    wanted, rather than all made again as arrays of their own."""
    pieces = list(arrays)
    data = array("i")
    try:
        for numbers in pieces:
            data.extend(numbers if isinstance(numbers, array) and numbers.typecode == "i"
                        else array("i", numbers))
    except OverflowError:
        data = array("q")
        for numbers in pieces:
            data.extend(array("q", numbers))
    return data, array("q", accumulate(map(len, pieces), initial=0))


def checked_starts(data: Sized, starts: Any) -> array:
    """``starts`` if they are where pieces laid end to end in ``data`` start (and the
    last ends), as :func:`end_to_end` gives them; else ValueError."""
    if not (isinstance(starts, array) and starts.typecode == "q" and len(starts)):
        raise ValueError("not the starts of pieces")
    steps = np.diff(as_numbers(starts))
    if starts[0] != 0 or starts[-1] != len(data) or (len(steps) and int(steps.min()) < 0):
        raise ValueError("pieces that do not add up")
    return starts


def unlay(packed: Any) -> Iterator[array]:
    """The arrays given to :func:`lay`, in order. Raises ValueError on anything else."""
    try:
        codes, lengths, laid = packed
        if len(codes) != len(lengths) or set(laid) != set(_CODES):
            raise ValueError("not laid arrays")
        if any(laid[code].typecode != code for code in _CODES):
            raise ValueError("not laid arrays")
    except (TypeError, AttributeError) as exc:
        raise ValueError("not laid arrays") from exc
    if b"q" not in codes and sum(lengths) == len(laid["i"]):
        # (all of one typecode, as offsets nearly always are)
        yield from map(laid["i"].__getitem__, _slices(lengths))
        return
    at = dict.fromkeys(_CODES, 0)
    for byte, n in zip(codes, lengths):
        code = chr(byte)
        i = at[code]
        at[code] = i + n
        yield laid[code][i : i + n]
