"""The two-core build gives the serial build's index, and falls back to it cleanly."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from tui.build import cache, parallel
from tui.build.corpus_index import CorpusIndex
from tui.config import EntitySettings, Settings
from tui.corpus.document import Document

pytestmark = pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="no forkserver here"
)

SETTINGS = Settings(entities=EntitySettings(aliases={"Taro Kono": ["Kono Taro"]}))


def _build(docs: list[Document], monkeypatch: pytest.MonkeyPatch, mode: str) -> CorpusIndex:
    monkeypatch.setenv(parallel.ENV_VAR, mode)
    stages: list[str] = []
    index = CorpusIndex.build(docs, SETTINGS, lambda stage, done, total: stages.append(stage))
    assert {"search", "entities", "quotes"} <= set(stages)
    assert stages[-1] == "quotes"
    return index


def _json(index: CorpusIndex) -> tuple:
    return (
        [e.to_json() for e in index.entities],
        [q.to_json() for q in index.quotes],
        {k: [q.id for q in v] for k, v in index.clusters.items()},
        [p.to_json() for query in ("Kono", "trade", "Japn") for p in index.search.search(query)],
        # the quote browser's answers (its term ids depend on the process's string hashes,
        # which a worker from the forkserver does not share)
        [
            [q.id for q in index.quotes_matching(query)]
            for query in ("Kono", "trade", "Japn", '"South Korea"', "jae-in", "you-geun", "K")
        ],
    )


def _shm_and_tmp() -> set[str]:
    """What the build could leave behind: the names in /dev/shm and the temp folder."""
    import tempfile

    names: set[str] = set()
    for folder in ("/dev/shm", tempfile.gettempdir()):
        if os.path.isdir(folder):
            names.update(os.path.join(folder, n) for n in os.listdir(folder))
    return names


@pytest.fixture
def forced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV_VAR, "off")
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def test_two_cores_build_what_one_builds(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    assert parallel.build(bundled, {}, []) is not None  # the worker really did its part
    serial = _build(bundled, monkeypatch, "off")
    both = _build(bundled, monkeypatch, "on")
    assert _json(both) == _json(serial)


def test_every_split_gives_the_same_index(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    serial = _json(_build(bundled, monkeypatch, "off"))
    for mine, quote in ((0.0, 1.0), (0.3, 0.6), (1.0, 0.0), (0.5, 0.5)):
        monkeypatch.setattr(parallel, "MINE_SHARE", mine)
        monkeypatch.setattr(parallel, "WORKER_SHARE", quote)
        assert _json(_build(bundled, monkeypatch, "on")) == serial


def test_a_failing_worker_falls_back_to_one_process(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    serial = _json(_build(bundled, monkeypatch, "off"))
    real = parallel._Link.send

    def spoilt(link: parallel._Link, kind: str, value: object) -> None:
        # the worker cannot read the documents it is sent
        real(link, kind, b"not documents" if kind == "documents" else value)

    monkeypatch.setattr(parallel._Link, "send", spoilt)
    assert parallel.build(bundled, {}, []) is None
    monkeypatch.setattr(parallel._Link, "send", real)
    assert _json(_build(bundled, monkeypatch, "on")) == serial


def test_no_worker_process_falls_back_to_one_process(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    serial = _json(_build(bundled, monkeypatch, "off"))

    class NoProcesses:
        def Process(self, *args: object, **kwargs: object) -> None:
            raise OSError("no processes allowed")

    monkeypatch.setattr(parallel, "_context", NoProcesses)
    before = _shm_and_tmp()
    assert parallel.build(bundled, {}, []) is None
    assert _shm_and_tmp() <= before  # (nor is a file left behind)
    assert _json(_build(bundled, monkeypatch, "on")) == serial


def test_the_worker_is_not_a_fork_of_this_process(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    """The dashboard builds in a thread: forking it would copy a threaded process."""

    def no_fork() -> int:
        raise AssertionError("this process forked")

    monkeypatch.setattr(os, "fork", no_fork)
    assert parallel.build(bundled, {}, []) is not None


def test_small_corpora_and_single_cores_stay_in_process(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not parallel.available(bundled)  # five articles: a fork costs more than it saves
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert not parallel.available(bundled)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setenv(parallel.ENV_VAR, "off")
    assert not parallel.available(bundled)


def test_a_mined_shard_survives_pickling(bundled: list[Document]) -> None:
    import pickle

    from tui.entities.extract import extract_entities
    from tui.entities.mining import mine_shard

    shard = pickle.loads(pickle.dumps(mine_shard(bundled[2:]), pickle.HIGHEST_PROTOCOL))
    both = extract_entities(bundled[:2], later=lambda: shard)
    assert [e.to_json() for e in both] == [e.to_json() for e in extract_entities(bundled)]


def test_the_build_leaves_no_files(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    before = _shm_and_tmp()
    assert parallel.build(bundled, {}, []) is not None
    assert _shm_and_tmp() <= before


def test_a_message_crosses_as_a_file_with_no_name() -> None:
    """The messages' files have no name from the start: a build killed at any moment
    (tmux kill-session while indexing) cannot leave them behind."""
    from multiprocessing.connection import Pipe

    a, b = Pipe()
    before = _shm_and_tmp()
    parallel._Link(a).send("postings", {"big": list(range(100_000))})
    assert _shm_and_tmp() <= before
    assert parallel._Link(b).receive("postings") == {"big": list(range(100_000))}
    parallel._Link(a).send("postings", 1)
    with pytest.raises(parallel.WorkerFailed):
        parallel._Link(b).receive("search")
