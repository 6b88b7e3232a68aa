"""Sets of numbers as ints: every way in and out agrees with a plain set."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.util import bitsets

SIZES = st.integers(min_value=0, max_value=3000)


@st.composite
def sets(draw: st.DrawFn) -> tuple[set[int], int]:
    size = draw(SIZES)
    if size == 0:
        return set(), 0
    dense = draw(st.booleans())  # (the two ways out switch at one number in eight)
    numbers = st.integers(min_value=0, max_value=size - 1)
    members = draw(st.sets(numbers, max_size=size if dense else max(1, size // 16)))
    return members, size


@given(sets())
def test_numbers_round_trip(case: tuple[set[int], int]) -> None:
    members, size = case
    bits = bitsets.from_numbers(members, size)
    assert bits == sum(1 << i for i in members)
    assert bitsets.numbers(bits) == sorted(members)


@given(sets())
def test_flags_round_trip(case: tuple[set[int], int]) -> None:
    members, size = case
    bits = bitsets.from_numbers(members, size)
    flags = bitsets.to_flags(bits, size)
    assert len(flags) == size
    assert [i for i, flag in enumerate(flags) if flag] == sorted(members)
    assert bitsets.from_flags(flags) == bits


@given(sets())
def test_select_picks_the_items_at_the_numbers(case: tuple[set[int], int]) -> None:
    members, size = case
    items = [f"item {i}" for i in range(size)]
    assert bitsets.select(items, bitsets.from_numbers(members, size)) == [
        items[i] for i in sorted(members)
    ]


def test_flags_are_cut_to_the_size_asked_for() -> None:
    assert bitsets.to_flags(0b1011, 2) == b"\x01\x01"
    assert bitsets.to_flags(0, 3) == b"\x00\x00\x00"
    assert bitsets.numbers(0) == []


@given(sets(), st.integers(min_value=-3100, max_value=3100))
def test_picked_reads_what_a_list_of_the_picked_items_holds(
    picked: tuple[set[int], int], i: int
) -> None:
    members, size = picked
    bits = bitsets.from_numbers(members, size)
    items = [f"item {n}" for n in range(size)]
    expected = [items[n] for n in sorted(members)]
    lazy = bitsets.Picked(items, bits)
    assert len(lazy) == len(expected)
    assert lazy == expected and list(lazy) == expected
    assert lazy[i // 7 : i // 3] == expected[i // 7 : i // 3]
    if -len(expected) <= i < len(expected):
        assert lazy[i] == expected[i]
    else:
        with pytest.raises(IndexError):
            lazy[i]
    for n in range(size):
        assert lazy.rank(n) == (sorted(members).index(n) if n in members else None)


def test_numbers_of_gives_each_keys_number_and_minus_one_for_none() -> None:
    places = {"a": 0, "b": 7}
    assert bitsets.numbers_of(places, iter(["b", "x", "a"]), 3).tolist() == [7, -1, 0]
