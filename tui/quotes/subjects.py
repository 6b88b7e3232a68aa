"""Who the words of a cue name: the subject before a reporting verb, the name after an
inverted verb or "according to".

A run of capitals is read as news copy writes names (:meth:`SubjectReader._from_run`):
titles and nationalities dropped, a surname alone taken for the full name the article
gave before, an organisation by its head word. A subject that names no one
(`a spokesperson for TransLink`) is kept as a description of the speaker, and a role
or a label that points back (`the minister`, `the Dane`) is the person it refers to.
"""


from __future__ import annotations

import re
from bisect import bisect_left

from tui.nlp.given_names import is_given_name
from tui.nlp.lexicon import (
    DATE_NAMES,
    FUNCTION_WORDS,
    NAME_SUFFIXES,
    ORG,
    PERSON,
    PLACE_WORDS,
    RANKS,
    RESIDENCES,
    SENTENCE_OPENERS,
    STYLED_TITLES,
    TITLE_REFERENCES,
)
from tui.nlp.name_runs import platform_at
from tui.nlp.places import fold, load_gazetteer
from tui.quotes.cues import (
    _AFTER_PLACE_RE,
    _AFTER_PREPOSITION_RE,
    _APPOSED_HEAD_RE,
    _APPOSITIVE_NAME_RE,
    _ARTICLE_TOKEN_RE,
    _CLAUSE_OPENERS,
    _DEFINITE_ORG_END_RE,
    _HONORIFIC_GENDER,
    _LEADING_WORDS,
    _LOWER_HEADS,
    _NAMESAKES,
    _NOT_ROLE_WORDS,
    _NP_REACH,
    _OF_FOR_RE,
    _ORG_HEAD_WORDS,
    _ORG_HEADS,
    _ORG_NP_END_RE,
    _ORG_OF_END_RE,
    _PLACED_ROLE_END_RE,
    _POSSESSED_ROLE_RE,
    _PRONOUN_REACH,
    _PRONOUNS,
    _ROLE_APPOSITIVE_RE,
    _ROLE_END_RE,
    _ROLE_OF_PLACE_END_RE,
    _ROLE_THEN_NAME_RE,
    _RUN,
    _RUN_END_RE,
    _RUN_RE,
    _RUN_START_RE,
    _SUBJECT_REACH,
    _TITLE_WORDS,
    _TITLES,
    _VERB_WORDS,
    _is_country,
    _key,
    _offset,
    _placed_role,
)
from tui.quotes.descriptions import (
    description_ending,
    description_opening,
    may_name_a_person,
    names_a_person,
)
from tui.quotes.name_registry import apposed_to_a_noun
from tui.quotes.noun_phrases import (
    _AGE_NOUN_RE,
    _ANY_AGE_RE,
    _CAPITAL_RE,
    _CAPITAL_ROLE_END_RE,
    _DESCRIPTION_OPENING_RE,
    _HONOUR,
    _LEADING_THE_RE,
    _NAME_CHARS,
    _NAME_IN_PLACE_RE,
    _NAMED_IN_RE,
    _NOTE_END_RE,
    _OBJECT_BEFORE_RE,
    _OF_BODY_IN_RE,
    _PARTY_TAG_RE,
    _PEOPLE_IN_PLACE_RE,
    _PREPOSITION_END_RE,
    _PRONOUN_AFTER_RE,
    _ROLE_NAME_RE,
    _THE_BEFORE_RE,
    _THE_END_RE,
    _THE_ROLE_AFTER_RE,
    _TWO_WORDS_END_RE,
    _UNNAMED_BETWEEN_RE,
    _body_across_and,
    _holds_name,
    _of_tail,
    _opens_clause,
    _points_back,
    _without_appositive,
    lone_article_name,
)
from tui.quotes.noun_references import ISSUED_DOCUMENTS, NounReferences
from tui.quotes.runs import (
    _SURNAME_HEADS,
    _after_title,
    _last_title,
    _name_start,
    _named_like_a_place,
    _strip_tail,
    _without_post_nominals,
)

# A relative clause on a person opening after a comma: `, who`, `, whose`.
_RELATIVE_OPENING_RE = re.compile(r",[ \t]+(who|whose)[ \t]")
# ... that gives the person's name: `who gave only his first name`, `who asked to be
# identified as`, `who is known as`.
_NAME_GIVEN_RE = re.compile(r"\bname\b|\bidentified\b|\bknown\b|\bcalled\b")
# The letters after a name that say a seat in a parliament: "the Bath MP" is the seat's
# member, whom the text named before, never a person called Bath.
_MEMBERS_POST_NOMINALS = frozenset("MP MPs MEP MSP MS MLA TD AM".split())
# The place a title is styled after, after the title: `Duke| of Sussex`.
_STYLED_OF_RE = re.compile(r" of (?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,2}")
# ... and the whole title ending a subject: `the Archbishop of Canterbury` said.
_STYLED_END_RE = re.compile(
    r"(?<!\S)((?:" + "|".join(sorted(t.capitalize() for t in STYLED_TITLES))
    + r")" + _STYLED_OF_RE.pattern + r")\s*$"
)


class SubjectReader(NounReferences):
    """The names and subjects in the words around a quotation: the part of
    :class:`tui.quotes.speakers.SpeakerResolver` that reads noun phrases."""

    def _name_after(
        self, s: str, pos: int, article: str = "", according: bool = False
    ) -> tuple[str, str] | None:
        """The speaker ``s`` opens with (the words after an inverted verb, or after
        "according to" and ``article``): a name, or a description where the words name
        no one, or name only what the description is of. (After "according to", only a
        source's noun makes a description: `according to their instinctive preference`
        is no one's.)"""
        pronoun = _PRONOUN_AFTER_RE.match(s) if not according else None
        if pronoun is not None:
            # `"…," said he.`: the inverted pronoun of older and regional English
            return self._pronoun(pronoun.group(1).casefold(), pos)
        role = _THE_ROLE_AFTER_RE.match(s) if not according else None
        if role is not None:
            # `said the minister`, `said the official on Monday`: whom the text gave that
            # role, or the description it gave that noun, as `the minister said` is
            found = self._subject_before(role.group(1), pos + role.start(1))
            noun = role.group(1).rsplit(None, 1)[-1]
            if found is not None or _AGE_NOUN_RE.fullmatch(noun) or _points_back(noun):
                # (`said the 24-year-old`, `said the Spaniard`: someone, or no one; never
                # the word itself)
                return found
        found = self._named_after(s, pos)
        named = _NAMED_IN_RE.match(s)
        if named:
            # `said a 14-year-old named Priya`, `said a driver who gave only his family
            # name, Takeda`: the one the description names
            person = self._from_run(named.group(1), pos, the=False)
            if person and person[1] == PERSON:
                return person
        described = description_opening(article + s, any_noun=not according)
        if described is not None and (
            found is None
            # (`said one commuter at Waterfront station`, `a nurse from Surrey, B.C.`: the
            # place is the description's; `a friend, Piet Mulder`: the name is the person)
            or not (found[1] == PERSON and " " in found[0])
            or found[0] in described.text[described.head_end :]
        ):
            return self._described(described)
        return found

    def _named_after(self, s: str, pos: int) -> tuple[str, str] | None:
        word = s.lstrip()
        word = word[: len(word) - len(word.lstrip(_NAME_CHARS))] if word[:1].islower() else ""
        if word and lone_article_name(word, ""):
            # `said al-Tayeb`: see _subject_named
            at = s.index(word)
            s = s[:at] + word[0].upper() + s[at + 1 :]
        m = _RUN_START_RE.match(s)
        if not m or m.group(2).endswith(("'s", "’s")):
            # `according to the authority's chief executive, Daniel Reyes, …`
            a = _APPOSITIVE_NAME_RE.match(s)
            if a:
                return self._from_run(a.group(1), pos + a.start(1), the=False)
            # `said Kerr's chief policy aide Lena Olsen`, `said Kerr's introducer,
            # actress Lena Olsen`: the role the possessive owns, then the name
            a = (m and _POSSESSED_ROLE_RE.match(s, m.end(2))) or _ROLE_APPOSITIVE_RE.match(s)
            if a and not _NOT_ROLE_WORDS.intersection(a.group(1).split()):
                found = self._from_run(a.group(2), pos + a.start(2), the=False)
                if found and found[1] == PERSON:
                    return found
            return None
        between = s[: m.start(2)]
        if between.strip():
            # `said his best friend at Dartmouth, Piet Mulder`, `said a leading Supreme
            # Court advocate, Ann Pike of …`: a description, then the person's name
            a = _APPOSITIVE_NAME_RE.match(s)
            if a:
                found = self._from_run(a.group(1), pos + a.start(1), the=False)
                if found and found[1] == PERSON and " " in found[0]:
                    return found
        if _UNNAMED_BETWEEN_RE.search(between):
            return None
        later = _ROLE_THEN_NAME_RE.match(s, m.end(2))
        if later and not _NOT_ROLE_WORDS.intersection(later.group(1).split()):
            # `said Goldman Sachs economist Jan Hatzius`: the name after the role
            return self._from_run(later.group(2), pos + later.start(2), the=False)
        the_at = _THE_BEFORE_RE.search(between)
        the = the_at is not None
        if the_at is not None:
            rest = s[m.end(2) :].split(None, 1)
            role = rest[0].rstrip(",.;:") if rest else ""
            if role in _TITLES and not role.startswith("spokes"):
                # `said the New York businessman`, `said the Bucs striker`: the
                # businessman or the striker named before, not New York nor the club;
                # one named no such is as the text describes him
                held = self._role_with(m.group(2), role, pos)
                if held is not None or _placed_role(role, m.group(2)):
                    return held
                described = description_opening(s[the_at.start() :])
                return self._described(described) if described is not None else None
        run = m.group(2)
        if not between.strip() and " " not in run and _key(run) in _VERB_WORDS and (
            _key(run) not in SENTENCE_OPENERS
        ):
            # `"…," said Sang.`: after an inverted verb, a capitalised verb is a name (of
            # the person named in full before, "Joseph Sang")
            return self._full_name(run, pos) or run, PERSON
        if _key(run) in STYLED_TITLES:
            styled = _STYLED_OF_RE.match(s, m.end(2))
            if styled is not None:
                run += styled.group()  # (`said the Duke of Sussex`: the place is the title's)
        return self._from_run(run, pos + m.start(2), the=the)

    def _subject_before(
        self, left: str, pos: int, relative: bool = False
    ) -> tuple[str, str] | None:
        """The subject that ends ``left`` (the words before a reporting verb): a name,
        or a description where the subject names no one (`a spokesperson for
        TransLink`: not TransLink, whose spokesperson speaks). ``relative``: ``left``
        ends where "who" follows, whose antecedent is the subject wherever it stands
        (`an endorsement from Mike Lee, who declared`)."""
        found = self._subject_named(left, pos, relative)
        if found is not None and found[1] == PERSON and " " in found[0] and (
            found[0] not in left[-200:]
        ):
            # a full name from earlier in the text, unless a description holds it: `a
            # spokesman for Ms. Lee said` is the spokesman, not the Ann Lee named before
            described = description_ending(left)
            if described is None or not _holds_name(described.text, found[0]):
                return found
            return self._described(described)
        described = description_ending(left)
        apposed = ""
        if described is None:
            # `a spokesperson for TransLink, the regional transit authority,`; and
            # `McKinney's husband, Earl McKinney,`, whose appositive is his full name
            head = _without_appositive(left)
            described, apposed = description_ending(head), left[len(head) :]
            complement = described.text[described.head_end :].split() if described else []
            if described is not None and found is None and not (
                # (`an aide to the mayor, Eric Adams,`: the name is the mayor's)
                complement and (
                    may_name_a_person(complement[-1]) or _key(complement[-1]) in _TITLES
                )
            ):
                # (`Another pollster, David Woodard of Clemson University,`, `An old
                # fisherman, a man called Joseph Siachitema,`: the name)
                apposition = apposed.strip(" ,—–")
                called = _NAMED_IN_RE.match(apposition)
                named = (
                    self._from_run(called.group(1), pos, the=False) if called
                    else self._named_after(apposition, pos)
                )
                if named is not None and named[1] == PERSON and " " in named[0]:
                    return named
            elif described is None and found is None and apposed.strip(" ,"):
                # `The first witness, a woman who lived in the suite below, testified`:
                # a definite noun no one named before, and a description beside it
                described = description_ending(apposed.strip(" ,—–"))
                if described is not None and not described.person:
                    described = None
        if described is None or found is not None and (
            not _holds_name(described.text, found[0])
            or found[1] == PERSON and " " in found[0] and found[0] in apposed
            # (`the Moon administration`: a body named by its head is a name)
            or found[1] == ORG and described.body
        ):
            return found
        return self._described(described)

    def _held_by(self, role: str, pos: int, rank: str) -> tuple[str, str] | None:
        """Who "the <rank> <role>" at ``pos`` is: the person the text gave that role (see
        _role_antecedent; ``rank`` counts only if it is one), else the description it
        gave that noun."""
        return self._role_antecedent(role, pos, rank if rank in RANKS else "") or (
            self._described_like(role, pos)
        )

    def _labelled(self, label: str, pos: int) -> tuple[str, str] | None:
        """Who "the <label>" (a nationality or a party) is at ``pos``: the one person the
        text gave that label within a pronoun's reach ("Tom Baker, a Republican,",
        "Briton Jack Draper"); of several, the one the narration is about; else no one
        (a report quotes the loser as often as the winner), and never the label itself."""
        since = max(0, pos - _PRONOUN_REACH)
        window = self.text[since:pos]
        labelled: set[str] = set()
        for pattern in (
            rf"({_RUN}),? (?:a|an|the) (?:[a-z-]+ )?(?i:{re.escape(label)})\b",
            rf"\b{re.escape(label)} (?:[a-z]+ )?({_RUN})",
        ):
            for m in re.finditer(pattern, window):
                found = self._from_run(m.group(1), since + m.start(1), the=False)
                if found and found[1] == PERSON:
                    labelled.add(found[0])
        if len(labelled) == 1:
            return next(iter(labelled)), PERSON
        if labelled:
            about = self._pronoun("", pos)
            if about is not None and about[0] in labelled:
                return about
            return None
        # (no one given the label: `Villa manager Julen Arrieta felt his side deserved a
        # point. "…," said the Spaniard.`, the one the narration is about)
        return self._about(pos)

    def _role_with(self, where: str, role: str, pos: int) -> tuple[str, str] | None:
        """Who "the <where> <role>" is, a capitalised word before a person's role: who
        the text gave that role with that word before it (`Villa manager Julen Arrieta`
        … "the Villa boss"), else the one it gave the role (`the Ohio senator`, `the
        Andalusian coach`: the senator, the coach named before). Not a spokesperson's
        role, whose words name the body he speaks for (`the Vatican spokesman`)."""
        if role.startswith("spokes"):
            return None
        return self._held_with(where, role, pos) or self._role_antecedent(role, pos)

    def _held_with(self, where: str, role: str, pos: int) -> tuple[str, str] | None:
        """The person the text named after ``where`` and a role that is ``role`` or one
        it refers to (`Villa manager Julen Arrieta` for "the Villa boss"), within a
        pronoun's reach before ``pos``: the last so named."""
        since = max(0, pos - _PRONOUN_REACH)
        found = None
        for m in re.finditer(
            rf"\b{re.escape(where)}[ \t]+([a-z]+)[ \t]+({_RUN})", self.text[since:pos]
        ):
            title = m.group(1)
            if title == role or role in TITLE_REFERENCES.get(title, ()):
                person = self._from_run(m.group(2), since + m.start(2), the=False)
                if person is not None and person[1] == PERSON:
                    found = person
        return found

    def _about(self, pos: int) -> tuple[str, str] | None:
        """The person the narration is about at ``pos`` (the last it made a clause's
        subject, or who spoke), for a noun that adds a fact about them ("the Spaniard",
        "the 24-year-old"); None if that is no one's."""
        about = self._pronoun("", pos)
        # (a full name: a lone capitalised word the narration passed is as often a
        # platform or a team, "posted the clip to YouTube")
        if about is None or about[1] != PERSON or " " not in about[0]:
            return None
        # ... and no one named since: `Jannik Sinner beat Carlos Alcaraz. "…," said the
        # Spaniard.` may be either (a report quotes the loser as often as the winner)
        assert self._persons is not None  # (made by _pronoun)
        for _off, name in self._noted_before(bisect_left(self._person_offsets, pos)):
            if name == about[0]:
                return about
            if " " in name:
                return None
        return about

    def _subject_named(
        self, left: str, pos: int, relative: bool = False
    ) -> tuple[str, str] | None:
        # a subject and its appositive fit in a few hundred characters; the anchored
        # patterns below would otherwise scan the whole sentence
        whole = len(left) <= _SUBJECT_REACH  # (the subject's clause from its start)
        left = left[-_SUBJECT_REACH:]
        s = left.rstrip()
        for _ in range(4):
            s = _strip_tail(s)
            if not s.endswith((",", "—", "–")):
                break
            # an appositive or aside between subject and verb: `Kim, the deputy …, said`
            closer = s[-1]
            body = s[:-1]
            opener = body.rfind(",") if closer == "," else max(body.rfind("—"), body.rfind("–"))
            seg = body[opener + 1 :].strip()
            if seg.endswith(")") and "(" in seg:
                seg = seg[: seg.rindex("(")].rstrip()  # `Gov. John Kasich (R-OH), said`
            clause = _RELATIVE_OPENING_RE.search(body, 0, opener) if opener >= 0 else None
            if clause and (clause[1] == "who" or not _RUN_RE.fullmatch(seg)) and not (
                _NAME_GIVEN_RE.search(body, clause.end(), opener)
            ):
                # `John Metcalfe, who farms with Alan's son, Daniel, said`, `Janet Solberg,
                # whose husband, Ray, was ill, said`: a relative clause holds every comma
                # after it, and the subject is before it (not where the verb is the
                # clause's own, `the Alliance, whose lobbyist, Corey Dettmann, testified`,
                # nor where it gives the subject's name: `a rider, who gave only his first
                # name, Sabbir, said`)
                s = body[: clause.start()]
                break
            if (
                seg
                and _RUN_RE.fullmatch(seg)
                and seg.split()[0].casefold() not in SENTENCE_OPENERS
                # (`state Sen. Lucia Bermudez, D-Miami, said`: a party and a home, no one)
                and not _PARTY_TAG_RE.fullmatch(seg)
                # (`of Dayton, Ohio., who …`: a state's abbreviation after its city)
                and not (" " not in seg and seg.endswith(".") and len(seg) <= 6)
                # (`Ann Lee, who lives outside the state capital, Sacramento, said`: a
                # place set off by commas says where the one before it is)
                and not (opener >= 0 and self._place_apart(seg, pos, body[:opener]))
            ):
                found = self._from_run(seg, pos - len(left) + opener + 1, the=False)
                if found:
                    return found
            elif seg[:1].islower() and (role := _ROLE_NAME_RE.fullmatch(seg)) and (
                FUNCTION_WORDS.isdisjoint(role[1].split())
            ):
                # `Its convenor, retired architect Phillip Nguyen, said`: the full name
                # after a role in lower case is who the subject is
                found = self._from_run(role[2], pos - len(left) + opener + 1, the=False)
                if found and found[1] == PERSON and " " in found[0]:
                    return found
            if opener < 0:
                return None
            s = body[:opener].rstrip()
            if seg.startswith(("who ", "whose ")) and (
                (k := s.rfind(",")) > 0 and _DESCRIPTION_OPENING_RE.match(s, k + 1)
            ):
                # `Prof Ann Lee, a professor at the University of Glasgow, who was not
                # involved, said`: "who" is the person's, past the description beside her
                s = s[:k].rstrip()
            note = _NOTE_END_RE.search(s)
            if note:
                # `Mary Smith, 47, a nurse, said`, `Sen. Dale Hutchins, R-Ohio, the ranking
                # member, said`: the age or the party before it
                s = s[: note.start()]
        if not s:
            return None
        last = s[-6:].rsplit(None, 1)[-1].casefold() if s[-6:].strip() else ""
        if last in _PRONOUNS and not s[: -len(last)][-1:].isalnum():
            return self._pronoun(last, pos)
        if last in ("who", "which") and not s[: -len(last)][-1:].isalnum():
            return self._subject_before(s[: -len(last)].rstrip(" ,"), pos, relative=True)
        final = s[s.rfind(" ") + 1 :]
        if final[:1].islower() and lone_article_name(final, s[: -len(final)]):
            # `"…," al-Tayeb said`: a surname with its article, read as the name it is
            # (the runs find names by their capitals; the length, and so every offset,
            # is the same)
            final = final[0].upper() + final[1:]
            s = s[: -len(final)] + final
        if (
            final[:1].islower()
            and final not in _LOWER_HEADS
            and final not in _TITLES
            and not _ARTICLE_TOKEN_RE.fullmatch(final)
        ):
            # no name, no organisation ends here (most candidates stop here), unless a
            # relative clause does: `Ann Lee, who lives in a town near the capital, said`;
            # or "the" and a person's noun point back to a description (`A source told
            # the paper: "…"` … `The insider added: "…"`)
            if final in ISSUED_DOCUMENTS and s[-len(final) - 4 : -len(final)] in ("the ", "The "):
                # `"…," the statement added`: whoever issued it, as the text said before
                return self._issuer(final, pos)
            tail = s[-40:]
            role = _ROLE_END_RE.search(tail) if "he " in tail else None
            if role is not None and may_name_a_person(role.group(1)) and _opens_clause(
                s[: len(s) - len(tail) + role.start()]
            ):
                found = self._described_like(role.group(1), pos)
                if found is not None:
                    return found
            return self._relative_subject(s, pos)
        s = s[-_NP_REACH:]  # the end-anchored patterns below need only the end
        last_word = s.rsplit(None, 1)[-1]
        if "0" <= last_word[0] <= "9" and s.endswith("the " + last_word) and (
            _AGE_NOUN_RE.fullmatch(last_word)
        ):
            # `the 24-year-old said`: the one given that age ("Kwame Asante, 24,"); where
            # the text gives no one an age, the one the narration is about (`Tobi Adeyemi
            # scored the winner. "…," said the 24-year-old.`); else no one (the
            # narration's subject may be another age)
            aged = self._aged(int(last_word.split("-", 1)[0]), pos)
            if aged:
                return aged, PERSON
            if _ANY_AGE_RE.search(self.text, max(0, pos - _PRONOUN_REACH), pos - len(last_word)):
                return None
            return self._about(pos)
        if "A" <= last_word[0] <= "Z" and (title := _CAPITAL_ROLE_END_RE.search(s)):
            # `the Minister added`, `the Governor said`, `the MP said`, `Her Honour said`:
            # a title capitalised as government and court style has it
            held = title.group(2).casefold()
            held = _HONOUR.get(held, held)
            if held in _TITLES:
                found = self._held_by(held, pos, title.group(1).strip().casefold())
                if found is not None:
                    return found
        # (`the minister`, `the company`: a lower-case word ends both, where most subjects
        # that get this far end in a name)
        if "a" <= last_word[0] <= "z":
            m = _ROLE_END_RE.search(s)
            if m and m.group(1) in _TITLES and _PREPOSITION_END_RE.search(s, 0, m.start()) and (
                (described := description_ending(s)) is not None and described.person
            ):
                return None  # `a spokeswoman for the minister`: who speaks is unnamed
            if m and m.group(1) in _TITLES:
                # `the minister said`: the person given that title earlier; else the one
                # a description gave that noun (`a spokesperson for Northline … the
                # spokesperson said`)
                words = m.group(0).split()
                return self._held_by(m.group(1), pos, words[-2] if len(words) > 2 else "")
            m = _PLACED_ROLE_END_RE.search(s)
            if m and m.group(2) in _TITLES:
                held = self._role_with(m.group(1), m.group(2), pos)
                if held is not None or _placed_role(m.group(2), m.group(1)):
                    return held
            m = _DEFINITE_ORG_END_RE.search(s)
            if m:
                if _PREPOSITION_END_RE.search(s, 0, m.start()):
                    return None  # `a spokesperson for the department`: the subject is unnamed
                return self._org_antecedent(m.group(1).casefold(), pos)
        m = _ORG_OF_END_RE.search(s) if _OF_FOR_RE.search(s) else None
        if m and _key(m.group(2).split()[-1]) in _ORG_HEADS:
            return self._owner(s[: m.start()], pos) or (
                _LEADING_THE_RE.sub("", m.group(1)), ORG
            )
        # (the head word ends the string, after white space)
        ends_in_head = s[-1:].isspace() or last_word in _ORG_HEAD_WORDS
        m = _ORG_NP_END_RE.search(s) if ends_in_head else None
        if m and _CAPITAL_RE.search(m.group(1), 1 if m.group(1)[0] == "T" else 0):
            joined = _body_across_and(s, m.start())
            if joined:
                return self._owner(s[: joined[0]], pos) or (joined[1], ORG)
            owner = self._owner(s[: m.start()], pos)
            if owner:
                return owner
            if whole and _AFTER_PREPOSITION_RE.search(s, max(0, m.start() - 14), m.start()):
                # `Lau, the director for the State Party said`: the party is the
                # appositive's, not the subject (its closing comma left out)
                found = self._apposed_head(left, pos)
                if found:
                    return found
            name = _LEADING_THE_RE.sub("", m.group(1))
            return name, ORG
        m = _STYLED_END_RE.search(s) if " of " in s else None
        if m:
            # (`the Archbishop of Canterbury said`: the whole title, which the run the
            # pattern below finds would cut at "of")
            return self._from_run(m.group(1), pos, the=True)
        m = _ROLE_OF_PLACE_END_RE.search(s)
        if m and _placed_role(m.group(1), m.group(2)):
            # `the senator from Ohio said`: the senator named earlier
            return self._role_antecedent(m.group(1), pos)
        m = _RUN_END_RE.search(s)
        if not m:
            return None
        run = m.group(1)
        head = s[: m.start(1)]
        if platform_at(s, len(head)):
            run, head = run[3:], head + "X. "  # (see _run_kind: the platform, no initial)
        if run.rsplit(" ", 1)[-1] in _MEMBERS_POST_NOMINALS and " " in run and (
            head.endswith(("the ", "The ", " and "))
        ):
            return None  # (`the Hackney North and Stoke Newington MP`: the seat's member)
        joined = _body_across_and(s, m.start(1))
        if joined:
            return self._owner(s[: joined[0]], pos) or (joined[1], ORG)
        if head.endswith("the ") and _points_back(run):
            # `the Serb said`, `the Republican said`: someone named, not a name
            return self._labelled(run, pos)
        if whole and (
            _AFTER_PREPOSITION_RE.search(head, max(0, len(head) - 14))
            or _AFTER_PLACE_RE.search(head, max(0, len(head) - 60))
        ):
            # `Purner, 67, a retired clerk in Allentown, Pa., said`: a place or a body
            # in the appositive, after the name it describes
            found = self._apposed_head(left, pos)
            if found:
                return found
        if head.endswith(" in ") and (placed := _OF_BODY_IN_RE.search(head)):
            # `Ann Lee of Wheat First Securities in Richmond, Va., said`: the person, not
            # where the body is
            found = self._from_run(placed.group(1), pos, the=False)
            if found and found[1] == PERSON:
                return found
        of_tail = _of_tail(head)
        if of_tail:
            # `Tomas Lindqvist of the advocacy group Access First said`: the person
            found = self._from_run(of_tail.group(1), pos, the=False)
            if found and found[1] == PERSON:
                return found
        if head.endswith((" in ", " near ")) and (placed := _NAME_IN_PLACE_RE.search(head)):
            # `Tom Hart in Lagos said`: the person, not where they are
            found = self._from_run(placed.group(1), pos, the=False)
            if found:
                return found
        if _PEOPLE_IN_PLACE_RE.search(head):
            # `Taxi drivers in Lagos protested, saying`: the people are the subject, and
            # where they are is no one
            return None
        if not relative and (
            placed := _OBJECT_BEFORE_RE.search(head, max(0, len(head) - 12))
        ) and (
            before := _TWO_WORDS_END_RE.search(head, max(0, placed.start() - 60), placed.start())
        ) and _key(run.split(" ", 1)[0]) not in DATE_NAMES and (
            _key(before.group().split()[-1]) not in _TITLES
        ):
            # `the woman who lived in London said`: where she lived, or whom she worked
            # for, is no one who speaks (but `More from Jones:`, `on Tuesday Ann Lee said`
            # and `Minister for Transport Ann Lee said`: no clause before the preposition,
            # a date, and a title that runs on into the name)
            return None
        if " " not in run and _key(run) in _VERB_WORDS:
            # `Wrote said`: a surname that is also a verb, of the person named in full
            # before ("Ian Wrote"); a verb run into no name is no subject
            full = self._full_name(run, pos)
            return (full, PERSON) if full and " " in full else None
        return self._from_run(run, pos, the=bool(_THE_END_RE.search(head)))

    def _relative_subject(self, s: str, pos: int) -> tuple[str, str] | None:
        """The person a relative clause describes, where ``s`` (the words before the
        verb) is a name, then `, who …` to its end: the name is the verb's subject. The
        name must open the clause: `echoing Ryan, who used` makes Ryan no subject."""
        at = s.find(", who")
        if at <= 0 or not s.startswith((" ", "se "), at + 5) or "," in s[at + 5 :]:
            return None  # (`Mr. Lee, who plays Barrie, the playwright who wrote`: not Lee)
        name = s[:at].strip()
        if name.split(None, 1)[0] in _CLAUSE_OPENERS:
            name = name.split(None, 1)[-1]
        if not _RUN_RE.fullmatch(name):
            return None
        found = self._subject_before(name, pos)
        return found if found and found[1] == PERSON else None

    def _place_apart(self, seg: str, pos: int, before: str) -> bool:
        """Whether ``seg``, set off by commas after ``before``, is a place the gazetteer
        knows, and no one the document names by that word: "the state capital,
        Sacramento," but not "Ann Sacramento", nor "her sister, Georgia," (a person's
        noun before the comma: the word after it is their name)."""
        last = before.rsplit(None, 1)[-1] if before.strip() else ""
        return (
            not names_a_person(last)
            and load_gazetteer().place(fold(seg)) is not None
            and self._full_name(seg.rsplit(None, 1)[-1], pos) is None
        )

    def _longer_name(self, person: list[str], pos: int) -> str | None:
        """The full name a two-word name ends, where the article named someone before
        ``pos`` with a given name and then these two words: `De Vries said`, `Ostby
        Kvale said`, `Thein Oo said` after `Marieke de Vries`, `Lara Ostby Kvale`, `Aung
        Mya Thein Oo` (a surname of two words, not a first name and a
        surname)."""
        opening = self._opening_of(person, pos)
        if opening is not None:
            return opening
        if self._full_name(person[-1], pos) is None or self._registry is None:
            return None  # (no one of that surname; the look-up built the registry)
        cands = self._registry.get(_key(person[-1]), [])
        tail = " " + " ".join(person).casefold()
        i = bisect_left(cands, pos, key=_offset)
        for at, name in reversed(cands[max(0, i - _NAMESAKES) : i]):
            if " " + name.casefold() == tail and apposed_to_a_noun(self.text, at):
                return None  # (introduced so before: `Her father, Assefa Kebede,`)
            words = name.split()
            # (the word before the two a given name, as far as the lists know; or the
            # only one: `Aminu Kabir Gumel`, with a given name the lists lack)
            if len(words) > 2 and name.casefold().endswith(tail) and (
                len(words) == 3 or is_given_name(words[-3])
            ):
                return name
        return None

    def _opening_of(self, person: list[str], pos: int) -> str | None:
        """The longer name named before ``pos`` that the two words open: `Mohd Rizal said`
        after `Mohd Rizal Abdullah` (a name given with the father's, and called by the
        person's own)."""
        if is_given_name(person[0]) and not is_given_name(person[1]):
            return None  # ("Bernie Sanders" is a given name and a surname, a whole name)
        if self._registry is None:
            self._build_registry()
        assert self._registry is not None
        cands = self._registry.get(_key(person[0]), [])
        head = " ".join(person).casefold() + " "
        i = bisect_left(cands, pos, key=_offset)
        for _at, name in reversed(cands[max(0, i - _NAMESAKES) : i]):
            words = name.split(" ")
            if len(words) > 2 and name.casefold().startswith(head) and (
                _key(words[-1]) not in NAME_SUFFIXES
                # (not "Bernie Sanders T-shirts", a name run into a common word)
                and not any(self._is_common_word(w) for w in words[2:])
            ):
                return name
        return None

    def _apposed_head(self, left: str, pos: int) -> tuple[str, str] | None:
        """The person ``left`` opens with, before an appositive that describes them
        (`Cecelia Purner, 67, a retired clerk in Allentown, Pa.`): a name, a comma,
        then lower-case words or a number; or with a time or a manner first (`Just
        last week, J.J. Goldberg, editor at large of The Forward,`)."""
        m = _APPOSED_HEAD_RE.match(left)
        if m is None:
            comma = left.find(", ", 0, 40)
            lead = left[:comma].split() if comma > 0 else None
            if lead and (lead[-1][:1].islower() or _key(lead[-1]) in DATE_NAMES):
                m = _APPOSED_HEAD_RE.match(left, comma + 1)
        if m is None or _key(m.group(1).split(None, 1)[0]) in _LEADING_WORDS:
            return None
        found = self._from_run(m.group(1), pos, the=False)
        return found if found and found[1] == PERSON else None

    def _owner(self, head: str, pos: int) -> tuple[str, str] | None:
        """The person an organisation belongs to, where ``head`` ends `Henrik Olsen of`:
        `Professor Henrik Olsen of the University of Copenhagen said` is Olsen speaking.
        Only a full name counts: a lone capitalised word may open a group's own name."""
        owner = _of_tail(head)
        if not owner:
            return None
        found = self._from_run(owner.group(1), pos, the=False)
        return found if found and found[1] == PERSON and " " in found[0] else None

    def _from_run(self, run: str, pos: int, *, the: bool) -> tuple[str, str] | None:
        tokens = run.split()
        keys = [t.rstrip(".").casefold() for t in tokens]  # (each token's _key, once)
        lead = 0
        while lead < len(keys) and keys[lead] in _LEADING_WORDS:
            the = the or keys[lead] == "the"
            lead += 1
        if lead == len(keys):
            return None
        if lead == 1 and len(keys) == 2 and tokens[0] == "Will":
            lead = 0  # `Will Doyle said`: the given name, not the modal
        if lead:
            tokens, keys = tokens[lead:], keys[lead:]
        tokens, keys = _without_post_nominals(tokens, keys)
        if tokens[-1].endswith(("'s", "’s")):
            return None  # a possessive modifies the subject; it is not the subject
        if keys[-1] in DATE_NAMES:
            return None
        if len(tokens) == 1 and (keys[0] in _SURNAME_HEADS or keys[0] in _TITLE_WORDS) and not the:
            # `Cross wrote`, `Dutch said`, `Bishop said`: a surname that is also an
            # organisation's word, a nationality or a title, of a person named in full
            # before ("Owen Cross", "Ada Bishop")
            full = self._full_name(tokens[0], pos)
            if full:
                return full, PERSON
        if len(keys) > 2 and keys[0] in STYLED_TITLES and keys[1] == "of":
            return " ".join(tokens), PERSON  # (`the Duke of Sussex`: whom the title names)
        org_head = keys[-1] in _ORG_HEADS and not (
            keys[-1] in _SURNAME_HEADS and _named_like_a_place(*_after_title(tokens, keys))
        )
        if org_head or the or (
            len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1
        ):
            return " ".join(tokens), ORG
        last_title = _last_title(tokens, keys)
        skip = _name_start(tokens, keys, last_title + 1) if len(tokens) - last_title > 2 else 0
        if skip:
            last_title += skip  # (what precedes the name reads as a title)
        person = tokens[last_title + 1 :]
        if not person:
            return None
        if last_title < 0 and " ".join(keys) in RESIDENCES:
            return " ".join(tokens), ORG  # `Downing Street said`: the government inside
        if len(person) > 1 and last_title < 0 and keys[0].endswith("ing"):
            # `Asserting Kim said`: a participle opening the sentence, not a name
            person = person[1:]
        if len(person) == 1:
            # ("Mrs. Varga" is the Ilse, not the Peter, Varga named before)
            honorific = tokens[last_title].rstrip(".") if last_title >= 0 else ""
            full = self._full_name(person[0], pos, _HONORIFIC_GENDER.get(honorific))
            if full:
                return full, PERSON
            if last_title < 0 and self._is_common_word(person[0]):
                return None
            if last_title < 0 and (keys[0] in PLACE_WORDS or _is_country(keys[0])):
                return " ".join(tokens), ORG
            return person[0], PERSON
        if last_title < 0 and (keys[0] in PLACE_WORDS or _is_country(" ".join(keys))):
            return " ".join(tokens), ORG
        longer = self._longer_name(person, pos) if len(person) == 2 else None
        return longer or " ".join(person), PERSON
