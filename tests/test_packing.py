"""Packed values come back as they went in: arrays laid end to end (typecodes included),
strings joined into one text, offsets in the narrowest ints that hold them."""

from __future__ import annotations

from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.util.packing import apart, cut, joined, lay, offsets, separated, unlay

small = st.lists(st.integers(-(2**31), 2**31 - 1)).map(lambda xs: array("i", xs))
large = st.lists(st.integers(-(2**63), 2**63 - 1)).map(lambda xs: array("q", xs))


@given(st.lists(st.one_of(small, large)))
def test_arrays_come_back_in_order(arrays: list[array]) -> None:
    back = list(unlay(lay(arrays)))
    assert back == arrays
    assert [a.typecode for a in back] == [a.typecode for a in arrays]


def test_a_list_comes_back_as_an_array() -> None:
    assert list(unlay(lay([[1, 2, 3]]))) == [array("q", [1, 2, 3])]


@pytest.mark.parametrize("junk", [None, (), (b"i", array("q"), {}), "laid", (b"i", [1], {})])
def test_anything_else_is_a_value_error(junk: object) -> None:
    with pytest.raises(ValueError):
        list(unlay(junk))


@given(st.lists(st.text()))
def test_strings_joined_come_back_cut(strings: list[str]) -> None:
    text, lengths = joined(strings)
    assert cut(text, lengths) == strings


@pytest.mark.parametrize("lengths", [[1, 1], [5], []])
def test_lengths_that_do_not_fit_the_text_are_a_value_error(lengths: list[int]) -> None:
    with pytest.raises(ValueError):
        cut("abc", lengths)


def test_offsets_take_eight_bytes_only_when_one_needs_them() -> None:
    assert offsets([0, 2**31 - 1]).typecode == "i"
    wide = offsets([0, 2**31])
    assert wide.typecode == "q" and list(wide) == [0, 2**31]


@given(st.lists(small))
def test_offsets_of_one_typecode_come_back_in_order(arrays: list[array]) -> None:
    """(the common case, which is taken apart in C)"""
    back = list(unlay(lay(arrays)))
    assert back == arrays and all(a.typecode == "i" for a in back)


def test_lengths_that_do_not_add_up_still_raise_nothing_silently() -> None:
    codes, lengths, laid = lay([array("i", [1, 2]), array("i", [3])])
    laid["i"].append(4)  # (one number more than the lengths say)
    assert list(unlay((codes, lengths, laid))) == [array("i", [1, 2]), array("i", [3])]


@given(st.lists(st.text()))
def test_strings_separated_come_back_apart(strings: list[str]) -> None:
    assert apart(separated(strings)) == strings


def test_strings_holding_a_nul_are_kept_apart_by_their_lengths() -> None:
    assert isinstance(separated(["a", "b"]), str)
    assert not isinstance(separated(["a\0b", "c"]), str)
    assert not isinstance(separated([]), str)
