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
"""

from __future__ import annotations

import gc
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process

from .document import BODY, Document
from .entity_cues import (
    DEPARTMENT_WORDS,
    FUNCTION_WORDS,
    HYPHEN_MODIFIERS,
    JOIN_LEFT,
    MONTHS,
    NEWS_AGENCIES,
    NON_PERSON_WORDS,
    ORG_CONTEXT_AFTER,
    ORG_HEADS,
    OTHER_HEADS,
    OTHER_LEADS,
    PARTICLES,
    PEOPLE_AT,
    PERSON_ROLES,
    PERSON_VERBS,
    PLACE_BEFORE,
    PLACE_HEADS,
    PLACE_LEADS,
    PLACE_PREPOSITIONS,
    ROMAN_NUMERALS,
    TITLE_HEADS,
    TITLE_WORDS,
    WEEKDAYS,
)
from .gazetteer import DIRECTIONS, Gazetteer, fold, load_gazetteer

PERSON, ORG, PLACE, OTHER = "PERSON", "ORG", "PLACE", "OTHER"
TYPES = (PERSON, ORG, PLACE, OTHER)


class Mention(NamedTuple):
    """One place an entity is named: ``documents[source].text[start:end]``.

    A named tuple rather than a frozen dataclass: a large corpus has a million of these,
    and a tuple is several times cheaper to make. Fields, immutability and hashing are
    the same.
    """

    source: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "start": self.start, "end": self.end}


@dataclass
class Entity:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def sources(self) -> list[str]:
        return sorted({m.source for m in self.mentions})

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "count": self.count,
            "sources": self.sources,
            "mentions": [m.to_json() for m in self.mentions],
        }


def person_names(entities: Iterable[Entity]) -> dict[str, str]:
    """Folded name forms → a person's full name, for resolving "Kono" to "Taro Kono".

    Holds every alias of every PERSON entity, plus its first and last words when only one
    person in the list has them; keys are folded with :func:`tui.gazetteer.fold`.
    """
    out: dict[str, str] = {}
    parts: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        if e.type != PERSON:
            continue
        for form in [e.name, *e.aliases]:
            out[fold(form)] = e.name
        words = e.name.split()
        if len(words) > 1:
            parts[fold(words[0])].add(e.name)
            parts[fold(words[-1])].add(e.name)
    for part, names in parts.items():
        if len(names) == 1 and part not in out:
            out[part] = next(iter(names))
    return out


# --- the candidate regex ---------------------------------------------------------------

def _upper_class() -> str:
    # Latin (with accents), Greek and Cyrillic capitals: names in other alphabets count too.
    ranges = [(0x41, 0x5B), (0xC0, 0x250), (0x370, 0x530)]
    chars = "".join(chr(c) for lo, hi in ranges for c in range(lo, hi) if chr(c).isupper())
    return "[" + re.escape(chars) + "]"


_UP = _upper_class()
# Abbreviations that keep their full stop inside a name ("Lt. Col. Dave Eastburn"), grouped
# by length because a look-behind must have a fixed width.
_ABBREVIATIONS = (
    "Mr Ms Dr Lt St Jr Sr Mt Ft Co",
    "Mrs Col Gen Sen Rep Gov Maj Adm Rev Hon Det Cpl Pvt Inc Ltd Sgt",
    "Prof Capt Cmdr Pres Supt Insp Brig Corp Bros Gens",
)
_ABBREVIATION_STOP = "|".join(
    rf"(?<=\b(?:{'|'.join(group.split())}))" for group in _ABBREVIATIONS
)
# The rest of a word after its capital: letters, digits, inner apostrophes and hyphens,
# dotted parts ("U.S.", "South Korean-U.S."), and a final stop only for an abbreviation
# or a middle initial ("Jae C. Hong").
_REST = (
    r"\w*(?:(?:['’-]|\.(?=\w\.))\w+)*"
    rf"(?:(?<=[.\-]\w)\.|(?:{_ABBREVIATION_STOP})\.(?=[ \t])|(?<=\b{_UP})\.(?=[ \t]{_UP}))?"
)
_TOKEN = _UP + _REST
_JOINER = (
    r"(?:(?:of|for|on|de|da|del|della|der|den|van|von|bin|ibn|al|el|la|le|du|dos|das|di|y)"
    r"(?:[ \t]+the)?|and|&)"
)
# The pattern starts with the capital itself, so the engine skips ahead to the next
# capital quickly; the look-behinds then reject capitals inside words, handles and URLs.
_RUN = re.compile(
    rf"{_UP}(?<![\w’'/@#]{_UP})(?<!\w\.{_UP}){_REST}"
    rf"(?:[ \t]+(?:{_JOINER}[ \t]+)?{_TOKEN})*"
)
_TOKEN_RE = re.compile(_TOKEN)
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
# An acronym defined right after its expansion: "... Agreement (GSOMIA)", "..., or GSOMIA,".
_DEFINITION = re.compile(rf"[ \t]*(?:\(|,[ \t]+or[ \t]+)((?:{_UP}\.?){{2,8}}s?)(?=[),.;: \t])")
_DEFINITION_STARTS = (" (", ", or ", "\t(")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_AGENCY_ALTS = "|".join(
    sorted((re.escape(a) for a in NEWS_AGENCIES | {"getty images", "getty", "epa", "pool"}),
           key=len, reverse=True)
)
_TERMINAL = frozenset(".!?:;\n")
_OPENERS = frozenset(" \t“\"‘'(•*·[")


def _is_acronym(token: str) -> bool:
    letters = token.replace(".", "")
    if letters.endswith("s") and letters[:-1].isupper():
        letters = letters[:-1]
    return 2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha()


def _is_function(token: str) -> bool:
    """A function word written with a capital ("The", "In"); "US" and "IT" are not."""
    return not (token.isupper() and len(token) > 1) and _fold_word(token) in FUNCTION_WORDS


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


def _tokens(run: str) -> tuple[list[_Token], list[str]]:
    """The run's words, and the joiner text in front of each (lower-cased, "" if none)."""
    tokens: list[_Token] = []
    joiners: list[str] = []
    prev = 0
    for m in _TOKEN_RE.finditer(run):
        tokens.append((m.start(), m.end(), m.group()))
        joiners.append(" ".join(run[prev : m.start()].split()).lower())
        prev = m.end()
    return tokens, joiners


def _fold_word(token: str) -> str:
    return token.rstrip(".").casefold()


def _and_joins(tokens: list[_Token], joiners: list[str], n: int) -> bool:
    """After "the", does the "and" before token ``n`` sit inside one name ending in a head?"""
    tail = []
    for (_s, _e, tok), joiner in zip(tokens[n:], joiners[n:]):
        if tail and joiner in ("and", "&"):
            break
        tail.append(_fold_word(tok))
    return len(tail) <= 4 and (tail[-1] in ORG_HEADS or tail[-1] in OTHER_HEADS)


def _joins(left: list[str], words: list[str]) -> bool:
    """May "of"/"for"/"on" join ``left`` to what follows? Only in names built on it."""
    if left[-1] in JOIN_LEFT:
        return True
    tail = [w for w in words if w not in ROMAN_NUMERALS and not w.isdigit()]
    return bool(tail) and (tail[-1] in ORG_HEADS or tail[-1] in OTHER_HEADS)


def _head_type(words: list[str], joined: list[str]) -> tuple[str, int] | None:
    """The type its head noun gives a multi-word name, e.g. "Council" → ORG."""
    low = [_fold_word(w) for w in words]
    # The head of "Sea of Japan" is "Sea": the word before the first "of"/"for".
    heads: list[str] = []
    for i, j in enumerate(joined[1:], start=1):
        if j and j != "and" and j != "&":
            heads.append(low[i - 1])
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
            return PLACE, 8
    if low[0] in PLACE_LEADS and len(low) > 1:
        return PLACE, 6
    if low[0] in OTHER_LEADS and len(low) > 1:
        return OTHER, 6
    return None


# Every word some rule reacts to. A run made only of other plain words ("Taro Kono",
# "Mitsubishi") takes the fast path in _Analyser.analyse.
_CUE_WORDS = (
    FUNCTION_WORDS | WEEKDAYS | MONTHS | TITLE_WORDS | PERSON_ROLES | ORG_HEADS
    | PLACE_HEADS | OTHER_HEADS | PLACE_LEADS | OTHER_LEADS | DIRECTIONS
    | NON_PERSON_WORDS | ROMAN_NUMERALS | PARTICLES | DEPARTMENT_WORDS
    | frozenset(w for a in NEWS_AGENCIES for w in a.split())
)


_PLACEHOLDER = "Zqx"  # + two letters: a plain name word's stand-in in a run's shape


class _Analyser:
    """Turns the text of a capitalised run into pieces; memoised by run text and position."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.shapes: dict[tuple[str, bool, bool], tuple[Piece, ...]] = {}
        self.plain_words: dict[str, bool] = {}

    def analyse(self, run: str, initial: bool, after_the: bool = False) -> tuple[Piece, ...]:
        fast = self._plain(run, initial)
        if fast is None:
            fast = self._split(run, initial, after_the)
        if fast is None:
            fast = self._shaped(run, initial, after_the)
        return fast if fast is not None else self._analyse(run, initial, after_the)

    def _shaped(self, run: str, initial: bool, after_the: bool) -> tuple[Piece, ...] | None:
        """Analyse "Foreign Minister Taro Kono" as "Foreign Minister Zqxaa Zqxab".

        No rule looks inside a plain name word (one that is not a cue word, a place or a
        demonym), so runs that differ only in such words share one analysis; the pieces
        are mapped back. Runs where plain words together make a place ("Hong Kong") are
        left to the full analysis.
        """
        found = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(run)]
        if len(found) > 20:
            return None
        plain = [self._is_plain(t) for _s, _e, t in found]
        if not any(plain):
            return None
        folded = [t.casefold() for _s, _e, t in found]
        places = self.gaz.places
        for i in range(len(found)):
            for j in range(i + 2, min(len(found), i + 4) + 1):
                if any(plain[i:j]):
                    key = " ".join(folded[i:j])
                    if not (key.isascii() and key.replace(" ", "").isalpha()):
                        key = fold(key)
                    if key in places or key in NEWS_AGENCIES:
                        return None
        parts: list[str] = []
        starts: list[int] = []
        prev = 0
        pos = 0
        originals: dict[str, str] = {}
        for n, ((s, e, t), is_plain) in enumerate(zip(found, plain)):
            gap = run[prev:s]
            parts.append(gap)
            pos += len(gap)
            word = t
            if is_plain:
                word = _PLACEHOLDER + chr(97 + n // 26) + chr(97 + n % 26)
                originals[word] = t
            starts.append(pos)
            parts.append(word)
            pos += len(word)
            prev = e
        shape = "".join(parts)
        ck = (shape, initial, after_the)
        pieces = self.shapes.get(ck)
        if pieces is None:
            pieces = self.shapes[ck] = self._analyse(shape, initial, after_the)

        def back(x: int) -> int:
            # A piece starts or ends on a word's edge, or inside a word kept as it was.
            for (s, e, _t), st, is_plain in zip(reversed(found), reversed(starts), reversed(plain)):
                if x >= st:
                    return e if is_plain and x > st else s + (x - st)
            return x

        out = []
        for p in pieces:
            surface = p.surface
            key = p.key
            if _PLACEHOLDER in surface:
                for word, original in originals.items():
                    surface = surface.replace(word, original)
                key = fold(surface)
            out.append(Piece(back(p.start), back(p.end), surface, key, p.votes, p.ambiguous,
                             p.multi))
        return tuple(out)

    def _is_plain(self, w: str) -> bool:
        known = self.plain_words.get(w)
        if known is None:
            known = self.plain_words[w] = self._plain_word(w)
        return known

    def _plain_word(self, w: str) -> bool:
        return (
            2 <= len(w) <= 60
            and w.isalpha()
            and w[0].isupper()
            and w[1:].islower()
            and w.casefold() not in _CUE_WORDS
            and fold(w) not in self.gaz.places
            and not self.gaz.is_demonym(w)
        )

    def _split(self, run: str, initial: bool, after_the: bool) -> tuple[Piece, ...] | None:
        """Cut a run where the full analysis would cut it anyway, and analyse the parts.

        A leading "The", an "and" and a possessive always end a name, so the parts give
        the same pieces as the whole; they are far more often met again than the whole.
        """
        if run.startswith("The ") and len(run) > 5:
            return _shift(self.analyse(run[4:], False, after_the), 4)
        if not after_the:
            i = run.find(" and ")
            if i > 0:
                left = self.analyse(run[:i], initial)
                return left + _shift(self.analyse(run[i + 5 :], False), i + 5)
        m = _INNER_POSSESSIVE.search(run)
        if m and "-" not in run[run.rfind(" ", 0, m.start()) + 1 : m.start()]:
            left = self.analyse(run[: m.start()], initial, after_the)
            if m.end() == len(run):
                return left
            return left + _shift(self.analyse(run[m.end() + 1 :], False), m.end() + 1)
        return None

    def _plain(self, run: str, initial: bool) -> tuple[Piece, ...] | None:
        """Runs of plain capitalised words that no rule reacts to, or None.

        Most distinct runs in a large corpus are such names; this gives exactly what the
        full analysis would, at a fraction of its cost.
        """
        words = run.split(" ")
        places = self.gaz.places
        if not all(self._is_plain(w) for w in words):
            return None
        key = fold(run)
        if len(words) > 1:
            for n in range(2, min(3, len(words)) + 1):
                if fold(" ".join(words[:n])) in places:
                    return None
            if key in NEWS_AGENCIES:
                return None
            return (Piece(0, len(run), run, key, ((PERSON, 3),), False, True),)
        if initial:
            return (Piece(0, len(run), run, key, ((ORG, 1),), True, False),)
        return (Piece(0, len(run), run, key, ((ORG, 1),), False, False),)

    def _analyse(self, run: str, initial: bool, after_the: bool) -> tuple[Piece, ...]:
        tokens, joiners = _tokens(run)
        segments: list[list[tuple[int, int, str, str]]] = [[]]

        def close() -> None:
            if segments[-1]:
                segments.append([])

        for n, ((s, e, tok), joiner) in enumerate(zip(tokens, joiners)):
            if joiner in ("and", "&") and after_the and _and_joins(tokens, joiners, n):
                pass  # "the CHIPS and Science Act", "the Bill and Melinda Gates Foundation"
            elif joiner in ("and", "&") or (joiner and not segments[-1]):
                close()
                joiner = ""
            low = _fold_word(tok)
            if low in WEEKDAYS or (low in MONTHS and not (segments[-1] and joiner == "")):
                close()
                continue
            if "-" in tok and not tok.isupper():
                parts = self._split_hyphenated(s, tok)
                if parts is not None:
                    for i, (ps, pe, ptext, ends) in enumerate(parts):
                        segments[-1].append((ps, pe, ptext, joiner if i == 0 else ""))
                        if ends:
                            close()
                    continue
            m = _POSSESSIVE.search(tok)
            if m and len(tok) - len(m.group()) >= 1:
                cut = len(tok) - (2 if m.group()[0] in "'’" else 1)
                segments[-1].append((s, s + cut, tok[:cut], joiner))
                close()
                continue
            segments[-1].append((s, e, tok, joiner))
        pieces: list[Piece] = []
        first = True
        for seg in segments:
            if seg:
                pieces.extend(self._segment(seg, initial and first))
                first = False
        return tuple(pieces)

    def _split_hyphenated(self, start: int, tok: str) -> list[tuple[int, int, str, bool]] | None:
        """Split "Seoul-based" and "Seoul-Washington-Tokyo"; keep "Jae-in", "Asia-Pacific"."""
        parts = tok.split("-")
        offsets = []
        pos = start
        for p in parts:
            offsets.append((pos, pos + len(p), p))
            pos += len(p) + 1
        for i in range(1, len(parts)):
            if parts[i].casefold() in HYPHEN_MODIFIERS:
                ps, _pe, _p = offsets[0]
                end = offsets[i - 1][1]
                return [(ps, end, tok[: end - start], True)]
        if any(p[:1].isupper() and fold(p) in self.gaz.places for p in parts[1:]) and all(
            p[:1].isupper() for p in parts
        ):
            return [(ps, pe, p, True) for ps, pe, p in offsets]
        if parts[0][:1].isupper() and any(p[:1].isupper() and len(p) > 2 for p in parts[1:]):
            # "South Korean-U.S." : a demonym glued to a place.
            if fold(parts[-1]) in self.gaz.places and self.gaz.is_demonym(parts[0]):
                return [(ps, pe, p, True) for ps, pe, p in offsets]
        return None

    def _segment(self, seg: list[_Seg], initial: bool) -> list[Piece]:
        # Function words in front ("The", "In", "But") are not part of the name.
        # Mid-sentence, only an article is stripped: "the Next Generation EU" keeps "Next".
        while (
            seg
            and not seg[0][2].isupper()
            and _fold_word(seg[0][2]) in FUNCTION_WORDS
            and (initial or _fold_word(seg[0][2]) in ("the", "a", "an"))
        ):
            seg = seg[1:]
            initial = False
        if seg and seg[0][3]:  # a name does not start with a joiner
            seg = [(seg[0][0], seg[0][1], seg[0][2], ""), *seg[1:]]
            if _is_function(seg[0][2]):
                return self._segment(seg[1:], False) if len(seg) > 1 else []
        if not seg:
            return []
        # "of"/"for"/"on" join only inside names built on them: "Sea of Japan", "Federation
        # of American Scientists"; "Go Myong-Hyun of the Asan Institute" is two names.
        low = [_fold_word(t) for _s, _e, t, _j in seg]
        for k in range(1, len(seg)):
            j = seg[k][3]
            if j and j.split()[0] not in PARTICLES and not _joins(low[:k], low):
                right = [(seg[k][0], seg[k][1], seg[k][2], ""), *seg[k + 1 :]]
                return self._segment(seg[:k], initial) + self._segment(right, False)
        words = [t for _s, _e, t, _j in seg]
        if len(words) == 1 and len(words[0]) < 2:
            return []
        # A demonym in front: "South Korean President ...", "North Korean WannaCry"; but
        # "Korean War" and "Japanese Embassy" are names.
        for n in (2, 1):
            if len(seg) > n and self.gaz.is_demonym(" ".join(words[:n])):
                if _head_type(words, [j for *_x, j in seg]) is None and not seg[n][3]:
                    return self._segment(seg[n:], False)
                break
        # Titles: "Lt. Col. Dave Eastburn", "Secretary of State Mike Pompeo".
        cut = self._title_cut(seg)
        if cut is not None:
            head, name = cut
            prefix = seg[:head]
            while prefix and (
                (_fold_word(prefix[-1][2]) in TITLE_WORDS and not _is_acronym(prefix[-1][2]))
                or _fold_word(prefix[-1][2]) in DIRECTIONS
                or _is_function(prefix[-1][2])
                or self.gaz.is_demonym(prefix[-1][2])
            ):
                prefix = prefix[:-1]
            out = self._segment(prefix, initial) if prefix else []
            # "Fishing Minister X": a lone word before a title is likely part of it, so it
            # counts only if the name is met elsewhere.
            if len(prefix) == 1 and out and not _is_acronym(prefix[0][2]):
                out = [p if p.votes and p.votes[0][0] == PLACE else _ambiguous(p) for p in out]
            out.append(self._piece(seg[name:], ((PERSON, 10),)))
            return out
        if all(
            (w in TITLE_WORDS and not _is_acronym(t)) or _is_function(t) or w in DIRECTIONS
            for w, t in zip(low, words)
        ):
            return []  # "Defence Minister", "President": an office without a name
        if self.gaz.is_demonym(" ".join(words)) and not self._gaz_key(words):
            return []
        # A place glued to the next name: "North Korea Stephen Biegun", "Russia NotPetya".
        for n in (3, 2, 1):
            if len(seg) > n and not any(j for *_x, j in seg[1 : n + 1]):
                if fold(" ".join(words[:n])) in self.gaz.places:
                    rest = words[n:]
                    if _head_type(words, [j for *_x, j in seg]) is None and (
                        len(rest) >= 2 or _is_camel(rest[0]) or _is_acronym(rest[0])
                    ):
                        return self._typed(seg[:n], False) + self._segment(seg[n:], False)
                    break
        return self._typed(seg, initial)

    def _title_cut(self, seg: list[_Seg]) -> tuple[int, int] | None:
        """(index of the title's last word, index where the name starts), or None."""
        low = [_fold_word(t) for _s, _e, t, _j in seg]
        for i in range(len(seg) - 2, -1, -1):
            if seg[i][2].isupper() and len(seg[i][2]) > 3:
                continue
            # A role noun ("Coach", "Analyst") is a title before a full name only.
            if low[i] not in TITLE_HEADS and not (low[i] in PERSON_ROLES and len(seg) - i > 2):
                continue
            cut = i + 1
            # "Secretary of State Mike Pompeo": department words after "of" are title too.
            if seg[cut][3] and low[cut] in DEPARTMENT_WORDS:
                cut += 1
                while cut < len(low) and not seg[cut][3] and low[cut] in DEPARTMENT_WORDS:
                    cut += 1
            name = seg[cut:]
            if self._valid_name(name):
                return i, cut
        return None

    def _valid_name(self, name: list[_Seg]) -> bool:
        if not name or name[0][3] or len(name) > 4:
            return False
        if any(j and j.split()[0] not in PARTICLES for *_x, j in name[1:]):
            return False
        words = [t for _s, _e, t, _j in name]
        low = [_fold_word(w) for w in words]
        if _head_type(words, [j for *_x, j in name]) is not None:
            return False
        if _is_function(words[0]) or all(w in TITLE_WORDS for w in low):
            return False
        if len(words) == 1 and len(words[0]) < 2:
            return False
        return not any(_is_acronym(w) and len(w) > 3 for w in words)

    def _gaz_key(self, words: list[str]) -> tuple[str, bool] | None:
        return self.gaz.place(fold(" ".join(words)))

    def _typed(self, seg: list[tuple[int, int, str, str]], initial: bool) -> list[Piece]:
        words = [t for _s, _e, t, _j in seg]
        joined = [j for *_x, j in seg]
        low = [_fold_word(w) for w in words]
        if len(words) == 1:
            w = words[0]
            if low[0] in DIRECTIONS or low[0] in ROMAN_NUMERALS or low[0] in FUNCTION_WORDS:
                if not w.isupper() or len(w) < 2:
                    return []
            if not any(c.isalpha() for c in w) or low[0] in TITLE_WORDS:
                return []
            if len(w) > 60:
                return []
        gaz = self._gaz_key(words)
        if gaz is not None:
            canonical, major = gaz
            piece = self._piece(seg, ((PLACE, 10),), key=fold(canonical))
            # A small place at a sentence start is as likely a common word ("Reading").
            if initial and not major and len(words) == 1:
                return [_ambiguous(piece)]
            return [piece]
        if low[-1] in DIRECTIONS:
            return []
        if len(words) == 1 and initial and not _is_acronym(words[0]):
            return [_ambiguous(self._piece(seg, ((ORG, 1),)))]
        votes: list[tuple[str, int]] = []
        head = _head_type(words, joined)
        if fold(" ".join(words)) in NEWS_AGENCIES:
            votes.append((ORG, 9))
        elif head is not None:
            votes.append(head)
        elif len(words) > 1 and low[0] in DIRECTIONS and self.gaz.place(fold(" ".join(words[1:]))):
            votes.append((PLACE, 8))  # "Northeast Asia"
        elif len(words) == 1:
            w = words[0]
            parts = [fold(p) for p in w.split("-")]
            if len(parts) > 1 and any(self.gaz.place(p) for p in parts):
                votes.append((PLACE, 6))  # "Asia-Pacific"
            elif _is_acronym(w):
                votes.append((ORG, 2))
            elif _is_camel(w):
                votes.append((OTHER, 3))
            else:
                votes.append((ORG, 1))
        elif (
            all(w[:1].isupper() and not any(c.isdigit() for c in w) for w in words)
            and not any(j and j.split()[0] not in PARTICLES for j in joined[1:])
            and not any(w in NON_PERSON_WORDS or self.gaz.is_demonym(w) for w in low)
            and not any(self.gaz.place(w) and self.gaz.place(w)[1] for w in low)
        ):
            votes.append((PERSON, 3))
        else:
            votes.append((ORG, 1))
        return [self._piece(seg, tuple(votes))]

    def _piece(
        self,
        seg: list[tuple[int, int, str, str]],
        votes: tuple[tuple[str, int], ...],
        key: str | None = None,
    ) -> Piece:
        start, end = seg[0][0], seg[-1][1]
        surface = " ".join(t if not j else f"{j} {t}" for _s, _e, t, j in seg)
        return Piece(start, end, surface, key or fold(surface), votes, False, len(seg) > 1)


_INNER_POSSESSIVE = re.compile(r"(?<=\w)['’]s(?= |$)")


def _shift(pieces: tuple[Piece, ...], offset: int) -> tuple[Piece, ...]:
    return tuple(
        Piece(p.start + offset, p.end + offset, p.surface, p.key, p.votes, p.ambiguous, p.multi)
        for p in pieces
    )


def _ambiguous(piece: Piece) -> Piece:
    return Piece(piece.start, piece.end, piece.surface, piece.key, piece.votes, True, piece.multi)


# --- lines where capitals prove nothing --------------------------------------------------

_LINE = re.compile(r"[^\n]+")


def _shouting_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Title-case or all-capitals lines (headlines, subheads) in ``text[start:end]``."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text, start, end):
        line = m.group()
        if len(line) >= 12 and line.isupper():
            out.append(m.span())
            continue
        if len(line) >= 200:
            continue
        stripped = line.rstrip()
        if not stripped or stripped[-1] in ".!?”\"":
            continue
        words = [w for w in _WORD_RE.findall(stripped) if len(w) >= 4]
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            out.append(m.span())
    return out


_CREDIT_BEFORE = re.compile(rf"(?:(?i:\b(?:{_AGENCY_ALTS}))|(?:{_AGENCY_ALTS.upper()}))$")
_CREDIT_AFTER = re.compile(rf"(?i:(?:{_AGENCY_ALTS})\b)")


def _credit_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Short lines carrying a photo credit ("REUTERS/Toru Hanai", "Jae C. Hong/AP")."""
    out: list[tuple[int, int]] = []
    pos = text.find("/", start, end)
    while pos >= 0:
        before = text[max(start, pos - 24) : pos]
        if _CREDIT_BEFORE.search(before) or (
            before[-1:].strip() and _CREDIT_AFTER.match(text, pos + 1, end)
        ):
            a = text.rfind("\n", start, pos) + 1
            b = text.find("\n", pos, end)
            b = end if b < 0 else b
            if b - a < 300:
                out.append((max(a, start), b))
        pos = text.find("/", pos + 1, end)
    return out


def _initial(text: str, start: int, floor: int) -> bool:
    """Is ``start`` the first word of a sentence, line or quotation?"""
    i = start - 1
    while i >= floor and text[i] in _OPENERS:
        i -= 1
    return i < floor or text[i] in _TERMINAL


# --- the extractor -----------------------------------------------------------------------

# The mentions of one name form in one document, gathered in a single pass:
# (source, key, surface, ambiguous, multi-word, length, start offsets). Merging works on
# these groups, not on each of a large corpus's million mentions.
_Group = tuple[str, str, str, bool, bool, int, list[int]]
# Weak hints are counted for this many mentions of a name only, so that strong evidence
# scales with the corpus and weak evidence does not drown it.
_WEAK_SAMPLE = 8
# Single words that are never a name on their own: "The", "He", "Thursday".
_SKIP = frozenset(
    [w.capitalize() for w in FUNCTION_WORDS | WEEKDAYS | MONTHS]
    + [w.upper() for w in ("a", "i", "the")] + ["I"]
)


def _context_votes(text: str, start: int, end: int, single: bool) -> list[tuple[str, int]]:
    """Hints from the words around a mention; each is weak on its own."""
    votes: list[tuple[str, int]] = []
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    low_before = before.lower()
    prev_words = low_before.replace(",", " ").split()
    if prev_words and prev_words[-1] in PERSON_ROLES:
        votes.append((PERSON, 4))
    if len(prev_words) >= 2 and prev_words[-1] == "at" and prev_words[-2] in PEOPLE_AT:
        votes.append((ORG, 4))  # "analysts at Morgan Stanley"
    elif prev_words and prev_words[-1] in PLACE_PREPOSITIONS:
        votes.append((PLACE, 2))  # "in Ravenna"
    if low_before.endswith(PLACE_BEFORE):
        votes.append((PLACE, 6))
    a = after.lstrip(" ,").lower()
    if after.startswith(",") and (a.startswith(("a ", "an ", "the "))):
        rest = a.split(",")[0].split()
        if any(w in PERSON_ROLES for w in rest[1:5]):
            votes.append((PERSON, 4))
    if a.startswith(ORG_CONTEXT_AFTER) or low_before.endswith("according to "):
        votes.append((ORG, 2))
    if single and before.endswith(("the ", "The ")):
        votes.append((ORG, 2))
    first_after = a.split(None, 1)[0] if a.strip() else ""
    if not single:
        if first_after in PERSON_VERBS or (prev_words and prev_words[-1] == "said"):
            votes.append((PERSON, 1))
        # "the Next Generation EU programme", "the Liberty Korea party"
        next_word = after.split(None, 1)[0].rstrip(".,;:") if after[:1] == " " else ""
        if next_word.islower():
            if next_word in OTHER_HEADS:
                votes.append((OTHER, 4))
            elif next_word in ORG_HEADS:
                votes.append((ORG, 4))
    return votes


class _Miner:
    """One pass over each document's body; votes and definitions gather across documents."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.analyser = _Analyser(gaz)
        # piece id → (key, strong votes): strong evidence counts for every mention, so
        # it is tallied from the groups' sizes at the end
        self.strong_forms: dict[int, tuple[str, tuple[tuple[str, int], ...]]] = {}
        self.strong: dict[tuple[str, tuple[tuple[str, int], ...]], int] = {}
        self.weak: dict[str, Counter] = defaultdict(Counter)
        self.sampled: dict[str, int] = {}  # key → mentions whose weak hints were counted
        self.cache: dict[tuple[str, bool, bool], tuple[tuple, Piece | None]] = {}
        # piece id → (key, surface, ambiguous, multi-word, length)
        self.forms: list[tuple[str, str, bool, bool, int]] = []
        self.form_ids: dict[tuple[str, str, bool, bool, int], int] = {}
        self.definitions: list[tuple[str, str]] = []
        self.groups: list[_Group] = []
        self.headlines: list[tuple[str, int, str]] = []

    def form_id(self, key: str, surface: str, ambiguous: bool, multi: bool, length: int) -> int:
        form = (key, surface, ambiguous, multi, length)
        fid = self.form_ids.get(form)
        if fid is None:
            fid = self.form_ids[form] = len(self.forms)
            self.forms.append(form)
        return fid

    def mine(self, doc: Document) -> None:
        text = doc.text
        if doc.sections:
            spans = [(s.start, s.end) for s in doc.sections if s.kind == BODY]
        else:
            spans = [(0, len(text))]
        buckets: dict[int, list[int]] = {}
        for start, end in spans:
            self._section(doc.id, text, start, end, buckets)
        forms, strong_forms, strong = self.forms, self.strong_forms, self.strong
        for fid, starts in buckets.items():
            self.groups.append((doc.id, *forms[fid], starts))
            sig = strong_forms.get(fid)
            if sig is not None:
                strong[sig] = strong.get(sig, 0) + len(starts)

    def _section(
        self, source: str, text: str, start: int, end: int, buckets: dict[int, list[int]]
    ) -> None:
        shouting = _shouting_lines(text, start, end)
        credits = _credit_lines(text, start, end)
        cache = self.cache
        sampled = self.sampled
        skip, openers, terminal = _SKIP, _OPENERS, _TERMINAL
        # Lines set apart, in text order: credits are skipped, headlines kept for later.
        zones = sorted([(a, b, False) for a, b in credits] + [(a, b, True) for a, b in shouting])
        z = 0
        for m in _RUN.finditer(text, start, end):
            run = m.group()
            if run in skip:
                continue
            rs = m.start()
            if zones:
                while z < len(zones) and zones[z][1] <= rs:
                    z += 1
                if z < len(zones) and zones[z][0] <= rs:
                    if zones[z][2]:
                        self.headlines.append((source, rs, run))
                    continue
            i = rs - 1
            while i >= start and text[i] in openers:
                i -= 1
            initial = i < start or text[i] in terminal
            after_the = " and " in run and text[rs - 4 : rs] == "the "
            ck = (run, initial, after_the)
            entry = cache.get(ck)
            if entry is None:
                entry = cache[ck] = self._entry(run, initial, after_the)
            pieces, defines = entry
            for ps, fid, key, multi, weak_votes, length in pieces:
                s = rs + ps
                if weak_votes is not None and sampled.get(key, 0) < _WEAK_SAMPLE:
                    self._weak(text, s, s + length, key, weak_votes, multi)
                bucket = buckets.get(fid)
                if bucket is None:
                    buckets[fid] = [s]
                else:
                    bucket.append(s)
            if defines is not None and text.startswith(_DEFINITION_STARTS, m.end()):
                self._definition(text, m.end(), end, defines, buckets)

    def _entry(self, run: str, initial: bool, after_the: bool) -> tuple[tuple, Piece | None]:
        """A run's pieces, flattened for the hot loop, and the piece an acronym may define."""
        pieces = self.analyser.analyse(run, initial, after_the)
        flat = []
        for p in pieces:
            strong = tuple((t, w) for t, w in p.votes if w >= STRONG)
            strong_sig = (p.key, strong) if strong and not p.ambiguous else None
            weak = p.votes if not strong and not p.ambiguous else None
            length = p.end - p.start
            fid = self.form_id(p.key, p.surface, p.ambiguous, p.multi, length)
            if strong_sig is not None:
                self.strong_forms[fid] = strong_sig
            flat.append((p.start, fid, p.key, p.multi, weak, length))
        defines = pieces[-1] if pieces and pieces[-1].end == len(run) else None
        return tuple(flat), defines

    def _weak(
        self, text: str, s: int, e: int, key: str, votes: tuple, multi: bool
    ) -> None:
        self.sampled[key] = self.sampled.get(key, 0) + 1
        c = self.weak[key]
        for t, w in votes:
            c[t] += w
        for t, w in _context_votes(text, s, e, not multi):
            c[t] += w

    def _definition(
        self, text: str, pos: int, end: int, piece: Piece, buckets: dict[int, list[int]]
    ) -> None:
        d = _DEFINITION.match(text, pos, end)
        if d and _initials_match(d.group(1), piece.surface):
            acr = d.group(1)
            fid = self.form_id(fold(acr), acr, False, False, len(acr))
            buckets.setdefault(fid, []).append(d.start(1))
            self.definitions.append((fold(acr), piece.key))

    def votes(self) -> dict[str, Counter]:
        """Every name's votes; strong ones also under ``("!", type)`` for :func:`_winner`."""
        out: dict[str, Counter] = defaultdict(Counter)
        for key, c in self.weak.items():
            out[key].update(c)
        for (key, strong), n in self.strong.items():
            for t, w in strong:
                out[key][t] += w * n
                out[key][("!", t)] += w * n
        return out


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _initials_match(acronym: str, expansion: str) -> bool:
    letters = acronym.replace(".", "").rstrip("s").upper()
    words = [w for w in re.split(r"[\s-]+", expansion) if w]
    caps = _initials(words).upper()
    if letters == caps:
        return True
    # Loose: the acronym's letters appear in order among the words' letters.
    pool = "".join(words).upper()
    i = 0
    for ch in letters:
        i = pool.find(ch, i)
        if i < 0:
            return False
        i += 1
    return letters[:1] == caps[:1] and len(letters) >= 2


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


_NO_VOTES: Counter = Counter()
STRONG = 6  # a vote this heavy is evidence (a title, a head noun, the gazetteer)


def _winner(counter: Counter) -> str:
    """The type a name's votes give; strong evidence outweighs any number of weak hints.

    Strong votes are kept under ``("!", type)`` keys next to the plain totals.
    """
    if not counter:
        return ORG
    strong = {t: counter.get(("!", t), 0) for t in TYPES}
    if any(strong.values()):
        return max(TYPES, key=lambda t: (strong[t], counter.get(t, 0), -TYPES.index(t)))
    return max(TYPES, key=lambda t: (counter.get(t, 0), -TYPES.index(t)))


def extract_entities(
    documents: list[Document],
    aliases: dict[str, list[str]] | None = None,
    ignore: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Entity]:
    """Entities of the documents' body text, sorted by mention count (desc), then name."""
    # Mining makes hundreds of thousands of small tuples that live until the end; the
    # cyclic collector would rescan them over and over, for no garbage (nearly halves
    # the time on a 50 MB corpus).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract(documents, aliases, ignore, progress)
    finally:
        if was_enabled:
            gc.enable()


def _extract(
    documents: list[Document],
    aliases: dict[str, list[str]] | None,
    ignore: list[str] | None,
    progress: Callable[[int, int], None] | None,
) -> list[Entity]:
    gaz = load_gazetteer()
    miner = _Miner(gaz)
    total = len(documents)
    for i, doc in enumerate(documents):
        miner.mine(doc)
        if progress and (i % 500 == 0 or i == total - 1):
            progress(i + 1, total)
    votes = miner.votes()
    known = set(votes)
    winners = {k: _winner(c) for k, c in votes.items()}
    kept = _resolve_people(miner.groups, votes, winners, known, gaz)
    # Headlines: only names already met where capitals carry meaning.
    for source, rs, run in miner.headlines:
        for g in _resolve_headline(source, rs, run, known, gaz):
            if g[1] not in votes:
                votes[g[1]][PLACE] += 10
                votes[g[1]][("!", PLACE)] += 10
                winners[g[1]] = PLACE
            kept.append(g)
    return _merge(kept, votes, miner.definitions, gaz, aliases or {}, ignore or [], winners)


def _resolve_people(
    groups: list[_Group],
    votes: dict[str, Counter],
    winners: dict[str, str],
    known: set[str],
    gaz: Gazetteer,
) -> list[_Group]:
    """Settle single words: a surname joins its person, an unproven word needs evidence."""
    person_keys = {k for k, t in winners.items() if t == PERSON and " " in k}
    doc_people: dict[tuple[str, str], set[str]] = defaultdict(set)
    corpus_people: dict[str, set[str]] = defaultdict(set)
    for source, key, surface, _amb, multi, _n, _starts in groups:
        if multi and key in person_keys:
            words = surface.split()
            for part in (fold(words[0]), fold(words[-1])):
                doc_people[source, part].add(key)
                corpus_people[part].add(key)
    kept: list[_Group] = []
    for g in groups:
        source, key, surface, ambiguous, multi, length, starts = g
        if multi:
            kept.append(g)
            continue
        people = doc_people.get((source, key))
        place = gaz.place(key)
        major = bool(place and place[1])
        if ambiguous:
            if people and len(people) == 1:
                key = next(iter(people))
            elif key not in known and not major:
                continue
        elif key not in gaz.countries:
            if people and len(people) == 1 and not major:
                key = next(iter(people))
            elif key not in person_keys and not place and winners.get(key) != PLACE:
                everyone = corpus_people.get(key)
                if everyone and len(everyone) == 1 and votes[key].get(("!", ORG), 0) == 0:
                    key = next(iter(everyone))
        kept.append(g if key == g[1] else (source, key, surface, False, multi, length, starts))
    return kept


def _resolve_headline(
    source: str, run_start: int, run: str, known: set[str], gaz: Gazetteer
) -> list[_Group]:
    """Names inside a headline run: the longest known names or major places, left to right."""
    tokens, _joiners = _tokens(run)
    out: list[_Group] = []
    i = 0
    while i < len(tokens):
        for n in range(min(6, len(tokens) - i), 0, -1):
            s, e = tokens[i][0], tokens[i + n - 1][1]
            surface = run[s:e]
            m = _POSSESSIVE.search(surface)
            if m:
                e -= len(m.group()) if m.group()[0] in "'’" else 1
                surface = run[s:e]
            key = fold(surface)
            place = gaz.place(key)
            hit = key if key in known else (fold(place[0]) if place and place[1] else None)
            if hit and surface.strip():
                out.append((source, hit, surface, False, n > 1, e - s, [run_start + s]))
                i += n
                break
        else:
            i += 1
    return out


def _merge(
    groups: list[_Group],
    votes: dict[str, Counter],
    definitions: list[tuple[str, str]],
    gaz: Gazetteer,
    aliases: dict[str, list[str]],
    ignore: list[str],
    winners: dict[str, str],
) -> list[Entity]:
    uf = _Union()
    keys = {g[1] for g in groups}
    for acr, exp in definitions:
        if acr in keys and exp in keys:
            uf.union(acr, exp)
    # Acronyms with a single expansion among the names: NSC ↔ National Security Council.
    surfaces: dict[str, Counter] = defaultdict(Counter)
    for g in groups:
        surfaces[g[1]][g[2]] += len(g[6])
    by_initials: dict[str, set[str]] = defaultdict(set)
    acronyms: list[str] = []
    for key, forms in surfaces.items():
        form = forms.most_common(1)[0][0]
        words = form.split()
        if len(words) >= 2 and winners.get(key) != PERSON:
            caps = [w for w in words if w[:1].isupper()]
            if len(caps) >= 2:
                by_initials[_initials(caps).upper()].add(key)
        elif len(words) == 1 and _is_acronym(form) and key not in gaz.places:
            acronyms.append(key)
    for key in acronyms:
        form = surfaces[key].most_common(1)[0][0].replace(".", "")
        found = by_initials.get(form.rstrip("s").upper(), set())
        if len(found) == 1:
            uf.union(key, next(iter(found)))
    # Config aliases: every listed name joins the canonical one.
    forced: dict[str, str] = {}
    for canonical, names in aliases.items():
        ck = fold(canonical)
        forced[ck] = canonical
        for n in names:
            uf.union(fold(n), ck)
    _fuzzy(uf, surfaces, winners, gaz, {fold(n) for names in aliases.values() for n in names})

    by_root: dict[str, list[_Group]] = defaultdict(list)
    for g in groups:
        by_root[uf.find(g[1])].append(g)
    ignored = {fold(x) for x in ignore}
    entities: list[Entity] = []
    for members in by_root.values():
        member_keys = {g[1] for g in members}
        if len(member_keys) == 1:
            etype = winners.get(members[0][1], ORG)
        else:
            tally: Counter = Counter()
            for k in member_keys:
                tally.update(votes.get(k, _NO_VOTES))
            etype = _winner(tally)
        forms: Counter = Counter()
        for g in members:
            forms[g[2]] += len(g[6])
        name = _display_name(member_keys, forms, etype, forced, gaz)
        alias_list = sorted({f for f in forms if f != name}, key=lambda f: (-forms[f], f))
        if ignored & ({fold(name)} | {fold(a) for a in alias_list} | member_keys):
            continue
        entities.append(Entity(name, etype, alias_list, _mentions(members)))
    entities.sort(key=lambda e: (-e.count, e.name.casefold(), e.name))
    return entities


def _mentions(members: list[_Group]) -> list[Mention]:
    """Mentions in document order, each span once (an acronym's definition can repeat one)."""
    new = tuple.__new__
    out = [new(Mention, (g[0], st, st + g[5])) for g in members for st in g[6]]
    if len(members) == 1:
        return out  # one form in one document: already in text order, no repeats
    out.sort()
    return [m for i, m in enumerate(out) if i == 0 or m != out[i - 1]]


def _display_name(
    keys: set[str], forms: Counter, etype: str, forced: dict[str, str], gaz: Gazetteer
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
        multi = Counter({f: c for f, c in forms.items() if " " in f})
        if multi:
            candidates = multi
    return max(candidates, key=lambda f: (candidates[f], not f.isupper() or len(f) <= 8,
                                          len(f), f))


def _fuzzy(
    uf: _Union,
    surfaces: dict[str, Counter],
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
        for i, key in enumerate(block[:-1]):
            for _match, _score, j in process.extract(
                key, block[i + 1 :], scorer=fuzz.ratio, score_cutoff=92, limit=None
            ):
                other = block[i + 1 + j]
                if winners.get(key, winners.get(other)) != winners.get(other, winners.get(key)):
                    continue
                uf.union(key, block[i + 1 + j])
