"""The export dialog: format or style, grouping, file name, and whether to add to an
existing notes file. It asks; ``tui.ui.exporting`` does the export and tells it what
went wrong, so the dialog stays open for the user to fix the name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

GROUP_CHOICES = [("none", ""), ("speaker", "speaker"), ("source", "source"),
                 ("outlet", "outlet")]


@dataclass(frozen=True)
class ExportChoice:
    """What the dialog asked for: a ``style`` for Markdown and text, or a ``format``
    (csl-json, bibtex) for the cited articles."""

    format: str
    style: str
    group_by: str | None
    path: Path
    append: bool

    @property
    def kind(self) -> str:
        return self.style if self.format == "markdown" else self.format


def kinds(styles: list[str]) -> list[tuple[str, str]]:
    """The dialog's Format choices: every style, then the reference managers' formats."""
    return [*((f"{s} (quotes)", s) for s in styles),
            ("CSL-JSON (cited articles, for Zotero)", "csl-json"),
            ("BibTeX (cited articles)", "bibtex")]


class ExportDialog(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Cancel", id="export_cancel"),
    ]
    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > VerticalScroll {
        width: 76; max-width: 95%; height: auto; max-height: 95%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    ExportDialog .what { color: $text-muted; margin-bottom: 1; }
    ExportDialog Label.field { margin-top: 1; }
    ExportDialog.-short Label.field { margin-top: 0; }
    ExportDialog.-short .what { margin-bottom: 0; }
    ExportDialog #export-error { color: $error; height: auto; }
    ExportDialog Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    ExportDialog Button { margin-left: 1; }
    """

    def __init__(
        self,
        summary: str,
        choice: ExportChoice,
        styles: list[str],
        suffix_for: Callable[[str], str],
        submit: Callable[[ExportChoice], str | None],
    ) -> None:
        super().__init__()
        self.summary = summary
        self.choice = choice
        self.style_names = styles
        self.suffix_for = suffix_for
        self.submit = submit

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:  # (scrolls in a short terminal)
            box.border_title = "Export"
            box.border_subtitle = "enter export · esc cancel"
            yield Static(self.summary, classes="what", markup=False)
            yield Label("Format", classes="field")
            yield Select(kinds(self.style_names), value=self.choice.kind, allow_blank=False,
                         id="export-kind")
            yield Label("Group by", classes="field")
            yield Select(GROUP_CHOICES, value=self.choice.group_by or "", allow_blank=False,
                         id="export-group")
            yield Label("File", classes="field")
            yield Input(str(self.choice.path), id="export-path")
            yield Checkbox("Append to the file if it exists (no second front matter)",
                           self.choice.append, id="export-append")
            yield Static("", id="export-error", markup=False)
            with Horizontal():
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    # Keys typed fast can arrive after the dialog has begun to close, or after another
    # screen (the palette) opened over it: a late enter must neither export again nor
    # dismiss, which pops whatever screen is on top (is_current is true under a palette).
    _done = False

    def _on_top(self) -> bool:
        return not self._done and self.app.screen is self

    def dismiss(self, result: None = None) -> AwaitComplete:
        if not self._on_top():
            return AwaitComplete.nothing()
        self._done = True
        return super().dismiss(result)

    def current(self) -> ExportChoice:
        kind = str(self.query_one("#export-kind", Select).value)
        group = str(self.query_one("#export-group", Select).value)
        fmt, style = (kind, self.choice.style) if kind in ("csl-json", "bibtex") else (
            "markdown", kind)
        return ExportChoice(
            format=fmt, style=style, group_by=group or None,
            path=Path(self.query_one("#export-path", Input).value.strip()).expanduser(),
            append=self.query_one("#export-append", Checkbox).value,
        )

    @on(Select.Changed, "#export-kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        # the file name follows the format (.md, .txt, .json, .bib) unless the user typed
        # another extension, or is adding to a note (a plain block in a .md note)
        if self.query_one("#export-append", Checkbox).value:
            return
        field = self.query_one("#export-path", Input)
        path = Path(field.value.strip())
        if path.name and path.suffix in (".md", ".txt", ".json", ".bib", ""):
            field.value = str(path.with_suffix(self.suffix_for(str(event.value))))

    @on(Select.Changed)
    def _back_to_the_file(self) -> None:
        # a choice made, enter in the file field exports: the keyboard path is
        # shift+tab, enter, arrows, enter, enter
        self.query_one("#export-path", Input).focus()

    @on(Button.Pressed, "#export-ok")
    @on(Input.Submitted)
    def _export(self) -> None:
        if not self._on_top():
            return
        choice = self.current()
        if not choice.path.name:
            self._show("Give the file a name.")
            return
        error = self.submit(choice)
        if error:
            self._show(error)
        else:
            self.dismiss()

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.dismiss()

    def _show(self, message: str) -> None:
        self.query_one("#export-error", Static).update(message)
