"""Every key the README lists, pressed through a pilot on the bundled corpus."""

from __future__ import annotations

import re
from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Static

from tui.config import Settings
from tui.ui.app import NewsdeskApp
from tui.ui.exporting import CLIPBOARD_HINT
from tui.ui.panes.entities import EntitiesPane
from tui.ui.panes.quotes import QuotesPane
from tui.ui.panes.search_bar import SearchBar
from tui.ui.panes.sources import SourcesPane
from tui.ui.panes.viewer import Viewer
from tui.ui.screens.export_dialog import ExportDialog
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.variants import VariantsScreen

from .conftest import settle


def messages(app: NewsdeskApp) -> list[str]:
    return [f"{n.title} {n.message}" for n in app._notifications]


async def test_number_keys_focus_the_panes(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for key, pane in (("2", "viewer"), ("3", "entities"), ("4", "quotes"), ("1", "sources")):
            await pilot.press(key)
            assert app.focused is not None and app.focused.id == pane


async def test_tab_and_shift_tab_cycle_focus(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(6):
            await pilot.press("tab")
            seen.append(app.focused.id if app.focused else None)
        assert {"search", "viewer", "entity-find", "entities", "quotes", "sources"} \
            <= set(seen)
        await pilot.press("shift+tab")
        assert app.focused.id == seen[-2]


async def test_slash_searches_as_you_type_and_enter_opens_the_first_hit(
    app: NewsdeskApp,
) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, SearchBar)
        await pilot.press(*"intelligence")
        await settle(pilot)
        sources = app.query_one(SourcesPane)
        assert sources.hits and all(n > 0 for n in sources.hits.values())
        assert {d.id for d in sources.documents} == set(sources.hits)
        await pilot.press("enter")
        await settle(pilot)
        viewer = app.query_one(Viewer)
        assert app.focused is viewer
        assert viewer.matches and viewer.current >= 0
        top = app.index.search.search("intelligence", limit=1)[0]
        assert viewer.document.id == top.source
        start, end = viewer.matches[viewer.current]
        assert "intelligence" in viewer.document.text[start:end].casefold()


async def test_search_filters_quotes_to_those_holding_a_match(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        everything = len(app.query_one(QuotesPane).quotes)
        # a word that one shown quote holds: the longest word of the first quote
        word = max(re.findall(r"[A-Za-z]+", app.query_one(QuotesPane).quotes[0].text), key=len)
        await pilot.press("slash", *word)
        await settle(pilot)
        shown = app.query_one(QuotesPane).quotes
        assert 0 < len(shown) < everything
        for quote in shown:
            spans = app.index.search.find_in_document(quote.source, word)
            assert any(m.start < quote.end and m.end > quote.start for m in spans)
        app.query_one(SearchBar).value = ""  # clearing the query restores everything
        await settle(pilot)
        assert len(app.query_one(QuotesPane).quotes) == everything
        assert app.query_one(SourcesPane).hits is None


async def test_n_and_shift_n_step_through_matches(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"korea", "enter")
        await settle(pilot)
        viewer = app.query_one(Viewer)
        assert len(viewer.matches) > 2
        first = viewer.current
        await pilot.press("n")
        assert viewer.current == (first + 1) % len(viewer.matches)
        await pilot.press("N", "N")
        assert viewer.current == (first - 1) % len(viewer.matches)


async def test_n_without_a_search_says_so(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        assert any("No search or entity filter to step through" in m for m in messages(app))


async def test_j_k_g_shift_g_move_in_the_lists_and_open_sources(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        sources = app.query_one(SourcesPane)
        viewer = app.query_one(Viewer)
        await pilot.press("1", "j")
        assert sources.cursor == 1 and viewer.document.id == app.documents[1].id
        await pilot.press("down", "k")
        assert sources.cursor == 1
        await pilot.press("G")
        assert sources.cursor == len(app.documents) - 1
        assert viewer.document.id == app.documents[-1].id
        await pilot.press("g")
        assert sources.cursor == 0 and viewer.document.id == app.documents[0].id
        await pilot.press("up")
        assert sources.cursor == 0


async def test_j_k_g_shift_g_scroll_the_viewer(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("1", "G", "2")
        viewer = app.query_one(Viewer)
        await pilot.press("j", "j", "j")
        assert viewer.scroll_y == 3
        await pilot.press("k")
        assert viewer.scroll_y == 2
        await pilot.press("G")
        assert viewer.scroll_y == viewer.max_scroll_y > 0
        await pilot.press("g")
        assert viewer.scroll_y == 0


async def test_space_selects_and_unselects_the_highlighted_quote(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = app.query_one(QuotesPane)
        await pilot.press("4", "j")
        quote = pane.current()
        await pilot.press("space")
        assert app.selected == [quote.id] and quote.id in pane.selected
        await pilot.press("space")
        assert app.selected == [] and not pane.selected


async def test_a_selects_every_quote_shown_and_again_unselects(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        shown = [q.id for q in app.query_one(QuotesPane).quotes]
        await pilot.press("a")
        assert sorted(app.selected) == sorted(shown)
        await pilot.press("a")
        assert app.selected == []


async def test_ctrl_e_exports_the_selection_and_names_the_file(
    app: NewsdeskApp, settings: Settings
) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("4", "space", "j", "space", "ctrl+e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")  # the dialog's suggestion, as it stands
        files = list(settings.export_directory.glob("*.md"))
        assert len(files) == 1
        text = files[0].read_text(encoding="utf-8")
        for quote_id in app.selected:
            assert app.index.quote_by_id[quote_id].text.split()[0] in text
        assert any(str(files[0]) in m for m in messages(app))


async def test_ctrl_e_with_nothing_selected_warns(app: NewsdeskApp, settings: Settings) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        assert any("Nothing selected" in m for m in messages(app))
        assert not settings.export_directory.exists()


async def test_ctrl_e_into_an_unwritable_place_is_a_notification(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    app = NewsdeskApp(Settings(corpus=Path(__file__).resolve().parents[2] / "corpus",
                               export_directory=blocker / "exports"))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("4", "space", "ctrl+e", "enter")
        assert isinstance(app.screen, ExportDialog)  # stays open, to fix the name
        error = str(app.screen.query_one("#export-error", Static).render())
        assert error.startswith(f"cannot create the export directory {blocker / 'exports'}")


async def test_y_copies_the_selection_as_markdown_without_front_matter(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("4", "space", "y")
        quote = app.index.quote_by_id[app.selected[0]]
        assert app.clipboard.startswith("> ") and "---" not in app.clipboard
        assert quote.text.split()[0] in app.clipboard and f"^{quote.id}" in app.clipboard
        notes = [(n.title, n.message) for n in app._notifications]
        assert ("Copied 1 quote", CLIPBOARD_HINT) in notes
        assert "set -g set-clipboard on" in CLIPBOARD_HINT and "OSC 52" in CLIPBOARD_HINT


async def test_f1_lists_every_binding_with_its_id(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        ids = {row[3] for row in app.screen.rows}
        for binding in app.BINDINGS:
            assert binding.id in ids
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_ctrl_p_palette_runs_the_apps_own_commands(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert app.selected
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"clear selection")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.selected == []


async def test_ctrl_p_palette_jumps_to_a_source(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        target = app.documents[-1]
        await pilot.press("ctrl+p", *f"jump {target.title[:20]}")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_one(Viewer).document.id == target.id


async def test_ctrl_q_quits(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit


async def test_choosing_an_entity_filters_and_esc_clears(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        entities = app.query_one(EntitiesPane)
        await pilot.press("3")
        # the most mentioned entity in the pane, which appears in some but maybe not all sources
        entity = entities.current()
        await pilot.press("enter")
        assert app.entity is entity
        sources = app.query_one(SourcesPane)
        assert {d.id for d in sources.documents} == set(entity.sources)
        for quote in app.query_one(QuotesPane).quotes:
            assert quote.source in entity.sources
        viewer = app.query_one(Viewer)
        mentions = [(m.start, m.end) for m in entity.mentions if m.source == viewer.document.id]
        assert mentions and list(viewer.mentions) == mentions
        await pilot.press("escape")
        assert app.entity is None and len(sources.documents) == len(app.documents)
        await pilot.press("enter", "enter")  # choosing it again clears too
        assert app.entity is None


async def test_enter_on_a_quote_jumps_the_viewer_to_it(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("4", "G", "enter")
        quote = app.query_one(QuotesPane).current()
        viewer = app.query_one(Viewer)
        await pilot.pause()
        assert viewer.document.id == quote.source
        assert viewer.spotlight == (quote.start, quote.end)
        line = viewer.line_of(quote.start)
        assert viewer.scroll_y <= line < viewer.scroll_y + viewer.size.height


async def test_d_opens_the_variants_of_a_clustered_quote(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = app.query_one(QuotesPane)
        index = next(i for i, q in enumerate(pane.quotes)
                     if len(app.index.clusters.get(q.cluster or "", [])) > 1)
        await pilot.press("4")
        pane.move_cursor(index)
        await pilot.press("d")
        assert isinstance(app.screen, VariantsScreen)
        assert len(app.screen.quotes) > 1
        await pilot.press("escape")
        assert not isinstance(app.screen, VariantsScreen)


async def test_d_on_a_lone_quote_says_so(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = app.query_one(QuotesPane)
        index = next(i for i, q in enumerate(pane.quotes)
                     if len(app.index.clusters.get(q.cluster or "", [])) < 2)
        pane.move_cursor(index)
        await pilot.press("d")
        assert not isinstance(app.screen, VariantsScreen)
        assert any("Only one outlet" in m for m in messages(app))


async def test_s_sorts_quotes_by_speaker_and_back(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = app.query_one(QuotesPane)
        in_order = [q.id for q in pane.quotes]
        await pilot.press("s")
        speakers = [q.speaker for q in pane.quotes]
        named = [s.casefold() for s in speakers if s]
        assert named == sorted(named)
        assert speakers[len(named):] == [None] * (len(speakers) - len(named))
        await pilot.press("s")
        assert [q.id for q in pane.quotes] == in_order


async def test_o_limits_quotes_to_the_open_source(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        open_id = app.query_one(Viewer).document.id
        shown = app.query_one(QuotesPane).quotes
        assert shown and {q.source for q in shown} == {open_id}
        await pilot.press("1", "j")
        assert {q.source for q in app.query_one(QuotesPane).quotes} <= {app.documents[1].id}


async def test_c_toggles_quotes_from_reader_comments(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert all(q.section != "comments" for q in app.query_one(QuotesPane).quotes)
        await pilot.press("c")
        assert len(app.query_one(QuotesPane).quotes) == len(app.index.quotes)


async def test_keys_from_config_remap_bindings_by_id(settings: Settings) -> None:
    settings.keys = {"export": "ctrl+s", "focus_quotes": "f4", "bogus": "x"}
    app = NewsdeskApp(settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        assert app.focused.id == "quotes"
        await pilot.press("space", "ctrl+s", "enter")
        assert len(list(settings.export_directory.glob("*.md"))) == 1
        assert any("bogus" in m for m in messages(app))
        help_keys = {row[3]: row[1] for row in app.help_rows()}
        assert help_keys["export"] == "^s"


async def test_broken_or_clashing_remaps_are_ignored_with_a_warning(settings: Settings) -> None:
    settings.keys = {"export": "ctrl+", "focus_sources": "2", "focus_quotes": "f4"}
    app = NewsdeskApp(settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        warning = " ".join(messages(app))
        assert "export: 'ctrl+' is not a key" in warning
        assert "focus_sources: 2 is already focus_viewer" in warning
        await pilot.press("2")
        assert app.focused.id == "viewer"  # the clash did not steal the key
        await pilot.press("f4")
        assert app.focused.id == "quotes"  # the good remap still applies
        await pilot.press("1")
        assert app.focused.id == "sources"  # the refused remap left the default


async def test_mouse_clicks_open_rows_and_focus_panes(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.click("#sources", offset=(3, 5))  # inside the border: the third source
        assert app.focused.id == "sources"
        assert app.query_one(Viewer).document.id == app.documents[2].id
        await pilot.click("#viewer", offset=(5, 5))
        assert app.focused.id == "viewer"
        await pilot.click("#quotes", offset=(5, 2))  # the second quote row
        assert app.focused.id == "quotes" and app.query_one(QuotesPane).cursor == 1


async def test_typing_fast_leaves_the_results_of_the_last_query(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        bar = app.query_one(SearchBar)
        for query in ("k", "ko", "kor", "kore", "korea", "kono"):
            bar.value = query  # each starts a search; the earlier ones are stale
        await settle(pilot)
        assert app.query_one(SourcesPane).hits == app.index.search.hits_per_source("kono")
        shown = app.query_one(QuotesPane).quotes
        assert all("kono" in (q.speaker or "").casefold() or any(
            m.start < q.end and m.end > q.start
            for m in app.index.search.find_in_document(q.source, "kono")) for q in shown)
