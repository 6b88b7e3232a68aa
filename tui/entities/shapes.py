"""Shapes of the text around a run of capitals that tell the miner how to take it: a
body's first line that repeats the title, a dateline before a story's first word, a
state's abbreviation after a town, the tail of a name glued on by a slash, a quoted
title of a verb, "the" and a noun; and whether an acronym's letters are a name's
initials.
"""


from __future__ import annotations

import re

from tui.nlp.lexicon import DEGREES, FUNCTION_WORDS

# A quoted title of a show, a book or a slogan made of a verb, "the" and a noun ("“Greet
# the Tide”", "''Mind the Harbour''"): the noun at its end names no body.
_TITLE_OPENING = re.compile(r"[“\"‘'][A-Z][a-z]+ the \Z")
# ... or unquoted after a broadcaster's possessive ("HTV's Greet the Tide").
_TITLE_OWNED = re.compile(r"[A-Z]['’]s [A-Z][a-z]+ the \Z")
_TITLE_CLOSING = re.compile(r"[,.!?]?[”\"’']")


def _title_tail(text: str, rs: int, end: int, start: int) -> bool:
    """Whether the run at ``rs``-``end``, after "the ", ends a title of a capitalised
    word, "the" and a noun, quoted or after a possessive (see _TITLE_OPENING)."""
    before = text[max(start, rs - 24) : rs - 4]
    if before.islower() or not text[rs - 6 : rs - 5].islower():
        return False  # (no capitalised word before "the": most runs)
    before += "the "
    return bool(
        (_TITLE_CLOSING.match(text, end) and _TITLE_OPENING.search(before))
        or _TITLE_OWNED.search(before)
    )


_SENTENCE_BREAK = re.compile(r"[.!?][’”\"']? +[A-Z]")


def _title_line(
    text: str, spans: list[tuple[int, int]], title: str
) -> tuple[int, int] | None:
    """The body's first line when it is the document's title repeated (as many sites'
    pages and exports open with the headline): a heading whatever its casing, so its
    capitals ("The Latest: Towns Cast First Votes") prove nothing about names."""
    if not spans or not title:
        return None
    start, end = spans[0]
    while start < end and text[start] in " \t\n\r":
        start += 1
    stop = text.find("\n", start, end)
    stop = end if stop < 0 else stop
    line = text[start:stop].strip()
    if (
        not line
        or line.rstrip(".").casefold() != title.strip().rstrip(".").casefold()
        or not text[stop:end].strip()
        or _SENTENCE_BREAK.search(line)
    ):
        # (a title taken from the first line of a plain text, or a paragraph of
        # sentences, is prose: the story's names are in it)
        return None
    return start, stop


_DASHES = "—–-"
# A dateline's place, then its agency if any, before the dash that opens the story:
# "LEEDS, England —", "WASHINGTON (AP) —", "NEW DELHI, Jan. 3 -".
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z.](?:,[^\n,]{2,24}){0,2}(?: \([A-Za-z ]{1,30}\))? *\Z")


def _after_dateline(text: str, dash: int, start: int) -> bool:
    """Whether the dash at ``dash`` ends a dateline at the start of its line: the word
    after it opens the story's first sentence, and its capital proves nothing
    ("LEEDS, England — Councillors have approved …")."""
    reach = max(start, dash - 61)  # (a dateline is short: no scan back further)
    newline = text.rfind("\n", reach, dash)
    if newline < 0 and reach > start:
        return False
    line = newline + 1 if newline >= 0 else start
    return _DATELINE.match(text, line, dash) is not None


def _slashed_before(text: str, rs: int, start: int) -> bool:
    """Whether the word before the run at ``rs`` ends in a capitalised word glued on by a
    slash ("the Harbour Post/Ellery Daily Courier poll"): no run starts after a slash
    (as in an address), so the run here is the tail of a name ("Daily Courier"), not
    one."""
    k = text.rfind("/", max(start, rs - 30), rs - 1)
    if k < 0:
        return False
    part = text[k + 1 : rs - 1]
    return part[:1].isupper() and not any(c.isspace() for c in part)


# The shapes of a state's or district's abbreviation: "D.C.", "OH", "Va.", "Wash.";
# and of a word cut short before its full stop ("Ill.", "Conn.").
_STATE_TAG = re.compile(r"(?:[A-Z]\.){1,2}[A-Z]?\.?|[A-Z]{2}|[A-Z][a-z]{1,3}\.?")
_SHORTENED = re.compile(r"[A-Z][a-z]{1,3}")


def _state_tag(text: str, rs: int, re_: int, run: str, start: int) -> bool:
    """Whether the run at ``rs`` abbreviates a state after a town's name and a comma
    ("Fairview, Ind.", "Ashby, OH", "Washington, D.C."), as datelines and addresses do:
    a label of the town, not a name of its own (and "Ind." no body)."""
    if not _STATE_TAG.fullmatch(run):
        return False
    if run in DEGREES:
        return False  # ("Helena Marr, M.D.,": a doctor, no town in Maryland)
    if run[-1:].islower() and text[re_ : re_ + 1] != ".":
        return False  # ("Fairview, Ind." but "Lee, Ann and Bo")
    comma = rs - 2
    k = text.rfind(" ", max(start, comma - 30), comma)
    town = text[k + 1 : comma]
    return town[:1].isupper() and town.casefold() not in FUNCTION_WORDS


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
