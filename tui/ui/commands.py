"""The command palette's own commands: export, selection, comments, sources, theme."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import SystemCommand
from textual.await_complete import AwaitComplete
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.css.query import NoMatches
from textual.fuzzy import Matcher
from textual.widgets import Button, Input, OptionList

from tui.ui.corrections import palette_commands
from tui.ui.messages import OpenDocument

if TYPE_CHECKING:
    from tui.corpus.document import Document
    from tui.ui.app import NewsdeskApp

# Enough sources for any lookup by name; a 10,000-article corpus stays responsive.
MAX_SOURCE_HITS = 50


class Palette(CommandPalette):
    """Textual's palette, less the crashes seen with fast typing in Textual 8.2.

    Paging its option list before the list is laid out raises KeyError. A second enter
    that arrives before the palette has gone selects the command again: the palette
    dismisses itself twice, the second time popping the app's last screen
    (ScreenStackError, and the app exits), and the command runs twice. And keys typed
    after that start a search whose end finds the palette's widgets gone (NoMatches).
    Once the palette is dismissed it ignores input, searches no more and does not
    dismiss again."""

    _dismissed = False  # (not `_closing`: Textual's message pump uses that name)

    def _action_command_list(self, action: str) -> None:
        try:
            super()._action_command_list(action)
        except KeyError:
            pass

    def dismiss(self, result: None = None) -> AwaitComplete:
        if self._dismissed or not self.is_current:
            return AwaitComplete.nothing()
        self._dismissed = True
        self._cancel_gather_commands()
        return super().dismiss(result)

    # Handlers of a subclass run first; prevent_default keeps CommandPalette's own
    # handlers (which search, select, run and dismiss) from seeing the message.
    @on(OptionList.OptionSelected)
    @on(Input.Submitted)
    @on(Input.Changed)
    @on(Button.Pressed)
    def _ignore_once_dismissed(
        self,
        event: OptionList.OptionSelected | Input.Submitted | Input.Changed | Button.Pressed,
    ) -> None:
        if self._dismissed:
            event.stop()
            event.prevent_default()

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        # The same race, one step earlier: a command that opens a screen (the export
        # dialog) lets the keys that follow reach the palette while it is removed, and a
        # search started then finds its command list gone.
        if self._dismissed:
            return
        try:
            await _GATHER_COMMANDS(self, search_value)
        except NoMatches:
            pass

    def _watch__list_visible(self) -> None:
        # a search that finishes while the palette is being removed finds its list gone
        try:
            super()._watch__list_visible()
        except NoMatches:
            pass


# CommandPalette's own search, undecorated, for Palette's worker to run
_GATHER_COMMANDS = inspect.unwrap(CommandPalette._gather_commands)


class NewsdeskCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = cast("NewsdeskApp", self.app)
        return [
            ("Export selected quotes", "Choose a style, grouping and file, or append to a note",
             app.action_export),
            ("Export again", "Repeat the last export without asking", app.action_export_again),
            ("Copy selected quotes", "Copy them, without front matter, to the clipboard",
             app.action_copy),
            ("Clear selection", "Unselect every quote", app.action_clear_selection),
            ("Toggle comments", "Show or hide quotes from reader comments",
             app.action_toggle_comments),
            ("Sort quotes", "By source order or by speaker", app.action_toggle_sort),
            ("Switch theme", "Pick one of Textual's themes", app.action_change_theme),
            ("Show keys", "Every binding and its id", app.action_help),
            *palette_commands(app),
        ]

    async def discover(self) -> Hits:
        # before anything is typed: the commands, then the sources (the first of a
        # large corpus: typing finds the rest)
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)
        app = cast("NewsdeskApp", self.app)
        for doc in app.documents[:MAX_SOURCE_HITS]:
            label = _source_label(doc)
            yield DiscoveryHit(Content(label), _opener(app, doc.id), text=label,
                               help=as_markup(_where(doc)))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        app = cast("NewsdeskApp", self.app)
        found = 0
        for n, doc in enumerate(app.documents):
            # the title, the outlet or the id, whichever the query fits best
            label = _source_label(doc)
            score = max(matcher.match(label), matcher.match(doc.outlet_label),
                        matcher.match(doc.id))
            if score > 0:
                found += 1
                yield Hit(score, _highlighted(matcher, label), _opener(app, doc.id),
                          text=label, help=as_markup(_where(doc)))
                if found >= MAX_SOURCE_HITS:
                    return
            if n % 500 == 499:
                await asyncio.sleep(0)  # let the palette draw between batches


def _source_label(doc: Document) -> str:
    return f"Jump to source: {doc.title}"


def _where(doc: Document) -> str:
    """A source's outlet, date and id: what, besides its title, it is found by."""
    return " · ".join(x for x in (doc.outlet_label, doc.date, doc.id) if x)


def _opener(app: NewsdeskApp, doc_id: str) -> Callable[[], None]:
    def open_source() -> None:
        app.post_message(OpenDocument(doc_id))

    return open_source


def without_duplicates(commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's own commands, less the two this palette has its own of: "Keys" (ours:
    "Show keys", the help with remaps and the search syntax) and "Theme" ("Switch
    theme")."""
    return (c for c in commands if c.title not in ("Keys", "Theme"))


def as_markup(text: str) -> str:
    """``text`` as Textual markup that shows it as it is, for the places that take only
    markup (a palette hit's help). Textual's own ``escape`` leaves ``[B]``, ``[$x]`` and
    ``[ b]`` to be read as tags; Textual reads every ``\\[`` as a literal bracket."""
    return text.replace("[", "\\[")


def _highlighted(matcher: Matcher, text: str) -> Content:
    """``text`` as plain content with the fuzzy match marked (``Matcher.highlight`` would
    read it as markup)."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
