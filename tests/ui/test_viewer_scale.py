"""The viewer on very long paragraphs: a linear layout, and only the lines on screen made
into text, so a megabyte paragraph opens at once and scrolls like a short one."""

from __future__ import annotations

import gc
import random
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.config import Settings
from tui.corpus.loader import make_document
from tui.ui.app import NewsdeskApp
from tui.ui.panes.search_bar import SearchBar
from tui.ui.panes.viewer import Viewer, _wrap_cells, _wrap_narrow, wrap_spans

from .conftest import settle, started_afresh

WORDS = ["officials", "said", "the", "talks", "would", "resume", "in", "Seoul", "on",
         "Monday", "“after”", "a", "pause", "—"]


def paragraph(chars: int, seed: int = 1, extra: tuple[str, ...] = ()) -> str:
    rng = random.Random(seed)
    words = WORDS + list(extra)
    out: list[str] = []
    size = 0
    while size < chars:
        word = rng.choice(words)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:chars]


def write_corpus(root: Path, long_text: str) -> Path:
    root.mkdir()
    (root / "long.md").write_text(
        f"---\ntitle: Long\noutlet: Wire\n---\n\n{long_text}\n", encoding="utf-8")
    (root / "short.md").write_text("---\ntitle: Short\n---\n\nA short one.\n",
                                   encoding="utf-8")
    return root


def best_times(runs: int, *works) -> list[float]:
    """The fastest of ``runs`` timings of each piece of work, taken in turns so that a
    busy moment on the machine falls on all of them, and counted in this thread's CPU
    time, which other processes do not add to."""
    best = [float("inf")] * len(works)
    gc.disable()
    try:
        for _ in range(runs):
            for i, work in enumerate(works):
                start = time.thread_time()
                work()
                best[i] = min(best[i], time.thread_time() - start)
    finally:
        gc.enable()
    return best


async def test_laying_out_twice_the_text_takes_about_twice_as_long(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", "Short.")
    app = NewsdeskApp(Settings(corpus=corpus, export_directory=tmp_path / "out"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # plain text, and text with wide characters (laid out cell by cell)
        for extra, size in (((), 1_000_000), (("東京", "\tx"), 100_000)):
            viewers = []
            for chars in (size, 2 * size):
                text = "Title\n\n" + paragraph(chars, extra=extra) + "\n"
                viewers.append(Viewer())
                viewers[-1].document = make_document("big", "big.md", text, {"title": "Big"})
            await app.query_one("#centre").mount_all(viewers)
            timings = best_times(9, *(lambda v=v: v._layout(80) for v in viewers))
            assert timings[1] / timings[0] < 3, (extra, timings)
            for v in viewers:
                await v.remove()


async def test_a_two_megabyte_paragraph_opens_scrolls_and_answers_keys(tmp_path: Path) -> None:
    text = paragraph(2_000_000) + " Zanzibar closes it."
    corpus = write_corpus(tmp_path / "corpus", text)
    app = NewsdeskApp(Settings(corpus=corpus, export_directory=tmp_path / "out"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_document("long")
        await pilot.pause()
        viewer = app.query_one(Viewer)
        assert viewer.document is not None and viewer.document.id == "long"
        assert viewer.virtual_size.height > 2_000_000 // viewer.size.width
        await pilot.press("2", "G")
        assert viewer.scroll_y == viewer.max_scroll_y > 0
        last = viewer.render_line(viewer.size.height - 2)  # (the last line is a blank)
        assert "Zanzibar closes it." in last.text
        await pilot.press("pageup", "k", "k")
        assert viewer.scroll_y == viewer.max_scroll_y - (viewer.size.height - 1) - 2
        await pilot.press("g")
        assert viewer.scroll_y == 0
        await pilot.press("slash")
        app.query_one(SearchBar).value = "zanzibar"  # (one search, not one per letter)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert viewer.current == 0 and viewer.scroll_y > viewer.max_scroll_y // 2
        shown = [viewer.render_line(y).text for y in range(viewer.size.height)]
        assert any("Zanzibar" in line for line in shown)
        await pilot.press("slash", "ctrl+u", "escape", "1", "G")  # the sources answer
        await settle(pilot)
        opened = {viewer.document.id}
        await pilot.press("g")
        opened.add(viewer.document.id)
        assert opened == {"long", "short"}


async def test_a_long_paragraph_draws_the_same_highlights_on_every_line(tmp_path: Path) -> None:
    """A quote that spans many lines, and matches on the lines it covers, are drawn on the
    lines on screen only, wherever the view is."""
    text = paragraph(200_000)
    corpus = write_corpus(tmp_path / "corpus", text)
    app = NewsdeskApp(Settings(corpus=corpus, export_directory=tmp_path / "out"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_document("long")
        viewer = app.query_one(Viewer)
        doc = viewer.document
        assert doc is not None
        start = doc.paragraphs[0].start
        viewer.set_highlights(quotes=[(start + 1000, start + 150_000)],
                              matches=[(start + 100_000, start + 100_005)], mentions=[])
        viewer.scroll_to_offset(start + 100_000)
        await pilot.pause()
        line = viewer.line_of(start + 100_000)
        y = line - int(viewer.scroll_y)
        record = viewer._lines[line]
        styled = viewer._line_text(record)
        quote_style = viewer._style("quote")
        match_style = viewer._style("match")
        assert any(span.style == quote_style for span in styled.spans)
        offset = start + 100_000 - record[1]
        assert any(span.style == match_style and span.start == offset for span in styled.spans)
        assert viewer.render_line(y).cell_length == viewer.scrollable_content_region.width


@given(st.text(alphabet="ab  c", max_size=60), st.integers(min_value=1, max_value=12))
def test_the_quick_wrap_and_the_cell_by_cell_wrap_agree(text: str, width: int) -> None:
    assert _wrap_narrow(text, width, 0, len(text)) == _wrap_cells(text, width, 0, len(text))


@given(st.text(alphabet="ab 東\u0301\t", max_size=60), st.integers(min_value=2, max_value=12))
def test_wrapped_lines_fit_and_cover_the_text(text: str, width: int) -> None:
    spans = wrap_spans(text, width)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    for s, e in spans:
        assert cell_len(text[s:e].rstrip()) <= width


def test_the_quick_wrap_is_made_with_the_first_source_not_the_first_frame() -> None:
    # (weighing ~1,100 characters' widths: not on import, nor for the first frame, which
    # shows only a message)
    printed = started_afresh("""
        from tui.ui.panes import viewer
        made = viewer._not_one_cell.cache_info
        build = NewsdeskApp.build_index
        def build_index(self):
            print(made().currsize, self.query_one(viewer.Viewer).message)
            return build(self)
        NewsdeskApp.build_index = build_index
    """, "print(made().currsize)")
    assert " ".join(printed).split() == ["0", "Loading…", "1"]


def test_a_message_wraps_as_any_text() -> None:
    viewer = Viewer()
    viewer.message = "Nothing to show: Piet Mulder’s folder holds no articles at all."
    assert [line[3] for line in viewer._layout(20)] == [
        viewer.message[s:e] for s, e in wrap_spans(viewer.message, 20)]
