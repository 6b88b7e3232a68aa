"""Side by side: two sources in two viewers with the search highlighted in both, and the
variants of a quote in aligned columns."""

from __future__ import annotations

from rich.table import Table

from tui.ui.app import NewsdeskApp
from tui.ui.panes.quotes import QuotesPane
from tui.ui.panes.search_bar import SearchBar
from tui.ui.panes.viewer import Viewer
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.variants import VariantsScreen

from .conftest import settle


def matches(app: NewsdeskApp, doc_id: str, text: str) -> list[tuple[int, int]]:
    return app.index.query(text).matches_in(doc_id)


async def test_two_sources_side_by_side_follow_one_search(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"moon", "enter")
        await settle(pilot)
        await pilot.press("b")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        left, right = screen.viewers
        first, second = app.documents[0].id, app.documents[1].id
        open_id = app.query_one(Viewer).document.id
        assert left.document.id == open_id and right.document.id != open_id
        for viewer in (left, right):
            assert viewer.matches == matches(app, viewer.document.id, "moon")
        # one search bar, both viewers
        await pilot.press("slash", "ctrl+u", *"japan")
        await pilot.pause()
        for viewer in (left, right):
            assert viewer.matches == matches(app, viewer.document.id, "japan")
            assert viewer.matches
        await pilot.press("enter", "n")
        assert left.current == 0
        await pilot.press("tab")
        assert right.has_focus
        await pilot.press("right_square_bracket", "n")
        assert right.document.id not in (open_id,) or len(app.documents) == 2
        assert right.current == 0 and right.matches == matches(app, right.document.id, "japan")
        # the dashboard's own keys do nothing harmful here
        await pilot.press("K", "f", "1", "4", "u", "d", "space")
        await settle(pilot)
        while not isinstance(app.screen, CompareScreen):
            await pilot.press("escape")
        await pilot.press("escape")  # back, and the dashboard searches what was typed
        await settle(pilot)
        assert not isinstance(app.screen, CompareScreen)
        assert app.query_one(SearchBar).value == "japan"
        assert app.result.text == "japan"
        assert {first, second}  # (the corpus has two sources at least)


async def test_variants_show_as_aligned_columns(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = app.query_one(QuotesPane)
        best = max(range(len(pane.quotes)), key=lambda i: pane.outlets(pane.quotes[i]))
        await pilot.press("4")
        pane.move_cursor(best)
        await pilot.press("d")
        screen = app.screen
        assert isinstance(screen, VariantsScreen)
        await pilot.press("v")
        await pilot.pause()
        tables = [s.content for s in screen.query(".variant")]
        tables = [t for t in tables if isinstance(t, Table)]
        assert screen.columns and tables
        base = " ".join(screen.quotes[0].text.split())
        for table in tables:
            left = " ".join(c.plain for c in table.columns[0]._cells if c.plain)
            assert left == " ".join(base.split())
        await pilot.press("v")
        await pilot.pause()
        assert not screen.columns and not any(
            isinstance(s.content, Table) for s in screen.query(".variant"))
