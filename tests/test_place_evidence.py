"""Places the gazetteer does not know, typed by how the text speaks of them: where
people live, move to and come from, and the street names local news gives; and a
company's legal form, which makes no place of the town in its name."""

from __future__ import annotations

from tui.corpus.loader import make_document
from tui.entities.extract import extract_entities


def types(text: str) -> dict[str, str]:
    return {e.name: e.type for e in extract_entities([make_document("t", "t.md", text, {})])}


def test_where_people_live_is_a_place() -> None:
    found = types(
        "She moved to Wongarbon in 2001. Residents of Byatarayanapura complained.\n\n"
        '"We were never asked," said Ann Lee, 62, who lives on Rhododendron Drive.\n\n'
        "The trucks pass Oak Terrace every night, said Tom Hart, a native of Kembujeh."
    )
    for place in ("Wongarbon", "Byatarayanapura", "Rhododendron Drive", "Oak Terrace",
                  "Kembujeh"):
        assert found.get(place) == "PLACE", place


def test_the_president_of_a_body_is_no_resident_of_a_place() -> None:
    found = types(
        '"No," said Jeff Zucker, president of Wealth-X Worldwide. Wealth-X said it would '
        "publish the list, and Wealth-X staff declined to comment."
    )
    assert found.get("Wealth-X Worldwide", found.get("Wealth-X")) != "PLACE"


def test_a_limited_company_is_one_organisation() -> None:
    found = types("Bramcon Construction Limited won the tender. Ghana Water Limited said "
                  "supply would resume in Kumasi on Friday.")
    assert found.get("Bramcon Construction Limited") == "ORG"
    assert found.get("Ghana Water Limited") == "ORG"
    assert "Water Limited" not in found
