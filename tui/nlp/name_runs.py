"""Runs of capitalised words in news text: the pattern that finds them, their tokens
and joiners, and the cuts that keep a page-long run to name-sized pieces before the
:class:`tui.nlp.names.Analyser` reads them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.nlp.given_names import is_given_name
from tui.nlp.lexicon import (
    AFFILIATIONS,
    COMPASS_REGIONS,
    DEITIES,
    DEPARTMENT_WORDS,
    EVENTS_AND_SCALES,
    FAITH_ADJECTIVES,
    FUNCTION_WORDS,
    HEAD_WORDS,
    HOLIDAYS,
    JOIN_LEFT,
    MEMBER_PLURALS,
    MONTHS,
    NAME_ABBREVIATIONS,
    NAME_SUFFIXES,
    NAMED_POSSESSORS,
    NATIONALITY_NOUNS,
    NEWS_AGENCIES,
    NON_PERSON_WORDS,
    OFFICE_BODIES,
    OFFICE_HOLDERS,
    OFFICES,
    ORG,
    ORG_HEADS,
    OTHER,
    OTHER_HEADS,
    OTHER_LEADS,
    PARTICLE_PATTERN,
    PARTICLES,
    PERSON_ROLES,
    PLACE,
    PLACE_HEADS,
    PLACE_LEADS,
    PLACE_PARTS,
    RESIDENCES,
    ROMAN_NUMERALS,
    SAINTS,
    STYLED_TITLES,
    TITLE_HEADS,
    TITLE_WORDS,
    WEEKDAYS,
)
from tui.nlp.places import DIRECTIONS, fold

STRONG = 6  # a vote this heavy is evidence (a title, a head noun, the gazetteer)


# --- the candidate regex ---------------------------------------------------------------

def _upper_class() -> str:
    # Latin (with accents), Greek and Cyrillic capitals: names in other alphabets count too.
    ranges = [(0x41, 0x5B), (0xC0, 0x250), (0x370, 0x530)]
    chars = "".join(chr(c) for lo, hi in ranges for c in range(lo, hi) if chr(c).isupper())
    return "[" + re.escape(chars) + "]"


_UP = _upper_class()
UPPER = _UP  # the capitals a name may start with, as a regex class, for every rule
# The lexicon's abbreviations as written ("Lt", "Col"), grouped by length because a
# look-behind must have a fixed width.
_ABBREVIATION_STOP = "|".join(
    rf"(?<=\b(?:{'|'.join(sorted(a.capitalize() for a in NAME_ABBREVIATIONS if len(a) == n))}))"
    for n in sorted({len(a) for a in NAME_ABBREVIATIONS})
)
# The plurals whose possessive stays inside a name ("Workers' Party"), as look-behinds.
_PLURAL_OWNERS = [w for w in NAMED_POSSESSORS if w.endswith("s")]
_NAMED_PLURAL_STOP = "|".join(
    rf"(?<=\b(?:{'|'.join(sorted(w.capitalize() for w in _PLURAL_OWNERS if len(w) == n))}))"
    for n in sorted({len(w) for w in _PLURAL_OWNERS})
)
# The rest of a word after its capital: letters, digits, inner apostrophes and hyphens,
# dotted parts ("U.S.", "South Korean-U.S."), an ampersand between capitals after two
# ("HT&T"; "R&B" is no name), and a final stop only for an abbreviation or a middle
# initial ("Jae C. Hong"). (Each way to take a final stop takes a stop: the look-ahead
# in front spares their look-behinds at the end of every word but those before a stop.)
_REST = (
    r"\w*(?:(?:['’-]|\.(?=\w\.)|(?<=[A-Z]{2})&(?=[A-Z]))\w+)*"
    rf"(?:(?=\.)(?:(?<=[.\-]\w)\.|(?:{_ABBREVIATION_STOP})\.(?=[ \t])"
    rf"|(?<=\b{_UP})\.(?=[ \t]{_UP}))"
    # a plural's possessive inside a name, "Workers' Party" (see inside_a_name)
    rf"|(?=['’])(?:{_NAMED_PLURAL_STOP})['’](?=[ \t]+{_UP}))?"
)
_TOKEN = _UP + _REST
# one or two capitalised words in double quotation marks ("Peg", “Bobby”, "Eddie Boy")
_NICK_WORDS = rf"{_UP}[\w'’-]*(?: {_UP}[\w'’-]*)?"
_QUOTED_WORD = (
    rf"(?:\"{_NICK_WORDS}\"|“{_NICK_WORDS}”|``{_UP}[\w’-]*(?: {_UP}[\w’-]*)?''"
    # (in single marks, as outlets that quote with them write it: `Michael 'Mick' Byrne`)
    rf"|'{_UP}[\w-]*(?: {_UP}[\w-]*)?'|‘{_UP}[\w-]*(?: {_UP}[\w-]*)?’)"
)
_PARTICLE = PARTICLE_PATTERN
# Two particles make one joiner: "Ursula von der Leyen", "Penelope de la Cruz".
_JOINER = (
    rf"(?:(?:of|for|on)(?:[ \t]+the)?|{_PARTICLE}(?:[ \t]+(?:{_PARTICLE}|the))?|and|&)"
)
# (Every joiner starts with a letter in lower case or "&": after a run's last word the
# look-ahead turns the next word down before its alternatives are tried one by one.)
_JOINER_NEXT = rf"(?=[a-z&]){_JOINER}"
# The pattern starts with the capital itself, so the engine skips ahead to the next
# capital quickly; the look-behinds then reject capitals inside words, handles and URLs,
# and after a prefix that makes the word an adjective of the thing it is for or against
# ("anti-Hanseatic", "pro-Ellery", "non-Nordic"): a name so glued on describes.
# (The prefixes' look-behinds are tried only after a hyphen, which most capitals lack.
# With the guards above, the search for runs in 3,000 articles takes 0.23 s, not 0.32.)
_PREFIXED = "".join(rf"(?<!\b{p}-{_UP})" for p in ("anti", "pro", "non", "un", "neo"))
# A nickname in quotation marks between a given name and a surname: `Margaret "Peg"
# Doolan` is one name (a quotation mark after a space is tried only there).
_NICKNAME = rf"(?=[\"“`'‘]){_QUOTED_WORD}[ \t]+"
RUN = re.compile(
    rf"{_UP}(?<![\w’'/@#]{_UP})(?<!\w\.{_UP})(?:(?<!-{_UP})|{_PREFIXED}){_REST}"
    rf"(?:[ \t]+(?:{_JOINER_NEXT}[ \t]+|{_NICKNAME})?{_TOKEN})*"
)
_TOKEN_RE = re.compile(_TOKEN)
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
# An acronym defined right after its expansion: "... Agreement (GSOMIA)", "..., or GSOMIA,".
# Initials run together before a surname ("J.M. Berger", "K.R. Elangovan"): no acronym.
RUN_TOGETHER_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
DEFINITION = re.compile(rf"[ \t]*(?:\(|,[ \t]+or[ \t]+)((?:{_UP}\.?){{2,8}}s?)(?=[),.;: \t])")
DEFINITION_STARTS = (" (", ", or ", "\t(")
POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")


def is_acronym(token: str) -> bool:
    letters = token.replace(".", "")
    if letters.endswith("s") and letters[:-1].isupper():
        letters = letters[:-1]
    return 2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha()


def _is_function(token: str) -> bool:
    """A function word written with a capital ("The", "In"); "US" and "IT" are not."""
    return not (token.isupper() and len(token) > 1) and _fold_word(token) in FUNCTION_WORDS


def _compound_word(token: str, first: bool) -> bool:
    """Whether a hyphenated ``token`` is a word the language makes of a name and a word
    in lower case: an adjective ("Emmy-winning", "Yale-trained", "Cannes-ready") or a
    common noun ("X-rays", "A-sides"), which names nothing. A name's own lower-case
    syllables ("Bel-a-Mare", and given names as "Ji-hoon" or "Seon-hwa" after a surname)
    are not: the lower part must have three letters or more and follow one capital
    letter, a word of three letters or more, or an acronym; and the word must open the
    run or end as a participle does."""
    parts = token.split("-")
    head = parts[0]
    if not head[:1].isupper() or not (len(head) == 1 or len(head) >= 3 or head.isupper()):
        return False
    for part in parts[1:]:
        if len(part) >= 3 and part[:1].islower() and part.isalpha():
            return first or part.endswith(("ed", "ing"))
    return False


def _is_camel(token: str) -> bool:
    # "WannaCry", "NotPetya": product and malware names. "McDonald", "MacArthur" are not.
    if not token[:1].isupper() or not token.isalpha() or token.isupper():
        return False
    inner = [i for i, c in enumerate(token) if c.isupper() and i > 0]
    return bool(inner) and inner[0] >= 3 and not token.startswith(("Mac", "Mc"))


# --- analysis of one run -----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Piece:
    """One candidate name inside a run; offsets are relative to the run's start."""

    start: int
    end: int
    surface: str
    key: str
    votes: tuple[tuple[str, int], ...]
    ambiguous: bool = False
    multi: bool = False  # more than one word: first/last words can be a person's name parts


_Token = tuple[int, int, str]  # (start, end, text) relative to the run
_Seg = tuple[int, int, str, str]  # a token and the joiner in front of it ("of", "of the")


_NICKNAME_MARKS = frozenset(['"', "“", "”", "``", "''", "'", "‘", "’"])


def nickname_cut(run: str) -> int:
    """Where a run must end before a word in quotation marks that is no nickname: after
    a word that is no given name (`Ohio "Heartbeat" Bill`, `CNN "Newsroom"`); -1 where it
    need not (`Saúl "Canelo" Álvarez`)."""
    quote = min(
        (q for q in (run.find(' "'), run.find(" “"), run.find(" ``"), run.find(" '"),
                     run.find(" ‘")) if q >= 0),
        default=-1,
    )
    if quote < 0:
        return -1
    word = run[run.rfind(" ", 0, quote) + 1 : quote]
    return -1 if may_own_a_nickname(word) else quote


# "on", "to" or "via" right before a point in the text (see platform_at).
_PLATFORM_PREPOSITION_RE = re.compile(r"(?<![\w'’-])(?:on|to|via) $")


def platform_at(text: str, at: int) -> bool:
    """Whether ``text`` holds "X. " at ``at`` after "on", "to" or "via": the platform
    ending its sentence (`posted the update on X. Renata Ferris said`), not the first
    initial of the name that opens the next. (The entity miner and the speakers' runs
    both ask it.)"""
    return text.startswith("X. ", at) and (
        _PLATFORM_PREPOSITION_RE.search(text, max(0, at - 5), at) is not None
    )


# The endings of nouns for what a person does or is to a story ("Guitarist", "Passenger",
# "Elder", "Historian", "Consultant", "Resident").
_AGENT_ENDINGS = ("ist", "er", "or", "ian", "ant", "ent")


def role_before_a_name(word: str, following: str) -> bool:
    """Whether ``word``, opening a run before the given name ``following`` (and a
    surname), reads as a role the lexicon lacks ("Guitarist Theo Vance", "Passenger
    Ellen Marsh"): shaped as a noun for a person, and no given name itself ("Parker",
    "Taylor")."""
    low = word.casefold()
    return len(low) > 4 and low.isalpha() and low.endswith(_AGENT_ENDINGS) and (
        not is_given_name(word) and is_given_name(following)
    )


def may_own_a_nickname(word: str) -> bool:
    """Whether ``word`` may be the given name before a nickname in quotation marks: a
    given name, with its accents or without ("George", "Saúl"). (Any capitalised word
    would make names of `the Taylor Swift "Eras" Tour` and `Biden "Sleepy" Joe`; and the
    lists of given names hold a few function words: `the "Super Tuesday" states`.)"""
    if not word[:1].isupper() or _fold_word(word) in FUNCTION_WORDS:
        return False
    return is_given_name(word) or (not word.isascii() and is_given_name(fold(word).title()))


def run_tokens(run: str) -> tuple[list[_Token], list[str]]:
    """The run's words, and the joiner text in front of each (lower-cased, "" if none)."""
    tokens: list[_Token] = []
    joiners: list[str] = []
    prev = 0
    for m in _TOKEN_RE.finditer(run):
        joiner = " ".join(run[prev : m.start()].split()).lower()
        if joiner in _NICKNAME_MARKS and tokens and (
            joiners[-1] in _NICKNAME_MARKS
            or len(tokens) > 1 and joiners[-1] == "" and joiners[-2] in _NICKNAME_MARKS
        ):
            # a nickname in quotation marks (`Margaret "Peg" Doolan`, `Eduardo "Eddie
            # Boy" Panganiban`; the miner keeps one only after a given name, see
            # nickname_cut) is no word of the name: the person is Margaret Doolan, the
            # span the whole
            if joiners[-1] == "":
                tokens.pop()
                joiners.pop()
            tokens.pop()
            joiners.pop()
            joiner = ""
        tokens.append((m.start(), m.end(), m.group()))
        joiners.append(joiner)
        prev = m.end()
    return tokens, joiners


def _fold_letters(text: str) -> str:
    """:func:`fold` of words of letters joined by single spaces.

    Plain ASCII names need only their case folded, and a large corpus has hundreds of
    thousands of them: this spares the memo (and its memory) that :func:`fold` keeps.
    """
    return text.casefold() if text.isascii() else fold(text)


def inside_a_name(possessive: str, before: str | None, rest: Sequence[str]) -> bool:
    """Whether a word ending in "'s" or "s'" is part of the name it is in ("People's"
    of "People's Liberation Army", "Workers'" of "Workers' Party", "Women's FA Cup"),
    not an owner: a collective owner ("people", "women", "king"), not a surname
    ("Larry King's", "Burger King's": a capitalised word just ``before`` a king or a
    queen), and not what owns the name after it (the ``rest`` of the run: an article,
    or a given name and no head noun, "Stephen King's The Shining", "Queen's Brian May";
    not "Young Women's Christian Association")."""
    owner = (possessive[:-2] if possessive.endswith(("'s", "’s")) else possessive[:-1]).casefold()
    if before is not None and rest and _fold_word(before) in SAINTS:
        # "St Mary's Hospital", "St John's College": a saint's possessive names the
        # church, the school or the hospital after it
        return True
    if owner in OFFICE_HOLDERS:
        # "the Kern County Sheriff's Office", "the District Attorney's Office": an
        # office's holder names the body that serves them
        return bool(rest) and _fold_word(rest[0]) in OFFICE_BODIES
    if owner not in NAMED_POSSESSORS:
        return False
    if before is not None and owner in ("king", "queen"):
        return False
    if not rest:
        return True
    if rest[0] in ("The", "A", "An"):
        return False
    return not is_given_name(rest[0]) or any(_fold_word(w) in HEAD_WORDS for w in rest)


def _fold_word(token: str) -> str:
    return token.rstrip(".").casefold()


def _and_joins(tokens: list[_Token], joiners: list[str], n: int) -> bool:
    """After "the", does the "and" before token ``n`` sit inside one name ending in a head?"""
    tail: list[str] = []
    for (_s, _e, tok), joiner in zip(tokens[n:], joiners[n:]):
        if tail and joiner in ("and", "&"):
            break
        tail.append(_fold_word(tok))
    return len(tail) <= 4 and (tail[-1] in ORG_HEADS or tail[-1] in OTHER_HEADS)


def _joins(left: list[str], words: list[str], joiner: str = "") -> bool:
    """May "of"/"for"/"on" (``joiner``) join ``left`` to what follows? Only in names
    built on it. A named place says where it stands with "on" ("the Drake Hotel on
    Park Avenue" is two places), where a place's head alone does not ("Theatre on the
    Lake", "The Bridge on the River Kwai")."""
    if left[-1] in JOIN_LEFT:
        return not (
            joiner.startswith("on ") or joiner == "on"
        ) or not _placed_on(left, words[len(left) :])
    if len(left) in (2, 3) and all(
        w.startswith(_PLAIN) or (is_given_name(w) and w not in HEAD_WORDS) for w in left
    ):
        # a person "of" a body: "Ann Lee of the Harbour Gazette" (plain name words
        # stand in a run's shape as placeholders: see Analyser._shaped)
        return False
    if 2 <= len(left) <= 4 and (
        left[0] in TITLE_HEADS
        or left[0].startswith(_PLAIN)
        or (is_given_name(left[0]) and left[0] not in HEAD_WORDS)
    ) and not any(w in HEAD_WORDS for w in left[1:]):
        # the same with a surname no rule knows, a middle initial or a title: "Ann T.
        # O'Hara of the Harbour Gazette", "Mr. Lund of the Harbour Board"
        return False
    tail = [w for w in words if w not in ROMAN_NUMERALS and not w.isdigit()]
    return bool(tail) and (tail[-1] in ORG_HEADS or tail[-1] in OTHER_HEADS)


def name_word(word: str) -> bool:
    """Whether ``word`` is shaped as a name's own word inside a full name: a capital,
    then lower-case letters, three or more (no initial, no suffix, no hyphen)."""
    return len(word) > 2 and word[0].isupper() and word[1:].islower() and word.isalpha()


def inner_names(name: str) -> list[str]:
    """The words inside a full name that a text may call the person by alone: not the
    second given name, particles, initials nor suffixes ("Lula" of "Luiz Inácio Lula da
    Silva", "Rodham" of "Hillary Rodham Clinton"; "Tang" of "Chris Tang Ping-keung", a
    surname before a given name of two syllables, whatever else "Tang" may be)."""
    words = name.split(" ")
    surname_first = _SYLLABLES_RE.fullmatch(words[-1]) is not None
    return [
        w for n, w in enumerate(words[1:-1])
        if name_word(w)
        and not (n == 0 and is_given_name(w) and not surname_first)
        and w.casefold() not in PARTICLES
    ]


# A given name of two syllables joined by a hyphen, as Hong Kong and Korean names are
# written after the surname: "Ping-keung", "Jae-in".
_SYLLABLES_RE = re.compile(r"[A-Z][a-z]+-[a-z]+")


def plural_of_a_body(run: str) -> int:
    """Where the body's name starts in a run that opens a sentence with a plural noun,
    "of", then that name: "Shares of Acme Holdings rose", "Executives of the Bolt Motors
    Group met" (where "Friends of the Earth" is built on its "of": see JOIN_LEFT); 0 if
    the run is not one."""
    noun, of, rest = run.partition(" of ")
    if not of or " " in noun or noun[-1:] != "s" or noun[-2:] == "ss":
        return 0
    if _fold_word(noun) in JOIN_LEFT:
        return 0
    body = rest[4:] if rest.startswith("the ") else rest
    words = [_fold_word(w) for w in body.split(" ")]
    if len(words) < 2 or words[-1] not in ORG_HEADS or words[0] in ORG_HEADS:
        return 0
    return len(run) - len(body)


def _placed_on(left: list[str], right: list[str]) -> bool:
    """Whether ``left`` "on" ``right`` are two places: a place named by more than its
    head, then a street, a road or another place ("Nassau County on Long Island")."""
    return (
        len(left) >= 2
        and left[-1] in PLACE_HEADS
        and left[-1] not in ORG_HEADS
        and left[-1] not in OTHER_HEADS
        and bool(right)
        and right[-1] in PLACE_HEADS
    )


def _head_type(words: list[str], joined: list[str]) -> tuple[str, int] | None:
    """The type its head noun gives a multi-word name, e.g. "Council" → ORG."""
    low = [_fold_word(w) for w in words]
    # The head of "Sea of Japan" is "Sea": the word before the first "of"/"for".
    heads: list[str] = []
    joiner = ""
    for i, j in enumerate(joined[1:], start=1):
        if j and j != "and" and j != "&":
            heads.append(low[i - 1])
            joiner = j
            if low[i - 1] in MEMBER_PLURALS:
                return ORG, 8  # "Friends of the Earth"
            break
    last = [w for w in low if w not in ROMAN_NUMERALS and not w.isdigit()]
    if last:
        heads.append(last[-1])
    for head in heads:
        if head in ORG_HEADS:
            return ORG, 8
        if head in OTHER_HEADS:
            return OTHER, 8
        if head in PLACE_HEADS and len(low) > 1:
            if head == "state":
                if low[0] in FAITH_ADJECTIVES:
                    return ORG, 8  # a faith's "State": a movement that claims to be one
                if head == heads[0] and joiner == "of the":
                    return OTHER, 8  # "the State of the Nation": a condition, not a polity
            return PLACE, 8
    if low[0] in PLACE_LEADS and len(low) > 1:
        return PLACE, 6
    if low[0] in OTHER_LEADS and len(low) > 1:
        return OTHER, 6
    return None


# Every word some rule reacts to. A run made only of other plain words ("Taro Kono",
# "Mitsubishi") takes the fast path in Analyser.analyse.
_CUE_WORDS = (
    FUNCTION_WORDS | WEEKDAYS | MONTHS | TITLE_WORDS | PERSON_ROLES | ORG_HEADS
    | PLACE_HEADS | OTHER_HEADS | PLACE_LEADS | OTHER_LEADS | DIRECTIONS
    | NON_PERSON_WORDS | ROMAN_NUMERALS | PARTICLES | DEPARTMENT_WORDS | MEMBER_PLURALS
    | AFFILIATIONS | FAITH_ADJECTIVES | OFFICES | EVENTS_AND_SCALES | NAME_SUFFIXES
    | STYLED_TITLES | frozenset(w for a in NEWS_AGENCIES for w in a.split())
    | frozenset(
        w for name in RESIDENCES | COMPASS_REGIONS | DEITIES | HOLIDAYS for w in name.split()
    )
    | PLACE_PARTS
    | SAINTS  # (see inside_a_name)
    | NATIONALITY_NOUNS
)


# No name has this many words (its joiners included) or a word this long: the longest
# runs of a 5 MB news corpus have 20 words, its longest words 30 characters. A longer run
# is cut before it is analysed (see Analyser._bounded).
_MOST_WORDS = 40
_LONGEST_WORD = 60
# What may stand between two words of a run (as in RUN), the joiner as group 1.
_GAP = re.compile(rf"[ \t]+(?:({_JOINER})[ \t]+)?")


def _tame(run: str) -> bool:
    """Is the run short enough to be analysed whole? (See Analyser._bounded.)"""
    if len(run) <= _LONGEST_WORD:
        return True
    parts = run.split()
    return (
        len(parts) <= _MOST_WORDS
        and max(map(len, parts), default=0) <= _LONGEST_WORD
        and len(_TOKEN_RE.findall(run)) <= _MOST_WORDS
    )


def _stretches(run: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut a long run into runs to analyse alone, as (first, end) indices into ``words``
    (the spans of its capitalised words).

    A stretch has ``_MOST_WORDS`` words at most, joiners included; words longer than
    ``_LONGEST_WORD`` are left out, and so is anything between two words but white space
    and a joiner (``run`` may be any text). A stretch cut for its length is cut where the
    analysis would cut anyway if its second half allows: at the last "and" (a name's
    "and" sits among its few words), else at the last gap with no joiner before a title
    or a function word ("Mr.", "The"), else at the last gap with no joiner.
    """
    out: list[tuple[int, int]] = []
    n = len(words)
    a = 0
    while a < n:
        if words[a][1] - words[a][0] > _LONGEST_WORD:
            a += 1
            continue
        joiners: dict[int, str] = {}  # word index → the joiner before it
        size = 1
        b = a + 1
        full = False
        while b < n and words[b][1] - words[b][0] <= _LONGEST_WORD:
            gap = _GAP.fullmatch(run, words[b - 1][1], words[b][0])
            if gap is None:
                break
            joiners[b] = gap.group(1) or ""
            size += 1 + len(joiners[b].split())
            if size > _MOST_WORDS:
                full = True
                break
            b += 1
        if full:
            best = (0, b)
            for c in range(b, a + (b - a) // 2, -1):
                if joiners[c] == "and":
                    best = max(best, (3, c))
                elif not joiners[c]:
                    word = _fold_word(run[words[c][0] : words[c][1]])
                    opens = word in TITLE_WORDS or word in FUNCTION_WORDS
                    best = max(best, (2 if opens else 1, c))
            b = best[1]
        out.append((a, b))
        a = b
    return out


_PLACEHOLDER = "Zqx"  # + two letters: a plain name word's stand-in in a run's shape
_PLAIN = _PLACEHOLDER.casefold()

