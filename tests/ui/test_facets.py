"""Facets of the sources: outlets, a date range, the order, and the timeline, as a reader
sets them with the keys; the command line lists the same sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.config import Settings
from tui.corpus.facets import SourceFacets, timeline
from tui.corpus.loader import load_corpus
from tui.ui.app import NewsdeskApp
from tui.ui.panes.quotes import QuotesPane
from tui.ui.panes.sources import SourcesPane
from tui.ui.screens.facets import FacetsScreen, TimelineList

from .conftest import CORPUS, settle

DATES = ["2021-03-01", "2021-03-01", "2021-03-03", "2021-03-09", ""]


@pytest.fixture
def dated(tmp_path: Path) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, day in enumerate(DATES):
        outlet = "Daily" if i % 2 else "Weekly"
        when = f"date: {day}\n" if day else ""
        (corpus / f"{i}.md").write_text(
            f"---\ntitle: Story {i}\noutlet: {outlet}\n{when}---\n"
            f'The minister said "we will act on the treaty" on the day {i}.\n',
            encoding="utf-8")
    return Settings(corpus=corpus, export_directory=tmp_path / "out")


def cli_sources(capsys: pytest.CaptureFixture[str], corpus: Path, *args: str) -> list[str]:
    capsys.readouterr()
    assert main(["sources", "--json", "--corpus", str(corpus), *args]) == 0
    return [s["id"] for s in json.loads(capsys.readouterr().out)]


def test_the_timeline_has_a_bar_a_day_with_the_gaps(dated: Settings) -> None:
    docs = load_corpus(dated.corpus).documents
    line = timeline(docs)
    assert line.unit == "day" and line.undated == 1
    assert [(b.label, b.count) for b in line.bars][:3] == [
        ("2021-03-01", 2), ("2021-03-02", 0), ("2021-03-03", 1)]
    assert len(line.bars) == 9 and sum(b.count for b in line.bars) == 4
    facets = SourceFacets(since="2021-03-02", until="2021-03-09")
    assert [d.title for d in docs if facets.keeps(d)] == ["Story 2", "Story 3"]


async def test_choosing_an_outlet_narrows_sources_and_quotes(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = cli_sources(capsys, CORPUS, "--outlet", "Japan Today/AP")
    app = NewsdeskApp(settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        assert isinstance(app.screen, FacetsScreen)
        outlets = [name for name, _n in app.screen.outlets]
        for _ in range(outlets.index("Japan Today/AP")):
            await pilot.press("down")
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert [d.id for d in app.query_one(SourcesPane).documents] == expected
        quotes = app.query_one(QuotesPane).quotes
        assert quotes and {q.source for q in quotes} == set(expected)
        assert "(1/5)" in str(app.query_one(SourcesPane).border_title)


async def test_a_range_chosen_on_the_timeline_narrows(
    dated: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = cli_sources(capsys, dated.corpus, "--since", "2021-03-03", "--until",
                           "2021-03-09")
    app = NewsdeskApp(dated)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        screen = app.screen
        timeline_list = screen.query_one(TimelineList)
        timeline_list.focus()
        await pilot.press("j", "j", "left_square_bracket", "G", "right_square_bracket")
        await settle(pilot)
        assert (app.facets.since, app.facets.until) == ("2021-03-03", "2021-03-09")
        assert [d.id for d in app.query_one(SourcesPane).documents] == expected
        assert len(expected) == 2
        await pilot.press("g", "enter")  # one bar: that day
        await settle(pilot)
        assert [d.title for d in app.query_one(SourcesPane).documents] == ["Story 0", "Story 1"]
        assert "2 of 5 sources shown" in str(screen.query_one("#facet-summary").render())
        await pilot.press("ctrl+r")  # clear
        await settle(pilot)
        assert app.facets == SourceFacets() and len(app.query_one(SourcesPane).documents) == 5


async def test_shift_s_sorts_the_sources_as_the_cli_does(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = cli_sources(capsys, CORPUS, "--query", "moon", "--sort", "hits")
    app = NewsdeskApp(settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"moon", "space", "enter", "S")  # corpus → hits
        await settle(pilot)
        assert app.facets.sort == "hits"
        assert [d.id for d in app.query_one(SourcesPane).documents] == expected
        hits = app.result.hits
        assert [hits[i] for i in expected] == sorted(hits.values(), reverse=True)
