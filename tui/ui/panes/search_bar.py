"""The search bar above the viewer: results update as the user types."""

from __future__ import annotations

from textual.widgets import Input


class SearchBar(Input):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder="/ search the corpus (typos forgiven) · enter: first hit · esc: clear",
            id=id,
        )
