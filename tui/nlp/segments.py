"""A segment of a run of capitals (its words between the cuts the run's analysis makes)
read into name pieces, each typed.

Function words in front are dropped, a title is cut off before the name it comes before
("Foreign Minister Taro Kono"), a demonym or a place glued to a name is split away, and
"of" or "for" joins words only inside names built on them ("Sea of Japan"). Each piece
gets weighted votes for PERSON, ORG, PLACE or OTHER from its head noun, the place data
and its shape.
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
    NAME_SUFFIXES,
    NATIONALITY_NOUNS,
    NEWS_AGENCIES,
    NON_PERSON_WORDS,
    OFFICES,
    ORG,
    OTHER,
    PARTICLES,
    PERSON,
    PERSON_ROLES,
    PLACE,
    PLACE_PARTS,
    RESIDENCES,
    ROMAN_NUMERALS,
    SAINTS,
    STYLED_TITLES,
    TITLE_HEADS,
    TITLE_WORDS,
)
from tui.nlp.name_runs import (
    RUN_TOGETHER_INITIALS,
    Piece,
    _fold_letters,
    _fold_word,
    _head_type,
    _is_camel,
    _is_function,
    _joins,
    _Seg,
    is_acronym,
    role_before_a_name,
)
from tui.nlp.places import DIRECTIONS, Gazetteer, fold


class Segmenter:
    """Cuts a segment into pieces and types them: the part of
    :class:`tui.nlp.names.Analyser` below the run."""

    # (made in Analyser.__init__: the place data, and the memo of demonyms)
    gaz: Gazetteer
    demonyms: dict[str, bool]

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
        if k == 1 and low[0] in STYLED_TITLES and seg[1][3] == "of" and not any(
            j for *_x, j in seg[2:]
        ) and len(seg) <= 4:
            # "the Duke of Sussex", "the Bishop of Newcastle": the holder of a title styled
            # after a place, whom the title names
            return [self._piece(seg, ((PERSON, 10),))]
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
                and (low[i] in PERSON_ROLES or low[i] in OFFICES or _describes_a_member(low[i])
                     or i == 0 and role_before_a_name(seg[0][2], seg[1][2]))
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
        # ("K.R. Elangovan": initials run together before a surname are no acronym; but
        # "U.S." is a place's)
        return not any(
            is_acronym(w) and len(w) > 3 and not (
                n < len(words) - 1 and RUN_TOGETHER_INITIALS.fullmatch(w)
                and not self._gaz_key([w])
            )
            for n, w in enumerate(words)
        )

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
            if low[0] in NATIONALITY_NOUNS:
                return []  # ("the Spaniard", "the Pole": someone of a nation, no name)
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
        elif len(words) == 2 and low[0] in SAINTS:
            # "St Elizabeth", "St Kilda": a saint's name alone is a parish, a town or a
            # church far more often in the news than the saint
            votes.append((PLACE, 2))
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
            elif low[0] in _ROMANCE_SAINTS:
                votes.append((PLACE, 3))  # "San Pedro de Atacama", "São Bernardo"
            elif low[0] in _ROMANCE_ARTICLES:
                # "El Universal", "Los Choneros", "La Bombonera": a paper, a gang, a
                # stadium, weakly; context says which
                votes.append((ORG, 1))
            else:
                votes.append((PERSON, 3))
        elif any(w in NON_PERSON_WORDS for w in low):
            votes.append((ORG, 2))  # "Manchester United": a word no person's name has
        else:
            votes.append((ORG, 1))
        return [self._piece(seg, tuple(votes))]

    def _piece(
        self,
        seg: list[tuple[int, int, str, str]],
        votes: tuple[tuple[str, int], ...],
        key: str | None = None,
    ) -> Piece:
        start, end = seg[0][0], seg[-1][1]
        surface = " ".join(t if not j else f"{j} {t}" for _s, _e, t, j in seg)
        return Piece(start, end, surface, key or fold(surface), votes, False, len(seg) > 1)


# Spanish and Portuguese words that open the names of places, papers, clubs and gangs,
# never a person's given name: a saint's ("San", "São") and the articles ("La Nación",
# "Los Choneros"). (A surname that opens with one, "La Russa", is a person's where the
# text gives the full name, which the surname then joins; "Le Pen" is no Romance form.)
_ROMANCE_SAINTS = frozenset("san santa santo são sao".split())
_ROMANCE_ARTICLES = frozenset("el los las la".split())
# The benches a judge sits on, part of the title ("U.S. District Judge", "Circuit
# Judge"), not a district or circuit named as a place.
_BENCHES = frozenset("district circuit appeals bankruptcy magistrate".split())
# The points of the compass that name a region as a noun ("the South"), but for those
# that are as often someone's surname ("Mr. West"); the adjectives ("Northern") do not.
_REGIONS = frozenset(
    "south east northeast northwest southeast southwest".split()
)
# The joiners after a body's head noun that take what it is for, of or on.
_COMPLEMENT_JOINERS = frozenset(("for", "of", "on", "for the", "of the", "on the"))
# Words that go on a Malaysian honorific ("Datuk Seri", "Dato Sri"), never a title alone
# ("Bandar Seri Begawan", "Sri Mulyani Indrawati").
_HONORIFIC_TAILS = frozenset(("seri", "sri"))
_MALAY_TITLES = frozenset("datuk dato datin tun tan puan toh".split())
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


def _ambiguous(piece: Piece) -> Piece:
    return Piece(piece.start, piece.end, piece.surface, piece.key, piece.votes, True, piece.multi)
