"""Measure quotation spans, kinds, speakers and clusters against the hand annotations.

Run ``.venv/bin/python tests/quote_quality.py`` to print the numbers; the tests in
test_quotes.py, test_speakers.py and test_clusters.py assert the targets with the same
code.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(ROOT))

from tui.corpus.loader import load_corpus  # noqa: E402
from tui.quotes.extract import extract_quotes  # noqa: E402
from tui.quotes.model import Quote  # noqa: E402


@dataclass
class Scores:
    full_precision: float
    full_recall: float
    span_precision: float
    span_recall: float
    kind_accuracy: float
    speaker_accuracy: float
    misses: list[str]


def load_gold(name: str) -> list[dict]:
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _same_speaker(quote: Quote, gold: dict) -> bool:
    return quote.speaker == gold["speaker"] and quote.described == gold.get("described", False)


def score(quotes: list[Quote], gold: list[dict]) -> Scores:
    predicted = {(q.source, q.text): q for q in quotes}
    gold_by_key = {(g["source"], g["text"]): g for g in gold}
    pred_full = {k for k, q in predicted.items() if q.kind == "full"}
    gold_full = {k for k, g in gold_by_key.items() if g["kind"] == "full"}
    matched = [k for k in gold_by_key if k in predicted]
    kinds = sum(predicted[k].kind == gold_by_key[k]["kind"] for k in matched)
    spoken = [k for k in matched if gold_by_key[k]["kind"] != "scare"]
    # (a speaker is right with its kind: a description is marked as one, a name is not)
    right = {k for k in spoken if _same_speaker(predicted[k], gold_by_key[k])}
    speakers = len(right)
    misses = [f"missing: {k}" for k in gold_by_key if k not in predicted]
    misses += [f"extra: {k}" for k in predicted if k not in gold_by_key]
    misses += [
        f"kind {predicted[k].kind} != {gold_by_key[k]['kind']}: {k[1][:50]!r}"
        for k in matched
        if predicted[k].kind != gold_by_key[k]["kind"]
    ]
    misses += [
        f"speaker {predicted[k].speaker!r} != {gold_by_key[k]['speaker']!r}: {k[1][:50]!r}"
        for k in spoken
        if k not in right
    ]
    return Scores(
        full_precision=_ratio(len(pred_full & gold_full), len(pred_full)),
        full_recall=_ratio(len(pred_full & gold_full), len(gold_full)),
        span_precision=_ratio(len(matched), len(predicted)),
        span_recall=_ratio(len(matched), len(gold_by_key)),
        kind_accuracy=_ratio(kinds, len(matched)),
        speaker_accuracy=_ratio(speakers, len(spoken)),
        misses=misses,
    )


def cluster_scores(quotes: list[Quote], gold_clusters: list[dict]) -> tuple[float, float]:
    """Pairwise precision and recall of "these two quotations are one statement"."""

    def find(member: dict) -> Quote:
        hits = [q for q in quotes if q.source == member["source"]]
        hits = [q for q in hits if q.text.startswith(member["text"])]
        return hits[member.get("occurrence", 0)]

    gold_pairs = set()
    for c in gold_clusters:
        ids = sorted(find(m).id for m in c["members"])
        gold_pairs.update(combinations(ids, 2))
    pred_pairs = set()
    groups: dict[str, list[str]] = {}
    for q in quotes:
        if q.cluster:
            groups.setdefault(q.cluster, []).append(q.id)
    for ids in groups.values():
        pred_pairs.update(combinations(sorted(ids), 2))
    hit = len(gold_pairs & pred_pairs)
    return _ratio(hit, len(pred_pairs)), _ratio(hit, len(gold_pairs))


def corpus_quotes() -> list[Quote]:
    return extract_quotes(load_corpus(ROOT / "corpus").documents)


def newsstyle_quotes() -> list[Quote]:
    return extract_quotes(load_corpus(FIXTURES / "newsstyle").documents)


def heldout_quotes() -> list[Quote]:
    return extract_quotes(load_corpus(FIXTURES / "heldout").documents)


# (quotations, their annotations) for each fixture
FIXTURE_SETS = [
    (corpus_quotes, "corpus_quotes.yaml"),
    (newsstyle_quotes, "newsstyle_quotes.yaml"),
    (heldout_quotes, "heldout_quotes.yaml"),
]


def main() -> int:
    for label, quotes, gold in (
        ("bundled corpus", corpus_quotes(), load_gold("corpus_quotes.yaml")),
        ("news-style fixture", newsstyle_quotes(), load_gold("newsstyle_quotes.yaml")),
        ("held-out fixture", heldout_quotes(), load_gold("heldout_quotes.yaml")),
    ):
        s = score(quotes, gold)
        print(f"{label}: {len(gold)} annotated quotations")
        print(f"  full quotes   precision {s.full_precision:.3f}  recall {s.full_recall:.3f}")
        print(f"  all quotes    precision {s.span_precision:.3f}  recall {s.span_recall:.3f}")
        print(f"  kind accuracy {s.kind_accuracy:.3f}")
        print(f"  speaker accuracy {s.speaker_accuracy:.3f}")
        for m in s.misses:
            print("   ", m)
    p, r = cluster_scores(corpus_quotes(), load_gold("corpus_clusters.yaml"))
    print(f"clusters (bundled corpus, pairwise): precision {p:.3f}  recall {r:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
