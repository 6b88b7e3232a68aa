"""Quotations: where each one is in the text, and what kind it is.

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
  quote mark (the news convention); otherwise the quote ends with its paragraph;
* single quotes only count outside double quotes, and only with a clear opening and
  closing shape, so apostrophes (``don't``, ``countries'``) are left alone;
* nothing runs away: a quotation longer than a few thousand characters is a mismatch.

``kind`` says what the quotation is: ``full`` (a sentence or clause in the speaker's
words), ``partial`` (a fragment worked into the narration) or ``scare`` (a word or two
with no speaker: "white list").
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, NamedTuple

from tui.corpus.document import BODY, Document
from tui.quotes.diff import word_diff

# word_diff lives in diff.py; callers comparing two quotes may import it from here too
__all__ = [
    "Quote",
    "QuoteSpan",
    "extract_quotes",
    "find_spans",
    "quote_id",
    "quotes_in_document",
    "select",
    "settle_quotes",
    "word_diff",
]

if TYPE_CHECKING:  # entities are optional: quotes work without them
    from tui.entities.model import Entity
    from tui.quotes.speakers import SpeakerResolver

# A quotation longer than this is a mismatch, not a quote (the longest real quotes in
# news run to a few hundred words).
MAX_QUOTE_CHARS = 3000
# How many paragraphs one quotation may run over.
MAX_QUOTE_PARAGRAPHS = 8
# A stray closing mark this close after a quote ends that quote instead.
_STRAY_REACH = 120

FULL = "full"
PARTIAL = "partial"
SCARE = "scare"

_OPEN_ONLY = "“„«「『"
_CLOSE_ONLY = "”»」』"
_DOUBLE = '"' + _OPEN_ONLY + _CLOSE_ONLY
_DOUBLE_RE = re.compile(f"[{re.escape(_DOUBLE)}]")
# Which closing glyphs may end a quote opened by each glyph. A straight mark or a curly
# one may close either (mixed pairs are common); the typographic systems keep their own.
_CLOSERS = {
    '"': '"”“',
    "“": '"”“',
    "„": "“”\"",
    "«": "»",
    "「": "」",
    "『": "』",
}
# (the mark comes first and the look-behind checks the character before it from there:
# a pattern that opens with a character class lets the scanner skip to candidate marks,
# one that opens with a look-around is tried at every position, four times slower)
_SINGLE_OPEN_RE = re.compile(r"['‘](?<![^\s(\[—–].)(?=[^\W_])")
_SINGLE_CLOSE_RE = re.compile(r"(?<=[^\W_]|[.,!?])['’](?=[\s.,;:!?)\]—–]|$)", re.MULTILINE)
_MAX_SINGLE_CHARS = 400
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# Scripts written without spaces: every character counts as a word.
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff66-\uff9f]")
# The longest attribution that splits one quotation in two, in characters.
_SPLIT_REACH = 80
_TERMINAL_INSIDE = re.compile(r"[.!?,…]\s*$")


@dataclass(slots=True)
class Quote:
    id: str
    source: str
    start: int
    end: int
    text: str
    speaker: str | None
    kind: str
    cluster: str | None
    section: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def words(self) -> int:
        return word_count(self.text)


class QuoteSpan(NamedTuple):
    """A quotation's text (``start``/``end``, without marks) and its marks' offsets.

    (A named tuple, not a frozen dataclass: one is made per quotation and more while
    marks are paired, and a frozen dataclass sets each field through a slow call.)"""

    start: int
    end: int
    open_mark: int  # offset of the opening mark (of the first paragraph, if several)
    close_mark: int  # offset of the closing mark, or -1 when the paragraph ended it
    paragraph: int  # index of the paragraph the quote opens in


_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))


def quote_columns(quotes: list[Quote]) -> dict[str, list[Any]]:
    """The quotes a column a field, to pickle: tens of thousands of objects pickled one
    by one take several times longer to read back, and leave gaps in memory."""
    return {name: [getattr(q, name) for q in quotes] for name in _QUOTE_FIELDS}


def quotes_from_columns(columns: dict[str, list[Any]]) -> list[Quote]:
    """The inverse of :func:`quote_columns`; ValueError if the columns do not fit."""
    values = [columns[name] for name in _QUOTE_FIELDS]
    if len({len(v) for v in values}) > 1:
        raise ValueError("columns of different lengths")
    return [Quote(*row) for row in zip(*values)]


def word_count(text: str) -> int:
    return len(_WORD_RE.findall(text)) + len(_CJK_RE.findall(text))


def few_words(text: str, start: int, end: int) -> bool:
    """Whether ``word_count(text[start:end]) <= 2``, without copying the quotation or
    listing all its words: most quotations are long, and this stops at the third word.
    (Neither pattern looks around, so searching in place matches what the slice would.)"""
    n = 0
    for pattern in (_WORD_RE, _CJK_RE):
        for _ in pattern.finditer(text, start, end):
            n += 1
            if n > 2:
                return False
    return True


def quote_id(source: str, start: int, end: int) -> str:
    """Stable across runs and machines: a short hash of where the quote is."""
    digest = hashlib.sha1(f"{source}\x00{start}\x00{end}".encode()).hexdigest()
    return "q" + digest[:10]


# what a mark opens after, and closes before, besides white space
_OPENS_AFTER = frozenset("([{—–-/…" + _OPEN_ONLY)
_CLOSES_BEFORE = frozenset(".,;:!?)]}—–…" + _CLOSE_ONLY)


def _direction(text: str, i: int) -> str:
    """"open", "close" or "both" for the double quote mark at ``i``."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    glyph = text[i]
    space_before = before in _OPENS_AFTER or before.isspace()
    space_after = after in _CLOSES_BEFORE or after.isspace()
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    if glyph in _OPEN_ONLY:
        return "open"
    if glyph in _CLOSE_ONLY:
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
    for found in _DOUBLE_RE.finditer(text):
        m = found.start()
        pi = bisect_right(starts, m) - 1
        if pi >= 0 and m < bounds[pi][1]:
            groups.setdefault(pi, []).append(m)
    # An open quote: (text start, opening mark, glyph, paragraph it opened in, paragraphs).
    open_at: tuple[int, int, str, int, int] | None = None
    prev_pi = -1
    for pi, para_marks in groups.items():
        pstart = bounds[pi][0]
        if open_at is not None and pi != prev_pi + 1:
            _end_at_paragraph(spans, open_at, bounds[prev_pi][1])
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
            )
            if reopens:
                open_at = (*open_at[:4], open_at[4] + 1)
                para_marks = para_marks[1:]
            else:
                _end_at_paragraph(spans, open_at, bounds[pi - 1][1])
                open_at = None
        last_close = -1
        for m in para_marks:
            d = _direction(text, m)
            glyph = text[m]
            if open_at is None:
                if d == "close":
                    # A stray: never the start of a quote. Right after a quote it may
                    # be that quote's real end.
                    if last_close >= 0 and _extend(spans, text, last_close, m):
                        last_close = m
                    continue
                open_at = (m + 1, m, glyph, pi, 1)
                last_close = -1
                continue
            if d != "open" and glyph in _CLOSERS.get(open_at[2], '"'):
                spans.append(QuoteSpan(open_at[0], m, open_at[1], m, open_at[3]))
                last_close = m
                open_at = None
            elif d == "open":
                # The earlier mark never closed: it was the stray. Start again here.
                open_at = (m + 1, m, glyph, pi, 1)
        # (an open quote is carried into the next paragraph)
    if open_at is not None:
        _end_at_paragraph(spans, open_at, bounds[prev_pi][1])
    spans = [s for s in spans if 0 < s.end - s.start <= MAX_QUOTE_CHARS]
    spans.extend(_single_spans(text, bounds, spans))
    spans.sort(key=lambda s: (s.start, s.end))
    # (a quotation that opens with a letter or digit has a word: `[^\W_]` is isalnum)
    return [_trim(s, text) for s in spans if text[s.start].isalnum() or _has_word(text, s)]


def _end_at_paragraph(
    spans: list[QuoteSpan], open_at: tuple[int, int, str, int, int], end: int
) -> None:
    start, mark, _, para, _ = open_at
    if 0 < end - start <= MAX_QUOTE_CHARS:
        spans.append(QuoteSpan(start, end, mark, -1, para))


def _extend(spans: list[QuoteSpan], text: str, last_close: int, stray: int) -> bool:
    """`"… other areas" of the relationship," said X`: the stray mark is the real end."""
    if not spans or spans[-1].close_mark != last_close:
        return False
    between = text[last_close + 1 : stray]
    if len(between) > _STRAY_REACH or not between.strip():
        return False
    if re.search(r"[.!?]\s", between) or text[stray - 1] not in ",.!?…":
        return False
    prev = spans[-1]
    spans[-1] = QuoteSpan(prev.start, stray, prev.open_mark, stray, prev.paragraph)
    return True


def _single_spans(
    text: str, bounds: list[tuple[int, int]], doubles: list[QuoteSpan]
) -> list[QuoteSpan]:
    """Single-quoted quotations outside double quotes, with clear shapes only."""
    out: list[QuoteSpan] = []
    covered = [(s.open_mark, s.end + 1) for s in doubles]
    ci = 0
    starts = [b[0] for b in bounds]
    last_end = -1
    for m in _SINGLE_OPEN_RE.finditer(text):
        o = m.start()
        if o < last_end:
            continue
        while ci < len(covered) and covered[ci][1] <= o:
            ci += 1
        if ci < len(covered) and covered[ci][0] <= o:
            continue
        pi = bisect_right(starts, o) - 1
        if pi < 0 or o >= bounds[pi][1]:
            continue
        limit = min(bounds[pi][1], o + 1 + _MAX_SINGLE_CHARS)
        close = _SINGLE_CLOSE_RE.search(text, o + 2, limit)
        while close is not None and _possessive(text, close.start()):
            # `'Doctors' patience has run out.'`: a plural possessive, not the end
            later = _SINGLE_CLOSE_RE.search(text, close.end(), limit)
            if later is None:
                break
            close = later
        if close is None:
            continue
        inner = text[o + 1 : close.start()]
        if any(c in _DOUBLE for c in inner):
            continue
        out.append(QuoteSpan(o + 1, close.start(), o, close.start(), pi))
        last_end = close.end()
    return out


def _possessive(text: str, i: int) -> bool:
    """The mark at ``i`` ends a plural possessive ("workers' rights") rather than a quote."""
    return (
        text[i - 1 : i] == "s"
        and text[i + 1 : i + 2] == " "
        and text[i + 2 : i + 3].isalnum()
        and text[i + 2 : i + 3].islower()
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
    before = text[para_start : span.open_mark]
    before = before.rstrip()
    opens_sentence = (
        not before
        or before[-1] in ":.!?…—–"
        or before[-1] in _CLOSE_ONLY + '"'
        or before.endswith(",")
    )
    if first.isupper() or first.isdigit():
        if opens_sentence or _TERMINAL_INSIDE.search(inner):
            return FULL
        return PARTIAL
    if opens_sentence and not before.endswith(","):
        # a sentence-opening quote written in lower case (a trimmed quote) is still
        # the speaker's sentence
        return FULL
    if before.endswith(",") and previous is not None and previous.close_mark >= 0:
        between = text[previous.close_mark + 1 : span.open_mark]
        if len(between) <= _SPLIT_REACH and text[previous.start : previous.end].strip():
            # `"People lost their homes," he said, "and they were told …"`
            return FULL
    return PARTIAL


def extract_quotes(documents: list[Document], entities: list[Entity] | None = None) -> list[Quote]:
    """Every quotation in every section, in document order, with speakers and clusters."""
    quotes: list[Quote] = []
    for doc in documents:
        quotes.extend(quotes_in_document(doc))
    settle_quotes(quotes, entities)
    return quotes


def settle_quotes(quotes: list[Quote], entities: list[Entity] | None) -> None:
    """What needs every quotation of the corpus, in place: speakers spelled as the
    entity list names them, then the clusters."""
    from tui.quotes.clusters import assign_clusters  # (clusters build on Quote, defined here)
    from tui.quotes.speakers import NameBook, spell_speakers

    if entities:
        spell_speakers(quotes, NameBook(entities))
    assign_clusters(quotes)


def quotes_in_document(doc: Document) -> list[Quote]:
    """One document's quotations with their speakers as the text names them; the
    entities' spelling and the clusters (:func:`settle_quotes`) not yet applied.

    Documents are independent until then, so a caller with cores to spare can run this
    on many documents at once, before the entities are known.
    """
    from tui.quotes.speakers import SpeakerResolver  # (speakers build on the spans found here)

    try:
        return _document_quotes(doc, SpeakerResolver)
    except RecursionError:  # pathological input: skip the document, never crash
        return []


def _document_quotes(doc: Document, resolver_cls: type[SpeakerResolver]) -> list[Quote]:
    # (the paragraphs are read once here for all three passes: a document may keep them
    # packed and make each one anew when read)
    text = doc.text
    bounds = _paragraph_bounds(doc)
    spans = _find_spans(text, bounds)
    if not spans:
        return []
    resolver = resolver_cls(doc, spans, bounds=bounds)
    speakers = resolver.resolve()
    out: list[Quote] = []
    previous: QuoteSpan | None = None
    for span, speaker, cued in zip(spans, speakers, resolver.cued):
        para_start = bounds[span.paragraph][0] if bounds else 0
        # a quote with a reporting cue is someone's words, even someone unnamed
        kind = classify(text, span, speaker is not None or cued, para_start, previous)
        previous = span
        if kind == SCARE:
            speaker = None
        out.append(
            Quote(
                id=quote_id(doc.id, span.start, span.end),
                source=doc.id,
                start=span.start,
                end=span.end,
                text=text[span.start : span.end],
                speaker=speaker,
                kind=kind,
                cluster=None,
                section=doc.section_kind_at(span.start) or BODY,
            )
        )
    return out


def select(
    quotes: Iterable[Quote],
    *,
    ids: list[str] | None = None,
    speaker: str | None = None,
    source: str | None = None,
    sections: tuple[str, ...] | None = ("body",),
) -> list[Quote]:
    """The quotations a query names: by id (each once, in the order first given), speaker
    or source."""
    pool = list(quotes)
    if ids:
        by_id = {q.id: q for q in pool}
        return [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
    out = []
    for q in pool:
        if sections is not None and q.section not in sections:
            continue
        if source and q.source != source:
            continue
        if speaker and not speaker_matches(q.speaker, speaker):
            continue
        out.append(q)
    return out


def speaker_matches(speaker: str | None, wanted: str) -> bool:
    """`Kim`, `kim you-geun` and `You-geun` all find Kim You-geun."""
    if not speaker:
        return False
    s, w = speaker.casefold(), wanted.casefold().strip()
    return s == w or w in s.split() or (len(w) > 3 and w in s)
