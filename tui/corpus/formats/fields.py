"""Which field of a record is the title, the text, the date…: the names news databases,
media monitors and news APIs use (Media Cloud, Factiva, LexisNexis, NewsAPI, the
Guardian and NYT APIs), shared by tables and JSON records.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# Each field, its names in order of preference (compared lower-cased, with spaces and
# dashes read as underscores). The first name is the one a Document's metadata uses.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "body", "content", "full_text", "fulltext", "article_text", "story",
        "bodytext", "body_text", "article", "lead_paragraph", "description", "summary",
        "abstract", "snippet",
    ),
    "title": ("title", "headline", "webtitle", "heading", "name"),
    "date": (
        "date", "publish_date", "published", "publishedat", "published_at", "pub_date",
        "publication_date", "webpublicationdate", "datetime", "pubdate", "collect_date",
    ),
    "outlet": (
        "outlet", "source", "media_name", "publication", "publisher", "source_name",
        "site_name", "sitename", "newspaper", "media", "publication_name",
    ),
    "url": ("url", "link", "web_url", "weburl", "permalink", "canonical_url", "uri"),
    "author": ("author", "byline", "authors", "creator", "writer"),
}
_KEY = re.compile(r"[\s\-]+")


def key(name: str) -> str:
    return _KEY.sub("_", name.strip().lower())


def match_columns(names: list[str], mapped: Mapping[str, str]) -> dict[str, int]:
    """For each field, the index of its column among ``names``: the column mapped in
    config (``columns: {text: Story}``) first, then the usual names."""
    keys = [key(n) for n in names]
    found: dict[str, int] = {}
    for field, column in mapped.items():
        if key(column) in keys:
            found[field] = keys.index(key(column))
    for field, aliases in FIELDS.items():
        if field in found:
            continue
        for alias in aliases:
            if alias in keys and keys.index(alias) not in found.values():
                found[field] = keys.index(alias)
                break
    return found


def as_text(value: Any) -> str:
    """A field's value as text: a nested object gives its name or main text (NewsAPI's
    ``source: {name}``, NYT's ``headline: {main}`` and ``byline: {original}``), a list of
    names is joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, Mapping):
        for k in ("name", "main", "original", "value", "title", "text"):
            if isinstance(value.get(k), str):
                return value[k]
        return ""
    if isinstance(value, list):
        return ", ".join(t for t in (as_text(v) for v in value) if t)
    return ""


def pick(record: Mapping[str, Any], field: str, mapped: Mapping[str, str]) -> tuple[str, str]:
    """(the key that holds ``field`` in ``record``, its text), or ("", "") when none does.
    The Guardian nests its text and byline in ``fields``; it is looked into too."""
    names = {key(k): k for k in record}
    candidates = ([key(mapped[field])] if field in mapped else []) + list(FIELDS[field])
    for alias in candidates:
        k = names.get(alias)
        if k is not None:
            text = as_text(record[k]).strip()
            if text:
                return k, text
    nested = record.get("fields")
    if isinstance(nested, Mapping) and nested is not record:
        return pick(nested, field, mapped)
    return "", ""


_TIMESTAMP = re.compile(r"(\d{4}-\d\d-\d\d)(?:[T ]\d\d:\d\d.*)?")


def iso_day(value: str) -> str:
    """A timestamp's day (``2024-03-14T09:30:00Z`` → ``2024-03-14``); any other text as
    it is. A source is dated by its day, as front matter dates it."""
    m = _TIMESTAMP.fullmatch(value.strip())
    return m.group(1) if m else value
