"""What a quotation is, once its marks are paired (:mod:`tui.quotes.marks`): ``full``
(a sentence or clause in the speaker's words), ``partial`` (a fragment worked into the
narration) or ``scare`` (a word or two with no speaker: "white list"); and whether its
marks set off a name rather than anyone's words.

Some marks set off a name, not anyone's words (:func:`is_title`, :func:`is_headline`): a
title or slogan in title case that nobody speaks, a headline followed by its author, a
paragraph in single marks where the text quotes with double ones (a subhead). Others
hold a term at a distance (:func:`is_hedged`), a nickname inside a name
(:func:`is_nickname`), or the words on a sign a caption shows (:func:`in_caption`).
"""

from __future__ import annotations

import re

from tui.nlp.lexicon import FUNCTION_WORDS
from tui.nlp.name_runs import UPPER, may_own_a_nickname
from tui.quotes.cues import _VERB_WORDS
from tui.quotes.marks import _CLOSE_ONLY
from tui.quotes.model import _WORD_RE, FULL, PARTIAL, SCARE, QuoteSpan, few_words

# how far after the first half of a split quote its second half may open (`"…," she
# said, "and …"`)
_SPLIT_REACH = 80

# Words a title leaves in lower case ("Eye of the Tiger", "Orange is the New Black").
_TITLE_SMALL = frozenset(
    "a an the and or nor but of for in on at to by with from into onto as is vs via per "
    "de la le del van von".split()
)
# A word that starts in lower case (Latin letters; others count as capitals here).
_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-zß-öø-ÿ][\w'’-]*")
# After a quotation: its author, as a headline's (`"…," by Jane Roe`, `, by the Times'`).
_BY_AUTHOR_RE = re.compile(r",? by (?:the )?[A-Z]")
_BY_STARTS = (" by ", ", by ")  # (a quick test before the pattern, run on every quotation)
# After a quotation opened in brackets: the outlet and the day, and the bracket closed.
_CITED_RE = re.compile(r",? (?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}, [^()\"“”\n]{1,30}\)")
# Just before a quotation: a verb of saying or showing, which attributes even a title-case
# quotation to someone or something (`placards reading "Fair Pay Now"`).
_SHOWN_REACH = 40
_SHOWN_RE = re.compile(
    r"\b(?:reads?|reading|says?|saying|said|stat(?:es|ed|ing)|declar(?:es|ed|ing)|"
    r"chant(?:s|ed|ing)?|shout(?:s|ed|ing)?|yell(?:s|ed|ing)?|writes?|wrote|writing|"
    r"published|(?:en)?titled|the words)[\s,:—–-]*$",
    re.IGNORECASE,
)
# A kind of work, or an outlet's possessive, just before a quoted name of a word or two.
# (Not "newspaper": `told the newspaper "Never"` is speech.)
_WORK_BEFORE_RE = re.compile(
    r"(?:\b(?:show|song|single|album|track|film|movie|book|novel|series|program|programme|"
    r"podcast|play|musical|documentary)|[A-Z][\w.&-]*['’]s)\s*$"
)
# One or two capitalised words and nothing else: a name, not a clause.
_CAPITALISED_NAME_RE = re.compile(r"[A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*)?")
# A verb that introduces a work by its title, in the same clause before the mark.
_WORK_VERB_BEFORE_RE = re.compile(
    r"\b(?:revealed|reveals|teased|teases|penned|pens|unveiled|unveils|released|releases|"
    r"dropped|drops|premiered|wept as|cried as)\b[^.;:!?\"“”]{0,60}\Z"
)
# A determiner or a possessive just before the opening mark.
_DETERMINER_BEFORE_RE = re.compile(
    r"(?:(?<![\w'’])(?i:a|an|the|his|her|its|their|our|my|your|this|that)|\w['’]s)\s*\Z"
)
# A hedge just before the opening mark.
_HEDGED_RE = re.compile(
    r"\b(?:so-called|so called|self-styled|self-described|known as|nicknamed)\s*$"
)
# Just before a title-case quotation, what makes it a name even in a sentence with a
# cue: a possessive (`CNN's "State of the Union"`, `her "Year of the Garden"`), an
# article (`wore a "Save the Pier" cap`), a preposition (`said on "The Late Show"`, `the
# author of "Empire of the Fund"`), a naming verb, a kind of work or of campaign, or a
# verb of performing one (`then sang "Fields of Home"`).
_NAMED_BEFORE_RE = re.compile(
    r"(?:[^\W_](?:['’]s|s['’])|\b(?:the|an?|its|his|her|their|our|my|your|"
    r"of|on|in|to|at|from|with|for|about|called|named|labell?ed|"
    r"dubbed|book|novel|memoir|autobiography|biography|film|movie|show|series|song|album|"
    r"play|musical|documentary|column|article|essay|program|programme|podcast|"
    r"slogan|motto|hashtag|referendum|perform(?:s|ed|ing)?|s[aiu]ng|sings|singing)"
    # a naming verb and whom it names (`called the mayor "The Iron Lady of the Port"`)
    r"|\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|nam(?:es|ed|ing))"
    r"(?: the)?(?: [A-Z][\w'’.-]*){1,3})"
    r"[\s,:—–-]*$",
    re.IGNORECASE,
)
_TERMINAL_INSIDE = re.compile(r"[.!?,…]\s*$")
# The word right after a closing mark, if it is in lower case.
_WORD_AFTER_RE = re.compile(r" ([a-z][a-z'’-]*)\b")
# A picture's credit in brackets at the end of its caption: who made it and who holds it,
# a slash between ("(Jane Roe/City Archive.)", "(AP Photo/Jo Lin)"), whatever the desk.
_BRACKET_CREDIT_RE = re.compile(r"\([A-Z][\w.&'’ -]{0,40}/[A-Z][\w.&'’ /-]{0,60}\)\.?$")
_CREDIT_REACH = 110
# A subhead's line is short, and holds no second sentence.
_SUBHEAD_CHARS = 80
_SENTENCE_AFTER_RE = re.compile(r"[.!?]\s+\S")


_NICKNAME_RE = re.compile(rf"{UPPER}[\w'’-]*(?: {UPPER}[\w'’-]*)?")
_NAME_AFTER_RE = re.compile(rf" {UPPER}")


def is_title(text: str, span: QuoteSpan, spoken: bool, para_start: int) -> bool:
    """The marks set off a name, not anyone's words: a title (a book, a show, a film, a
    song, a slogan on a hat, a headline) rather than a statement. ``spoken``: the
    sentence has a reporting cue for it, or the quotation has a speaker.

    * words in title case or in capitals, three or more (a word or two is a scare
      quote), that nobody speaks: ``"Make America Great Again" hats``; spoken too when
      a possessive, an article, a preposition, a naming verb, a kind of work or a verb
      of performing stands just before them (``said on CNN's "State of the Union"``,
      ``the author of "Empire of the Fund"``, ``his book "The Art of the Deal"``, ``wore
      a "Save the Pier" cap``); but never with a verb of saying,
      writing or titling just before the mark, which attributes them (``placards
      reading "Fair Pay Now"``, ``a memo titled "The Facts"``);
    * a quotation followed by its author, as a headline is (``"Budget talks stall," by
      Jane Roe``), or in brackets with its outlet and day (``("Budget talks stall,"
      The Ledger, Monday)``).
    """
    after = span.close_mark + 1
    if after > 0 and text.startswith(_BY_STARTS, after) and _BY_AUTHOR_RE.match(text, after):
        # (with the comma that ends a title before its author, inside the marks or after,
        # or inside a quoted name that ends the title: `"… joins 'Harbour Nights,'" by`)
        if (
            "," in text[span.end : span.close_mark]
            or text[span.close_mark + 1] == ","
            or text[span.end - 2 : span.end] in (",'", ",’")
        ):
            return True
    if text[span.open_mark - 1 : span.open_mark] == "(" and after > 0:
        # a headline cited in brackets with where and when it ran, as letters cite the
        # story they answer: `("Budget talks stall," The Ledger, Monday)`
        if _CITED_RE.match(text, after):
            return True
    before = text[max(para_start, span.open_mark - _SHOWN_REACH) : span.open_mark]
    if _CAPITALISED_NAME_RE.fullmatch(text, span.start, span.end) and (
        _WORK_BEFORE_RE.search(before)
        or _WORK_VERB_BEFORE_RE.search(before)
        or _DETERMINER_BEFORE_RE.search(before) and _modifies_a_noun(text, span)
    ):
        # a name of a word or two, spoken or not: after a kind of work or an outlet's
        # possessive (`told CNBC's "Squawk Box"`, `the talk show "Maischberger"`); after a
        # verb of releasing or writing a work (`Adele penned "Hello"`, `teased her new
        # album, "Midnights"`); between a determiner and the noun it modifies (`a "Bronx
        # Pride" gala`, `his "No Ceilings" tour`)
        return True
    if not _title_case(text, span.start, span.end):
        return False
    if _SHOWN_RE.search(before):
        return False
    return (
        not spoken
        or _NAMED_BEFORE_RE.search(before) is not None
        or _modifies_a_noun(text, span)
    )


def is_hedged(
    text: str, span: QuoteSpan, para_start: int, previous: QuoteSpan | None = None,
    previous_hedged: bool = False,
) -> bool:
    """The marks follow a word that holds their words at a distance (`so-called
    "one-punch" assaults`, `the self-styled "people's champion"`): a term, no one's
    statement. So is the next of a list of such terms (`gangs known as "Block 8" and
    "Dem Boyz"`: ``previous``, and whether it was hedged). (Not a few words between a
    determiner and a noun, `the "total peace" talks`: as often someone's words,
    `his "deep and sincere" apology`.)"""
    if _HEDGED_RE.search(text, max(para_start, span.open_mark - 16), span.open_mark):
        return True
    return previous_hedged and previous is not None and _listed(text, previous, span)


def is_nickname(text: str, span: QuoteSpan) -> bool:
    """One capitalised word in marks between a given name and a capitalised word:
    `Margaret "Peg" Doolan` (the name finders take the three as one name)."""
    close = span.close_mark
    return (
        close > 0
        and 0 <= close - span.end <= 1  # (a mark of one character, or ``…'')
        and 1 <= span.start - span.open_mark <= 2
        and _NICKNAME_RE.fullmatch(text, span.start, span.end) is not None
        and text[span.open_mark - 1 : span.open_mark] == " "
        and text[span.open_mark - 2 : span.open_mark - 1].isalpha()
        and _NAME_AFTER_RE.match(text, close + 1) is not None
        and may_own_a_nickname(text[max(0, span.open_mark - 30) : span.open_mark].split()[-1])
    )


def _modifies_a_noun(text: str, span: QuoteSpan) -> bool:
    """The quotation stands before a noun as its modifier, with no punctuation between
    (`"Save the Old Pier" caps`, `the "Lights of the Harbour" star`): a name, not a
    clause. A function word, a verb of saying or a word shaped as a verb or an adverb
    after it (`"…" said`, `"…" on Monday`, `"…" happily`) leaves it alone."""
    if span.close_mark < 0 or not text[span.end - 1 : span.end].isalnum():
        return False
    m = _WORD_AFTER_RE.match(text, span.close_mark + 1)
    if m is None:
        return False
    word = m.group(1)
    return not (
        word in FUNCTION_WORDS or word in _VERB_WORDS or word.endswith(("ed", "ing", "ly"))
    )


# Between two items of a list: a comma, "and" or "or".
_LIST_BETWEEN_RE = re.compile(r"\s*,?\s*(?:(?:and|or)\s+)?")


def listed_after_title(text: str, previous: QuoteSpan, span: QuoteSpan) -> bool:
    """Title-case words listed right after a title, as the next item of the list: the
    film in ``starred in "Lights of the Harbour" and "Keepers of the Pier"`` is named as the
    first one is, whatever cue the sentence has for another quotation."""
    return _listed(text, previous, span) and _title_case(
        text, previous.start, previous.end
    ) and _title_case(text, span.start, span.end)


def _listed(text: str, previous: QuoteSpan, span: QuoteSpan) -> bool:
    """Whether ``span`` is the next item of a list after ``previous``: a comma, "and" or
    "or" between their marks."""
    if previous.close_mark < 0 or span.open_mark - previous.close_mark > 12:
        return False
    gap = _LIST_BETWEEN_RE.fullmatch(text, previous.close_mark + 1, span.open_mark)
    # (marks side by side are one quotation's pieces, not a list)
    return gap is not None and bool(text[previous.close_mark + 1 : span.open_mark].strip())


def _title_case(text: str, start: int, end: int) -> bool:
    """Three words or more, each capitalised but for a title's small words (``Eye of the
    Tiger``), or all in capitals. Stops at the first word in lower case: a sentence's
    second or third word, most of the time."""
    c = text[start]
    if not (c.isupper() or c.isdigit()):
        return False
    # (the first word in lower case that is not a small word, found in C, settles most)
    m = _LOWER_WORD_RE.search(text, start, end)
    while m is not None:
        if m.group().lower() not in _TITLE_SMALL:
            return False
        m = _LOWER_WORD_RE.search(text, m.end(), end)
    n = caps = 0
    for m in _WORD_RE.finditer(text, start, end):
        c = text[m.start()]
        if c.isupper():
            caps += 1
        elif not c.isdigit() and (n == 0 or m.group().lower() not in _TITLE_SMALL):
            return False
        n += 1
    return n >= 3 and caps >= 2


def in_caption(text: str, span: QuoteSpan, bounds: list[tuple[int, int]]) -> bool:
    """The quotation is in a picture's caption, a paragraph that ends in the picture's
    credit in brackets: the words on a poster or a sign it shows, which no one is
    reported saying (the caller asks only for a quotation with no cue)."""
    pstart, pend = bounds[span.paragraph]
    start = max(pstart, pend - _CREDIT_REACH)
    if text[pend - 1 : pend] not in (")", ".") or text.find("/", start, pend) < 0:
        return False
    return _BRACKET_CREDIT_RE.search(text, start, pend) is not None


def is_headline(text: str, span: QuoteSpan, bounds: list[tuple[int, int]]) -> bool:
    """A paragraph that is one quotation in single marks, in a text that quotes with
    double ones: a headline or subhead (``'We're vetting candidates!'``), which news
    style sets in single marks; the words come again, attributed, in the story."""
    if not is_single(text, span) or span.close_mark < 0:
        return False
    pstart, pend = bounds[span.paragraph]
    if span.open_mark != pstart:
        return False
    rest = text[span.close_mark + 1 : pend]
    # (or a subhead's line that goes on a few words: `'Gridlock downtown' on the
    # ring road.`; a sentence after the quotation is the story's)
    return not rest.strip(" .,!?\t") or (
        pend - pstart <= _SUBHEAD_CHARS and not _SENTENCE_AFTER_RE.search(rest)
    )


def is_single(text: str, span: QuoteSpan) -> bool:
    """The quotation opens with a single mark (not a pair of apostrophes)."""
    return text[span.open_mark] in "'‘" and text[span.open_mark + 1] not in "'‘"


def classify(
    text: str,
    span: QuoteSpan,
    has_speaker: bool,
    para_start: int,
    previous: QuoteSpan | None = None,
) -> str:
    """full, partial or scare (see the module docstring). ``has_speaker``: someone is
    reported saying it, named or not. ``previous`` is the quotation
    before this one, for the second half of a split quote (`"…," she said, "and …"`)."""
    if not has_speaker and few_words(text, span.start, span.end):
        return SCARE
    inner = text[span.start : span.end]
    first = inner.lstrip(" .…—–-([")[:1]
    # the last character before the opening mark that is not white space, if any in
    # the paragraph (found backwards: copying the paragraph up to each of its
    # quotations would be quadratic on one long paragraph full of them)
    b = span.open_mark - 1
    while b >= para_start and text[b].isspace():
        b -= 1
    last = text[b] if b >= para_start else ""
    opens_sentence = (
        not last
        or last in ":.!?…—–,"
        or last in _CLOSE_ONLY + '"'
        or (last == "'" and b > para_start and text[b - 1] == "'")  # after a `''` quote
    )
    if first.isupper() or first.isdigit():
        if opens_sentence or _TERMINAL_INSIDE.search(inner):
            return FULL
        return PARTIAL
    if opens_sentence and last != ",":
        # a sentence-opening quote written in lower case (a trimmed quote) is still
        # the speaker's sentence
        return FULL
    if last == "," and previous is not None and previous.close_mark >= 0:
        between = text[previous.close_mark + 1 : span.open_mark]
        if len(between) <= _SPLIT_REACH and text[previous.start : previous.end].strip():
            # `"People lost their homes," he said, "and they were told …"`
            return FULL
    return PARTIAL
