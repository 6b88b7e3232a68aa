"""What entity extraction gives: an :class:`Entity`, its :class:`Mention` spans packed as
:class:`Mentions`, and :func:`person_names` for resolving a surname to a full name."""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

from tui.nlp.lexicon import PERSON
from tui.nlp.places import fold
from tui.util.packing import offsets

__all__ = ["Entity", "Mention", "Mentions", "person_names"]


class Mention(NamedTuple):
    """One place an entity is named: ``documents[source].text[start:end]``.

    A named tuple rather than a frozen dataclass: a large corpus has a million of these,
    and a tuple is several times cheaper to make. Fields, immutability and hashing are
    the same.
    """

    source: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "start": self.start, "end": self.end}


class Mentions(Sequence[Mention]):
    """An entity's mentions, packed: a read-only list of :class:`Mention` in a few bytes each.

    A 50 MB archive has about a million mentions; as tuples of a string and two ints they
    took over 100 MB and most of the index cache's load time. Here they are the tuple of
    distinct sources and one array: every start, then every end, then (only if there is
    more than one source) every mention's source number. A :class:`Mention` is made
    when one is read. Two thirds of a large corpus's entities are named in one document;
    theirs take 8 bytes a mention.
    """

    __slots__ = ("_sources", "_data")

    def __init__(self, mentions: Iterable[tuple[str, int, int]] = ()) -> None:
        # (every step a C loop: entities are made with a million mentions between them)
        triples = mentions if isinstance(mentions, list) else list(mentions)
        self._sources = tuple(dict.fromkeys(map(itemgetter(0), triples)))
        owners: list[int] = []
        if len(self._sources) > 1:
            numbers = {source: n for n, source in enumerate(self._sources)}
            owners = list(map(numbers.__getitem__, map(itemgetter(0), triples)))
        self._data = offsets(
            [*map(itemgetter(1), triples), *map(itemgetter(2), triples), *owners]
        )

    @classmethod
    def in_one_source(cls, source: str, starts: Sequence[int], length: int) -> Mentions:
        """Spans of ``length`` at ``starts`` of one document, in the order given."""
        out = cls.__new__(cls)
        out._sources = (source,)
        out._data = offsets([*starts, *[start + length for start in starts]])
        return out

    def spans_by_source(self) -> dict[str, list[tuple[int, int]]]:
        """Each source's (start, end) spans, in the order held, without a
        :class:`Mention` each (a country's run to a hundred thousand)."""
        n, data, sources = len(self), self._data, self._sources
        if len(sources) == 1:
            return {sources[0]: list(zip(data[:n], data[n : 2 * n]))}
        out: dict[str, list[tuple[int, int]]] = {}
        at = 0
        for number, run in groupby(data[2 * n :]):  # (a source's mentions are in a row)
            k = sum(1 for _ in run)
            spans = out.setdefault(sources[number], [])
            spans.extend(zip(data[at : at + k], data[n + at : n + at + k]))
            at += k
        return out

    def distinct_sources(self) -> tuple[str, ...]:
        """The documents mentioned, each once, in order of first mention."""
        return self._sources

    def __len__(self) -> int:
        return len(self._data) // (3 if len(self._sources) > 1 else 2)

    def __iter__(self) -> Iterator[Mention]:
        data, sources, new = self._data, self._sources, tuple.__new__
        n = len(self)
        spans = zip(data[:n], data[n : 2 * n])
        if len(sources) == 1:
            source = sources[0]
            for start, end in spans:
                yield new(Mention, (source, start, end))
        else:
            for number, (start, end) in zip(data[2 * n :], spans):
                yield new(Mention, (sources[number], start, end))

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(self)[i]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("mention index out of range")
        data = self._data
        source = self._sources[data[2 * n + i] if len(self._sources) > 1 else 0]
        return Mention(source, data[i], data[n + i])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Mentions, list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Mentions({list(self)!r})"

    def packed(self) -> tuple[tuple[str, ...], array]:
        """(distinct sources, the packed array), for storing many entities' mentions."""
        return self._sources, self._data

    @classmethod
    def from_packed(cls, sources: tuple[str, ...], data: array) -> Mentions:
        """The inverse of :meth:`packed`."""
        out = cls.__new__(cls)
        out._sources, out._data = sources, data
        return out

    def __getstate__(self) -> tuple[tuple[str, ...], str, bytes]:
        return self._sources, self._data.typecode, self._data.tobytes()

    def __setstate__(self, state: tuple[tuple[str, ...], str, bytes]) -> None:
        self._sources, code, data = state
        self._data = array(code)
        self._data.frombytes(data)


@dataclass(slots=True)
class Entity:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    # a list of Mention, or the packed Mentions that extract_entities makes
    mentions: Sequence[Mention] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def sources(self) -> list[str]:
        return sorted(self.distinct_sources())

    def distinct_sources(self) -> Collection[str]:
        """The documents that mention it, each once, in no order promised."""
        if isinstance(self.mentions, Mentions):
            return self.mentions.distinct_sources()
        return {m.source for m in self.mentions}

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "count": self.count,
            "sources": self.sources,
            "mentions": [m.to_json() for m in self.mentions],
        }


def person_names(entities: Iterable[Entity]) -> dict[str, str]:
    """Folded name forms → a person's full name, for resolving "Kono" to "Taro Kono".

    Holds every alias of every PERSON entity, plus its first and last words when only one
    person in the list has them; keys are folded with :func:`tui.gazetteer.fold`.
    """
    out: dict[str, str] = {}
    parts: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        if e.type != PERSON:
            continue
        for form in [e.name, *e.aliases]:
            out[fold(form)] = e.name
        words = e.name.split()
        if len(words) > 1:
            parts[fold(words[0])].add(e.name)
            parts[fold(words[-1])].add(e.name)
    for part, names in parts.items():
        if len(names) == 1 and part not in out:
            out[part] = next(iter(names))
    return out
