"""Screens as SVG snapshots: the layout, search highlights, the entity filter, the cluster
diff, help, and the small terminal. Update them with `pytest --snapshot-update`."""

from __future__ import annotations

from pathlib import Path

from tui.config import Settings
from tui.ui.app import NewsdeskApp
from tui.ui.panes.quotes import QuotesPane

from .conftest import settle

WIDE = (160, 48)
SMALL = (80, 24)


def snapshot_app(settings: Settings) -> NewsdeskApp:
    return NewsdeskApp(settings)


def pressing(*keys: str):
    """A run_before that lets the index build, presses ``keys``, and lets the app settle."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


class TestLayout:
    def test_main_layout(self, snap_compare, settings: Settings) -> None:
        assert snap_compare(snapshot_app(settings), terminal_size=WIDE, run_before=settle)

    def test_small_terminal(self, snap_compare, settings: Settings) -> None:
        assert snap_compare(snapshot_app(settings), terminal_size=SMALL, run_before=settle)


class TestSearch:
    def test_matches_are_highlighted(self, snap_compare, settings: Settings) -> None:
        search = pressing("slash", *"intelligence", "enter")
        assert snap_compare(snapshot_app(settings), terminal_size=WIDE, run_before=search)


class TestEntities:
    def test_entity_filter(self, snap_compare, settings: Settings) -> None:
        choose = pressing("3", "j", "enter")
        assert snap_compare(snapshot_app(settings), terminal_size=WIDE, run_before=choose)


class TestQuotes:
    def test_cluster_diff(self, snap_compare, settings: Settings) -> None:
        async def open_variants(pilot) -> None:
            await settle(pilot)
            pane = pilot.app.query_one(QuotesPane)
            # the quote carried by the most outlets
            best = max(range(len(pane.quotes)),
                       key=lambda i: pane.outlets(pane.quotes[i]))
            pane.move_cursor(best)
            await pilot.press("d")
            await settle(pilot)

        assert snap_compare(snapshot_app(settings), terminal_size=WIDE, run_before=open_variants)


class TestHelp:
    def test_help_screen(self, snap_compare, settings: Settings) -> None:
        assert snap_compare(snapshot_app(settings), terminal_size=WIDE, run_before=pressing("f1"))


class TestExport:
    def test_export_dialog(self, snap_compare, settings: Settings) -> None:
        # a relative directory, so the suggested file name is the same on every machine
        settings.export_directory = Path("exports")
        select = pressing("4", "space", "j", "space", "ctrl+e")
        assert snap_compare(snapshot_app(settings), terminal_size=WIDE, run_before=select)
