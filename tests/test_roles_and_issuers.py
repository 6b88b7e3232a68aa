"""Who "the chairman said", "the statement added" and "the court said" point back to,
in the styles of council, court and regional reporting; and the names that titles and
run-together initials must not swallow. Invented paragraphs."""

from __future__ import annotations

import pytest

from tui.corpus.loader import make_document
from tui.entities.extract import extract_entities
from tui.quotes.extract import extract_quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes([make_document("t", "t.md", text, {})])]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a role set beside the name by commas, before or after it
        ("The chairman of the council, Lamin Jobe, said the move was temporary.\n\n"
         '"The market is a death trap," the chairman said.', "Lamin Jobe"),
        ("Musa Bah, the secretary of the traders' union, said they would resist.\n\n"
         '"We will not move," the secretary said.', "Musa Bah"),
        ("Ann Lee, chair of the finance committee, said the budget was tight.\n\n"
         '"There is no money for this," the chair said.', "Ann Lee"),
        ("The Commissioner for Works, Mr. Kolawole Ajayi, inspected the site.\n\n"
         '"Work will resume next week," the commissioner said.', "Kolawole Ajayi"),
        # an honorific between the role and the name
        ("Responding, the Chairman of Brikama Area Council, Hon. Lamin Jobe, said the "
         'relocation was necessary.\n\n"The market is a death trap," the chairman said.',
         "Lamin Jobe"),
        # an abbreviated title and the role it stands for
        ('Cllr Pat Dunne said the plan was flawed.\n\n"We were never consulted," the '
         "councillor said.", "Pat Dunne"),
        ('Const. Ann Marsh said two men were arrested. "They were known to police," the '
         "constable said.", "Ann Marsh"),
        # a document points back to whoever issued it
        ("The EFCC said in a statement on Friday that it was encouraged by the ruling.\n\n"
         '"We will not be distracted by propaganda," the statement added.', "EFCC"),
        ("In a statement, Governor Ann Lee said the roads would reopen.\n\nTraffic was "
         'heavy on Monday.\n\n"We thank residents for their patience," the statement read.',
         "Ann Lee"),
        # a court is a court named before, never the body named last
        ("On Tuesday the Supreme Court pulled up the states over the delay.\n\n"
         '"This court cannot monitor every field," the court said.', "Supreme Court"),
        # the only one the text gave that role beside a name, two paragraphs back
        ("The Governor of Jigawa, Alhaji (Dr.) Usman Danladi Kabiru, has warned herders.\n\n"
         "He spoke at his office to the peace committee and its chairman.\n\n"
         '"Every year when the rains come, we record clashes," the governor said.',
         "Usman Danladi Kabiru"),
        # a chief officer, later called by the initials
        ("For his part, the Chief Executive Officer of the council, Mr Ebrima Saidykhan, "
         'said the site was ready.\n\n"There are toilets at the site," the CEO said.',
         "Ebrima Saidykhan"),
        # the last two words of a three-word name
        ("The Commissioner for Agriculture, Aminu Kabir Gumel, visited the farms."
         '\n\nSpeaking with journalists, Kabir Gumel said: "The money is there."',
         "Aminu Kabir Gumel"),
        # a bench is the court's judges sitting: the court speaks
        ("The Supreme Court on Tuesday pulled up the states over the fires.\n\nThe bench "
         'was unimpressed. "Meetings, meetings and more meetings," the bench said.',
         "Supreme Court"),
        # a possessive noun inside the subject's noun phrase
        ('Senator Tom Reid spoke first. "We have waited long enough," he said.\n\n'
         "Wapenamanda women's leader Rose Kambao said women were suffering the most.\n\n"
         '"Our houses are burnt," she said.', "Rose Kambao"),
        # a name given alone, with a clause only a person takes
        ('Dhaval Shah said his daughter fell. "She was lucky," Shah said.\n\nShabana, who '
         "runs a stall outside the station, said business had halved.\n\n\"Customers stay "
         'away," she said.', "Shabana"),
        # a title before initials run together
        ('Chief Minister K.R. Elangovan chaired the meeting. "We are not against anyone," '
         "Mr. Elangovan said.", "K.R. Elangovan"),
        # a judge's title that also names a department, and the judge after it
        ('Tom Baker, counsel for the union, said the law had created "an atmosphere of '
         'fear".\n\nJustice Peter Collins noted that the petitioners had not gone to the '
         'tribunal. "Why should this court hear it first?" he asked.', "Peter Collins"),
        # the premier is the prime minister, not any minister
        ("Prime Minister Mian Nadeem Akhtar paid homage to the soldiers. Foreign Minister "
         'Ali Raza was also there.\n\n"The nation salutes the martyrs," the premier said.',
         "Mian Nadeem Akhtar"),
        # a business named after what it makes: "the company" whatever ends its name
        ("Battery maker Hanseong Energy Solutions said it regretted the strike.\n\n"
         '"Demands for a 20 percent raise are not realistic," the company said.',
         "Hanseong Energy Solutions"),
        ("The union at Hanseong Energy Solutions, South Korea's third-largest battery "
         "maker, walked out.\n\n\"Demands that ignore this reality will not be met,\" the "
         "company said.", "Hanseong Energy Solutions"),
        ("Workers at chipmaker Daeil Semitech Chief Executive Park Ji-won's plant walked "
         'out.\n\n"We will not negotiate under pressure," the company said.',
         "Daeil Semitech"),
        # an attorney's abbreviated title, whose full stop ends no sentence
        ('Senator Grace Lim spoke first. "We will file the case," she said.\n\n'
         '"The President has been very clear," Atty. Kristine Abalos said.',
         "Kristine Abalos"),
        # the family name before a hyphenated given name, after an English one
        ('Lawmaker Vincent Lau Chi-keung said the plan was flawed. "Eighty million '
         'dollars is not a rescue," Lau said.', "Vincent Lau Chi-keung"),
        # a cleric's title, and the role it names
        ('JUI-F leader Maulana Attaur Rehman Qasmi questioned the operations.\n\n"They '
         'want peace," the maulana said.', "Attaur Rehman Qasmi"),
        # a retired officer's rank and its note, before the subject's name
        ('Maulana Fazl Rehman spoke first. "We reject this," he said.\n\nSecurity analyst '
         "Brigadier (retd) Haris Nawaz Khattak told reporters the tactics had changed.\n\n"
         '"Now they are using quadcopters," he said.', "Haris Nawaz Khattak"),
        # a surname with its article, written in lower case after the quotation
        ("Brigadier General Awad Hamdan al-Tayeb, a spokesman for the army, rejected the "
         'accusation.\n\n"These are lies," al-Tayeb said.', "Awad Hamdan al-Tayeb"),
        ("Brigadier General Awad Hamdan al-Tayeb, a spokesman for the army, rejected the "
         'accusation.\n\n"We will not accept this," said al-Tayeb.', "Awad Hamdan al-Tayeb"),
    ],
)
def test_a_role_a_document_or_a_court_points_back(text: str, speaker: str) -> None:
    assert speakers(text)[-1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        # no apposition: the name is the subject of its own clause
        'In a letter to the governor, Ruth Ade wrote that the plan had failed.\n\n"It is '
        'too late," the governor said.',
        # the role is the next clause's subject, not the name's apposition
        'The delay was caused by the contractor, John Okafor, the mayor said.\n\n"It is '
        'too late," the mayor said.',
        # a role held no longer
        'The former chairman of the board, Tom Price, spoke first.\n\n"It is too late," '
        "the chairman said.",
        # a minister who is not the prime minister is no premier
        'Foreign Minister Ali Raza paid homage to the soldiers.\n\n"The nation salutes '
        'the martyrs," the premier said.',
        # a document no one is said to have issued
        '"We will not be distracted," the statement added.',
        # no court named: the body named last is no court, nor its bench
        'The Ministry of Health said the ruling was wrong.\n\n"We will appeal," the bench '
        "said.",
        # no court named: the body named last is no court
        'The Ministry of Health said the ruling was wrong.\n\n"We will appeal," the court '
        "said.",
    ],
)
def test_no_one_is_guessed_without_evidence(text: str) -> None:
    assert speakers(text)[-1] is None


def test_run_together_initials_after_a_title_are_the_name() -> None:
    doc = make_document(
        "t", "t.md",
        "Minister D.N. Shivarudrappa said the plan was ready. The U.S. Embassy agreed.\n\n"
        '"It will be done," Shivarudrappa said.', {},
    )
    people = {e.name for e in extract_entities([doc]) if e.type == "PERSON"}
    assert "D.N. Shivarudrappa" in people
    assert not any(name.startswith("Minister") for name in people)


def test_a_description_just_before_beats_a_role_named_further_back() -> None:
    # a role written before a name is no apposition: the description just before is who
    # "the executive" is, not the chief executive three paragraphs back
    said = speakers(
        '"Rural is back," managing director and chief executive Anil Mehra said.\n\n'
        "Sales rose in every state.\n\nPrices held in the cities.\n\nAn executive at a "
        'rival company said competition had grown. "Valuations are up," the executive said.'
    )
    assert said[-1] == "An executive at a rival company"


@pytest.mark.parametrize(
    "byline", ["Tanvi Sharma", "Tanvi Sharma / TNN", "Written by Tanvi Sharma"]
)
def test_a_writer_on_a_line_of_their_own_is_no_one_the_story_speaks_of(byline: str) -> None:
    said = speakers(
        "Delhi's sewer workers\n\nTen years after the ban, men still die in sewers.\n\n"
        f"{byline}\n\nNew Delhi: On a humid morning, Kamlesh stood at the edge of a manhole."
        ' He is 34.\n\n"There is no mask, no gloves," he says.'
    )
    assert said[-1] != "Tanvi Sharma"
