"""What an exported quotation says about itself: the one set of citation fields that every
style, template, the CSL-JSON and BibTeX files, the CLI and the dashboard read.

A :class:`Citation` is a quote with its speaker's role, its article's title, outlet,
author, dates and URL, its Pandoc key and, for a partial quote, the sentence it was cut
from. The fields are plain strings ("" when the source does not say), so a template can
test them with ``{% if role %}``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from tui.corpus.document import Document
from tui.export.roles import role_of
from tui.nlp.lexicon import FUNCTION_WORDS
from tui.nlp.text import sentences
from tui.quotes.model import PARTIAL, Quote

UNKNOWN_SPEAKER = "Unattributed"
# Front-matter keys a corpus file may use for the day its page was saved.
ACCESSED_KEYS = ("accessed", "retrieved", "fetched", "saved")
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True, slots=True)
class Citation:
    """One quotation with everything needed to cite it (see the README's field table)."""

    id: str  # the quote's stable id: the Obsidian block id ^id
    text: str  # the quotation, without its marks
    kind: str  # full, partial or scare
    speaker: str  # as the entity list names them, or "Unattributed"
    role: str  # "Japanese foreign minister", where the article says; else ""
    context: str  # the sentence holding a partial quote; else ""
    source: str  # the source's id
    title: str
    outlet: str  # "" when the source names none (then the title stands for it)
    author: str
    date: str  # the publication date as the source gives it
    url: str
    accessed: str  # the day the page was saved (YYYY-MM-DD), else ""
    key: str  # the Pandoc / BibTeX key of the article
    cluster: str  # the statement's id across outlets, else ""

    @property
    def speaker_line(self) -> str:
        """"Taro Kono, Japanese foreign minister", or the speaker alone."""
        return f"{self.speaker}, {self.role}" if self.role else self.speaker

    def fields(self) -> dict[str, str]:
        """The fields a template sees (each a string)."""
        data = asdict(self)
        data["speaker_line"] = self.speaker_line
        return data


FIELDS = (*Citation.__dataclass_fields__, "speaker_line")


def one_line(text: str | None) -> str:
    """``text`` with its whitespace runs made one space ("" for None)."""
    return " ".join(text.split()) if text else ""


def cite(quotes: Iterable[Quote], documents: Mapping[str, Document],
         corpus: Path | None = None) -> list[Citation]:
    """The citations of ``quotes``, in their order. Keys are made over all of
    ``documents`` (the corpus), so an article's key is the same in every export.
    ``corpus`` is the directory the documents' paths are relative to."""
    keys = article_keys(documents.values())
    out = []
    for q in quotes:
        doc = documents.get(q.source)
        speaker = one_line(q.speaker)
        role = context = ""
        if doc is not None:
            text = doc.text
            if speaker and not q.described:  # (a description says its role itself)
                role = one_line(role_of(text, speaker, q.start))
            if q.kind == PARTIAL:
                context = one_line(_sentence(doc, q))
        out.append(Citation(
            id=q.id, text=q.text, kind=q.kind, speaker=speaker or UNKNOWN_SPEAKER,
            role=role, context=context, source=q.source,
            title=one_line(doc.title) if doc else "",
            outlet=one_line(doc.outlet) if doc else "",
            author=one_line(doc.author) if doc else "",
            date=one_line(doc.date) if doc else "",
            url=doc.url.strip() if doc else "",
            accessed=accessed(doc, corpus) if doc else "",
            key=keys.get(q.source, ""),
            cluster=q.cluster or "",
        ))
    return out


def _sentence(doc: Document, quote: Quote) -> str:
    """The sentence (or sentences) of ``doc`` that hold the quotation, if it is shorter."""
    paragraphs = doc.paragraphs.bounds()
    i = bisect_right([s for s, _ in paragraphs], quote.start) - 1
    lo, hi = paragraphs[i] if i >= 0 else (0, doc.chars)
    hi = max(hi, quote.end)
    spans = [s for s in sentences(doc.text, lo, hi) if s[1] > quote.start and s[0] < quote.end]
    if not spans:
        return ""
    start, end = spans[0][0], spans[-1][1]
    around = doc.text[start:end]
    return around if len(one_line(around)) > len(one_line(quote.text)) + 2 else ""


def accessed(doc: Document, corpus: Path | None = None) -> str:
    """The day the page was saved: the file's own ``accessed``/``retrieved`` field, else
    the day the file was last written (a scraper writes it when it fetches the page)."""
    for key in ACCESSED_KEYS:
        value = doc.meta.get(key)
        if isinstance(value, (date, datetime)):
            return value.strftime("%Y-%m-%d")
        if isinstance(value, str) and value.strip():
            return value.strip()
    try:
        mtime = os.stat(Path(corpus or ".") / doc.path).st_mtime
    except (OSError, ValueError):
        return ""
    return datetime.fromtimestamp(mtime, timezone.utc).strftime("%Y-%m-%d")


def date_parts(value: str) -> list[int]:
    """``2019-08-22`` → [2019, 8, 22]; as much of it as is there, [] if no year."""
    m = _DATE.match(value.strip())
    if m is None:
        return []
    return [int(g) for g in m.groups() if g is not None]


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_text.lower())


def _key_base(doc: Document) -> str:
    """Better BibTeX's shape: the author's (else the outlet's) name, the year, the
    title's first word that is not a function word: ``bloomberg2019south``."""
    who = doc.author.split(",")[0].split()[-1:] if doc.author.strip() else []
    name = _slug(who[0]) if who else _slug(doc.outlet_label)[:24]
    parts = date_parts(doc.date)
    year = str(parts[0]) if parts else ""
    words = [w for w in re.findall(r"[^\W_]+", doc.title) if w.lower() not in FUNCTION_WORDS]
    first = _slug(words[0]) if words else ""
    return (name or "source") + year + first


def article_keys(documents: Iterable[Document]) -> dict[str, str]:
    """A citation key for each document, unique among them: two articles that would
    share one get ``a``, ``b``… in the order of their ids (so an added file elsewhere in
    the corpus never changes a key)."""
    by_base: dict[str, list[str]] = {}
    for doc in documents:
        by_base.setdefault(_key_base(doc), []).append(doc.id)
    keys = {}
    for base, ids in by_base.items():
        ids.sort()
        for n, doc_id in enumerate(ids):
            keys[doc_id] = base if len(ids) == 1 else base + _suffix(n)
    return keys


def _suffix(n: int) -> str:
    letters = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(97 + r) + letters
    return letters


def cited_documents(citations: Iterable[Citation],
                    documents: Mapping[str, Document]) -> list[Document]:
    """The articles the citations quote, each once, in the order first quoted."""
    ids = dict.fromkeys(c.source for c in citations)
    return [documents[i] for i in ids if i in documents]


def as_json(citations: Iterable[Citation]) -> list[dict[str, Any]]:
    return [c.fields() for c in citations]
