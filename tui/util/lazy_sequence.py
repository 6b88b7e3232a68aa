"""A read-only sequence whose items are made when they are read."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class LazySequence(Sequence[T]):
    """A read-only sequence whose item ``i`` is ``_at(i)``, made when read rather than
    kept in a list: a million entities, or the sidebar's rows of them, cost nothing
    until drawn. Negative indexes, slices and IndexError are as a list has them."""

    __slots__ = ()

    @overload
    def __getitem__(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: slice) -> list[T]: ...

    def __getitem__(self, i: int | slice) -> T | list[T]:
        places = range(len(self))
        if isinstance(i, slice):
            return [self._at(k) for k in places[i]]
        return self._at(places[i])

    def __iter__(self) -> Iterator[T]:
        return map(self._at, range(len(self)))

    def _at(self, i: int) -> T:
        raise NotImplementedError
