"""Who a pronoun, a role or a description refers back to, within one document: the
people and organisations named before a quotation (:mod:`tui.quotes.name_registry`),
for "he said", "the senator said", "the 24-year-old said" and "the company said"."""

from __future__ import annotations

import re
from bisect import bisect_left

from tui.nlp.given_names import FEMALE, MALE, is_given_name
from tui.nlp.lexicon import ORG, PERSON, RANKS, TITLE_HEADS, TITLE_REFERENCES
from tui.nlp.name_runs import WORD_RE
from tui.quotes.cues import _PRONOUN_REACH, _RUN, _SUBJECTS_LOOKED, _VERB_RE, _key, _offset
from tui.quotes.model import QuoteSpan
from tui.quotes.name_registry import _APPOSED, _LOWER, KIN_OF_A_PRONOUN_RE, NameRegistry
from tui.quotes.runs import _FULL, _run_kind

# The heads of a business's name, and of a public body's, for "the company said".
_COMPANY_HEADS = frozenset(
    """inc corp corporation co company ltd plc llc lp group holdings gmbh ag sa nv bv
    firm partners""".split()
)
# A business named after what it makes or does, in lower case: "battery maker Hanseong
# Energy Solutions", "retailer Kmart", "e-commerce giant Alibaba"; its name is what "the
# company" stands for, whatever word ends it.
_TRADES = (
    r"(?:[a-z]+-?)?(?:maker|makers|firm|company|operator|developer|retailer|carrier|"
    r"lender|insurer|manufacturer|producer|supplier|giant|chain|conglomerate|startup|"
    r"start-up|miner|brewer|airline|exporter|importer|distributor|contractor|builder)"
)
_BUSINESS_BEFORE_RE = re.compile(rf"\b{_TRADES}[ \t]+({_RUN})")
# ... or set beside its name after it: "Hanseong Energy Solutions, South Korea's third-
# largest battery maker, ..."
_BUSINESS_APPOSED_RE = re.compile(rf"({_RUN}),[ \t]+[^,.;\"“”\n]{{0,80}}?\b{_TRADES}[,.]")
_PUBLIC_HEADS = frozenset(
    """department ministry agency office commission court police committee council
    government senate house parliament congress army navy administration authority
    bureau service""".split()
)


# How far on a relative's sentence is read for a verb that reports them speaking.
_REPORT_REACH = 240
# Nouns for a kind of body under another name: British police forces are "the force".
_BODY_SYNONYMS = {"force": "police"}
# Kinds of body that "the <kind> said" finds only among the bodies of that kind: the
# body named last, of whatever kind, is no court.
_NAMED_BY_HEAD_ONLY = frozenset(("court", "tribunal", "bench", "police"))
_BENCH_OF_RE = re.compile(r"\b[Bb]ench of (?:the )?((?:[A-Z][\w.'’-]* )+(?:Court|Tribunal))\b")


# Each word a title is referred to by, with the titles it refers to, and itself ("boss":
# boss, manager, coach).
_REFERRED: dict[str, tuple[str, ...]] = {}
for _title, _references in TITLE_REFERENCES.items():
    for _reference in _references:
        _REFERRED.setdefault(_reference, (_reference,))
        _REFERRED[_reference] += (_title,)


def _holds(titles: list[str], title: str, rank: str) -> bool:
    """Whether ``titles`` (a name's title words, "deputy mayor") make its holder "the
    <rank> <title>": the title word or one that refers to it, after the same rank word
    or none ("vice president" is not "the president")."""
    for j, t in enumerate(titles):
        if title == t or title in TITLE_REFERENCES.get(t, ()):
            before = titles[j - 1] if j else ""
            if (before if before in RANKS else "") == rank or (
                not rank and t not in TITLE_HEADS
            ):
                # (a rank before a word that only qualifies the title is the title's:
                # `Deputy Foreign Minister Gennady Lukin` is "the diplomat")
                return True
    return False


class Antecedents(NameRegistry):
    """What a later mention refers to among the document's names: the part of
    :class:`tui.quotes.speakers.SpeakerResolver` between the registry of names and the
    cues."""

    def _start(self) -> None:
        super()._start()
        self._titled: list[tuple[int, str, str]] | None = None  # (offset, name, its titles)
        self._found: list[tuple[str, str] | None] = []  # explicit cues, in span order
        # the quotation being read, and its words when first asked for
        self._quoting: tuple[int, int] = (0, 0)
        self._quoted_words: tuple[frozenset[str], frozenset[str]] | None = None

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

    def _pronoun(self, pronoun: str, pos: int) -> tuple[str, str] | None:
        """The person (or body) ``pronoun`` stands for at ``pos``; the pronoun ``""`` is
        a person of either sex (which of several people called "the Republican" the
        narration is about): only one it made its subject, or who spoke, will do."""
        if pronoun in ("he", "she", ""):
            described = self._narrated_description(pronoun, pos) if pronoun else None
            if described is not None:
                return described
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
                        if off not in self._spoken and KIN_OF_A_PRONOUN_RE.search(
                            self.text, max(0, off - 32), off
                        ) and not self._reported_after(off):
                            # `Her mother, Bernadette Costigan, still teaches piano. "…,"
                            # she says`: a relative of the one the story is about, who
                            # goes on talking (where she spoke before)
                            spoke = self._spoke_before(k, name, pronoun, pos)
                            if spoke is not None:
                                return spoke, PERSON
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

    def _reported_after(self, off: int) -> bool:
        """Whether the sentence of the name at ``off`` reports it saying something (`Her
        mother, Ann Lee, said she was proud`): then "she" may well go on with it."""
        return _VERB_RE.search(self.text, off, self._sentence_end(off, _REPORT_REACH)) is not None

    def _spoke_before(self, k: int, other: str, pronoun: str, pos: int) -> str | None:
        """The nearest speaker before the ``k``-th person noted, within a pronoun's reach
        of ``pos``, whom ``pronoun`` may stand for and who is not ``other``."""
        for off, name in self._noted_before(k):
            if pos - off > _PRONOUN_REACH:
                return None
            if off in self._spoken and name != other and self._may_be(name, pronoun):
                return name
        return None

    def _narrated_description(self, pronoun: str, pos: int) -> tuple[str, str] | None:
        """The person a description made the subject of the narration just before the
        quotation being read, whom ``pronoun`` at ``pos`` stands for (see
        :class:`tui.quotes.cue_readers.CueReader`, which reads cues): none here."""
        return None

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
        # (or one the role is called: `Sevilla coach Joaquín Carrasco` is "the boss")
        wanted = {f"{rank} {role}" if rank else role for role in _REFERRED.get(title, (title,))}
        lower = {name for _off, name, titles in near
                 if titles.startswith(_LOWER) and titles[len(_LOWER) :] in wanted}
        # (the same role, set beside the name)
        apposed = {name for _off, name, titles in near
                   if titles.startswith(_APPOSED) and titles[len(_APPOSED) :] in wanted}
        lower |= apposed
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
        for off, name in self._noted_before(i):
            if off < since:
                break
            if name in holders:
                return name, PERSON
        if len(apposed) == 1 and holders == apposed and self.bounds:
            # named a paragraph further back, but the only one the text gives that role,
            # in words (`The Governor of Jigawa, Alhaji Usman Kabiru, has warned …` … two
            # paragraphs on … `the governor said`; not a title before a name, which a list or
            # a photo caption gives as often: "President Peña Nieto and Donald Trump";
            # not further: a match report names the other side's coach by then)
            (name,) = holders
            since = self.bounds[max(0, self._paragraph_of(pos) - 2)][0]
            if any(off >= since and n == name for off, n, _t in near):
                return name, PERSON
        return None

    def _org_antecedent(self, kind: str, pos: int) -> tuple[str, str] | None:
        if self._registry is None:
            self._build_registry()
        kind = kind.replace("organisation", "organization")
        kind = _BODY_SYNONYMS.get(kind, kind)  # ("the force said": the police named)
        near = [o for o in self._orgs if o[0] < pos and pos - o[0] <= _PRONOUN_REACH]
        for _off, name, head in reversed(near):
            if head.replace("organisation", "organization") == kind and (
                # (a court named, not a headline's "Court frees activist")
                kind not in _NAMED_BY_HEAD_ONLY or " " in name
            ):
                return name, ORG
        if kind in _NAMED_BY_HEAD_ONLY:
            if kind == "bench":
                # a court's judges, sitting: the court whose bench the text named (`A
                # bench of the Supreme Court … set aside an order of the High Court`),
                # else the court named last
                of = _BENCH_OF_RE.findall(self.text, max(0, pos - _PRONOUN_REACH), pos)
                return (of[-1], ORG) if of else self._org_antecedent("court", pos)
            return None  # (`the court said`: a court named before, never another body)
        if kind in ("company", "firm"):
            # `Acmera Systems Inc. … the Department of Justice … the company said`: a
            # business's name, not the public body named since
            for _off, name, head in reversed(near):
                if head in _COMPANY_HEADS:
                    return name, ORG
            near = [o for o in near if o[2] not in _PUBLIC_HEADS]
            # (in this paragraph or the one before, as the names of bodies are)
            start = self.bounds[max(0, self._paragraph_of(pos) - 1)][0] if self.bounds else 0
            # (the business named last, by either shape)
            named = max(
                (m for pattern in (_BUSINESS_BEFORE_RE, _BUSINESS_APPOSED_RE)
                 for m in pattern.finditer(self.text, start, pos)
                 if m.group(1).split(" ", 1)[0].casefold() not in ("the", "a", "an")),
                key=lambda m: m.start(1), default=None,
            )
            if named is not None:
                # (`battery maker Hanseong … the company`, before a union or a council
                # named since, which is no company; its name ends before a title:
                # `chipmaker Daeil Chief Executive Park Ji-won`)
                words = named.group(1).split()
                owner = next((i for i, w in enumerate(words) if w.endswith(("'s", "’s"))), -1)
                if owner >= 0:  # (`energy company Pertamina's Balongan refinery`)
                    words = [*words[:owner], words[owner][:-2]]
                cut = next((i for i, w in enumerate(words) if _key(w) in TITLE_HEADS), None)
                if cut != 0:
                    return " ".join(words[:cut]), ORG
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
