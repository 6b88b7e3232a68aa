"""Which quotations a search matches: the quote browser's filter, as the user types.

Matching each quotation's text on every keystroke meant looking up the words of every
quotation of every matching document, again and again: seconds a keystroke for the
hundred thousand quotations of a 10,000-article archive. Here each quotation's words are
looked up once, when the index is built, as the search index's stream keys, with postings
from each key to the quotations that hold it. A keystroke then takes the query's words
(typos and prefixes expanded as in any search) straight to their quotations.

A quotation matches when any of the query's words or phrases occurs in it (as a find in
the viewer highlights any of them), in a document that matches the whole query; or,
wherever it is, when the query names its speaker (each word typed starts a word of the
name). The sets of quotations are bitmaps (tui/bitsets.py): a letter or a common word
matches tens of thousands, and a keystroke has a few milliseconds for them.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Container, Iterable, Sequence
from itertools import accumulate, chain, compress, groupby, repeat
from operator import mul
from typing import Any

import numpy as np

from tui.quotes.browse import query_name_words, spaced_words
from tui.quotes.model import Quote
from tui.search.cache import ResultCache
from tui.search.counting import Hits
from tui.search.index import SearchIndex
from tui.search.keys import KEY_SIZE, LINE_KEY, Matcher, TextKeys, split_keys
from tui.search.phrases import PhraseFinder
from tui.util import bitsets

FORMAT = "quote-search-2"
# Compounds and phrases whose quotations are remembered (a word expands to up to 50 terms).
_ROWS_KEPT = 1_000
# A key held by at least 1 quotation in this many also keeps them as a bitmap: the bitmap
# is then no larger than its postings, and a union with it is one C operation
_BITMAP_SHARE = 32
_FLAG = (b"\x00", b"\x01")
# A word of a query that may be part of a name: letters and digits, joined by a hyphen,
# dot or apostrophe ("you-geun", "o'neil"); not a phrase, an operator or a prefix mark


_STATE = ("stream", "bounds", "keys", "key_bounds", "numbers")


def _tables(quotes: Sequence[Quote]) -> tuple[Any, ...]:
    """The finder's tables of sources and speakers (see QuoteFinder.__init__)."""
    runs = [(source, len(list(run))) for source, run in groupby(q.source for q in quotes)]
    speakers: dict[str, array] = {}
    for i, quote in enumerate(quotes):
        if quote.speaker:
            name = quote.speaker.casefold()
            spoken = speakers.get(name)
            if spoken is None:
                spoken = speakers[name] = array("I")
            spoken.append(i)
    lines = "".join(spaced_words(name) + "\n" for name in speakers)
    numbers = array("I")
    bounds = array("Q", [0])
    for spoken in speakers.values():
        numbers.extend(spoken)
        bounds.append(len(numbers))
    return ([source for source, _n in runs], array("Q", [n for _source, n in runs]),
            lines, numbers, bounds)


def _fits(tables: Any, quotes: int) -> bool:
    """Whether ``tables``, read from a cache, have the shape of _tables' for ``quotes``
    quotations (a cache of this version made them for these quotations)."""
    try:
        sources, lengths, lines, numbers, bounds = tables
        return (
            isinstance(sources, list) and isinstance(lines, str)
            and all(isinstance(a, array) for a in (lengths, numbers, bounds))
            and len(sources) == len(lengths) and sum(lengths) == quotes
            and len(bounds) == lines.count("\n") + 1 and bounds[-1] == len(numbers)
            and (not numbers or max(numbers) < quotes)
        )
    except (TypeError, ValueError):
        return False


def index_texts(search: SearchIndex, texts: Sequence[str]) -> dict[str, Any]:
    """The state of a :class:`QuoteFinder` for quotations of these texts, in this order:
    all of it that needs only the texts, so that another process can make it."""
    # a statement reprinted by many outlets is looked up, and posted, once for all of
    # its quotations
    rows_of: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        rows = rows_of.get(text)
        if rows is None:
            rows_of[text] = [i]
        else:
            rows.append(i)
    keys_of = TextKeys(search)
    streams: dict[str, bytes] = {}
    postings: dict[bytes, list[int]] = {}
    for text, rows in rows_of.items():
        stream = streams[text] = keys_of(text)
        for key in set(split_keys(stream)):
            held = postings.get(key)
            if held is None:
                postings[key] = rows[:]
            else:
                held += rows
    del rows_of, keys_of
    n = len(texts)
    numbers = array("I")
    key_bounds = array("Q", [0])
    bitmaps: dict[bytes, int] = {}
    for key, held in postings.items():
        held.sort()  # (in order already, unless a reprint came between)
        numbers.extend(held)
        key_bounds.append(len(numbers))
        if len(held) * _BITMAP_SHARE >= n:
            bitmaps[key] = bitsets.from_numbers(held, n)
    # each quotation's keys, a line break after each: no word or phrase is found across
    # two quotations
    each = list(map(streams.__getitem__, texts))
    bounds = array("Q", accumulate(map(len(LINE_KEY).__add__, map(len, each)), initial=0))
    stream = b"".join(chain.from_iterable(zip(each, repeat(LINE_KEY))))
    return {
        "format": FORMAT, "stream": stream, "bounds": bounds, "keys": b"".join(postings),
        "key_bounds": key_bounds, "numbers": numbers, "bitmaps": bitmaps,
    }


class QuoteFinder:
    """The quotations of an index, findable by the words of a search."""

    def __init__(
        self, quotes: Sequence[Quote], stream: bytes, bounds: array, keys: bytes,
        key_bounds: array, numbers: array, bitmaps: dict[bytes, int],
        *, tables: tuple[Any, ...] | None = None,
    ) -> None:
        self.quotes = quotes
        # quotation i's keys are stream[bounds[i]:bounds[i + 1]], a line break's last
        self.stream, self.bounds = stream, bounds
        # the quotations holding key k (ascending numbers) are numbers[a:b], where
        # (a, b) are key_bounds[j], key_bounds[j + 1] and k is split_keys(keys)[j]
        self.numbers, self.key_bounds = numbers, key_bounds
        self._where = {key: j for j, key in enumerate(split_keys(keys))}
        self._keys = keys
        self._source_of = [q.source for q in quotes].__getitem__
        # each run's document number in the search index, and its length, as arrays
        # (made when first needed)
        self._runs: tuple[np.ndarray, np.ndarray] | None = None
        # the quotations of each key held by 1 quotation in _BITMAP_SHARE or more
        self._bitmaps = bitmaps
        # The tables that come from the quotations' sources and speakers (a cached
        # index keeps them, so that a large archive's opening does not make them again):
        # * the quotations in runs of one source each, for a filter by source in C;
        # * each speaker's name as :func:`spaced_words` spaces it, one a line ("kim
        #   you-geun": " kim you geun"), so that a word of a query is found at the start
        #   of theirs with a C scan; and the quotations each speaks, name k's at
        #   spoken[spoken_bounds[k]:spoken_bounds[k + 1]], in arrays (a list would hold
        #   an int object a quotation).
        if tables is None or not _fits(tables, len(quotes)):
            tables = _tables(quotes)
        self._run_sources, self._run_lengths, self._name_lines, spoken, spoken_bounds = tables
        self._sources = frozenset(self._run_sources)
        self._spoken, self._spoken_bounds = spoken, spoken_bounds
        # where each word of a name starts, and whose name it is (made when first needed)
        self._name_index: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        # a compound's or phrase's pattern → the quotations holding it, from first use
        self._rows: dict[bytes, int] = {}
        # a phrase in most quotations, found in the whole stream at once
        self._phrases = PhraseFinder(stream, bounds, ResultCache())

    @classmethod
    def build(cls, search: SearchIndex, quotes: Sequence[Quote]) -> QuoteFinder:
        finder = cls.from_state(quotes, index_texts(search, [q.text for q in quotes]))
        assert finder is not None
        return finder

    def state(self) -> dict[str, Any]:
        """What :meth:`from_state` needs to make this finder again for the same quotes."""
        return {
            "format": FORMAT, "stream": self.stream, "bounds": self.bounds,
            "keys": self._keys, "key_bounds": self.key_bounds, "numbers": self.numbers,
            "bitmaps": self._bitmaps,
            "tables": (self._run_sources, self._run_lengths, self._name_lines,
                       self._spoken, self._spoken_bounds),
        }

    @classmethod
    def from_state(cls, quotes: Sequence[Quote], state: Any) -> QuoteFinder | None:
        """The finder ``state()`` (or :func:`index_texts` of the quotations' texts)
        described, or None if it is not one for these quotes."""
        try:
            if state["format"] != FORMAT or len(state["bounds"]) != len(quotes) + 1:
                return None
            parts = [state[k] for k in (*_STATE, "bitmaps")]
        except (KeyError, TypeError):
            return None
        if len(parts[2]) != KEY_SIZE * (len(parts[3]) - 1) or not isinstance(parts[5], dict):
            return None
        return cls(quotes, *parts, tables=state.get("tables"))

    def respoken(self, quotes: Sequence[Quote]) -> QuoteFinder:
        """This finder for the same quotations, in the same order, some of them now
        given to other speakers (a correction): only the speakers' tables are new."""
        state = self.state()
        state["tables"] = None
        finder = QuoteFinder.from_state(quotes, state)
        assert finder is not None  # (the same quotations, so the same shape)
        return finder

    # --- finding ----------------------------------------------------------------------------

    def matching(
        self, search: SearchIndex, query: str, sources: Container[str] | None = None
    ) -> list[Quote]:
        """The quotations ``query`` matches (see the module's docstring), in index order.
        Words and phrases count only in documents of ``sources``, if given."""
        return bitsets.select(self.quotes, self.matching_bits(search, query, sources))

    def matching_bits(
        self, search: SearchIndex, query: str, sources: Container[str] | None = None
    ) -> int:
        """:meth:`matching` as a set of the quotations' numbers (their places in the
        index's list), for filters to narrow before any quotation is listed."""
        in_text = 0
        for matcher in search.matchers(query):
            if matcher.regex is not None:
                in_text |= self._phrase(matcher)
            words = {key for key in matcher.keys if len(key) == KEY_SIZE}
            in_text |= self._union(words)
            for key in matcher.keys:
                # A compound: its parts in a row. Where its first part is one of the
                # words already taken ("k" as typed stands for "kim" and "kim-jong"),
                # every quotation that holds it is already in (and a scan of them all
                # is spared, on the keystroke that is most often typed).
                if len(key) > KEY_SIZE and key[:KEY_SIZE] not in words:
                    in_text |= self._compound(key)
        n = len(self.quotes)
        if isinstance(sources, Hits):
            # the documents as a set: the quotations of those that match, in one step
            in_text &= self._quotes_in(search, sources.bits)
        elif sources is not None and not all(map(sources.__contains__, self._sources)):
            if in_text.bit_count() * 8 < n:  # (a few: each one's source, rather than all)
                rows = bitsets.numbers(in_text)
                kept = compress(rows, map(sources.__contains__, map(self._source_of, rows)))
                in_text = bitsets.from_numbers(kept, n)
            else:
                in_text &= self._quotes_of(sources)
        spoken = self._spoken_by(query)
        if len(spoken):  # (a speaker's quotations are an array, not a bitmap)
            in_text |= bitsets.from_numbers(spoken, n)
        return in_text

    def _quotes_in(self, search: SearchIndex, documents: int) -> int:
        """The quotations from the documents of a set of the search index's numbers."""
        if self._runs is None:
            self._runs = (
                search.document_numbers(self._run_sources),
                np.array(self._run_lengths, dtype=np.int64),
            )
        run_docs, run_lengths = self._runs
        kept = bitsets.flags_of(documents, len(search.documents))[run_docs]
        return bitsets.from_flags(np.repeat(kept, run_lengths))

    def of_source(self, source: str) -> int:
        """The quotations of one source, as a set of their numbers."""
        return self._quotes_of({source})

    def _holding(self, key: bytes) -> array:
        j = self._where.get(key)
        if j is None:
            return array("I")
        return self.numbers[self.key_bounds[j] : self.key_bounds[j + 1]]

    def _union(self, keys: Iterable[bytes]) -> int:
        """The quotations holding any of ``keys``."""
        bits = 0
        rare = bytearray(len(self.quotes))  # (marked one by one, turned into bits once)
        marked = False
        for key in keys:
            frequent = self._bitmaps.get(key)
            if frequent is not None:
                bits |= frequent
            else:
                held = self._holding(key)
                if held:
                    bitsets.mark(rare, held)
                    marked = True
        return bits | bitsets.from_flags(rare) if marked else bits

    def _quotes_of(self, sources: Container[str]) -> int:
        """The quotations from any of ``sources``."""
        picked = map(_FLAG.__getitem__, map(sources.__contains__, self._run_sources))
        return bitsets.from_flags(b"".join(map(mul, picked, self._run_lengths)))

    def _compound(self, key: bytes) -> int:
        """The quotations holding a compound's parts in a row ("jae-in" is "jae", "in")."""
        parts = [[part] for part in split_keys(key)]
        return self._in_a_row(re.compile(re.escape(key)), parts)

    def _phrase(self, matcher: Matcher) -> int:
        assert matcher.regex is not None
        return self._in_a_row(matcher.regex, matcher.slots)

    def _in_a_row(self, regex: re.Pattern[bytes], slots: list[list[bytes]]) -> int:
        """The quotations where ``regex`` matches, of those holding a key of each slot
        (remembered: as a word is typed, its compounds and phrases come back)."""
        found = self._rows.get(regex.pattern)
        if found is not None:
            return found
        if len(self._rows) >= _ROWS_KEPT:
            self._rows.clear()
        n = len(self.quotes)
        unions = [(self._union(slot), slot) for slot in slots]
        unions.sort(key=lambda union: union[0].bit_count())
        others = -1
        for bits, _slot in unions[1:]:
            others &= bits
        stream, bounds = self.stream, self.bounds
        if not unions:
            found = 0
        elif (unions[0][0] & others).bit_count() > n // 10:
            # most quotations: one scan of them all beats a search in each (as the
            # search scans for a phrase in most documents: tui/search/phrases.py)
            found = bitsets.from_numbers(self._phrases.starts(slots)[1], n)
        else:
            # the rarest slot's quotations that the other slots hold too, each searched
            # (in C: map and compress, with no Python step a quotation)
            rarest, slot = unions[0]
            rows = self._holding(slot[0]) if len(slot) == 1 else bitsets.numbers(rarest)
            if len(unions) > 1:
                held = bitsets.to_flags(others, n)
                rows = list(compress(rows, map(held.__getitem__, rows)))
            ends = map(bounds.__getitem__, map((1).__add__, rows))
            searched = map(regex.search, repeat(stream), map(bounds.__getitem__, rows), ends)
            found = bitsets.from_numbers(compress(rows, searched), n)
        self._rows[regex.pattern] = found
        return found

    def clear_cache(self) -> None:
        """Forget what earlier queries worked out (the benchmark times cold keystrokes)."""
        self._rows.clear()
        self._phrases.clear()

    def _spoken_by(self, query: str) -> np.ndarray:
        """Quotations whose speaker the query names, by the browser's one rule
        (:func:`tui.quotes.browse.names_speaker`, here in NumPy over all the names at
        once): each of its plain words starts a word of their name, as typed: "kono" and
        "taro ko" find Taro Kono's, "you-geun" Kim You-geun's; "in" finds no Martin.
        Returns their numbers (a short word starts tens of thousands of names' words,
        and a step a name in Python was most of its keystroke)."""
        named = [word.encode("utf-8") for word in set(query_name_words(query))]
        if not named:
            return np.zeros(0, dtype=np.int64)
        text, starts, owners = self._names()
        names: np.ndarray | None = None
        for word in named:
            # the words' starts (each a space) where every byte of ``word`` follows
            at = starts[starts + len(word) <= len(text)]
            for j in range(1, len(word)):
                at = at[text[at + j] == word[j]]
            # (the owners of ascending starts ascend: each once, without np.unique,
            # whose first call imports numpy.ma, 30 ms of a first keystroke)
            found = owners[np.searchsorted(starts, at)]
            if len(found) > 1:
                found = found[np.concatenate(([True], found[1:] != found[:-1]))]
            names = found if names is None else np.intersect1d(names, found, assume_unique=True)
        if names is None or not len(names):
            return np.zeros(0, dtype=np.int64)
        spoken = bitsets.as_numbers(self._spoken)
        bounds = bitsets.as_numbers(self._spoken_bounds)
        chosen = np.zeros(len(bounds) - 1, dtype=bool)
        chosen[names] = True
        return spoken[np.repeat(chosen, np.diff(bounds).astype(np.int64))]

    def _names(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The names' lines as UTF-8 bytes, the offset of each space that
        starts a word in them, and the number of the name (line) it is in."""
        if self._name_index is None:
            text = np.frombuffer(self._name_lines.encode("utf-8"), dtype=np.uint8)
            starts = np.flatnonzero(text == ord(" "))
            breaks = np.flatnonzero(text == ord("\n"))
            self._name_index = (text, starts, np.searchsorted(breaks, starts))
        return self._name_index

