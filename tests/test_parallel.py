"""The build on a process pool gives the serial build's index, and falls back to it
cleanly."""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
from pathlib import Path

import pytest

from tui.build import cache, parallel
from tui.build import chunks as chunks_module
from tui.build.chunks import chunked
from tui.build.corpus_index import CorpusIndex
from tui.config import EntitySettings, Settings
from tui.corpus.document import Document
from tui.corpus.loader import load_corpus

pytestmark = pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="no forkserver here"
)

SETTINGS = Settings(entities=EntitySettings(aliases={"Taro Kono": ["Kono Taro"]}))


def _build(docs: list[Document], monkeypatch: pytest.MonkeyPatch, mode: str) -> CorpusIndex:
    monkeypatch.setenv(parallel.ENV_VAR, mode)
    reports: list[tuple[str, int]] = []
    index = CorpusIndex.build(
        docs, SETTINGS, lambda stage, done, total: reports.append((stage, done)))
    if mode != "off" and index.built_by[0] == "one process":
        return index  # (the pool failed: the build started again here, and so did its bar)
    # a progress bar that never goes back: the stages one after another, each counting up
    stages = [stage for stage, _done in reports]
    assert [s for i, s in enumerate(stages) if i == 0 or stages[i - 1] != s] == [
        "documents", "search", "entities", "quotes"]
    for stage in ("search", "entities", "quotes"):
        counts = [done for s, done in reports if s == stage]
        assert counts == sorted(counts), stage
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


def test_a_pool_builds_what_one_process_builds(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    built = parallel.build(bundled, {}, [])
    assert built is not None and built.where == "process pool"  # the pool did its part
    serial = _build(bundled, monkeypatch, "off")
    pooled = _build(bundled, monkeypatch, "on")
    assert serial.built_by == ("one process", 0)
    assert pooled.built_by == ("process pool", 1)
    assert _json(pooled) == _json(serial)
    cpu, rss = parallel.last_worker_usage
    assert cpu > 0 and rss > 0  # (the tasks' own, summed and the largest)


def test_every_chunking_gives_the_same_index(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    """Several shards taken in one after another, in corpus order, whatever their
    sizes (and whichever of them this process took while the worker was busy)."""
    serial = _json(_build(bundled, monkeypatch, "off"))
    monkeypatch.setenv(parallel.ENV_VAR, "on")
    for size in (1, 2, 3, 4, len(bundled)):
        index = CorpusIndex.build(bundled, SETTINGS, chunk_size=size)
        assert index.built_by[0] == "process pool"
        assert _json(index) == serial, size


def test_chunks_are_contiguous_and_shrink_towards_the_end(bundled: list[Document]) -> None:
    docs = bundled * 2000  # (10,000 documents)
    for workers, size in ((1, None), (3, None), (1, 7), (2, 1000)):
        chunks = chunked(docs, workers, size)
        assert [d for chunk in chunks for d in chunk] == docs
        sizes = list(map(len, chunks))
        if size is None:
            # several a worker, the largest first, the last as small as allowed
            assert len(chunks) >= chunks_module.GUIDE * (workers + 1)
            assert sizes == sorted(sizes, reverse=True)[: len(sizes) - 1] + sizes[-1:]
            assert max(sizes) <= chunks_module.MAX_CHUNK
            assert min(sizes[:-1]) == chunks_module.MIN_CHUNK
        else:
            assert max(sizes) == min(size, len(docs))
    assert max(map(len, chunked(bundled * 40000, 1))) == chunks_module.MAX_CHUNK
    assert chunked(bundled, 1) == [bundled]  # (fewer documents than the smallest chunk)


def test_a_failing_task_falls_back_to_one_process(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    serial = _json(_build(bundled, monkeypatch, "off"))
    # a task the workers cannot run: its function cannot be pickled
    monkeypatch.setattr(parallel, "quote_chunk", lambda chunk: None)
    assert parallel.build(bundled, {}, []) is None
    index = _build(bundled, monkeypatch, "on")
    assert index.built_by == ("one process", 0)
    assert _json(index) == serial


def test_a_worker_exception_falls_back_to_one_process(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    serial = _json(_build(bundled, monkeypatch, "off"))
    monkeypatch.setattr(_ReadableHereOnly, "here", True)
    first = bundled[0]
    spoilt = _ReadableHereOnly(first.id, first.path, first.text, first.meta,
                               first.paragraphs, first.sections)
    # (first: a worker takes it while this process builds the postings, and raises)
    assert parallel.build([spoilt, *bundled[1:]], {}, [], chunk_size=1) is None
    monkeypatch.setenv(parallel.ENV_VAR, "on")
    index = CorpusIndex.build([spoilt, *bundled[1:]], SETTINGS, chunk_size=1)
    assert index.built_by == ("one process", 0)
    assert _json(index) == serial


class _ReadableHereOnly(Document):
    """A document whose text cannot be read in another process."""

    __slots__ = ()
    here = False  # (True in the test's process only)

    @property
    def text(self) -> str:
        if not type(self).here:
            raise RuntimeError("not readable here")
        return Document.text.__get__(self)


def test_no_worker_process_falls_back_to_one_process(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    serial = _json(_build(bundled, monkeypatch, "off"))

    class NoProcesses(multiprocessing.context.ForkServerContext):
        def Process(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
            raise OSError("no processes allowed")

    monkeypatch.setattr(parallel, "_context", NoProcesses)
    before = _shm_and_tmp()
    assert parallel.build(bundled, {}, []) is None
    assert _shm_and_tmp() <= before  # (nor is a file left behind)
    assert _json(_build(bundled, monkeypatch, "on")) == serial


def test_the_workers_are_not_forks_of_this_process(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    """The dashboard builds in a thread: forking it would copy a threaded process."""

    def no_fork() -> int:
        raise AssertionError("this process forked")

    monkeypatch.setattr(os, "fork", no_fork)
    assert parallel.build(bundled, {}, [], chunk_size=1) is not None


def test_small_corpora_and_single_cores_stay_in_process(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not parallel.available(bundled)  # five articles: a pool costs more than it saves
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert not parallel.available(bundled)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setenv(parallel.ENV_VAR, "off")
    assert not parallel.available(bundled)


def test_mined_shards_survive_pickling(bundled: list[Document]) -> None:
    import pickle

    from tui.entities.extract import extract_entities
    from tui.entities.mining import mine_shard

    whole = [e.to_json() for e in extract_entities(bundled)]
    for cuts in ((2,), (1, 2, 3, 4), (0, 3), (5,)):
        bounds = [0, *cuts, len(bundled)]
        shards = [
            pickle.loads(pickle.dumps(mine_shard(bundled[a:b]), pickle.HIGHEST_PROTOCOL))
            for a, b in zip(bounds[1:], bounds[2:])
        ]
        both = extract_entities(bundled[: bounds[1]], shards=shards)
        assert [e.to_json() for e in both] == whole, cuts
        alone = extract_entities([], shards=[mine_shard(bundled[a:b])
                                             for a, b in zip(bounds, bounds[1:])])
        assert [e.to_json() for e in alone] == whole, cuts


@pytest.mark.alone  # (a test running beside it makes semaphores of its own)
def test_the_build_leaves_no_files(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    import multiprocessing.forkserver

    # (the forkserver's own folder lives as long as this process, whichever test
    # starts it: it is started before the count)
    parallel._context()
    multiprocessing.forkserver.ensure_running()
    before = _shm_and_tmp()
    assert parallel.build(bundled, {}, []) is not None
    assert _shm_and_tmp() <= before


DEVSET = Path(__file__).resolve().parent.parent.parent / "shared" / "devset" / "polnear-train"


@pytest.mark.skipif(not (DEVSET / "corpus").is_dir(), reason="the development set is not here")
def test_real_news_gives_the_same_entities_on_a_pool_and_in_one_process(
    monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    """837 real articles, two shards and more: a name's first mentions (its casing, its
    strong evidence) are read shard by shard in every build, so where the work runs,
    and how the quotations' chunks are cut, changes nothing."""
    from tui.entities.mining import SHARD_DOCUMENTS

    docs = load_corpus(DEVSET / "corpus").documents
    assert len(docs) > SHARD_DOCUMENTS  # (two shards at least)
    serial = _json(_build(docs, monkeypatch, "off"))
    monkeypatch.setenv(parallel.ENV_VAR, "on")
    index = CorpusIndex.build(docs, SETTINGS, chunk_size=97)
    assert index.built_by[0] == "process pool"
    assert _json(index) == serial


class _Task:
    """A pool's future, run on demand: not done until asked ``polls`` times, and
    cancellable unless ``begun`` (by a worker)."""

    def __init__(self, run: object, chunk: list[Document], polls: int = 0,
                 begun: bool = False) -> None:
        self.run, self.chunk, self.polls, self.begun = run, chunk, polls, begun
        self.cancelled = False

    def done(self) -> bool:
        self.polls -= 1
        return self.polls < 0

    def cancel(self) -> bool:
        self.cancelled = not self.begun
        return self.cancelled

    def result(self) -> object:
        assert not self.cancelled
        return self.run(self.chunk)  # type: ignore[operator]


def test_quotations_are_found_here_while_a_shard_is_still_mined(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    """While a worker still mines a shard, this process takes quotation chunks from the
    last back; the result is the serial build's, and the progress bar never goes back."""
    from tui.entities import mining

    monkeypatch.setattr(mining, "SHARD_DOCUMENTS", 2)  # (three shards of the five)
    serial = _build(bundled, monkeypatch, "off")
    shards_of, quotes_of = mining.shards(bundled), chunked(bundled, 1, 1)
    # every shard begun by a worker, the second done only after three looks
    mined = [_Task(parallel.mine_chunk, c, polls=3 if i == 1 else 0, begun=True)
             for i, c in enumerate(shards_of)]
    found = [_Task(parallel.quote_chunk, c) for c in quotes_of]
    waiting: list[bool] = []  # for each chunk found here: was the second shard pending?
    real = parallel.quote_chunk

    def quote_chunk(chunk: list[Document]) -> object:
        waiting.append(mined[1].polls >= 0)
        return real(chunk)

    monkeypatch.setattr(parallel, "quote_chunk", quote_chunk)
    reports: list[tuple[str, int]] = []
    built = parallel._reduce(
        bundled, (shards_of, quotes_of), (list(mined), list(found)), {}, [],
        lambda stage, done, total: reports.append((stage, done)), "test", 1, share=True)
    # the first shard was taken in, the second was still being mined: quotations were
    # found here meanwhile (from the last chunk back), the rest after the merge
    assert waiting[:2] == [True, True] and waiting[-1] is False
    assert all(t.cancelled for t in found)
    assert [e.to_json() for e in built.entities] == [e.to_json() for e in serial.entities]
    assert [q.to_json() for q in built.quotes] == [q.to_json() for q in serial.quotes]
    stages = [stage for stage, _done in reports]
    assert [s for i, s in enumerate(stages) if i == 0 or stages[i - 1] != s] == [
        "search", "entities", "quotes"]


def test_the_build_hands_over_sooner_and_restores_the_switch_interval(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch, forced: None
) -> None:
    """The threads that carry tasks and results get the interpreter within
    HANDOFF_SECONDS while the pool builds; afterwards, and after a failed pool, the
    process's own setting is back."""
    import sys

    before = sys.getswitchinterval()
    seen: list[float] = []
    built = parallel.build(bundled, {}, [], lambda *_: seen.append(sys.getswitchinterval()))
    assert built is not None and seen
    assert max(seen) <= parallel.HANDOFF_SECONDS < before
    assert sys.getswitchinterval() == before
    monkeypatch.setattr(parallel, "quote_chunk", lambda chunk: None)  # (a failing pool)
    assert parallel.build(bundled, {}, []) is None
    assert sys.getswitchinterval() == before
