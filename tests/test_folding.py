"""The memo of folded names: blocks nest and share it; it goes when the last one ends."""

from __future__ import annotations

import tui.nlp.places as places
from tui.nlp.places import fold, folding


def _memo() -> dict[str, str]:
    return places._FOLDED


def test_nested_blocks_share_one_memo_dropped_after_the_outermost() -> None:
    with folding():
        fold("Moon Jae-in")
        outer = _memo()
        with folding():  # (a shard mined inside a build's block)
            assert _memo() is outer and "Moon Jae-in" in outer
            fold("Sea of Japan")
        assert _memo() is outer and "Sea of Japan" in outer
    assert "Moon Jae-in" not in _memo() and "Sea of Japan" not in _memo()
    assert places._DEPTH == 0


def test_folds_are_the_same_inside_and_outside_a_block() -> None:
    names = ["Moon Jae-in", "Émile Zola", "U.S.", "Kim  Jong-un", "O’Brien"]
    outside = [fold(n) for n in names]
    with folding(), folding():
        assert [fold(n) for n in names] == outside


def test_a_block_that_fails_still_ends() -> None:
    try:
        with folding():
            fold("Seoul")
            raise KeyError
    except KeyError:
        pass
    assert places._DEPTH == 0 and "Seoul" not in _memo()
