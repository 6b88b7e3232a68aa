"""`newsdesk bench`: time loading, the full index build and search, as the TUI runs them.

Each query line is a keystroke state ("K", "Ko", "Kon", ...). The lines are replayed in
order, ``repeat`` times, and every run starts cold: the search caches (and Python's regex
cache) are emptied before each replay, so a state only profits from the states typed
before it, exactly as in the search box.

A keystroke is timed as the dashboard spends it (:func:`keystroke`): the matching
sources with their counts, the matches in the open document, and the quotations the
quote browser keeps. The ranked passages of ``newsdesk search`` (and of enter in the
search bar) are timed apart, as ``passages_*``.
"""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path
from typing import Any

from tui.build import parallel
from tui.build.concordance import KWIC_SORTS
from tui.build.corpus_index import CorpusIndex
from tui.build.documents import load_documents
from tui.config import Settings


class BenchError(Exception):
    """The benchmark cannot run (no queries file, no documents)."""


def read_queries(path: Path) -> list[str]:
    """One query per line, kept as typed (a trailing space matters); '#' starts a comment."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise BenchError(f"cannot read queries file {path}: {exc}") from None
    queries = [line for line in lines if line.strip() and not line.startswith("#")]
    if not queries:
        raise BenchError(f"no queries in {path}")
    return queries


def peak_rss_mb() -> float:
    """Peak resident memory of this process."""
    try:
        import resource
    except ImportError:  # not on Windows
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 20 values is the 19th smallest)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


def keystroke(index: CorpusIndex, query: str, open_id: str | None) -> tuple[int, int]:
    """What the dashboard asks the core when the search bar changes (tui/ui/app.py,
    ``run_search`` and ``_highlight``): (matching sources, quotations shown)."""
    result = index.query(query)
    hits = result.hits
    if open_id is not None:
        result.matches_in(open_id)
    return len(hits or ()), len(result.quotes)


SCREEN_ROWS = 48  # the concordance lines a tall terminal draws at once


def concordance_fill(index: CorpusIndex, query: str) -> int:
    """What the open concordance pane asks for a search (tui/ui/hits.py): its hits in
    source order, and the context of the lines on screen. Returns the lines listed."""
    concordance = index.query(query).concordance()
    for i in range(min(SCREEN_ROWS, len(concordance))):
        concordance.line(i)
    return len(concordance)


def _cold(index: CorpusIndex) -> None:
    index.search.clear_cache()
    if index.quote_finder is not None:
        index.quote_finder.clear_cache()
    re.purge()


def time_concordance(
    index: CorpusIndex, queries: list[str], word: str, repeat: int, open_id: str | None
) -> dict[str, Any]:
    """The concordance's own timings: filling it for a one-word query (after the
    keystroke that found the sources, and from cold), each sort of it, and every
    keystroke of the queries file replayed with the pane open."""
    fill_ms: list[float] = []
    cold_ms: list[float] = []
    sort_ms: dict[str, list[float]] = {sort: [] for sort in KWIC_SORTS}
    lines = 0
    for _ in range(repeat):
        _cold(index)
        t0 = time.perf_counter()
        keystroke(index, word, open_id)
        t1 = time.perf_counter()
        lines = concordance_fill(index, word)
        t2 = time.perf_counter()
        fill_ms.append((t2 - t1) * 1000)
        cold_ms.append((t2 - t0) * 1000)
        for sort in KWIC_SORTS:
            t0 = time.perf_counter()
            c = index.query(word).concordance(sort)
            for i in range(min(SCREEN_ROWS, len(c))):
                c.line(i)
            sort_ms[sort].append((time.perf_counter() - t0) * 1000)
    typed: list[float] = []
    typed_cpu: list[float] = []
    for _ in range(repeat):
        _cold(index)
        for query in queries:
            t0, c0 = time.perf_counter(), time.process_time()
            keystroke(index, query, open_id)
            concordance_fill(index, query)
            typed.append((time.perf_counter() - t0) * 1000)
            typed_cpu.append((time.process_time() - c0) * 1000)
    return {
        "concordance_word": word,
        "concordance_lines": lines,
        "concordance_fill_ms": round(statistics.median(fill_ms), 3),
        "concordance_cold_ms": round(statistics.median(cold_ms), 3),
        "concordance_sort_ms": {k: round(statistics.median(v), 3) for k, v in sort_ms.items()},
        "kwic_keystroke_p50_ms": round(percentile(typed, 0.50), 3),
        "kwic_keystroke_p95_ms": round(percentile(typed, 0.95), 3),
        "kwic_keystroke_max_ms": round(max(typed), 3),
        "kwic_keystroke_p50_cpu_ms": round(percentile(typed_cpu, 0.50), 3),
        "kwic_keystroke_p95_cpu_ms": round(percentile(typed_cpu, 0.95), 3),
    }


def run_bench(
    settings: Settings, queries_file: Path, repeat: int = 5, limit: int = 50,
    concordance_word: str = "Korea",
) -> dict[str, Any]:
    queries = read_queries(queries_file)
    started = time.perf_counter()
    documents = load_documents(settings)
    load_seconds = time.perf_counter() - started
    if not documents.documents:
        raise BenchError(f"no documents in {settings.corpus}")

    started, cpu = time.perf_counter(), time.process_time()
    parallel.last_worker_usage = (0.0, 0.0)
    index = CorpusIndex.build(documents.documents, settings, documents_key=documents.key)
    build_seconds = time.perf_counter() - started
    build_cpu = time.process_time() - cpu
    worker_cpu, worker_rss = parallel.last_worker_usage

    search = index.search
    open_id = index.documents[0].id  # the dashboard opens the first source
    timings: dict[int, list[float]] = {i: [] for i in range(len(queries))}
    passage_ms: list[float] = []
    cpu_ms: list[float] = []
    found: dict[int, tuple[int, int]] = {}  # (sources, quotations) per query
    for _ in range(repeat):
        search.clear_cache()
        if index.quote_finder is not None:
            index.quote_finder.clear_cache()
        re.purge()
        for i, query in enumerate(queries):
            t0, c0 = time.perf_counter(), time.process_time()
            found[i] = keystroke(index, query, open_id)
            timings[i].append((time.perf_counter() - t0) * 1000)
            cpu_ms.append((time.process_time() - c0) * 1000)
        search.clear_cache()
        re.purge()
        for query in queries:
            t0 = time.perf_counter()
            search.search(query, limit=limit)
            passage_ms.append((time.perf_counter() - t0) * 1000)
    every = [ms for runs in timings.values() for ms in runs]
    kwic = time_concordance(index, queries, concordance_word, repeat, open_id)
    return {
        "documents": len(index.documents),
        "chars": sum(d.chars for d in index.documents),
        "load_seconds": round(load_seconds, 3),
        "build_seconds": round(build_seconds, 3),
        "index_bytes_estimate": search.nbytes,
        "p50_ms": round(percentile(every, 0.50), 3),
        "p95_ms": round(percentile(every, 0.95), 3),
        "max_ms": round(max(every), 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "worker_peak_rss_mb": round(worker_rss, 1),
        # CPU time, unlike wall time, is not inflated by other programs on a busy machine
        # (the worker's is the second core's share of a two-process build)
        "build_cpu_seconds": round(build_cpu, 3),
        "worker_cpu_seconds": round(worker_cpu, 3),
        "p50_cpu_ms": round(percentile(cpu_ms, 0.50), 3),
        "p95_cpu_ms": round(percentile(cpu_ms, 0.95), 3),
        "passages_p50_ms": round(percentile(passage_ms, 0.50), 3),
        "passages_p95_ms": round(percentile(passage_ms, 0.95), 3),
        **kwic,
        "repeat": repeat,
        "queries": [
            {
                "query": q,
                "ms": round(statistics.median(timings[i]), 3),
                "hits": found[i][0],
                "quotes": found[i][1],
            }
            for i, q in enumerate(queries)
        ],
    }
