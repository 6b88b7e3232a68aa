"""The hints of a mention's type in the words around it: a role or a title before it
("police chief Ann Lee"), an appositive after it ("Ann Lee, a pollster"), a state or a
country after a town ("Marrowby, N.Y."), a head noun after a name. Each is weak on its
own; the miner tallies them over a sample of each name's mentions.
"""


from __future__ import annotations

import re

from tui.nlp.given_names import is_given_name
from tui.nlp.lexicon import (
    DEGREES,
    NAME_ABBREVIATIONS,
    NUMBER_WORDS,
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
    PLACE_NOUNS_AFTER,
    PLACE_PREPOSITIONS,
    TITLE_HEADS,
)
from tui.nlp.places import Gazetteer, fold
from tui.nlp.tickers import listed_company

_DETERMINERS = frozenset("the its their a an".split())
# What follows the name of a disease or a syndrome named for someone.
_DISEASE_AFTER = tuple(
    f"{mark}s {noun}" for mark in "'’" for noun in ("disease", "syndrome", "palsy")
)


# A state or a country after a name and a comma: "Marrowby, N.Y.", "Quellton, Conn.,",
# "Lyon, France." (what follows is checked in _in_a_region)
_REGION_AFTER = re.compile(r", ([A-Z][\w.]*(?: [A-Z][\w.]*)?)")


def _in_a_region(text: str, end: int, gaz: Gazetteer) -> bool:
    """Whether the name ending at ``end`` is followed by a comma and a state or a
    country, which ends its clause: a town written the way news writes where a place
    is ("Marrowby, N.Y."), not a list ("Texas, Ohio Gov. Ann Lee")."""
    m = _REGION_AFTER.match(text, end)
    if m is None:
        return False
    region = m.group(1)
    if region in DEGREES:
        return False  # ("Helena Marr, M.D.,": a doctor)
    nxt = text[m.end() : m.end() + 2]
    if not region.endswith(".") and not (
        nxt[:1] in ("", ",", ";", ":", ")", "\n") or nxt in (" —", " –", " -")
    ):
        return False
    return gaz.is_major(fold(region))


# Titles written in lower case before a name ("team captain", "police inspector"); the
# abbreviated ones and the honorifics come before a name with a capital only, and some
# are other words as often: "private DVD collections", "a major Bank", "will chair
# Barclays", "will miss Glastonbury", "estate agent Foxtons", "Bluetooth speaker Sonos",
# "retail king Harrods".
_TITLES_IN_LOWER_CASE = TITLE_HEADS - NAME_ABBREVIATIONS - frozenset(
    "private major executive chair miss speaker agent king cr".split()
)
# An age set off by commas before an appositive: "Ann Lee, 71, a retired clerk" (a
# grown-up's: "Desert Crown, 3, a colt trained by …" is a horse).
_AGE = re.compile(r"(?:1[3-9]|[2-9]\d|1[01]\d), ")
# What may follow a role with no article before it, for the role to be the named one's:
# "president of the union", "spokesman for the firm". ("Acme, chief executive Ann Lee
# said" names the firm's chief, not the firm.)
_ROLE_LINKS = frozenset("of for at".split())
# The roles of PERSON_ROLES that a firm or a place may hold too ("the market leader",
# "the world's biggest player", "a consultant", "the host").
_PERSONS_ONLY_ROLES = PERSON_ROLES - frozenset(
    "leader player host manager consultant executive chief official founder".split()
)


def _role_apposed(a: str) -> bool:
    """Whether the lower-cased words after a name and its comma are an appositive that
    gives a person's role or age: "a pollster", "the party's leader", "Pakistan's prime
    minister", "71, a retired postman", or, with no article, "managing director of the
    company" (the form most news copy uses for an office)."""
    age = _AGE.match(a)
    if age:
        a = a[age.end() :]
    rest = a.split(",")[0].split()
    if age is not None and rest[:1] and rest[0].islower() and rest[0] not in _DETERMINERS:
        # "Jordan Smith, 34, pleaded guilty", "Ann Lee, 62, of Leeds": an age, then the
        # sentence or a home, is a grown-up's (a list of counts goes on with names)
        return True
    if rest[:1] and rest[0] in ("a", "an", "the"):
        # (an age, then any description, is a person's: "Tevita Amanaki, 71, a retired
        # postman", where a list of counts has no article after its numbers)
        return age is not None or any(w in PERSON_ROLES for w in rest[1:5])
    if rest[:1] and rest[0].endswith(("'s", "’s")):
        # a possessive stands for the article ("Shehbaz Sharif, Pakistan's prime
        # minister."), with a role no body holds ("Europe's market leader" is a firm)
        return any(w.rstrip(".;:!?") in _PERSONS_ONLY_ROLES for w in rest[1:5])
    return any(
        word in PERSON_ROLES and rest[i + 1 : i + 2] and rest[i + 1] in _ROLE_LINKS
        for i, word in enumerate(rest[:4])
    )


# A name listed after another that a place's preposition governs: "in Saxony and
# Thuringia", "in Gers, Tarn and Lot" (the preposition's hint reaches the whole list).
_LIST_JOINERS = frozenset(("and", "or"))
_LISTED_AFTER_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|near|outside)\s+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*"
    r"(?:,[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*)*(?:,?[ \t]+(?:and|or)[ \t]+|,[ \t]+)$"
)


_TOLD = frozenset(("told", "tells"))
# Where a person lives, after the age set off by commas: "Gary Whelan, 52, of
# Westhoughton", "a woman, 34, from Pinetop".
_HOME_AFTER_AGE = re.compile(r"\b\d{1,3}, (?:of|from) $")


def _context_votes(
    text: str, start: int, end: int, single: bool, gaz: Gazetteer | None = None
) -> list[tuple[str, int]]:
    """Hints from the words around a mention; each is weak on its own."""
    votes: list[tuple[str, int]] = []
    # (the words of the mention's own paragraph: a heading's last word is not a title
    # before the name that opens the next paragraph; a hard-wrapped line goes on)
    before = text[start - 40 if start > 40 else 0 : start]
    before = before[before.rfind("\n\n") + 2 :] if "\n\n" in before else before
    after = text[end : end + 40]
    after = after[: after.find("\n\n")] if "\n\n" in after else after
    if gaz is not None and after[:1] == "," and _in_a_region(text, end, gaz):
        votes.append((PLACE, 8))
    elif after[:2] == " (" and listed_company(text, end):
        votes.append((ORG, 8))  # "Rio Tinto (RIO.L)", "Wells Fargo (NYSE: WFC)": listed
    low_before = before.lower()
    prev_words = low_before.replace(",", " ").split()
    last = prev_words[-1] if prev_words else ""  # ("" is in none of the word sets)
    if last in PERSON_ROLES or last in _TITLES_IN_LOWER_CASE:
        votes.append((PERSON, 4))  # ("team captain Ann Lee", "police chief Ann Lee")
    if last == "at" and len(prev_words) >= 2 and prev_words[-2] in PEOPLE_AT:
        votes.append((ORG, 5))  # "analysts at Morgan Stanley said": they said it, not it
    elif last in PLACE_PREPOSITIONS or (
        last in _LIST_JOINERS or before.endswith(", ")
    ) and _LISTED_AFTER_PLACE_PREPOSITION.search(before):
        votes.append((PLACE, 2))  # "in Ravenna", "in Saxony and Thuringia"
    if (" " + low_before).endswith(PLACE_BEFORE) or (
        before.endswith((" of ", " from ")) and _HOME_AFTER_AGE.search(before)
    ):
        votes.append((PLACE, 6))
    if last in ORG_APPOSITIVE_NOUNS and _DETERMINERS & {*prev_words[-3:-1]}:
        votes.append((ORG, 6))  # "The company, Twin Metals, said", "the firm Kellerman & Roth"
    a = after.lstrip(" ,").lower()
    if after.startswith(",") and _role_apposed(a):
        votes.append((PERSON, 4))
    if after.startswith(_DISEASE_AFTER):
        votes.append((OTHER, 6))  # "Mulder's disease": a disease named for someone
    if a.startswith(ORG_CONTEXT_AFTER) or low_before.endswith("according to "):
        votes.append((ORG, 2))
    elif (
        last in _TOLD or last == "the" and len(prev_words) > 1 and prev_words[-2] in _TOLD
    ) and not is_given_name(text[start:end].split(" ", 1)[0]):
        votes.append((ORG, 2))  # "told MailOnline", "told the Daily Star": an outlet
    if after[:1] == " " and after[1:2].islower() and (
        after[1:].split(None, 1)[0].rstrip(".,;:") in PLACE_NOUNS_AFTER
    ):
        votes.append((PLACE, 6))  # "the Drina river", "Hatay province"
    if single:
        if before.endswith(("the ", "The ")):
            votes.append((ORG, 2))
        elif (last in NUMBER_WORDS or last.isdigit()) and text[end - 1 : end] == "s":
            votes.append((OTHER, 4))  # "three Quibbles", "two Kemps": things or people counted
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
