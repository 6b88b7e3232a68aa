"""The noun phrases in a cue's words, as their shape shows them without the document's
names: the patterns :class:`tui.quotes.subjects.SubjectReader` reads a subject, or the
name after an inverted verb, with; and what the words alone tell (an organisation named
across "and", the person before "of" a body, a noun that points back to someone named,
a name a description holds, an appositive set off)."""

from __future__ import annotations

import re

from tui.nlp.lexicon import AFFILIATIONS, DEMONYMS, NATIONALITY_NOUNS, ORG
from tui.nlp.name_runs import RUN, UPPER
from tui.nlp.names import Analyser
from tui.nlp.places import load_gazetteer
from tui.quotes.cues import _ARTICLE_TOKEN_RE, _OF_TAIL_RE, _RUN, _key

# (The small patterns of SubjectReader's rules, compiled once: a call of re.search with
# a pattern's text looks it up in re's cache first, which was 2% of quote extraction.)
_UNNAMED_BETWEEN_RE = re.compile(r"\b(?:a|an|that|which|who|it|this)\b")
_THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_THE_END_RE = re.compile(r"\b[Tt]he\s+$")
_AGE_NOUN_RE = re.compile(r"\d{1,3}-year-old")
# Any age the text gives someone: "Kwame Asante, 24,", "(24)", "aged 24", "a 24-year-old".
_ANY_AGE_RE = re.compile(r", \d{1,3}[,)]|\(\d{1,3}\)|\baged \d{1,3}\b|\b\d{1,3}-year-old\b")
# a person, the body they are of, and where it is: `Ann Lee of Acme Securities in`
_OF_BODY_IN_RE = re.compile(
    rf"(?={UPPER})(?<!\S)({_RUN}),?\s+(?:of|at|with|from)\s+(?:the\s+)?{_RUN},?\s+in\s+$"
)
# ... or the subject's own name, then where it is (`Tom Hart in Lagos said`)
_NAME_IN_PLACE_RE = re.compile(rf"(?={UPPER})(?<!\S)({_RUN})\s+(?:in|near)\s+$")
# a role in lower case, then a name: an appositive's words (`retired architect Ann Lee`)
_ROLE_NAME_RE = re.compile(rf"((?:[a-z][\w-]*\s+){{1,3}})({_RUN})")
_PREPOSITION_END_RE = re.compile(r"\b(?:for|of|at|from|with|to)\s+$")
_LEADING_THE_RE = re.compile(r"^[Tt]he\s+")
_CAPITAL_RE = re.compile(r"[A-Z]")


# An `of`, `from`, `at` or `with` between white space, without which _OF_TAIL_RE cannot
# match: searched for first, as one subject in twelve has one (the pattern, anchored at
# the end, is tried at every capital: 28 → 11 ms on 2,000 articles).
_OF_TAIL_WORD_RE = re.compile(r"\s(?:of|from|at|with)\s")


# A description that gives the name of the one it describes, after an inverted verb.
_NAMED_IN_RE = re.compile(
    # (no preposition before the name: `the mother of a 14-year-old named Priya` is the
    # mother, `the owner of a dog named Rex` no one named)
    r"\s*(?:an?|one|the)\s+(?:(?!\b(?:of|for|at|to|with|from|on|by|in)\b)[^.,;:!?\"“”\n]){0,60}?"
    r"[ ,](?:named|called|identified (?:only )?as|"
    rf"(?:first|family|last|given) name,?)\s+({_RUN})"
)
# A lawmaker's party and home set off by commas: "D-Miami", "R-Eau Claire", "I-Vt.".
_PARTY_TAG_RE = re.compile(r"[DRI]-[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*")
# An age or a party and home set off after a name, before another appositive: `Mary
# Smith, 47, a nurse,`, `Sen. Dale Hutchins, R-Ohio, the ranking member,`.
_NOTE_END_RE = re.compile(rf",\s*(?:(?:aged\s+)?\d{{1,3}}|{_PARTY_TAG_RE.pattern})$")
# What opens a description set beside a name: `Ann Lee, a professor at …`.
_DESCRIPTION_OPENING_RE = re.compile(r"[ \t]*(?:an?|the)[ \t]+[a-z]")
# The language layer's reading of a name across "and", for the subjects that need it
# (few: memoised per run, and emptied when it grows).
_analyser: Analyser | None = None
_ANALYSER_MEMO = 20_000
# how far back a body's name across "and" may start
_BODY_REACH = 160


def _body_across_and(s: str, start: int) -> tuple[int, str] | None:
    """Where ``s`` ends in a name whose last part starts at ``start`` after "and" or "&":
    the start and text of the whole, if the language layer reads the whole as one
    organisation ("the Ministry of Human Resources and Emiratisation", "the Farmers and
    Growers Union"), not the tail alone ("Emiratisation", "Growers Union")."""
    global _analyser
    head = s[:start]
    if not head.endswith((" and ", " & ")):
        return None
    window = max(0, start - _BODY_REACH)
    end = len(s.rstrip())
    run = next((m for m in RUN.finditer(s, window, end) if m.end() == end), None)
    if run is None or run.start() >= start - 5:
        return None
    if _analyser is None or len(_analyser.shapes) > _ANALYSER_MEMO:
        _analyser = Analyser(load_gazetteer())
    # the run, or its part after a "the" inside it ("Ann Lee of the Farmers and ...")
    froms = [run.start()]
    at = s.find(" the ", run.start(), start)
    while at >= 0:
        froms.append(at + 5)
        at = s.find(" the ", at + 5, start)
    for begin in froms:
        after_the = s[max(0, begin - 4) : begin] in ("the ", "The ")
        pieces = _analyser.analyse(s[begin:end], False, after_the)
        last = pieces[-1] if pieces else None
        if (
            last is not None
            and begin + last.end == end
            and begin + last.start < start - 5
            and last.votes
            and last.votes[0][0] == ORG
        ):
            return begin + last.start, last.surface
    return None


def _of_tail(head: str) -> re.Match[str] | None:
    """``_OF_TAIL_RE.search(head)``."""
    return _OF_TAIL_RE.search(head) if _OF_TAIL_WORD_RE.search(head) else None


def _points_back(run: str) -> bool:
    """Whether ``run`` after "the" is a noun for a person of a nation or a party, said
    of someone the text has named ("the Dane", "the Kenyan", "the Republican")."""
    if " " in run:
        return False
    key = _key(run)
    return key in NATIONALITY_NOUNS or key in AFFILIATIONS and not key.endswith("s") or (
        # (and "the Portuguese", "the Swiss", one person as sports pages write it)
        key in DEMONYMS and key.endswith(("an", "i", "ese", "ss"))
    ) or load_gazetteer().is_resident_noun(run)  # ("the Floridian", "the Londoner")


def _holds_name(description: str, name: str) -> bool:
    """Whether ``description`` names ``name``: in full, or by its last word as the
    text calls someone named before (`a spokesman for Lee`, `Lee's aide`)."""
    if name in description:
        return True
    last = name.rsplit(" ", 1)[-1]
    return any(
        word.strip(",.;:").removesuffix("'s").removesuffix("’s") == last
        for word in description.split()
    )


def _without_appositive(left: str) -> str:
    """``left`` without the appositive it ends with: `a spokesperson for TransLink, the
    regional transit authority,` gives `a spokesperson for TransLink`."""
    body = left.rstrip().rstrip(",—–").rstrip()
    opener = max(body.rfind(","), body.rfind("—"), body.rfind("–"))
    return body[:opener] if opener > 0 and body != left.rstrip() else ""


# "the" (or "his", "her" before "Honour") and a capitalised title ending a subject: `the
# Minister`, `the Deputy Governor`, `the MP`, `Her Honour`.
_CAPITAL_ROLE_END_RE = re.compile(
    r"(?<!\S)(?:[Tt]he|[Hh]is|[Hh]er)[ \t]+((?:[A-Z][a-z]+[ \t]+)?)([A-Z][a-z]+|[A-Z]{2,3})\Z"
)
_HONOUR = {"honour": "judge", "honor": "judge", "worship": "mayor"}
# After an inverted verb, "he" or "she" alone: `"…," said he.`
_PRONOUN_AFTER_RE = re.compile(r"[ \t]*(he|she)(?=[ \t]*(?:[,.;:!?—–]|\Z))")
# After an inverted verb, "the" and a role ending the subject: `said the minister`, `said
# the official on Monday`, `said the source, who …`; not with a restrictive clause or
# phrase of its own, which describes someone new (`said the woman who runs the shop`).
_THE_ROLE_AFTER_RE = re.compile(
    r"[ \t]*((?i:the)[ \t]+(?:[a-z]+[ \t]+){0,2}(?:[a-z]+|[A-Z][a-z]+|[A-Z]{2,3}|"
    r"\d{1,3}-year-old))"
    r"(?=[ \t]*(?:[,.;:!?—–]|\Z|[ \t]+"
    r"(?:on|after|before|when|as|during|told)\b))"
)


def _opens_clause(before: str) -> bool:
    """Whether what comes after ``before`` opens a clause, as its subject does: nothing
    before it, a break, or a conjunction (not `She then addressed | the supporters`)."""
    before = before.rstrip()
    return not before or before.endswith((",", ";", ":", "—", "–", "(")) or (
        before.rsplit(None, 1)[-1].casefold() in ("and", "but", "so", "then", "later")
    )


# A plural noun in lower case opening the subject, then where: "Taxi drivers in ",
# "Residents near ", "Farmers across the ".
_PEOPLE_IN_PLACE_RE = re.compile(
    r"^\s*(?:[A-Za-z][a-z-]*\s+)?[a-z-]*[a-z]s\s+(?:in|near|outside|across|around|throughout)"
    r"\s+(?:the\s+)?$"
)
# A preposition of place or of whom one works for, right before the run that ends a
# subject's words: `A motorist who crashed in Manchester told police`, `a woman who
# worked for Tesco told the court`. The run is that preposition's object, not the
# subject. (In lower case: "In Lagos Tom Hart said" opens its sentence with the place.)
_OBJECT_BEFORE_RE = re.compile(
    r"(?<![\w'’-])(?:in|at|from|into|near|on|for|inside|outside|across|throughout|around)"
    r"\s+(?:the\s+)?$"
)
# Two words of a sentence before a point: what stands before a preposition that is
# inside a clause, not one opening it ("More from Jones:").
_TWO_WORDS_END_RE = re.compile(r"[^\W_][\w'’-]*[,;]?[ \t]+[^\W_][\w'’-]*[,;]?[ \t]+$")
# The characters of a word of a name, for the article-joined surname after a verb.
_NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-'’"


def lone_article_name(word: str, before: str) -> bool:
    """Whether ``word`` is a surname with its article and nothing of the name before
    it ("al-Tayeb", "el-Sisi" after a verb or a quotation; not the end of "Abdel Fattah
    el-Sisi", whose run its capitals already give)."""
    if not _ARTICLE_TOKEN_RE.fullmatch(word):
        return False
    hyphen = word.find("-")
    previous = before.split()[-1:] if before.strip() else []
    return word[hyphen + 1 : hyphen + 2].isupper() and not (
        previous and previous[0][:1].isupper()
    )
