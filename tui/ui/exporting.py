"""What ``ctrl+e``, ``E`` and ``y`` do with the selected quotes: open the export dialog,
repeat the last export without asking, copy the quotations to the clipboard.

The export itself (citations, styles, files) is the core's ``ExportJob``, the one the
``newsdesk export`` command runs; this module only gathers what the dashboard shows
(the search, the entity filter, the facets) and reports back in one line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.export.job import ExportJob
    from tui.export.render import Scope
    from tui.quotes.model import Quote
    from tui.ui.app import NewsdeskApp
    from tui.ui.screens.export_dialog import ExportChoice

CLIPBOARD_HINT = ("Sent to the terminal's clipboard (OSC 52). Nothing to paste? Under tmux "
                  "add `set -g set-clipboard on` to ~/.tmux.conf; or use "
                  "`newsdesk export … | pbcopy`.")


class Exporter:
    """The dashboard's exports; remembers the last one for ``E``."""

    def __init__(self, app: NewsdeskApp) -> None:
        self.app = app
        self.last: ExportChoice | None = None

    # --- what is exported -----------------------------------------------------------------

    def _quotes(self) -> list[Quote]:
        app = self.app
        quotes = app.index.in_reading_order(app.selected) if app.index is not None else []
        if not quotes:
            app.notify("Nothing selected: space selects a quote, a selects all shown.",
                       severity="warning")
        return quotes

    def scope(self) -> Scope:
        from tui.export.render import Scope

        app = self.app
        facets = {"picked": f"{len(app.selected)} selected in the dashboard"}
        view = app.result.filter if app.result is not None else None
        entity = ""
        if view is not None:  # the filters the quote list was drawn under
            entity = view.entity or ""
            if view.source:
                facets["source"] = view.source
            if view.all_sections:
                facets["sections"] = "all, reader comments and boilerplate included"
            facets["sort"] = view.sort
        return Scope(query=app.search_text.strip(), entity=entity, facets=facets)

    def job(self, choice: ExportChoice) -> ExportJob:
        from tui.export.job import ExportJob

        settings = self.app.settings
        return ExportJob(format=choice.format, style=choice.style, group_by=choice.group_by,
                         scope=self.scope(), templates=settings.export_templates,
                         corpus=settings.corpus)

    def _suffix(self, kind: str) -> str:
        from tui.export.job import ExportJob

        fmt = kind if kind in ("csl-json", "bibtex") else "markdown"
        return ExportJob(format=fmt, style=kind).suffix

    def default_choice(self) -> ExportChoice:
        from tui.ui.screens.export_dialog import ExportChoice  # (the dialog's module)

        settings = self.app.settings
        last = self.last
        style = last.style if last else settings.export_style
        fmt = last.format if last else "markdown"
        stem = self.scope().suggested_name()
        kind = style if fmt == "markdown" else fmt
        path = settings.export_directory / (stem + self._suffix(kind))
        if last is not None and last.append:
            path = last.path  # adding to a note: the same note again
        return ExportChoice(fmt, style, last.group_by if last else None, path,
                            last.append if last else False)

    # --- the actions ----------------------------------------------------------------------

    def open_dialog(self) -> None:
        quotes = self._quotes()
        if not quotes:
            return
        from tui.export.styles import style_names
        from tui.ui.screens.export_dialog import ExportDialog  # (loaded when first opened)

        app = self.app
        scope = self.scope()
        chosen = "; ".join(filter(None, (
            f"search {scope.query!r}" if scope.query else "",
            f"entity {scope.entity}" if scope.entity else "")))
        summary = (f"{len(quotes)} selected quote{'s' if len(quotes) != 1 else ''}"
                   + (f" ({chosen})" if chosen else "") + ".")
        styles = style_names(app.settings.export_templates)
        app.push_screen(ExportDialog(summary, self.default_choice(), styles, self._suffix,
                                     self.run))

    def again(self) -> None:
        """The last export again, without asking; the dialog if there was none."""
        if self.last is None:
            self.open_dialog()
            return
        error = self.run(self.last, repeat=True)
        if error:
            self.app.notify(error, title="Export failed", severity="error", timeout=10)

    def run(self, choice: ExportChoice, *, repeat: bool = False) -> str | None:
        """Export the selected quotes as ``choice`` says; the error in one line, or None."""
        from tui.export.files import ExportError, write_unique

        quotes = self._quotes()
        if not quotes:
            return "Nothing selected."
        job = self.job(choice)
        path = self.resolve(choice.path)
        try:
            rendered = job.render(quotes, self.app.by_id)
            self._make_export_directory(path)
            if not choice.append and os.path.lexists(path):
                if not repeat:
                    return (f"{path} already exists: tick Append to add to it, or give "
                            "another name.")
                written, appended = write_unique(path, rendered.whole), False
            else:
                written, appended = job.write(rendered, path, append=choice.append)
        except ExportError as exc:
            return str(exc)
        self.last = choice
        n = rendered.count
        what = f"{n} quote{'s' if n != 1 else ''}"
        title = f"Added {what} to" if appended else f"Exported {what} ({choice.kind}) to"
        self.app.notify(str(written), title=title, timeout=10)
        return None

    def resolve(self, path: Path) -> Path:
        """A bare file name goes into the export directory, never the working one."""
        if not path.is_absolute() and len(path.parts) == 1:
            return self.app.settings.export_directory / path
        return path

    def _make_export_directory(self, path: Path) -> None:
        # the configured directory is made on first use; any other must exist
        directory = self.app.settings.export_directory
        if path.parent == directory and not directory.exists():
            from tui.export.files import ExportError

            try:
                directory.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                from tui.export.files import DIRECTORY_HINT

                raise ExportError(f"cannot create the export directory {directory}: "
                                  f"{exc.strerror or exc}; {DIRECTORY_HINT}") from None

    def copy(self) -> None:
        """The quotations, without front matter, to the clipboard."""
        quotes = self._quotes()
        if not quotes:
            return
        from tui.export.files import ExportError
        from tui.ui.screens.export_dialog import ExportChoice

        last = self.last
        style = last.style if last else self.app.settings.export_style
        choice = ExportChoice("markdown", style, last.group_by if last else None, Path(), False)
        try:
            block = self.job(choice).render(quotes, self.app.by_id).block
        except ExportError as exc:
            self.app.notify(str(exc), title="Copy failed", severity="error", timeout=10)
            return
        self.app.copy_to_clipboard(block)
        n = len(quotes)
        self.app.notify(CLIPBOARD_HINT, title=f"Copied {n} quote{'s' if n != 1 else ''}",
                        timeout=8)
