"""The index build as a map over chunks of documents, on a process pool or a Dask cluster.

Entities need the whole corpus, so the stages cannot simply be split by document.
What can be is the map (tui/build/chunks.py), two kinds of task over contiguous runs of
documents: mining names, a shard at a time (the shards every build mines, cut in the
same places: ``entities.mining.SHARD_DOCUMENTS``), and finding quotations with their
speakers as the text names them. Every name task is queued before any quotation task.
The results come back here, where the reduce runs:

* the shards' names are taken in, in corpus order, by one miner
  (``extract_entities(shards=...)``), which then merges them into entities, while the
  workers go on to the quotations;
* the chunks' quotations are put end to end, in corpus order; the speakers' spelling
  from the entities' names, and the clusters, are settled over all of them
  (``settle_quotes``), then the quote browser's postings are made.

The search postings need every document in one stream: this process builds them while
the pool mines, and before each merge takes the tasks no worker has begun, from the
last back.

The result is the serial build's, object for object. The pool's workers come from the
standard library's forkserver, never from a fork of this process: the dashboard builds
in a thread, and forking a process that runs threads can deadlock the child. So the
documents travel to the workers, pickled a chunk at a time. A worker leaves signals
alone (``_quiet_signals``): a terminal resize or the app's event loop are this
process's business. Where there is no forkserver (Windows), a single core, a small
corpus, or the pool fails in any way, the caller builds in-process instead (``None``
here).

Given a Dask scheduler's address, the same map runs on that cluster's workers (each
needs this package, at the same version); a cluster that cannot be reached, or fails,
is a :class:`BuildError` the caller shows in one line.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from tui.build.chunks import Extracted, chunked, mine_chunk, quote_chunk
from tui.corpus.document import Document
from tui.entities.extract import extract_entities
from tui.entities.mining import MinedShard, shards
from tui.entities.model import Entity
from tui.entities.readings import keeping_readings
from tui.errors import BuildError
from tui.nlp.places import folding
from tui.quotes.extract import settle_quotes
from tui.quotes.finder import QuoteFinder
from tui.quotes.model import Quote, quotes_from_columns
from tui.search.index import SearchIndex

# Below this many characters starting a pool costs more than it saves.
MIN_CHARS = 1_000_000
# Set to "off" to always build in one process (for measuring, or a constrained host).
ENV_VAR = "NEWSDESK_PARALLEL"
# Seconds to wait for a Dask scheduler to answer, and for its first worker.
CONNECT_TIMEOUT = 10.0
INSTALL_HINT = "pip install 'newsdesk[dask]'"


# (CPU seconds, peak resident MB) of the last build's workers, for `newsdesk bench`: a
# process from the forkserver is not this process's child, so getrusage cannot see it.
# Each task reports its own; the CPU is summed, the peak is the largest.
last_worker_usage: tuple[float, float] = (0.0, 0.0)


class WorkerFailed(Exception):
    """A task or the pool failed; build in-process instead."""


class _Pending(Protocol):
    """A task's future: concurrent.futures' or Dask's."""

    def result(self) -> Any: ...
    def done(self) -> bool: ...


@dataclass
class Built:
    search: SearchIndex
    entities: list[Entity]
    quotes: list[Quote]
    finder: QuoteFinder
    where: str  # "process pool" or "dask cluster"
    workers: int


def workers() -> int:
    """The local pool's size: every core but the one this process builds postings on."""
    return max(1, (os.cpu_count() or 1) - 1)


def available(documents: list[Document]) -> bool:
    """Whether a build on a local pool is possible and worth it here."""
    return (
        os.environ.get(ENV_VAR, "").strip().lower() not in ("off", "0", "no")
        and "forkserver" in multiprocessing.get_all_start_methods()
        and (os.cpu_count() or 1) >= 2
        and sum(d.chars for d in documents) >= MIN_CHARS
    )


def build(
    documents: list[Document],
    aliases: dict[str, list[str]],
    ignore: list[str],
    progress: Callable[[str, int, int], None] | None = None,
    *,
    scheduler: str | None = None,
    chunk_size: int | None = None,
) -> Built | None:
    """(search, entities, quotes, quote finder) as the serial build makes them.

    Without ``scheduler``, on a local pool: None if the pool could not do its part
    (nothing is left running either way). With it, on that Dask cluster: BuildError if
    the cluster cannot be reached or fails. ``chunk_size``: documents per task (default:
    several tasks per worker)."""
    with _prompt_handoffs():
        if scheduler:
            return _on_cluster(documents, aliases, ignore, progress, scheduler, chunk_size)
        return _on_pool(documents, aliases, ignore, progress, chunk_size)


# How long this process's busy thread may hold the interpreter while another waits for
# it, during a build (Python's default is 5 ms): see _prompt_handoffs.
HANDOFF_SECONDS = 0.001


@contextmanager
def _prompt_handoffs() -> Iterator[None]:
    """Hand the interpreter over sooner while the build runs here. The threads that
    carry the tasks and their results (the pool's, or Dask's) move a chunk of the pipe
    at a time (64 KB), and between two they wait for the interpreter, which the
    thread building the postings or merging holds for up to the switch interval: at
    the default, a worker waited 0.13 s, on average, for its megabyte of names to be
    taken before it could start its next task (0.05 s at 1 ms), 3 s of a 10,000-
    article build's worker time."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, HANDOFF_SECONDS))
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


def _on_pool(
    documents: list[Document],
    aliases: dict[str, list[str]],
    ignore: list[str],
    progress: Callable[[str, int, int], None] | None,
    chunk_size: int | None,
) -> Built | None:
    size = workers()
    chunks = (shards(documents), chunked(documents, size, chunk_size))
    try:
        pool = ProcessPoolExecutor(size, mp_context=_context(), initializer=_start_worker)
    except Exception:  # (no processes or no semaphores here: the caller builds)
        return None
    _pools.add(pool)
    try:
        try:
            # every chunk's names first, then every chunk's quotations (see _reduce)
            mined: list[_Pending | None] = [pool.submit(mine_chunk, c) for c in chunks[0]]
            found: list[_Pending | None] = [pool.submit(quote_chunk, c) for c in chunks[1]]
        except Exception:  # a worker could not start, however: the caller builds
            return None
        return _reduce(documents, chunks, (mined, found), aliases, ignore, progress,
                       "process pool", size, share=True)
    except (WorkerFailed, BrokenExecutor, OSError):
        return None
    finally:
        _pools.discard(pool)
        pool.shutdown(wait=True, cancel_futures=True)


# The pools of the builds running now, for :func:`abandon`.
_pools: set[ProcessPoolExecutor] = set()


def abandon() -> None:
    """Stop every build's workers now: the dashboard is quitting mid-build. (The
    standard library would otherwise have the interpreter wait, at exit, for every
    chunk still queued: minutes, in a large archive.) The builds themselves end in
    failure, and nobody waits for them."""
    for pool in list(_pools):
        pool.shutdown(wait=False, cancel_futures=True)
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            try:
                process.kill()
            except (OSError, ValueError, AttributeError):
                pass


def _context() -> multiprocessing.context.ForkServerContext:
    """The forkserver: forking the caller itself would copy a process that runs threads
    (the dashboard builds in one), which is unsafe; the server is a single-threaded
    process that has imported the map's modules once, and each worker is a fork of it."""
    context = multiprocessing.get_context("forkserver")
    assert isinstance(context, multiprocessing.context.ForkServerContext)
    context.set_forkserver_preload([__name__])
    return context


# In a worker: the block that keeps the readings of runs for the worker's life.
_worker_readings = ExitStack()


def _start_worker() -> None:
    """A worker's start: signals left alone (``_quiet_signals``), and the readings of
    runs kept across every shard the worker mines (a pool, and its workers, live for
    one build: the readings go with the process)."""
    _quiet_signals()
    _worker_readings.enter_context(keeping_readings())


def _quiet_signals() -> None:
    """In a worker: a terminal resize or the app's event loop are the parent's business
    (a signal here must not wake the parent's loop through its inherited wake-up pipe)."""
    try:
        signal.set_wakeup_fd(-1)
        if hasattr(signal, "SIGWINCH"):
            signal.signal(signal.SIGWINCH, signal.SIG_DFL)
    except (ValueError, OSError):
        pass


@folding()  # (one memo of folded names for the shards mined here and for the merge)
def _reduce(
    documents: list[Document],
    chunks: tuple[list[list[Document]], list[list[Document]]],
    tasks: tuple[list[_Pending | None], list[_Pending | None]],
    aliases: dict[str, list[str]],
    ignore: list[str],
    progress: Callable[[str, int, int], None] | None,
    where: str,
    size: int,
    share: bool = False,
) -> Built:
    """The search postings here while the workers mine names, then the entities merged
    here while the workers find quotations, then the quotations settled here (the
    futures of ``tasks``, the names' and the quotations', are emptied as they are
    taken in). With ``share`` (a local pool), this process also takes the chunks no
    worker has begun, from the last back, before each merge: the two ends meet in
    the middle. While it waits for a shard a worker is still mining, it finds
    quotations (the merge needs every shard, the quotations nothing)."""
    mined, found = tasks
    shards_of, quotes_of = chunks  # (the chunks whose names, and whose quotations, are mined)
    n = len(documents)
    stage = (lambda done, total: progress("search", done, total)) if progress else None
    search = SearchIndex.build(documents, stage)
    usage: list[tuple[float, float]] = []
    here: dict[int, Extracted] = {}
    if share:
        with keeping_readings():  # (for the shards mined here, not the merge)
            _take_unbegun(shards_of, mined, mine_chunk, progress, "entities", here)
    quoted_here: dict[int, Extracted] = {}  # (quotation chunks done here)

    def taken_in() -> Iterator[MinedShard]:
        for i in range(len(shards_of)):
            if share and i not in here:
                # while a worker still mines this shard, find quotations here (from the
                # last chunk back): the merge cannot begin before every shard is in.
                # (Their progress shows with the quotations' stage, not in the middle
                # of the names'.)
                _take_unbegun(quotes_of, found, quote_chunk, None, "quotes",
                              quoted_here, until=_done_or_gone(mined[i]))
            try:
                shard = _taken(mined, here, i, usage).shard()
            except (TypeError, pickle.UnpicklingError) as error:
                raise WorkerFailed(f"names of another shape: {error}") from None
            _report(progress, "entities", shards_of, mined, {}, i + 1)
            yield shard

    entities = extract_entities([], aliases=aliases, ignore=ignore, shards=taken_in())
    if progress:
        progress("entities", n, n)
    if share:
        _take_unbegun(quotes_of, found, quote_chunk, progress, "quotes", quoted_here)
    try:
        quotes = []
        for i in range(len(quotes_of)):
            quotes.extend(quotes_from_columns(_taken(found, quoted_here, i, usage).quotes()))
    except (KeyError, TypeError, ValueError, pickle.UnpicklingError) as error:
        raise WorkerFailed(f"quotations of another shape: {error}") from None
    settle_quotes(quotes, entities, {d.id: d for d in documents})
    finder = QuoteFinder.build(search, quotes)
    if progress:
        progress("quotes", n, n)
    global last_worker_usage
    last_worker_usage = (
        sum(cpu for cpu, _rss in usage), max((rss for _cpu, rss in usage), default=0.0)
    )
    return Built(search, entities, quotes, finder, where, size)


def _take_unbegun(
    chunks: list[list[Document]],
    futures: list[_Pending | None],
    task: Callable[[list[Document]], Extracted],
    progress: Callable[[str, int, int], None] | None,
    stage: str,
    here: dict[int, Extracted],
    until: Callable[[], bool] | None = None,
) -> None:
    """Run here, into ``here``, the tasks no worker has begun, from the last back (a
    pool hands them out in order, so the first that cannot be cancelled ends the run),
    skipping those already run here; before each, stop if ``until()`` says so."""
    for i in reversed(range(len(chunks))):
        if i in here:
            continue
        if until is not None and until():
            return
        cancel = getattr(futures[i], "cancel", None)
        if cancel is None or not cancel():
            return
        here[i] = task(chunks[i])
        _report(progress, stage, chunks, futures, here)


def _done_or_gone(future: _Pending | None) -> Callable[[], bool]:
    return lambda: future is None or future.done()


def _taken(
    futures: list[_Pending | None], here: dict[int, Extracted], i: int,
    usage: list[tuple[float, float]],
) -> Extracted:
    """Task ``i``'s result, from here or from its worker (whose cost is noted). A
    future holds its result: each is let go of once taken in, not kept to the end."""
    extracted = here.pop(i, None)
    if extracted is None:
        extracted = _result(futures[i])
        usage.append((extracted.cpu_seconds, extracted.peak_rss_mb))
    futures[i] = None
    return extracted


def _result(future: _Pending | None) -> Extracted:
    assert future is not None
    try:
        extracted = future.result()
    except Exception as error:  # (the worker's own, or the pool's: the caller falls back)
        raise WorkerFailed(f"{type(error).__name__}: {error}") from error
    if not isinstance(extracted, Extracted):
        raise WorkerFailed(f"a task gave {type(extracted).__name__}")
    return extracted


def _report(
    progress: Callable[[str, int, int], None] | None,
    stage: str,
    chunks: list[list[Document]],
    futures: list[_Pending | None],
    here: dict[int, Extracted],
    taken: int = 0,
) -> None:
    """Progress of one kind of task: the documents of every chunk done (taken in, done
    by a worker, or done here)."""
    if progress:
        done = sum(len(chunk) for i, (chunk, future) in enumerate(zip(chunks, futures))
                   if i < taken or i in here or future is None or future.done())
        progress(stage, done, sum(map(len, chunks)))


def _on_cluster(
    documents: list[Document],
    aliases: dict[str, list[str]],
    ignore: list[str],
    progress: Callable[[str, int, int], None] | None,
    scheduler: str,
    chunk_size: int | None,
) -> Built:
    """The map on a Dask cluster: the chunks are scattered to its workers, the tasks
    run there, the reduce here."""
    try:
        import distributed
    except ImportError:
        raise BuildError(f"building on a Dask cluster needs Dask: {INSTALL_HINT}") from None
    try:
        client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise BuildError(
            f"cannot reach the Dask scheduler at {scheduler}: {_reason(error)}") from None
    try:
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as error:
            raise BuildError(f"no Dask worker joined the scheduler at {scheduler} within "
                             f"{CONNECT_TIMEOUT:g} s ({_reason(error)})") from None
        size = max(1, sum(client.nthreads().values()))
        # the quotations' chunks are the shards, sent once for both, unless cut otherwise
        mine_chunks = shards(documents)
        quote_chunks = chunked(documents, size, chunk_size) if chunk_size else mine_chunks
        scattered = client.scatter(mine_chunks, hash=False)
        mined: list[_Pending | None] = list(client.map(mine_chunk, scattered, pure=False))
        if quote_chunks is not mine_chunks:
            scattered = client.scatter(quote_chunks, hash=False)
        found: list[_Pending | None] = list(client.map(quote_chunk, scattered, pure=False))
        try:
            return _reduce(documents, (mine_chunks, quote_chunks), (mined, found), aliases,
                           ignore, progress, "dask cluster", size)
        except WorkerFailed as error:
            raise BuildError(f"the build failed on the Dask cluster at {scheduler}: {error} "
                             "(is newsdesk, at this version, installed on every worker?)"
                             ) from None
    except (OSError, TimeoutError) as error:  # (the connection lost on the way)
        raise BuildError(f"lost the Dask scheduler at {scheduler}: {_reason(error)}") from None
    finally:
        client.close()


def _reason(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
