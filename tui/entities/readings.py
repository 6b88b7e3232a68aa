"""What a run of capitalised words reads as: the analyser's pieces, with the edges that
make no person's name taken off, and a lawmaker's party tag, a day's name or a city
written with its district read as such.

A run's reading depends on its text and flags alone, not on the shard or the miner, so
the readings are kept across the shards a process mines in a build
(:func:`keeping_readings`).
"""


from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from tui.entities.furniture import _title_case_run
from tui.entities.shapes import _SHORTENED
from tui.nlp.given_names import is_given_name
from tui.nlp.lexicon import (
    FUNCTION_WORDS,
    OFFICE_QUALIFIERS,
    ORG,
    OTHER,
    PERSON,
    PLACE,
    TITLE_HEADS,
    TITLE_WORDS,
    WEEKDAYS,
)
from tui.nlp.name_runs import Piece, run_tokens
from tui.nlp.names import Analyser
from tui.nlp.places import Gazetteer, fold

_NAMED_DAY = re.compile(
    "(?: (?:" + "|".join(sorted(w.capitalize() for w in WEEKDAYS if len(w) > 4)) + "))(?![\\w])"
)
# A lawmaker's party and state: "R-Tex.", "D-N.Y.", "I-Vermont".
_PARTY_TAG = re.compile(r"[DRI]-([A-Z][\w.]*)$")
# A middle initial opening the rest of a name: "W. Bush", "H.W. Bush".
_MIDDLE_INITIAL = re.compile(r"(?:[A-Z]\.){1,3} [A-Z]")
_DISTRICT_LABELS = frozenset(("D.C.", "DC"))


# What a run of capitalised words reads as: its pieces, or None for title-case wording.
_Reading = tuple[Piece, ...] | None


# The readings a process keeps across the shards it mines in a build, at most this
# many: most of a shard's runs were met in the shards before it, the commonest first,
# and a large archive has a million distinct runs (each reading costs some 350 bytes).
# Past it, a run no memo holds is read in each shard, as every run once was.
_READINGS_KEPT = 30_000


class _Readings:
    """The readings of runs: what a run reads as depends on nothing but its text, its
    flags (it opens a sentence; "the" comes before it) and the place data, not on the
    shard or the miner, so one of these serves every shard a process mines in a build
    (see :func:`keeping_readings`). What a reading becomes in a shard (its forms'
    numbers, their votes and casing) is the miner's own."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.analyser = Analyser(gaz)
        # run text → its reading, one memo for each (initial, after "the") pair
        self.memos: tuple[dict[str, _Reading], ...] = ({}, {}, {}, {})
        self.room = _READINGS_KEPT

    def read(self, run: str, initial: bool, after_the: bool) -> _Reading:
        memo = self.memos[initial + 2 * after_the]
        if run in memo:
            return memo[run]
        pieces = self._reading(run, initial, after_the)
        if self.room:
            self.room -= 1
            memo[run] = pieces
        return pieces

    def next_shard(self) -> None:
        """Empty the analyser's memos of words and shapes before another shard: kept
        across shards, they held a tenth more of a worker's memory, for no time saved
        (a shard's runs met before are read from the memo of readings)."""
        self.analyser.forget()

    def _reading(self, run: str, initial: bool, after_the: bool) -> _Reading:
        if _title_case_run(run):
            return None
        party = _PARTY_TAG.match(run)
        if party and (
            self.analyser.gaz.place(fold(party.group(1)))
            or _SHORTENED.fullmatch(party.group(1).rstrip("."))
        ):
            return ()  # "(R-Tex.)", "(D-N.Y.)", "(D-Ill.)": a lawmaker's party and state
        return self._revised(run, self.analyser.analyse(run, initial, after_the))

    def _revised(self, run: str, pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
        """The analyser's pieces with the edges that make no person's name taken off.

        A name only the weak rule calls a person's (capitalised words, no title) is
        read again without a function word in front ("At Least", "A Twitter": what is
        left counts only where met elsewhere), without an office's qualifier in front
        ("Former NAACP") or an office behind ("Hewlett-Packard CEO", "Indiana
        Governor"); and a one-word place before a middle initial is a first name
        ("Paris J. Olsen", not the town of Paris and "J. Olsen").
        """
        if not pieces and self.analyser.given_and_surname(run):
            # "Ian West", "Ann French": the analysis reads the last word as a compass
            # word or a nationality and gives no name
            return (Piece(0, len(run), run, fold(run), ((PERSON, 3),), False, True),)
        out: list[Piece] = []
        for p in pieces:
            if p.votes == ((ORG, 1),) and p.multi and self.analyser.given_and_surname(p.surface):
                p = Piece(p.start, p.end, p.surface, p.key, ((PERSON, 3),), p.ambiguous, True)
            if (
                p.surface in _DISTRICT_LABELS
                and out
                and out[-1].end + 1 == p.start
                and out[-1].votes[:1] == ((PLACE, 10),)
            ):
                # "Washington D.C.": the city written with its district
                city = out.pop()
                out.append(Piece(city.start, p.end, run[city.start : p.end], city.key,
                                 city.votes, city.ambiguous, city.multi))
                continue
            day = _NAMED_DAY.match(run, p.end)
            if day and not p.multi and p.votes and p.votes[0][0] not in (PLACE, PERSON):
                # "Super Tuesday", "Black Friday": a day's name, which the analyser
                # splits at the weekday
                surface = run[p.start : day.end()]
                out.append(Piece(p.start, day.end(), surface, fold(surface), ((OTHER, 8),)))
                continue
            if (
                out
                and p.multi
                and _MIDDLE_INITIAL.match(p.surface)
                and not out[-1].multi
                and out[-1].end + 1 == p.start
                and run[out[-1].end] == " "
                and out[-1].votes[:1] == ((PLACE, 10),)
                and p.votes and p.votes[0][0] == PERSON
            ):
                first = out.pop()
                surface = f"{first.surface} {p.surface}"
                out.append(Piece(first.start, p.end, surface, fold(surface), p.votes, False, True))
                continue
            if not p.multi or len(p.votes) != 1 or p.votes[0] != (PERSON, 3):
                out.append(p)
                continue
            surface = p.surface
            first_word = surface[: surface.find(" ")].casefold()
            last_word = surface[surface.rfind(" ") + 1 :].casefold().rstrip(".")
            if not (
                first_word in FUNCTION_WORDS
                or first_word in OFFICE_QUALIFIERS
                or last_word in TITLE_HEADS
            ):
                out.append(p)  # (as most are: the cheap test first)
                continue
            tokens, joiners = run_tokens(run[p.start : p.end])
            first_word = tokens[0][2].casefold()
            cut_from, cut_to, initial = 0, len(tokens), False
            if first_word in FUNCTION_WORDS or first_word in OFFICE_QUALIFIERS:
                cut_from, initial = 1, first_word in FUNCTION_WORDS
            while cut_to > cut_from + 1 and (
                tokens[cut_to - 1][2].casefold().rstrip(".") in TITLE_HEADS
                or (cut_to < len(tokens) and tokens[cut_to - 1][2].casefold() in TITLE_WORDS)
            ):
                if cut_to == len(tokens) and _surname_title(tokens, cut_from):
                    break  # "Carole King", "Ada Bishop": a surname after given names
                cut_to -= 1
            if (cut_from, cut_to) == (0, len(tokens)) or joiners[cut_from]:
                out.append(p)
                continue
            a, b = p.start + tokens[cut_from][0], p.start + tokens[cut_to - 1][1]
            out.extend(
                x for x in _shift(self.analyser.analyse(run[a:b], initial), a)
                if x.votes or x.ambiguous
            )
        return tuple(out)


def _surname_title(tokens: list[tuple[int, int, str]], start: int) -> bool:
    """Whether the last of ``tokens``, a title's word ("King", "Bishop"), is a surname
    after given names only ("Carole King"), not an office after a name ("Indiana
    Governor", "Hewlett-Packard CEO")."""
    last = tokens[-1][2]
    return (
        len(tokens) - start >= 2 and not last.isupper() and not last.endswith(".")
        and all(is_given_name(t[2]) for t in tokens[start:-1])
    )


def _shift(pieces: tuple[Piece, ...], offset: int) -> list[Piece]:
    return [
        Piece(p.start + offset, p.end + offset, p.surface, p.key, p.votes, p.ambiguous, p.multi)
        for p in pieces
    ]



_kept: _Readings | None = None  # the readings of the shards mined in keeping_readings()
_keeping = 0  # keeping_readings() blocks open


@contextmanager
def keeping_readings() -> Iterator[None]:
    """Keep the readings of runs (see :class:`_Readings`) across the shards mined inside
    the block, and let them go after it. Blocks nest, and the readings go when the last
    one ends. Which shards share them changes no result, only the work of reading a run
    again: a build mines its shards on any number of processes."""
    global _kept, _keeping
    _keeping += 1
    try:
        yield
    finally:
        _keeping -= 1
        if _keeping == 0:
            _kept = None


def _readings(gaz: Gazetteer) -> _Readings:
    """The readings for a shard: those kept (see :func:`keeping_readings`), else new."""
    global _kept
    if not _keeping:
        return _Readings(gaz)
    if _kept is None or _kept.gaz is not gaz:
        _kept = _Readings(gaz)
    else:
        _kept.next_shard()
    return _kept
