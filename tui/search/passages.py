"""Ranked passages: where in the documents a query matches best, as text to show.

A passage is a sentence or paragraph, never a whole article. Passages rank by: more query
words matched, fewer typos, closer together, body before comments and boilerplate, then
BM25. Everything is searched; comments and boilerplate only rank lower. Broad queries (a
single letter matches most of an archive) score only ``SCORE_LIMIT`` documents: those with
the highest term frequency for the rarest query word.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tui.corpus.document import Document
from tui.nlp.text import normalise, sentences
from tui.search.keys import LINE_KEY, Stream, stream_spans
from tui.search.plans import Hit, Plan, excluded, find_hits
from tui.search.postings import Postings
from tui.util import bitsets

__all__ = ["Match", "Passage", "Ranker", "text_matches"]

SCORE_LIMIT = 100  # documents scored in full for one query
# matches of one clause looked at per document when ranking (BM25 saturates anyway); more
# when there are several clauses, so that the closest pair is found in a long article
HITS_PER_CLAUSE = 32
HITS_PER_CLAUSE_NEAR = 64
PASSAGE_CHARS = 240  # a paragraph longer than this is narrowed to its matching sentences
SNIPPET_CHARS = 200
PASSAGES_PER_DOCUMENT = 3
BM25_K1, BM25_B = 1.2, 0.75


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "term": self.term}


@dataclass(frozen=True)
class Passage:
    source: str
    start: int
    end: int
    score: float
    snippet: str
    matches: tuple[Match, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "matches": [m.to_json() for m in self.matches],
        }


@dataclass
class _Candidate:
    doc: int
    line_pos: int  # byte offset of the passage's line in the stream
    hits: list[Hit]  # (start, end, clause, cost) in the window
    line_hits: list[Hit]
    score: float


class Ranker:
    """Finds, scores and shows the passages of an index's documents."""

    def __init__(
        self,
        documents: list[Document],
        stream: Stream,
        doc_start: array,
        doc_len: array,
        non_body_lines: list[tuple[tuple[int, int], ...]],
        postings: Postings,
    ) -> None:
        self.documents = documents
        self.stream, self.doc_start, self.doc_len = stream, doc_start, doc_len
        self.non_body_lines = non_body_lines  # per doc: line ranges not body
        self.postings = postings
        n = len(documents)
        self._avg_len = (sum(doc_len) / n) if n else 1.0

    def rank(
        self,
        positive: list[Plan],
        negative: list[Plan],
        bits: int,
        complete: bool,
        limit: int,
        source: str | None,
    ) -> list[Passage]:
        """The best ``limit`` passages of the documents of ``bits`` (``complete``: whether
        they hold every clause; ``source``: the one document searched, if only one)."""
        if not bits:
            return []
        phrases = [k for k, p in enumerate(positive) if p.regex is not None] if complete else []
        idf = [_idf(len(self.documents), p.df) for p in positive]
        per_doc = PASSAGES_PER_DOCUMENT if source is None else limit
        cap = HITS_PER_CLAUSE if len(positive) == 1 else HITS_PER_CLAUSE_NEAR
        stream, starts = self.stream, self.doc_start
        candidates: list[_Candidate] = []
        for d in self._choose(positive, bits):
            if negative and excluded(negative, stream, starts[d], starts[d + 1]):
                continue
            hits = find_hits(positive, stream, starts[d], starts[d + 1], d, cap)
            if not any(hits) or any(not hits[k] for k in phrases):
                continue
            bm25 = 0.0
            norm = BM25_K1 * (1 - BM25_B + BM25_B * self.doc_len[d] / self._avg_len)
            for k, found in enumerate(hits):
                if found:
                    tf = len(found)
                    bm25 += idf[k] * tf * (BM25_K1 + 1) / (tf + norm)
            candidates.extend(self._passages(d, hits, bm25, per_doc))
        candidates.sort(key=lambda c: -c.score)
        return [self._materialise(c) for c in candidates[:limit]]

    def _choose(self, positive: list[Plan], bits: int) -> list[int]:
        """Documents to score: all of them, or for a broad query the likeliest few."""
        if bits.bit_count() <= SCORE_LIMIT:
            return bitsets.numbers(bits)
        rarest = min(positive, key=lambda p: p.df or len(self.documents) + 1)
        chosen: list[int] = []
        seen: set[int] = set()
        postings = self.postings
        starts, docs, tfs = postings.post_start, postings.post_docs, postings.post_tfs
        for tid in rarest.ranked_terms:
            lo, hi = starts[tid], starts[tid + 1]
            for i in _by_frequency(tfs[lo:hi].tobytes()):
                d = docs[lo + i]
                if d not in seen and (bits >> d) & 1:
                    seen.add(d)
                    chosen.append(d)
                    if len(chosen) >= SCORE_LIMIT:
                        return sorted(chosen)
        return sorted(chosen)

    def _passages(self, d: int, hits: list[list[Hit]], bm25: float, keep: int) -> list[_Candidate]:
        """The best windows of document ``d``, one per line, scored."""
        stream = self.stream
        s, e = self.doc_start[d], self.doc_start[d + 1]
        ordered = sorted(h for found in hits for h in found)
        # per line: [where it starts, its hits, a bit per clause present, cheapest hit]
        lines: list[list[Any]] = []
        line_end = -1
        current: list[Any] = []
        for hit in ordered:
            if hit[0] >= line_end:
                start = stream.rfind(LINE_KEY, s, hit[0])
                line_end = stream.find(LINE_KEY, hit[0], e)
                line_end = e if line_end < 0 else line_end
                current = [s if start < 0 else start + 3, [hit], 1 << hit[2], hit[3]]
                lines.append(current)
            else:
                current[1].append(hit)
                current[2] |= 1 << hit[2]
                if hit[3] < current[3]:
                    current[3] = hit[3]
        if len(lines) > 2 * keep:
            # only the likeliest lines get the full window search: most clauses, then cheapest
            lines.sort(key=lambda ln: (-ln[2].bit_count(), ln[3]))
            del lines[2 * keep :]
        bonus = bm25 / (1.0 + bm25)
        scored = []
        ranges = self.non_body_lines[d]
        for line, group, _clauses, _cheapest in lines:
            window, cost = _best_window(group)
            matched = len({h[2] for h in window})
            words = sum((h[1] - h[0]) // 3 for h in window)
            gap = min(8, max(0, (window[-1][1] - window[0][0]) // 3 - words))
            penalty = 0
            if ranges:
                number = stream[s:line].count(LINE_KEY)  # (a map has no count())
                penalty = any(lo <= number < hi for lo, hi in ranges)
            score = matched * 10000 - min(cost, 99) * 100 - gap * 2 - penalty + bonus
            scored.append(_Candidate(d, line, window, group, score))
        scored.sort(key=lambda c: -c.score)
        return scored[:keep]

    # --- turning stream positions into text -------------------------------------------------

    def _line_spans(
        self, d: int, line_pos: int, count: int
    ) -> tuple[int, list[tuple[int, int]]]:
        """Character spans of the first ``count`` words on the line at stream offset
        ``line_pos``, and where that line starts in the text."""
        s = self.doc_start[d]
        number = self.stream[s:line_pos].count(LINE_KEY)
        text = self.documents[d].text
        start = 0
        for _ in range(number):
            start = text.find("\n", start) + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        return start, stream_spans(text, start, end, count)

    def _materialise(self, cand: _Candidate) -> Passage:
        doc = self.documents[cand.doc]
        text = doc.text
        upto = max(h[1] for h in cand.line_hits)
        line_start, spans = self._line_spans(cand.doc, cand.line_pos, (upto - cand.line_pos) // 3)
        window = [_char_span(spans, cand.line_pos, h) for h in cand.hits]
        all_spans = [_char_span(spans, cand.line_pos, h) for h in cand.line_hits]
        para_start, para_end = _paragraph_at(doc, window[0][0], text)
        start, end = para_start, para_end
        if para_end - para_start > PASSAGE_CHARS:
            covering = [
                (a, b)
                for a, b in sentences(text, para_start, para_end)
                if b > window[0][0] and a < window[-1][1]
            ]
            if covering:
                start, end = covering[0][0], covering[-1][1]
        matches = tuple(
            Match(a, b, normalise(text[a:b]))
            for a, b in sorted(set(all_spans))
            if a >= start and b <= end
        )
        return Passage(
            doc.id, start, end, cand.score, _snippet(text, start, end, window[0]), matches
        )


def text_matches(text: str, hits: list[list[Hit]], base: int) -> list[Match]:
    """Matches in text order, overlaps dropped, for hits in a stream that starts at ``base``."""
    ordered = sorted(h for found in hits for h in found)
    if not ordered:
        return []
    # the tokens up to the last hit are enough: a hit early in a long text (a
    # concordance reads one source after another) does not tokenise the rest
    spans = stream_spans(text, count=max((h[1] - base) // 3 for h in ordered))
    out: list[Match] = []
    last_end = -1
    for hit in ordered:
        a = spans[(hit[0] - base) // 3][0]
        b = spans[(hit[1] - base) // 3 - 1][1]
        if a >= last_end:
            out.append(Match(a, b, normalise(text[a:b])))
            last_end = b
    return out


def _char_span(spans: list[tuple[int, int]], line_pos: int, hit: Hit) -> tuple[int, int]:
    first = (hit[0] - line_pos) // 3
    last = (hit[1] - line_pos) // 3 - 1
    first = min(max(first, 0), len(spans) - 1)
    last = min(max(last, first), len(spans) - 1)
    return spans[first][0], spans[last][1]


def _idf(n: int, df: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _by_frequency(tfs: bytes) -> Iterable[int]:
    """Indexes into ``tfs`` (one byte per posting), highest frequency first.

    One C scan per frequency value instead of a sort: broad queries stop after a few
    hundred, and most frequencies are small, so the scans for the high ones are short.
    """
    if not tfs:
        return
    for value in range(max(tfs), 0, -1):
        i = tfs.find(value)
        while i >= 0:
            yield i
            i = tfs.find(value, i + 1)


def _best_window(group: list[Hit]) -> tuple[list[Hit], int]:
    """The shortest run of hits holding every clause present, and its cost."""
    wanted = len({h[2] for h in group})
    if wanted == 1:
        cheapest_hit = min(group, key=lambda h: h[3])
        return [cheapest_hit], cheapest_hit[3]
    best: tuple[int, int, int] | None = None
    counts: dict[int, int] = {}
    lo = 0
    for hi, hit in enumerate(group):
        counts[hit[2]] = counts.get(hit[2], 0) + 1
        while len(counts) == wanted:
            length = group[hi][1] - group[lo][0]
            if best is None or length < best[0]:
                best = (length, lo, hi)
            out = group[lo][2]
            counts[out] -= 1
            if not counts[out]:
                del counts[out]
            lo += 1
    assert best is not None
    window = group[best[1] : best[2] + 1]
    cheapest: dict[int, int] = {}
    for h in window:
        cheapest[h[2]] = min(cheapest.get(h[2], 99), h[3])
    return window, sum(cheapest.values())


def _paragraph_at(doc: Document, offset: int, text: str) -> tuple[int, int]:
    paras = doc.paragraphs
    i = bisect_right(paras.starts(), offset) - 1
    if 0 <= i < len(paras):
        para = paras[i]
        if para.end >= offset:
            return para.start, para.end
    end = text.find("\n", offset)
    return offset, len(text) if end < 0 else end


def _snippet(text: str, start: int, end: int, focus: tuple[int, int]) -> str:
    """Keyword in context: the first match with words either side, inside the passage."""
    if end - start <= SNIPPET_CHARS:
        return " ".join(text[start:end].split())
    left = max(start, focus[0] - SNIPPET_CHARS // 3)
    right = min(end, max(focus[1], left + SNIPPET_CHARS))
    if left > start:
        space = text.find(" ", left, focus[0])
        left = space + 1 if space >= 0 else left
    if right < end:
        space = text.rfind(" ", focus[1], right)
        right = space if space >= 0 else right
    body = " ".join(text[left:right].split())
    return ("…" if left > start else "") + body + ("…" if right < end else "")
