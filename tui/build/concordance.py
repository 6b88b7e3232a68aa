"""The concordance of a query (keyword in context): one line per hit, across the sources
the query and its filters show, the hit between its left and right context.

Without a search but with an entity filter, the lines are the entity's mentions. The
lines come in one of four orders, as AntConc sorts a concordance: by source (corpus
order, then text order), by date, or by the words to the left of the hit (the nearest
first) or to its right. The dashboard's concordance pane and its ``n``/``N`` keys, and
``newsdesk concordance``, all read this one list.

A broad query at archive scale has hundreds of thousands of hits: the list holds only
their offsets, found source by source in the order asked for, and stops at ``limit``;
the context of a line is cut from the text when the line is read. Sorting by context
reads every line's context (once, then kept).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from tui.nlp.text import WORD, normalise

if TYPE_CHECKING:
    from tui.build.query import QueryResult
    from tui.corpus.document import Document

KWIC_SORTS = ("source", "date", "left", "right")
CONTEXT = 60  # characters of context on each side, at most
LIMIT = 20_000  # lines at most: a broad query's first ones, in the order asked for
_READ = 3  # characters read per character of context (runs of spaces fold to one)


@dataclass(frozen=True)
class KwicLine:
    """One hit in its context. ``start``/``end`` slice the source's text; ``left`` and
    ``right`` are the context with runs of whitespace folded to a space."""

    source: str
    outlet: str
    date: str
    start: int
    end: int
    left: str
    keyword: str
    right: str

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source, "outlet": self.outlet, "date": self.date,
            "start": self.start, "end": self.end,
            "left": self.left, "keyword": self.keyword, "right": self.right,
        }


def _fold(text: str) -> str:
    return " ".join(text.split())


def context_line(doc: Document, start: int, end: int, width: int = CONTEXT) -> KwicLine:
    """The hit ``doc.text[start:end]`` with at most ``width`` characters each side."""
    text = doc.text
    left = _fold(text[max(0, start - width * _READ) : start])
    right = _fold(text[end : end + width * _READ])
    # a space next to the hit stays (it says the hit is a whole word)
    if start > 0 and text[start - 1].isspace():
        left += " "
    if end < len(text) and text[end].isspace():
        right = " " + right
    return KwicLine(
        source=doc.id, outlet=doc.outlet_label, date=doc.date, start=start, end=end,
        left=left[-width:], keyword=_fold(text[start:end]), right=right[:width],
    )


def _words(text: str) -> list[str]:
    return [normalise(m[0]) for m in WORD.finditer(text)]


class Concordance:
    """The hits of a :class:`QueryResult`, in ``sort`` order, ``limit`` at most."""

    def __init__(self, result: QueryResult, sort: str = "source", limit: int = LIMIT) -> None:
        if sort not in KWIC_SORTS:
            raise ValueError(f"unknown concordance sort {sort!r}")
        self.result = result
        self.sort = sort
        self.limit = limit
        self._lines: dict[int, KwicLine] = {}

    @property
    def by_id(self) -> dict[str, Document]:
        return self.result.index.by_id

    @cached_property
    def total(self) -> int:
        """Every hit in the sources shown, however many the list holds."""
        result = self.result
        if result.searching:
            hits = result.hits or {}
            return sum(hits.get(d.id, 0) for d in result.sources)
        entity = self._entity_mentions()
        return sum(len(spans) for spans in entity.values())

    def _entity_mentions(self) -> dict[str, list[tuple[int, int]]]:
        name = self.result.filter.entity
        entity = self.result.index.entity_named(name) if name else None
        spans: dict[str, list[tuple[int, int]]] = {}
        if entity is not None:
            for m in entity.mentions:
                spans.setdefault(m.source, []).append((m.start, m.end))
        return spans

    @cached_property
    def hits(self) -> list[tuple[str, int, int]]:
        """(source, start, end) of each line, in the list's order."""
        result = self.result
        docs = result.sources
        if self.sort == "date":
            order = self.result.index.order
            # undated sources last; then corpus order (sorted() keeps it for equal keys)
            docs = sorted(docs, key=lambda d: (not d.date, d.date, order[d.id]))
        found: list[tuple[str, int, int]] = []
        mentions = None if result.searching else self._entity_mentions()
        for doc in docs:
            if mentions is not None:
                spans = sorted(mentions.get(doc.id, []))
            else:
                spans = result.matches_in(doc.id)
            found.extend((doc.id, s, e) for s, e in spans[: self.limit - len(found)])
            if len(found) >= self.limit:
                break
        if self.sort in ("left", "right"):
            keys = [self._context_key(i, found[i]) for i in range(len(found))]
            ranked = sorted(range(len(found)), key=keys.__getitem__)
            self._lines = {new: self._lines[old] for new, old in enumerate(ranked)
                           if old in self._lines}
            found = [found[i] for i in ranked]
        return found

    def _context_key(self, i: int, hit: tuple[str, int, int]) -> tuple[Any, ...]:
        line = self._lines.get(i)
        if line is None:
            source, start, end = hit
            line = self._lines[i] = context_line(self.by_id[source], start, end)
        if self.sort == "left":
            words = _words(line.left)[::-1]  # the nearest word first, as AntConc's 1L
        else:
            words = _words(line.right)
        return (words, normalise(line.keyword), self.result.index.order[hit[0]], hit[1])

    def __len__(self) -> int:
        return len(self.hits)

    @property
    def truncated(self) -> bool:
        return len(self.hits) < self.total

    def line(self, i: int) -> KwicLine:
        """Line ``i``, its context cut from the text when first read."""
        found = self._lines.get(i)
        if found is None:
            source, start, end = self.hits[i]
            found = self._lines[i] = context_line(self.by_id[source], start, end)
        return found

    def lines(self) -> list[KwicLine]:
        return [self.line(i) for i in range(len(self.hits))]

    def position(self, source: str, offset: int, step: int) -> int | None:
        """The line ``n`` (step 1) or ``N`` (step -1) goes to from the hit at ``offset``
        in ``source``: the line after (before) it in this list's order. From anywhere
        else in a source, the source's next (previous) line past the offset, or else the
        first line after (last before) the source's lines. It wraps around."""
        hits = self.hits
        if not hits:
            return None
        here = [i for i, (s, _start, _e) in enumerate(hits) if s == source]
        exact = next((i for i in here if hits[i][1] == offset), None)
        if exact is not None:
            return (exact + step) % len(hits)
        if step > 0:
            ahead = [i for i in here if hits[i][1] > offset]
            return ahead[0] if ahead else (here[-1] + 1 if here else 0) % len(hits)
        behind = [i for i in here if hits[i][1] < offset]
        return behind[-1] if behind else (here[0] - 1 if here else -1) % len(hits)
