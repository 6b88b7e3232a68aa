"""Search query syntax: words (ANDed), "exact phrase", 'exact, !exclude, ^prefix.

Parsing never fails: what cannot be used is dropped, and a query with nothing left to
search for parses to no clauses. Words are normalised as the index normalises them
(``tui.text``), and a hyphenated word becomes the run of its parts.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.nlp.text import WORD_OR_LINE, normalise, word_parts

MAX_QUERY_CHARS = 1000  # longer input is cut: nobody types more, and it bounds the work
MAX_CLAUSES = 16

FUZZY, EXACT, PREFIX = "fuzzy", "exact", "prefix"

# The syntax as a user reads it: (what you type, what it finds), for the dashboard's
# help and the README alike.
SYNTAX: tuple[tuple[str, str], ...] = (
    ("kono regrettable", "passages with both words (words are ANDed)"),
    ('"extremely regrettable"', "the exact phrase: the words in order, next to each other"),
    ("'regrettable", "that word exactly, with no typo allowed"),
    ("!japan", 'leaves out every source that contains the word (or !"a phrase")'),
    ("^semi", "words starting with semi"),
    ("Kono regre", "while typing, the last word is also a prefix; a trailing space ends it"),
    ("regretable", "a typo: one in a word of 5-8 letters, two from 9; none in numbers"),
)


@dataclass(frozen=True)
class Clause:
    """One thing a passage must (or, negated, must not) contain.

    ``terms`` holds normalised words in order: one for a word, several for a phrase or a
    hyphenated word. ``typing`` marks the last word of a query still being typed.
    """

    terms: tuple[str, ...]
    mode: str = FUZZY
    negate: bool = False
    typing: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.terms) > 1


@dataclass(frozen=True)
class Query:
    clauses: tuple[Clause, ...] = ()

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negate)

    @property
    def negative(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.negate)


def _words(text: str) -> list[tuple[str, ...]]:
    """Normalised words of a piece of query text; a compound gives its parts."""
    out = []
    for m in WORD_OR_LINE.finditer(text):
        if m.group() == "\n":
            continue
        parts = tuple(p for p in word_parts(normalise(m.group())) if p)
        if parts:
            out.append(parts)
    return out


def parse_query(query: str, typing: bool = True) -> Query:
    """Parse query syntax: words (ANDed), "exact phrase", 'exact, !exclude, ^prefix.

    Never raises: unknown characters are ignored, an unclosed quote runs to the end, and
    an operator with nothing after it is dropped. With ``typing``, the last word (if the
    query does not end in a space) also matches as a prefix.
    """
    if not isinstance(query, str):
        return Query()
    text = query[:MAX_QUERY_CHARS]
    clauses: list[Clause] = []
    i, n = 0, len(text)
    while i < n and len(clauses) < MAX_CLAUSES:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        negate = False
        while i < n and text[i] == "!":
            negate, i = True, i + 1
        if i >= n or text[i].isspace():
            continue
        if text[i] == '"':
            close = text.find('"', i + 1)
            open_ended = close < 0
            close = n if open_ended else close
            terms = tuple(t for parts in _words(text[i + 1 : close]) for t in parts)
            if terms:
                # a phrase still being typed ends in a prefix, as a word does
                growing = typing and open_ended and not text[-1].isspace() and not negate
                clauses.append(Clause(terms, EXACT, negate, typing=growing))
            i = close + 1
            continue
        mode = FUZZY
        if text[i] == "'":
            mode, i = EXACT, i + 1
        elif text[i] == "^":
            mode, i = PREFIX, i + 1
        j = i
        while j < n and not text[j].isspace() and text[j] != '"':
            j += 1
        for parts in _words(text[i:j]):
            clauses.append(Clause(parts, mode, negate))
        i = j
    clauses = clauses[:MAX_CLAUSES]
    if typing and clauses and not text[-1:].isspace() and not text.endswith('"'):
        last = clauses[-1]
        if last.mode == FUZZY and not last.negate:
            clauses[-1] = Clause(last.terms, FUZZY, False, typing=True)
    return Query(tuple(clauses))
