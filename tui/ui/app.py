"""NewsdeskApp: the terminal dashboard."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from ..config import Settings


class NewsdeskApp(App[None]):
    TITLE = "Newsdesk"
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"Corpus: {self.settings.corpus}", id="placeholder")
        yield Footer()
