"""Arrays laid end to end come back as they went in, typecodes included."""

from __future__ import annotations

from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.packing import lay, unlay

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
