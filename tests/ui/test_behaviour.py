"""Start-up, persistence, errors and themes: what the TUI does besides answering keys."""

from __future__ import annotations

import gc
import json
import threading
from pathlib import Path

import pytest
from textual.widgets import ProgressBar

from tui.build.corpus_index import CorpusIndex
from tui.config import Settings
from tui.ui.app import NewsdeskApp, breakpoint_classes
from tui.ui.panes.quotes import QuotesPane
from tui.ui.panes.sources import SourcesPane
from tui.ui.panes.viewer import Viewer, wrap_spans
from tui.ui.state import UiState, load_state, save_state, state_path
from tui.util import collector

from .conftest import CORPUS, settle, started_afresh


async def test_first_paint_comes_before_the_index(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_build = CorpusIndex.build

    def slow_build(documents, settings=None, progress=None, corrections=(), **options):
        if progress:
            progress("entities", 1, 3)
        release.wait(timeout=30)
        return real_build(documents, settings, progress, corrections, **options)

    monkeypatch.setattr(CorpusIndex, "build", slow_build)
    app = NewsdeskApp(settings)
    async with app.run_test(size=(160, 48)) as pilot:
        while app.index is None and not app.query_one(SourcesPane).documents:
            await pilot.pause()
        for _ in range(3):
            await pilot.pause()
        # sources and the viewer are up while the index is still building
        assert app.index is None
        assert len(app.query_one(SourcesPane).documents) == 5
        assert app.query_one(Viewer).document is not None
        assert app.query_one(ProgressBar).display
        assert app.query_one(QuotesPane).empty_text == "Indexing…"
        await pilot.press("space", "ctrl+e")  # keys that need the index only warn
        assert any("Still indexing" in n.message for n in app._notifications)
        release.set()
        await settle(pilot)
        assert app.index is not None
        assert not app.query_one(ProgressBar).display
        assert app.query_one(QuotesPane).quotes


async def test_selection_and_open_source_survive_a_restart(
    settings: Settings, state_dir: Path
) -> None:
    first = NewsdeskApp(settings)
    async with first.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("1", "j", "j", "4", "space", "j", "space", "s")
        chosen = list(first.selected)
        opened = first.query_one(Viewer).document.id
    assert len(chosen) == 2
    saved = json.loads(state_path(CORPUS, state_dir).read_text(encoding="utf-8"))
    assert saved["selected"] == chosen
    second = NewsdeskApp(settings)
    async with second.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert second.selected == chosen
        assert second.query_one(QuotesPane).selected == set(chosen)
        assert second.query_one(Viewer).document.id == opened
        assert second.state.sort == "speaker"


def test_state_files_are_per_corpus_and_written_atomically(tmp_path: Path) -> None:
    a = state_path(tmp_path / "one" / "corpus", tmp_path)
    b = state_path(tmp_path / "two" / "corpus", tmp_path)
    assert a != b and a.parent == b.parent == tmp_path
    save_state(a, UiState(selected=["q1", "q2"], source="doc", sort="speaker"))
    assert load_state(a) == UiState(selected=["q1", "q2"], source="doc", sort="speaker")
    assert [p.name for p in tmp_path.iterdir()] == [a.name]  # no temporary file left behind
    assert load_state(b) == UiState()


@pytest.mark.parametrize("content", ["", "{", "[1, 2]", '{"selected": "x", "sort": "up"}',
                                     '{"selected": [1, "q"], "source": 3}'])
def test_a_damaged_state_file_is_an_empty_state(tmp_path: Path, content: str) -> None:
    path = tmp_path / "state.json"
    path.write_text(content, encoding="utf-8")
    state = load_state(path)
    assert state.sort == "source" and state.source is None
    assert all(isinstance(s, str) for s in state.selected)


async def test_an_unwritable_state_dir_is_a_warning_not_a_crash(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    monkeypatch.setenv("NEWSDESK_STATE_DIR", str(blocker / "state"))
    app = NewsdeskApp(settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("4", "space", "space")
        warnings = [n for n in app._notifications if "Cannot save" in n.message]
        assert len(warnings) == 1


async def test_an_empty_corpus_is_a_friendly_empty_state(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = NewsdeskApp(Settings(corpus=empty, export_directory=tmp_path / "out"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        viewer = app.query_one(Viewer)
        assert viewer.document is None and "No articles found" in viewer.message
        assert any("empty" in n.message for n in app._notifications)
        await pilot.press("slash", *"korea", "enter", "escape", "space", "a", "ctrl+e", "y",
                          "d", "n", "4", "j", "enter")
        await settle(pilot)


async def test_a_missing_corpus_is_a_notification(tmp_path: Path) -> None:
    app = NewsdeskApp(Settings(corpus=tmp_path / "nowhere"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert any(n.severity == "error" for n in app._notifications)
        assert "Nothing to show" in app.query_one(Viewer).message


async def test_files_that_cannot_be_read_are_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text("Title\n\nSome text said “a quote here,” she said.\n")
    (corpus / "bad.json").write_text("{ not json")
    app = NewsdeskApp(Settings(corpus=corpus, export_directory=tmp_path / "out"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(app.documents) == 1
        assert any("skipped" in n.title for n in app._notifications)


@pytest.mark.parametrize(("theme", "expected", "warned"),
                         [("nord", "nord", False), ("no-such-theme", "textual-dark", True)])
async def test_the_theme_comes_from_config(
    settings: Settings, theme: str, expected: str, warned: bool
) -> None:
    settings.theme = theme
    app = NewsdeskApp(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == expected
        assert any("Unknown theme" in n.message for n in app._notifications) == warned


def test_wrap_keeps_every_character_and_fits_the_width() -> None:
    text = "A fairly long sentence, with a https://example.com/very/long/url/that/cannot/fit."
    for width in (5, 12, 30):
        spans = wrap_spans(text, width)
        assert "".join(text[s:e] for s, e in spans) == text
        assert all(len(text[s:e].rstrip()) <= width for s, e in spans)


async def test_markup_in_queries_and_metadata_is_shown_as_text(tmp_path: Path) -> None:
    corpus = tmp_path / "odd"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        '---\ntitle: "A [/] title"\noutlet: "[b]Out[/b] [/]"\n---\n"Hello [red]there," she said.\n'
    )
    app = NewsdeskApp(Settings(corpus=corpus, export_directory=tmp_path / "exports"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.query_one(Viewer).document is not None  # the odd outlet opened
        await pilot.press("slash", *"[/]", "enter")
        await settle(pilot)
        assert any("[/]" in n.message for n in app._notifications)  # said, not parsed
        await pilot.press("escape", "ctrl+p", *"jump")
        await settle(pilot)
    assert app.return_code in (None, 0)


async def test_a_loader_failure_is_a_notification_not_a_hang(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.build.documents

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(tui.build.documents, "load_corpus", broken)
    monkeypatch.setenv("NEWSDESK_CACHE_DIR", "off")  # (not read back from a test before)
    app = NewsdeskApp(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any("disk on fire" in n.message for n in app._notifications)


async def test_the_skipped_files_notice_names_each_file_and_why(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text("Title\n\nSome text said “a quote here,” she said.\n")
    (corpus / "report.docx").write_bytes(b"PK\x03\x04")
    (corpus / "empty.txt").write_bytes(b"")
    app = NewsdeskApp(Settings(corpus=corpus, export_directory=tmp_path / "out"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        notices = [(n.title, n.message) for n in app._notifications if n.severity == "warning"]
        assert notices == [("2 files were skipped",
                            "empty.txt: empty\nreport.docx: unsupported format (.docx)")]


async def test_a_corpus_of_every_format_loads_in_the_dashboard(tmp_path: Path) -> None:
    """Pages, PDFs, tables, feeds and archives load in the index worker's thread too."""
    corpus = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "corpus"
    app = NewsdeskApp(Settings(corpus=corpus, export_directory=tmp_path / "out"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert len(app.documents) == 12
        [(title, message)] = [(n.title, n.message) for n in app._notifications
                              if n.severity == "warning"]
        assert title == "3 files were skipped"
        assert [line.split(":")[0] for line in message.splitlines()] == [
            "empty.txt", "notes.docx", "scan.pdf"]


def test_breakpoint_classes_pick_the_largest_breakpoint_reached() -> None:
    horizontal = [(0, "-narrow"), (120, "-wide")]
    vertical = [(0, "-short"), (36, "-tall")]
    assert breakpoint_classes((160, 48), horizontal, vertical) == {
        "-narrow": False, "-wide": True, "-short": False, "-tall": True}
    assert breakpoint_classes((119, 36), horizontal, vertical) == {
        "-narrow": True, "-wide": False, "-short": False, "-tall": True}
    assert breakpoint_classes((80, 24), [(100, "-wide")], None) == {"-wide": False}


@pytest.mark.parametrize(("size", "wanted"), [((160, 48), {"-wide", "-tall"}),
                                              ((100, 30), {"-narrow", "-short"})])
async def test_the_first_frame_is_laid_out_for_the_terminal(
    settings: Settings, size: tuple[int, int], wanted: set[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the screen's size classes are on before anything is drawn, as they are after its
    # first resize: no frame laid out for no size, then all restyled and drawn again
    seen: list[set[str]] = []
    mounted = NewsdeskApp.on_mount

    def on_mount(self: NewsdeskApp) -> None:
        seen.append(set(self.screen.classes))
        mounted(self)

    monkeypatch.setattr(NewsdeskApp, "on_mount", on_mount)
    app = NewsdeskApp(settings)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert seen[0] & {"-narrow", "-wide", "-short", "-tall"} == wanted
        assert set(app.screen.classes) & {"-narrow", "-wide", "-short", "-tall"} == wanted


async def test_the_collector_held_for_the_start_runs_again_after_the_first_frame(
    settings: Settings,
) -> None:
    assert gc.isenabled()
    collector.hold()
    try:
        assert not gc.isenabled()
        app = NewsdeskApp(settings)
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            assert gc.isenabled()
    finally:
        collector.release()
        gc.enable()
        gc.unfreeze()


def test_the_collector_is_left_as_it_was_if_something_else_paused_it() -> None:
    gc.disable()
    try:
        collector.hold()
        collector.release()
        assert not gc.isenabled()  # (not ours to restart)
    finally:
        gc.enable()


def test_the_screens_and_the_palette_load_when_first_used() -> None:
    # the first frame waits for nothing it does not show: the dialogs, the help, the
    # palette's providers and the export's dialog load when first opened
    printed = started_afresh("", """
        print(sorted(m for m in sys.modules if m.startswith(
            ('tui.ui.screens', 'tui.ui.commands', 'tui.ui.corrections'))))
        await pilot.press('f1')
        await pilot.pause()
        print(type(app.screen).__name__)
    """)
    assert printed[:2] == ["[]", "HelpScreen"]
