"""PDF articles: the text layer of each page, read with pypdf.

A page's running header and footer (a line that recurs at the top or bottom of most
pages, its numbers aside) and its page number are dropped; a word broken by a hyphen at
the end of a line is joined; the lines of a paragraph are joined into one. The title,
author and date come from the document's metadata when it sets them. A PDF without a
text layer (a scan) is skipped and named, never loaded empty.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import datetime
from typing import Any

from tui.corpus.document import Document
from tui.corpus.formats import ReadContext, Unreadable
from tui.corpus.records import clean, file_id, make_document, short

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE
)
_EDGE = 2  # lines at the top and at the bottom of a page that may be a header or footer
_SENTENCE_END = ('.', '?', '!', '"', '”', '’', "'", ':', ')')


def read(data: bytes, ctx: ReadContext) -> list[Document]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("encrypted (a password is needed to read it)")
        pages = [_page_lines(page) for page in reader.pages]
    except Unreadable:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError,
            IndexError, AssertionError, NotImplementedError) as exc:
        reason = "encrypted" if "decrypt" in str(exc).lower() else "not a readable PDF"
        raise Unreadable(f"{reason} ({short(exc, 60)})") from None
    if not any(pages):
        raise Unreadable("no text layer (a scanned PDF? run OCR on it first)")
    text = page_text(pages)
    meta = _metadata(reader)
    return [make_document(file_id(ctx.rel), ctx.rel, clean(text), meta)]


def _metadata(reader: Any) -> dict[str, str]:
    meta: dict[str, str] = {}
    try:
        info = reader.metadata
    except Exception:  # noqa: BLE001 - a broken info dictionary loses the metadata only
        return meta
    if info is None:
        return meta
    for field, value in (("title", info.title), ("author", info.author)):
        if isinstance(value, str) and value.strip():
            meta[field] = clean(" ".join(value.split()))
    try:
        created = info.creation_date
    except (ValueError, TypeError):
        created = None
    if isinstance(created, datetime):
        meta["date"] = created.date().isoformat()
    return meta


Line = tuple[str, bool]  # a line's text, and whether a gap wider than a line is above it


def _page_lines(page: Any) -> list[Line]:
    """A page's lines in reading order, each marked when a gap wider than the usual line
    spacing is above it (a paragraph break, which a text layer does not spell out)."""
    rows: list[tuple[float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        y = float(tm[5]) * float(cm[3]) + float(cm[5])
        if rows and abs(rows[-1][0] - y) < 1:
            rows[-1] = (rows[-1][0], rows[-1][1] + text)
        else:
            rows.append((y, text))

    page.extract_text(visitor_text=visit)
    lines = [(y, " ".join(t.split())) for y, t in rows]
    lines = [(y, t) for y, t in lines if t]
    steps = sorted(a[0] - b[0] for a, b in zip(lines, lines[1:]) if a[0] > b[0])
    usual = steps[len(steps) // 2] if steps else 0.0
    out: list[Line] = []
    for i, (y, text) in enumerate(lines):
        step = lines[i - 1][0] - y if i else 0.0
        out.append((text, usual > 0 and step > usual * 1.4))
    return out


def _furniture(pages: list[list[str]]) -> set[str]:
    """The header and footer lines: those (numbers made #) met at a page's edge on at least
    half of the pages, when there are two pages or more."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        edge = {_DIGITS.sub("#", line) for line in lines[:_EDGE] + lines[-_EDGE:]}
        seen.update(edge)
    return {line for line, n in seen.items() if n * 2 >= len(pages) and n > 1}


def page_text(pages: list[list[Line]]) -> str:
    """One text of the pages' text layers, in paragraphs (see the module's docstring)."""
    furniture = _furniture([[text for text, _gap in page] for page in pages])
    lines: list[Line] = []
    for page in pages:
        first = True  # (the gap above a page's first line is the margin or the header's)
        for i, (line, gap) in enumerate(page):
            at_edge = i < _EDGE or i >= len(page) - _EDGE
            if at_edge and (_PAGE_NUMBER.fullmatch(line) or _DIGITS.sub("#", line) in furniture):
                continue
            lines.append((line, gap and not first))
            first = False
    return _reflow(lines)


def _reflow(lines: list[Line]) -> str:
    """Lines into paragraphs: a gap wider than a line starts one; a line that ends a
    sentence and falls short of the usual line length ends its paragraph; a short line
    standing alone (a headline, a subheading, a byline) is one; a hyphen at a line's end
    before a lower-case letter joins the word."""
    if not lines:
        return ""
    widths = sorted(len(line) for line, _gap in lines)
    full = widths[int(len(widths) * 0.8)]  # a full line of the column
    paras: list[str] = []
    current = ""
    for line, gap in lines:
        if gap and current:
            paras.append(current)
            current = ""
        if current.endswith("-") and line[:1].islower() and current[-2:-1].isalpha():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        heading = current == line and len(line) < full * 0.6 and not line.endswith((",", "-"))
        if heading or (line.endswith(_SENTENCE_END) and len(line) < full * 0.85):
            paras.append(current)
            current = ""
    if current:
        paras.append(current)
    return "\n\n".join(paras)
