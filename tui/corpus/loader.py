"""Load a corpus directory into Documents.

Markdown or plain text with optional YAML front matter is read here; JSON and the other
formats (HTML, PDF, tables, feeds, web archives) by their readers in
:mod:`tui.corpus.formats`. Bad files never stop a load: each is skipped (or read as well
as it can be) with a one-line warning, every skipped file is named in the result's skip
report, and the good files still load.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from tui.corpus import formats
from tui.corpus.document import Document
from tui.corpus.encoding import _UTF16_BOMS, _utf16_without_bom, decode, looks_binary
from tui.corpus.formats import json_records
from tui.corpus.formats.plain import guess_date
from tui.corpus.records import (  # noqa: F401 - the loader's names, as callers import them
    BadDate,
    canonical,
    clean,
    file_id,
    first_line_title,
    make_document,
    short,
    slug,
)
from tui.corpus.records import plain as _plain
from tui.corpus.report import Skipped, unsupported
from tui.errors import CorpusError

# libyaml's parser is about ten times faster, which matters for archives of 10,000 files.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _YamlLoader(_BaseLoader):
    """The safe loader, but an impossible date is a value to drop, not an exception."""


def _timestamp(loader: Any, node: Any) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        return BadDate(str(node.value))


_YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
JSON_SUFFIXES = json_records.SUFFIXES
SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | set(formats.FORMATS)
_MIB = 1 << 20  # max_file_mb counts mebibytes, as the messages say
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # every file that gave no source, with its reason (see tui.corpus.report)
    skipped: list[Skipped] = field(default_factory=list)
    files_loaded: int = 0
    # what identifies this load's documents without reading their texts again: the key
    # the documents cache keeps them under (tui/build/documents.py), "" if none
    key: str = ""


# The front matter most archives write: one `key: value` a line, the value double-quoted,
# an ISO date, a plain word-ish scalar or nothing. Read directly, it costs a twentieth of a
# YAML parse; any other line (nesting, lists, comments, escapes, numbers) goes to YAML.
_SIMPLE_LINE = re.compile(
    r'([A-Za-z_][A-Za-z0-9_]*):(?:[ ]+(?:"([^"\\]*)"|([0-9]{4}-[0-9][0-9]-[0-9][0-9])'
    r"|([A-Za-z](?:[A-Za-z0-9./_\-]|:(?=[A-Za-z0-9./_\-])| (?=[A-Za-z0-9./_\-]))*)))?[ ]*"
)
# Longer lines go to YAML: the pattern backtracks through a line that does not match, and
# on lines of hundreds of kilobytes its stack outgrows the CPU's caches (six times the
# cost at twice the length), where libyaml reads on at a steady pace.
_SIMPLE_MAX = 2000
# Plain scalars YAML reads as booleans or null rather than strings.
_YAML_WORDS = frozenset(
    "yes no true false on off null y n".split()
)


def _simple_front_matter(block: str) -> dict[str, Any] | None:
    """The metadata of a block of simple `key: value` lines, or None to ask YAML."""
    data: dict[str, Any] = {}
    for line in block.split("\n")[:-1]:
        if len(line) > _SIMPLE_MAX:
            return None
        m = _SIMPLE_LINE.fullmatch(line)
        if m is None:
            return None
        key, quoted, day, plain = m.groups()
        if key.casefold() in _YAML_WORDS:
            return None
        if quoted is not None:
            if not quoted.isprintable():
                return None
            value: str | None = quoted
        elif day is not None:
            try:
                value = date.fromisoformat(day).isoformat()
            except ValueError:
                return None
        elif plain is not None:
            if plain.casefold() in _YAML_WORDS:
                return None
            value = plain
        else:
            value = None
        data[key] = value
    return data


def _has_alias(block: str) -> bool:
    """Whether a YAML block refers back to an anchor (``*name``). Each alias repeats the
    anchored value, and aliases of aliases nest the repeats: a few hundred bytes can stand
    for billions of values ("billion laughs"). Parsing into events expands nothing."""
    if "*" not in block:  # an alias is spelled with an asterisk: most blocks have none
        return False
    for event in yaml.parse(block, Loader=_YamlLoader):
        if isinstance(event, yaml.AliasEvent):
            return True
    return False


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str, str | None]:
    """(metadata or None, body, problem). A block that does not parse is dropped, not kept;
    an impossible date in one that does is dropped alone."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, None
    body = text[match.end() :]
    block = match.group(1) or ""
    simple = _simple_front_matter(block) if block else None
    if simple:
        return simple, body, None
    try:
        if _has_alias(block):
            return None, body, "front matter uses YAML aliases (*name); metadata ignored"
        data = yaml.load(block, Loader=_YamlLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        return None, body, f"front matter is not valid YAML{where}; metadata ignored"
    except (ValueError, OverflowError, TypeError) as exc:
        # e.g. an integer of more digits than Python converts (4,300)
        return None, body, f"front matter cannot be read ({short(exc)}); metadata ignored"
    if data is None:
        return {}, body, None
    if not isinstance(data, dict):
        return None, body, "front matter is not a mapping; metadata ignored"
    dropped: list[str] = []
    meta = _plain(data, dropped)
    if dropped:
        dates = ", ".join(short(d, 40) for d in dropped[:3]) + (", …" if len(dropped) > 3 else "")
        return meta, body, f"front matter date {dates} is not a real date; dropped"
    return meta, body, None


def _id_rank(doc_id: str, rel: str) -> int:
    """Which of several sources that would have one id keeps it (the lowest): the file
    spelled exactly as that id (``story.md``), then one spelled so but for its extension,
    then the rest. Each rank depends on the source's own path alone."""
    if rel == f"{doc_id}.md":
        return 0
    if rel.rpartition(".")[0] == doc_id:
        return 1
    return 2


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def _read(path: Path, rel: str, warn: Callable[[str], None], max_bytes: int) -> bytes | None:
    """The bytes of a regular file, or None (and a warning). The type and size are checked
    on the open descriptor: the file may have been swapped since the walk saw it."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        warn(f"{rel}: cannot be read ({exc.strerror or exc}); skipped")
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            warn(f"{rel}: not a regular file; skipped")
            return None
        if info.st_size > max_bytes:
            warn(f"{rel}: {info.st_size / _MIB:.0f} MiB is over the {max_bytes / _MIB:.0f} MiB "
                 "limit (max_file_mb); skipped")
            return None
        chunks, size = [], 0
        while size <= max_bytes:  # (the file may grow while it is read)
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > max_bytes:
            warn(f"{rel}: over the {max_bytes / _MIB:.0f} MiB limit (max_file_mb); skipped")
            return None
        return b"".join(chunks)
    except OSError as exc:
        warn(f"{rel}: cannot be read ({exc.strerror or exc}); skipped")
        return None
    finally:
        os.close(fd)


def load_file(
    path: Path,
    rel: str,
    warn: Callable[[str], None],
    max_bytes: int = DEFAULT_MAX_BYTES,
    columns: dict[str, str] | None = None,
) -> list[Document]:
    """Documents from one file; problems go to ``warn`` and never raise."""
    data = _read(path, rel, warn, max_bytes)
    if data is None:
        return []
    if not data.strip():
        warn(f"{rel}: empty; skipped")
        return []
    try:
        suffix = formats.suffix_of(path.name)
        if suffix in formats.FORMATS:
            ctx = formats.ReadContext(rel, warn, dict(columns or {}), max_bytes)
            return formats.reader_for(suffix)(data, ctx)
        return _parse_file(path, rel, data, warn, columns or {})
    except formats.Unreadable as exc:
        warn(f"{rel}: {exc}; skipped")
        return []
    except (RecursionError, MemoryError):
        # nesting thousands deep in JSON or front matter: one bad file, not a bad corpus
        warn(f"{rel}: nested too deeply to read; skipped")
        return []
    except Exception as exc:  # noqa: BLE001 - one unreadable file never stops a load
        warn(f"{rel}: cannot be read ({type(exc).__name__}: {short(exc)}); skipped")
        return []


def _parse_file(
    path: Path, rel: str, data: bytes, warn: Callable[[str], None], columns: dict[str, str]
) -> list[Document]:
    utf16 = None if data.startswith(_UTF16_BOMS) else _utf16_without_bom(data)
    if utf16 is not None:
        text, note = utf16, None
    elif not data.startswith(_UTF16_BOMS) and looks_binary(data):
        warn(f"{rel}: binary, not text; skipped")
        return []
    else:
        text, note = decode(data)
    if note:
        warn(f"{rel}: {note}")
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        return json_records.read(text, formats.ReadContext(rel, warn, columns), suffix)
    meta, body, problem = split_front_matter(canonical(text))
    if problem:
        warn(f"{rel}: {problem}")
    if not body.strip():
        warn(f"{rel}: no text after the front matter; skipped")
        return []
    if meta is None and (day := guess_date(body)):
        meta = {"date": day, "date_guessed": True}
    doc = make_document(file_id(rel), rel, body, meta or {})
    if note:
        doc.notes.append(note)
    if problem:
        doc.notes.append(problem)
    return [doc]


def corpus_files(
    root: Path,
    warn: Callable[[str], None] | None = None,
    unknown: list[Skipped] | None = None,
) -> list[Path]:
    """Corpus files below ``root``, in name order, hidden files and folders left out.

    The root itself must be readable (OSError otherwise); an unreadable folder below it
    is reported to ``warn`` and skipped, never dropped silently, and so are a broken link
    and anything with a corpus file's name that is not a file (a FIFO, a device). Linked
    folders are followed, each real folder read once (a link back up is not a loop).
    A file of no format the loader reads is added to ``unknown``, with its extension.
    """
    return [Path(entry.path) for entry in corpus_entries(root, warn, unknown)]


def corpus_entries(
    root: Path,
    warn: Callable[[str], None] | None = None,
    unknown: list[Skipped] | None = None,
) -> list[os.DirEntry[str]]:
    """:func:`corpus_files` as the directory entries the walk met (whose ``stat()``
    is one call at most): a large archive's folder is walked on every start, to see
    whether the cached load still holds, and a path object and two stat calls a file
    were most of that."""
    top = str(root)
    with os.scandir(top):
        pass
    prefix = os.path.join(top, "")

    def relative(where: str) -> str:
        rel = where[len(prefix):] if where.startswith(prefix) else where
        return rel.replace(os.sep, "/")

    def report(where: str, problem: str) -> None:
        if warn:
            warn(f"{relative(where) if where != top else top}: {problem}; skipped")

    found: list[tuple[str, os.DirEntry[str]]] = []
    seen = {os.path.realpath(top)}
    folders = [top]
    while folders:  # (depth first, each folder's subfolders in name order)
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            report(folder if error.filename is None else os.fsdecode(error.filename),
                   f"folder cannot be read ({error.strerror or error})")
            continue
        subfolders: list[os.DirEntry[str]] = []
        files: list[os.DirEntry[str]] = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if not entry.name.startswith("."):
                (subfolders if is_dir else files).append(entry)
        kept = []
        for entry in sorted(subfolders, key=lambda e: e.name):
            real = os.path.realpath(entry.path)
            if real in seen:
                report(entry.path, "links to a folder already read")
                continue
            seen.add(real)
            kept.append(entry.path)
        folders.extend(reversed(kept))
        for entry in files:
            name = entry.name
            suffix = _suffix(name)
            if suffix not in SUFFIXES and formats.suffix_of(name) not in SUFFIXES:
                if unknown is not None:
                    known = formats.suffix_of(name) if suffix else ""
                    unknown.append(unsupported(relative(entry.path), known))
                continue
            try:
                if entry.is_file():
                    if suffix:
                        found.append((relative(entry.path), entry))
                elif entry.is_symlink() and not os.path.exists(entry.path):
                    report(entry.path, "broken link (its target is missing)")
                elif suffix:
                    report(entry.path, "not a regular file")
            except OSError as exc:  # e.g. a link loop (ELOOP), or a name too long
                report(entry.path, f"cannot be read ({exc.strerror or exc})")
    found.sort(key=lambda item: item[0])
    return [entry for _rel, entry in found]


def _suffix(name: str) -> str:
    """The extension as ``Path.suffix`` gives it, in lower case ("" for "a." or ".md")."""
    i = name.rfind(".")
    return name[i:].lower() if 0 < i < len(name) - 1 else ""


def _unique(doc_id: str, path: str, taken: set[str], n: int = 2) -> tuple[str, int]:
    """``doc_id`` with a suffix hashed from ``path`` that no id in ``taken`` has, and the
    count to go on from for the next one of the same id and path."""
    suffix = hashlib.sha1(path.encode()).hexdigest()[:6]
    candidate = f"{doc_id}-{suffix}" if n == 2 else f"{doc_id}-{suffix}-{n - 1}"
    while candidate in taken:
        candidate, n = f"{doc_id}-{suffix}-{n}", n + 1
    return candidate, n


def _settle_ids(documents: list[Document]) -> None:
    """Make the ids unique. Where several sources would have one id, the one ranked first
    by :func:`_id_rank` keeps it (then the first by path), whatever else is in the corpus
    or the order it was read in; the others get a suffix hashed from their own path."""
    claims: dict[str, list[int]] = {}
    for i, doc in enumerate(documents):
        claims.setdefault(doc.id, []).append(i)
    taken = set(claims)
    losers = []
    for doc_id, indexes in claims.items():
        if len(indexes) > 1:
            indexes.sort(key=lambda i: (_id_rank(doc_id, documents[i].path), documents[i].path, i))
            losers.extend(indexes[1:])
    # (records of one file that share an id share a suffix too, then count on from it)
    counts: dict[tuple[str, str], int] = {}
    for i in sorted(losers, key=lambda i: (documents[i].path, i)):
        doc = documents[i]
        key = (doc.path, doc.id)
        doc.id, counts[key] = _unique(doc.id, f"{doc.path}#{doc.id}", taken, counts.get(key, 2))
        taken.add(doc.id)


def _skip_of(rel: str, messages: list[str]) -> Skipped:
    """Why a file gave no source: its last warning that skipped something."""
    for message in reversed(messages):
        if message.endswith("; skipped"):
            reason = message[len(rel):] if message.startswith(rel) else message
            return Skipped(rel, reason.lstrip(": ").removesuffix("; skipped"))
    return Skipped(rel, "no articles found")


def load_corpus(
    root: str | Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
    columns: dict[str, str] | None = None,
) -> LoadResult:
    """Every loadable document below ``root``, and every file that gave none named in
    ``skipped``. ``columns`` maps fields to a table's own column names. Raises
    CorpusError only for the directory."""
    root = Path(root)
    if not root.exists():
        raise CorpusError(f"corpus directory not found: {root}")
    if not root.is_dir():
        raise CorpusError(f"corpus path is not a directory: {root}")
    result = LoadResult()

    def walk_warning(message: str) -> None:
        result.warnings.append(message)
        if message.endswith("; skipped"):
            where, _, reason = message.partition(": ")
            result.skipped.append(Skipped(where, reason.removesuffix("; skipped")))

    unknown: list[Skipped] = []
    try:
        files = corpus_files(root, walk_warning, unknown)
    except OSError as exc:
        raise CorpusError(f"cannot read corpus directory {root}: {exc.strerror or exc}") from None
    # An archive repeats its metadata keys and most values (outlets, authors, dates) in
    # every file: one shared copy of each saves a few hundred bytes a document.
    shared: dict[str, str] = {}
    for i, path in enumerate(files):
        rel = path.relative_to(root).as_posix()
        messages: list[str] = []
        docs = load_file(path, rel, messages.append, max_bytes, columns)
        result.warnings.extend(messages)
        if docs:
            result.files_loaded += 1
        else:
            result.skipped.append(_skip_of(rel, messages))
        for doc in docs:
            doc.meta = {
                shared.setdefault(k, k): shared.setdefault(v, v) if type(v) is str else v
                for k, v in doc.meta.items()
            }
            result.documents.append(doc)
        if progress:
            progress(i + 1, len(files))
    result.skipped.extend(unknown)
    result.skipped.sort(key=lambda s: s.path)
    _settle_ids(result.documents)
    return result
