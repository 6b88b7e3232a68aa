"""Corrections from the dashboard: ask what to change, save it in the corpus's corrections
file (the one `newsdesk corrections` lists), and show the index with it applied. The
core decides what a correction does (tui/entities/corrections.py); this module only
asks, saves and redraws."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from tui.entities.corrections import (
    IGNORE,
    MERGE,
    RENAME,
    RETYPE,
    Correction,
    CorrectionError,
    add_correction,
    load_corrections,
    store_path,
    undo_correction,
)
from tui.entities.lookup import EntityLookup
from tui.nlp.lexicon import TYPES
from tui.ui.messages import Correct
from tui.ui.screens.ask import MAX_CHOICES, AskScreen

if TYPE_CHECKING:
    from tui.ui.app import NewsdeskApp


def ask(app: NewsdeskApp, request: Correct) -> None:
    """Ask the user for what ``request`` needs, then make the correction."""
    index = app.index
    if index is None:
        app.notify("Still indexing; try again in a moment.", severity="warning")
        return
    kind, target = request.kind, request.target
    if kind == IGNORE:
        _make(app, Correction(IGNORE, target))
        return

    def check(value: str) -> str | None:
        try:
            index.check(Correction(kind, target, value or None))
        except CorrectionError as exc:
            return str(exc)
        return None

    lookup: list[EntityLookup] = []  # made when first asked: a dialog that offers none

    def names(text: str) -> list[str]:
        if not lookup:
            lookup.append(EntityLookup(index.entities))
        return [e.name for e in lookup[0].find(text)[:MAX_CHOICES + 1] if e.name != target]

    def types(text: str) -> list[str]:
        return [t for t in TYPES if t.startswith(text.strip().upper())]

    def then(value: str | None) -> None:
        if value is not None:
            _make(app, Correction(kind, target, value or None))

    if kind == MERGE:
        screen = AskScreen(f"Merge {target}", f"Merge “{target}” into which entity? Its "
                           "mentions, aliases and quotes go to that one.",
                           choices=names, check=check, placeholder="type to find an entity")
    elif kind == RENAME:
        screen = AskScreen(f"Rename {target}", f"New name for “{target}” (the old one "
                           "stays as an alias; an existing name merges the two):",
                           target, check=check)
    elif kind == RETYPE:
        entity = index.entity_named(target)
        screen = AskScreen(f"Type of {target}", "PERSON, ORG, PLACE or OTHER:",
                           entity.type if entity else "", choices=types, check=check)
    else:
        quote = index.quote_by_id.get(target)
        said = quote.text if quote is not None else target
        said = said if len(said) <= 80 else said[:79] + "…"
        screen = AskScreen("Speaker", f"Who said “{said}”? One of the entities; "
                           "empty: no one.",
                           # (a description is no entity to keep: the box starts empty)
                           (quote.speaker or "") if quote and not quote.described else "",
                           choices=names, check=check, placeholder="no speaker")
    app.push_screen(screen, then)


def _make(app: NewsdeskApp, correction: Correction) -> None:
    path = store_path(app.settings.corpus)
    try:
        add_correction(path, correction)
    except (CorrectionError, OSError) as exc:
        app.notify(f"{path}: {exc}", title="Correction not saved", severity="error")
        return
    app.notify(f"{correction.describe()} · undo: ctrl+p, “Undo correction”",
               title="Corrected", timeout=5)
    follow = correction.value if correction.kind in (MERGE, RENAME) else None
    reapply(app, renamed=(correction.target, follow) if follow else None)


def undo(app: NewsdeskApp, number: int) -> None:
    """Undo correction ``number`` (from 1, as `newsdesk corrections` lists them)."""
    path = store_path(app.settings.corpus)
    try:
        removed, _left = undo_correction(path, number)
    except (CorrectionError, OSError) as exc:
        app.notify(str(exc), title="Nothing undone", severity="error")
        return
    app.notify(removed.describe(), title="Undone", timeout=5)
    follow = (removed.value, removed.target) \
        if removed.kind == RENAME and removed.value else None
    reapply(app, renamed=follow)


def reapply(app: NewsdeskApp, renamed: tuple[str, str | None] | None = None) -> None:
    """Apply the saved corrections to the index, in a thread (half a second for a
    10,000-article archive when speakers change), and show it again. ``renamed``: an
    entity filter on the first name follows it to the second."""
    index = app.index
    if index is None:
        return
    corrections = load_corrections(store_path(app.settings.corpus))

    def apply() -> None:
        index.correct(corrections)  # (the index swaps its parts in at the end)
        app.call_from_thread(_show, app, renamed)

    app.run_worker(apply, thread=True, group="corrections", exclusive=True,
                   exit_on_error=False)


def _show(app: NewsdeskApp, renamed: tuple[str, str | None] | None) -> None:
    index = app.index
    if index is None:
        return
    entity = app.entity
    if entity is not None:
        name = entity.name
        if renamed is not None and renamed[0] == name and renamed[1]:
            name = renamed[1]
        entity = index.entity_named(name)
    app.entity = None
    app._index_ready(index)
    if entity is not None:
        app.set_entity(entity)


def palette_commands(app: NewsdeskApp) -> Iterator[tuple[str, str, Callable[[], object]]]:
    """A palette command for each correction saved, to undo it."""
    for number, c in enumerate(load_corrections(store_path(app.settings.corpus)), 1):
        yield (f"Undo correction {number}: {c.describe()}",
               "As if it had never been made (newsdesk corrections lists them)",
               _undoer(app, number))


def _undoer(app: NewsdeskApp, number: int) -> Callable[[], None]:
    return lambda: undo(app, number)

