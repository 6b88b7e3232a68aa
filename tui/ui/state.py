"""What the user picked, kept across restarts: one small JSON file per corpus.

The file lives in the user data dir (``$NEWSDESK_STATE_DIR`` overrides it). It is written
to a temporary file and renamed into place, so a crash leaves the old state or the new,
never half of one. A missing or unreadable file is an empty state, not an error: whatever
is in it (garbage, JSON nested a hundred thousand deep, a FIFO) is read without raising.

Two dashboards may be open on one corpus. Each save re-reads the file under a lock and
merges: the selection saved is this dashboard's, plus what the file holds that this one
did not itself unselect, so neither dashboard's picks are lost to the other's save. The
open source, the sort, the search, the filters, the toggles and the theme are the last
saver's; the viewer positions are merged, source by source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.corpus.facets import SOURCE_SORTS
from tui.util.userfiles import (
    LOCK_WAIT,
    MAX_BYTES,
    STATE_DIR_ENV,
    corpus_file,
    locked,
    read_json,
    state_dir,
    write_json,
)

__all__ = [
    "LOCK_WAIT", "MAX_BYTES", "STATE_DIR_ENV", "UiState", "load_state", "merged",
    "save_state", "state_dir", "state_path",
]

SORTS = ("source", "speaker")
MAX_POSITIONS = 200  # viewer positions remembered, the most recently read sources'
MAX_QUERY = 1000  # a search is cut there anyway


@dataclass
class UiState:
    selected: list[str] = field(default_factory=list)  # quote ids, in the order picked
    source: str | None = None  # the document open in the viewer
    sort: str = "source"
    query: str = ""  # the search bar's text
    entity: str | None = None  # the entity filter, by name
    theme: str | None = None  # the theme picked in the palette (None: the config's)
    show_comments: bool | None = None  # the `c` toggle (None: the config's)
    only_source: bool = False  # the `o` toggle
    # each source's viewer position: the character offset at the top of the viewer
    positions: dict[str, int] = field(default_factory=dict)
    # the sources' facets: {outlets: [...], since, until, sort} (empty: none set)
    facets: dict[str, Any] = field(default_factory=dict)
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
        query, entity, theme = data.get("query"), data.get("entity"), data.get("theme")
        comments = data.get("show_comments")
        positions = data.get("positions")
        return cls(
            selected=[s for s in selected if isinstance(s, str)] if isinstance(selected, list)
            else [],
            source=source if isinstance(source, str) else None,
            sort=sort if sort in SORTS else "source",
            query=query[:MAX_QUERY] if isinstance(query, str) else "",
            entity=entity if isinstance(entity, str) and entity else None,
            theme=theme if isinstance(theme, str) and theme else None,
            show_comments=comments if isinstance(comments, bool) else None,
            only_source=data.get("only_source") is True,
            positions=_positions(positions),
            facets=_facets(data.get("facets")),
        )

    def to_json(self, selected: list[str]) -> dict[str, Any]:
        return {
            "selected": selected,
            "source": self.source,
            "sort": self.sort if self.sort in SORTS else "source",
            "query": self.query[:MAX_QUERY],
            "entity": self.entity,
            "theme": self.theme,
            "show_comments": self.show_comments,
            "only_source": self.only_source,
            "positions": _positions(self.positions),
            "facets": _facets(self.facets),
        }


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_OUTLETS = 1000


def _facets(data: Any) -> dict[str, Any]:
    """The facets' valid parts: outlet names, ISO days, a known sort."""
    if not isinstance(data, dict):
        return {}
    facets: dict[str, Any] = {}
    outlets = data.get("outlets")
    if isinstance(outlets, list):
        kept = [o for o in outlets[:MAX_OUTLETS] if isinstance(o, str) and len(o) <= 300]
        if kept:
            facets["outlets"] = kept
    for end in ("since", "until"):
        day = data.get(end)
        if isinstance(day, str) and _ISO_DAY.fullmatch(day):
            facets[end] = day
    if data.get("sort") in SOURCE_SORTS:
        facets["sort"] = data["sort"]
    return facets


def _positions(data: Any) -> dict[str, int]:
    """Valid (source, offset) pairs, the last MAX_POSITIONS of them."""
    if not isinstance(data, dict):
        return {}
    valid = [
        (k, v) for k, v in data.items()
        if isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 0
    ]
    return dict(valid[-MAX_POSITIONS:])


def state_path(corpus: Path, directory: Path | None = None) -> Path:
    """One file per corpus directory: its name, plus a hash of its full path."""
    return corpus_file(corpus, ".json", directory)


def load_state(path: Path) -> UiState:
    state = UiState.from_json(read_json(path))
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


def save_state(path: Path, state: UiState) -> None:
    """Merge with the file (see the module's doc) and write it whole; raises OSError if
    the directory cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path.parent):
        on_disk = read_json(path)
        saved = UiState.from_json(on_disk) if isinstance(on_disk, dict) else None
        if saved is not None:  # another dashboard's positions, where this one has none
            state.positions = {**saved.positions, **state.positions}
        write_json(path, state.to_json(merged(state, saved)))
    state.base = list(state.selected)
