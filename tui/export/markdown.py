"""Quotations as Markdown (writing them to files is ``tui.export.files``).

The format is the one highlight exporters (Readwise, Zotero2md, Obsidian clippers)
produce and their users' notes expect: YAML front matter saying what was exported and
when, then each quotation as a blockquote followed by an attribution line —
``— Speaker, *Outlet*, date, [source](url)`` — and an Obsidian block id (``^q…``) so a
note can link to one quotation. Grouping by speaker or by source adds a heading per
group.
"""

from __future__ import annotations

import re
from datetime import datetime

import yaml

from tui.corpus.document import Document
from tui.export.files import (
    utc,
)
from tui.quotes.model import Quote

UNKNOWN_SPEAKER = "Unattributed"
GROUPS = ("speaker", "source")

# Inline syntax that must stay literal text: backslash escapes, code, emphasis,
# strikethrough, links, raw HTML, entity references, and `#` where it would start a
# heading, a heading's closing run or an Obsidian tag.
_INLINE = re.compile(r"[\\`*_~\[\]<]|&(?=#?[0-9A-Za-z]+;)|(?:^|(?<=\s))#")
# What the inline escapes leave that would still start a block at the start of a line:
# a blockquote, a bullet, a thematic break, or an ordered-list number (``1.``/``1)``,
# escaped after the digits since a backslash only escapes punctuation).
_BLOCK_START = re.compile(
    r"^(?:(>)|([-+])(?=\s|$)|(-)(?=(?:[ \t]*-){2,}[ \t]*$)|(\d{1,9})([.)])(?=\s|$))"
)
_CONTINUATION_MARK = re.compile(r"^[\"“„«「『‘']")


def _escape_inline(text: str) -> str:
    return _INLINE.sub(lambda m: "&lt;" if m.group() == "<" else "\\" + m.group(), text)


def _escape(line: str) -> str:
    """One line of text that renders as itself, wherever it starts."""

    def block(m: re.Match[str]) -> str:
        if m.group(4):
            return m.group(4) + "\\" + m.group(5)
        return "\\" + m.group()

    return _BLOCK_START.sub(block, _escape_inline(line))


def _inline(text: str) -> str:
    """A field (speaker, outlet, date) as literal text on one line."""
    return _escape_inline(_one_line(text))


def _one_line(text: str | None) -> str:
    """``text`` with its whitespace runs made one space ("" for None)."""
    return " ".join(text.split()) if text else ""


def _speaker(quote: Quote) -> str:
    return _one_line(quote.speaker) or UNKNOWN_SPEAKER


def _outlet(quote: Quote, doc: Document | None) -> str:
    if doc is None:
        return _one_line(quote.source)
    return doc.outlet_label


def _quote_lines(quote: Quote) -> list[str]:
    """The quotation as blockquote lines; its paragraphs stay paragraphs."""
    paragraphs = [p.strip() for p in quote.text.splitlines()]
    paragraphs = [_CONTINUATION_MARK.sub("", p) if i else p for i, p in enumerate(paragraphs)]
    lines: list[str] = []
    for p in paragraphs:
        if not p:
            continue
        if lines:
            lines.append(">")
        lines.append("> " + _escape(p))
    return lines or ["> "]


def attribution(quote: Quote, doc: Document | None) -> str:
    parts = [_inline(_speaker(quote)), f"*{_inline(_outlet(quote, doc))}*"]
    if doc is not None:
        if _one_line(doc.date):
            parts.append(_inline(doc.date))
        if doc.url.strip():
            parts.append(f"[source]({_link(doc.url)})")
    return "— " + ", ".join(parts) + f" ^{quote.id}"


def _link(url: str) -> str:
    """The URL as a link destination: characters that would end or break it are
    percent-encoded, as a browser would send them anyway."""
    return re.sub(
        r"[\s()<>\\]",
        lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8", "replace")),
        url.strip(),
    )


def _entry(quote: Quote, doc: Document | None) -> str:
    return "\n".join([*_quote_lines(quote), "", attribution(quote, doc)])


def _group_key(quote: Quote, group_by: str, documents: dict[str, Document]) -> str:
    if group_by == "speaker":
        return _speaker(quote)
    return _outlet(quote, documents.get(quote.source))


def render_markdown(
    quotes: list[Quote],
    documents: dict[str, Document],
    *,
    group_by: str | None = None,
    query: str = "",
    now: datetime | None = None,
) -> str:
    """The export as one Markdown document (front matter, then the quotations)."""
    if group_by not in (None, *GROUPS):
        raise ValueError(f"group_by must be one of {GROUPS} or None, not {group_by!r}")
    stamp = utc(now).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    sources = sorted({q.source for q in quotes})
    front = {
        "title": "Newsdesk quotes",
        "query": query,
        "exported": stamp,
        "quotes": len(quotes),
        "sources": sources,
    }
    head = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n"
    blocks: list[str] = []
    if group_by is None:
        blocks = [_entry(q, documents.get(q.source)) for q in quotes]
    else:
        groups: dict[str, list[Quote]] = {}
        for q in quotes:
            groups.setdefault(_group_key(q, group_by, documents), []).append(q)
        order = sorted(groups, key=lambda k: (k == UNKNOWN_SPEAKER, k.casefold()))
        for key in order:
            blocks.append(f"## {_inline(key)}")
            blocks.extend(_entry(q, documents.get(q.source)) for q in groups[key])
    body = "\n\n".join(blocks)
    return head + "\n" + (body + "\n" if body else "")
