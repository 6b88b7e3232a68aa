"""The viewer: one source's full text, wrapped into paragraphs, with its highlights.

Highlights are layered in a fixed order (quotes, then the chosen entity's mentions,
then search matches, then the current match), so the most specific one shows on top.
Comment and boilerplate sections are dimmed and introduced by a label line. Only the
lines on screen are rendered, so a long article scrolls as fast as a short one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.corpus.document import BODY, COMMENTS, Document

SpanList = Sequence[tuple[int, int]]
_WORD = re.compile(r"\S+\s*")


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap: (start, end) offsets of each screen line of ``text``."""
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    line_start, line_width = 0, 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group().rstrip()
        word_width = cell_len(word)
        if line_width and line_width + word_width > width:
            spans.append((line_start, start))
            line_start, line_width = start, 0
        while word_width > width:  # a word wider than the line (a URL) is cut
            spans.append((start, start + width))
            start += width
            word = word[width:]
            word_width = cell_len(word)
            line_start = start
        line_width += cell_len(text[start : match.end()])
    spans.append((line_start, len(text)))
    return spans


def section_label(kind: str, label: str) -> str:
    if kind == COMMENTS:
        return "reader comments"
    return f"boilerplate · {label}" if label else "boilerplate"


class Viewer(ScrollView, can_focus=True, inherit_bindings=False):
    BINDINGS = [
        Binding("j,down", "scroll_lines(1)", "Down", show=False, id="viewer_down"),
        Binding("k,up", "scroll_lines(-1)", "Up", show=False, id="viewer_up"),
        Binding("g,home", "top", "Top", show=False, id="viewer_top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="viewer_bottom"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="viewer_page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="viewer_page_up"),
    ]
    COMPONENT_CLASSES = {
        "viewer--title", "viewer--meta", "viewer--dim", "viewer--label", "viewer--match",
        "viewer--current", "viewer--entity", "viewer--quote", "viewer--spotlight", "viewer--empty",
    }
    DEFAULT_CSS = """
    Viewer > .viewer--title { text-style: bold; color: $text; }
    Viewer > .viewer--meta { text-style: dim; }
    Viewer > .viewer--dim { text-style: dim; }
    Viewer > .viewer--label { color: $text-warning; text-style: italic; }
    Viewer > .viewer--match { background: $warning-darken-3; color: white; text-style: bold; }
    Viewer > .viewer--current { background: $warning; color: black; text-style: bold; }
    Viewer > .viewer--entity { color: $text-accent; text-style: bold underline; }
    Viewer > .viewer--quote { color: $text-success; }
    Viewer > .viewer--spotlight { background: $success 30%; }
    Viewer > .viewer--empty { text-style: dim italic; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: Document | None = None
        self.message = "Loading…"
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.mentions: SpanList = ()
        self.quotes: SpanList = ()
        self.spotlight: tuple[int, int] | None = None  # the quote jumped to
        self._lines: list[Text] = []
        self._offsets: list[int] = []  # document offset where each line starts (-1: none)
        self._text_lines: list[int] = []  # indices of lines that hold document text
        self._width = -1

    # --- what to show ---------------------------------------------------------------------

    def show(self, document: Document | None, *, message: str = "") -> None:
        """Open ``document`` (or show ``message`` in an empty viewer), scrolled to the top."""
        same = document is not None and document is self.document
        self.document = document
        self.message = message
        if not same:
            self.matches, self.current = [], -1
            self.scroll_to(y=0, animate=False, force=True)
        self._invalidate()

    def set_highlights(
        self,
        *,
        matches: SpanList | None = None,
        mentions: SpanList | None = None,
        quotes: SpanList | None = None,
    ) -> None:
        if matches is not None:
            self.matches = sorted(matches)
            self.current = -1
        if mentions is not None:
            self.mentions = mentions
        if quotes is not None:
            self.quotes = quotes
        self._invalidate()
        self._update_subtitle()

    def next_match(self, step: int = 1) -> bool:
        """Move to the next (or previous) match, wrapping; False when there are none."""
        if not self.matches:
            return False
        if self.current < 0:
            top = self._offset_at_top()
            after = [i for i, (s, _e) in enumerate(self.matches) if s >= top]
            self.current = (after[0] if after else 0) if step > 0 else (
                (after[0] - 1) % len(self.matches) if after else len(self.matches) - 1)
            return self.goto_match(self.current)
        return self.goto_match(self.current + step)

    def goto_match(self, index: int) -> bool:
        if not self.matches:
            return False
        self.current = index % len(self.matches)
        self._invalidate()
        self.scroll_to_offset(self.matches[self.current][0])
        self._update_subtitle()
        return True

    def scroll_to_offset(self, offset: int) -> None:
        """Bring the line holding character ``offset`` into view, a third of the way down."""
        self._ensure_lines()
        line = self.line_of(offset)
        self.scroll_to(y=max(0, line - self.size.height // 3), animate=False, force=True)

    def line_of(self, offset: int) -> int:
        self._ensure_lines()
        if not self._text_lines:
            return 0
        starts = [self._offsets[i] for i in self._text_lines]
        k = max(0, bisect_right(starts, offset) - 1)
        return self._text_lines[k]

    def _offset_at_top(self) -> int:
        self._ensure_lines()
        y = int(self.scroll_offset.y)
        for i in range(y, len(self._offsets)):
            if self._offsets[i] >= 0:
                return self._offsets[i]
        return 0

    def _update_subtitle(self) -> None:
        if self.matches:
            where = f"{self.current + 1}/" if self.current >= 0 else ""
            self.border_subtitle = f"match {where}{len(self.matches)} · n/N"
        else:
            self.border_subtitle = ""

    # --- actions --------------------------------------------------------------------------

    def action_scroll_lines(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + lines, animate=False)

    def action_page(self, pages: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + pages * max(1, self.size.height - 1),
                       animate=False)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)

    # --- layout ---------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._width = -1
        self._ensure_lines()
        self.refresh()

    def on_resize(self) -> None:
        self._ensure_lines()

    def _ensure_lines(self) -> None:
        width = max(10, self.scrollable_content_region.width)
        if width == self._width:
            return
        self._width = width
        self._lines, self._offsets = self._layout(width)
        self._text_lines = [i for i, o in enumerate(self._offsets) if o >= 0]
        self.virtual_size = Size(width, len(self._lines))

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"viewer--{name}", partial=True)

    def _layout(self, width: int) -> tuple[list[Text], list[int]]:
        doc = self.document
        lines: list[Text] = []
        offsets: list[int] = []

        def add(text: Text, offset: int = -1) -> None:
            lines.append(text)
            offsets.append(offset)

        if doc is None:
            for start, end in wrap_spans(self.message, width):
                add(Text(self.message[start:end], style=self._style("empty")))
            return lines, offsets
        first = doc.paragraphs[0] if doc.paragraphs else None
        # most scraped pages start with their headline: then it is the title, shown once
        headline = first is not None and \
            " ".join(doc.text[first.start : first.end].split()) == " ".join(doc.title.split())
        for start, end in ([] if headline else wrap_spans(doc.title, width)):
            add(Text(doc.title[start:end], style=self._style("title")))
        meta = " · ".join(x for x in (doc.outlet, doc.date, doc.author) if x)

        def byline() -> None:
            for line in (meta, doc.url):
                if line:
                    add(Text(line[:width], style=self._style("meta")))
            add(Text(""))

        if not headline:
            byline()
        layers = [
            (self.quotes, self._style("quote")),
            (self.mentions, self._style("entity")),
            (self.matches, self._style("match")),
        ]
        if self.spotlight is not None:
            layers.append(([self.spotlight], self._style("spotlight")))
        if 0 <= self.current < len(self.matches):
            layers.append(([self.matches[self.current]], self._style("current")))
        previous_kind = BODY
        previous_label = ""
        for para in doc.paragraphs:
            section = doc.section_at(para.start)
            kind = section.kind if section else BODY
            label = section.label if section else ""
            if kind != BODY and (kind, label) != (previous_kind, previous_label):
                add(Text(f"── {section_label(kind, label)} ──", style=self._style("label")))
            previous_kind, previous_label = kind, label
            text = Text(doc.text[para.start : para.end])
            if headline and para == first:
                text.stylize(self._style("title"))
            if kind != BODY:
                text.stylize(self._style("dim"))
            for spans, style in layers:
                for s, e in _overlapping(spans, para.start, para.end):
                    text.stylize(style, max(s, para.start) - para.start,
                                 min(e, para.end) - para.start)
            plain = text.plain
            line_start = 0
            for raw in plain.split("\n"):
                for s, e in wrap_spans(raw, width):
                    add(text[line_start + s : line_start + e], para.start + line_start + s)
                line_start += len(raw) + 1
            if headline and para == first:
                byline()
            else:
                add(Text(""))
        return lines, offsets

    def render_line(self, y: int) -> Strip:
        self._ensure_lines()
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = y + int(self.scroll_offset.y)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        text = self._lines[index]
        strip = Strip(list(text.render(self.app.console, end="")), text.cell_len)
        return strip.crop_extend(0, width, base).apply_style(base)


def _overlapping(spans: SpanList, start: int, end: int) -> list[tuple[int, int]]:
    """Spans that overlap [start, end); spans are few per document, so a scan will do."""
    return [(s, e) for s, e in spans if s < end and e > start]
