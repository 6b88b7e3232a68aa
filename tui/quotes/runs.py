"""What a run of capitalised words names out of context (a person in full, a titled
or a lone name, an organisation, or nothing), and the small tests on words and names
the speaker rules share."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from tui.nlp.given_names import gender_of, is_given_name
from tui.nlp.lexicon import (
    DATE_NAMES,
    DAY_NAMES,
    DEPARTMENT_WORDS,
    NAME_SUFFIXES,
    NON_PERSON_WORDS,
    OFFICES,
    ORG_HEADS,
    PARTICLES,
    PLACE_WORDS,
    POST_NOMINALS,
    ROMAN_NUMERALS,
    SAINTS,
    TITLE_HEADS,
    TITLE_WORDS,
)
from tui.nlp.name_runs import RUN_TOGETHER_INITIALS, inside_a_name, role_before_a_name
from tui.quotes.cues import (
    _LEADING_WORDS,
    _ORG_HEADS,
    _TAIL_PHRASES,
    _TAIL_WORDS,
    _TITLE_WORDS,
    _TITLES,
    _is_country,
    _is_major_place,
    _key,
)

_SKIP, _ORG_RUN, _FULL, _TITLED, _SINGLE, _AFTER_DEPARTMENT = range(6)
# Words of offices, organisations and places: after one of them, a given name starts
# the name ("Maricopa County Recorder Helen Purcell").
# Heads of place and organisation names that are also common surnames ("Owen Cross").
_SURNAME_HEADS = frozenset(
    """cross waters ridge hill hills park wall street bridge beach forest guardian post
    house church brook banks mills fields""".split()
)
# Honorifics before a surname ("Mr. Baker").
_HONORIFICS = frozenset("mr mrs ms miss dr".split())
_INSTITUTION_WORDS = TITLE_WORDS | ORG_HEADS | PLACE_WORDS | NON_PERSON_WORDS | _TITLES
_NOT_A_NAME = (_SKIP, "", "", "")
_POSSESSIVE_ENDS = ("'s", "’s")  # (one tuple for the commonest answer, not one each)


# The cache outlives the build, so it is sized for the names that recur, not for every
# run of an archive: most runs occur once (at 10,000 articles a third as many entries
# cost 2% more time and 20 MB less memory).
@lru_cache(maxsize=32_768)
def _run_kind(run: str) -> tuple[int, str, str, str]:
    """What a run of capitalised words names, out of context: (kind, name, key, titles).

    ``key`` is an organisation's head word, or a person's first and last name as
    lookup keys; ``titles`` the title words before a person's name ("foreign minister").
    Cached: the same names recur across thousands of articles. A name that is the whole
    run is the run's own string, which the cache holds anyway.
    """
    raw = run.split()
    if raw[0] == "X." and len(raw) > 2:
        # (`on X. Renata Ferris`: the platform ends a sentence; no one's initial)
        raw = raw[1:]
        run = run[run.index(" ") + 1 :]
    if "s " in run:
        # a possessive inside the run ends what it owns: `Boston's Walsh` is Walsh
        for i in range(len(raw) - 2, -1, -1):
            if raw[i].endswith(("'s", "’s")) and not inside_a_name(
                raw[i], raw[i - 1] if i else None, raw[i + 1 :]
            ):
                raw = raw[i + 1 :]
                break
    # (_strip_possessive and _key inline, and the possessive's strip only where one is:
    # this runs for every run the cache has not seen, a hundred thousand per 10,000
    # articles)
    tokens = (
        [
            t[:-2] if t.endswith(_POSSESSIVE_ENDS) and not inside_a_name(
                t, raw[i - 1] if i else None, raw[i + 1 :]
            ) else t
            for i, t in enumerate(raw)
        ]
        if "'s" in run or "’s" in run
        else raw
    )
    keys = [t.rstrip(".").casefold() for t in tokens]
    lead = 0
    while lead < len(keys) and keys[lead] in _LEADING_WORDS:
        lead += 1
    if lead == len(keys):
        return _NOT_A_NAME
    if lead:
        tokens, keys = tokens[lead:], keys[lead:]
    tokens, keys = _without_post_nominals(tokens, keys)
    if keys[0] in DEPARTMENT_WORDS and len(keys) > 2 and keys[0] not in TITLE_HEADS:
        # `State John Kerry` of `Secretary of State John Kerry`: a full name after a
        # department, which the registry takes only after "of" (not a department that
        # is a person's title too: `Justice Peter Collins noted`)
        found = _run_kind(" ".join(tokens[1:]))
        if found[0] == _FULL and not found[3]:  # (not "Foreign | Minister Taro Kono")
            return (_AFTER_DEPARTMENT, *found[1:])
    if keys[-1] in _ORG_HEADS and not (
        keys[-1] in _SURNAME_HEADS and _named_like_a_place(*_after_title(tokens, keys))
    ):
        return _ORG_RUN, _same(" ".join(tokens), run), keys[-1], ""
    if not DATE_NAMES.isdisjoint(keys) and not (
        # (a month's short name that is a given name inside a name: "Desmond Koh Jun
        # Jie", "Jan Kowalski"; not a month's full name opening a run, "a June Trump
        # event", nor "March Madness")
        len(keys) >= 2
        and keys[-1] not in DATE_NAMES
        and all(
            is_given_name(tokens[i]) and (i or len(keys[i]) <= 3)
            for i in range(len(keys) - 1) if keys[i] in DATE_NAMES
        )
    ):
        return _NOT_A_NAME
    if len(keys) == 2 and keys[0] in SAINTS:
        return _NOT_A_NAME  # ("St Augustine", "St Kilda": a place or a church, no one)
    if (
        keys[0] in PLACE_WORDS and not (len(keys) > 2 and keys[1] in TITLE_HEADS)
        or keys[-1] in PLACE_WORDS
    ) and not (
        keys[-1] in _SURNAME_HEADS and _named_like_a_place(tokens, keys)
    ) or (len(keys) == 1 and _is_country(keys[0])):
        # (but a title after a kind of place: `District Judge Ann Lee`, `Regional
        # Commissioner Tom Hart`)
        return _NOT_A_NAME
    last_title = _last_title(tokens, keys)
    person = tokens[last_title + 1 + _name_start(tokens, keys, last_title + 1) :]
    if len(person) == 2 and _key(person[1]) in NAME_SUFFIXES:
        person = person[:1]  # "Biden Jr." where "Joseph R." fell outside the run
    if not person or len(person) > 4 and (
        # (the particles inside a name are no words of their own: "Luiz Inácio Lula da
        # Silva" is a four-word name)
        sum(_key(t) not in PARTICLES for t in person) > 4 or _key(person[0]) in PARTICLES
    ):
        return _NOT_A_NAME
    if len(person) > 2 and any(_key(t) in PLACE_WORDS for t in person):
        return _NOT_A_NAME  # "Clinton New Hampshire": a name run into a place
    if len(person) >= 2 and last_title < 0 and _is_major_place(" ".join(person)):
        return _NOT_A_NAME  # "In downtown San Francisco": a place, no person
    name = _same(" ".join(person), run)
    titles = " ".join(k for k in keys[: last_title + 1] if k in _TITLES)
    if len(person) >= 2:
        last = len(person) - 1
        while last > 1 and _key(person[last]) in NAME_SUFFIXES:
            last -= 1  # "Biden" is the surname of "Joseph R. Biden Jr."
        keys_ = " ".join(sorted({_key(person[0]), _key(person[last])}))
        return _FULL, name, keys_, titles
    return (_TITLED if last_title >= 0 else _SINGLE), name, "", titles


def _without_post_nominals(tokens: list[str], keys: list[str]) -> tuple[list[str], list[str]]:
    """A run's words and their keys without the letters after a name that say an office
    or an honour ("Simon Delacroix KC", "Niamh Corrigan TD"), where a name is left."""
    while len(tokens) > 2 and tokens[-1] in POST_NOMINALS:
        tokens, keys = tokens[:-1], keys[:-1]
    return tokens, keys


def _same(s: str, other: str) -> str:
    """``s``, or ``other`` if they are equal: one string kept instead of two."""
    return other if s == other else s


def _occurs(text: str, word: str, before_ok: Any) -> bool:
    """Whether ``word`` occurs as a whole word where ``before_ok(text, at)`` holds
    (plain ``str.find``: much faster than a regex that starts with a look-behind)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (end >= len(text) or not text[end].isalnum()) and before_ok(text, at):
            return True
        at = text.find(word, end)
    return False


def _is_word_start(text: str, at: int) -> bool:
    return at == 0 or not text[at - 1].isalnum()


def _is_inside_sentence(text: str, at: int) -> bool:
    """``at`` follows a word or a comma on the same line (`"…," Smith said`): not a
    sentence's first word."""
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i >= 0 and i < at - 1 and text[i] in "\"”’'" and i > 0:
        i -= 1  # a closing quote mark: what came before it decides
    return i < at - 1 and i >= 0 and (text[i].isalnum() or text[i] in ",;")


# (The reading of a sentence before a quotation asks again of the words it has just
# asked of: whether they end in "and", then who their subject is. Two calls in three
# are for a string met in the last few, so a small cache saves most of the work.)
@lru_cache(maxsize=256)
def _strip_tail(s: str) -> str:
    """``s`` without the adverbials and auxiliaries it ends with."""
    while True:
        s = s.rstrip(" \t\n")
        if s.endswith(")") and "(" in s[-40:]:
            s = s[: s.rindex("(")]  # `Sen. Elizabeth Warren (D-Mass.) said`
            continue
        if s.endswith(("'s", "’s")):
            s = s[:-2]
            continue
        low = s[-20:].casefold()
        phrase = (
            next(p for p in _TAIL_PHRASES if low.endswith(p))
            if low.endswith(_TAIL_PHRASES)  # (one C call rules out all the phrases)
            else None
        )
        if phrase and not s[: -len(phrase)][-1:].isalnum():
            s = s[: -len(phrase)]
            continue
        cut = max(s.rfind(" "), s.rfind("\n"), s.rfind("\t"))
        word = s[cut + 1 :]
        # auxiliaries and adverbs are written in lower case ("Theresa May said")
        if word.casefold() in _TAIL_WORDS and (word.islower() or word.casefold() in DAY_NAMES):
            s = s[: cut + 1]
            continue
        if len(word) > 4 and word.endswith("ly") and word.isalpha() and word.islower():
            s = s[: cut + 1]  # any adverb in -ly: `Clinton emphatically proclaimed`
            continue
        return s


def _last_title(tokens: list[str], keys: list[str]) -> int:
    """Index of the last title, nationality or acronym in a run of capitalised words:
    the name is what follows it ("Japanese Foreign Minister | Taro Kono")."""
    # (from the end: the last one found is the answer, and most runs are short names)
    last = len(keys) - 1
    for i in range(last, -1, -1):
        if i == last and _surname_at_end(tokens, keys):
            continue
        token = tokens[i]
        if keys[i] in _TITLE_WORDS or (
            # (an acronym is upper case: the test rules out most words without a call)
            token.isupper()
            and _acronym(token)
            and not (
                i == last - 1 and RUN_TOGETHER_INITIALS.fullmatch(token)
                and (i == 0 or not _is_country(keys[i]))
            )
        ):
            # (`J.M. Berger`, `Chief Minister K.R. Elangovan`: initials before a surname
            # are no acronym; `U.S.` after a title is a country's)
            return i
    return -1


def _surname_at_end(tokens: list[str], keys: list[str]) -> bool:
    """Whether a run's last word, a nationality, a title or a role that would precede a
    name, is a surname instead: after a given name or a middle initial ("Greta Dutch",
    "Paul T. King", "Ada Bishop"), or a nationality or a role after an honorific ("Mr.
    Baker"; not "Mr. President")."""
    if len(keys) < 2:
        return False
    last, before = keys[-1], tokens[-2]
    if last not in _TITLE_WORDS:
        return False
    if is_given_name(before) or (len(before.rstrip(".")) == 1 and before[:1].isupper()):
        return True
    return keys[-2] in _HONORIFICS and last not in TITLE_WORDS and last not in OFFICES


def _acronym(token: str) -> bool:
    bare = token.replace(".", "")
    return (
        len(bare) >= 2
        and bare.isupper()
        and bare.isalpha()
        and bare.casefold() not in ROMAN_NUMERALS  # "Brent Bozell III"
    )


def _name_start(tokens: list[str], keys: list[str], start: int) -> int:
    """How many words after ``start`` still belong to what precedes a name rather than
    to the name: a title the lexicon does not hold ("Public Advocate Trish James",
    "County Recorder Helen Purcell") ends where a given name starts after a word of an
    office, an organisation or a place; a hyphenated modifier ("Boston-area Kim")
    ends where it ends."""
    n = len(tokens) - start
    if n < 2:
        return 0
    if "-" in keys[-2] or (n > 2 and "-" in "".join(keys[start:-2])):
        for i in range(len(tokens) - 2, start - 1, -1):
            head, hyphen, part = tokens[i].rpartition("-")
            if hyphen and head and part.islower():
                return i + 1 - start  # "Boston-area | Kim"
    if n < 3 or is_given_name(tokens[start]):
        return 0
    if role_before_a_name(tokens[start], tokens[start + 1]):
        return 1  # "Guitarist | Theo Vance"
    institutional = False
    for i in range(start, len(tokens) - 1):
        if i > start and institutional and is_given_name(tokens[i]):
            return i - start
        k = keys[i]
        institutional = institutional or k in _INSTITUTION_WORDS or "-" in k or _acronym(tokens[i])
    return 0


def _after_title(tokens: list[str], keys: list[str]) -> tuple[list[str], list[str]]:
    """The words of a run after its last title ("Mayor | Don Guardian")."""
    i = _last_title(tokens, keys) + 1
    return (tokens[i:], keys[i:]) if i else (tokens, keys)


def _named_like_a_place(tokens: list[str], keys: list[str]) -> bool:
    """A given name and a surname that is also a place or an organisation word
    ("David Waters", "Owen Cross", "Tom Ridge"): a person, not the place."""
    return (
        2 <= len(tokens) <= 3
        and keys[-1] in _SURNAME_HEADS
        and gender_of(tokens[0] + " " + tokens[-1]) is not None
        and keys[0] not in PLACE_WORDS
        and not _is_major_place(tokens[0])
        and not _is_country(keys[0])
        and (len(tokens) == 2 or len(keys[1]) == 1)  # (a middle initial)
    )


