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


def test_the_quote_list_finds_the_row_of_each_quotation_it_lists(
    bundled: list[Document],
) -> None:
    """The list keeps its cursor on a quotation across searches by asking its row."""
    index = CorpusIndex.build(bundled)
    for text, view in (("K", QuoteFilter()), ("security", QuoteFilter(all_sections=True)),
                       ("", QuoteFilter()), ("kono", QuoteFilter(sort="speaker"))):
        result = index.query(text, view)
        listed = list(result.quotes)
        assert listed, text
        for row, quote in enumerate(listed):
            assert result.quote_row(quote.id) == row
        unlisted = [q for q in index.quotes if q not in listed]
        assert all(result.quote_row(q.id) is None for q in unlisted)
        assert result.quote_row("no such id") is None
