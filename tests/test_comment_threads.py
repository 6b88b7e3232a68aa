"""A reader-comment thread needs evidence of a thread; subheadings and numbered items
never start one. Every text here is written for these tests."""

from __future__ import annotations

from tui.corpus.document import BODY, COMMENTS
from tui.corpus.sections import sections

_PROSE = (
    "The committee heard from residents for most of the evening, and several of them "
    "asked for the vote to be delayed until the spring."
)


def _kinds(text: str) -> dict[str, str]:
    """Each paragraph's first 20 characters -> its section kind."""
    out = {}
    for s in sections(text):
        for line in text[s.start : s.end].split("\n"):
            if line.strip():
                out[line.strip()[:20]] = s.kind
    return out


def test_subheadings_between_paragraphs_are_no_thread():
    text = "\n\n".join([
        "Council weighs three plans for the harbour",
        _PROSE,
        "Foreign Investors",
        "Two funds have offered to pay for the sea wall, officials said on Tuesday.",
        "Health Care",
        "The clinic on Quay Street would move to the old school under the second plan.",
        "Taxes Ahead",
        "A levy on hotel stays would cover the rest, according to the budget office.",
        "What Comes Next",
        "The council votes in March.",
    ])
    assert {s.kind for s in sections(text)} == {BODY}


def test_a_numbered_list_with_credits_is_no_thread():
    items = []
    for i in range(1, 8):
        items += [str(i), f"Speaker Number {i} Made A Point About The City.", "Getty.",
                  f"In an interview this year, speaker {i} talked about growing up by the "
                  "harbour and what the city owes its young people."]
    text = "Seven things people said this year.\n\n" + _PROSE + "\n\n" + "\n\n".join(items)
    assert COMMENTS not in {s.kind for s in sections(text)}


def test_a_thread_after_subheadings_starts_at_its_first_commenter():
    text = "\n".join([
        "Council weighs three plans for the harbour",
        _PROSE,
        "Foreign Investors",
        "Two funds have offered to pay for the sea wall, officials said on Tuesday.",
        "Health Care",
        "The clinic on Quay Street would move to the old school under the second plan.",
        "harbour_gal",
        "Finally some movement on the wall, it has taken years.",
        "Pete R",
        "The levy will just push visitors to the next town.",
        "@harbour_gal",
        "Agreed, but the hotels will pass it on anyway.",
        "tomk88",
        "Nobody asked the fishermen what they think.",
    ])
    kinds = _kinds(text)
    assert kinds["Health Care"] == BODY and kinds["The clinic on Quay S"] == BODY
    assert kinds["harbour_gal"] == COMMENTS and kinds["tomk88"] == COMMENTS


def test_commenters_with_plain_names_need_markers():
    lines = ["Council weighs three plans for the harbour", _PROSE]
    for name, when, comment in [
        ("Maria Lopes", "3 hours ago", "Good news for the old town at last."),
        ("Derek Shaw", "2 hours ago", "Who pays for the upkeep, though?"),
        ("Maria Lopes", "1 hour ago", "The levy does, Derek, read the article."),
        ("Ian Fry", "45 minutes ago", "Same story every ten years."),
    ]:
        lines += [name, when, comment, "Reply"]
    text = "\n".join(lines)
    kinds = _kinds(text)
    assert kinds[_PROSE[:20]] == BODY
    assert kinds["Maria Lopes"] == COMMENTS and kinds["Ian Fry"] == COMMENTS


def test_plain_names_alternating_with_prose_need_evidence():
    # the shape of a thread with nothing else to show for it: subheads or captions
    text = "\n".join([
        "Council weighs three plans for the harbour", _PROSE,
        "Maria Lopes", "Good news for the old town at last, and long overdue for it.",
        "Derek Shaw", "Who pays for the upkeep of the wall after the first ten years?",
        "Ian Fry", "The same story comes round every ten years in this town, sadly.",
    ])
    assert {s.kind for s in sections(text)} == {BODY}


def test_reading_a_long_thread_is_linear():
    from .test_linear_time import doubling_ratio

    def make(n: int) -> str:
        return _PROSE + "\n" + "".join(
            f"Reader {i % 50}\n{i % 59} minutes ago\nComment number {i} says this.\nReply\n"
            for i in range(n)
        )

    assert doubling_ratio(lambda text: sections(text), make, 5_000) < 3
