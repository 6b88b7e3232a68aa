"""The command line and the dashboard give one answer: the same searches and filters, run
through `newsdesk quotes --json` and through the dashboard's keys, list the same quotes
in the same order, and the same sources with the same counts."""

from __future__ import annotations

import json

import pytest

from tui.build.corpus_index import CorpusIndex
from tui.cli import main
from tui.config import Settings
from tui.corpus.loader import load_corpus
from tui.quotes.browse import QuoteFilter
from tui.ui.app import NewsdeskApp
from tui.ui.panes.entities import EntitiesPane
from tui.ui.panes.quotes import QuotesPane
from tui.ui.panes.sources import SourcesPane

from .conftest import CORPUS, settle

# (search, entity, all sections, sort by speaker)
CASES = [
    ("", None, False, False),
    ("", None, True, True),
    ("kono", None, False, False),
    ("kono", None, True, True),
    ("intelligence", None, False, True),
    ('"South Korea" !Japan', None, False, False),
    ("Kōno's", None, False, False),
    ("", "Moon Jae-in", False, False),
    ("security", "Moon Jae-in", True, True),
    ("agreement", "Kim You-geun", False, True),
]


def cli_quotes(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    capsys.readouterr()
    assert main(["quotes", "--json", "--corpus", str(CORPUS), *args]) == 0
    return [q["id"] for q in json.loads(capsys.readouterr().out)]


@pytest.mark.parametrize(("query", "entity", "every_section", "by_speaker"), CASES)
async def test_the_cli_and_the_dashboard_list_the_same_quotes(
    settings: Settings,
    capsys: pytest.CaptureFixture[str],
    query: str,
    entity: str | None,
    every_section: bool,
    by_speaker: bool,
) -> None:
    args = ["--query", query] if query else []
    args += ["--entity", entity] if entity else []
    args += ["--all-sections"] if every_section else []
    args += ["--sort", "speaker"] if by_speaker else []
    expected = cli_quotes(capsys, *args)

    app = NewsdeskApp(settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        if entity:
            pane = app.query_one(EntitiesPane)
            pane.move_cursor(next(
                i for i, row in enumerate(pane.rows)
                if not isinstance(row, tuple) and row.name == entity
            ))
            pane.focus()
            await pilot.press("enter")
        if every_section:
            await pilot.press("c")
        if by_speaker:
            await pilot.press("s")
        if query:
            await pilot.press("slash")
            # a space after the last word: the search bar no longer takes it as a prefix
            # still being typed, as a finished command-line query does not
            await pilot.press(*query, "space")
        await settle(pilot)
        shown = [q.id for q in app.query_one(QuotesPane).quotes]
        sources = app.query_one(SourcesPane)
        listed = [d.id for d in sources.documents]
        hits = sources.hits

    assert shown == expected
    index = CorpusIndex.build(load_corpus(CORPUS).documents)
    result = index.query(query, QuoteFilter(entity=entity), typing=False)
    assert listed == [d.id for d in result.sources]
    assert hits == result.hits
