"""Capitalised runs of news text read into candidate names, with evidence for their type.

A run is a sequence of capitalised words and the joiners names use ("Sea of Japan",
"Federation of American Scientists", "Moon Jae-in"), found by one regex. The
:class:`Analyser` cuts a run into pieces (possessives, "and", hyphenated modifiers,
titles, demonyms and places glued to a name all end or split one) and gives each piece
weighted votes for PERSON, ORG, PLACE or OTHER. Whether a piece is kept, and what it
merges with, is decided across the corpus by :mod:`tui.entities`.
"""


from __future__ import annotations

import re

from tui.nlp.given_names import is_given_name
from tui.nlp.lexicon import (
    AFFILIATIONS,
    BODIES_ALONE,
    COMPASS_REGIONS,
    DEITIES,
    DEPARTMENT_WORDS,
    EVENTS_AND_SCALES,
    FUNCTION_WORDS,
    HEAD_WORDS,
    HOLIDAYS,
    HYPHEN_MODIFIERS,
    JOIN_LEFT,
    MONTHS,
    NAME_SUFFIXES,
    NEWS_AGENCIES,
    NON_PERSON_WORDS,
    OFFICES,
    ORG,
    ORG_HEADS,
    OTHER,
    PARTICLES,
    PERSON,
    PERSON_ROLES,
    PERSON_VERBS,
    PLACE,
    PLACE_PARTS,
    POST_NOMINALS,
    RESIDENCES,
    ROMAN_NUMERALS,
    TITLE_HEADS,
    TITLE_WORDS,
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
    _head_type,
    _is_camel,
    _is_function,
    _joins,
    _Seg,
    _stretches,
    _tame,
    inside_a_name,
    is_acronym,
    run_tokens,
)
from tui.nlp.places import DIRECTIONS, Gazetteer, fold


class Analyser:
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
        known = self.plain_words
        plain = [known[t] if t in known else self._is_plain(t) for _s, _e, t in found]
        if not any(plain):
            return None
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

    def _modifier(self, word: str) -> bool:
        """A demonym or a party member's noun: says who someone is, names nothing."""
        return self._demonym(word) or _fold_word(word) in AFFILIATIONS

    def _demonym(self, word: str) -> bool:
        known = self.demonyms.get(word)
        if known is None:
            key = _fold_letters(word) if word.isalpha() else fold(word)
            known = self.demonyms[word] = self.gaz.is_folded_demonym(key)
        return known

    def _the_place(self, words: list[str]) -> bool:
        """Do the words open with a place whose name starts with "The" ("The Hague"),
        and name that place, not a thing named after it? ("The Bronx Zoo", opening a
        sentence, is the Bronx Zoo: its "The" is the zoo's article.)"""
        if len(words) < 2 or words[1].casefold() not in self.gaz.after_the:
            return False
        return any(
            fold(" ".join(words[:n])) in self.gaz.places
            # (a head noun after the place: a thing of that place, "The Bronx Zoo")
            and not any(_fold_word(w) in HEAD_WORDS for w in words[n:])
            for n in (2, 3) if len(words) >= n
        )

    def _split(self, run: str, initial: bool, after_the: bool) -> tuple[Piece, ...] | None:
        """Cut a run where the full analysis would cut it anyway, and analyse the parts.

        A leading "The", an "and" and a possessive always end a name, so the parts give
        the same pieces as the whole; they are far more often met again than the whole.
        """
        if run.startswith("The ") and len(run) > 5 and not self._the_place(run.split(" ")):
            # "The Danish Competition and Consumer Authority": the "and" follows "The".
            return _shift(self._analyse_run(run[4:], False, after_the or " and " in run), 4)
        if not after_the:
            i = run.find(" and ")
            # (but for an "and" inside what a body is for: "Institute for Peace and ...")
            if i > 0 and not _COMPLEMENT_BEFORE.search(run, 0, i):
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
            elif joiner in ("and", "&") or (joiner and not segments[-1]):
                close()
                joiner = ""
            low = POSSESSIVE.sub("", _fold_word(tok))  # "Saturday’s" is a weekday too
            if low in WEEKDAYS or (low in MONTHS and not (segments[-1] and joiner == "")):
                close()
                continue
            if "-" in tok and not tok.isupper():
                parts = self._split_hyphenated(s, tok)
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
        return not is_given_name(run.split(" ", 1)[0]) and not is_given_name(after)

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
        return all(self._listed_word(tok) for tok in [seg[-1][2], tail[0]]) and not any(
            _fold_word(tok) in JOIN_LEFT for tok in tail
        )

    def _given_first(self, words: list[str]) -> bool:
        """Whether a name of two or three words opens with a given name that is no major
        place ("Ann Toronto", "Tom Quito"): a major place after it is a surname (towns
        are named after families, and families after towns); one that opens the name
        ("Toronto Zephyrs") still says it names no person."""
        first = words[0]
        return (
            len(words) <= 3
            and first.isalpha()
            and is_given_name(first)
            and not self.gaz.is_major(_fold_word(first))
        )

    def _listed_word(self, tok: str) -> bool:
        """Whether ``tok`` may stand beside an "and" inside a body's name: a plain word,
        no place, given name, title or head noun."""
        low = _fold_word(tok)
        return (
            not tok.startswith(_PLACEHOLDER)  # (a shape's word may be a given name)
            and tok[1:].islower()
            and self.gaz.place(fold(tok)) is None
            and not is_given_name(tok)
            and low not in JOIN_LEFT
        )

    def _split_hyphenated(self, start: int, tok: str) -> list[tuple[int, int, str, bool]] | None:
        """Split "Seoul-based" and "Seoul-Washington-Tokyo"; keep "Jae-in", "Asia-Pacific"."""
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
        if any(p[:1].isupper() and fold(p) in self.gaz.places for p in parts[1:]) and all(
            p[:1].isupper() for p in parts
        ):
            return [(ps, pe, p, True) for ps, pe, p in offsets]
        if parts[0][:1].isupper() and any(p[:1].isupper() and len(p) > 2 for p in parts[1:]):
            # "South Korean-U.S." : a demonym glued to a place.
            if fold(parts[-1]) in self.gaz.places and self._demonym(parts[0]):
                return [(ps, pe, p, True) for ps, pe, p in offsets]
        return None

    def _segment(self, seg: list[_Seg], initial: bool) -> list[Piece]:
        # Function words in front ("The", "In", "But") are not part of the name.
        # Mid-sentence, only an article is stripped: "the Next Generation EU" keeps "Next".
        while (
            seg
            and not (seg[0][2].isupper() and len(seg[0][2]) > 1)  # ("US", not "A")
            and _fold_word(seg[0][2]) in FUNCTION_WORDS
            and (initial or _fold_word(seg[0][2]) in ("the", "a", "an"))
            and not self._the_place([t for _s, _e, t, _j in seg])
        ):
            seg = seg[1:]
            initial = False
        if seg and seg[0][3]:  # a name does not start with a joiner
            seg = [(seg[0][0], seg[0][1], seg[0][2], ""), *seg[1:]]
            if _is_function(seg[0][2]):
                return self._segment(seg[1:], False) if len(seg) > 1 else []
        if not seg:
            return []
        # "of"/"for"/"on" join only inside names built on them: "Sea of Japan", "Federation
        # of American Scientists"; "Go Myong-Hyun of the Asan Institute" is two names.
        low = [_fold_word(t) for _s, _e, t, _j in seg]
        for k in range(1, len(seg)):
            j = seg[k][3]
            if j == "and" and any(seg[i][3] in _COMPLEMENT_JOINERS for i in range(1, k)):
                continue  # (kept by _and_in_complement: "Institute for Peace and ...")
            if j and j != "&" and j.split()[0] not in PARTICLES and not _joins(low[:k], low, j):
                right = [(seg[k][0], seg[k][1], seg[k][2], ""), *seg[k + 1 :]]
                return self._segment(seg[:k], initial) + self._segment(right, False)
        words = [t for _s, _e, t, _j in seg]
        if len(words) == 1 and len(words[0]) < 2:
            return []
        # A demonym in front: "South Korean President ...", "North Korean WannaCry"; but
        # "Korean War" and "Japanese Embassy" are names, and so are places that start
        # with one: "Czech Republic", and a part of a place named by its compass
        # adjective ("Northern Norway", "Eastern Finland").
        for n in (2, 1):
            if len(seg) > n and self._modifier(" ".join(words[:n])):
                if (
                    not seg[n][3]
                    and not self._named_body(seg, words, n)
                    and not self._gaz_key(words)
                    and not (low[0] in DIRECTIONS and self._gaz_key(words[n:]))
                ):
                    return self._segment(seg[n:], False)
                break
        # Titles: "Lt. Col. Dave Eastburn", "Secretary of State Mike Pompeo".
        cut = self._title_cut(seg)
        if cut is not None:
            head, name = cut
            prefix = seg[:head]
            while prefix and (
                (_fold_word(prefix[-1][2]) in TITLE_WORDS and not is_acronym(prefix[-1][2]))
                or _fold_word(prefix[-1][2]) in DIRECTIONS
                or _fold_word(prefix[-1][2]) in _BENCHES
                or _is_function(prefix[-1][2])
                or self._modifier(prefix[-1][2])
            ):
                prefix = prefix[:-1]
            out = self._segment(prefix, initial) if prefix else []
            # "Fishing Minister X": a lone word before a title is likely part of it, so it
            # counts only if the name is met elsewhere.
            if len(prefix) == 1 and out and not is_acronym(prefix[0][2]):
                out = [p if p.votes and p.votes[0][0] == PLACE else _ambiguous(p) for p in out]
            out.append(self._piece(seg[name:], ((PERSON, 10),)))
            return out
        # "President of the United States", "Governor of the Bank of England": an office
        # named after a place or a body; that place or body is the name.
        k = next((k for k in range(1, len(seg)) if seg[k][3]), 0)
        if (
            k
            and seg[k][3].split()[0] in ("of", "for")
            and low[k - 1] in TITLE_HEADS
            and all(w in TITLE_WORDS for w in low[:k])
            and not all(w in TITLE_WORDS or w in DEPARTMENT_WORDS for w in low[k:])
        ):
            return self._segment([(seg[k][0], seg[k][1], seg[k][2], ""), *seg[k + 1 :]], False)
        if len(seg) == 1 and low[0] in _REGIONS and not initial and words[0][1:].islower():
            # "the South", "voters in the Northeast": capitalised mid-sentence, a compass
            # point names a region
            return [self._piece(seg, ((PLACE, 6),))]
        if len(low) == 1 and low[0] in BODIES_ALONE:
            return self._typed(seg, initial)
        titled = any(w in TITLE_HEADS for w in low)
        if all(
            (w in TITLE_WORDS and not is_acronym(t)) or _is_function(t) or w in DIRECTIONS
            or (titled and w in DEPARTMENT_WORDS)  # ("Chief of Defence Staff")
            for w, t in zip(low, words)
        ):
            return []  # "Defence Minister", "President": an office without a name
        if self._modifier(" ".join(words)) and not self._gaz_key(words):
            return []
        # A place glued to the next name: "North Korea Stephen Biegun", "Russia NotPetya".
        for n in (3, 2, 1):
            if len(seg) > n and not any(j for *_x, j in seg[1 : n + 1]):
                if fold(" ".join(words[:n])) in self.gaz.places:
                    if n == 1 and not self.gaz.is_major(low[0]) and is_given_name(words[0]):
                        break  # "Mary Kay Henry": a given name, not the town of Mary
                    rest = words[n:]
                    if _head_type(words, [j for *_x, j in seg]) is None and (
                        len(rest) >= 2 or _is_camel(rest[0]) or is_acronym(rest[0])
                    ):
                        return self._typed(seg[:n], False) + self._segment(seg[n:], False)
                    break
        return self._typed(seg, initial)

    def _named_body(self, seg: list[_Seg], words: list[str], n: int) -> bool:
        """Whether the ``n`` words of a demonym or a party's adjective in front are part
        of a body's name: "Korean War" and "Japanese Embassy" are names. Before a title
        the head is the title's, not the person's: "Conservative National Committee
        Chairman Ann Lee" names the committee; but the party of "Conservative Senate
        Leader" or "Liberal U.S. House Speaker" tells whose leader, as the words after
        it name a body of their own (one word, or a place's name first)."""
        title = self._title_cut(seg)
        if title is None or title[0] <= n:
            return _head_type(words, [j for *_x, j in seg]) is not None
        named = seg[: title[0]]
        rest = words[n : title[0]]
        return (
            len(rest) >= 2
            and self._gaz_key(rest[:1]) is None
            and _head_type([t for _s, _e, t, _j in named], [j for *_x, j in named]) is not None
        )

    def _title_cut(self, seg: list[_Seg]) -> tuple[int, int] | None:
        """(index of the title's last word, index where the name starts), or None."""
        low = [_fold_word(t) for _s, _e, t, _j in seg]
        for i in range(len(seg) - 2, -1, -1):
            if seg[i][2].isupper() and len(seg[i][2]) > 3:
                continue
            if all(w in NAME_SUFFIXES for w in low[i + 1 :]):
                continue  # "Martin Luther King Jr.": a surname before its suffix
            # A role noun ("Coach", "Analyst") or an office ("Sheriff", "County Clerk") is
            # a title before a full name only.
            if low[i] not in TITLE_HEADS and not (
                len(seg) - i > 2
                and (low[i] in PERSON_ROLES or low[i] in OFFICES or _describes_a_member(low[i]))
            ):
                continue
            cut = i + 1
            while len(seg) - cut > 1 and low[cut] in _HONORIFIC_TAILS and low[i] in _MALAY_TITLES:
                cut += 1  # "Datuk Seri Hishamuddin Rahim": the honorific goes on
            # "Secretary of State Mike Pompeo": department words after "of" are title too.
            if seg[cut][3] and low[cut] in DEPARTMENT_WORDS:
                cut += 1
                while cut < len(low) and not seg[cut][3] and low[cut] in DEPARTMENT_WORDS:
                    cut += 1
            if len(seg) - cut > 4:
                continue  # (no name has more words: _valid_name would say no)
            name = seg[cut:]
            if self._valid_name(name):
                return i, cut
        return None

    def _valid_name(self, name: list[_Seg]) -> bool:
        if not name or name[0][3] or len(name) > 4:
            return False
        if any(j and j.split()[0] not in PARTICLES for *_x, j in name[1:]):
            return False
        words = [t for _s, _e, t, _j in name]
        low = [_fold_word(w) for w in words]
        head = _head_type(words, [j for *_x, j in name])
        # After a title, a plural place noun is a surname: "Rep. Maxine Waters".
        if head is not None and not (head[0] == PLACE and len(words) > 1 and low[-1][-1] == "s"):
            return False
        if _is_function(words[0]) or all(w in TITLE_WORDS for w in low):
            return False
        if len(words) == 1 and len(words[0]) < 2:
            return False
        return not any(is_acronym(w) and len(w) > 3 for w in words)

    def _gaz_key(self, words: list[str]) -> tuple[str, bool] | None:
        return self.gaz.place(fold(" ".join(words)))

    def _typed(self, seg: list[tuple[int, int, str, str]], initial: bool) -> list[Piece]:
        words = [t for _s, _e, t, _j in seg]
        joined = [j for *_x, j in seg]
        low = [_fold_word(w) for w in words]
        if len(words) == 1:
            w = words[0]
            if low[0] in DIRECTIONS or low[0] in ROMAN_NUMERALS or low[0] in FUNCTION_WORDS:
                # (in capitals, two letters may be an acronym, "US", "IT"; a longer
                # function word is one shouted, "WHY", "WHEN", but for "WHO")
                if not w.isupper() or len(w) < 2 or (len(w) > 2 and low[0] != "who"):
                    return []
            if low[0] in BODIES_ALONE:  # "the Treasury said", "a Treasury note"
                return [self._piece(seg, ((ORG, 8),))]
            if not any(c.isalpha() for c in w) or low[0] in TITLE_WORDS:
                return []
            if len(w) > 60:
                return []
        elif low[-1] in _ELECTED_TITLES or (low[-1] == "general" and low[-2] in TITLE_WORDS):
            # An office whose holder's name is not in the run ("Ellery Gov.", at a line's
            # end, "Conservative Governor"): a title, whoever's it is, no body's name.
            return []
        body = self.gaz.bodies.get(fold(" ".join(words)))
        if body is not None:  # "European Union", "EU": a body of states, not a place
            return [self._piece(seg, ((ORG, 10),), key=fold(body))]
        whole = fold(" ".join(words))
        if whole in RESIDENCES:  # "the White House said": a building
            return [self._piece(seg, ((PLACE, 10),))]
        if whole in COMPASS_REGIONS:  # "the Mid-Atlantic"
            return [self._piece(seg, ((PLACE, 8),))]
        if whole in DEITIES or whole in HOLIDAYS:  # "Allah", "Easter", "Lunar New Year"
            return [self._piece(seg, ((OTHER, 8),))]
        if whole in EVENTS_AND_SCALES or any(map(_model_code, words)):
            return [self._piece(seg, ((OTHER, 8),))]  # "the Reformation", "B-52", "ZX-9"
        gaz = self._gaz_key(words)
        if gaz is None and any(joined):
            # a country's long form: "United States of America", "Republic of Korea"
            # (a small place so named is more likely a body: "University of Texas")
            spelled = " ".join(t if not j else f"{j} {t}" for t, j in zip(words, joined))
            found = self.gaz.place(fold(spelled))
            if found is not None and found[1]:
                gaz = found
        if gaz is not None:
            canonical, major = gaz
            piece = self._piece(seg, ((PLACE, 10),), key=fold(canonical))
            # A small place at a sentence start is as likely a common word ("Reading").
            if initial and not major and len(words) == 1:
                return [_ambiguous(piece)]
            return [piece]
        if low[-1] in DIRECTIONS:
            return []
        if len(words) == 1 and initial and not is_acronym(words[0]):
            return [_ambiguous(self._piece(seg, ((ORG, 1),)))]
        votes: list[tuple[str, int]] = []
        head = _head_type(words, joined)
        if fold(" ".join(words)) in NEWS_AGENCIES:
            votes.append((ORG, 9))
        elif head is not None:
            votes.append(head)
        elif (
            len(words) > 1
            and (low[0] in DIRECTIONS or low[0] in PLACE_PARTS)
            and self.gaz.place(fold(" ".join(words[1:])))
        ):
            votes.append((PLACE, 8))  # "Northeast Asia", "Downstate Illinois"
        elif len(words) == 2 and low[0] == "new" and self.gaz.is_major(low[1]):
            votes.append((PLACE, 8))  # "New Britain": a place named after another
        elif (
            len(words) == 2
            and low[1] in self.gaz.countries
            and len(low[0]) > 3
            and low[0].endswith(_REGIME_ENDINGS)
            and low[0] not in NON_PERSON_WORDS
        ):
            votes.append((PLACE, 8))  # "Fascist Spain", "Neutral Ireland": a country then
        elif len(words) > 1 and low[-1] == "city" and not self._gaz_key(words[:-1]):
            votes.append((PLACE, 8))  # "Harbour City", a town the place data lacks
        elif len(words) == 1:
            w = words[0]
            parts = [fold(p) for p in w.split("-")]
            if len(parts) > 1 and any(self.gaz.place(p) for p in parts):
                votes.append((PLACE, 6))  # "Asia-Pacific"
            elif is_acronym(w) and w.endswith("s") and not w.endswith("S"):
                votes.append((OTHER, 3))  # "SUVs", "IDs": things or people counted, no body
            elif _MEMBERS_OF_ACRONYM.fullmatch(w):
                votes.append((OTHER, 3))  # "HFPers": a body's members, no body
            elif is_acronym(w):
                votes.append((ORG, 2))
            elif _is_camel(w):
                votes.append((OTHER, 3))
            else:
                votes.append((ORG, 1))
        elif (
            all(w[:1].isupper() and not any(c.isdigit() for c in w) for w in words)
            and not any(j and j.split()[0] not in PARTICLES for j in joined[1:])
            and not any(w in NON_PERSON_WORDS or self._modifier(w) for w in low)
            and not any(is_acronym(p) for w in words for p in w.split("-")[1:])  # "Air France-KLM"
            and (not any(self.gaz.is_major(w) for w in low) or self._given_first(words))
        ):
            if not words[0].isalpha() and self.gaz.is_major(fold(words[0])):
                # "U.S. Mint", "U.K. Treasury": a country's abbreviation, no initial,
                # before a word that does not say what the whole names
                votes.append((OTHER, 1))
            else:
                votes.append((PERSON, 3))
        elif any(w in NON_PERSON_WORDS for w in low):
            votes.append((ORG, 2))  # "Manchester United": a word no person's name has
        else:
            votes.append((ORG, 1))
        return [self._piece(seg, tuple(votes))]

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

    def _piece(
        self,
        seg: list[tuple[int, int, str, str]],
        votes: tuple[tuple[str, int], ...],
        key: str | None = None,
    ) -> Piece:
        start, end = seg[0][0], seg[-1][1]
        surface = " ".join(t if not j else f"{j} {t}" for _s, _e, t, j in seg)
        return Piece(start, end, surface, key or fold(surface), votes, False, len(seg) > 1)


# The benches a judge sits on, part of the title ("U.S. District Judge", "Circuit
# Judge"), not a district or circuit named as a place.
_BENCHES = frozenset("district circuit appeals bankruptcy magistrate".split())
# Compass words that are also surnames ("Ian West", "Ann North"); after another word the
# rest ("Deep South", "Far East") name regions.
_COMPASS_SURNAMES = frozenset(("west", "north"))
# The points of the compass that name a region as a noun ("the South"), but for those
# that are as often someone's surname ("Mr. West"); the adjectives ("Northern") do not.
_REGIONS = frozenset(
    "south east northeast northwest southeast southwest".split()
)
# The joiners after a body's head noun that take what it is for, of or on.
_COMPLEMENT_JOINERS = frozenset(("for", "of", "on", "for the", "of the", "on the"))
_COMPLEMENT_BEFORE = re.compile(r" (?:for|of|on) ")
# The stand-ins for a shape's plain words, by their place in the run (see _shaped).
_STAND_INS = tuple(_PLACEHOLDER + chr(97 + n // 26) + chr(97 + n % 26) for n in range(21))
# Words that go on a Malaysian honorific ("Datuk Seri", "Dato Sri"), never a title alone
# ("Bandar Seri Begawan", "Sri Mulyani Indrawati").
_HONORIFIC_TAILS = frozenset(("seri", "sri"))
_MALAY_TITLES = frozenset("datuk dato datin tun tan puan toh".split())
_INNER_POSSESSIVE = re.compile(r"(?<=\w)['’]s(?= |$)")


def _word_before(run: str, end: int) -> str | None:
    """The capitalised word just before the word that ends at ``end`` in ``run``, if
    any (a joiner in lower case, "Court of King's Bench", is none)."""
    words = run[:end].rsplit(" ", 2)
    return words[-2] if len(words) > 1 and words[-2][:1].isupper() else None


# An acronym with a lower-case ending that makes a noun for its members ("HFPers").
_MEMBERS_OF_ACRONYM = re.compile(r"[A-Z]{2,}(?:ers?|ites?)")
# The endings of the adjectives that qualify a country by its regime or its stance
# ("Fascist Spain", "Imperial Japan", "Neutral Ireland").
_REGIME_ENDINGS = ("i", "al", "ist", "ic")
# Elected offices, the title of a state's or a town's officer: "Ellery Gov.", "Utopia
# Senator" name the office, not a body.
_ELECTED_TITLES = frozenset(
    """gov governor govs governors sen senator sens senators rep reps representative
    congressman congresswoman mayor""".split()
)


def _describes_a_member(word: str) -> bool:
    """Whether ``word`` (folded) says what someone is before a full name, as a title
    does: a party's member ("House Republican Ann Lee"), a chief of staff ("Chief of
    Staff Ann Lee"), or a compound of titles ("Treasurer-Clerk Ann Lee")."""
    return (
        word in AFFILIATIONS
        or word == "staff"
        or ("-" in word and any(part in TITLE_HEADS for part in word.split("-")))
    )


def _model_code(token: str) -> bool:
    """Whether ``token`` is a model's or a class's code, letters and digits about a
    hyphen ("B-52", "ZX-9", "AR-7", "P-3"): a product, a visa or a grade, no body."""
    return "-" in token and any(c.isdigit() for c in token) and len(token) <= 8


def _shift(pieces: tuple[Piece, ...], offset: int) -> tuple[Piece, ...]:
    return tuple(
        Piece(p.start + offset, p.end + offset, p.surface, p.key, p.votes, p.ambiguous, p.multi)
        for p in pieces
    )


def _ambiguous(piece: Piece) -> Piece:
    return Piece(piece.start, piece.end, piece.surface, piece.key, piece.votes, True, piece.multi)
