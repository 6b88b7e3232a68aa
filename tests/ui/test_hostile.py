"""Hostile keys, remaps, queries and palette sequences: the app stays up and says what it
did in plain text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette

from tui.config import Settings
from tui.ui.app import NewsdeskApp
from tui.ui.screens.help import HelpScreen

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
        await pilot.press("4", "space", "ctrl+e")
        errors = [n for n in app._notifications if n.severity == "error"]
        assert [(n.title, n.message) for n in errors] == [(
            "Export failed",
            f"cannot create the export directory {blocker / 'exports'}: Not a directory",
        )]


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
        assert not isinstance(app.screen, CommandPalette) and len(app.screen_stack) == 1
        assert len(list(settings.export_directory.glob("*.md"))) == 1  # ran once
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
        # still responsive: close whatever is open, then the keys do what they say
        for _ in range(len(app.screen_stack)):
            if len(app.screen_stack) > 1:
                await pilot.press("escape")
                await settle(pilot)
        assert len(app.screen_stack) == 1
        # (the palette's Maximize may have left a pane maximized: esc restores it first)
        await pilot.press("escape", "escape", "4")
        assert app.focused is app.query_one("#quotes")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
