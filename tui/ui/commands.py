"""The command palette's own commands: export, selection, comments, sources, theme."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from tui.ui.messages import OpenDocument

if TYPE_CHECKING:
    from tui.ui.app import NewsdeskApp

# Enough sources for any lookup by name; a 10,000-article corpus stays responsive.
MAX_SOURCE_HITS = 50


class Palette(CommandPalette):
    """Textual's palette, less a crash seen with fast typing in Textual 8.2: paging its
    option list before the list is laid out raises KeyError."""

    def _action_command_list(self, action: str) -> None:
        try:
            super()._action_command_list(action)
        except KeyError:
            pass


class NewsdeskCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = cast("NewsdeskApp", self.app)
        return [
            ("Export selected quotes", "Write them as Markdown to the export directory",
             app.action_export),
            ("Copy selected quotes", "Copy them as Markdown to the clipboard", app.action_copy),
            ("Clear selection", "Unselect every quote", app.action_clear_selection),
            ("Toggle comments", "Show or hide quotes from reader comments",
             app.action_toggle_comments),
            ("Sort quotes", "By source order or by speaker", app.action_toggle_sort),
            ("Switch theme", "Pick one of Textual's themes", app.action_change_theme),
            ("Show keys", "Every binding and its id", app.action_help),
        ]

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        app = cast("NewsdeskApp", self.app)
        found = 0
        for n, doc in enumerate(app.documents):
            label = f"Jump to source: {escape(doc.title)}"
            score = matcher.match(label)
            if score > 0:
                found += 1
                yield Hit(score, matcher.highlight(label), _opener(app, doc.id),
                          help=escape(" · ".join(x for x in (doc.outlet, doc.date) if x)))
                if found >= MAX_SOURCE_HITS:
                    return
            if n % 500 == 499:
                await asyncio.sleep(0)  # let the palette draw between batches


def _opener(app: NewsdeskApp, doc_id: str) -> Callable[[], None]:
    return lambda: app.post_message(OpenDocument(doc_id))
