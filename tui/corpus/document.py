"""The Document model: one source, one canonical text, and spans into it.

Every offset in the project (paragraphs, sections, search matches, entity mentions,
quotes) is a pair of character offsets into ``Document.text``, so that highlights,
snippets and exports all slice the same string and cannot disagree.
"""

from __future__ import annotations

import os
import sys
import threading
from array import array
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from tui.util.packing import offsets

BODY = "body"
COMMENTS = "comments"
BOILERPLATE = "boilerplate"
SECTION_KINDS = (BODY, COMMENTS, BOILERPLATE)


def _compact(text: str) -> str | bytes:
    """``text`` itself when Python stores it in one byte a character, else its UTF-8
    form when that is smaller (it is not for, say, Chinese: three bytes against two)."""
    if text.isascii():
        return text
    encoded = text.encode("utf-8", "surrogatepass")
    return encoded if sys.getsizeof(encoded) < sys.getsizeof(text) else text


class _Recent:
    """The documents whose decoded text is kept, oldest first. Readers take one document
    at a time (a build stage, the viewer, a page of search results), so a handful is
    enough; the rest hold only their UTF-8 form."""

    SIZE = 32

    def __init__(self) -> None:
        self._docs: deque[Document] = deque()
        self._lock = threading.Lock()

    def keep(self, doc: Document) -> None:
        with self._lock:
            self._docs.append(doc)
            while len(self._docs) > self.SIZE:
                self._docs.popleft()._decoded = None


_RECENT = _Recent()
if hasattr(os, "register_at_fork"):
    # The index build forks while the dashboard's thread may be reading a text: the
    # child's copy of a lock held at that moment would never be released.
    os.register_at_fork(after_in_child=lambda: setattr(_RECENT, "_lock", threading.Lock()))


def _text(value: Any) -> str:
    """A metadata value as display text; a list or mapping where text belongs is ignored."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return str(value)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


class Spans(Sequence[Span]):
    """A read-only list of :class:`Span`, packed two 4-byte integers a span (8-byte ones
    in a text of 2**31 characters or more). An archive has over ten paragraphs a
    document, and a Span object with its two ints costs about a hundred bytes; a Span
    is made when one is read."""

    __slots__ = ("_data",)

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._data = offsets([bound for span in spans for bound in (span.start, span.end)])

    def __len__(self) -> int:
        return len(self._data) // 2

    def __iter__(self) -> Iterator[Span]:
        data = self._data
        for k in range(0, len(data), 2):
            yield Span(data[k], data[k + 1])

    @overload
    def __getitem__(self, i: int) -> Span: ...
    @overload
    def __getitem__(self, i: slice) -> list[Span]: ...
    def __getitem__(self, i: int | slice) -> Span | list[Span]:
        if isinstance(i, slice):
            return list(self)[i]
        k = 2 * range(len(self))[i]  # negative indexes and IndexError as a list has them
        return Span(self._data[k], self._data[k + 1])

    def bounds(self) -> list[tuple[int, int]]:
        """Every span as a (start, end) pair, without making Span objects."""
        data = self._data
        return list(zip(data[::2], data[1::2]))

    def starts(self) -> array:
        """Every span's start, in order (for bisecting)."""
        return self._data[::2]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Spans):
            return self._data == other._data
        if isinstance(other, (list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Spans({list(self)!r})"


@dataclass(frozen=True, slots=True)
class Section:
    """A run of the text of one kind. ``label`` says why (e.g. ``caption``, ``footer``)."""

    kind: str
    start: int
    end: int
    label: str = ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "start": self.start, "end": self.end}
        if self.label:
            data["label"] = self.label
        return data


class Document:
    """One source. Its text is kept in the smaller of two forms (see :attr:`text`)."""

    __slots__ = (
        "id", "path", "meta", "paragraphs", "sections", "notes",
        "_stored", "_decoded", "_chars", "_section_starts",
    )

    def __init__(
        self,
        id: str,
        path: str,
        text: str,
        meta: dict[str, Any] | None = None,
        paragraphs: Iterable[Span] | None = None,
        sections: list[Section] | None = None,
        notes: list[str] | None = None,
    ) -> None:
        self.id = id
        self.path = path
        self.meta = meta if meta is not None else {}
        self.paragraphs = paragraphs if isinstance(paragraphs, Spans) else Spans(paragraphs or ())
        self.sections = sections if sections is not None else []
        # Notes about how the file was read (fallback encoding, ignored front matter...).
        self.notes = notes if notes is not None else []
        self._section_starts: list[int] = []
        self._chars = len(text)
        self._decoded: str | None = None
        self._stored: str | bytes | memoryview = _compact(text)

    @property
    def text(self) -> str:
        """The canonical text. One curly quote makes Python store every character of a
        str in two bytes, so an archive's texts would take twice their size: such a text
        is kept as UTF-8 and decoded when read, the last few decoded texts kept at hand."""
        stored = self._stored
        if isinstance(stored, str):
            return stored
        decoded = self._decoded
        if decoded is None:
            # (bytes, or a view of the cache's mapped blob of texts: tui/build/documents.py)
            decoded = self._decoded = str(stored, "utf-8", "surrogatepass")
            _RECENT.keep(self)
        return decoded

    @property
    def chars(self) -> int:
        """``len(self.text)``, without reading the text."""
        return self._chars

    @property
    def encoded(self) -> bytes:
        """The text as UTF-8 (lone surrogates passed through), e.g. for hashing."""
        stored = self._stored
        if isinstance(stored, bytes):
            return stored
        if isinstance(stored, memoryview):
            return bytes(stored)
        return stored.encode("utf-8", "surrogatepass")

    def __getstate__(self) -> dict[str, Any]:
        # (a text read from the cache is a view of its mapped file, which does not pickle:
        # a build's workers get its bytes; the decoded copy is left behind)
        state = {name: getattr(self, name) for name in self.__slots__}
        if isinstance(self._stored, memoryview):
            state["_stored"] = bytes(self._stored)
        state["_decoded"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return (
            self.id == other.id
            and self.path == other.path
            and self.encoded == other.encoded
            and self.meta == other.meta
            and self.paragraphs == other.paragraphs
            and self.sections == other.sections
            and self.notes == other.notes
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it replaced

    def __repr__(self) -> str:
        return f"Document(id={self.id!r}, path={self.path!r}, chars={self._chars})"

    @property
    def title(self) -> str:
        return _text(self.meta.get("title")) or self.id

    @property
    def outlet(self) -> str:
        return _text(self.meta.get("outlet"))

    @property
    def outlet_label(self) -> str:
        """Who published it, as every view names it and counts it: the outlet, or the
        title where no outlet is given, on one line. Two files of one outlet are one
        outlet in a quote's "×N" and in its variants."""
        return " ".join((self.outlet or self.title).split())

    @property
    def date(self) -> str:
        return _text(self.meta.get("date"))

    @property
    def url(self) -> str:
        return _text(self.meta.get("url"))

    @property
    def author(self) -> str:
        return _text(self.meta.get("author"))

    def section_at(self, offset: int) -> Section | None:
        """The section holding ``offset`` (sections tile the text, so at most one)."""
        if not self.sections:
            return None
        if len(self._section_starts) != len(self.sections):
            self._section_starts = [s.start for s in self.sections]
        i = bisect_right(self._section_starts, offset) - 1
        if i < 0:
            return None
        section = self.sections[i]
        return section if section.start <= offset < section.end else None

    def section_kind_at(self, offset: int) -> str:
        section = self.section_at(offset)
        return section.kind if section else BODY

    def spans_of_kind(self, kind: str) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
            "url": self.url,
            "author": self.author,
            "path": self.path,
            "chars": self._chars,
            "paragraphs": len(self.paragraphs),
            "sections": [s.to_json() for s in self.sections],
        }
