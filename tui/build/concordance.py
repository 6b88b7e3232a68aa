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

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import numpy as np

from tui.choices import KWIC_LIMIT, KWIC_SORTS
from tui.nlp.text import WORD, normalise
from tui.search.counting import Hits

if TYPE_CHECKING:
    from tui.build.query import QueryResult
    from tui.corpus.document import Document

CONTEXT_SORTS = ("left", "right")
CONTEXT = 60  # characters of context on each side, at most
LIMIT = KWIC_LIMIT
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
    """The hits of a :class:`QueryResult`, in ``sort`` order, ``limit`` at most.

    By source and by date, the lines are blocks of sources in order, each as long as
    its hit count (which the search has already counted): line ``i`` is found by
    bisecting the blocks, and only its source is searched for the offsets. Filling a
    screen costs the sources on it, whatever the corpus. By context, every line up to
    ``limit`` is read and sorted once."""

    def __init__(self, result: QueryResult, sort: str = "source", limit: int = LIMIT) -> None:
        if sort not in KWIC_SORTS:
            raise ValueError(f"unknown concordance sort {sort!r}")
        self.result = result
        self.sort = sort
        self.limit = limit
        self._lines: dict[int, KwicLine] = {}
        self._spans: dict[str, list[tuple[int, int]]] = {}

    @property
    def by_id(self) -> dict[str, Document]:
        return self.result.index.by_id

    @property
    def eager(self) -> bool:
        return self.sort in CONTEXT_SORTS

    # --- the blocks: sources in order, with their hit counts ---------------------------

    @cached_property
    def docs(self) -> list[Document]:
        docs = self.result.sources
        if self.sort == "date":
            order = self.result.index.order
            # undated sources last; then corpus order
            docs = sorted(docs, key=lambda d: (not d.date, d.date, order[d.id]))
        return docs

    @cached_property
    def _place(self) -> dict[str, int]:
        return {d.id: k for k, d in enumerate(self.docs)}

    @cached_property
    def _mentions(self) -> dict[str, list[tuple[int, int]]] | None:
        """Without a search: the entity filter's mentions, by source."""
        if self.result.searching:
            return None
        name = self.result.filter.entity
        entity = self.result.index.entity_named(name) if name else None
        spans: dict[str, list[tuple[int, int]]] = {}
        if entity is not None:
            for m in entity.mentions:
                spans.setdefault(m.source, []).append((m.start, m.end))
        return {k: sorted(v) for k, v in spans.items()}

    @cached_property
    def _counts(self) -> np.ndarray:
        """Each source's hits, in the list's order. (An array: a broad search of a large
        archive lists a hundred thousand sources, on every keystroke.)"""
        mentions = self._mentions
        if mentions is not None:
            return np.array([len(mentions.get(d.id, ())) for d in self.docs], dtype=np.int64)
        hits = self.result.hits
        if hits is None:
            return np.zeros(len(self.docs), dtype=np.int64)
        if isinstance(hits, Hits):
            if self.sort == "source" and len(self.docs) == len(hits):
                # every matching source, in corpus order (as the search numbers them)
                return hits.row_counts().copy()
            return hits.counts_of(map(attrgetter("id"), self.docs), len(self.docs))
        return np.array([hits.get(d.id, 0) for d in self.docs], dtype=np.int64)

    @cached_property
    def _starts(self) -> np.ndarray:
        """Where each source's block of lines starts, then where the last ends."""
        return np.concatenate(([0], np.cumsum(self._counts)))

    def spans_in(self, doc_id: str, place: int | None = None) -> list[tuple[int, int]]:
        """The hits in one source, in text order (searched once, then kept). Should the
        count the search made differ (it saturates at 255 a word), the blocks follow.
        ``place``: the source's place in the list, if known."""
        spans = self._spans.get(doc_id)
        if spans is None:
            mentions = self._mentions
            if mentions is not None:
                spans = mentions.get(doc_id, [])
            else:
                spans = self.result.matches_in(doc_id)
            self._spans[doc_id] = spans
            k = self._place.get(doc_id) if place is None else place
            if k is not None and self._counts[k] != len(spans):
                self._counts[k] = len(spans)
                for cached in ("_starts", "total"):
                    self.__dict__.pop(cached, None)
                self._lines.clear()
        return spans

    @cached_property
    def total(self) -> int:
        """Every hit in the sources shown, however many the list holds."""
        return int(self._starts[-1])

    # --- the lines ------------------------------------------------------------------

    @cached_property
    def _ranked(self) -> list[tuple[str, int, int]]:
        """By context: every line up to the limit, sorted."""
        found: list[tuple[str, int, int]] = []
        for doc in self.docs:
            spans = self.spans_in(doc.id)
            found.extend((doc.id, s, e) for s, e in spans[: self.limit - len(found)])
            if len(found) >= self.limit:
                break
        lines = [context_line(self.by_id[h[0]], h[1], h[2]) for h in found]
        order = self.result.index.order

        def key(i: int) -> tuple[Any, ...]:
            line = lines[i]
            # the nearest word first, as AntConc's 1L, 2L…
            words = _words(line.left)[::-1] if self.sort == "left" else _words(line.right)
            return (words, normalise(line.keyword), order[found[i][0]], found[i][1])

        ranked = sorted(range(len(found)), key=key)
        self._lines = {new: lines[old] for new, old in enumerate(ranked)}
        return [found[i] for i in ranked]

    def __len__(self) -> int:
        if self.eager:
            return len(self._ranked)
        return min(self.total, self.limit)

    @property
    def truncated(self) -> bool:
        return len(self) < self.total

    def hit(self, i: int) -> tuple[str, int, int]:
        """(source, start, end) of line ``i``."""
        if self.eager:
            return self._ranked[i]
        if not 0 <= i < len(self):
            raise IndexError(i)
        starts = self._starts
        k = int(np.searchsorted(starts, i, side="right")) - 1
        doc_id = self.docs[k].id
        spans = self.spans_in(doc_id, k)
        j = i - int(starts[k])
        if starts is not self.__dict__.get("_starts"):
            return self.hit(i)  # the blocks were recounted: look again
        return (doc_id, *spans[j])

    @property
    def hits(self) -> list[tuple[str, int, int]]:
        """Every line's (source, start, end), in order."""
        if self.eager:
            return list(self._ranked)
        found = []
        i = 0
        while i < len(self):
            found.append(self.hit(i))
            i += 1
        return found

    def line(self, i: int) -> KwicLine:
        """Line ``i``, its context cut from the text when first read."""
        found = self._lines.get(i)
        if found is None:
            source, start, end = self.hit(i)
            found = self._lines[i] = context_line(self.by_id[source], start, end)
        return found

    def lines(self) -> list[KwicLine]:
        hits = self.hits  # (recounts first, so the indexes hold)
        return [self.line(i) for i in range(len(hits))]

    def index_of(self, source: str, start: int) -> int | None:
        """The line of the hit at ``start`` in ``source``, if listed."""
        if self.eager:
            return next((i for i, h in enumerate(self._ranked)
                         if h[0] == source and h[1] == start), None)
        k = self._place.get(source)
        if k is None:
            return None
        starts = [s for s, _e in self.spans_in(source, k)]
        j = bisect_left(starts, start)
        found = int(self._starts[k]) + j
        return found if j < len(starts) and starts[j] == start and found < len(self) else None

    def position(self, source: str, offset: int, step: int) -> int | None:
        """The line ``n`` (step 1) or ``N`` (step -1) goes to from the hit at ``offset``
        in ``source``: the line after (before) it in this list's order. From anywhere
        else in a source, the source's next (previous) line past the offset, or else the
        first line after (last before) the source's lines. It wraps around."""
        if self.eager:
            return self._position_ranked(source, offset, step)
        if source in self._place:
            self.spans_in(source)  # (its block counted right)
        if not len(self):
            return None
        k = self._place.get(source)
        if k is None:
            return 0 if step > 0 else len(self) - 1
        spans = self.spans_in(source, k)
        base = int(self._starts[k])
        starts = [s for s, _e in spans]
        if offset in starts:
            return (base + starts.index(offset) + step) % len(self)
        if step > 0:
            j = bisect_right(starts, offset)
            return (base + j) % len(self)
        j = bisect_left(starts, offset) - 1
        return (base + j) % len(self)

    def _position_ranked(self, source: str, offset: int, step: int) -> int | None:
        hits = self._ranked
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
