"""Quote marks that set off no one's words: titles of works, slogans, headlines and the
attribute values of markup tags are not quotations; a cue still makes them one."""

from __future__ import annotations

from tui.corpus.loader import make_document
from tui.quotes.extract import extract_quotes
from tui.quotes.marks import find_spans


def doc(text: str):
    return make_document("t", "t.md", text, {})


def texts(text: str) -> list[str]:
    return [q.text for q in extract_quotes([doc(text)])]


def test_a_title_with_no_one_speaking_it_is_not_a_quotation():
    text = (
        "The actor, best known for \"The House of Many Rooms\", moved to the coast.\n\n"
        "Supporters wore \"Keep the Harbour Open\" caps outside the town hall.\n\n"
        "\"We will keep fighting,\" said Mara Quinn, who leads the campaign."
    )
    assert texts(text) == ["We will keep fighting"]


def test_a_title_in_capitals_is_a_headline_not_a_quotation():
    text = "\u201cMAYOR VOWS TO REOPEN THE PIER\u201d\n\nThe pier closed in May, officials said."
    assert texts(text) == []


def test_a_title_after_a_possessive_or_preposition_is_a_name_even_beside_a_cue():
    text = (
        "\u201cWe are ready,\u201d Ola Berg said on Channel Nine\u2019s \u201cMorning Talk With "
        "Dan Price\u201d on Sunday.\n\n"
        "Berg, the author of \u201cThe Long Road Home\u201d, said the plan was "
        "\u201cready to go.\u201d"
    )
    assert texts(text) == ["We are ready", "ready to go."]


def test_a_verb_of_saying_or_titling_attributes_a_title_case_quotation():
    text = (
        "Strikers carried placards reading \"Fair Wages For All\" past the gate.\n\n"
        "The council released a memo titled \"The Facts About The Levy\" on Monday."
    )
    assert texts(text) == ["Fair Wages For All", "The Facts About The Levy"]


def test_a_sentence_of_names_spoken_by_someone_stays_a_quotation():
    text = (
        "\"Only two people can win this,\" said Ruth Ames, a strategist. "
        "\"That's Anna Berg and Tom Hale.\""
    )
    assert texts(text) == ["Only two people can win this", "That's Anna Berg and Tom Hale."]


def test_a_headline_followed_by_its_author_is_not_a_quotation():
    text = (
        "READ IT \u2014 \"Council budget talks stall for a third week,\" by the Ledger's Jo Reyes: "
        "\"The council met again on Tuesday without an agreement on the levy.\""
    )
    assert texts(text) == ["The council met again on Tuesday without an agreement on the levy."]


def test_a_paragraph_in_single_marks_is_a_subhead_where_quotations_use_double_ones():
    text = (
        "'We are not leaving!'\n\n"
        "\"We are not leaving,\" said Pia Moss, a tenant. \"This is our home.\"\n\n"
        "The landlord said the building would be \"completely rebuilt.\""
    )
    assert texts(text) == ["We are not leaving", "This is our home.", "completely rebuilt."]


def test_single_marks_stay_quotations_where_they_are_the_texts_own():
    text = (
        "'We are not leaving,' said Pia Moss, a tenant.\n\n"
        "'This is our home.'\n\n"
        "The landlord said the building would be 'completely rebuilt'."
    )
    assert texts(text) == ["We are not leaving", "This is our home.", "completely rebuilt"]


def test_attribute_values_of_markup_tags_quote_nothing():
    text = (
        '<post author="@harbourcity" date="May 4, 2021\n\n">The pier reopens Monday.</post>\n\n'
        "\"It took too long,\" said Lena Ortiz, a fisher."
    )
    spans = find_spans(doc(text))
    assert [text[s.start : s.end] for s in spans] == ["It took too long"]
    assert texts(text) == ["It took too long"]


def test_a_less_than_sign_is_not_a_tag():
    text = 'Turnout was <5 percent, and "nobody came," said Jon Pell, a clerk. <b> "Yes."'
    assert texts(text) == ["nobody came", "Yes."]


def test_finding_marks_around_tags_is_linear():
    from .test_linear_time import doubling_ratio

    def make(n: int) -> str:
        return '<a href="x" title="y z">"Quoted words here," he said.</a> <b "c < d="e ' * n

    assert doubling_ratio(lambda text: find_spans(doc(text)), make, 5_000) < 3


def test_telling_titles_is_linear_in_a_long_title_case_quotation():
    from .test_linear_time import doubling_ratio

    def make(n: int) -> str:
        return 'He founded "' + "Friends Of The Harbour And " * n + 'Pier." Then he left.'

    assert doubling_ratio(lambda text: extract_quotes([doc(text)]), make, 2_000) < 3


def test_the_headline_repeating_the_title_quotes_no_one():
    title = "Mayor Ivo Brandt: \u2018The Harbour Will Stay Open\u2019"
    text = (
        f"{title}.\n\n"
        "\u201cThe harbour will stay open as long as I am mayor,\u201d Ivo Brandt said on "
        "Tuesday."
    )
    found = extract_quotes([make_document("t", "t.md", text, {"title": title})])
    assert [q.text for q in found] == ["The harbour will stay open as long as I am mayor"]


def test_a_first_line_that_only_gave_the_title_keeps_its_quotation():
    text = (
        "Mayor Ivo Brandt: \u2018The Harbour Will Stay Open\u2019\n\n"
        "The council meets on Friday."
    )
    assert texts(text) == ["The Harbour Will Stay Open"]


def test_the_words_on_a_poster_in_a_captioned_picture_are_not_a_quotation():
    text = (
        "The league printed thousands of posters before the vote.\n\n"
        "\u201cKeep Our Valley Green!\u201d \u2014 \u201cNo new roads through the hills\u201d "
        "(2019). (Valley League/Dune Review.)\n\n"
        "\u201cPeople want clean air,\u201d said Piet Mulder, who chairs the league."
    )
    assert texts(text) == ["People want clean air"]


def test_a_quotation_with_a_cue_in_a_captioned_paragraph_stays():
    text = (
        "Piet Mulder said, \u201cWe will plant a tree for every vote.\u201d "
        "(Lena Vos/Dune Review.)"
    )
    assert texts(text) == ["We will plant a tree for every vote."]


def test_a_title_after_an_article_or_a_verb_of_performing_is_a_name_beside_a_cue():
    text = (
        "\u201cWe are ready for the vote,\u201d said Ola Strand, who wore a \u201cSave the Old "
        "Pier\u201d cap.\n\n"
        "\u201cIt was a long night,\u201d Rosa Kemp said of the choir, which then performed "
        "\u201cFields of the Harbour\u201d for the crowd."
    )
    assert texts(text) == ["We are ready for the vote", "It was a long night"]


def test_a_headline_ending_in_a_quoted_name_before_its_author_is_not_a_quotation():
    text = (
        "THEATRE \u2014 \"Piet Mulder joins the cast of 'Harbour Nights,'\" by the Ledger's Jo "
        "Reyes: \"The actor will take the lead from March.\""
    )
    assert texts(text) == ["The actor will take the lead from March."]


def test_a_nickname_given_with_a_naming_verb_is_a_name_beside_a_cue():
    text = (
        "\u201cShe never gives up,\u201d Piet Mulder said, and he called Kemp \u201cThe Iron "
        "Lady of the Port.\u201d"
    )
    assert texts(text) == ["She never gives up"]


def test_titles_listed_after_a_title_are_names_too():
    text = (
        "\u201cI loved every minute of it,\u201d said Rosa Kemp, who starred in "
        "\u201cLights of the Harbour\u201d and \u201cKeepers of the Old Pier,\u201d on Sunday."
    )
    assert texts(text) == ["I loved every minute of it"]


def test_a_title_case_quotation_before_the_noun_it_modifies_is_a_name():
    text = (
        "Volunteers handed out \u201cSave the Old Pier\u201d caps all week, Rosa Kemp said.\n\n"
        "\u201cKeep The Harbour Open\u201d chanted the crowd outside, Rosa Kemp said."
    )
    assert texts(text) == ["Keep The Harbour Open"]


def test_a_headline_cited_in_brackets_with_its_outlet_and_day_is_not_a_quotation():
    text = (
        "I agree with the mayor (\"Council budget talks stall for a third week,\" The "
        "Ledger, Monday). \"We need the pier,\" said Rosa Kemp."
    )
    assert texts(text) == ["We need the pier"]


def test_a_short_subhead_line_opening_with_single_marks_is_not_a_quotation():
    text = (
        "'Gridlock on every street' around the ring road.\n\n"
        "\"We are stuck here every morning,\" said Rosa Kemp, a driver.\n\n"
        "The council said the work would be \"finished by the summer.\""
    )
    assert texts(text) == ["We are stuck here every morning", "finished by the summer."]


def test_a_short_name_between_a_determiner_and_its_noun_is_no_quotation():
    # spoken or not: the marks set off a name that modifies the noun after it
    assert texts('The Post revealed that he spent $18,000 on a "Bronx Pride" gala.') == []
    assert texts('"It sold out," a rep said of his "No Ceilings" tour.') == ["It sold out"]
    assert texts('Luntz said the "Remain" campaign had the edge.') == []
    # not where the word after the marks is no noun, or nothing determines the name
    assert texts('"Disgraceful" was how the mayor put it.') == ["Disgraceful"]
    assert texts('He said "Goodbye" and left.') == ["Goodbye"]


def test_a_word_known_as_something_is_a_term_not_a_statement():
    d = doc('The Minority called on the company to publish a timetable as outages, '
            'popularly known as "dumsor", persist, Parliament said.')
    assert [(q.text, q.speaker) for q in extract_quotes([d])] in ([], [("dumsor", None)])


def test_each_name_of_a_list_known_as_something_is_a_term():
    d = doc('Snr Supt Kerwyn Alexis-Joseph said the killings were linked to a feud between '
            'gangs known as "Block 8" and "Dem Boyz".')
    assert [q.speaker for q in extract_quotes([d])] in ([], [None], [None, None])
    # (a few words before a noun are someone's words as often: not held at a distance)
    d = doc('Ann Lee offered a "deep and sincere" apology on Monday.')
    assert [q.speaker for q in extract_quotes([d])] == ["Ann Lee"]
