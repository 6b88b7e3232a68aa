"""The variants view: every outlet's wording of one quote, diffed word by word."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..diff import word_diff
from ..document import Document
from .modal import ScrollModal

if TYPE_CHECKING:
    from ..quotes import Quote


def diff_text(base: str, other: str) -> Text:
    """``other`` against ``base``: words it drops struck through, words it adds in bold."""
    text = Text()
    for op, words in word_diff(base, other):
        if op == "equal":
            text.append(words)
        elif op == "delete":
            text.append(words, style="strike red")
        else:
            text.append(words, style="bold green")
        text.append(" ")
    return text


class VariantsScreen(ScrollModal):
    BINDINGS = [
        Binding("escape,q,d", "dismiss", "Close", id="variants_close"),
    ]
    DEFAULT_CSS = """
    VariantsScreen .variant-head { color: $text-accent; text-style: bold; margin-top: 1; }
    VariantsScreen .legend { color: $text-muted; }
    """

    def __init__(self, quotes: list[Quote], documents: dict[str, Document]) -> None:
        super().__init__()
        self.quotes = quotes
        self.documents = documents

    def compose(self) -> ComposeResult:
        outlets = len({q.source for q in self.quotes})
        with VerticalScroll() as scroll:
            scroll.border_title = f"One quote, {outlets} outlets, {len(self.quotes)} variants"
            scroll.border_subtitle = "esc close"
            yield Static(
                "Each variant is compared with the first: struck-through words are missing "
                "from it, bold words are added.",
                classes="legend",
            )
            base = self.quotes[0].text if self.quotes else ""
            for i, quote in enumerate(self.quotes):
                doc = self.documents.get(quote.source)
                name = (doc.outlet or doc.title) if doc else quote.source
                speaker = quote.speaker or "unattributed"
                head = f"{name} — {speaker}" + (" (base)" if i == 0 else "")
                yield Static(Text(head), classes="variant-head")
                body = Text(quote.text) if i == 0 else diff_text(base, quote.text)
                yield Static(body, classes="variant")
