"""The facets of the sources (``f``): outlets to keep, a date range, the sources' order,
and a timeline of the matching sources a bar a day, week or month, on which a range can
be chosen. Every change applies at once; the core narrows (``SourceFacets``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.validation import Function
from textual.widgets import Input, Label, Select, SelectionList

from tui.corpus.facets import SOURCE_SORTS, Bar, SourceFacets, Timeline
from tui.ui.panes.rowlist import RowList

BAR_WIDTH = 30


def _is_date(value: str) -> bool:
    if not value:
        return True
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


class TimelineList(RowList):
    """One row a bar: its day, week or month, a bar as long as its count, the count.
    ``enter`` narrows to the bar; ``[`` and ``]`` start and end a range at it."""

    BINDINGS = [
        Binding("left_square_bracket", "mark('since')", "From here", id="timeline_since",
                tooltip="Start the date range at this bar"),
        Binding("right_square_bracket", "mark('until')", "To here", id="timeline_until",
                tooltip="End the date range at this bar"),
    ]
    COMPONENT_CLASSES = RowList.COMPONENT_CLASSES | {"timeline--bar", "timeline--out"}
    DEFAULT_CSS = """
    TimelineList > .timeline--bar { color: $text-accent; }
    TimelineList > .timeline--out { text-style: dim; }
    """
    empty_text = "No dated sources."

    class Marked(Message):
        def __init__(self, bar: Bar, end: str) -> None:
            super().__init__()
            self.bar = bar
            self.end = end  # since, until or both

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.timeline = Timeline("day", [], 0)
        self.since = ""
        self.until = ""

    def set_timeline(self, timeline: Timeline, since: str, until: str) -> None:
        self.timeline, self.since, self.until = timeline, since, until
        self.rows_changed()

    def row_count(self) -> int:
        return len(self.timeline.bars)

    def render_row(self, index: int, width: int) -> list[Text]:
        bar = self.timeline.bars[index]
        most = max(b.count for b in self.timeline.bars) or 1
        inside = ((not self.since or bar.end.isoformat() >= self.since)
                  and (not self.until or bar.start.isoformat() <= self.until))
        room = max(1, min(BAR_WIDTH, width - 28))
        blocks = "█" * round(room * bar.count / most) if bar.count else "·"
        text = Text(f"{bar.label[:20]:20} {bar.count:5} ")
        text.append(blocks, style=self.part("timeline--bar" if inside else "timeline--out"))
        return [text]

    def action_mark(self, end: str) -> None:
        if self.row_count():
            self.post_message(self.Marked(self.timeline.bars[self.cursor], end))

    def action_choose(self) -> None:
        if self.row_count():
            self.post_message(self.Marked(self.timeline.bars[self.cursor], "both"))


class FacetsScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f", "dismiss", "Close", id="facets_close"),
        Binding("ctrl+r", "reset", "Clear facets", id="facets_reset"),
    ]
    DEFAULT_CSS = """
    FacetsScreen { align: center middle; }
    FacetsScreen > Vertical {
        width: 90%; max-width: 130; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    FacetsScreen #facet-body { height: 1fr; }
    FacetsScreen #facet-left { width: 1fr; min-width: 30; }
    FacetsScreen #facet-outlets { height: 1fr; min-height: 3; }
    FacetsScreen .dates { height: auto; }
    FacetsScreen .dates Input { width: 1fr; }
    FacetsScreen #facet-timeline { width: 2fr; border: round $panel-lighten-2; }
    FacetsScreen #facet-timeline:focus { border: round $accent; }
    FacetsScreen Label { color: $text-muted; margin-top: 1; }
    FacetsScreen #facet-summary { color: $text; margin: 0; }
    """

    class Changed(Message):
        """The user changed a facet: these are the facets now."""

        def __init__(self, facets: SourceFacets) -> None:
            super().__init__()
            self.facets = facets

    def __init__(self, facets: SourceFacets, outlets: list[tuple[str, int]],
                 timeline: Timeline, summary: str) -> None:
        """``outlets``: every outlet label with its number of sources."""
        super().__init__()
        self.facets = facets
        self.outlets = outlets
        self.timeline = timeline
        self.summary = summary

    def compose(self) -> ComposeResult:
        f = self.facets
        with Vertical() as box:
            box.border_title = "Facets"
            # Content, not a str: "[/]" would be read as markup
            box.border_subtitle = Content("esc close · ctrl+r clear · timeline: enter, [ and ]")
            yield Label(Text(self.summary), id="facet-summary")
            with Horizontal(id="facet-body"):
                with Vertical(id="facet-left"):
                    yield Label("Outlets (space: keep; none kept = all)")
                    yield SelectionList[str](
                        *((Text(f"{name}  ({n})"), name, name in f.outlets)
                          for name, n in self.outlets),
                        id="facet-outlets")
                    yield Label("Dates, YYYY-MM-DD (empty: open)")
                    with Horizontal(classes="dates"):
                        yield Input(f.since, placeholder="since", id="facet-since",
                                    validators=[Function(_is_date, "not a date")])
                        yield Input(f.until, placeholder="until", id="facet-until",
                                    validators=[Function(_is_date, "not a date")])
                    yield Label("Sort the sources by")
                    yield Select([(s, s) for s in SOURCE_SORTS], value=f.sort,
                                 allow_blank=False, id="facet-sort")
                timeline = TimelineList(id="facet-timeline")
                timeline.border_title = f"Timeline (a bar a {self.timeline.unit})"
                if self.timeline.undated:
                    timeline.border_subtitle = f"{self.timeline.undated} undated"
                yield timeline

    def on_mount(self) -> None:
        self.query_one(TimelineList).set_timeline(self.timeline, self.facets.since,
                                                  self.facets.until)
        self.query_one(SelectionList).focus()

    def update(self, timeline: Timeline, summary: str) -> None:
        """The app's answer to the facets as they are now."""
        self.timeline = timeline
        self.query_one(TimelineList).set_timeline(timeline, self.facets.since, self.facets.until)
        self.query_one("#facet-summary", Label).update(Text(summary))

    def _apply(self, facets: SourceFacets) -> None:
        if facets != self.facets:
            self.facets = facets
            self.post_message(self.Changed(facets))

    @on(SelectionList.SelectedChanged)
    def _outlets(self, event: SelectionList.SelectedChanged[str]) -> None:
        self._apply(replace(self.facets, outlets=frozenset(event.selection_list.selected)))

    @on(Input.Changed)
    def _dates(self, event: Input.Changed) -> None:
        value = event.value.strip()
        if _is_date(value):
            if event.input.id == "facet-since":
                self._apply(replace(self.facets, since=value))
            else:
                self._apply(replace(self.facets, until=value))

    @on(Select.Changed)
    def _sort(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self._apply(replace(self.facets, sort=event.value))

    @on(TimelineList.Marked)
    def _marked(self, event: TimelineList.Marked) -> None:
        since, until = event.bar.start.isoformat(), event.bar.end.isoformat()
        if event.end in ("since", "both"):
            self.query_one("#facet-since", Input).value = since
        if event.end in ("until", "both"):
            self.query_one("#facet-until", Input).value = until

    def action_reset(self) -> None:
        self.query_one(SelectionList).deselect_all()
        self.query_one("#facet-since", Input).value = ""
        self.query_one("#facet-until", Input).value = ""
        self.query_one(Select).value = "corpus"
