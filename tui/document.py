"""The Document model: one source, one canonical text, and spans into it.

Every offset in the project (paragraphs, sections, search matches, entity mentions,
quotes) is a pair of character offsets into ``Document.text``, so that highlights,
snippets and exports all slice the same string and cannot disagree.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

BODY = "body"
COMMENTS = "comments"
BOILERPLATE = "boilerplate"
SECTION_KINDS = (BODY, COMMENTS, BOILERPLATE)


def _text(value: Any) -> str:
    """A metadata value as display text; a list or mapping where text belongs is ignored."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return str(value)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


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


@dataclass(slots=True)
class Document:
    id: str
    path: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    paragraphs: list[Span] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    # Notes about how the file was read (fallback encoding, ignored front matter...).
    notes: list[str] = field(default_factory=list)
    _section_starts: list[int] = field(default_factory=list, repr=False)

    @property
    def title(self) -> str:
        return _text(self.meta.get("title")) or self.id

    @property
    def outlet(self) -> str:
        return _text(self.meta.get("outlet"))

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
            "chars": len(self.text),
            "paragraphs": len(self.paragraphs),
            "sections": [s.to_json() for s in self.sections],
        }
