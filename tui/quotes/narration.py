"""Sentences and paragraphs of the narration around quotations, with the quotations
masked: where a sentence starts, what precedes a quotation in it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from tui.corpus.document import Document
from tui.nlp.text import sentences
from tui.quotes.cues import _SENTENCE_REACH
from tui.quotes.model import QuoteSpan


class Narration:
    """One document's quotations (spans in text order) among its paragraphs and
    sentences: the base of :class:`tui.quotes.speakers.SpeakerResolver`."""

    def __init__(
        self,
        doc: Document,
        spans: Sequence[QuoteSpan],
        *,
        bounds: list[tuple[int, int]] | None = None,
        text: str | None = None,
    ) -> None:
        """``bounds``: the paragraphs' (start, end), if the caller has them already;
        ``text``: the document's text as the names are to be read in it, of the same
        length and offsets (see tui.quotes.extract: nicknames set aside)."""
        self.doc = doc
        self.text = doc.text if text is None else text
        self.spans = list(spans)
        self.bounds = bounds or (
            doc.paragraphs.bounds()
            if doc.paragraphs
            else [(0, len(doc.text))]
        )
        self._para_starts = [b[0] for b in self.bounds]
        # each paragraph's sentence starts, and up to where they are known (see _starts)
        self._sentences: dict[int, tuple[list[int], int]] = {}
        # the last quotation mark that opens in each paragraph: what is asked of a
        # paragraph's sentences is, as a rule, before it
        self._last_open: dict[int, int] = {}
        for s in self.spans:
            if s.open_mark > self._last_open.get(s.paragraph, -1):
                self._last_open[s.paragraph] = s.open_mark
        self._quoted = sorted(
            (s.open_mark, s.end) for s in self.spans
        )
        self._quoted_starts = [q[0] for q in self._quoted]
        # the closing mark of each quotation, by its opening mark: a mask covers the
        # punctuation inside it ("Sea,") and both characters of a `''`
        self._closes = {s.open_mark: s.close_mark for s in self.spans}
        self._start()

    def _start(self) -> None:
        """Set up a subclass's own state (the constructor's arguments are one for the
        whole chain: Narration, NameRegistry, Antecedents, SpeakerResolver)."""

    def _paragraph_of(self, pos: int) -> int:
        return max(0, bisect_left(self._para_starts, pos + 1) - 1)

    def _sentence_start(self, para: int, pos: int) -> int:
        known = self._sentences.get(para)
        if known is None or pos > known[1]:
            known = self._sentences[para] = self._starts(para, pos)
        starts = known[0]
        i = bisect_left(starts, pos + 1) - 1
        # a "sentence" of thousands of characters is a list or a run-on: look back a
        # sentence's worth only, so that no window grows with the paragraph
        return max(starts[max(i, 0)], pos - _SENTENCE_REACH)

    def _sentence_end(self, pos: int, reach: int) -> int:
        """Where the narration's sentence holding ``pos`` ends (the next one's start, or
        its paragraph's end), at most ``reach`` characters on."""
        limit = pos + reach
        if not self.bounds:
            return limit
        para = self._paragraph_of(pos)
        limit = min(limit, self.bounds[para][1])
        self._sentence_start(para, limit)  # (the paragraph's starts, cut up to there)
        starts = self._sentences[para][0]
        i = bisect_right(starts, pos)
        return min(starts[i], limit) if i < len(starts) else limit

    def _starts(self, para: int, pos: int) -> tuple[list[int], int]:
        """The paragraph's sentence starts up to ``pos`` or its last quotation mark
        (whichever is later), and that offset: those are all the starts as the whole
        paragraph's sentences give them.

        (The words after a paragraph's last quotation are half its text, and need not be
        cut into sentences: on 3,000 articles _sentence_start takes 250 ms, not 290. A
        sentence's end is read from its stop, the spaces after it and the word after
        those, so a cut at the first white space after ``upto`` leaves every start up to
        there as it is: no such word runs across white space. A question beyond that
        cuts the paragraph again: 10 of 21,078 paragraphs.)"""
        pstart, pend = self.bounds[para]
        text = self.text
        upto = max(pos, self._last_open.get(para, -1))
        cut = pend
        for space in " \t\n":
            at = text.find(space, upto + 1, cut)
            if at >= 0:
                cut = at
        starts = [pstart]
        quoted, quoted_starts = self._quoted, self._quoted_starts
        for after, _end in sentences(text, pstart, cut)[1:]:
            # a sentence end inside a quotation does not end the narration's sentence
            q = bisect_left(quoted_starts, after + 1) - 1
            if q >= 0 and quoted[q][0] < after < quoted[q][1]:
                continue
            starts.append(after)
        return starts, (upto if cut < pend else len(text))

    def _masked(self, start: int, end: int) -> str:
        """text[start:end] with the quotations in it blanked out (their verbs are not cues)."""
        text = self.text
        i = bisect_left(self._quoted_starts, start)
        while i > 0 and self._quoted[i - 1][1] > start:
            i -= 1
        pieces: list[str] = []
        at = start
        quoted, closes = self._quoted, self._closes
        for k in range(i, len(quoted)):
            qs, qe = quoted[k]
            if qs >= end:
                break
            close = max(qe, closes.get(qs, -1))  # (its closing mark, if it has one)
            a, b = max(qs, at), min(close + 1, end)
            if b > a:
                pieces.append(text[at:a])
                if b > close and qe > a and "," in text[qe - 1 : close]:
                    # `Varga, author of "Salt Roads," said`: the comma the quotation took
                    # in closes the narration's appositive
                    pieces.append("…" * (b - a - 1) + ",")
                else:
                    pieces.append("…" * (b - a))
                at = b
        pieces.append(text[at:end])
        return "".join(pieces)

    def _next_open(self, pos: int, limit: int) -> int:
        i = bisect_left(self._quoted_starts, pos)
        if i < len(self._quoted) and self._quoted[i][0] < limit:
            return self._quoted[i][0]
        return limit

    @staticmethod
    def _cut_sentence(post: str) -> str:
        """``post`` up to the end of its first sentence."""
        spans = sentences(post)
        return post[: spans[0][1]] if len(spans) > 1 else post
