"""Corrections: the entities and speakers a user fixes, saved per corpus, applied by the
core (so the command line answers as the dashboard shows) and undone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.build import cache
from tui.build.corpus_index import CorpusIndex
from tui.cli import main
from tui.corpus.document import Document
from tui.entities.corrections import (
    IGNORE,
    MERGE,
    RENAME,
    RETYPE,
    SPEAKER,
    Correction,
    CorrectionError,
    add_correction,
    apply_to_entities,
    load_corrections,
    store_path,
    undo_correction,
)
from tui.entities.model import Entity, Mention

from .conftest import CORPUS


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "state"
    monkeypatch.setenv("NEWSDESK_STATE_DIR", str(folder))
    return folder


@pytest.fixture(scope="module")
def raw(bundled: list[Document]) -> CorpusIndex:
    return CorpusIndex.build(bundled)


def _entity(name: str, kind: str, *spans: tuple[str, int]) -> Entity:
    return Entity(name, kind, [], [Mention(s, start, start + 3) for s, start in spans])


def test_merge_rename_ignore_and_retype_apply_in_order() -> None:
    entities = [
        _entity("Kim", "PERSON", ("a", 0), ("b", 5)),
        _entity("Kim Jong Un", "PERSON", ("a", 10)),
        _entity("READ MORE", "ORG", ("a", 20)),
        _entity("Seoul", "ORG", ("b", 30)),
    ]
    corrections = [
        Correction(MERGE, "Kim", "Kim Jong Un"),
        Correction(RENAME, "Kim Jong Un", "Kim Jong-un"),
        Correction(IGNORE, "READ MORE"),
        Correction(RETYPE, "Seoul", "PLACE"),
        Correction(IGNORE, "Nobody"),
    ]
    applied = apply_to_entities(entities, corrections)
    names = [(e.name, e.type, e.count) for e in applied.entities]
    assert names == [("Kim Jong-un", "PERSON", 3), ("Seoul", "PLACE", 1)]
    merged = applied.entities[0]
    assert merged.aliases == ["Kim Jong Un", "Kim"]
    assert [(m.source, m.start) for m in merged.mentions] == [("a", 0), ("a", 10), ("b", 5)]
    # every speaker follows the chain of corrections to the name it has now
    assert applied.renamed == {"Kim": "Kim Jong-un", "Kim Jong Un": "Kim Jong-un",
                               "READ MORE": None}
    assert applied.skipped == [4]
    # what was not corrected is the object the extractor made, untouched
    assert entities[0].name == "Kim" and entities[3].type == "ORG"


def test_entities_of_one_name_and_two_types_both_stay() -> None:
    entities = [_entity("Georgia", "PLACE", ("a", 0), ("a", 9)),
                _entity("Georgia", "PERSON", ("b", 0)), _entity("Atlanta", "PLACE", ("a", 4))]
    applied = apply_to_entities(entities, [Correction(RETYPE, "Atlanta", "ORG")])
    assert [(e.name, e.type) for e in applied.entities] == [
        ("Georgia", "PLACE"), ("Atlanta", "ORG"), ("Georgia", "PERSON")]
    assert applied.entities[0] is entities[0] and applied.entities[2] is entities[1]


def test_a_speaker_must_be_an_entity_and_follows_later_corrections() -> None:
    entities = [_entity("Kim", "PERSON", ("a", 0)), _entity("Moon", "PERSON", ("a", 9))]
    applied = apply_to_entities(
        entities,
        [Correction(SPEAKER, "q1", "Kim"), Correction(SPEAKER, "q2", "Nobody"),
         Correction(SPEAKER, "q3", None), Correction(RENAME, "Kim", "Kim Yo-jong"),
         Correction(SPEAKER, "q9", "Moon")],
        quote_ids=["q1", "q2", "q3"],
    )
    assert applied.speakers == {"q1": "Kim Yo-jong", "q3": None}
    assert applied.skipped == [1, 4]


def test_the_index_shows_corrected_entities_and_speakers(bundled: list[Document]) -> None:
    index = CorpusIndex.build(bundled)
    quote = next(q for q in index.quotes if q.speaker == "Kim You-geun")
    other = next(q for q in index.quotes if q.speaker and q.speaker != "Kim You-geun")
    index.correct([Correction(RENAME, "Kim You-geun", "Kim You-geun (NSC)"),
                   Correction(SPEAKER, other.id, "Taro Kono")])
    assert index.entity_named("Kim You-geun") is None
    assert index.entity_named("Kim You-geun (NSC)") is not None
    assert index.quote_by_id[quote.id].speaker == "Kim You-geun (NSC)"
    assert index.quote_by_id[other.id].speaker == "Taro Kono"
    # the search and the filters see the speakers as corrected
    found = index.query("nsc", typing=False).quotes
    assert quote.id in {q.id for q in found}
    kono = index.query("", _filter(entity="Taro Kono")).quotes
    assert other.id in {q.id for q in kono}
    # undone: as the extractor found them
    index.correct([])
    assert index.quote_by_id[quote.id].speaker == "Kim You-geun"
    assert index.quote_by_id[other.id].speaker == other.speaker


def _filter(**kwargs: object):
    from tui.quotes.browse import QuoteFilter

    return QuoteFilter(**kwargs)  # type: ignore[arg-type]


def test_corrections_apply_to_an_index_read_from_the_cache(
    bundled: list[Document], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "cache"))
    plain = CorpusIndex.build(bundled)
    fixes = [Correction(MERGE, "Korea", "South Korea")]
    corrected = CorpusIndex.build(bundled, corrections=fixes)  # from the cache
    assert list((tmp_path / "cache").glob("index-*.pickle"))
    assert corrected.entity_named("Korea") is None
    assert corrected.entity_named("South Korea").count == (  # type: ignore[union-attr]
        plain.entity_named("South Korea").count + plain.entity_named("Korea").count  # type: ignore[union-attr]
    )
    # the cache holds what was extracted, never a correction
    again = CorpusIndex.build(bundled)
    assert again.entity_named("Korea") is not None


def test_check_names_what_does_not_fit(raw: CorpusIndex) -> None:
    with pytest.raises(CorrectionError, match="no entity named 'Nobody'"):
        raw.check(Correction(MERGE, "Nobody", "Japan"))
    with pytest.raises(CorrectionError, match="one of the entities"):
        raw.check(Correction(SPEAKER, raw.quotes[0].id, "Nobody"))
    with pytest.raises(CorrectionError, match="a type is one of"):
        raw.check(Correction(RETYPE, "Japan", "COUNTRY"))
    assert raw.check(Correction(RETYPE, " Japan ", "org")) == Correction(RETYPE, "Japan", "ORG")


def test_the_store_adds_lists_and_undoes(tmp_path: Path) -> None:
    path = store_path(CORPUS, tmp_path)
    assert load_corrections(path) == []
    add_correction(path, Correction(IGNORE, "READ MORE"))
    add_correction(path, Correction(RENAME, "Kim", "Kim Jong Un"))
    assert [c.kind for c in load_corrections(path)] == [IGNORE, RENAME]
    removed, left = undo_correction(path, 1)
    assert removed == Correction(IGNORE, "READ MORE") and left == load_corrections(path)
    with pytest.raises(CorrectionError, match="no correction 5"):
        undo_correction(path, 5)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner,
                                                               max_size=4),
    max_leaves=20,
))
def test_any_json_in_the_file_loads_without_raising(data: object) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.json"
        path.write_text(json.dumps({"format": "corrections-1", "corrections": data}))
        for c in load_corrections(path):
            assert isinstance(c, Correction)
        path.write_text(json.dumps(data))
        assert isinstance(load_corrections(path), list)


def test_the_cli_corrects_lists_and_undoes(state: Path, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    corpus = ["--corpus", str(CORPUS)]
    assert main(["correct", "merge", "Korea", "South Korea", *corpus]) == 0
    assert main(["correct", "retype", "AP", "person", *corpus]) == 0
    assert main(["correct", "merge", "Nobody", "Japan", *corpus]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "newsdesk: error: no entity named 'Nobody'"
    assert main(["entities", "--json", *corpus]) == 0
    listed = {e["name"]: e for e in json.loads(capsys.readouterr().out)}
    assert "Korea" not in listed and "Korea" in listed["South Korea"]["aliases"]
    assert listed["AP"]["type"] == "PERSON"
    assert main(["corrections", *corpus]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "   1  merge Korea into South Korea", "   2  make AP PERSON"]
    assert main(["corrections", "--undo", "1", *corpus]) == 0
    assert main(["entities", "--json", *corpus]) == 0
    assert "Korea" in {e["name"] for e in json.loads(capsys.readouterr().out)}


def test_the_cli_sets_and_clears_a_speaker(state: Path, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    corpus = ["--corpus", str(CORPUS)]
    assert main(["quotes", "--json", *corpus]) == 0
    quote = next(q for q in json.loads(capsys.readouterr().out) if q["speaker"])
    assert main(["correct", "speaker", quote["id"], "Taro Kono", *corpus]) == 0
    assert main(["quotes", "--json", "--speaker", "Taro Kono", *corpus]) == 0
    assert quote["id"] in {q["id"] for q in json.loads(capsys.readouterr().out)}
    assert main(["correct", "speaker", quote["id"], *corpus]) == 0
    assert main(["quotes", "--json", *corpus]) == 0
    shown = {q["id"]: q for q in json.loads(capsys.readouterr().out)}
    assert shown[quote["id"]]["speaker"] is None
