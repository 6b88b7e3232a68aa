"""Quotations: where each one is in the text, as the pairs of marks around it.

Quote marks in scraped news are messy: curly and straight marks mixed in one article,
stray marks left by editing, single quotes nested in double ones, apostrophes that look
like single quotes, and multi-paragraph quotations whose paragraphs each reopen the quote
without closing it. The rules here:

* each mark gets a direction from its context (a mark after a space and before a word
  opens; a mark after a word and before a space or punctuation closes), and only from its
  glyph when the context says nothing (``word"word``);
* an opening mark pairs with the next closing mark. A closing mark with nothing open is a
  stray and never starts a quote, so the narration between two quotes cannot become one;
  a stray ``,"`` shortly after a quote closed is the quote's real end (an edited quote);
* a paragraph that ends inside a quote continues when the next paragraph opens with a
  quote mark (the news convention); otherwise the quote ends with its paragraph. It
  ends there too when the quote followed narration in its paragraph and the next one
  closes on a comma before an attribution of its own: a closing mark left out;
* single quotes only count outside double quotes, and only with a clear opening and
  closing shape, so apostrophes (``don't``, ``countries'``) are left alone;
* pairs of apostrophes (``''…''``, some papers' house style), the typesetting pair
  ````…''`` and pairs of curly single marks (``‘‘…’’``) are double quotes too. They
  are read only where they quote: a lone ``''`` left open at the end of its paragraph
  (an inch sign, a typo, a plural possessive with a stray apostrophe) opens nothing,
  unless the next paragraph reopens the quotation. In a run of three, the pair is the
  outer mark (``'''A 'b,'''``: double then single when opening, single then double
  when closing);
* nothing runs away: a quotation longer than a few thousand characters is a mismatch;
* marks inside a markup tag (``<tweet author="@x">``), or in a link's words, quote
  nothing.

Offsets: ``open_mark`` is a mark's first character and ``close_mark`` its last, so that
the narration before and after a quotation is ``text[:open_mark]`` and
``text[close_mark + 1:]`` whatever the mark's width.

What kind of quotation a span is (full, partial or scare), and whether its marks set off
a name rather than anyone's words, is :mod:`tui.quotes.kinds`'s to say.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from itertools import chain, repeat
from typing import NamedTuple

from tui.corpus.document import Document
from tui.nlp.lexicon import FUNCTION_WORDS, MONTHS, WEEKDAYS
from tui.quotes.model import _WORD_RE, QuoteSpan

# A quotation longer than this is a mismatch, not a quote (the longest real quotes in
# news run to a few hundred words).
MAX_QUOTE_CHARS = 3000
# How many paragraphs one quotation may run over.
MAX_QUOTE_PARAGRAPHS = 8
# A stray closing mark this close after a quote ends that quote instead.
_STRAY_REACH = 120
# An inverted attribution, which only narration writes (", said Kemp," / ", said Rosa
# Kemp."): inside a quote left open, where its closing mark was left out.
_SAID_NAME_RE = re.compile(r",\s+said\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?[,.]")


_OPEN_ONLY = "“„«「『"
_CLOSE_ONLY = "”»」』"
_DOUBLE = '"' + _OPEN_ONLY + _CLOSE_ONLY
_DOUBLE_RES = tuple((mark, re.compile(re.escape(mark))) for mark in _DOUBLE)
# The same with the two-character marks: two or three apostrophes (never part of a
# longer run), and two backticks. Used only on texts that have such a pair.
_PAIRED_RE = re.compile(f"[{re.escape(_DOUBLE)}]|'(?<!'')'{{1,2}}(?!')|``|‘‘|(?<!’)’’(?!’)")
_APOSTROPHES = "''"
# (pairs of curly single marks stand for double ones in some texts: ‘‘…’’, “…’’)
_CURLY_OPEN = "‘‘"
_CURLY_CLOSE = "’’"
_BACKTICKS = "``"
# Which closing glyphs may end a quote opened by each glyph. A straight mark or a curly
# one may close either (mixed pairs are common); the typographic systems keep their own.
_CLOSERS: dict[str, tuple[str, ...]] = {
    '"': ('"', "”", "“", _CURLY_CLOSE),
    "“": ('"', "”", "“", _CURLY_CLOSE),
    "„": ("“", "”", '"'),
    # a closing glyph set as an opener (`aides ”get close`) is closed by itself too
    "”": ("”", '"', "“"),
    "«": ("»",),
    "「": ("」",),
    "『": ("』",),
    _APOSTROPHES: (_APOSTROPHES,),
    _BACKTICKS: (_APOSTROPHES,),
    _CURLY_OPEN: (_CURLY_CLOSE, "”", '"'),
    _CURLY_CLOSE: (_CURLY_CLOSE, "”", '"'),
}
_WIDE = (_APOSTROPHES, _BACKTICKS, _CURLY_OPEN, _CURLY_CLOSE)
_STRAIGHT = ('"',)  # what closes a quote opened by a closing glyph
# (the mark comes first and the look-behind checks the character before it from there:
# a pattern that opens with a character class lets the scanner skip to candidate marks,
# one that opens with a look-around is tried at every position, four times slower)
# (One pattern for each opening mark, `'` and `‘`, not one for both: a pattern that
# opens with one character is scanned for with a fast search, one that opens with a
# class tests every character in turn, eight times slower over a text.)
_SINGLE_OPEN_RES = tuple(re.compile(mark + r"(?<![^\s(\[—–].)(?=[^\W_])") for mark in "'‘")
_SINGLE_CLOSE_RE = re.compile(r"(?<=[^\W_]|[.,!?])['’](?=[\s.,;:!?)\]—–]|$)", re.MULTILINE)
_START = re.Match.start
# A transcript's turn: a time stamp at most (`[00:01:14]`), the speaker's label, a role
# after a comma at most (`ANNA BERG, HOST:`, `Rowena Dizon, Teacher:`), a colon, and the
# words, or nothing (the label alone, the words in the paragraphs after it). The label
# is a name in capitals (an honorific first, at most), or one in capitalised words.
_TURN_RE = re.compile(
    r"(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?[ \t]+)?"
    r"((?:(?:MR|MRS|MS|DR|PROF|SEN|REP|GOV)\.?[ \t]+)?"
    r"[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,3}"
    r"|(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?[ \t]+)?[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})"
    r"(?:,[ \t]+[A-Za-z][\w'’.-]*(?:[ \t]+[A-Za-z][\w'’.-]*){0,4})?"
    r"(?:[ \t]*\([^()\n]{1,40}\))?"  # (`Woman (through interpreter):`)
    r":(?:[ \t]+(?=\S)|[ \t]*$)"
)
# An interview's question and answer: `Q: …`, `A. …`, and the `Q …` of a briefing's
# transcript (not `A …`: a paragraph that opens with the article).
_QA_RE = re.compile(r"(Q(?=[:. \t])|A(?=[:.]))[:.]?[ \t]+(?=\S)")
# Labels in capitals before a colon that name no one speaking (compared case-folded).
_NOT_SPEAKERS = frozenset(
    w.casefold() for w in """UPDATE NOTE WATCH RELATED VIDEO PHOTO PHOTOS SOURCE SOURCES
    CORRECTION WARNING BREAKING EXCLUSIVE ANALYSIS OPINION TRANSCRIPT ALSO CONTACT CONTACTS
    MEDIA Q A FACT CHECK WHAT WHY HOW WHEN WHERE WHO MORE LISTEN SUBSCRIBE CLAIM VERDICT
    RATING CONTEXT BACKGROUND SUMMARY PROS CONS PRICE VENUE TICKETS QUESTION ANSWER
    """.split()
) | frozenset(("read more", "editor's note", "editor’s note", "full text", "media contact",
               "fact check", "what next", "key points", "bottom line", "our verdict"))
# A word in a turn's text: a turn of figures alone is a table's row (`Clinton: 1,769.`).
_WORDS_RE = re.compile(r"[^\W\d_]{2}")
# Words no speaker's label holds: a heading's ("Why It Matters:", "The Ledger:"), a
# date's ("Monday:", "March 3:").
_NOT_IN_LABELS = FUNCTION_WORDS | WEEKDAYS | MONTHS
_MAX_SINGLE_CHARS = 400
# A few words with no sentence's end among them: what a single-quoted phrase within a
# sentence holds when its closing mark also reads as a plural possessive (see
# _single_spans).
_SHORT_CLAUSE_RE = re.compile(r"[^\W\d_][\w'’-]*(?:[ ,][ ]?[\w'’-]+){1,11}")
# A markup tag (``<tweet author="@x">``, ``</a>``): a letter after ``<``, no angle
# bracket inside. Only one with an attribute value in quote marks matters here.
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_ATTRIBUTE_RE = re.compile(r"""[\w-]=\s*["“”']""")
_MAX_TAG_CHARS = 1000
_MAX_LINK_CHARS = 300


# what a mark opens after, and closes before, besides white space
_OPENS_AFTER = frozenset("([{—–-/…" + _OPEN_ONLY)
_CLOSES_BEFORE = frozenset(".,;:!?)]}—–…" + _CLOSE_ONLY)


def _glyph(text: str, i: int) -> str:
    """The double quote mark at ``i``: one character, or a pair of apostrophes, backticks
    or curly single marks."""
    c = text[i]
    if c in "'`‘’":
        return c + c
    return c


def _direction(text: str, i: int) -> str:
    """"open", "close" or "both" for the double quote mark at ``i``."""
    glyph = _glyph(text, i)
    if glyph == _BACKTICKS:
        return "open"
    before = text[i - 1] if i > 0 else "\n"
    j = i + len(glyph)
    after = text[j] if j < len(text) else "\n"
    space_before = before in _OPENS_AFTER or before.isspace()
    # (a bracket after a sentence's end is an editor's note or a source, glued on:
    # `… stand."[Ledger.]`; one after a space is the quote's own `"[W]e …`)
    space_after = after in _CLOSES_BEFORE or after.isspace() or (
        after == "[" and before in ".!?…"
    )
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    if glyph in _OPEN_ONLY or glyph == _CURLY_OPEN:
        return "open"
    if glyph in _CLOSE_ONLY or glyph == _CURLY_CLOSE:
        return "close"
    return "both"


def _paragraph_bounds(doc: Document) -> list[tuple[int, int]]:
    if doc.paragraphs:
        return doc.paragraphs.bounds()
    return [(0, len(doc.text))] if doc.text.strip() else []


def find_spans(doc: Document) -> list[QuoteSpan]:
    """Every quotation in ``doc``, in text order."""
    return _find_spans(doc.text, _paragraph_bounds(doc))


def _find_spans(text: str, bounds: list[tuple[int, int]]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    # Only paragraphs with marks are visited: most paragraphs have none.
    starts = [b[0] for b in bounds]
    groups: dict[int, list[int]] = {}
    # (a curly pair matters only where one closes: ‘‘ alone, or “…’’; each scan costs)
    # (a lone character is looked for much faster than a pair: most texts have no backtick)
    wide = _APOSTROPHES in text or ("`" in text and _BACKTICKS in text) or _CURLY_CLOSE in text
    tags = _markup_tags(text) if "<" in text else []
    ti = 0
    marks: Iterable[tuple[int, bool]]
    if wide:
        marks = [(f.start(), f.end() - f.start() == 3) for f in _PAIRED_RE.finditer(text)]
    else:
        # every double mark is one character here: each mark the text holds is found
        # with a pattern of its own, whose fast search is cheaper than testing every
        # character against the class of them all
        found = [map(_START, p.finditer(text)) for mark, p in _DOUBLE_RES if mark in text]
        marks = zip(sorted(chain.from_iterable(found)), repeat(False))
    for m, triple in marks:
        if tags:
            # the marks around a tag's attribute values (`<tweet author="@x">`) quote nothing
            while ti < len(tags) and tags[ti][1] <= m:
                ti += 1
            if ti < len(tags) and tags[ti][0] <= m:
                continue
        if triple:
            # three apostrophes: a pair and a single; the pair is the outer mark
            before = text[m - 1] if m > 0 else "\n"
            if not (before.isspace() or before in _OPENS_AFTER):
                m += 1
        pi = bisect_right(starts, m) - 1
        if pi >= 0 and m < bounds[pi][1]:
            groups.setdefault(pi, []).append(m)
    # An open quote: (text start, opening mark, glyph, paragraph it opened in, paragraphs).
    open_at: tuple[int, int, str, int, int] | None = None
    prev_pi = -1
    for pi, para_marks in groups.items():
        pstart = bounds[pi][0]
        if open_at is not None and pi != prev_pi + 1:
            _end_at_paragraph(spans, open_at, bounds[prev_pi][1], text)
            open_at = None
        prev_pi = pi
        if open_at is not None:
            # The last paragraph ended inside a quote: it goes on only if this one
            # reopens it at once, as multi-paragraph quotations do.
            reopens = (
                para_marks[0] == pstart
                and _direction(text, pstart) == "open"
                and open_at[4] < MAX_QUOTE_PARAGRAPHS
                and bounds[pi - 1][1] - open_at[0] <= MAX_QUOTE_CHARS
                and not _attributed_anew(text, open_at, bounds, para_marks)
            )
            if reopens:
                open_at = (*open_at[:4], open_at[4] + 1)
                para_marks = para_marks[1:]
            else:
                _end_at_paragraph(spans, open_at, bounds[pi - 1][1], text)
                open_at = None
        last_close = -1
        for m in para_marks:
            d = _direction(text, m)
            glyph = _glyph(text, m)
            last = m + len(glyph) - 1  # the mark's last character
            if open_at is None:
                if d == "close":
                    # A stray: never the start of a quote. Right after a quote it may
                    # be that quote's real end.
                    if last_close >= 0 and _extend(spans, text, last_close, m, last):
                        last_close = last
                    continue
                open_at = (last + 1, m, glyph, pi, 1)
                last_close = -1
                continue
            if d != "open" and glyph in _CLOSERS.get(open_at[2], _STRAIGHT):
                spans.append(QuoteSpan(open_at[0], m, open_at[1], last, open_at[3]))
                last_close = last
                open_at = None
            elif d == "open":
                # The earlier mark never closed: it was the stray. Start again here.
                open_at = (last + 1, m, glyph, pi, 1)
        # (an open quote is carried into the next paragraph)
    if open_at is not None:
        _end_at_paragraph(spans, open_at, bounds[prev_pi][1], text)
    spans = [s for s in spans if 0 < s.end - s.start <= MAX_QUOTE_CHARS]
    singles, nested = _single_spans(text, bounds, spans)
    if nested:
        # (double marks quoting inside a single-quoted quotation: part of its statement)
        spans = [s for s in spans if s.open_mark not in nested]
    spans.extend(singles)
    if ":" in text or "> " in text:
        # (the paragraphs that quote someone: their quotations are read as any others)
        quoted = {s.paragraph for s in spans}
        if ":" in text:
            spans.extend(_turn_spans(text, bounds, quoted))
        if "> " in text:
            spans.extend(_block_spans(text, bounds, quoted))
    spans.sort(key=lambda s: (s.start, s.end))
    # (a quotation that opens with a letter or digit has a word: `[^\W_]` is isalnum)
    return [_trim(s, text) for s in spans if text[s.start].isalnum() or _has_word(text, s)]


def _attributed_anew(
    text: str,
    open_at: tuple[int, int, str, int, int],
    bounds: list[tuple[int, int]],
    para_marks: list[int],
) -> bool:
    """Whether the paragraph that reopens a quotation left open is a new quotation
    instead: the open one followed narration in its own paragraph (`Rubio said. "But
    …` with no closing mark), and this one closes on a comma, before an attribution of
    its own (`"I'm not interested," he continued.`). A quotation that runs over
    paragraphs is attributed once; a paragraph that is all quotation and is attributed
    in the next one (`"First …` / `"Second," she said.`) still goes on."""
    if open_at[4] != 1 or open_at[1] == bounds[open_at[3]][0]:
        return False
    for m in para_marks[1:]:
        if _direction(text, m) != "open":
            j = m - 1
            while j > para_marks[0] and text[j].isspace():
                j -= 1
            return text[j] == ","
    return False


def _markup_tags(text: str) -> list[tuple[int, int]]:
    """Where the text keeps markup tags with quoted attribute values, as (start, end):
    scraped pages leave embedded posts as ``<tweet author="@x" date="…">…</tweet>``.
    (A tag holds no ``<`` or ``>``, so each failed try stops at the next one: linear.)"""
    out = []
    for m in _TAG_RE.finditer(text):
        if m.end() - m.start() <= _MAX_TAG_CHARS and _ATTRIBUTE_RE.search(text, m.start(), m.end()):
            end = m.end()
            if text[m.start() + 1 : m.start() + 3] in ("a ", "A "):
                # a link's words are the title of the page it points to (`<a href="…">Pier
                # rally "The mood is tense"</a>`), not a quotation in the story
                close = text.find("</a>", end, end + _MAX_LINK_CHARS)
                if close >= 0:
                    end = close + 4
            out.append((m.start(), end))
    return out


def _end_at_paragraph(
    spans: list[QuoteSpan], open_at: tuple[int, int, str, int, int], end: int, text: str
) -> None:
    start, mark, glyph, para, paragraphs = open_at
    if paragraphs == 1 and glyph in _WIDE:
        return  # a lone pair of apostrophes or backticks (see the module docstring)
    if 0 < end - start <= MAX_QUOTE_CHARS:
        if paragraphs == 1:
            # `"… what papers to keep, said Kemp, whose group …`: the attribution the
            # closing mark left out of was written inside the quote; it ends before it
            said = _SAID_NAME_RE.search(text, start, end)
            if said is not None:
                # (as if the mark stood after the comma, so the attribution is read)
                spans.append(QuoteSpan(start, said.start(), mark, said.start(), para))
                return
        spans.append(QuoteSpan(start, end, mark, -1, para))


def _extend(
    spans: list[QuoteSpan], text: str, last_close: int, stray: int, stray_last: int
) -> bool:
    """`"… other areas" of the relationship," said X`: the stray mark is the real end."""
    if not spans or spans[-1].close_mark != last_close:
        return False
    between = text[last_close + 1 : stray]
    if len(between) > _STRAY_REACH or not between.strip():
        return False
    if re.search(r"[.!?]\s", between) or text[stray - 1] not in ",.!?…":
        return False
    prev = spans[-1]
    if text[prev.end - 1 : prev.end] == "," or text[last_close - 1] == ",":
        # `"…," the mayor replied before …."`: a comma before the closing mark hands the
        # sentence to its attribution; the stray is a mark set around the paragraph
        return False
    spans[-1] = QuoteSpan(prev.start, stray, prev.open_mark, stray_last, prev.paragraph)
    return True


def _single_spans(
    text: str, bounds: list[tuple[int, int]], doubles: list[QuoteSpan]
) -> tuple[list[QuoteSpan], set[int]]:
    """Single-quoted quotations outside double quotes, with clear shapes only; and the
    opening marks of the double-quoted spans that quote inside one of them."""
    out: list[QuoteSpan] = []
    nested: set[int] = set()  # (the opening marks of double-quoted spans inside singles)
    double_opens = [s.open_mark for s in doubles]
    covered = [(s.open_mark, max(s.end, s.close_mark) + 1) for s in doubles]
    ci = 0
    starts = [b[0] for b in bounds]
    last_end = -1
    # (each mark is one character and the patterns look around it, so the two patterns'
    # matches, merged, are the one pattern's)
    opens = sorted(chain.from_iterable(map(_START, p.finditer(text)) for p in _SINGLE_OPEN_RES))
    opened = set(opens)
    for o in opens:
        if o < last_end or _enclitic(text, o + 2):
            continue  # (`'n'` of "rock 'n' roll" opens nothing)
        while ci < len(covered) and covered[ci][1] <= o:
            ci += 1
        if ci < len(covered) and covered[ci][0] <= o:
            continue
        pi = bisect_right(starts, o) - 1
        if pi < 0 or o >= bounds[pi][1]:
            continue
        limit = min(bounds[pi][1], o + 1 + _MAX_SINGLE_CHARS)
        close = _SINGLE_CLOSE_RE.search(text, o + 2, limit)
        # (the first mark read as a plural possessive, where no other mark closes the
        # quotation in its paragraph)
        possessive = None
        while close is not None and (
            _possessive(text, close.start()) or _enclitic(text, close.start())
        ):
            # `'Doctors' patience has run out.'`: a plural possessive, not the end
            later = _SINGLE_CLOSE_RE.search(text, close.end(), limit)
            if later is None:
                # (only a possessive: no mark closes the quotation in this paragraph)
                if possessive is None and _possessive(text, close.start()):
                    possessive = close
                close = None
                break
            if possessive is None and _possessive(text, close.start()):
                possessive = close
            if text[o] == "‘" and text.find(" ‘", close.end(), later.start()) >= 0:
                # `‘Mayor Wins’ sells more papers than ‘Nobody Knows.’`: another curly
                # quote opens before the later mark, so this one closed at the first
                break
            close = later
        if close is None:
            # A quotation over paragraphs, in a text that quotes with single marks: no
            # mark closes it here, the paragraph ends a sentence, and the next one opens
            # with the same mark (`A source said: 'Fiona is in a good place.` /
            # `'Channel 7 have been supportive.'`). It runs to this paragraph's end.
            end = bounds[pi][1]
            before = text[bounds[pi][0] : o].rstrip()
            if (
                # (a quotation opens with a capital, at a paragraph's start or after a
                # colon, a comma or a sentence: not an elision, "the '90s", "'til dawn")
                text[o + 1 : o + 2].isupper()
                and (not before or before[-1] in ":,.!?")
                and pi + 1 < len(bounds)
                and text[bounds[pi + 1][0] : bounds[pi + 1][0] + 1] == text[o]
                and bounds[pi + 1][0] in opened
                and text[end - 1 : end] in ".!?…"
                and end - o <= MAX_QUOTE_CHARS
                and not any(c in _DOUBLE for c in text[o + 1 : end])
            ):
                out.append(QuoteSpan(o + 1, end, o, -1, pi))
                last_end = end
                continue
            if possessive is None or not _SHORT_CLAUSE_RE.fullmatch(
                text, o + 1, possessive.start()
            ):
                continue
            # `had 'ignored all the warnings' that night`, `Whelan 'bitterly regrets'
            # sending`: a few words quoted within a sentence, whose last word ends in
            # "s", and no other mark to close them
            close = possessive
        inner = text[o + 1 : close.start()]
        if any(c in _DOUBLE for c in inner):
            # (only a quotation's shape: its words end in a stop or a comma before the
            # mark, `…twenty years,'`; not an apostrophe of a name, `'Iolani Palace`)
            inside = (
                _nested_in(text, doubles, double_opens, o, close.start())
                if text[close.start() - 1 : close.start()] in (",", ".", "!", "?") else None
            )
            if inside is None:
                continue
            # `'With respect, "priority" is a word we've heard for years,' Cllr Dunne
            # said`: the double marks quote inside the quotation, which is the statement
            nested.update(inside)
        out.append(QuoteSpan(o + 1, close.start(), o, close.start(), pi))
        last_end = close.end()
    return out, nested


def _nested_in(
    text: str, doubles: list[QuoteSpan], opens: list[int], start: int, end: int
) -> set[int] | None:
    """The opening marks of the double-quoted spans lying inside ``text[start:end]``, if
    every double mark there is one of theirs; else None. (``opens``: the doubles'
    opening marks, in order: only the spans inside are looked at.)"""
    inside = [
        s for s in doubles[bisect_right(opens, start) : bisect_left(opens, end)]
        if max(s.end, s.close_mark) < end
    ]
    if not inside:
        return None
    k = 0  # (the marks and the spans are both in text order)
    for i in range(start + 1, end):
        if text[i] in _DOUBLE:
            while k < len(inside) and max(inside[k].end, inside[k].close_mark) < i:
                k += 1
            if k == len(inside) or inside[k].open_mark > i:
                return None
    return {s.open_mark for s in inside}


def _turn_spans(
    text: str, bounds: list[tuple[int, int]], quoted: set[int]
) -> list[QuoteSpan]:
    """The turns of a transcript: paragraphs that open with a speaker's label and a colon
    (`FELIX WARD: Welcome to the show.`, `[00:00:04] Priya Natarajan: Hello.`), each the
    words of that speaker, with the colon for its opening mark and no closing one; where
    the label stands alone, each paragraph after it up to the next label (`Laila
    Farouk:` ¶ `In the Philippines, …`), the label's colon still their opening mark.
    An interview's answers after `A:` are turns too, where there are two questions
    after `Q:` or more (whose words, asking, are no one's quotation).

    Only in a text of three turns or more by two speakers or more; not a paragraph that
    quotes someone itself (its quotations are read as any others: ``quoted``), nor a
    label ("UPDATE:", "WATCH:"). A label in capitalised words, which headings and lists
    write too ("Verdict:", "Monday:"), only in a text where one such label opens two
    paragraphs or more, and one word alone only as part of such a label (`Priya
    Natarajan:` … `Priya:`)."""
    found: list[_Label] = []
    # (where a label's words end: at the next paragraph that opens with a label, even
    # one not taken for a speaker's, `Woman (through interpreter):`)
    starts: set[int] = set()
    for pi, (start, end) in enumerate(bounds):
        qa = _QA_RE.match(text, start, end)
        if qa is not None:
            # (the letter is the opening mark: the speaker is whom it stands for)
            found.append(_Label(pi, qa.group(1), qa.start(1), qa.end(), False))
            continue
        m = _TURN_RE.match(text, start, end)
        if m is None:
            continue
        starts.add(pi)
        label = m.group(1)
        mixed = not label.isupper()
        colon = text.index(":", m.end(1))
        role = text[m.end(1) : colon]
        if label.casefold() in _NOT_SPEAKERS or mixed and not _NOT_IN_LABELS.isdisjoint(
            w.casefold() for w in label.split()
        ) or not mixed and "," in role and not role.isupper():
            # (a role in capitals after a name in capitals, `ANNA BERG, HOST:`; not a
            # dateline's region, `MAE SOT, Tak:`)
            continue
        found.append(_Label(pi, label, colon, m.end(), mixed))
    if not found:
        return []
    counts = Counter(t.label for t in found)
    # (the words of the names labels give, for a word alone; a name labelling two
    # paragraphs, or a word of one labelling another, is what a transcript does)
    names = {w for label in counts if " " in label for w in label.split()}
    repeated = any(n > 1 or label in names for label, n in counts.items() if not label.isupper())
    asked, answered = counts["Q"], counts["A"]
    others = any(not t.mixed and t.label not in "QA" for t in found)
    # (a label alone, whose words follow, only where it opens another paragraph too, or
    # among three labels alone: not a heading over a list, `INTERNET LINKS:`)
    alone = sum(t.at >= bounds[t.paragraph][1] for t in found)
    labelled = [
        t for t in found
        if (t.at < bounds[t.paragraph][1] or counts[t.label] > 1 or alone >= 3) and (
            not t.mixed and t.label not in "QA"
            or t.mixed and repeated and (" " in t.label or t.label in names)
            or t.label == "A" and answered >= 2 and asked >= 2
            or t.label == "Q" and asked >= 2 and (answered >= 2 or others)
        )
    ]
    turns: list[QuoteSpan] = []
    starts.update(t.paragraph for t in found)
    for k, t in enumerate(labelled):
        start, end = bounds[t.paragraph]
        if t.label == "Q":
            continue  # (a question asks, and states nothing: no one's quotation)
        if t.at < end:
            if t.paragraph not in quoted and _WORDS_RE.search(text, t.at, end):
                turns.append(QuoteSpan(t.at, end, t.colon, -1, t.paragraph))
            continue
        # the label alone: its words are the paragraphs up to the next label's
        last = labelled[k + 1].paragraph if k + 1 < len(labelled) else len(bounds)
        for qi in range(t.paragraph + 1, last):
            if qi in starts:
                break
            if qi not in quoted and bounds[qi][0] < bounds[qi][1]:
                turns.append(QuoteSpan(bounds[qi][0], bounds[qi][1], t.colon, -1, qi))
    labels = {t.label for t in labelled}
    return turns if len(labelled) >= 3 and len(labels) >= 2 else []


class _Label(NamedTuple):
    """A transcript's label opening a paragraph (see _turn_spans)."""

    paragraph: int
    label: str  # the speaker's name as written, or "Q", "A"
    colon: int  # the colon after it (the letter, for a question or an answer)
    at: int  # where its words start (the paragraph's end, where it stands alone)
    mixed: bool  # written in capitalised words rather than in capitals


def _block_spans(
    text: str, bounds: list[tuple[int, int]], quoted: set[int]
) -> list[QuoteSpan]:
    """Block quotations as Markdown and e-mail write them: each paragraph that opens
    with ">" is someone's words, the ">" its opening mark (no closing one). Not a line
    that credits the words above it (`> — Ann Lee (@annlee) May 9, 2024`), nor one that
    quotes someone itself (a paragraph of ``quoted``)."""
    out: list[QuoteSpan] = []
    for pi, (start, end) in enumerate(bounds):
        if text[start : start + 1] != ">" or pi in quoted:
            continue
        at = start + 1
        while at < end and text[at] in " >\t":
            at += 1
        if at < end and text[at] not in "—–-" and _WORD_RE.search(text, at, end):
            out.append(QuoteSpan(at, end, start, -1, pi))
    return out


def _possessive(text: str, i: int) -> bool:
    """The mark at ``i`` ends a plural possessive ("workers' rights") rather than a quote."""
    return (
        text[i - 1 : i] == "s"
        and text[i + 1 : i + 2] == " "
        and text[i + 2 : i + 3].isalnum()
        and text[i + 2 : i + 3].islower()
    )


def _enclitic(text: str, i: int) -> bool:
    """The mark at ``i`` ends a letter set off by apostrophes ("rock 'n' roll", "fish 'n'
    chips"), not a quotation (nor does the one before it open one)."""
    return text[i : i + 1] in ("'", "’") and text[i - 2 : i - 1] in ("'", "‘", "’") and (
        text[i - 3 : i - 2] == " " and text[i - 1 : i].isalpha() and text[i + 1 : i + 2] == " "
    )


def _has_word(text: str, s: QuoteSpan) -> bool:
    return _WORD_RE.search(text, s.start, s.end) is not None


def _trim(s: QuoteSpan, text: str) -> QuoteSpan:
    """Drop white space just inside the marks (`" hello "`), and the comma that news style
    puts inside the closing mark before an attribution (`"…," he said`)."""
    start, end = s.start, s.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if (start, end) == (s.start, s.end):
        return s
    return QuoteSpan(start, end, s.open_mark, s.close_mark, s.paragraph)
