"""Side by side (``b``): the open source and the next one listed, in two viewers under
one search. A base of the app; closing it searches the dashboard for what was typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

from tui.ui.panes.search_bar import SearchBar
from tui.ui.panes.sources import SourcesPane

if TYPE_CHECKING:
    from tui.corpus.document import Document
    from tui.ui.screens.compare import Highlights


class SideBySide(App[None]):
    documents: list[Document]
    search_text: str

    def highlights(self, doc_id: str, text: str) -> Highlights:
        raise NotImplementedError

    def action_compare(self) -> None:
        from tui.ui.screens.compare import CompareScreen  # (loaded when first opened)

        pane = self.query_one(SourcesPane)
        listed = pane.documents
        if len(listed) < 2:
            self.notify("Side by side needs two sources in the list.", severity="warning")
            return
        left = pane.index_of(pane.open_id or "") or 0
        right = (left + 1) % len(listed)
        self.push_screen(CompareScreen(listed, left, right, self.search_text, self.highlights),
                         self._compared)

    def _compared(self, text: str | None) -> None:
        if text is not None and text != self.search_text:
            self.query_one(SearchBar).value = text
