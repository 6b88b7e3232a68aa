"""Named entities (people, organisations, places, other) with alias merging and mentions.

No statistical model: none can be downloaded here, so the extractor reads news prose the
way a careful reader does.

* **Candidates** are runs of capitalised words with the joiners names use ("Sea of Japan",
  "Federation of American Scientists", "Kim Jong Un", "Moon Jae-in"), found by one
  precompiled regex per body section. Possessives, hyphenated modifiers ("Seoul-based"),
  weekdays and months end a run.
* **What capitalisation does not prove** is set aside: a single word at the start of a
  sentence, and everything in a title-case or all-capitals headline line. Those are kept
  only when the same name is met where capitals do mean something, is a major place, or
  is part of a person's name in the same document.
* **Types** come from evidence with weights: a title before a name (PERSON), the head noun
  (Council, Ministry → ORG; Sea, Peninsula → PLACE; Agreement, War → OTHER), the
  GeoNames gazetteer (PLACE), wire agencies, acronyms, and context ("a spokesman",
  "Reuters reported").
* **Aliases** merge case variants, stripped titles, country forms, acronyms with their
  expansions, a surname with the full name in the same document, near-duplicates
  (rapidfuzz over the distinct names only) and the aliases from the config file.

Only body sections are mined by default: captions, footers and reader comments name
photographers, sites and handles, not the story's actors.
"""

from __future__ import annotations

import gc
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, groupby
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process

from tui.corpus.document import BODY, Document
from tui.nlp.lexicon import (
    FUNCTION_WORDS,
    MONTHS,
    ORG,
    ORG_APPOSITIVE_NOUNS,
    ORG_CONTEXT_AFTER,
    ORG_HEADS,
    OTHER,
    OTHER_HEADS,
    PEOPLE_AT,
    PERSON,
    PERSON_ROLES,
    PERSON_VERBS,
    PLACE,
    PLACE_BEFORE,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
    TYPES,
    WEEKDAYS,
)
from tui.nlp.names import (
    AGENCY_ALTS,
    DEFINITION,
    DEFINITION_STARTS,
    POSSESSIVE,
    RUN,
    STRONG,
    WORD_RE,
    Analyser,
    Piece,
    is_acronym,
    run_tokens,
)
from tui.nlp.places import Gazetteer, fold, folding, load_gazetteer
from tui.util.collector import no_collector
from tui.util.packing import cut, joined, offsets

__all__ = [
    "Entity",
    "Mention",
    "Mentions",
    "MinedShard",
    "TYPES",
    "extract_entities",
    "mine_shard",
    "person_names",
]


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

    def __getitem__(self, i):  # type: ignore[override]
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
        if isinstance(self.mentions, Mentions):
            return sorted(self.mentions.distinct_sources())
        return sorted({m.source for m in self.mentions})

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


_TERMINAL = frozenset(".!?:;\n。！？")
_OPENERS = frozenset(" \t“\"‘'(•*·[")


# --- lines where capitals prove nothing --------------------------------------------------

_LINE = re.compile(r"[^\n]+")


def _shouting_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Title-case or all-capitals lines (headlines, subheads) in ``text[start:end]``."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text, start, end):
        line = m.group()
        if len(line) >= 12 and line.isupper():
            out.append(m.span())
            continue
        if len(line) >= 200:
            continue
        stripped = line.rstrip()
        if not stripped or stripped[-1] in ".!?”\"":
            continue
        words = [w for w in WORD_RE.findall(stripped) if len(w) >= 4]
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            out.append(m.span())
    return out


_CREDIT_BEFORE = re.compile(rf"(?:(?i:\b(?:{AGENCY_ALTS}))|(?:{AGENCY_ALTS.upper()}))$")
_CREDIT_AFTER = re.compile(rf"(?i:(?:{AGENCY_ALTS})\b)")


def _credit_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Short lines carrying a photo credit ("REUTERS/Toru Hanai", "Jae C. Hong/AP")."""
    out: list[tuple[int, int]] = []
    pos = text.find("/", start, end)
    while pos >= 0:
        before = text[max(start, pos - 24) : pos]
        if _CREDIT_BEFORE.search(before) or (
            before[-1:].strip() and _CREDIT_AFTER.match(text, pos + 1, end)
        ):
            a = text.rfind("\n", start, pos) + 1
            b = text.find("\n", pos, end)
            b = end if b < 0 else b
            if b - a < 300:
                out.append((max(a, start), b))
        pos = text.find("/", pos + 1, end)
    return out


# --- the extractor -----------------------------------------------------------------------

# A name form: (key, surface, ambiguous, multi-word, length).
_Form = tuple[str, str, bool, bool, int]
# A name's votes: type → weight, and ("!", type) → the weight of strong evidence alone.
_Votes = dict[Any, int]
# Weak hints are counted for this many mentions of a name only, so that strong evidence
# scales with the corpus and weak evidence does not drown it.
_WEAK_SAMPLE = 8


class _Groups:
    """The mentions of each name form in each document, gathered in a single pass.

    Merging works on these groups, not on each of a large corpus's million mentions. A
    large corpus has half a million groups, and they live until every entity is made:
    as a tuple and an array each they took 100 MB. Here they are columns of numbers:
    group ``i`` is form ``form[i]`` in document ``sources[doc[i]]``, at the offsets
    ``starts[bounds[i]:bounds[i + 1]]``. (Plain arrays also pickle in one piece when
    another process sends its groups.)
    """

    __slots__ = ("sources", "numbers", "doc", "form", "bounds", "starts")

    def __init__(self) -> None:
        self.sources: list[str] = []  # distinct document ids, in order of first group
        self.numbers: dict[str, int] = {}  # document id → its place in sources
        self.doc = array("i")
        self.form = array("i")
        self.bounds = array("q", [0])
        # 4-byte offsets unless a document has 2**31 characters or more (as packing.offsets)
        self.starts = array("i")

    def __len__(self) -> int:
        return len(self.doc)

    def number(self, source: str) -> int:
        n = self.numbers.get(source)
        if n is None:
            n = self.numbers[source] = len(self.sources)
            self.sources.append(source)
        return n

    def wide(self) -> None:
        """Make room for offsets of 2**31 and more."""
        if self.starts.typecode != "q":
            self.starts = array("q", self.starts)

    def add(self, doc: int, fid: int, starts: list[int]) -> int:
        """Add a group; its index."""
        self.doc.append(doc)
        self.form.append(fid)
        self.starts.extend(starts)
        self.bounds.append(len(self.starts))
        return len(self.doc) - 1

    def sizes(self) -> array:
        """Each group's number of mentions."""
        bounds = self.bounds
        return array("q", map(int.__sub__, bounds[1:], bounds))

    def extend(self, other: _Groups, fids: Sequence[int]) -> None:
        """Add ``other``'s groups after these; ``fids`` maps its form ids to these ones."""
        numbers = array("i", map(self.number, other.sources))
        base = self.bounds[-1]
        self.doc.extend(array("i", map(numbers.__getitem__, other.doc)))
        self.form.extend(array("i", map(fids.__getitem__, other.form)))
        self.bounds.extend(array("q", [base + b for b in other.bounds[1:]]))
        if other.starts.typecode == "q":
            self.wide()
        self.starts.extend(
            other.starts if other.starts.typecode == self.starts.typecode
            else array(self.starts.typecode, other.starts)
        )

    def __getstate__(self) -> tuple:
        return self.sources, self.doc, self.form, self.bounds, self.starts

    def __setstate__(self, state: tuple) -> None:
        self.sources, self.doc, self.form, self.bounds, self.starts = state
        self.numbers = {source: n for n, source in enumerate(self.sources)}


# What mining a run of documents leaves for the merge: (groups, their forms, headline
# runs, acronym definitions, strong-vote tallies, each name's sampled weak hints).
MinedShard = tuple[
    _Groups,
    list[_Form],
    list[tuple[str, int, str]],
    list[tuple[str, str]],
    dict[tuple[str, tuple[tuple[str, int], ...]], int],
    dict[str, list[tuple[tuple[str, int], ...]]],
]
# Single words that are never a name on their own: "The", "He", "Thursday".
_SKIP = frozenset(
    [w.capitalize() for w in FUNCTION_WORDS | WEEKDAYS | MONTHS]
    + [w.upper() for w in ("a", "i", "the")] + ["I"]
)


_DETERMINERS = frozenset("the its their a an".split())
_HEADS = ORG_HEADS | PLACE_HEADS


def _context_votes(text: str, start: int, end: int, single: bool) -> list[tuple[str, int]]:
    """Hints from the words around a mention; each is weak on its own."""
    votes: list[tuple[str, int]] = []
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    low_before = before.lower()
    prev_words = low_before.replace(",", " ").split()
    last = prev_words[-1] if prev_words else ""  # ("" is in none of the word sets)
    if last in PERSON_ROLES:
        votes.append((PERSON, 4))
    if last == "at" and len(prev_words) >= 2 and prev_words[-2] in PEOPLE_AT:
        votes.append((ORG, 5))  # "analysts at Morgan Stanley said": they said it, not it
    elif last in PLACE_PREPOSITIONS:
        votes.append((PLACE, 2))  # "in Ravenna"
    if low_before.endswith(PLACE_BEFORE):
        votes.append((PLACE, 6))
    if last in ORG_APPOSITIVE_NOUNS and _DETERMINERS & {*prev_words[-3:-1]}:
        votes.append((ORG, 6))  # "The company, Twin Metals, said", "the firm Kellerman & Roth"
    a = after.lstrip(" ,").lower()
    if after.startswith(",") and (a.startswith(("a ", "an ", "the "))):
        rest = a.split(",")[0].split()
        if any(w in PERSON_ROLES for w in rest[1:5]):
            votes.append((PERSON, 4))
    if a.startswith(ORG_CONTEXT_AFTER) or low_before.endswith("according to "):
        votes.append((ORG, 2))
    if single:
        if before.endswith(("the ", "The ")):
            votes.append((ORG, 2))
        return votes
    first_after = a.split(None, 1)[0] if a.strip() else ""
    if first_after in PERSON_VERBS or last == "said":
        votes.append((PERSON, 1))
    # "the Next Generation EU programme", "the Liberty Korea party"
    if after[:1] == " ":
        words_after = after.split(None, 1)
        next_word = words_after[0].rstrip(".,;:") if words_after else ""
        if next_word.islower():
            if next_word in OTHER_HEADS:
                votes.append((OTHER, 4))
            elif next_word in ORG_HEADS:
                votes.append((ORG, 4))
    return votes


class _Miner:
    """One pass over each document's body; votes and definitions gather across documents."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.analyser = Analyser(gaz)
        # piece id → (key, strong votes): strong evidence counts for every mention, so
        # it is tallied from the groups' sizes at the end
        self.strong_forms: dict[int, tuple[str, tuple[tuple[str, int], ...]]] = {}
        self.strong: dict[tuple[str, tuple[tuple[str, int], ...]], int] = {}
        # (plain dicts, not Counters: a Counter is slow to make and to count into, and a
        # large corpus has a hundred thousand names)
        self.weak: dict[str, _Votes] = {}
        self.sampled: dict[str, int] = {}  # key → mentions whose weak hints were counted
        # key → each sampled mention's weak hints, kept when this miner mines a later
        # shard of the corpus: the shard before it decides how many of them count
        self.samples: dict[str, list[tuple[tuple[str, int], ...]]] | None = None
        # run text → its entry, one memo for each (initial, after "the") pair: a large
        # corpus looks up a million runs, and a tuple key for each costs more than a dict
        self.caches: tuple[dict[str, tuple[tuple, Piece | None]], ...] = ({}, {}, {}, {})
        # piece id → (key, surface, ambiguous, multi-word, length)
        self.forms: list[_Form] = []
        self.form_ids: dict[_Form, int] = {}
        self.definitions: list[tuple[str, str]] = []
        self.groups = _Groups()
        self.headlines: list[tuple[str, int, str]] = []

    def form_id(self, key: str, surface: str, ambiguous: bool, multi: bool, length: int) -> int:
        form = (key, surface, ambiguous, multi, length)
        fid = self.form_ids.get(form)
        if fid is None:
            fid = self.form_ids[form] = len(self.forms)
            self.forms.append(form)
        return fid

    def mine(self, doc: Document) -> None:
        text = doc.text
        if doc.sections:
            spans = [(s.start, s.end) for s in doc.sections if s.kind == BODY]
        else:
            spans = [(0, len(text))]
        buckets: dict[int, list[int]] = defaultdict(list)
        for start, end in spans:
            self._section(doc.id, text, start, end, buckets)
        strong_forms, strong, groups = self.strong_forms, self.strong, self.groups
        if len(text) >= 1 << 31:
            groups.wide()
        number = groups.number(doc.id)
        for fid, starts in buckets.items():
            groups.add(number, fid, starts)
            sig = strong_forms.get(fid)
            if sig is not None:
                strong[sig] = strong.get(sig, 0) + len(starts)

    def _section(
        self, source: str, text: str, start: int, end: int, buckets: dict[int, list[int]]
    ) -> None:
        shouting = _shouting_lines(text, start, end)
        credits = _credit_lines(text, start, end)
        caches = self.caches
        sampled = self.sampled
        skip, openers, terminal = _SKIP, _OPENERS, _TERMINAL
        # Lines set apart, in text order: credits are skipped, headlines kept for later.
        zones = sorted([(a, b, False) for a, b in credits] + [(a, b, True) for a, b in shouting])
        z = 0
        for m in RUN.finditer(text, start, end):
            run = m.group()
            if run in skip:
                continue
            rs = m.start()
            if zones:
                while z < len(zones) and zones[z][1] <= rs:
                    z += 1
                if z < len(zones) and zones[z][0] <= rs:
                    if zones[z][2]:
                        self.headlines.append((source, rs, run))
                    continue
            # The first word of a sentence, line or quotation: its capital proves nothing.
            i = rs - 1
            while i >= start and text[i] in openers:
                i -= 1
            initial = i < start or text[i] in terminal
            after_the = " and " in run and text[rs - 4 : rs] == "the "
            cache = caches[initial + 2 * after_the]
            entry = cache.get(run)
            if entry is None:
                entry = cache[run] = self._entry(run, initial, after_the)
            pieces, defines = entry
            for ps, fid, key, multi, weak_votes, length in pieces:
                s = rs + ps
                if weak_votes is not None and sampled.get(key, 0) < _WEAK_SAMPLE:
                    self._weak(text, s, s + length, key, weak_votes, multi)
                buckets[fid].append(s)
            if defines is not None and text.startswith(DEFINITION_STARTS, m.end()):
                self._definition(text, m.end(), end, defines, buckets)

    def _entry(self, run: str, initial: bool, after_the: bool) -> tuple[tuple, Piece | None]:
        """A run's pieces, flattened for the hot loop, and the piece an acronym may define."""
        pieces = self.analyser.analyse(run, initial, after_the)
        flat = []
        for p in pieces:
            strong = tuple((t, w) for t, w in p.votes if w >= STRONG)
            strong_sig = (p.key, strong) if strong and not p.ambiguous else None
            weak = p.votes if not strong and not p.ambiguous else None
            length = p.end - p.start
            fid = self.form_id(p.key, p.surface, p.ambiguous, p.multi, length)
            if strong_sig is not None:
                self.strong_forms[fid] = strong_sig
            flat.append((p.start, fid, p.key, p.multi, weak, length))
        defines = pieces[-1] if pieces and pieces[-1].end == len(run) else None
        return tuple(flat), defines

    def _weak(
        self, text: str, s: int, e: int, key: str, votes: tuple, multi: bool
    ) -> None:
        self.sampled[key] = self.sampled.get(key, 0) + 1
        context = _context_votes(text, s, e, not multi)
        self._count(key, votes, context)
        if self.samples is not None:
            self.samples.setdefault(key, []).append((*votes, *context))

    def shard(self) -> MinedShard:
        return (
            self.groups, self.forms, self.headlines, self.definitions, self.strong,
            self.samples or {},
        )

    def absorb(self, later: MinedShard) -> None:
        """Add what another miner found in the documents after this one's, as if this
        miner had gone on to mine them itself."""
        groups, forms, headlines, definitions, strong, samples = later
        self.groups.extend(groups, [self.form_id(*form) for form in forms])
        self.headlines.extend(headlines)
        self.definitions.extend(definitions)
        for sig, n in strong.items():
            self.strong[sig] = self.strong.get(sig, 0) + n
        sampled = self.sampled
        for key, hints in samples.items():
            for votes in hints[: _WEAK_SAMPLE - sampled.get(key, 0)]:
                sampled[key] = sampled.get(key, 0) + 1
                self._count(key, votes)

    def _count(self, key: str, *hints: tuple[tuple[str, int], ...]) -> None:
        c = self.weak.get(key)
        if c is None:
            c = self.weak[key] = {}
        for votes in hints:
            for t, w in votes:
                c[t] = c.get(t, 0) + w

    def _definition(
        self, text: str, pos: int, end: int, piece: Piece, buckets: dict[int, list[int]]
    ) -> None:
        d = DEFINITION.match(text, pos, end)
        if d and _initials_match(d.group(1), piece.surface):
            acr = d.group(1)
            fid = self.form_id(fold(acr), acr, False, False, len(acr))
            buckets[fid].append(d.start(1))
            self.definitions.append((fold(acr), piece.key))

    def done(self) -> None:
        """Let go of what only mining needs: the memos of runs and words (a fifth of
        what a large corpus's mining holds), before the merge makes the entities."""
        self.caches = ({}, {}, {}, {})
        self.strong_forms = {}
        self.analyser.forget()

    def votes(self) -> dict[str, _Votes]:
        """Every name's votes; strong ones also under ``("!", type)`` for :func:`_winner`.

        Made of the weak votes' own dicts (the miner is done with them); a name without
        votes reads as an empty dict.
        """
        out: dict[str, _Votes] = defaultdict(dict)
        out.update(self.weak)
        for (key, strong), n in self.strong.items():
            c = out[key]
            for t, w in strong:
                c[t] = c.get(t, 0) + w * n
                c["!", t] = c.get(("!", t), 0) + w * n
        return out


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _initials_match(acronym: str, expansion: str) -> bool:
    letters = acronym.replace(".", "").rstrip("s").upper()
    words = [w for w in re.split(r"[\s-]+", expansion) if w]
    caps = _initials(words).upper()
    if letters == caps:
        return True
    # Loose: the acronym's letters appear in order among the words' letters.
    pool = "".join(words).upper()
    i = 0
    for ch in letters:
        i = pool.find(ch, i)
        if i < 0:
            return False
        i += 1
    return letters[:1] == caps[:1] and len(letters) >= 2


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


_NO_VOTES: _Votes = {}


def _winner(counter: _Votes) -> str:
    """The type a name's votes give; strong evidence outweighs any number of weak hints.

    Strong votes are kept under ``("!", type)`` keys next to the plain totals.
    """
    if not counter:
        return ORG
    # (called for each of a large archive's two hundred thousand names: plain loops, the
    # first type in TYPES winning a tie)
    best, best_score = ORG, None
    for t, strong_key in _STRONG_KEYS:
        score = (counter.get(strong_key, 0), counter.get(t, 0))
        if best_score is None or score > best_score:
            best, best_score = t, score
    return best


_STRONG_KEYS = tuple((t, ("!", t)) for t in TYPES)


def extract_entities(
    documents: list[Document],
    aliases: dict[str, list[str]] | None = None,
    ignore: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    later: Callable[[], MinedShard] | None = None,
) -> list[Entity]:
    """Entities of the documents' body text, sorted by mention count (desc), then name.

    ``later``, if given, returns what :func:`mine_shard` found in the documents that
    follow ``documents`` (mined elsewhere meanwhile): the result is then that of all of
    them, exactly as if mined here in order.
    """
    with no_collector():
        with folding():  # (names are folded once each, and the memo goes with the build)
            entities = _extract(documents, aliases, ignore, progress, later)
        return _compacted(entities)


def mine_shard(documents: list[Document]) -> MinedShard:
    """Mine a later run of a corpus's documents for ``extract_entities(later=...)``."""
    with no_collector(), folding():
        miner = _Miner(load_gazetteer())
        miner.samples = {}
        for doc in documents:
            miner.mine(doc)
        return miner.shard()


def _compacted(entities: list[Entity]) -> list[Entity]:
    """The same entities made anew, in this list, now that the build's memory is free.

    Their names were cut while mining and the rest made while merging, each among
    millions of short-lived objects. Kept as they are, the entities of a 10,000-article
    archive (45 MB) are spread over nearly every 1 MB arena the small-object allocator
    took during the build, and hold 300 MB. Here they are moved into a few large
    buffers (which that allocator does not hold), freed, and made again side by side.
    (Every step but the last is a C loop.)
    """
    names = list(map(attrgetter("name"), entities))
    types = list(map(attrgetter("type"), entities))
    alias_counts = array("q", [len(e.aliases) for e in entities])
    aliases = [a for e in entities if e.aliases for a in e.aliases]
    found = list(map(attrgetter("mentions._sources"), entities))
    source_counts = array("q", map(len, found))
    sources = list(chain.from_iterable(found))
    datas = list(map(attrgetter("mentions._data"), entities))
    codes = list(map(attrgetter("typecode"), datas))
    sizes = array("q", [len(d) * d.itemsize for d in datas])
    all_data = b"".join(datas)
    name_text, name_lengths = joined(names)
    alias_text, alias_lengths = joined(aliases)
    # (sources are documents' ids; those of documents mined in another process were
    # unpickled here during the build, so they are made anew too)
    distinct = list(dict.fromkeys(sources))
    source_text, source_lengths = joined(distinct)
    numbers = {source: n for n, source in enumerate(distinct)}
    owners = array("q", map(numbers.__getitem__, sources))
    del names, aliases, found, sources, datas, distinct, numbers
    entities.clear()  # the old objects go here, before any new one is made
    # A full collection also empties the interpreter's free lists: the thousands of
    # tuples and lists they keep for reuse are the build's, and would pin its arenas.
    gc.collect()

    copies = cut(source_text, source_lengths)
    sources = list(map(copies.__getitem__, owners))
    del copies, owners
    aliases = cut(alias_text, alias_lengths)
    view = memoryview(all_data)
    name_at = alias_at = byte_at = source_at = 0
    alone: dict[str, tuple[str]] = {}
    for etype, n, alias_count, code, size, source_count in zip(
        types, name_lengths, alias_counts, codes, sizes, source_counts
    ):
        name = name_text[name_at : name_at + n]
        name_at += n
        data = array(code)
        data.frombytes(view[byte_at : byte_at + size])
        byte_at += size
        mentions = Mentions.__new__(Mentions)
        if source_count == 1:  # (as two thirds are: one tuple for each document)
            found_in = alone.get(sources[source_at])
            if found_in is None:
                found_in = alone[sources[source_at]] = (sources[source_at],)
        else:
            found_in = tuple(sources[source_at : source_at + source_count])
        mentions._sources = found_in
        mentions._data = data
        source_at += source_count
        entities.append(Entity(name, etype, aliases[alias_at : alias_at + alias_count], mentions))
        alias_at += alias_count
    view.release()
    return entities


def _extract(
    documents: list[Document],
    aliases: dict[str, list[str]] | None,
    ignore: list[str] | None,
    progress: Callable[[int, int], None] | None,
    later: Callable[[], MinedShard] | None = None,
) -> list[Entity]:
    gaz = load_gazetteer()
    miner = _Miner(gaz)
    total = len(documents)
    for i, doc in enumerate(documents):
        miner.mine(doc)
        if progress and (i % 500 == 0 or i == total - 1):
            progress(i + 1, total)
    if later is not None:
        miner.absorb(later())
    miner.done()
    votes = miner.votes()
    known = set(votes)
    winners = {k: _winner(c) for k, c in votes.items()}
    groups = miner.groups
    kept = _resolve_people(groups, miner.forms, miner.form_id, votes, winners, known, gaz)
    # Headlines: only names already met where capitals carry meaning.
    for source, rs, run in miner.headlines:
        for form, start in _resolve_headline(rs, run, known, gaz):
            key = form[0]
            if key not in votes:
                votes[key] = {PLACE: 10, ("!", PLACE): 10}
                winners[key] = PLACE
            fid = miner.form_id(*form)
            kept.append((groups.add(groups.number(source), fid, [start]), fid))
    return _merge(
        groups, miner.forms, kept, votes, miner.definitions, gaz, aliases or {},
        ignore or [], winners,
    )


class _Kept:
    """The groups that make entities, in order: each one's index among the mined groups
    and its form (another than it was mined with when the name turned out to be a
    person's), in two arrays rather than a tuple each."""

    __slots__ = ("index", "form")

    def __init__(self) -> None:
        self.index = array("i")
        self.form = array("i")

    def append(self, group: tuple[int, int]) -> None:
        self.index.append(group[0])
        self.form.append(group[1])

    def __len__(self) -> int:
        return len(self.index)


def _resolve_people(
    groups: _Groups,
    forms: list[_Form],
    form_id: Callable[[str, str, bool, bool, int], int],
    votes: dict[str, _Votes],
    winners: dict[str, str],
    known: set[str],
    gaz: Gazetteer,
) -> _Kept:
    """Settle single words: a surname joins its person, an unproven word needs evidence.

    ``form_id`` numbers the forms of groups given another name (and adds to ``forms``).
    """
    person_keys = {k for k, t in winners.items() if t == PERSON and " " in k}
    # What each form's groups tell of their documents, worked out once per form:
    # form → (key, parts), for the short forms of a name and the parts of a person's.
    short_forms: dict[int, tuple[str, tuple[str, ...]]] = {}
    person_parts: dict[int, tuple[str, tuple[str, ...], str | None]] = {}
    for fid, (key, surface, _amb, multi, _n) in enumerate(forms):
        if not multi:
            continue
        # Only a name built on a head noun has short forms: "Nordwind Airlines" gives
        # "Nordwind" and "Airlines"; "North Korea Officials" gives none.
        if key[key.rfind(" ") + 1 :] in _HEADS and winners.get(key) in (ORG, PLACE):
            # only a word also met alone can be a short form
            parts = tuple(
                part for part in (key[: key.find(" ")], key[key.rfind(" ") + 1 :])
                if part in known
            )
            if parts:
                short_forms[fid] = (key, parts)
        if key in person_keys:
            words = surface.split()
            particle = None
            # "De Vries" opening a sentence is the "de Vries" of "Marieke de Vries".
            for i in range(1, len(words) - 1):
                if words[i].islower():
                    particle = fold(" ".join(words[i:]))
                    break
            person_parts[fid] = (key, (fold(words[0]), fold(words[-1])), particle)
    # Whose part a word is: the one name's key, or _SEVERAL. (A set for each word of
    # each document held a hundred megabytes at 10,000 articles, to say "one" or "more".)
    # (keyed by document number: one per document id, as good as the id)
    doc_people: dict[tuple[int, str], object] = {}
    corpus_people: dict[str, object] = {}
    doc_names: dict[tuple[int, str], object] = {}  # organisations, places
    if short_forms or person_parts:
        for doc, fid in zip(groups.doc, groups.form):
            short = short_forms.get(fid)
            if short is not None:
                key, parts = short
                for part in parts:
                    _one_or_several(doc_names, (doc, part), key)
            person = person_parts.get(fid)
            if person is not None:
                key, parts, particle = person
                for part in parts:
                    _one_or_several(doc_people, (doc, part), key)
                    _one_or_several(corpus_people, part, key)
                if particle is not None:
                    _one_or_several(doc_people, (doc, particle), key)

    def settle(fid: int, doc: int) -> int:
        """The form a group of this form in this document is kept as; -1 to drop it."""
        key, surface, ambiguous, multi, length = forms[fid]
        if multi:
            one = doc_people.get((doc, key))
            if isinstance(one, str) and one != key:
                return form_id(one, surface, False, multi, length)
            return fid
        people = doc_people.get((doc, key))
        place = gaz.place(key)
        major = bool(place and place[1])
        if people is None and not place and (not ambiguous or key in known):
            # A short form of one name in the document: "Nordwind" of "Nordwind Airlines",
            # "Rovers" of "Harbourside Rovers". Places keep their own name ("Manchester"),
            # and a word whose capital proves nothing must be met where it does.
            people = doc_names.get((doc, key))
        if ambiguous:
            if isinstance(people, str):
                key = people
            elif key not in known and not major:
                return -1
        elif key not in gaz.countries:
            if isinstance(people, str) and not major:
                key = people
            elif key not in person_keys and not place and winners.get(key) != PLACE:
                everyone = corpus_people.get(key)
                if isinstance(everyone, str) and votes[key].get(("!", ORG), 0) == 0:
                    key = everyone
        return fid if key == forms[fid][0] else form_id(key, surface, False, multi, length)

    # Most forms are settled the same in every document: those whose key is no part of
    # a name in any (no document number is -1, so it stands for "none").
    in_documents = {part for _doc, part in doc_people} | {part for _doc, part in doc_names}
    settled: list[int | None] = [
        None if key in in_documents else settle(fid, -1)
        for fid, (key, *_rest) in enumerate(forms)
    ]
    kept = _Kept()
    index, kept_forms = kept.index, kept.form
    for i, (doc, fid) in enumerate(zip(groups.doc, groups.form)):
        new = settled[fid]
        if new is None:
            new = settle(fid, doc)
        if new >= 0:
            index.append(i)
            kept_forms.append(new)
    return kept


_SEVERAL = object()


def _one_or_several(table: dict[Any, object], where: Any, key: str) -> None:
    """Note that the word at ``where`` is part of the name ``key``."""
    had = table.get(where)
    if had is None:
        table[where] = key
    elif had != key:
        table[where] = _SEVERAL


def _resolve_headline(
    run_start: int, run: str, known: set[str], gaz: Gazetteer
) -> list[tuple[_Form, int]]:
    """Names inside a headline run, the longest known names or major places, left to
    right: each one's form and offset."""
    tokens, _joiners = run_tokens(run)
    out: list[tuple[_Form, int]] = []
    i = 0
    while i < len(tokens):
        for n in range(min(6, len(tokens) - i), 0, -1):
            s, e = tokens[i][0], tokens[i + n - 1][1]
            surface = run[s:e]
            m = POSSESSIVE.search(surface)
            if m:
                e -= len(m.group()) if m.group()[0] in "'’" else 1
                surface = run[s:e]
            key = fold(surface)
            place = gaz.place(key)
            hit = key if key in known else (fold(place[0]) if place and place[1] else None)
            if hit and surface.strip():
                out.append(((hit, surface, False, n > 1, e - s), run_start + s))
                i += n
                break
        else:
            i += 1
    return out


def _merge(
    groups: _Groups,
    forms: list[_Form],
    kept: _Kept,
    votes: dict[str, _Votes],
    definitions: list[tuple[str, str]],
    gaz: Gazetteer,
    aliases: dict[str, list[str]],
    ignore: list[str],
    winners: dict[str, str],
) -> list[Entity]:
    uf = _Union()
    sizes = groups.sizes()
    # Each form's mention count, in order of first group; then each name's forms and
    # their counts, in order of first mention (as if counted group by group).
    # (plain dicts: a Counter per name costs more than the counting)
    counts: dict[int, int] = {}
    for i, fid in zip(kept.index, kept.form):
        counts[fid] = counts.get(fid, 0) + sizes[i]
    surfaces: dict[str, dict[str, int]] = {}
    for fid, n in counts.items():
        key, surface = forms[fid][:2]
        named = surfaces.get(key)
        if named is None:
            surfaces[key] = {surface: n}
        else:
            named[surface] = named.get(surface, 0) + n
    for acr, exp in definitions:
        if acr in surfaces and exp in surfaces:
            uf.union(acr, exp)
    # Acronyms with a single expansion among the names: NSC ↔ National Security Council.
    by_initials: dict[str, set[str]] = defaultdict(set)
    acronyms: list[str] = []
    for key, named in surfaces.items():
        form = _most_common(named)
        words = form.split()
        if len(words) >= 2 and winners.get(key) != PERSON:
            caps = [w for w in words if w[:1].isupper()]
            if len(caps) >= 2:
                by_initials[_initials(caps).upper()].add(key)
        elif len(words) == 1 and is_acronym(form) and key not in gaz.places:
            acronyms.append(key)
    for key in acronyms:
        form = _most_common(surfaces[key]).replace(".", "")
        found = by_initials.get(form.rstrip("s").upper(), set())
        if len(found) == 1:
            uf.union(key, next(iter(found)))
    # Config aliases: every listed name joins the canonical one.
    forced: dict[str, str] = {}
    for canonical, names in aliases.items():
        ck = fold(canonical)
        forced[ck] = canonical
        for n in names:
            uf.union(fold(n), ck)
    _fuzzy(uf, surfaces, winners, gaz, {fold(n) for names in aliases.values() for n in names})

    # Each root's kept groups, by their place in ``kept``: root n's are
    # ``grouped[ends[n - 1]:ends[n]]``, the roots numbered in order of first group. In
    # arrays, and what is done with let go as the entities are made, which then take its
    # memory: a list of boxed numbers for each of a hundred thousand roots (at 10,000
    # articles) was the peak of the whole build.
    roots = {key: uf.find(key) for key in surfaces}
    del uf
    numbers: dict[str, int] = {}
    root_number = [0] * len(forms)
    for fid in dict.fromkeys(kept.form):  # (each form once, in order of first group)
        root = roots[forms[fid][0]]
        n = numbers.get(root)
        if n is None:
            n = numbers[root] = len(numbers)
        root_number[fid] = n
    joined = {root for key, root in roots.items() if key != root}
    del roots, counts
    of_group = array("i", map(root_number.__getitem__, kept.form))
    del root_number
    ends = array("q", bytes(8 * len(numbers)))
    for n in of_group:
        ends[n] += 1
    at = 0
    for n, size in enumerate(ends):
        ends[n] = at  # (where root n's groups start, until they are placed)
        at += size
    grouped = array("i", bytes(4 * len(of_group)))
    for j, n in enumerate(of_group):
        grouped[ends[n]] = j
        ends[n] += 1
    del of_group
    ignored = {fold(x) for x in ignore}
    entities: list[Entity] = []
    begin = 0
    for root, end in zip(numbers, ends):
        members = grouped[begin:end]
        begin = end
        if root not in joined:
            # a name of its own, as most are: its forms were counted above, in the order
            # of the same groups
            member_keys = {root}
            etype = winners.get(root, ORG)
            named = surfaces.pop(root)
        else:
            member_keys = {forms[kept.form[j]][0] for j in members}
            if len(member_keys) == 1:
                etype = winners.get(next(iter(member_keys)), ORG)
            else:
                tally: Counter = Counter()
                for k in member_keys:
                    tally.update(votes.get(k, _NO_VOTES))
                etype = _winner(tally)
            named = {}
            for j in members:
                surface = forms[kept.form[j]][1]
                named[surface] = named.get(surface, 0) + sizes[kept.index[j]]
        name = _display_name(member_keys, named, etype, forced, gaz)
        alias_list = sorted({f for f in named if f != name}, key=lambda f: (-named[f], f))
        if ignored and ignored & ({fold(name)} | {fold(a) for a in alias_list} | member_keys):
            continue
        entities.append(Entity(name, etype, alias_list, _mentions(groups, forms, kept, members)))
    # by (-count, folded name, name), as three stable sorts: a key tuple for each of a
    # hundred thousand entities would be the merge's largest table at its very end
    entities.sort(key=attrgetter("name"))
    entities.sort(key=lambda e: e.name.casefold())
    entities.sort(key=lambda e: -e.count)
    return entities


def _mentions(
    groups: _Groups, forms: list[_Form], kept: _Kept, members: Sequence[int]
) -> Mentions:
    """Mentions in document order, each span once (an acronym's definition can repeat one)."""
    sources, docs, bounds, starts = groups.sources, groups.doc, groups.bounds, groups.starts
    if len(members) == 1:
        # one form in one document: already in text order, no repeats
        j = members[0]
        i = kept.index[j]
        return Mentions.in_one_source(
            sources[docs[i]], starts[bounds[i] : bounds[i + 1]], forms[kept.form[j]][4]
        )
    out: list[tuple[str, int, int]] = []
    for j in members:
        i = kept.index[j]
        source, length = sources[docs[i]], forms[kept.form[j]][4]
        out.extend([(source, st, st + length) for st in starts[bounds[i] : bounds[i + 1]]])
    out.sort()  # (before removing repeats: the groups come nearly in order, a set would not)
    return Mentions(list(dict.fromkeys(out)))


def _most_common(forms: dict[str, int]) -> str:
    """The most frequent form, the first met among equals (as Counter.most_common(1))."""
    return max(forms.items(), key=itemgetter(1))[0]


def _display_name(
    keys: set[str], forms: dict[str, int], etype: str, forced: dict[str, str], gaz: Gazetteer
) -> str:
    for k in keys:
        if k in forced:
            return forced[k]
    if etype == PLACE:
        for k in sorted(keys):
            place = gaz.place(k)
            if place and fold(place[0]) == k:
                return place[0]
    candidates = forms
    if etype == PERSON:
        multi = {f: c for f, c in forms.items() if " " in f}
        if multi:
            candidates = multi
    return max(candidates, key=lambda f: (candidates[f], not f.isupper() or len(f) <= 8,
                                          len(f), f))


def _fuzzy(
    uf: _Union,
    surfaces: dict[str, Counter],
    winners: dict[str, str],
    gaz: Gazetteer,
    extra: Iterable[str] = (),
) -> None:
    """Join near-duplicate spellings ("Defence"/"Defense") among the distinct names."""
    # Blocks: same word count, same initials, same first two letters. Spelling variants
    # ("Defence"/"Defense", "Kyeong"/"Kyung") agree on these, and the blocks stay small.
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in {*surfaces, *extra}:
        if key in gaz.places or len(key) < 7:
            continue
        words = key.split()
        initials = "".join(w[0] for w in words) if len(words) > 1 else key[-1]
        blocks[(key[:2], initials)].append(key)
    for block in blocks.values():
        if len(block) < 2:
            continue
        block.sort()
        for i, key in enumerate(block[:-1]):
            for _match, _score, j in process.extract(
                key, block[i + 1 :], scorer=fuzz.ratio, score_cutoff=92, limit=None
            ):
                other = block[i + 1 + j]
                if winners.get(key, winners.get(other)) != winners.get(other, winners.get(key)):
                    continue
                uf.union(key, block[i + 1 + j])
