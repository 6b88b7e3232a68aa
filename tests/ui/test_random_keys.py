"""2,000 random keys, seeded, never crash the app."""

from __future__ import annotations

import random

from textual import events
from textual.command import CommandPalette

from tui.config import Settings
from tui.ui.app import NewsdeskApp

from .conftest import settle

KEYS = [
    "1", "2", "3", "4", "tab", "shift+tab", "slash", "n", "N", "j", "k", "g", "G", "up",
    "down", "pageup", "pagedown", "home", "end", "space", "a", "ctrl+e", "y", "f1", "ctrl+p",
    "escape", "enter", "d", "s", "o", "c", "backspace", "e", "o", "r", "x", "q", "left",
    "right",
]
SCREEN_KEYS = {"enter", "escape", "ctrl+p", "f1", "d", "q", "ctrl+e", "y"}
CHARACTERS = {"space": " ", "slash": "/", "tab": "\t", "enter": "\r", "escape": "\x1b"}


async def test_two_thousand_random_keys_never_crash(settings: Settings) -> None:
    rng = random.Random(20190822)
    keys = [rng.choice(KEYS) for _ in range(2000)]
    runs = 0
    while keys:
        # The palette's own Quit command can end a run (type q, press enter): that is a
        # clean exit, so the remaining keys go to a fresh app.
        runs += 1
        app = NewsdeskApp(settings)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            pending = 0
            while keys and app.is_running:
                # Keys arrive as from a fast typist, a few at a time, and the app catches
                # up after each burst (pilot.press idle-waits ~50 ms a key: minutes for
                # 2,000). A key that opens or closes a screen ends its burst, and in
                # Textual's command palette keys go one at a time, as its search worker
                # is not written for bursts.
                key = keys.pop()
                app.post_message(events.Key(key, CHARACTERS.get(key, key if len(key) == 1
                                                                else None)))
                pending += 1
                if key in SCREEN_KEYS or pending == 8 or isinstance(app.screen, CommandPalette):
                    pending = 0
                    await pilot.pause(0)
                    await pilot.pause(0)
            await settle(pilot)
        assert app.return_code in (None, 0)
    assert runs < 20
