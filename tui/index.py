"""CorpusIndex: everything the CLI and the panes ask of a corpus, built once."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field

from .config import Settings
from .document import Document
from .entities import Entity, extract_entities
from .quotes import Quote, extract_quotes
from .search import SearchIndex

# progress(stage, done, total): stage names what is being built, for a progress bar.
Progress = Callable[[str, int, int], None]


def _stage(progress: Progress | None, stage: str) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(stage, done, total)


@dataclass
class CorpusIndex:
    documents: list[Document]
    by_id: dict[str, Document] = field(default_factory=dict)
    search: SearchIndex = field(default_factory=lambda: SearchIndex.build([]))
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
        index.search = SearchIndex.build_cached(index.documents, _stage(progress, "search"))
        index.entities = extract_entities(
            index.documents,
            aliases=settings.entities.aliases,
            ignore=settings.entities.ignore,
            progress=_stage(progress, "entities"),
        )
        index.quotes = extract_quotes(index.documents, index.entities)
        index.quote_by_id = {q.id: q for q in index.quotes}
        for q in index.quotes:
            if q.cluster:
                index.clusters.setdefault(q.cluster, []).append(q)
        if progress:
            progress("quotes", len(documents), len(documents))
        # Keep this last. The index lives as long as the app: collect the build's garbage
        # (and a previous index's) once, then keep the collector from walking millions of
        # live objects again: a full collection in the middle of a keystroke costs tens of ms.
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        return index

    def document(self, doc_id: str) -> Document | None:
        return self.by_id.get(doc_id)
