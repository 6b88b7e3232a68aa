"""The concordance pane, n/N across sources, and esc clearing the search: as a reader
uses them, with the keys."""

from __future__ import annotations

import json

import pytest

from tui.cli import main
from tui.config import Settings
from tui.ui.app import NewsdeskApp
from tui.ui.panes.concordance import ConcordancePane
from tui.ui.panes.entities import EntitiesPane
from tui.ui.panes.search_bar import SearchBar
from tui.ui.panes.sources import SourcesPane
from tui.ui.panes.viewer import Viewer

from .conftest import CORPUS, settle


async def search(pilot, query: str) -> None:
    # a space after the last word: no longer a prefix being typed (as on the command line)
    await pilot.press("slash", *query, "space")
    await settle(pilot)


def where(app: NewsdeskApp) -> tuple[str, int, int]:
    """The hit the viewer has as current: (source, start, end)."""
    viewer = app.query_one(Viewer)
    start, end = viewer.matches[viewer.current]
    return viewer.document.id, start, end


@pytest.mark.parametrize(("query", "sort"), [("korea", "source"), ("intelligence", "right")])
async def test_the_pane_lists_what_the_cli_prints(
    settings: Settings, capsys: pytest.CaptureFixture[str], query: str, sort: str
) -> None:
    capsys.readouterr()
    assert main(["concordance", query, "--sort", sort, "--json", "--corpus", str(CORPUS)]) == 0
    expected = json.loads(capsys.readouterr().out)
    app = NewsdeskApp(settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await search(pilot, query)
        await pilot.press("enter", "K")  # enter leaves the bar, keeping the search
        pane = app.query_one(ConcordancePane)
        assert pane.display and not app.query_one(Viewer).display and pane.has_focus
        while pane.sort != sort:
            await pilot.press("s")
        await settle(pilot)
        shown = [pane.concordance.line(i).to_json() for i in range(pane.row_count())]
        assert shown == expected
        assert f"({len(expected)} hits)" in str(pane.border_title)
        # what is drawn: the keyword of the row on screen, in its column
        row = pane.render_row(0, 140)[0].plain
        assert expected[0]["keyword"] in row and row.index(expected[0]["keyword"]) > 40


async def test_enter_opens_the_hit_in_the_viewer(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await search(pilot, "japan")
        await pilot.press("enter", "K", "s", "G")  # by date; the last line
        await settle(pilot)
        pane = app.query_one(ConcordancePane)
        hit = pane.current()
        await pilot.press("enter")
        await settle(pilot)
        assert not pane.display and app.query_one(Viewer).display
        assert where(app) == hit
        # K brings the concordance back, on the same line
        await pilot.press("K")
        assert pane.display and pane.current() == hit


async def test_n_steps_through_every_hit_across_sources_and_wraps(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await search(pilot, "moon")
        hits = app.result.concordance().hits
        assert len({source for source, _s, _e in hits}) > 1
        await pilot.press("enter")  # out of the search bar, to the viewer
        app.open_document(app.documents[0].id)
        await settle(pilot)
        visited = []
        for _ in range(len(hits) + 1):
            await pilot.press("n")
            await settle(pilot)
            visited.append(where(app))
        assert visited == [*hits, hits[0]]
        await pilot.press("N")  # back over the wrap
        await settle(pilot)
        assert where(app) == hits[-1]
        assert f"hit {len(hits)}/{len(hits)}" in str(app.query_one(Viewer).border_subtitle)
        await pilot.press("N")
        await settle(pilot)
        assert where(app) == hits[-2]


async def test_with_only_an_entity_filter_n_steps_through_its_mentions(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter")  # the most mentioned entity
        await settle(pilot)
        entity = app.entity
        assert entity is not None
        mentions = sorted((app.index.order[m.source], m.start, m.end) for m in entity.mentions)
        viewer = app.query_one(Viewer)
        steps = []
        for _ in range(min(12, len(mentions))):
            await pilot.press("n")
            await settle(pilot)
            steps.append((app.index.order[viewer.document.id], *viewer.spotlight))
        first = app.query_one(SourcesPane).documents[0].id
        assert steps[0][0] == app.index.order[first]
        assert steps == mentions[: len(steps)]
        assert not any("No search" in n.message for n in app._notifications)


async def test_the_open_pane_follows_the_search_as_it_is_typed(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("K")
        pane = app.query_one(ConcordancePane)
        assert pane.row_count() == 0
        await pilot.press("slash", *"seoul")
        await settle(pilot)
        first = pane.row_count()
        assert first == sum(app.result.hits.values()) > 0
        await pilot.press("space", *"japan", "space")
        await settle(pilot)
        assert 0 < pane.row_count() != first
        assert all(app.by_id[s].text[a:b] for s, a, b in pane.concordance.hits)


async def test_esc_clears_the_search(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        bar = app.query_one(SearchBar)
        await search(pilot, "korea")
        assert app.result.hits
        await pilot.press("escape")  # in the bar: clears it, stays there
        await settle(pilot)
        assert bar.value == "" and bar.has_focus and app.result.hits is None
        await pilot.press("escape")  # an empty bar: back to the viewer
        assert app.query_one(Viewer).has_focus
        await search(pilot, "korea")
        await pilot.press("enter", "3", "enter")  # a search and an entity filter
        await settle(pilot)
        await pilot.press("escape")  # the entity filter first
        await settle(pilot)
        assert app.entity is None and bar.value == "korea "
        await pilot.press("escape")  # then the search
        await settle(pilot)
        assert bar.value == "" and app.result.hits is None
        assert len(app.query_one(SourcesPane).documents) == len(app.documents)
        assert app.query_one(EntitiesPane).chosen is None
