"""The built index is kept on disk and read back on the next start of the same corpus."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.build import cache
from tui.build.corpus_index import CorpusIndex
from tui.build.documents import load_documents
from tui.config import EntitySettings, Settings
from tui.corpus.document import Document
from tui.corpus.loader import load_corpus
from tui.entities import extract as entity_extract
from tui.quotes import extract as quote_extract


def _calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records which expensive stages run."""
    calls: list[str] = []
    # (the index imports them as a build begins: patched where they live)
    for module, name in ((entity_extract, "extract_entities"), (quote_extract, "extract_quotes")):
        real = getattr(module, name)

        def spy(*args, _real=real, _name=name, **kwargs):
            calls.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, spy)
    return calls


def test_a_start_from_the_cache_imports_no_extractor() -> None:
    # Making the extractors' tables (regexes, the given names) took 0.4 s of the cached
    # start of 100,000 articles, which needs none of them.
    code = (
        "import sys\n"
        "import tui.build.corpus_index, tui.build.documents\n"
        "print(sorted(m for m in sys.modules if m.startswith(('tui.quotes.cues', "
        "'tui.quotes.extract', 'tui.entities.mining', 'tui.entities.extract', "
        "'tui.build.parallel'))))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent, check=True)
    assert run.stdout.strip() == "[]"


def _same(a: CorpusIndex, b: CorpusIndex) -> None:
    assert [e.to_json() for e in a.entities] == [e.to_json() for e in b.entities]
    assert [q.to_json() for q in a.quotes] == [q.to_json() for q in b.quotes]
    assert a.quote_by_id.keys() == b.quote_by_id.keys()
    assert {k: [q.id for q in v] for k, v in a.clusters.items()} == {
        k: [q.id for q in v] for k, v in b.clusters.items()
    }
    for query in ("Kono", "South Korea", "trade", "Ravena", "zzzz"):
        assert [p.to_json() for p in a.search.search(query)] == [
            p.to_json() for p in b.search.search(query)
        ]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(folder))
    return folder


def test_second_build_reads_the_cache_and_gives_equal_results(
    bundled: list[Document], cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _calls(monkeypatch)
    stages: list[tuple[str, int, int]] = []
    first = CorpusIndex.build(bundled, Settings())
    assert calls == ["extract_entities", "extract_quotes"]
    assert list(cache_dir.glob("index-*.pickle"))
    second = CorpusIndex.build(bundled, Settings(), lambda *s: stages.append(s))
    assert calls == ["extract_entities", "extract_quotes"]  # nothing built again
    _same(first, second)
    # the stream and the postings read back as maps of the entry, not copies
    import mmap

    assert isinstance(second.search.stream, mmap.mmap)
    assert isinstance(second.search.post_docs, memoryview)
    assert list(second.search.post_docs) == list(first.search.post_docs)
    assert list(second.search.post_tfs) == list(first.search.post_tfs)
    finder = second.quote_finder
    assert finder is not None and isinstance(finder.stream, mmap.mmap)
    assert isinstance(finder.numbers, memoryview)
    for text in ("Korea", "intelligence sharing", '"South Korea"', "kono", "zzzz"):
        assert [q.id for q in second.query(text, typing=False).quotes] == [
            q.id for q in first.query(text, typing=False).quotes]
    n = len(bundled)
    assert [s[0] for s in stages] == ["documents", "search", "entities", "quotes"]
    assert all(done == total == n for _, done, total in stages)


def test_a_changed_document_rebuilds(
    bundled: list[Document], cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _calls(monkeypatch)
    CorpusIndex.build(bundled, Settings())
    first = bundled[0]
    edited = [Document(first.id, first.path, first.text + "\n", first.meta), *bundled[1:]]
    CorpusIndex.build(edited, Settings())
    assert calls.count("extract_entities") == 2


def test_changed_aliases_or_ignore_rebuild(
    bundled: list[Document], cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _calls(monkeypatch)
    plain = CorpusIndex.build(bundled, Settings())
    aliased = Settings(entities=EntitySettings(aliases={"Taro Kono": ["Kono Taro"]}))
    CorpusIndex.build(bundled, aliased)
    ignoring = Settings(entities=EntitySettings(ignore=[plain.entities[0].name]))
    third = CorpusIndex.build(bundled, ignoring)
    assert calls.count("extract_entities") == 3
    assert plain.entities[0].name not in {e.name for e in third.entities}


@pytest.mark.parametrize("damage", ["truncate", "garbage", "foreign", "empty"])
def test_a_damaged_cache_file_rebuilds(
    bundled: list[Document], cache_dir: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    first = CorpusIndex.build(bundled, Settings())
    (path,) = cache_dir.glob("index-*.pickle")
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\x80\x05not a pickle at all" * 10)
    elif damage == "foreign":
        key = path.stem.split("-", 1)[1]
        cache.store("index", key, {"format": "index-1", "entities": "nope", "quotes": 3})
    else:
        path.write_bytes(b"")
    calls = _calls(monkeypatch)
    second = CorpusIndex.build(bundled, Settings())
    assert calls == ["extract_entities", "extract_quotes"]
    _same(first, second)


def test_cache_off_never_writes(
    bundled: list[Document], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV_VAR, "off")
    calls = _calls(monkeypatch)
    CorpusIndex.build(bundled, Settings())
    CorpusIndex.build(bundled, Settings())
    assert calls.count("extract_entities") == 2


def test_another_corpus_is_a_miss(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("Taro Kono said: \"We will respond firmly.\"\n", "utf-8")
    docs = load_corpus(corpus).documents
    calls = _calls(monkeypatch)
    one = CorpusIndex.build(docs, Settings())
    (corpus / "b.md").write_text("Moon Jae-in visited Tokyo on Monday.\n", "utf-8")
    two = CorpusIndex.build(load_corpus(corpus).documents, Settings())
    assert calls.count("extract_entities") == 2
    assert len(two.documents) == len(one.documents) + 1


def test_a_load_key_stands_for_the_texts(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # as the dashboard and the command line start: the load's key, not the texts hashed again
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("Taro Kono said: \"We will respond firmly.\"\n", "utf-8")
    settings = Settings(corpus=corpus)
    calls = _calls(monkeypatch)
    texts_hashed: list[bool] = []
    real = cache.fingerprint

    def spy(documents, *salt, texts=True):
        texts_hashed.append(texts)
        return real(documents, *salt, texts=texts)

    monkeypatch.setattr(cache, "fingerprint", spy)

    def start() -> CorpusIndex:
        loaded = load_documents(settings)
        assert loaded.key
        return CorpusIndex.build(loaded.documents, settings, documents_key=loaded.key)

    first, second = start(), start()
    assert calls.count("extract_entities") == 1 and texts_hashed == [False, False]
    _same(first, second)
    (corpus / "a.md").write_text("Taro Kono said: \"We will not respond.\"\n", "utf-8")
    third = start()
    assert calls.count("extract_entities") == 2  # an edited file: another load key
    assert "not respond" in third.quotes[0].text
    # without the load's key, the same documents are keyed by their texts: a miss, as
    # a load key cannot be told from their texts
    CorpusIndex.build(third.documents, settings)
    assert calls.count("extract_entities") == 3 and texts_hashed[-1] is True


@pytest.mark.parametrize("value", [{"a": [1, "x"], "b": {"c": b"d"}}, {}, ["not", "a", "dict"], 7])
def test_a_stored_value_reads_back_equal(cache_dir: Path, value: object) -> None:
    # (a mapping is written one value at a time, anything else whole)
    assert cache.store("thing", "k1", value) is not None
    assert cache.load("thing", "k1") == value
    assert cache.load("thing", "k2") is None


def test_a_mapping_cut_short_in_a_later_value_is_a_miss(cache_dir: Path) -> None:
    path = cache.store("thing", "k", {"first": "x" * 1000, "second": list(range(1000))})
    assert path is not None
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 100])
    assert cache.load("thing", "k") is None


def test_the_cache_key_covers_every_core_module() -> None:
    """A module moved into or edited in any sub-package must make old indexes a miss."""
    package = Path(cache.__file__).resolve().parent.parent
    hashed = {p.relative_to(package).as_posix() for p in cache.core_files()}
    for sub in ("corpus", "nlp", "search", "entities", "quotes", "export", "build", "util"):
        modules = {p.relative_to(package).as_posix() for p in (package / sub).glob("*.py")}
        assert modules and modules <= hashed, sub
    assert not any(name.startswith("ui/") for name in hashed)


def test_entities_come_back_with_their_own_alias_lists(
    bundled: list[Document], cache_dir: Path
) -> None:
    first = CorpusIndex.build(bundled, Settings())
    second = CorpusIndex.build(bundled, Settings())
    assert second.built_by[0] == "cache"
    assert [e.aliases for e in second.entities] == [e.aliases for e in first.entities]
    assert any(e.aliases for e in second.entities)
    lists = [e.aliases for e in second.entities]
    assert len({id(a) for a in lists}) == len(lists)  # none shared: each may be changed


@pytest.mark.parametrize("column, value", [
    ("type", []), ("type", ["PERSON"]), ("name", "not a list"), ("aliases", [1, 2]),
    ("sources", (1, 2, 3)), ("mentions", ()), ("mentions", ([], "i", "little")),
])
def test_entity_columns_of_another_shape_are_a_miss(
    bundled: list[Document], cache_dir: Path, monkeypatch: pytest.MonkeyPatch,
    column: str, value: object,
) -> None:
    first = CorpusIndex.build(bundled, Settings())
    (path,) = cache_dir.glob("index-*.pickle")
    state = first._state()
    state["entities"] = {**state["entities"], column: value}
    cache.store("index", path.stem.split("-", 1)[1], state)
    calls = _calls(monkeypatch)
    second = CorpusIndex.build(bundled, Settings())
    assert calls == ["extract_entities", "extract_quotes"]  # built again, not a crash
    _same(first, second)
