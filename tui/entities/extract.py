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

This module runs the stages, each in a module of its own: :mod:`tui.entities.mining`
finds the candidates, :mod:`tui.entities.people` settles single words and headlines,
:mod:`tui.entities.merge` joins the aliases into :mod:`tui.entities.model`'s entities.
Between mining and the merge, :mod:`tui.entities.retyping` takes a second look at the
types the votes gave, against what the whole corpus shows.
"""

from __future__ import annotations

import gc
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import chain, compress
from operator import attrgetter

from tui.corpus.document import Document
from tui.entities.groups import _Form, _Groups
from tui.entities.merge import _merge, _winner
from tui.entities.mining import MinedShard, _Miner, mined
from tui.entities.mining import shards as cut_shards
from tui.entities.model import Entity, Mentions
from tui.entities.people import _Kept, _resolve_headline, _resolve_people
from tui.entities.readings import keeping_readings
from tui.entities.retyping import (
    _coinages_are_no_organisation,
    _colours_are_surnames,
    _common_words_are_no_organisation,
    _common_words_are_no_person,
    _given_names_alone_are_people,
    _groups_are_no_organisation,
    _media_are_no_organisation,
    _plurals_are_no_organisation,
    _surnames_alone_are_people,
    _surnames_are_no_small_places,
    _teams_are_no_people,
)
from tui.nlp.given_names import is_given_name
from tui.nlp.lexicon import AFFILIATIONS, DATE_NAMES, DEMONYMS, OFFICE_QUALIFIERS, PERSON, PLACE
from tui.nlp.places import Gazetteer, folding, load_gazetteer
from tui.util.collector import no_collector
from tui.util.packing import cut, joined

__all__ = ["extract_entities"]


def extract_entities(
    documents: list[Document],
    aliases: dict[str, list[str]] | None = None,
    ignore: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    shards: Iterable[MinedShard] = (),
) -> list[Entity]:
    """Entities of the documents' body text, sorted by mention count (desc), then name.

    ``shards``, if given, are what :func:`mine_shard` found in the runs of documents that
    follow ``documents``, in corpus order (mined elsewhere, each run after the one
    before; ``documents`` may be empty), each run one of
    :func:`~tui.entities.mining.shards`: the result is then that of all of them, exactly
    as if mined here. Each shard is taken in as the iterable yields it.
    """
    with no_collector():
        with folding():  # (names are folded once each, and the memo goes with the build)
            entities = _extract(documents, aliases, ignore, progress, shards)
        return _compacted(entities)


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
    shards: Iterable[MinedShard] = (),
) -> list[Entity]:
    gaz = load_gazetteer()
    miner = _Miner(gaz)
    total = len(documents)
    done = 0
    # (a shard at a time, as a build on many processes mines them: see SHARD_DOCUMENTS)
    with keeping_readings():
        for part in cut_shards(documents):
            miner.absorb(mined(part))
            done += len(part)
            if progress:
                progress(done, total)
    for shard in shards:
        miner.absorb(shard)
    miner.done()
    votes = miner.votes()
    known = set(votes)
    winners = {k: _winner(c) for k, c in votes.items()}
    groups = miner.groups
    casing = miner.casing
    _colours_are_surnames(votes, winners, gaz)
    _common_words_are_no_person(votes, winners, casing, miner.sampled, groups, miner.forms)
    _given_names_alone_are_people(votes, winners, casing, miner.sampled, gaz)
    _common_words_are_no_organisation(votes, winners, casing)
    _surnames_alone_are_people(votes, winners, casing, miner.sampled, gaz)
    _media_are_no_organisation(votes, winners, miner.media)
    _groups_are_no_organisation(votes, winners, gaz)
    _teams_are_no_people(votes, winners, miner.sampled, casing)
    _plurals_are_no_organisation(votes, winners, casing)
    _coinages_are_no_organisation(votes, winners, casing)
    _surnames_are_no_small_places(votes, winners, gaz, groups, miner.forms)
    # Headlines: only names already met where capitals carry meaning, settled as the
    # body's are (a surname joins the document's person).
    first_headline = len(groups)
    for source, rs, run in miner.headlines:
        for form, start in _resolve_headline(rs, run, known, gaz, casing):
            key = form[0]
            if key not in votes:
                votes[key] = {PLACE: 10, ("!", PLACE): 10}
                winners[key] = PLACE
            groups.add(groups.number(source), miner.form_id(*form), [start])
    kept = _resolve_people(
        groups, miner.forms, miner.form_id, votes, winners, known, gaz, casing,
        first_headline,
    )
    _headlines_name_the_body(kept, groups, miner.forms, winners, first_headline, gaz)
    described = [
        key for key, etype in winners.items()
        if _describes(key) and not (etype == PERSON and _named_by_family(key))
    ]
    return _merge(
        groups, miner.forms, kept, votes, miner.definitions, gaz, aliases or {},
        [*(ignore or []), *described], winners,
    )


def _headlines_name_the_body(
    kept: _Kept,
    groups: _Groups,
    forms: list[_Form],
    winners: dict[str, str],
    first: int,
    gaz: Gazetteer,
) -> None:
    """Drop the headline mentions (groups ``first`` on) of a name other than a person's
    that its document's body does not mention: a headline names what the story is
    about in words of its own ("Obamacare Lawsuit Heads To Court"), and a word met as a
    name in other documents need not be one here. A person's surname in a headline has
    joined the person named in the body already, and a major place is one whatever
    the capitals (a wire story sent in capitals is all headline)."""
    index, kept_forms = kept.index, kept.form
    pos = bisect_left(index, first)  # (kept in group order: the headlines' come last)
    asked = set()
    for fid in set(kept_forms[pos:]):
        key = forms[fid][0]
        if winners.get(key) != PERSON and not gaz.is_major(key):
            asked.add(key)
    if not asked:
        return
    docs = groups.doc
    # (the body's groups of those names, found by C loops over a few hundred thousand)
    wanted = {fid for fid, form in enumerate(forms) if form[0] in asked}
    in_body = {
        (docs[index[n]], forms[kept_forms[n]][0])
        for n in compress(range(pos), map(wanted.__contains__, kept_forms[:pos]))
    }
    tail = [
        n for n in range(pos, len(index))
        if forms[kept_forms[n]][0] not in asked
        or (docs[index[n]], forms[kept_forms[n]][0]) in in_body
    ]
    if len(tail) < len(index) - pos:
        kept.index = index[:pos] + array("i", map(index.__getitem__, tail))
        kept.form = kept_forms[:pos] + array("i", map(kept_forms.__getitem__, tail))


def _named_by_family(key: str) -> bool:
    """A given name and one more word: "Ann French" names her, whatever "French" means
    alone (see Analyser._given_and_surname)."""
    words = key.split()
    return (
        len(words) == 2
        and words[1] not in AFFILIATIONS
        and words[0] not in OFFICE_QUALIFIERS
        and is_given_name(words[0])
    )


def _describes(key: str) -> bool:
    """A folded name that describes people rather than names one thing, and so is not
    listed, as party-member and nationality words are not: "Senate Republicans", "Iowa
    Republican", "Presumptive Democratic", "Former Florida" (a title's start) and the
    party-and-state tags after a legislator's name ("D-Mass.", "R-TX"); nor is a month
    or a day named alone, which no rule should have typed a place or a body."""
    words = key.split()
    if len(words) < 2:
        # a month or a day alone ("October", "Nov" of "On Nov. 4"), but not a month cut
        # short that is a given name too ("Jan")
        return key in DATE_NAMES and (len(key) > 3 or not is_given_name(key))
    if len(words) == 2 and words[0] in ("d", "r", "i") and len(words[1]) <= 5:
        return True
    last = words[-1]
    # (a demonym spelled out: "Un" ends "Kim Jong Un", and is no "UN")
    return (last in AFFILIATIONS or (len(last) > 3 and last in DEMONYMS)
            or words[0] in OFFICE_QUALIFIERS)
