"""RSS and Atom feeds, read with feedparser: each entry an article.

An entry's full content (``content:encoded``, Atom ``content``) is its text where the
feed carries it, else its summary. The feed's title is the outlet. feedparser resolves
no external entity and fetches nothing.
"""

from __future__ import annotations

import io
import time
from typing import Any

from tui.corpus.document import Document
from tui.corpus.formats import ReadContext, Unreadable
from tui.corpus.formats.html import fragment_text
from tui.corpus.records import clean, file_id, make_document, short


def read(data: bytes, ctx: ReadContext) -> list[Document]:
    import feedparser

    # A stream, never the bytes themselves: feedparser opens a string or bytes that name a
    # file or a URL ("/etc/passwd", "https://…") and reads that instead.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        if problem is not None:
            raise Unreadable(f"not a readable feed ({short(problem, 60)})")
        raise Unreadable("a feed with no entries" if parsed.get("version") else "not a feed")
    if parsed.get("bozo"):
        ctx.warn(f"{ctx.rel}: not well-formed XML ({short(parsed.get('bozo_exception'), 60)}); "
                 "read as far as it goes")
    outlet = clean(" ".join(str(parsed.feed.get("title", "")).split()))
    base = file_id(ctx.rel)
    docs = []
    for n, entry in enumerate(entries, 1):
        text = _entry_text(entry)
        if not text.strip():
            ctx.warn(f"{ctx.rel}[{n}]: entry has no text; skipped")
            continue
        meta: dict[str, Any] = {}
        for field, value in (
            ("title", entry.get("title")), ("outlet", outlet), ("url", entry.get("link")),
            ("author", entry.get("author")), ("date", _date(entry)),
        ):
            if isinstance(value, str) and value.strip():
                meta[field] = clean(" ".join(value.split()))
        docs.append(make_document(f"{base}-{n}", ctx.rel, clean(text), meta))
    if not docs:
        raise Unreadable("no entry has text")
    return docs


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return fragment_text(best if len(best) >= len(summary) else summary)


def _date(entry: Any) -> str:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return ""
