"""The viewer: one source's full text, wrapped into paragraphs, with its highlights.

Highlights are layered in a fixed order (quotes, then the chosen entity's mentions,
then search matches, then the current match), so the most specific one shows on top.
Comment and boilerplate sections are dimmed and introduced by a label line.

The layout is a list of line records (a kind and a range of the document's text), made
by one linear scan per width; a line becomes styled text only when it is on screen
(``render_line``), so a 5 MB paragraph opens as fast as a short one and scrolling costs
the same anywhere in it. (Slicing one rich ``Text`` per screen line, as this once did,
copies the paragraph each time: quadratic, 14 s for 50 KB.)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache

from rich.cells import cell_len, get_character_cell_size
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.corpus.document import BODY, COMMENTS, Document

SpanList = Sequence[tuple[int, int]]
_WORD = re.compile(r"(\S+)(\s*)")
_NOT_SPACE = re.compile(r"[^ ]")


def _one_cell_class() -> str:
    """A regex class of the characters that take one cell and are not whitespace other
    than the space: where a text holds only these, characters are cells and a line can
    be found with a few C-level string searches instead of a loop over its words."""
    ranges = [(0x20, 0x7E), (0xA0, 0x2FF), (0x370, 0x482), (0x2010, 0x205E), (0x20A0, 0x20C0)]
    codes = [c for lo, hi in ranges for c in range(lo, hi + 1)
             if get_character_cell_size(chr(c)) == 1 and (c == 0x20 or not chr(c).isspace())]
    runs: list[tuple[int, int]] = []
    for c in codes:
        if runs and runs[-1][1] == c - 1:
            runs[-1] = (runs[-1][0], c)
        else:
            runs.append((c, c))
    return "".join(re.escape(chr(lo)) + (f"-{re.escape(chr(hi))}" if hi > lo else "")
                   for lo, hi in runs)


@cache
def _not_one_cell() -> re.Pattern[str]:
    # (made when a source is first wrapped: weighing ~1,100 characters took more CPU than
    # drawing a pane, before the first frame, which shows only a message)
    return re.compile(f"[^{_one_cell_class()}]")


def wrap_spans(text: str, width: int, start: int = 0, end: int | None = None
               ) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]``: the (start, end) offsets, in ``text``, of
    each screen line of at most ``width`` cells. Spaces after a word stay on its line (they
    show nothing); a word wider than a line (a URL) is cut. Linear in the length."""
    end = len(text) if end is None else end
    width = max(1, width)
    if _not_one_cell().search(text, start, end) is None:
        return _wrap_narrow(text, width, start, end)
    return _wrap_cells(text, width, start, end)


def _wrap_narrow(text: str, width: int, start: int, end: int) -> list[tuple[int, int]]:
    """``wrap_spans`` for text whose characters are one cell each and whose only
    whitespace is the space: each line is a couple of searches, not a loop over words."""
    spans: list[tuple[int, int]] = []
    pos = start
    while end - pos > width:
        limit = pos + width  # the first character that does not fit
        if text[limit] == " ":
            # everything up to the limit fits; the spaces after it stay on this line
            following = _NOT_SPACE.search(text, limit, end)
            if following is None:
                break
            spans.append((pos, following.start()))
            pos = following.start()
        else:
            space = text.rfind(" ", pos, limit)
            if space < pos:  # one word fills the line and more: cut it
                spans.append((pos, limit))
                pos = limit
            else:  # the word across the limit starts the next line
                spans.append((pos, space + 1))
                pos = space + 1
    spans.append((pos, end))
    return spans


def _wrap_cells(text: str, width: int, start: int, end: int) -> list[tuple[int, int]]:
    """``wrap_spans`` for any text, counting cells (wide, zero-width, other spaces)."""
    spans: list[tuple[int, int]] = []
    line_start = start
    first = _WORD.search(text, start, end)
    line_width = cell_len(text[start : first.start() if first else end])  # leading spaces
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.span(1)
        word_width = cell_len(text[word_start:word_end])
        if line_width and line_width + word_width > width:
            spans.append((line_start, word_start))
            line_start, line_width = word_start, 0
        if word_width > width:  # wider than a line: cut it, at cell boundaries
            if _not_one_cell().search(text, word_start, word_end) is None:
                cut = word_start + (word_end - word_start - 1) // width * width
                for point in range(word_start + width, cut + 1, width):
                    spans.append((line_start, point))
                    line_start = point
                line_width = word_end - cut
            else:
                used = 0
                for i in range(word_start, word_end):
                    cells = get_character_cell_size(text[i])
                    if used and used + cells > width:
                        spans.append((line_start, i))
                        line_start, used = i, 0
                    used += cells
                line_width = used
        else:
            line_width += word_width
        line_width += cell_len(text[word_end : match.end()])
    spans.append((line_start, end))
    return spans


def elide_middle(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, its middle left out for an ellipsis: both
    ends of an address say the most (the site, and the article's slug)."""
    if cell_len(text) <= width:
        return text
    width = max(1, width)
    head = (width - 1) // 2
    tail = width - 1 - head
    return text[:head] + "…" + (text[-tail:] if tail else "")


def section_label(kind: str, label: str) -> str:
    if kind == COMMENTS:
        return "reader comments"
    return f"boilerplate · {label}" if label else "boilerplate"


class _SpanIndex:
    """Spans sorted for finding those that overlap a line: by start, with the running
    maximum of their ends, so that a span longer than a line (a quote) is found too."""

    __slots__ = ("spans", "starts", "max_ends")

    def __init__(self, spans: SpanList) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _e in self.spans]
        self.max_ends: list[int] = []
        reach = -1
        for _s, e in self.spans:
            reach = max(reach, e)
            self.max_ends.append(reach)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect_right(self.max_ends, start)  # spans before lo all end by start
        hi = bisect_left(self.starts, end)  # spans from hi on all start at end or later
        return [(s, e) for s, e in self.spans[lo:hi] if e > start]


# Line kinds: TEXT lines show the document's text; the others show their own string.
TEXT, TEXT_DIM, TEXT_HEADLINE = "text", "text-dim", "text-headline"
_Line = tuple[str, int, int, str]  # (kind, start, end, string for non-text lines)
_RENDER_SLACK = 4  # a line is shown from at most width * this many characters


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
        self._lines: list[_Line] = []
        self._text_lines: list[int] = []  # indices of lines that hold document text
        self._text_starts: list[int] = []  # where each of those starts in the document
        self._width = -1
        self._layers: list[tuple[str, _SpanIndex]] = []
        self._styles: dict[str, Style] = {}

    # --- what to show ---------------------------------------------------------------------

    def show(self, document: Document | None, *, message: str = "") -> None:
        """Open ``document`` (or show ``message`` in an empty viewer), scrolled to the top."""
        same = document is not None and document is self.document
        self.document = document
        self.message = message
        if not same:
            self.matches, self.current = [], -1
            self._index_highlights()
            self.scroll_to(y=0, animate=False, force=True)
        self._width = -1  # a new layout
        self._ensure_lines()
        self.refresh()

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
        self._index_highlights()
        self.refresh()  # highlights are drawn as lines render: the layout stays
        self._update_subtitle()

    def next_match(self, step: int = 1) -> bool:
        """Move to the next (or previous) match, wrapping; False when there are none."""
        if not self.matches:
            return False
        if self.current < 0:
            top = self.offset_at_top()
            after = [i for i, (s, _e) in enumerate(self.matches) if s >= top]
            self.current = (after[0] if after else 0) if step > 0 else (
                (after[0] - 1) % len(self.matches) if after else len(self.matches) - 1)
            return self.goto_match(self.current)
        return self.goto_match(self.current + step)

    def goto_match(self, index: int) -> bool:
        if not self.matches:
            return False
        self.current = index % len(self.matches)
        self.refresh()
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
        k = max(0, bisect_right(self._text_starts, offset) - 1)
        return self._text_lines[k]

    def offset_at_top(self) -> int:
        """The character offset of the first text line at the top of the view (kept
        across restarts: an offset outlives a change of the terminal's width)."""
        self._ensure_lines()
        k = bisect_left(self._text_lines, int(self.scroll_offset.y))
        return self._text_starts[k] if k < len(self._text_starts) else 0

    def scroll_to_top_at(self, offset: int) -> None:
        """Scroll so that the line holding ``offset`` is the top one."""
        self.scroll_to(y=self.line_of(offset), animate=False, force=True)

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

    def on_resize(self) -> None:
        self._ensure_lines()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()  # a theme change: look the component styles up again

    def _ensure_lines(self) -> None:
        width = max(10, self.scrollable_content_region.width)
        if width == self._width:
            return
        self._width = width
        self._lines = self._layout(width)
        self._text_lines = [i for i, line in enumerate(self._lines) if line[0].startswith(TEXT)]
        self._text_starts = [self._lines[i][1] for i in self._text_lines]
        self.virtual_size = Size(width, len(self._lines))

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"viewer--{name}", partial=True)
            if name in ("match", "current"):  # a match stands out of a dimmed section too
                style += Style(dim=False)
            self._styles[name] = style
        return style

    def _index_highlights(self) -> None:
        self._layers = [
            ("quote", _SpanIndex(self.quotes)),
            ("entity", _SpanIndex(self.mentions)),
            ("match", _SpanIndex(self.matches)),
        ]

    def _layout(self, width: int) -> list[_Line]:
        """The line records for ``width``: one scan of the text, no styling."""
        doc = self.document
        lines: list[_Line] = []
        if doc is None:
            # (a message is a line or two: word by word, the quick wrap's pattern unmade)
            message = self.message
            lines.extend(("empty", s, e, message[s:e]) for s, e in
                         _wrap_cells(message, max(1, width), 0, len(message)))
            return lines
        first = doc.paragraphs[0] if doc.paragraphs else None
        # most scraped pages start with their headline: then it is the title, shown once
        # (a paragraph far longer than the title cannot be it, and is not compared)
        headline = (
            first is not None
            and first.end - first.start <= 2 * len(doc.title) + 16
            and " ".join(doc.text[first.start : first.end].split()) == " ".join(doc.title.split())
        )
        if not headline:
            lines.extend(("title", s, e, doc.title[s:e]) for s, e in wrap_spans(doc.title, width))
        meta = " · ".join(x for x in (doc.outlet, doc.date, doc.author) if x)

        def byline() -> None:
            if meta:
                lines.extend(("meta", 0, 0, meta[s:e]) for s, e in wrap_spans(meta, width))
            if doc.url:  # one line, a hyperlink (u opens it, U copies it)
                lines.append(("link", 0, 0, elide_middle(doc.url, width)))
            lines.append(("blank", 0, 0, ""))

        if not headline:
            byline()
        previous_kind = BODY
        previous_label = ""
        text = doc.text
        for para in doc.paragraphs:
            section = doc.section_at(para.start)
            kind = section.kind if section else BODY
            label = section.label if section else ""
            if kind != BODY and (kind, label) != (previous_kind, previous_label):
                lines.append(("label", 0, 0, f"── {section_label(kind, label)} ──"))
            previous_kind, previous_label = kind, label
            is_headline = headline and para == first
            line_kind = TEXT_HEADLINE if is_headline else TEXT if kind == BODY else TEXT_DIM
            start = para.start
            while True:  # each line of the paragraph, without copying it
                newline = text.find("\n", start, para.end)
                stop = para.end if newline < 0 else newline
                lines.extend((line_kind, s, e, "") for s, e in wrap_spans(text, width, start, stop))
                if newline < 0:
                    break
                start = newline + 1
            if is_headline:
                byline()
            else:
                lines.append(("blank", 0, 0, ""))
        return lines

    def _line_text(self, line: _Line) -> Text:
        """One line as styled text: the document's characters with the highlights that
        overlap them, made when the line is drawn."""
        kind, start, end, string = line
        if kind == "link" and self.document is not None:
            # OSC 8: a terminal that knows it opens the whole address on a click
            link = Text(string)  # (a span: render() leaves out a Text's base style's link)
            link.stylize(self._style("meta") + Style(link=self.document.url))
            return link
        if not kind.startswith(TEXT) or self.document is None:
            return Text(string, style=self._style(kind) if kind != "blank" else "")
        # a line is at most a screen wide; what lies past that (a long run of spaces, of
        # zero-width marks) is never seen, and is not made into text
        end = min(end, start + _RENDER_SLACK * max(self._width, 1))
        text = Text(self.document.text[start:end])
        if kind == TEXT_HEADLINE:
            text.stylize(self._style("title"))
        elif kind == TEXT_DIM:
            text.stylize(self._style("dim"))
        layers: list[tuple[str, SpanList]] = [
            (name, index.overlapping(start, end)) for name, index in self._layers
        ]
        if self.spotlight is not None:
            layers.append(("spotlight", [self.spotlight]))
        if 0 <= self.current < len(self.matches):
            layers.append(("current", [self.matches[self.current]]))
        for name, spans in layers:
            for s, e in spans:
                if s < end and e > start:
                    text.stylize(self._style(name), max(s, start) - start, min(e, end) - start)
        return text

    def render_line(self, y: int) -> Strip:
        self._ensure_lines()
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = y + int(self.scroll_offset.y)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        text = self._line_text(self._lines[index])
        strip = Strip(list(text.render(self.app.console, end="")), text.cell_len)
        return strip.crop_extend(0, width, base).apply_style(base)
