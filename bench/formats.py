"""Time loading saved web pages and PDFs: N of each, made from the articles of
bench/generate.py, dressed as real pages (bench/pages.py: navigation, scripts, JSON-LD,
comments; two-column PDFs with running headers and page numbers).

    python bench/formats.py OUT_DIR [-n 1000] [--json]

Writes OUT_DIR/html (N pages) and OUT_DIR/pdf (N two-page PDFs) once, then loads each
folder as a corpus and prints the wall and CPU time (each the best of --repeat runs).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from pages import page, two_column_pdf  # noqa: E402

from tui.corpus.document import BODY  # noqa: E402
from tui.corpus.loader import load_corpus  # noqa: E402


def write(out: Path, count: int) -> None:
    """The HTML and PDF corpora, written once (a marker file says they are complete)."""
    done = out / f".generated-{count}"
    if done.exists():
        return
    generate(out / "markdown", count)
    (out / "html").mkdir(parents=True, exist_ok=True)
    (out / "pdf").mkdir(parents=True, exist_ok=True)
    for doc in load_corpus(out / "markdown").documents:
        body = "".join(doc.text[s.start:s.end] for s in doc.sections if s.kind == BODY)
        article = {
            "title": doc.title, "outlet": doc.outlet or "Newswire", "date": doc.date,
            "author": doc.author or "Staff reporter",
            "url": f"https://news.example/{doc.id}",
            "paragraphs": [p.strip() for p in body.split("\n") if p.strip()],
        }
        (out / "html" / f"{doc.id}.html").write_text(page(article), encoding="utf-8")
        (out / "pdf" / f"{doc.id}.pdf").write_bytes(two_column_pdf(article))
    done.touch()


def timed(folder: Path, repeat: int) -> dict[str, float | int]:
    best = cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = load_corpus(folder)
        best = min(best, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    files = len(list(folder.iterdir()))
    return {"files": files, "sources": len(result.documents), "skipped": len(result.skipped),
            "seconds": round(best, 2), "cpu_seconds": round(cpu, 2),
            "ms_per_file": round(1000 * best / max(files, 1), 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="directory to write the corpora to")
    parser.add_argument("-n", "--count", type=int, default=1000, help="pages of each kind")
    parser.add_argument("--repeat", type=int, default=1, help="runs to take the best of")
    args = parser.parse_args(argv)
    write(args.out, args.count)
    report = {kind: timed(args.out / kind, args.repeat) for kind in ("html", "pdf")}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
