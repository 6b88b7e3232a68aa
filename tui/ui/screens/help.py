"""The help screen: every binding, with the key it is on now and its id for remapping."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.ui.screens.modal import ScrollModal

HelpRow = tuple[str, str, str, str]  # (where, keys, what, binding id)


def help_table(rows: list[HelpRow]) -> Table:
    table = Table(expand=True, box=None, padding=(0, 1), header_style="bold")
    table.add_column("Where", style="dim", no_wrap=True)
    table.add_column("Keys", style="bold", no_wrap=True)
    table.add_column("Action")
    table.add_column("Id (config keys:)", style="dim", no_wrap=True)
    for row in rows:
        # Text, not str: a table cell would read "[" in a remapped key as markup
        table.add_row(*(Text(cell) for cell in row))
    return table


def syntax_table() -> Table:
    """The search syntax, as the core's parser reads it."""
    from tui.search.query import SYNTAX

    table = Table(expand=True, box=None, padding=(0, 1), header_style="bold")
    table.add_column("You type", style="bold", no_wrap=True)
    table.add_column("It finds")
    for typed, found in SYNTAX:
        table.add_row(Text(typed), Text(found))
    return table


class HelpScreen(ScrollModal):
    BINDINGS = [
        Binding("escape,f1,q", "dismiss", "Close", id="help_close"),
    ]
    DEFAULT_CSS = """
    HelpScreen .intro { color: $text-muted; margin-bottom: 1; }
    HelpScreen .heading { color: $text-accent; text-style: bold; margin-top: 1; }
    """

    def __init__(self, rows: list[HelpRow]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Newsdesk keys and search"
            scroll.border_subtitle = "esc close"
            yield Static(
                "Panes: Sources (left), Viewer (centre), Entities (right), Quotes (bottom). "
                "Mouse: click a row to open it, click a pane to focus it. "
                "Remap any key in config.yaml under keys: {id: key}.",
                classes="intro",
            )
            yield Static("Keys", classes="heading")
            yield Static(help_table(self.rows))
            yield Static("Search (/): case, accents and curly apostrophes do not matter",
                         classes="heading")
            yield Static(syntax_table())
