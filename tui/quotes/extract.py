"""Finding a corpus's quotations: marks, then speakers, then what needs them all
(the speakers' spelling from the entities, and the clusters of one statement)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from tui.corpus.document import BODY, Document
from tui.quotes.clusters import assign_clusters, wording
from tui.quotes.enrol import enrol_speakers
from tui.quotes.kinds import (
    classify,
    in_caption,
    is_headline,
    is_hedged,
    is_nickname,
    is_single,
    is_title,
    listed_after_title,
)
from tui.quotes.marks import _find_spans, _paragraph_bounds
from tui.quotes.model import SCARE, Quote, QuoteSpan, quote_id
from tui.quotes.speakers import SpeakerResolver
from tui.quotes.spelling import NameBook, spell_speakers

if TYPE_CHECKING:  # entities are optional: quotes work without them
    from tui.entities.model import Entity


def extract_quotes(documents: list[Document], entities: list[Entity] | None = None) -> list[Quote]:
    """Every quotation in every section, in document order, with speakers and clusters."""
    quotes: list[Quote] = []
    for doc in documents:
        quotes.extend(quotes_in_document(doc))
    settle_quotes(quotes, entities, {d.id: d for d in documents})
    return quotes


def settle_quotes(
    quotes: list[Quote], entities: list[Entity] | None, documents: Mapping[str, Document]
) -> None:
    """What needs every quotation of the corpus, in place: speakers spelled as the
    entity list names them and each made one of its entities (which may add to
    ``entities``), then the clusters. Without an entity list, speakers stay as the text
    names them."""
    if entities is not None:
        book = NameBook(entities)
        spell_speakers(quotes, book)
        enrol_speakers(quotes, entities, documents, book.spelling)
    assign_clusters(quotes)


def quotes_in_document(doc: Document) -> list[Quote]:
    """One document's quotations with their speakers as the text names them; the
    entities' spelling and the clusters (:func:`settle_quotes`) not yet applied.

    Documents are independent until then, so a caller with cores to spare can run this
    on many documents at once, before the entities are known.
    """
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
    nicknames = [is_nickname(text, s) for s in spans]
    # `Mayor Rodrigo "El Güero" Santillán Mejía said`: the speakers are read in the text
    # with each nickname inside a name set aside (blanked, so that every offset holds),
    # where the name runs on whole; the nickname is no one's words
    nicks = [s for s, nick in zip(spans, nicknames) if nick]
    read = [s for s, nick in zip(spans, nicknames) if not nick] if nicks else spans
    resolver = resolver_cls(
        doc, read, bounds=bounds, text=_without_nicknames(text, nicks) if nicks else None
    )
    found = iter(zip(resolver.resolve(), resolver.cued) if read else ())
    attributed = [(None, False) if nick else next(found) for nick in nicknames]
    headline = 0 if bounds and _opens_with_title(doc, text, bounds[0]) else -1
    out: list[Quote] = []
    previous: QuoteSpan | None = None
    double_text: bool | None = None  # (counted only when a headline shape turns up)
    hedged = False  # (whether the quotation before was a term held at a distance)
    for span, (speaker, cued), nick in zip(spans, attributed, nicknames):
        if nick:
            continue  # `Margaret "Peg" Doolan`: part of a name, no one's words
        if span.paragraph == headline:
            # the headline's words are an editor's cut of a quotation the story gives
            # whole, in title case and with its attribution folded into a colon
            continue
        para_start = bounds[span.paragraph][0] if bounds else 0
        # a quote with a reporting cue is someone's words, even someone unnamed
        kind = classify(text, span, speaker is not None or cued, para_start, previous)
        hedged = is_hedged(text, span, para_start, previous, hedged)
        if hedged:
            kind = SCARE  # (`so-called "one-punch" assaults`: a term, whoever speaks)
        listed = previous is not None and listed_after_title(text, previous, span)
        previous = span
        if kind == SCARE:
            speaker = None
        elif listed or is_title(text, span, cued or speaker is not None, para_start):
            continue  # a name in quote marks, not anyone's words
        elif not cued and speaker is None and bounds and in_caption(text, span, bounds):
            continue
        elif not cued and bounds and is_headline(text, span, bounds):
            if double_text is None:
                # single marks for a headline, where double ones are the text's own
                singles = sum(1 for s in spans if is_single(text, s))
                double_text = len(spans) - singles > singles
            if double_text:
                continue
        described = resolver.described(speaker)
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
                described=described is not None,
                # (the name as written: settle_quotes keeps it if it is an organisation's)
                speaker_org=described.named if described is not None else None,
            )
        )
    _speak_repeats(out, text)
    return out


# A repeated statement takes its speaker only when it has at least this many words
# ("the judge and the jury" may be anyone's), and at most this many of the attributed
# quotations that share its first words are compared with it.
_REPEAT_WORDS = 4
_REPEAT_CANDIDATES = 8


def _speak_repeats(quotes: list[Quote], text: str) -> None:
    """Give an unattributed quotation the speaker of the attributed one it repeats in
    the same document: a pull quote set above the story, or words quoted again further
    on ("… continue to elect corporate whores" after the full sentence and its speaker).
    Only where the repeated wording is found in one speaker's words alone, and not in
    a subheading, which is an editor's label for what follows.

    (Each attributed quotation is filed under every run of four words it holds, so a
    repeat is looked up by its first four: the work grows with the words, not with the
    pairs of quotations.)"""
    if not any(q.speaker is None for q in quotes):
        return
    filed: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    words: list[tuple[str, ...]] = []
    for n, q in enumerate(quotes):
        w = wording(q.text) if q.speaker is not None or q.kind != SCARE else ()
        words.append(w)
        if q.speaker is None:
            continue
        for i in range(len(w) - _REPEAT_WORDS + 1):
            at = filed.setdefault(w[i : i + _REPEAT_WORDS], [])
            if len(at) < _REPEAT_CANDIDATES:
                at.append((n, i))
    if not filed:
        return
    for q, w in zip(quotes, words):
        if q.speaker is not None or len(w) < _REPEAT_WORDS or (
            text.startswith("#", text.rfind("\n", 0, q.start) + 1)
        ):
            continue
        found = {
            n for n, i in filed.get(w[:_REPEAT_WORDS], ())
            if words[n][i : i + len(w)] == w
        }
        speakers = {quotes[n].speaker for n in found}
        if len(speakers) == 1:
            source = quotes[min(found)]
            q.speaker = source.speaker
            q.described = source.described
            q.speaker_org = source.speaker_org


def _without_nicknames(text: str, nicknames: list[QuoteSpan]) -> str:
    """``text`` with each nickname and its marks blanked, the length kept."""
    parts: list[str] = []
    at = 0
    for s in nicknames:
        parts.append(text[at : s.open_mark])
        parts.append(" " * (s.close_mark + 1 - s.open_mark))
        at = s.close_mark + 1
    parts.append(text[at:])
    return "".join(parts)


def _opens_with_title(doc: Document, text: str, first: tuple[int, int]) -> bool:
    """Whether the text's first paragraph is the document's own title (most scraped
    pages start with their headline), a title given apart from the text, not one taken
    from that line."""
    title = doc.meta.get("title")
    if not isinstance(title, str) or doc.meta.get("title_guessed"):
        return False
    start, end = first
    if end - start > 2 * len(title) + 16:
        return False
    return _plain(text[start:end]) == _plain(title)


def _plain(line: str) -> str:
    """A line as a headline is compared: spacing normalised, no full stop at its end."""
    return " ".join(line.split()).rstrip(". ")
