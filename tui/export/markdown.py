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
import stat
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import yaml

from tui.corpus.document import Document
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
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class ExportError(Exception):
    """An export that cannot be written: the message says why, in one line."""


def _utc(now: datetime | None) -> datetime:
    now = now or datetime.now(timezone.utc)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return now.astimezone(timezone.utc)


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


def _one_line(*candidates: str | None) -> str:
    """The first candidate that is not blank, with its whitespace runs made one space."""
    for text in candidates:
        if text and (line := " ".join(text.split())):
            return line
    return ""


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


def unique_export_path(directory: Path, now: datetime | None = None) -> Path:
    """``default_export_path``, with ``-2``, ``-3``… added while that name is taken, so two
    exports in the same second never meet. (A writer racing for the same name still
    loses cleanly: ``write_atomic`` without ``force`` never replaces a file.)"""
    base = path = default_export_path(directory, now)
    n = 1
    while os.path.lexists(path):
        n += 1
        path = base.with_name(f"{base.stem}-{n}{base.suffix}")
    return path


# Names of a process's already-open files (`-o /dev/stdout`): whatever they point at —
# a terminal, a pipe, or the file a shell redirected into — is written in place.
_OPEN_FILE_ALIAS = re.compile(r"/(?:dev/(?:stdout|stderr|fd/\d+)|proc/(?:self|\d+)/fd/\d+)")


def write_atomic(path: Path, text: str, *, force: bool = False) -> Path:
    """Write ``text`` to ``path`` all at once: a temporary file in the same directory,
    then a rename. Without ``force`` an existing file is never replaced.

    A symbolic link is followed: its target is replaced and the link stays. A path that
    is not a regular file (a terminal, a pipe, ``/dev/stdout``) cannot be renamed over,
    so it is written directly and needs no ``force``. Lone surrogates (undecodable bytes
    carried through from a file name or a text) are written as U+FFFD. Every failure is
    an ``ExportError`` with a one-line message."""
    path = Path(path)
    text = _LONE_SURROGATE.sub("\ufffd", text)
    try:
        if _is_stream(path):
            _write_stream(path, text)
        else:
            _replace_file(path, Path(os.path.realpath(path)), text, force)
    except ExportError:
        raise
    except FileExistsError:
        raise _error(f"{path} already exists (use --force to overwrite)") from None
    except OSError as exc:
        raise _error(f"cannot write {path}: {exc.strerror or exc}") from None
    except ValueError as exc:  # UnicodeError among them
        raise _error(f"cannot write {path}: {exc}") from None
    return path


def _error(message: str) -> ExportError:
    return ExportError(" ".join(message.splitlines()))  # a path may hold a line break


def _is_stream(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # a new file; or an error the normal route reports
    if stat.S_ISDIR(mode):
        return False
    return not stat.S_ISREG(mode) or bool(_OPEN_FILE_ALIAS.fullmatch(os.path.abspath(path)))


def _write_stream(path: Path, text: str) -> None:
    # appending: the file a shell redirected into was emptied by `>` and must be kept by `>>`
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def _replace_file(path: Path, target: Path, text: str, force: bool) -> None:
    """Write ``target`` (``path`` with its links followed) through a temporary file;
    messages name ``path``, as the user wrote it."""
    parent = target.parent
    if target.is_dir():
        raise _error(f"{path} is a directory")
    if not parent.exists():
        raise _error(f"cannot write {path}: directory {parent} does not exist")
    if not parent.is_dir():
        raise _error(f"cannot write {path}: {parent} is not a directory")
    if target.exists() and not force:
        raise _error(f"{path} already exists (use --force to overwrite)")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    try:
        # a new file gets the permissions any other new file would (mkstemp's are 0600)
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if force:
            os.replace(tmp, target)
        else:
            _link_new(Path(tmp), target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


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
