"""The quote selection and what is done with it: select, select all, clear, export,
copy, and the variants of the highlighted quote. A base of the app, kept apart from its
layout and workers; it keeps the selection in the saved state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import App

from tui.config import Settings
from tui.ui.panes.quote_detail import QuoteDetail
from tui.ui.panes.quotes import QuotesPane
from tui.ui.panes.rowlist import RowList
from tui.ui.state import UiState

if TYPE_CHECKING:
    from tui.build.corpus_index import CorpusIndex
    from tui.corpus.document import Document
    from tui.quotes.model import Quote
    from tui.ui.exporting import Exporter


class QuoteSelection(App[None]):
    """The actions on selected quotes. The app sets the attributes below."""

    settings: Settings
    index: CorpusIndex | None
    by_id: dict[str, Document]
    selected: list[str]
    search_text: str
    state: UiState
    exporter: Exporter  # ctrl+e, E and y (tui/ui/exporting.py)

    # --- the detail line: the highlighted quote in its sentence -----------------------

    @on(RowList.Highlighted, "#quotes")
    def _quote_highlighted(self, event: RowList.Highlighted) -> None:
        self.show_quote_detail()

    def show_quote_detail(self) -> None:
        if not self.is_running or not self.screen.query("#quote-detail"):
            return
        quote = self.screen.query_one(QuotesPane).current()
        self.screen.query_one(QuoteDetail).show_quote(
            quote, self.by_id.get(quote.source) if quote else None)

    def _refresh_quotes(self) -> None:
        """Redraw the quote list (the app's, which knows the filters)."""
        raise NotImplementedError

    def _save_state(self) -> None:
        raise NotImplementedError

    def _has_index(self) -> bool:
        if self.index is None:
            self.notify("Still indexing; try again in a moment.", severity="warning")
            return False
        return True

    def _selection_changed(self) -> None:
        pane = self.query_one(QuotesPane)
        pane.selected = set(self.selected)
        pane.refresh()
        self._refresh_quotes()
        self.state.selected = list(self.selected)
        self._save_state()

    def _highlighted_quote(self) -> Quote | None:
        """The quote under the list's cursor, once the index is there to act on it."""
        return self.query_one(QuotesPane).current() if self._has_index() else None

    def action_toggle_quote(self) -> None:
        quote = self._highlighted_quote()
        if quote is None:
            return
        if quote.id in self.selected:
            self.selected.remove(quote.id)
        else:
            self.selected.append(quote.id)
        self._selection_changed()

    def action_select_all(self) -> None:
        if not self._has_index():
            return
        shown = [q.id for q in self.query_one(QuotesPane).quotes]
        chosen = set(self.selected)
        if shown and all(q in chosen for q in shown):
            drop = set(shown)
            self.selected = [q for q in self.selected if q not in drop]
        else:
            self.selected += [q for q in shown if q not in chosen]
        self._selection_changed()

    def action_clear_selection(self) -> None:
        self.selected = []
        self._selection_changed()

    def action_export(self) -> None:
        if self._has_index():
            self.exporter.open_dialog()

    def action_export_again(self) -> None:
        if self._has_index():
            self.exporter.again()

    def action_copy(self) -> None:
        if self._has_index():
            self.exporter.copy()

    def action_variants(self) -> None:
        quote = self._highlighted_quote()
        if quote is None:
            return
        assert self.index is not None
        wordings = self.index.wordings(quote)
        if len(wordings) < 2:
            self.notify("Only one outlet carries this quote.", severity="information")
            return
        from tui.ui.screens.variants import VariantsScreen  # (loaded when first opened)

        self.push_screen(VariantsScreen(wordings, self.by_id, self.index.outlets(quote)))

