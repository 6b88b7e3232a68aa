"""Hits across the corpus: the concordance pane in the viewer's place (``K``), and
``n``/``N``, which step through the hits from source to source in the concordance's
order, or through the entity filter's mentions when there is no search. A base of the
app; what the hits are, and their order, is the core's answer
(:meth:`QueryResult.concordance`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.worker import get_current_worker

from tui.ui.panes.concordance import ConcordancePane
from tui.ui.panes.rowlist import RowList
from tui.ui.panes.sources import SourcesPane
from tui.ui.panes.viewer import Viewer

if TYPE_CHECKING:
    from tui.build.concordance import Concordance
    from tui.build.query import QueryResult
    from tui.entities.model import Entity


class HitNavigation(App[None]):
    """The concordance and hit stepping. The app sets the attributes below."""

    result: QueryResult | None
    search_text: str
    entity: Entity | None

    def open_document(self, doc_id: str, offset: int | None = None,
                      spotlight: tuple[int, int] | None = None) -> None:
        raise NotImplementedError

    # --- the concordance pane ---------------------------------------------------------

    @property
    def concordance_open(self) -> bool:
        return bool(self.query_one(ConcordancePane).display)

    def concordance(self) -> Concordance | None:
        """The hits as the pane lists them; None without a search or an entity filter."""
        result = self.result
        if result is None or not (result.searching or result.filter.entity):
            return None
        return result.concordance(self.query_one(ConcordancePane).sort)

    def refresh_concordance(self) -> None:
        """Show the current result in the pane, if it is open: worked out in a thread
        (a sort by context reads every line), shown when ready."""
        if self.concordance_open:
            pane = self.query_one(ConcordancePane)
            hit = pane.current()
            self._fill_concordance(self.concordance(), hit, pane.size.height)

    @work(thread=True, exclusive=True, group="concordance", exit_on_error=False)
    def _fill_concordance(self, concordance: Concordance | None,
                          hit: tuple[str, int, int] | None, rows: int) -> None:
        """The lines the pane will draw first, read here rather than as it draws."""
        worker = get_current_worker()
        if concordance is not None:
            # (by source or date: the counts; by context: the sort)
            first = concordance.index_of(hit[0], hit[1]) if hit else None
            for i in range(first or 0, min(len(concordance), (first or 0) + rows)):
                if worker.is_cancelled:
                    return
                concordance.line(i)
        if not worker.is_cancelled:
            self.call_from_thread(self._show_concordance, concordance)

    def _show_concordance(self, concordance: Concordance | None) -> None:
        if concordance is self.concordance():  # else a newer one is on its way
            self.query_one(ConcordancePane).set_concordance(concordance)

    def show_concordance(self, shown: bool) -> None:
        pane = self.query_one(ConcordancePane)
        viewer = self.query_one(Viewer)
        pane.display = shown
        viewer.display = not shown
        if shown:
            self.refresh_concordance()
            pane.focus()
        else:
            viewer.focus()

    def action_toggle_concordance(self) -> None:
        self.show_concordance(not self.concordance_open)

    @on(ConcordancePane.SortChanged)
    def _concordance_sorted(self, event: ConcordancePane.SortChanged) -> None:
        self.refresh_concordance()

    @on(RowList.Chosen, "#concordance")
    def _concordance_chosen(self, event: RowList.Chosen) -> None:
        concordance = self.query_one(ConcordancePane).concordance
        if concordance is not None and 0 <= event.index < len(concordance):
            self.show_concordance(False)
            self.goto_hit(concordance, event.index)

    # --- n / N ------------------------------------------------------------------------

    def goto_hit(self, concordance: Concordance, position: int) -> None:
        """Open hit ``position`` of ``concordance`` in the viewer, marked as current."""
        source, start, end = concordance.hit(position)
        viewer = self.query_one(Viewer)
        searching = concordance.result.searching
        self.open_document(source, None if searching else start,
                           spotlight=None if searching else (start, end))
        if self.concordance_open:
            self.query_one(ConcordancePane).move_cursor(position)

        def mark() -> None:
            if searching:
                at = next((i for i, (s, _e) in enumerate(viewer.matches) if s == start), None)
                if at is not None:
                    viewer.goto_match(at)
            viewer.border_subtitle = f"hit {position + 1}/{len(concordance)} · n/N"

        self.call_after_refresh(mark)

    def step_hit(self, step: int) -> None:
        concordance = self.concordance()
        if concordance is None or not len(concordance):
            what = "search matches" if self.search_text.strip() else "search or entity filter"
            self.notify(f"No {what} to step through.", severity="information", timeout=2)
            return
        viewer = self.query_one(Viewer)
        source = self.query_one(SourcesPane).open_id or ""
        if concordance.result.searching and 0 <= viewer.current < len(viewer.matches):
            offset = viewer.matches[viewer.current][0]
        elif not concordance.result.searching and viewer.spotlight is not None:
            offset = viewer.spotlight[0]
        else:  # nothing current: from the top of the screen
            top = viewer.offset_at_top()
            offset = top - 1 if step > 0 else top
        position = concordance.position(source, offset, step)
        if position is not None:
            self.goto_hit(concordance, position)

    def action_next_match(self) -> None:
        self.step_hit(1)

    def action_previous_match(self) -> None:
        self.step_hit(-1)
