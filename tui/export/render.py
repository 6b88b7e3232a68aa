"""An export as one text: the header saying how the quotes were chosen, then each
quotation in the chosen style, under a heading per group if grouped.

``render_export`` is what the CLI and the dashboard both call; for the reference
managers' formats see ``tui.export.csl`` and ``tui.export.bibtex``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import yaml

from tui.corpus.document import Document
from tui.export.citation import UNKNOWN_SPEAKER, Citation, cite
from tui.export.files import utc
from tui.export.styles import BUILT_IN, CompiledStyle
from tui.quotes.model import Quote

GROUPS = ("speaker", "source", "outlet")


@dataclass(frozen=True)
class Scope:
    """How the quotes were chosen, for the header: the search, the entity filter, the
    other facets (speaker, source, sort, sections, picked by hand…)."""

    query: str = ""
    entity: str = ""
    facets: dict[str, str] = field(default_factory=dict)

    def suggested_name(self) -> str:
        """A file name stem from the query or the filter: ``quotes-taro-kono``."""
        words = " ".join(filter(None, (self.entity, self.query)))
        slug = "-".join("".join(c if c.isalnum() else " " for c in words.lower()).split())
        return "quotes-" + slug[:48].rstrip("-") if slug else "quotes"


def _stamp(now: datetime | None) -> str:
    return utc(now).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _sources(citations: list[Citation]) -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for c in citations:
        if c.source not in seen:
            entry = {"title": c.title, "outlet": c.outlet, "date": c.date, "url": c.url,
                     "key": c.key}
            seen[c.source] = entry
    return list(seen.values())


def header_fields(citations: list[Citation], scope: Scope, now: datetime | None) -> dict[str, Any]:
    return {
        "exported": _stamp(now),
        "query": scope.query,
        "entity": scope.entity,
        "facets": dict(scope.facets),
        "quotes": len(citations),
        "sources": _sources(citations),
    }


def _front_matter(fields: dict[str, Any], style: str) -> str:
    front: dict[str, Any] = {"title": "Newsdesk quotes", "exported": fields["exported"]}
    for key in ("query", "entity", "facets"):
        if fields[key]:
            front[key] = fields[key]
    front["quotes"] = fields["quotes"]
    front["style"] = style
    front["sources"] = [{k: v for k, v in s.items() if v} for s in fields["sources"]]
    return "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n"


def _group_key(c: Citation, group_by: str) -> str:
    if group_by == "speaker":
        return c.speaker
    if group_by == "outlet":
        return c.outlet or c.title
    return f"{c.title} ({c.outlet})" if c.outlet else c.title


def render_export(
    citations: list[Citation],
    style: CompiledStyle,
    *,
    scope: Scope | None = None,
    group_by: str | None = None,
    header: bool = True,
    now: datetime | None = None,
) -> str:
    """The export as one text. Without ``header`` it is the block to append to a note
    or to paste into one: the quotations alone. Every entry is rendered before the text
    is returned, so a template error never leaves half an export."""
    if group_by not in (None, *GROUPS):
        raise ValueError(f"group_by must be one of {GROUPS} or None, not {group_by!r}")
    blocks: list[str] = []
    if group_by is None:
        blocks = [style.entry(c.fields()) for c in citations]
    else:
        groups: dict[str, list[Citation]] = {}
        for c in citations:
            groups.setdefault(_group_key(c, group_by), []).append(c)
        order = sorted(groups, key=lambda k: (k == UNKNOWN_SPEAKER, k.casefold()))
        for key in order:
            blocks.append(style.group(key))
            blocks.extend(style.entry(c.fields()) for c in groups[key])
    body = "\n\n".join(b.strip("\n") for b in blocks)
    body = body + "\n" if body else ""
    if not header:
        return body
    fields = header_fields(citations, scope or Scope(), now)
    if style.has_front_matter:
        head = _front_matter(fields, style.style.name)
    else:
        head = style.header(fields).rstrip("\n") + "\n"
    return head + "\n" + body


def render_markdown(
    quotes: list[Quote],
    documents: Mapping[str, Document],
    *,
    group_by: str | None = None,
    query: str = "",
    now: datetime | None = None,
) -> str:
    """``quotes`` in the default ``markdown`` style, with front matter."""
    return render_export(cite(quotes, documents), BUILT_IN["markdown"].compiled(),
                         scope=Scope(query=query), group_by=group_by, now=now)
