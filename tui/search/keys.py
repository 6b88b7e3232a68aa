"""Stream keys: how the search index writes words, and how anything else reads them.

Every word of the index's token stream is its term id written as three bytes (``KEY_SIZE``),
the first with its high bit set, so that a match can only start on a token boundary. A
line break is a token too (``LINE_KEY``), so that no word or phrase is found across one.
A word written with a joiner ("Jae-in", "U.S.") is its parts' keys in a row, and a
compound term of its own whose key is those parts' keys.

This module is the public side of that encoding: :class:`TextKeys` writes any text's keys
as the index writes its documents', :func:`split_keys` takes a run of keys apart,
:class:`Matcher` says how to find a query's clause in keys, and :func:`stream_spans` maps
stream tokens back to characters of the text.
"""

from __future__ import annotations

import mmap
import re
from bisect import bisect_right
from itertools import islice
from typing import NamedTuple, Protocol

from tui.nlp.text import WORD_OR_LINE, normalise, word_parts

__all__ = [
    "ID_LIMIT", "KEY_SIZE", "LINE_KEY", "UNKNOWN_KEY", "Matcher", "TextKeys", "split_keys",
    "key_term", "stream_spans", "term_key", "word_tokens", "Stream",
]

KEY_SIZE = 3  # bytes per token of the stream
# A token stream: built as a bytearray; read back from the disk cache, a map of its file
# (which finds, slices and lends its buffer as bytes do, but has no count()).
Stream = bytes | bytearray | mmap.mmap
ID_LIMIT = (1 << 21) - 1  # the last id is kept for words no document has
LINE_KEY = b"\x80\x00\x00"  # term id 0: a line break (no word or phrase is found across one)
UNKNOWN_KEY = b"\xff\x7f\x7f"  # term id 2**21 - 1: a word of a text that no document has
_ONE_KEY = re.compile(b"...", re.DOTALL)


def term_key(term_id: int) -> bytes:
    """The three bytes of one term id in the stream."""
    return bytes((0x80 | (term_id & 127), (term_id >> 7) & 127, (term_id >> 14) & 127))


def key_term(key: bytes) -> int:
    """The term id of one word's three stream bytes: the inverse of :func:`term_key`."""
    return (key[0] & 127) | key[1] << 7 | key[2] << 14


def split_keys(keys: bytes) -> list[bytes]:
    """The tokens' keys of a run of stream keys (a text's, a compound's), in order."""
    return _ONE_KEY.findall(keys)


_JOINER = re.compile("[-.,\u2010\u2011]")
_JOINED = re.compile("\\w[-.,\u2010\u2011]\\w")  # a joiner inside a word: a compound, maybe


def word_tokens(raw: str, term: str) -> list[str]:
    """The stream tokens of one word: its parts if it is written with a joiner (a hyphen,
    dot or comma), else the word itself (even if its normal form gained a dot)."""
    return word_parts(term) if _JOINER.search(raw) else [term]


class Matcher(NamedTuple):
    """One clause of a query, ready to find in stream keys: any of ``keys`` (a word's
    terms; a compound's key is its parts' keys) or, for a phrase, ``regex``, which matches
    one of ``slots[0]``, then one of ``slots[1]``, and so on."""

    keys: list[bytes]
    regex: re.Pattern[bytes] | None
    slots: list[list[bytes]]


class Lookup(Protocol):
    """What :class:`TextKeys` asks of an index (a :class:`~tui.search.index.SearchIndex`)."""

    def term_id(self, term: str) -> int | None: ...

    def key(self, tid: int) -> bytes: ...


class TextKeys(dict[str, bytes]):
    """Any text's stream keys, its words looked up in an index's vocabulary as the index
    stores its documents' (an unknown word gets a key no document has). Each chunk of text
    between spaces is looked up once per ``TextKeys``: keep one for many texts."""

    def __init__(self, index: Lookup) -> None:
        super().__init__({"\n": LINE_KEY, "": b""})
        self.index = index

    def __call__(self, text: str) -> bytes:
        # (no word holds a space, and line breaks are chunks of their own, as in the build)
        return b"".join(map(self.__getitem__, text.replace("\n", " \n ").split(" ")))

    def __missing__(self, chunk: str) -> bytes:
        keys = bytearray()
        for raw in WORD_OR_LINE.findall(chunk):
            if raw == "\n":
                keys += LINE_KEY
                continue
            term = normalise(raw) or raw
            for part in (term,) if raw.isalnum() else word_tokens(raw, term):
                tid = self.index.term_id(part)
                keys += UNKNOWN_KEY if tid is None else self.index.key(tid)
        found = self[chunk] = bytes(keys)
        return found


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
        n = len(word_tokens(raw, normalise(raw) or raw))
        if n > 1:
            cuts = [a + j.start() for j in _JOINER.finditer(raw)]
            if len(cuts) == n - 1:
                bounds = [a, *cuts, b]
                spans[i : i + 1] = [(bounds[k] + (k > 0), bounds[k + 1]) for k in range(n)]
            else:  # cannot tell the parts apart: each is the whole word
                spans[i : i + 1] = [(a, b)] * n
    return spans
