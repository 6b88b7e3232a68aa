"""The loader, the section rules, the name rules, entity mining and the search build
take time in proportion to their input.

Each test doubles an adversarial input and checks that the cost at most about doubles:
the best of several timings, compared as a ratio (under 3 for twice the input), never
against a wall-clock threshold. A quadratic cost gives 4, an exponential one far more.
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from tui.corpus.document import Document
from tui.corpus.loader import load_corpus, load_file, make_document, split_front_matter
from tui.corpus.sections import paragraphs, sections
from tui.entities.mining import mine_shard
from tui.nlp.names import Analyser
from tui.nlp.places import load_gazetteer
from tui.search.index import SearchIndex

T = TypeVar("T")


def _best(call: Callable[[], object], repeat: int) -> float:
    # (the CPU time of this thread, not the clock's: the test may share the machine
    # with other work, which stretches wall-clock timings unevenly)
    best = float("inf")
    for _ in range(repeat):
        start = time.thread_time()
        call()
        best = min(best, time.thread_time() - start)
    return best


def doubling_ratio(run: Callable[[T], object], make: Callable[[int], T], n: int,
                   repeat: int = 5) -> float:
    """How much longer ``run(make(2n))`` takes than ``run(make(n))``: the smallest ratio
    of three tries (each the best of ``repeat`` timings), so that one noisy moment on a
    shared machine does not fail a linear function, while a super-linear one fails all."""
    small, large = make(n), make(2 * n)
    ratios = []
    for _ in range(3):
        gc.collect()
        gc.disable()  # a collection landing in one timing and not the other is noise
        try:
            run(small)  # warm: first calls compile regexes and fill caches
            ratio = _best(lambda: run(large), repeat) / _best(lambda: run(small), repeat)
        finally:
            gc.enable()
        ratios.append(ratio)
        if ratio < 3:
            break
    return min(ratios)


# --- sections ---------------------------------------------------------------------------------

SECTION_INPUTS: dict[str, tuple[Callable[[int], str], int]] = {
    # one paragraph of 1 MB (and 2 MB), with photo-credit shapes all through it
    "one long paragraph": (lambda n: "Officials said Jane Doe/AP met x/Reuters today. " * n,
                           20_000),
    "many short lines": (lambda n: "".join(f"line {i}\n" for i in range(n)), 20_000),
    "many fences": (lambda n: "---\n" * n, 20_000),
    "handles and comments": (
        lambda n: "".join(f"user{i}\nThis is comment number {i}, and it says so.\n"
                          for i in range(n)),
        10_000,
    ),
    "related-link runs": (lambda n: "Read more:\nA headline\nAnother one\n" * n, 10_000),
    # image-name shapes (``corp_logo_60x60``) made longer: lines of underscore-joined words
    "slug-like lines": (lambda n: "".join(f"img{i}" + "_a" * n + "!\n" for i in range(2_000)),
                        7),
    "white space and bullets": (lambda n: " " * n + "• " * n + "x\n" + "-" * n, 100_000),
}


@pytest.mark.parametrize("shape", list(SECTION_INPUTS))
def test_sections_are_linear(shape: str) -> None:
    make, n = SECTION_INPUTS[shape]
    assert doubling_ratio(lambda text: sections(text), make, n) < 3


@pytest.mark.parametrize("shape", ["one long paragraph", "many short lines"])
def test_paragraphs_are_linear(shape: str) -> None:
    make, n = SECTION_INPUTS[shape]
    assert doubling_ratio(lambda text: paragraphs(text), make, n) < 3


# --- loader -----------------------------------------------------------------------------------

FRONT_MATTER_INPUTS: dict[str, tuple[Callable[[int], str], int]] = {
    "long simple front matter": (
        lambda n: "---\n" + "".join(f"k{i}: value {i}\n" for i in range(n)) + "---\nBody.\n",
        5_000,
    ),
    "long YAML front matter": (
        lambda n: "---\n" + "".join(f"k{i}:\n  a: [{i}, '*']\n" for i in range(n))
        + "---\nBody.\n",
        2_000,
    ),
    "many fences": (lambda n: "---\n" + "---x\n" * n, 50_000),
    "an unclosed block": (lambda n: "---\n" + "a: b\n" * n, 50_000),
    # (large enough that a timing is tens of milliseconds, well above the noise)
    "a long front matter line": (lambda n: "---\ntitle: " + "a " * n + "!\n---\nB.\n", 200_000),
}


@pytest.mark.parametrize("shape", list(FRONT_MATTER_INPUTS))
def test_front_matter_is_linear(shape: str) -> None:
    make, n = FRONT_MATTER_INPUTS[shape]
    assert doubling_ratio(lambda text: split_front_matter(text), make, n) < 3


FILE_INPUTS: dict[str, tuple[str, Callable[[int], str], int]] = {
    "a 1 MB paragraph": ("big.md", SECTION_INPUTS["one long paragraph"][0], 20_000),
    "many short lines": ("lines.txt", SECTION_INPUTS["many short lines"][0], 20_000),
    "many fences": ("fences.md", lambda n: "---\n" * n, 20_000),
    "long front matter": ("fm.md", FRONT_MATTER_INPUTS["long YAML front matter"][0], 2_000),
    "many JSONL records": (
        "feed.jsonl",
        lambda n: "".join(json.dumps({"title": f"T{i}", "text": f"Body {i}."}) + "\n"
                          for i in range(n)),
        2_000,
    ),
}


@pytest.mark.parametrize("shape", list(FILE_INPUTS))
def test_load_file_is_linear(tmp_path: Path, shape: str) -> None:
    name, make, n = FILE_INPUTS[shape]
    sizes = {}

    def written(k: int) -> Path:
        path = tmp_path / f"{k}-{name}"
        path.write_text(make(k), encoding="utf-8")
        sizes[k] = path.stat().st_size
        return path

    def run(path: object) -> None:
        assert isinstance(path, Path)
        warnings: list[str] = []
        assert load_file(path, path.name, warnings.append)

    assert doubling_ratio(run, written, n, repeat=3) < 3


def test_load_corpus_is_linear_when_records_share_an_id(tmp_path: Path) -> None:
    """Thousands of records with one id: each gets its own, without trying every one."""

    def corpus(k: int) -> Path:
        root = tmp_path / str(k)
        root.mkdir()
        lines = (json.dumps({"id": "same", "text": f"Body {i}."}) for i in range(k))
        (root / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
        return root

    def run(root: object) -> None:
        assert isinstance(root, Path)
        docs = load_corpus(root).documents
        assert len({d.id for d in docs}) == len(docs)

    assert doubling_ratio(run, corpus, 4_000, repeat=3) < 3


# --- names, entity mining, search build ------------------------------------------------------


def _word(i: int) -> str:
    """A distinct capitalised word of letters for each ``i`` ("Ab", "Bb", ...): a run of
    them is new to every memo, as a scraped list of names is."""
    letters = ""
    i += 26
    while i:
        i, r = divmod(i, 26)
        letters += chr(97 + r)
    return letters.capitalize()


# Runs of capitalised words as long as a page, each a shape one of the name rules works
# through word by word (the title rule, "of" and particles, a leading "The", "and", the
# possessive): (the run for n, n).
NAME_RUNS: dict[str, tuple[Callable[[int], str], int]] = {
    "pasted titles": (lambda n: "Mr. Lt. Col. President " * n, 4_000),
    "titles before names": (
        lambda n: "".join(f"Mr. Lt. Col. President {_word(i)} " for i in range(n)), 1_000),
    "pasted joiners": (lambda n: "Sea of Japan Federation de la " * n, 40_000),
    "joiners between names": (
        lambda n: "".join(f"Sea of Japan Federation de la {_word(i)} " for i in range(n)),
        1_500),
    "articles": (lambda n: "The " * n + "Man", 20_000),
    "ands": (lambda n: "Alpha and " * n + "Beta", 10_000),
    "possessives": (lambda n: " ".join(f"{_word(i)}'s" for i in range(n)), 2_000),
    "one possessive word": (lambda n: "Kim's" + "'s" * n, 50_000),
}


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    return Analyser(load_gazetteer())


@pytest.mark.parametrize("shape", list(NAME_RUNS))
def test_name_analysis_is_linear(analyser: Analyser, shape: str) -> None:
    make, n = NAME_RUNS[shape]

    def run(text: str) -> None:
        analyser.forget()  # (each timing starts with empty memos)
        for piece in analyser.analyse(text, False):
            assert 0 <= piece.start < piece.end <= len(text)

    assert doubling_ratio(run, make, n, repeat=3) < 3


@pytest.mark.parametrize(("shape", "n"), [("pasted titles", 4_000),
                                          ("titles before names", 1_000),
                                          ("pasted joiners", 20_000)])
def test_entity_mining_is_linear(shape: str, n: int) -> None:
    make, _n = NAME_RUNS[shape]

    def document(k: int) -> Document:
        return make_document("long", "long.md", f"He met {make(k).strip()} on Monday.\n", {})

    def run(doc: Document) -> None:
        mine_shard([doc])

    assert doubling_ratio(run, document, n, repeat=3) < 3


def test_asking_for_a_dateline_at_every_dash_of_a_line_is_linear() -> None:
    """Mining asks, at a dash before a capitalised word, whether a dateline ends there:
    the look back to the line's start is bounded, so a line of thousands of them costs
    in proportion (and mining it too)."""
    from tui.entities.shapes import _after_dateline

    def run(text: str) -> None:
        for at in range(len(text)):
            if text[at] == "—":
                _after_dateline(text, at, 0)

    assert doubling_ratio(run, lambda k: "the " + "x — Abcd " * k, 20_000, repeat=3) < 3

    def document(k: int) -> Document:
        return make_document("dashes", "dashes.md", "the " + "x — Abcd " * k + "\n", {})

    assert doubling_ratio(lambda doc: mine_shard([doc]), document, 20_000, repeat=3) < 3


def test_search_build_is_linear_in_a_paragraph_of_captions() -> None:
    """One paragraph with a photo credit glued into every few sentences: as many
    caption sections as credits, and the build takes each one's line numbers."""
    sentence = ("Officials said Jane Doe/APJapanese leaders met in Tokyo today. "
                + "Prose goes on here for a while and says nothing in particular at all. " * 2)

    def document(k: int) -> Document:
        doc = make_document("captions", "captions.md", sentence * k, {})
        assert len(doc.sections) > k  # a body section and a caption per sentence
        return doc

    def run(doc: Document) -> None:
        SearchIndex.build([doc])

    assert doubling_ratio(run, document, 5_000, repeat=3) < 3


def _compared(monkeypatch: pytest.MonkeyPatch, n: int) -> int:
    """Names compared by the near-duplicate join in one block of ``n`` names (same
    first letters, same last letter: the blocking key of a crowded archive)."""
    import tui.entities.merge as merge

    compared = 0
    real = merge.process.cdist

    def cdist(queries, choices, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal compared
        compared += len(queries) * len(choices)  # (every cell of the matrix)
        return real(queries, choices, **kwargs)

    monkeypatch.setattr(merge.process, "cdist", cdist)
    keys = [f"kappa{_word(i).lower()}z" for i in range(n)]
    merge._fuzzy(merge._Union(), {k: {k: 1} for k in keys}, {}, load_gazetteer())
    return compared


def test_the_near_duplicate_join_is_linear_in_a_crowded_block(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counts = [_compared(monkeypatch, n) for n in (1_000, 2_000, 4_000)]
    assert counts[0] > 0
    assert counts[1] <= 2.2 * counts[0] and counts[2] <= 2.2 * counts[1], counts


def test_the_near_duplicate_join_still_finds_twins_in_a_crowded_block() -> None:
    """A spelling variant that differs early, or late, meets its twin in a block of
    thousands of other names."""
    import tui.entities.merge as merge

    keys = [f"kappa{_word(i).lower()}z" for i in range(3_000)]
    # (hundreds of the block's names sort between "kappax…" and "kappaz…": only the
    # names read backwards bring the first pair together; the second pair is the
    # other way round)
    early, late = "kappaxdefencecorpsz", "kappadefencecorpsxz"
    uf = merge._Union()
    names = [*keys, early, early.replace("x", "z", 1), late, late.replace("x", "y")]
    merge._fuzzy(uf, {k: {k: 1} for k in names}, {}, load_gazetteer())
    assert uf.find(early) == uf.find(early.replace("x", "z", 1))
    assert uf.find(late) == uf.find(late.replace("x", "y"))
