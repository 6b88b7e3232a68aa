"""Hostile keys, remaps, queries and palette sequences: the app stays up and says what it
did in plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.config import Settings
from tui.ui.app import NewsdeskApp

from .conftest import settle


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
