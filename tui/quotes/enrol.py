"""Every speaker is one of the entities: one answer to "who is this?" for the quote
browser and the sidebar.

After the speakers are spelled as the entity list names them (tui/quotes/speakers.py),
a speaker the list does not hold is either a name the extractor missed ("Marieke de
Vries" said something, so he is a person here) and becomes an entity with its
mentions in the text, or a description ("Lund campaign", "Democrats") and is left
unnamed: the quote browser never shows a speaker the sidebar cannot filter by.
"""

from __future__ import annotations

import re
from bisect import insort
from collections.abc import Callable, Iterable, Mapping

from tui.corpus.document import Document
from tui.entities.casing import in_lower_case
from tui.entities.model import Entity, Mentions
from tui.nlp.given_names import is_given_name, may_be_unlisted
from tui.nlp.lexicon import (
    AFFILIATIONS,
    BODY_NOUNS,
    DEMONYMS,
    FUNCTION_WORDS,
    MONTHS,
    NAME_FUNCTION_WORDS,
    ORG,
    ORG_HEADS,
    OTHER,
    PARTICLES,
    PEOPLE_AT,
    PERSON,
    PLACE,
    TITLE_WORDS,
    VENUES,
    WEEKDAYS,
)
from tui.quotes.model import Quote
from tui.quotes.runs import _named_like_a_place, _surname_at_end

# How many of the articles a speaker speaks in are read for its surname alone as a
# cue's subject.
_SOURCES_LOOKED = 5
# A reporting verb after a surname, or before it, with the space between.
_CUE_VERBS_AFTER = (" said", " says", " told", " added", " adds")
_CUE_VERBS_BEFORE = ("said ", "says ", "added ")
# The most words a name runs to (longer runs are lists or headlines).
_MAX_NAME_WORDS = 6
# Words that are no part of a proper name: function words, party labels, titles and
# roles, nationalities.
_NOT_IN_A_NAME = FUNCTION_WORDS | AFFILIATIONS | TITLE_WORDS | PEOPLE_AT | DEMONYMS
# ... nor, alone, a day or a month (in a name they may be a first name: "April Ryan")
_NOT_A_NAME_ALONE = _NOT_IN_A_NAME | WEEKDAYS | MONTHS
# The most plain words between a body's owner and its noun ("main conservative opposition").
_MAX_ADJECTIVES = 3
# The most words a person's name runs to ("Robert P. Casey Jr.").
_MAX_PERSON_WORDS = 4


def enrol_speakers(
    quotes: Iterable[Quote],
    entities: list[Entity],
    documents: Mapping[str, Document],
    spell: Callable[[str, str], str] | None = None,
) -> None:
    """Make each quotation's speaker an entity of ``entities`` or None, in place.

    ``entities`` stays in its order (by mention count, then name); a speaker that is a
    name the list lacks is added with every mention of it in the documents that quote
    it. A speaker the text does not spell out as such (a run whose title was dropped:
    "Media Research Center Bozell") is the longest end of it that is: a known entity as
    ``spell(source, words)`` spells it, or a name the text has."""
    known = {e.name for e in entities}
    speaking = {e.name for e in entities if e.type in (PERSON, ORG)}
    spans: dict[str, dict[str, list[tuple[int, int]]]] = {}  # a new name → source → spans
    kinds: dict[str, str] = {}

    def enrolled(name: str, doc: Document) -> bool:
        kind = kinds.get(name) or _name_type(name)
        if kind is None:
            return False
        by_source = spans.setdefault(name, {})
        if doc.id not in by_source:
            by_source[doc.id] = [
                (s, s + len(name)) for s in _occurrences(doc.text, name)
            ] or _in_a_couple(doc.text, name) or [
                # (a transcript's label in capitals, `RENATA COLLIER, HOST:`, read as the
                # name it is)
                (s, s + len(name)) for s in _occurrences(doc.text, name.upper())
            ]
        kinds[name] = kind
        return bool(by_source[doc.id])

    # A name that speaks, starts with a given name and is more than one word is a
    # person's, whatever a place's or a thing's head word in it made of it ("Tom Ridge"
    # said: no ridge). It is typed so here, so that the speaker is one of the sidebar's
    # people.
    by_name = {e.name: e for e in entities if e.type in (PLACE, OTHER)}
    quotes = list(quotes)
    for q in quotes:
        entity = by_name.get(q.speaker) if q.speaker else None
        if entity is not None and " " in entity.name and is_given_name(entity.name.split()[0]):
            entity.type = PERSON
            speaking.add(entity.name)
    folded = _family_names_taken_up(quotes, entities, documents)
    if folded:
        known = {e.name for e in entities}
        speaking.difference_update(folded)
        speaking.update(person.name for person in folded.values())
    # (a body the list types as something else is still what the description speaks
    # for: "a spokesperson for TransLink", typed OTHER; a person or a town is not: see
    # speaks_for)
    organisations = {e.name for e in entities if speaks_for(e)}
    for q in quotes:
        if q.described:
            # a description stays as written, linked to the organisation it names if
            # that is one of the entities ("a spokesperson for TransLink")
            if q.speaker_org not in organisations:
                q.speaker_org = None
            continue
        name = q.speaker
        if name is None or name in known:
            continue
        doc = documents.get(q.source)
        q.speaker = None
        if doc is None:
            continue
        words = name.split()
        for k in range(len(words)):
            if not words[k][:1].isupper():
                continue
            part = " ".join(words[k:])
            spelled = spell(q.source, part) if spell and k else part
            if spelled in speaking or (spelled not in known and enrolled(spelled, doc)):
                q.speaker = spelled
                break
    for name, by_source in spans.items():
        mentions = [(src, s, e) for src, found in by_source.items() for s, e in found]
        if mentions:
            entity = Entity(name, kinds[name], [], Mentions(sorted(mentions)))
            insort(entities, entity, key=_order)


def _family_names_taken_up(
    quotes: list[Quote], entities: list[Entity], documents: Mapping[str, Document]
) -> dict[str, Entity]:
    """Speakers typed OTHER whose last word the articles that name them take up alone
    ("Tesfaye Gebremariam said …  Gebremariam told me"), and is no other person's: a
    person whose given name the name list lacks, and that word alone their family
    name, typed as whatever else its mentions suggested ("Gebremariam", an
    organisation). Each is typed PERSON and takes that word's mentions, in place
    (``entities`` stays in order); quotations spoken by the word alone in their
    articles are theirs. Returns each word taken up, with its person.

    (A speaker typed OTHER that the articles never call by one word, "Vox Meridian",
    or whose last word is someone else's, "Team Dorrance", stays as it is.)"""
    by_speaker: dict[str, list[Quote]] = {}
    for q in quotes:
        if q.speaker and not q.described:
            by_speaker.setdefault(q.speaker, []).append(q)
    spoken = by_speaker.keys()
    claimed = {e.name[e.name.rfind(" ") + 1 :] for e in entities
               if e.type == PERSON and " " in e.name}
    alone: dict[str, Entity | None] = {}  # (None: a word listed under several types)
    for e in entities:
        if " " not in e.name:
            alone[e.name] = None if e.name in alone else e
    folded: dict[str, Entity] = {}  # the word alone → the person it is taken into
    for entity in entities:
        if entity.type != OTHER or entity.name not in spoken or " " not in entity.name:
            continue
        first = entity.name[: entity.name.find(" ")]
        last = entity.name[entity.name.rfind(" ") + 1 :]
        word = alone.get(last)
        if word is None and last not in claimed and _speaks_alone(
            last, by_speaker.get(entity.name, []), documents
        ) and (
            _name_type(entity.name) == PERSON and may_be_unlisted(first.casefold())
        ):
            # (`Wiremu Parata said … "…," Parata said`: the word alone is no entity of
            # its own, but it speaks as the person does)
            entity.type = PERSON
            continue
        if (
            word is None or word.type == PLACE or last in claimed or last in folded
            or _name_type(entity.name) != PERSON
            or not may_be_unlisted(first.casefold())
            or not set(word.distinct_sources()) <= set(entity.distinct_sources())
            # ("Wells Fargo": a first word its articles also write in lower case)
            or any(
                in_lower_case(doc.text, first.casefold())
                for doc in map(documents.get, entity.distinct_sources()) if doc is not None
            )
        ):
            continue
        entity.type = PERSON
        entity.aliases = [*entity.aliases, word.name]
        entity.mentions = Mentions(sorted({*entity.mentions, *word.mentions}))
        folded[last] = entity
    if not folded:
        return folded
    entities[:] = sorted((e for e in entities if e.name not in folded), key=_order)
    sources = {word: set(person.distinct_sources()) for word, person in folded.items()}
    for q in quotes:
        if q.described:
            if q.speaker_org in folded:
                q.speaker_org = None  # (a person is no body a description speaks for)
        elif q.speaker in folded and q.source in sources[q.speaker]:
            q.speaker = folded[q.speaker].name
    return folded


def _speaks_alone(
    word: str, spoken: list[Quote], documents: Mapping[str, Document]
) -> bool:
    """Whether ``word`` alone, not after another capitalised word, is the subject or the
    object of a reporting verb in an article where the name speaks (`"…," Parata said`,
    `Parata said she …`, `said Parata`; not `Vox Meridian said`). (A few of those
    articles, searched as plain strings: the cost is bounded whatever the corpus.)"""
    sources = list(dict.fromkeys(q.source for q in spoken))[:_SOURCES_LOOKED]
    for source in sources:
        doc = documents.get(source)
        if doc is None:
            continue
        text = doc.text
        at = text.find(word)
        while at >= 0:
            if _cue_around(text, at, at + len(word)):
                return True
            at = text.find(word, at + 1)
    return False


def _cue_around(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` stands alone as a reporting verb's subject or
    object: `Parata said`, `said Parata`."""
    before, after = text[max(0, start - 40) : start], text[end : end + 8]
    if (before[-1:].isalnum() or before[-1:] in "'’-") or (after[:1].isalnum()):
        return False  # (part of a longer word)
    if after.startswith(_CUE_VERBS_AFTER):
        words = before.split()
        # (not the last word of a longer name: "Vox Meridian said")
        return not (words and words[-1][:1].isupper() and words[-1][-1:].isalnum())
    return before.endswith(_CUE_VERBS_BEFORE)


def speaks_for(entity: Entity) -> bool:
    """Whether a description's speaker may speak for ``entity``: an organisation (or a
    thing, the list types some bodies so), or a place that is an institution too ("a
    spokeswoman for the Bronx Zoo"); never a person, nor a town."""
    return entity.type in (ORG, OTHER) or (
        entity.type == PLACE and _head(entity.name) in VENUES
    )


def _head(name: str) -> str:
    """A name's head word, folded: the one before its first "of" or "for" ("Library of
    Congress"), else its last."""
    words = name.casefold().split()
    for i in range(1, len(words)):
        if words[i] in ("of", "for"):
            return words[i - 1]
    return words[-1] if words else ""


def _order(entity: Entity) -> tuple[int, str, str]:
    """The entity list's order: most mentioned first, then by name."""
    return -entity.count, entity.name.casefold(), entity.name


def _name_type(name: str) -> str | None:
    """PERSON or ORG for a speaker shaped like a proper name (capitalised words, a
    particle between them), or a body named by whose it is ("Lund campaign"); None for
    anything else: a description, a role, a people, a headline's words."""
    words = name.split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS:
        return None
    keys = [w.rstrip(".").casefold() for w in words]
    if not words[0][:1].isupper() or (
        keys[0] in FUNCTION_WORDS and not _given_lead(words, keys)
    ):
        return None
    if len(words) > 1 and (keys[-1] in BODY_NOUNS or keys[-1] in ORG_HEADS):
        if _named_like_a_place(words, keys):
            return PERSON  # a given name and a surname that is a group's word ("Tom Cross")
        return ORG if _names_a_body(words) else None
    # (a nationality or a title that ends a name after a given name is a surname:
    # "Greta Dutch", "Paul T. King")
    end = len(keys) - _surname_at_end(words, keys)
    if any(key in _NOT_IN_A_NAME for key in keys[_given_lead(words, keys) : end]):
        return None
    if len(words) == 1:
        # a surname alone ("Santilli said"), or an acronym ("ACU said"); not a people
        key = keys[0]
        if key in _NOT_A_NAME_ALONE or key.rstrip("s") in _NOT_A_NAME_ALONE:
            return None
        if not words[0].isalpha() or len(key) < 2:
            return None
        return ORG if words[0].isupper() and len(words[0]) > 1 else PERSON
    for word, key in zip(words, keys):
        if key in PARTICLES or key.startswith(("al-", "el-")):
            continue
        if not word[:1].isupper() or word.endswith(("'s", "’s", "'", "’")):
            return None
    if len(words[-1].rstrip(".")) == 1:
        return None  # a name cut at its middle initial ("Edward D")
    return PERSON if len(words) <= _MAX_PERSON_WORDS else None


def _given_lead(words: list[str], keys: list[str]) -> int:
    """1 where a name of several words opens with a given name that is also a function
    word ("Will Hollis", "May Lee"): that word is the name's, not a sentence's; else 0."""
    return int(len(words) > 1 and keys[0] in NAME_FUNCTION_WORDS and is_given_name(words[0]))


def _names_a_body(words: list[str]) -> bool:
    """Whether words ending in a body's noun name that body: capitalised words (an
    owner's possessive among them), then at most a few plain adjectives: "Lund
    campaign", "South Korea's presidential office", "South Korean presidency"; not
    "Early in his campaign"."""
    i = 0
    while i < len(words) - 1 and words[i][:1].isupper():
        i += 1
    between = words[i:-1]
    return (
        i > 0
        and len(between) <= _MAX_ADJECTIVES
        and not any(w.casefold() in FUNCTION_WORDS or not w.islower() for w in between)
    )


def _in_a_couple(text: str, name: str) -> list[tuple[int, int]]:
    """Where a given name and a surname, ``name``, stand as the first of a couple (`Rob
    and Jen Lawson` for Rob Lawson, see tui.quotes.name_registry): the given name's
    spans."""
    given, _, surname = name.partition(" ")
    if not surname or " " in surname:
        return []
    couple = re.compile(
        rf"(?<![\w'’-]){re.escape(given)} and [A-Z][a-z]+ {re.escape(surname)}(?![\w'’-])"
    )
    return [(m.start(), m.start() + len(given)) for m in couple.finditer(text)]


def _occurrences(text: str, name: str) -> list[int]:
    """Where ``name`` stands in ``text`` as whole words (its spaces written as spaces or
    as no-break spaces: "Ola\xa0Brandvik" is the name the speaker rules read)."""
    starts = []
    for form in {name, name.replace(" ", "\xa0")}:
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            before_ok = at == 0 or not text[at - 1].isalnum()
            if before_ok and (end >= len(text) or not text[end].isalnum()):
                starts.append(at)
            at = text.find(form, end)
    return sorted(starts)
