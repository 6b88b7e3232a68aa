"""The export dialog, driven with the keyboard as a user would: choose a style and a
grouping, name the file, add to an existing note; E repeats the last export."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import yaml
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select, Static

from tui.config import Settings
from tui.export.files import DIRECTORY_HINT
from tui.ui.app import NewsdeskApp
from tui.ui.panes.entities import EntitiesPane
from tui.ui.panes.quotes import QuotesPane
from tui.ui.screens.export_dialog import ExportDialog

from .conftest import settle


async def _filter_to(pilot, name: str) -> None:
    pane = pilot.app.query_one(EntitiesPane)
    pane.move_cursor(next(i for i, row in enumerate(pane.rows)
                          if not isinstance(row, tuple) and row.name == name))
    pane.focus()
    await pilot.press("enter")
    await settle(pilot)


async def _choose(pilot, select_id: str, value: str) -> None:
    """Open a Select with enter and move to ``value`` with the arrow keys."""
    select = pilot.app.screen.query_one(select_id, Select)
    values = [v for _label, v in select._options]
    select.focus()
    await pilot.press("enter")
    step = values.index(value) - values.index(select.value)
    await pilot.press(*(["down"] * step if step > 0 else ["up"] * -step), "enter")
    await pilot.pause()
    assert select.value == value


@asynccontextmanager
async def _dialog(settings: Settings) -> AsyncIterator[tuple[NewsdeskApp, Pilot]]:
    """The dashboard with the first quote selected and the export dialog open."""
    app = NewsdeskApp(settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("4", "space", "ctrl+e")
        yield app, pilot


async def _set_path(pilot, path: Path) -> None:
    """Clear the file field and type ``path`` (its directory pasted: typing a long
    temporary path key by key would take seconds)."""
    field = pilot.app.screen.query_one("#export-path", Input)
    field.focus()
    field.value = "" if str(path.parent) == "." else f"{path.parent}/"
    field.cursor_position = len(field.value)
    await pilot.press(*path.name)


async def test_export_each_style_under_an_entity_filter_appending_to_one_note(
    settings: Settings, tmp_path: Path
) -> None:
    app = NewsdeskApp(settings)
    note = tmp_path / "kono.md"
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await _filter_to(pilot, "Taro Kono")
        await pilot.press("4", "a", "ctrl+e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        shown = str(dialog.query_one(".what", Static).render())
        assert shown == f"{len(app.selected)} selected quotes (entity Taro Kono)."
        # the file name is suggested from the filter
        assert dialog.query_one("#export-path", Input).value == str(
            settings.export_directory / "quotes-taro-kono.md")
        await _set_path(pilot, note)
        await _choose(pilot, "#export-group", "speaker")
        await pilot.click("#export-append")  # the note does not exist yet: written whole
        await pilot.click("#export-ok")
        assert not isinstance(app.screen, ExportDialog)
        first = note.read_text(encoding="utf-8")
        front = yaml.safe_load(first.split("---\n")[1])
        assert front["entity"] == "Taro Kono" and front["quotes"] == len(app.selected)
        for style in ("obsidian", "plain"):
            await pilot.press("ctrl+e")
            # the dialog remembers the last choice, file and append included
            assert app.screen.query_one("#export-append", Checkbox).value
            await _choose(pilot, "#export-kind", style)
            assert app.screen.query_one("#export-path", Input).value == str(note)
            await pilot.press("enter")
            assert not isinstance(app.screen, ExportDialog)
        text = note.read_text(encoding="utf-8")
        assert text.startswith(first) and text.count("\n---\n") == 1  # one front matter
        assert text.count("> [!quote] Taro Kono") == len(app.selected)
        assert text.count("“extremely regrettable”") == 1  # the plain block
        notes = [(n.title, n.message) for n in app._notifications]
        assert (f"Added {len(app.selected)} quotes to", str(note)) in notes
        # E: the last export again, without a dialog: one more plain block
        await pilot.press("E")
        assert not isinstance(app.screen, ExportDialog)
        assert note.read_text(encoding="utf-8").count("“extremely regrettable”") == 2


async def test_the_dialog_refuses_to_overwrite_and_repeat_takes_a_new_name(
    settings: Settings,
) -> None:
    app = NewsdeskApp(settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("4", "space", "ctrl+e", "enter")
        (written,) = settings.export_directory.iterdir()
        assert written.name == "quotes.md"
        await pilot.press("ctrl+e", "enter")
        assert isinstance(app.screen, ExportDialog)  # still open: the name is taken
        error = str(app.screen.query_one("#export-error", Static).render())
        assert error == (f"{written} already exists: tick Append to add to it, or give "
                         "another name.")
        await pilot.press("escape")
        await pilot.press("E")  # a repeat never asks: it takes the next free name
        assert sorted(p.name for p in settings.export_directory.iterdir()) == [
            "quotes-2.md", "quotes.md"]


async def test_csl_json_from_the_dialog_names_its_file_json(settings: Settings) -> None:
    async with _dialog(settings) as (app, pilot):
        await _choose(pilot, "#export-kind", "csl-json")
        assert app.screen.query_one("#export-path", Input).value.endswith("quotes.json")
        await pilot.click("#export-ok")
        (written,) = settings.export_directory.iterdir()
        assert written.name == "quotes.json" and written.read_text().startswith("[\n")


async def test_a_bare_file_name_goes_into_the_export_directory(settings: Settings) -> None:
    async with _dialog(settings) as (app, pilot):
        await _set_path(pilot, Path("mine.md"))
        await pilot.press("enter")
        assert [p.name for p in settings.export_directory.iterdir()] == ["mine.md"]


async def test_an_unusable_directory_is_one_sentence_in_the_dialog(
    settings: Settings, tmp_path: Path
) -> None:
    async with _dialog(settings) as (app, pilot):
        await _set_path(pilot, tmp_path / "missing" / "x.md")
        await pilot.press("enter")
        error = str(app.screen.query_one("#export-error", Static).render())
        assert error == (f"cannot write {tmp_path / 'missing' / 'x.md'}: directory "
                         f"{tmp_path / 'missing'} does not exist; {DIRECTORY_HINT}")
        assert "Errno" not in error and not (tmp_path / "missing").exists()


async def test_copy_uses_the_last_style_and_never_front_matter(settings: Settings) -> None:
    async with _dialog(settings) as (app, pilot):
        await _choose(pilot, "#export-kind", "obsidian")
        await pilot.press("escape")  # cancelled: nothing remembered, nothing written
        await pilot.press("y")
        assert app.clipboard.startswith("> ") and "[!quote]" not in app.clipboard
        quote = app.query_one(QuotesPane).quotes[0]
        await pilot.press("ctrl+e")
        await _choose(pilot, "#export-kind", "obsidian")
        await pilot.press("enter")
        await pilot.press("y")
        assert app.clipboard.startswith("> [!quote] ") and f"^{quote.id}" in app.clipboard
        assert "---" not in app.clipboard


async def test_a_late_enter_under_the_palette_neither_exports_nor_closes_the_palette(
    settings: Settings,
) -> None:
    async with _dialog(settings) as (app, pilot):
        dialog = app.screen
        await pilot.press("ctrl+p")
        palette = app.screen
        assert palette is not dialog
        # an enter typed before ctrl+p, handled after the palette opened over the dialog
        dialog.post_message(Input.Submitted(dialog.query_one("#export-path", Input), ""))
        await settle(pilot)
        assert app.screen is palette and dialog in app.screen_stack
        assert not settings.export_directory.exists()
        await pilot.press("escape")
        await pilot.press("enter")  # on top again, enter exports and closes
        assert len(app.screen_stack) == 1
        assert len(list(settings.export_directory.iterdir())) == 1
