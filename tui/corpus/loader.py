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
import stat
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
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _BadDate:
    """Stands for a timestamp that names no real day ("2019-02-29"): dropped later."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return repr(self.text)


class _YamlLoader(_BaseLoader):
    """The safe loader, but an impossible date is a value to drop, not an exception."""


def _timestamp(loader: Any, node: Any) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        return _BadDate(str(node.value))


_YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES
_MIB = 1 << 20  # max_file_mb counts mebibytes, as the messages say
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


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 written without a byte-order mark, or None when ``data`` is not
    that. Text in a Latin script has a zero byte in every other place (the high byte of
    each character: the second of each pair in little-endian, the first in big-endian)
    and almost none in the other places."""
    if len(data) < 4 or len(data) % 2:
        return None
    head = data[:8192]
    pairs = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= pairs * 0.3 and even <= pairs * 0.02:
        codec = "utf-16-le"
    elif even >= pairs * 0.3 and odd <= pairs * 0.02:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:  # an unpaired surrogate: not text after all
        return None
    if looks_binary(text[:8192].encode("utf-8", "surrogatepass")):
        return None
    return text


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


def _plain(value: Any, dropped: list[str] | None = None) -> Any:
    """Metadata values made JSON-safe (YAML gives dates and datetimes as objects). An
    impossible date is left out, and its text added to ``dropped``."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            bad = next((x for x in (k, v) if isinstance(x, _BadDate)), None)
            if bad is not None:
                if dropped is not None:
                    dropped.append(bad.text)
                continue
            out[clean(str(k))] = _plain(v, dropped)
        return out
    if isinstance(value, (list, tuple)):
        items = []
        for v in value:
            if isinstance(v, _BadDate):
                if dropped is not None:
                    dropped.append(v.text)
                continue
            items.append(_plain(v, dropped))
        return items
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
        return None, body, f"front matter cannot be read ({_short(exc)}); metadata ignored"
    if data is None:
        return {}, body, None
    if not isinstance(data, dict):
        return None, body, "front matter is not a mapping; metadata ignored"
    dropped: list[str] = []
    meta = _plain(data, dropped)
    if dropped:
        dates = ", ".join(_short(d, 40) for d in dropped[:3]) + (", …" if len(dropped) > 3 else "")
        return meta, body, f"front matter date {dates} is not a real date; dropped"
    return meta, body, None


def _short(value: object, limit: int = 80) -> str:
    """``value`` as one line of at most ``limit`` characters, for a warning."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def first_line_title(text: str) -> str:
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line[:200]
    return ""


def slug(name: str) -> str:
    return _SLUG_CHARS.sub("-", name.lower()).strip("-") or "doc"


# A path already spelled as an id would be: lowercase ASCII letters, digits, dashes and
# underscores, in folders of the same, with a lowercase extension.
_PLAIN_PATH = re.compile(r"[a-z0-9_\-]+(?:/[a-z0-9_\-]+)*\.[a-z]+")


def file_id(rel: str) -> str:
    """A source's id, from its own path below the corpus and nothing else, so that no file
    added, removed or renamed beside it can change it (saved selections and exported
    quote ids are built on it). A path spelled plainly gives the slug of its folders and
    name (``nyt/story.md`` → ``nyt-story``); any other spelling adds its extension, so
    that ``Story.txt`` (``story-txt``) leaves ``story`` to ``story.md``."""
    stem, dot, ext = rel.rpartition(".")
    if not dot or "/" in ext:
        stem, ext = rel, ""
    if _PLAIN_PATH.fullmatch(rel):
        return slug(stem)
    return slug(f"{stem}-{ext}" if ext else stem)


def _id_rank(doc_id: str, rel: str) -> int:
    """Which of several sources that would have one id keeps it (the lowest): the file
    spelled exactly as that id (``story.md``), then one spelled so but for its extension,
    then the rest. Each rank depends on the source's own path alone."""
    if rel == f"{doc_id}.md":
        return 0
    if rel.rpartition(".")[0] == doc_id:
        return 1
    return 2


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


def _int(digits: str) -> int | str:
    """A JSON integer; one too long for Python to convert (over 4,300 digits) stays text."""
    try:
        return int(digits)
    except ValueError:
        return digits


def _json(text: str) -> Any:
    return json.loads(text, parse_int=_int)


def _records(text: str, suffix: str) -> Iterable[tuple[int, Any, str | None]]:
    """(line or index, record, problem) for each record in a JSON or JSONL file."""
    if suffix == ".json":
        try:
            data = _json(text)
        except json.JSONDecodeError as exc:
            yield exc.lineno, None, f"not valid JSON (line {exc.lineno}: {exc.msg})"
            return
        except ValueError as exc:
            yield 1, None, f"not valid JSON ({_short(exc)})"
            return
        items = data if isinstance(data, list) else [data]
        for i, item in enumerate(items):
            yield i, item, None
        return
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = _json(line)
        except json.JSONDecodeError as exc:
            yield lineno, None, f"not valid JSON ({exc.msg})"
            continue
        except ValueError as exc:
            yield lineno, None, f"not valid JSON ({_short(exc)})"
            continue
        except RecursionError:
            yield lineno, None, "nested too deeply to read"
            continue
        yield lineno, record, None


def _load_json(path: Path, rel: str, text: str, warn: Callable[[str], None]) -> list[Document]:
    docs: list[Document] = []
    lines = path.suffix.lower() != ".json"
    multi = lines or text.lstrip().startswith("[")
    seen = 0
    for n, record, problem in _records(text, path.suffix.lower()):
        seen += 1
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
            doc_id = file_id(rel) + (f"-{n}" if multi else "")
        # (decoded bytes never hold lone surrogates; JSON's \u escapes can)
        docs.append(make_document(doc_id, rel, clean(record[body_key]), meta))
    if not seen:
        warn(f"{rel}: no records; skipped")
    return docs


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
    path: Path, rel: str, warn: Callable[[str], None], max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Document]:
    """Documents from one file; problems go to ``warn`` and never raise."""
    data = _read(path, rel, warn, max_bytes)
    if data is None:
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
    except Exception as exc:  # noqa: BLE001 - one unreadable file never stops a load
        warn(f"{rel}: cannot be read ({type(exc).__name__}: {_short(exc)}); skipped")
        return []


def _parse_file(
    path: Path, rel: str, data: bytes, warn: Callable[[str], None]
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
    if path.suffix.lower() in JSON_SUFFIXES:
        return _load_json(path, rel, text, warn)
    meta, body, problem = split_front_matter(canonical(text))
    if problem:
        warn(f"{rel}: {problem}")
    if not body.strip():
        warn(f"{rel}: no text after the front matter; skipped")
        return []
    doc = make_document(file_id(rel), rel, body, meta or {})
    if note:
        doc.notes.append(note)
    if problem:
        doc.notes.append(problem)
    return [doc]


def corpus_files(root: Path, warn: Callable[[str], None] | None = None) -> list[Path]:
    """Corpus files below ``root``, in name order, hidden files and folders left out.

    The root itself must be readable (OSError otherwise); an unreadable folder below it
    is reported to ``warn`` and skipped, never dropped silently, and so are a broken link
    and anything with a corpus file's name that is not a file (a FIFO, a device). Linked
    folders are followed, each real folder read once (a link back up is not a loop).
    """
    with os.scandir(root):
        pass

    def report(where: str | Path, problem: str) -> None:
        if warn:
            where = Path(where)
            rel = where.relative_to(root).as_posix() if where != root else str(root)
            warn(f"{rel}: {problem}; skipped")

    def unreadable(error: OSError) -> None:
        if error.filename is not None:
            report(error.filename, f"folder cannot be read ({error.strerror or error})")

    found = []
    seen = {os.path.realpath(root)}
    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=True):
        kept = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            real = os.path.realpath(os.path.join(folder, name))
            if real in seen:
                report(Path(folder) / name, "links to a folder already read")
                continue
            seen.add(real)
            kept.append(name)
        dirs[:] = kept
        for name in files:
            if name.startswith("."):
                continue
            path = Path(folder) / name
            suffix = path.suffix.lower()
            if suffix not in SUFFIXES and suffix:
                continue
            try:
                if path.is_file():
                    if suffix:
                        found.append(path)
                elif path.is_symlink() and not path.exists():
                    report(path, "broken link (its target is missing)")
                elif suffix:
                    report(path, "not a regular file")
            except OSError as exc:  # e.g. a link loop (ELOOP), or a name too long
                report(path, f"cannot be read ({exc.strerror or exc})")
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


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
    # An archive repeats its metadata keys and most values (outlets, authors, dates) in
    # every file: one shared copy of each saves a few hundred bytes a document.
    shared: dict[str, str] = {}
    for i, path in enumerate(files):
        rel = path.relative_to(root).as_posix()
        for doc in load_file(path, rel, result.warnings.append, max_bytes):
            doc.meta = {
                shared.setdefault(k, k): shared.setdefault(v, v) if type(v) is str else v
                for k, v in doc.meta.items()
            }
            result.documents.append(doc)
        if progress:
            progress(i + 1, len(files))
    _settle_ids(result.documents)
    return result
