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
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from tui.corpus.document import Document
from tui.nlp.lexicon import (
    AFFILIATIONS,
    BODY_NOUNS,
    DEMONYMS,
    FUNCTION_WORDS,
    PERSON_ROLES,
    PLACE,
    TITLE_WORDS,
)
from tui.quotes.model import few_words

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tui.quotes.model import Quote, QuoteSpan

PERSON = "PERSON"
ORG = "ORG"

# --- words that news writing puts around names -----------------------------------------

_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady president vice prime minister secretary
    chancellor senator sen rep representative congressman congresswoman governor gov mayor
    judge justice chief deputy director general gen lt col colonel lieutenant maj major capt
    captain sgt sergeant adm admiral commander cmdr ambassador envoy spokesman spokeswoman
    spokesperson chairman chairwoman chair ceo cfo coo executive officer head leader king
    queen prince princess pope father rev reverend rabbi imam sheikh foreign defense defence
    finance interior trade health cabinet state national security adviser advisor assistant
    undersecretary under special senior former acting analyst professor economist coach
    manager founder attorney speaker premier commissioner inspector superintendent
    detective officer agent chancellor lawmaker legislator mp mep councillor councilman
    counselor counsellor aide strategist expert researcher fellow director-general
    secretary-general vice-president nsc""".split()
)
# Heads of organisation names: a name ending in one of these is an organisation.
_ORG_HEADS = frozenset(
    """ministry department office party council agency government administration
    commission committee institute institution court bank police army navy force forces
    military corp corporation inc ltd llc plc group university college association union
    company federation foundation organization organisation authority bureau service
    services board senate congress parliament assembly presidency cabinet embassy
    consulate command headquarters league coalition alliance network times post news
    journal press reuters agency pentagon kremlin whitehouse""".split()
)
_ORG_HEADS_LOWER = (
    "office|ministry|government|presidency|administration|party|department|agency|"
    "military|police|army|navy|company|embassy|council|committee|commission|court|"
    "spokes(?:man|woman|person)|cabinet|campaign|regime|parliament|senate"
)
_PLACE_WORDS = frozenset(
    """korea japan china asia europe africa america americas states kingdom union republic
    island islands sea ocean gulf coast river valley city county province region street
    avenue peninsula strait north south east west northeast northwest southeast southwest
    central new hong kong""".split()
)
# Capitalised words that start sentences but are not names.
_COMMON_CAPS = frozenset(
    """the a an in on at for but and or if as by with from to of this that these those it
    he she they we i you his her their its our my your after before while when since under
    although however many some most other others such last next every each both all any no
    not one two three meanwhile also still yet so then there here what who why how where
    which everyone everybody someone somebody nobody anyone anybody people police""".split()
)
_TITLE_WORDS = _TITLES | DEMONYMS  # what a name follows ("Japanese Foreign Minister")
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_DATE_WORDS = _DAYS | frozenset(
    """january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)

# Reporting verbs: the verbs newswriting uses to attach words to a speaker.
_VERBS = (
    r"said|says|say|told|tells|tell|added|adds|add|urged|urges|stated|states|noted|notes|"
    r"wrote|writes|declared|declares|announced|announces|explained|explains|argued|argues|"
    r"insisted|insists|warned|warns|claimed|claims|asked|asks|replied|replies|responded|"
    r"responds|continued|continues|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|called|"
    r"calls|described|describes|expressed|expresses|acknowledged|acknowledges|admitted|"
    r"admits|suggested|suggests|confirmed|confirms|denied|denies|concluded|concludes|"
    r"recalled|recalls|observed|observes|remarked|remarks|commented|comments|tweeted|"
    r"tweets|posted|posts|cited|cites|blamed|blames|accused|accuses|vowed|vows|pledged|"
    r"pledges|promised|promises|predicted|predicts|cautioned|cautions|complained|"
    r"complains|conceded|concedes|maintained|maintains|mentioned|mentions|pointed out|"
    r"points out|went on|demanded|demands|questioned|questions|criticized|criticised|"
    r"criticizes|criticises|praised|praises|welcomed|welcomes|hailed|hails|dismissed|"
    r"dismisses|labell?ed|labels|branded|brands|termed|terms|dubbed|dubs|reiterated|"
    r"reiterates|announced|announces|agreed|agrees|countered|counters|protested|"
    r"protests|lamented|laments|quipped|quips|joked|jokes|shouted|shouts|yelled|"
    r"whispered|testified|testifies|assured|assures|informed|informs|reported|reports|"
    r"indicated|indicates|affirmed|affirms|recounted|recounts|boasted|boasts|conceded|"
    r"answered|answers|read|reads|saying|telling|adding|urging|calling|describing|"
    r"expressing|noting|warning|arguing|insisting|stressing|declaring"
)
# A verb that opens a sentence is capitalised and runs into the name after it:
# "Said Baker: …", "Added O'Neil: …". These one-word verbs are stripped from such runs.
_VERB_WORDS = frozenset(
    w for w in _VERBS.replace("labell?ed", "labeled|labelled").split("|")
    if w.isalpha()
)


def _trie(words: set[str]) -> str:
    """An alternation of ``words`` with shared prefixes factored out (``s(?:a(?:id|ys)…``).

    The regex engine tries alternatives one by one, so a flat list of two hundred verbs
    costs two hundred tries at every word; the trie costs one per letter. It matches
    exactly what the flat list does wherever it is followed by a word boundary, as every
    use here is: then at most one of the words can match at a position.
    """
    rests: dict[str, set[str]] = {}
    for w in words:
        if w:
            rests.setdefault(w[0], set()).add(w[1:])
    alts = [re.escape(c) + _trie(r) for c, r in sorted(rests.items())]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in words else body


def _spelled_out(alternatives: str) -> set[str]:
    """The words a `|`-separated list with `l?` and `[sz]` in it stands for."""
    words: set[str] = set()
    for w in alternatives.split("|"):
        forms = [w.replace("l?", "l", 1), w.replace("l?", "", 1)] if "l?" in w else [w]
        for f in forms:
            words.update({f.replace("[sz]", "s"), f.replace("[sz]", "z")} if "[sz]" in f else {f})
    return words


# (every verb starts with a lower-case letter, so the look-behind is all the start needs)
# capitalised words that open a run without being part of the name ("Said Baker")
_LEADING_WORDS = _COMMON_CAPS | _VERB_WORDS
_VERB_RE = re.compile(rf"(?<!\w){_trie(_spelled_out(_VERBS))}\b")

_ABBR = (
    r"(?:Mr|Mrs|Ms|Dr|Lt|Col|Gen|Sen|Rep|Gov|Maj|Capt|Sgt|Adm|Cmdr|Prof|Rev|Jr|Sr|St|Pres|"
    r"Amb|Supt|Insp|Cpl|Pvt|Hon|Mt|Ft|Gens|Reps|Sens)\."
)
_TOKEN = rf"(?:{_ABBR}|[A-Z]\.(?:[A-Z]\.)+|[A-Z]\.(?=\s+[A-Z])|[A-Z][\w]*(?:['’\-][\w]+)*)"
_PARTICLE = r"(?:de|van|von|der|den|bin|al|el|da|di|du|le|la|dos|das|del|ibn|ter|y)"
# Arabic names: `Abdel Fattah el-Sisi`, `Ali al-Sistani`
_ARTICLE_TOKEN = r"(?:al|el|ad|as|ash|at|ar|an|ez|az)-[\w'’]+"
_ARTICLE_TOKEN_RE = re.compile(_ARTICLE_TOKEN)
# (a set for whole-word tests: a fullmatch of the alternation costs a regex call)
_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))
_RUN = rf"{_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}(?:{_TOKEN}|{_ARTICLE_TOKEN}))*"
_RUN_RE = re.compile(rf"(?=[A-Z]){_RUN}")
# Runs for the name registry: no abbreviations ("Lt. Col. Dave Eastburn" gives "Lt", "Col"
# and "Dave Eastburn", and titles are dropped anyway), five times faster to scan for. (It
# opens with a bare class, not a look-ahead, so the scanner skips to capitals by itself.)
_NAME_RUN_RE = re.compile(
    rf"[A-Z][\w'’\-]*"
    rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}(?:[A-Z][\w'’\-]*|{_ARTICLE_TOKEN}))*"
)
# a character that may be part of such a run
_RUN_CHAR_RE = re.compile(r"[\w'’\- \t]")
_RUN_END_RE = re.compile(rf"(?=[A-Z])(?<![^\s(“\"‘'—–])({_RUN})$")
_ROLE_THEN_NAME_RE = re.compile(rf"[ \t]+((?:[a-z][\w-]*[ \t]+){{1,3}})({_RUN})")
# words that show the lower-case words after a name are not a role before another name
_NOT_ROLE_WORDS = frozenset(
    """of at in for from with and or to on the a an said says told who which that after
    before as by when while but""".split()
)
_RUN_START_RE = re.compile(rf"\s*((?:[a-z][\w-]*\s+){{0,6}}?)(?:the\s+)?({_RUN})")
_ORG_NP_END_RE = re.compile(
    rf"(?=[A-Zt])(?<!\w)((?:[Tt]he\s+)?(?:{_RUN}(?:['’]s)?\s+)(?:[a-z][\w-]*\s+){{0,3}}(?:{_ORG_HEADS_LOWER}))$"
)
# the words _ORG_HEADS_LOWER matches, as a set: a cheap test before the end-anchored search
_ORG_HEAD_WORDS = frozenset(
    _ORG_HEADS_LOWER.replace("spokes(?:man|woman|person)", "spokesman|spokeswoman|spokesperson")
    .split("|")
)
# an `of` or `for` between words, without which _ORG_OF_END_RE cannot match
_OF_FOR_RE = re.compile(r"\s(?:of|for)\s")
# lower-case words that can end a subject: `the presidential office`, `the company`, `the
# spokesman`
_LOWER_HEADS = BODY_NOUNS | _ORG_HEAD_WORDS
# `the minister said`, `the foreign minister said`: a title used as a name
_ROLE_END_RE = re.compile(r"(?=[Tt])(?<!\S)[Tt]he\s+(?:[a-z]+\s+){0,2}([a-z]+)$")
# `the company said`: an organisation named earlier, by the kind of thing it is
_DEFINITE_ORG_END_RE = re.compile(
    r"(?=[Tt])(?<!\S)[Tt]he\s+(organi[sz]ation|company|firm|group|agency|ministry|department|"
    r"union|authority|council|committee|commission|government|bank|party|institute|"
    r"university|foundation|association|alliance|board|club|league|network|office)$"
)
# `the US Department of Defense`, `the Bank of England`
_ORG_OF_END_RE = re.compile(
    rf"(?=[A-Zt])(?<!\w)((?:[Tt]he\s+)?({_RUN})\s+(?:of|for)\s+(?:the\s+)?{_RUN})$"
)
# what extends an organisation's name: `Department | for Environment`
_ORG_TAIL_RE = re.compile(
    r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)*"
)
_APPOSITIVE_NAME_RE = re.compile(rf"^[^,\"“”]{{1,60}},\s+({_RUN})(?=\s*(?:[,.;]|$))")
_OF_TAIL_RE = re.compile(
    rf"(?=[A-Z])(?<!\S)({_RUN}),?\s+(?:of|from|at|with)\s+(?:the\s+|an?\s+)?"
    r"(?:[a-z][\w-]*\s+){0,4}$"
)
_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i"))
_ACCORDING_ANY_RE = re.compile(r"\b[Aa]ccording to\s+(?:(?:the|a|an)\s+)?")
_ACCORDING_RE = re.compile(r"^[\s,;—–-]*according to\s+(?:(?:the|a|an)\s+)?")
# Words and phrases that stand between a subject and its verb ("Kim also said",
# "he's reported to have said", "the ministry in a statement said").
_TAIL_WORDS = frozenset(
    """also reportedly later earlier previously then again further separately publicly
    privately repeatedly recently once has had have would will could may might did does
    do is was were are been only just first immediately quickly flatly firmly angrily
    simply even on last this today yesterday tonight monday tuesday wednesday thursday
    friday saturday sunday morning afternoon evening night week month year""".split()
)
_TAIL_PHRASES = (
    "in a statement", "in an interview", "in a speech", "in a post", "in a tweet",
    "reported to have", "quoted as having", "said to have", "understood to have",
)
# (`[.!?…][.!?…]*`, not `[.!?…]+`: a pattern that opens with a repeat is tried at every
# position, one that opens with a character class lets the scanner skip to the marks)
_SENTENCE_END_RE = re.compile(r"[.!?…][.!?…]*[\"”’')]*\s+(?=[\"“‘'(]?[A-Z0-9])")
_ABBR_BEFORE_RE = re.compile(rf"(?:\b{_ABBR}|\b[A-Z]\.|\b[A-Z]\.[A-Z]\.)$")
# The longest a sentence is taken to be, in characters.
_SENTENCE_REACH = 600
# How far before its verb a subject (with its appositive) may start, in characters.
_SUBJECT_REACH = 320
# How long a noun phrase before a verb may be, in characters.
_NP_REACH = 160
# How far back a pronoun looks for its person, in characters.
_PRONOUN_REACH = 2500


_offset = itemgetter(0)
_DROPPED = (-1, "")  # a name left out of the registry's persons


def _strip_possessive(token: str) -> str:
    return token[:-2] if token.endswith(("'s", "’s")) else token


def _key(token: str) -> str:
    return token.rstrip(".").casefold()


class SpeakerResolver:
    """Attribute every quotation of one document (spans in text order)."""

    def __init__(
        self,
        doc: Document,
        spans: Sequence[QuoteSpan],
        *,
        bounds: list[tuple[int, int]] | None = None,
    ) -> None:
        """``bounds``: the paragraphs' (start, end), if the caller has them already."""
        self.doc = doc
        self.text = doc.text
        self.spans = list(spans)
        self.bounds = bounds or (
            doc.paragraphs.bounds()
            if doc.paragraphs
            else [(0, len(doc.text))]
        )
        self._para_starts = [b[0] for b in self.bounds]
        self._sentences: dict[int, list[int]] = {}
        self._quoted = sorted(
            (s.open_mark, s.end) for s in self.spans
        )
        self._quoted_starts = [q[0] for q in self._quoted]
        self._registry: dict[str, list[tuple[int, str]]] | None = None
        self._persons: list[tuple[int, str]] | None = None
        self._person_offsets: list[int] = []
        # speakers noted before the registry is built (one in seven documents never
        # needs it), in the order they were noted
        self._noted: list[tuple[int, str]] = []
        self._orgs: list[tuple[int, str, str]] = []
        self._titled: list[tuple[int, str, str]] = []  # (offset, name, its titles)
        self._found: list[tuple[str, str] | None] = []  # explicit cues, in span order
        self._blocked: set[int] = set()
        self._shorts: dict[int, bool] = {}
        self._common: dict[str, bool] = {}
        # the last quotation's opening mark and its sentence up to there, quotations masked
        self._before: tuple[int, str] = (-1, "")
        # per quotation, after resolve(): whether its sentence has a reporting cue at all
        self.cued: list[bool] = []

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
            elif found[-1] is not None and found[-1][1] == PERSON:
                self._note_person(span.open_mark, found[-1][0])
        result = [f[0] if f else None for f in found]
        self.cued = [f is not None or i in self._blocked for i, f in enumerate(found)]
        self._inherit(result)
        return result

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
        last_long: dict[int, str] = {}  # ... of a quotation longer than a word or two
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
                    result[i] = last_long.get(s.paragraph - 1)
            if result[i]:
                last[s.paragraph] = result[i]
                if not self._short(s):
                    last_long[s.paragraph] = result[i]

    @staticmethod
    def _open_of(span: QuoteSpan) -> int:
        return span.open_mark

    def _short(self, span: QuoteSpan) -> bool:
        short = self._shorts.get(span.start)
        if short is None:
            short = self._shorts[span.start] = few_words(self.text, span.start, span.end)
        return short

    # --- explicit cues ---------------------------------------------------------------

    def _explicit(self, span: QuoteSpan) -> tuple[str, str] | None:
        text = self.text
        pstart, pend = self.bounds[span.paragraph]
        open_at = span.open_mark
        pre_from = self._sentence_start(span.paragraph, open_at)
        pre = self._masked(pre_from, open_at)
        self._before = (open_at, pre)
        opens_sentence = not pre.strip(" \t\n—–-:•…")
        # (the words after the quotation are cut out only when their turn comes: a
        # sentence that names its speaker before the quotation never needs them)
        if not opens_sentence:
            return self._pre_cue(pre, pre_from) or self._post_cue(
                self._after(span), span.close_mark + 1
            )
        found = self._post_cue(self._after(span), span.close_mark + 1) or self._pre_cue(
            pre, pre_from
        )
        if found:
            return found
        if pre_from > pstart:
            # `She said smaller firms would feel it first. "A large …"`: the sentence
            # before, in the same paragraph, names who is talking
            s0 = self._sentence_start(span.paragraph, pre_from - 1)
            return self._pre_cue(self._masked(s0, pre_from), s0)
        if open_at == pstart and span.paragraph > 0:
            # a colon introduction closing the previous paragraph
            ppstart, ppend = self.bounds[span.paragraph - 1]
            if text[ppstart:ppend].rstrip().endswith(":"):
                s0 = self._sentence_start(span.paragraph - 1, ppend - 1)
                return self._pre_cue(self._masked(s0, ppend), s0)
        return None

    def _after(self, span: QuoteSpan) -> str:
        """The rest of the sentence after the quotation's closing mark, if any."""
        if span.close_mark < 0:
            return ""
        text = self.text
        end_para = self._paragraph_of(span.close_mark)
        post_end = min(self.bounds[end_para][1], span.close_mark + 300)
        nxt = self._next_open(span.close_mark + 1, post_end)
        post = self._cut_sentence(text[span.close_mark + 1 : nxt])
        inner_ends = text[span.start : span.end].rstrip()[-1:] in (".", "!", "?", "…")
        if inner_ends and post.lstrip()[:1].isupper():
            return ""  # the quote ended its sentence: what follows is a new one
        return post

    def _post_cue(self, post: str, base: int) -> tuple[str, str] | None:
        if not post:
            return None
        m = _ACCORDING_RE.match(post)
        if m:
            return self._name_after(post[m.end() :], base + m.end())
        v = _VERB_RE.search(post)
        if v is None:
            return None
        left = post[: v.start()]
        if not left.strip(" \t,.;:—–-!?"):
            # inverted: `"…," said X`
            return self._name_after(post[v.end() :], base + v.end())
        if len(left) > 160:
            return None
        return self._subject_before(left.lstrip(" \t,.;:—–-!?"), base + v.start())

    def _pre_cue(self, pre: str, base: int) -> tuple[str, str] | None:
        if not pre.strip():
            return None
        head = pre.rstrip(" \t…")
        if head.endswith(":") and not _VERB_RE.search(head[-80:]):
            # `Kono: "We protest"` (a colon introduction with no verb)
            found = self._subject_before(head[:-1], base + len(head) - 1)
            if found and " " in found[0]:  # a full name: "Update:" and "Note:" are not
                return found
        for v in reversed(list(_VERB_RE.finditer(pre))):
            found = self._subject_before(pre[: v.start()], base + v.start())
            if found:
                return found
        m = _ACCORDING_ANY_RE.search(pre) if "ccording" in pre else None
        if m:
            return self._name_after(pre[m.end() :], base + m.end())
        return None

    # --- noun phrases ----------------------------------------------------------------

    def _name_after(self, s: str, pos: int) -> tuple[str, str] | None:
        m = _RUN_START_RE.match(s)
        if not m or m.group(2).endswith(("'s", "’s")):
            # `according to the authority's chief executive, Daniel Reyes, …`
            a = _APPOSITIVE_NAME_RE.match(s)
            if a:
                return self._from_run(a.group(1), pos + a.start(1), the=False)
            return None
        between = s[: m.start(2)]
        if re.search(r"\b(?:a|an|that|which|who|it|this)\b", between):
            return None
        later = _ROLE_THEN_NAME_RE.match(s, m.end(2))
        if later and not _NOT_ROLE_WORDS.intersection(later.group(1).split()):
            # `said Goldman Sachs economist Jan Hatzius`: the name after the role
            return self._from_run(later.group(2), pos + later.start(2), the=False)
        return self._from_run(m.group(2), pos + m.start(2), the=bool(re.search(
            r"\bthe\s+$", between, re.IGNORECASE)))

    def _subject_before(self, left: str, pos: int) -> tuple[str, str] | None:
        # a subject and its appositive fit in a few hundred characters; the anchored
        # patterns below would otherwise scan the whole sentence
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
            if seg and _RUN_RE.fullmatch(seg) and seg.split()[0].casefold() not in _COMMON_CAPS:
                found = self._from_run(seg, pos - len(left) + opener + 1, the=False)
                if found:
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
            return None  # no name, no organisation ends here (most candidates stop here)
        s = s[-_NP_REACH:]  # the end-anchored patterns below need only the end
        last_word = s.rsplit(None, 1)[-1]
        # (`the minister`, `the company`: a lower-case word ends both, where most subjects
        # that get this far end in a name)
        if "a" <= last_word[0] <= "z":
            m = _ROLE_END_RE.search(s)
            if m and m.group(1) in _TITLES:
                # `the minister said`: the person given that title earlier
                return self._role_antecedent(m.group(1), pos)
            m = _DEFINITE_ORG_END_RE.search(s)
            if m:
                if re.search(r"\b(?:for|of|at|from|with|to)\s+$", s[: m.start()]):
                    return None  # `a spokesperson for the department`: the subject is unnamed
                return self._org_antecedent(m.group(1).casefold(), pos)
        m = _ORG_OF_END_RE.search(s) if _OF_FOR_RE.search(s) else None
        if m and _key(m.group(2).split()[-1]) in _ORG_HEADS:
            return self._owner(s[: m.start()], pos) or (
                re.sub(r"^[Tt]he\s+", "", m.group(1)), ORG
            )
        # (the head word ends the string, after white space)
        ends_in_head = s[-1:].isspace() or last_word in _ORG_HEAD_WORDS
        m = _ORG_NP_END_RE.search(s) if ends_in_head else None
        if m and re.search(r"[A-Z]", m.group(1)[1:] if m.group(1)[0] == "T" else m.group(1)):
            owner = self._owner(s[: m.start()], pos)
            if owner:
                return owner
            name = re.sub(r"^[Tt]he\s+", "", m.group(1))
            return name, ORG
        m = _RUN_END_RE.search(s)
        if not m:
            return None
        run = m.group(1)
        head = s[: m.start(1)]
        owner = _OF_TAIL_RE.search(head)
        if owner:
            # `Tomas Lindqvist of the advocacy group Access First said`: the person
            found = self._from_run(owner.group(1), pos, the=False)
            if found and found[1] == PERSON:
                return found
        return self._from_run(run, pos, the=bool(re.search(r"\b[Tt]he\s+$", head)))

    def _owner(self, head: str, pos: int) -> tuple[str, str] | None:
        """The person an organisation belongs to, where ``head`` ends `Henrik Olsen of`:
        `Professor Henrik Olsen of the University of Copenhagen said` is Olsen speaking.
        Only a full name counts: a lone capitalised word may open a group's own name."""
        owner = _OF_TAIL_RE.search(head)
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
        if lead:
            tokens, keys = tokens[lead:], keys[lead:]
        if tokens[-1].endswith(("'s", "’s")):
            return None  # a possessive modifies the subject; it is not the subject
        if keys[-1] in _DATE_WORDS:
            return None
        if keys[-1] in _ORG_HEADS or the or (
            len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1
        ):
            return " ".join(tokens), ORG
        last_title = _last_title(tokens, keys)
        person = tokens[last_title + 1 :]
        if not person:
            return None
        if len(person) == 1:
            full = self._full_name(person[0], pos)
            if full:
                return full, PERSON
            if last_title < 0 and self._is_common_word(person[0]):
                return None
            if last_title < 0 and keys[0] in _PLACE_WORDS:  # ("korea" among them)
                return " ".join(tokens), ORG
            return person[0], PERSON
        if keys[last_title + 1] in _PLACE_WORDS and last_title < 0:
            return " ".join(tokens), ORG
        if keys[last_title + 1] in _PARTICLES:
            # `De Vries said` opening a sentence: the `Marieke de Vries` named before
            full = self._full_name(person[-1], pos)
            if full and full.casefold().endswith(" ".join(person).casefold()):
                return full, PERSON
        return " ".join(person), PERSON

    def _is_common_word(self, token: str) -> bool:
        """A capitalised word that is an ordinary word (``Experts said …``): the article
        also writes it in lower case, or never capitalises it inside a sentence."""
        if _key(token) in _COMMON_CAPS:
            return True
        common = self._common.get(token)
        if common is None:
            text = self.text[:200_000]
            # (a plural never capitalised inside a sentence is "Analysts", "Officials";
            # a lone name like "Biden" may well open every sentence it is in)
            common = _occurs(text, token.casefold(), _is_word_start) or (
                token.endswith("s")
                and len(token) > 3
                and not _occurs(text, token, _is_inside_sentence)
            )
            self._common[token] = common
        return common

    # --- who a name or a pronoun refers to -------------------------------------------

    def _build_registry(self) -> None:
        registry: dict[str, list[tuple[int, str]]] = {}
        persons: list[tuple[int, str]] = []
        singles: list[tuple[int, bool]] = []  # (index in persons, titled) of lone names
        orgs: list[tuple[int, str, str]] = []
        titled: list[tuple[int, str, str]] = []
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
                if kind == _ORG_RUN:
                    tail = _ORG_TAIL_RE.match(text, m.end())
                    orgs.append((at, name + tail.group(0) if tail else name, key))
                    continue
                if at >= 4 and text[at - 4 : at] in ("the ", "The "):
                    continue
                if titles:
                    titled.append((at, name, titles))
                if kind == _FULL:
                    if _key(name.split(" ", 1)[0]) in _PARTICLES:
                        # `De Vries said` opening a sentence: the `Marieke de Vries` named before
                        earlier = registry.get(_key(name.rsplit(" ", 1)[-1]), [])
                        if earlier and earlier[-1][1].casefold().endswith(" " + name.casefold()):
                            persons.append((at, earlier[-1][1]))
                            continue
                    for k in key.split(" "):
                        registry.setdefault(k, []).append((at, name))
                else:
                    singles.append((len(persons), kind == _TITLED))
                persons.append((at, name))
        self._registry = registry
        self._orgs = orgs
        # a name given alone stands for the full name used before it; with none it is
        # left out, unless a title shows it is a person ("President Trump")
        dropped = False
        for i, is_titled in singles:
            off, name = persons[i]
            full = self._lookup(name, off)
            if full:
                persons[i] = (off, full)
            elif not is_titled:
                persons[i] = _DROPPED
                dropped = True
        resolved = [p for p in persons if p is not _DROPPED] if dropped else persons
        self._persons = resolved
        self._person_offsets = [p[0] for p in resolved]
        for pos, name in self._noted:
            self._note_person(pos, name)
        self._titled = [(off, self._lookup(n, off) or n, t) for off, n, t in titled]

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

    def _lookup(self, token: str, pos: int) -> str | None:
        assert self._registry is not None
        cands = self._registry.get(_key(token))
        if not cands:
            return None
        # (each list is in text order: the last one before ``pos``, or else the first)
        i = bisect_left(cands, pos, key=_offset)
        return cands[i - 1 if i else 0][1]

    def _full_name(self, token: str, pos: int) -> str | None:
        if self._registry is None:
            self._build_registry()
        return self._lookup(token, pos)

    def _pronoun(self, pronoun: str, pos: int) -> tuple[str, str] | None:
        if pronoun in ("he", "she"):
            if self._persons is None:
                self._build_registry()
            assert self._persons is not None
            i = bisect_left(self._person_offsets, pos) - 1
            if i < 0 or pos - self._persons[i][0] > _PRONOUN_REACH:
                return None
            # the first person named in the nearest sentence that names one (a subject
            # more often than an object)
            nearest = self._persons[i][0]
            s0 = self._sentence_start(self._paragraph_of(nearest), nearest)
            j = i
            while j > 0 and self._persons[j - 1][0] >= s0:
                j -= 1
            return self._persons[j][1], PERSON
        if pronoun in ("it", "they"):
            return self._last_org(pos)
        return None

    def _note_person(self, pos: int, name: str) -> None:
        """A speaker is a person mentioned there, even one named only once ("Biden")."""
        if self._persons is None:
            self._noted.append((pos, name))  # (building the registry waits for a use)
            return
        i = bisect_left(self._person_offsets, pos)
        self._persons.insert(i, (pos, name))
        self._person_offsets.insert(i, pos)

    def _role_antecedent(self, title: str, pos: int) -> tuple[str, str] | None:
        if self._registry is None:
            self._build_registry()
        for off, name, titles in reversed(self._titled):
            if off < pos and pos - off <= _PRONOUN_REACH * 2 and title in titles.split():
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

    def _has_own_cue(self, span: QuoteSpan) -> bool:
        open_at = self._open_of(span)
        seen_at, before = self._before  # (_explicit has just cut it out, as a rule)
        if seen_at != open_at:
            before = self._masked(self._sentence_start(span.paragraph, open_at), open_at)
        if _VERB_RE.search(before) is not None:
            return True
        if span.close_mark < 0:
            return False
        # `"…," one official said` / `"…," said one man`
        after = self.text[span.close_mark + 1 : span.close_mark + 60]
        after = self._cut_sentence(after)
        return after[:1] in (",", " ") and _VERB_RE.search(after) is not None

    # --- sentences and paragraphs ----------------------------------------------------

    def _paragraph_of(self, pos: int) -> int:
        return max(0, bisect_left(self._para_starts, pos + 1) - 1)

    def _sentence_start(self, para: int, pos: int) -> int:
        starts = self._sentences.get(para)
        if starts is None:
            pstart, pend = self.bounds[para]
            starts = [pstart]
            text = self.text
            quoted, quoted_starts = self._quoted, self._quoted_starts
            for m in _SENTENCE_END_RE.finditer(text, pstart, pend):
                end = m.start()
                # (every abbreviation has a capital in the four characters before its
                # point: most sentences end in a lower-case word and need no search)
                if not text[end - 4 if end >= 4 else 0 : end].islower() and _ABBR_BEFORE_RE.search(
                    text, max(pstart, end - 6), end + 1
                ):
                    continue
                # a sentence end inside a quotation does not end the narration's sentence
                after = m.end()
                q = bisect_left(quoted_starts, after + 1) - 1
                if q >= 0 and quoted[q][0] < after < quoted[q][1]:
                    continue
                starts.append(after)
            self._sentences[para] = starts
        i = bisect_left(starts, pos + 1) - 1
        # a "sentence" of thousands of characters is a list or a run-on: look back a
        # sentence's worth only, so that no window grows with the paragraph
        return max(starts[max(i, 0)], pos - _SENTENCE_REACH)

    def _masked(self, start: int, end: int) -> str:
        """text[start:end] with the quotations in it blanked out (their verbs are not cues)."""
        text = self.text
        i = bisect_left(self._quoted_starts, start)
        while i > 0 and self._quoted[i - 1][1] > start:
            i -= 1
        pieces: list[str] = []
        at = start
        quoted = self._quoted
        for k in range(i, len(quoted)):
            qs, qe = quoted[k]
            if qs >= end:
                break
            a, b = max(qs, at), min(qe + 1, end)
            if b > a:
                pieces.append(text[at:a])
                pieces.append("…" * (b - a))
                at = b
        pieces.append(text[at:end])
        return "".join(pieces)

    def _next_open(self, pos: int, limit: int) -> int:
        i = bisect_left(self._quoted_starts, pos)
        if i < len(self._quoted) and self._quoted[i][0] < limit:
            return self._quoted[i][0]
        return limit

    @staticmethod
    def _cut_sentence(post: str) -> str:
        m = _SENTENCE_END_RE.search(post)
        while m and _ABBR_BEFORE_RE.search(post, max(0, m.start() - 6), m.start() + 1):
            m = _SENTENCE_END_RE.search(post, m.end())
        return post[: m.start() + 1] if m else post


_SKIP, _ORG_RUN, _FULL, _TITLED, _SINGLE = range(5)
_NOT_A_NAME = (_SKIP, "", "", "")  # (one tuple for the commonest answer, not one each)


# The cache outlives the build, so it is sized for the names that recur, not for every
# run of an archive: most runs occur once (at 10,000 articles a third as many entries
# cost 2% more time and 20 MB less memory).
@lru_cache(maxsize=32_768)
def _run_kind(run: str) -> tuple[int, str, str, str]:
    """What a run of capitalised words names, out of context: (kind, name, key, titles).

    ``key`` is an organisation's head word, or a person's first and last name as
    lookup keys; ``titles`` the title words before a person's name ("foreign minister").
    Cached: the same names recur across thousands of articles. A name that is the whole
    run is the run's own string, which the cache holds anyway.
    """
    tokens = [_strip_possessive(t) for t in run.split()]
    keys = [_key(t) for t in tokens]
    lead = 0
    while lead < len(keys) and keys[lead] in _LEADING_WORDS:
        lead += 1
    if lead == len(keys):
        return _NOT_A_NAME
    if lead:
        tokens, keys = tokens[lead:], keys[lead:]
    if keys[-1] in _ORG_HEADS:
        return _ORG_RUN, _same(" ".join(tokens), run), keys[-1], ""
    if any(k in _DATE_WORDS for k in keys):
        return _NOT_A_NAME
    if keys[0] in _PLACE_WORDS or keys[-1] in _PLACE_WORDS:
        return _NOT_A_NAME
    last_title = _last_title(tokens, keys)
    person = tokens[last_title + 1 :]
    if not person or len(person) > 4:
        return _NOT_A_NAME
    name = _same(" ".join(person), run)
    titles = " ".join(k for k in keys[: last_title + 1] if k in _TITLES)
    if len(person) >= 2:
        keys_ = " ".join(sorted({_key(person[0]), _key(person[-1])}))
        return _FULL, name, keys_, titles
    return (_TITLED if last_title >= 0 else _SINGLE), name, "", titles


def _same(s: str, other: str) -> str:
    """``s``, or ``other`` if they are equal: one string kept instead of two."""
    return other if s == other else s


def _occurs(text: str, word: str, before_ok: Any) -> bool:
    """Whether ``word`` occurs as a whole word where ``before_ok(text, at)`` holds
    (plain ``str.find``: much faster than a regex that starts with a look-behind)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (end >= len(text) or not text[end].isalnum()) and before_ok(text, at):
            return True
        at = text.find(word, end)
    return False


def _is_word_start(text: str, at: int) -> bool:
    return at == 0 or not text[at - 1].isalnum()


def _is_inside_sentence(text: str, at: int) -> bool:
    """``at`` follows a word or a comma on the same line (`"…," Smith said`): not a
    sentence's first word."""
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i >= 0 and i < at - 1 and text[i] in "\"”’'" and i > 0:
        i -= 1  # a closing quote mark: what came before it decides
    return i < at - 1 and i >= 0 and (text[i].isalnum() or text[i] in ",;")


def _strip_tail(s: str) -> str:
    """``s`` without the adverbials and auxiliaries it ends with."""
    while True:
        s = s.rstrip(" \t\n")
        if s.endswith(")") and "(" in s[-40:]:
            s = s[: s.rindex("(")]  # `Sen. Elizabeth Warren (D-Mass.) said`
            continue
        if s.endswith(("'s", "’s")):
            s = s[:-2]
            continue
        low = s[-20:].casefold()
        phrase = (
            next(p for p in _TAIL_PHRASES if low.endswith(p))
            if low.endswith(_TAIL_PHRASES)  # (one C call rules out all the phrases)
            else None
        )
        if phrase and not s[: -len(phrase)][-1:].isalnum():
            s = s[: -len(phrase)]
            continue
        cut = max(s.rfind(" "), s.rfind("\n"), s.rfind("\t"))
        word = s[cut + 1 :]
        # auxiliaries and adverbs are written in lower case ("Theresa May said")
        if word.casefold() in _TAIL_WORDS and (word.islower() or word.casefold() in _DAYS):
            s = s[: cut + 1]
            continue
        return s


def _last_title(tokens: list[str], keys: list[str]) -> int:
    """Index of the last title, nationality or acronym in a run of capitalised words:
    the name is what follows it ("Japanese Foreign Minister | Taro Kono")."""
    # (from the end: the last one found is the answer, and most runs are short names)
    for i in range(len(keys) - 1, -1, -1):
        if keys[i] in _TITLE_WORDS or _acronym(tokens[i]):
            return i
    return -1


def _acronym(token: str) -> bool:
    bare = token.replace(".", "")
    return len(bare) >= 2 and bare.isupper() and bare.isalpha()


class NameBook:
    """The entity list's PERSON and ORG names, indexed once for the whole corpus.

    Built per corpus rather than per document: walking every entity for every document
    made quote extraction quadratic in the size of the corpus.
    """

    def __init__(self, entities: list[Any]) -> None:
        self.exact: dict[str, str] = {}
        self.kinds: dict[str, str] = {}  # a PERSON's or ORG's name → its type
        # every PLACE's and ORG's names, casefolded: what may stand beside a name
        self.places_and_orgs: set[str] = set()
        # a first or last name → (count, full name, sources) of the people it may stand for
        self._people: dict[str, list[tuple[int, str, Any]]] = {}
        # ... per name, then per source: only the few names that a document quotes bare are
        # ever asked for, so this index is built for them alone, on first use
        self._by_source: dict[str, dict[str, list[tuple[int, str]]]] = {}
        for e in entities:
            etype = getattr(e, "type", "")
            if etype in (PLACE, ORG):
                self.places_and_orgs.update(
                    n.casefold() for n in (e.name, *getattr(e, "aliases", []))
                )
            if etype not in (PERSON, ORG):
                continue
            self.kinds.setdefault(e.name, etype)
            for n in (e.name, *getattr(e, "aliases", [])):
                self.exact.setdefault(n.casefold(), e.name)
            parts = e.name.split()
            if etype != PERSON or len(parts) < 2:
                continue
            tokens = {parts[0].casefold(), parts[-1].casefold()}
            packed = getattr(e.mentions, "distinct_sources", None)  # (no Mention per mention)
            sources = packed() if packed else {getattr(m, "source", None) for m in e.mentions}
            person = (e.count, e.name, sources)  # (one tuple under both names, not two)
            for t in tokens:
                self._people.setdefault(t, []).append(person)

    def spelling(self, source: str, name: str) -> str:
        """``name`` as the entity list spells it in ``source`` (itself if unknown)."""
        return _Canon(self, source)(name)

    def candidates(self, source: str, token: str) -> list[tuple[int, str]]:
        """(count, full name) of the people mentioned in ``source`` whose first or last
        name is ``token`` (casefolded), in entity order."""
        book = self._by_source.get(token)
        if book is None:
            book = self._by_source[token] = {}
            for count, name, sources in self._people.get(token, ()):
                for src in sources:
                    book.setdefault(src, []).append((count, name))
        return book.get(source, [])


# The most words a speaker's name is searched for a known name in (longer runs are lists).
_MAX_RUN_WORDS = 8
# Words that stand next to a name in a run of capitals without being part of it.
_NEXT_TO_NAMES = FUNCTION_WORDS | AFFILIATIONS | TITLE_WORDS | PERSON_ROLES | _TITLES


class _Canon:
    """Entity names as the canonical spelling of a speaker's name in one document."""

    def __init__(self, book: NameBook, source: str) -> None:
        self.exact = book.exact
        self.book = book
        self.source = source

    def __call__(self, name: str) -> str:
        return self._known(name) or self._within(name) or name

    def _known(self, name: str) -> str | None:
        """The entity ``name`` is: by its name or an alias, or, for one word, the one
        person of the document with that first or last name."""
        exact = self.exact.get(name.casefold())
        if exact:
            return exact
        if " " not in name:
            cands = sorted(self.book.candidates(self.source, name.casefold()), reverse=True)
            if len(cands) == 1 or (len(cands) > 1 and cands[0][0] > cands[1][0]):
                return cands[0][1]
        return None

    def _within(self, name: str) -> str | None:
        """The person a run of capitalised words names inside it, where the run as a
        whole is no entity and the words around the name are plainly not part of it:
        a sentence's first word, a party label, a role or an employer ran into the name
        ("Does Rubio", "Democrat Hillary Clinton", "Fox News’ Bret Baier"), or a place
        after it ("Sanders New Hampshire"). A run of name words ("Mary Kay Henry") is
        left as it is: the text knows the name better than the entity list."""
        tokens = name.split()
        if not 1 < len(tokens) <= _MAX_RUN_WORDS or not all(t[:1].isupper() for t in tokens):
            return None
        n = len(tokens)
        # the longest lead of words beside a name, then the longest tail
        lead = next((k for k in range(n - 1, 0, -1) if self._beside_a_name(tokens[:k])), 0)
        tail = next(
            (k for k in range(n - lead - 1, 0, -1) if self._beside_a_name(tokens[n - k :])), 0
        )
        if lead == 0 and tail == 0:
            return None
        for end in range(n, n - tail - 1, -1):
            if end < n and not self._beside_a_name(tokens[end:]):
                continue
            found = self._known(" ".join(tokens[lead:end]))
            if found is not None and self.book.kinds.get(found) == PERSON:
                return found
        # a name the entity list lacks: without the words that are plainly not part of
        # it (a place or organisation the list knows may also be a name's first word)
        # (a body keeps its owner: "South Korea's Defense Ministry")
        if _key(tokens[-1]) in _ORG_HEADS or _key(tokens[-1]) in BODY_NOUNS:
            return None
        lead = next((k for k in range(n - 1, 0, -1) if self._beside_a_name(tokens[:k], False)), 0)
        return " ".join(tokens[lead:]) if lead else None

    def _beside_a_name(self, words: list[str], known: bool = True) -> bool:
        """Whether ``words`` are what news writing puts next to a name without being
        part of it: function words, party labels, titles and roles (the shared
        lexicon), a possessive employer, or (``known``) a place or organisation the
        entity list knows."""
        last = words[-1]
        if last.endswith(("'s", "’s", "s'", "s’")) or last.endswith("-based"):
            return True
        if len(words) == 1 and _key(last) in _NEXT_TO_NAMES:
            return True
        if not known:
            return False
        if len(words) == 1 and self.book.candidates(self.source, last.casefold()):
            return False  # a person's first or last name here ("Mary", "Rubio")
        return " ".join(words).casefold() in self.book.places_and_orgs


def spell_speakers(quotes: Iterable[Quote], names: NameBook) -> None:
    """Give each speaker the entity list's spelling of the name, in place.

    Attribution itself needs no entities, so the quotations of a large archive are
    found while its entities are still being merged (on another core), and only this
    last step waits for them. Quotes of one document are expected together, as
    extraction yields them.
    """
    source: str | None = None
    canon: _Canon | None = None
    spelled: dict[str, str] = {}  # (a document quotes a few people, most more than once)
    for q in quotes:
        name = q.speaker
        if name is None:
            continue
        if q.source != source or canon is None:
            source, canon, spelled = q.source, _Canon(names, q.source), {}
        spelling = spelled.get(name)
        if spelling is None:
            spelling = spelled[name] = canon(name)
        q.speaker = spelling
