from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.nlp.text import normalise, sentences, tokens, word_parts


def sentence_texts(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


class TestNormalise:
    def test_case_and_accents_fold(self) -> None:
        assert normalise("Pérez") == "perez"
        assert normalise("SÃO") == "sao"
        assert normalise("Straße") == "strasse"

    def test_curly_and_straight_apostrophes_agree(self) -> None:
        assert normalise("Japan’s") == normalise("Japan's") == "japan"
        assert normalise("don’t") == normalise("don't") == "don't"

    def test_acronyms_lose_their_dots(self) -> None:
        assert normalise("U.S") == normalise("U.S.") == normalise("US") == "us"

    @settings(max_examples=300, deadline=None)
    @given(st.text(max_size=12))
    def test_idempotent(self, word: str) -> None:
        once = normalise(word)
        assert normalise(once) == once

    def test_numbers_keep_decimals_and_lose_separators(self) -> None:
        assert normalise("80,000") == "80000"
        assert normalise("3.5") == "3.5"


class TestTokens:
    TEXT = "The U.S. and Japan’s 80,000 troops; Moon Jae-in backed intelligence-sharing."

    def test_terms(self) -> None:
        terms = [t for t, _, _ in tokens(self.TEXT)]
        assert terms == [
            "the", "us", "and", "japan", "80000", "troops", "moon", "jae-in", "backed",
            "intelligence-sharing",
        ]

    def test_spans_slice_the_text(self) -> None:
        for term, start, end in tokens(self.TEXT):
            word = self.TEXT[start:end]
            assert normalise(word.rstrip(".")) == term
        assert ("us", 4, 8) in tokens(self.TEXT)  # the acronym's final dot is part of it

    def test_range(self) -> None:
        assert [t for t, _, _ in tokens(self.TEXT, 4, 20)] == ["us", "and", "japan"]

    def test_word_parts(self) -> None:
        assert word_parts("jae-in") == ["jae", "in"]
        assert word_parts("intelligence-sharing") == ["intelligence", "sharing"]
        assert word_parts("3.5") == ["3.5"]
        assert word_parts("kono") == ["kono"]


class TestSentences:
    def test_titles_and_ranks_do_not_end_sentences(self) -> None:
        text = 'said Lt. Col. Dave Eastburn, a Pentagon spokesman. "We\'ll continue," he said.'
        assert sentence_texts(text) == [
            "said Lt. Col. Dave Eastburn, a Pentagon spokesman.",
            '"We\'ll continue," he said.',
        ]

    def test_acronym_mid_sentence_and_at_the_end(self) -> None:
        text = "The U.S. expressed disappointment. Talks stalled in the U.S. The end came."
        assert sentence_texts(text) == [
            "The U.S. expressed disappointment.",
            "Talks stalled in the U.S.",
            "The end came.",
        ]

    def test_months_initials_and_mr(self) -> None:
        text = "Mr. Moon spoke on Aug. 15 in Seoul. Photo by Jae C. Hong of the AP. Next."
        assert sentence_texts(text) == [
            "Mr. Moon spoke on Aug. 15 in Seoul.",
            "Photo by Jae C. Hong of the AP.",
            "Next.",
        ]

    def test_a_name_suffix_ends_a_sentence_before_a_quotation_or_an_opener(self) -> None:
        text = ('"We cannot compete," said Frank Smith Jr. "This is hard." Acme Inc. The '
                "end. Frank Smith Jr. said so.")
        assert sentence_texts(text) == [
            '"We cannot compete," said Frank Smith Jr.', '"This is hard."', "Acme Inc.",
            "The end.", "Frank Smith Jr. said so.",
        ]

    def test_quotes_and_questions(self) -> None:
        text = 'He asked, "Why now?" Nobody answered! "It is over." Then silence.'
        assert sentence_texts(text) == [
            'He asked, "Why now?"', "Nobody answered!", '"It is over."', "Then silence.",
        ]

    def test_line_breaks_end_sentences_and_range_is_honoured(self) -> None:
        text = "First line without a stop\nSecond line. Third sentence.\n\n"
        assert sentence_texts(text) == [
            "First line without a stop", "Second line.", "Third sentence.",
        ]
        start = text.index("Second")
        assert sentences(text, start, start + 12) == [(start, start + 12)]

    def test_a_no_break_space_after_a_stop_parts_sentences(self) -> None:
        # (pages copied from the web put them there; an abbreviation still holds)
        text = "The Guardian reported.\xa0\u201cWe called him,\u201d he said. Mr.\xa0Lee agreed."
        assert sentence_texts(text) == [
            "The Guardian reported.", "\u201cWe called him,\u201d he said.", "Mr.\xa0Lee agreed.",
        ]

    def test_lowercase_after_stop_continues(self) -> None:
        assert sentence_texts("It rose 3 p.c. in May. it is odd.") == [
            "It rose 3 p.c. in May. it is odd."
        ]

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list("ab .!?\"'\n”U.S"))), st.integers(0, 20))
    def test_spans_are_ordered_trimmed_and_inside(self, text: str, start: int) -> None:
        spans = sentences(text, start)
        last = start
        for a, b in spans:
            assert last <= a < b <= len(text)
            assert not text[a].isspace() and not text[b - 1].isspace()
            assert "\n" not in text[a:b]
            last = b


def test_regex_trie_matches_exactly_its_words_for_str_and_bytes() -> None:
    import re

    from tui.util.regex_trie import trie

    words = {"said", "says", "say", "s", "told", "tells"}
    pattern = re.compile(rf"(?<!\w)(?:{trie(words)})\b")
    text = "she said he says s told say sayss tell tells sai"
    assert [m[0] for m in pattern.finditer(text)] == ["said", "says", "s", "told", "say", "tells"]
    raw = re.compile(trie([b"ab", b"ac", b""]) + b"$")
    matched = [bool(raw.match(t)) for t in (b"ab", b"ac", b"", b"ad", b"a")]
    assert matched == [True, True, True, False, False]


def test_one_abbreviation_list_for_names_and_sentences() -> None:
    from tui.nlp.lexicon import NAME_ABBREVIATIONS, STOP_ABBREVIATIONS

    # every title that stays inside a name also does not end a sentence
    assert NAME_ABBREVIATIONS <= STOP_ABBREVIATIONS
    text = "Brig. Gen. Anna Ruiz spoke. Supt. Lee Park agreed."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Brig. Gen. Anna Ruiz spoke.", "Supt. Lee Park agreed."]
