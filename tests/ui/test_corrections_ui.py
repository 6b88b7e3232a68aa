"""Correcting entities and speakers from the dashboard, as a user would: find an entity
by typing, merge, rename, ignore, retype it, set a quote's speaker, undo from the palette;
and the command line sees the same corrections."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.ui.app import NewsdeskApp
from tui.ui.panes.entities import EntitiesPane, EntityFinder
from tui.ui.panes.quotes import QuotesPane
from tui.ui.screens.ask import AskScreen

from .conftest import CORPUS, settle


def names(app: NewsdeskApp) -> list[str]:
    pane = app.query_one(EntitiesPane)
    return [row.name for row in pane.rows if not isinstance(row, tuple)]


async def test_find_as_you_type_narrows_the_entities(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("3", "f", "k", "o", "n", "o")
        pane = app.query_one(EntitiesPane)
        assert isinstance(app.focused, EntityFinder)
        assert names(app) == ["Taro Kono"]
        await pilot.press("enter")
        assert app.focused is pane and pane.current().name == "Taro Kono"
        await pilot.press("enter")  # the entity filter, as ever
        await settle(pilot)
        assert app.entity is not None and app.entity.name == "Taro Kono"
        # esc in the box clears it: every entity again
        await pilot.press("f", "x", "y", "z", "q")
        assert names(app) == [] and "xyzq" in pane.empty_text
        await pilot.press("escape")
        assert app.focused is pane and len(names(app)) == len(app.index.entities)


async def test_merge_then_undo_from_the_palette(app: NewsdeskApp, state_dir: Path) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("3", "f", *"korea", "enter")
        assert app.query_one(EntitiesPane).current().name == "Korea"
        before = app.index.entity_named("South Korea").count
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press(*"south k", "enter")  # the best entity that fits what is typed
        await settle(pilot)
        assert not isinstance(app.screen, AskScreen)
        assert app.index.entity_named("Korea") is None
        merged = app.index.entity_named("South Korea")
        assert merged.count == before + 4 and "Korea" in merged.aliases
        assert "Korea" not in names(app)
        # listed in the palette, and undone there
        await pilot.press("ctrl+p")
        await pilot.press(*"undo correction")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.index.entity_named("Korea") is not None
        assert app.index.entity_named("South Korea").count == before


async def test_rename_retype_and_ignore_reach_the_cli(
    app: NewsdeskApp, state_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("3", "f", *"kim you", "enter", "enter")  # and filter by him
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Kim Yoo-geun", "enter")
        await settle(pilot)
        # the filter follows the entity to its new name; the quotes show it
        assert app.entity is not None and app.entity.name == "Kim Yoo-geun"
        speakers = {q.speaker for q in app.query_one(QuotesPane).quotes}
        assert "Kim Yoo-geun" in speakers and "Kim You-geun" not in speakers
        await pilot.press("f", "ctrl+u", *"yonhap", "enter", "x")
        await settle(pilot)
        assert app.index.entity_named("Yonhap") is None
        await pilot.press("f", "ctrl+u", *"AP", "enter", "t")
        await pilot.pause()
        await pilot.press("ctrl+u", *"blah", "enter")  # refused, with the reason
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        assert "a type is one of" in str(app.screen.query_one("#ask-problem").render())
        await pilot.press("ctrl+u", *"pers", "enter")
        await settle(pilot)
        assert app.index.entity_named("AP").type == "PERSON"
    assert main(["corrections", "--corpus", str(CORPUS)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "   1  rename Kim You-geun to Kim Yoo-geun",
        "   2  ignore Yonhap",
        "   3  make AP PERSON",
    ]


async def test_a_speaker_is_set_to_an_entity_or_cleared(
    app: NewsdeskApp, state_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        quote = app.query_one(QuotesPane).current()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press("ctrl+u", *"Nobody At All", "enter")
        await pilot.pause()
        # not an entity, and nothing fits: refused
        assert isinstance(app.screen, AskScreen)
        await pilot.press("ctrl+u", *"kono", "enter")
        await settle(pilot)
        assert app.index.quote_by_id[quote.id].speaker == "Taro Kono"
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("ctrl+u", "enter")  # empty: no one
        await settle(pilot)
        assert app.index.quote_by_id[quote.id].speaker is None
    assert main(["quotes", "--json", "--corpus", str(CORPUS)]) == 0
    shown = {q["id"]: q for q in json.loads(capsys.readouterr().out)}
    assert shown[quote.id]["speaker"] is None


async def test_corrections_come_back_after_a_restart(settings, state_dir: Path) -> None:
    assert main(["correct", "ignore", "Yonhap", "--corpus", str(CORPUS)]) == 0
    app = NewsdeskApp(settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert "Yonhap" not in names(app)
