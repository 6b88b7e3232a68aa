"""The index build's map: what a run of a corpus's documents gives, on its own.

Names are mined, and quotations found with their speakers as the text names them,
document by document: a contiguous run of documents (a chunk) can be worked on
anywhere, by a process of a local pool or by a worker of a Dask cluster, and the runs'
results taken in, in corpus order, give exactly the serial build's (see
tui/build/parallel.py for the reduce). This module is all a worker runs: it imports
nothing of the search index nor of the merge's callers.
"""

from __future__ import annotations

import math
import pickle
import time
from typing import Any, NamedTuple

from tui.corpus.document import Document
from tui.entities.mining import MinedShard, mine_shard
from tui.quotes.extract import quotes_in_document
from tui.quotes.model import quote_columns
from tui.util.collector import no_collector

# The quotations' chunks (the names' are the miner's shards) shrink as the work left
# does (guided self-scheduling): each is 1/GUIDE of the documents left, shared out
# among the workers and this process, at most MAX_CHUNK and at least MIN_CHUNK. The
# first are large (fewer tasks to send and take in), the last small: when the caller
# joins in, taking unbegun chunks from the back, and when a worker ends with the
# chunks it had already been handed, neither waits long on the other.
GUIDE = 4
MAX_CHUNK = 1_000
MIN_CHUNK = 25


class Extracted(NamedTuple):
    """What one task made of a chunk, pickled: its names as mined (for
    ``extract_entities(shards=...)``) or its quotations (``quote_columns``, speakers not
    yet settled); and what the task cost where it ran (CPU seconds of its thread, the
    peak resident MB of its process).

    The result stays pickled until the reduce takes it in. A pool's thread unpickles
    each result as soon as its task ends, while the caller is still busy with the
    postings or the merge: at 10,000 articles the shards waiting there as objects were
    169 MB (2.3 million of them), and as bytes they are a fraction of that."""

    sealed: bytes
    cpu_seconds: float
    peak_rss_mb: float

    def shard(self) -> MinedShard:
        shard = pickle.loads(self.sealed)
        if not isinstance(shard, tuple):
            raise TypeError(f"a shard of names as {type(shard).__name__}")
        return shard

    def quotes(self) -> dict[str, list[Any]]:
        columns = pickle.loads(self.sealed)
        if not isinstance(columns, dict):
            raise TypeError(f"quotations as {type(columns).__name__}")
        return columns


def _sealed(result: object, started: float) -> Extracted:
    return Extracted(pickle.dumps(result, pickle.HIGHEST_PROTOCOL),
                     time.thread_time() - started, _peak_rss_mb())


def mine_chunk(documents: list[Document]) -> Extracted:
    """A map task: the names of one chunk of documents, contiguous and in corpus order.
    (Names and quotations are separate tasks: the entities need every chunk's names
    before they can be merged, and the quotations only after that, so the workers
    find quotations while the caller merges.)"""
    started = time.thread_time()
    with no_collector(keep=True):
        shard = mine_shard(documents)
        return _sealed(shard, started)


def quote_chunk(documents: list[Document]) -> Extracted:
    """A map task: the quotations of one chunk of documents."""
    started = time.thread_time()
    with no_collector(keep=True):
        quotes = quote_columns([q for doc in documents for q in quotes_in_document(doc)])
        return _sealed(quotes, started)


def _peak_rss_mb() -> float:
    try:
        import resource
    except ImportError:  # not on Windows
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def chunked(
    documents: list[Document], workers: int, size: int | None = None
) -> list[list[Document]]:
    """``documents`` cut into contiguous chunks, in order: ``size`` documents each if
    given, else guided (see GUIDE) for ``workers`` workers and the caller."""
    if size is not None:
        size = max(1, size)
        return [documents[i : i + size] for i in range(0, len(documents), size)]
    chunks: list[list[Document]] = []
    at, n, ways = 0, len(documents), GUIDE * (max(1, workers) + 1)
    while at < n:
        size = max(MIN_CHUNK, min(MAX_CHUNK, math.ceil((n - at) / ways)))
        chunks.append(documents[at : at + size])
        at += size
    return chunks
