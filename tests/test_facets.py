"""Source facets and the timeline, on any date a front matter may hold."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus.document import Document
from tui.corpus.facets import SourceFacets, timeline


def doc(i: int, when: str, outlet: str = "A") -> Document:
    return Document(id=f"d{i}", path=f"d{i}", text="x",
                    meta={"title": f"T{i}", "date": when, "outlet": outlet})


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.dates().map(date.isoformat), st.text(max_size=12)), max_size=30))
def test_any_dates_make_a_timeline_that_counts_every_dated_source(dates: list[str]) -> None:
    docs = [doc(i, d) for i, d in enumerate(dates)]
    line = timeline(docs)
    dated = [d for d in docs if _iso(d.date)]
    assert sum(b.count for b in line.bars) == len(dated)
    assert line.undated == len(docs) - len(dated)
    assert len(line.bars) <= 120 * 12 or line.unit == "year"
    for a, b in zip(line.bars, line.bars[1:]):
        assert a.end < b.start  # in order, none overlapping
    facets = SourceFacets(since="2000-01-01", until="2010-12-31")
    kept = [d for d in docs if facets.keeps(d)]
    assert all("2000-01-01" <= d.date[:10] <= "2010-12-31" for d in kept)


def _iso(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def test_the_unit_follows_the_span() -> None:
    def unit(*days: str) -> str:
        return timeline([doc(i, d) for i, d in enumerate(days)]).unit

    assert unit("2020-01-01", "2020-02-15") == "day"
    assert unit("2020-01-01", "2021-06-01") == "week"
    assert unit("2001-01-01", "2020-06-01") == "month"
    assert unit("0001-01-01", "2020-06-01") == "year"
    weeks = timeline([doc(0, "2020-01-01"), doc(1, "2021-06-01")]).bars
    assert weeks[0].start.weekday() == 0 and weeks[0].count == 1


def test_outlets_and_sorts() -> None:
    docs = [doc(0, "2020-01-02", "B"), doc(1, "2020-01-01", "A"), doc(2, "", "C")]
    order = {d.id: i for i, d in enumerate(docs)}
    assert [d.id for d in docs if SourceFacets(outlets=frozenset({"A", "C"})).keeps(d)] == [
        "d1", "d2"]
    by = {s: [d.id for d in SourceFacets(sort=s).ordered(docs, {"d2": 5, "d0": 1}, order)]
          for s in ("corpus", "hits", "date", "outlet", "title")}
    assert by == {"corpus": ["d0", "d1", "d2"], "hits": ["d2", "d0", "d1"],
                  "date": ["d1", "d0", "d2"], "outlet": ["d1", "d0", "d2"],
                  "title": ["d0", "d1", "d2"]}


def test_the_last_days_a_date_can_hold() -> None:
    for days in (("9999-10-01", "9999-12-31"), ("9999-12-01", "9999-12-31"),
                 ("9998-01-01", "9999-12-31")):
        line = timeline([doc(i, d) for i, d in enumerate(days)])
        assert line.bars[-1].end == date.max and sum(b.count for b in line.bars) == 2
