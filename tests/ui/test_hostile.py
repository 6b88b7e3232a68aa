"""Hostile keys, remaps, queries and palette sequences: the app stays up and says what it
did in plain text."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from rich.console import Console
from textual import events
from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.widgets import Label, Static

from tui.config import Settings
from tui.export.files import DIRECTORY_HINT
from tui.ui.app import NewsdeskApp
from tui.ui.panes.quotes import QuotesPane
from tui.ui.panes.viewer import Viewer
from tui.ui.screens.export_dialog import ExportDialog
from tui.ui.screens.help import HelpScreen, help_table

from .conftest import settle
from .test_random_keys import CHARACTERS


def messages(app: NewsdeskApp) -> list[str]:
    return [f"{n.title} {n.message}" for n in app._notifications]


@pytest.mark.parametrize(
    "keys",
    [{"quit": "q"}, {"quit": "zzz+qqq"}, {"quit": "f10", "help": "\x00"},
     {"export": "ctrl+q"}],
)
async def test_no_remap_takes_ctrl_q_away_from_quit(settings: Settings, keys: dict[str, str]
                                                    ) -> None:
    settings.keys = dict(keys)
    app = NewsdeskApp(settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit


async def test_a_broken_remap_is_named_and_the_default_key_stays(settings: Settings) -> None:
    settings.keys = {"help": "\x00", "focus_quotes": "zzz+qqq"}
    app = NewsdeskApp(settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        warning = " ".join(messages(app))
        assert "help: '\\x00' is not a key" in warning
        assert "'zzz' is not a modifier" in warning
        await pilot.press("4")
        assert app.focused is not None and app.focused.id == "quotes"


async def test_export_into_an_unusable_directory_names_it_and_the_reason(
    settings: Settings, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    settings.export_directory = blocker / "exports"
    app = NewsdeskApp(settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("4", "space", "ctrl+e", "enter")
        shown = str(app.screen.query_one("#export-error", Static).render())
        assert shown == (f"cannot create the export directory {blocker / 'exports'}: "
                         f"Not a directory; {DIRECTORY_HINT}")


def _key(app: NewsdeskApp, key: str) -> None:
    """Post a key as a fast typist's keyboard would: without waiting for the app."""
    character = CHARACTERS.get(key, key if len(key) == 1 else None)
    app.post_message(events.Key(key, character))


async def test_palette_export_then_two_quick_enters_runs_it_once_and_stays_up(
    app: NewsdeskApp, settings: Settings
) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("4", "space", "ctrl+p", *"export")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        _key(app, "enter")
        _key(app, "enter")  # before the palette has gone
        await settle(pilot)
        assert app.is_running and app.return_code is None
        # the command ran once: one export dialog, and the second enter did not export
        assert [type(s) for s in app.screen_stack[1:]] == [ExportDialog]
        assert not settings.export_directory.exists()
        await pilot.press("enter")
        assert len(app.screen_stack) == 1
        assert len(list(settings.export_directory.glob("*.md"))) == 1
        await pilot.press("2")
        assert app.focused is app.query_one("#viewer")


PALETTE_STORM_KEYS = [
    "ctrl+p", "ctrl+p", "enter", "enter", "enter", "escape", "down", "up", "backspace",
    "tab", "space", "a", "1", "2", "3", "4", "j", "k", "f1", "d", "y", "ctrl+e", *"exportclsa",
]


async def test_a_seeded_key_storm_through_the_palette_leaves_the_app_responsive(
    settings: Settings,
) -> None:
    """Bursts of keys, palette included, arrive faster than screens open and close."""
    rng = random.Random(20260105)
    app = NewsdeskApp(settings)
    quits: list[str] = []
    # The palette lists Textual's own commands too: Quit would end the storm and
    # Screenshot would write a file, so here they only leave a note.
    app.action_quit = lambda: quits.append("quit")  # type: ignore[method-assign]
    app.deliver_screenshot = lambda *a, **k: None  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        palettes = 0
        for _burst in range(150):
            for _ in range(rng.randint(1, 8)):
                key = rng.choice(PALETTE_STORM_KEYS)
                palettes += key == "ctrl+p"
                _key(app, key)
            await pilot.pause(0)
            assert app.is_running and app.return_code is None
        await settle(pilot)
        assert palettes > 20
        assert app.is_running and app.return_code is None and app._exception is None
        # still responsive: close whatever is open, then the keys do what they say (a
        # screen may take up to three: an open Select's list, a maximized widget, itself)
        for _ in range(3 * len(app.screen_stack)):
            if len(app.screen_stack) > 1:
                await pilot.press("escape")
                await settle(pilot)
        assert len(app.screen_stack) == 1
        # (the palette's Maximize may have left a pane maximized: esc restores it first)
        await pilot.press("escape", "escape", "4")
        assert app.focused is app.query_one("#quotes")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_ctrl_c_says_how_to_quit_in_plain_words(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        hints = [n for n in app._notifications if "quit" in n.message]
        assert [(n.title, n.message) for n in hints] == [
            ("Do you want to quit?", "Press ctrl+q to quit the app.")]
        assert app.is_running


def status_text(app: NewsdeskApp) -> str:
    return str(app.query_one("#status-text", Label).render())


async def test_a_query_that_looks_like_markup_is_shown_as_typed(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Japan [bold] [/]")
        await settle(pilot)
        assert app.search_text == "Japan [bold] [/]"
        assert "“Japan [bold] [/]”: " in status_text(app)
        # the quote list followed the query (a markup error used to stop the worker first)
        assert app.result is not None and app.result.text == "Japan [bold] [/]"
        shown = [q.id for q in app.query_one(QuotesPane).quotes]
        assert shown == [q.id for q in app.result.quotes]
        await pilot.press("ctrl+u", *"[$accent]x [B] y \\")
        await settle(pilot)
        assert "“[$accent]x [B] y \\”: " in status_text(app)
        await pilot.press("ctrl+u", *"[/] Japan")
        await settle(pilot)
        assert "“[/] Japan”: " in status_text(app)


def test_help_rows_are_text_not_markup() -> None:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(help_table([("anywhere", "[b]x[/b]", "Say [red]hi[/]", "[/]")]))
    shown = console.export_text()
    assert "[b]x[/b]" in shown and "Say [red]hi[/]" in shown


async def test_corpus_text_with_brackets_reaches_titles_and_notices_as_text(
    settings: Settings, tmp_path: Path
) -> None:
    corpus = tmp_path / "[b]corpus[i]"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        "---\ntitle: A [red]title[/]\noutlet: Wire [$accent] \\\\[i]\n---\n\n"
        "Officials said the talks would resume.\n", encoding="utf-8")
    settings.corpus = corpus
    app = NewsdeskApp(settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.sub_title == "[b]corpus[i]"
        viewer = app.query_one(Viewer)
        assert viewer._border_title is not None
        assert viewer._border_title.plain == "2 Wire [$accent] \\\\[i]"
        await pilot.press("3", "enter")
        entities = app.query_one("#entities")
        if app.entity is not None:
            assert entities._border_subtitle is not None
            assert app.entity.name in entities._border_subtitle.plain
        await pilot.press("escape", "escape", "ctrl+p", *"jump a")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        prompts = [app.screen.query_one(CommandList).get_option_at_index(i).prompt
                   for i in range(app.screen.query_one(CommandList).option_count)]
        assert any(isinstance(p, Content) and p.plain == (
            "Jump to source: A [red]title[/]\nWire [$accent] \\\\[i] · a") for p in prompts)
        await pilot.press("escape")
        app.notify("x", title="A [b]title[/b]")
        await pilot.pause()
        assert "A [b]title[/b] x" in messages(app)  # a toast's title is text, not escaped
