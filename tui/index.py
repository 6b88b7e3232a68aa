"""CorpusIndex: everything the CLI and the panes ask of a corpus, built once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .config import Settings
from .document import Document
from .entities import Entity, extract_entities
from .quotes import Quote, extract_quotes

# progress(stage, done, total): stage names what is being built, for a progress bar.
Progress = Callable[[str, int, int], None]


@dataclass
class CorpusIndex:
    documents: list[Document]
    by_id: dict[str, Document] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quote_by_id: dict[str, Quote] = field(default_factory=dict)
    clusters: dict[str, list[Quote]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        documents: list[Document],
        settings: Settings | None = None,
        progress: Progress | None = None,
    ) -> CorpusIndex:
        settings = settings or Settings()
        index = cls(documents=list(documents), by_id={d.id: d for d in documents})
        if progress:
            progress("documents", len(documents), len(documents))
        index.entities = extract_entities(
            index.documents,
            aliases=settings.entities.aliases,
            ignore=settings.entities.ignore,
            progress=(lambda done, total: progress("entities", done, total)) if progress else None,
        )
        index.quotes = extract_quotes(index.documents, index.entities)
        index.quote_by_id = {q.id: q for q in index.quotes}
        for q in index.quotes:
            if q.cluster:
                index.clusters.setdefault(q.cluster, []).append(q)
        if progress:
            progress("quotes", len(documents), len(documents))
        return index

    def document(self, doc_id: str) -> Document | None:
        return self.by_id.get(doc_id)
