"""Who a name or a pronoun refers back to, within one document: the people and
organisations named before a quotation, for "he said", "Kim said" and "the company
said"."""

from __future__ import annotations

import re
from bisect import bisect_left

from tui.nlp.given_names import (
    FEMALE,
    MALE,
    gender_of,
    is_firm,
    is_given_name,
    may_be_first_surname,
)
from tui.nlp.lexicon import (
    NAME_SUFFIXES,
    ORG,
    PERSON,
    RANKS,
    SENTENCE_OPENERS,
    TITLE_REFERENCES,
)
from tui.nlp.name_runs import WORD_RE
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
    _PRONOUN_REACH,
    _RUN,
    _RUN_CHAR_RE,
    _SAID_PRONOUN_RE,
    _SHORT_TITLE_RE,
    _SPEAKER_END_RE,
    _SUBJECTS_LOOKED,
    _TITLE_BEFORE_RE,
    _TITLES,
    _VERB_AFTER_SUBJECT_RE,
    _VERB_FORMS,
    _is_plain_noun,
    _key,
    _offset,
)
from tui.quotes.model import QuoteSpan
from tui.quotes.narration import Narration
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
# The heads of a business's name, and of a public body's, for "the company said".
_COMPANY_HEADS = frozenset(
    """inc corp corporation co company ltd plc llc lp group holdings gmbh ag sa nv bv
    firm partners""".split()
)
_PUBLIC_HEADS = frozenset(
    """department ministry agency office commission court police committee council
    government senate house parliament congress army navy administration authority
    bureau service""".split()
)
# a role in lower case right before a name (`veteran coach Moses Kiprono`, `said club
# captain Ann Lee`), which "the coach said" later points back to
# (a role held before or beside another's, or a verb: `former coach`, `hired to coach`)
_NOT_HOLDING = frozenset("former ex then late rival fellow opposing to".split())
_LOWER = "~"  # marks a title written in lower case, which only one person may hold
_LOWER_ROLE_BEFORE_RE = re.compile(r"(?<![\w'’-])([a-z]+ )?([a-z]+) \Z")


def _holds(titles: list[str], title: str, rank: str) -> bool:
    """Whether ``titles`` (a name's title words, "deputy mayor") make its holder "the
    <rank> <title>": the title word or one that refers to it, after the same rank word
    or none ("vice president" is not "the president")."""
    for j, t in enumerate(titles):
        if title == t or title in TITLE_REFERENCES.get(t, ()):
            before = titles[j - 1] if j else ""
            if (before if before in RANKS else "") == rank:
                return True
    return False


def _paternal_surname(name: str) -> str | None:
    """The key of the first of two family names that end a full name ("Cervantes" of
    "Ana Lilia Cervantes Ochoa"): Spanish and Portuguese news refer back to the person
    by it ("Cervantes said")."""
    words = name.split(" ")
    if len(words) < 3 or _key(words[-1]) in NAME_SUFFIXES or not may_be_first_surname(
        words[-2]
    ):
        return None
    return _key(words[-2])


def _inner_names(name: str) -> list[str]:
    """The keys of the words inside a full name of four words or more ("Lim" and "Hui" of
    "Joanne Lim Hui Min"), or of three whose middle word is no initial ("Irfan" of
    "Mohamed Irfan Sulaiman"): news that writes a family name first, or calls a person
    by a given name after the first, refers back with an honorific and that word ("Ms
    Lim", "Mr Irfan")."""
    words = name.split(" ")
    return [
        _key(w) for w in words[1:-1]
        if len(w) > 2 and w[:1].isupper() and w[1:].islower() and w.isalpha()
    ] if len(words) >= 3 else []


class Antecedents(Narration):
    """The document's names, in text order, and what a later mention refers to: the
    part of :class:`tui.quotes.speakers.SpeakerResolver` between the narration and
    the cues."""

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
        self._titled: list[tuple[int, str, str]] | None = None  # (offset, name, its titles)
        # the registry's people and titled names as the text gives them, until a pronoun
        # or a role needs them resolved (a third of documents never does)
        self._unresolved: (
            tuple[list[tuple[int, str]], list[tuple[int, bool]], list[tuple[int, str, str]]]
            | None
        ) = None
        self._found: list[tuple[str, str] | None] = []  # explicit cues, in span order
        # the quotation being read, and its words when first asked for
        self._quoting: tuple[int, int] = (0, 0)
        self._quoted_words: tuple[frozenset[str], frozenset[str]] | None = None

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
        for scan_from, scan_to in self._unquoted(limit):
            for m in finditer(text, scan_from, scan_to):
                found = _run_kind(m[0])
                if found is _NOT_A_NAME:  # (half the runs: the cheapest test first)
                    continue
                kind, name, key, titles = found
                at = m.start()
                if kind == _AFTER_DEPARTMENT:
                    # `Secretary of State John Kerry`: the department ends the title
                    if not text.startswith("of ", at - 3):
                        continue
                    kind = _FULL
                    at += m[0].index(" ") + 1
                if kind == _ORG_RUN:
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
                        not lower[1] or lower[1][:-1] not in _NOT_HOLDING
                    ):
                        rank = lower[1] if lower[1] and lower[1][:-1] in RANKS else ""
                        titles = _LOWER + rank + lower[2]
                if titles:
                    titled.append((at, name, titles))
                if kind == _FULL:
                    if at >= 3 and text[at - 2] == "." and text[at - 3].isupper() and (
                        at == 3 or not text[at - 4].isalnum()
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
                    if _key(name.split(" ", 1)[0]) in _PARTICLES:
                        # `De Vries said` opening a sentence: the `Marieke de Vries` named before
                        earlier = registry.get(_key(name.rsplit(" ", 1)[-1]), [])
                        if earlier and earlier[-1][1].casefold().endswith(" " + name.casefold()):
                            persons.append((at, earlier[-1][1]))
                            continue
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
                    if honorific:
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
            full = self._lookup(name, off, genders.get(key)) if key in registry else None
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
            return gender_of(name)
        told = self._told.get(name)
        if told is not None:
            return told
        return self._genders.get(_key(name.rsplit(" ", 1)[-1])) if self._genders else None

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
            paternal, inner = self._fallback_keys()
            cands = paternal.get(key) or (inner.get(key) if gender else None)
        if not cands:
            return None
        # (each list is in text order: the last one before ``pos``, or else the first)
        i = bisect_left(cands, pos, key=_offset)
        if gender:
            order = [*range(i - 1, -1, -1), *range(i, len(cands))]
            for j in order[:_NAMESAKES]:
                if gender_of(cands[j][1]) in (None, gender):
                    return cands[j][1]
        return cands[i - 1 if i else 0][1]

    def _fallback_keys(self) -> tuple[dict[str, list[tuple[int, str]]], ...]:
        """The long full names by the first of two family names, and by a word inside."""
        if self._fallbacks is None:
            paternal: dict[str, list[tuple[int, str]]] = {}
            inner: dict[str, list[tuple[int, str]]] = {}
            for at, name in self._long_names:
                first = _paternal_surname(name)
                if first:
                    paternal.setdefault(first, []).append((at, name))
                for word in _inner_names(name):
                    inner.setdefault(word, []).append((at, name))
            self._fallbacks = (paternal, inner)
        return self._fallbacks

    def _aged(self, age: int, pos: int) -> str | None:
        """The person the text gives ``age`` last before ``pos``, within a pronoun's
        reach, named within a few words of the age."""
        since = max(0, pos - _PRONOUN_REACH)  # (a bounded look-back: linear in the text)
        # after the name: "Kwame Asante, 24,", "Kwame Asante (24)", "Asante, who is 24",
        # "Ann Lee, a 24-year-old nurse", "Emma Hart, aged 31"; before it: "24-year-old
        # Kyle Finch" (not "the 24-year-old Arsenal forward": no person's name)
        forms = re.compile(
            rf"(?:, {age}[,) ]| \({age}\)|, who is {age}\b|, an? {age}-year-old\b"
            rf"|,? aged {age}\b)"
        )
        at = max((m.start() for m in forms.finditer(self.text, since, pos)), default=-1)
        before = re.compile(rf"\b{age}-year-old (?:[a-z]+ )?({_RUN})")
        for ahead in reversed(list(before.finditer(self.text, max(since, at), pos))):
            kind, name, _key_, _titles = _run_kind(ahead.group(1))
            if kind == _FULL:
                return name
        if at < 0:
            return None
        if self._persons is None:
            self._build_persons()
        assert self._persons is not None
        i = bisect_left(self._person_offsets, at)
        if i and at - self._persons[i - 1][0] <= 60:
            return self._persons[i - 1][1]
        return None

    def _namesake(self, name: str, pronoun: str, pos: int) -> str | None:
        """Another person of ``name``'s surname whom ``pronoun`` may stand for (Ilse
        Varga for "she" where the name resolved to Peter Varga)."""
        if " " not in name or not pronoun:
            return None
        other = self._lookup(name.rsplit(" ", 1)[-1], pos, MALE if pronoun == "he" else FEMALE)
        return other if other and other != name and self._may_be(other, pronoun) else None

    def _full_name(self, token: str, pos: int, gender: str | None = None) -> str | None:
        if self._registry is None:
            self._build_registry()
        return self._lookup(token, pos, gender)

    def _pronoun(self, pronoun: str, pos: int) -> tuple[str, str] | None:
        """The person (or body) ``pronoun`` stands for at ``pos``; the pronoun ``""`` is
        a person of either sex (which of several people called "the Republican" the
        narration is about): only one it made its subject, or who spoke, will do."""
        if pronoun in ("he", "she", ""):
            if self._persons is None:
                self._build_persons()
            assert self._persons is not None
            persons = self._persons
            i = bisect_left(self._person_offsets, pos) - 1
            # The one a pronoun stands for is the person the narration last made its
            # subject, or who spoke last: not the nearest name, which is as often an
            # object or a modifier ("Asked by Lee about Park's plan, he said").
            k = i
            looked = 0
            spoken_of = None  # (the first subject passed over as what the quote speaks of)
            while k >= 0 and pos - persons[k][0] <= _PRONOUN_REACH and looked < _SUBJECTS_LOOKED:
                off, name = persons[k]
                if off in self._spoken or self._is_subject(off):
                    if self._may_be(name, pronoun):
                        return name, PERSON
                    if (
                        spoken_of is None
                        and self._quoted_pair(name)
                        and self._may_be(name, pronoun, quoted=False)
                    ):
                        spoken_of = name
                    other = self._namesake(name, pronoun, off)
                    if other:
                        return other, PERSON
                looked += 1
                k -= 1
            if spoken_of is not None:
                # no other subject: the quotation names its own speaker in full ("...
                # but it's not Tom Becker," he says of himself)
                return spoken_of, PERSON
            if not pronoun:
                return None  # (either sex: no nearest name will do)
            # "she" is not the man named last: people whose given name says otherwise
            # are passed over (a few, within the pronoun's reach)
            while i >= 0 and pos - persons[i][0] <= _PRONOUN_REACH and not self._may_be(
                persons[i][1], pronoun
            ):
                i -= 1
            if i < 0 or pos - persons[i][0] > _PRONOUN_REACH:
                return None
            # the first person named in the nearest sentence that names one (a subject
            # more often than an object)
            nearest = persons[i][0]
            s0 = self._sentence_start(self._paragraph_of(nearest), nearest)
            j = i
            while j > 0 and persons[j - 1][0] >= s0:
                j -= 1
            while j < i and not self._may_be(persons[j][1], pronoun):
                j += 1
            return persons[j][1], PERSON
        if pronoun in ("it", "they"):
            return self._last_org(pos)
        return None

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
        # (a lower-case noun or two may head the subject: "Agency spokesman Tom Park";
        # an honorific's full stop ends no sentence: "that Mr. Park was")
        nouns = honorifics = 0
        while words and nouns < 3:
            if _is_plain_noun(words[-1]):
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
                last[-1] in _CLAUSE_OPENERS
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

    def _may_be(self, name: str, pronoun: str, *, quoted: bool = True) -> bool:
        """Whether ``pronoun`` may stand for the person ``name`` as the speaker of the
        quotation being read: not if the given name says otherwise, nor if the
        quotation itself speaks of that person by surname ("Cruz is our best debater,"
        he said: Becker is who is spoken of, not who speaks), unless ``quoted`` is False."""
        known = self._gender(name)
        if known is not None and pronoun and known != (MALE if pronoun == "he" else FEMALE):
            return False  # ("Ms. Lee" is not "he")
        if " " not in name or not quoted:
            return True
        surname = name.rsplit(" ", 1)[-1]
        if self.text.find(surname, *self._quoting) < 0:
            return True  # (most quotations: the surname is in none of their words)
        alone, pairs = self._quoted_names()
        return surname not in alone and name.split(" ", 1)[0] + " " + surname not in pairs

    def _quoted_pair(self, name: str) -> bool:
        """Whether the quotation being read has ``name`` as two adjacent words."""
        # (a pair's second word is in the text: where it is not, the words are not listed)
        if self.text.find(name.rsplit(" ", 1)[-1], *self._quoting) < 0:
            return False
        return name in self._quoted_names()[1]

    def _quoted_names(self) -> tuple[frozenset[str], frozenset[str]]:
        """The words of the quotation being read that may name a person it speaks of by
        surname alone (not "Okafor" of "the Okafor Foundation", nor the "Lund" of
        "Tove Lund": a capitalised word after it, or a given name before it, makes it
        part of another name), and its pairs of adjacent words ("Tom Becker"). (Listed
        only for a quotation that has the surname asked about: words are substrings of
        the quotation, so one str.find rules out the rest. On 3,000 articles that lists
        6 quotations' words instead of 2,682.)"""
        found = self._quoted_words
        if found is None:
            text = self.text
            alone: set[str] = set()
            pairs: set[str] = set()
            previous = ""
            for m in WORD_RE.finditer(text, *self._quoting):
                word = m[0]
                after = m.end()
                joined = text[m.start() - 1 : m.start()] == " " and previous[:1].isupper()
                if joined:
                    pairs.add(previous + " " + word)
                if not (
                    (text[after : after + 1] == " " and text[after + 1 : after + 2].isupper())
                    or (joined and is_given_name(previous))
                ):
                    alone.add(word)
                previous = word
            found = self._quoted_words = (frozenset(alone), frozenset(pairs))
        return found

    def _reading(self, span: QuoteSpan) -> None:
        """The quotation whose speaker is sought next (see :meth:`_may_be`)."""
        self._quoting = (span.start, span.end)
        self._quoted_words = None

    def _note_person(self, pos: int, name: str) -> None:
        """A speaker is a person mentioned there, even one named only once ("Biden")."""
        self._spoken.add(pos)
        if self._persons is None:
            self._noted.append((pos, name))  # (building the registry waits for a use)
            return
        i = bisect_left(self._person_offsets, pos)
        self._persons.insert(i, (pos, name))
        self._person_offsets.insert(i, pos)

    def _role_antecedent(self, title: str, pos: int, rank: str = "") -> tuple[str, str] | None:
        """The person given ``title`` before ``pos`` ("the senator", "the coach"); ``rank``
        the word before a role in lower case that makes it another ("deputy" mayor)."""
        if self._titled is None:
            if self._unresolved is None:
                self._build_registry()
            assert self._unresolved is not None
            self._titled = [
                (off, self._lookup(n, off) or n, t) for off, n, t in self._unresolved[2]
            ]
        # (the titled names within reach: the list is in text order)
        near = self._titled[
            bisect_left(self._titled, pos - _PRONOUN_REACH * 2, key=_offset):
            bisect_left(self._titled, pos, key=_offset)
        ]
        holders = {
            name for _off, name, titles in near
            if titles[:1] != _LOWER and _holds(titles.split(), title, rank)
        }  # (`Sen. Ann Lee … the senator said`: Lee; not `Deputy Mayor Tom Harris` for
        # "the mayor", nor `President Joe Biden` for "the vice president")
        # a role in lower case (`coach Moses Kiprono`, `deputy mayor Tom Harris`) only
        # where one person holds it (`Celtics coach Joe Mazzulla … Heat coach Erik
        # Spoelstra`: either)
        wanted = f"{_LOWER}{rank} {title}" if rank else _LOWER + title
        lower = {name for _off, name, titles in near if titles == wanted}
        if len(lower) == 1:
            holders |= lower
        if not holders:
            return None
        # the one the text named last, titled or not, in this paragraph or the one before
        # (`Sen. Tom Dunn … Sen. Ann Lee … Dunn defends his record: "…," the senator says`
        # is Dunn); one named further back is no longer who "the senator" is
        if self._persons is None:
            self._build_persons()
        assert self._persons is not None
        since = self.bounds[max(0, self._paragraph_of(pos) - 1)][0] if self.bounds else 0
        i = bisect_left(self._person_offsets, pos)
        for off, name in reversed(self._persons[:i]):
            if off < since:
                break
            if name in holders:
                return name, PERSON
        return None

    def _org_antecedent(self, kind: str, pos: int) -> tuple[str, str] | None:
        if self._registry is None:
            self._build_registry()
        kind = kind.replace("organisation", "organization")
        near = [o for o in self._orgs if o[0] < pos and pos - o[0] <= _PRONOUN_REACH]
        for _off, name, head in reversed(near):
            if head.replace("organisation", "organization") == kind:
                return name, ORG
        if kind in ("company", "firm"):
            # `Acmera Systems Inc. … the Department of Justice … the company said`: a
            # business's name, not the public body named since
            for _off, name, head in reversed(near):
                if head in _COMPANY_HEADS:
                    return name, ORG
            near = [o for o in near if o[2] not in _PUBLIC_HEADS]
        para = self._paragraph_of(pos)
        if near and para - self._paragraph_of(near[-1][0]) <= 1:
            return near[-1][1], ORG  # `Helix Biologics Inc. … the company said`
        return self._last_org(pos)

    def _last_org(self, pos: int) -> tuple[str, str] | None:
        """The organisation quoted last, if the last quote within two paragraphs was one."""
        para = self._paragraph_of(pos)
        for i in range(len(self._found) - 1, -1, -1):
            span = self.spans[i]
            if span.end >= pos:
                continue
            if para - span.paragraph > 2:
                break
            found = self._found[i]
            if found:
                return found if found[1] == ORG else None
        return None

