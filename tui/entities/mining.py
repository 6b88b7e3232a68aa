"""Mining: one pass over each document's body text for the candidate names it holds.

Lines where capitals prove nothing (headlines, photo credits) are set apart; each run of
capitalised words is cut into name forms, whose mentions are gathered in :class:`_Groups`
and whose evidence of type is tallied as votes. :func:`mine_shard` mines a run of a
corpus's documents in another process, for the merge to take in with the other runs.

The readings of runs are in :mod:`tui.entities.readings`, the hints of type around a
mention in :mod:`tui.entities.hints`, and the shapes of text that set a run apart in
:mod:`tui.entities.shapes`.
"""


from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from tui.corpus.document import BODY, Document
from tui.corpus.sections import credit_lines
from tui.entities.casing import _CAPITAL, _CASE_SAMPLE, _WEAK, Casing, in_lower_case
from tui.entities.furniture import _OPENERS, _QUOTE_MARKS, _TERMINAL, _shouting_lines
from tui.entities.groups import _WEAK_SAMPLE, _Form, _Groups, _Votes
from tui.entities.hints import _context_votes
from tui.entities.readings import _Readings, _readings
from tui.entities.shapes import (
    _DASHES,
    _SHORTENED,
    _after_dateline,
    _initials_match,
    _slashed_before,
    _state_tag,
    _title_line,
    _title_tail,
)
from tui.nlp.lexicon import (
    CURRENCY_CODES,
    DEGREES,
    FUNCTION_WORDS,
    MONTHS,
    NUMBERED_LABELS,
    ORG_HEADS,
    PERSON,
    PLACE,
    PLATFORM_NOUNS,
    SHORT_DAYS,
    WEEKDAYS,
)
from tui.nlp.name_runs import (
    DEFINITION,
    DEFINITION_STARTS,
    RUN,
    STRONG,
    Piece,
    nickname_cut,
    platform_at,
)
from tui.nlp.places import Gazetteer, fold, folding, load_gazetteer
from tui.nlp.tickers import ticker_around
from tui.util.collector import no_collector

__all__ = ["SHARD_DOCUMENTS", "MinedShard", "mine_shard", "mined", "shards"]



# What mining a run of documents leaves for the merge: (groups, their forms, headline
# runs, acronym definitions, strong-vote tallies, each name's sampled weak hints, each
# word's sampled casing: per document, met capitalised mid-sentence, met in lower case;
# and of each one-word name, how many mentions were looked at for a medium's noun after
# them, and how many had one; and the words the documents write in lower case).
MinedShard = tuple[
    _Groups,
    list[_Form],
    list[tuple[str, int, str]],
    list[tuple[str, str]],
    dict[tuple[str, tuple[tuple[str, int], ...]], int],
    dict[str, list[tuple[tuple[str, int], ...]]],
    dict[str, list[tuple[bool, bool]]],
    dict[str, list[int]],
    set[str],
]
# The time zones of live pages and wire copy ("10:42 AEST", "9 a.m. EST on Friday").
# ("ET" and "PT" are left out: "told ET", The Economic Times, is a name.)
_TIME_ZONES = frozenset(
    """GMT UTC BST IST CET CEST EET EEST WET WEST MSK SAST WAT CAT EAT PKT HKT SGT JST
    KST AEST AEDT ACST ACDT AWST NZST NZDT EST EDT CST CDT MST MDT PST PDT AKST AKDT
    HST""".split()
)
# A company's legal form with its full stop inside a run: where the company's name ends.
_AFTER_COMPANY_FORM = re.compile(r"\b(?:Ltd|Inc|Corp|Plc|LLC|Pty|Bhd)\.(?= [A-Z])")
# A weekday written short, which after "the" names a paper ("told the Sun").
_SHORT_DAYS = frozenset(w.capitalize() for w in SHORT_DAYS)
# Single words that are never a name on their own: "The", "He", "Thursday", "GMT".
_SKIP = frozenset(
    [w.capitalize() for w in FUNCTION_WORDS | WEEKDAYS | MONTHS]
    + [w.upper() for w in ("a", "i", "the")] + ["I"] + list(_TIME_ZONES)
)
# An amount in a currency written before its digits ("Rs 500 crore", "RM5 million",
# "KSh 2,000", "N14.2bn", "the R350 grant"): a price, not a name. (Irish and South
# African road numbers, "N7", "R445", go with them: no body's name either.)
_CURRENCY_AMOUNT = re.compile(r"(?:Rs\.?|RM|Rp|KSh|Ksh|Sh|Tk|N|R)[ \t]?\d")
# ... or any code glued to its amount: a currency's ("EGP50", "Dh30"), one with a
# decimal or a scale ("VND5 million", "P2.1 billion", "PM2.5": a measure), and the
# letters of a dollar or a cedi ("US$197", "HK$12", "GH¢350"); not a model or an event
# ("A380", "COP26")
_GLUED_AMOUNT = re.compile(
    rf"(?:{'|'.join(sorted(CURRENCY_CODES, key=len, reverse=True))})\d"
    r"|[A-Z][A-Za-z]{0,3}\d[\d,]*(?:\.\d|[ \t]?(?:bn|tn|million|billion|trillion|crore|lakh)\b)"
    r"|[A-Z]{1,3}[$¢₵]\d"
)
# A lone N or R amount with a scale, a decimal or thousands ("R20bn", "N5.2 trillion").
_SCALED_AMOUNT = re.compile(
    r"[NR]\d[\d,]*(?:\.\d+)?(?:bn|m|tn|k|[ \t](?:million|billion|trillion|crore|lakh))\b"
    r"|[NR]\d{1,3}(?:,\d{3})+|[NR]\d+\.\d"
)
# A time before a zone that is also a paper's name ("8 p.m. ET", where "told ET" is one).
_AFTER_TIME_RE = re.compile(r"(?:\d|[ap]\.?m\.?)[ \t]+\Z")
# Eras written after a year ("300 BC", "250 B.C.", "AD 79" aside): no province, no body.
_ERAS = frozenset(["BC", "B.C.", "BCE", "B.C.E.", "AD", "A.D.", "CE", "C.E."])
# What follows such an era: the sentence's end, a comma, a word in lower case that no
# name takes ("300 BC and", "1200 BC was") or a sentence's opener ("250 B.C. The"); not
# a noun ("the 2024 B.C. election") nor a name ("2022 BC Hydro", "B.C. Premier Eby").
_ERA_FOLLOWERS = [
    *"""the a an to by in on at when until till as was were is had has but with from of
    for after before during""".split(),
    *"The A An He She It They In By At On When After Before But".split(),
]
_AFTER_ERA_RE = re.compile(
    r"(?:[ \t]*(?:$|[,;:)\]!?\n])"
    # (a word of its own: not "by-election")
    + r"|\.?[ \t]+(?:" + "|".join(sorted(_ERA_FOLLOWERS, key=len, reverse=True)) + r")(?=[ \t]|$)"
    # ("and" not before a name: "the 2023 B.C. and Alberta wildfires")
    + r"|\.?[ \t]+(?:and|or)[ \t]+(?:(?![A-Z])|(?:AD|A\.D\.|BC|B\.C\.|BCE|CE)\b))",
    re.MULTILINE,
)
# The federal district after its city ("Washington, D.C."): part of the city's name as
# written, not a second place (nor the "DC" of an organisation's acronym).
_DISTRICT = re.compile(r",? (D\.C\.|DC)(?![\w-])")


# A medium's noun right after a one-word name: "Twitter account", "Facebook post". It
# is looked for at this many mentions of each name in each shard: enough for a name
# that a medium's noun follows one time in ten, at a bounded cost per name. (Shards are
# cut in the same places by every build, so the counts are the same on any machine.)
_MEDIA_SAMPLE = 40
_MEDIUM_AFTER = re.compile(
    " (?:" + "|".join(sorted(PLATFORM_NOUNS, key=lambda w: (-len(w), w))) + r")(?![\w-])"
)


def _glued_amount(text: str, run: str, at: int, end: int) -> bool:
    """Whether the run's last word, at ``at`` (the run ends at ``end``), is an amount
    glued to its code (see _GLUED_AMOUNT); only a word ending in a figure, or before a
    dollar's or a cedi's sign, is asked."""
    return (run[-1].isdigit() or text[end : end + 1] in ("$", "¢", "₵")) and (
        _GLUED_AMOUNT.match(text, at) is not None
    )


class _Miner:
    """One pass over each document's body; votes and definitions gather across documents."""

    def __init__(self, gaz: Gazetteer, readings: _Readings | None = None) -> None:
        self.readings = readings or _Readings(gaz)
        self.analyser = self.readings.analyser
        # piece id → (key, strong votes): strong evidence counts for every mention, so
        # it is tallied from the groups' sizes at the end
        self.strong_forms: dict[int, tuple[str, tuple[tuple[str, int], ...]]] = {}
        self.strong: dict[tuple[str, tuple[tuple[str, int], ...]], int] = {}
        # (plain dicts, not Counters: a Counter is slow to make and to count into, and a
        # large corpus has a hundred thousand names)
        self.weak: dict[str, _Votes] = {}
        self.sampled: dict[str, int] = {}  # key → mentions whose weak hints were counted
        # key → each sampled mention's weak hints, kept when this miner mines a later
        # shard of the corpus: the shard before it decides how many of them count
        self.samples: dict[str, list[tuple[tuple[str, int], ...]]] | None = None
        self.turns = False  # (whether the document is a transcript: see mine)
        # run text → its entry, one memo for each (initial, after "the") pair: a large
        # corpus looks up a million runs, and a tuple key for each costs more than a dict
        self.caches: tuple[dict[str, tuple[tuple | None, Piece | None]], ...] = (
            {}, {}, {}, {}
        )
        # piece id → (key, surface, ambiguous, multi-word, length)
        self.forms: list[_Form] = []
        self.form_ids: dict[_Form, int] = {}
        self.definitions: list[tuple[str, str]] = []
        self.groups = _Groups()
        self.headlines: list[tuple[str, int, str]] = []
        self.casing = Casing()
        # form id -> the words whose casing its mentions tell of, with _CAPITAL/_WEAK
        self.case_words: list[tuple[tuple[str, int], ...]] = []
        # each word's casing per document, kept when this miner mines a later shard
        self.case_samples: dict[str, list[tuple[bool, bool]]] | None = None
        # one-word name -> [mentions looked at, those a medium's noun follows ("Twitter
        # account")], at up to _MEDIA_SAMPLE mentions in this shard
        self.media: dict[str, list[int]] = {}

    def form_id(self, key: str, surface: str, ambiguous: bool, multi: bool, length: int) -> int:
        form = (key, surface, ambiguous, multi, length)
        fid = self.form_ids.get(form)
        if fid is None:
            fid = self.form_ids[form] = len(self.forms)
            self.forms.append(form)
            words: tuple[tuple[str, int], ...] = ()
            if not multi and key.isalpha() and not (surface.isupper() and len(surface) <= 4):
                # (a form with strong evidence drops _WEAK when it is met: see _entry)
                words = ((key, _WEAK if ambiguous else _CAPITAL | _WEAK),)
            self.case_words.append(words)
        return fid

    def mine(self, doc: Document) -> None:
        text = doc.text
        if doc.sections:
            spans = [(s.start, s.end) for s in doc.sections if s.kind == BODY]
        else:
            spans = [(0, len(text))]
        buckets: dict[int, list[int]] = defaultdict(list)
        title = doc.meta.get("title")
        heading = _title_line(text, spans, title) if isinstance(title, str) else None
        read_lower = self.casing.read_lower
        # (a transcript's turns: lines opening with "Q. " and lines opening with "A. ")
        self.turns = "\nQ. " in text and "\nA. " in text
        for start, end in spans:
            self._section(doc.id, text, start, end, buckets, heading)
            read_lower(text, start, end)
        strong_forms, strong, groups = self.strong_forms, self.strong, self.groups
        if len(text) >= 1 << 31:
            groups.wide()
        number = groups.number(doc.id)
        # one-word names: key -> _CAPITAL (met mid-sentence here) | _WEAK (met with no
        # strong evidence: its lower-case use is worth a look)
        words: dict[str, int] = {}
        case_words = self.case_words
        for fid, starts in buckets.items():
            groups.add(number, fid, starts)
            sig = strong_forms.get(fid)
            if sig is not None:
                strong[sig] = strong.get(sig, 0) + len(starts)
            for key, flags in case_words[fid]:
                words[key] = words.get(key, 0) | flags
        counts = self.casing.counts
        samples = self.case_samples
        for key, flags in words.items():
            c = counts.get(key)
            if c is not None and (c[0] >= _CASE_SAMPLE or 2 * c[1] > _CASE_SAMPLE):
                continue  # (read enough: or a name, capitalised mid-sentence most times)
            capital = flags & _CAPITAL != 0
            lower = flags & _WEAK != 0 and in_lower_case(text, key)
            if c is None:
                counts[key] = [1, int(capital), int(lower)]
            else:
                c[0] += 1
                c[1] += capital
                c[2] += lower
            if samples is not None:
                samples.setdefault(key, []).append((capital, lower))

    def _section(
        self,
        source: str,
        text: str,
        start: int,
        end: int,
        buckets: dict[int, list[int]],
        heading: tuple[int, int] | None = None,
    ) -> None:
        shouting = _shouting_lines(text, start, end)
        if heading is not None and start <= heading[0] < end:
            shouting.append(heading)
        credits = credit_lines(text, start, end)
        caches = self.caches
        sampled = self.sampled
        media = self.media
        medium_after = _MEDIUM_AFTER.match
        skip, openers, terminal, quote_marks = _SKIP, _OPENERS, _TERMINAL, _QUOTE_MARKS
        startswith, find = text.startswith, text.find
        weak_sample = _WEAK_SAMPLE
        # Lines set apart, in text order: credits are skipped, headlines kept for later.
        zones = sorted([(a, b, False) for a, b in credits] + [(a, b, True) for a, b in shouting])
        z = 0
        district_end = -1  # the end of a city's "D.C." taken with the city
        for m in RUN.finditer(text, start, end):
            run = m.group()
            if run in skip and not (
                run in _SHORT_DAYS and text[m.start() - 4 : m.start()] == "the "
            ):
                continue
            rs, re_ = m.span()
            if run[:3] == "X. " and platform_at(text, rs):
                # `posted the update on X. Renata Ferris said`: the platform ends its
                # sentence; no initial of the name that opens the next
                rs += 3
                run = run[3:]
            if run in DEGREES:
                continue  # ("Helena Marr, M.D., …": a degree, no state)
            if run[0] in "RKSTN" and len(run) < 6 and _CURRENCY_AMOUNT.match(text, rs):
                continue
            if " " not in run and _glued_amount(text, run, rs, re_):
                continue  # ("EGP50", "VND5 million", "US$197": an amount, no name)
            if run[:2] in ("AM", "PM") and run[2:3] in ("", " ") and (
                text[rs - 2 : rs - 1].isdigit()
            ):
                if len(run) == 2:
                    continue  # ("6:02 AM": a time)
                rs += 3  # ("6:02 AM CDT May 28": the time, then its zone and the date)
                run = run[3:]
            space = run.find(" ")
            if 0 < space < 5 and run[:space] in _TIME_ZONES:
                continue  # "10:42 AEST on Saturday": a time
            if run[1:2] == "T" and run[0] in "EPC" and (len(run) == 2 or run[2] == " ") and (
                _AFTER_TIME_RE.search(text, max(start, rs - 8), rs)
            ):
                continue  # "8 p.m. ET": a time (where "told ET" names a paper)
            if run in NUMBERED_LABELS and text[re_ : re_ + 1] == " " and (
                text[re_ + 1 : re_ + 2].isdigit()
            ):
                continue  # ("Highway 16", "Local 1724": a label and its number)
            if '"' in run or "“" in run or "`" in run or " '" in run or "‘" in run:
                cut = nickname_cut(run)
                if cut > 0:
                    run = run[:cut]  # (`Ohio "Heartbeat" Bill`: Ohio, then a quotation)
                    re_ = rs + cut
            last = run.rfind(" ") + 1
            if last and (
                run[last] in "RKSTN" and _CURRENCY_AMOUNT.match(text, rs + last) and (
                    run[last] not in "NR" or _SCALED_AMOUNT.match(text, rs + last)
                    or self._is_place_word(run[: last - 1])
                )
                or _glued_amount(text, run, rs + last, re_)
            ):
                # ("Malaysia RM5 million", "Eskom R20bn", "Nigeria N14", "Egypt EGP50": a
                # name, then a price; not a model's number, "Audi R8", "Nokia N95")
                run = run[: last - 1]
                re_ = rs + len(run)
            if run[1:3] == ". " and run[0] in "QA" and self.turns and (
                rs == start or text[rs - 1] == "\n"
            ):
                # a transcript's turn ("Q. You're hoping …", "A. Yes."), no initial: the
                # words after it open a sentence
                rs += 3
                run = run[3:]
            if ". " in run:
                form = _AFTER_COMPANY_FORM.search(run)
                if form is not None:
                    # "… Maxwell Agrochem Ltd. Police said": a company's legal form ends
                    # its name, and the next word starts another (a sentence, a title)
                    run = run[: form.end()]
                    re_ = rs + len(run)
            if rs < district_end:
                continue
            if zones:
                while z < len(zones) and zones[z][1] <= rs:
                    z += 1
                if z < len(zones) and zones[z][0] <= rs:
                    if zones[z][2]:
                        self.headlines.append((source, rs, run))
                    continue
            before = text[rs - 1 : rs]
            tag_end = -1
            if before == " ":  # (a space comes before most runs: the tests that need one)
                era = run.split(" ", 1)[0] if text[rs - 2 : rs - 1].isdigit() else ""
                if era in _ERAS and _AFTER_ERA_RE.match(text, rs + len(era)):
                    if era == run:
                        continue
                    # ("250 B.C. The …", "753 BC and AD 476": the era, then what follows)
                    cut = len(era) + 1
                    for joiner in ("and ", "or "):
                        if run.startswith(joiner, cut):
                            cut += len(joiner)
                    rs += cut
                    run = run[cut:]
                if run[:1] == "A" and run in ("AD", "A.D.") and text[re_ : re_ + 1] == " " and (
                    text[re_ + 1 : re_ + 2].isdigit()
                ):
                    continue  # ("AD 476": the era before its year)
                # (most runs have no slash in the 30 characters before: a search in
                # place of a call)
                if find("/", rs - 30 if rs - 30 > start else start, rs - 1) >= 0 and (
                    _slashed_before(text, rs, start)
                ):
                    continue
                # (a state after a town: the run's first word, "D.C." of "D.C. on Friday")
                if text[rs - 2 : rs] == ", ":
                    space = run.find(" ")
                    tag = run if space < 0 else run[:space]
                    if len(tag) <= 5 and _state_tag(text, rs, rs + len(tag), tag, start) and (
                        not self._is_place_word(tag)
                    ):
                        if space < 0:
                            continue
                        tag_end = rs + len(tag)
            elif before in "(-" and before and self._tag_or_compound(text, rs, re_, run):
                continue
            if (
                before in "(.:" and before or text[rs - 2 : rs] in (": ", ", ", "; ")
                and run.isupper()
            ) and ticker_around(text, rs) is not None:
                continue  # ("Nvidia (NVDA.O)", "(NYSE: GE)": a listing's code, no name)
            if startswith(" of ", re_) and text[re_ + 4 : re_ + 5].isdigit() and (
                run.casefold() in ORG_HEADS
            ):
                continue  # "a Group of 12 summit": the name goes on in digits
            if startswith("the ", rs - 4) and _title_tail(text, rs, re_, start):
                continue
            # The first word of a sentence, line or quotation: its capital proves nothing.
            i = rs - 1
            quoted = False
            while i >= start and text[i] in openers:
                quoted = quoted or text[i] in quote_marks
                i -= 1
            initial = quoted or i < start or text[i] in terminal or (
                text[i] in _DASHES and _after_dateline(text, i, start)
            )
            after_the = (" and " in run or run in _SHORT_DAYS) and text[rs - 4 : rs] == "the "
            cache = caches[initial + 2 * after_the]
            entry = cache.get(run)
            if entry is None:
                entry = cache[run] = self._entry(run, initial, after_the)
            pieces, defines = entry
            if pieces is None:
                # title-case wording inside a line: names only where met elsewhere
                self.headlines.append((source, rs, run))
                continue
            district = (
                _DISTRICT.match(text, re_) if startswith(", D", re_) else None
            )
            for ps, fid, key, multi, weak_votes, length in pieces:
                s = rs + ps
                after = s + length
                if after == tag_end:
                    continue
                if text[after : after + 1] == "-" and self._modifying(text, after, fid):
                    continue
                if district is not None and ps + length == len(run):
                    city = self._with_district(fid, district.group(1))
                    if city is not None:
                        fid = city
                        district_end = district.end()
                if weak_votes is not None:
                    if sampled.get(key, 0) < weak_sample:
                        self._weak(text, s, after, key, weak_votes, multi)
                    if not multi:
                        seen = media.get(key)
                        if seen is None:
                            seen = media[key] = [0, 0]
                        if seen[0] < _MEDIA_SAMPLE:
                            seen[0] += 1
                            if medium_after(text, after):
                                seen[1] += 1
                buckets[fid].append(s)
            if defines is not None and startswith(DEFINITION_STARTS, re_):
                self._definition(text, re_, end, defines, buckets)

    def _is_place_word(self, words: str) -> bool:
        return self.analyser.gaz.place(fold(words)) is not None

    def _modifying(self, text: str, hyphen: int, fid: int) -> bool:
        """Whether the place of form ``fid`` opens a hyphenated modifier ("a Lisbon-based
        firm", "U.S.-led talks", "the U.S.-Mexico border"): it says what kind of thing
        follows, as a compound's second part does (see _tag_or_compound), and is no
        mention of the place."""
        sig = self.strong_forms.get(fid)
        return sig is not None and (PLACE, 10) in sig[1] and text[hyphen + 1 : hyphen + 2].isalpha()

    def _with_district(self, fid: int, label: str) -> int | None:
        """The form of a place written with the federal district after it ("Washington,
        D.C."), as one mention of the place; None if ``fid`` is no place's form."""
        sig = self.strong_forms.get(fid)
        if sig is None or (PLACE, 10) not in sig[1]:
            return None
        key, surface, ambiguous, multi, length = self.forms[fid]
        city = self.form_id(key, f"{surface}, {label}", ambiguous, multi, length + 2 + len(label))
        self.strong_forms[city] = sig
        self.case_words[city] = self.case_words[fid]
        return city

    def _tag_or_compound(self, text: str, rs: int, re_: int, run: str) -> bool:
        """A place named as a lawmaker's state after the name ("Sen. Ann Lee (Tex.)",
        as "(R-Tex.)" is), or as the second part of a compound of two names ("the
        U.S.-Mexico border"): a label or a modifier, not a mention of the place."""
        if text[rs - 1] == "(":
            if len(run) > 5 or not text.startswith((")", ".)"), re_):
                return False
            if _SHORTENED.fullmatch(run) and text.startswith(".)", re_):
                return True  # "(Ill.)": a state the place data leaves out as ambiguous
        elif not (text[rs - 2 : rs - 1].isupper() or text[rs - 3 : rs - 1].endswith(".")):
            return False  # ("Jae-in" is one run; "U.S.-Mexico" is two)
        return self._is_place_word(run)

    def _entry(
        self, run: str, initial: bool, after_the: bool
    ) -> tuple[tuple | None, Piece | None]:
        """A run's pieces, flattened for the hot loop, and the piece an acronym may
        define; no pieces (None) for a run of title-case wording."""
        pieces = self.readings.read(run, initial, after_the)
        if pieces is None:
            return None, None
        flat = []
        for p in pieces:
            strong = tuple((t, w) for t, w in p.votes if w >= STRONG)
            strong_sig = (p.key, strong) if strong and not p.ambiguous else None
            weak = p.votes if not strong and not p.ambiguous else None
            length = p.end - p.start
            fid = self.form_id(p.key, p.surface, p.ambiguous, p.multi, length)
            if strong_sig is not None:
                self.strong_forms[fid] = strong_sig
                # a name with strong evidence: its lower-case use need not be looked at
                self.case_words[fid] = tuple((k, f & ~_WEAK) for k, f in self.case_words[fid])
            elif p.multi and weak is not None and any(t == PERSON for t, _w in weak):
                # a name only capitals call a person's: its first and last words
                key = p.key
                self.case_words[fid] = tuple(
                    (part, _WEAK)
                    for part in dict.fromkeys((key[: key.find(" ")], key[key.rfind(" ") + 1 :]))
                    if part.isalpha()
                )
            flat.append((p.start, fid, p.key, p.multi, weak, length))
        defines = pieces[-1] if pieces and pieces[-1].end == len(run) else None
        return tuple(flat), defines

    def _weak(
        self, text: str, s: int, e: int, key: str, votes: tuple, multi: bool
    ) -> None:
        self.sampled[key] = self.sampled.get(key, 0) + 1
        context = _context_votes(text, s, e, not multi, self.analyser.gaz)
        self._count(key, votes, context)
        if self.samples is not None:
            self.samples.setdefault(key, []).append((*votes, *context))

    def shard(self) -> MinedShard:
        return (
            self.groups, self.forms, self.headlines, self.definitions, self.strong,
            self.samples or {}, self.case_samples or {}, self.media, self.casing.lower,
        )

    def absorb(self, later: MinedShard) -> None:
        """Add what another miner found in the documents after this one's, as if this
        miner had gone on to mine them itself."""
        (groups, forms, headlines, definitions, strong, samples, case_samples, media,
         lower_words) = later
        self.casing.lower.update(lower_words)
        mine = self.media
        for key, (looked, found) in media.items():
            had = mine.get(key)
            if had is None:
                mine[key] = [looked, found]
            else:
                had[0] += looked
                had[1] += found
        self.groups.extend(groups, [self.form_id(*form) for form in forms])
        self.headlines.extend(headlines)
        self.definitions.extend(definitions)
        for sig, n in strong.items():
            self.strong[sig] = self.strong.get(sig, 0) + n
        sampled = self.sampled
        for key, hints in samples.items():
            for votes in hints[: _WEAK_SAMPLE - sampled.get(key, 0)]:
                sampled[key] = sampled.get(key, 0) + 1
                self._count(key, votes)
        casing = self.casing
        for key, seen in case_samples.items():
            for capital, lower in seen:
                if not casing.reading(key):
                    break
                casing.add(key, capital, lower)

    def _count(self, key: str, *hints: Sequence[tuple[str, int]]) -> None:
        c = self.weak.get(key)
        if c is None:
            c = self.weak[key] = {}
        for votes in hints:
            for t, w in votes:
                c[t] = c.get(t, 0) + w

    def _definition(
        self, text: str, pos: int, end: int, piece: Piece, buckets: dict[int, list[int]]
    ) -> None:
        d = DEFINITION.match(text, pos, end)
        if d and _initials_match(d.group(1), piece.surface):
            acr = d.group(1)
            fid = self.form_id(fold(acr), acr, False, False, len(acr))
            buckets[fid].append(d.start(1))
            self.definitions.append((fold(acr), piece.key))

    def done(self) -> None:
        """Let go of what only mining needs: the memos of runs and words (a fifth of
        what a large corpus's mining holds), before the merge makes the entities."""
        self.caches = ({}, {}, {}, {})
        self.strong_forms = {}
        self.analyser.forget()

    def votes(self) -> dict[str, _Votes]:
        """Every name's votes; strong ones also under ``("!", type)`` for :func:`_winner`.

        Made of the weak votes' own dicts (the miner is done with them); a name without
        votes reads as an empty dict.
        """
        out: dict[str, _Votes] = defaultdict(dict)
        out.update(self.weak)
        for (key, strong), n in self.strong.items():
            c = out[key]
            for t, w in strong:
                c[t] = c.get(t, 0) + w * n
                c["!", t] = c.get(("!", t), 0) + w * n
        return out


# Documents a shard: every corpus is mined a shard at a time, the shards' names taken in
# in corpus order, whether it is built in one process, on a pool or on a cluster. What a
# name's first mentions decide (its casing samples, whether its strong evidence counts)
# depends on where the shards are cut, so they are cut in the same places everywhere:
# the same corpus gives the same entities whatever the machine and its cores.
SHARD_DOCUMENTS = 500


def shards(documents: list[Document]) -> list[list[Document]]:
    """``documents`` cut into the shards every build mines (see SHARD_DOCUMENTS)."""
    return [documents[i : i + SHARD_DOCUMENTS]
            for i in range(0, len(documents), SHARD_DOCUMENTS)]


def mine_shard(documents: list[Document]) -> MinedShard:
    """Mine a run of a corpus's documents for ``extract_entities(shards=...)``."""
    with no_collector(), folding():
        return mined(documents)


def mined(documents: list[Document]) -> MinedShard:
    """:func:`mine_shard` inside a caller's ``folding()`` block."""
    gaz = load_gazetteer()
    miner = _Miner(gaz, _readings(gaz))
    miner.samples = {}
    miner.case_samples = {}
    for doc in documents:
        miner.mine(doc)
    return miner.shard()
