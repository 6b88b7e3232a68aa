"""The names one document gives before its quotations, in text order: its people, its
organisations and the titles they hold, read from the runs of capitals between the
quotations; the full name a surname or a short name stands for ("Lee said" after "Ann
Lee"); a person's gender as the document tells it; and which names the narration
makes the subject of a clause. :mod:`tui.quotes.antecedents` reads these to find what
a pronoun, a role or a description refers back to."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from tui.corpus.sections import BYLINE_RE
from tui.nlp.given_names import (
    FEMALE,
    MALE,
    gender_of,
    is_firm,
    is_given_name,
    paternal_surname,
    tilt_of,
)
from tui.nlp.lexicon import DEPARTMENT_WORDS, RANKS, SENTENCE_OPENERS, TITLE_WORDS
from tui.nlp.name_runs import inner_names, name_word, platform_at
from tui.quotes.cues import (
    _CLAUSE_OPENERS,
    _CONJUNCTIONS,
    _DROPPED,
    _HONORIFIC_GENDER,
    _HONORIFIC_RE,
    _NAME_RUN_RE,
    _NAMESAKES,
    _NOT_BEFORE_SUBJECT,
    _OPENING_WORDS,
    _ORG_TAIL_RE,
    _PARTICLES,
    _RUN_CHAR_RE,
    _SAID_PRONOUN_RE,
    _SHORT_TITLE_RE,
    _SPEAKER_END_RE,
    _TITLE_BEFORE_RE,
    _TITLES,
    _VERB_AFTER_SUBJECT_RE,
    _VERB_FORMS,
    _is_plain_noun,
    _key,
    _offset,
)
from tui.quotes.narration import Narration
from tui.quotes.roles_beside import NOT_HOLDING, role_beside
from tui.quotes.runs import (
    _AFTER_DEPARTMENT,
    _FULL,
    _NOT_A_NAME,
    _ORG_RUN,
    _TITLED,
    _is_inside_sentence,
    _is_word_start,
    _occurs,
    _run_kind,
)

# words that may stand between a clause's start and its subject ("Still, even Park")
_FOCUS_WORDS = frozenset(("even", "only", "now"))
# honorifics written without their full stop ("Mr Kim"), as the three characters before
# the space
_BARE = ("Mrs", " Mr", " Ms", " Dr")
_TOLD = frozenset(("told", "tells", "telling"))
# a role in lower case right before a name (`veteran coach Moses Kiprono`, `said club
# captain Ann Lee`), which "the coach said" later points back to
_LOWER = "~"  # marks a title written in lower case, which only one person may hold
_APPOSED = "~~"  # ... and one set beside the name by commas: the text's word for the person
# A retired officer's note after the rank: "(retd)", "(Retd.)", "(r)".
_RETIRED_RE = re.compile(r"\((?:retd|rtd|retired|r)\.?\)", re.IGNORECASE)
# A dateline's wire credit in parentheses is this close to its paragraph's start.
_CREDIT_REACH = 60
# A byline (tui.corpus.sections.BYLINE_RE) is looked for among the first paragraphs.
_BYLINE_PARAGRAPHS = 6
# A byline of the writer's name alone, on a line of its own among the first paragraphs
# (`Tanvi Sharma`, `Tanvi Sharma / TNN`): two to four capitalised words, and no verb;
# then the story, opening with its dateline (`New Delhi: On a humid morning …`).
_NAME_LINE_RE = re.compile(
    r"([A-Z][\w.'’-]*[a-z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3})"
    r"(?:[ \t]*[/|][ \t]*[\w.'’ -]{1,40})?[ \t]*"
)
_DATELINE_RE = re.compile(r"[A-Z][\w.'’ -]{1,30}(?:,[\w.'’ ]{1,30})?[ \t]*(?::|—|–| -)[ \t]")
# A relative or a partner named by a given name after a possessive: `his daughter Anya`.
_KIN_GENDER = {
    **dict.fromkeys(
        "son husband brother father nephew uncle grandson boyfriend fiancé".split(), MALE),
    **dict.fromkeys(
        "daughter wife sister mother niece aunt granddaughter girlfriend fiancée".split(),
        FEMALE),
    **dict.fromkeys("partner cousin friend child".split(), ""),
}
# A relative of someone the story calls "he" or "she", named beside the noun: `Her
# mother, Bernadette Costigan,`, `his brother Tom Hart` (see Antecedents._pronoun).
KIN_OF_A_PRONOUN_RE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir) (?:\w+ )?(?:" + "|".join(_KIN_GENDER)
    + r"|grandmother|grandfather|mum|mom|dad|stepmother|stepfather)s?,? \Z"
)
# A given name and "and" before a full name: a couple, or siblings, of that surname
# (`Rob and Jen Lawson`).
_COUPLE_RE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+) and $")
_KIN_BEFORE_RE = re.compile(
    r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur) (?:\w+ )?("
    + "|".join(_KIN_GENDER)
    # (after a name's possessive, only a relative of one sex: "Toyota's partner Subaru")
    + r")|\w['’]s (?:\w+ )?(" + "|".join(k for k, g in _KIN_GENDER.items() if g) + r")) \Z"
)
# An age set off by commas after a name: `Jaz, 29, who asked us not to print his surname`.
_AGED_RE = re.compile(r", \d{1,3},")
# A noun phrase a determiner opens, right before a comma: `Her father, ` (see
# apposed_to_a_noun).
_NOUN_BEFORE_COMMA_RE = re.compile(
    r"(?<![\w'’-])(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?|[Ii]ts)[ \t]+(?:[\w'’-]+[ \t]+){0,2}"
    r"[a-z][\w'’-]*, \Z"
)
_WHO_RE = re.compile(r", who(?:se)? ")
# ... or a given name a person is called by alone, given as such: `who gave only his
# first name, Marcus,`, `identified only as Ana`.
_NAME_ONLY_BEFORE_RE = re.compile(
    r"(?:\bfirst name|\bgiven name|\bname|\bonly as|\bknown as|\bcalled),? \Z"
)
_LOWER_ROLE_BEFORE_RE = re.compile(r"(?<![\w'’-])([a-z]+ )?([a-z]+) \Z")


def apposed_to_a_noun(text: str, at: int) -> bool:
    """Whether the name at ``at`` is set off by a comma after a noun phrase it names
    (`Her father, Assefa Kebede,`): someone of their own, not a short form of a longer
    name before (but `Appearing at NLD headquarters, Suu Kyi, 70, said` is no such)."""
    return text[at - 2 : at] == ", " and (
        _NOUN_BEFORE_COMMA_RE.search(text, max(0, at - 40), at) is not None
    )


def _title_of(text: str, department: int) -> str:
    """The title before "of" and the department that starts at ``department``
    (`Commissioner of Police Ann Lee`, `Secretary of State John Kerry`), which "the
    Commissioner" and "the secretary" later refer to; "" if none."""
    before = text[max(0, department - 30) : department - 4].rsplit(None, 1)
    held = _key(before[-1]) if before else ""
    return held if held in _TITLES else ""


def _inner_names(name: str) -> list[str]:
    """The keys of the words inside a full name of four words or more ("Lim" and "Hui" of
    "Joanne Lim Hui Min"), or of three whose middle word is no initial ("Irfan" of
    "Mohamed Irfan Sulaiman"): news that writes a family name first, or calls a person
    by a given name after the first, refers back with an honorific and that word ("Ms
    Lim", "Mr Irfan")."""
    return [_key(w) for w in name.split(" ")[1:-1] if name_word(w)]


class NameRegistry(Narration):
    """The document's names, in text order, and the full name a later mention of one
    stands for: the part of :class:`tui.quotes.speakers.SpeakerResolver` between the
    narration and the look-ups of what a mention refers back to."""

    def _start(self) -> None:
        super()._start()
        self._registry: dict[str, list[tuple[int, str]]] | None = None
        # the full names of three words or more, for the look-ups below the registry's
        # (made only when one is asked: most look-ups find a name by its last word)
        self._long_names: list[tuple[int, str]] = []
        self._fallbacks: tuple[dict[str, list[tuple[int, str]]], ...] | None = None
        self._persons: list[tuple[int, str]] | None = None
        self._person_offsets: list[int] = []
        # speakers noted before the registry is built (one in seven documents never
        # needs it), in the order they were noted
        self._noted: list[tuple[int, str]] = []
        self._common: dict[str, bool] = {}  # (see _is_common_word)
        # the gender an honorific gives a surname in this document ("Ms. Lee")
        self._genders: dict[str, str] = {}
        # the gender the document gives a person by what it says of them ("Lee said
        # she"), where their given name tells none or only leans one way
        self._told: dict[str, str] = {}
        self._spoken: set[int] = set()  # where a speaker was noted (see _note_person)
        self._subjects: dict[int, bool] = {}  # (see _is_subject: asked again and again)
        self._orgs: list[tuple[int, str, str]] = []
        # the registry's people and titled names as the text gives them, until a pronoun
        # or a role needs them resolved (a third of documents never does)
        self._unresolved: (
            tuple[list[tuple[int, str]], list[tuple[int, bool]], list[tuple[int, str, str]]]
            | None
        ) = None

    def _build_registry(self) -> None:
        registry: dict[str, list[tuple[int, str]]] = {}
        long_names: list[tuple[int, str]] = []
        persons: list[tuple[int, str]] = []
        singles: list[tuple[int, bool]] = []  # (index in persons, titled) of lone names
        orgs: list[tuple[int, str, str]] = []
        titled: list[tuple[int, str, str]] = []
        genders = self._genders
        text = self.text
        finditer = _NAME_RUN_RE.finditer
        # only names before the last quotation can be what a quotation refers back to
        limit = (self.spans[-1].end + 1) if self.spans else 0
        # (a run a million times per 10,000 articles: only the text between quotations is
        # scanned, and the loop tests the commonest kind first)
        byline = self._byline()
        for scan_from, scan_to in self._unquoted(limit):
            for m in finditer(text, scan_from, scan_to):
                found = _run_kind(m[0])
                if found is _NOT_A_NAME:  # (half the runs: the cheapest test first)
                    continue
                kind, name, key, titles = found
                at = m.start()
                if byline[0] <= at < byline[1]:
                    continue  # (the writer's name: no one the story speaks of)
                if kind == _AFTER_DEPARTMENT:
                    # `Secretary of State John Kerry`, `Secretary for Security Chris Tang`:
                    # the department ends the title
                    if not (text.startswith("of ", at - 3) or text.startswith("for ", at - 4)):
                        continue
                    kind = _FULL
                    titles = titles or _title_of(text, at)
                    at += m[0].index(" ") + 1
                elif kind == _FULL and not titles and text.startswith(" of ", at - 4) and (
                    _key(m[0].split(" ", 1)[0]) in DEPARTMENT_WORDS
                ):
                    # (the department's word read as one that opens a sentence: `Commissioner
                    # of Police Ann Lee`, where "Police" leads the run)
                    titles = _title_of(text, at)
                if kind == _ORG_RUN:
                    if text[at - 1 : at] == "(" and text.startswith(")", m.end()) and (
                        at - self.bounds[self._paragraph_of(at)][0] < _CREDIT_REACH
                        if self.bounds else at < _CREDIT_REACH
                    ):
                        continue  # (`SEATTLE (AP) —`: the wire that filed the story)
                    tail = _ORG_TAIL_RE.match(text, m.end())
                    orgs.append((at, name + tail.group(0) if tail else name, key))
                    continue
                if at >= 4 and text[at - 4 : at] in ("the ", "The "):
                    continue
                if not titles and at >= 3 and text[at - 2] == ".":
                    # `Sen. Ann Lee`: the registry's runs leave abbreviations out
                    abbreviated = _TITLE_BEFORE_RE.search(text, max(0, at - 8), at)
                    titles = abbreviated[1].casefold() if abbreviated else ""
                if not titles and kind == _FULL and text[at - 2 : at - 1].islower() and (
                    text[at - 1 : at] == " "
                ):
                    lower = _LOWER_ROLE_BEFORE_RE.search(text, max(0, at - 40), at)
                    if lower and lower[2] in _TITLES and (
                        not lower[1] or lower[1][:-1] not in NOT_HOLDING
                    ):
                        rank = lower[1] if lower[1] and lower[1][:-1] in RANKS else ""
                        titles = _LOWER + rank + lower[2]
                if titles:
                    titled.append((at, name, titles))
                if kind == _FULL and text.startswith(",", m.end()):
                    role = role_beside(text, at, m.end())
                    if role:
                        titled.append((at, name, _APPOSED + role))
                if kind == _FULL:
                    if at >= 3 and text[at - 2] == "." and text[at - 3].isupper() and (
                        at == 3 or not text[at - 4].isalnum()
                    ) and not (
                        # (`on X. Renata Ferris`: the platform ends a sentence)
                        platform_at(text, at - 3)
                    ):
                        # `L. Brent Bozell III`: a first initial the run leaves out
                        name = text[at - 3 : at] + name
                    first, _, rest = name.partition(" ")
                    if first.endswith("ing") and " " not in rest and not is_given_name(first):
                        # `Asserting Clinton`: a participle opening the sentence
                        found = _run_kind(rest)
                        if found is _NOT_A_NAME:
                            continue
                        kind, name, key, titles = found
                        at += len(first) + 1
                if kind == _FULL:
                    if (
                        name.count(" ") == 1 and not apposed_to_a_noun(text, at)
                    ) or _key(name.split(" ", 1)[0]) in _PARTICLES:
                        # `De Vries said` opening a sentence: the `Marieke de Vries` named
                        # before; `Kabir Gumel said`: `Aminu Kabir Gumel`, by his last two
                        # (not a name set off in apposition, `Her father, Assefa Kebede,`:
                        # someone else, whom the later "Assefa Kebede" is)
                        earlier = registry.get(_key(name.rsplit(" ", 1)[-1]), [])
                        if earlier and earlier[-1][1].casefold().endswith(" " + name.casefold()):
                            persons.append((at, earlier[-1][1]))
                            continue
                    couple = _COUPLE_RE.search(text, max(0, at - 20), at)
                    if couple and " " in name and is_given_name(couple[1]):
                        # `Rob and Jen Lawson`: Rob Lawson too, whom "Mr Lawson" may be
                        partner = f"{couple[1]} {name.rsplit(' ', 1)[1]}"
                        for k in _key(partner).split(" "):
                            registry.setdefault(k, []).append((couple.start(1), partner))
                        persons.append((couple.start(1), partner))
                    for k in key.split(" "):
                        registry.setdefault(k, []).append((at, name))
                    if name.count(" ") > 1:
                        long_names.append((at, name))
                else:
                    # (`Mr. Kim`: the honorific is not part of the run, but it shows a
                    # person, and whether a man or a woman)
                    honorific = (
                        _HONORIFIC_RE.search(text, max(0, at - 6), at)
                        if at > 3 and (text[at - 2] == "." or text[at - 4 : at - 1] in _BARE)
                        else None
                    )
                    kin = (
                        _KIN_BEFORE_RE.search(text, max(0, at - 30), at)
                        if not honorific and text[at - 1 : at] == " " else None
                    )
                    if kin:
                        # `His daughter Anya`, `her husband Dean, 41,`: a person named by
                        # a given name alone, whose sex the noun may say
                        honorific = kin
                        noun = kin[1] or kin[2]
                        if _KIN_GENDER.get(noun):
                            genders[_key(name)] = _KIN_GENDER[noun]
                    elif not honorific and (
                        aged := _AGED_RE.match(text, m.end()) or (
                            _WHO_RE.match(text, m.end())
                            or _NAME_ONLY_BEFORE_RE.search(text, max(0, at - 16), at)
                            if is_given_name(name) else None
                        )
                    ):
                        # (`Jaz, 29, who …`; `Shabana, who runs a stall, said`: a given
                        # name with "who"; not a team, a town or a firm, which British
                        # English gives "who" too: `Wigan, who had won four in a row`)
                        honorific = aged
                    elif honorific:
                        genders[_key(name)] = _HONORIFIC_GENDER.get(honorific[1], "")
                    elif titles and (
                        told := _HONORIFIC_GENDER.get(titles.rsplit(" ", 1)[-1].capitalize())
                    ):
                        genders[_key(name)] = told  # (`Mrs Adebowale`: no stop, in the run)
                    singles.append((len(persons), kind == _TITLED or honorific is not None))
                persons.append((at, name))
        for k, entries in registry.items():
            if len(entries) > 1:
                # a word alone is a surname rather than a first name where the document
                # has it as both ("Mr. Varga" after "Varga Tower Hotel" and "Ilse
                # Varga"): the names that end in it, not those that start with it
                ending = [e for e in entries if _key(e[1].split(" ", 1)[0]) != k]
                if ending and len(ending) < len(entries):
                    registry[k] = ending
        self._registry = registry
        # (asked only where no name ends in the word: "Hart said" is Tom Hart, not Linda
        # Hart Jones, whose middle name it is)
        self._long_names = long_names
        self._orgs = orgs
        self._unresolved = (persons, singles, titled)

    def _byline(self) -> tuple[int, int]:
        """Where the paragraph that gives the story's writer is, among the first few
        (`By Callum Fenwick, News Reporter`, `By Ann Lee and Tom Hart`); (0, 0) if none.
        Its name is the writer's, never someone "he" or "she" in the story stands for."""
        text = self.text
        first = self.bounds[:_BYLINE_PARAGRAPHS]
        for n, (start, end) in enumerate(first):
            byline = (
                BYLINE_RE.fullmatch(text, start, end)
                if text.startswith(("By ", "BY ", "Written ", "Reported ", "Edited "), start)
                # (not the first paragraph: a headline may be a name and a few words; and
                # only before a dateline: a subheading may be a name too)
                else _NAME_LINE_RE.fullmatch(text, start, end)
                if n and end - start <= 60 and n + 1 < len(first)
                and _DATELINE_RE.match(text, first[n + 1][0], first[n + 1][1])
                else None
            )
            if byline is not None:
                # (not where the story speaks of that person: a review's "By Hilary
                # Mantel" credits the book, and "Mantel said" follows)
                surname = byline.group(1).rsplit(None, 1)[-1]
                if text.find(surname, end) < 0:
                    return start, end
                return 0, 0
        return 0, 0

    def _noted_before(self, i: int) -> Iterator[tuple[int, str]]:
        """The people noted before the ``i``-th (see _build_persons), nearest first: the
        callers stop after a few, so the list is read in place, never copied."""
        persons = self._persons
        assert persons is not None
        for j in range(i - 1, -1, -1):
            yield persons[j]

    def _build_persons(self) -> None:
        """The people named, in text order, for a pronoun to refer to."""
        if self._unresolved is None:
            self._build_registry()
        assert self._unresolved is not None
        persons, singles, _titled = self._unresolved
        genders = self._genders
        # a name given alone stands for the full name used before it; with none it is
        # left out, unless a title shows it is a person ("President Okafor"), there or
        # anywhere in the document ("President Okafor … Okafor left")
        titled_names = {persons[i][1] for i, is_titled in singles if is_titled}
        dropped = False
        registry = self._registry
        assert registry is not None
        for i, is_titled in singles:
            off, name = persons[i]
            key = _key(name)
            # (most lone names are in no full name: the look-up is made only for those
            # that are)
            full = (
                self._lookup(name, off, genders.get(key))
                if key in registry or is_titled else None
            )
            if full:
                persons[i] = (off, full)
            elif not is_titled and name not in titled_names:
                persons[i] = _DROPPED
                dropped = True
        resolved = [p for p in persons if p is not _DROPPED] if dropped else persons
        self._persons = resolved
        self._person_offsets = [p[0] for p in resolved]
        self._told = self._genders_told(resolved)
        for pos, name in self._noted:
            self._note_person(pos, name)

    def _genders_told(self, persons: list[tuple[int, str]]) -> dict[str, str]:
        """The gender of each person the document names as the subject of a clause that
        goes on about them with "he" or "she" ("Lund said he", "Moreau told reporters
        she"): the one it gives them more often, where the given name says none or only
        leans one way."""
        text = self.text
        votes: dict[str, int] = {}
        for at, name in persons:
            run = _NAME_RUN_RE.match(text, at)
            said = _SAID_PRONOUN_RE.match(text, run.end()) if run else None
            # (a given name of one sex outweighs any clause; the two matches, in C, rule
            # out most names before that look-up would)
            if said and not is_firm(name) and self._is_subject(at):
                votes[name] = votes.get(name, 0) + (1 if said[1] == "he" else -1)
        return {name: MALE if n > 0 else FEMALE for name, n in votes.items() if n}

    def _gender(self, name: str) -> str | None:
        """MALE, FEMALE or None for ``name`` in this document: by a given name of one
        sex, else by what the document says of them, else by an honorific before the
        surname ("Ms. Lee"). A given name only mostly of one sex ("Lindsey") tells
        nothing: it would rule out the person a pronoun stands for as often as not."""
        if is_firm(name):
            honoured = self._honorific_gender(name)
            # ("Mr Seruvakula" is a man, whatever the dictionary says of "Jone", where no
            # other person of that surname is named)
            return honoured if honoured is not None else gender_of(name)
        told = self._told.get(name)
        if told is not None:
            return told
        return self._genders.get(_key(name.rsplit(" ", 1)[-1])) if self._genders else None

    def _honorific_gender(self, name: str) -> str | None:
        """The sex an honorific gives ``name``'s surname in this document, where the
        document names only this person by that surname."""
        if not self._genders or " " not in name:
            return None
        surname = _key(name.rsplit(" ", 1)[-1])
        honoured = self._genders.get(surname) or None
        if honoured is None or self._registry is None:
            return None
        others = any(n != name for _at, n in self._registry.get(surname, ()))
        return None if others else honoured

    def _is_common_word(self, token: str) -> bool:
        """A capitalised word that is an ordinary word (``Experts said …``): the article
        also writes it in lower case, or never capitalises it inside a sentence."""
        if _key(token) in SENTENCE_OPENERS:
            return True
        common = self._common.get(token)
        if common is None:
            text = self.text if len(self.text) <= 200_000 else self.text[:200_000]
            # (a plural never capitalised inside a sentence is "Analysts", "Officials";
            # a lone name like "Biden" may well open every sentence it is in)
            common = _occurs(text, token.casefold(), _is_word_start) or (
                token.endswith("s")
                and len(token) > 3
                and not _occurs(text, token, _is_inside_sentence)
            )
            self._common[token] = common
        return common

    def _unquoted(self, limit: int) -> list[tuple[int, int]]:
        """Where to scan for runs of capitalised words that start before ``limit`` and
        outside the quotations (names inside quotations are not the people speaking):
        ranges that give the runs one scan of the whole text would give, without the
        work of scanning the quotations."""
        text = self.text
        ranges: list[tuple[int, int]] = []
        pos = 0
        for q_start, q_end in self._quoted:
            if q_start > pos:
                ranges.append((pos, min(q_start, limit)))
            # No run reaches into a quotation (its opening mark is never part of one),
            # but one that starts inside may run on past its end, `'… Kim' Jong`: the
            # whole-text scan would go on after that run.
            scan_from = max(pos, q_start)
            pos = max(pos, q_end)
            if _RUN_CHAR_RE.match(text, q_end):
                for m in _NAME_RUN_RE.finditer(text, scan_from, limit):
                    if m.start() >= q_end:
                        break
                    pos = max(pos, m.end())
        if pos < limit:
            ranges.append((pos, limit))
        return ranges

    def _lookup(self, token: str, pos: int, gender: str | None = None) -> str | None:
        """The full name ``token`` stands for at ``pos``: the last one before it that
        has it, or else the first; of a man's or a woman's names only, given a gender
        ("Mrs. Varga" after both Peter and Ilse Varga)."""
        assert self._registry is not None
        key = _key(token)
        cands = self._registry.get(key)
        if not cands and self._long_names:
            # (the first of two family names, "Cervantes"; or, after an honorific, a word
            # inside a full name, "Ms Lim": asked only where no name ends in the word, so
            # "Hart said" is Tom Hart, not Linda Hart Jones)
            paternal, inner, called = self._fallback_keys()
            # (without an honorific, only a word no given name: "Lula said" of "Luiz
            # Inácio Lula da Silva", "Rodham said" of "Hillary Rodham Clinton")
            cands = paternal.get(key) or (inner.get(key) if gender else called.get(key))
        if not cands:
            return None
        # (each list is in text order: the last one before ``pos``, or else the first)
        i = bisect_left(cands, pos, key=_offset)
        if gender:
            # (one whose given name says that sex first, or leans to it: "Mr Lawson" is
            # Rob Lawson, not Jen Lawson, whose name says neither; else one whose name
            # does not say)
            order = [*range(i - 1, -1, -1), *range(i, len(cands))][:_NAMESAKES]
            sexes = [tilt_of(cands[j][1]) for j in order]
            for wanted in (gender, None):
                for j, sex in zip(order, sexes):
                    if sex == wanted:
                        return cands[j][1]
        return cands[i - 1 if i else 0][1]

    def _fallback_keys(self) -> tuple[dict[str, list[tuple[int, str]]], ...]:
        """The long full names by the first of two family names, by a word inside, and
        by a word inside that the text may call the person by alone."""
        if self._fallbacks is None:
            paternal: dict[str, list[tuple[int, str]]] = {}
            inner: dict[str, list[tuple[int, str]]] = {}
            called: dict[str, list[tuple[int, str]]] = {}
            for at, name in self._long_names:
                first = paternal_surname(name)
                if first:
                    paternal.setdefault(_key(first), []).append((at, name))
                for word in _inner_names(name):
                    inner.setdefault(word, []).append((at, name))
                for word in inner_names(name):
                    called.setdefault(_key(word), []).append((at, name))
            self._fallbacks = (paternal, inner, called)
        return self._fallbacks

    def _full_name(self, token: str, pos: int, gender: str | None = None) -> str | None:
        """The full name ``token`` stands for at ``pos`` (see :meth:`_lookup`): the
        registry is built when first asked."""
        if self._registry is None:
            self._build_registry()
        return self._lookup(token, pos, gender)

    def _note_person(self, pos: int, name: str) -> None:
        """A speaker is a person mentioned there, even one named only once ("Biden")."""
        self._spoken.add(pos)
        if self._persons is None:
            self._noted.append((pos, name))  # (building the registry waits for a use)
            return
        i = bisect_left(self._person_offsets, pos)
        self._persons.insert(i, (pos, name))
        self._person_offsets.insert(i, pos)

    def _is_subject(self, at: int) -> bool:
        """Whether the name at ``at`` is the subject of a main clause, or the speaker of
        an inverted one (`…, said Park`): it opens the sentence, a clause after a comma or
        a conjunction, or a noun phrase there ("Agency spokesman Tom Park"), is no
        possessive, and is followed (past an appositive or a parenthesis) by what reads
        as its verb ("Park, 62, said")."""
        known = self._subjects.get(at)
        if known is None:
            known = self._subjects[at] = self._reads_as_subject(at)
        return known

    def _reads_as_subject(self, at: int) -> bool:
        text = self.text
        m = _NAME_RUN_RE.match(text, at)
        if m is None or m[0].endswith(("'s", "’s")):
            return False
        if m[0].split(None, 1)[0].casefold() in _NOT_BEFORE_SUBJECT:
            return False  # ("At Park rallies": a capitalised preposition opened the run)
        # (from the start of its line: a paragraph opens a clause whatever ends the one
        # before, a heading without a full stop too)
        words = text[max(0, at - 60, text.rfind("\n", 0, at) + 1) : at].split()
        if words and _RETIRED_RE.fullmatch(words[-1]):
            # `analyst Brigadier (retd) Haris Khattak told`: the rank and its note are
            # the title the run would have held
            words.pop()
            if words and _key(words[-1]) in TITLE_WORDS:
                words.pop()
        # (a lower-case noun or two may head the subject: "Agency spokesman Tom Park";
        # an honorific's full stop ends no sentence: "that Mr. Park was")
        nouns = honorifics = 0
        while words and nouns < 3:
            if _is_plain_noun(words[-1]) or (
                # ("Wapenamanda women's leader Rose Kambao": a noun's possessive modifies
                # the head noun)
                nouns and words[-1].endswith(("'s", "’s")) and _is_plain_noun(words[-1][:-2])
            ):
                nouns += 1
            elif honorifics or not _SHORT_TITLE_RE.fullmatch(words[-1]):
                break
            else:
                honorifics = 1
            words.pop()
        if nouns and len(words) > 1 and words[-1] == "the" and (
            words[-2][-1] in ".!?:;"
            or (words[-2][-1] == "," and words[-2][:-1].casefold() in _OPENING_WORDS)
        ):
            words.pop()  # "There, the district party chairman Tom Park said"
        if words and words[-1] in _FOCUS_WORDS:
            words.pop()  # "Still, even Mr. Park says"
        if nouns and len(words) > 1 and words[-1][:1] == "(" and words[-1][-1:] == ")":
            words.pop()  # "National Medical Association (NMA) president John Carter said"
        if words:
            last = words[-1]
            last_key = last.casefold()
            if last in _VERB_FORMS and not nouns:
                # `…, said Park`: the speaker of an inverted reporting clause (never after
                # "told", whose name is who was told: `Lee, a professor, told Live Science`)
                before = words[-2] if len(words) > 1 else ""
                return last_key not in _TOLD and before[-1:] in (
                    ",", "”", '"', "’", "'"
                ) and _SPEAKER_END_RE.match(text, m.end()) is not None
            if not (
                # (not a prefix's hyphen: "adviser to then-President Bush, also said")
                last[-1] in _CLAUSE_OPENERS and not (last[-1] == "-" and len(last) > 1)
                or (not nouns and last in _CONJUNCTIONS)
                or (
                    last[0].isupper()
                    and (
                        nouns
                        or honorifics
                        # ("At Park's rallies": a preposition's object is no subject)
                        or (last_key in _OPENING_WORDS and last_key not in _NOT_BEFORE_SUBJECT)
                    )
                )
            ):
                return False
        return _VERB_AFTER_SUBJECT_RE.match(text, m.end()) is not None
