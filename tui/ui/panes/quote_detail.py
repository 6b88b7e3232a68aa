"""The lines under the quote list: the highlighted quotation in its sentence, with its
speaker and source, so that a partial quote can be read in the words around it. Always
shown, at a fixed height, so that nothing moves when the cursor or the focus does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

if TYPE_CHECKING:
    from tui.corpus.document import Document
    from tui.quotes.model import Quote


def context_text(doc: Document, quote: Quote) -> Text:
    """The sentence around ``quote``, the quotation in bold, whitespace folded."""
    from tui.quotes.context import quote_context  # (not needed before a quote is shown)

    start, end = quote_context(doc, quote)
    text = doc.text
    line = Text(" ".join(text[start:quote.start].split()))
    if line and text[quote.start - 1 : quote.start].isspace():
        line.append(" ")
    line.append(" ".join(text[quote.start:quote.end].split()), style="bold")
    after = " ".join(text[quote.end:end].split())
    if after and text[quote.end : quote.end + 1].isspace():
        line.append(" ")
    line.append(after)
    return line


class QuoteDetail(Static):
    DEFAULT_CSS = """
    QuoteDetail { height: 2; padding: 0 1; background: $panel; color: $text; }
    Screen.-short QuoteDetail { height: 1; }
    """

    def show_quote(self, quote: Quote | None, doc: Document | None) -> None:
        if quote is None or doc is None:
            self.update(Text("The highlighted quote, in its sentence, shows here.",
                             style="dim italic"))
            return
        from tui.quotes.browse import speaker_label

        head = Text(f"{speaker_label(quote)} · {doc.outlet_label}: ",
                    style="italic")
        self.update(head + context_text(doc, quote))
