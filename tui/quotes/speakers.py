"""Who said each quotation: attribution by the cues news writing uses.

Newswire style attributes almost every quote in a few fixed shapes, and the rules follow
them rather than any list of people:

* after the quote: ``"…," X said`` / ``"…," said X`` / ``"…," according to X``, with
  titles, roles and appositives around the name (``"…," Kim, the deputy director of the
  office, said in a statement``);
* before it: ``X said (in a statement) (that) "…"``, ``X called the decision "…"``,
  ``X told reporters: "…"``, and a colon introduction closing the previous paragraph;
* a pronoun (``he said``) is the first person named in the nearest sentence before it
  that names one; ``it``/``they`` is the organisation that spoke last;
* a quote with no cue takes the speaker of the quote before it in its paragraph (or
  after it), and a paragraph that is one quotation takes the previous paragraph's;
* a name is reported in full: titles and nationalities are dropped (``Japanese Foreign
  Minister Taro Kono`` → ``Taro Kono``) and a surname alone becomes the full name the
  article used before (``Kim`` → ``Kim You-geun``).

When no cue fits, the speaker is ``None``: a wrong name is worse than none.
"""


from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from tui.nlp.given_names import is_given_name
from tui.nlp.lexicon import (
    AFFILIATIONS,
    DATE_NAMES,
    DEMONYMS,
    FUNCTION_WORDS,
    NATIONALITY_NOUNS,
    ORG,
    PERSON,
    PLACE_WORDS,
    RANKS,
    SENTENCE_OPENERS,
)
from tui.nlp.name_runs import UPPER
from tui.nlp.places import fold, load_gazetteer
from tui.quotes.antecedents import Antecedents
from tui.quotes.cues import (
    _ACCORDING_ANY_RE,
    _ACCORDING_RE,
    _AFTER_PLACE_RE,
    _AFTER_PREPOSITION_RE,
    _ANOTHER_SUBJECT_RE,
    _APPOSED_HEAD_RE,
    _APPOSITIVE_NAME_RE,
    _ARTICLE_TOKEN_RE,
    _BARE_CUE_RE,
    _CLAUSE_OPENERS,
    _CONJUNCTIONS,
    _CUE_AFTER_MARK_RE,
    _DASH_LINE_RE,
    _DASH_NAME_RE,
    _DEFINITE_ORG_END_RE,
    _DEPENDENT_RE,
    _HANDING_CUE_RE,
    _HONORIFIC_GENDER,
    _LEADING_CONJUNCTION_RE,
    _LEADING_WORDS,
    _LOWER_HEADS,
    _NAMESAKES,
    _NOT_BEFORE_SUBJECT,
    _NOT_ROLE_WORDS,
    _NP_REACH,
    _OF_FOR_RE,
    _OF_TAIL_RE,
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
    _ROUND_UP_RE,
    _RUN,
    _RUN_END_RE,
    _RUN_RE,
    _RUN_START_RE,
    _SAID_SENTENCE_RE,
    _SUBJECT_REACH,
    _SUBORDINATE_RE,
    _TITLE_WORDS,
    _TITLES,
    _VERB_FIRST_RE,
    _VERB_RE,
    _VERB_WORDS,
    _is_country,
    _is_plain_noun,
    _key,
    _offset,
    _placed_role,
)
from tui.quotes.descriptions import (
    DESCRIBED,
    Description,
    description_ending,
    description_opening,
    names_a_person,
)
from tui.quotes.model import QuoteSpan, few_words
from tui.quotes.runs import (
    _SURNAME_HEADS,
    _after_title,
    _last_title,
    _name_start,
    _named_like_a_place,
    _strip_tail,
    _without_post_nominals,
)

# (The small patterns of the rules below, compiled once: a call of re.search with a
# pattern's text looks it up in re's cache first, which was 2% of quote extraction.)
_UNNAMED_BETWEEN_RE = re.compile(r"\b(?:a|an|that|which|who|it|this)\b")
_THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_THE_END_RE = re.compile(r"\b[Tt]he\s+$")
_AGE_NOUN_RE = re.compile(r"\d{1,3}-year-old")
# a person, the body they are of, and where it is: `Ann Lee of Acme Securities in`
_OF_BODY_IN_RE = re.compile(
    rf"(?={UPPER})(?<!\S)({_RUN}),?\s+(?:of|at|with|from)\s+(?:the\s+)?{_RUN},?\s+in\s+$"
)
# a role in lower case, then a name: an appositive's words (`retired architect Ann Lee`)
_ROLE_NAME_RE = re.compile(rf"((?:[a-z][\w-]*\s+){{1,3}})({_RUN})")
_PREPOSITION_END_RE = re.compile(r"\b(?:for|of|at|from|with|to)\s+$")
_LEADING_THE_RE = re.compile(r"^[Tt]he\s+")
_CAPITAL_RE = re.compile(r"[A-Z]")
# Words that open a sentence whose subject is not its first words ("From Kim's post:").
_NOT_SUBJECT_OPENERS = _NOT_BEFORE_SUBJECT | _CONJUNCTIONS
# Words after which a name is an object, less those that name a source ("from Lund").
_OBJECT_BEFORE = _NOT_BEFORE_SUBJECT - frozenset(("from", "by", "of", "via", "per"))


# An `of`, `from`, `at` or `with` between white space, without which _OF_TAIL_RE cannot
# match: searched for first, as one subject in twelve has one (the pattern, anchored at
# the end, is tried at every capital: 28 → 11 ms on 2,000 articles).
_OF_TAIL_WORD_RE = re.compile(r"\s(?:of|from|at|with)\s")


def _of_tail(head: str) -> re.Match[str] | None:
    """``_OF_TAIL_RE.search(head)``."""
    return _OF_TAIL_RE.search(head) if _OF_TAIL_WORD_RE.search(head) else None


def _points_back(run: str) -> bool:
    """Whether ``run`` after "the" is a noun for a person of a nation or a party, said
    of someone the text has named ("the Dane", "the Kenyan", "the Republican")."""
    if " " in run:
        return False
    key = _key(run)
    return key in NATIONALITY_NOUNS or key in AFFILIATIONS and not key.endswith("s") or (
        key in DEMONYMS and key.endswith(("an", "i"))
    )


def _holds_name(description: str, name: str) -> bool:
    """Whether ``description`` names ``name``: in full, or by its last word as the
    text calls someone named before (`a spokesman for Lee`, `Lee's aide`)."""
    if name in description:
        return True
    last = name.rsplit(" ", 1)[-1]
    return any(
        word.strip(",.;:").removesuffix("'s").removesuffix("’s") == last
        for word in description.split()
    )


def _without_appositive(left: str) -> str:
    """``left`` without the appositive it ends with: `a spokesperson for TransLink, the
    regional transit authority,` gives `a spokesperson for TransLink`."""
    body = left.rstrip().rstrip(",—–").rstrip()
    opener = max(body.rfind(","), body.rfind("—"), body.rfind("–"))
    return body[:opener] if opener > 0 and body != left.rstrip() else ""


# How a quotation credited after a dash ends, and the small words a title leaves in
# lower case (see SpeakerResolver._dash_credit).
_CREDITED_ENDS = frozenset(".,!?…")
_TITLE_SMALL_WORDS = frozenset("a an the and or but of in on at to for by with from".split())


class SpeakerResolver(Antecedents):
    """Attribute every quotation of one document (spans in text order)."""

    def _start(self) -> None:
        super()._start()
        self._blocked: set[int] = set()
        self._shorts: dict[int, bool] = {}
        # the last quotation's opening mark and its sentence up to there, quotations masked
        self._before: tuple[int, str] = (-1, "")
        # the reporting verbs of the string last asked for them (see _verbs)
        self._verb_memo: tuple[str, list[re.Match[str]]] = ("", [])
        # per quotation, after resolve(): whether its sentence has a reporting cue at all
        self.cued: list[bool] = []
        # the speakers described, not named, by their text ("a spokesperson for TransLink")
        self.descriptions: dict[str, Description] = {}

    # --- the passes ----------------------------------------------------------------

    def resolve(self) -> list[str | None]:
        found = self._found
        for i, span in enumerate(self.spans):
            try:
                found.append(self._explicit(span))
            except (IndexError, ValueError):
                found.append(None)
            if found[-1] is None and self._has_own_cue(span):
                # the sentence says who spoke, in words these rules do not parse (or
                # with no name: "one official said"): better no speaker than a neighbour's
                self._blocked.add(i)
            elif found[-1] is not None and (
                found[-1][1] == PERSON
                # (`A spokesman for the council called it "a disgrace." "…," he said`:
                # the spokesman; one of no known sex is left out, as a name would be
                # weighed against the people named before: "a veteran" is no "she")
                or found[-1][1] == DESCRIBED and self.descriptions[found[-1][0]].gender
            ):
                self._note_person(span.open_mark, found[-1][0])
        result = [f[0] if f else None for f in found]
        self.cued = [f is not None or i in self._blocked for i, f in enumerate(found)]
        self._inherit(result)
        return result

    def described(self, speaker: str | None) -> Description | None:
        """The description ``speaker`` is, if :meth:`resolve` gave a description."""
        return self.descriptions.get(speaker) if speaker else None

    def _inherit(self, result: list[str | None]) -> None:
        spans = self.spans
        # the next quote in the same paragraph with a speaker of its own (a backward pass)
        next_spoken: list[int | None] = [None] * len(spans)
        following: dict[int, int] = {}
        for i in range(len(spans) - 1, -1, -1):
            next_spoken[i] = following.get(spans[i].paragraph)
            if result[i]:
                following[spans[i].paragraph] = i
        last: dict[int, str] = {}  # the last speaker so far in each paragraph
        # each paragraph's quotations with a speaker, in order, for the last of them that
        # is longer than a word or two (asked only for a paragraph after it that is one
        # quotation: on 3,000 articles 4,305 quotations' words are counted, not 29,288)
        spoken: dict[int, list[tuple[str, QuoteSpan]]] = {}
        for i, s in enumerate(spans):
            if result[i] is None and not self._short(s) and i not in self._blocked:
                after = next_spoken[i]
                if s.paragraph in last:
                    result[i] = last[s.paragraph]
                elif after is not None and not self.text[
                    s.end + 1 : self._open_of(spans[after])
                ].strip(" ,.;:—–-\n\"“”'’"):
                    result[i] = result[after]  # `"A." "B," she said.`
                elif s.open_mark == self.bounds[s.paragraph][0]:
                    # a paragraph that is one quotation: the speaker of the one before
                    result[i] = self._last_long(spoken.get(s.paragraph - 1, ()))
            name = result[i]
            if name:
                last[s.paragraph] = name
                spoken.setdefault(s.paragraph, []).append((name, s))

    @staticmethod
    def _open_of(span: QuoteSpan) -> int:
        return span.open_mark

    def _last_long(self, spoken: Sequence[tuple[str, QuoteSpan]]) -> str | None:
        """The speaker of the last of ``spoken`` longer than a word or two."""
        for name, span in reversed(spoken):
            if not self._short(span):
                return name
        return None

    def _short(self, span: QuoteSpan) -> bool:
        short = self._shorts.get(span.start)
        if short is None:
            short = self._shorts[span.start] = few_words(self.text, span.start, span.end)
        return short

    # --- explicit cues ---------------------------------------------------------------

    def _explicit(self, span: QuoteSpan) -> tuple[str, str] | None:
        self._reading(span)
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
        found = (
            self._dash_credit(span)
            or self._post_cue(self._after(span), span.close_mark + 1)
            or self._pre_cue(pre, pre_from)
        )
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
            return self._name_after(post[m.end() :], base + m.end(), m.group(1) or "", True)
        v = _VERB_RE.search(post)
        if v is None:
            return None
        left = post[: v.start()]
        if not left.strip(" \t,.;:—–-!?"):
            # inverted: `"…," said X`
            return self._name_after(post[v.end() :], base + v.end())
        if len(left) > 200:
            return None
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
            return self._name_after(pre[m.end() :], base + m.end(), m.group(1) or "", True)
        if _HANDING_CUE_RE.search(pre, max(0, len(pre) - 120)):
            return self._sentence_subject(pre, base)
        m = _VERB_FIRST_RE.match(pre)
        if m:
            return self._name_after(pre[m.end() :], base + m.end())
        return None

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
            found = self._opening_subject(s[comma + 2 :], at + comma + 2)
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

    def _opening_subject(self, s: str, at: int) -> tuple[str, str] | None:
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
        if run[:4] in ("The ", "the "):
            rest = s[m.end() :].split(None, 1)
            role = rest[0] if rest else ""
            if _placed_role(role, run[4:]):
                # `The Ohio senator sought to calm them, saying`: the senator named
                # before, not Ohio (or the one named after: `The Ohio senator Ann Lee`)
                later = _ROLE_THEN_NAME_RE.match(s, m.end())
                named = later and self._from_run(later.group(2), at + later.start(2), the=False)
                return named if named and named[1] == PERSON else self._role_antecedent(role, at)
        if " " not in run and not self._full_name(run, at):
            # `Senate candidate Nora Blake took to Twitter`: a role, then the name
            later = _ROLE_THEN_NAME_RE.match(s, m.end())
            if later and all(_is_plain_noun(w) for w in later.group(1).split()):
                found = self._from_run(later.group(2), at + later.start(2), the=False)
                if found and found[1] == PERSON:
                    return found
            return None  # one word opening a sentence ("Facing …") proves no name
        return self._from_run(run, at, the=False)

    # --- noun phrases ----------------------------------------------------------------

    def _name_after(
        self, s: str, pos: int, article: str = "", according: bool = False
    ) -> tuple[str, str] | None:
        """The speaker ``s`` opens with (the words after an inverted verb, or after
        "according to" and ``article``): a name, or a description where the words name
        no one, or name only what the description is of. (After "according to", only a
        source's noun makes a description: `according to their instinctive preference`
        is no one's.)"""
        found = self._named_after(s, pos)
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
        the = _THE_BEFORE_RE.search(between) is not None
        if the:
            rest = s[m.end(2) :].split(None, 1)
            role = rest[0].rstrip(",.;:") if rest else ""
            if _placed_role(role, m.group(2)):
                # `said the New York businessman`: the businessman named before, not
                # New York
                return self._role_antecedent(role, pos)
        return self._from_run(m.group(2), pos + m.start(2), the=the)

    def _subject_before(self, left: str, pos: int) -> tuple[str, str] | None:
        """The subject that ends ``left`` (the words before a reporting verb): a name,
        or a description where the subject names no one (`a spokesperson for
        TransLink`: not TransLink, whose spokesperson speaks)."""
        found = self._subject_named(left, pos)
        if found is not None and found[1] == PERSON and " " in found[0] and (
            found[0] not in left[-200:]
        ):
            # a full name from earlier in the text, unless a description holds it: `a
            # spokesman for Ms. Lee said` is the spokesman, not the Ann Lee named before
            described = description_ending(left)
            if described is None or not _holds_name(described.text, found[0]):
                return found
            return self._described(described)
        described = description_ending(left) or description_ending(_without_appositive(left))
        if described is None or found is not None and (
            not _holds_name(described.text, found[0])
            # (`the Moon administration`: a body named by its head is a name)
            or found[1] == ORG and described.body
        ):
            return found
        return self._described(described)

    def _gender(self, name: str) -> str | None:
        """A described speaker's sex is the one its head noun gives ("a spokesman")."""
        described = self.descriptions.get(name)
        if described is not None:
            return described.gender
        return super()._gender(name)

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

    def _described_before(self, noun: str) -> tuple[str, str] | None:
        """The one description of this document so far whose head is ``noun``; none if
        two differ (`a spokesperson for Northline … a spokesperson for the city`)."""
        found = [text for text, d in self.descriptions.items() if _key(d.head) == noun]
        return (found[0], DESCRIBED) if len(found) == 1 else None

    def _described(self, described: Description) -> tuple[str, str]:
        self.descriptions[described.text] = described
        return described.text, DESCRIBED

    def _subject_named(self, left: str, pos: int) -> tuple[str, str] | None:
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
            if (
                seg
                and _RUN_RE.fullmatch(seg)
                and seg.split()[0].casefold() not in SENTENCE_OPENERS
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
        if not s:
            return None
        last = s[-6:].rsplit(None, 1)[-1].casefold() if s[-6:].strip() else ""
        if last in _PRONOUNS and not s[: -len(last)][-1:].isalnum():
            return self._pronoun(last, pos)
        if last in ("who", "which") and not s[: -len(last)][-1:].isalnum():
            return self._subject_before(s[: -len(last)].rstrip(" ,"), pos)
        final = s[s.rfind(" ") + 1 :]
        if (
            final[:1].islower()
            and final not in _LOWER_HEADS
            and final not in _TITLES
            and not _ARTICLE_TOKEN_RE.fullmatch(final)
        ):
            # no name, no organisation ends here (most candidates stop here), unless a
            # relative clause does: `Ann Lee, who lives in a town near the capital, said`
            return self._relative_subject(s, pos)
        s = s[-_NP_REACH:]  # the end-anchored patterns below need only the end
        last_word = s.rsplit(None, 1)[-1]
        if "0" <= last_word[0] <= "9" and s.endswith("the " + last_word) and (
            _AGE_NOUN_RE.fullmatch(last_word)
        ):
            # `the 24-year-old said`: the one given that age ("Kwame Asante, 24,"), else
            # no one (the narration's subject may be another age)
            aged = self._aged(int(last_word.split("-", 1)[0]), pos)
            return (aged, PERSON) if aged else None
        # (`the minister`, `the company`: a lower-case word ends both, where most subjects
        # that get this far end in a name)
        if "a" <= last_word[0] <= "z":
            m = _ROLE_END_RE.search(s)
            if m and m.group(1) in _TITLES:
                # `the minister said`: the person given that title earlier; else the one
                # a description gave that noun (`a spokesperson for Northline … the
                # spokesperson said`)
                words = m.group(0).split()
                rank = words[-2] if len(words) > 2 and words[-2] in RANKS else ""
                return self._role_antecedent(m.group(1), pos, rank) or (
                    self._described_before(m.group(1))
                )
            m = _PLACED_ROLE_END_RE.search(s)
            if m and _placed_role(m.group(2), m.group(1)):
                # `the Ohio senator said`: the senator named earlier, not Ohio
                return self._role_antecedent(m.group(2), pos)
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
        m = _ROLE_OF_PLACE_END_RE.search(s)
        if m and _placed_role(m.group(1), m.group(2)):
            # `the senator from Ohio said`: the senator named earlier
            return self._role_antecedent(m.group(1), pos)
        m = _RUN_END_RE.search(s)
        if not m:
            return None
        run = m.group(1)
        head = s[: m.start(1)]
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
        if self._full_name(person[-1], pos) is None or self._registry is None:
            return None  # (no one of that surname; the look-up built the registry)
        cands = self._registry.get(_key(person[-1]), [])
        tail = " " + " ".join(person).casefold()
        i = bisect_left(cands, pos, key=_offset)
        for _at, name in reversed(cands[max(0, i - _NAMESAKES) : i]):
            words = name.split()
            if len(words) > 2 and name.casefold().endswith(tail) and is_given_name(words[-3]):
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

    def _has_own_cue(self, span: QuoteSpan) -> bool:
        open_at = self._open_of(span)
        seen_at, before = self._before  # (_explicit has just cut it out, as a rule)
        if seen_at != open_at:
            before = self._masked(self._sentence_start(span.paragraph, open_at), open_at)
        memo, verbs = self._verb_memo  # (the verbs _explicit found there, as a rule)
        if before is memo and verbs or before is not memo and _VERB_RE.search(before):
            return True
        if span.close_mark < 0:
            return False
        # `"…," one official said` / `"…," said one man`
        after = self.text[span.close_mark + 1 : span.close_mark + 60]
        after = self._cut_sentence(after)
        return after[:1] in (",", " ") and _VERB_RE.search(after) is not None

