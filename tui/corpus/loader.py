"""Load a corpus directory into Documents.

Formats: Markdown or plain text with optional YAML front matter, and JSON / JSONL
records. Bad files never stop a load: each is skipped (or read as well as it can be)
with a one-line warning, and the good files still load.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from tui.corpus.document import Document
from tui.corpus.sections import paragraphs, sections
from tui.errors import CorpusError

# libyaml's parser is about ten times faster, which matters for archives of 10,000 files.
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
_BODY_KEYS = ("text", "body", "content")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(data: bytes) -> tuple[str, str | None]:
    """Text from bytes, and a note naming the fallback encoding when UTF-8 failed."""
    if data.startswith(_UTF16_BOMS):  # Windows tools still write UTF-16 with a BOM
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not valid UTF-8; read as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not valid UTF-8; read as Latin-1"


# Every byte but the C0 controls that text files do not use (tab, newlines, form feed are fine).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    return len(head.translate(None, _NOT_CONTROL)) / len(head) > 0.1


# Lone surrogates come only from JSON or YAML escapes ("\\ud800"); no output can encode them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """A string every output can encode: lone surrogates become U+FFFD (same length)."""
    return _SURROGATE.sub("\ufffd", text)


def canonical(text: str) -> str:
    """One newline convention, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _plain(value: Any) -> Any:
    """Metadata values made JSON-safe (YAML gives dates and datetimes as objects)."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {clean(str(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return clean(value)
    if value is None or isinstance(value, (int, float, bool)):
        return value
    return clean(str(value))


# The front matter most archives write: one `key: value` a line, the value double-quoted,
# an ISO date, a plain word-ish scalar or nothing. Read directly, it costs a twentieth of a
# YAML parse; any other line (nesting, lists, comments, escapes, numbers) goes to YAML.
_SIMPLE_LINE = re.compile(
    r'([A-Za-z_][A-Za-z0-9_]*):(?:[ ]+(?:"([^"\\]*)"|([0-9]{4}-[0-9][0-9]-[0-9][0-9])'
    r"|([A-Za-z](?:[A-Za-z0-9./_\-]|:(?=[A-Za-z0-9./_\-])| (?=[A-Za-z0-9./_\-]))*)))?[ ]*"
)
# Plain scalars YAML reads as booleans or null rather than strings.
_YAML_WORDS = frozenset(
    "yes no true false on off null y n".split()
)


def _simple_front_matter(block: str) -> dict[str, Any] | None:
    """The metadata of a block of simple `key: value` lines, or None to ask YAML."""
    data: dict[str, Any] = {}
    for line in block.split("\n")[:-1]:
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


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str, str | None]:
    """(metadata or None, body, problem). A block that does not parse is dropped, not kept."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, None
    body = text[match.end() :]
    block = match.group(1) or ""
    simple = _simple_front_matter(block) if block else None
    if simple:
        return simple, body, None
    try:
        data = yaml.load(match.group(1) or "", Loader=_YamlLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        return None, body, f"front matter is not valid YAML{where}; metadata ignored"
    if data is None:
        return {}, body, None
    if not isinstance(data, dict):
        return None, body, "front matter is not a mapping; metadata ignored"
    return _plain(data), body, None


def first_line_title(text: str) -> str:
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line[:200]
    return ""


def slug(name: str) -> str:
    return _SLUG_CHARS.sub("-", name.lower()).strip("-") or "doc"


def make_document(doc_id: str, path: str, text: str, meta: dict[str, Any]) -> Document:
    text = canonical(text)
    meta = dict(meta)
    if not meta.get("title"):
        meta["title"] = first_line_title(text) or doc_id
        meta.setdefault("title_guessed", True)
    paras = paragraphs(text)
    return Document(
        id=doc_id,
        path=path,
        text=text,
        meta=meta,
        paragraphs=paras,
        sections=sections(text, paras),
    )


def _records(text: str, suffix: str) -> Iterable[tuple[int, Any, str | None]]:
    """(line or index, record, problem) for each record in a JSON or JSONL file."""
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield exc.lineno, None, f"not valid JSON (line {exc.lineno}: {exc.msg})"
            return
        items = data if isinstance(data, list) else [data]
        for i, item in enumerate(items):
            yield i, item, None
        return
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line), None
        except json.JSONDecodeError as exc:
            yield lineno, None, f"not valid JSON ({exc.msg})"


def _load_json(path: Path, rel: str, text: str, warn: Callable[[str], None]) -> list[Document]:
    docs: list[Document] = []
    lines = path.suffix.lower() != ".json"
    multi = lines or text.lstrip().startswith("[")
    for n, record, problem in _records(text, path.suffix.lower()):
        where = f"{rel}:{n}" if lines else (f"{rel}[{n}]" if multi else rel)
        if problem:
            warn(f"{where}: {problem}; skipped")
            continue
        if not isinstance(record, dict):
            warn(f"{where}: record is not an object; skipped")
            continue
        body_key = next((k for k in _BODY_KEYS if isinstance(record.get(k), str)), None)
        if body_key is None or not record[body_key].strip():
            warn(f"{where}: record has no text, body or content; skipped")
            continue
        meta = {k: _plain(v) for k, v in record.items() if k not in _BODY_KEYS and k != "id"}
        if record.get("id") is not None:
            doc_id = slug(str(record["id"]))
        else:
            doc_id = slug(path.stem) + (f"-{n}" if multi else "")
        # (decoded bytes never hold lone surrogates; JSON's \u escapes can)
        docs.append(make_document(doc_id, rel, clean(record[body_key]), meta))
    return docs


def load_file(
    path: Path, rel: str, warn: Callable[[str], None], max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Document]:
    """Documents from one file; problems go to ``warn`` and never raise."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            warn(f"{rel}: {size / 1e6:.0f} MB is over the {max_bytes / 1e6:.0f} MB limit; skipped")
            return []
        data = path.read_bytes()
    except OSError as exc:
        warn(f"{rel}: cannot be read ({exc.strerror or exc}); skipped")
        return []
    if not data.strip():
        warn(f"{rel}: empty; skipped")
        return []
    try:
        return _parse_file(path, rel, data, warn)
    except (RecursionError, MemoryError):
        # nesting thousands deep in JSON or front matter: one bad file, not a bad corpus
        warn(f"{rel}: nested too deeply to read; skipped")
        return []


def _parse_file(
    path: Path, rel: str, data: bytes, warn: Callable[[str], None]
) -> list[Document]:
    if not data.startswith(_UTF16_BOMS) and looks_binary(data):
        warn(f"{rel}: binary, not text; skipped")
        return []
    text, note = decode(data)
    if note:
        warn(f"{rel}: {note}")
    if path.suffix.lower() in JSON_SUFFIXES:
        return _load_json(path, rel, text, warn)
    meta, body, problem = split_front_matter(canonical(text))
    if problem:
        warn(f"{rel}: {problem}")
    if not body.strip():
        warn(f"{rel}: no text after the front matter; skipped")
        return []
    doc = make_document(slug(path.stem), rel, body, meta or {})
    if note:
        doc.notes.append(note)
    if problem:
        doc.notes.append(problem)
    return [doc]


def corpus_files(root: Path, warn: Callable[[str], None] | None = None) -> list[Path]:
    """Corpus files below ``root``, in name order, hidden files and folders left out.

    The root itself must be readable (OSError otherwise); an unreadable folder below it
    is reported to ``warn`` and skipped, never dropped silently.
    """
    with os.scandir(root):
        pass

    def unreadable(error: OSError) -> None:
        if warn and error.filename is not None:
            where = Path(error.filename)
            rel = where.relative_to(root).as_posix() if where != root else str(root)
            warn(f"{rel}: folder cannot be read ({error.strerror or error}); skipped")

    found = []
    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = Path(folder) / name
            if not name.startswith(".") and path.suffix.lower() in SUFFIXES and path.is_file():
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _unique(doc_id: str, path: str, taken: set[str]) -> str:
    if doc_id not in taken:
        return doc_id
    suffix = hashlib.sha1(path.encode()).hexdigest()[:6]
    candidate, n = f"{doc_id}-{suffix}", 2
    while candidate in taken:
        candidate, n = f"{doc_id}-{suffix}-{n}", n + 1
    return candidate


def load_corpus(
    root: str | Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> LoadResult:
    """Every loadable document below ``root``. Raises CorpusError only for the directory."""
    root = Path(root)
    if not root.exists():
        raise CorpusError(f"corpus directory not found: {root}")
    if not root.is_dir():
        raise CorpusError(f"corpus path is not a directory: {root}")
    result = LoadResult()
    try:
        files = corpus_files(root, result.warnings.append)
    except OSError as exc:
        raise CorpusError(f"cannot read corpus directory {root}: {exc.strerror or exc}") from None
    taken: set[str] = set()
    # An archive repeats its metadata keys and most values (outlets, authors, dates) in
    # every file: one shared copy of each saves a few hundred bytes a document.
    shared: dict[str, str] = {}
    for i, path in enumerate(files):
        rel = path.relative_to(root).as_posix()
        for doc in load_file(path, rel, result.warnings.append, max_bytes):
            doc.id = _unique(doc.id, f"{rel}#{doc.id}", taken)
            taken.add(doc.id)
            doc.meta = {
                shared.setdefault(k, k): shared.setdefault(v, v) if type(v) is str else v
                for k, v in doc.meta.items()
            }
            result.documents.append(doc)
        if progress:
            progress(i + 1, len(files))
    return result
