"""RowList: a virtual list that renders only the rows on screen.

Sources, entities and quotes can each run to tens of thousands of rows in a large
corpus, so no pane mounts a widget per row: a subclass says how many rows there are
and how to draw one, and this class does the cursor, scrolling and mouse.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class _RowMessage(Message):
    def __init__(self, rowlist: RowList, index: int) -> None:
        super().__init__()
        self.rowlist = rowlist
        self.index = index

    @property
    def control(self) -> RowList:
        return self.rowlist


class RowList(ScrollView, can_focus=True, inherit_bindings=False):
    """A cursor over ``row_count()`` rows, each ``ROW_HEIGHT`` lines tall."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="cursor_up"),
        Binding("g,home", "cursor_first", "First", show=False, id="cursor_first"),
        Binding("G,end", "cursor_last", "Last", show=False, id="cursor_last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="page_up"),
        Binding("enter", "choose", "Open", id="choose",
                tooltip="Open: a source in the viewer; an entity as a filter (again: clear); "
                "a quote in the viewer"),
    ]
    COMPONENT_CLASSES = {"rowlist--cursor", "rowlist--header", "rowlist--dim", "rowlist--empty"}
    DEFAULT_CSS = """
    RowList > .rowlist--cursor { background: $block-cursor-blurred-background; }
    RowList:focus > .rowlist--cursor {
        /* (auto: Textual's cursor text is 3.8:1 on its blue) */
        background: $block-cursor-background; color: auto 95%;
    }
    RowList > .rowlist--header { color: $text-accent; text-style: bold; }
    RowList > .rowlist--dim { text-style: dim; }
    RowList > .rowlist--empty { text-style: dim italic; }
    """

    ROW_HEIGHT = 1
    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(_RowMessage):
        """The cursor moved to ``index``."""

    class Chosen(_RowMessage):
        """The row at ``index`` was chosen (enter or click)."""

    empty_text = "Nothing here."
    _frame_style: Style | None = None  # the pane's style while a frame is drawn

    # --- what a subclass provides ---------------------------------------------------------

    def row_count(self) -> int:
        return 0

    def render_row(self, index: int, width: int) -> list[Text]:
        """ROW_HEIGHT lines of text for row ``index``."""
        return [Text("")]

    def is_header(self, index: int) -> bool:
        """Headers are drawn but the cursor skips them."""
        return False

    @property
    def content_width(self) -> int:
        """Columns for text: the scrollbar gutter is always reserved, so this is stable."""
        return self.scrollable_content_region.width

    def part(self, name: str) -> Style:
        """A component style without its background, for styling part of a row."""
        return self.get_component_rich_style(name, partial=True)

    # --- data changes ---------------------------------------------------------------------

    def rows_changed(self, keep: int | None = None) -> None:
        """Call after the rows change; the cursor moves to ``keep`` (or stays in range)."""
        count = self.row_count()
        self.virtual_size = Size(self.content_width, count * self.ROW_HEIGHT)
        target = self.cursor if keep is None else keep
        target = max(0, min(target, count - 1))
        target = self._selectable_from(target, 1) if count else 0
        self.set_reactive(RowList.cursor, target)
        self.refresh()
        if count:
            self.call_after_refresh(self._scroll_to_cursor)

    def _selectable_from(self, index: int, step: int) -> int:
        count = self.row_count()
        i = index
        while 0 <= i < count and self.is_header(i):
            i += step
        if 0 <= i < count:
            return i
        i = index
        while 0 <= i < count and self.is_header(i):
            i -= step
        return i if 0 <= i < count else index

    # --- cursor ---------------------------------------------------------------------------

    def move_cursor(self, index: int, step: int = 1) -> None:
        count = self.row_count()
        if not count:
            return
        self.cursor = self._selectable_from(max(0, min(index, count - 1)), step)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self._scroll_to_cursor()
        if old != new or self.row_count():
            self.post_message(self.Highlighted(self, new))

    def _scroll_to_cursor(self) -> None:
        top = self.cursor * self.ROW_HEIGHT
        region = Region(0, top, max(1, self.content_width), self.ROW_HEIGHT)
        self.scroll_to_region(region, animate=False, force=True)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1, 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1, -1)

    def action_cursor_first(self) -> None:
        self.move_cursor(0, 1)

    def action_cursor_last(self) -> None:
        self.move_cursor(self.row_count() - 1, -1)

    def _page(self) -> int:
        return max(1, self.size.height // self.ROW_HEIGHT - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor + self._page(), 1)

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor - self._page(), -1)

    def action_choose(self) -> None:
        if self.row_count() and not self.is_header(self.cursor):
            self.post_message(self.Chosen(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + int(self.scroll_offset.y)) // self.ROW_HEIGHT
        if 0 <= index < self.row_count() and not self.is_header(index):
            self.focus()
            self.cursor = index
            self.post_message(self.Chosen(self, index))

    # --- rendering ------------------------------------------------------------------------

    def on_resize(self) -> None:
        self.virtual_size = Size(self.content_width, self.row_count() * self.ROW_HEIGHT)

    def render_lines(self, crop: Region) -> list[Strip]:
        # the pane's style is worked out from its ancestors' (about 30 µs): once a frame,
        # not once a line
        self._frame_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._frame_style = None

    def render_line(self, y: int) -> Strip:
        width = self.content_width
        base = self._frame_style if self._frame_style is not None else self.rich_style
        count = self.row_count()
        line_no = y + int(self.scroll_offset.y)
        if not count:
            if y == 0:
                text = Text(self.empty_text, style=self.part("rowlist--empty"))
                return self._strip(text, width, base)
            return Strip.blank(width, base)
        index, part = divmod(line_no, self.ROW_HEIGHT)
        if index >= count:
            return Strip.blank(width, base)
        lines = self.render_row(index, width)
        text = lines[part] if part < len(lines) else Text("")
        style = base
        plain = False
        if self.is_header(index):
            style = base + self.get_component_rich_style("rowlist--header")
        elif index == self.cursor:
            style = base + self.get_component_rich_style("rowlist--cursor")
            # the focused cursor's own colours, not the row's (an accent or dim part on
            # its block is unreadable), and no dimming on the other's
            plain = True
        return self._strip(text, width, style, plain)

    def _strip(self, text: Text, width: int, style: Style, plain: bool = False) -> Strip:
        text = text.copy()
        text.no_wrap = True
        text.overflow = "ellipsis"
        text.truncate(width, overflow="ellipsis", pad=True)
        keep = _undimmed if not self.has_focus else _plain
        segments = [Segment(s.text, style + keep(s.style) if plain and s.style
                            else style + s.style if s.style else style, s.control)
                    for s in text.render(self.app.console, end="")]
        return Strip(segments).crop_extend(0, width, style)


def _undimmed(style: Style) -> Style:
    return style + Style(dim=False)


def _plain(style: Style) -> Style:
    """``style`` without its colours and dimming (keeping bold, italic, underline)."""
    return Style(bold=style.bold, italic=style.italic, underline=style.underline,
                 strike=style.strike)
