"""How the costs grow with the archive: 1,000, 10,000 and 100,000 articles in one sitting.

    .venv/bin/python bench/scale.py [--sizes 1000,10000,100000] [--repeat 3] [--json]

For each size it writes the archive once (bench/generate.py, into bench/out/), then, each
in a fresh process so that every figure is that process's own:

* a cold start: `newsdesk bench` with the disk cache off (loading, the full build, the
  keystrokes of bench/queries.txt, peak memory of the main process and of the build's
  workers);
* a cached start: one build that writes the disk cache, then a second process that loads
  the documents and reads the index back, as the dashboard's second start does;
* the dashboard's cached start: a third process runs the dashboard (headless, 160×48)
  on that cache, timed from before it imports the app to the end of the step that fills
  its panes with the index (sources' counts, entities, quotes).

Each figure is printed with its ratio to the size before it: ten times the articles
should cost about ten times the build, and a keystroke should cost far less than that.
Compare figures only with those measured in the same sitting, on the same machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
QUERIES = ROOT / "bench" / "queries.txt"

# (label, key in the report, unit): the table's columns
COLUMNS = (
    ("chars", "chars", "M"),
    ("load", "load_seconds", "s"),
    ("cold build", "build_seconds", "s"),
    ("build CPU, all processes", "cpu_seconds", "s"),
    ("keystroke p50", "p50_ms", "ms"),
    ("keystroke p95", "p95_ms", "ms"),
    ("keystroke max", "max_ms", "ms"),
    ("peak memory, main", "peak_rss_mb", "MB"),
    ("peak memory, workers", "worker_peak_rss_mb", "MB"),
    ("memory / text", "memory_per_text", "×"),
    ("cached start", "cached_start_seconds", "s"),
    ("peak memory, cached start", "cached_start_peak_mb", "MB"),
    ("dashboard ready, cached", "dashboard_ready_seconds", "s"),
)


def corpus_for(size: int) -> Path:
    """The generated archive of ``size`` articles, written if missing."""
    folder = OUT / f"corpus-{size}"
    stamp = folder / ".generated"
    if not stamp.exists():
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate.py"), str(folder), "-n", str(size)],
            check=True, stdout=sys.stderr,
        )
        stamp.touch()
    return folder


def _run_json(argv: list[str], env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(argv, env=env, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def cold(corpus: Path, repeat: int) -> dict[str, Any]:
    env = {**os.environ, "NEWSDESK_CACHE_DIR": "off"}
    return _run_json(
        [sys.executable, "-m", "tui", "bench", "--corpus", str(corpus), "--queries",
         str(QUERIES), "--repeat", str(repeat), "--json"], env,
    )


def start(corpus: Path) -> dict[str, Any]:
    """In this process: load ``corpus`` and build (or read back) its index."""
    import resource

    from tui.build.corpus_index import CorpusIndex
    from tui.build.documents import load_documents
    from tui.config import Settings

    settings = Settings(corpus=corpus)
    began = time.perf_counter()
    result = load_documents(settings)
    loaded = time.perf_counter()
    index = CorpusIndex.build(result.documents, settings, documents_key=result.key)
    ready = time.perf_counter()
    return {
        "documents": len(index.documents),
        "load_seconds": round(loaded - began, 3),
        "index_seconds": round(ready - loaded, 3),
        "seconds": round(ready - began, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def ready(corpus: Path) -> dict[str, Any]:
    """In this process: the dashboard on ``corpus``, headless; seconds from before the
    app is imported to the end of the step that fills its panes with the index."""
    import asyncio

    began = time.perf_counter()
    from tui.config import Settings
    from tui.ui.app import NewsdeskApp

    app = NewsdeskApp(Settings(corpus=corpus))
    fill = app._index_ready
    filled: list[float] = []

    async def run() -> float:
        done = asyncio.Event()

        def timed(index: Any) -> None:  # (called on the app's loop, given the index)
            fill(index)
            filled.append(time.perf_counter())
            done.set()

        app._index_ready = timed  # type: ignore[method-assign]
        async with app.run_test(size=(160, 48)):
            await done.wait()  # (no polling: the loop sleeps as the app's own would)
        return filled[0] - began

    return {"seconds": round(asyncio.run(run()), 3)}


def cached(corpus: Path) -> dict[str, Any]:
    """A first start that writes the cache, then the second start, timed; then the
    dashboard's start on that cache."""
    with tempfile.TemporaryDirectory(prefix="newsdesk-scale-") as folder:
        env = {**os.environ, "NEWSDESK_CACHE_DIR": folder, "NEWSDESK_STATE_DIR": folder}
        argv = [sys.executable, str(Path(__file__).resolve()), "--start", str(corpus)]
        first = _run_json(argv, env)
        second = _run_json(argv, env)
        dashboard = _run_json([*argv[:2], "--ready", str(corpus)], env)
    return {"first": first, "second": second, "dashboard": dashboard}


def measure(size: int, repeat: int) -> dict[str, Any]:
    corpus = corpus_for(size)
    report = cold(corpus, repeat)
    report.pop("queries", None)
    report["cpu_seconds"] = round(report["build_cpu_seconds"] + report["worker_cpu_seconds"], 3)
    memory = report["peak_rss_mb"] + report["worker_peak_rss_mb"]
    report["memory_per_text"] = round(memory * 1024 * 1024 / max(1, report["chars"]), 2)
    starts = cached(corpus)
    report["cached_start_seconds"] = starts["second"]["seconds"]
    report["cached_start"] = starts["second"]
    report["cached_start_peak_mb"] = starts["second"]["peak_rss_mb"]
    report["dashboard_ready_seconds"] = starts["dashboard"]["seconds"]
    report["chars"] = round(report["chars"] / 1e6, 1)
    report["size"] = size
    return report


def table(reports: list[dict[str, Any]]) -> str:
    head = "| | " + " | ".join(f"{r['size']:,} articles" for r in reports) + " |"
    lines = [head, "|---" * (len(reports) + 1) + "|"]
    for label, key, unit in COLUMNS:
        cells = []
        for i, report in enumerate(reports):
            value = report[key]
            cell = f"{value:g} {unit}"
            if i and reports[i - 1][key]:
                cell += f" (×{value / reports[i - 1][key]:.1f})"
            cells.append(cell)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="comma-separated numbers of articles (default 1000,10000,100000)")
    parser.add_argument("--repeat", type=int, default=3, help="replays of the queries file")
    parser.add_argument("--json", action="store_true", help="print JSON, not a table")
    parser.add_argument("--start", metavar="CORPUS", help=argparse.SUPPRESS)
    parser.add_argument("--ready", metavar="CORPUS", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.start:  # (the child of ``cached``)
        print(json.dumps(start(Path(args.start))))
        return 0
    if args.ready:  # (the child of ``cached`` that runs the dashboard)
        print(json.dumps(ready(Path(args.ready))))
        return 0
    reports = []
    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        print(f"measuring {size:,} articles…", file=sys.stderr, flush=True)
        reports.append(measure(size, args.repeat))
    print(json.dumps(reports, indent=2) if args.json else table(reports))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
