"""Speakers the text describes rather than names ("a spokesperson for Northline"): kept
as the description, marked as one, linked to the organisation it speaks for where that
is one of the entities, and listed after the named speakers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.build.corpus_index import CorpusIndex
from tui.cli import main
from tui.corpus.loader import load_corpus, make_document
from tui.entities.corrections import SPEAKER, Correction
from tui.quotes.browse import ordered, speaker_label
from tui.quotes.descriptions import description_ending, description_opening
from tui.quotes.extract import extract_quotes

ARTICLE = """---
title: Fares rise on the Northline trains
outlet: Metro Daily
date: 2026-01-05
---
Northline will raise fares by three per cent in July, the transit operator Northline said on Monday.

"We are looking at every option," a spokesperson for Northline said. Northline sets the fares.

Northline runs the trains and the buses of the valley.

"It is too much," said one commuter at Harbour Station, who asked not to be named.

Mayor Ilse Varga said the city would ask Northline to think again. "We will push back," Varga said.
"""


def said(text: str) -> list[tuple[str | None, bool]]:
    d = make_document("t", "t.md", text, {})
    return [(q.speaker, q.described) for q in extract_quotes([d])]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We are looking into it," a spokesperson for Northline said.',
         "a spokesperson for Northline"),
        ('"We are looking into it," said a spokesperson for Northline.',
         "a spokesperson for Northline"),
        ('"The talks are over," a senior official said on Monday.', "a senior official"),
        ('"The talks are over," one official told reporters.', "one official"),
        ('"They are wrong," two people familiar with the talks said.',
         "two people familiar with the talks"),
        ('"It was chaos," said a 46-year-old, who asked not to be named.', "a 46-year-old"),
        ('"It is fine," said a spokesman for the U.S. Navy.', "a spokesman for the U.S. Navy"),
        ('"It is fine," said an official in the Trump administration.',
         "an official in the Trump administration"),
        ('"It is fine," said a spokesman for the "Yes" campaign.', "a spokesman"),
        ('"The deal is off," a statement from the ministry said.',
         "a statement from the ministry"),
        ('"No comment," said a member of the so-called "Gang of Eight."', "a member"),
        ('"We will not raise fares," a spokesperson for Northline, the valley\'s transit '
         "operator, said on Monday.", "a spokesperson for Northline"),
        ('"We had no warning," said a 34-year-old nurse from Surrey, B.C.',
         "a 34-year-old nurse from Surrey"),
        ('"It was chaos," said one party activist.', "one party activist"),
        ('"We will not yield," said one of the organizers, who asked not to be named.',
         "one of the organizers"),
        ('"We will not yield," two of his aides said.', "two of his aides"),
        ('"It is fine," according to a report in the Courier.', "a report in the Courier"),
        ('According to a senior official, the plan was "dead on arrival."', "a senior official"),
        ('On Tuesday a spokesman for the ministry said "the road will reopen."',
         "a spokesman for the ministry"),
        ('Officials said "the road is closed."', "Officials"),
        # the name inside a description is what it describes, not who spoke
        ('"It was chaos," a longtime adviser to Ilse Varga said.',
         "a longtime adviser to Ilse Varga"),
        ('"It is too much," said one commuter at Harbour Station.',
         "one commuter at Harbour Station"),
        ('"The government remains committed to it," a Cabinet Office spokesperson said.',
         "a Cabinet Office spokesperson"),
        # someone introduced by whose they are, or by what they do
        ('"Thank you to everybody who shared it," the girl\'s mother said.', "the girl's mother"),
        ('"I am barely surviving," a restaurant owner in Culiacan said.',
         "a restaurant owner in Culiacan"),
        # ... also where the text has named that person in full before
        ('Senator Ilse Varga left. "We will not back down," a spokesman for Ms. Varga said.',
         "a spokesman for Ms. Varga"),
        ('Senator Ilse Varga left. "We will not go," an aide to Varga said.',
         "an aide to Varga"),
        # a name with "and" or a number inside it is the complement's whole
        ('"It is fine," a spokesperson for the Ministry of Transport and Infrastructure '
         "said.", "a spokesperson for the Ministry of Transport and Infrastructure"),
        ('A spokesperson for Harbour Workers United Local 412 said: "We are fine."',
         "A spokesperson for Harbour Workers United Local 412"),
        # a long office's name, to its end
        ('"We do not comment," a spokesperson for the U.S. Attorney\'s Office for the '
         "Southern District of Ohio said.",
         "a spokesperson for the U.S. Attorney's Office for the Southern District of Ohio"),
        # police, and the services that speak as a group with no determiner
        ('"The youth cannot be identified," police said.', "police"),
        ('"The fire was set on purpose," firefighters said.', "firefighters"),
        # a family speaks as one ("the family said in a statement")
        ('"We ask for privacy at this time," her family said.', "her family"),
    ],
)
def test_an_unnamed_source_is_its_description(text: str, speaker: str) -> None:
    assert said(text)[0] == (speaker, True)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a name beside a description is the speaker, and no description
        ('"We will appeal," said Jane Doe, a lawyer for the family.', "Jane Doe"),
        ('"We will appeal," Jane Doe, a lawyer for the family, said.', "Jane Doe"),
        ('"It is over," said the company\'s chief executive, Ann Lee.', "Ann Lee"),
        ('"We will win," the Justice Department said.', "Justice Department"),
        ('Foreign Minister Ann Lee arrived. "We will win," the minister said.', "Ann Lee"),
        # a definite role points back to someone named, never to a description
        ('Lee warned of a "disaster." "We need to respect the voters," the Texas senator '
         "said.", "Lee"),
        ('"I think a deal would help," Tom Hill told reporters. "I want a good deal," the '
         "candidate said.", "Tom Hill"),
        # a first name that is also a place, after a person's noun, is the name
        ('"We were scared," her sister, Georgia, said.', "Georgia"),
        ('Her brother, Orlando, said: "We were scared."', "Orlando"),
    ],
)
def test_a_name_is_no_description(text: str, speaker: str) -> None:
    assert set(said(text)) == {(speaker, False)}


def test_no_cue_no_speaker() -> None:
    # (no bare plural but a group's: friends who offered help are no one quoted)
    assert said('Friends offered to vote for me and work for my "campaign" all year.') == [
        (None, False)
    ]
    assert said('The Vermont senator emailed supporters: "Join us."') != [
        ("The Vermont senator emailed supporters", True)
    ]
    assert said('Ann Lee, a spokeswoman who said "no comment," left.') == [(None, False)]
    assert said('"Nobody knows what happens next."') == [(None, False)]
    assert said('Residents held signs reading "We will not move from here."') == [(None, False)]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_a_description_links_the_organisation_it_speaks_for(corpus: Path) -> None:
    index = CorpusIndex.build(load_corpus(corpus).documents)
    by_text = {q.text[:12]: q for q in index.quotes}
    spokesperson, commuter = by_text["We are looki"], by_text["It is too mu"]
    mayor = by_text["We will push"]
    assert (spokesperson.speaker, spokesperson.described) == ("a spokesperson for Northline", True)
    northline = index.entity_named("Northline")
    assert northline is not None and spokesperson.speaker_org == northline.name
    # a station is no body a commuter speaks for; a name links nothing
    assert (commuter.described, commuter.speaker_org) == (True, None)
    assert (mayor.speaker, mayor.described, mayor.speaker_org) == ("Ilse Varga", False, None)
    # the entity filter finds what a description says for it
    assert spokesperson.id in index.quotes_naming(northline)


def test_the_quote_list_names_first_then_descriptions_then_no_one(corpus: Path) -> None:
    index = CorpusIndex.build(load_corpus(corpus).documents)
    quotes = ordered(index.quotes, "speaker", {"a": 0})
    kinds = [(q.speaker is None, q.described) for q in quotes]
    assert kinds == sorted(kinds)
    assert [speaker_label(q) for q in quotes] == [
        "Ilse Varga", "a spokesperson for Northline", "one commuter at Harbour Station",
    ]


def test_a_speaker_given_by_hand_is_a_name(corpus: Path) -> None:
    index = CorpusIndex.build(load_corpus(corpus).documents)
    (q,) = [q for q in index.quotes if q.described and q.speaker_org]
    index.correct([Correction(SPEAKER, q.id, "Ilse Varga")])
    (now,) = [x for x in index.quotes if x.id == q.id]
    assert (now.speaker, now.described, now.speaker_org) == ("Ilse Varga", False, None)
    index.correct([])
    (back,) = [x for x in index.quotes if x.id == q.id]
    assert (back.speaker, back.described) == (q.speaker, True)


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the quotation before, in the sentence before, goes on: its speaker
        ('"We will march," said Ann Lee, 32, an organiser who said she would go. '
         '"I do not mind."', ["Ann Lee", "Ann Lee"]),
        # ... unless someone else speaks in that sentence
        ('"It was bad," Tom Hill said, but Ann Lee said she disagreed. "It was fine."',
         ["Tom Hill", "Ann Lee"]),
        ('"It was bad," said Tom Hill, and Ann Lee agreed. "We must act now."',
         ["Tom Hill", "Ann Lee"]),
        # a verb in a clause a conjunction opens is not the quotation's cue
        ('In 2009, when President Ann Lee offered grants, "states were broke," Tom Hill '
         'said. "And she tied the money to rules."', ["Tom Hill", "Tom Hill"]),
        # ... but a quotation inside that clause is its own subject's
        ('If Lee says "yes," we will go ahead, Hill said.', ["Lee"]),
        ('Since Lee called the plan "unworkable," Hill has said nothing.', ["Lee"]),
        ('While the governor insists the deal is "dead," aides said talks went on.', [None]),
        ('As Hill said last week, "the money is gone," Lee told reporters.', ["Hill"]),
        # a relative clause with a subject of its own is no second speaker
        ('"We are ready," said Hill, whose deputy Ann Lee later said the team was tired. '
         '"Nobody has worked harder."', ["Hill", "Hill"]),
        # a description's sex, from its noun, guides a later pronoun
        ('Ann Lee spoke first.\n\nA spokesman for the council called it "a disgrace." '
         '"We will act," he said.',
         ["A spokesman for the council", "A spokesman for the council"]),
        ('Ann Lee spoke first.\n\nA spokesman for the council called it "a disgrace." '
         '"We will act," she said.', ["A spokesman for the council", "Ann Lee"]),
    ],
)
def test_a_quotation_goes_on_with_its_speaker(text: str, speakers: list[str | None]) -> None:
    assert [s for s, _described in said(text)] == speakers


def test_generic_descriptions_are_no_evidence_of_one_statement(tmp_path: Path) -> None:
    """Two articles' "a spokesman" are not one person: near wordings of theirs are not
    joined as one statement, as one named speaker's would be."""
    for name, said_ in (("a", "We have no comment at this time"),
                        ("b", "We have no comment at this stage")):
        (tmp_path / f"{name}.md").write_text(
            f'---\ntitle: {name}\n---\n"{said_}," a spokesman said.\n', encoding="utf-8"
        )
    index = CorpusIndex.build(load_corpus(tmp_path).documents)
    assert [q.cluster for q in index.quotes] == [None, None]


def test_the_cli_marks_a_description(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--json", "--corpus", str(corpus)]) == 0
    quotes = json.loads(capsys.readouterr().out)
    described = [(q["speaker"], q["speaker_org"]) for q in quotes if q["described"]]
    assert ("a spokesperson for Northline", "Northline") in described
    assert main(["quotes", "--corpus", str(corpus), "--entity", "Northline"]) == 0
    assert "a spokesperson for" in capsys.readouterr().out


_WORDS = st.sampled_from(
    ["a", "the", "one", "spokesman", "official", "for", "of", "Northline", "said", ",",
     "who", "Ann", "Lee", "people", "close", "to", "family", "—", "“", "in", "Monday"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=400), st.lists(_WORDS, max_size=400))
def test_a_description_reads_a_bounded_window(before: list[str], after: list[str]) -> None:
    """Only the words next to the verb count: whatever comes before a subject (or after
    an inverted verb's description), the answer is the same, and its cost is bounded."""
    subject = "a spokesman for the ministry"
    # (after a semicolon: after a comma, a name would be the subject it describes)
    found = description_ending(" ".join(before) + "; " + subject)
    assert found is not None and found.text == subject
    opened = description_opening(subject + ", " + " ".join(after))
    assert opened is not None and opened.text == subject


def test_after_according_to_only_a_source_is_a_description() -> None:
    text = 'They vote for "Rep" or "Dem," according to their instinctive preference.'
    assert {speaker for speaker, _described in said(text)} == {None}


def test_a_cue_that_ends_the_sentence_attributes_all_of_it() -> None:
    text = ("The first states are few, while the later states hold half the delegates and "
            '"better reflect the party," Tom Hill wrote.')
    assert said(text) == [("Tom Hill", False)]


def test_the_noun_of_a_description_points_back_to_it() -> None:
    """"the spokesperson said" after "a spokesperson for Northline said" is the same
    unnamed person, where no one was given that title by name."""
    assert said(
        'A spokesperson for Northline said: "We are looking into it."\n\n"We will keep '
        'talking," the spokesperson said.'
    ) == [("A spokesperson for Northline", True)] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the narration's last subject is a description: "he" goes on with it, not back
        # to the minister named before
        ("Minister Hans Berger met his counterpart in Vienna.\n\n"
         "A spokesman for the ministry said the talks would go on. "
         '"We are hopeful," he said.',
         [("A spokesman for the ministry", True)]),
        ("Mayor Tom Reed opened the new depot on Friday.\n\n"
         "At the depot gate, a driver who asked not to be named said the hours were long.\n\n"
         '"We start at four and finish after dark," he said.',
         [("a driver", True)]),
        ("Councillor Ann Lee spoke first.\n\n"
         "One young mother, who did not want to be named, said the service had helped.\n\n"
         '"It was two hours each way," she said.',
         [("One young mother", True)]),
        # (someone introduced by whose they are, not the car named before)
        ("The deputy stopped a gray Honda Accord on Route 9.\n\n"
         "The deputy's wife told reporters she was at home when she got the call. "
         '"It is the call every spouse fears," she said.',
         [("The deputy's wife", True)]),
        # not a description of the other sex, nor a plural, nor one inside a clause
        ("Minister Hans Berger met his counterpart in Vienna.\n\n"
         "A spokeswoman for the ministry said the talks would go on. "
         '"We are hopeful," he said.',
         [("Hans Berger", False)]),
        ("Ann Lee is running again.\n\n"
         "Aides say Ann Lee also advises her party on trade. "
         '"Workers come first," she said.',
         [("Ann Lee", False)]),
        ("Jan Novak insists he has a plan, which the ministry drafted — an approach "
         "critics say risks delay.\n\n"
         '"I understand the concern," he said.',
         [("Jan Novak", False)]),
    ],
)
def test_a_pronoun_goes_on_with_a_described_subject(
    text: str, expected: list[tuple[str, bool]]
) -> None:
    assert said(text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a description, then the person's full name set off by commas: the person
        ('Linda Reed lost her job.\n\nReed\'s husband, Earl Reed, said: "We will sell."',
         "Earl Reed"),
        ('Another pollster, Dana Woolf of Clemson University, said: "Numbers held."',
         "Dana Woolf"),
        ('A spokesperson for Northline, the transit operator, said: "Fares rise."',
         "A spokesperson for Northline"),
    ],
)
def test_a_name_in_apposition_to_a_description_is_the_speaker(text: str, speaker: str) -> None:
    assert said(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nouns of tabloid and regional copy, and heads a name modifies
        ('"She walked in like she owned the place," an eyewitness told reporters.',
         "an eyewitness"),
        ('"He was very calm," our spy said.', "our spy"),
        ('A rep for Pacifica Air tells us: "We have zero tolerance for this."',
         "A rep for Pacifica Air"),
        ('A Department of Health spokeswoman said: "The figures are being checked."',
         "A Department of Health spokeswoman"),
        ('One senior Conservative MP said: "The whips are furious."',
         "One senior Conservative MP"),
        ('"We saved for two years," a mum-of-three said.', "a mum-of-three"),
        # a title before a name is no description
        ('"The whips are furious," Rep. Ann Lee said.', "Ann Lee"),
        ('"The whips are furious," said Tom Hart MP.', "Tom Hart"),
    ],
)
def test_more_nouns_describe_a_source(text: str, expected: str) -> None:
    assert said(text)[0][0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the <noun>" points back to the description the text gave that noun, in
        # another paragraph too, even one that reported no quotation
        ('A source told the paper: "Jodie is heartbroken."\n\n'
         'The insider added: "Ryan has begged her to come back."',
         ["A source", "A source"]),
        ("A senior official at the board, who sought anonymity, told reporters the audit "
         'was late.\n\n"We flagged the company," said the official.',
         ["A senior official at the board"]),
        ('Agriculture Minister Mary Wanjiku visited the depot.\n\n'
         '"We will pay the farmers," said the minister.',
         ["Mary Wanjiku"]),
        # not the object of a clause
        ('Ann Lee spoke to a group of supporters.\n\nShe then addressed the supporters '
         'again: "Here is what I regret."',
         ["Ann Lee"]),
        # the inverted pronoun, and an adverb between subject and verb
        ('Tom Hart left the court.\n\n"It was a clerical error," said he.', ["Tom Hart"]),
        ('Tom Hart left the court.\n\nHe however said the ministry must "act swiftly '
         'before the rains come."', ["Tom Hart"]),
    ],
)
def test_a_definite_noun_or_a_pronoun_points_back(text: str, expected: list[str]) -> None:
    assert [speaker for speaker, _ in said(text)] == expected


def test_an_unnamed_witness_described_beside_a_definite_noun_keeps_her_words() -> None:
    from tui.quotes.extract import extract_quotes

    text = (
        "Crown attorney Lisa Marchand opened the case for the prosecution.\n\n"
        "The first witness, a woman who lived in the suite below, testified she heard "
        '"banging and yelling". She cannot be identified because of a publication ban.\n\n'
        '"It sounded like furniture going over," she told the jury.'
    )
    found = [(q.speaker, q.described) for q in extract_quotes([make_document("t", "t", text, {})])]
    # (the sentence the pronoun opens goes on with the subject before it; a definite
    # noun no one named before gives way to the description beside it)
    assert found == [("a woman", True), ("a woman", True)]


def test_a_dateline_wire_credit_is_not_the_company_that_speaks() -> None:
    text = ("SEATTLE (AP) — Machinists rejected the offer on Sunday.\n\n"
            '"We have put forward a fair and competitive offer," the company said.')
    assert said(text) == [(None, False)]
