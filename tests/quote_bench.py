"""Time quotation extraction and clustering on a large generated corpus.

``.venv/bin/python tests/quote_bench.py [ARTICLES]`` (default 10,000, about 50 MB): the
articles are paragraphs of the bundled corpus and the news-style fixture, shuffled, with
one word in eight replaced at random so that no two articles quote exactly alike.
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.corpus.loader import load_corpus, make_document  # noqa: E402
from tui.quotes.clusters import assign_clusters  # noqa: E402
from tui.quotes.extract import extract_quotes  # noqa: E402


def generate(n: int, seed: int = 1) -> list:
    rng = random.Random(seed)
    sources = load_corpus(ROOT / "corpus").documents
    sources += load_corpus(ROOT / "tests" / "fixtures" / "newsstyle").documents
    paras = [d.text[p.start : p.end] for d in sources for p in d.paragraphs]
    paras = [p for p in paras if len(p) > 80]
    vocab = sorted({w for p in paras for w in re.findall(r"[a-z]{4,}", p)})
    docs = []
    for i in range(n):
        body = []
        size = 0
        while size < 5000:
            words = rng.choice(paras).split(" ")
            for k in range(len(words)):
                if rng.random() < 0.125 and words[k].isalpha() and words[k].islower():
                    words[k] = rng.choice(vocab)
            para = " ".join(words)
            body.append(para)
            size += len(para) + 2
        docs.append(make_document(f"gen-{i:05d}", f"gen-{i:05d}.md", "\n\n".join(body), {}))
    return docs


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    t0 = time.perf_counter()
    docs = generate(n)
    mb = sum(len(d.text) for d in docs) / 1e6
    # CPU time as well as wall time: on a shared machine the wall clock says little
    t1, c1 = time.perf_counter(), time.process_time()
    quotes = extract_quotes(docs)
    t2, c2 = time.perf_counter(), time.process_time()
    clusters = assign_clusters(quotes)  # again, alone, to time it
    t3, c3 = time.perf_counter(), time.process_time()
    print(f"{n} articles, {mb:.1f} MB generated in {t1 - t0:.1f} s")
    print(
        f"extract_quotes (spans, speakers, clusters): {t2 - t1:.2f} s wall, "
        f"{c2 - c1:.2f} s CPU, {len(quotes)} quotes"
    )
    print(
        f"  of which clustering: {t3 - t2:.2f} s wall, {c3 - c2:.2f} s CPU, "
        f"{len(clusters)} clusters"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
