"""How a capitalised word is written across the corpus (capitalised mid-sentence, or
in lower case), sampled per word: a common word that opens sentences is no name."""

from __future__ import annotations

import re

# How many documents a one-word name's casing is read in: enough to tell a common word
# ("People", "Look" opening sentences) from a name, and a bounded cost per word.
_CASE_SAMPLE = 12
_CAPITAL, _WEAK = 1, 2
# A word in lower case standing alone: not inside an address ("cnn.com"), a handle or a
# compound ("well-known"). Two letters or more: no one-letter word is a name.
_LOWER_WORD = re.compile(r"(?<![\w'’./@#-])[a-z]{2,}(?![\w@-])")


class Casing:
    """How a capitalised word is written across the corpus: in how many documents
    (of a sample) it is met capitalised mid-sentence, and in lower case.

    A word that starts sentences ("Look", "People", "Campaign") but is written in lower
    case elsewhere in the same articles is a common word; a name ("Trump", "Rubio") is
    not met in lower case. Reading the casing only in documents that hold the word
    capitalised keeps the cost to a few string searches per document.
    """

    __slots__ = ("counts", "lower")

    def __init__(self) -> None:
        # key -> [documents read, met capitalised mid-sentence, met in lower case]
        self.counts: dict[str, list[int]] = {}
        # every word the corpus writes in lower case somewhere (a few tens of thousands
        # of distinct words, however large the corpus: a language's vocabulary)
        self.lower: set[str] = set()

    def read_lower(self, text: str, start: int, end: int) -> None:
        """Note the words ``text[start:end]`` writes in lower case."""
        self.lower.update(_LOWER_WORD.findall(text, start, end))

    def reading(self, key: str) -> bool:
        """Whether the casing of ``key`` is still read: a sample of documents, cut short
        for a word capitalised mid-sentence in most (a name, as most are)."""
        c = self.counts.get(key)
        return c is None or (c[0] < _CASE_SAMPLE and 2 * c[1] <= _CASE_SAMPLE)

    def add(self, key: str, capital: bool, lower: bool) -> None:
        c = self.counts.get(key)
        if c is None:
            self.counts[key] = [1, int(capital), int(lower)]
        else:
            c[0] += 1
            c[1] += capital
            c[2] += lower

    def common(self, key: str) -> bool:
        """Met in lower case in more documents than capitalised mid-sentence."""
        c = self.counts.get(key)
        return c is not None and c[2] > c[1]

    def written_lower(self, key: str) -> bool:
        """Whether the corpus writes ``key`` in lower case anywhere, in any document:
        a word of the language ("torment", "subscribe"), which a capital at a
        sentence's start, in a heading or in a title ("Hullabaloo", "Listen") does
        not make a name."""
        c = self.counts.get(key)
        return c is not None and (c[2] > 0 or key in self.lower)

    def proper(self, key: str) -> bool:
        """Capitalised mid-sentence in a third of its documents or more, and no common
        word: a name, whose capital at a sentence's start means something too
        ("Unfortunately" and "Together" open sentences, and are capitalised nowhere
        else). A word never read passes."""
        c = self.counts.get(key)
        return c is None or (3 * c[1] >= c[0] and c[2] <= c[1])


def in_lower_case(text: str, word: str) -> bool:
    """Whether ``word`` (lower case) stands in ``text`` as a word of its own after a
    space (as words in lower case do: a line or sentence starts with a capital), not
    the start of a longer word or of an address ("cnn.com")."""
    spaced = " " + word
    j = len(spaced)
    i = text.find(spaced)
    while i >= 0:
        after = text[i + j : i + j + 1]
        if not (after.isalnum() or after in "_-") and not (
            after in ".’'" and text[i + j + 1 : i + j + 2].isalnum()
        ):
            return True
        i = text.find(spaced, i + j)
    return False
