"""A second start reads the loaded documents back from the disk cache, and never a
stale one: a file added, removed, touched or edited is read again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.build import cache
from tui.build import documents as documents_module
from tui.build.documents import load_documents
from tui.config import Settings
from tui.corpus.loader import LoadResult, load_corpus

BUNDLED = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(BUNDLED, folder)
    (folder / "notes.docx").write_bytes(b"not a format we read")
    (folder / "empty.md").write_text("")
    return folder


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(folder))
    return folder


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The corpora the loader itself reads (a cache hit reads none)."""
    seen: list[Path] = []

    def spy(root: Path, *args: object, **kwargs: object) -> LoadResult:
        seen.append(Path(root))
        return load_corpus(root, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(documents_module, "load_corpus", spy)
    return seen


def _same(a: LoadResult, b: LoadResult) -> None:
    assert a.documents == b.documents
    assert [d.id for d in a.documents] == [d.id for d in b.documents]
    assert [d.to_json() for d in a.documents] == [d.to_json() for d in b.documents]
    assert [d.notes for d in a.documents] == [d.notes for d in b.documents]
    assert [(d.section_kind_at(0), d.chars) for d in a.documents] == [
        (d.section_kind_at(0), d.chars) for d in b.documents]
    assert a.warnings == b.warnings
    assert a.skipped == b.skipped
    assert a.files_loaded == b.files_loaded


def test_a_second_load_reads_the_cache_and_gives_the_same_documents(
    corpus: Path, cache_dir: Path, loads: list[Path]
) -> None:
    settings = Settings(corpus=corpus)
    first = load_documents(settings)
    assert loads == [corpus] and list(cache_dir.glob("documents-*.pickle"))
    second = load_documents(settings)
    assert loads == [corpus]  # read back, not loaded
    _same(first, second)
    _same(second, load_corpus(corpus))
    assert {s.path for s in second.skipped} == {"notes.docx", "empty.md"}


@pytest.mark.parametrize("change", ["edit", "touch", "add", "remove"])
def test_any_change_to_the_files_loads_again(
    corpus: Path, cache_dir: Path, loads: list[Path], change: str
) -> None:
    settings = Settings(corpus=corpus)
    load_documents(settings)
    victim = sorted(corpus.glob("*.md"))[1]
    if change == "edit":
        victim.write_text(victim.read_text().replace("the", "a", 1))
    elif change == "touch":
        stat = victim.stat()
        os.utime(victim, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    elif change == "add":
        (corpus / "zz-new.md").write_text("# A new article\n\nIt said nothing.\n")
    else:
        victim.unlink()
    again = load_documents(settings)
    assert loads == [corpus, corpus]
    _same(again, load_corpus(corpus))


def test_other_settings_are_another_entry(
    corpus: Path, cache_dir: Path, loads: list[Path]
) -> None:
    load_documents(Settings(corpus=corpus))
    small = load_documents(Settings(corpus=corpus, max_file_mb=0))
    assert len(loads) == 2
    assert not small.documents and small.skipped


def test_a_corrupt_entry_is_a_miss(corpus: Path, cache_dir: Path, loads: list[Path]) -> None:
    settings = Settings(corpus=corpus)
    first = load_documents(settings)
    for entry in cache_dir.glob("documents-*.pickle"):
        entry.write_bytes(entry.read_bytes()[:-100] + b"\0" * 100)
    again = load_documents(settings)
    assert len(loads) == 2
    _same(first, again)


def test_no_cache_loads_every_time(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, loads: list[Path]
) -> None:
    monkeypatch.setenv(cache.ENV_VAR, "off")
    load_documents(Settings(corpus=corpus))
    load_documents(Settings(corpus=corpus))
    assert len(loads) == 2


def test_texts_come_back_mapped_whole_and_picklable(cache_dir: Path) -> None:
    import pickle

    from tui.corpus.document import Document

    texts = ["plain ascii", "café “quoted”", "漢字のテキスト", "lone \udc80 surrogate", ""]
    docs = [Document(f"d{i}", f"d{i}.md", text) for i, text in enumerate(texts)]
    state = documents_module._state(LoadResult(docs, [], [], len(docs)))
    assert state is not None and cache.store("documents", "k", state) is not None
    back = documents_module._restore(cache.load("documents", "k"))
    assert back is not None
    # each text a view of the entry's mapped file until it is read
    assert all(isinstance(d._stored, memoryview) for d in back.documents)
    assert [d.text for d in back.documents] == texts
    assert [d.chars for d in back.documents] == [len(t) for t in texts]
    assert back.documents == docs
    # a build's workers get them pickled: as bytes, not as views of a map
    again = pickle.loads(pickle.dumps(back.documents))
    assert again == docs and [d.text for d in again] == texts


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text() | st.text("ab \udc80\ud800€漢“", max_size=20), max_size=6))
def test_any_texts_read_back_from_the_map_as_they_went_in(
    texts: list[str], cache_dir: Path
) -> None:
    from tui.corpus.document import Document

    docs = [Document(f"d{i}", f"d{i}.md", text) for i, text in enumerate(texts)]
    state = documents_module._state(LoadResult(docs, [], [], len(docs)))
    assert state is not None and cache.store("documents", "h", state) is not None
    back = documents_module._restore(cache.load("documents", "h"))
    assert back is not None
    assert [d.text for d in back.documents] == texts
    assert [d.encoded for d in back.documents] == [d.encoded for d in docs]
