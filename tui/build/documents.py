"""Loading a corpus, or reading back what the last load of the same files made.

Reading a large archive is mostly the loader's own work: front matter, paragraphs and
sections, document by document (23 s of a 100,000-article archive's second start).
So what a load made is kept in the disk cache (tui/build/cache.py) under a key of every
corpus file's path, size and modification time, the settings the loader reads and the
code: a second start only walks the folder and reads the stored documents back. Any
file added, removed, touched or edited is a miss, and the corpus is read again.

The dashboard, the command line and the benchmark all load through :func:`load_documents`.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from collections.abc import Callable
from itertools import accumulate
from pathlib import Path
from typing import Any

from tui.build import cache
from tui.build.blobs import Blob
from tui.config import Settings
from tui.corpus.document import Document, Section, Spans
from tui.corpus.loader import LoadResult, corpus_entries, load_corpus
from tui.corpus.report import Skipped
from tui.util.collector import no_collector
from tui.util.packing import checked_starts, lay, unlay

CACHE_NAME = "documents"
FORMAT = "documents-3"
# metadata values stored as they are: anything else (a date YAML made, say) is a miss
_PLAIN = (str, int, float, bool, type(None))


def load_documents(
    settings: Settings, progress: Callable[[int, int], None] | None = None
) -> LoadResult:
    """The corpus of ``settings`` as :func:`~tui.corpus.loader.load_corpus` reads it
    (CorpusError for a missing or unreadable folder), from the cache when no file has
    changed since it was stored."""
    max_bytes = settings.max_file_mb * 1024 * 1024
    key = _key(settings, max_bytes) if cache.cache_dir() else ""
    if key:
        # (without the cyclic collector: a large corpus's documents are millions of
        # objects, and the collections their making sets off would walk all of them)
        with no_collector(keep=True):
            restored = _restore(cache.load(CACHE_NAME, key))
        if restored is not None:
            restored.key = key
            if progress:
                progress(len(restored.documents), len(restored.documents))
            return restored
    # (read without the collector too, then swept once: the documents live on, and the
    # collections the reading set off, each walking all read so far, took 7% of the
    # reading of 100,000 articles)
    with no_collector(keep=True, sweep=True):
        result = load_corpus(settings.corpus, max_bytes=max_bytes, progress=progress,
                             columns=settings.columns)
    result.key = key
    if key:
        state = _state(result)
        if state is not None:
            cache.store(CACHE_NAME, key, state)
    return result


def _key(settings: Settings, max_bytes: int) -> str:
    """Every file's path, size and modification time (and what the walk reported),
    the loader's settings and the code; "" when the folder cannot be walked (the
    loader then says why)."""
    root = Path(settings.corpus)
    notes: list[str] = []
    unknown: list[Skipped] = []
    try:
        files = corpus_entries(root, notes.append, unknown)
    except OSError:
        return ""
    digest = hashlib.blake2b(digest_size=16)
    head = [FORMAT, cache.code_version(), str(root.resolve()), max_bytes, settings.columns]
    digest.update(json.dumps(head, sort_keys=True, default=str).encode())
    # (hashed as one text, not in an update a file)
    lines = []
    for entry in files:
        try:
            stat = entry.stat()
        except OSError:
            return ""
        lines.append(f"\0{entry.path}\0{stat.st_size}\0{stat.st_mtime_ns}")
    digest.update("".join(lines).encode("utf-8", "surrogatepass"))
    for line in (*notes, *(f"{s.path}\0{s.reason}" for s in unknown)):
        digest.update(b"\1" + line.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _state(result: LoadResult) -> dict[str, Any] | None:
    """The load as columns of built-in values (all the cache's reader makes), or None
    when a document holds something else."""
    docs = result.documents
    for doc in docs:
        if any(type(v) not in _PLAIN for v in doc.meta.values()):
            return None
    return {
        "format": FORMAT,
        "id": [d.id for d in docs],
        "path": [d.path for d in docs],
        # the texts as one blob of UTF-8, which a second start maps rather than reads:
        # its documents decode their text when it is read (see Document.text)
        "texts": Blob(d.encoded for d in docs),
        "ends": array("q", accumulate(map(_utf8_length, docs), initial=0)),
        "chars": [d.chars for d in docs],
        "meta": [d.meta for d in docs],
        # (laid end to end: pickled one by one, each array is a call to make it again)
        "paragraphs": lay(d.paragraphs._data for d in docs),
        "sections": [[(s.kind, s.start, s.end, s.label) for s in d.sections] for d in docs],
        "notes": [d.notes for d in docs],
        "warnings": result.warnings,
        "skipped": [(s.path, s.reason) for s in result.skipped],
        "files_loaded": result.files_loaded,
    }


def _restore(state: Any) -> LoadResult | None:
    """The load ``_state`` described, or None for anything else."""
    try:
        if state["format"] != FORMAT:
            return None
        texts = memoryview(state["texts"])
        ends = checked_starts(texts, state["ends"])  # (where each text starts, then the last ends)
        if len(ends) != len(state["id"]) + 1:
            return None
        stored = [texts[a:b] for a, b in zip(ends, ends[1:])]
        columns = [state["id"], state["path"], stored, state["chars"], state["meta"]]
        columns += [list(unlay(state["paragraphs"])), state["sections"], state["notes"]]
        if len({len(c) for c in columns}) != 1:
            return None
        documents = [_document(*row) for row in zip(*columns)]
        skipped = [Skipped(path, reason) for path, reason in state["skipped"]]
        return LoadResult(documents, list(state["warnings"]), skipped,
                          int(state["files_loaded"]))
    except (KeyError, TypeError, ValueError):
        return None


def _utf8_length(doc: Document) -> int:
    """The length of ``doc.encoded``, without encoding a text of one byte a character."""
    stored = doc._stored
    if isinstance(stored, str) and stored.isascii():
        return len(stored)
    return len(doc.encoded)


def _document(
    doc_id: str, path: str, stored: memoryview, chars: int, meta: dict[str, Any],
    paragraphs: Any, sections: list[tuple[str, int, int, str]], notes: list[str],
) -> Document:
    """A document as the loader made it, without reading its text (it stays in the
    cache's mapped blob until it is read)."""
    doc = Document.__new__(Document)
    doc.id, doc.path, doc.meta, doc.notes = doc_id, path, meta, notes
    spans = Spans.__new__(Spans)
    spans._data = paragraphs
    doc.paragraphs = spans
    doc.sections = [Section(*section) for section in sections]
    doc._section_starts = []
    doc._chars = chars
    doc._decoded = None
    doc._stored = stored
    return doc
