"""Everything comes back after a restart: the search, the entity filter, the facets, the theme, the
o and c toggles and the viewer's position, as well as the selection and the sort."""

from __future__ import annotations

import json
from pathlib import Path

from tui.config import Settings
from tui.ui.app import NewsdeskApp
from tui.ui.panes.search_bar import SearchBar
from tui.ui.panes.sources import SourcesPane
from tui.ui.panes.viewer import Viewer
from tui.ui.state import UiState, load_state, state_path

from .conftest import CORPUS, settle


async def test_search_filter_theme_toggles_and_position_come_back(
    settings: Settings, state_dir: Path
) -> None:
    first = NewsdeskApp(settings)
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("1", "j", "j")  # the third source
        await pilot.press("slash", *"japan", "tab")  # (esc would clear the search)
        await settle(pilot)
        await pilot.press("3", "f", *"kono", "enter", "enter")  # the entity filter
        await settle(pilot)
        await pilot.press("o", "c")
        first.theme = "textual-light"  # as "Switch theme" in the palette does
        await pilot.press("2", "pagedown", "pagedown", "j")
        await pilot.pause()
        viewer = first.query_one(Viewer)
        top, scrolled = viewer.offset_at_top(), viewer.scroll_y
        opened = first.query_one(SourcesPane).open_id
        assert scrolled > 0 and first.entity is not None
    saved = json.loads(state_path(CORPUS, state_dir).read_text(encoding="utf-8"))
    assert saved["query"] == "japan" and saved["entity"] == "Taro Kono"
    assert saved["positions"][opened] == top
    second = NewsdeskApp(settings)
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert second.query_one(SearchBar).value == "japan"
        assert second.result is not None and second.result.hits
        assert second.entity is not None and second.entity.name == "Taro Kono"
        assert second.only_source and second.show_comments
        assert second.theme == "textual-light"
        assert second.query_one(SourcesPane).open_id == opened
        viewer = second.query_one(Viewer)
        # (the top text line: a blank line between paragraphs above it may be skipped)
        assert viewer.offset_at_top() == top and abs(viewer.scroll_y - scrolled) <= 1
        subtitle = str(second.query_one("#quotes").border_subtitle)
        assert "this source (o)" in subtitle and "hidden (c)" not in subtitle


async def test_the_config_theme_is_not_written_over(settings: Settings, state_dir: Path
                                                    ) -> None:
    app = NewsdeskApp(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
    assert load_state(state_path(CORPUS, state_dir)).theme is None


def test_the_state_file_reads_only_what_it_expects(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(json.dumps({
        "query": ["not", "text"], "entity": 3, "theme": "", "show_comments": "yes",
        "only_source": 1, "positions": {"a": 10, "b": -1, "c": "x", "d": True},
    }), encoding="utf-8")
    state = load_state(path)
    assert state == UiState(positions={"a": 10})


async def test_the_facets_come_back(settings: Settings, state_dir: Path) -> None:
    from tui.corpus.facets import SourceFacets

    first = NewsdeskApp(settings)
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        outlet = first.documents[1].outlet_label
        first.set_facets(SourceFacets(frozenset({outlet}), "2019-08-01", "2019-08-31", "title"))
        await settle(pilot)
        shown = [d.id for d in first.query_one(SourcesPane).documents]
        assert 0 < len(shown) < len(first.documents)
    saved = json.loads(state_path(CORPUS, state_dir).read_text(encoding="utf-8"))
    assert saved["facets"] == {"outlets": [outlet], "since": "2019-08-01",
                               "until": "2019-08-31", "sort": "title"}
    second = NewsdeskApp(settings)
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert second.facets == SourceFacets(frozenset({outlet}), "2019-08-01", "2019-08-31",
                                             "title")
        assert [d.id for d in second.query_one(SourcesPane).documents] == shown


def test_garbled_facets_in_the_state_file_are_left_out() -> None:
    state = UiState.from_json({"facets": {"outlets": ["Vox", 3, None], "since": "yesterday",
                                          "until": "2019-08-31", "sort": "__import__"}})
    assert state.facets == {"outlets": ["Vox"], "until": "2019-08-31"}
    assert UiState.from_json({"facets": [1, 2]}).facets == {}
