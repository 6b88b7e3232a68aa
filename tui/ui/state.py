"""What the user picked, kept across restarts: one small JSON file per corpus.

The file lives in the user data dir (``$NEWSDESK_STATE_DIR`` overrides it). It is written
to a temporary file and renamed into place, so a crash leaves the old state or the new,
never half of one. A missing or unreadable file is an empty state, not an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

STATE_DIR_ENV = "NEWSDESK_STATE_DIR"
SORTS = ("source", "speaker")


@dataclass
class UiState:
    selected: list[str] = field(default_factory=list)  # quote ids, in the order picked
    source: str | None = None  # the document open in the viewer
    sort: str = "source"

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


def state_dir(environ: dict[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    override = environ.get(STATE_DIR_ENV)
    return Path(override) if override else Path(user_data_dir("newsdesk"))


def state_path(corpus: Path, directory: Path | None = None) -> Path:
    """One file per corpus directory: its name, plus a hash of its full path."""
    resolved = str(Path(corpus).expanduser().resolve())
    digest = hashlib.sha1(resolved.encode()).hexdigest()[:12]
    name = re.sub(r"[^A-Za-z0-9]+", "-", Path(resolved).name).strip("-") or "corpus"
    return (directory or state_dir()) / f"{name}-{digest}.json"


def load_state(path: Path) -> UiState:
    try:
        return UiState.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return UiState()


def save_state(path: Path, state: UiState) -> None:
    """Write atomically; raises OSError if the directory cannot be written."""
    from tui.export.markdown import (  # loaded on first save, not at start-up
        ExportError,
        write_atomic,
    )

    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_atomic(path, json.dumps(asdict(state), ensure_ascii=False, indent=1), force=True)
    except ExportError as exc:
        raise OSError(str(exc)) from None
