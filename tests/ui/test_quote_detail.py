"""The quote list's detail line: the highlighted quote in its sentence."""

from __future__ import annotations

from tui.quotes.context import quote_context
from tui.ui.app import NewsdeskApp
from tui.ui.panes.quote_detail import QuoteDetail
from tui.ui.panes.quotes import QuotesPane

from .conftest import settle


async def test_the_detail_line_shows_the_sentence_around_the_quote(app: NewsdeskApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        detail = app.query_one(QuoteDetail)
        pane = app.query_one(QuotesPane)
        first = pane.current()
        assert " ".join(first.text.split()) in str(detail.render())  # before any key
        await pilot.press("4")
        await pilot.pause()
        # a partial quote: a quotation shorter than its sentence
        partial = next(i for i, q in enumerate(pane.quotes)
                       if quote_context(app.by_id[q.source], q) != (q.start, q.end))
        pane.move_cursor(partial)
        await pilot.pause()
        quote = pane.current()
        doc = app.by_id[quote.source]
        start, end = quote_context(doc, quote)
        shown = str(detail.render())
        assert detail.display
        assert " ".join(doc.text[start:end].split()) in shown
        assert (quote.speaker or "unattributed") in shown and doc.outlet_label in shown
        await pilot.press("j")
        await pilot.pause()
        following = pane.current()
        assert " ".join(following.text.split()) in str(detail.render())
        await pilot.press("2")  # focus elsewhere: it stays, nothing moves
        await pilot.pause()
        assert detail.display and " ".join(following.text.split()) in str(detail.render())


async def test_a_described_speaker_is_shown_as_described(tmp_path) -> None:
    """A speaker the text only describes is listed in its words, set apart from names
    (in italics), and the detail line says it."""
    from tests.test_described_speakers import ARTICLE
    from tui.config import Settings

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.md").write_text(ARTICLE, encoding="utf-8")
    app = NewsdeskApp(Settings(corpus=tmp_path / "c", export_directory=tmp_path / "x"))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = app.query_one(QuotesPane)
        at = next(i for i, q in enumerate(pane.quotes) if q.described and q.speaker_org)
        row = pane.render_row(at, 160)[0]
        assert "a spokesperson for" in row.plain
        styles = {str(span.style) for span in row.spans}
        assert str(pane.part("quotes--described")) in styles
        assert str(pane.part("quotes--speaker")) != str(pane.part("quotes--described"))
        named = next(i for i, q in enumerate(pane.quotes) if q.speaker and not q.described)
        assert str(pane.part("quotes--described")) not in {
            str(span.style) for span in pane.render_row(named, 160)[0].spans
        }
        pane.move_cursor(at)
        await pilot.pause()
        assert str(app.query_one(QuoteDetail).render()).startswith(
            "a spokesperson for Northline · Metro Daily"
        )
