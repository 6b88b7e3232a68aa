from __future__ import annotations

from tui.corpus.document import BODY, BOILERPLATE, COMMENTS
from tui.corpus.sections import is_caption, is_furniture, paragraphs, sections


def kind_of(doc, needle: str) -> tuple[str, str]:
    pos = doc.text.index(needle)
    section = doc.section_at(pos)
    assert section is not None
    return section.kind, section.label


def test_reader_comment_thread_starts_at_first_handle(docs_by_id):
    doc = docs_by_id["002-japan-today-ap"]
    (comments,) = doc.spans_of_kind(COMMENTS)
    assert doc.text[comments.start :].startswith("yoshi\n")
    assert comments.end == len(doc.text)
    # the article's last paragraph, itself a quote, stays in the body
    assert kind_of(doc, "Jubilant participants held placards")[0] == BODY
    assert kind_of(doc, "I think he really believes this stuff")[0] == COMMENTS


def test_glued_photo_captions_are_boilerplate(docs_by_id):
    doc = docs_by_id["000-business-insider"]
    for needle in (
        "Kim Kyung-Hoon/Reuters",
        "Jae C. Hong/AP",
        "Kim Hong-ji/Reuters",
        "Ahn Young-joon/AP",
    ):
        assert kind_of(doc, needle) == (BOILERPLATE, "caption")
    assert kind_of(doc, "South Korea is ending its intelligence-sharing pact")[0] == BODY


def test_site_footers_and_related_links_are_boilerplate(docs_by_id):
    cases = {
        "000-business-insider": [
            "Visit Business Insider",
            "Read more:",
            "Business Insider Emails",
            "Site highlights each day",
            "Follow Business Insider Australia",
        ],
        "001-businessline-bloomberg": [
            "Bloomberg Tokyo/Seoul | Updated",
            "This article is closed for comments",
            "Please Email the Editor",
        ],
        "003-unnamed-news-site": ["COMMENTS", "having issues with commenting"],
        "004-vox-messenger-repost": [
            "Originally Published on this site",
            "Leave a comment",
            "uses Akismet",
            "vox-messenger-secure-corpLogo",
            "End-2-End Encrypted",
            "Vox Messenger is a secure",
            "All Rights Reserved",
        ],
    }
    for doc_id, needles in cases.items():
        for needle in needles:
            assert kind_of(docs_by_id[doc_id], needle)[0] == BOILERPLATE, (doc_id, needle)


def test_headline_shown_once_and_repeats_dropped(docs_by_id):
    doc = docs_by_id["004-vox-messenger-repost"]
    title = "South Korea Exits Japanese Intel-Sharing Agreement"
    positions = [i for i in range(len(doc.text)) if doc.text.startswith(title, i)]
    assert len(positions) == 4
    assert [doc.section_kind_at(p) for p in positions] == [BODY] + [BOILERPLATE] * 3


def test_article_bodies_stay_body(docs_by_id):
    for doc in docs_by_id.values():
        body = sum(s.end - s.start for s in doc.spans_of_kind(BODY))
        assert body / len(doc.text) > 0.4, doc.id
    assert (
        kind_of(docs_by_id["003-unnamed-news-site"], "China will work with South Korea")[0] == BODY
    )
    assert (
        kind_of(docs_by_id["001-businessline-bloomberg"], "Japan has similar agreements")[0] == BODY
    )


# Text written for these tests, in the shape of other news sites.
OTHER_SITE = """City council approves new budget

Photo: Jane Doe/AFP
By Staff Reporter | Published: March 3, 2021

The council voted 7-2 on Tuesday to approve the budget, which raises spending on parks.

"This is a good day for the city," said Mayor Ana Ruiz after the vote.

Advertisement

Opponents said the plan relied on optimistic revenue forecasts.

Share this article
Sign up for our morning newsletter
© 2021 Example Media. All rights reserved.
Terms of use
"""

THREAD = """Storm closes schools across the region

Schools in three districts will stay closed on Friday as the storm moves east, officials said.

"We expect the worst of it overnight," a forecaster said.
dave_k
Stay safe everyone, this one looks bad.
MaryL
Our power is already out. Again.
@dave_k
Same here, no power since noon.
rob 77
Glad the schools made the call early.
"""


def test_heuristics_generalise_to_another_site():
    secs = sections(OTHER_SITE)

    def kind(needle: str) -> str:
        pos = OTHER_SITE.index(needle)
        return next(s.kind for s in secs if s.start <= pos < s.end)

    assert kind("City council approves") == BODY
    assert kind("Photo: Jane Doe/AFP") == BOILERPLATE
    assert kind("The council voted") == BODY
    assert kind('"This is a good day') == BODY
    assert kind("Advertisement") == BOILERPLATE
    assert kind("Opponents said") == BODY
    for needle in ("Share this article", "Sign up for", "© 2021", "Terms of use"):
        assert kind(needle) == BOILERPLATE, needle


def test_comment_thread_on_another_site():
    secs = sections(THREAD)
    (comments,) = [s for s in secs if s.kind == COMMENTS]
    assert THREAD[comments.start :].startswith("dave_k\n")
    assert THREAD.index("a forecaster said") < comments.start


def test_prose_with_short_lines_is_not_a_thread():
    text = (
        "Headline here\n\nFirst paragraph of the story, long enough to be prose.\n\n"
        "Why it matters\n\nMore prose follows in this paragraph, as articles do.\n"
    )
    assert {s.kind for s in sections(text)} == {BODY}


def test_caption_and_furniture_rules():
    assert is_caption("Kim Kyung-Hoon/ReutersJapanese Prime Minister Shinzo Abe")
    assert is_caption("John Smith/Getty Images")
    assert is_caption("REUTERS/Toru HanaiAbe in Fukushima on Saturday.")
    assert is_caption("A rally in Seoul. AFP/Jung Yeon-jeA protester holds a sign.")
    assert not is_caption("Reuters/Ipsos polling showed support falling.")
    assert not is_caption("The U.S./Japan alliance remains strong, officials said.")
    assert is_furniture("Follow Example News on Twitter and Facebook")
    assert not is_furniture("He said he would follow the talks on Twitter closely.")


def test_paragraphs_strip_bullets_but_not_hyphenated_words():
    text = "  • First point\n- second point\n-5 degrees overnight\n"
    assert [text[p.start : p.end] for p in paragraphs(text)] == [
        "First point",
        "second point",
        "-5 degrees overnight",
    ]


# One paragraph, as a scraper leaves an article whose photo credit sat inside the text.
_ARTICLE = (
    "WASHINGTON — The Senate voted 52-48 on Tuesday to approve the spending bill, sending "
    "it to the House after weeks of talks. \"We will not back down on this,\" said Senator "
    "John Smith, a Republican from Ohio, after the vote. {credit}Democrats said the measure "
    "cut too deeply into programmes for schools and hospitals. The House is expected to "
    "take up the bill next week, and the White House has said the president will sign it."
)
_CREDITS = [
    "(Photo: Jane Doe/AP) ",
    "Photo: Jane Doe/AP",  # glued to the sentence after it
    "Jane Doe/AP",
    "REUTERS/Jane Doe",
    "Photo: Jane Doe/AP. ",
]


def test_a_photo_credit_claims_only_its_own_sentence() -> None:
    for credit in _CREDITS:
        text = _ARTICLE.format(credit=credit)
        secs = sections(text)
        body = sum(s.end - s.start for s in secs if s.kind == BODY)
        assert body >= len(text) - len(credit) - 150, (credit, secs)

        def kind(needle: str, text: str = text, secs: list = secs) -> str:
            pos = text.index(needle)
            return next(s.kind for s in secs if s.start <= pos < s.end)

        for needle in ("WASHINGTON", "We will not back down", "The House is expected"):
            assert kind(needle) == BODY, (credit, needle)
        for s in secs:  # what is left out is the credit's own sentence at most
            if s.kind != BODY:
                assert s.label == "caption" and credit.strip(" .") in text[s.start : s.end]


def test_one_paragraph_article_with_a_credit_keeps_its_quotes_and_entities(
    tmp_path,
) -> None:
    from tui.build.corpus_index import CorpusIndex
    from tui.config import Settings
    from tui.corpus.loader import load_corpus

    for i, credit in enumerate(_CREDITS):
        (tmp_path / f"a{i}.md").write_text(
            "---\ntitle: Senate passes bill\noutlet: Wire\n---\n"
            + _ARTICLE.format(credit=credit) + "\n",
            encoding="utf-8",
        )
    docs = load_corpus(tmp_path).documents
    index = CorpusIndex.build(docs, Settings())
    for doc in docs:
        quotes = [q for q in index.quotes if q.source == doc.id and q.section == BODY]
        assert any("not back down" in q.text for q in quotes), doc.path
        named = {e.name for e in index.entities if doc.id in e.mentions.spans_by_source()}
        assert any("Smith" in name for name in named), (doc.path, named)


def test_a_caption_paragraph_is_a_caption_whole_wherever_its_credit_sits() -> None:
    for line in (
        "Christoph Blocher reacts during an electoral meeting of the Swiss People’s Party "
        "on October 2, 2015. (FABRICE COFFRINI/AFP/Getty Images.)",
        "Kim Hong-ji/ReutersA truck drives between shipping containers at Incheon port.",
        "Photo: Jane Doe/AFP",
    ):
        text = f"An article about the vote.\n\n{line}\n\nThe article goes on here.\n"
        secs = sections(text)
        start = text.index(line)
        (caption,) = [s for s in secs if s.kind == BOILERPLATE]
        assert (caption.label, caption.start, text[caption.start:caption.end].strip()) == (
            "caption", start, line)


def test_credit_lines_are_found_wherever_the_credit_sits_in_a_short_line() -> None:
    from tui.corpus.sections import credit_lines

    text = (
        "The mayor spoke on Friday.\n"
        "REUTERS/Toru Hanai\n"
        "Crowds gather in the square. Jae C. Hong / AP\n"
        "A long paragraph about the 2/3 majority the council needs.\n"
    )
    found = [text[a:b] for a, b in credit_lines(text, 0, len(text))]
    assert found == ["REUTERS/Toru Hanai", "Crowds gather in the square. Jae C. Hong / AP"]


def test_a_quotation_naming_the_sites_it_was_posted_on_is_not_a_sharing_bar():
    assert is_furniture("Share on Facebook and Twitter")
    line = "\u201cWe will rebuild the pier,\u201d Kemp posted on Facebook and Twitter Monday."
    assert not is_furniture(line)
    assert [s.kind for s in sections("Kemp spoke on Sunday.\n\n" + line)] == [BODY]


def test_screen_reader_picture_labels_are_captions_and_related_topics_a_footer() -> None:
    """Some broadcasters label each picture for screen readers ("Image source, …",
    "Image caption, …", "Media caption, …"): captions, not body. A "Related Topics"
    heading is page furniture. A sentence that opens with "Image" stays body."""
    text = (
        "Image source, Getty Images\n"
        "Image caption, Residents of Marlow Vale were evacuated by boat on Sunday\n"
        "Floods have swept through three towns in the valley.\n"
        "Image quality matters, the photographer said, more than ever.\n"
        "Related Topics\n"
    )
    kinds = {text[s.start : s.end].split("\n")[0][:14]: (s.kind, s.label) for s in sections(text)}
    assert kinds["Image source, "] == (BOILERPLATE, "caption"), kinds
    assert kinds["Floods have sw"] == (BODY, ""), kinds
    assert [s.kind for s in sections(text) if "Related" in text[s.start : s.end]] == [
        BOILERPLATE]
    assert not is_caption("Image quality matters, the photographer said, more than ever.")


def test_staff_credit_lines_are_boilerplate_and_name_no_one() -> None:
    from tui.corpus.loader import make_document
    from tui.entities.extract import extract_entities

    text = (
        "By ANNE D'INNOCENZIO, AP Business Writer\n\n"
        "Shares of Acme Holdings rose 3% on Tuesday, said analyst Ruth Okafor.\n\n"
        "By Tuesday afternoon, the shares had given back half of the gain, traders said.\n\n"
        "Reporting by Clare Jim in Hong Kong; Editing by Kim Coghill\n\n"
        "--With assistance from Yvonne Yue Li and Katie Roof.\n\n"
        "(Additional reporting by Florence Tan in Singapore; Editing by Jason Neely)\n\n"
        "Associated Press writer Tom Bell in Detroit contributed to this report.\n"
    )
    kinds = {
        text[s.start : s.end].strip()[:20]: (s.kind, s.label) for s in sections(text)
    }
    assert kinds["By ANNE D'INNOCENZIO"] == (BOILERPLATE, "credit")
    # (the byline and the body are adjacent sections; a sentence opening with "By" is prose)
    body = [text[s.start : s.end] for s in sections(text) if s.kind == BODY]
    assert len(body) == 1 and "By Tuesday afternoon" in body[0] and "Ruth Okafor" in body[0]
    assert "Clare Jim" not in body[0] and "Katie Roof" not in body[0]
    assert "Tom Bell" not in body[0]
    names = {e.name for e in extract_entities([make_document("c", "c.md", text, {})])}
    assert "Ruth Okafor" in names
    assert not names & {"Clare Jim", "Kim Coghill", "Yvonne Yue Li", "Katie Roof", "Tom Bell",
                        "Florence Tan", "Jason Neely"}
