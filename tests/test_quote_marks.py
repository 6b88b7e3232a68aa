"""Quote marks beyond the one-character glyphs: pairs of apostrophes (``''…''``) and the
typesetting pair (````…''``), and the cost of classifying many quotations at once."""

from __future__ import annotations

from tui.corpus.loader import make_document
from tui.entities.extract import extract_entities
from tui.quotes.extract import extract_quotes, settle_quotes
from tui.quotes.kinds import classify
from tui.quotes.marks import _find_spans, find_spans


def doc(text: str):
    return make_document("t", "t.md", text, {})


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes([doc(text)])]


def test_apostrophe_pairs_are_double_quotes():
    text = "''We will not back down,'' said Ana Ruiz, the union's director. Talks resume Monday."
    assert quotes(text) == [("We will not back down", "Ana Ruiz")]


def test_apostrophe_pairs_around_a_cue_in_the_middle():
    text = ("''The budget is late,'' Tom Baker said on Tuesday, ''and nobody in the council "
            "seems to mind.''")
    assert quotes(text) == [
        ("The budget is late", "Tom Baker"),
        ("and nobody in the council seems to mind.", "Tom Baker"),
    ]


def test_backticks_open_and_apostrophes_close():
    text = "``It is a fair deal for everyone,'' Mara Quist told reporters."
    assert quotes(text) == [("It is a fair deal for everyone", "Mara Quist")]


def test_marks_are_outside_the_quotation_and_give_its_context():
    text = "She added: ''Nothing has been decided yet.'' The vote is in May."
    (span,) = find_spans(doc(text))
    assert text[span.open_mark : span.open_mark + 2] == "''"
    assert text[span.close_mark - 1 : span.close_mark + 1] == "''"
    assert text[span.start : span.end] == "Nothing has been decided yet."
    assert text[span.close_mark + 1 :].startswith(" The vote")


def test_three_apostrophes_are_a_pair_outside_a_single_mark():
    text = "''He told me to use the word 'steady,''' said Lena Ortiz."
    assert quotes(text) == [("He told me to use the word 'steady,'", "Lena Ortiz")]
    text = "'''Tomorrow Is Late,''' he replied, naming the film."
    assert [q for q, _ in quotes(text)] == ["'Tomorrow Is Late,'"]


def test_a_lone_apostrophe_pair_quotes_nothing():
    assert quotes("The fence is 6'' high and the gate 4'' wide, the builder said.") == []
    assert quotes("The players'' union met on Friday to discuss the new terms.") == []
    text = "Officials said ''the rules would change in the spring\n\nThen the meeting ended."
    assert quotes(text) == []


def test_a_possessive_pair_does_not_swallow_a_later_quotation():
    text = ("The players'' union met on Friday. ''We are ready to play,'' said Joe Lund, "
            "the union's head.")
    assert quotes(text) == [("We are ready to play", "Joe Lund")]


def test_an_apostrophe_quotation_reopened_in_the_next_paragraph_goes_on():
    text = ("''The first part of what she said runs on.\n\n''And this is the rest of it,'' "
            "said Ana Ruiz.\n\nNarration follows.")
    (q,) = quotes(text)
    assert q[0] == "The first part of what she said runs on.\n\n''And this is the rest of it"


def test_apostrophes_in_words_stay_apostrophes_around_pairs():
    text = "''It's the workers' turn, isn't it?'' asked Dan O'Neil."
    assert quotes(text) == [("It's the workers' turn, isn't it?", "Dan O'Neil")]


class _CountingText(str):
    """A text that counts the characters read out of it (by index or slice)."""

    read = 0

    def __getitem__(self, key):
        out = str.__getitem__(self, key)
        _CountingText.read += len(out)
        return out


def _characters_read_classifying(n: int) -> int:
    raw = ("and so on " * 30 + '"Yes," "no" and "maybe" ') * n
    spans = _find_spans(raw, [(0, len(raw))])
    assert len(spans) == 3 * n
    text = _CountingText(raw)
    _CountingText.read = 0
    previous = None
    for span in spans:
        classify(text, span, True, 0, previous)
        previous = span
    return _CountingText.read


def test_classify_is_linear_on_one_paragraph_full_of_quotations():
    """The words before each quotation are found backwards from its mark, not copied
    from the start of the paragraph: twice the paragraph, about twice the reading (a
    copy per quotation reads 4 times as much)."""
    small, large = _characters_read_classifying(500), _characters_read_classifying(1000)
    assert large <= 2.2 * small


def test_finding_apostrophe_marks_is_linear():
    from .test_linear_time import doubling_ratio

    def make(n: int) -> str:
        return "''a ''' b'' it's '' ``c'' players'' ''d\n" * n

    assert doubling_ratio(lambda text: find_spans(doc(text)), make, 5_000) < 3


def test_pairs_of_curly_single_marks_are_double_quotes():
    text = (
        "She called it a \u201cdebate\u2019\u2019 and moved on.\n\n"
        "\u2018\u2018We are not finished,\u2019\u2019 said Ines Hale, the coach. "
        "She said the club's \u2018new era\u2019 was \u201conly starting.\u2019\u2019"
    )
    assert [t for t, _ in quotes(text)] == [
        "debate", "We are not finished", "new era", "only starting.",
    ]


def test_a_closing_glyph_set_as_an_opener_closes_with_itself():
    text = (
        "Aides wanted to \u201dget close to him\u201d on policy.\n\n"
        "\u201cThey reined him in,\u201d said Leo Marsh, an adviser."
    )
    assert quotes(text) == [("get close to him", None), ("They reined him in", "Leo Marsh")]


def test_finding_curly_pairs_is_linear():
    from .test_linear_time import doubling_ratio

    def make(n: int) -> str:
        return "\u2018\u2018a \u2019\u2019\u2019 b\u2019\u2019 it\u2019s \u201cc\u2019\u2019\n" * n

    assert doubling_ratio(lambda text: find_spans(doc(text)), make, 5_000) < 3


def test_a_reopening_paragraph_attributed_anew_is_a_new_quotation():
    # the writer left the first quotation open; the next paragraph names its speaker again
    text = (
        "\"We lost,\" Ana Peres said. \"But the club is bigger than one season.\n\n"
        "\"We will be back next year,\" she added, to applause.\n\n"
        "The mayor called the result \"a shame for the town.\n\n"
        "\"Nobody wanted this,\" he said."
    )
    assert [t for t, _ in quotes(text)] == [
        "We lost",
        "But the club is bigger than one season.",
        "We will be back next year",
        "a shame for the town.",
        "Nobody wanted this",
    ]


def test_a_quotation_over_paragraphs_attributed_once_goes_on():
    text = (
        "Ana Peres said: \"The club is bigger than one season.\n\n"
        "\"We will be back next year.\"\n\n"
        "\"Every paragraph of mine is quoted,\n\n"
        "\"and attributed here,\" she said."
    )
    assert [t for t, _ in quotes(text)] == [
        "The club is bigger than one season.\n\n\"We will be back next year.",
        "Every paragraph of mine is quoted,\n\n\"and attributed here",
    ]


def test_checking_reopened_paragraphs_is_linear():
    from .test_linear_time import doubling_ratio

    def make(n: int) -> str:
        return ('Ann said "it goes on\n\n"' + '"a ' * 50 + 'end," she said.\n\n') * n

    assert doubling_ratio(lambda text: find_spans(doc(text)), make, 1_000) < 3


def test_a_curly_single_quote_opening_later_ends_the_one_before_at_its_plural_mark():
    text = (
        "The editors know the trouble: \u2018Mayor Wins\u2019 sells more papers than "
        "\u2018Nobody Knows Yet.\u2019 So the first one runs."
    )
    spans = find_spans(doc(text))
    assert [text[s.start : s.end] for s in spans] == ["Mayor Wins", "Nobody Knows Yet."]


def test_an_opening_glyph_glued_to_a_bracketed_source_after_a_full_stop_closes():
    text = (
        "Digest - Ledger: \u201cThe pier reopens on Monday. Traders expect a busy week."
        "\u201c[Ledger.]\n\nThe council meets on Friday."
    )
    spans = find_spans(doc(text))
    assert [text[s.start : s.end] for s in spans][:1] == [
        "The pier reopens on Monday. Traders expect a busy week."
    ]


def test_marks_in_a_links_words_quote_nothing():
    text = (
        'Read more: [<a href="https://example.org/pier-rally" target="_blank">Pier Rally '
        "\u201cThe mood here is tense\u201d (with photos)</a>.]\n\n"
        "\u201cWe stay,\u201d said Piet Mulder."
    )
    spans = find_spans(doc(text))
    assert [text[s.start : s.end] for s in spans] == ["We stay"]


def test_single_marks_run_over_paragraphs_where_the_next_reopens():
    text = ("Fiona Ashdown, 51, spoke on her podcast.\n\n"
            "A source said: 'Fiona is in a good place. She is loving it.\n\n"
            "'Channel 7 have been supportive.'\n")
    assert quotes(text) == [
        ("Fiona is in a good place. She is loving it.", "A source"),
        ("Channel 7 have been supportive.", "A source"),
    ]
    # not where the next paragraph does not reopen, nor where the sentence runs on
    assert quotes("Tom Hart said: 'We tried.\n\nThe council did not answer.\n") == []
    assert quotes("Tom Hart said it was 'hard, and\n\n'Then it ended.'\n") == [
        ("Then it ended.", "Tom Hart")]


def test_a_letter_between_apostrophes_closes_no_quotation():
    assert quotes("Tessa Marlow told the paper she still had 'rock 'n' roll in her "
                  "bones'.") == [("rock 'n' roll in her bones", "Tessa Marlow")]


def test_a_plural_possessive_does_not_close_a_continued_single_quotation():
    text = ("Pennock said: 'We were second best.\n\n'The lads' heads dropped after the goal."
            "\n\n'But you have got to give them credit.'\n")
    assert quotes(text) == [
        ("We were second best.", "Pennock"),
        ("The lads' heads dropped after the goal.", "Pennock"),
        ("But you have got to give them credit.", "Pennock"),
    ]


def test_a_transcripts_turns_are_their_speakers_words():
    text = ("This week host Felix Ward talks with the hydrologist Amara Booth.\n\n"
            "FELIX WARD: Amara, welcome to the show.\n\n"
            "AMARA BOOTH: Thanks for having me.\n\n"
            "WARD: Let's start with the dam.\n\n"
            'BOOTH: An old fisherman said to me, "The lake ate my village."\n\n'
            "UPDATE: This story has been corrected.\n")
    assert quotes(text) == [
        ("Amara, welcome to the show.", "Felix Ward"),
        ("Thanks for having me.", "Amara Booth"),
        ("Let's start with the dam.", "Felix Ward"),
        ("The lake ate my village.", "An old fisherman"),
    ]
    # labels alone, or one speaker's, make no transcript
    assert quotes("UPDATE: The road is closed.\n\nNOTE: Buses run.\n\nWATCH: The video.\n") == []


def test_transcripts_in_capitalised_names_stamps_roles_and_labels_alone():
    # a podcast's time stamps, a name then its given name alone
    text = ("Priya Natarajan and Tom Kealy talk to the economist Hamish Fairweather.\n\n"
            "[00:00:04] Priya Natarajan: Hello and welcome.\n\n"
            "[00:00:07] Tom Kealy: And I'm Tom Kealy.\n\n"
            "[00:00:12] Priya: Our guest today is Hamish.\n\n"
            "[00:00:17] Hamish Fairweather: Thanks for having me.\n")
    assert quotes(text) == [
        ("Hello and welcome.", "Priya Natarajan"),
        ("And I'm Tom Kealy.", "Tom Kealy"),
        ("Our guest today is Hamish.", "Priya Natarajan"),
        ("Thanks for having me.", "Hamish Fairweather"),
    ]
    # a label alone, with a role after it; its words are the paragraphs up to the next
    text = ("Laila Farouk:\n\nIn the Philippines, the heat has closed schools.\n\n"
            "Marisol Ocampo:\n\nThe fans have run since six.\n\nBy ten, it is 38 degrees."
            "\n\nRowena Dizon, Teacher:\n\nThe children are dizzy.\n\nLaila Farouk:\n\n"
            "Thank you.\n")
    assert quotes(text) == [
        ("In the Philippines, the heat has closed schools.", "Laila Farouk"),
        ("The fans have run since six.", "Marisol Ocampo"),
        ("By ten, it is 38 degrees.", "Marisol Ocampo"),
        ("The children are dizzy.", "Rowena Dizon"),
        ("Thank you.", "Laila Farouk"),
    ]
    # initials that are a person's named before
    text = ("Thandeka Mokoena sat down with Sibusiso Ndlovu at his office.\n\n"
            "TM: How bad is it?\n\nSN: It is bad.\n\nTM: Why only 300 schools?\n\n"
            "SN: That is the budget.\n")
    assert [s for _q, s in quotes(text)] == ["Thandeka Mokoena", "Sibusiso Ndlovu"] * 2


def test_a_label_named_only_in_capitals_or_by_an_initial_is_the_full_name():
    text = ("RENATA COLLIER, HOST: The gulf is warming.\n\n"
            "CARL THIBODEAU: Bait's late.\n\nJENNA THIBODEAU: Fifty-four degrees.\n\n"
            "J THIBODEAU: That's a good one.\n\nC THIBODEAU: I said stubborn.\n")
    assert [s for _q, s in quotes(text)] == [
        "Renata Collier", "Carl Thibodeau", "Jenna Thibodeau", "Jenna Thibodeau",
        "Carl Thibodeau",
    ]


def test_an_interviews_answers_are_the_interviewees_and_its_questions_no_ones():
    text = ("In an interview, chief executive Rajiv Mehrotra spoke about subsidies.\n\n"
            "Q: How badly will the cut hurt demand?\n\nA: In the short term, some pain.\n\n"
            "Q: Will you follow Vikram Sethi's price cut?\n\nA: No. Not at any cost.\n")
    assert quotes(text) == [
        ("In the short term, some pain.", "Rajiv Mehrotra"),
        ("No. Not at any cost.", "Rajiv Mehrotra"),
    ]
    # a paragraph that opens with the article is no answer
    assert quotes(text + "\nA spokesman for the company later declined to comment.\n") == [
        ("In the short term, some pain.", "Rajiv Mehrotra"),
        ("No. Not at any cost.", "Rajiv Mehrotra"),
    ]


def test_lists_headings_and_tables_that_look_like_labels_are_no_transcript():
    for text in (
        # a table's rows of figures
        "Hillary Clinton: 1,769.\n\nBernie Sanders: 1,501.\n\nHillary Clinton: 547.\n\n"
        "Bernie Sanders: 46.\n",
        # a fact-check's labels, twice
        "Claim: Taxes rose.\n\nVerdict: False.\n\nClaim: Crime fell.\n\nVerdict: True.\n",
        # days and headings
        "Monday: Rain.\n\nTuesday: Sun.\n\nMonday: Wind.\n\nWhy It Matters: Crops.\n",
        # a heading over a list of links, a dateline's region
        "MAE SOT, Tak: Police raided a compound.\n\nINTERNET LINKS:\n\nHealth Agency\n\n"
        "Story from BBC NEWS:\n\nhttp://news.bbc.co.uk/1.stm\n",
    ):
        assert quotes(text) == [], text


def test_a_block_quotation_is_its_authors_words():
    text = ("The mayor, Greg Dunn, wrote on Tuesday that the strike was over.\n\n"
            "Her opponent Lorraine Tate had replied:\n\n"
            "> Greg, the workers have been on strike for 41 days.\n"
            "> You cannot call that over.\n"
            "> — Lorraine Tate (@LorraineForPA) May 9, 2024\n\nDunn did not answer.\n")
    assert quotes(text) == [
        ("Greg, the workers have been on strike for 41 days.", "Lorraine Tate"),
        ("You cannot call that over.", "Lorraine Tate"),
    ]


def test_double_marks_inside_a_single_quoted_quotation_quote_within_it():
    text = ("'With respect to the officials, \"priority\" is a word we've heard here for "
            "twenty years,' Cllr Pat Dunne said.")
    assert quotes(text) == [
        ("With respect to the officials, \"priority\" is a word we've heard here for "
         "twenty years", "Pat Dunne"),
    ]


def test_a_nickname_in_single_marks_is_inside_the_name():
    text = ("Councillor Michael 'Mick' Byrne said the plan was flawed. 'We were never "
            "consulted,' Byrne said.")
    docs = [doc(text)]
    entities = extract_entities(docs)
    assert "Michael Byrne" in {e.name for e in entities if e.type == "PERSON"}
    found = extract_quotes(docs)
    settle_quotes(found, entities, {d.id: d for d in docs})
    assert [(q.text, q.speaker) for q in found] == [("We were never consulted", "Michael Byrne")]


def test_a_few_words_quoted_in_a_sentence_close_at_their_plural_mark():
    # (no later mark closes them: the "s" and the mark end the phrase, no possessive)
    assert quotes("Ms Reed said the driver had ‘ignored all the warnings’ that night.") == [
        ("ignored all the warnings", "Reed")
    ]
    assert [t for t, _ in quotes("The court heard he 'bitterly regrets' sending them.")] == [
        "bitterly regrets"
    ]
    # a possessive with a later closing mark, and an elision opening nothing, as before
    assert quotes("'The workers' rights come first,' said Ann Lee.") == [
        ("The workers' rights come first", "Ann Lee")
    ]
    assert quotes("The band played rock 'n' roll and the workers' songs all night.") == []
