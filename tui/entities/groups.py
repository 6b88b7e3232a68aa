"""Where each mined name form was met: per document, its mention starts, in arrays, for
the merge to lay out as mentions."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Any

_Form = tuple[str, str, bool, bool, int]
# A name's votes: type → weight, and ("!", type) → the weight of strong evidence alone.
_Votes = dict[Any, int]
# Weak hints are counted for this many mentions of a name only, so that strong evidence
# scales with the corpus and weak evidence does not drown it.
_WEAK_SAMPLE = 8


class _Groups:
    """The mentions of each name form in each document, gathered in a single pass.

    Merging works on these groups, not on each of a large corpus's million mentions. A
    large corpus has half a million groups, and they live until every entity is made:
    as a tuple and an array each they took 100 MB. Here they are columns of numbers:
    group ``i`` is form ``form[i]`` in document ``sources[doc[i]]``, at the offsets
    ``starts[bounds[i]:bounds[i + 1]]``. (Plain arrays also pickle in one piece when
    another process sends its groups.)
    """

    __slots__ = ("sources", "numbers", "doc", "form", "bounds", "starts")

    def __init__(self) -> None:
        self.sources: list[str] = []  # distinct document ids, in order of first group
        self.numbers: dict[str, int] = {}  # document id → its place in sources
        self.doc = array("i")
        self.form = array("i")
        self.bounds = array("q", [0])
        # 4-byte offsets unless a document has 2**31 characters or more (as packing.offsets)
        self.starts = array("i")

    def __len__(self) -> int:
        return len(self.doc)

    def number(self, source: str) -> int:
        n = self.numbers.get(source)
        if n is None:
            n = self.numbers[source] = len(self.sources)
            self.sources.append(source)
        return n

    def wide(self) -> None:
        """Make room for offsets of 2**31 and more."""
        if self.starts.typecode != "q":
            self.starts = array("q", self.starts)

    def add(self, doc: int, fid: int, starts: list[int]) -> int:
        """Add a group; its index."""
        self.doc.append(doc)
        self.form.append(fid)
        self.starts.extend(starts)
        self.bounds.append(len(self.starts))
        return len(self.doc) - 1

    def sizes(self) -> array:
        """Each group's number of mentions."""
        bounds = self.bounds
        return array("q", map(int.__sub__, bounds[1:], bounds))

    def extend(self, other: _Groups, fids: Sequence[int]) -> None:
        """Add ``other``'s groups after these; ``fids`` maps its form ids to these ones."""
        numbers = array("i", map(self.number, other.sources))
        base = self.bounds[-1]
        self.doc.extend(array("i", map(numbers.__getitem__, other.doc)))
        self.form.extend(array("i", map(fids.__getitem__, other.form)))
        self.bounds.extend(array("q", [base + b for b in other.bounds[1:]]))
        if other.starts.typecode == "q":
            self.wide()
        self.starts.extend(
            other.starts if other.starts.typecode == self.starts.typecode
            else array(self.starts.typecode, other.starts)
        )

    def __getstate__(self) -> tuple:
        return self.sources, self.doc, self.form, self.bounds, self.starts

    def __setstate__(self, state: tuple) -> None:
        self.sources, self.doc, self.form, self.bounds, self.starts = state
        self.numbers = {source: n for n, source in enumerate(self.sources)}

