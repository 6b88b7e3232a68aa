"""Merging the mined names into entities: each name's type from its votes, the aliases
joined (acronyms with their expansions, the config's aliases, near-duplicate spellings),
and each entity's display name, aliases and mentions."""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from operator import attrgetter, itemgetter

import numpy as np
from rapidfuzz import fuzz, process

from tui.entities.groups import _Form, _Groups, _Votes
from tui.entities.model import Entity, Mentions
from tui.entities.people import _Kept
from tui.entities.shapes import _initials
from tui.nlp.lexicon import ORG, PERSON, PLACE, TYPES
from tui.nlp.name_runs import is_acronym
from tui.nlp.places import Gazetteer, fold


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
        for other in names:
            uf.union(fold(other), ck)
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
        number = numbers.get(root)
        if number is None:
            number = numbers[root] = len(numbers)
        root_number[fid] = number
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
    order = _SourceOrder(groups.sources)
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
        entities.append(
            Entity(name, etype, alias_list, _mentions(groups, forms, kept, members, order))
        )
    # by (-count, folded name, name), as three stable sorts: a key tuple for each of a
    # hundred thousand entities would be the merge's largest table at its very end
    entities.sort(key=attrgetter("name"))
    entities.sort(key=lambda e: e.name.casefold())
    entities.sort(key=lambda e: -e.count)
    return entities


# From this many mentions up, an entity's mentions are put in order as columns of
# numbers: the order of the tuples, without a tuple for each of a country's hundreds of
# thousands of mentions (at 100,000 articles the tuples took a fifth of the merge).
_COLUMNS_FROM = 256


def _mentions(
    groups: _Groups, forms: list[_Form], kept: _Kept, members: Sequence[int],
    order: _SourceOrder,
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
    index = kept.index
    if sum(bounds[index[j] + 1] - bounds[index[j]] for j in members) >= _COLUMNS_FROM:
        return _mentions_in_columns(groups, forms, kept, members, order)
    out: list[tuple[str, int, int]] = []
    for j in members:
        i = index[j]
        source, length = sources[docs[i]], forms[kept.form[j]][4]
        out.extend([(source, st, st + length) for st in starts[bounds[i] : bounds[i + 1]]])
    out.sort()  # (before removing repeats: the groups come nearly in order, a set would not)
    return Mentions(list(dict.fromkeys(out)))


class _SourceOrder:
    """The documents' ids in sorted order, and each document's place among them: the
    order that sorting (source, start, end) tuples puts mentions in. Made when first
    asked for (most corpora have no entity large enough to need it)."""

    def __init__(self, sources: list[str]) -> None:
        self.sources = sources
        self._made: tuple[list[str], np.ndarray] | None = None

    def made(self) -> tuple[list[str], np.ndarray]:
        if self._made is None:
            by_rank = sorted(range(len(self.sources)), key=self.sources.__getitem__)
            rank = np.empty(len(by_rank), dtype=np.int64)
            rank[by_rank] = np.arange(len(by_rank), dtype=np.int64)
            self._made = [self.sources[n] for n in by_rank], rank
        return self._made


def _mentions_in_columns(
    groups: _Groups, forms: list[_Form], kept: _Kept, members: Sequence[int],
    order: _SourceOrder,
) -> Mentions:
    """:func:`_mentions` of a large entity, as columns: sorted by document id, start and
    end, repeats dropped, exactly as the tuples would be."""
    by_rank, rank = order.made()
    index = np.array([kept.index[j] for j in members], dtype=np.int64)
    bounds = np.frombuffer(groups.bounds, dtype=np.int64)
    lows, highs = bounds[index], bounds[index + 1]
    starts = np.frombuffer(groups.starts, dtype=np.dtype(groups.starts.typecode))
    begins = np.concatenate(
        [starts[a:b] for a, b in zip(lows.tolist(), highs.tolist())]
    ).astype(np.int64)
    counts = highs - lows
    lengths = np.array([forms[kept.form[j]][4] for j in members], dtype=np.int64)
    owners = np.repeat(rank[np.frombuffer(groups.doc, dtype=np.int32)[index]], counts)
    ends = begins + np.repeat(lengths, counts)
    at = np.lexsort((ends, begins, owners))
    owners, begins, ends = owners[at], begins[at], ends[at]
    first = np.ones(len(at), dtype=bool)
    first[1:] = (owners[1:] != owners[:-1]) | (begins[1:] != begins[:-1]) | (ends[1:] != ends[:-1])
    owners, begins, ends = owners[first], begins[first], ends[first]
    distinct, numbered = np.unique(owners, return_inverse=True)
    out = Mentions.__new__(Mentions)
    out._sources = tuple(by_rank[r] for r in distinct.tolist())
    columns = [begins, ends, numbered.astype(np.int64)] if len(distinct) > 1 else [begins, ends]
    data = np.concatenate(columns)
    wide = data.max() >= 1 << 31 or data.min() < -(1 << 31)
    out._data = array("q" if wide else "i", data.astype(np.int64 if wide else np.int32).tobytes())
    return out


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
        # a full name, not the family names it ends in ("De Vries", "López Obrador"),
        # however often the article calls the person by those alone
        tails = {
            f[i + 1 :].casefold() for f in forms if " " in f for i, c in enumerate(f) if c == " "
        }
        multi = {f: c for f, c in forms.items() if " " in f and f.casefold() not in tails}
        if multi:
            candidates = multi
    return max(candidates, key=lambda f: (candidates[f], not f.isupper() or len(f) <= 8,
                                          len(f), f))


def _fuzzy(
    uf: _Union,
    surfaces: dict[str, dict[str, int]],
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
        if len(block) <= FUZZY_WINDOW + 1:
            _join_near(uf, winners, block, len(block))
            continue
        # A crowded block (a large archive's): each name meets the FUZZY_WINDOW after it
        # in two orders, of the names and of the names read backwards (the sorted
        # neighbourhood of record linkage), so that a spelling that differs early or
        # late still meets its twin, and the work grows with the block, not its square.
        _join_near(uf, winners, block, FUZZY_WINDOW)
        block.sort(key=lambda key: key[::-1])
        _join_near(uf, winners, block, FUZZY_WINDOW)


# The names a name is compared with in a crowded block of _fuzzy (see there).
FUZZY_WINDOW = 50


def _join_near(uf: _Union, winners: dict[str, str], block: list[str], window: int) -> None:
    """Join each name of ``block`` to the near-identical ones among the ``window``
    after it, where their types agree.

    The scores come a band of _BAND names at a time, each against the names from the
    next one to the window after the band's last, in one matrix (most blocks are a
    few names, and a call for each name cost more than its comparisons); each name's
    matches are then joined as ``process.extract`` gives them, best first and the
    first met among equals, so the unions are made in the same order."""
    n = len(block)
    for a in range(0, n - 1, _BAND):
        b = min(n - 1, a + _BAND)
        scores = process.cdist(
            block[a:b], block[a + 1 : min(n, b + window)], scorer=fuzz.ratio,
            score_cutoff=92, dtype=np.float64,
        )
        rows, columns = np.nonzero(scores)  # (row by row, each row's in order)
        matches: dict[int, list[tuple[int, float]]] = {}
        for r, c in zip(rows.tolist(), columns.tolist()):
            if c < r or c >= r + window:
                continue  # (a name before this one, or past its window)
            matches.setdefault(a + r, []).append((a + 1 + c, scores[r, c]))
        for i, found in matches.items():
            key = block[i]
            found.sort(key=lambda match: -match[1])
            for j, _score in found:
                other = block[j]
                if winners.get(key, winners.get(other)) != winners.get(other, winners.get(key)):
                    continue
                uf.union(key, other)


# The names of a block whose scores _join_near takes in one matrix.
_BAND = 64
