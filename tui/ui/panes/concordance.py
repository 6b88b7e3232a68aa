"""The concordance pane: every hit of the search (or the entity filter's mentions) in its
context, one line each, the keyword in one column between the left and right context.

It shows what :meth:`QueryResult.concordance` answers and draws only the rows on screen;
a row's context is cut from the text when the row is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding

from tui.choices import KWIC_SORTS
from tui.ui.panes.rowlist import RowList

if TYPE_CHECKING:
    from tui.build.concordance import Concordance

META_MIN_WIDTH = 64  # narrower than this, the outlet and date column is left out


class ConcordancePane(RowList):
    BINDINGS = [
        Binding("s", "cycle_sort", "Sort", id="concordance_sort",
                tooltip="Sort the concordance by source, date, left or right context"),
    ]
    COMPONENT_CLASSES = RowList.COMPONENT_CLASSES | {"concordance--keyword"}
    DEFAULT_CSS = """
    ConcordancePane > .concordance--keyword { color: $text-warning; text-style: bold; }
    """
    empty_text = "Type a search (/) or choose an entity (3) to list its hits here."

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.concordance: Concordance | None = None
        self.sort = KWIC_SORTS[0]

    def set_concordance(self, concordance: Concordance | None) -> None:
        """Show ``concordance``, keeping the cursor on the same hit if it is still listed."""
        old = self.current()
        self.concordance = concordance
        keep = None
        if old is not None and concordance is not None:
            keep = concordance.index_of(old[0], old[1])
        self.rows_changed(keep if keep is not None else 0)
        self._caption()

    def _caption(self) -> None:
        c = self.concordance
        count = "" if c is None else (
            f"{len(c)} of {c.total} hits" if c.truncated else f"{len(c)} hits")
        self.border_title = "2 Concordance" + (f" ({count})" if count else "")
        self.border_subtitle = f"by {self.sort} (s) · enter opens · K closes"

    def current(self) -> tuple[str, int, int] | None:
        c = self.concordance
        if c is not None and 0 <= self.cursor < len(c):
            return c.hit(self.cursor)
        return None

    def row_count(self) -> int:
        return len(self.concordance) if self.concordance is not None else 0

    def render_row(self, index: int, width: int) -> list[Text]:
        assert self.concordance is not None
        try:
            line = self.concordance.line(index)
        except IndexError:  # a source had fewer hits than counted: the list is shorter
            self.call_later(self.rows_changed)
            return [Text("")]
        text = Text(no_wrap=True)
        if width >= META_MIN_WIDTH:
            outlet = line.outlet if len(line.outlet) <= 14 else line.outlet[:13] + "…"
            meta = f"{outlet:14} {line.date[:10]:10} "
            text.append(meta, style=self.part("rowlist--dim"))
            width -= len(meta)
        keyword = line.keyword[: max(1, width // 3)]
        side = max(0, (width - len(keyword)) // 2)
        text.append(line.left[-side:].rjust(side) if side else "")
        text.append(keyword, style=self.part("concordance--keyword"))
        text.append(line.right[: max(0, width - side - len(keyword))])
        return [text]

    def action_cycle_sort(self) -> None:
        self.sort = KWIC_SORTS[(KWIC_SORTS.index(self.sort) + 1) % len(KWIC_SORTS)]
        self.post_message(self.SortChanged(self, self.cursor))

    class SortChanged(RowList.Highlighted):
        """The user asked for another order (``sort``)."""
