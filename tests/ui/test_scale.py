"""A larger corpus: the panes stay virtual (no widget per row) and the keys still work."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from rich.style import Style
from textual.dom import DOMNode
from textual.geometry import Region

from tui.config import Settings
from tui.ui.app import NewsdeskApp
from tui.ui.panes.quotes import QuotesPane
from tui.ui.panes.sources import SourcesPane
from tui.ui.panes.viewer import Viewer

from .conftest import settle

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "generate.py"


def generate(out: Path, count: int) -> None:
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATOR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(out, count)


async def widget_count(settings: Settings) -> tuple[int, NewsdeskApp]:
    app = NewsdeskApp(settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        return len(app.screen.query("*")), app


@pytest.mark.skipif(not GENERATOR.exists(), reason="needs bench/generate.py")
async def test_many_articles_add_no_widgets(settings: Settings, tmp_path: Path) -> None:
    small, _ = await widget_count(settings)
    corpus = tmp_path / "archive"
    generate(corpus, 150)
    big_settings = Settings(corpus=corpus, export_directory=tmp_path / "out")
    app = NewsdeskApp(big_settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert len(app.documents) == 150
        assert len(app.query_one(QuotesPane).quotes) > 100
        assert len(app.screen.query("*")) == small
        await pilot.press("1", "G")
        assert app.query_one(Viewer).document.id == app.documents[-1].id
        await pilot.press("4", "G", "a", "slash", *"minister", "enter")
        await settle(pilot)
        sources = app.query_one(SourcesPane)
        assert sources.hits is not None and 0 < len(sources.documents) <= 150


async def test_a_list_works_out_its_style_once_a_frame(
    app: NewsdeskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (the pane's style is worked out from its ancestors': once a frame, not once a line)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = app.query_one(SourcesPane)
        region = Region(0, 0, pane.size.width, pane.size.height)
        each_line = [pane.render_line(y) for y in range(pane.size.height)]
        looked_up = []
        style = DOMNode.rich_style

        def counted(node: DOMNode) -> Style:
            looked_up.append(node)
            return style.fget(node)  # type: ignore[attr-defined]

        monkeypatch.setattr(SourcesPane, "rich_style", property(counted))
        pane._styles_cache.clear()
        lines = pane.render_lines(region)
        assert len(looked_up) == 1
        # (inside the border: the same rows as drawn a line at a time)
        assert all(row.text in line.text for row, line in zip(each_line[:-2], lines[1:-1]))
