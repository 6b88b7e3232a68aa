"""A quotation as the index keeps it, and the few facts about its words that every
stage asks: how many words, a stable id, its kind (full, partial, scare)."""

from __future__ import annotations

import hashlib
import re
from array import array
from dataclasses import asdict, dataclass, fields
from typing import Any, NamedTuple

from tui.util.packing import apart, offsets, separated

FULL = "full"
PARTIAL = "partial"
SCARE = "scare"

_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# Scripts written without spaces: every character counts as a word.
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff66-\uff9f]")
# The longest attribution that splits one quotation in two, in characters.

@dataclass(slots=True)
class Quote:
    id: str
    source: str
    start: int
    end: int
    text: str
    speaker: str | None
    kind: str
    cluster: str | None
    section: str
    # the speaker is a description, not a name ("a spokesperson for TransLink"), and the
    # organisation it speaks for where the description names one of the entities
    described: bool = False
    speaker_org: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def words(self) -> int:
        return word_count(self.text)


class QuoteSpan(NamedTuple):
    """A quotation's text (``start``/``end``, without marks) and its marks' offsets.

    (A named tuple, not a frozen dataclass: one is made per quotation and more while
    marks are paired, and a frozen dataclass sets each field through a slow call.)"""

    start: int
    end: int
    open_mark: int  # offset of the opening mark (of the first paragraph, if several);
    # a mark of two characters (``''``) is at its first character here, and at its last in
    # close_mark: the narration around the quotation is text[:open_mark], text[close_mark + 1:]
    close_mark: int  # offset of the closing mark, or -1 when the paragraph ended it
    paragraph: int  # index of the paragraph the quote opens in


_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))


def quote_columns(quotes: list[Quote]) -> dict[str, Any]:
    """The quotes a column a field, to pickle: tens of thousands of objects pickled one
    by one take several times longer to read back, and leave gaps in memory. Offsets
    are kept as arrays and ids as one text (read back in C, not an object at a time)."""
    columns: dict[str, Any] = {name: [getattr(q, name) for q in quotes] for name in _QUOTE_FIELDS}
    columns["id"] = separated(columns["id"])
    for name in ("start", "end"):
        columns[name] = offsets(columns[name])
    return columns


def quotes_from_columns(columns: dict[str, Any]) -> list[Quote]:
    """The inverse of :func:`quote_columns`; ValueError (or TypeError) if the columns do
    not fit."""
    values = [apart(columns[name]) if name == "id" else columns[name] for name in _QUOTE_FIELDS]
    # (ints made in one C call an array, rather than one at a time as the rows are made)
    values = [v.tolist() if isinstance(v, array) else v for v in values]
    if len({len(v) for v in values}) > 1:
        raise ValueError("columns of different lengths")
    return [Quote(*row) for row in zip(*values)]


def word_count(text: str) -> int:
    return len(_WORD_RE.findall(text)) + len(_CJK_RE.findall(text))


def few_words(text: str, start: int, end: int) -> bool:
    """Whether ``word_count(text[start:end]) <= 2``, without copying the quotation or
    listing all its words: most quotations are long, and this stops at the third word.
    (Neither pattern looks around, so searching in place matches what the slice would.)"""
    n = 0
    for pattern in (_WORD_RE, _CJK_RE):
        for _ in pattern.finditer(text, start, end):
            n += 1
            if n > 2:
                return False
    return True


def quote_id(source: str, start: int, end: int) -> str:
    """Stable across runs and machines: a short hash of where the quote is."""
    digest = hashlib.sha1(f"{source}\x00{start}\x00{end}".encode()).hexdigest()
    return "q" + digest[:10]

