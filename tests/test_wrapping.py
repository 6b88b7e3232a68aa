"""Hard-wrapped paragraphs (wire archives, plain-text corpora) read as paragraphs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.loader import make_document
from tui.corpus.wrapping import unwrapped
from tui.entities.extract import extract_entities
from tui.quotes.extract import extract_quotes

WIRE = """LONDON (Reuters) -- Rheinfeld AG agreed on Tuesday to buy the paints arm of
Carrick Industries for 1.2 billion pounds, the largest deal in the sector this
year, sending Carrick shares up 9 percent.

"It's a sensible deal at a full price. Rheinfeld has paid up for market
share," said Fiona Daventry, an analyst at Carrick Rowe Securities in
London.

The unions were less sure. Ian Pollard, a national officer of the Transport
and General Workers' Union, said the deal put 400 jobs in Northern
Ireland at risk. "We will be asking for guarantees," he said.

Carrick said it would use the proceeds to cut its debt.
"""

PER_LINE = """Rheinfeld AG agreed on Tuesday to buy the paints arm of Carrick Industries.
"It's a sensible deal," said Fiona Daventry, an analyst at Carrick Rowe Securities.
Ian Pollard said the deal put jobs at risk.
"We will be asking for guarantees," he said.
Carrick said it would use the proceeds to cut its debt.
Its shares rose 9 percent.
The deal is the largest in the sector this year.
"""


def test_a_wrapped_story_reads_its_quotations_and_names_whole() -> None:
    doc = make_document("wire", "wire.txt", WIRE, {"title": "Rheinfeld buys"})
    quotes = [(q.text, q.speaker) for q in extract_quotes([doc])]
    assert quotes == [
        ("It's a sensible deal at a full price. Rheinfeld has paid up for market "
         "share", "Fiona Daventry"),
        ("We will be asking for guarantees", "Ian Pollard"),
    ]
    names = {e.name for e in extract_entities([doc])}
    assert {"Northern Ireland", "Transport and General Workers' Union"} <= names
    # a paragraph is still a paragraph
    assert len(doc.paragraphs) == 4


def test_lines_that_are_paragraphs_are_left_alone() -> None:
    assert unwrapped(PER_LINE) == PER_LINE
    # lists, headings, transcripts and indented lines keep their breaks
    kept = (
        "The committee heard from the company's chief executive on Monday morning\n"
        "Q. Did you know about the fault when the cars were sold to the public\n"
        "A. No, and nobody in the company told me about it until the spring of\n"
        "that year, when the first reports of failures reached the head office.\n\n"
        "- the first of the recalls came in March of that year, for the brakes\n"
        "- the second came in June of that year, for the steering of the cars\n\n"
        "# The hearing resumed on Tuesday with evidence from the engineers there\n"
    )
    assert unwrapped(kept).split("\n")[:3] == kept.split("\n")[:3]
    assert unwrapped(kept).count("\n- ") == 2
    assert "\n# The hearing" in unwrapped(kept)


@given(st.text(alphabet=st.sampled_from("ab .,\n\"'-Q"), max_size=600))
def test_unwrapping_changes_only_line_breaks_into_spaces(text: str) -> None:
    out = unwrapped(text)
    assert len(out) == len(text)
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, out))
