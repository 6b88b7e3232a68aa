"""A query's clauses resolved against the index (plans), and found in the token stream.

A word becomes its vocabulary terms, each found with ``bytes.find`` in the documents that
hold it; a phrase or hyphenated word becomes one compiled regex over the stream, one slot
per word. Each plan knows its documents as a bitmap, so that the documents a query leaves
(:func:`candidates`) are a few big-int ANDs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from tui.search.keys import Stream, term_key
from tui.search.postings import Postings
from tui.search.query import EXACT, FUZZY, PREFIX, Clause
from tui.search.vocabulary import Vocabulary
from tui.util.regex_trie import trie

__all__ = ["Hit", "Plan", "candidates", "excluded", "find_hits", "make_plan", "plan_size"]

Hit = tuple[int, int, int, int]  # (start, end, clause, cost) in the stream


@dataclass
class Plan:
    """A clause resolved against the vocabulary: how to find it, and which documents have it.

    A word becomes its vocabulary terms (``alts``: stream key, cost, documents holding it as
    a bitmap or a set), each found with ``bytes.find`` in the documents that hold it. A
    phrase or hyphenated word becomes a regex over the stream, one slot per word.
    """

    clause: Clause
    alts: list[tuple[bytes, int, int | frozenset[int]]]
    regex: re.Pattern[bytes] | None
    slot_costs: list[dict[bytes, int]]
    bitmap: int
    ranked_terms: list[int]  # term ids, best first, for choosing documents of broad queries
    df: int = 0


def make_plan(clause: Clause, vocabulary: Vocabulary, postings: Postings) -> Plan:
    """How to find ``clause``, and the documents that may have it."""
    if clause.negate and clause.mode == FUZZY:
        clause = Clause(clause.terms, EXACT, True)  # exclude what was typed, not look-alikes
    df, key = vocabulary.df, vocabulary.key
    if not clause.is_phrase:
        costs = vocabulary.expand(clause.terms[0], clause.mode, clause.typing)
        ranked = _by_cost(costs, df)
        # longer keys first: where a compound matches, its first part need not
        ranked.sort(key=lambda t: -len(key(t)))
        alts = [(key(t), costs[t], postings.presence(t)) for t in ranked]
        bitmap = postings.term_bitmap(list(costs)) if costs else 0
        ranked.sort(key=lambda t: (costs[t], -df(t)))
        return Plan(clause, alts, None, [], bitmap, ranked, bitmap.bit_count())
    # a phrase or a hyphenated word: one slot per word, each a single token
    slot_costs: list[dict[bytes, int]] = []
    bitmap = -1
    rarest: list[int] = []
    narrowest = -1
    for k, term in enumerate(clause.terms):
        last = k == len(clause.terms) - 1
        mode = clause.mode if clause.mode != PREFIX or last else EXACT
        costs = vocabulary.expand(term, mode, clause.typing and last)
        single = {t: c for t, c in costs.items() if t not in vocabulary.compounds}
        if not single:
            return Plan(clause, [], None, [], 0, [], 0)
        slot_costs.append({term_key(t): c for t, c in single.items()})
        bits = postings.term_bitmap(list(single))
        bitmap &= bits
        if narrowest < 0 or bits.bit_count() < narrowest:
            narrowest = bits.bit_count()
            rarest = _by_cost(single, df)
    pattern = b"".join(trie(slot) for slot in slot_costs)
    regex = re.compile(pattern, re.DOTALL)
    bitmap = max(bitmap, 0)
    return Plan(clause, [], regex, slot_costs, bitmap, rarest, bitmap.bit_count())


def _by_cost(costs: dict[int, int], df: Callable[[int], int]) -> list[int]:
    """Term ids, the cheapest first, then the most frequent."""
    return sorted(costs, key=lambda t: (costs[t], -df(t)))


def plan_size(plan: Plan) -> int:
    """Roughly what a plan holds: its documents' bitmap, and each term's documents."""
    held = sum(d.bit_length() // 8 if isinstance(d, int) else 40 * len(d) for *_, d in plan.alts)
    return plan.bitmap.bit_length() // 8 + held + 200 * len(plan.alts)


def candidates(positive: list[Plan], negative: list[Plan], allowed: int) -> tuple[int, bool]:
    """The documents of ``allowed`` to look in for a query of these plans, and whether
    they hold every clause (False after falling back to fewer)."""
    for plan in negative:
        if not plan.clause.is_phrase:
            allowed &= ~plan.bitmap
    bits = allowed
    for plan in positive:
        bits &= plan.bitmap
    if not bits and len(positive) > 1:
        # no document has every word: fall back to those with the most of them
        for keep in range(len(positive) - 1, 0, -1):
            bits = 0
            for group in combinations(positive, keep):
                sub = allowed
                for plan in group:
                    sub &= plan.bitmap
                bits |= sub
            if bits:
                break
        return bits, False
    return bits, True


def _hit_cost(plan: Plan, matched: bytes) -> int:
    return sum(
        slot.get(matched[3 * k : 3 * k + 3], 0) for k, slot in enumerate(plan.slot_costs)
    )


def find_hits(
    plans: list[Plan],
    stream: Stream,
    s: int,
    e: int,
    d: int | None = None,
    cap: int = 1 << 62,
) -> list[list[Hit]]:
    """Per clause, (start, end, clause, cost) of the first ``cap`` matches in
    ``stream[s:e]``; ``d``, if known, is the document there, and skips terms it lacks."""
    find = stream.find
    out = []
    for k, plan in enumerate(plans):
        found: list[Hit] = []
        if plan.regex is not None:
            for m in plan.regex.finditer(stream, s, e):
                found.append((m.start(), m.end(), k, _hit_cost(plan, m.group())))
                if len(found) >= cap:
                    break
        taken: set[int] = set()
        for key, cost, docs in plan.alts:
            if d is not None and not ((docs >> d) & 1 if isinstance(docs, int) else d in docs):
                continue
            width = len(key)
            i = find(key, s, e)
            while i >= 0 and len(found) < cap:
                if width == 3 and i in taken:
                    pass  # already matched as the start of a compound
                else:
                    found.append((i, i + width, k, cost))
                    if width > 3:
                        taken.add(i)
                i = find(key, i + width, e)
        out.append(found)
    return out


def excluded(negative: list[Plan], stream: Stream, s: int, e: int) -> bool:
    """Whether ``stream[s:e]`` holds a phrase of the ``negative`` plans (their words were
    taken out of the documents to look in already)."""
    return any(p.regex is not None and p.regex.search(stream, s, e) for p in negative)
