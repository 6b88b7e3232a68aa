"""The same statement across outlets: clusters of quotations that report one utterance.

Outlets translate, trim and re-punctuate what someone said, so two reports of one
statement rarely match word for word ("does not serve our national interests" / "would
not serve our national interest"). Two quotations are the same statement when their
content words, lightly stemmed, mostly coincide (rapidfuzz's token-set ratio, which
scores a trimmed quote inside a longer one as a match), with a lower bar when both are
attributed to the same speaker. The thresholds are tuned on the hand-written pairs in
tests/fixtures/cluster_pairs.yaml.

Short statements have too few content words for that ("We have waited long enough"),
so a second rule joins the reports of one speaker whose wordings are the same or one
word apart, case, punctuation and contractions aside, whatever their length; it needs
two sources, and never joins a wording to its negation.

At archive scale the pairs are not all compared: each quote is filed under its rarest
content words, and only quotes sharing one of those are scored (blocking, as in record
linkage), so the work grows with the number of quotes, not its square.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from tui.nlp.lexicon import CONTRACTED_ENDINGS, CONTRACTED_WORDS, IS_CONTRACTED, NEGATIONS

if TYPE_CHECKING:
    from tui.quotes.model import Quote

# (token-set ratio, weighted containment) both at or above which two quotations are one
# statement; the second pair applies when both have the same (known) speaker.
THRESHOLD = (85.0, 70.0)
SAME_SPEAKER_THRESHOLD = (65.0, 40.0)
# A statement needs this many content words to be recognised anywhere else.
MIN_CONTENT_WORDS = 4
# ... and two reports must share at least this many.
MIN_SHARED_WORDS = 3
# Each quote is filed under this many of its rarest content words.
BLOCK_KEYS = 5
# A word shared by more quotes than this says little about which statement it is
# (copies of one quote count once).
MAX_BLOCK_SIZE = 100
# ... and meets at most this many of the quotes filed after it under the same word.
BLOCK_WINDOW = 30

_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into onto about over
    under than then that this these those there here is are was were be been being am
    do does did done have has had having will would shall should can could may might
    must not no nor so too very just also only even it its it's we our ours us you your
    he him his she her they them their i me my what which who whom whose when where why
    how all any both each few more most other some such own same s t don't can't won't
    isn't aren't wasn't weren't we're we've we'll they're i'm i've it’s we’re""".split()
)
# Wordings of up to this many words are also matched one word apart (a word added,
# dropped or changed): longer ones go through the content words. The words the two
# share must be at least MIN_SHARED_WORDING ("rigged economy" is not "rigged system").
SHORT_WORDING = 8
MIN_SHARED_WORDING = 3
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light stem: plural, tense and -ly endings off ("interests" = "interest")."""
    w = word.casefold().replace("’", "'")
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    # "exchange" / "exchanging", "determine" / "determined"
    return w[:-1] if w.endswith("e") and len(w) > 4 else w


def content_words(text: str) -> list[str]:
    words = _WORD_RE.findall(text.casefold().replace("’", "'"))
    return [stem(w) for w in words if len(w) > 1 and w not in _STOPWORDS]


@lru_cache(maxsize=200_000)
def _spelled_out(word: str) -> tuple[str, ...]:
    whole = CONTRACTED_WORDS.get(word)
    if whole is not None:
        return whole
    if word in IS_CONTRACTED:
        return (word[:-2], "is")
    for ending, full in CONTRACTED_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending):
            return (word[: -len(ending)], full)
    return (word,)


def wording(text: str) -> tuple[str, ...]:
    """A quotation's words as two reports of it would share them: case, punctuation
    and the spelling of contractions aside ("We've waited long enough!" = "we have
    waited long enough")."""
    words = _WORD_RE.findall(text.casefold().replace("’", "'"))
    if "'" not in text and "’" not in text and "cannot" not in words:
        return tuple(words)  # (no contraction to spell out, as in most quotations)
    out: list[str] = []
    for w in words:
        out.extend(_spelled_out(w))
    return tuple(out)


class Scorer:
    """Scores two quotations' content words, weighting words by how rare they are.

    In a corpus about one story every quote says "South Korea" and "Japan"; sharing
    those says little, sharing "judged" or "sensitive" says a lot (inverse document
    frequency over the quotes). Without document frequencies all words weigh the same.
    """

    def __init__(self, df: dict[str, int] | None = None, n: int = 0) -> None:
        self.df = df or {}
        self.n = n
        self._weights: dict[str, float] = {}

    def weight(self, word: str) -> float:
        w = self._weights.get(word)
        if w is None:
            w = math.log((self.n + 1) / (self.df.get(word, 0) + 0.5)) if self.df else 1.0
            self._weights[word] = w
        return w

    def total(self, words: set[str]) -> float:
        return sum(map(self.weight, words))

    def score(self, a: list[str], b: list[str]) -> tuple[float, float]:
        """(token-set ratio, share of the lighter quote's weight found in the other)."""
        return _Item(a, self).score(_Item(b, self), self)


class _Item:
    """A quotation's content words, prepared once for many comparisons."""

    __slots__ = ("joined", "set", "total")

    def __init__(self, words: list[str], scorer: Scorer) -> None:
        self.joined = " ".join(words)
        self.set = set(words)
        self.total = scorer.total(self.set)

    def score(self, other: _Item, scorer: Scorer, ratio_bar: float = 0.0) -> tuple[float, float]:
        if not self.set or not other.set:
            return 0.0, 0.0
        ratio = fuzz.token_set_ratio(self.joined, other.joined, score_cutoff=ratio_bar)
        if ratio < ratio_bar:
            return 0.0, 0.0  # (the cheap C test failed: skip the weights)
        shared = scorer.total(self.set & other.set)
        return float(ratio), 100.0 * shared / max(min(self.total, other.total), 1e-9)


def similarity(a: str, b: str, scorer: Scorer | None = None) -> tuple[float, float]:
    return (scorer or Scorer()).score(content_words(a), content_words(b))


def same_statement(
    a: str,
    b: str,
    speaker_a: str | None = None,
    speaker_b: str | None = None,
    scorer: Scorer | None = None,
) -> bool:
    """Whether two quotations report one statement."""
    scorer = scorer or Scorer()
    items = _Item(content_words(a), scorer), _Item(content_words(b), scorer)
    return _same(*items, speaker_a, speaker_b, scorer)


def _same(a: _Item, b: _Item, speaker_a: str | None, speaker_b: str | None, scorer: Scorer) -> bool:
    if len(a.set & b.set) < MIN_SHARED_WORDS:
        return False
    same_speaker = bool(speaker_a) and speaker_a == speaker_b
    ratio_bar, containment_bar = SAME_SPEAKER_THRESHOLD if same_speaker else THRESHOLD
    ratio, containment = a.score(b, scorer, ratio_bar)
    return ratio >= ratio_bar and containment >= containment_bar


def assign_clusters(quotes: Sequence[Quote]) -> dict[str, list[Quote]]:
    """Fill in ``cluster`` on every quote that reports a statement found elsewhere.

    Returns the clusters by id, members in input order. Quotes with no counterpart keep
    ``cluster = None``.

    Both builds end here with every quote in hand, so this is also where equal values
    are made one object: a statement reprinted by many outlets keeps one copy of its
    text, each speaker's name one copy, and offsets one int each (an int past 256 is an
    object of its own, and the same offsets recur across thousands of articles). Values
    are unchanged, only duplicates are dropped; and each distinct text has its content
    words worked out once.
    """
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Word-for-word copies (a wire story reprinted) join at once; one of each is compared.
    words: dict[int, list[str]] = {}
    first_of: dict[tuple[str, ...], int] = {}
    shared: dict[str, str] = {}
    offsets: dict[int, int] = {}
    # each distinct text's content words, and their tuple if there are enough of them
    words_of: dict[str, tuple[list[str], tuple[str, ...] | None]] = {}
    for i, q in enumerate(quotes):
        q.cluster = None
        q.text = text = shared.setdefault(q.text, q.text)
        if q.speaker is not None:
            q.speaker = shared.setdefault(q.speaker, q.speaker)
        q.start = offsets.setdefault(q.start, q.start)
        q.end = offsets.setdefault(q.end, q.end)
        if q.kind == "scare":
            continue
        known = words_of.get(text)
        if known is None:
            cw = content_words(text)
            # (None: too few content words to be recognised anywhere else)
            known = words_of[text] = (cw, tuple(cw) if len(set(cw)) >= MIN_CONTENT_WORDS else None)
        w, key = known
        if key is None:
            continue
        parent[i] = first_of.setdefault(key, i)
        if parent[i] == i:
            words[i] = w
    _join_wordings(quotes, find, parent)
    sets = {i: set(w) for i, w in words.items()}
    df: dict[str, int] = defaultdict(int)
    for ws in sets.values():
        for t in ws:
            df[t] += 1
    scorer = Scorer(df, len(words))
    items = {i: _Item(w, scorer) for i, w in words.items()}
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, ws in sets.items():
        for k in sorted(ws, key=lambda t: (df[t], t))[:BLOCK_KEYS]:
            if 1 < df[k] <= MAX_BLOCK_SIZE:
                blocks[k].append(i)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        for x, i in enumerate(members):
            si = sets[i]
            # each quote meets the next few in its block only: copies of one statement
            # still chain together, and a crowded block costs linear time, not square
            for j in members[x + 1 : x + 1 + BLOCK_WINDOW]:
                # cheap tests first: most candidates share one rare word and no more
                if len(si & sets[j]) < MIN_SHARED_WORDS or find(i) == find(j):
                    continue
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                if _same(items[i], items[j], _named(quotes[i]), _named(quotes[j]), scorer):
                    parent[find(j)] = find(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in parent:
        groups[find(i)].append(i)
    clusters: dict[str, list[Quote]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort()
        first = quotes[members[0]]
        cid = "c" + hashlib.sha1(f"{first.source}\x00{first.start}".encode()).hexdigest()[:8]
        for i in members:
            quotes[i].cluster = cid
        clusters[cid] = [quotes[i] for i in members]
    return clusters


def _named(quote: Quote) -> str | None:
    """A quotation's speaker as evidence of one statement: a name. Two unrelated
    articles' "a spokesman" are no one person."""
    return None if quote.described else quote.speaker


def _join_wordings(
    quotes: Sequence[Quote], find: Callable[[int], int], parent: dict[int, int]
) -> None:
    """Join one speaker's reports whose wordings are the same or one word apart, in
    two sources or more (see the module docstring). Each report (a speaker and a text,
    however many copies) is filed under its wording and, if short, under the wording
    with each word taken out: with the word's place (two wordings with one word changed
    meet there) or without it (a wording with one word more meets the shorter one's
    whole wording). Within a key every pair is at most one word apart, so each report
    is joined to the key's first: linear time."""
    reports: dict[tuple[str, str], list[int]] = {}
    for i, q in enumerate(quotes):
        speaker = _named(q)
        if speaker is not None and q.kind != "scare":
            reports.setdefault((speaker, q.text), []).append(i)
    copies = list(reports.values())
    spelled: list[tuple[str, ...]] = []
    keys: dict[tuple[object, ...], list[int]] = defaultdict(list)
    of_text: dict[str, tuple[str, ...]] = {}
    for r, (speaker, text) in enumerate(reports):
        w = of_text.get(text)
        if w is None:
            w = of_text[text] = wording(text)
        spelled.append(w)
        if not w:
            continue
        keys[(speaker, w)].append(r)
        if MIN_SHARED_WORDING < len(w) <= SHORT_WORDING + 1:
            for k in range(len(w)):
                rest = w[:k] + w[k + 1 :]
                if len(w) <= SHORT_WORDING:
                    keys[(speaker, rest, k)].append(r)  # a word changed
                # a word more than a shorter wording: met under that wording's key
                keys[(speaker, rest, -1)].append(r)
    del reports
    sources = [{quotes[i].source for i in members} for members in copies]
    joined = [False] * len(copies)

    def join(a: int, b: int) -> None:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    for key, rs in keys.items():
        if len(key) == 3 and key[2] == -1:
            # only wordings one word longer than the whole wording ``key[1]`` are here:
            # they join the reports of that wording itself, if any
            whole = keys.get((key[0], key[1]))
            if not whole:
                continue
            rs = whole[:1] + rs
        if not _in_two_sources(sources, rs):
            continue
        negated = _negations(spelled[rs[0]])
        first = copies[rs[0]][0]
        for r in rs:
            if _negations(spelled[r]) != negated:
                continue  # "we will go" is not "we will not go"
            if not joined[r]:
                joined[r] = True
                for i in copies[r]:
                    join(first, i)
            else:
                join(first, copies[r][0])


def _in_two_sources(sources: list[set[str]], reports: list[int]) -> bool:
    one = None
    for r in reports:
        found = sources[r]
        if len(found) > 1:
            return True
        (source,) = found
        if one is None:
            one = source
        elif source != one:
            return True
    return False


def _negations(words: tuple[str, ...]) -> list[str]:
    return sorted(w for w in words if w in NEGATIONS)
