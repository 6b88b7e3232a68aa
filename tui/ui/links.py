"""The open source's address: opened with the platform's opener (``u``) or copied to
the clipboard (``U``). A base of the app; the viewer shows the address as a hyperlink."""

from __future__ import annotations

from textual.app import App

from tui.ui.panes.viewer import Viewer


class SourceLinks(App[None]):
    def _url(self) -> str | None:
        doc = self.query_one(Viewer).document
        if doc is None or not doc.url:
            self.notify("This source has no address (url in its front matter).",
                        severity="information", timeout=3)
            return None
        return doc.url

    def action_open_link(self) -> None:
        if (url := self._url()) is not None:
            self.open_url(url)
            self.notify(url, title="Opening", timeout=3)

    def action_copy_link(self) -> None:
        if (url := self._url()) is not None:
            self.copy_to_clipboard(url)
            self.notify(url, title="Address copied", timeout=3)
