"""The sources pane: one two-line row per source, with its counts."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text

from tui.corpus.document import Document
from tui.ui.panes.rowlist import RowList


class SourcesPane(RowList):
    ROW_HEIGHT = 2
    COMPONENT_CLASSES = RowList.COMPONENT_CLASSES | {"sources--open", "sources--counts"}
    DEFAULT_CSS = """
    SourcesPane > .sources--open { text-style: bold; }
    SourcesPane > .sources--counts { text-style: dim; }
    """
    empty_text = "No sources."

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.documents: list[Document] = []
        self.quote_counts: dict[str, int] = {}
        self.entity_counts: dict[str, int] = {}
        self.counted = False
        self.hits: Mapping[str, int] | None = None  # None: no search running
        self.open_id: str | None = None

    def on_resize(self) -> None:
        super().on_resize()
        # the legend for the counts, where there is room for it
        self.border_subtitle = "q quotes · e entities · h hits" if self.size.width >= 32 else ""

    def set_documents(self, documents: list[Document], keep_id: str | None = None) -> None:
        self.documents = documents
        keep = next((i for i, d in enumerate(documents) if d.id == keep_id), None)
        self.rows_changed(keep)

    def set_counts(
        self,
        *,
        quotes: dict[str, int] | None = None,
        entities: dict[str, int] | None = None,
    ) -> None:
        self.counted = True
        if quotes is not None:
            self.quote_counts = quotes
        if entities is not None:
            self.entity_counts = entities
        self.refresh()

    def set_hits(self, hits: Mapping[str, int] | None) -> None:
        self.hits = hits
        self.refresh()

    def current(self) -> Document | None:
        if 0 <= self.cursor < len(self.documents):
            return self.documents[self.cursor]
        return None

    def index_of(self, doc_id: str) -> int | None:
        return next((i for i, d in enumerate(self.documents) if d.id == doc_id), None)

    def row_count(self) -> int:
        return len(self.documents)

    def render_row(self, index: int, width: int) -> list[Text]:
        doc = self.documents[index]
        opened = doc.id == self.open_id
        mark = "▌" if opened else " "
        title = Text(mark + doc.title, style=self.part("sources--open")
                     if opened else "")
        counts = ""  # no counts until the index has them
        if self.counted:
            counts = f"q{self.quote_counts.get(doc.id, 0)} e{self.entity_counts.get(doc.id, 0)}"
        if self.hits is not None:
            counts += f" h{self.hits.get(doc.id, 0)}"
        room = max(0, width - len(counts) - 3)
        date = f" · {doc.date}" if doc.date and len(doc.date) + 6 <= room else ""
        outlet = doc.outlet or "unknown outlet"
        if len(outlet) + len(date) > room:
            outlet = outlet[: max(0, room - len(date) - 1)] + "…"
        where = outlet + date
        second = Text(" " + where, style=self.part("rowlist--dim"))
        second.append(" " * max(1, width - len(where) - len(counts) - 1))
        second.append(counts, style=self.part("sources--counts"))
        return [title, second]
