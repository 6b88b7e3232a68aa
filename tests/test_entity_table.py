"""Entities read back from the disk cache come as a table of columns: every answer about
them is the one the built list gives, and an entity is made only when one is read."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from tui.build import cache
from tui.build.corpus_index import CorpusIndex
from tui.config import Settings
from tui.corpus.document import Document
from tui.entities.corrections import Correction
from tui.entities.lookup import EntityLookup
from tui.entities.model import Entity, Mention, Mentions
from tui.entities.table import EntityTable, by_type, source_counts, table_columns, type_codes
from tui.util.packing import checked_starts, end_to_end


@pytest.fixture
def pair(bundled: list[Document], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
         ) -> tuple[CorpusIndex, CorpusIndex]:
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "cache"))
    built = CorpusIndex.build(bundled, Settings())
    cached = CorpusIndex.build(bundled, Settings())
    assert built.built_by[0] != "cache" and cached.built_by[0] == "cache"
    return built, cached


def _made(table: EntityTable) -> int:
    return sum(e is not None for e in table._made)


def test_a_cached_index_reads_its_entities_as_a_table(
    pair: tuple[CorpusIndex, CorpusIndex],
) -> None:
    built, cached = pair
    table = cached.entities
    assert isinstance(table, EntityTable) and isinstance(built.entities, list)
    assert _made(table) == 0  # nothing made by reading the index back
    assert isinstance(table._data, memoryview)  # the mentions: a view of the cache's map
    assert cached.entity_counts() == built.entity_counts()
    assert cached.entity_named(built.entities[3].name).name == built.entities[3].name
    assert cached.entity_named("Nobody At All") is None
    assert _made(table) == 1  # the one asked for, and no other
    assert [e.to_json() for e in table] == [e.to_json() for e in built.entities]
    assert table[-1].to_json() == built.entities[-1].to_json()
    assert [e.name for e in table[2:5]] == [e.name for e in built.entities[2:5]]
    assert table[0] is table[0]  # one object for one entity
    with pytest.raises(IndexError):
        table[len(table)]


def test_groups_and_finds_are_the_same_from_a_table(
    pair: tuple[CorpusIndex, CorpusIndex],
) -> None:
    built, cached = pair
    kinds, rest = ("PERSON", "ORG", "PLACE"), "OTHER"
    listed, tabled = by_type(built.entities, kinds, rest), by_type(cached.entities, kinds, rest)
    assert {k: [e.name for e in v] for k, v in listed.items()} == {
        k: list(v.names()) for k, v in tabled.items()}
    assert _made(cached.entities) == 0  # grouping and names make no entity
    for text in ("kono", "korea", "s", "zzzz"):
        assert [e.name for e in EntityLookup(cached.entities).find(text)] == [
            e.name for e in EntityLookup(built.entities).find(text)]


def test_corrections_apply_to_a_table_as_to_a_list(
    pair: tuple[CorpusIndex, CorpusIndex],
) -> None:
    built, cached = pair
    person = next(e for e in built.entities if e.type == "PERSON" and e.count > 1)
    counts = built.entity_counts()
    fixes = [Correction("rename", person.name, "Renamed Person"),
             Correction("retype", built.entities[0].name, "OTHER"),
             Correction("ignore", built.entities[1].name)]  # (one entity fewer to count)
    for index in (built, cached):
        index.correct(fixes)
    assert [e.to_json() for e in cached.entities] == [e.to_json() for e in built.entities]
    assert cached.entity_counts() == built.entity_counts() != counts
    assert cached.entity_named("Renamed Person") is not None
    for index in (built, cached):
        index.correct([])
    assert isinstance(cached.entities, EntityTable)  # back to what was read
    assert cached.entity_counts() == built.entity_counts() == counts


def test_other_types_fall_under_the_rest() -> None:
    def entity(name: str, kind: str) -> Entity:
        return Entity(name, kind, [], Mentions([Mention("a", 0, 1)]))

    entities = [entity("A", "PERSON"), entity("B", "EVENT"), entity("C", "OTHER"),
                entity("D", "PERSON")]
    mentions, sources = table_columns(entities, {"a": 0})
    table = EntityTable([e.name for e in entities], type_codes(entities), {}, mentions,
                        sources, ["a"])
    for each in (entities, table):
        groups = by_type(each, ("PERSON", "ORG", "PLACE"), "OTHER")
        assert {k: list(v.names()) for k, v in groups.items() if len(v)} == {
            "PERSON": ["A", "D"], "OTHER": ["B", "C"]}
        assert [e.type for e in groups["OTHER"]] == ["EVENT", "OTHER"]
        assert source_counts(each) == {"a": 4}


def test_arrays_end_to_end_keep_their_numbers() -> None:
    from array import array

    data, starts = end_to_end([array("i", [1, 2]), [3], array("i", [])])
    assert data.typecode == "i" and list(data) == [1, 2, 3] and list(starts) == [0, 2, 3, 3]
    data, starts = end_to_end([array("i", [1, 2]), array("q", [2**40, 5]), array("i", [])])
    assert data.typecode == "q" and list(data) == [1, 2, 2**40, 5]
    assert checked_starts(data, starts) is starts
    for bad in (array("q", [0, 3, 2, 4]), array("q", [1, 4]), array("q", [0, 5]),
                array("i", [0, 4]), array("q"), [0, 4]):
        with pytest.raises(ValueError):
            checked_starts(data, bad)


def test_a_table_of_columns_that_do_not_fit_is_refused() -> None:
    from array import array

    def table(types: list[str], aliases: dict[int, list[str]], mention_starts: list[int],
              numbers: list[int]) -> EntityTable:
        kinds = list(dict.fromkeys(types))
        return EntityTable(["A"], (array("H", map(kinds.index, types)), kinds), aliases,
                           (array("i", [0, 1]), array("q", mention_starts)),
                           (array("i", numbers), array("q", [0, len(numbers)])), ["a"])

    assert table(["PERSON"], {}, [0, 2], [0])[0].to_json()["sources"] == ["a"]
    for bad in ((["PERSON", "ORG"], {}, [0, 2], [0]),  # a type too many
                (["PERSON"], {3: ["x"]}, [0, 2], [0]),  # aliases of no entity
                (["PERSON"], {}, [0, 3], [0]),  # mentions that do not add up
                (["PERSON"], {}, [0, 2], [1]),  # a source of no document
                (["PERSON"], {}, [0, 2], [-1])):  # (and one of no kind, below)
        with pytest.raises(ValueError):
            table(*bad)
    with pytest.raises(ValueError):
        EntityTable(["A"], (array("H", [1]), ["PERSON"]), {},
                    (array("i", [0, 1]), array("q", [0, 2])),
                    (array("i", [0]), array("q", [0, 1])), ["a"])


def _counted(index: CorpusIndex, all_sections: bool) -> dict[str, int]:
    """Quotations per source, one at a time, as the quote list shows them."""
    out: dict[str, int] = {}
    for q in index.quotes:
        if all_sections or q.section == "body":
            out[q.source] = out.get(q.source, 0) + 1
    return out


@pytest.mark.parametrize("all_sections", [False, True])
def test_quote_counts_count_what_the_list_shows(
    pair: tuple[CorpusIndex, CorpusIndex], all_sections: bool
) -> None:
    built, cached = pair
    assert any(q.section != "body" for q in built.quotes)  # (the rule is tried)
    for index in (built, cached):
        counts = {k: v for k, v in index.quote_counts(all_sections).items() if v}
        assert counts == _counted(index, all_sections)
    # a list whose sources' quotations are not in a row is counted as well
    entities, quotes, finder = built.extracted
    mixed = CorpusIndex(documents=built.documents, by_id=built.by_id)
    mixed.extracted = (entities, quotes[1::2] + quotes[::2], None)
    mixed.correct([])
    assert not mixed._sources_in_a_row
    counts = {k: v for k, v in mixed.quote_counts(all_sections).items() if v}
    assert counts == _counted(mixed, all_sections)


def test_quotes_by_id_are_made_when_asked_and_again_for_new_quotes(
    pair: tuple[CorpusIndex, CorpusIndex],
) -> None:
    _built, cached = pair
    assert cached._by_quote_id is None  # (a start makes none)
    first = cached.quotes[0]
    assert cached.quote_by_id[first.id] is first
    other = next(e.name for e in cached.entities if e.type == "PERSON" and e.name != first.speaker)
    cached.correct([Correction("speaker", first.id, other)])
    now = cached.quote_by_id[first.id]
    assert now is cached.quotes[0] and now is not first and now.speaker == other
    assert len(cached.quote_by_id) == len(cached.quotes)


def test_an_entity_made_twice_at_once_is_one_object(
    pair: tuple[CorpusIndex, CorpusIndex], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two threads reading one entity not yet made both make it; the first kept wins,
    as corrections find entities by identity (here the second read is made to happen
    in the middle of the first, as a thread switch would)."""
    _built, cached = pair
    table = cached.entities
    assert isinstance(table, EntityTable)
    make = EntityTable._make
    meanwhile: list[Entity] = []
    switched: list[bool] = []

    def slow_make(self: EntityTable, i: int) -> Entity:
        made = make(self, i)
        if not switched:
            switched.append(True)
            meanwhile.append(self[i])  # (another thread reads it now, and keeps its own)
        return made

    monkeypatch.setattr(EntityTable, "_make", slow_make)
    assert table[5] is meanwhile[0] and table[5] is table[5]


def _replaced_meanwhile(index: CorpusIndex, monkeypatch: pytest.MonkeyPatch) -> str:
    """Ask for a name while a correction (ignoring the first entity) replaces the
    entities between the reading of their names and the keeping of their places."""
    import tui.build.corpus_index as index_module

    names_of = index_module.names_of
    gone = index.entities[0].name
    done: list[bool] = []

    def names_then_corrected(entities: Sequence[Entity]) -> Sequence[str]:
        names = names_of(entities)
        if not done:
            done.append(True)
            index.correct([Correction("ignore", gone)])  # (in another thread, meanwhile)
        return names

    monkeypatch.setattr(index_module, "names_of", names_then_corrected)
    index.entity_named("anyone")
    monkeypatch.setattr(index_module, "names_of", names_of)
    return gone


def test_a_name_is_never_looked_up_in_entities_a_correction_replaced(
    pair: tuple[CorpusIndex, CorpusIndex], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker making the names' places while a correction replaces the entities must
    not keep places in the old list for the new one."""
    for index in pair:
        gone = _replaced_meanwhile(index, monkeypatch)
        assert index.entity_named(gone) is None
        for e in list(index.entities)[:50]:
            named = index.entity_named(e.name)
            assert named is not None and named.name == e.name
        index.correct([])
