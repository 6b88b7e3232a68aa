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

The cues are read by :mod:`tui.quotes.cue_readers`, the names and subjects in their
words by :mod:`tui.quotes.subjects`; this module runs the passes over one document's
quotations, and gives a quotation with no cue of its own its neighbour's speaker.
"""


from __future__ import annotations

import re
from collections.abc import Sequence

from tui.nlp.lexicon import PERSON
from tui.quotes.cue_readers import CueReader
from tui.quotes.cues import _VERB_RE
from tui.quotes.descriptions import DESCRIBED, Description
from tui.quotes.model import QuoteSpan, few_words

# A question reports no words of the one asking that the next paragraph answers.
_ASKING = frozenset("asked asks asking".split())
# Another voice in the reported words (a message from someone, a sign, a relative, a
# crowd) or a silence: the quotation after may be theirs.
_OTHER_VOICE_RE = re.compile(
    r"(?<!his )(?<!her )(?<!their )\b(?:letter|note|message|text|email|card)s?\b|"
    r"\b(?:call from|texted|sign|signs|saying|(?:was|were|been) told|officer|"
    r"motto|verse|slogan|banner|placard|poster|headline|chant|chanted|shouted|sang|crowd|"
    r"caller|nothing|never|declined|refused|daughter|son|wife|husband|mother|father|"
    r"brother|sister|friend|neighbou?r|told (?:him|her|them|me|us))\b"
)
# A paragraph opening with who said the quotation before it: `So says Ann Lee`,
# `Those were the words of …`, `That was the verdict of …`.
_NAMED_AFTER_RE = re.compile(
    r"\s*(?:So|Thus) (?:says|said|writes|wrote)\b|\s*(?:Those|These|That|This) (?:were|are|was|is) "
    r"the (?:words|verdict|conclusion|view|message|warning|assessment) of\b"
)
# A participle or an infinitive that hands the words to someone else between two halves:
# `, said Ann Lee, prompting her rival to respond,`.
_HANDING_RE = re.compile(
    r"\b(?:prompting|leading|causing|urging|to (?:respond|reply|answer|add))\b"
)
# A reply named after the second half: `"…," came the reply from the benches`.
_REPLY_AFTER_RE = re.compile(r"[,\s]*(?:came|comes) the (?:reply|response|answer|retort)\b")
# The longest cue between the halves of one quotation: `, said Ann Lee, the deputy
# director of the regional health authority,`.
_INTERRUPTION_REACH = 120


class SpeakerResolver(CueReader):
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
            if found[-1] is None and i and self._interrupted(self.spans[i - 1], span):
                found[-1] = found[i - 1]  # `"…," says Mr Njoroge, "…"`: the first half's
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

    def _interrupted(self, first: QuoteSpan, span: QuoteSpan) -> bool:
        """Whether ``span`` is the second half of a quotation the first half's cue
        interrupts, in one sentence: `"…," says Mr Njoroge, "…"`, `"…," said the
        minister, "…"`. (The cue names who spoke; read before the second half, it is
        no cue of its own.)"""
        if first.paragraph != span.paragraph or first.close_mark < 0:
            return False
        between = self.text[first.close_mark + 1 : self._open_of(span)].rstrip()
        return (
            between.endswith(",")
            and len(between) <= _INTERRUPTION_REACH
            # (one cue: `, said Tom Hart, whose lawyer added,` hands the words on)
            and len(_VERB_RE.findall(between)) == 1
            and not _HANDING_RE.search(between)
            and self._sentence_start(span.paragraph, self._open_of(span)) <= first.open_mark
            # (`"…," said Ann Lee, "but …," said one of her rivals`: the second half's own)
            and not self._cued_after(span)
            and not (span.close_mark >= 0 and _REPLY_AFTER_RE.match(self.text, span.close_mark + 1))
        )

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
        # each paragraph's quotations, to tell narration: a scare quote in it (`said the
        # council was "frustrated"`) leaves it narration
        quoted: dict[int, list[QuoteSpan]] = {}
        for s in spans:
            quoted.setdefault(s.paragraph, []).append(s)
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
                    # a paragraph that is one quotation: the speaker of the one before,
                    # or the one it reports (`Ann Lee said the party would not accept
                    # it.` / `"Nobody should think …"`)
                    result[i] = self._last_long(spoken.get(s.paragraph - 1, ())) or (
                        self._reporter(s.paragraph - 1)
                        if s.paragraph
                        and all(self._short(q) for q in quoted.get(s.paragraph - 1, ()))
                        # (a quotation in capitals is a heading, no one's next words)
                        and not self.text[s.start : s.end].isupper() else None
                    )
            name = result[i]
            if name:
                last[s.paragraph] = name
                spoken.setdefault(s.paragraph, []).append((name, s))

    def _reporter(self, paragraph: int) -> str | None:
        """The person the last sentence of ``paragraph`` (which quotes no one) reports,
        where the quotation paragraph after it goes on with their words: `Ann Lee said
        the party would not accept it.` / `"Nobody should think …"`. Only a sentence
        whose subject speaks in its own voice counts: no other voice reported in it
        (`Tom Hart said his daughter texted him`, `… said the note was short`), no
        question (`asked`) and no silence (`said nothing`); and not where the next
        paragraph names who said it (`So says Ann Lee`) or opens with someone else
        (`"…"` / `Opposition leader Ann Lee did not hold back, calling …`)."""
        start, end = self.bounds[paragraph]
        if end <= start:
            return None
        s0 = self._sentence_start(paragraph, end - 1)
        sentence = self._masked(s0, end)
        verbs = _VERB_RE.findall(sentence)
        if not verbs or not _ASKING.isdisjoint(v.casefold() for v in verbs):
            return None
        if _OTHER_VOICE_RE.search(sentence):
            return None
        found = self._pre_cue(sentence, s0)
        subject = self._sentence_subject(sentence, s0)
        if not found or found[1] != PERSON or not subject or subject[0] != found[0]:
            return None
        if paragraph + 2 < len(self.bounds):
            nstart, nend = self.bounds[paragraph + 2]
            if _NAMED_AFTER_RE.match(self.text, nstart, nstart + 80):
                return None
            first = self.text[nstart : min(nend, nstart + 300)]
            if '"' not in first and "“" not in first:
                following = self._sentence_subject(first, nstart)
                if following is not None and following[0] != found[0]:
                    return None
        return found[0]

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

    def _has_own_cue(self, span: QuoteSpan) -> bool:
        open_at = self._open_of(span)
        seen_at, before = self._before  # (_explicit has just cut it out, as a rule)
        if seen_at != open_at:
            before = self._masked(self._sentence_start(span.paragraph, open_at), open_at)
        memo, verbs = self._verb_memo  # (the verbs _explicit found there, as a rule)
        if before is memo and verbs or before is not memo and _VERB_RE.search(before):
            return True
        return self._cued_after(span)

    def _cued_after(self, span: QuoteSpan) -> bool:
        """Whether a reporting verb follows the quotation in its sentence: `"…," one
        official said` / `"…," said one man`."""
        if span.close_mark < 0:
            return False
        after = self.text[span.close_mark + 1 : span.close_mark + 60]
        after = self._cut_sentence(after)
        return after[:1] in (",", " ") and _VERB_RE.search(after) is not None
