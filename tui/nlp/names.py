"""Capitalised runs of news text read into candidate names, with evidence for their type.

A run is a sequence of capitalised words and the joiners names use ("Sea of Japan",
"Federation of American Scientists", "Moon Jae-in"), found by one regex. The
:class:`Analyser` cuts a run into pieces (possessives, "and", hyphenated modifiers,
titles, demonyms and places glued to a name all end or split one) and gives each piece
weighted votes for PERSON, ORG, PLACE or OTHER. Whether a piece is kept, and what it
merges with, is decided across the corpus by :mod:`tui.entities`.

Each segment of a run (its words between the cuts the analysis makes) is cut into
pieces and typed by :class:`tui.nlp.segments.Segmenter`, the Analyser's base.
"""


from __future__ import annotations

import re

from tui.nlp.given_names import is_given_name
from tui.nlp.lexicon import (
    AFFILIATIONS,
    DAY_NAMED_HEADS,
    FUNCTION_WORDS,
    HYPHEN_MODIFIERS,
    JOIN_LEFT,
    MONTHS,
    NEWS_AGENCIES,
    NON_PERSON_WORDS,
    ORG,
    ORG_HEADS,
    PERSON,
    PERSON_VERBS,
    POST_NOMINALS,
    SHORT_DAYS,
    WEEKDAYS,
)
from tui.nlp.name_runs import (
    _CUE_WORDS,
    _PLACEHOLDER,
    _TOKEN_RE,
    POSSESSIVE,
    Piece,
    _and_joins,
    _compound_word,
    _fold_letters,
    _fold_word,
    _Seg,
    _stretches,
    _tame,
    inside_a_name,
    plural_of_a_body,
    role_before_a_name,
    run_tokens,
)
from tui.nlp.places import DIRECTIONS, Gazetteer, fold
from tui.nlp.segments import _COMPLEMENT_JOINERS, _REGIME_ENDINGS, Segmenter


class Analyser(Segmenter):
    """Turns the text of a capitalised run into pieces; memoised by run text and position."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.shapes: dict[tuple[str, bool, bool], tuple[Piece, ...]] = {}
        self.plain_words: dict[str, bool] = {}
        self.demonyms: dict[str, bool] = {}
        # The first words of the names of two words or more that stop a run being shaped:
        # a run's words that open none of them need not be joined up and looked up.
        self.openers = frozenset(
            k.split(" ")[0] for k in (*gaz.places, *NEWS_AGENCIES, *gaz.bodies) if " " in k
        )

    def forget(self) -> None:
        """Empty the memos (their runs and words are needed no more)."""
        self.shapes.clear()
        self.plain_words.clear()
        self.demonyms.clear()

    def analyse(self, run: str, initial: bool, after_the: bool = False) -> tuple[Piece, ...]:
        """The pieces of a run (``initial``: it opens a sentence; ``after_the``: "the"
        comes before it, and it holds an "and")."""
        if _tame(run):
            return self._analyse_run(run, initial, after_the)
        return self._bounded(run, initial, after_the)

    def _bounded(self, run: str, initial: bool, after_the: bool) -> tuple[Piece, ...]:
        """:meth:`analyse` of a run longer than any name.

        The analysis recurses over a run's words and tries the rules at each, which
        costs nothing on a name's few words but grows faster than the run, and exhausts
        the stack, on a run a page long (a scraped list, a title pasted a thousand
        times). Such a run is cut into stretches of ``_MOST_WORDS`` words at most (see
        :func:`_stretches`), each analysed alone: the depth of recursion is bounded, and
        the cost grows as the run does.
        """
        words = [m.span() for m in _TOKEN_RE.finditer(run)]
        out: list[Piece] = []
        memo: dict[tuple[str, bool, bool], tuple[Piece, ...]] = {}  # a pasted text repeats
        for a, b in _stretches(run, words):
            start = words[a][0]
            part = run[start : words[b - 1][1]]
            key = (part, initial, after_the) if start == 0 else (part, False, False)
            pieces = memo.get(key)
            if pieces is None:
                pieces = memo[key] = self._analyse_run(*key)
            out.extend(_shift(pieces, start))
        return tuple(out)

    def _analyse_run(
        self, run: str, initial: bool, after_the: bool = False
    ) -> tuple[Piece, ...]:
        if initial:
            # "Said Baker: …", "Added Kim: …": a reporting verb opening the sentence is
            # capitalised and runs into the name after it
            head, _, rest = run.partition(" ")
            if rest and fold(head) in PERSON_VERBS:
                return _shift(self._analyse_run(rest, False, after_the), len(head) + 1)
        fast = self._plain(run, initial)
        if fast is None:
            fast = self._split(run, initial, after_the)
        if fast is None and not self._complement_and(run):
            fast = self._shaped(run, initial, after_the)
        return fast if fast is not None else self._analyse(run, initial, after_the)

    def _shaped(self, run: str, initial: bool, after_the: bool) -> tuple[Piece, ...] | None:
        """Analyse "Foreign Minister Taro Kono" as "Foreign Minister Zqxaa Zqxab".

        No rule looks inside a plain name word (one that is not a cue word, a place or a
        demonym), so runs that differ only in such words share one analysis; the pieces
        are mapped back. Runs where plain words together make a place ("Hong Kong") are
        left to the full analysis.
        """
        found = [(*m.span(), m.group()) for m in _TOKEN_RE.finditer(run)]
        if len(found) > 20:
            return None
        if " and " in run and any(
            self._place_across_and(run, m.end()) for m in _AND_RE.finditer(run)
        ):
            return None  # ("Bosnia and Herzegovina": a place, for the full analysis)
        known = self.plain_words
        plain = [known[t] if t in known else self._is_plain(t) for _s, _e, t in found]
        if not any(plain):
            return None
        if any("-" in t and self._double_surname(found[n - 1][2], t)
               for n, (_s, _e, t) in enumerate(found) if n):
            return None  # (a double surname after a given name: see _analyse)
        if len(found) > 2 and role_before_a_name(found[0][2], found[1][2]):
            return None  # (as in _plain)
        folded = [t.casefold() for _s, _e, t in found]
        if 1 < len(found) <= 3 and plain[0] and not all(plain) and self._given_then_place(
            [t for _s, _e, t in found], folded
        ):
            return None
        places = self.gaz.places
        openers = self.openers
        for i in range(len(found)):
            # Each key below is fold() of the words joined, and fold() folds word by word:
            # its first word is that of the fold of word i.
            first = folded[i]
            if not (first.isascii() and first.isalpha()):
                first = fold(first).split(" ")[0]
            if first not in openers:
                continue
            for j in range(i + 2, min(len(found), i + 4) + 1):
                if any(plain[i:j]):
                    key = " ".join(folded[i:j])
                    if not (key.isascii() and key.replace(" ", "").isalpha()):
                        key = fold(key)
                    if key in places or key in NEWS_AGENCIES or key in self.gaz.bodies:
                        return None
        parts: list[str] = []
        starts: list[int] = []
        prev = 0
        pos = 0
        originals: dict[str, str] = {}
        for n, ((s, e, t), is_plain) in enumerate(zip(found, plain)):
            gap = run[prev:s]
            parts.append(gap)
            pos += len(gap)
            word = t
            if is_plain:
                word = _STAND_INS[n]
                originals[word] = t
            starts.append(pos)
            parts.append(word)
            pos += len(word)
            prev = e
        shape = "".join(parts)
        ck = (shape, initial, after_the)
        pieces = self.shapes.get(ck)
        if pieces is None:
            pieces = self.shapes[ck] = self._analyse(shape, initial, after_the)

        def back(x: int) -> int:
            # A piece starts or ends on a word's edge, or inside a word kept as it was.
            for (s, e, _t), st, is_plain in zip(reversed(found), reversed(starts), reversed(plain)):
                if x >= st:
                    return e if is_plain and x > st else s + (x - st)
            return x

        out = []
        for p in pieces:
            surface = p.surface
            key = p.key
            if _PLACEHOLDER in surface:
                for word, original in originals.items():
                    surface = surface.replace(word, original)
                key = fold(surface)
            out.append(Piece(back(p.start), back(p.end), surface, key, p.votes, p.ambiguous,
                             p.multi))
        return tuple(out)

    def _is_plain(self, w: str) -> bool:
        known = self.plain_words.get(w)
        if known is None:
            known = self.plain_words[w] = self._plain_word(w)
        return known

    def _plain_word(self, w: str) -> bool:
        if not (2 <= len(w) <= 60 and w.isalpha() and w[0].isupper() and w[1:].islower()):
            return False
        low = w.casefold()
        # (the word's fold is its casefold when it is ASCII, as _fold_letters has it)
        return (
            low not in _CUE_WORDS
            and (low if w.isascii() else fold(w)) not in self.gaz.places
            and not self._modifier(w)
        )

    def _split(self, run: str, initial: bool, after_the: bool) -> tuple[Piece, ...] | None:
        """Cut a run where the full analysis would cut it anyway, and analyse the parts.

        A leading "The", an "and" and a possessive always end a name, so the parts give
        the same pieces as the whole; they are far more often met again than the whole.
        """
        if run.startswith("The ") and len(run) > 5 and not self._the_place(run.split(" ")):
            # "The Danish Competition and Consumer Authority": the "and" follows "The".
            rest = run[4:]
            # ("the" is before the rest: where that is an "and" or a weekday written short,
            # "The Sun", it matters)
            the = after_the or " and " in rest or _fold_word(rest) in SHORT_DAYS
            return _shift(self._analyse_run(rest, False, the), 4)
        if initial and " of " in run:
            body = plural_of_a_body(run)
            if body:
                return _shift(self._analyse_run(run[body:], False), body)
        if not after_the:
            i = run.find(" and ")
            # (but for an "and" inside what a body is for: "Institute for Peace and ...",
            # or inside a place's name: "Bosnia and Herzegovina")
            if i > 0 and not _COMPLEMENT_BEFORE.search(run, 0, i) and not (
                self._place_across_and(run, i + 5)
            ):
                left = self._analyse_run(run[:i], initial)
                return left + _shift(self._analyse_run(run[i + 5 :], False), i + 5)
        m = _INNER_POSSESSIVE.search(run)
        owner = run[run.rfind(" ", 0, m.start()) + 1 : m.end()] if m else ""
        if m and "-" not in owner and not (
            m.end() < len(run) and inside_a_name(
                owner, _word_before(run, m.start()), run[m.end() + 1 :].split(" ")
            )
        ):
            left = self._analyse_run(run[: m.start()], initial, after_the)
            rest = run[m.end() + 1 :]
            if m.end() == len(run) or (" " not in rest and _fold_word(rest) in ORG_HEADS):
                # (a head noun alone after a possessive is the tail of a name the
                # possessive cuts, "St. Ann's College", or a common noun: no name)
                return left
            return left + _shift(self._analyse_run(run[m.end() + 1 :], False), m.end() + 1)
        return None

    def _plain(self, run: str, initial: bool) -> tuple[Piece, ...] | None:
        """Runs of plain capitalised words that no rule reacts to, or None.

        Most distinct runs in a large corpus are such names; this gives exactly what the
        full analysis would, at a fraction of its cost.
        """
        words = run.split(" ")
        if len(words) > 2 and role_before_a_name(words[0], words[1]):
            return None  # (a role the lexicon lacks, "Guitarist Theo Vance": see _title_cut)
        places = self.gaz.places
        # (the memo read in place of a call of _is_plain for each word: most words are
        # met before, and most runs end here or fail at their first word)
        known = self.plain_words
        for w in words:
            plain = known.get(w)
            if plain is None:
                plain = known[w] = self._plain_word(w)
            if not plain:
                return None
        key = _fold_letters(run)
        if len(words) > 1:
            # (the first two words are the whole run in most: their fold is the key)
            if (key if len(words) == 2 else _fold_letters(" ".join(words[:2]))) in places:
                return None
            if len(words) > 2 and (
                key if len(words) == 3 else _fold_letters(" ".join(words[:3]))
            ) in places:
                return None
            if key in NEWS_AGENCIES:
                return None
            return (Piece(0, len(run), run, key, ((PERSON, 3),), False, True),)
        if initial:
            return (Piece(0, len(run), run, key, ((ORG, 1),), True, False),)
        return (Piece(0, len(run), run, key, ((ORG, 1),), False, False),)

    def _analyse(self, run: str, initial: bool, after_the: bool) -> tuple[Piece, ...]:
        tokens, joiners = run_tokens(run)
        segments: list[list[tuple[int, int, str, str]]] = [[]]

        def close() -> None:
            if segments[-1]:
                segments.append([])

        for n, ((s, e, tok), joiner) in enumerate(zip(tokens, joiners)):
            if joiner == "&" or (joiner == "and" and after_the and _and_joins(tokens, joiners, n)):
                pass  # "Kellerman & Roth", "the CHIPS and Science Act"
            elif joiner == "and" and self._and_in_complement(segments[-1], tokens, joiners, n):
                pass  # "Institute for Peace and Conflict Studies"
            elif joiner == "and" and segments[-1] and self._place_across_and(run, s):
                # "Bosnia and Herzegovina", "Trinidad and Tobago": one word of a place's
                # name, which the place data then reads whole
                ps, _pe, _pt, pj = segments[-1][-1]
                segments[-1][-1] = (ps, e, run[ps:e], pj)
                continue
            elif joiner in ("and", "&") or (joiner and not segments[-1]):
                close()
                joiner = ""
            low = POSSESSIVE.sub("", _fold_word(tok))  # "Saturday’s" is a weekday too
            if low in WEEKDAYS and n + 2 == len(tokens) and not joiners[n + 1] and (
                _fold_word(tokens[n + 1][2]) in DAY_NAMED_HEADS
            ):
                # (the head ends the run: "said Saturday Times Square" is a date and a
                # place)
                pass  # "The Sunday Times", "the Good Friday Agreement": the day is named
            elif low in SHORT_DAYS and (
                (after_the and n == 0) or (n and _fold_word(tokens[n - 1][2]) == "the")
            ):
                pass  # ("The Sun", "told the Sun": a paper, no day written short)
            elif low in WEEKDAYS or (low in MONTHS and not (segments[-1] and joiner == "")):
                close()
                continue
            if "-" in tok and not tok.isupper():
                # (after a given name, a hyphen joins a double surname, whatever its
                # halves name elsewhere: "Lauren Pickens-Moore", "Thomas Berger-Essen")
                surname = (
                    bool(segments[-1]) and not joiner
                    and self._double_surname(segments[-1][-1][2], tok)
                )
                parts = self._split_hyphenated(s, tok, surname)
                if parts is None and _compound_word(tok, not segments[-1]):
                    close()  # "Emmy-winning", "X-rays": a word made of a name, none
                    continue
                if parts is not None:
                    for i, (ps, pe, ptext, ends) in enumerate(parts):
                        segments[-1].append((ps, pe, ptext, joiner if i == 0 else ""))
                        if ends:
                            close()
                    continue
            if tok in POST_NOMINALS and len(segments[-1]) >= 2 and not joiner:
                close()  # "Simon Delacroix KC": an office or an honour after the name
                continue
            m = POSSESSIVE.search(tok)
            if m and n + 1 < len(tokens) and not joiners[n + 1] and inside_a_name(
                tok, tokens[n - 1][2] if n and not joiner else None,
                [t for _s, _e, t in tokens[n + 1 :]],
            ):
                m = None  # ("People's" of "the People's Liberation Army")
            if m and len(tok) - len(m.group()) >= 1:
                cut = len(tok) - (2 if m.group()[0] in "'’" else 1)
                segments[-1].append((s, s + cut, tok[:cut], joiner))
                close()
                continue
            segments[-1].append((s, e, tok, joiner))
        pieces: list[Piece] = []
        first = True
        for seg in segments:
            if seg:
                pieces.extend(self._segment(seg, initial and first))
                first = False
        return tuple(pieces)

    def _given_then_place(self, words: list[str], folded: list[str]) -> bool:
        """Whether a run of two or three words (``folded``: casefolded) whose first is a
        plain word is a given name and a major place ("Tom Quito"), which
        :meth:`_given_first` reads on its real words (a run's shape hides the given
        name), or a country after a word that may say its regime ("Fascist Spain")."""
        if len(words) == 2 and folded[0].endswith(_REGIME_ENDINGS):
            return folded[1] in self.gaz.countries  # (see _typed)
        return any(self.gaz.is_major(w) for w in folded[1:]) and self._given_first(words)

    def _complement_and(self, run: str) -> bool:
        """Whether an "and" in ``run`` may be inside what a body is for ("Institute for
        Peace and Conflict Studies"): that is told by its real words (a given name after
        it starts a person's), which a run's shape hides (see _and_in_complement). A
        run that opens with a given name is a person "of" a body, and keeps its shape."""
        i = run.find(" and ")
        if i < 0 or not _COMPLEMENT_BEFORE.search(run, 0, i):
            return False
        after = run[i + 5 :].split(" ", 1)[0]
        first = run.split(" ", 1)[0]
        # (a demonym that is also a given name, "Philippine Institute of …", opens a body)
        return not (is_given_name(first) and not self.gaz.is_demonym(first)) and (
            not is_given_name(after)
        )

    def _and_in_complement(
        self, seg: list[_Seg], tokens: list[tuple[int, int, str]], joiners: list[str], n: int
    ) -> bool:
        """Whether the "and" before token ``n`` joins two words of what a body's head
        noun is "for", "of" or "on": "Center for Peace and Conflict Studies",
        "Department of Parks and Recreation". Not a list of names: the words on
        either side of it are no place, acronym, given name, title or head noun of a
        body of their own ("University of Ellery and Harbour College")."""
        at = next(
            (i for i in range(len(seg) - 1, 0, -1)
             if seg[i][3] in _COMPLEMENT_JOINERS and _fold_word(seg[i - 1][2]) in ORG_HEADS),
            None,
        )
        if at is None or len(seg) - at > 3:
            return False
        tail: list[str] = []
        for (_s, _e, tok), joiner in zip(tokens[n:], joiners[n:]):
            if tail and joiner:
                return False  # ("... and Human Rights of ...": no more than a few words)
            tail.append(tok)
            if len(tail) > 3:
                return False
        # (a portfolio of one word on either side may be a word that heads a body's name
        # elsewhere: `Ministry of Energy and Mines`, `Ministry of Mines and Energy`)
        alone = len(tail) == 1
        return self._listed_word(seg[-1][2], len(seg) - 1 == at) and (
            self._listed_word(tail[0], alone)
        ) and (alone or not any(_fold_word(tok) in JOIN_LEFT for tok in tail))

    def _place_across_and(self, run: str, after: int) -> bool:
        """Whether the "and" just before ``after`` in ``run`` is inside a place's name
        the place data knows: the word or two before it, the "and", and the word or
        two after it ("Bosnia and Herzegovina", "Saint Kitts and Nevis", "Turks and
        Caicos Islands")."""
        before = run[: after - 5].split(" ")[-2:]
        following = run[after:].split(" ")[:2]
        places = self.gaz.places
        return any(
            fold(" ".join(before[-b:]) + " and " + " ".join(following[:f])) in places
            for b in (1, 2) if b <= len(before)
            for f in (1, 2) if f <= len(following)
        )

    def _listed_word(self, tok: str, portfolio: bool = False) -> bool:
        """Whether ``tok`` may stand beside an "and" inside a body's name: a plain word,
        no place, given name, title or head noun (with ``portfolio``, a body's head noun
        will do)."""
        low = _fold_word(tok)
        return (
            not tok.startswith(_PLACEHOLDER)  # (a shape's word may be a given name)
            and tok[1:].islower()
            and self.gaz.place(fold(tok)) is None
            and not is_given_name(tok)
            and (low not in JOIN_LEFT or portfolio and low in ORG_HEADS)
        )

    def _double_surname(self, before: str, hyphenated: str) -> bool:
        """Whether ``hyphenated``, after the word ``before``, is a double surname: after
        a given name, whatever its halves name elsewhere ("Lauren Pickens-Moore"), but
        not where the two words are a place ("San Diego-Tijuana", "Hong Kong-Shenzhen")."""
        return is_given_name(before) and (
            self.gaz.place(fold(f"{before} {hyphenated.split('-', 1)[0]}")) is None
        )

    def _split_hyphenated(
        self, start: int, tok: str, surname: bool = False
    ) -> list[tuple[int, int, str, bool]] | None:
        """Split "Seoul-based" and "Seoul-Washington-Tokyo"; keep "Jae-in", "Asia-Pacific",
        and a ``surname`` whose halves name places ("Lauren Pickens-Moore")."""
        parts = tok.split("-")
        offsets = []
        pos = start
        for p in parts:
            offsets.append((pos, pos + len(p), p))
            pos += len(p) + 1
        for i in range(1, len(parts)):
            if parts[i].casefold() in HYPHEN_MODIFIERS:
                ps, _pe, _p = offsets[0]
                end = offsets[i - 1][1]
                return [(ps, end, tok[: end - start], True)]
        if surname:
            return None
        if any(p[:1].isupper() and fold(p) in self.gaz.places for p in parts[1:]) and all(
            p[:1].isupper() for p in parts
        ) and not (
            # (but "Helen-Ann", two given names, is one, whatever town "Ann" names)
            len(parts) == 2 and fold(parts[0]) not in self.gaz.places
            and all(is_given_name(p) for p in parts)
        ):
            return [(ps, pe, p, True) for ps, pe, p in offsets]
        if parts[0][:1].isupper() and any(p[:1].isupper() and len(p) > 2 for p in parts[1:]):
            # "South Korean-U.S." : a demonym glued to a place.
            if fold(parts[-1]) in self.gaz.places and self._demonym(parts[0]):
                return [(ps, pe, p, True) for ps, pe, p in offsets]
        return None

    def given_and_surname(self, name: str) -> bool:
        """Is ``name`` a given name and a surname that is a place's adjective or a
        compass word ("Ann French", "Ian West")? Alone such a word describes, and a run
        of it with other words ("Western Australian") names no one; after a given name it
        is a family's name. (Asked of a run's text: the analysis of a run's shape does
        not see its given names.)"""
        first, space, last = name.partition(" ")
        if not space or " " in last or not first.isalpha() or not last.isalpha():
            return False
        low, first_low = last.casefold(), first.casefold()
        return (
            last[0].isupper()
            and last[1:].islower()
            and first[1:].islower()
            # (a plural is a people: "Young Americans"; "the Deep South" is a region)
            and (low in _COMPASS_SURNAMES or (self._demonym(last) and low[-1] != "s"))
            and low not in AFFILIATIONS
            and first_low not in FUNCTION_WORDS
            and first_low not in NON_PERSON_WORDS
            and first_low not in DIRECTIONS
            and is_given_name(first)
            and not self._modifier(first)
            and self.gaz.place(fold(first)) is None
        )


# Compass words that are also surnames ("Ian West", "Ann North"); after another word the
# rest ("Deep South", "Far East") name regions.
_COMPASS_SURNAMES = frozenset(("west", "north"))
_COMPLEMENT_BEFORE = re.compile(r" (?:for|of|on) ")
_AND_RE = re.compile(" and ")
# The stand-ins for a shape's plain words, by their place in the run (see _shaped).
_STAND_INS = tuple(_PLACEHOLDER + chr(97 + n // 26) + chr(97 + n % 26) for n in range(21))
_INNER_POSSESSIVE = re.compile(r"(?<=\w)['’]s(?= |$)")


def _word_before(run: str, end: int) -> str | None:
    """The capitalised word just before the word that ends at ``end`` in ``run``, if
    any (a joiner in lower case, "Court of King's Bench", is none)."""
    words = run[:end].rsplit(" ", 2)
    return words[-2] if len(words) > 1 and words[-2][:1].isupper() else None


def _shift(pieces: tuple[Piece, ...], offset: int) -> tuple[Piece, ...]:
    return tuple(
        Piece(p.start + offset, p.end + offset, p.surface, p.key, p.votes, p.ambiguous, p.multi)
        for p in pieces
    )
