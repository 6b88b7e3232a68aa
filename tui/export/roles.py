"""What a speaker is, as the article says it: "Taro Kono, Japan's foreign minister".

News names a person's role in one of two places, and this reads both by shape alone:

- an appositive after the name: ``Kim You-geun, the deputy director of South Korea's
  presidential national security office, said``;
- a title before it: ``Japanese Foreign Minister Taro Kono``, ``security expert Ankit
  Panda``, ``Secretary of State Mike Pompeo``.

A phrase counts as a role only if it holds a word for an office or a person's work (the
lexicon's titles and person roles), so a list ("Abe, Moon and Trump") or a clause is not
taken for one. Each mention is read once with bounded look-around, so the cost is linear
in the text.
"""

from __future__ import annotations

import re

from tui.nlp.lexicon import (
    DEMONYMS,
    FUNCTION_WORDS,
    OFFICE_QUALIFIERS,
    PERSON_ROLES,
    PERSON_VERBS,
    TITLE_HEADS,
    TITLE_WORDS,
)

# How far either side of a mention a role may reach, in characters.
_REACH = 160
_ROLE_HEADS = TITLE_HEADS | PERSON_ROLES
_PRE_WORDS = TITLE_WORDS | PERSON_ROLES | OFFICE_QUALIFIERS | DEMONYMS
_JOINERS = frozenset(("of", "for", "to", "on"))  # "envoy to North Korea"
# The appositive: after the name's comma, up to the next comma, full stop, dash or verb.
_APPOSITIVE = re.compile(r",\s+((?:the|a|an|[A-Z][\w.’'-]*['’]s|[a-z])[^,.;:!?\"“”()—–\n]{2,120}?)"
                         r"(?=\s*(?:[,.;:—–)]|\s(?:said|says|told|added|who)\b))")
_WORD = re.compile(r"[\w’'.-]+")
_PREPOSITIONS = frozenset("of at for in with from on to since".split())
_AGENT_ENDINGS = ("ist", "er", "or", "ian", "man", "woman", "person")
# Two words run together by a scraper ("ReutersJapanese"): no part of a title.
_GLUED = re.compile(r"[a-z][A-Z]")
_CLAUSE_WORDS = PERSON_VERBS | frozenset(
    "is was are were has had have will would and or but who which that".split()
)


def _norm(word: str) -> str:
    word = word.strip(".").replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word.lower()


def _after(text: str, end: int) -> str:
    """The appositive right after a mention ending at ``end``, or ""."""
    m = _APPOSITIVE.match(text, end, min(len(text), end + _REACH))
    if m is None:
        return ""
    phrase = m.group(1).strip()
    words = [_norm(w) for w in _WORD.findall(phrase)]
    if not words or len(words) > 16 or any(w in _CLAUSE_WORDS for w in words):
        return ""
    if not any(w in _ROLE_HEADS for w in words) and not _agent(_head(words)):
        return ""
    return phrase


def _head(words: list[str]) -> str:
    """The noun a role phrase is about: the last word before its first preposition
    ("an epidemiologist at the institute" → epidemiologist)."""
    head = ""
    for word in words:
        if word in _PREPOSITIONS:
            break
        head = word
    return head


def _agent(word: str) -> bool:
    """A noun for someone who does something: epidemiologist, organiser, historian."""
    return len(word) > 4 and word.endswith(_AGENT_ENDINGS)


def _before(text: str, start: int) -> str:
    """The title run right before a mention starting at ``start``, or "": the words
    that are title words, demonyms or capitalised (``South Korean NSC Deputy
    Director``), the one next to the name being a title or a person's role."""
    floor = max(0, start - _REACH)
    line = text.rfind("\n", floor, start)
    window = text[(line + 1 if line >= 0 else floor):start]
    if window and not window[-1].isspace():
        return ""  # the name is glued to something: "Kim Kyung-Hoon/ReutersJapanese…"
    words = window.split()
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip("“”\"'‘’(")
        if bare != word and taken:  # an opening mark before the run ends it
            break
        if not taken and bare.endswith(","):
            bare = bare[:-1]  # a title set off by a comma: "defense minister, Takeshi Iwaya"
        key = _norm(bare)
        if not key or bare[-1:] in ",;:!?" or key in _CLAUSE_WORDS or _GLUED.search(bare):
            break
        if bare.endswith(".") and key not in _PRE_WORDS and not _acronym(bare):
            break  # the end of the sentence before
        if key in _JOINERS:
            if not taken:
                break
            taken.append(bare)
            continue
        if key in _PRE_WORDS or (bare[:1].isupper() and key not in FUNCTION_WORDS):
            taken.append(bare)
            continue
        break
    while taken and _norm(taken[-1]) in _JOINERS:
        taken.pop()
    if not any(_norm(w) in _ROLE_HEADS for w in taken):
        return ""
    # Capitalised words at the far end belong to the title only when they lead into a
    # demonym, an acronym, a lowercase role or another name ("South Korean NSC", "Port
    # director"), or are possessive ("Japan's"); in "In Seoul President Moon" only
    # "President" is his.
    while len(taken) > 1 and not _keeps(taken[-1], taken[-2]):
        taken.pop()
    return _lower_titles(" ".join(reversed(taken)))


def _keeps(word: str, closer: str) -> bool:
    key = _norm(word)
    if key in _PRE_WORDS or _acronym(word) or word.endswith(("'s", "’s")):
        return True
    # "Port director", "South Korean", "Seoul NSC", "Bay Area": yes; "Seoul President": no
    closer_key = _norm(closer)
    return (closer[:1].islower() or closer_key in DEMONYMS or _acronym(closer)
            or closer_key not in _PRE_WORDS)


def _acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isupper()


def _lower_titles(phrase: str) -> str:
    """A title written before a name is capitalised; after the name it is not
    ("Japanese Foreign Minister Taro Kono" → "Taro Kono, Japanese foreign minister").
    Demonyms, acronyms and other names keep their capitals."""
    out = []
    for word in phrase.split():
        key = _norm(word)
        if key in DEMONYMS or _acronym(word) or key not in _PRE_WORDS | _JOINERS:
            out.append(word)
        else:
            out.append(word.lower())
    return " ".join(out)


def _mentions(text: str, name: str, lo: int, hi: int) -> list[int]:
    """Where ``name`` occurs whole in ``text[lo:hi]``."""
    found = []
    i = text.find(name, lo, hi)
    while i >= 0:
        end = i + len(name)
        if (i == 0 or not text[i - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
            found.append(i)
        i = text.find(name, end, hi)
    return found


def role_of(text: str, name: str, near: int, lo: int = 0, hi: int | None = None) -> str:
    """The role ``text[lo:hi]`` gives the person called ``name``: at the mention
    nearest ``near`` that has one, the full name's mentions before the surname's.
    "" when the text gives none."""
    hi = len(text) if hi is None else hi
    name = " ".join(name.split())
    if not name:
        return ""
    forms = [name]
    surname = name.split()[-1]
    if surname != name and len(surname) > 2 and surname[0].isupper():
        forms.append(surname)  # (a person's: "office" is no one's surname)
    for form in forms:
        starts = sorted(_mentions(text, form, lo, hi), key=lambda s: (abs(s - near), s))
        for start in starts:
            role = _after(text, start + len(form)) or _before(text, start)
            if role:
                return role
    return ""
