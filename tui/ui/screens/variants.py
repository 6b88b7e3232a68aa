"""The variants view: every outlet's wording of one quote, diffed word by word."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.corpus.document import Document
from tui.quotes.browse import same_wordings, speaker_label
from tui.quotes.diff import aligned, word_diff
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


def columns_table(base_head: str, base: str, other_head: str, other: str) -> Table:
    """``base`` and ``other`` side by side, aligned change by change: words only one
    of them has are marked (red in the base, green in the other)."""
    table = Table(expand=True, box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False)
    table.add_column(Text(base_head), ratio=1)
    table.add_column(Text(other_head), ratio=1)
    for left, right, differs in aligned(base, other):
        table.add_row(Text(left, style="bold red" if differs else ""),
                      Text(right, style="bold green" if differs else ""))
    return table


class VariantsScreen(ScrollModal):
    BINDINGS = [
        Binding("escape,q,d", "dismiss", "Close", id="variants_close"),
        Binding("v", "toggle_columns", "Columns", id="variants_columns",
                tooltip="Show the wordings side by side in aligned columns (again: inline)"),
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
        self.columns = False

    def _outlet(self, quote: Quote) -> str:
        doc = self.documents.get(quote.source)
        return doc.outlet_label if doc else quote.source

    def compose(self) -> ComposeResult:
        groups = same_wordings(self.quotes)
        with VerticalScroll() as scroll:
            scroll.border_title = (
                f"One statement, {len(self.outlets)} outlets, {len(groups)} wordings"
            )
            scroll.border_subtitle = "v columns/inline · esc close"
            base = groups[0][0].text if groups else ""
            if self.columns:
                yield Static("Each wording beside the first, aligned: red words are only in "
                             "the first, green words only in the other.", classes="legend")
                yield from self._columns(groups, base)
                return
            yield Static(
                "Each wording is compared with the first: struck-through words are missing "
                "from it, bold words are added.",
                classes="legend",
            )
            for i, group in enumerate(groups):
                quote = group[0]
                head = self._head(group) + (" (base)" if i == 0 else "")
                yield Static(Text(head), classes="variant-head")
                body = Text(quote.text) if i == 0 else diff_text(base, quote.text)
                yield Static(body, classes="variant")

    def _head(self, group: list[Quote]) -> str:
        names = ", ".join(dict.fromkeys(self._outlet(q) for q in group))
        return f"{names} — {speaker_label(group[0])}"

    def _columns(self, groups: list[list[Quote]], base: str) -> ComposeResult:
        if len(groups) < 2:
            yield Static("Every outlet carries the same wording.", classes="legend")
            return
        base_head = self._head(groups[0]) + " (base)"
        for group in groups[1:]:
            yield Static(columns_table(base_head, base, self._head(group), group[0].text),
                         classes="variant")

    def action_toggle_columns(self) -> None:
        self.columns = not self.columns
        self.refresh(recompose=True)
