"""The corpus loaded and indexed in a thread worker while the dashboard is already on
screen: the progress bar and the status line beside it, a failure shown in the viewer,
the sources listed as soon as the files are read. A base of the app; the built index is
handed to the app's ``_index_ready``, which fills the panes (and fills them again after
a correction)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.content import Content
from textual.widgets import Label, ProgressBar
from textual.worker import get_current_worker

from tui.config import Settings
from tui.errors import CorpusError
from tui.ui.panes.sources import SourcesPane
from tui.ui.panes.viewer import Viewer
from tui.ui.state import UiState

if TYPE_CHECKING:
    from tui.build.corpus_index import CorpusIndex
    from tui.build.query import QueryResult
    from tui.corpus.document import Document
    from tui.corpus.loader import LoadResult
    from tui.entities.model import Entity

PROGRESS_INTERVAL = 0.05  # seconds between progress updates from the index worker


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class CorpusIndexing(App[None]):
    """The index worker and the status row. The app sets the attributes below."""

    settings: Settings
    index: CorpusIndex | None
    documents: list[Document]
    by_id: dict[str, Document]
    selected: list[str]
    search_text: str
    result: QueryResult | None
    entity: Entity | None
    state: UiState
    _last_progress: float

    def open_document(self, doc_id: str, offset: int | None = None,
                      spotlight: tuple[int, int] | None = None) -> None:
        raise NotImplementedError

    def _refresh_sources(self) -> None:
        raise NotImplementedError

    def _index_ready(self, index: CorpusIndex) -> None:
        """Show the built index in the panes (the app's, which knows them all)."""
        raise NotImplementedError

    # --- building the index (thread worker) -------------------------------------------------

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def build_index(self) -> None:
        from tui.build.documents import load_documents  # (not needed before the first frame)

        try:
            result = load_documents(
                self.settings,
                progress=lambda done, total: self._report("loading files", done, total),
            )
        except CorpusError as exc:
            self.call_from_thread(self._load_failed, str(exc))
            return
        except Exception as exc:  # a bug in the loader must not leave "Indexing…" forever
            self.call_from_thread(self._load_failed, f"loading failed: {exc}")
            return
        self.call_from_thread(self._documents_loaded, result)
        try:
            from tui.build.corpus_index import CorpusIndex
            from tui.entities.corrections import load_corrections, store_path

            fixes = load_corrections(store_path(self.settings.corpus))
            index = CorpusIndex.build(result.documents, self.settings, progress=self._report,
                                      corrections=fixes, documents_key=result.key)
        except Exception as exc:  # a bug in the core must not take the screen down
            self.call_from_thread(self._load_failed, f"indexing failed: {exc}")
            return
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._index_ready, index)

    def _report(self, stage: str, done: int, total: int) -> None:
        """Progress from the worker thread, at most every PROGRESS_INTERVAL seconds."""
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL:
            return
        self._last_progress = now
        self.call_from_thread(self._show_progress, stage, done, total)

    def _show_progress(self, stage: str, done: int, total: int) -> None:
        self.query_one("#status-text", Label).update(
            Content(f"Indexing: {stage} {done}/{total}"))
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    def _load_failed(self, message: str) -> None:
        self.notify(message, title="Cannot load the corpus", severity="error", timeout=10)
        self.query_one(Viewer).show(None, message=f"Nothing to show: {message}")
        self._finish_progress("Corpus not loaded.")

    def _documents_loaded(self, result: LoadResult) -> None:
        self.documents = result.documents
        self.by_id.clear()
        self.by_id.update({d.id: d for d in result.documents})
        from tui.corpus.report import notice as skip_notice

        if told := skip_notice(result.skipped, result.warnings):
            self.notify(told[1], title=told[0], severity="warning", timeout=12)
        sources = self.query_one(SourcesPane)
        sources.empty_text = "No sources match."
        if not self.documents:
            sources.empty_text = "No articles."
            self.query_one(Viewer).show(None, message=(
                f"No articles found in {self.settings.corpus}. Newsdesk reads Markdown, text, "
                "JSON, CSV, Excel, HTML, PDF, feed and WARC files; add some and start again."))
            self.notify("The corpus is empty.", severity="warning")
        self._refresh_sources()
        start = self.state.source if self.state.source in self.by_id else None
        if start is None and self.documents:
            start = self.documents[0].id
        if start:
            self.open_document(start)

    def _finish_progress(self, message: str | None = None) -> None:
        self.query_one(ProgressBar).display = False
        self._update_status(message)

    def _update_status(self, message: str | None = None) -> None:
        if message is None:
            parts = [f"{len(self.documents)} sources"]
            if self.index is not None:
                parts.append(f"{len(self.index.entities)} entities")
                parts.append(f"{len(self.index.quotes)} quotes")
            parts.append(f"{len(self.selected)} selected")
            hits = self.result.hits if self.result is not None else None
            if self.search_text and hits is not None:
                parts.append(f"“{self.search_text}”: {_count(sum(hits.values()), 'hit')} in "
                             f"{_count(len(hits), 'source')}")
            if self.entity is not None:
                parts.append(f"entity: {self.entity.name} (esc clears)")
            message = " · ".join(parts)
        # Content, not a str: the status holds the query and names, never markup
        self.query_one("#status-text", Label).update(Content(message))
