"""One answer to "who is this?": a quotation's speaker is always one of the entities the
sidebar lists (same name, hence same type), or no one."""

from __future__ import annotations

from tui.build.corpus_index import CorpusIndex
from tui.corpus.document import Document
from tui.corpus.loader import make_document
from tui.entities.model import Entity, Mention
from tui.nlp.lexicon import ORG, PERSON, PLACE
from tui.quotes.enrol import enrol_speakers, speaks_for
from tui.quotes.model import Quote
from tui.quotes.spelling import NameBook, spell_speakers


def _entity(name: str, kind: str, source: str = "d") -> Entity:
    return Entity(name, kind, [], [Mention(source, 0, len(name))])


def _quote(speaker: str | None, source: str = "d") -> Quote:
    return Quote("q", source, 0, 1, "x", speaker, "full", None, "body")


def _spelled(speaker: str, entities: list[Entity]) -> str | None:
    quote = _quote(speaker)
    spell_speakers([quote], NameBook(entities))
    return quote.speaker


def test_every_speaker_of_the_bundled_corpus_is_a_listed_entity(bundled: list[Document]) -> None:
    index = CorpusIndex.build(bundled)
    names = {e.name for e in index.entities}
    speakers = {q.speaker for q in index.quotes if q.speaker and not q.described}
    assert speakers and speakers <= names
    # a description speaks for an organisation of the list, or for none
    organisations = {e.name for e in index.entities if speaks_for(e)}
    assert {q.speaker_org for q in index.quotes if q.speaker_org} <= organisations
    assert all(q.speaker_org is None for q in index.quotes if not q.described)


def test_words_run_into_a_name_give_way_to_the_person_it_names() -> None:
    people = [_entity("Marco Rubio", PERSON), _entity("Hillary Clinton", PERSON),
              _entity("New Hampshire", PLACE), _entity("Fox News", ORG)]
    assert _spelled("Does Rubio", people) == "Marco Rubio"  # a sentence's first word
    assert _spelled("Democrat Hillary Clinton", people) == "Hillary Clinton"  # a label
    assert _spelled("Clinton New Hampshire", people) == "Hillary Clinton"  # a place after
    assert _spelled("Fox News’ Marco Rubio", people) == "Marco Rubio"  # an employer before


def test_a_name_of_name_words_is_kept_whole() -> None:
    """The text knows a name better than the entity list: "Mary Kay Henry" is not "Kay
    Henry", though the list has only the second."""
    people = [_entity("Kay Henry", PERSON)]
    assert _spelled("Mary Kay Henry", people) == "Mary Kay Henry"


def _enrolled(speakers: list[str], text: str) -> tuple[list[str | None], list[Entity]]:
    doc = make_document("d", "d.md", text, {})
    entities = [_entity("Marco Rubio", PERSON)]
    quotes = [_quote(s) for s in speakers]
    enrol_speakers(quotes, entities, {"d": doc})
    return [q.speaker for q in quotes], entities


def test_a_speaker_the_list_lacks_becomes_an_entity_with_its_mentions() -> None:
    text = (
        "Bill de Blasio spoke first.\n\n"
        "“We won,” said Bill de Blasio, and the Trump campaign agreed."
    )
    second = text.index("Bill", 1)
    speakers, entities = _enrolled(["Bill de Blasio", "Trump campaign"], text)
    assert speakers == ["Bill de Blasio", "Trump campaign"]
    added = {e.name: e for e in entities}
    assert added["Bill de Blasio"].type == PERSON
    spans = [(m.start, m.end) for m in added["Bill de Blasio"].mentions]
    assert spans == [(0, 14), (second, second + 14)]
    assert added["Trump campaign"].type == ORG
    counts = [e.count for e in entities]
    assert counts == sorted(counts, reverse=True)  # (still in the list's order)


def test_descriptions_and_names_the_text_lacks_are_no_one() -> None:
    text = "Democrats said it. His campaign said so. Americans agree."
    speakers, entities = _enrolled(["Democrats", "His campaign", "Americans", "Jane Roe"], text)
    assert speakers == [None, None, None, None]
    assert [e.name for e in entities] == ["Marco Rubio"]


def test_a_run_whose_title_was_dropped_is_its_name() -> None:
    text = "Media Research Center President Brent Bozell said so. “No,” Bozell said."
    speakers, _ = _enrolled(["Media Research Center Bozell"], text)
    assert speakers == ["Bozell"]


def test_a_first_name_that_is_also_a_month_is_still_a_name() -> None:
    text = "April Ryan asked the question. “Why?” said April Ryan."
    speakers, entities = _enrolled(["April Ryan", "April"], text)
    assert speakers == ["April Ryan", None]
    assert any(e.name == "April Ryan" and e.type == PERSON for e in entities)


def test_speakers_and_entities_read_one_list_of_name_particles() -> None:
    """"ter" and "della" join a name for the sidebar and the quote browser alike (the
    two once kept lists that had drifted apart)."""
    from tui.entities.extract import extract_entities
    from tui.quotes.extract import extract_quotes

    text = (
        "Gerard ter Horst spoke in Rome with Maria della Rovere on Monday.\n\n"
        "“We agree on the plan,” said Gerard ter Horst.\n\n"
        "“So do we,” said Maria della Rovere."
    )
    doc = make_document("d", "d.md", text, {})
    entities = extract_entities([doc])
    people = {e.name for e in entities if e.type == PERSON}
    assert {"Gerard ter Horst", "Maria della Rovere"} <= people
    speakers = [q.speaker for q in extract_quotes([doc], entities)]
    assert speakers == ["Gerard ter Horst", "Maria della Rovere"]


def test_a_speaking_name_that_starts_with_a_given_name_is_a_person() -> None:
    """A place's or a thing's head word ("Moor", "Day") made these names a place or a
    thing; they speak, and start with a given name: they are people. A place that
    speaks for its government, or a one-word name, keeps its type."""
    text = 'Tom Moor said "we will go." Japan said "no." Anna Day said "yes." Moor said "so."'
    doc = make_document("d", "d.md", text, {})
    entities = [_entity("Tom Moor", PLACE), _entity("Japan", PLACE),
                _entity("Anna Day", "OTHER"), _entity("Moor", PLACE)]
    quotes = [_quote("Tom Moor"), _quote("Japan"), _quote("Anna Day"), _quote("Moor")]
    enrol_speakers(quotes, entities, {"d": doc})
    assert {e.name: e.type for e in entities} == {
        "Tom Moor": PERSON, "Japan": PLACE, "Anna Day": PERSON, "Moor": PLACE}
    assert [q.speaker for q in quotes] == ["Tom Moor", "Japan", "Anna Day", "Moor"]


def test_a_two_word_name_is_not_cut_by_a_lone_word_the_list_mistyped() -> None:
    """"Zoltar" and "Quennell" typed as groups, "Stu" the first name of someone else here:
    none of them cuts a given name and a surname the text wrote together."""
    entities = [_entity("Zoltar", ORG), _entity("Pruitt", PERSON), _entity("Quennell", ORG),
                _entity("Stu Lindqvist", PERSON)]
    assert _spelled("Zoltar Pruitt", entities) == "Zoltar Pruitt"
    assert _spelled("Stu Quennell", entities) == "Stu Quennell"


def test_a_word_after_a_surname_of_someone_here_still_gives_way() -> None:
    entities = [_entity("Dana Varga", PERSON), _entity("T-Shirt", ORG)]
    assert _spelled("Varga T-Shirt", entities) == "Dana Varga"


def test_will_before_a_surname_is_a_given_name() -> None:
    entities = [_entity("Hollis", PERSON)]
    assert _spelled("Will Hollis", entities) == "Will Hollis"
    text = "“We will see,” said Will Hollis, a teacher. Hollis left."
    speakers, added = _enrolled(["Will Hollis"], text)
    assert speakers == ["Will Hollis"]
    assert any(e.name == "Will Hollis" and e.type == PERSON for e in added)
    assert _spelled("On Hollis", entities) == "Hollis"  # a preposition stays no name


def test_a_speaker_written_with_a_no_break_space_is_found_in_the_text() -> None:
    text = "“No,” said radio host Ola\xa0Brandvik on Friday."
    speakers, added = _enrolled(["Ola Brandvik"], text)
    assert speakers == ["Ola Brandvik"]
    assert [m.start for e in added if e.name == "Ola Brandvik" for m in e.mentions] == [
        text.index("Ola")]


def test_a_name_that_ends_in_a_nationality_is_a_person() -> None:
    text = "“Rents will rise,” said Greta Dutch of the union."
    speakers, added = _enrolled(["Greta Dutch", "Dutch"], text)
    assert speakers == ["Greta Dutch", None]
    assert any(e.name == "Greta Dutch" and e.type == PERSON for e in added)


def test_a_name_that_ends_in_a_title_word_is_a_person() -> None:
    text = "“The ice is thin,” said Paul T. King of Oslo."
    speakers, added = _enrolled(["Paul T. King"], text)
    assert speakers == ["Paul T. King"]
    assert any(e.name == "Paul T. King" and e.type == PERSON for e in added)


def test_a_full_name_that_is_an_alias_of_a_group_keeps_its_given_name() -> None:
    """A group "Church" that took "Anna Church" in as an alias does not speak for her."""
    entities = [_entity("Church", ORG)]
    entities[0].aliases = ["Anna Church"]
    assert _spelled("Anna Church", entities) == "Anna Church"
    text = "“The bells will ring at noon,” Anna Church wrote."
    speakers, added = _enrolled(["Anna Church"], text)
    assert speakers == ["Anna Church"]
    assert any(e.name == "Anna Church" and e.type == PERSON for e in added)


def test_a_speaker_whose_family_name_the_article_takes_up_is_a_person() -> None:
    """No listed given name and no title: the article still treats the name as a
    person's, taking up its last word alone ("Gebremariam said"). The speaker is then a
    person with that word among its names, and the word no entity of its own; a body
    that speaks but is never called by one word stays what it was."""
    text = (
        "Exile returns\n\n"
        "Tesfaye Gebremariam spent a decade in exile. "
        "“We are five right now,” Gebremariam said in the capital.\n\n"
        "Gebremariam left the university in 2015. “I was shocked,” Gebremariam told "
        "reporters. Later that year Gebremariam moved to the border.\n\n"
        "“Our forecast stands,” Vox Meridian said in a statement.\n"
    )
    index = CorpusIndex.build([make_document("d", "d.md", text, {})])
    kinds = {e.name: e for e in index.entities}
    person = kinds["Tesfaye Gebremariam"]
    assert person.type == PERSON and "Gebremariam" in person.aliases
    assert person.count == 5 and "Gebremariam" not in kinds
    spoken = {q.text.rstrip(","): q.speaker for q in index.quotes}
    assert spoken["We are five right now"] == spoken["I was shocked"] == person.name
    assert kinds["Vox Meridian"].type != PERSON


def test_a_body_whose_last_word_is_a_place_keeps_that_place() -> None:
    """"Wells Fargo" speaks and "Fargo" stands alone in the same article, but Fargo is a
    city there, and "wells" a word: the bank is no person, the city stays a place."""
    text = (
        'Wells Fargo said on Monday that "we are cutting jobs in every branch we run." '
        "The bank employs 3,000 people in Fargo, where Fargo officials worry. Fargo has "
        "grown. In Fargo, rents rose, and the wells ran dry.\n"
    )
    index = CorpusIndex.build([make_document("d", "d.md", text, {})])
    kinds = {e.name: e.type for e in index.entities}
    assert kinds["Fargo"] == PLACE
    assert kinds.get("Wells Fargo") != PERSON


def test_a_spokesperson_speaks_for_a_venue() -> None:
    """A museum or a zoo is a place that is an institution too: the description that
    speaks for it is linked to it, as to an organisation; a town is never spoken for."""
    text = (
        '"We have more visitors than ever," a spokeswoman for the Harlow Museum said. The '
        'Harlow Museum opened in 1899.\n\n"The roads are shut," a spokesman for Toledo '
        "said.\n"
    )
    index = CorpusIndex.build([make_document("d", "d.md", text, {})])
    spoken = {q.text.rstrip(","): q for q in index.quotes}
    museum = spoken["We have more visitors than ever"]
    assert museum.described and museum.speaker_org == "Harlow Museum"
    assert spoken["The roads are shut"].speaker_org is None
    # a venue's head may come before "of" ("Library of …")
    text = (
        '"We are proud," said a spokeswoman for the Library of Ostrava. The Library of '
        "Ostrava is old.\n"
    )
    index = CorpusIndex.build([make_document("d", "d.md", text, {})])
    assert [q.speaker_org for q in index.quotes] == ["Library of Ostrava"]
