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


def busiest_variants(*keys: str):
    """A run_before that opens the variants of the quote most outlets carry, then
    presses ``keys``."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        pane = pilot.app.query_one(QuotesPane)
        best = max(range(len(pane.quotes)), key=lambda i: pane.outlets(pane.quotes[i]))
        pane.move_cursor(best)
        await pilot.press("d", *keys)
        await settle(pilot)

    return run_before


class TestQuotes:
    def test_cluster_diff(self, snap_compare, settings: Settings) -> None:
        assert snap_compare(snapshot_app(settings), terminal_size=WIDE,
                            run_before=busiest_variants())


class TestHelp:
    def test_help_screen(self, snap_compare, settings: Settings) -> None:
        assert snap_compare(snapshot_app(settings), terminal_size=WIDE, run_before=pressing("f1"))


def light(settings: Settings) -> NewsdeskApp:
    settings.theme = "textual-light"
    return NewsdeskApp(settings)


class TestLightTheme:
    """Every caption and text readable on light panels (tests/ui/test_contrast.py
    measures it); the search highlighted, so that its colours are seen too."""

    def test_wide(self, snap_compare, settings: Settings) -> None:
        search = pressing("slash", *"japan", "tab")
        assert snap_compare(light(settings), terminal_size=WIDE, run_before=search)

    def test_small(self, snap_compare, settings: Settings) -> None:
        search = pressing("slash", *"japan", "tab")
        assert snap_compare(light(settings), terminal_size=SMALL, run_before=search)


# find Korea, ask to merge it, and start typing the entity to merge it into
MERGE_KEYS = ("3", "f", *"korea", "enter", "m", *"sou")


class TestCorrections:
    def test_entity_find(self, snap_compare, settings: Settings) -> None:
        find = pressing("3", "f", *"kor")
        assert snap_compare(snapshot_app(settings), terminal_size=SMALL, run_before=find)

    def test_merge_dialog_wide(self, snap_compare, settings: Settings) -> None:
        merge = pressing(*MERGE_KEYS)
        assert snap_compare(snapshot_app(settings), terminal_size=WIDE, run_before=merge)

    def test_merge_dialog_small(self, snap_compare, settings: Settings) -> None:
        merge = pressing(*MERGE_KEYS)
        assert snap_compare(snapshot_app(settings), terminal_size=SMALL, run_before=merge)

    def test_merge_dialog_light(self, snap_compare, settings: Settings) -> None:
        merge = pressing(*MERGE_KEYS)
        assert snap_compare(light(settings), terminal_size=SMALL, run_before=merge)

    def test_speaker_dialog_small(self, snap_compare, settings: Settings) -> None:
        who = pressing("4", "w")
        assert snap_compare(snapshot_app(settings), terminal_size=SMALL, run_before=who)


class TestHelpSmall:
    def test_help_small_dark(self, snap_compare, settings: Settings) -> None:
        keys = pressing("f1", *["pagedown"] * 4)  # (the search syntax, at the end)
        assert snap_compare(snapshot_app(settings), terminal_size=SMALL, run_before=keys)

    def test_help_small_light(self, snap_compare, settings: Settings) -> None:
        keys = pressing("f1", *["pagedown"] * 4)  # (the search syntax, at the end)
        assert snap_compare(light(settings), terminal_size=SMALL, run_before=keys)


class TestConcordance:
    def test_concordance_wide(self, snap_compare, settings: Settings) -> None:
        keys = pressing("slash", *"korea", "space", "enter", "K")
        assert snap_compare(snapshot_app(settings), terminal_size=WIDE, run_before=keys)

    def test_concordance_small(self, snap_compare, settings: Settings) -> None:
        keys = pressing("slash", *"korea", "space", "enter", "K", "s", "s", "s")  # by right
        assert snap_compare(snapshot_app(settings), terminal_size=SMALL, run_before=keys)


class TestFacets:
    def test_facets_wide(self, snap_compare, settings: Settings) -> None:
        assert snap_compare(snapshot_app(settings), terminal_size=WIDE, run_before=pressing("f"))

    def test_facets_small(self, snap_compare, settings: Settings) -> None:
        assert snap_compare(snapshot_app(settings), terminal_size=SMALL, run_before=pressing("f"))


class TestQuoteDetail:
    def test_quote_detail_small(self, snap_compare, settings: Settings) -> None:
        keys = pressing("4", "j", "j")
        assert snap_compare(snapshot_app(settings), terminal_size=SMALL, run_before=keys)


class TestSideBySide:
    def test_side_by_side_wide(self, snap_compare, settings: Settings) -> None:
        keys = pressing("slash", *"japan", "enter", "b")
        assert snap_compare(snapshot_app(settings), terminal_size=WIDE, run_before=keys)

    def test_side_by_side_small(self, snap_compare, settings: Settings) -> None:
        keys = pressing("slash", *"japan", "enter", "b")
        assert snap_compare(snapshot_app(settings), terminal_size=SMALL, run_before=keys)

    def test_variant_columns(self, snap_compare, settings: Settings) -> None:
        assert snap_compare(snapshot_app(settings), terminal_size=WIDE,
                            run_before=busiest_variants("v"))

    def test_variant_columns_small(self, snap_compare, settings: Settings) -> None:
        assert snap_compare(snapshot_app(settings), terminal_size=SMALL,
                            run_before=busiest_variants("v"))


class TestExport:
    def test_export_dialog(self, snap_compare, settings: Settings) -> None:
        # a relative directory, so the suggested file name is the same on every machine
        settings.export_directory = Path("exports")
        select = pressing("4", "space", "j", "space", "ctrl+e")
        assert snap_compare(snapshot_app(settings), terminal_size=WIDE, run_before=select)
