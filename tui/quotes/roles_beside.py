"""The role a text sets beside a name by commas, which a later "the chairman said"
points back to: before the name (`The chairman of the council, Lamin Jobe, said`, `The
Governor of Jigawa, Alhaji (Dr.) Usman Kabiru,`) or after it (`Musa Bah, the secretary
of the union,`, `Ann Lee, chair of the finance committee, said`)."""

from __future__ import annotations

import re

from tui.nlp.lexicon import FUNCTION_WORDS, RANKS
from tui.quotes.cues import _TITLES

# Words before a role that say it is held no longer, or by another, or are a verb's:
# `former coach`, `rival coach`, `hired to coach`.
NOT_HOLDING = frozenset("former ex then late rival fellow opposing to".split())

# Its head is the last word before what it is the role of; up to three words may qualify
# it ("police", "deputy"); honorifics may stand between it and the name ("Mr.", "(Dr.)").
_ROLE_OF = r"(?: (?:of|for|at|to|in|on) [^,;:\"“”\n]{1,80}?)?"
_ROLE_BESIDE_BEFORE_RE = re.compile(
    r"(?<![\w'’-])(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur) ((?:[\w'’-]+ ){0,3}?)"
    r"([A-Za-z]+)" + _ROLE_OF + r", (?:\(?[A-Z][A-Za-z]{0,6}\.?\)? ){0,3}\Z"
)
# A preposition right before the role: it is the object's (`In a letter to the mayor, Ann
# Lee, who chairs the trust, said`), not the name's.
_PREPOSITION_END_RE = re.compile(
    r"(?<![\w'’-])(?:to|from|with|by|for|at|of|about|on|against|after|before|towards?|"
    r"into|than|like|as|behind|beside|near|over|under|and)[ \t]+\Z",
    re.IGNORECASE,
)
# The chief officers a later reference calls by their initials.
_CHIEF_OFFICERS = {
    "chief executive": "ceo", "chief operating": "coo", "chief financial": "cfo",
}
_ROLE_BESIDE_AFTER_RE = re.compile(
    r", (?:(?:the|a|an|its|our) )?((?:[\w'’-]+ ){0,3}?)([A-Za-z]+)" + _ROLE_OF
    + ","
)


def role_beside(text: str, at: int, end: int) -> str | None:
    """The role set off by commas before or after the name at ``text[at:end]`` (see
    _ROLE_BESIDE_BEFORE_RE), in lower case and with its rank ("deputy chairman"), or
    None. Only a word of office is a role: `Ann Lee, a mother of three,` is no title."""
    if not text.startswith(",", end):
        return None  # (the name closes no apposition: `In a letter to the mayor, Ann Lee
        # wrote`; nor does `…, the mayor said` set one off)
    m = (
        _ROLE_BESIDE_BEFORE_RE.search(text, max(0, at - 140), at)
        if text[at - 2 : at] in (", ", ". ", ") ") else None
    )
    if m is not None and _PREPOSITION_END_RE.search(text, max(0, m.start() - 12), m.start()):
        m = None  # (`Speaking to the President, Ann Lee, a farmer,`: the role is another's)
    m = m or _ROLE_BESIDE_AFTER_RE.match(text, end)
    if m is None:
        return None
    head = m[2].casefold()
    if head not in _TITLES:
        return None
    qualifiers = m[1].split()
    if any(q.casefold() in FUNCTION_WORDS or q.endswith("ed") for q in qualifiers):
        return None  # (`Tom Hart, who attacked the governor,`; `Ann Lee, whose husband was
        # chairman,`: a clause, no role of the name's)
    chief = " ".join(q.casefold() for q in qualifiers[-2:])
    if head == "officer" and chief in _CHIEF_OFFICERS:
        return _CHIEF_OFFICERS[chief]  # (`the Chief Executive Officer, …` is "the CEO")
    if any(q.casefold() in NOT_HOLDING for q in qualifiers):
        return None  # (`the former chairman`: no longer who "the chairman" is)
    rank = qualifiers[-1].casefold() if qualifiers else ""
    return f"{rank} {head}" if rank in RANKS else head
