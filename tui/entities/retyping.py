"""Second looks at the types the votes gave, against what the whole corpus shows of a name.

A vote reads one mention; these rules read the corpus. A given name before a colour is a
person's ("Tom Green"), and a name of common words no person's ("Election Day"); a given
name or a surname met alone is a person's ("Marit", "Mulder"), even where it names a
small place too ("Ashby"); a team is no person ("Carolina Hurricanes"); and a common
word, a plural, a people, a coinage or a website is no organisation ("Week",
"Councils", "Londoners", "Abenomics", "Twitter"). Strong evidence (a title, a head noun)
keeps the type it gave. :func:`tui.entities.extract._extract` runs the rules in turn,
each on the votes and winners the ones before it left.
"""


from __future__ import annotations

from tui.entities.casing import Casing
from tui.entities.groups import _Form, _Groups, _Votes
from tui.nlp.given_names import is_given_name, may_be_unlisted
from tui.nlp.lexicon import (
    AFFILIATIONS,
    COMMON_ABBREVIATIONS,
    DEMONYMS,
    NON_PERSON_WORDS,
    ORG,
    ORG_HEADS,
    OTHER,
    PERSON,
    PLACE,
    TYPES,
)
from tui.nlp.places import Gazetteer


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
