"""Places the gazetteer does not know, typed by how the text speaks of them: where
people live, move to and come from, and the street names local news gives; and a
company's legal form, which makes no place of the town in its name."""

from __future__ import annotations

import pytest

from tui.corpus.loader import make_document
from tui.entities.extract import extract_entities


def types(text: str) -> dict[str, str]:
    return {e.name: e.type for e in extract_entities([make_document("t", "t.md", text, {})])}


@pytest.mark.parametrize(
    ("text", "names", "place"),
    [
        ("Zoning row\n\nResidents of Byatarayanapura complained about the noise.\n\n"
         '"We were never asked," said Ann Lee, 62, who lives on Rhododendron Terrace.\n\n'
         "The trucks pass every night, said Tom Hart, a native of Kembujeh.",
         ("Byatarayanapura", "Rhododendron Terrace", "Kembujeh"), True),
        # what people move to or live on is a club or a benefit as often
        ("Ann Lee moved to Manchester United in 2019, and Manchester United confirmed the "
         "fee. Her family lives on Universal Credit. The files are stored on Google Drive, "
         "and Google Drive said it was investigating.",
         ("Manchester United", "Universal Credit", "Google Drive"), False),
    ],
)
def test_where_people_live_is_a_place(text: str, names: tuple[str, ...], place: bool) -> None:
    found = types(text)
    for name in names:
        assert (found.get(name) == "PLACE") == place, name


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


def test_a_shoal_and_a_cay_are_places() -> None:
    # (features of the sea, as "reef" and "atoll" are: no one's surname makes them people)
    found = types(
        "China plans to make the Scarborough Shoal into a fortress. Scarborough Shoal is "
        "now the place officials watch, and boats were seen off Whitsun Cay again."
    )
    assert found.get("Scarborough Shoal") == "PLACE"
    assert found.get("Whitsun Cay") == "PLACE"


def test_a_district_or_a_home_after_an_age_is_a_place() -> None:
    found = types(
        "Landslide toll rises\n\nThe death toll from the landslide in Bukalasi sub-county, "
        "Bududa district, has "
        "risen to 14.\n\nBradley Dunmore, 36, of Westerville, was sentenced. Gary Whelan, "
        "52, from Pinetop, admitted the breach."
    )
    for place in ("Bukalasi", "Bududa", "Westerville", "Pinetop"):
        assert found.get(place) == "PLACE", (place, found)
    assert found.get("Bradley Dunmore") == found.get("Gary Whelan") == "PERSON"


def test_a_saints_name_is_a_place_and_its_possessive_stays_in_a_bodys_name() -> None:
    found = types(
        "Storm damage\n\nTeachers in rural parishes such as St Elizabeth and St Thomas "
        "were hit. Fishermen in St Lucia lost boats. Patients at St Mary's Hospital "
        "were moved, and St John's College closed."
    )
    for place in ("St Elizabeth", "St Thomas", "Saint Lucia", "St Mary's Hospital"):
        assert found.get(place) == "PLACE", (place, found)
    assert found.get("St John's College") == "ORG", found
    assert "St Mary" not in found


def test_a_place_named_for_a_saint_in_an_appositive_does_not_take_her_words() -> None:
    from tui.quotes.extract import extract_quotes

    text = (
        "Criminologist Dr Shivani Baboolal-Cudjoe, of the University of the West Indies, "
        'St Augustine, said research showed little effect.\n\n"The numbers go down while '
        'the soldiers are there," she said.'
    )
    (quote,) = extract_quotes([make_document("t", "t.md", text, {})])
    assert quote.speaker == "Shivani Baboolal-Cudjoe"
