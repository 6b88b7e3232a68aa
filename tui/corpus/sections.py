"""Split a news page's text into body, reader comments and boilerplate.

Scraped articles carry more than the article: photo captions glued to the text, site
footers, newsletter promos, "Read more" links, adverts and reader-comment threads. The
rules here are structural and phrased the way boilerplate is phrased on news sites in
general (as boilerplate removers such as jusText and trafilatura do), not lists of
lines from any one page:

* a paragraph whose credit ("Name/Reuters", "Name/AP") is glued to the text is a caption;
* a paragraph repeating an earlier one word for word is a duplicated headline or promo;
* footer, sharing, newsletter and comment-form phrasings are boilerplate, and a strong
  end-of-article marker (a comment form, "closed for comments", a copyright line) makes
  everything after it boilerplate too;
* a reader-comment thread is a run at the end of the page in which short handle lines
  ("yoshi", "Shin Ra", "@nigelboy") alternate with the comments they sign. Short lines
  alone prove nothing (an article's subheadings and numbered items alternate with prose
  too), so a thread needs evidence of one: handles shaped as user names ("@dave_k",
  "rob 77", "nigelboy", "MaryL"), a commenter signing twice, timestamps ("3 hours ago"),
  reply markers or vote counts; and its first handle is shaped as a user name or has
  such a marker next to it, so a subheading never starts one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from tui.corpus.document import BODY, BOILERPLATE, COMMENTS, Section, Span
from tui.nlp.lexicon import NEWS_AGENCIES

# Agencies and picture desks that appear in photo credits ("Jae C. Hong/AP").
_PHOTO_AGENCIES = (
    r"Reuters|AP|AFP|Getty Images|Getty|EPA|EPA-EFE|Xinhua|Yonhap|Kyodo|Bloomberg|"
    r"Associated Press|Shutterstock|Anadolu|Pool|Alamy|NurPhoto|SOPA Images|Sipa|"
    r"Corbis|TASS|Imago|dpa|ANSA|PA|Wikimedia Commons|Flickr|Newscom"
)
# A credit glued to the caption that follows it: "Kim Kyung-Hoon/ReutersJapanese ...".
_GLUED_CREDIT = re.compile(
    rf"\S/(?:{_PHOTO_AGENCIES})(?:/[A-Za-z ]+)?(?=[A-Z0-9“\"‘'])"
    # the agency first, as wires write it: "REUTERS/Toru HanaiAbe in Fukushima"
    rf"|(?:^|\s)(?i:{_PHOTO_AGENCIES})/[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*)*?[a-z](?=[A-Z])"
)
_CREDIT_LINE = re.compile(
    rf"^(?:(?:photo|image|picture|credit|photograph)s?(?: credit)?\s*[:|]\s*.{{0,80}}|"
    # the labels some broadcasters' pages give their pictures, for screen readers:
    # "Image source, Getty Images", "Image caption, Residents were evacuated …"
    r"(?:image|media|video) (?:source|caption|credit)s?, .{0,280}|"
    # "Jae C. Hong/AP", "Jim Lo / Reuters.", "Scott Lee via Getty Images."
    rf"[\w .'\-]{{2,60}}(?: ?/ ?| via )(?:{_PHOTO_AGENCIES})\.?)$",
    re.IGNORECASE,
)

# Any wire or picture desk, as written beside a slash in a credit: "REUTERS/Toru Hanai",
# "Jae C. Hong/AP", "Kim Kyung-Hoon / Yonhap".
_DESKS = "|".join(
    sorted(
        {re.escape(a) for a in _PHOTO_AGENCIES.split("|")}
        | {re.escape(a) for a in NEWS_AGENCIES | {"getty images", "epa", "pool"}},
        key=len,
        reverse=True,
    )
)
_DESK_BEFORE_SLASH = re.compile(rf"(?:(?i:\b(?:{_DESKS}))|(?:{_DESKS.upper()})) ?$")
_DESK_AFTER_SLASH = re.compile(rf" ?(?i:(?:{_DESKS})\b)")


def credit_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Short lines of ``text[start:end]`` that carry a photo credit anywhere in them
    ("REUTERS/Toru Hanai", "Lund in Oslo. Ana P. Sorel/AP"), as (start, end) offsets:
    the names in them are photographers' and agencies', not the story's."""
    out: list[tuple[int, int]] = []
    pos = text.find("/", start, end)
    while pos >= 0:
        before = text[max(start, pos - 24) : pos]
        desk_before = _DESK_BEFORE_SLASH.search(before)
        desk_after = (
            _DESK_AFTER_SLASH.match(text, pos + 1, end) if before.rstrip(" ")[-1:].strip()
            else None
        )
        if desk_after is not None and text.startswith("/", desk_after.end()) or (
            desk_before is not None and before[: desk_before.start()].endswith("/")
        ):
            # `MOSCOW, June 6. /TASS/.`: an agency between two slashes opens a story's
            # dateline, not a credit; the paragraph is the lead
            pos = text.find("/", pos + 1, end)
            continue
        if desk_before is not None or desk_after is not None:
            a = max(text.rfind("\n", start, pos) + 1, start)
            b = text.find("\n", pos, end)
            b = end if b < 0 else b
            if b - a < 300 and (not out or out[-1] != (a, b)):
                out.append((a, b))
        pos = text.find("/", pos + 1, end)
    return out


def _credit_line(line: str) -> bool:
    """A line that is a photo credit whole (:data:`_CREDIT_LINE`), with a cheap test first:
    every credit has a slash, a colon, a bar or " via " in it, and most lines none."""
    if (
        "/" not in line and ":" not in line and "|" not in line and " via " not in line
        and line[:6].lower() not in ("image ", "media ", "video ")
    ):
        return False
    return _CREDIT_LINE.match(line) is not None


# Phrasings of site furniture, each a shape that recurs across news sites. Those that open
# the line are tried with one anchored match; the rest only when a cheap keyword test passes,
# because unanchored alternations cost a scan per position on every paragraph.
_FURNITURE_START = [
    r"visit\b.{0,60}\bhomepage\b",
    r"follow\b.{0,80}\bon (?:facebook|twitter|x|linkedin|instagram|telegram|youtube)\b",
    r"(?:share|tweet|email|print)(?: this(?: article| story)?)?$",
    r"(?:sign up|subscribe)\b",
    r"(?:read more|related(?: topics| stories| articles| coverage| content)?|see also|"
    r"more on this|recommended|you may also like|most popular|trending)\s*:?$",
    r"please email the editor\b",
    r"leave a (?:comment|reply)\b",
    r"(?:reader )?comments?\s*(?:\(\d+\))?:?$",
    r"originally published\b",
    r"(?:updated|published|posted|last updated)(?: on)?:?\s+\w{3,9}\.? \d{1,2},? \d{4}",
    r"(?:copyright|©)",
    r"advertisement$",
    r"click here\b",
    r"terms of (?:use|service)$",
    r"privacy policy$",
]
_FURNITURE_ANYWHERE = [
    r"\b(?:facebook|twitter|linkedin|instagram|whatsapp)\b.{0,40}\b(?:and|&) "
    r"(?:facebook|twitter|linkedin|instagram|whatsapp)\b.{0,10}$",
    r"\b(?:emails?|newsletters?)\s*(?:&|and)\s*alerts\b",
    r"\bto your inbox\b",
    r"\bclosed for comments\b",
    r"\buses akismet\b",
    r"\bhaving issues with commenting\b",
    r"\|\s*(?:updated|published) on\b",
    r"\ball rights reserved\b",
    r"\bcookies?\b.{0,40}\b(?:policy|consent|accept)\b",
]
_ANYWHERE_KEYWORDS = (
    "facebook",
    "twitter",
    "linkedin",
    "instagram",
    "whatsapp",
    "alerts",
    "inbox",
    "comment",
    "akismet",
    "updated",
    "published",
    "rights",
    "cookie",
)
_FURNITURE_START_RE = re.compile("|".join(f"(?:{p})" for p in _FURNITURE_START), re.IGNORECASE)
_FURNITURE_ANYWHERE_RE = re.compile(
    "|".join(f"(?:{p})" for p in _FURNITURE_ANYWHERE), re.IGNORECASE
)
# Site furniture is short; prose paragraphs longer than this are never checked against it.
_FURNITURE_MAX = 240
_QUOTE_OPENERS = frozenset('"“„«')

# The staff's credits, on a line of their own: the byline ("By Jason Mast", "By ANNE
# D'INNOCENZIO, AP Business Writer"), the wires' sign-offs ("Reporting by Clare Jim;
# Editing by Kim Coghill", "--With assistance from Toru Fujioka") and the thanks at the
# end ("CNBC's Michael Wayland contributed to this report."). The names are the writers',
# never the story's.
_CREDIT_OPENING = re.compile(
    r"(?:[-–—]+[ \t]*|\()?(?i:with (?:additional )?assistance from|(?:(?:additional )?(?:reporting"
    r"|research)|writing|editing|compiled|produced|edited|written|reported) by)[ \t]+[A-Z]"
)
# A byline: "By", then names, each maybe with a role or an outlet after a comma or
# "for" (`By Rebecca Hollis For Mailonline`, `By Ann Lee, Staff Writer | The Post`).
BYLINE_RE = re.compile(
    r"(?:(?:Written |Reported |Edited )?(?:By|by)|BY)"
    r"[ \t]+([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,4})"
    r"(?:(?:[ \t]*(?:,|\||/|and|&|for|For|FOR)[ \t]*)[\w.'’ -]{1,40}){0,3}[ \t]*"
)
_CONTRIBUTED = re.compile(
    r"\b(?i:contributed|contributes)(?: (?:reporting|research|to (?:this|the) "
    r"(?:report|story|article|piece)))?(?: (?:from|in) [^.;]{1,60})?\.?$"
)
# A credit line is short: prose this long is never checked against them.
_CREDIT_MAX = 240


def is_credit(line: str) -> bool:
    """Whether ``line`` (one paragraph) credits the story's staff (see _CREDIT_OPENING)."""
    if len(line) > _CREDIT_MAX or not line[:1].isalpha() and line[:1] not in "-–—(":
        return False
    if line[:3] in ("By ", "BY ", "by ") or line.startswith(("Written ", "Reported ", "Edited ")):
        if BYLINE_RE.fullmatch(line) is not None:
            return True
    if _CREDIT_OPENING.match(line) is not None:
        return True
    return "ontribut" in line and _CONTRIBUTED.search(line) is not None


# After these the article is over: what follows is a form, an advert or a footer.
_END_START = re.compile(
    r"leave a (?:comment|reply)\b|(?:copyright|©)|follow\b.{0,80}\bon (?:facebook|twitter)\b",
    re.IGNORECASE,
)
_END_ANYWHERE = ("closed for comments", "all rights reserved", "uses akismet")
_RELATED_LEAD = re.compile(
    r"^(?:read more|related|see also|more on this|recommended|you may also like)\s*:$",
    re.IGNORECASE,
)
# A slug or file name standing alone: an image's alt text or a logo ("corpLogo-60x60").
# (Letters and digits, and the dashes and underscores between them, in classes that do
# not overlap: with ``\w``, which holds the underscore, a line of many ``_a`` failing at
# its end was tried every way of splitting it, twice the time for each ``_a`` more.)
_SLUG = re.compile(r"^_*[^\W_]+(?:[-_]+[^\W_]+){2,}_*$")
_HANDLE = re.compile(r"^@?[^\s.!?:;,\"“”]{1,30}(?: [^\s.!?:;,\"“”]{1,30}){0,2}$")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]$")
# Words that make a short line read as prose or a heading rather than a user name.
_FUNCTION_WORDS = frozenset(
    "a an the of in on at to for and or but is are was were be by with from as it this that "
    "why how what when who".split()
)


def paragraphs(text: str) -> list[Span]:
    """Each non-blank line, trimmed of surrounding white space and bullets."""
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and (text[start].isspace() or text[start] in "•·▪●-–*"):
            # a lone dash or bullet is list markup; a leading "-" before a word is not
            if text[start] in "-–*" and start + 1 < end and not text[start + 1].isspace():
                break
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    return spans


def is_caption(line: str) -> bool:
    """Whether the line holds a photo credit (see :func:`caption_spans` for how much of
    the line that makes a caption)."""
    if "/" in line and _GLUED_CREDIT.search(line):
        return True
    return len(line) <= _FURNITURE_MAX and _credit_line(line)


# Where a sentence ends: its mark, any closing quotes or brackets, then white space.
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’')\]]*\s+")
# A paragraph this short that holds a credit is a caption: a sentence or two, the credit
# before, after or glued into it ("Blocher at a meeting in 2015. (FABRICE COFFRINI/AFP)").
_CAPTION_LINE_MAX = 300
# In a longer paragraph, a caption runs from its credit to the end of that sentence, if
# that is this close;
_CAPTION_TEXT_MAX = 300
# and prose left beside it, this short or shorter, is its alt text or a stray word.
_CAPTION_SLACK = 60


def caption_spans(line: str) -> list[tuple[int, int]]:
    """The parts of ``line`` that photo credits make a caption, as (start, end) offsets.

    On news pages a caption is a paragraph of its own: a line of a caption's length
    that holds a credit is a caption whole. In a longer paragraph a credit claims only
    its own sentence, from that sentence's start to the end of the sentence it is glued
    to ("Kim Kyung-Hoon/ReutersJapanese Prime Minister Shinzo Abe ... 2019."), never the
    article it sits in; if little else is left (alt text, a stray word), the whole line."""
    credits: list[tuple[int, int]] = []
    if "/" in line:
        for m in _GLUED_CREDIT.finditer(line):
            start = m.start()
            while start < m.end() and line[start].isspace():
                start += 1
            credits.append((start, m.end()))
    if not credits:  # a credit line ("Photo: Jane Doe/AFP") is short: a caption whole
        whole = len(line) <= _FURNITURE_MAX and _credit_line(line)
        return [(0, len(line))] if whole else []
    if len(line) <= _CAPTION_LINE_MAX:
        return [(0, len(line))]
    # each break as where its mark starts, where its white space starts and where it ends
    breaks = [(m.start(), m.start() + len(m.group().rstrip()), m.end())
              for m in _SENTENCE_BREAK.finditer(line)]
    marks = [b[0] for b in breaks]
    after = [b[2] for b in breaks]
    spans: list[tuple[int, int]] = []
    for credit_start, credit_end in credits:
        if spans and credit_start < spans[-1][1]:
            continue  # inside the caption of the credit before it
        # the sentence starts after the last break that ends before the credit ...
        k = bisect_right(after, credit_start) - 1
        start = after[k] if k >= 0 else 0
        # ... and ends with the first break after the credit, if that is not too far
        j = bisect_left(marks, credit_end)
        end = breaks[j][1] if j < len(breaks) else len(line)
        if end - credit_end > _CAPTION_TEXT_MAX:
            end = credit_end
        spans.append((start, end))
    outside = len(line) - sum(e - s for s, e in spans)
    if outside <= _CAPTION_SLACK:
        return [(0, len(line))]
    return spans


def is_furniture(line: str) -> bool:
    return _is_furniture(line, line.lower())


def _is_furniture(line: str, low: str) -> bool:
    if len(line) > _FURNITURE_MAX:
        return False
    if _FURNITURE_START_RE.match(line):
        return True
    if line[:1] in _QUOTE_OPENERS:
        # a paragraph that opens with a quotation is someone's words, whatever sites it
        # names after (`"…," she posted on Facebook and Twitter on Monday.`)
        return False
    return any(k in low for k in _ANYWHERE_KEYWORDS) and bool(_FURNITURE_ANYWHERE_RE.search(line))


def _ends_article(line: str, low: str) -> bool:
    if len(line) > _FURNITURE_MAX:
        return False
    return bool(_END_START.match(line)) or any(k in low for k in _END_ANYWHERE)


def _is_handle(line: str) -> bool:
    if len(line) > 40 or not _HANDLE.match(line) or _SENTENCE_END.search(line):
        return False
    if not any(c.isalpha() for c in line):
        return False  # "1", "2.": a numbered list's items
    words = line.lstrip("@").split()
    return not any(w.lower() in _FUNCTION_WORDS for w in words)


# A handle shaped as a user name rather than a heading: "@dave_k", "rob 77", "nigelboy",
# "MaryL", "j.smith" (an at sign, a digit, an underscore or a dot, all lower case, or a
# capital inside a word). "Shin Ra" is a user's name too, but a heading's shape.
_USER_NAME = re.compile(r"^@|[\d_.]|^[^\W\d_A-Z]+(?: [^\W\d_A-Z]+)*$|[^\W\d_A-Z][A-Z]")
# Lines a comment system adds around comments: when, replies, votes.
_THREAD_MARKER = re.compile(
    r"^(?:"
    r"(?:about |posted )?(?:an?|\d+) (?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month|year)s?"
    r" ago"
    r"|(?:\w{3,9}\.? \d{1,2},? \d{4},? )?(?:at )?\d{1,2}:\d{2} ?(?:[ap]\.?m\.?)?"
    r"|reply|replies|\d+ repl(?:y|ies)|(?:in )?reply to .{1,40}|report(?: abuse)?|flag"
    r"|permalink|like|share"
    r"|[+\-−]\d+|\d+ (?:likes?|points?|votes?|up-?votes?|down-?votes?|recommends?)"
    r"|[▲▼↑↓👍👎].{0,20}"
    r")$",
    re.IGNORECASE,
)
# A thread needs this much evidence (user-name handles, repeated commenters, markers).
_THREAD_EVIDENCE = 2


def _comment_thread_start(lines: list[str]) -> int | None:
    """Index of the first handle line of a trailing comment thread, if there is one.

    A thread needs at least three handles, each signing at least one longer line, and
    handles must make up a fair share of the lines from its start to the end; and
    evidence of a thread (see the module docstring), counted from its start on.
    """
    n = len(lines)
    handle = [_is_handle(line) for line in lines]
    if sum(handle) < 3:
        return None  # (as on most pages: too few short lines for a thread)
    marker = [len(line) <= 60 and bool(_THREAD_MARKER.match(line)) for line in lines]
    # a marker is no handle, and does not keep the handle before it from signing
    handle = [h and not m for h, m in zip(handle, marker)]
    # a handle signs the comment right after it, or after the markers right after it
    signing = [False] * n
    for i in range(n):
        if handle[i]:
            j = i + 1
            while j < n and j <= i + 3 and marker[j]:
                j += 1
            signing[i] = j < n and not handle[j] and not marker[j]
    user = [signing[i] and bool(_USER_NAME.search(lines[i])) for i in range(n)]
    # evidence in lines[i:], as a suffix sum: a user-name handle, a handle signing again
    # further on, a marker
    later: set[str] = set()
    evidence = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        again = False
        if signing[i]:
            name = lines[i].lstrip("@").casefold()
            again = name in later
            later.add(name)
        evidence[i] = evidence[i + 1] + (user[i] or again or marker[i])
    candidates = [i for i in range(n) if signing[i]]
    for k, first in enumerate(candidates):
        handles = len(candidates) - k
        if handles >= 3 and handles / (n - first) >= 0.15:
            if evidence[first] < _THREAD_EVIDENCE:
                return None  # (later starts have no more evidence)
            # a subheading never opens a thread: the first handle is a user name's
            # shape, or a marker sits by it
            if not (user[first] or any(marker[first + 1 : first + 3])):
                continue
            # The line before a thread is the end of the article: real prose.
            if first == 0 or len(lines[first - 1]) >= 40 or is_furniture(lines[first - 1]):
                return first
    return None


def classify(text: str, paras: list[Span]) -> list[tuple[str, str]]:
    """One section kind per paragraph, plus a label for the non-body ones. (A photo credit
    inside a body paragraph leaves it body here: see :func:`sections` for its caption.)"""
    return _classify(text, paras)[0]


def _classify(
    text: str, paras: list[Span]
) -> tuple[list[tuple[str, str]], dict[int, list[tuple[int, int]]]]:
    """:func:`classify`'s tags, and for each body paragraph that holds a caption of a
    sentence or so, that caption's spans in the paragraph's line."""
    lines = [text[p.start : p.end] for p in paras]
    partial: dict[int, list[tuple[int, int]]] = {}
    kinds = [BODY] * len(lines)
    labels = [""] * len(lines)

    thread = _comment_thread_start(lines)
    if thread is not None:
        for i in range(thread, len(lines)):
            kinds[i], labels[i] = COMMENTS, "reader comments"

    seen: set[str] = set()
    ended = False
    related_until = -1
    limit = thread if thread is not None else len(lines)
    third = len(lines) // 3
    for i in range(limit):
        line = lines[i]
        low = line.lower()
        # the line with its spacing normalised. Most lines are spaced plainly already: no
        # white space is printable but the plain space, so a printable line with no double
        # or outer space has nothing to normalise.
        if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
            key = low
        else:
            key = " ".join(line.split()).lower()
        label = ""
        captions = [] if ended else caption_spans(line)
        if ended:
            label = "footer"
        elif captions == [(0, len(line))]:
            label = "caption"
        elif i <= related_until:
            label = "related link"
        elif _RELATED_LEAD.match(line):
            label = "related link"
            # the headlines listed under "Read more:" are links, not prose
            j = i + 1
            while j < limit and not _SENTENCE_END.search(lines[j]) and len(lines[j]) < 200:
                j += 1
            related_until = j - 1
        elif _is_furniture(line, low):
            label = "footer"
        elif is_credit(line):
            label = "credit"
        elif key in seen and len(key) < 300:
            label = "repeated"
        elif _SLUG.match(line) and len(line) >= 12:
            label = "image"
        if label:
            kinds[i], labels[i] = BOILERPLATE, label
        elif captions:
            partial[i] = captions
        if i > third and _ends_article(line, low):
            ended = True
        seen.add(key)
    return list(zip(kinds, labels)), partial


def sections(text: str, paras: list[Span] | None = None) -> list[Section]:
    """Sections that tile ``text`` from 0 to its end, adjacent runs of one kind merged."""
    if not text:
        return []
    paras = paragraphs(text) if paras is None else paras
    if not paras:
        return [Section(BODY, 0, len(text))]
    tagged, partial = _classify(text, paras)
    out: list[Section] = []

    def add(kind: str, start: int, end: int, label: str) -> None:
        if out:
            start = out[-1].end  # (the white space between paragraphs goes to the one before)
        if end <= start:
            return
        if out and out[-1].kind == kind and out[-1].label == label:
            out[-1] = Section(kind, out[-1].start, end, label)
        else:
            out.append(Section(kind, start, end, label))

    for i, (para, (kind, label)) in enumerate(zip(paras, tagged)):
        start = 0 if i == 0 else para.start
        end = len(text) if i == len(paras) - 1 else paras[i + 1].start
        for s, e in partial.get(i, ()):
            # a caption inside a body paragraph: the body before it, then the caption
            add(kind, start, para.start + s, label)
            add(BOILERPLATE, para.start + s, para.start + e, "caption")
            start = para.start + e
        add(kind, start, end, label)
    return out
