"""Messages the panes and screens send to the app, all in one place."""

from __future__ import annotations

from textual.message import Message


class OpenDocument(Message):
    """Show ``doc_id`` in the viewer, scrolled to ``offset`` (a character offset) if given."""

    def __init__(self, doc_id: str, offset: int | None = None, end: int | None = None) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.offset = offset
        self.end = end


class Correct(Message):
    """The user asks to correct ``target`` (an entity's name, or a quote's id for the
    ``speaker`` kind): one of the kinds of tui/entities/corrections.py."""

    def __init__(self, kind: str, target: str) -> None:
        super().__init__()
        self.kind = kind
        self.target = target
