"""Small JSON files kept per corpus in the user data dir: where they live, how they are
read (never raising, never blocking, never running anything: JSON only) and how they are
written (whole, under a lock on their folder, renamed into place).

The dashboard's state and the corrections both live here, so the command line reads the
same corrections the dashboard saved.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

try:
    import fcntl
except ImportError:  # Windows: saves are not locked, only written whole
    fcntl = None  # type: ignore[assignment]

STATE_DIR_ENV = "NEWSDESK_STATE_DIR"
MAX_BYTES = 16 * 1024 * 1024  # a selection of every quote of a large archive is a few MB
LOCK_WAIT = 2.0  # seconds a save waits for another's lock before it goes ahead without


def state_dir(environ: Mapping[str, str] | None = None) -> Path:
    override = (os.environ if environ is None else environ).get(STATE_DIR_ENV)
    return Path(override) if override else Path(user_data_dir("newsdesk"))


def corpus_file(corpus: Path, suffix: str = ".json", directory: Path | None = None) -> Path:
    """One file per corpus directory: its name, plus a hash of its full path."""
    resolved = str(Path(corpus).expanduser().resolve())
    digest = hashlib.sha1(resolved.encode()).hexdigest()[:12]
    name = re.sub(r"[^A-Za-z0-9]+", "-", Path(resolved).name).strip("-") or "corpus"
    return (directory or state_dir()) / f"{name}-{digest}{suffix}"


def read_json(path: Path) -> Any:
    """The JSON in ``path``, or None: never raises, never blocks (a FIFO is not read)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_BYTES:
            return None
        return json.loads(b"".join(chunks).decode("utf-8"))
    except Exception:  # noqa: BLE001 - bad UTF-8 or JSON, nesting too deep, a huge number...
        return None
    finally:
        os.close(fd)


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the folder's lock (a lock on the folder itself, so no lock file is left
    behind). One that cannot be had in LOCK_WAIT seconds is done without: a stuck
    dashboard must not stop another from saving."""
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
                     | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + LOCK_WAIT
        is_locked = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                is_locked = True
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.01)
            except OSError:  # a file system without locks
                break
        try:
            yield
        finally:
            if is_locked:
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path`` and rename it into place."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def write_json(path: Path, data: Any) -> None:
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1))
