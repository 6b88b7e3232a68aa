"""Entities: quality on the annotated corpus and on unseen text, aliases, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.build.corpus_index import CorpusIndex
from tui.cli import main
from tui.config import Settings, load_file
from tui.corpus.document import BODY, BOILERPLATE, COMMENTS, Document, Section
from tui.corpus.loader import load_corpus, make_document
from tui.entities.extract import extract_entities
from tui.entities.model import Entity, Mention, person_names
from tui.nlp.places import fold

from .entity_scores import all_unseen_scores, bundled_entities, load_gold, score, unseen_scores

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bundled() -> list[Entity]:
    return bundled_entities()


@pytest.fixture(scope="module")
def corpus_docs() -> dict[str, Document]:
    return {d.id: d for d in load_corpus(ROOT / "corpus").documents}


def entities_of(*texts: str, **kwargs) -> list[Entity]:
    docs = [Document(f"d{i}", f"d{i}.md", t) for i, t in enumerate(texts)]
    return extract_entities(docs, **kwargs)


def find(entities: list[Entity], name: str) -> Entity:
    matches = [e for e in entities if e.name == name]
    assert len(matches) == 1, (name, [(e.name, e.aliases) for e in entities])
    return matches[0]


def names(entities: list[Entity]) -> set[str]:
    return {e.name for e in entities}


# --- quality -------------------------------------------------------------------------


def test_bundled_corpus_meets_the_targets(bundled):
    s = score(bundled, load_gold())
    assert s.precision >= 0.9, s.false_positives
    assert s.recall >= 0.95, s.missed
    assert s.type_accuracy >= 0.9, s.wrong_type
    assert s.duplicates <= 2
    assert not s.conflated


def test_unseen_news_text_scores_well():
    s = unseen_scores()
    assert s.precision >= 0.9, s.false_positives
    assert s.recall >= 0.9, s.missed
    assert s.type_accuracy >= 0.9, s.wrong_type
    assert not s.conflated


def test_all_unseen_news_text_together_scores_well():
    s = all_unseen_scores()
    assert s.precision >= 0.9, s.false_positives
    assert s.recall >= 0.9, s.missed
    assert s.type_accuracy >= 0.85, s.wrong_type
    assert not s.conflated


def test_done_when(bundled):
    moon = [e for e in bundled if "Moon" in e.name]
    assert [e.name for e in moon] == ["Moon Jae-in"]
    assert moon[0].type == "PERSON" and "Moon" in moon[0].aliases
    assert find(bundled, "Taro Kono").type == "PERSON"
    gsomia = find(bundled, "GSOMIA")
    assert gsomia.type == "OTHER"
    assert "General Security of Military Information Agreement" in gsomia.aliases
    assert find(bundled, "Seoul").type == "PLACE"


def test_mentions_slice_the_text_and_stay_in_the_body(bundled, corpus_docs):
    for e in bundled:
        forms = {fold(f) for f in [e.name, *e.aliases]}
        assert e.count == len(e.mentions) == len(set(e.mentions))
        assert e.sources == sorted({m.source for m in e.mentions})
        for m in e.mentions:
            doc = corpus_docs[m.source]
            assert fold(doc.text[m.start : m.end]) in forms, (e.name, doc.text[m.start : m.end])
            assert doc.section_kind_at(m.start) == BODY


def test_sorted_by_count_then_name(bundled):
    keys = [(-e.count, e.name.casefold()) for e in bundled]
    assert keys == sorted(keys)


def test_to_json_shape(bundled):
    data = bundled[0].to_json()
    assert set(data) == {"name", "type", "aliases", "count", "sources", "mentions"}
    assert data["count"] == len(data["mentions"])
    assert set(data["mentions"][0]) == {"source", "start", "end"}
    json.dumps(data)


def test_dates_are_not_entities():
    got = entities_of(
        "United postponed Saturday's match and Monday’s training. In May, Theresa May spoke "
        "to the Times on Sunday, March 3."
    )
    assert names(got) == {"Theresa May", "Times"}


def test_what_is_left_out(bundled):
    left_out = {"Thursday", "Saturday", "August", "The", "Read", "Read more", "This",
                "Japanese", "South Korean", "President", "Defence Minister", "I"}
    assert not left_out & names(bundled)
    # Photo credits, footers and comment handles are not mined.
    everything = {fold(f) for e in bundled for f in [e.name, *e.aliases]}
    for outside in ("Jae C. Hong", "Business Insider", "Toru Hanai", "nigelboy", "Samit Basu",
                    "Akismet", "Vox Messenger", "Uniqlo", "Blue House"):
        assert fold(outside) not in everything


# --- rules on text written for the tests ----------------------------------------------


def test_surname_joins_the_full_name_in_the_same_document():
    got = entities_of(
        "Finance Minister Elena Varga said on Monday that talks would resume. Varga added "
        "that the central bank agreed.",
        "Coach Peter Varga named his squad. Varga left out two forwards.",
    )
    elena, peter = find(got, "Elena Varga"), find(got, "Peter Varga")
    assert elena.type == peter.type == "PERSON"
    assert elena.count == peter.count == 2
    assert {m.source for m in elena.mentions} == {"d0"}
    assert "Varga" not in names(got)


def test_case_variants_titles_and_country_forms_merge():
    got = entities_of(
        "South Korean President Moon Jae-In met officials in Busan. The US and Japan watched.",
        "President Moon Jae-in spoke on Friday. Officials in the U.S. and the United States "
        "Congress were briefed, and America said little.",
    )
    moon = find(got, "Moon Jae-in")
    assert moon.count == 2 and "Moon Jae-In" in moon.aliases
    us = find(got, "United States")
    assert us.type == "PLACE" and {"US", "U.S.", "America"} <= set(us.aliases)
    assert find(got, "Busan").type == "PLACE"
    assert "President Moon Jae-in" not in names(got)


def test_acronyms_join_their_expansions():
    got = entities_of(
        "The World Health Organization (WHO) declared an emergency. The WHO said cases rose.",
        "Under the Trans-Pacific Partnership Agreement, or TPPA, tariffs fell. Critics of "
        "the TPPA disagreed. The National Transportation Safety Board opened an inquiry, "
        "and the NTSB will report in March.",
    )
    who = find(got, "WHO")
    assert who.type == "ORG" and "World Health Organization" in who.aliases
    tppa = find(got, "TPPA")
    assert tppa.type == "OTHER"
    ntsb = [e for e in got if "NTSB" in [e.name, *e.aliases]]
    assert len(ntsb) == 1 and "National Transportation Safety Board" in [
        ntsb[0].name, *ntsb[0].aliases
    ]
    assert "March" not in names(got)


def test_config_aliases_ignore_and_near_duplicates():
    got = entities_of(
        "The Pentagon declined to comment. A spokesman for the US Department of Defense said "
        "later that the Department of Defence had no plans. Officials at Acme Widget "
        "Corporation agreed, as did the Acme Widgets Corporation board. The Gotham Daily "
        "Herald reported it first.",
        aliases={"Pentagon": ["US Department of Defense", "Department of Defense"]},
        ignore=["Acme Widgets Corporation"],
    )
    pentagon = find(got, "Pentagon")
    assert pentagon.type == "ORG"
    assert {"US Department of Defense", "Department of Defence"} <= set(pentagon.aliases)
    assert not [e for e in got if "Acme" in e.name]  # both spellings, ignored together
    assert find(got, "Gotham Daily Herald").type == "ORG"


def test_ignore_is_looked_up_in_a_set(monkeypatch):
    """A config's entities.ignore can run to millions of names: each is folded once and
    looked up by hash, so the comparisons its names take part in do not grow with it."""
    import tui.entities.merge as merge

    compared = 0

    class Counted(str):
        __hash__ = str.__hash__

        def __eq__(self, other: object) -> bool:
            nonlocal compared
            compared += 1
            return str.__eq__(self, other)

    listed: set[str] = set()
    real_fold = merge.fold

    def fold_marking_the_ignored(text: str) -> str:
        folded = real_fold(text)
        return Counted(folded) if text in listed else folded

    monkeypatch.setattr(merge, "fold", fold_marking_the_ignored)
    text = (
        "Officials at Acme Widget Corporation agreed, as did the Acme Widgets Corporation "
        "board. Maria Santos of the Gotham Daily Herald said the Federation of Small "
        "Businesses and the Red River Valley Authority met in Ravenna on Tuesday. "
    )

    def comparisons(unlisted: int) -> tuple[int, list[str]]:
        nonlocal compared
        ignore = ["Acme Widgets Corporation"] + [f"Unlisted Name {i}" for i in range(unlisted)]
        listed.clear()
        listed.update(ignore)
        compared = 0
        got = entities_of(text, text, ignore=ignore)
        return compared, sorted(e.name for e in got)

    few, few_names = comparisons(10)
    many, many_names = comparisons(5_000)
    assert many_names == few_names and not [n for n in many_names if "Acme" in n]
    # a list scanned for each entity would compare every ignored name with its names
    assert many <= few + 5, (few, many)
    got = entities_of(
        "Lt. Col. Maria Santos, a spokeswoman for the Ministry of Defence, said the Treaty of "
        "Lisbon did not apply. The Federation of Small Businesses and the Red River Valley "
        "Authority disagreed. Storms hit the Gulf of Mexico near Houston."
    )
    assert find(got, "Maria Santos").type == "PERSON"
    assert find(got, "Ministry of Defence").type == "ORG"
    assert find(got, "Treaty of Lisbon").type == "OTHER"
    assert find(got, "Federation of Small Businesses").type == "ORG"
    assert find(got, "Gulf of Mexico").type == "PLACE"
    assert find(got, "Houston").type == "PLACE"
    assert "Lt. Col. Maria Santos" not in names(got)


def test_plural_place_heads_and_member_bodies():
    got = entities_of(
        "Campers returned to the Quetico Lakes and the Silver Hills on Sunday. Ben Ortiz, "
        "head of Sons of the Prairie Rivers, welcomed it. Rep. Maxine Waters disagreed. "
        "He met the Governor of the Bank of England and sailed on the Sea of Japan."
    )
    assert find(got, "Quetico Lakes").type == "PLACE"
    assert find(got, "Silver Hills").type == "PLACE"
    assert find(got, "Sons of the Prairie Rivers").type == "ORG"
    assert find(got, "Maxine Waters").type == "PERSON"
    assert find(got, "Sea of Japan").type == "PLACE"
    assert "Sons" not in names(got)
    assert find(got, "Bank of England").type == "ORG"
    assert "Governor of the Bank of England" not in names(got)


def test_an_office_named_after_a_place_or_body_gives_that_name():
    got = entities_of(
        "The President of the United States met the Secretary-General of the Arctic Council "
        "and Secretary of State Ida Vance. The General Security of Trade Agreement lapsed."
    )
    assert find(got, "United States").type == "PLACE"
    assert find(got, "Arctic Council").type == "ORG"
    assert find(got, "Ida Vance").type == "PERSON"
    assert find(got, "General Security of Trade Agreement").type == "OTHER"
    assert not any(n.startswith(("President", "Secretary")) for n in names(got))


def test_places_named_with_the_and_unions_of_states():
    got = entities_of(
        "Judges in The Hague ruled on Monday. Lawyers in the Hague said the European Union "
        "would comply. The EU declined to comment."
    )
    hague = find(got, "The Hague")
    assert hague.type == "PLACE" and hague.count == 2
    eu = find(got, "European Union")
    assert eu.type == "ORG" and "EU" in eu.aliases


def test_state_abbreviations_in_datelines():
    got = entities_of("TUCSON, Ariz. — Officials in Tucson said the fire was contained.")
    arizona = find(got, "Arizona")
    assert arizona.type == "PLACE" and arizona.aliases == ["Ariz"]


def test_appositives_and_party_members():
    got = entities_of(
        "The firm, Kestrel Orla, said it would appeal. Senator Rosa Kemp, a Democrat, "
        "and Labour MP Owen Prys disagreed. Republicans said nothing."
    )
    assert find(got, "Kestrel Orla").type == "ORG"
    assert find(got, "Rosa Kemp").type == "PERSON"
    assert find(got, "Owen Prys").type == "PERSON"
    assert not names(got) & {"Democrat", "Republicans", "Labour MP Owen Prys", "Labour"}


def test_a_capitalised_particle_surname_joins_the_full_name():
    got = entities_of(
        "The union leader, Anouk van Dijk, spoke first. Van Dijk said talks would resume.",
        "Van Dijk is also the name of a bakery chain.",
    )
    anouk = find(got, "Anouk van Dijk")
    assert "Van Dijk" in anouk.aliases and anouk.sources == ["d0"]


def test_two_particles_stay_inside_a_name():
    got = entities_of("Ines van der Berg met Tomas de la Fuente. Van der Berg said little.")
    assert find(got, "Ines van der Berg").aliases == ["Van der Berg"]
    assert find(got, "Tomas de la Fuente").type == "PERSON"


def test_a_short_form_joins_the_one_organisation_it_starts_or_ends():
    got = entities_of(
        "Brightline Group said on Monday it would cut routes. Shares in Brightline fell. "
        "Police in Manchester said Manchester United fans were calm. Eastfield Wanderers "
        "won, and Wanderers stayed top.",
    )
    brightline = find(got, "Brightline Group")
    assert "Brightline" in brightline.aliases and brightline.type == "ORG"
    assert "Wanderers" in find(got, "Eastfield Wanderers").aliases
    assert find(got, "Manchester").type == "PLACE"  # a place keeps its own name


def test_accented_names():
    got = entities_of(
        "Officials in Zürich met Mayor Corine Mauch. Zürich said the São Paulo office and "
        "Düsseldorf agreed."
    )
    assert find(got, "Zürich").count == 2 and find(got, "Zürich").type == "PLACE"
    assert find(got, "São Paulo").type == "PLACE"
    assert find(got, "Corine Mauch").type == "PERSON"


def test_sentence_starts_and_headlines_need_evidence():
    got = entities_of(
        "Officials Say Talks With Ruritania Collapse Over Fishing Rights\n\n"
        "Negotiators from Ruritania walked out on Tuesday. Tensions rose after Fishing "
        "Minister Karl Brandt spoke. Brandt said boats from Oslo would stay home. Oslo "
        "denied it. However, nobody moved."
    )
    assert names(got) == {"Ruritania", "Karl Brandt", "Oslo"}
    ruritania = find(got, "Ruritania")
    assert ruritania.count == 2  # the headline mention counts once the name is known


def test_only_body_sections_are_mined():
    text = "Reuters/Jane Doe Photo of Helsinki.\nJohn Smith visited Helsinki.\nmarco99\nI agree."
    cap_end = text.index("\n") + 1
    com_start = text.index("marco99")
    doc = Document(
        "x", "x.md", text,
        sections=[
            Section(BOILERPLATE, 0, cap_end, "caption"),
            Section(BODY, cap_end, com_start),
            Section(COMMENTS, com_start, len(text), "reader comments"),
        ],
    )
    got = extract_entities([doc])
    assert names(got) == {"John Smith", "Helsinki"}
    assert all(m.start >= cap_end for e in got for m in e.mentions)


def test_person_names_resolves_surnames(bundled):
    lookup = person_names(bundled)
    assert lookup["kono"] == "Taro Kono"
    assert lookup["moon"] == "Moon Jae-in"
    assert lookup[fold("Moon Jae-in")] == "Moon Jae-in"
    assert "seoul" not in lookup


def test_index_and_cli(tmp_path, capsys):
    docs = load_corpus(ROOT / "corpus").documents
    settings = load_file(ROOT / "config.yaml")
    index = CorpusIndex.build(docs, settings)
    assert index.entities and isinstance(index.entities[0].mentions[0], Mention)
    assert CorpusIndex.build([], Settings()).entities == []
    config = ROOT / "config.yaml"
    assert main(["entities", "--corpus", str(ROOT / "corpus"), "--config", str(config),
                 "--type", "person", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data and {d["type"] for d in data} == {"PERSON"}
    assert data == sorted(data, key=lambda d: (-d["count"], d["name"].casefold()))
    assert main(["entities", "--corpus", str(ROOT / "corpus"), "--config", str(config)]) == 0
    assert "Moon Jae-in" in capsys.readouterr().out


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no capitals at all in this text, just words and more words.",
        "SOUTH KOREA SAID ON THURSDAY IT WOULD END THE PACT WITH JAPAN, OFFICIALS SAID.",
        "A" * 50_000 + " said Tokyo " + "Bb" * 20_000,
        "서울에서 문재인 대통령이 말했다. 東京の発表。 Москва и Владимир Путин.",
        "U.S.-U.K.-E.U. ... (((( )))) — “” '' ’s ’s The The The",
    ],
)
def test_bad_input_is_handled(text):
    got = entities_of(text)
    for e in got:
        assert e.type in ("PERSON", "ORG", "PLACE", "OTHER")
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(text)
    if text.isupper() and "JAPAN" in text:
        assert {"South Korea", "Japan"} <= names(got)
        assert "THURSDAY" not in names(got) and "OFFICIALS" not in names(got)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["The", "Moon", "Jae-in", "of", "Sea", "Japan", "U.S.", "(NSC)",
                             "said", "Mr.", "President", ".", ",", "\n", "’s", "-", "and"]),
            st.text(min_size=1, max_size=12),
        ),
        max_size=40,
    )
)
def test_any_text_gives_valid_entities(words):
    text = " ".join(words)
    got = entities_of(text)
    counts = [e.count for e in got]
    assert counts == sorted(counts, reverse=True)
    for e in got:
        assert e.name and e.type in ("PERSON", "ORG", "PLACE", "OTHER")
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end].strip() == text[m.start : m.end]


def test_a_reporting_verb_opening_a_sentence_is_not_part_of_a_name():
    text = (
        "Talks collapsed on Monday.\n\n"
        "“We were not consulted,” said opposition leader Tom Baker.\n\n"
        "Said Baker: “It is a fantasy.”\n"
    )
    entities = extract_entities([make_document("x", "x", text, {})])
    names = {e.name: e for e in entities}
    assert "Said Baker" not in names
    assert names["Tom Baker"].type == "PERSON" and names["Tom Baker"].count == 2


def test_a_build_leaves_no_memo_of_its_names_behind():
    # Memos of every name a corpus folds would outlive the build and hold its memory.
    from tui.nlp import places as gazetteer

    words = " ".join(f"Zorbel{chr(97 + i % 26)}{chr(97 + i // 26)} Quist" for i in range(6000))
    assert entities_of(words + ".")
    assert len(gazetteer._FOLDED) <= gazetteer._IDLE_LIMIT
    assert not hasattr(gazetteer.load_gazetteer(), "_demonyms")
    for i in range(gazetteer._IDLE_LIMIT + 10):
        fold(f"Name {i}")
    assert len(gazetteer._FOLDED) <= gazetteer._IDLE_LIMIT


@pytest.mark.parametrize(
    "triples",
    [
        [],
        [("a", 5, 9)],
        [("a", 5, 9), ("a", 20, 24), ("a", 20, 26)],
        [("b", 1, 4), ("a", 0, 3), ("b", 7, 9), ("c", 2**31 + 5, 2**31 + 9)],
    ],
)
def test_packed_mentions_read_back_as_given(triples):
    import pickle

    from tui.entities.model import Mentions

    packed = Mentions(triples)
    expected = [Mention(*t) for t in triples]
    assert list(packed) == expected and len(packed) == len(expected)
    assert [packed[i] for i in range(-len(expected), len(expected))] == expected * 2
    assert packed[1:] == expected[1:]
    assert packed.distinct_sources() == tuple(dict.fromkeys(t[0] for t in triples))
    assert pickle.loads(pickle.dumps(packed)) == packed
    with pytest.raises(IndexError):
        packed[len(expected)]
    if len(triples) == 1:
        source, start, end = triples[0]
        assert Mentions.in_one_source(source, [start], end - start) == packed


def test_groups_from_another_miner_keep_their_documents_forms_and_offsets():
    import pickle

    from tui.entities.groups import _Groups

    here, there = _Groups(), _Groups()
    here.add(here.number("a"), 0, [4, 90])
    there.add(there.number("b"), 0, [7])
    there.add(there.number("a"), 1, [])
    there.wide()
    there.add(there.number("c"), 1, [2**40])
    here.extend(pickle.loads(pickle.dumps(there)), [5, 3])
    spans = [list(here.starts[here.bounds[i] : here.bounds[i + 1]]) for i in range(len(here))]
    assert spans == [[4, 90], [7], [], [2**40]]
    assert [here.sources[d] for d in here.doc] == ["a", "b", "a", "c"]
    assert list(here.form) == [0, 5, 3, 3]
    assert list(here.sizes()) == [2, 1, 0, 1]


def test_a_transcripts_turns_are_no_initials() -> None:
    text = ("Q. You're hoping to stay out of prison, aren't you, Ms. Gaines?\n\n"
            "A. I'm hoping to tell the truth.\n\nQ. That wasn't my question.\n\nA. Yes.\n")
    names = {e.name for e in extract_entities([make_document("t", "t.md", text, {})])}
    assert names == {"Gaines"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place's name across "and", as the place data has it
        ("Officials in Bosnia and Herzegovina met envoys from Trinidad and Tobago.",
         {("Bosnia and Herzegovina", "PLACE"), ("Trinidad and Tobago", "PLACE")}),
        ("Talks between Japan and South Korea stalled.",
         {("Japan", "PLACE"), ("South Korea", "PLACE")}),
        # a body's name across "and" after a demonym that is also a given name
        ("The Philippine Institute of Volcanology and Seismology raised the alert.",
         {("Philippine Institute of Volcanology and Seismology", "ORG")}),
        # a country's own name for itself, and a river's noun after its name
        ("Aid from Türkiye reached the villages along the Drina river on Monday.",
         {("Turkey", "PLACE"), ("Drina", "PLACE")}),
        ("Floods hit Barangay Maninila again on Monday.", {("Barangay Maninila", "PLACE")}),
        # a company's legal form ends its name
        ("Detectives arrested a director of Maxwell Agrochem Ltd. Police said the suspects "
         "would be charged.", {("Maxwell Agrochem Ltd", "ORG")}),
    ],
)
def test_names_across_and_and_around_their_nouns(
    text: str, expected: set[tuple[str, str]]
) -> None:
    found = {(e.name, e.type) for e in extract_entities([make_document("t", "t.md", text, {})])}
    assert expected <= found


def test_a_paper_a_source_told_is_an_organisation() -> None:
    text = ("A source told The Sun the couple had split, a pal told the Daily Star she was "
            "fine, and Page Six can exclusively reveal the news. Jodie Brennan later told "
            "friends she was happy.")
    found = {(e.name, e.type) for e in extract_entities([make_document("t", "t.md", text, {})])}
    assert {("Sun", "ORG"), ("Daily Star", "ORG"), ("Page Six", "ORG"),
            ("Jodie Brennan", "PERSON")} <= found


def test_a_degree_after_a_name_is_no_state() -> None:
    text = "Helena Marr, M.D., Professor of Medicine at the University of Chicago, spoke."
    found = {(e.name, e.type) for e in extract_entities([make_document("t", "t.md", text, {})])}
    assert ("Helena Marr", "PERSON") in found
    assert not any(name == "Maryland" for name, _type in found)


def test_the_first_of_two_family_names_alone_is_the_person() -> None:
    # "Cervantes said" of "Ana Lilia Cervantes Ochoa", as the quotations read it; not
    # where another name in the document ends in the word, nor for a body's name
    ents = entities_of(
        "Water official Ana Lilia Cervantes Ochoa spoke at noon. Later, Cervantes said "
        "the trucks would come. The American Jewish Organizations wrote to Jewish "
        "groups.",
        "Dena Minning Bush spoke. Dena Minning said more, and Minning left.",
    )
    assert find(ents, "Ana Lilia Cervantes Ochoa").type == "PERSON"
    assert "Cervantes" not in names(ents)
    # ("Minning" is the last word of "Dena Minning": that name has it)
    assert find(ents, "Dena Minning").aliases == ["Minning"]
    assert find(ents, "Dena Minning Bush").aliases == []
    assert "Jewish" in names(ents)
