"""Clusters of one statement across outlets, and the word diff between two reports."""

from __future__ import annotations

import itertools
import random

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tui.quotes.clusters import _STOPWORDS, assign_clusters, same_statement, similarity
from tui.quotes.diff import word_diff
from tui.quotes.model import Quote

from .quote_quality import FIXTURES, cluster_scores, corpus_quotes, load_gold
from .test_linear_time import doubling_ratio

PAIRS = yaml.safe_load((FIXTURES / "cluster_pairs.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("pair", PAIRS, ids=[p["a"]["text"][:30] for p in PAIRS])
def test_hand_written_pairs(pair):
    a, b = pair["a"], pair["b"]
    assert same_statement(a["text"], b["text"], a["speaker"], b["speaker"]) == pair["same"], (
        similarity(a["text"], b["text"])
    )


def test_corpus_clusters_match_the_annotation():
    precision, recall = cluster_scores(corpus_quotes(), load_gold("corpus_clusters.yaml"))
    assert precision == 1.0
    assert recall == 1.0


def test_kim_you_geun_statement_is_one_cluster_across_four_sources():
    kim = [q for q in corpus_quotes() if "national interest" in q.text and q.kind == "full"]
    assert len({q.source for q in kim}) == 4
    assert len({q.cluster for q in kim}) == 1 and kim[0].cluster is not None


def test_cluster_ids_are_stable():
    assert [q.cluster for q in corpus_quotes()] == [q.cluster for q in corpus_quotes()]


def test_word_for_word_copies_cluster_however_many_there_are():
    text = "We will keep every promise we made to the workers of this city"
    quotes = [_quote(i, text) for i in range(500)]
    clusters = assign_clusters(quotes)
    assert len(clusters) == 1 and len(next(iter(clusters.values()))) == 500


def test_reprinted_quotes_and_speakers_end_up_sharing_one_string():
    # copies as the build makes them: equal values, separate objects
    text = "We will keep every promise we made to the workers of this city"
    quotes = [_quote(i, "".join(list(text)), "".join(["Kim ", "Jong"])) for i in range(3)]
    quotes.append(_quote(3, "".join(list("white list")), None))
    quotes[3].kind = "scare"
    for q in quotes:
        q.start, q.end = int(str(q.start + 1000)), int(str(q.end + 1000))
    assign_clusters(quotes)
    assert all(q.text is quotes[0].text and q.speaker is quotes[0].speaker for q in quotes[:3])
    assert all(q.start is quotes[0].start and q.end is quotes[0].end for q in quotes[:3])
    assert (quotes[0].start, quotes[0].end) == (1000, 1000 + len(text))
    assert [q.text for q in quotes] == [text] * 3 + ["white list"]
    assert {q.speaker for q in quotes[:3]} == {"Kim Jong"} and quotes[3].speaker is None


def test_scare_quotes_and_fragments_never_cluster():
    quotes = [q for q in corpus_quotes() if q.kind == "scare" or q.words < 3]
    assert all(q.cluster is None for q in quotes)


def _quote(i: int, text: str, speaker: str | None = None) -> Quote:
    return Quote(f"q{i}", f"s{i % 7}", 0, len(text), text, speaker, "full", None, "body")


def test_clustering_is_not_quadratic() -> None:
    # words drawn with Zipf's law, as in text: twice the quotes cost about twice the time
    # (a ratio, never a wall-clock limit), far from the all-pairs comparison's four
    rng = random.Random(7)
    vocab = sorted(_STOPWORDS) + [f"w{i}" for i in range(50_000)]
    cum = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocab))))
    texts = [" ".join(rng.choices(vocab, cum_weights=cum, k=20)) for _ in range(10_000)]

    def quotes(n: int) -> list[Quote]:
        return [_quote(i, texts[i]) for i in range(n)]

    assert doubling_ratio(assign_clusters, quotes, 5_000, repeat=2) < 3
    clustered = quotes(10_000)
    assign_clusters(clustered)
    assert sum(q.cluster is not None for q in clustered) < 100


def test_word_diff_shows_how_outlets_differ():
    a = "Under this situation, the government has determined that it does not serve us"
    b = "Under this situation, we have determined that it would not serve us"
    assert word_diff(a, b) == [
        ("equal", "Under this situation,"),
        ("delete", "the government has"),
        ("insert", "we have"),
        ("equal", "determined that it"),
        ("delete", "does"),
        ("insert", "would"),
        ("equal", "not serve us"),
    ]


def test_word_diff_ignores_case_apostrophes_and_edge_punctuation():
    assert word_diff("We’re ready, Sir.", "we're ready sir") == [("equal", "we're ready sir")]


def test_word_diff_folds_a_lone_short_word_between_changes():
    diff = word_diff("maintaining the pact was wrong", "keeping the agreement was wrong")
    assert diff == [
        ("delete", "maintaining the pact"),
        ("insert", "keeping the agreement"),
        ("equal", "was wrong"),
    ]


def test_word_diff_of_empty_strings():
    assert word_diff("", "") == []
    assert word_diff("", "new words") == [("insert", "new words")]


_WORDS = st.lists(st.sampled_from(["a", "the", "cat", "Cat,", "dog", "sat", "ran."]), max_size=30)


@given(_WORDS, _WORDS)
def test_word_diff_rebuilds_both_sides(xs, ys):
    a, b = " ".join(xs), " ".join(ys)
    diff = word_diff(a, b)
    assert all(op in ("equal", "delete", "insert") and words for op, words in diff)
    side_b = " ".join(w for op, w in diff if op != "delete")
    assert side_b == " ".join(b.split())
    kept_a = [w for op, w in diff if op == "delete"]
    assert len(" ".join(kept_a).split()) <= len(xs)


def test_aligned_rows_put_each_change_beside_its_replacement() -> None:
    from tui.quotes.diff import aligned

    rows = aligned("We will never again lose to Japan", "We shall never again lose to Tokyo now")
    assert rows == [
        ("We", "We", False), ("will", "shall", True), ("never again lose to", "never again "
                                                         "lose to", False),
        ("Japan", "Tokyo now", True),
    ]
    # read down each column, the rows give back each wording
    left = " ".join(r[0] for r in rows if r[0])
    right = " ".join(r[1] for r in rows if r[1])
    assert left == "We will never again lose to Japan"
    assert right == "We shall never again lose to Tokyo now"
    assert aligned("same words", "same words") == [("same words", "same words", False)]
    assert aligned("", "new") == [("", "new", True)]
