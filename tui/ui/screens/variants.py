"""The variants view: every outlet's wording of one quote, diffed word by word."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.corpus.document import Document
from tui.quotes.browse import same_wordings
from tui.quotes.diff import word_diff
from tui.ui.screens.modal import ScrollModal

if TYPE_CHECKING:
    from tui.quotes.model import Quote


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

    def __init__(
        self, quotes: list[Quote], documents: dict[str, Document], outlets: list[str]
    ) -> None:
        """``quotes``: the statement's quotations, the base first; ``outlets``: the
        outlets that carry it, as the core counts them."""
        super().__init__()
        self.quotes = quotes
        self.documents = documents
        self.outlets = outlets

    def _outlet(self, quote: Quote) -> str:
        doc = self.documents.get(quote.source)
        return doc.outlet_label if doc else quote.source

    def compose(self) -> ComposeResult:
        groups = same_wordings(self.quotes)
        with VerticalScroll() as scroll:
            scroll.border_title = (
                f"One statement, {len(self.outlets)} outlets, {len(groups)} wordings"
            )
            scroll.border_subtitle = "esc close"
            yield Static(
                "Each wording is compared with the first: struck-through words are missing "
                "from it, bold words are added.",
                classes="legend",
            )
            base = groups[0][0].text if groups else ""
            for i, group in enumerate(groups):
                quote = group[0]
                names = ", ".join(dict.fromkeys(self._outlet(q) for q in group))
                speaker = quote.speaker or "unattributed"
                head = f"{names} — {speaker}" + (" (base)" if i == 0 else "")
                yield Static(Text(head), classes="variant-head")
                body = Text(quote.text) if i == 0 else diff_text(base, quote.text)
                yield Static(body, classes="variant")
