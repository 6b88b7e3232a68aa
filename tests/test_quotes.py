"""Quotation spans and kinds: the fixtures' targets, the hard cases, and bad input."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus.loader import make_document
from tui.quotes.extract import extract_quotes
from tui.quotes.marks import MAX_QUOTE_CHARS, MAX_QUOTE_PARAGRAPHS, find_spans
from tui.quotes.model import quote_id

from .quote_quality import FIXTURE_SETS, corpus_quotes, load_gold, score
from .test_linear_time import doubling_ratio


def doc(text: str, doc_id: str = "t"):
    return make_document(doc_id, f"{doc_id}.md", text, {})


def texts(text: str) -> list[str]:
    return [q.text for q in extract_quotes([doc(text)])]


@pytest.mark.parametrize(("quotes", "gold"), FIXTURE_SETS)
def test_fixture_spans_and_kinds_meet_the_targets(quotes, gold):
    s = score(quotes(), load_gold(gold))
    assert s.full_precision >= 0.97, s.misses
    assert s.full_recall >= 0.99, s.misses
    assert s.span_precision >= 0.97, s.misses
    assert s.span_recall >= 0.97, s.misses
    assert s.kind_accuracy >= 0.95, s.misses


def test_curly_straight_and_mixed_pairs():
    text = "“Curly one,” she said. \"Straight one,\" he said. “Mixed one,\" they said."
    assert texts(text) == ["Curly one", "Straight one", "Mixed one"]


def test_single_quotes_inside_double_quotes_stay_inside():
    text = "\"He told me 'no way,' and walked out,\" she said."
    assert texts(text) == ["He told me 'no way,' and walked out"]


def test_apostrophes_are_not_quotes():
    assert texts("The countries' leaders didn't meet; it's the workers' turn.") == []


def test_single_quoted_quotation_outside_double_quotes():
    assert texts("He warned of 'vaccine triumphalism' in the sector.") == ["vaccine triumphalism"]


def test_plural_possessive_inside_a_single_quoted_quotation():
    text = "Dr Tom Dolphin said: 'Doctors' patience has run out.' The workers' union agreed."
    (q,) = extract_quotes([doc(text)])
    assert (q.text, q.speaker) == ("Doctors' patience has run out.", "Tom Dolphin")


def test_stray_mark_never_quotes_the_narration_between_quotes():
    text = (
        '"We strongly believe the ties must persist despite frictions in other areas" of the '
        'relationship," said Lt. Col. Dave Eastburn, a spokesman. "We\'ll continue to pursue '
        'cooperation."'
    )
    found = texts(text)
    assert not any("said Lt. Col." in t for t in found)
    assert found[0].endswith("of the relationship")
    assert found[1] == "We'll continue to pursue cooperation."


def test_a_comma_before_the_closing_mark_ends_the_quote_before_its_attribution():
    # a straight pair set around the whole paragraph, curly marks inside it
    text = (
        '"\u201cWe will not close the clinic,\u201d Rosa Kemp replied before adding that '
        'the council would vote on it in May."'
    )
    assert texts(text) == ["We will not close the clinic"]


def test_an_inverted_attribution_inside_a_quote_left_open_ends_it():
    text = (
        "Rosa Kemp runs a shelter by the river.\n\n"
        '"Nobody told the families which forms to keep, said Kemp, whose group now helps '
        "them apply.\n\n"
        "The council meets on Friday."
    )
    (q,) = extract_quotes([doc(text)])
    assert (q.text, q.speaker) == ("Nobody told the families which forms to keep", "Rosa Kemp")


def test_the_ap_article_keeps_the_pentagon_quote_whole():
    quotes = [q for q in corpus_quotes() if q.source == "002-japan-today-ap"]
    assert not any("Pentagon spokesman" in q.text for q in quotes)
    assert any(q.text.endswith("South Korea-Japan relationship") for q in quotes)


def test_open_quote_continues_into_a_paragraph_that_reopens_it():
    text = '"First paragraph of the quote.\n\n"Second paragraph," she said.\n\nNarration.'
    (q,) = extract_quotes([doc(text)])
    assert q.text == 'First paragraph of the quote.\n\n"Second paragraph'
    assert q.kind == "full"


def test_open_quote_without_a_reopening_paragraph_ends_with_its_paragraph():
    text = 'She said "this never closes and the paragraph ends\n\nNext paragraph is narration.'
    (q,) = extract_quotes([doc(text)])
    assert q.text == "this never closes and the paragraph ends"


def test_quote_running_to_end_of_file():
    text = 'Narration first.\n\n"And then a quote that runs to the end'
    assert texts(text) == ["And then a quote that runs to the end"]


def test_huge_paragraph_with_a_stray_mark_gives_no_runaway_quote():
    text = 'He said "' + "word " * 200_000 + '\n\n"Short quote," she said.'
    start = time.perf_counter()
    quotes = extract_quotes([doc(text)])
    assert time.perf_counter() - start < 5
    assert all(q.end - q.start <= MAX_QUOTE_CHARS * MAX_QUOTE_PARAGRAPHS for q in quotes)
    assert [q.text for q in quotes] == ["Short quote"]


def test_text_without_quotes_and_empty_text():
    assert texts("Nothing quoted here. Not a thing.") == []
    assert texts("") == []
    assert extract_quotes([]) == []


def test_kinds():
    text = (
        'Officials called the decision "extremely regrettable and unwise" on Monday. '
        'Exporters of "strategic" goods face checks. '
        '"We will respond," the minister, Ana Ruiz, said.'
    )
    kinds = {q.text: q.kind for q in extract_quotes([doc(text)])}
    assert kinds == {
        "extremely regrettable and unwise": "partial",
        "strategic": "scare",
        "We will respond": "full",
    }


def test_a_short_sentence_with_a_speaker_is_full():
    (q,) = extract_quotes([doc('"We\'re done," Ann Lee said.')])
    assert (q.text, q.kind, q.speaker) == ("We're done", "full", "Ann Lee")


def test_scare_quotes_have_no_speaker():
    (q,) = extract_quotes([doc('Japan removed it from its "white list" of partners.')])
    assert (q.kind, q.speaker) == ("scare", None)


def test_comment_quotes_are_kept_and_marked():
    quotes = [q for q in corpus_quotes() if q.section == "comments"]
    assert quotes and all(q.source == "002-japan-today-ap" for q in quotes)
    assert any(q.text.startswith("The Department of Defense expresses") for q in quotes)


def test_ids_are_stable_and_derived_from_source_and_offsets():
    first = corpus_quotes()
    second = corpus_quotes()
    assert [q.id for q in first] == [q.id for q in second]
    assert all(q.id == quote_id(q.source, q.start, q.end) for q in first)
    assert len({q.id for q in first}) == len(first)


def test_offsets_slice_the_document():
    from tui.corpus.loader import load_corpus

    from .quote_quality import ROOT

    docs = {d.id: d for d in load_corpus(ROOT / "corpus").documents}
    for q in corpus_quotes():
        assert docs[q.source].text[q.start : q.end] == q.text


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes([doc(text)])]


def test_a_pull_quote_takes_the_speaker_of_the_words_it_repeats():
    text = (
        '"The reality is that the bridge will not open before the winter."\n\n'
        "The council met on Monday to hear the engineers.\n\n"
        '"The reality is that the bridge will not open before the winter," said Ann Lee, '
        "the council's chief engineer.\n\n"
        '"We will continue to fight the closure until it is lifted," Tom Hart said.\n\n'
        'The plan, which some call "a waste of money," went ahead. At the meeting the '
        'words "continue to fight the closure" were heard again.'
    )
    assert _speakers(text) == [
        ("The reality is that the bridge will not open before the winter.", "Ann Lee"),
        ("The reality is that the bridge will not open before the winter", "Ann Lee"),
        ("We will continue to fight the closure until it is lifted", "Tom Hart"),
        ("a waste of money", None),  # (no one's words given elsewhere)
        ("continue to fight the closure", "Tom Hart"),  # (his words, quoted again)
    ]


def test_a_repeat_keeps_no_speaker_where_the_words_are_short_shared_or_a_subheading():
    text = (
        '"The bridge is a mistake," Ann Lee said.\n\n'
        'The council has heard "is a mistake" at every meeting since March.\n\n'
        '"We need the road open by spring," Ann Lee said.\n\n'
        '"We need the road open by spring," Tom Hart said.\n\n'
        'The council has heard "we need the road open" at every meeting since March.\n\n'
        '## "Move the money back to roads"\n\n'
        '"Move the money back to roads and bridges," Ann Lee said.'
    )
    assert _speakers(text) == [
        ("The bridge is a mistake", "Ann Lee"),
        ("is a mistake", None),  # (three words: anyone's)
        ("We need the road open by spring", "Ann Lee"),
        ("We need the road open by spring", "Tom Hart"),
        ("we need the road open", None),  # (two speakers said it)
        ("Move the money back to roads", None),  # (a subheading: an editor's label)
        ("Move the money back to roads and bridges", "Ann Lee"),
    ]


def test_to_json_has_the_contract_fields():
    (q,) = extract_quotes([doc('"We will respond," Ana Ruiz said.')])
    assert set(q.to_json()) == {
        "id", "source", "start", "end", "text", "speaker", "kind", "cluster", "section",
        "described", "speaker_org",
    }


_ALPHABET = st.sampled_from(
    list("ab cd.,\n\n")
    + ['"', "“", "”", "'", "‘", "’", "«", "»", "„", "「", "」", "''", "``", "X said", ":"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=300).map("".join))
def test_offsets_always_slice_the_text(text):
    d = doc(text)
    for q in extract_quotes([d]):
        assert 0 <= q.start < q.end <= len(text)
        assert d.text[q.start : q.end] == q.text
        assert q.kind in ("full", "partial", "scare")
    for s in find_spans(d):
        assert s.end - s.start <= MAX_QUOTE_CHARS * MAX_QUOTE_PARAGRAPHS
        # the marks lie outside the quotation, whatever their width
        assert s.open_mark < s.start
        assert s.close_mark == -1 or s.close_mark >= s.end


@pytest.mark.parametrize(
    ("unit", "n"),
    [
        ('"We go," said Bob Smith. ', 2000),
        ("it's the workers' 'turn ", 2000),
        ('Ann Lee spoke. "Yes," she said. ', 1500),
        ('He said "this and that\n\n', 2000),
        ("“a ”b “ ” “c", 2500),
        # nouns that point back, each looked up within a bounded reach, not the whole text
        ('"We won," the 24-year-old said.\n\n"We lost," the Republican said.\n\n', 1000),
        ('Margaret "Peg" Doolan spoke. "Yes," the coach said. ', 1500),
        # one statement attributed and repeated again and again: each repeat is compared
        # with a bounded number of the attributed ones
        ('"We will win the vote today," Ann Lee said.\n\nThe hall heard "we will win the '
         'vote" again.\n\n', 1000),
        # a transcript's labels of initials and answers: each looked up once, not at
        # every turn among everyone named
        ("Tom Mills met Sam Nolan.\n\nTM: How bad is it?\n\nSN: It is bad.\n\n"
         "Q: Why?\n\nA: Money.\n\n", 1000),
    ],
    ids=["dense quotes", "apostrophes", "pronouns", "unclosed paragraphs", "curly mess",
         "ages and labels", "nicknames and roles", "repeated statements", "transcript"],
)
def test_dense_or_broken_input_stays_linear(unit: str, n: int) -> None:
    """Twice the input costs about twice the time (a ratio, never a wall-clock limit),
    and every quotation is the text at its span."""
    ratio = doubling_ratio(lambda text: extract_quotes([doc(text)]), lambda k: unit * k, n,
                           repeat=2)
    assert ratio < 3
    d = doc(unit * n)
    quotes = extract_quotes([d])
    assert all(d.text[q.start : q.end] == q.text for q in quotes)
