"""The explicit cues that credit a quotation: a reporting verb after it (`"…," Kim said`)
or before it (`Kim said: "…"`), a dash or a signed line after it, and a colon
introduction closing the sentence or the paragraph before it. Who the cue's words name
is read by :mod:`tui.quotes.subjects`.
"""


from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from tui.nlp.given_names import FEMALE, MALE
from tui.nlp.lexicon import DEMONYMS, FUNCTION_WORDS, ORG, PERSON, PERSON_ROLES, PREPOSITIONS
from tui.quotes.cues import (
    _ACCORDING_ANY_RE,
    _ACCORDING_RE,
    _ANOTHER_SUBJECT_RE,
    _BARE_CUE_RE,
    _CONJUNCTIONS,
    _CUE_AFTER_MARK_RE,
    _DASH_LINE_RE,
    _DASH_NAME_RE,
    _DEPENDENT_RE,
    _HANDING_CUE_RE,
    _LEADING_CONJUNCTION_RE,
    _NOT_BEFORE_SUBJECT,
    _NP_REACH,
    _PRONOUNS,
    _ROLE_THEN_NAME_RE,
    _ROUND_UP_RE,
    _RUN,
    _RUN_END_RE,
    _RUN_RE,
    _SAID_SENTENCE_RE,
    _SUBORDINATE_RE,
    _VERB_FIRST_RE,
    _VERB_RE,
    _is_plain_noun,
    _key,
    _placed_role,
)
from tui.quotes.descriptions import DESCRIBED
from tui.quotes.model import QuoteSpan
from tui.quotes.runs import _strip_tail
from tui.quotes.subjects import SubjectReader

# Words that open a sentence whose subject is not its first words ("From Kim's post:").
_NOT_SUBJECT_OPENERS = _NOT_BEFORE_SUBJECT | _CONJUNCTIONS
# Words after which a name is an object, less those that name a source ("from Lund").
_OBJECT_BEFORE = _NOT_BEFORE_SUBJECT - frozenset(("from", "by", "of", "via", "per"))

# How a quotation credited after a dash ends, and the small words a title leaves in
# lower case (see CueReader._dash_credit).
_CREDITED_ENDS = frozenset(".,!?…")
_TITLE_SMALL_WORDS = frozenset("a an the and or but of in on at to for by with from".split())


# Honorifics a transcript's label may give before the name.
_LABEL_HONORIFICS = frozenset("mr mrs ms dr prof sen rep gov".split())
# A time stamp before a transcript's label (`[00:01:14] Priya:`).
_TIME_STAMP_RE = re.compile(r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+")
# A word in lower case after a space, as a verb goes on from its subject.
_BEFORE_LOWER_WORD_RE = re.compile(r"[ \t\xa0]+[a-z]")
# "him" in a description's sentence: another man, whom a later "he" may be.
_HIM_RE = re.compile(r"\bhim\b")
# A pronoun of the other sex right after a description's verb: the description's sex.
_OTHER_SEX_RE = {
    "he": re.compile(r"\b(?:said|says|told [a-z]+|added) she\b"),
    "she": re.compile(r"\b(?:said|says|told [a-z]+|added) he\b"),
}

# "quoted", whom, then "as" before a reporting verb: `Interfax quoted Ann Lee as saying`.
# (Not the passive, `Hwang, 96, was quoted by the association as saying`: the subject.)
_QUOTED_AS_RE = re.compile(r"\bquot(?:ed|es|ing)[ \t]+(?!by\b)([^\n\"“”]{1,120}?)[ \t]+as$")
# Sentences opening with the pronoun that a description's sentence may stand before
# (see _narrated_description).
_PRONOUN_SENTENCES = 2
_OPENING_PRONOUN = {"he": ("He ", "he "), "she": ("She ", "she ")}
# Whose words a quotation is, said just before it: `in Ann Lee's words,`, `in the words
# of one analyst,`, `in his own words:`.
_IN_WORDS_RE = re.compile(
    rf"\b[Ii]n[ \t]+(?:(?:(?P<owner>{_RUN})['’]s|(?P<pronoun>his|her))(?:[ \t]+own)?[ \t]+"
    rf"words|the[ \t]+words[ \t]+of[ \t]+(?P<of>[^,:;\"“”\n]{{1,60}}?))[ \t]*[,:]?[ \t]*$"
)
# A pronoun alone after "according to", where the name would be (not "her lawyer").
_ACCORDING_PRONOUN_RE = re.compile(r"(him|her)\b(?=[ \t]*[,.;:—–])", re.IGNORECASE)


class CueReader(SubjectReader):
    """The cue of each quotation in its own sentence, or the one before: the part of
    :class:`tui.quotes.speakers.SpeakerResolver` that reads the words around a
    quotation."""

    # (made in SpeakerResolver._start, with the rest of one document's state)
    _before: tuple[int, str]
    _verb_memo: tuple[str, list[re.Match[str]]]

    def _start(self) -> None:
        super()._start()
        # the quotation opening its sentence whose cue after it is being read
        self._opening: QuoteSpan | None = None
        # a transcript's speakers named in full by their labels, by surname
        self._turn_names: dict[str, str] = {}
        # whom initials in a label stand for, once looked up (a transcript repeats its
        # labels: each looked for once among the people named, not at every turn)
        self._initials: dict[tuple[str, str], str | None] = {}
        # who answers an interview's questions ("": no one), once looked up
        self._answering: str | None = None

    def _explicit(self, span: QuoteSpan) -> tuple[str, str] | None:
        self._reading(span)
        if span.close_mark < 0 and self.text[span.open_mark] in ":QA":
            return self._turn_speaker(span)
        text = self.text
        pstart, pend = self.bounds[span.paragraph]
        open_at = span.open_mark
        pre_from = self._sentence_start(span.paragraph, open_at)
        pre = self._masked(pre_from, open_at)
        self._before = (open_at, pre)
        opens_sentence = not pre.strip(" \t\n—–-:•…,")
        # (the words after the quotation are cut out only when their turn comes: a
        # sentence that names its speaker before the quotation never needs them)
        if not opens_sentence:
            if _DEPENDENT_RE.match(pre, pre.rfind(",") + 1) and not _BARE_CUE_RE.match(
                self._after(span)
            ):
                # `While Lee insists the deal is "dead," aides said …`: the quotation is
                # in a clause a conjunction opens; the cue after it is the main clause's
                # (unless it only says who wrote the whole sentence: `…," Mook wrote.`)
                return self._pre_cue(pre, pre_from)
            if self._cue_depends(self._verbs(pre), pre):
                # `When Lee offered grants, "…," Hill said`: the verb before is another
                # clause's; the cue after the quotation is the sentence's own
                found = self._post_cue(self._after(span), span.close_mark + 1)
                if found:
                    return found
            return (
                self._pre_cue(pre, pre_from)
                or self._post_cue(self._after(span), span.close_mark + 1)
                or self._colon_subject(pre, pre_from)
                or self._opening_cue(pre, pre_from)
            )
        self._opening = span  # (for a pronoun after it: see _narrated_description)
        try:
            found = (
                self._dash_credit(span)
                or self._post_cue(self._after(span), span.close_mark + 1)
                or self._pre_cue(pre, pre_from)
            )
        finally:
            self._opening = None
        if found:
            return found
        if pre_from > pstart:
            # `She said smaller firms would feel it first. "A large …"`: the sentence
            # before, in the same paragraph, names who is talking
            s0 = self._sentence_start(span.paragraph, pre_from - 1)
            said = self._said_before(span, s0, pre_from)
            if said is not None:
                return said
            before = self._masked(s0, pre_from)
            return self._pre_cue(before, s0) or self._opening_cue(before, s0)
        if open_at == pstart and span.paragraph > 0:
            # a colon introduction closing the previous paragraph
            ppstart, ppend = self.bounds[span.paragraph - 1]
            if text[ppstart:ppend].rstrip().endswith(":"):
                s0 = self._sentence_start(span.paragraph - 1, ppend - 1)
                intro = self._masked(s0, ppend)
                return (self._pre_cue(intro, s0) or self._colon_subject(intro, s0)
                        or self._opening_cue(intro, s0))
        return self._dash_line(span, pend)

    def _turn_speaker(self, span: QuoteSpan) -> tuple[str, str] | None:
        """Who speaks a transcript's turn (see tui.quotes.marks): the name its label gives
        (in capitals: in the case names are written in); one word alone is the person a
        label or the text named in full before (`FELIX WARD:` … `WARD:`, `Priya
        Natarajan:` … `Priya:`), or whose initials it is (`TM:`), else a body (`AFP:`).
        An answer (`A:`) is the interviewee's."""
        text = self.text
        at = span.open_mark
        if text[at] == "A":
            return self._interviewee(at)
        label = text[text.rfind("\n", 0, at) + 1 : at]
        stamp = _TIME_STAMP_RE.match(label)
        if stamp:
            label = label[stamp.end() :]
        label = label.split(",", 1)[0]  # (`ANNA BERG, HOST:`: the name, not the role)
        words = [w.title() if w.isupper() and len(w) > 1 else w
                 for w in label.split() if _key(w) not in _LABEL_HONORIFICS]
        if not words:
            return None
        name = " ".join(words)
        if len(words) == 2 and len(words[0].rstrip(".")) == 1:
            # `J THIBODEAU:`, `C. BRYCE:`: the one of that surname and initial named before
            full = self._initialled(words[0][0] + words[1][0], at, surname=words[1])
            if full is not None:
                return full, PERSON
        if len(words) > 1:
            self._turn_names[_key(words[-1])] = name
            self._turn_names.setdefault(_key(words[0]), name)
            found = self._from_run(name, at - len(label), the=False)
            return (name, ORG) if found is not None and found[1] == ORG else (name, PERSON)
        full = self._turn_names.get(_key(name)) or self._full_name(name, at)
        if full is None and label.strip().isupper() and len(name) <= 5:
            # (`TM:`: a person whose initials they are; `AFP:`, `CCTV:`: a body)
            full = self._initialled(label.strip(), at)
            if full is None:
                return label.strip(), ORG
        return (full or name), PERSON

    def _initialled(self, initials: str, pos: int, surname: str = "") -> str | None:
        """The one person named in full before ``pos`` (before the label's first turn)
        whose initials are ``initials``, and whose surname is ``surname`` if given."""
        key = (initials, surname)
        if key not in self._initials:
            if self._persons is None:
                self._build_persons()
            assert self._persons is not None
            found = {
                name for off, name in self._persons[: bisect_left(self._person_offsets, pos)]
                if " " in name and "".join(w[0] for w in name.split()) == initials
                and (not surname or name.endswith(" " + surname))
            }
            self._initials[key] = found.pop() if len(found) == 1 else None
        return self._initials[key]

    def _interviewee(self, pos: int) -> tuple[str, str] | None:
        """Who answers an interview's questions: of the people named in full before the
        first answer (`In an interview, CEO Rajiv Mehrotra spoke about …`), the one named
        there most often; none where no one is."""
        if self._answering is None:
            if self._persons is None:
                self._build_persons()
            assert self._persons is not None
            # (counted before the answers, which name whom they speak of: the first named
            # of those named most)
            counts = Counter(name for _off, name in self._persons[
                : bisect_left(self._person_offsets, pos)] if " " in name)
            self._answering = max(counts, key=counts.__getitem__, default="")
        return (self._answering, PERSON) if self._answering else None

    def _narrated_description(self, pronoun: str, pos: int) -> tuple[str, str] | None:
        """Who "he" or "she" after a quotation that opens its sentence stands for, where
        the sentence before it (or the previous paragraph's last) reports a person the
        text describes rather than names: `A spokesman for the ministry said the talks
        would go on. "We are hopeful," he said.` The pronoun goes on with the subject
        of the last main clause, not back to the last name (the minister the
        spokesman speaks for). Not where the description's noun says the other sex."""
        span = self._opening
        if span is None or pos <= span.close_mark:
            return None
        pstart = self.bounds[span.paragraph][0]
        end = self._sentence_start(span.paragraph, span.open_mark)
        if end > pstart:
            s0 = self._sentence_start(span.paragraph, end - 1)
        elif span.paragraph and span.open_mark == pstart:
            paragraph = span.paragraph - 1
            p0, end = self.bounds[paragraph]
            if end <= p0:
                return None
            s0 = self._sentence_start(paragraph, end - 1)
        else:
            return None
        sentence = self._masked(s0, end)
        p0 = self.bounds[self._paragraph_of(s0)][0]
        for _ in range(_PRONOUN_SENTENCES):
            if s0 <= p0 or not sentence.lstrip().startswith(_OPENING_PRONOUN[pronoun]):
                break
            # `The first witness, a woman …, testified … She cannot be identified …` /
            # `"…," she told the jury`: a sentence the pronoun opens goes on with the
            # subject before it
            end = s0
            s0 = self._sentence_start(self._paragraph_of(s0), end - 1)
            sentence = self._masked(s0, end)
        if not _VERB_RE.search(sentence):
            return None
        found = self._pre_cue(sentence, s0)
        if found is None or found[1] != DESCRIBED:
            return None
        # The description opens the sentence, or follows an opening phrase ("At the
        # landing site, a rider who …"): not a clause's further in (`— an approach
        # critics say risks …`).
        lead = sentence[: max(0, sentence.find(found[0]))]
        if lead.strip() and (
            not lead.rstrip().endswith(",") or _VERB_RE.search(lead)
            or any(mark in lead for mark in "—–;:()")
        ):
            return None
        described = self.descriptions[found[0]]
        gender = described.gender
        if not described.person or described.plural or gender is not None and gender != (
            MALE if pronoun == "he" else FEMALE
        ):
            return None
        if self._named_since(s0 + len(lead) + len(found[0]), end, pronoun):
            return None  # (`A spokesperson said Mr Patel had been released. "…," he said`)
        if gender is None and (
            self._named_since(self.bounds[self._paragraph_of(s0)][0], s0, pronoun, True)
            # (`A doctor who treated him said …`: someone else is "he")
            or pronoun == "he" and _HIM_RE.search(sentence)
            # (`A witness told police she saw …`: the description is the other sex)
            or _OTHER_SEX_RE[pronoun].search(sentence)
        ):
            return None
        return found

    def _named_since(
        self, start: int, end: int, pronoun: str, subject: bool = False
    ) -> bool:
        """Whether a person ``pronoun`` may stand for is named between ``start`` and
        ``end`` (the one a description reports on; with ``subject``, as a clause's
        subject: the paragraph's own)."""
        if self._persons is None:
            self._build_persons()
        assert self._persons is not None
        i = bisect_left(self._person_offsets, start)
        persons = self._persons
        while i < len(persons) and persons[i][0] < end:
            if self._may_be(persons[i][1], pronoun, quoted=False) and (
                not subject or self._is_subject(persons[i][0])
            ):
                return True
            i += 1
        return False

    @staticmethod
    def _cue_depends(verbs: list[re.Match[str]], pre: str) -> bool:
        """Whether the last reporting verb of ``pre`` (the words before a quotation) is in
        a clause a conjunction opens, and that clause ends before the quotation (`When
        Lee offered grants, "…," Hill said`): not `If Lee says "yes," …` (the quotation
        is that clause's), nor `As Hill said last week, "…"` (which cites Hill)."""
        last = verbs[-1] if verbs else None
        if last is None or "," not in pre[last.end() :]:
            return False
        return _DEPENDENT_RE.match(pre, pre.rfind(",", 0, last.start()) + 1) is not None

    def _said_before(self, span: QuoteSpan, s0: int, end: int) -> tuple[str, str] | None:
        """The speaker of the quotation in the sentence before (``s0`` to ``end``), where
        that sentence holds one and no one else speaks in it: `"A," said Ann Lee, an aide
        who said she would go. "B."` goes on with Lee's words. Its own cue, not a verb of
        a relative clause after it (`who said she`) nor a name that clause holds, says
        who speaks; a second speaker (`Hill said, but Lee said she disagreed`, `Hill
        said, and Lee agreed`) leaves the sentence to be read as any other."""
        found = self._found
        spans = self.spans
        i = len(found)  # (this quotation's place: its own is found next)
        if i == 0 or spans[i - 1] is span or i >= len(spans) or spans[i] is not span:
            return None
        before = spans[i - 1]
        if before.paragraph != span.paragraph or before.open_mark < s0:
            return None
        # (two speakers quoted in that sentence: read it as any other; the quotations
        # are in text order, so only those back to the sentence's start are looked at)
        k = i - 2
        while k >= 0 and spans[k].open_mark >= s0:
            if found[k] != found[i - 1]:
                return None
            k -= 1
        sentence = self._masked(s0, end)
        verbs = 0
        for v in _VERB_RE.finditer(sentence):
            clause = sentence[max(sentence.rfind(",", 0, v.start()) + 1, v.start() - 80) :
                              v.start()]
            if not _SUBORDINATE_RE.search(clause):
                verbs += 1
        if verbs > 1 or _ANOTHER_SUBJECT_RE.search(sentence):
            return None
        return found[i - 1]

    def _dash_line(self, span: QuoteSpan, pend: int) -> tuple[str, str] | None:
        """A paragraph that is one quotation, signed on the line under it: "- Name."."""
        text = self.text
        if span.close_mark < 0 or span.paragraph + 1 >= len(self.bounds):
            return None
        if text[span.close_mark + 1 : pend].strip(" \t.,\"”’'"):
            return None  # (more than the quotation in its paragraph)
        nstart, nend = self.bounds[span.paragraph + 1]
        # (from the line's start: a paragraph's bounds leave out a list's dash)
        m = _DASH_LINE_RE.fullmatch(text, text.rfind("\n", 0, nstart) + 1, nend)
        if m is None:
            return None
        return self._named_after(m.group("name"), m.start("name"))  # (a signature: a name)

    def _after(self, span: QuoteSpan) -> str:
        """The rest of the sentence after the quotation's closing mark, if any."""
        if span.close_mark < 0:
            return ""
        text = self.text
        end_para = self._paragraph_of(span.close_mark)
        post_end = min(self.bounds[end_para][1], span.close_mark + 300)
        nxt = self._next_open(span.close_mark + 1, post_end)
        post = self._cut_sentence(text[span.close_mark + 1 : nxt])
        inner_end = text[span.start : span.end].rstrip()[-1:]
        if (
            inner_end in (".", "!", "?", "…")
            and post.lstrip()[:1].isupper()
            and not _SAID_SENTENCE_RE.match(post)
            # (`"Who are they?" Kim asked of the firm`: a question or an exclamation
            # runs on into its cue, capitalised or not)
            and not (inner_end in "?!" and _CUE_AFTER_MARK_RE.match(post))
        ):
            return ""  # the quote ended its sentence: what follows is a new one
        return post

    def _dash_credit(self, span: QuoteSpan) -> tuple[str, str] | None:
        """The person credited after a dash, as live pages, round-ups and pull quotes
        do, for a quotation that opens its sentence: `"This is a historic night," –
        Ann Lee, speaking in Holborn`. Not a title credited to its author (`"Shake It
        Off" — Taylor Swift`): the quotation must end in a stop or a comma, or be a
        sentence of four words or more that is not in title case; and the name must
        end its line or be followed by a comma and lower-case words, or brackets."""
        if span.close_mark < 0:
            return None
        text = self.text
        post = text[span.close_mark + 1 : span.close_mark + 120]
        m = _DASH_NAME_RE.match(post)
        if m is None:
            return None
        inner = text[span.start : span.end].rstrip()
        words = inner.split()
        if not (
            inner[-1:] in _CREDITED_ENDS
            or (len(words) >= 4 and not all(w[:1].isupper() or w in _TITLE_SMALL_WORDS
                                            for w in words))
        ):
            return None
        found = self._from_run(m.group(1), span.close_mark + 1 + m.start(1), the=False)
        return found if found and found[1] == PERSON else None

    def _post_cue(self, post: str, base: int) -> tuple[str, str] | None:
        if not post:
            return None
        m = _ACCORDING_RE.match(post)
        if m:
            return self._according_to(post[m.end() :], base + m.end(), m.group(1) or "")
        v = _VERB_RE.search(post)
        if v is None:
            return None
        left = post[: v.start()]
        if not left.strip(" \t,.;:—–-!?"):
            # inverted: `"…," said X`
            return self._name_after(post[v.end() :], base + v.end())
        if len(left) > 200:
            return None
        quoted = self._quoted_as(left, base)
        if quoted is not None:
            return quoted
        return self._subject_before(left.lstrip(" \t,.;:—–-!?"), base + v.start())

    def _pre_cue(self, pre: str, base: int) -> tuple[str, str] | None:
        if not pre.strip():
            return None
        head = pre.rstrip(" \t…")
        if head.endswith(":") and not _VERB_RE.search(head[-80:]):
            # `Kono: "We protest"` (a colon introduction with no verb)
            rounded = _ROUND_UP_RE.fullmatch(head, max(0, head.rfind("\n") + 1))
            if rounded:
                # `Ann Lee, Daily Planet: "…"`: a round-up's speaker, then their outlet
                found = self._from_run(rounded.group(1), base + rounded.start(1), the=False)
                if found and found[1] == PERSON and " " in found[0]:  # (a full name)
                    return found
            found = self._subject_before(head[:-1], base + len(head) - 1)
            # (a full name: "Update:" and "Note:" are not; nor is an object, `a message
            # to Lund:`, which _colon_subject leaves to the sentence's subject)
            if found and " " in found[0] and not self._object_before(head[:-1]):
                return found
        coordinated = False
        for v in reversed(self._verbs(pre)):
            left = pre[: v.start()].rstrip()
            quoted = self._quoted_as(left, base)
            if quoted is not None:
                return quoted
            if _strip_tail(left).endswith((" and", ",and")):
                coordinated = True
                continue  # `Lund said he … and (later) added, "…"`: the earlier verb's subject
            if left.endswith(",") and v.group().endswith("ing"):
                # `Nefzi said, adding, "…"`: the subject of the reporting verb just
                # before; else `Sanders stepped up …, saying, "…"`: the participle's
                # subject is the sentence's, not the noun before its comma
                said = _VERB_RE.search(left, max(0, len(left) - 40))
                if said and not said.group().endswith("ing"):
                    found = self._subject_before(left[: said.start()], base + said.start())
                    if found:
                        return found
                found = self._sentence_subject(pre, base)
                if found:
                    return found
            elif v.group().endswith("ing") and self._object_before(left):
                # `Vance answered the question on Instagram writing, "…"`: the object
                # before the participle is not its subject
                found = self._sentence_subject(pre, base)
                if found and found[1] == PERSON:
                    return found
            found = self._subject_before(pre[: v.start()], base + v.start())
            if found:
                return found
        if coordinated:
            # `Ms. Sherwin smiled and said, "…"`: no reporting verb before the `and`; the
            # sentence's subject did both
            found = self._sentence_subject(pre, base)
            if found and found[1] == PERSON:
                return found
        m = _ACCORDING_ANY_RE.search(pre) if "ccording" in pre else None
        if m:
            return self._according_to(pre[m.end() :], base + m.end(), m.group(1) or "")
        m = _IN_WORDS_RE.search(pre, max(0, len(pre) - 90)) if " words" in pre else None
        if m:
            # `Sales were, in Adeyemi-Strand's words, "fine, not great."`, `in the words
            # of one analyst`, `in his words`
            if m.group("pronoun"):
                return self._pronoun(
                    "he" if m.group("pronoun").casefold() == "his" else "she", base + m.start()
                )
            if m.group("owner"):
                return self._from_run(m.group("owner"), base + m.start("owner"), the=False)
            return self._subject_before(m.group("of"), base + m.end("of"))
        if _HANDING_CUE_RE.search(pre, max(0, len(pre) - 120)):
            return self._sentence_subject(pre, base)
        m = _VERB_FIRST_RE.match(pre)
        if m:
            return self._name_after(pre[m.end() :], base + m.end())
        return None

    def _quoted_as(self, left: str, base: int) -> tuple[str, str] | None:
        """Whom an agency or a paper quoted, where ``left`` (the words before "saying")
        ends `quoted <them> as`: `The agency Kabar quoted security chief Taalaibek
        Dzhumabaev as saying`. None where it does not end so."""
        left = left.rstrip()
        m = _QUOTED_AS_RE.search(left, max(0, len(left) - 160)) if left.endswith("as") else None
        if m is None:
            return None
        return self._subject_before(m.group(1), base + m.end(1))

    def _according_to(self, after: str, pos: int, article: str) -> tuple[str, str] | None:
        """Who "according to" names: the name after it, or the one a pronoun stands for
        (`According to him, Moscow has received "certain signals"`)."""
        pronoun = _ACCORDING_PRONOUN_RE.match(after)
        if pronoun is not None:
            return self._pronoun("he" if pronoun.group(1).casefold() == "him" else "she", pos)
        return self._name_after(after, pos, article, True)

    def _verbs(self, pre: str) -> list[re.Match[str]]:
        """The reporting verbs of ``pre``, in text order. (The words before a quotation
        are asked for them by up to four rules in turn, and the last string asked is kept:
        one scan of it, not four.)"""
        memo, verbs = self._verb_memo
        if pre is not memo:
            verbs = list(_VERB_RE.finditer(pre))
            self._verb_memo = (pre, verbs)
        return verbs

    def _colon_subject(self, pre: str, base: int) -> tuple[str, str] | None:
        """The subject of a sentence that introduces a quotation with a colon and no
        reporting verb, where nothing else names the speaker: `Moreau resisted: "…"`,
        `Holm, R-Ore., delivered a blunt message to Lund: "…"`, `She was blunt: "…"`. A
        sentence that opens with a preposition or a conjunction ("From Kim's post:",
        "But Kim was less sure:") is left alone: its subject is not its first words, or
        a cue after the quotation is surer."""
        head = pre.rstrip(" \t…")
        if not head.endswith(":") or _VERB_RE.search(head[-80:]):
            return None
        first = head.lstrip()[:12].split(None, 1)[:1]
        if not first or _key(first[0]) in _NOT_SUBJECT_OPENERS:
            return None
        found = self._sentence_subject(head[:-1], base)
        return found if found and found[1] == PERSON else None

    @staticmethod
    def _object_before(head: str) -> bool:
        """Whether the run of capitals ``head`` ends with follows a preposition or a verb
        that takes it as an object ("a message to Lund", "thanked Lund"), not as the
        words' source ("More from Lund:", "A statement by Lund:")."""
        before = head.rstrip()
        run = _RUN_END_RE.search(before[-_NP_REACH:])
        if run is None:
            return False
        word = before[: len(before) - len(run.group(1))].rsplit(None, 1)[-1:]
        return bool(word) and word[0].casefold() in _OBJECT_BEFORE

    def _opening_cue(self, pre: str, base: int) -> tuple[str, str] | None:
        """The subject a sentence opens with, as the speaker of the quotation it leads
        to with no cue :meth:`_pre_cue` reads, where the sentence still introduces it:
        with a colon (`She then turned to the crowd: "…"`) or a reporting verb after
        "and" (`He then put on an accent and joked, "…"`). Asked last: a cue after the
        quotation says more."""
        if not pre.rstrip(" \t…").endswith(":") and not any(
            _strip_tail(pre[: v.start()]).endswith((" and", ",and"))
            for v in self._verbs(pre)
        ):
            return None
        return self._sentence_subject(pre, base)

    def _sentence_subject(self, sentence: str, base: int) -> tuple[str, str] | None:
        """Who a sentence is about when it opens with them, or with them after a short
        opening phrase ("On Friday, he …"): a pronoun or a name."""
        s = sentence.lstrip()
        at = base + len(sentence) - len(s)
        first_word = s.split(None, 1)[0].casefold() if s.strip() else ""
        comma = s.find(", ", 0, 60)
        words = s[: max(comma, 0)].split()
        if (
            comma > 0
            and first_word not in _PRONOUNS
            and (
                first_word in FUNCTION_WORDS
                or first_word.endswith("ing")
                or s.startswith(("he ", "she "), comma + 2)
                # (or a short phrase that is plainly not a name: "Hours later,", "Here in
                # Tromsø,")
                or (2 <= len(words) <= 5 and words[1][:1].islower()
                    and not _VERB_RE.search(s, 0, comma))
            )
        ):
            # an opening phrase ("On Friday,", "In the wake of the attack,", "Smiling
            # broadly, Kim", "Speaking at the rally, he") before it
            found = self._opening_subject(s[comma + 2 :], at + comma + 2, placed=True)
            if found:
                return found
        found = self._opening_subject(s, at)
        if found is None and first_word not in _PRONOUNS:
            # a longer opening clause or phrase before "he" (`And although he thanked
            # them, he sounded a rare note`): the last "he" or "she" after a comma
            comma = max(s.rfind(", he "), s.rfind(", she "))
            if comma > 0:
                return self._opening_subject(s[comma + 2 :], at + comma + 2)
        return found

    def _opening_subject(self, s: str, at: int, placed: bool = False) -> tuple[str, str] | None:
        """The name or pronoun ``s`` opens with, as its sentence's subject. ``placed``:
        ``s`` follows an opening phrase and its comma, where a capital marks a name."""
        m = _LEADING_CONJUNCTION_RE.match(s)
        if m:
            # `And then Becker went on the attack, saying, "…"`
            s, at = s[m.end() :], at + m.end()
        first = s[:4].split(None, 1)[0].casefold() if s[:4].strip() else ""
        if first in ("he", "she") and s[len(first) : len(first) + 1] in (" ", "\t", "\xa0"):
            return self._pronoun(first, at)
        m = _RUN_RE.match(s)
        if m is None or m.end() < len(s) and s[m.end()] not in " \t,":
            return None
        run = m.group(0)
        if run.isupper():
            return None  # a dateline ("WASHINGTON —"), not a subject
        if " " in run and run[: run.find(" ")].casefold() in PREPOSITIONS:
            return None  # `In Columbia, Sanders …`: where or when, not who
        if run[:4] in ("The ", "the "):
            rest = s[m.end() :].split(None, 1)
            role = rest[0] if rest else ""
            if _placed_role(role, run[4:]):
                # `The Ohio senator sought to calm them, saying`: the senator named
                # before, not Ohio (or the one named after: `The Ohio senator Ann Lee`)
                later = _ROLE_THEN_NAME_RE.match(s, m.end())
                named = later and self._from_run(later.group(2), at + later.start(2), the=False)
                return named if named and named[1] == PERSON else self._role_antecedent(role, at)
            if " " not in run[4:] and _key(run[4:]) in DEMONYMS:
                # `The Portuguese forward told …`: a nationality modifies the subject, and
                # is never a speaker
                return self._role_antecedent(role.casefold(), at) if role[:1].islower() else None
        if " " not in run and not self._full_name(run, at):
            # `Senate candidate Nora Blake took to Twitter`: a role, then the name
            later = _ROLE_THEN_NAME_RE.match(s, m.end())
            if later and all(_is_plain_noun(w) for w in later.group(1).split()):
                found = self._from_run(later.group(2), at + later.start(2), the=False)
                if found and found[1] == PERSON:
                    return found
            if placed and _BEFORE_LOWER_WORD_RE.match(s, m.end()) and (
                _key(run) not in FUNCTION_WORDS
            ):
                # `In Columbia, Sanders stepped up …`: after an opening phrase, a capital
                # is no sentence's start, and the word after it goes on the clause
                return self._from_run(run, at, the=False)
            return None  # one word opening a sentence ("Facing …") proves no name
        later = _ROLE_THEN_NAME_RE.match(s, m.end())
        if later and not PERSON_ROLES.isdisjoint(later.group(1).split()) and all(
            _is_plain_noun(w) for w in later.group(1).split()
        ):
            # `Whitaker Fargo analyst Colin Langford downgraded …`: the body's analyst
            found = self._from_run(later.group(2), at + later.start(2), the=False)
            if found and found[1] == PERSON:
                return found
        return self._from_run(run, at, the=False)
