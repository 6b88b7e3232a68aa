"""A modal screen holding one scrolling column, closed with esc."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen


class ScrollModal(ModalScreen[None]):
    BINDINGS = [
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("pagedown", "scroll(10)", "Page down", show=False),
        Binding("pageup", "scroll(-10)", "Page up", show=False),
    ]
    DEFAULT_CSS = """
    ScrollModal { align: center middle; }
    ScrollModal > VerticalScroll {
        width: 90%; max-width: 120; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    """

    def action_scroll(self, lines: int) -> None:
        scroll = self.query_one(VerticalScroll)
        scroll.scroll_to(y=scroll.scroll_y + lines, animate=False)
