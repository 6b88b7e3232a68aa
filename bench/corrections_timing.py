"""Time what a correction costs on a large archive: applying corrections to the index,
undoing them all, and finding an entity as its name is typed.

    .venv/bin/python bench/corrections_timing.py --corpus bench/out/corpus-10000
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from tui.build.corpus_index import CorpusIndex
from tui.corpus.loader import load_corpus
from tui.entities.corrections import Correction
from tui.entities.lookup import EntityLookup


def median_ms(run: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", required=True)
    args = parser.parse_args()
    documents = load_corpus(Path(args.corpus)).documents
    start = time.perf_counter()
    index = CorpusIndex.build(documents)
    report: dict[str, object] = {
        "documents": len(documents), "build_seconds": round(time.perf_counter() - start, 1),
        "entities": len(index.entities), "quotes": len(index.quotes),
    }
    e = index.entities
    people = [x for x in e if x.type == "PERSON"]
    spoken = next(q for q in index.quotes if q.speaker)
    cases = {
        "merge two places": [Correction("merge", e[5].name, e[4].name)],
        "merge two people": [Correction("merge", people[1].name, people[0].name)],
        "rename, ignore, retype": [
            Correction("rename", e[10].name, e[10].name + " X"),
            Correction("ignore", e[20].name), Correction("retype", e[30].name, "OTHER")],
        "set a speaker": [Correction("speaker", spoken.id, people[0].name)],
    }
    for name, corrections in cases.items():
        report[f"correct_ms: {name}"] = median_ms(lambda c=corrections: index.correct(c))
    report["correct_ms: none (all undone)"] = median_ms(lambda: index.correct([]))
    report["lookup_build_ms"] = median_ms(lambda: EntityLookup(index.entities), repeat=3)
    lookup = EntityLookup(index.entities)
    for typed in ("k", "ko", "kor", "kim jong"):
        report[f"find_ms: {typed}"] = median_ms(lambda t=typed: lookup.find(t))
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
