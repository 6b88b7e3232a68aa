"""What the user picked, kept across restarts: one small JSON file per corpus.

The file lives in the user data dir (``$NEWSDESK_STATE_DIR`` overrides it). It is written
to a temporary file and renamed into place, so a crash leaves the old state or the new,
never half of one. A missing or unreadable file is an empty state, not an error: whatever
is in it (garbage, JSON nested a hundred thousand deep, a FIFO) is read without raising.

Two dashboards may be open on one corpus. Each save re-reads the file under a lock and
merges: the selection saved is this dashboard's, plus what the file holds that this one
did not itself unselect, so neither dashboard's picks are lost to the other's save. The
open source and the sort are the last saver's.
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

try:
    import fcntl
except ImportError:  # Windows: saves are not locked, only written whole
    fcntl = None  # type: ignore[assignment]

STATE_DIR_ENV = "NEWSDESK_STATE_DIR"
SORTS = ("source", "speaker")


MAX_BYTES = 16 * 1024 * 1024  # a selection of every quote of a large archive is a few MB
LOCK_WAIT = 2.0  # seconds a save waits for another's lock before it goes ahead without


@dataclass
class UiState:
    selected: list[str] = field(default_factory=list)  # quote ids, in the order picked
    source: str | None = None  # the document open in the viewer
    sort: str = "source"
    # The selection as this dashboard last read or wrote it: what is in it and no longer
    # in ``selected`` is what this dashboard unselected, and comes out of the file's.
    base: list[str] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def from_json(cls, data: Any) -> UiState:
        if not isinstance(data, dict):
            return cls()
        selected = data.get("selected")
        source = data.get("source")
        sort = data.get("sort")
        return cls(
            selected=[s for s in selected if isinstance(s, str)] if isinstance(selected, list)
            else [],
            source=source if isinstance(source, str) else None,
            sort=sort if sort in SORTS else "source",
        )


def state_dir(environ: Mapping[str, str] | None = None) -> Path:
    override = (os.environ if environ is None else environ).get(STATE_DIR_ENV)
    return Path(override) if override else Path(user_data_dir("newsdesk"))


def state_path(corpus: Path, directory: Path | None = None) -> Path:
    """One file per corpus directory: its name, plus a hash of its full path."""
    resolved = str(Path(corpus).expanduser().resolve())
    digest = hashlib.sha1(resolved.encode()).hexdigest()[:12]
    name = re.sub(r"[^A-Za-z0-9]+", "-", Path(resolved).name).strip("-") or "corpus"
    return (directory or state_dir()) / f"{name}-{digest}.json"


def _read(path: Path) -> Any:
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


def load_state(path: Path) -> UiState:
    state = UiState.from_json(_read(path))
    state.base = list(state.selected)
    return state


def merged(state: UiState, saved: UiState | None) -> list[str]:
    """``state``'s selection, then what ``saved`` (another dashboard's save) holds that
    ``state`` neither has nor unselected."""
    if saved is None:
        return list(state.selected)
    mine = set(state.selected)
    removed = set(state.base) - mine
    extra = [q for q in saved.selected if q not in mine and q not in removed]
    return list(dict.fromkeys([*state.selected, *extra]))


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold the state folder's lock (a lock on the folder itself, so no lock file is left
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
        locked = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                locked = True
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
            if locked:
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _write_atomic(path: Path, text: str) -> None:
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


def save_state(path: Path, state: UiState) -> None:
    """Merge with the file (see the module's doc) and write it whole; raises OSError if
    the directory cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with _locked(path.parent):
        on_disk = _read(path)
        saved = UiState.from_json(on_disk) if isinstance(on_disk, dict) else None
        data = {
            "selected": merged(state, saved),
            "source": state.source,
            "sort": state.sort if state.sort in SORTS else "source",
        }
        _write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1))
    state.base = list(state.selected)
