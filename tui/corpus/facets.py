"""Facets of the sources: which outlets and which dates to keep, the order to list them
in, and a timeline of how many sources fall in each day, week, month or year.

:class:`SourceFacets` is part of the filters a query is under
(:class:`~tui.quotes.browse.QuoteFilter`), so the sources pane, the quote list, the
concordance and ``newsdesk sources`` all narrow the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tui.corpus.document import Document

SOURCE_SORTS = ("corpus", "hits", "date", "outlet", "title")
DAY_SPAN = 62  # a corpus spanning at most this many days gets a bar a day
WEEK_SPAN = 730  # at most this many, a bar a week
MONTH_SPAN = 36_525  # at most this many, a bar a month; more (a stray year 1), a bar a year


def day_of(doc: Document) -> date | None:
    """The source's date, or None when it has none that reads as a date."""
    try:
        return date.fromisoformat(doc.date[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class SourceFacets:
    """``outlets``: keep only these (by outlet label; empty keeps all). ``since`` and
    ``until``: ISO dates, inclusive; when either is set, undated sources are left out.
    ``sort``: corpus order, most hits first, oldest first, or by outlet or title."""

    outlets: frozenset[str] = frozenset()
    since: str = ""
    until: str = ""
    sort: str = "corpus"

    @property
    def narrows(self) -> bool:
        return bool(self.outlets or self.since or self.until)

    def keeps(self, doc: Document) -> bool:
        if self.outlets and doc.outlet_label not in self.outlets:
            return False
        if self.since or self.until:
            day = day_of(doc)
            if day is None:
                return False
            iso = day.isoformat()
            if (self.since and iso < self.since) or (self.until and iso > self.until):
                return False
        return True

    def without_dates(self) -> SourceFacets:
        return SourceFacets(self.outlets, sort=self.sort)

    def ordered(self, docs: list[Document], hits: Mapping[str, int] | None,
                order: Mapping[str, int]) -> list[Document]:
        """``docs`` (in corpus order) in this sort's order; ties keep corpus order."""
        if self.sort == "hits" and hits is not None:
            return sorted(docs, key=lambda d: -hits.get(d.id, 0))
        if self.sort == "date":  # undated last
            return sorted(docs, key=lambda d: (not d.date, d.date))
        if self.sort == "outlet":
            return sorted(docs, key=lambda d: d.outlet_label.casefold())
        if self.sort == "title":
            return sorted(docs, key=lambda d: d.title.casefold())
        return docs


@dataclass(frozen=True)
class Bar:
    """One bar of a timeline: the sources dated ``start`` to ``end`` (inclusive)."""

    label: str
    start: date
    end: date
    count: int

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "start": self.start.isoformat(),
                "end": self.end.isoformat(), "count": self.count}


@dataclass(frozen=True)
class Timeline:
    unit: str  # day, week, month or year
    bars: list[Bar]
    undated: int

    def to_json(self) -> dict[str, Any]:
        return {"unit": self.unit, "undated": self.undated,
                "bars": [b.to_json() for b in self.bars]}


def _month_end(day: date) -> date:
    if day.month == 12:  # (not the 1st of next January: 9999-12 has none)
        return date(day.year, 12, 31)
    return date(day.year, day.month + 1, 1) - timedelta(days=1)


def timeline(docs: Iterable[Document]) -> Timeline:
    """How many of ``docs`` fall in each day, week (from Monday), month or year, whichever
    makes a readable number of bars for the span they cover; empty bars included, so
    that a gap in coverage shows."""
    days: list[date] = []
    undated = 0
    for doc in docs:
        day = day_of(doc)
        if day is None:
            undated += 1
        else:
            days.append(day)
    if not days:
        return Timeline("day", [], undated)
    first, last = min(days), max(days)
    span = (last - first).days
    unit = ("day" if span <= DAY_SPAN else "week" if span <= WEEK_SPAN
            else "month" if span <= MONTH_SPAN else "year")
    counts: dict[date, int] = {}
    for day in days:
        counts[_bar_start(day, unit)] = counts.get(_bar_start(day, unit), 0) + 1
    bars = []
    start = _bar_start(first, unit)
    while start <= last:
        if unit == "day":
            end, label = start, start.isoformat()
        elif unit == "week":
            end = start + timedelta(days=6) if start < date.max - timedelta(days=6) \
                else date.max
            label = f"week of {start.isoformat()}"
        elif unit == "month":
            end, label = _month_end(start), f"{start.year:04}-{start.month:02}"
        else:
            end, label = date(start.year, 12, 31), f"{start.year:04}"
        bars.append(Bar(label, start, end, counts.get(start, 0)))
        if end == date.max:
            break
        start = end + timedelta(days=1)
    return Timeline(unit, bars, undated)


def _bar_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return date(day.year, 1, 1)
    return day
