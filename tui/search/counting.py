"""How many matches each document has: the sources list's counts, on every keystroke.

Each document's count is a 32-bit field of one Python int, so that adding up the counts of
many words, over every document, is one C addition per word: a word's postings are
written into their fields without a Python step a posting, and the documents that match
are read off the fields' top bits.
"""

from __future__ import annotations

import sys
from array import array
from collections import deque
from itertools import compress

from tui.search.cache import ResultCache
from tui.search.plans import Plan, excluded
from tui.search.postings import Postings
from tui.util import bitsets

__all__ = ["HitCounter"]

_TOP = bytes.maketrans(bytes(range(256)), bytes(b >> 7 for b in range(256)))  # 1 if ≥ 128
_TOP_BYTE = 3 if sys.byteorder == "little" else 0  # a 32-bit field's most significant byte


class HitCounter:
    """Counts the matches of a query's plans in each document of an index."""

    def __init__(
        self,
        ids: list[str],
        stream: bytes | bytearray,
        doc_start: array,
        postings: Postings,
        compounds: dict[int, bytes],
        cache: ResultCache,
    ) -> None:
        self.ids = ids  # document ids, by number
        self.stream, self.doc_start = stream, doc_start
        self.postings = postings
        self.compounds = compounds
        self._cache = cache
        # 2**31 - 1 in each document's 32-bit field (see ``count``)
        self._fields_max = int.from_bytes(b"\xff\xff\xff\x7f" * len(ids), "little")

    def count(
        self, positive: list[Plan], negative: list[Plan], bits: int, complete: bool
    ) -> dict[str, int]:
        """Matches per document id, for the documents of ``bits`` that match the whole
        query (``complete``: whether ``bits`` hold every clause, see ``plans.candidates``)."""
        # each document's count is a 32-bit field of one int, so that adding up the
        # counts of many words, over every document, is one C addition per word
        counts = 0
        for plan in positive:
            if plan.regex is None:
                counts += self._word_counts(plan)
                continue
            found, where = self._phrase_counts(plan, bits)
            counts += found
            if complete:
                bits &= where  # (a document with the phrase's words apart does not match)
        n = len(self.ids)
        fields = counts.to_bytes(4 * n, sys.byteorder)
        per_doc = array("I")
        per_doc.frombytes(fields)
        # a document matches if it is among ``bits`` and has a count: adding 2**31 - 1 to
        # each field sets its top bit just where the count is not 0, and that bit's byte
        # is a flag (no count reaches 2**31: the sum stays inside its field)
        top = (counts + self._fields_max).to_bytes(4 * n, sys.byteorder)
        counted = bitsets.from_flags(top[_TOP_BYTE::4].translate(_TOP))
        matches = bitsets.to_flags(bits & counted, n)
        if any(plan.regex is not None for plan in negative):
            stream, starts = self.stream, self.doc_start
            kept = [
                d for d in compress(range(n), matches)
                if not excluded(negative, stream, starts[d], starts[d + 1])
            ]
            return {self.ids[d]: per_doc[d] for d in kept}
        return dict(compress(zip(self.ids, per_doc), matches))

    def _word_counts(self, plan: Plan) -> int:
        """A word's matches in each document, as the 32-bit fields of one int."""
        n = len(self.ids)
        postings = self.postings
        starts, post_docs, post_tfs = postings.post_start, postings.post_docs, postings.post_tfs
        words = {key for key, _cost, _docs in plan.alts}
        counts = 0
        for tid in plan.ranked_terms:
            parts = self.compounds.get(tid)
            if parts and parts[:3] in words:
                continue  # its occurrences are already counted under its first part
            lo, hi = starts[tid], starts[tid + 1]
            fields = bytearray(4 * n)
            view = memoryview(fields).cast("I")
            deque(map(view.__setitem__, post_docs[lo:hi], post_tfs[lo:hi]), 0)
            view.release()
            counts += int.from_bytes(fields, sys.byteorder)
        return counts

    def _phrase_counts(self, plan: Plan, bits: int) -> tuple[int, int]:
        """A phrase's matches in each of the documents ``bits`` holds, as the 32-bit
        fields of one int, and the documents that have it. Remembered: a phrase found
        in every article costs a scan of the archive, and the states typed after it
        ("South Korea" !, "South Korea" !Japan) ask for the same again."""
        assert plan.regex is not None
        regex = plan.regex

        def scan() -> tuple[int, int]:
            n = len(self.ids)
            fields = bytearray(4 * n)
            view = memoryview(fields).cast("I")
            where = bytearray(n)
            findall, stream, starts = regex.findall, self.stream, self.doc_start
            for d in bitsets.numbers(bits):
                found = len(findall(stream, starts[d], starts[d + 1]))
                if found:
                    view[d] = found
                    where[d] = 1
            view.release()
            return int.from_bytes(fields, sys.byteorder), bitsets.from_flags(where)

        return self._cache.cached(
            ("phrase", regex.pattern, bits), scan,
            lambda found: (found[0].bit_length() + found[1].bit_length() + bits.bit_length()) // 8,
        )
