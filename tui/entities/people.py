"""Resolving people and the short forms of names: a surname joins its person, an unproven
single word needs evidence, and the names in a headline are only those met elsewhere."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from itertools import islice
from typing import Any

from tui.entities.casing import Casing
from tui.entities.groups import _Form, _Groups, _Votes
from tui.nlp.given_names import is_given_name, may_be_first_surname, paternal_surname
from tui.nlp.lexicon import (
    DEMONYMS,
    FUNCTION_WORDS,
    NAME_SUFFIXES,
    ORG,
    ORG_HEADS,
    PERSON,
    PLACE,
    PLACE_HEADS,
)
from tui.nlp.name_runs import POSSESSIVE, inner_names, run_tokens
from tui.nlp.places import Gazetteer, fold

_HEADS = ORG_HEADS | PLACE_HEADS


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
    casing: Casing | None = None,
    headlines: int | None = None,
) -> _Kept:
    """Settle single words: a surname joins its person, an unproven word needs evidence.

    ``form_id`` numbers the forms of groups given another name (and adds to ``forms``).
    A word that ``casing`` finds written in lower case more often than capitalised
    mid-sentence is a common word, not a name, unless it is part of a name in the
    document, a place or has strong evidence of its own; a word met at a sentence's
    start counts only if it is a proper name by ``casing``. Groups from ``headlines`` on
    are a headline's: settled like the others, they make no name's parts (a headline's
    "Senator Wins Race" is no one's name).
    """
    common = casing.common if casing is not None else (lambda key: False)
    proper = casing.proper if casing is not None else (lambda key: True)
    person_keys = {k for k, t in winners.items() if t == PERSON and " " in k}
    # What each form's groups tell of their documents, worked out once per form:
    # form → (key, parts), for the short forms of a name and the parts of a person's.
    short_forms: dict[int, tuple[str, tuple[str, ...]]] = {}
    person_parts: dict[int, tuple[str, tuple[str, ...], str | None]] = {}
    # form → the words inside a person's name the text may call them by ("Lula")
    inner_parts: dict[int, tuple[str, ...]] = {}
    paternals: dict[int, str] = {}  # (form → the first of its two family names)
    for fid, (key, surface, _amb, multi, _n) in enumerate(forms):
        if not multi:
            continue
        # Only a name built on a head noun has short forms: "Nordwind Airlines" gives
        # "Nordwind" and "Airlines"; "North Korea Officials" gives none.
        kind = winners.get(key)
        if key[key.rfind(" ") + 1 :] in _HEADS and kind in (ORG, PLACE):
            # only a word also met alone can be a short form; a place's head alone is
            # no short form of it ("the House" is not the White House, nor "the Street"
            # a town's Main Street), as a body's may be ("the Gazette", "the Institute")
            ends = (key[: key.find(" ")],) if kind == PLACE else (
                key[: key.find(" ")], key[key.rfind(" ") + 1 :])
            parts = tuple(part for part in ends if part in known)
            if parts:
                short_forms[fid] = (key, parts)
        if key in person_keys:
            words = surface.split()
            while len(words) > 2 and words[-1].rstrip(".").casefold() in NAME_SUFFIXES:
                words.pop()  # "Biden" is the surname of "Joseph R. Biden Jr."
            particle = None
            inner = tuple(fold(w) for w in inner_names(" ".join(words)))
            # "De Vries" opening a sentence is the "de Vries" of "Marieke de Vries".
            for i in range(1, len(words) - 1):
                if words[i].islower() or fold(words[i]) in _CAPITAL_PARTICLES:
                    # ("Giulia Di Stefano", "Pádraig Ó Murchú": "Di Stefano", "Ó Murchú")
                    particle = fold(" ".join(words[i:]))
                    if i >= 2 and fold(words[i - 1]) in inner:
                        # ("Lula da Silva" of "Luiz Inácio Lula da Silva")
                        inner += (fold(" ".join(words[i - 1 :])),)
                    break
            else:
                if len(words) >= 3 and may_be_first_surname(words[-2]):
                    # "López Obrador" of "Andrés Manuel López Obrador": a name with two
                    # family names is called by both (not "Costa Rica" of "Ana Paula
                    # Costa Rica", a place)
                    tail = fold(" ".join(words[-2:]))
                    particle = None if gaz.place(tail) else tail
            person_parts[fid] = (key, (fold(words[0]), fold(words[-1])), particle)
            if inner:
                inner_parts[fid] = inner
            paternal = paternal_surname(" ".join(words)) if particle is not None else None
            if paternal is not None and is_given_name(words[0]) and (
                fold(paternal) not in _HEADS and fold(paternal) not in DEMONYMS
            ):
                # "Cervantes said" of "Ana Lilia Cervantes Ochoa": the first family name
                # alone, as the quotations' speakers read it (where no name in the
                # document has the word for its first or last)
                paternals[fid] = fold(paternal)
    # Whose part a word is: the one name's key, or _SEVERAL. (A set for each word of
    # each document held a hundred megabytes at 10,000 articles, to say "one" or "more".)
    # (keyed by document number: one per document id, as good as the id)
    doc_people: dict[tuple[int, str], object] = {}
    corpus_people: dict[str, object] = {}
    # first name → surname → the one name with both (or _SEVERAL): whose "Eugene" a
    # document means that names an Okafor but no Eugene in full
    families: dict[str, dict[str, object]] = {}
    doc_names: dict[tuple[int, str], object] = {}  # organisations, places
    doc_paternal: dict[tuple[int, str], object] = {}  # (see paternals)
    # (doc, word) → the one name with it inside (see inner_parts), asked first: where a
    # shorter name also opens with it ("Lula da Silva"), the full one ("Luiz Inácio Lula
    # da Silva") is what both stand for
    doc_inner: dict[tuple[int, str], object] = {}
    if short_forms or person_parts:
        for doc, fid in islice(zip(groups.doc, groups.form), headlines):
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
                _one_or_several(families.setdefault(parts[0], {}), parts[1], key)
                if particle is not None:
                    _one_or_several(doc_people, (doc, particle), key)
                for part in inner_parts.get(fid, ()):
                    _one_or_several(doc_inner, (doc, part), key)
                paternal = paternals.get(fid)
                if paternal is not None:
                    _one_or_several(doc_paternal, (doc, paternal), key)
        for where, whose in doc_paternal.items():
            doc_people.setdefault(where, whose)

    def settle(fid: int, doc: int) -> int:
        """The form a group of this form in this document is kept as; -1 to drop it."""
        key, surface, ambiguous, multi, length = forms[fid]
        if multi:
            one = doc_inner.get((doc, key)) if doc_inner else None
            if not isinstance(one, str):
                one = doc_people.get((doc, key))
            if isinstance(one, str) and one != key:
                return form_id(one, surface, False, multi, length)
            return fid
        people = doc_people.get((doc, key))
        inner = doc_inner.get((doc, key)) if doc_inner else None
        if isinstance(inner, str) and not (
            isinstance(people, str) and people.endswith(" " + key)
        ):
            # (but a name that ends in the word is its surname's: "Minning" of "Dena
            # Minning" beside "Dena Minning Bush")
            people = inner
        place = gaz.place(key)
        major = bool(place and place[1])
        if people is None and place and not major and key in families:
            people = _relative(key, doc)
        if (
            people is None
            and not place
            and (not ambiguous or key in known)
            and winners.get(key) != PERSON
        ):
            # A short form of one name in the document: "Nordwind" of "Nordwind Airlines",
            # "Rovers" of "Harbourside Rovers". Places keep their own name ("Manchester"),
            # and a word whose capital proves nothing must be met where it does. So does a
            # word the corpus types a person's: "Okafor" beside "the Okafor Foundation" is
            # the mayor, not the foundation.
            people = doc_names.get((doc, key))
        if ambiguous:
            if isinstance(people, str):
                key = people
            elif (key not in known or not proper(key)) and not major:
                return -1
        elif key not in gaz.countries:
            if isinstance(people, str) and not major:
                key = people
            elif key not in person_keys and not place and winners.get(key) != PLACE:
                everyone = corpus_people.get(key)
                # (an acronym is no one's first name or surname: "ISIS" is not the
                # "ISIS" of a quoted headline "ISIS Declares War" taken for a name)
                if (
                    isinstance(everyone, str)
                    and votes[key].get(("!", ORG), 0) == 0
                    and not (surface.isupper() and len(surface) > 1)
                ):
                    key = everyone
                elif common(key) and not _strong(votes.get(key)):
                    return -1
        return fid if key == forms[fid][0] else form_id(key, surface, False, multi, length)

    def _relative(first: str, doc: int) -> str | None:
        """The one person the corpus names in full with this first name and a surname
        that the document gives someone ("Eugene" where Ruth Okafor is named, and Eugene
        Okafor elsewhere): a small place's name ("Eugene") read as a family member's
        first name. None if there is no such person, or several."""
        family = families[first]
        if len(family) > _FAMILIES:
            return None
        found = None
        for surname, key in family.items():
            if (doc, surname) in doc_people:
                if found is not None or not isinstance(key, str):
                    return None
                found = key
        return found

    # Most forms are settled the same in every document: those whose key is no part of
    # a name in any (no document number is -1, so it stands for "none").
    in_documents = (
        {part for _doc, part in doc_people} | {part for _doc, part in doc_names}
        | {part for _doc, part in doc_inner}
    )
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
# A first name borne by more people named in full than this is too common to say whose
# it is alone (and looking through them all would cost more as the corpus grows).
_FAMILIES = 12


def _strong(counter: _Votes | None) -> bool:
    """Whether a name's votes hold strong evidence (kept under ``("!", type)`` keys)."""
    return counter is not None and any(isinstance(t, tuple) for t in counter)


# Particles written with a capital inside a name, which the surname keeps when it
# stands alone: Italian, Irish, Scottish, Dutch and French names.
_CAPITAL_PARTICLES = frozenset(
    "di de da del della dos das du le la van von der den ter ten o ó ni ní nic mac ua "
    "al el".split()
)


def _one_or_several(table: dict[Any, object], where: Any, key: str) -> None:
    """Note that the word at ``where`` is part of the name ``key``."""
    had = table.get(where)
    if had is None:
        table[where] = key
    elif had != key:
        table[where] = _SEVERAL


def _resolve_headline(
    run_start: int, run: str, known: set[str], gaz: Gazetteer, casing: Casing | None = None
) -> list[tuple[_Form, int]]:
    """Names inside a headline run, the longest known names or major places, left to
    right: each one's form and offset. A headline capitalises every word, so one word
    alone counts only if it is no function word and (by ``casing``) a proper name."""
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
            if hit and n == 1 and not (place and place[1]) and (
                key in FUNCTION_WORDS or (casing is not None and not casing.proper(key))
            ):
                hit = None
            if hit and surface.strip():
                out.append(((hit, surface, False, n > 1, e - s), run_start + s))
                i += n
                break
        else:
            i += 1
    return out
