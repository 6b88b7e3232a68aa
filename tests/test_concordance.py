"""The concordance: every hit in its context, in four orders, from one core answer that
`newsdesk concordance` prints as the dashboard's pane lists it."""

from __future__ import annotations

import json

import pytest

from tui.build.concordance import Concordance, context_line
from tui.build.corpus_index import CorpusIndex
from tui.cli import main
from tui.config import Settings
from tui.corpus.document import Document
from tui.nlp.text import WORD, normalise
from tui.quotes.browse import QuoteFilter
from tui.search.counting import Hits

from .conftest import CORPUS


@pytest.fixture(scope="module")
def index(bundled: list[Document]) -> CorpusIndex:
    return CorpusIndex.build(bundled, Settings(corpus=CORPUS))


def words(text: str) -> list[str]:
    return [normalise(m[0]) for m in WORD.finditer(text)]


def test_one_line_per_hit_in_every_matching_source(index: CorpusIndex) -> None:
    result = index.query("korea", typing=False)
    concordance = result.concordance()
    assert len(concordance) == concordance.total == sum(result.hits.values())
    assert {line.source for line in concordance.lines()} == set(result.hits)
    for line in concordance.lines():
        doc = index.by_id[line.source]
        assert doc.text[line.start : line.end] == line.keyword
        assert normalise(line.keyword).startswith("korea")
        assert len(line.left) <= 60 and len(line.right) <= 60
        assert line.outlet == doc.outlet_label and line.date == doc.date
        # the context is the text next to the hit, whitespace folded
        assert " ".join(doc.text[: line.start].split()).endswith(line.left.rstrip())


def test_source_order_is_corpus_then_text_order(index: CorpusIndex) -> None:
    hits = index.query("japan", typing=False).concordance("source").hits
    order = index.order
    assert hits == sorted(hits, key=lambda h: (order[h[0]], h[1]))


def test_left_and_right_sort_by_the_nearest_words(index: CorpusIndex) -> None:
    result = index.query("intelligence", typing=False)
    left = result.concordance("left").lines()
    keys = [words(line.left)[::-1] for line in left]
    assert keys == sorted(keys)
    right = result.concordance("right").lines()
    keys = [words(line.right) for line in right]
    assert keys == sorted(keys)
    assert sorted(left, key=lambda x: (x.source, x.start)) == sorted(
        right, key=lambda x: (x.source, x.start))


def test_date_sort_puts_undated_sources_last(tmp_path) -> None:
    docs = [
        Document(id=name, path=name, text=f"{name} says the treaty holds.", meta=meta)
        for name, meta in [("a", {}), ("b", {"date": "2020-01-02"}), ("c", {"date": "2019-05-01"})]
    ]
    index = CorpusIndex.build(docs, Settings(corpus=tmp_path))
    lines = index.query("treaty", typing=False).concordance("date").lines()
    assert [line.source for line in lines] == ["c", "b", "a"]


def test_without_a_search_an_entity_filter_lists_its_mentions(index: CorpusIndex) -> None:
    entity = index.entities[0]
    concordance = index.query("", QuoteFilter(entity=entity.name)).concordance()
    spans = sorted((index.order[m.source], m.start, m.end) for m in entity.mentions)
    assert [(index.order[s], a, b) for s, a, b in concordance.hits] == spans
    assert len(concordance) == entity.count
    assert index.query("").concordance().hits == []  # nothing to list


def test_a_limit_keeps_the_first_lines_and_says_how_many_there_are(index: CorpusIndex) -> None:
    concordance = index.query("korea", typing=False).concordance(limit=3)
    assert len(concordance) == 3 and concordance.truncated and concordance.total > 3


def test_n_and_shift_n_step_through_the_lines_in_order(index: CorpusIndex) -> None:
    concordance = index.query("korea", typing=False).concordance("right")
    hits = concordance.hits
    source, start, _end = hits[4]
    assert concordance.position(source, start, 1) == 5
    assert concordance.position(source, start, -1) == 3
    last = hits[-1]
    assert concordance.position(last[0], last[1], 1) == 0  # wraps
    # from elsewhere in a source: its first line past the offset
    by_source = index.query("korea", typing=False).concordance("source")
    first_doc = by_source.hits[0][0]
    assert by_source.position(first_doc, -1, 1) == 0


def test_context_is_cut_from_a_window_not_the_whole_text() -> None:
    # the context of a hit in a huge text costs the same as in a small one
    big = Document(id="x", path="x", text="word " * 200_000 + "needle " + "word " * 200_000)
    start = big.text.index("needle")
    line = context_line(big, start, start + 6)
    assert line.keyword == "needle" and len(line.left) == 60 and len(line.right) == 60


def test_the_cli_prints_the_core_answer(index: CorpusIndex, capsys) -> None:
    assert main(["concordance", "korea", "--sort", "left", "--json",
                 "--corpus", str(CORPUS)]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = index.query("korea", typing=False).concordance("left").lines()
    assert printed == [line.to_json() for line in expected]


def test_the_cli_refuses_nothing_to_list(capsys) -> None:
    assert main(["concordance", "--corpus", str(CORPUS)]) == 2
    assert "give a QUERY or --entity" in capsys.readouterr().err
    with pytest.raises(ValueError):
        Concordance(None, "sideways")  # type: ignore[arg-type]


def test_the_lines_follow_the_matches_where_a_count_differs(index: CorpusIndex) -> None:
    # a word's count in a source saturates at 255: the lines come from the matches
    result = index.query("korea", typing=False)
    counts = dict(result.hits)
    first = next(iter(counts))
    counts[first] += 3
    result.__dict__["hits"] = counts
    concordance = result.concordance()
    expected = [(d.id, s, e) for d in result.sources for s, e in result.matches_in(d.id)]
    last = expected[-1]
    assert concordance.position(last[0], last[1], 1) == 0
    assert concordance.hits == expected and concordance.total == len(expected)


@pytest.mark.parametrize("sort", ["source", "date"])
def test_the_counts_read_off_the_search_are_its_counts_by_source(
    index: CorpusIndex, sort: str
) -> None:
    # (the counts come off the search's arrays, in C: the same as asking source by source)
    result = index.query("korea", typing=False)
    assert isinstance(result.hits, Hits)
    fast = result.concordance(sort)
    slow = index.query("korea", typing=False)
    slow.__dict__["hits"] = dict(result.hits)
    by_id = slow.concordance(sort)
    assert fast._counts.tolist() == [result.hits[d.id] for d in fast.docs]
    assert fast.hits == by_id.hits and len(fast) == len(by_id)
    hits = result.hits
    ids = [d.id for d in index.documents][::-1] + ["no such source"]
    assert hits.counts_of(iter(ids), len(ids)).tolist() == [hits.get(i, 0) for i in ids]


def test_filling_a_screen_searches_only_the_sources_on_it(index: CorpusIndex) -> None:
    result = index.query("korea", typing=False)
    concordance = result.concordance()
    for i in range(5):
        concordance.line(i)
    assert len(concordance) == sum(result.hits.values())
    assert set(concordance._spans) == {concordance.hit(0)[0]}  # one source read


def test_the_text_table_centres_the_keyword(capsys) -> None:
    assert main(["concordance", "regrettable", "--corpus", str(CORPUS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert {line.index("regrettable") for line in lines} == {40}
    assert all(line.endswith("002-japan-today-ap") for line in lines)
    assert main(["concordance", "korea", "--limit", "2", "--corpus", str(CORPUS)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2 and "first 2 of" in captured.err


def test_sources_timeline_text(capsys) -> None:
    assert main(["sources", "--timeline", "--corpus", str(CORPUS)]) == 0
    assert capsys.readouterr().out.split()[:2] == ["2019-08-22", "5"]
