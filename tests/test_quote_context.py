"""The sentence around a quotation: what the quote browser's detail line shows."""

from __future__ import annotations

from tui.build.corpus_index import CorpusIndex
from tui.config import Settings
from tui.corpus.loader import make_document
from tui.quotes.context import quote_context


def build(text: str, tmp_path) -> tuple[CorpusIndex, object]:
    doc = make_document("a", "a.md", text, {"title": "T"})
    return CorpusIndex.build([doc], Settings(corpus=tmp_path)), doc


def test_a_partial_quote_comes_with_its_sentence(tmp_path) -> None:
    text = ("Seoul acted on Thursday.\n\nMoon Jae-in said South Korea would \"never again "
            "lose\" to Japan in trade. Mr. Abe did not reply.\n\nA third paragraph.")
    index, doc = build(text, tmp_path)
    quote = next(q for q in index.quotes if q.text == "never again lose")
    start, end = quote_context(doc, quote)
    assert text[start:end] == ('Moon Jae-in said South Korea would "never again lose" to '
                               "Japan in trade.")


def test_a_quote_of_several_sentences_keeps_them_all(tmp_path) -> None:
    text = ('Intro line here.\n\nKim said: "We will not back down. We never will." '
            "Then he left the room.")
    index, doc = build(text, tmp_path)
    quote = next(q for q in index.quotes if q.text.startswith("We will"))
    start, end = quote_context(doc, quote)
    assert text[start:end] == 'Kim said: "We will not back down. We never will."'


def test_a_run_on_paragraph_is_read_in_a_window() -> None:
    text = "word " * 50_000 + 'he said "stop it now" and ' + "word " * 50_000
    doc = make_document("x", "x", text, {"title": "x"})
    start = text.index("stop")

    class Q:  # only the span is read
        pass

    q = Q()
    q.start, q.end = start, start + len("stop it now")  # type: ignore[attr-defined]
    lo, hi = quote_context(doc, q, window=100)  # type: ignore[arg-type]
    assert lo >= start - 100 and hi <= q.end + 100 and lo <= start < q.end <= hi
