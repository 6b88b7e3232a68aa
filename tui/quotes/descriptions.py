"""Speakers the text describes rather than names: "a spokesperson for TransLink said",
"said one official, who asked not to be named", "two people familiar with the talks
said", "the statement said".

A description is a noun phrase: a determiner (or a plural standing alone), at most a few
modifiers, a head noun an unnamed source goes by (``SOURCE_NOUNS``: a role, a title, a
body, a document), and at most a short complement opened by a preposition ("for
TransLink", "close to the family"). Its head is written in lower case: a capitalised head
is a name ("The Post", "the Justice Department"), which the name rules read.

Each function reads a window of a bounded number of words, so the cost per quotation is
bounded whatever the sentence's length.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tui.nlp.given_names import FEMALE, MALE, is_given_name
from tui.nlp.lexicon import (
    BODY_NOUNS,
    DATE_NAMES,
    FUNCTION_WORDS,
    ORG_APPOSITIVE_NOUNS,
    SOURCE_NOUNS,
    STOP_ABBREVIATIONS,
    TITLE_HEADS,
)
from tui.nlp.name_runs import RUN
from tui.quotes.cues import _VERB_FORMS, _key

# The type a resolver gives a speaker it can only describe (beside PERSON and ORG).
DESCRIBED = "DESCRIBED"

_DETERMINERS = frozenset(
    """a an the one another two three four five six several some many most few his her
    their its this these those our""".split()
)
# Heads that are also titles before a name ("Rep. Ann Lee", "Ann Lee MP"), which only a
# determiner and the case they are written in make a source's noun: `a rep for the
# airline`, `one senior Conservative MP`.
_LOWER_HEADS = frozenset(("rep", "reps"))
_MEMBERS_HEADS = frozenset("MP MPs MEP MEPs MSP MSPs MLA MLAs TD TDs".split())
_OTHER_HEADS = _LOWER_HEADS | _MEMBERS_HEADS
# The endings of nouns for someone who does something: forecaster, vendor, florist.
_AGENT_ENDINGS = (
    "er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee", "eer", "ess",
    "ic", "ster", "ive",
)
# `a mother-of-two`, `the dad-of-three`
_PARENT_OF_RE = re.compile(r"(?:mum|mom|mother|dad|father|grandmother|grandfather)-of-\w+")
# Words that pick some of a group: `one of the organizers`, `two of his aides`.
_QUANTIFIERS = frozenset("one two three some many several most few none each".split())
# Determiners that bring someone new in: `a restaurant owner`, `one shopkeeper`.
_INDEFINITE = frozenset("a an one another".split())
# Determiners that point back: "the senator", "the company", "the statement" are someone
# or something the text has named (the name rules look for them, or the paragraph's
# speaker goes on), where "a senator" is someone it has not.
_DEFINITE = frozenset("the this these those".split())
# The plurals that speak with no determiner (`Officials said`, `Critics say`): groups a
# report quotes as such, not any plural noun ("Friends offered to …").
_BARE_PLURALS = frozenset(
    """officials sources analysts experts critics witnesses residents aides supporters
    opponents voters protesters protestors lawmakers legislators investigators
    authorities organizers organisers activists observers economists researchers
    scientists diplomats strategists lawyers attorneys doctors officers prosecutors
    executives employees workers police firefighters paramedics rescuers""".split()
)
# Plurals of people that do not end in "s".
_PLURAL_PEOPLE = frozenset("people men women children police staff folk".split())
# Words that may open a clause before its subject: `But a spokesman said`, `On Tuesday
# a spokesman said` (no preposition of place or manner: "in a statement" is no subject).
_LEADS = frozenset(
    "and but so yet later earlier separately meanwhile also then now on last".split()
)
# Prepositions of place that the function words leave out, being parts of names as often
# ("Inside Edition", "Outside Magazine"), which open a phrase before a subject.
_PLACE_OPENERS = frozenset("outside inside along beside opposite".split())
# Words that open a head noun's complement.
_PREPOSITIONS = frozenset(
    "for of at with to from in on inside within near close familiar involved".split()
)
# Words that end a description after its head: a clause, a verb or an auxiliary follows.
_STOPS = frozenset(
    """who whom whose which that said says told added and or but have has had is are
    was were will would can could may might should must do does did""".split()
)
# Lower-case words inside a name ("Department of Justice", "Friends of the Earth").
_IN_NAMES = frozenset("of for and the de du la le von van".split())
_BODIES = BODY_NOUNS | ORG_APPOSITIVE_NOUNS
# What speaks without being a person: bodies, and what they publish.
_THINGS = _BODIES | frozenset(
    """statement report ad advertisement letter email memo note post tweet newspaper
    paper website study survey poll editorial release filing complaint lawsuit ruling
    document documents""".split()
)
# The most words a description runs to, and the most modifiers before its head.
_MOST_WORDS = 18
_MOST_MODIFIERS = 4
# ... and the most words of names among them
_MOST_NAME_WORDS = 12
_AGE_RE = re.compile(r"\d+-year-old")
# Where a clause ends, looking back from a verb (commas set off an appositive or an
# opening phrase), and looking forward (a full stop too, unless it ends an abbreviation:
# "U.S. Navy", "Gov. Ann Lee"). (Looking back, the last break is found in one call: the
# pattern opens with a class, so the scan skips to each break, and only the last one is
# followed by no other to the end; not by going through every break in Python.)
_LAST_CLAUSE_BACK_RE = re.compile(r"[,;:()\[\]—–\"“”][^,;:()\[\]—–\"“”]*\Z")
_CLAUSE_ON_RE = re.compile(r"[,;:()\[\]—–\"“”!?]|\.(?=\s|$)")
_INITIALS_RE = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_WORD_RE = re.compile(r"\S+")
# The heads that say a person's sex, for the pronouns that refer back to them.
_GENDERED = {
    **dict.fromkeys(
        """spokesman spokesmen man men father son brother husband nephew uncle boy
        chairman congressman businessman""".split(), MALE),
    **dict.fromkeys(
        """spokeswoman spokeswomen woman women mother daughter sister wife niece aunt girl
        chairwoman congresswoman businesswoman""".split(), FEMALE),
}
# Words that hedge the name after them, which a quotation mark often holds:
# `a member of the so-called | "Gang of Eight"`.
_HEDGES = frozenset("so-called self-styled self-described alleged supposed".split())
_QUOTE_MARKS = frozenset("\"“”‘’'«»")


class Description(NamedTuple):
    text: str
    head: str  # its head noun as written ("spokesperson")
    head_end: int  # where the head ends in ``text``

    @property
    def person(self) -> bool:
        """Whether the head is a person's noun ("a reporter", not "a report")."""
        return names_a_person(self.head) or _AGE_RE.fullmatch(self.head) is not None

    @property
    def gender(self) -> str | None:
        """MALE or FEMALE where the head says ("a spokesman", "his sister"), else None."""
        return _GENDERED.get(_key(self.head))

    @property
    def plural(self) -> bool:
        """Whether the head is a plural ("aides", "people"): no "he" or "she"."""
        head = _key(self.head)
        return head in _PLURAL_PEOPLE or (
            head.endswith("s") and not head.endswith(("ss", "us", "is"))
        )

    @property
    def body(self) -> bool:
        """Whether the head is a body's noun ("the Moon administration", "the firm")."""
        return _key(self.head) in _BODIES

    @property
    def named(self) -> str | None:
        """The name the description holds, the body it may speak for: the complement's
        first ("a spokesperson for TransLink", "a spokesman for the Department of Justice
        in Ohio"), else the modifiers' ("a White House spokesman"); None if it holds none
        ("a senior official")."""
        after = [_bare(m.group()) for m in RUN.finditer(self.text, self.head_end)]
        before = [_bare(m.group()) for m in RUN.finditer(self.text, 0, self.head_end)]
        names = [n for n in after[:1] or before if n]
        return names[0] if names else None


def _bare(run: str) -> str:
    """A run without a determiner opening the sentence, nor a possessive ending."""
    first, _, rest = run.partition(" ")
    if first.casefold() in ("a", "an", "the"):
        run = rest
    return run[:-2] if run.endswith(("'s", "’s")) else run


def names_a_person(word: str) -> bool:
    """Whether ``word`` is a noun for a person a text may leave unnamed ("sister",
    "spokesman", "officials"), not for a body or a paper."""
    key = _key(word.strip(",;:"))
    return key in SOURCE_NOUNS and key not in _THINGS


def may_name_a_person(word: str) -> bool:
    """Whether ``word``, in lower case, may be the noun of a person a text described
    with "a" before: a source's noun ("an official"), or one shaped as an agent's ("a
    forecaster", "a vendor", "a florist", "a guardian"); not a body's, a paper's, a
    thing's ("a petition", "a column") or a function word."""
    key = _key(word)
    return word.isalpha() and word.islower() and key not in _THINGS and (
        key not in FUNCTION_WORDS and key not in _STOPS
    ) and (names_a_person(word) or key.endswith(_AGENT_ENDINGS))


def _is_head(word: str, first: bool, any_noun: bool = False) -> bool:
    """A source's noun, in lower case (or capitalised as a clause's first word); with
    ``any_noun``, any word in lower case that is no function word."""
    if word[:1].isupper() and not first:
        return word.rstrip(",;:") in _MEMBERS_HEADS  # (`one senior Conservative MP`)
    key = _key(word)
    return (
        key in SOURCE_NOUNS
        or key in _LOWER_HEADS and not first and word[:1].islower()
        or _PARENT_OF_RE.fullmatch(key) is not None
        or _AGE_RE.fullmatch(word) is not None
        or any_noun and word[:1].islower() and key not in FUNCTION_WORDS and key not in _STOPS
    )


def _opens(word: str) -> bool:
    """A determiner, or a possessive name standing for one ("Trump’s aide")."""
    return _key(word) in _DETERMINERS or (
        word[:1].isupper() and word.endswith(("'s", "’s")) and len(word) > 3
    )


def _phrase(words: list[str], to_end: bool, any_noun: bool = False) -> int | None:
    """How many of ``words`` (a determiner or a plural head first) make a description,
    the head's index in the high bits: ``head * 64 + length``; None if they make none.
    With ``to_end``, the description takes every word (it ends where the subject does);
    with ``any_noun``, the head may be any noun after a determiner."""
    if _key(words[0]) in _DEFINITE and not (len(words) > 2 and _owner(words[1])):
        # (`the senator`: someone named before, for the name rules; but `the girl's
        # mother` is someone introduced by whose she is)
        return None
    first = 0 if _opens(words[0]) else -1
    if (
        first == 0 and len(words) > 3 and _key(words[0]) in _QUANTIFIERS
        and _key(words[1]) == "of" and _key(words[2]) in _DETERMINERS
    ):
        first = 2  # (`one of the officials`: the group the speaker is one of)
    # (the words of a name that modifies count as one: `A Department of Health and
    # Social Care spokesperson`)
    limit = first + 2 + _MOST_MODIFIERS
    h = first
    while h + 1 < min(len(words), limit):
        h += 1
        word = words[h]
        if h > first + 1 and word[:1].isupper() and words[h - 1][:1].isupper() or (
            _key(word) in _IN_NAMES and words[h - 1][:1].isupper()
        ):
            limit = min(limit + 1, first + 2 + _MOST_NAME_WORDS)
        # (after an inverted verb, what a determiner opens is the speaker, whatever its
        # noun: `said one commuter at Waterfront station`; before a verb, a subject's noun
        # must be a source's)
        if not _is_head(word, h == 0, any_noun=any_noun and first == 0) and not (
            # (`A restaurant owner said`: someone new, by what they do, whatever the word)
            first == 0 and _key(words[0]) in _INDEFINITE and may_name_a_person(word)
            and (h + 1 == len(words) or _key(words[h + 1]) in _PREPOSITIONS)
        ):
            key = _key(word)
            if key in _IN_NAMES and h > first + 1 and words[h - 1][:1].isupper() and (
                words[h + 1 : h + 2] and words[h + 1][:1].isupper()
            ):
                continue  # (inside a name that modifies: `a Department of Health spokeswoman`)
            if key in FUNCTION_WORDS and not (word.isupper() and len(word) > 1) or (
                key in _STOPS or word.endswith(("'s", "’s")) and h > first + 1
            ):
                # (a modifier is no function word, no verb; but "US" of `A US official
                # said` is the country's letters, not "us")
                return None
            if h > first + 1 and _key(words[h - 1]) in SOURCE_NOUNS and (
                words[h - 1][:1].islower()  # (not "Cabinet" of `A Cabinet Office spokesperson`)
            ):
                return None  # (a noun then a word that is none: `the senator emailed`)
            continue
        if first < 0 and _key(word) not in _BARE_PLURALS:
            return None  # (no determiner: only a group's plural, `Officials said`)
        rest = words[h + 1 :]
        end = None
        if not rest:
            end = h + 1
        elif _key(rest[0]) in _PREPOSITIONS and len(rest) > 1:
            n = _complement(rest)
            if n == len(rest) or not to_end:
                end = h + 1 + n
        elif not to_end and _key(rest[0]) in _STOPS:
            end = h + 1
        elif _key(rest[0]) in SOURCE_NOUNS:
            continue  # (a compound: `the Clinton campaign spokesman`)
        if end is None:
            continue  # (`a senior | pilot`; `a spokesman Tom Hill`: more, read on)
        return h * 64 + end
    return None


def _owner(word: str) -> bool:
    """Whether ``word`` is a common noun's possessive ("girl's", "victim's")."""
    return word[:1].islower() and word.endswith(("'s", "’s")) and word[:-2].isalpha()


def _complement(rest: list[str]) -> int:
    """How many of ``rest`` (a preposition first) the head's complement takes: up to a
    clause's word, or (where nothing marks its end) up to the end of the name it holds
    and its noun (`an official in the Trump administration`, `a paper from the
    Brookings Institution | had this to say`); never ending on a function word (`a
    spokesman for the | "Yes" campaign`)."""
    n, named = 1, False
    while n < len(rest) and n <= 12:
        word = rest[n]
        key = _key(word)
        if named and (
            word.isdigit()  # (`for Harbour Workers Local 412`)
            or key == "and" and rest[n + 1 : n + 2] and rest[n + 1][:1].isupper()
            # (not `for Northline and Mayor Ann Lee`: a person after "and" speaks too)
            and _key(rest[n + 1]) not in TITLE_HEADS and not is_given_name(rest[n + 1])
        ):
            n += 1  # (`for the Ministry of Transportation and Infrastructure`)
            continue
        if key in _STOPS or word.islower() and key.endswith("ed") and key in _VERB_FORMS:
            break  # (`A former engineer at the company | recalled a tense meeting`)
        if key in _PREPOSITIONS:
            if n + 1 < len(rest) and _key(rest[n + 1]) in DATE_NAMES:
                break  # (`on Monday`: when it was said, not who said it)
            named = False  # (a phrase of its own: `for the Department of Justice in Ohio`)
        elif word[:1].isupper():
            named = True
        elif named and key not in _IN_NAMES and key not in SOURCE_NOUNS:
            break
        n += 1
    while n > 1 and (_key(rest[n - 1]) in FUNCTION_WORDS or _key(rest[n - 1]) in _HEDGES):
        n -= 1
    return n if n > 1 else 0


def _apposed(before: str) -> bool:
    """Whether ``before`` (up to a comma) ends with a name the words after the comma
    describe: `Ann Lee, | a spokeswoman`, not `In Washington, | a spokesman`."""
    cut = _after_last_break(before)
    words = before[cut:].split()
    return bool(words) and all(w[:1].isupper() for w in words) and (
        _key(words[0]) not in FUNCTION_WORDS and _key(words[0]) not in _LEADS
        and _key(words[0]) not in _PLACE_OPENERS  # (`Outside City Hall, a woman …`)
        and _key(words[-1]) not in DATE_NAMES
    )


def description_ending(s: str) -> Description | None:
    """The description that is the whole subject at the end of ``s``, the words before
    a reporting verb (`On Tuesday a spokesperson for TransLink` said)."""
    tail = s[-200:].rstrip(" \t\xa0")
    if SOURCE_NOUNS.isdisjoint(tail.casefold().split()) and "year-old" not in tail and (
        _OTHER_HEADS.isdisjoint(tail.split()) and "-of-" not in tail
    ) and not _INDEFINITE_RE.search(tail):
        return None  # (as most subjects: tests in C first)
    cut = _after_last_break(tail)
    if cut and tail[cut - 1] == "," and _apposed(tail[: cut - 1]):
        return None  # (the name before the comma is the subject)
    clause = tail[cut:]
    relative = _RELATIVE_TAIL_RE.search(clause)
    if relative:
        # `A nurse who works nights` said: the description before its relative clause
        clause = clause[: relative.start()]
    # (the words as _WORD_RE finds them: str.split() splits at the same white space; their
    # offsets are found only for a description, which most clauses are not)
    words = clause.split()[-_MOST_WORDS:]
    for j in range(min(4, len(words))):
        if j and _key(words[j - 1]) not in _LEADS and _key(words[j - 1]) not in DATE_NAMES:
            return None  # (the description opens the clause, after an opening word or two)
        packed = _phrase(words[j:], to_end=True)
        if packed is not None:
            head, end = divmod(packed, 64)
            spans = [m.span() for m in _WORD_RE.finditer(clause)][-_MOST_WORDS:]
            return _described(clause, spans[j:], words[j:], head, end)
    return None


# A restrictive relative clause ending a subject: `who works nights`, `that runs the
# shelter` (a few words, no clause break: a longer tail is a clause of its own).
_RELATIVE_TAIL_RE = re.compile(r"[ \t](?:who|that)[ \t][^,;:()\"“”]{1,60}$")


# A noun phrase that an indefinite determiner opens, ending a subject: `A restaurant
# owner` (see _phrase).
_INDEFINITE_RE = re.compile(r"(?:^|[\s,;:—–])(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+[a-z][^,;:()]{0,60}$")


def _after_last_break(text: str) -> int:
    """Where the text after the last of ``text``'s clause breaks starts (0 if none)."""
    m = _LAST_CLAUSE_BACK_RE.search(text)
    return m.start() + 1 if m else 0


def description_opening(s: str, any_noun: bool = True) -> Description | None:
    """The description that opens ``s``, the words after an inverted verb or after
    "according to" (`said a spokesperson for TransLink, who asked not to be named`).
    With ``any_noun`` (after an inverted verb: what follows it is its subject), any
    noun a determiner opens makes one (`said one commuter`)."""
    head_text = s[:200].lstrip(" \t\xa0")
    first = head_text[:16].split(None, 1)
    if not first or not (_opens(first[0]) or _key(first[0]) in SOURCE_NOUNS):
        return None  # (as after most verbs: a name, not a determiner)
    cut = _clause_end(head_text)
    clause = head_text[:cut]
    spans = [m.span() for m in _WORD_RE.finditer(clause)][:_MOST_WORDS]
    if not spans:
        return None
    words = [clause[a:b] for a, b in spans]
    packed = _phrase(words, to_end=False, any_noun=any_noun)
    if packed is None:
        return None
    head, end = divmod(packed, 64)
    if end > head + 1 and head_text[cut : cut + 1] in _QUOTE_MARKS:
        end = head + 1  # (`a member of the so-called | "Gang of Eight"`: the head alone)
    return _described(clause, spans, words, head, end)


def _clause_end(text: str) -> int:
    """Where the clause that opens ``text`` ends: at a comma, a dash, a quotation mark,
    or a full stop that ends no abbreviation ("the U.S. Navy", "Gov. Ann Lee")."""
    for m in _CLAUSE_ON_RE.finditer(text):
        if m.group() != ".":
            return m.start()
        if not _abbreviation(text[text.rfind(" ", 0, m.start()) + 1 : m.start()]):
            return m.start()
    return len(text)


def _abbreviation(word: str) -> bool:
    """Whether a full stop after ``word`` ends an abbreviation ("Gov", "Dept") or
    initials ("U.S"), and no clause."""
    return word.casefold() in STOP_ABBREVIATIONS or _INITIALS_RE.fullmatch(word) is not None


def _described(
    clause: str, spans: list[tuple[int, int]], words: list[str], head: int, end: int
) -> Description:
    """The description of ``words[:end]`` (their ``spans`` in ``clause``), its spacing
    made plain (a no-break space, a line break)."""
    start = spans[0][0]
    text = " ".join(clause[start : spans[end - 1][1]].split())
    if text.endswith(".") and not _abbreviation(text.rsplit(None, 1)[-1][:-1]):
        text = text[:-1]  # (`one party activist.”`: the sentence's full stop)
    return Description(text, words[head], len(" ".join(words[: head + 1])))
