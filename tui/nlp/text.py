"""Text utilities shared by search, entities and quotes: words, normal forms, sentences.

News text has its own shapes, and the rules here are about those shapes in general:

* apostrophes come straight (') or curly (’); "Japan's" and "Japan’s" are one word, and
  a possessive ``'s`` is dropped from the normal form so that "Japan" finds "Japan's";
* dotted acronyms ("U.S.", "U.N.") are one word, normalised without the dots ("us");
* numbers keep their decimal point and lose their thousands separators ("80,000" → "80000");
* hyphenated names and compounds ("Moon Jae-in", "intelligence-sharing") are one word for
  ``tokens``; ``word_parts`` splits them for the search index, which keeps both;
* accents are folded and case is folded ("Pérez" → "perez").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tui.nlp.lexicon import STOP_ABBREVIATIONS

# A word: letters and digits joined by apostrophes, hyphens, dots or commas, so that
# "Japan's", "Jae-in", "U.S" and "80,000" each come out as one match. One regex with no
# alternation keeps tokenising a large archive cheap.
_JOINERS = "'’.,\\-\u2010\u2011"
WORD = re.compile(f"\\w+(?:[{_JOINERS}]\\w+)*")
# The same, with each line break as a token of its own (the search index marks paragraphs).
WORD_OR_LINE = re.compile(f"\\w+(?:[{_JOINERS}]\\w+)*|\n")
_PART_SPLIT = re.compile(r"[-.,]")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]\.?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)+")

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u2010": "-", "\u2011": "-"})


@lru_cache(maxsize=16384)
def normalise(term: str) -> str:
    """The form a word is indexed and looked up under.

    Case-folded, curly apostrophes straightened, accents folded, a possessive ``'s``
    dropped, acronym dots and number separators removed.
    """
    if term.isascii():
        t = term.lower()
    else:
        t = unicodedata.normalize("NFKD", term.translate(_APOSTROPHES))
        t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    if t.endswith("'s") and len(t) > 2:
        t = t[:-2]
    if ("." in t or "," in t) and (_ACRONYM.fullmatch(t) or _NUMBER.fullmatch(t)):
        t = t.replace(",", "") if t[0].isdigit() else t.replace(".", "")
    return t


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """(normalised term, start, end) for each word of ``text[start:end]``, in order.

    Offsets index ``text`` itself. Hyphenated words come out whole ("jae-in"); an
    acronym's final dot is part of its span ("U.S.").
    """
    end = len(text) if end is None else end
    out = []
    for m in WORD.finditer(text, start, end):
        term, s, e = normalise(m.group()), m.start(), m.end()
        if e < end and text[e] == "." and "." in m.group() and _ACRONYM.fullmatch(m.group()):
            e += 1
        out.append((term, s, e))
    return out


def word_parts(term: str) -> list[str]:
    """The parts of a compound normalised term: "jae-in" → ["jae", "in"],
    "example.com" → ["example", "com"]; a plain word, acronym or number is one part."""
    if not ("-" in term or "." in term or "," in term):
        return [term]
    if _NUMBER.fullmatch(term):
        return [term]
    return [normalise(p) for p in _PART_SPLIT.split(term) if p]


# --- sentences --------------------------------------------------------------------------

# Words that start a sentence after an ambiguous stop ("... to the U.S. The talks ...").
_SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there
    but and so yet however meanwhile in on at for if when while after before as""".split()
)
_CORPORATE = frozenset("inc corp co ltd plc bros etc al".split())
# A name's suffixes, which end the name they follow: they end a sentence as "Inc." does
# ("said Frank Smith Jr. The …", "said Frank Smith Jr. \"This is hard.\"").
_SUFFIXES = frozenset("jr sr".split())
# Shorthands that are abbreviations only before a number ("No. 1", "Vol. 3").
_BEFORE_NUMBER = frozenset("no nos vol fig pp art".split())
# A candidate end: terminal punctuation, any closing quotes or brackets, then space and
# something other than a lower-case letter (which would continue the sentence; checking
# that here, in C, skips most "e.g. the" and "Aug. 15" stops without a Python call).
# (The first stop is written apart from the rest, `[.!?…][.!?…]*` for `[.!?…]+`: a
# pattern whose first item is a class lets the scanner skip to candidate stops; one
# that opens with a repeat is tried at every position, two and a half times slower.)
# (a no-break space after a stop parts sentences as a space does: pages copied from the
# web have them, "reported.\xa0“We had …")
_END = re.compile(r"([.!?…][.!?…]*)([\"'”’»)\]]*)(?=[ \t\xa0]+[^a-z\s])")
_OPENERS = "\"'“‘«([¿¡`"
_QUOTE_OPENERS = "\"'“‘«`"


def _previous_word(text: str, dot: int, floor: int) -> str:
    i = dot
    while i > floor and (text[i - 1].isalnum() or text[i - 1] == "."):
        i -= 1
    return text[i:dot]


def _next_word(text: str, pos: int, limit: int) -> tuple[int, str]:
    i = pos
    while i < limit and text[i] in " \t\xa0":
        i += 1
    j = i
    while j < limit and text[j] in _OPENERS:
        j += 1
    k = j
    while k < limit and text[k].isalnum():
        k += 1
    return i, text[j:k]


def _ends_sentence(text: str, stop: str, dot: int, after: int, floor: int, limit: int) -> bool:
    nxt_start, nxt = _next_word(text, after, limit)
    if nxt_start >= limit or text[nxt_start] == "\n":
        return True
    if not nxt:
        return text[nxt_start] in _OPENERS
    if not (nxt[0].isupper() or nxt[0].isdigit()):
        return False
    if stop != ".":
        return True
    word = _previous_word(text, dot, floor)
    bare = word.replace(".", "").lower()
    if bare in _SUFFIXES or bare in _CORPORATE:
        # a quotation opening after "Jr." or "Inc." opens a sentence too (a bracket does
        # not: "Sen. Tom Lee Jr. (R-Ohio) said")
        return nxt.lower() in _SENTENCE_STARTERS or text[nxt_start] in _QUOTE_OPENERS
    if "." in word or len(bare) == 1 and word.isupper():
        # an acronym or an initial ends a sentence only before a sentence opener
        return nxt.lower() in _SENTENCE_STARTERS and len(bare) != 1
    if bare in _BEFORE_NUMBER:
        return not nxt[0].isdigit()
    return bare not in STOP_ABBREVIATIONS


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, trimmed of white space, in order.

    A line break always ends a sentence (each line of a corpus file is a paragraph). A full
    stop after a title ("Lt. Col."), a month ("Aug. 15"), an initial ("Jae C. Hong") or an
    acronym ("U.S.") does not, unless the next word plainly opens a new sentence.
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    spans: list[tuple[int, int]] = []
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        if line_end < 0:
            line_end = end
        s = line_start
        for m in _END.finditer(text, line_start, line_end):
            if _ends_sentence(text, m.group(1)[-1], m.start(1), m.end(), line_start, line_end):
                _add(text, spans, s, m.end())
                s = m.end()
        _add(text, spans, s, line_end)
        line_start = line_end + 1
    return spans


def _add(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))
