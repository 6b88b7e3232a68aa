"""One answer to a query: the sources it matches, with their counts, the quotations the
quote list shows, the matches in a document and the ranked passages. The command line,
the dashboard's keystroke path and the benchmark all ask :meth:`CorpusIndex.query`, so
the two front ends can never answer one question two ways."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from tui.corpus.facets import SourceFacets, Timeline, timeline
from tui.quotes.browse import QuoteFilter, in_view, names_speaker, ordered
from tui.search.counting import Hits
from tui.util import bitsets

if TYPE_CHECKING:
    from tui.build.concordance import Concordance
    from tui.build.corpus_index import CorpusIndex
    from tui.corpus.document import Document
    from tui.quotes.model import Quote
    from tui.search.passages import Passage


@dataclass
class QueryResult:
    """What a query and its filters show. The parts are worked out when first asked
    for, in the order the dashboard shows them: the sources (``hits``), then the quote
    list, so that a caller can show the first while the second is made."""

    index: CorpusIndex
    text: str
    filter: QuoteFilter = field(default_factory=QuoteFilter)
    typing: bool = True
    # concordances asked for, by (sort, limit): the pane and n/N read the same one
    _concordances: dict[tuple[str, int], Concordance] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    @property
    def searching(self) -> bool:
        return bool(self.text.strip())

    @cached_property
    def hits(self) -> Mapping[str, int] | None:
        """Matches per matching source, or None when there is no search."""
        if not self.searching:
            return None
        return self.index.search.hits_per_source(self.text, typing=self.typing)

    @cached_property
    def sources(self) -> list[Document]:
        """The sources shown, in corpus order: those the search matches (all without a
        search) that the entity filter's entity is named in, of the outlets and dates
        the facets keep."""
        return self._sources_under(self.filter.facets)

    def _sources_under(self, facets: SourceFacets) -> list[Document]:
        docs = self.index.documents
        entity = self.index.entity_named(self.filter.entity) if self.filter.entity else None
        if entity is not None:
            wanted = self.index.entity_sources(entity)
            docs = [d for d in docs if d.id in wanted]
        hits = self.hits
        if hits is not None:
            if docs is self.index.documents and isinstance(hits, Hits):
                # (every document: the set of those matching picks them in C)
                docs = bitsets.select(docs, hits.bits)
            else:
                docs = [d for d in docs if d.id in hits]
        if facets.narrows:
            docs = [d for d in docs if facets.keeps(d)]
        return docs

    @cached_property
    def listed(self) -> list[Document]:
        """:attr:`sources` in the facets' order: the sources pane's list."""
        return self.filter.facets.ordered(self.sources, self.hits, self.index.order)

    def timeline(self) -> Timeline:
        """How many sources each day, week or month has, under every filter but the
        date range (so that the range can be chosen on it)."""
        return timeline(self._sources_under(self.filter.facets.without_dates()))

    @cached_property
    def matched(self) -> int | None:
        """The quotations the search text matches (in the matching sources, or spoken
        by someone it names), as a set of their places in the index's list; None when
        there is no search. (A broad search matches hundreds of thousands in a large
        archive: they are narrowed as a set before any is listed.)"""
        if not self.searching:
            return None
        return self.index.quote_bits_matching(self.text, self.hits)

    @cached_property
    def quotes(self) -> Sequence[Quote]:
        """The quote list: what the search matches, under the filters, in their order.

        The index holds its quotations in corpus order and, within a source, in text
        order: the list's order by source, so only a sort by speaker sorts. Each filter
        walks what the ones before it left (a broad search leaves tens of thousands).
        A search with no filter that walks leaves them as a set: the list reads the
        rows it shows, and no list of them all is made on a keystroke."""
        f = self.filter
        index = self.index
        matched = self.matched
        quotes: Sequence[Quote]
        if matched is not None:
            if not f.all_sections:
                matched &= index.body_quotes
            if f.source and index.quote_finder is not None:
                matched &= index.quote_finder.of_source(f.source)
            if not (f.entity or f.speaker or f.facets.narrows or f.sort == "speaker"):
                return bitsets.Picked(index.quotes, matched)
            quotes = bitsets.select(index.quotes, matched)
        elif f.source:
            quotes = [q for q in index.quotes_by_source.get(f.source, [])
                      if in_view(q, f.all_sections)]
        else:
            quotes = index.quotes_in_view(f.all_sections)
        if f.entity:
            naming = self.index.quote_ids_naming(f.entity)
            quotes = [q for q in quotes if q.id in naming]
        if f.speaker:
            quotes = [q for q in quotes if names_speaker(q.speaker, f.speaker)]
        if f.facets.narrows:
            kept = {d.id for d in self.index.documents if f.facets.keeps(d)}
            quotes = [q for q in quotes if q.source in kept]
        if f.sort == "speaker":
            return ordered(quotes, f.sort, self.index.order)
        return list(quotes)

    def quote_row(self, quote_id: str) -> int | None:
        """Where the quotation ``quote_id`` is in :attr:`quotes`, or None if it is not
        listed (the quote list keeps its cursor on it when the search changes)."""
        quotes = self.quotes
        if isinstance(quotes, bitsets.Picked):
            number = self.index.quote_number(quote_id)
            return None if number is None else quotes.rank(number)
        return next((i for i, q in enumerate(quotes) if q.id == quote_id), None)

    def refiltered(self, quote_filter: QuoteFilter) -> QueryResult:
        """The same search under other filters: what the search found is not worked
        out again (a toggle or a new entity filter redraws at once)."""
        result = replace(self, filter=quote_filter)
        for part in ("hits", "matched"):
            if part in self.__dict__:
                result.__dict__[part] = self.__dict__[part]
        return result

    def matches_in(self, doc_id: str) -> list[tuple[int, int]]:
        """Where the search matches in one document, for the viewer's highlights."""
        if not self.searching:
            return []
        return [
            (m.start, m.end)
            for m in self.index.search.find_in_document(doc_id, self.text, typing=self.typing)
        ]

    def passages(self, limit: int = 20, source: str | None = None) -> list[Passage]:
        """The best passages for the search, ranked (as `newsdesk search` lists them)."""
        if not self.searching:
            return []
        return self.index.search.search(self.text, limit=limit, source=source, typing=self.typing)

    def quote_counts(self) -> dict[str, int]:
        """Quotations per source under the sections rule, as the sources pane counts."""
        return self.index.quote_counts(self.filter.all_sections)

    def concordance(self, sort: str = "source", limit: int | None = None) -> Concordance:
        """Every hit in context, across the sources shown (the entity's mentions when
        there is no search): the concordance pane, ``n``/``N`` and `newsdesk concordance`.
        ``limit``: at most this many lines (by default, all by source or date, and the
        first 20,000 by context)."""
        from tui.build.concordance import CONTEXT_SORTS, LIMIT, Concordance

        # read a screen at a time, by source or date every hit can be listed; a sort by
        # context reads every line it sorts, so by default it sorts the first LIMIT
        if limit is None:
            limit = LIMIT if sort in CONTEXT_SORTS else sys.maxsize
        key = (sort, limit)
        found = self._concordances.get(key)
        if found is None:
            found = self._concordances[key] = Concordance(self, *key)
        return found
