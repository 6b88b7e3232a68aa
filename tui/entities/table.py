"""Entities read back from the disk cache as columns: an :class:`Entity` is made only
when one is read.

A large archive names about a million entities. Making each one's objects when the
index is read back took most of a second at 100,000 articles, for a sidebar that shows
forty rows; its counts and groups are answered from the columns instead.
"""

from __future__ import annotations

import threading
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain

import numpy as np

from tui.entities.model import Entity, Mentions
from tui.util.bitsets import as_numbers
from tui.util.lazy_sequence import LazySequence
from tui.util.packing import checked_starts, end_to_end


class EntityTable(LazySequence[Entity]):
    """Entities as columns: names, types (each a number of one of ``kinds``), aliases
    (only those that have some), their
    mentions packed (:meth:`Mentions.packed`) and their distinct sources as numbers of
    ``source_ids``, each column's entities end to end in one array with where each
    starts (:func:`~tui.util.packing.end_to_end`). The mentions may be a view of
    another typecode's memory (the cache's map): an entity's are copied out when it is
    made.

    Reading an entity makes it once; it is the same object every time after, so that
    what keeps entities by identity (corrections) sees one object for one entity.
    """

    __slots__ = ("names", "_types", "_kinds", "_aliases", "_data", "_starts", "_numbers",
                 "_number_starts", "_ids", "_made", "_making")

    def __init__(
        self,
        names: list[str],
        types: tuple[array, list[str]],
        aliases: dict[int, list[str]],
        mentions: tuple[array | memoryview, array],
        sources: tuple[array, array],
        source_ids: Sequence[str],
    ) -> None:
        n = len(names)
        codes, kinds = types
        if not len(codes) == len(mentions[1]) - 1 == len(sources[1]) - 1 == n:
            raise ValueError("columns of different lengths")
        if any(not 0 <= i < n for i in aliases):
            raise ValueError("aliases of no entity")
        if len(codes) and max(codes) >= len(kinds):
            raise ValueError("a type of no kind")
        self.names, self._types, self._kinds, self._aliases = names, codes, kinds, aliases
        self._data, self._starts = mentions[0], checked_starts(*mentions)
        self._numbers, self._number_starts = sources[0], checked_starts(*sources)
        numbers = as_numbers(self._numbers)
        if len(numbers) and not 0 <= int(numbers.min()) <= int(numbers.max()) < len(source_ids):
            raise ValueError("sources of no document")
        self._ids = source_ids
        self._made: list[Entity | None] = [None] * n
        # (the screen's thread and the workers read entities; one object must win)
        self._making = threading.Lock()

    def __len__(self) -> int:
        return len(self.names)

    def _at(self, i: int) -> Entity:
        made = self._made[i]
        if made is None:
            entity = self._make(i)
            with self._making:  # (two threads may make one entity: the first kept wins)
                made = self._made[i]
                if made is None:
                    made = self._made[i] = entity
        return made

    def _make(self, i: int) -> Entity:
        numbers = self._numbers[self._number_starts[i] : self._number_starts[i + 1]]
        data = self._data[self._starts[i] : self._starts[i + 1]]
        if not isinstance(data, array):
            data = array(data.format, data.tobytes())  # (a view of the map)
        mentions = Mentions.from_packed(tuple(map(self._ids.__getitem__, numbers)), data)
        return Entity(
            self.names[i], self._kinds[self._types[i]], list(self._aliases.get(i, ())),
            mentions)

    def aliases(self, i: int) -> list[str]:
        """The aliases of entity ``i``, without making the entity."""
        return self._aliases.get(i, [])

    def places_of_types(self) -> dict[str, np.ndarray]:
        """Each type's entities, by their places, in order; no entity made."""
        codes = np.frombuffer(self._types, dtype=np.uint16)
        return {kind: np.flatnonzero(codes == k) for k, kind in enumerate(self._kinds)}

    def source_counts(self) -> dict[str, int]:
        """How many of the entities each source names, counted in C."""
        counts = np.bincount(as_numbers(self._numbers), minlength=len(self._ids))
        return {self._ids[k]: int(counts[k]) for k in np.flatnonzero(counts).tolist()}


def table_columns(
    entities: Sequence[Entity], numbering: Mapping[str, int]
) -> tuple[tuple[array, array], tuple[array, array]]:
    """The mentions and sources columns of an :class:`EntityTable`: each entity's packed
    mentions, and its distinct sources as their numbers in ``numbering``."""
    packed = [
        (e.mentions if isinstance(e.mentions, Mentions) else Mentions(e.mentions)).packed()
        for e in entities
    ]
    numbers = (array("i", map(numbering.__getitem__, sources)) for sources, _data in packed)
    return end_to_end(data for _sources, data in packed), end_to_end(numbers)


class Picked(LazySequence[Entity]):
    """Some of a sequence's entities, by their places in it, in the order given."""

    __slots__ = ("_entities", "_places")

    def __init__(self, entities: Sequence[Entity], places: Sequence[int] | np.ndarray) -> None:
        self._entities, self._places = entities, places

    def __len__(self) -> int:
        return len(self._places)

    def _at(self, i: int) -> Entity:
        return self._entities[self._places[i]]

    def names(self) -> Iterator[str]:
        """The entities' names, without making the entities of a table."""
        if isinstance(self._entities, EntityTable):
            return map(self._entities.names.__getitem__, self._places)
        return (e.name for e in self)


def names_of(entities: Sequence[Entity]) -> Sequence[str]:
    """Every entity's name, in order."""
    if isinstance(entities, EntityTable):
        return entities.names
    return [e.name for e in entities]


def type_codes(entities: Sequence[Entity]) -> tuple[array, list[str]]:
    """The types column of an :class:`EntityTable`: each entity's type as its number
    in the list of types, in order of first appearance."""
    kinds: dict[str, int] = {}
    codes = array("H", (kinds.setdefault(e.type, len(kinds)) for e in entities))
    return codes, list(kinds)


def by_type(entities: Sequence[Entity], kinds: Sequence[str], rest: str) -> dict[str, Picked]:
    """The entities of each of ``kinds``, and under ``rest`` those of any other type,
    each in the sequence's order; a table's entities are not made."""
    places: dict[str, Sequence[int] | np.ndarray]
    if isinstance(entities, EntityTable):
        places = dict(entities.places_of_types())
    else:
        listed: dict[str, list[int]] = {}
        for i, e in enumerate(entities):
            listed.setdefault(e.type, []).append(i)
        places = dict(listed)
    out = {kind: Picked(entities, places.get(kind, [])) for kind in kinds}
    others = [numbers for kind, numbers in places.items() if kind not in kinds]
    if others:
        # (the other types' places merged back into the sequence's order)
        out[rest] = Picked(entities, sorted(chain.from_iterable(others)))
    return out


def forms_of(entities: Sequence[Entity]) -> Iterator[tuple[str, ...]]:
    """Every entity's name and aliases, in order, without making a table's entities."""
    if isinstance(entities, EntityTable):
        return ((name, *entities.aliases(i)) for i, name in enumerate(entities.names))
    return ((e.name, *e.aliases) for e in entities)


def source_counts(entities: Sequence[Entity]) -> dict[str, int]:
    """How many of the entities each source names."""
    if isinstance(entities, EntityTable):
        return entities.source_counts()
    return dict(Counter(chain.from_iterable(map(Entity.distinct_sources, entities))))
