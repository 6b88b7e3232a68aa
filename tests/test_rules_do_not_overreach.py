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
