"""The sentence around a quotation, so that a partial quote ("never again lose") can be
read in the words that frame it. The quote browser shows it under the list, and
``newsdesk quotes --json`` gives its offsets."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from tui.nlp.text import sentences

if TYPE_CHECKING:
    from tui.corpus.document import Document
    from tui.quotes.model import Quote

WINDOW = 400  # characters read on each side of the quotation, at most


def quote_context(doc: Document, quote: Quote, window: int = WINDOW) -> tuple[int, int]:
    """The span of ``doc.text`` from the start of the sentence the quotation begins in
    to the end of the one it ends in, inside its paragraph; at most ``window``
    characters each side of the quotation (a run-on paragraph is not read whole)."""
    lo, hi = max(0, quote.start - window), quote.end + window  # (no paragraphs: a window)
    starts = doc.paragraphs.starts()
    k = bisect_right(starts, quote.start) - 1
    if k >= 0:
        para = doc.paragraphs[k]
        lo, hi = max(para.start, quote.start - window), min(max(para.end, quote.end),
                                                             quote.end + window)
    begin, end = quote.start, quote.end
    for s, e in sentences(doc.text, lo, hi):
        if s < quote.end and e > quote.start:  # a sentence the quotation is in
            begin, end = min(begin, s), max(end, e)
    return begin, end
