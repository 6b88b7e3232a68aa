"""A disk cache for what is built from a corpus, keyed by the documents' content.

Building the search index of a large archive takes seconds of pure Python; reading it back
takes a fraction of that. Entries live in the user cache directory (platformdirs), or in
``$NEWSDESK_CACHE_DIR``; set that to ``off`` to never read or write the cache. The key
is a hash of every document's id and text, so any edit to the corpus is a miss. Nothing
here raises: an unreadable, stale or corrupt entry is a miss, and a failed write is
skipped.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

from tui.corpus.document import Document

ENV_VAR = "NEWSDESK_CACHE_DIR"
KEEP = 4  # entries kept per name: a few corpora can be switched between without rebuilding


def cache_dir() -> Path | None:
    """Where entries live, or None when caching is switched off."""
    configured = os.environ.get(ENV_VAR)
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no") else Path(configured)
    return Path(user_cache_dir("newsdesk"))


def fingerprint(documents: Iterable[Document], *salt: str) -> str:
    """A hash of the documents' ids and texts (and ``salt``, e.g. a format version)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in salt:
        digest.update(part.encode() + b"\0")
    for doc in documents:
        digest.update(doc.id.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(doc.encoded + b"\1")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of every core module's source (the whole package but the dashboard's
    ``ui/``): after an upgrade or an edited rule, what was built by the old code is a miss
    rather than a stale answer. Paths are hashed too, so a module moved between
    sub-packages changes the key."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] == "ui":
            continue
        name = relative.as_posix().encode()
        try:
            digest.update(name + b"\0" + path.read_bytes() + b"\1")
        except OSError:
            digest.update(name + b"\2")
    return digest.hexdigest()


def _path(name: str, key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{name}-{key}.pickle"


def load(name: str, key: str) -> Any | None:
    """The value stored under ``name`` and ``key``, or None."""
    path = _path(name, key)
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            stored_key, parts = pickle.load(handle)
            if stored_key != key:
                return None
            if parts is None:
                return pickle.load(handle)
            return {part: pickle.load(handle) for part in parts}
    except Exception:  # a truncated or foreign file is a miss, never a crash
        return None


def store(name: str, key: str, value: Any) -> Path | None:
    """Write ``value`` atomically; the path, or None. Keeps the newest few of ``name``."""
    path = _path(name, key)
    if path is None:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                # A mapping is written a value at a time, each a pickle of its own: a
                # pickler remembers every object it has written, and one memo for a
                # whole 10,000-article index (46 MB) was the peak of a first start.
                parts = list(value) if isinstance(value, dict) else None
                pieces = [value] if parts is None else [value[part] for part in parts]
                for piece in [(key, parts), *pieces]:
                    pickle.dump(piece, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        entries = sorted(
            path.parent.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return None
    return path
