"""The index build on two cores: a forked copy of the process takes a share of the work.

Entities need the whole corpus, and quotes need the entities (to spell speakers'
names), so the stages cannot simply run side by side. What can:

* mining names is document by document: the worker mines the later documents while
  this process mines the earlier ones, then hands over what it found
  (``entities.mine_shard``); the merge into entities runs here;
* the search postings need nothing else: the worker builds them next;
* quotations are found document by document once the entities' name book exists, so
  the worker takes the later documents and this process the earlier ones; clusters
  are assigned over all of them at the end, here.

The result is the serial build's, object for object. A fork shares the documents
without copying or pickling them; where there is no fork (Windows), a single core, or
the worker fails in any way, the caller builds in-process instead (``None`` here).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import warnings
from collections.abc import Callable
from multiprocessing.connection import Connection, Pipe
from queue import Queue
from typing import Any

from .document import Document
from .entities import Entity, extract_entities, mine_shard
from .quotes import Quote, quotes_in_document
from .search import SearchIndex

# Below this many characters a fork costs more than it saves.
MIN_CHARS = 1_000_000
# Set to "off" to always build in one process (for measuring, or a constrained host).
ENV_VAR = "NEWSDESK_PARALLEL"
# The worker's share of the text, for mining names and for quotations. Less than half:
# it also builds the postings, while this process merges the names into entities.
MINE_SHARE = 0.4
WORKER_SHARE = 0.45


class WorkerFailed(Exception):
    """The worker died or raised; build in-process instead."""


def available(documents: list[Document]) -> bool:
    """Whether a two-core build is possible and worth it here."""
    return (
        os.environ.get(ENV_VAR, "").strip().lower() not in ("off", "0", "no")
        and hasattr(os, "fork")
        and (os.cpu_count() or 1) >= 2
        and sum(d.chars for d in documents) >= MIN_CHARS
    )


def build(
    documents: list[Document],
    aliases: dict[str, list[str]],
    ignore: list[str],
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[SearchIndex, list[Entity], list[Quote]] | None:
    """(search, entities, quotes) as the serial build makes them, or None if the worker
    could not do its part (nothing is left running either way)."""
    split = _split(documents, WORKER_SHARE)
    mine_from = _split(documents, MINE_SHARE)
    parent, child = Pipe()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()  # a fork must not inherit (and later write) buffered output
        except Exception:
            pass
    try:
        with warnings.catch_warnings():
            # Python 3.12+ warns about forking a process with threads (the TUI builds in
            # one); the worker only computes and exits, and a warning would land on the
            # user's screen.
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the worker: never returns into the caller's code
        code = 0
        try:
            parent.close()
            _quiet_signals()
            _work(child, documents, split, mine_from)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    child.close()
    try:
        return _lead(parent, documents, split, mine_from, aliases, ignore, progress)
    except (WorkerFailed, OSError, EOFError):
        return None
    finally:
        parent.close()
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


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


def _work(conn: Connection, documents: list[Document], split: int, mine_from: int) -> None:
    try:
        conn.send(("mined", mine_shard(documents[mine_from:])))
        conn.send(("search", SearchIndex.build(documents).state()))
        names = conn.recv()
        quotes = [q for doc in documents[split:] for q in quotes_in_document(doc, names=names)]
        conn.send(("quotes", quotes))
    except BaseException as error:  # the main process falls back; a message helps no one here
        try:
            conn.send(("error", repr(error)))
        except BaseException:
            pass
        raise


def _receive(conn: Connection, what: str) -> Any:
    kind, value = conn.recv()
    if kind != what:
        raise WorkerFailed(str(value))
    return value


def _lead(
    conn: Connection,
    documents: list[Document],
    split: int,
    mine_from: int,
    aliases: dict[str, list[str]],
    ignore: list[str],
    progress: Callable[[str, int, int], None] | None,
) -> tuple[SearchIndex, list[Entity], list[Quote]]:
    from .clusters import assign_clusters
    from .speakers import NameBook

    n = len(documents)
    # The worker's names and postings arrive while this thread works: read them on the
    # side, or the worker would wait on a full pipe instead of going on.
    inbox: Queue[Any] = Queue()

    def read() -> None:
        for what in ("mined", "search"):
            try:
                inbox.put(_receive(conn, what))
            except BaseException as error:
                inbox.put(WorkerFailed(repr(error)))
                return

    def take() -> Any:
        item = inbox.get()
        if isinstance(item, WorkerFailed):
            raise item
        return item

    reader = threading.Thread(target=read, name="index-worker-reader", daemon=True)
    reader.start()
    if progress:
        progress("search", 0, n)
    stage = (lambda done, total: progress("entities", done, n)) if progress else None
    entities = extract_entities(
        documents[:mine_from], aliases=aliases, ignore=ignore, progress=stage, later=take
    )
    if progress:
        progress("entities", n, n)
    names = NameBook(entities) if entities else None
    conn.send(names)
    quotes: list[Quote] = []
    for i, doc in enumerate(documents[:split]):
        quotes.extend(quotes_in_document(doc, names=names))
        if progress and i % 500 == 0:
            progress("quotes", i, n)
    search = SearchIndex.from_state(documents, take())
    reader.join()
    if search is None:
        raise WorkerFailed("postings of another format")
    if progress:
        progress("search", n, n)
    quotes.extend(_receive(conn, "quotes"))
    assign_clusters(quotes)
    return search, entities, quotes
