"""The index build on two cores: a worker process takes a share of the work.

Entities need the whole corpus, so the stages cannot simply be split by document.
What can be:

* mining names is document by document: the worker mines the later documents while
  this process mines the earlier ones, then hands over what it found
  (``entities.mine_shard``); the merge into entities runs here;
* the search postings need nothing else: the worker builds them next;
* quotations and their speakers are found document by document without the entities,
  so the worker takes the later documents and this process the earlier ones; the
  speakers' spelling from the entities' names, and the clusters, are settled over all
  of them at the end, here.

The result is the serial build's, object for object. The worker comes from the
standard library's forkserver, never from a fork of this process: the dashboard builds
in a thread, and forking a process that runs threads can deadlock the child. So the
documents travel to the worker as one pickle in an anonymous file (about a tenth of a
second per 10,000 articles). Where there is no forkserver (Windows), a single core, or
the worker fails in any way, the caller builds in-process instead (``None`` here).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import pickle
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection, Pipe
from multiprocessing.reduction import recv_handle, send_handle
from typing import IO, Any

from tui.corpus.document import Document
from tui.entities.extract import extract_entities
from tui.entities.mining import mine_shard
from tui.entities.model import Entity
from tui.nlp.places import load_gazetteer
from tui.quotes.extract import quotes_in_document, settle_quotes
from tui.quotes.finder import QuoteFinder, index_texts
from tui.quotes.model import Quote, quote_columns, quotes_from_columns
from tui.search.index import SearchIndex

# Below this many characters a fork costs more than it saves.
MIN_CHARS = 1_000_000
# Set to "off" to always build in one process (for measuring, or a constrained host).
ENV_VAR = "NEWSDESK_PARALLEL"
# The worker's share of the text, for mining names and for quotations. It also builds
# the postings, while this process merges the names into entities.
MINE_SHARE = 0.4
WORKER_SHARE = 0.6


# (CPU seconds, peak resident MB) of the last build's worker, for `newsdesk bench`: a
# process from the forkserver is not this process's child, so getrusage cannot see it.
last_worker_usage: tuple[float, float] = (0.0, 0.0)


def _own_usage() -> tuple[float, float]:
    try:
        import resource
    except ImportError:  # not on Windows
        return 0.0, 0.0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


class WorkerFailed(Exception):
    """The worker died or raised; build in-process instead."""


def available(documents: list[Document]) -> bool:
    """Whether a two-core build is possible and worth it here."""
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
) -> tuple[SearchIndex, list[Entity], list[Quote], QuoteFinder] | None:
    """(search, entities, quotes, quote finder) as the serial build makes them, or None
    if the worker could not do its part (nothing is left running either way)."""
    split = _split(documents, WORKER_SHARE)
    mine_from = _split(documents, MINE_SHARE)
    load_gazetteer()
    parent, child = Pipe()
    link = _Link(parent)
    worker = None
    starter = None
    try:
        # The documents go first, through an anonymous file; the worker reads them when
        # it starts.
        link.send("documents", documents)
        worker = _context().Process(
            target=_worker_main, args=(child, split, mine_from), daemon=True
        )
        # Starting the first worker starts the forkserver, which imports the build's
        # modules (about half a second): this process does its own share meanwhile.
        starter = threading.Thread(target=_start, args=(worker, child), daemon=True)
        starter.start()
        return _lead(link, documents, split, mine_from, aliases, ignore, progress)
    except (WorkerFailed, OSError, EOFError, ValueError, pickle.PickleError):
        return None
    finally:
        if starter is not None:
            starter.join()
        parent.close()
        child.close()
        if worker is not None and worker.pid is not None:
            worker.join(timeout=5)
            if worker.is_alive():  # (it failed to answer and may still be working)
                worker.kill()
                worker.join()


def _start(worker: multiprocessing.process.BaseProcess, child: Connection) -> None:
    """Start the worker, then let go of its end of the pipe: if it could not start,
    nothing holds that end any more, so this process's next read ends in EOFError and
    it builds in-process instead of waiting."""
    try:
        worker.start()
    except BaseException:
        pass  # (the read that follows fails, and says so)
    finally:
        child.close()


def _context() -> multiprocessing.context.ForkServerContext:
    """A fresh process from the forkserver: forking the caller itself would copy a
    process that runs threads (the dashboard builds in one), which is unsafe; the
    server is a single-threaded process that has imported the build's modules once."""
    context = multiprocessing.get_context("forkserver")
    assert isinstance(context, multiprocessing.context.ForkServerContext)
    context.set_forkserver_preload([__name__])
    return context


def _worker_main(conn: Connection, split: int, mine_from: int) -> None:
    """The worker process: its share of the build, then exit."""
    _quiet_signals()
    link = _Link(conn)
    try:
        try:
            documents = link.receive("documents")
        except BaseException as error:
            link.fail(error)
            raise
        _work(link, documents, split, mine_from)
    except BaseException:
        # the main process builds in-process instead; a traceback helps no one here
        sys.exit(1)


def _quiet_signals() -> None:
    """In the worker: a terminal resize or the app's event loop are the parent's business
    (a signal here must not wake the parent's loop through its inherited wake-up pipe)."""
    try:
        signal.set_wakeup_fd(-1)
        if hasattr(signal, "SIGWINCH"):
            signal.signal(signal.SIGWINCH, signal.SIG_DFL)
    except (ValueError, OSError):
        pass


def _split(documents: list[Document], share: float) -> int:
    """Index of the first document of the last ``share`` of the text (the worker's)."""
    total = sum(d.chars for d in documents)
    done = 0
    for i, doc in enumerate(documents):
        if done >= total * (1 - share):
            return i
        done += doc.chars
    return len(documents)


class _Link:
    """One end of the two processes' conversation. A value travels as a pickle in an
    anonymous file (one with no name, in memory where the system offers it) whose
    descriptor crosses the socket: pushed through the socket itself, tens of megabytes
    of postings went 64 KB at a time, each read waiting for the interpreter lock that
    the busy receiving process holds (about a second per message). A file with no name
    is freed with its last descriptor, so a build killed at any moment leaves nothing
    behind."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def send(self, kind: str, value: Any) -> None:
        with _anonymous_file() as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            handle.flush()
            self.conn.send(kind)
            send_handle(self.conn, handle.fileno(), 0)

    def fail(self, error: BaseException) -> None:
        self.conn.send("error: " + repr(error))

    def receive(self, what: str) -> Any:
        kind = self.conn.recv()
        if kind != what:
            raise WorkerFailed(str(kind))
        with os.fdopen(recv_handle(self.conn), "rb") as handle:
            handle.seek(0)
            return pickle.load(handle)


def _anonymous_file() -> IO[bytes]:
    """A file with no name: in memory where the system offers /dev/shm."""
    shm = "/dev/shm"
    if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK):
        return tempfile.TemporaryFile(dir=shm)
    return tempfile.TemporaryFile()


def _work(link: _Link, documents: list[Document], split: int, mine_from: int) -> None:
    try:
        link.send("mined", mine_shard(documents[mine_from:]))
        search = SearchIndex.build(documents)
        link.send("search", search.state())
        quotes = [q for doc in documents[split:] for q in quotes_in_document(doc)]
        link.send("quotes", quote_columns(quotes))
        # the quote browser's postings of every quotation, the main process's first,
        # while it settles speakers and clusters
        texts = link.receive("texts")
        texts.extend(q.text for q in quotes)
        link.send("quote_search", index_texts(search, texts))
        link.send("usage", _own_usage())
    except BaseException as error:  # the main process falls back; a message helps no one here
        try:
            link.fail(error)
        except BaseException:
            pass
        raise


def _lead(
    link: _Link,
    documents: list[Document],
    split: int,
    mine_from: int,
    aliases: dict[str, list[str]],
    ignore: list[str],
    progress: Callable[[str, int, int], None] | None,
) -> tuple[SearchIndex, list[Entity], list[Quote], QuoteFinder]:
    n = len(documents)
    # The worker's messages are names of files, so it never waits for this process to
    # read them: each is read when it is needed.
    if progress:
        progress("search", 0, n)
    stage = (lambda done, total: progress("entities", done, n)) if progress else None
    entities = extract_entities(
        documents[:mine_from],
        aliases=aliases,
        ignore=ignore,
        progress=stage,
        later=lambda: link.receive("mined"),
    )
    if progress:
        progress("entities", n, n)
    quotes: list[Quote] = []
    for i, doc in enumerate(documents[:split]):
        quotes.extend(quotes_in_document(doc))
        if progress and i % 500 == 0:
            progress("quotes", i, n)
    link.send("texts", [q.text for q in quotes])
    search = SearchIndex.from_state(documents, link.receive("search"))
    if search is None:
        raise WorkerFailed("postings of another format")
    if progress:
        progress("search", n, n)
    try:
        quotes.extend(quotes_from_columns(link.receive("quotes")))
    except (KeyError, ValueError) as error:
        raise WorkerFailed(f"quotations of another shape: {error}") from None
    settle_quotes(quotes, entities, {d.id: d for d in documents})
    finder = QuoteFinder.from_state(quotes, link.receive("quote_search"))
    if finder is None:
        raise WorkerFailed("quote postings of another shape")
    global last_worker_usage
    last_worker_usage = link.receive("usage")
    return search, entities, quotes, finder
