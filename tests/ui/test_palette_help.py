"""The palette finds a source by its title, outlet or id, and lists the sources before
anything is typed; it has one keys entry and one theme entry; F1 shows the keys and the
search syntax, and is in the footer even at 80 columns."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.widgets import Footer

from tui.search.query import SYNTAX
from tui.ui.app import NewsdeskApp
from tui.ui.panes.viewer import Viewer
from tui.ui.screens.help import HelpScreen

from .conftest import settle


def prompts(app: NewsdeskApp) -> list[str]:
    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(options.option_count)]


async def test_sources_are_listed_before_typing(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.pause(0.2)
        shown = prompts(app)
        assert [p for p in shown if p.startswith("Jump to source: ")] == [
            f"Jump to source: {d.title}" for d in app.documents]
        # one keys entry, one theme entry
        assert "Keys" not in shown and "Theme" not in shown
        assert "Show keys" in shown and "Switch theme" in shown


async def test_a_source_is_found_by_outlet_or_id(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for query, wanted in (("Vox", "004-vox-messenger-repost"),
                              ("japan today", "002-japan-today-ap"),
                              ("003-unnamed", "003-unnamed-news-site")):
            await pilot.press("ctrl+p", *query)
            await settle(pilot)
            await pilot.pause(0.2)
            assert isinstance(app.screen, CommandPalette)
            title = app.documents[[d.id for d in app.documents].index(wanted)].title
            assert prompts(app)[0] == f"Jump to source: {title}", query
            await pilot.press("enter")
            await settle(pilot)
            assert app.query_one(Viewer).document.id == wanted


async def test_f1_shows_the_keys_and_the_search_syntax(app: NewsdeskApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for pane in ("1", "2", "3", "4"):  # whichever pane has focus
            await pilot.press(pane)
            await pilot.pause()
            footer = app.query_one(Footer)
            shown = [str(w.render()) for w in footer.children]
            assert any("Help" in text for text in shown), (pane, shown)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Search (/)" in shown
        await pilot.press("f1")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


def test_the_syntax_shown_is_the_parsers() -> None:
    from tui.search.query import parse_query

    for typed, _found in SYNTAX:
        assert parse_query(typed).clauses, typed
