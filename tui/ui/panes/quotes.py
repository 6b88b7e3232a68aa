"""The quotes pane: one row per quote (mark, speaker, snippet, outlets, source)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding

from tui.corpus.document import Document
from tui.ui.messages import Correct
from tui.ui.panes.rowlist import RowList

if TYPE_CHECKING:
    from tui.quotes.model import Quote

SELECTED, UNSELECTED = "●", "○"


def one_line(text: str) -> str:
    return " ".join(text.split())


class QuotesPane(RowList):
    BINDINGS = [
        Binding("w", "set_speaker", "Who", id="set_speaker",
                tooltip="Set or clear the highlighted quote's speaker (one of the entities)"),
    ]
    COMPONENT_CLASSES = RowList.COMPONENT_CLASSES | {
        "quotes--mark", "quotes--speaker", "quotes--cluster", "quotes--unknown",
        "quotes--described",
    }
    DEFAULT_CSS = """
    QuotesPane > .quotes--mark { color: $text-success; text-style: bold; }
    QuotesPane > .quotes--speaker { color: $text-accent; }
    QuotesPane > .quotes--unknown { text-style: dim italic; }
    QuotesPane > .quotes--described { color: $text-accent; text-style: italic; }
    QuotesPane > .quotes--cluster { color: $text-warning; text-style: bold; }
    """
    empty_text = "No quotes match."

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.quotes: Sequence[Quote] = []
        self.selected: set[str] = set()
        # how many outlets carry a quote's statement (the core counts them)
        self.outlets: Callable[[Quote], int] = lambda quote: 1
        self.documents: dict[str, Document] = {}

    def set_quotes(self, quotes: Sequence[Quote], keep: int | None = None) -> None:
        """Show ``quotes`` (read a row at a time), the cursor on row ``keep``."""
        self.quotes = quotes
        self.rows_changed(keep)

    def current(self) -> Quote | None:
        if 0 <= self.cursor < len(self.quotes):
            return self.quotes[self.cursor]
        return None

    def row_count(self) -> int:
        return len(self.quotes)

    def render_row(self, index: int, width: int) -> list[Text]:
        from tui.quotes.browse import speaker_label  # (the core loads after the first frame)

        quote = self.quotes[index]
        doc = self.documents.get(quote.source)
        source = doc.outlet_label if doc else quote.source
        speaker_width = max(8, min(22, width // 6))
        source_width = max(8, min(20, width // 7))
        chosen = quote.id in self.selected
        text = Text()  # (the mark's style on the mark alone, not the row's base style)
        text.append(SELECTED if chosen else UNSELECTED,
                    style=self.part("quotes--mark") if chosen else "")
        text.append(" ")
        kind = ("quotes--unknown" if not quote.speaker
                else "quotes--described" if quote.described else "quotes--speaker")
        text.append(_fit(speaker_label(quote), speaker_width), style=self.part(kind))
        text.append(" ")
        outlets = self.outlets(quote) if quote.cluster else 1
        cluster = f"×{outlets}" if outlets > 1 else ""
        snippet_width = max(4, width - speaker_width - source_width - 3 - 6)
        snippet = f"“{one_line(quote.text)}”"
        if quote.section != "body":
            snippet = f"[{quote.section}] {snippet}"
        text.append(_fit(snippet, snippet_width))
        text.append(f" {cluster:>4} ", style=self.part("quotes--cluster"))
        text.append(_fit(source, source_width), style=self.part("rowlist--dim"))
        return [text]

    def action_set_speaker(self) -> None:
        quote = self.current()
        if quote is not None:
            self.post_message(Correct("speaker", quote.id))


def _fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` characters."""
    if len(text) > width:
        return text[: max(0, width - 1)] + "…"
    return text.ljust(width)
