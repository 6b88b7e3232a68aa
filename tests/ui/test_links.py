"""A source's address in the viewer: whole when it fits, elided in the middle when not,
a hyperlink, opened with u and copied with U."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.config import Settings
from tui.ui.app import NewsdeskApp
from tui.ui.panes.viewer import Viewer, elide_middle

from .conftest import settle

URL = ("https://www.example-news.com/world/asia/2019/08/22/"
       "south-korea-ends-intelligence-sharing-pact-with-japan-gsomia")


@pytest.fixture
def linked(tmp_path: Path) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        f"---\ntitle: Seoul ends the pact\noutlet: Example News\ndate: 2019-08-22\n"
        f"url: {URL}\n---\nSouth Korea said it would end the pact.\n", encoding="utf-8")
    (corpus / "b.md").write_text("---\ntitle: No address\n---\nNothing to link.\n",
                                 encoding="utf-8")
    return Settings(corpus=corpus, export_directory=tmp_path / "out")


def test_elide_middle_keeps_both_ends() -> None:
    assert elide_middle("short", 10) == "short"
    cut = elide_middle(URL, 40)
    assert len(cut) == 40 and cut.startswith("https://www.example") and cut.endswith("gsomia")
    assert "…" in cut and elide_middle(URL, 1) == "…"


@pytest.mark.parametrize("size", [(160, 48), (80, 24)])
async def test_the_address_is_shown_as_a_hyperlink(linked: Settings, size) -> None:
    app = NewsdeskApp(linked)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        viewer = app.query_one(Viewer)
        assert viewer.document.url == URL
        y = next(i for i, line in enumerate(viewer._lines) if line[0] == "link")
        shown = viewer._lines[y][3]
        width = viewer.scrollable_content_region.width
        if len(URL) <= width:
            assert shown == URL
        else:
            assert len(shown) == width and "…" in shown and shown.endswith("gsomia")
        strip = viewer.render_line(y - int(viewer.scroll_offset.y))
        links = {seg.style.link for seg in strip if seg.style and seg.style.link}
        assert links == {URL}


async def test_u_opens_and_shift_u_copies_the_address(
    linked: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = NewsdeskApp(linked)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, new_tab=True: opened.append(url))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("2", "u", "U")
        assert opened == [URL]
        assert app.clipboard == URL
        await pilot.press("1", "j", "u")  # the second source has no address
        assert opened == [URL]
        assert any("no address" in n.message for n in app._notifications)
