"""Two sources side by side (``b``): two viewers under one search bar, whose matches are
highlighted in both as it is typed. ``tab`` moves between them, ``n``/``N`` step through
the focused one's matches, ``[`` and ``]`` put the previous or next source in it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input

from tui.corpus.document import Document
from tui.ui.panes.viewer import SpanList, Viewer

Highlights = tuple[SpanList, SpanList, SpanList]  # matches, mentions, quotes


class CompareScreen(Screen[str]):
    """Dismissed with the search text, which the dashboard then searches."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="compare_close"),
        Binding("n", "step(1)", "Next", id="compare_next",
                tooltip="Next match in the focused viewer"),
        Binding("N", "step(-1)", "Prev", show=False, id="compare_previous"),
        Binding("left_square_bracket", "other(-1)", "Prev source", id="compare_prev_source",
                tooltip="The previous source in the focused viewer"),
        Binding("right_square_bracket", "other(1)", "Next source", id="compare_next_source",
                tooltip="The next source in the focused viewer"),
        Binding("slash", "search", "Search", id="compare_search", show=False,
                tooltip="The search bar: its matches are highlighted in both viewers"),
    ]
    DEFAULT_CSS = """
    CompareScreen #compare-search { height: 3; }
    CompareScreen Horizontal { height: 1fr; }
    CompareScreen Viewer {
        width: 1fr; border: round $panel-lighten-2; padding: 0 1;
        border-title-color: $text-muted; scrollbar-gutter: stable;
    }
    CompareScreen Viewer:focus { border: round $accent; border-title-color: $text-accent; }
    CompareScreen.-short #compare-search { height: 1; border: none; padding: 0 1; }
    """

    def __init__(self, documents: Sequence[Document], left: int, right: int, query: str,
                 highlights: Callable[[str, str], Highlights]) -> None:
        """``documents``: the sources ``[``/``]`` go through (the sources pane's list);
        ``left``/``right``: the two shown; ``highlights(doc id, query)``: a viewer's."""
        super().__init__()
        self.documents = list(documents)
        self.shown = [left, right]
        self.query_text = query
        self.highlights = highlights

    def compose(self) -> ComposeResult:
        yield Input(self.query_text, id="compare-search",
                    placeholder="/ search both · esc back to the dashboard")
        with Horizontal():
            yield Viewer(id="compare-left")
            yield Viewer(id="compare-right")
        yield Footer()

    @property
    def viewers(self) -> list[Viewer]:
        return [self.query_one("#compare-left", Viewer), self.query_one("#compare-right", Viewer)]

    def on_mount(self) -> None:
        for side in (0, 1):
            self._show(side)
        self.viewers[0].focus()

    def _show(self, side: int) -> None:
        doc = self.documents[self.shown[side]]
        viewer = self.viewers[side]
        viewer.show(doc)
        viewer.border_title = Content(f"{'left' if side == 0 else 'right'}: "
                                      f"{doc.outlet_label} · {doc.date or 'undated'}")
        self._highlight(viewer)

    def _highlight(self, viewer: Viewer) -> None:
        if viewer.document is not None:
            matches, mentions, quotes = self.highlights(viewer.document.id, self.query_text)
            viewer.set_highlights(matches=matches, mentions=mentions, quotes=quotes)

    @on(Input.Changed, "#compare-search")
    def _search(self, event: Input.Changed) -> None:
        self.query_text = event.value
        for viewer in self.viewers:
            self._highlight(viewer)

    @on(Input.Submitted, "#compare-search")
    def _submitted(self, event: Input.Submitted) -> None:
        self.viewers[0].focus()

    def _focused_side(self) -> int:
        return 1 if self.viewers[1].has_focus else 0

    def action_step(self, step: int) -> None:
        viewer = self.viewers[self._focused_side()]
        if not viewer.next_match(step):
            self.notify("No search matches in this source.", timeout=2)

    def action_other(self, step: int) -> None:
        side = self._focused_side()
        self.shown[side] = (self.shown[side] + step) % len(self.documents)
        self._show(side)

    def action_search(self) -> None:
        self.query_one("#compare-search", Input).focus()

    def action_close(self) -> None:
        if self.query_one("#compare-search", Input).has_focus:
            self.viewers[0].focus()
        else:
            self.dismiss(self.query_text)
