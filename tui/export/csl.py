"""The cited articles as CSL-JSON, the format Zotero, Pandoc and citeproc read.

One item per article quoted, of type ``article-newspaper``, its ``id`` the same key the
Markdown styles cite as ``[@key]``, so a note's citations resolve against the import.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from tui.export.citation import Citation, date_parts


def person(name: str) -> dict[str, str]:
    """A CSL name: ``Family, Given`` or ``Given Family`` split into parts; a one-word
    name (an agency such as "Bloomberg") is kept whole as a literal."""
    name = " ".join(name.split())
    if "," in name:
        family, given = (p.strip() for p in name.split(",", 1))
        return {"family": family, "given": given} if given else {"literal": family}
    words = name.split()
    if len(words) < 2:
        return {"literal": name}
    return {"family": words[-1], "given": " ".join(words[:-1])}


def authors(author: str) -> list[str]:
    """``"A and B"``, ``"A; B"``: each author once (a comma stays inside a name)."""
    for sep in (";", " and ", " & "):
        if sep in author:
            return [a.strip() for a in author.split(sep) if a.strip()]
    return [author.strip()] if author.strip() else []


def articles(citations: Iterable[Citation]) -> list[Citation]:
    """One citation per article, in the order first quoted."""
    seen: dict[str, Citation] = {}
    for c in citations:
        seen.setdefault(c.source, c)
    return list(seen.values())


def csl_item(c: Citation) -> dict[str, Any]:
    item: dict[str, Any] = {"id": c.key, "type": "article-newspaper", "title": c.title}
    if c.outlet and c.outlet != c.title:
        item["container-title"] = c.outlet
    names = authors(c.author)
    if names:
        item["author"] = [person(n) for n in names]
    issued = date_parts(c.date)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    elif c.date:
        item["issued"] = {"literal": c.date}
    if c.url:
        item["URL"] = c.url
    accessed = date_parts(c.accessed)
    if accessed:
        item["accessed"] = {"date-parts": [accessed]}
    return item


def render_csl(citations: Iterable[Citation]) -> str:
    return json.dumps([csl_item(c) for c in articles(citations)], ensure_ascii=False,
                      indent=2) + "\n"
