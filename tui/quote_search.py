"""Which quotations a search matches: the quote browser's filter, as the user types.

Matching each quotation's text on every keystroke meant looking up the words of every
quotation of every matching document, again and again: seconds a keystroke for the
hundred thousand quotations of a 10,000-article archive. Here each quotation's words are
looked up once, when the index is built, as the search index's stream keys, with postings
from each key to the quotations that hold it. A keystroke then takes the query's words
(typos and prefixes expanded as in any search) straight to their quotations.

A quotation matches when any of the query's words or phrases occurs in it (as a find in
the viewer highlights any of them), in a document that matches the whole query; or,
wherever it is, when its speaker's name holds every word of the query.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Collection, Container, Iterable, Sequence
from itertools import compress, repeat
from typing import Any

from .quotes import Quote
from .search import LINE_KEY, Matcher, SearchIndex, TextKeys

# Every stream key is three bytes.
_KEY = re.compile(b"...", re.DOTALL)
FORMAT = "quote-search-1"
# Compounds and phrases whose quotations are remembered (a word expands to up to 50 terms).
_ROWS_KEPT = 10_000


class QuoteFinder:
    """The quotations of an index, findable by the words of a search."""

    def __init__(
        self, quotes: Sequence[Quote], stream: bytes, bounds: array, keys: bytes,
        key_bounds: array, numbers: array,
    ) -> None:
        self.quotes = quotes
        # quotation i's keys are stream[bounds[i]:bounds[i + 1]], a line break's last
        self.stream, self.bounds = stream, bounds
        # the quotations holding key k (ascending numbers) are numbers[a:b], where
        # (a, b) are key_bounds[j], key_bounds[j + 1] and k is keys[3 * j : 3 * j + 3]
        self.numbers, self.key_bounds = numbers, key_bounds
        self._where = {keys[i : i + 3]: i // 3 for i in range(0, len(keys), 3)}
        self._keys = keys
        self._source_of = [q.source for q in quotes].__getitem__
        self._sources = frozenset(q.source for q in quotes)
        # each speaker's name, casefolded → the quotations they speak (an array each: a
        # list would hold an int object a quotation)
        self._speakers: dict[str, array] = {}
        for i, quote in enumerate(quotes):
            if quote.speaker:
                name = quote.speaker.casefold()
                spoken = self._speakers.get(name)
                if spoken is None:
                    spoken = self._speakers[name] = array("I")
                spoken.append(i)
        # a compound's or phrase's pattern → the quotations holding it, from first use
        self._rows: dict[bytes, list[int]] = {}

    @classmethod
    def build(cls, search: SearchIndex, quotes: Sequence[Quote]) -> QuoteFinder:
        keys_of = TextKeys(search)
        # (a statement reprinted by many outlets is looked up once)
        known: dict[str, tuple[bytes, list[bytes]]] = {}
        parts: list[bytes] = []
        bounds = array("Q", [0])
        postings: dict[bytes, list[int]] = {}
        for i, quote in enumerate(quotes):
            found = known.get(quote.text)
            if found is None:
                stream = keys_of(quote.text)
                found = known[quote.text] = (stream, list(set(_KEY.findall(stream))))
            stream, distinct = found
            # (a line break after each: no word or phrase is found across two quotations)
            parts.append(stream)
            parts.append(LINE_KEY)
            bounds.append(bounds[-1] + len(stream) + len(LINE_KEY))
            for key in distinct:
                held = postings.get(key)
                if held is None:
                    postings[key] = [i]
                else:
                    held.append(i)
        del known, keys_of
        numbers = array("I")
        key_bounds = array("Q", [0])
        for held in postings.values():
            numbers.extend(held)
            key_bounds.append(len(numbers))
        return cls(quotes, b"".join(parts), bounds, b"".join(postings), key_bounds, numbers)

    def state(self) -> dict[str, Any]:
        """What :meth:`from_state` needs to make this finder again for the same quotes."""
        return {
            "format": FORMAT, "stream": self.stream, "bounds": self.bounds,
            "keys": self._keys, "key_bounds": self.key_bounds, "numbers": self.numbers,
        }

    @classmethod
    def from_state(cls, quotes: Sequence[Quote], state: Any) -> QuoteFinder | None:
        """The finder ``state()`` described, or None if it is not one for these quotes."""
        try:
            if state["format"] != FORMAT or len(state["bounds"]) != len(quotes) + 1:
                return None
            parts = [state[k] for k in ("stream", "bounds", "keys", "key_bounds", "numbers")]
        except (KeyError, TypeError):
            return None
        if len(parts[2]) != 3 * (len(parts[3]) - 1):
            return None
        return cls(quotes, *parts)

    # --- finding ----------------------------------------------------------------------------

    def matching(
        self, search: SearchIndex, query: str, sources: Container[str] | None = None
    ) -> list[Quote]:
        """The quotations ``query`` matches (see the module's docstring), in index order.
        Words and phrases count only in documents of ``sources``, if given."""
        in_text: set[int] = set()
        for matcher in search.matchers(query):
            if matcher.regex is not None:
                in_text.update(self._phrase(matcher))
            for key in matcher.keys:
                in_text.update(self._holding(key) if len(key) == 3 else self._compound(key))
        if sources is not None and not all(map(sources.__contains__, self._sources)):
            # (whole columns at a time: tens of thousands of quotations)
            listed = list(in_text)
            in_text = set(compress(listed, map(sources.__contains__, map(self._source_of, listed))))
        in_text.update(self._spoken_by(query))
        return list(map(self.quotes.__getitem__, sorted(in_text)))

    def _holding(self, key: bytes) -> array:
        j = self._where.get(key)
        if j is None:
            return array("I")
        return self.numbers[self.key_bounds[j] : self.key_bounds[j + 1]]

    def _compound(self, key: bytes) -> list[int]:
        """The quotations holding a compound's parts in a row ("jae-in" is "jae", "in")."""
        parts = [self._holding(key[i : i + 3]) for i in range(0, len(key), 3)]
        return self._in_a_row(re.compile(re.escape(key)), parts)

    def _phrase(self, matcher: Matcher) -> list[int]:
        assert matcher.regex is not None
        slots = [set().union(*map(self._holding, slot)) for slot in matcher.slots]
        return self._in_a_row(matcher.regex, slots)

    def _in_a_row(self, regex: re.Pattern[bytes], slots: list[Collection[int]]) -> list[int]:
        """The quotations where ``regex`` matches, of those holding a key of each slot
        (remembered: as a word is typed, its compounds and phrases come back)."""
        found = self._rows.get(regex.pattern)
        if found is not None:
            return found
        if len(self._rows) >= _ROWS_KEPT:
            self._rows.clear()
        slots = sorted(slots, key=len)
        candidates = set(slots[0]).intersection(*slots[1:]) if slots else set()
        stream, bounds = self.stream, self.bounds
        if len(candidates) > len(self.quotes) // 10:
            # most quotations: one scan of them all beats a search in each
            starts = [m.start() for m in regex.finditer(stream)]
            found = [i - 1 for i in sorted(set(map(bisect_right, repeat(bounds), starts)))]
        else:
            found = [
                i for i in sorted(candidates) if regex.search(stream, bounds[i], bounds[i + 1])
            ]
        self._rows[regex.pattern] = found
        return found

    def clear_cache(self) -> None:
        """Forget what earlier queries worked out (the benchmark times cold keystrokes)."""
        self._rows.clear()

    def _spoken_by(self, query: str) -> list[int]:
        """Quotations whose speaker's name holds every word of the query (of two letters
        or more), as typed: "kono" finds Taro Kono's."""
        words = [w for w in query.casefold().split() if len(w) > 1]
        if not words:
            return []
        names: Iterable[str] = self._speakers
        for word in words:
            names = [name for name in names if word in name]
        return [i for name in names for i in self._speakers[name]]

