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
"""

from __future__ import annotations

import gc
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import chain, compress
from operator import attrgetter

from tui.corpus.document import Document
from tui.entities.casing import Casing
from tui.entities.groups import _Form, _Groups, _Votes
from tui.entities.merge import _merge, _winner
from tui.entities.mining import MinedShard, _Miner, mined
from tui.entities.mining import shards as cut_shards
from tui.entities.model import Entity, Mentions
from tui.entities.people import _Kept, _resolve_headline, _resolve_people
from tui.entities.readings import keeping_readings
from tui.nlp.given_names import is_given_name, may_be_unlisted
from tui.nlp.lexicon import (
    AFFILIATIONS,
    COMMON_ABBREVIATIONS,
    DATE_NAMES,
    DEMONYMS,
    NON_PERSON_WORDS,
    OFFICE_QUALIFIERS,
    ORG,
    ORG_HEADS,
    OTHER,
    PERSON,
    PLACE,
    TYPES,
)
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


def _is_given_name_or_initial(word: str) -> bool:
    return len(word) <= 2 or (len(word) == 3 and word.endswith(".")) or is_given_name(word)


# Colours that are surnames too ("White", "Green"), which the analyser reads as a body's
# word ("Red Cross", "Green Party").
_COLOURS = frozenset("white black green brown gray grey red blue golden".split())


def _colours_are_surnames(
    votes: dict[str, _Votes], winners: dict[str, str], gaz: Gazetteer
) -> None:
    """A given name before a colour ("Ann White", "Tom Green") is a person's name: the
    analyser reads a colour as a body's word ("Green Party", "Red Cross"), and typed
    the name an organisation for it. Without strong evidence of a body, and with a
    given name that is no such word nor a place itself, it is a person's. (A given
    name before a city is not: firms and banks are named so.)"""
    for key, etype in winners.items():
        if etype != ORG or key.count(" ") != 1:
            continue
        v = votes[key]
        if any(isinstance(t, tuple) for t in v) or v.get(ORG, 0) > 2 * v.get(PERSON, 0) + 16:
            continue
        first, last = key.split(" ")
        if (
            last in _COLOURS
            and is_given_name(first)
            and first not in NON_PERSON_WORDS
            and gaz.place(first) is None
        ):
            votes[key] = {PERSON: 1}
            winners[key] = PERSON


def _common_words_are_no_person(
    votes: dict[str, _Votes], winners: dict[str, str], casing: Casing,
    sampled: dict[str, int] | None = None,
    groups: _Groups | None = None,
    forms: list[_Form] | None = None,
) -> None:
    """A name of common words ("Election Day", "Working Class", "Protecting Freedom")
    is a thing's, an event's or a heading's, not a person's: a person's first name or
    surname may be a common word ("Bill Clinton", "Todd Young"), rarely both. Such a
    name that only capitals call a person's is typed OTHER. (``sampled``: how many
    mentions of each name gave their weak hints.)"""
    sampled = sampled or {}
    unproven: list[str] = []
    for key, etype in winners.items():
        if etype != PERSON or " " not in key or votes[key].get(("!", PERSON)):
            continue
        first = key[: key.find(" ")]
        if casing.common(first) and casing.common(key[key.rfind(" ") + 1 :]):
            votes[key] = {OTHER: 1}
            winners[key] = OTHER
        elif not _is_given_name_or_initial(first) and not _described_as_a_person(
            votes[key], sampled.get(key, 0)
        ):
            unproven.append(key)
    # (only where the first word is no word of the language: "Team Dorrance", "Bashing
    # Dorrance" start with words the corpus writes in lower case, and "Mr. Dorrance" is
    # another's family name, in an article that may never give his in full)
    named = [
        key for key in unproven
        if key[: key.find(" ")] not in casing.lower and may_be_unlisted(key[: key.find(" ")])
    ]
    titled = (
        _titled_alone_beside(named, unproven, votes, winners, groups, forms)
        if named and groups is not None and forms is not None else set()
    )
    for key in unproven:
        if key in titled:
            continue
        # Nine in ten people named in full start with a given name; "Goldman Sachs",
        # "Evening Courier" and "Summer Showcase" do not. Without a title, a role or a
        # verb of speech for them, nor a title before their last word alone in the same
        # article ("Olusegun Quenby … Ms. Quenby": a given name the list lacks), only
        # their capitals called them a person.
        kind = ORG if votes[key].get(ORG) else OTHER
        votes[key] = {kind: 1}
        winners[key] = kind


def _titled_alone_beside(
    keys: list[str],
    unproven: list[str],
    votes: dict[str, _Votes],
    winners: dict[str, str],
    groups: _Groups,
    forms: list[_Form],
) -> set[str]:
    """The ``keys`` (full names) whose last word is met alone, in a document that names
    them in full, where that word has a title before it somewhere in the corpus more
    often than not ("Ms. Quenby"), and is no other person's surname: the name's family
    name, taken up by itself as news does a person's. (A surname someone else has,
    "Mr. Dorrance", says nothing of the words before it in "Bashing Dorrance" or
    "Team Dorrance".) ``unproven``: every full name being judged, ``keys`` among them. One pass
    over the groups."""
    judged = set(unproven)
    claimed = {
        key[key.rfind(" ") + 1 :] for key, etype in winners.items()
        if etype == PERSON and " " in key and key not in judged
    }
    last_of: dict[str, str] = {}
    for key in keys:
        last = key[key.rfind(" ") + 1 :]
        v = votes.get(last)
        if v and last not in claimed and (
            2 * v.get(("!", PERSON), 0) > sum(n for t, n in v.items() if t in TYPES)
        ):
            last_of[key] = last
    if not last_of:
        return set()
    lasts = set(last_of.values())
    docs_of: dict[str, set[int]] = {}
    for doc, fid in zip(groups.doc, groups.form):
        key = forms[fid][0]
        if key in last_of or key in lasts:
            docs_of.setdefault(key, set()).add(doc)
    return {
        key for key, last in last_of.items()
        if not docs_of.get(key, set()).isdisjoint(docs_of.get(last, ()))
    }


def _described_as_a_person(votes: _Votes, sampled: int) -> bool:
    """Whether the words around a name's sampled mentions called it a person's: a role
    before it ("host Ann Lee") or an appositive after it ("Ann Lee, a pollster"). The
    capitals of each mention give PERSON 3 and a verb of speech after it 1 more ("the
    bank said" too), so votes beyond 4 a mention hold one of those at least."""
    return sampled > 0 and votes.get(PERSON, 0) > 4 * sampled


def _given_names_alone_are_people(
    votes: dict[str, _Votes],
    winners: dict[str, str],
    casing: Casing,
    sampled: dict[str, int],
    gaz: Gazetteer,
) -> None:
    """A given name met alone ("Marit", "Ilse", "Piet") is a person called by her
    first name, not an organisation: when nothing but its capital typed it (no "the"
    before half its mentions, no title, no verb of reporting; see _only_its_capital),
    the corpus never writes it in lower case
    ("Rock", "Honor" and "Gang" are given names too) and it names no place."""
    counts = casing.counts
    for key, etype in winners.items():
        if etype != ORG or " " in key or not key.isalpha():
            continue
        v = votes[key]
        if not _only_its_capital(v, sampled.get(key, 0)):
            continue  # (other evidence, or "the" in front: "the Blaze")
        c = counts.get(key)
        if c is None or c[2] or not is_given_name(key) or gaz.place(key):
            continue
        if len(key) < 3 or casing.written_lower(key):
            continue  # ("MO", "Bear": an abbreviation, a word of the language)
        votes[key] = {PERSON: 1}
        winners[key] = PERSON


def _only_its_capital(v: _Votes, sampled: int) -> bool:
    """Whether a one-word name's votes (of ``sampled`` mentions) hold nothing but its
    capital's weak ORG, "the" before fewer than half its mentions, and weaker hints of
    a place ("in" before it): no evidence that it names a body."""
    weak_org = v.get(ORG, 0)
    # (each sampled mention gives ORG 1 for its capital, and 2 more after "the")
    if any(isinstance(t, tuple) for t in v) or weak_org > 2 * sampled:
        return False
    return not (v.get(PERSON) or v.get(OTHER) or v.get(PLACE, 0) >= weak_org)


def _surnames_alone_are_people(
    votes: dict[str, _Votes],
    winners: dict[str, str],
    casing: Casing,
    sampled: dict[str, int],
    gaz: Gazetteer,
) -> None:
    """A word met alone that is the surname of someone the corpus names in full with a
    given name first ("Mulder" of Piet Mulder) is that person called by surname, when
    nothing but its capital typed it a body: a lone capitalised word is a surname far
    more often than a firm's name. Not so for a word that "the" precedes in half its
    mentions or more ("the Beacon", "the Pelicans"), that starts the name of a body the
    corpus knows ("Mulder Holdings"), that the corpus writes in lower case, or that
    names a place."""
    surnames = set()
    firsts = set()
    for key, etype in winners.items():
        if " " not in key:
            continue
        first = key[: key.find(" ")]
        if etype == PERSON:
            if first.isalpha() and is_given_name(first):
                surnames.add(key[key.rfind(" ") + 1 :])
        elif etype == ORG:
            firsts.add(first)
    for key, etype in winners.items():
        if etype != ORG or key not in surnames or key in firsts:
            continue
        if not key.isalpha() or len(key) < 3:
            continue
        if not _only_its_capital(votes[key], sampled.get(key, 0)):
            continue
        if casing.written_lower(key) or gaz.place(key):
            continue
        if key in DEMONYMS or key in AFFILIATIONS or key in NON_PERSON_WORDS:
            continue
        votes[key] = {PERSON: 1}
        winners[key] = PERSON


def _common_words_are_no_organisation(
    votes: dict[str, _Votes], winners: dict[str, str], casing: Casing
) -> None:
    """A word the corpus also writes in lower case ("Week", "Record", "Facts",
    "Students"), in any of its documents, capitalised here as part of a title ("This
    Week", "Correct the Record") or as a heading's, is no organisation's name unless
    strong evidence says so: it is typed OTHER. So is the abbreviation of a common
    noun ("TV", "CEO"). Party words and nationalities keep their type ("Democratic" in
    "Democratic primary"): how they read is settled elsewhere. (An acronym's casing is
    not read: "WHO" is not the word "who".)"""
    for key, etype in winners.items():
        if etype != ORG or " " in key:
            continue
        v = votes[key]
        if v.get(("!", ORG)):
            continue
        if key not in COMMON_ABBREVIATIONS:
            if not casing.written_lower(key) or key in DEMONYMS or key in AFFILIATIONS:
                continue
        votes[key] = {OTHER: 1}
        winners[key] = OTHER


# The endings of the nouns for a place's people: "Parisian", "Torontonian",
# "Londoner", "Aucklander"; and what a place's name may lose before them.
_PEOPLE_ENDINGS = ("ian", "an", "n", "er", "ite")
_PLACE_ENDINGS = ("", "a", "e", "o", "s", "y", "ee")


def _people_of_a_place(key: str, gaz: Gazetteer) -> bool:
    """Whether the folded ``key`` is a plural noun for the people of a place or a
    nation ("Londoners", "Latinos"). (The singular is as often an adjective,
    "Parisian voters", as nationalities are: those are settled elsewhere.)"""
    if not key.endswith("s"):
        return False
    word = key[:-1]
    if (len(word) > 3 and word in DEMONYMS) or gaz.is_folded_demonym(word):
        return True
    for ending in _PEOPLE_ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if len(stem) >= 4 and any(gaz.place(stem + e) for e in _PLACE_ENDINGS):
                return True
    return False


def _groups_are_no_organisation(
    votes: dict[str, _Votes], winners: dict[str, str], gaz: Gazetteer
) -> None:
    """A name for a group of people is no body: the people of a place or a nation
    ("Londoners", "Latinos"), and the plural of the noun that heads a
    body's name ("Councils", "Centers"), which is a common noun met in a title or at a
    sentence's start. Typed OTHER unless strong evidence makes it an organisation."""
    for key, etype in winners.items():
        if etype != ORG or key in DEMONYMS or key in AFFILIATIONS or gaz.place(key):
            continue  # (party words and nationalities are settled elsewhere)
        v = votes[key]
        if v.get(("!", ORG)):
            continue
        single = key[:-1] if key.endswith("s") else ""
        if (
            single in ORG_HEADS
            or (single.endswith("e") and single[:-1] in ORG_HEADS)  # ("Churches")
            or _people_of_a_place(key, gaz)
        ):
            votes[key] = {OTHER: 1}
            winners[key] = OTHER


def _teams_are_no_people(
    votes: dict[str, _Votes], winners: dict[str, str], sampled: dict[str, int],
    casing: Casing,
) -> None:
    """A name of two words whose second is the plural of a common word, which the
    corpus writes alone after "the" in most of its mentions ("Carolina Hurricanes",
    "the Hurricanes"), is a team or a band, not a person, however its first word reads
    as a given name. A family name alone takes no article ("Banks said"), and a
    family's plural with one ("the Ricketts") is no common word's. Strong evidence of
    a person (a title) keeps it one."""
    for key, etype in list(winners.items()):
        if etype != PERSON or key.count(" ") != 1 or not key.endswith("s"):
            continue
        if votes[key].get(("!", PERSON)):
            continue
        last = key[key.find(" ") + 1 :]
        v, n = votes.get(last), sampled.get(last, 0)
        # (each sampled mention gives ORG 1 for its capital, and 2 more after "the")
        if not (v and n >= 2 and v.get(ORG, 0) > 2 * n and not v.get(PERSON)):
            continue
        if any(len(one) > 2 and one in casing.lower for one in _singulars(last)):
            votes[key] = {ORG: 1}
            winners[key] = ORG


def _singulars(plural: str) -> tuple[str, ...]:
    """The words a plural may be the plural of: less its "s", and less "es" too."""
    return (plural[:-1], plural[:-2]) if plural.endswith("es") else (plural[:-1],)


def _plurals_are_no_organisation(
    votes: dict[str, _Votes], winners: dict[str, str], casing: Casing
) -> None:
    """A plural whose singular is a common word ("Pelicans", "Skaters") names a group of
    people or things, not a body: a one-word name so formed is typed OTHER unless
    strong evidence makes it an organisation. (A plural written in lower case is
    settled with the common words already. A family's plural, "the Mulders", is left
    as it was: a household acts and is spoken of as one.)"""
    for key, etype in winners.items():
        if etype != ORG or " " in key or len(key) < 5 or not key.endswith("s"):
            continue
        if key in DEMONYMS or key in AFFILIATIONS or votes[key].get(("!", ORG)):
            continue
        # (a common word: written in lower case, and more often so than capitalised;
        # a name slips into lower case now and then, in an address or a handle)
        if any(
            len(one) > 2 and one in casing.lower
            and (one not in casing.counts or casing.common(one))
            for one in _singulars(key)
        ):
            votes[key] = {OTHER: 1}
            winners[key] = OTHER


# Endings of the nouns for a creed or a fear ("Thatcherism", "Europhobia"), and of the
# words coined from a person's name ("Abenomics", "Blairite").
_CREED_ENDINGS = ("ism", "isms", "phobia")
# The ending of a scandal's nickname ("Ferrygate"), after a word or a name.
_SCANDAL_ENDING = "gate"
_COINED_ENDINGS = ("care", "mania", "nomics", "ite", "ites", "ista", "istas")


def _coinages_are_no_organisation(
    votes: dict[str, _Votes], winners: dict[str, str], casing: Casing
) -> None:
    """A creed, a fear, a word coined from the name of someone the corpus names in
    full ("Abenomics" of Shinzo Abe), or a scandal's nickname made of a word or such a
    name and "-gate" ("Ferrygate"), names a policy, a movement, a mood or an affair,
    not a body: a one-word name so formed is typed OTHER unless strong evidence says
    otherwise."""
    parts = set()
    for key, etype in winners.items():
        if etype == PERSON and " " in key:
            parts.add(key[: key.find(" ")])
            parts.add(key[key.rfind(" ") + 1 :])
    for key, etype in winners.items():
        if etype != ORG or " " in key or votes[key].get(("!", ORG)):
            continue
        coined = key.endswith(_CREED_ENDINGS) or any(
            key.endswith(ending) and key[: -len(ending)] in parts for ending in _COINED_ENDINGS
        ) or (
            key.endswith(_SCANDAL_ENDING)
            and len(key) > 7
            and (key[:-4] in parts or key[:-4] in casing.lower)
        )
        if coined:
            votes[key] = {OTHER: 1}
            winners[key] = OTHER


def _media_are_no_organisation(
    votes: dict[str, _Votes], winners: dict[str, str], media: dict[str, list[int]]
) -> None:
    """A one-word name that a medium's noun follows in one mention in ten or more
    ("his Twitter account", "a Facebook post", "Instagram followers") names a website
    or an app, a thing people use, not an actor: typed OTHER unless strong evidence
    makes it an organisation. (``media``: each name's mentions looked at, and those
    with such a noun after them.)"""
    for key, (looked, found) in media.items():
        if (
            found >= 2
            and 10 * found >= looked
            and winners.get(key) == ORG
            and not votes[key].get(("!", ORG))
        ):
            votes[key] = {OTHER: 1}
            winners[key] = OTHER


def _surnames_are_no_small_places(
    votes: dict[str, _Votes],
    winners: dict[str, str],
    gaz: Gazetteer,
    groups: _Groups | None = None,
    forms: list[_Form] | None = None,
) -> None:
    """A word that names a small place, is the surname of someone the corpus names in
    full, and has a title before it ("Mr. Ashby", "Sen. Corlett") in one mention for every
    five the gazetteer types a place, is a person's name met alone: "Ashby" is a town
    somewhere, but the corpus speaks of Ann and Tom Ashby. So is such a word met
    mostly in the documents that name its person in full (see _met_with_its_people).
    Typed PERSON. Major places and countries keep their type whatever people are named
    after them."""
    surnames = {
        key[key.rfind(" ") + 1 :] for key, etype in winners.items()
        if etype == PERSON and " " in key
    }
    small = {
        key for key, etype in winners.items()
        if etype == PLACE and " " not in key and key in surnames
        and not gaz.is_major(key) and key not in gaz.countries
    }
    if not small:
        return
    alongside = (
        _met_with_its_people(small, winners, groups, forms)
        if groups is not None and forms is not None else set()
    )
    for key in small:
        v = votes[key]
        if key in alongside or (
            v.get(("!", PERSON)) and 5 * v[("!", PERSON)] >= v.get(("!", PLACE), 0)
        ):
            votes[key] = {PERSON: 1}
            winners[key] = PERSON


def _met_with_its_people(
    words: set[str], winners: dict[str, str], groups: _Groups, forms: list[_Form]
) -> set[str]:
    """The ``words`` (small places' names that are surnames) met in three documents or
    more that name a person with that surname in full, and in at least twice as many of
    those as of the others: a candidate whose surname is also a town's, met alone in a
    few articles after dozens that name her in full. (One pass over the
    groups.)"""
    surname_of: dict[int, str] = {}
    for fid, form in enumerate(forms):
        key = form[0]
        if form[3] and winners.get(key) == PERSON:
            last = key[key.rfind(" ") + 1 :]
            if last in words:
                surname_of[fid] = last
    if not surname_of:
        return set()
    alone: dict[str, set[int]] = {}
    named: dict[str, set[int]] = {}
    for doc, fid in zip(groups.doc, groups.form):
        key = forms[fid][0]
        if key in words:
            alone.setdefault(key, set()).add(doc)
        surname = surname_of.get(fid)
        if surname is not None:
            named.setdefault(surname, set()).add(doc)
    out = set()
    for word, docs in alone.items():
        both = len(docs & named.get(word, set()))
        if both >= 3 and both >= 2 * (len(docs) - both):
            out.add(word)
    return out


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
