"""Our search index side by side with tantivy's, on the same corpus and the same keystrokes.

    python bench/tantivy_compare.py --corpus bench/out/corpus-10000 \\
        --queries bench/queries.txt [--repeat 3] [--json] [--workdir DIR]

Each engine is measured in a process of its own (the script runs itself again with
``--engine ours|tantivy``), so that each one's peak resident memory is its own, and again
in a fresh process that reopens the index from disk (``--reopen``). The parent compares
the documents each engine found for every query.

What is timed, for each engine:

* **build**: wall and CPU seconds from the loaded documents to a searchable index (ours:
  ``SearchIndex.build``, the search part of the dashboard's build; tantivy: a writer with
  its default heap and threads, every document added, the commit and the merges). The
  cyclic collector is off during either build and the result frozen after, as
  ``CorpusIndex.build`` does. Tantivy's CPU seconds include its writer threads.
* **memory**: the peak resident memory of the build above what the process held before
  it (the loaded corpus), and the resident memory after it; on Linux the peak is reset
  before the build, so loading the corpus does not count.
* **on disk**: tantivy's index folder; ours, its ``state()`` pickled (what the disk cache
  holds of the search index).
* **keystroke**: every line of the queries file replayed in order, ``repeat`` times, each
  replay cold (our caches and the regex cache emptied, as tui/bench.py does; tantivy gets
  a new searcher). Ours: the matching sources with their match counts
  (``hits_per_source``) and the matches in the open document (``find_in_document``), the
  search part of tui/bench.py's keystroke; the quote browser's filter is left out, since
  tantivy has nothing like it. Tantivy: the query parsed with our own parser, turned into
  tantivy queries (below), every matching document collected (``limit`` = the corpus
  size: the sources list shows every match, not a top ten) with its number read from a
  fast field, and a snippet of the whole open document for its highlights.
* **reopen**: the index read back from disk in a fresh process, its resident memory
  then, and after one replay of the queries (tantivy maps its files, and pages come in as
  queries touch them). Ours needs the documents to reopen: the corpus is loaded before
  the clock starts, and counted in the memory before.

Our query semantics in tantivy's terms. The field is indexed with tantivy's *default*
tokenizer (split at anything not a letter or digit, lower-cased, words over 40 bytes
dropped; no stemming), which is closest to ours: ``en_stem`` would match "regrets" for
"regret", which we never do. Each line of a document is a value of its own, so that no
phrase is found across a line break, as in ours. A query is parsed by
``tui.search.query.parse_query(q, typing=True)``; then

* a word is a fuzzy term query with our typo budget (``typo_budget``: none under 5
  letters or in numbers, 1 at 5-8, 2 from 9; a transposition costs one), or a term query
  when the budget is 0; the last word while typing is a fuzzy *prefix* query with the
  same budget; ``'exact`` is a term query and ``^prefix`` a prefix query (distance 0);
* a phrase (or a word our tokenizer keeps whole but tantivy's splits, like "jae-in") is
  a phrase query, a phrase prefix query while its last word is being typed;
* ``!not`` clauses are MustNot clauses of a boolean query (a negated word exact, as ours);
* when no document has every positive clause, ours falls back to the documents with the
  most of them, and so does this: a boolean query of Should clauses with a minimum
  number to match, from one fewer than all down to one.

What tantivy cannot do of ours, and so what the agreement figures reflect: there are no
per-document match counts (only scores), no typos inside phrases or hyphenated words, no
cap on the words a short prefix stands for (ours takes the commonest 8 per letter, up to
50), while a phrase's last word being typed stands for the first 50 words of the
dictionary that it starts, in alphabetical order (so "South K finds nothing: "korea" is
not among the first 50 words in k), no highlights for a fuzzy or prefix word (snippets
highlight only exact terms), and a phrase's words are highlighted wherever they are, not
only in the phrase. Nor does it say which words a fuzzy query stood for. Our
normalisation folds accents, drops a possessive 's and joins "U.S." into "us"; the
default tokenizer does none of these.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import pickle
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.bench import percentile, read_queries  # noqa: E402
from tui.corpus.document import Document  # noqa: E402
from tui.corpus.loader import load_corpus  # noqa: E402
from tui.search.index import SearchIndex  # noqa: E402
from tui.search.query import FUZZY, PREFIX, Clause, parse_query  # noqa: E402
from tui.search.vocabulary import typo_budget  # noqa: E402

ENGINES = ("ours", "tantivy")
FIELD = "body"
NUMBER = "n"  # the document's place in the corpus, a fast field


# --- memory ---------------------------------------------------------------------------------


def _status_mb(name: str) -> float:
    """A size in /proc/self/status (VmRSS, VmHWM), in MB; 0 where there is no /proc."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(name + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def resident_mb() -> float:
    return _status_mb("VmRSS")


def reset_peak() -> bool:
    """Start the peak resident memory afresh (Linux 4.0 and later); False if it cannot."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        return False
    return True


def peak_mb() -> float:
    """The peak resident memory since ``reset_peak`` (or since the process started)."""
    return _status_mb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


# --- the two engines --------------------------------------------------------------------------


class Engine:
    """One engine, built or reopened: what a keystroke asks of it, and its documents' numbers
    for a query. ``documents`` may be empty for a reopened tantivy index."""

    name = ""

    def build(self, documents: list[Document], folder: Path) -> None:
        raise NotImplementedError

    def save(self, folder: Path) -> None:
        """Put the index on disk (tantivy's already is)."""

    def reopen(self, documents: list[Document], folder: Path) -> None:
        raise NotImplementedError

    def cold(self) -> None:
        """Forget what earlier keystrokes worked out."""

    def keystroke(self, query: str) -> tuple[list[int], int]:
        """What the sources list and the open document ask for one keystroke: the numbers
        of the matching documents, and the matches shown in the open document."""
        raise NotImplementedError


class Ours(Engine):
    name = "ours"

    def __init__(self) -> None:
        self.index: SearchIndex | None = None
        self.numbers: dict[str, int] = {}
        self.open_id = ""

    def _take(self, documents: list[Document], index: SearchIndex) -> None:
        self.index = index
        self.numbers = {doc.id: i for i, doc in enumerate(documents)}
        self.open_id = documents[0].id  # the dashboard opens the first source

    def build(self, documents: list[Document], folder: Path) -> None:
        self._take(documents, SearchIndex.build(documents))

    def save(self, folder: Path) -> None:
        assert self.index is not None
        with open(folder / "search.pickle", "wb") as out:
            pickle.dump(self.index.state(), out, protocol=pickle.HIGHEST_PROTOCOL)

    def reopen(self, documents: list[Document], folder: Path) -> None:
        with open(folder / "search.pickle", "rb") as state:
            index = SearchIndex.from_state(documents, pickle.load(state))
        if index is None:
            raise SystemExit(f"no search index of these documents in {folder}")
        self._take(documents, index)

    def cold(self) -> None:
        assert self.index is not None
        self.index.clear_cache()
        re.purge()

    def keystroke(self, query: str) -> tuple[list[int], int]:
        assert self.index is not None
        hits = self.index.hits_per_source(query)
        shown = self.index.find_in_document(self.open_id, query)
        return [self.numbers[doc_id] for doc_id in hits], len(shown)


class Tantivy(Engine):
    name = "tantivy"

    def __init__(self) -> None:
        import tantivy

        self.t = tantivy
        builder = tantivy.SchemaBuilder()
        builder.add_unsigned_field(NUMBER, fast=True)
        builder.add_text_field(FIELD, tokenizer_name="default")
        self.schema = builder.build()
        # the default tokenizer, to split our query words as the documents were split
        self.analyzer = (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(40))
            .filter(tantivy.Filter.lowercase())
            .build()
        )
        self.index: Any = None
        self.searcher: Any = None
        self.n = 0
        self.open_doc: Any = None
        self.open_chars = 0

    def _open_document(self, text: str) -> None:
        self.open_doc = self.t.Document()
        self.open_doc.add_text(FIELD, text)
        self.open_chars = len(text)

    def build(self, documents: list[Document], folder: Path) -> None:
        t = self.t
        self.index = t.Index(self.schema, path=str(folder), reuse=False)
        writer = self.index.writer()
        for number, document in enumerate(documents):
            doc = t.Document()
            doc.add_unsigned(NUMBER, number)
            for line in document.text.split("\n"):
                if line:
                    doc.add_text(FIELD, line)
            writer.add_document(doc)
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()
        self.n = len(documents)
        (folder / "open.txt").write_text(documents[0].text, encoding="utf-8")
        self._open_document(documents[0].text)

    def reopen(self, documents: list[Document], folder: Path) -> None:
        self.index = self.t.Index.open(str(folder))
        self.searcher = self.index.searcher()
        self.n = self.searcher.num_docs
        self._open_document((folder / "open.txt").read_text(encoding="utf-8"))

    def cold(self) -> None:
        self.searcher = self.index.searcher()

    # our clauses as tantivy queries

    def _phrase(self, words: list[str | tuple[int, str]], growing: bool) -> Any:
        query = self.t.Query
        if growing:
            return query.phrase_prefix_query(self.schema, FIELD, words)
        return query.phrase_query(self.schema, FIELD, words)

    def clause_query(self, clause: Clause) -> Any:
        """``clause`` as a tantivy query; None if tantivy's tokenizer leaves no word of it."""
        query, schema = self.t.Query, self.schema
        words: list[str | tuple[int, str]] = [
            w for term in clause.terms for w in self.analyzer.analyze(term)
        ]
        growing = clause.typing or (clause.mode == PREFIX and not clause.negate)
        if not words:
            return None
        if len(words) > 1:
            return self._phrase(words, growing or clause.mode == PREFIX)
        word, term = str(words[0]), clause.terms[0]
        fuzzy = clause.mode == FUZZY and not clause.negate  # a negated word is exact, as ours
        budget = typo_budget(term) if fuzzy else 0
        if growing or clause.mode == PREFIX:
            return query.fuzzy_term_query(schema, FIELD, word, budget, True, True)
        if budget:
            return query.fuzzy_term_query(schema, FIELD, word, budget, True, False)
        return query.term_query(schema, FIELD, word)

    def query(self, text: str) -> tuple[list[Any], list[Any]]:
        """The positive and negative clauses of ``text`` as tantivy queries."""
        parsed = parse_query(text, typing=True)
        positive = [self.clause_query(c) for c in parsed.positive]
        negative = [self.clause_query(c) for c in parsed.negative]
        return [q for q in positive if q is not None], [q for q in negative if q is not None]

    def _search(self, query: Any) -> list[Any]:
        return [address for _score, address in self.searcher.search(
            query, limit=max(1, self.n), count=False).hits]

    def keystroke(self, query: str) -> tuple[list[int], int]:
        t = self.t
        positive, negative = self.query(query)
        if not positive:
            return [], 0
        nots = [(t.Occur.MustNot, q) for q in negative]
        if len(positive) == 1 and not nots:
            whole = positive[0]
        else:
            whole = t.Query.boolean_query([(t.Occur.Must, q) for q in positive] + nots)
        addresses = self._search(whole)
        # no document has every clause: those with the most of them, as ours
        keep = len(positive) - 1
        while not addresses and keep > 0:
            shoulds = [(t.Occur.Should, q) for q in positive]
            addresses = self._search(t.Query.boolean_query(shoulds + nots, keep))
            keep -= 1
        numbers = self.searcher.fast_field_values(NUMBER, addresses) if addresses else []
        # the open document's highlights (any clause, as ours)
        either = t.Query.boolean_query([(t.Occur.Should, q) for q in positive])
        snippets = t.SnippetGenerator.create(self.searcher, either, self.schema, FIELD)
        snippets.set_max_num_chars(self.open_chars)
        shown = snippets.snippet_from_doc(self.open_doc).highlighted()
        return [int(n) for n in numbers], len(shown)


def make_engine(name: str) -> Engine:
    if name == "ours":
        return Ours()
    if name == "tantivy":
        return Tantivy()
    raise ValueError(f"unknown engine {name!r}")


# --- one engine, in its own process -----------------------------------------------------------


def _load(corpus: Path) -> tuple[list[Document], float, str]:
    started = time.perf_counter()
    documents = load_corpus(corpus).documents
    if not documents:
        raise SystemExit(f"no documents in {corpus}")
    seconds = time.perf_counter() - started
    # both engines must number the same documents alike for their answers to be compared
    order = hashlib.sha256("\n".join(d.id for d in documents).encode()).hexdigest()[:16]
    return documents, seconds, order


def _replay(engine: Engine, queries: Sequence[str], repeat: int) -> dict[str, Any]:
    """Every query in order, ``repeat`` times, each replay cold: timings and answers."""
    wall: dict[int, list[float]] = {i: [] for i in range(len(queries))}
    cpu: list[float] = []
    found: dict[int, tuple[list[int], int]] = {}
    for _ in range(repeat):
        engine.cold()
        for i, query in enumerate(queries):
            t0, c0 = time.perf_counter(), time.process_time()
            found[i] = engine.keystroke(query)
            wall[i].append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    every = [ms for runs in wall.values() for ms in runs]
    return {
        "keystroke_p50_ms": round(percentile(every, 0.50), 3),
        "keystroke_p95_ms": round(percentile(every, 0.95), 3),
        "keystroke_max_ms": round(max(every), 3),
        "keystroke_p50_cpu_ms": round(percentile(cpu, 0.50), 3),
        "keystroke_p95_cpu_ms": round(percentile(cpu, 0.95), 3),
        "query_ms": [round(statistics.median(wall[i]), 3) for i in range(len(queries))],
        "docs": [sorted(found[i][0]) for i in range(len(queries))],
        "open_matches": [found[i][1] for i in range(len(queries))],
    }


def run_engine(name: str, corpus: Path, queries: list[str], repeat: int, folder: Path) -> dict:
    """Build ``name``'s index of ``corpus`` in ``folder`` and replay ``queries`` on it."""
    engine = make_engine(name)
    documents, load_seconds, order = _load(corpus)
    gc.collect()
    gc.freeze()  # (as CorpusIndex.build: the documents outlive the build)
    before = resident_mb()
    peak_reset = reset_peak()
    gc.disable()
    started, cpu = time.perf_counter(), time.process_time()
    engine.build(documents, folder)
    build_seconds = time.perf_counter() - started
    build_cpu = time.process_time() - cpu
    gc.enable()
    gc.freeze()
    peak = peak_mb()
    after = resident_mb()
    started = time.perf_counter()
    engine.save(folder)
    save_seconds = time.perf_counter() - started
    report = {
        "engine": name,
        "documents": len(documents),
        "order": order,
        "load_seconds": round(load_seconds, 3),
        "build_seconds": round(build_seconds, 3),
        "build_cpu_seconds": round(build_cpu, 3),
        "save_seconds": round(save_seconds, 3),
        "disk_mb": round(folder_mb(folder), 3),
        "resident_before_build_mb": round(before, 1),
        "peak_build_delta_mb": round(peak - before, 1) if peak_reset else None,
        "resident_after_build_mb": round(after, 1),
        "resident_build_delta_mb": round(after - before, 1),
    }
    report.update(_replay(engine, queries, repeat))
    return report


def run_reopen(name: str, corpus: Path, queries: list[str], folder: Path) -> dict:
    """Open ``name``'s index from ``folder`` in this fresh process, and replay once."""
    engine = make_engine(name)
    documents: list[Document] = []
    if name == "ours":  # (ours needs the documents; tantivy reads its own files)
        documents = _load(corpus)[0]
    gc.collect()
    before = resident_mb()
    started = time.perf_counter()
    engine.reopen(documents, folder)
    seconds = time.perf_counter() - started
    opened = resident_mb()
    started = time.perf_counter()
    _replay(engine, queries, 1)
    return {
        "reopen_seconds": round(seconds, 3),
        "resident_before_reopen_mb": round(before, 1),
        "resident_after_reopen_mb": round(opened, 1),
        "replay_after_reopen_seconds": round(time.perf_counter() - started, 3),
        "resident_after_replay_mb": round(resident_mb(), 1),
        "peak_mb": round(peak_mb(), 1),
    }


# --- the comparison -------------------------------------------------------------------------


def _child(args: list[str]) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        capture_output=True, text=True, env=env, check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} failed:\n{done.stderr[-3000:]}")
    found: dict = json.loads(done.stdout)
    return found


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def agreement(ours: list[list[int]], theirs: list[list[int]], which: list[bool]) -> dict:
    """How often the two engines found the same documents, over the queries ``which`` marks."""
    pairs = [(set(a), set(b)) for a, b, keep in zip(ours, theirs, which) if keep]
    if not pairs:
        return {"queries": 0, "equal_fraction": None, "mean_jaccard": None}
    return {
        "queries": len(pairs),
        "equal_fraction": round(sum(a == b for a, b in pairs) / len(pairs), 3),
        "mean_jaccard": round(statistics.fmean(jaccard(a, b) for a, b in pairs), 3),
    }


def compare(
    corpus: Path, queries: list[str], repeat: int = 3, workdir: Path | None = None
) -> dict[str, Any]:
    """Build, replay and reopen each engine in processes of its own; the report."""
    own = workdir is None
    work = Path(tempfile.mkdtemp(prefix="tantivy-compare-")) if workdir is None else workdir
    try:
        work.mkdir(parents=True, exist_ok=True)
        queries_file = work / "queries.json"
        queries_file.write_text(json.dumps(queries), encoding="utf-8")
        engines: dict[str, dict[str, Any]] = {}
        for name in ENGINES:
            folder = work / name
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            common = ["--corpus", str(corpus), "--queries-json", str(queries_file),
                      "--folder", str(folder)]
            engines[name] = _child(["--engine", name, "--repeat", str(repeat), *common])
            engines[name].update(_child(["--engine", name, "--reopen", *common]))
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)
    ours, theirs = engines["ours"], engines["tantivy"]
    if ours["order"] != theirs["order"]:
        raise RuntimeError("the two engines loaded the documents in different orders")
    typing = [any(c.typing for c in parse_query(q, True).clauses) for q in queries]
    per_query = [
        {
            "query": q,
            "typing": typing[i],
            "ours_docs": len(ours["docs"][i]),
            "tantivy_docs": len(theirs["docs"][i]),
            "jaccard": round(jaccard(set(ours["docs"][i]), set(theirs["docs"][i])), 3),
            "ours_ms": ours["query_ms"][i],
            "tantivy_ms": theirs["query_ms"][i],
            "ours_open_matches": ours["open_matches"][i],
            "tantivy_open_highlights": theirs["open_matches"][i],
        }
        for i, q in enumerate(queries)
    ]
    ours_docs, their_docs = ours["docs"], theirs["docs"]
    for report in engines.values():
        for bulky in ("docs", "query_ms", "open_matches", "order"):
            report.pop(bulky)
    return {
        "corpus": str(corpus),
        "documents": ours["documents"],
        "queries": len(queries),
        "repeat": repeat,
        "engines": engines,
        "agreement": {
            "all": agreement(ours_docs, their_docs, [True] * len(queries)),
            "typing_states": agreement(ours_docs, their_docs, typing),
            "complete_states": agreement(ours_docs, their_docs, [not t for t in typing]),
        },
        "per_query": per_query,
    }


# --- the table ------------------------------------------------------------------------------

ROWS: tuple[tuple[str, str], ...] = (
    ("build wall s", "build_seconds"),
    ("build CPU s", "build_cpu_seconds"),
    ("index on disk MB", "disk_mb"),
    ("resident before build MB", "resident_before_build_mb"),
    ("peak RSS delta in build MB", "peak_build_delta_mb"),
    ("resident after build MB", "resident_after_build_mb"),
    ("keystroke p50 ms", "keystroke_p50_ms"),
    ("keystroke p95 ms", "keystroke_p95_ms"),
    ("keystroke max ms", "keystroke_max_ms"),
    ("keystroke p50 CPU ms", "keystroke_p50_cpu_ms"),
    ("keystroke p95 CPU ms", "keystroke_p95_cpu_ms"),
    ("reopen s", "reopen_seconds"),
    ("resident before reopen MB", "resident_before_reopen_mb"),
    ("resident after reopen MB", "resident_after_reopen_mb"),
    ("first replay after reopen s", "replay_after_reopen_seconds"),
    ("resident after that replay MB", "resident_after_replay_mb"),
)


def table(report: dict[str, Any]) -> str:
    ours, theirs = report["engines"]["ours"], report["engines"]["tantivy"]
    lines = [
        f"{report['documents']} documents, {report['queries']} keystroke states, "
        f"{report['repeat']} cold replays",
        f"{'':32}{'ours':>12}{'tantivy':>12}",
    ]
    for label, key in ROWS:
        lines.append(f"{label:32}{_cell(ours.get(key)):>12}{_cell(theirs.get(key)):>12}")
    for name, found in report["agreement"].items():
        lines.append(
            f"same documents ({name}, {found['queries']} queries): "
            f"{_cell(found['equal_fraction'])} of queries, mean Jaccard "
            f"{_cell(found['mean_jaccard'])}"
        )
    lines.append("")
    lines.append(f"{'query':28}{'docs ours':>10}{'tantivy':>9}{'jacc':>7}"
                 f"{'ms ours':>9}{'tantivy':>9}{'open ours':>10}{'tantivy':>8}")
    for q in report["per_query"]:
        lines.append(
            f"{q['query']!r:28.28}{q['ours_docs']:>10}{q['tantivy_docs']:>9}"
            f"{q['jaccard']:>7.3f}{q['ours_ms']:>9.2f}{q['tantivy_ms']:>9.2f}"
            f"{q['ours_open_matches']:>10}{q['tantivy_open_highlights']:>8}"
        )
    return "\n".join(lines)


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Our search index against tantivy's, on one corpus and one queries file.")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--queries", type=Path, help="one keystroke state a line")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--workdir", type=Path, help="keep the indexes here (default: a "
                        "temporary folder, removed after)")
    # how the script runs itself for one engine
    parser.add_argument("--engine", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--reopen", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--queries-json", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    repeat = max(1, args.repeat)
    if args.engine:
        queries = json.loads(args.queries_json.read_text(encoding="utf-8"))
        if args.reopen:
            found = run_reopen(args.engine, args.corpus, queries, args.folder)
        else:
            found = run_engine(args.engine, args.corpus, queries, repeat, args.folder)
        print(json.dumps(found))
        return 0
    if args.queries is None:
        parser.error("--queries is required")
    report = compare(args.corpus, read_queries(args.queries), repeat, args.workdir)
    print(json.dumps(report, indent=1) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
