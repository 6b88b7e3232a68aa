"""Quotations as Markdown, and writing files so that a crash never leaves half of one.

The format is the one highlight exporters (Readwise, Zotero2md, Obsidian clippers)
produce and their users' notes expect: YAML front matter saying what was exported and
when, then each quotation as a blockquote followed by an attribution line —
``— Speaker, *Outlet*, date, [source](url)`` — and an Obsidian block id (``^q…``) so a
note can link to one quotation. Grouping by speaker or by source adds a heading per
group.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import yaml

from .document import Document
from .quotes import Quote

UNKNOWN_SPEAKER = "Unattributed"
GROUPS = ("speaker", "source")

# Characters that would start Markdown block syntax at the beginning of a line.
_BLOCK_START = re.compile(r"^(\s*)([#>+\-*]|\d+[.)]|=+|`{3,}|~{3,})(?=\s|$)")
_CONTINUATION_MARK = re.compile(r"^[\"“„«「『‘']")


class ExportError(Exception):
    """An export that cannot be written: the message says why, in one line."""


def _utc(now: datetime | None) -> datetime:
    now = now or datetime.now(timezone.utc)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return now.astimezone(timezone.utc)


def _escape(line: str) -> str:
    line = line.replace("\\", "\\\\").replace("<", "&lt;")
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)


def _quote_lines(quote: Quote) -> list[str]:
    """The quotation as blockquote lines; its paragraphs stay paragraphs."""
    paragraphs = [p.strip() for p in quote.text.split("\n")]
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
    parts = [quote.speaker or UNKNOWN_SPEAKER]
    if doc is not None:
        parts.append(f"*{_inline(doc.outlet or doc.title or doc.id)}*")
        if doc.date:
            parts.append(doc.date)
        if doc.url:
            parts.append(f"[source]({_link(doc.url)})")
    else:
        parts.append(f"*{_inline(quote.source)}*")
    return "— " + ", ".join(parts) + f" ^{quote.id}"


def _link(url: str) -> str:
    return f"<{url}>" if re.search(r"[\s()<>]", url) else url


def _inline(text: str) -> str:
    return re.sub(r"([*_`\[\]])", r"\\\1", text.replace("\n", " "))


def _entry(quote: Quote, doc: Document | None) -> str:
    return "\n".join([*_quote_lines(quote), "", attribution(quote, doc)])


def _group_key(quote: Quote, group_by: str, documents: dict[str, Document]) -> str:
    if group_by == "speaker":
        return quote.speaker or UNKNOWN_SPEAKER
    doc = documents.get(quote.source)
    return doc.outlet or doc.title if doc else quote.source


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
    stamp = _utc(now).replace(microsecond=0).isoformat().replace("+00:00", "Z")
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


def default_export_path(directory: Path, now: datetime | None = None) -> Path:
    return Path(directory) / f"newsdesk-quotes-{_utc(now):%Y%m%d-%H%M%S}.md"


def write_atomic(path: Path, text: str, *, force: bool = False) -> Path:
    """Write ``text`` to ``path`` all at once: a temporary file in the same directory,
    then a rename. Without ``force`` an existing file is never replaced."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(f"{path} is a directory")
    if not parent.exists():
        raise ExportError(f"cannot write {path}: directory {parent} does not exist")
    if not parent.is_dir():
        raise ExportError(f"cannot write {path}: {parent} is not a directory")
    if path.exists() and not force:
        raise ExportError(f"{path} already exists (use --force to overwrite)")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        # a new file gets the permissions any other new file would (mkstemp's are 0600)
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if force:
            os.replace(tmp, path)
        else:
            _link_new(Path(tmp), path)
    except FileExistsError:
        raise ExportError(f"{path} already exists (use --force to overwrite)") from None
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644  # (reading the umask means setting it: not safe with threads)


def _link_new(tmp: Path, path: Path) -> None:
    """Move ``tmp`` to ``path`` only if ``path`` does not exist (no race with a writer)."""
    try:
        os.link(tmp, path)  # fails with FileExistsError if someone else got there first
    except FileExistsError:
        raise
    except OSError:
        # file systems without hard links: check, then rename
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(tmp, path)
