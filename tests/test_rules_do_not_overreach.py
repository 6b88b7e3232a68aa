"""Invented paragraphs that tempt the speaker, quote-mark and name rules into a wrong
answer: each case is the reading a careful reader gives."""

from __future__ import annotations

import pytest

from tui.corpus.loader import make_document
from tui.entities.extract import extract_entities
from tui.quotes.extract import extract_quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes([make_document("t", "t.md", text, {})])]


def quoted(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes([make_document("t", "t.md", text, {})])]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a description's report names the one "he" or "she" stands for
        ("Police are questioning a local man.\n\nA witness told police she saw Tom Briggs "
         'leave the pub at midnight. "I went straight home," he said.', "Tom Briggs"),
        ("Tom Briggs was arrested on Monday.\n\nA police spokesperson said she could not "
         'comment on the arrest of Tom Briggs, 30. "I have done nothing wrong," he said.',
         "Tom Briggs"),
        ("Raj Patel, 52, was held for two days.\n\nA police spokesperson said Mr Patel had "
         'since been released without charge. "I am relieved it is over," he said.',
         "Raj Patel"),
        ("Farmer John Tate, 67, spent three weeks in hospital.\n\nA doctor who treated him "
         'said he was lucky to be alive. "I owe the nurses everything," he said.',
         "John Tate"),
        ("A man who lost his home in the fire said Kevin Ward, the landlord, had ignored "
         'warnings. "I did everything I was required to do," he said.', "Kevin Ward"),
        ("Jack Miller, 12, won the maths prize.\n\nHis teacher said Jack had worked every "
         'weekend. "I just love numbers," he said.', "Jack Miller"),
        # the paragraph's own subject, before a description of unknown sex
        ("Jane Fox, 41, said her landlord had refused to fix the boiler. A housing officer "
         'said the council would investigate. "I have been cold all winter," she said.',
         "Jane Fox"),
        # a name in apposition to a description's complement is the complement's
        ('"The mayor is resting," an aide to the mayor, Eric Adams of New York, said.',
         "an aide to the mayor"),
        ('"We will appeal," a lawyer for the dead woman, Sarah Jones of Leeds, said.',
         "a lawyer for the dead woman"),
        # a restrictive clause describes someone new, not the one named before
        ("A woman was killed when a lorry hit a bus stop.\n\n"
         '"It is a dangerous road," said the woman who runs the shop opposite.', None),
        # a company's partner is no person
        ('Toyota\'s partner Subaru will build the cars. "We are delighted," he said.', None),
        # a review's credit is no byline: the author is whom the story speaks of
        ("The Mirror and the Light\n\nBy Hilary Mantel\n\nFourth Estate, £25\n\n"
         'Mantel said in an interview that it took ten years. "I was haunted by him," '
         "she said.", "Hilary Mantel"),
    ],
)
def test_a_pronoun_or_a_noun_goes_to_the_right_person(text: str, speaker: str | None) -> None:
    assert speakers(text)[-1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        'Dua Lipa revealed the title of her new album, "Radical Optimism", in an interview.',
        'Taylor Swift teased her new album, "Midnights", on Instagram on Monday.',
        'In the interview, Swift revealed "Folklore" was written in lockdown.',
        'Adele penned "Hello" in 2015 after a long break from music.',
        'Fans wept as "Hey Jude" rang out across the stadium.',
    ],
)
def test_a_work_a_verb_introduces_is_no_statement(text: str) -> None:
    assert quoted(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Promoter Ann Lee said the town loved rock 'n' roll. 'It never went away,' she "
         "said.", [("It never went away", "Ann Lee")]),
        ("The band were huge in the '90s and sold millions of records.\n\n'We never expected "
         "it,' said singer Tom Reed.", [("We never expected it", "Tom Reed")]),
        ("Fans partied 'til dawn after the win.\n\n'It was the best night of my life,' said "
         "fan Ann Lee.", [("It was the best night of my life", "Ann Lee")]),
    ],
)
def test_an_elision_opens_no_quotation(text: str, expected: list[tuple[str, str]]) -> None:
    assert quoted(text) == expected


def test_one_quotation_a_line_stays_one_a_line_in_a_wrapped_text() -> None:
    text = (
        "Residents of the Hillside estate gathered outside the town hall on Monday\n"
        "evening to protest against the closure of the last bus route into the area.\n\n"
        '"It is a disgrace," said Jo Banks, a mother of two from the estate\n'
        '"We have waited years," said Raj Mehta, who runs the corner shop\n'
        '"Nobody listens to us," said Kim Lowe, a pensioner who lives alone\n\n'
        "The council said it would review the decision at its next meeting, which is\n"
        "due to be held in the spring, and that it had received a petition.\n\n"
        'January 2024: headteacher Mark Rees resigns, saying he was "ignored"\n'
        "March 2024: governor Ann Cole calls for an inquiry into the school\n"
    )
    assert quoted(text) == [
        ("It is a disgrace", "Jo Banks"), ("We have waited years", "Raj Mehta"),
        ("Nobody listens to us", "Kim Lowe"), ("ignored", None),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Oba Otudeko, the businessman, said the deal was signed.", "Oba Otudeko"),
        ("A. Raja, the former telecom minister, said the deal was signed.", "A. Raja"),
        ("Q. Liu and colleagues published the study in March.", "Q. Liu"),
        ("Inside Edition reporter Lisa Guerrero said it.", "Inside Edition"),
    ],
)
def test_a_name_is_not_cut_by_a_title_or_a_transcript_rule(text: str, name: str) -> None:
    assert name in {e.name for e in extract_entities([make_document("t", "t.md", text, {})])}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a word of office that is also a given name or a surname is no title before one
        ("Kusturica cancels festival\n\nFilm director Emir Kusturica said on Friday that he "
         'had cancelled the festival.\n\n"It was a difficult decision," Kusturica said.',
         "Emir Kusturica"),
        ("Barr defends memo\n\nAttorney General William Barr defended the memo.\n\n"
         '"I did not mislead anyone," Barr said.', "William Barr"),
        # a role after a preposition is its object's, not the name's that follows
        ("Library row\n\nMayor Tom Hart has faced criticism over the plan. In a letter to "
         "the mayor, Ann Lee, who chairs the Friends of the Library, said the closure would "
         'hurt children.\n\n"The library is not closing for good," the mayor said.',
         "Tom Hart"),
        ("Farmers meet Ruto\n\nPresident William Ruto toured Kitui on Saturday. Speaking to "
         "the President, Ann Lee, a farmer from Mwingi, said she had lost her crops.\n\n"
         '"Relief food will reach every family," the president said.', "William Ruto"),
        # a clause set off by commas is no role of the name's
        ("Governor recovering\n\nGovernor Ann Lee is recovering in hospital. Tom Hart, who "
         "attacked the governor, was charged on Monday.\n\n\"I thank everyone for their "
         'prayers," the governor said.', "Ann Lee"),
        # a team takes "who" in British English: no person for "he"
        ("Wigan beaten\n\nManager Tom Hart praised his players after the win over Wigan. "
         'Wigan, who had won four in a row, never recovered.\n\n"We were excellent," he said.',
         "Tom Hart"),
        # a name set off after a noun is its own person, not the longer name before
        ("Father proud\n\nTigist Assefa Kebede broke the course record in Berlin.\n\nHer "
         "father, Assefa Kebede, watched at the family home in Addis Ababa.\n\n\"I knew she "
         'would win," Assefa Kebede said.', "Assefa Kebede"),
        # a letter someone received is no letter they issued
        ("Tenant wins fight\n\nTenant Ann Lee said she had received a letter from the council "
         'on Friday.\n\n"The council regrets the delay," the letter read.', None),
        # a headline's "Court" is no court named
        ("Court frees activist\n\nJudges at the ICC in The Hague ordered the release of the "
         'activist.\n\n"The prosecution failed to make its case," the court said.', None),
        # a short line before the real byline is no byline
        ("Nurse praised\n\nBreaking News\n\nBy Ann Lee\n\nA nurse who pulled two children from "
         'a burning car has been praised by police.\n\n"I just did what anyone would have '
         'done," she said.', "A nurse"),
    ],
)
def test_todays_roles_titles_and_bylines_do_not_overreach(
    text: str, speaker: str | None
) -> None:
    assert speakers(text)[-1] == speaker


def test_an_apostrophe_of_a_name_opens_no_quotation_around_a_double_one() -> None:
    text = ("Speaking outside 'Iolani Palace on Monday, Gov. Josh Green said \"we will "
            "rebuild Lahaina together\" and called the fire a 'generational tragedy'.")
    assert quoted(text) == [("we will rebuild Lahaina together", "Josh Green"),
                            ("generational tragedy", "Josh Green")]
