"""CorpusIndex.query: the quote list keeps the index's order, which is the corpus's."""

from __future__ import annotations

from tui.build.corpus_index import CorpusIndex
from tui.corpus.document import Document
from tui.quotes.browse import QuoteFilter, ordered


def test_the_index_holds_its_quotations_in_corpus_and_text_order(
    bundled: list[Document],
) -> None:
    index = CorpusIndex.build(bundled)
    assert index.quotes == ordered(index.quotes, "source", index.order)


def test_a_search_lists_its_quotes_in_source_order_or_by_speaker(
    bundled: list[Document],
) -> None:
    index = CorpusIndex.build(bundled)
    for text in ("", "kono", "security", "K"):
        by_source = index.query(text, QuoteFilter(all_sections=True)).quotes
        assert by_source == ordered(by_source, "source", index.order)
        by_speaker = index.query(text, QuoteFilter(all_sections=True, sort="speaker")).quotes
        assert by_speaker == ordered(by_source, "speaker", index.order)
        body = index.query(text).quotes
        assert body == [q for q in by_source if q.section == "body"]
