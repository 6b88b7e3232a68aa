"""Everything comes back: what the dashboard shows is kept in its state file
(tui/ui/state.py) when it closes, and put back on the next start, in the order the
dashboard can take it: the toggles at once, the theme and the search bar's text with
the first frame, the entity filter and the viewer's position once the index is built.

A new control with a setting worth keeping adds a field to UiState, a line to
:func:`remember` and a line to whichever of the restore steps below has what it needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual.css.query import NoMatches

from tui.corpus.facets import SourceFacets
from tui.ui.panes.search_bar import SearchBar
from tui.ui.panes.sources import SourcesPane
from tui.ui.panes.viewer import Viewer

if TYPE_CHECKING:
    from tui.ui.app import NewsdeskApp

# what each app has still to restore once its index is built: the entity filter's name,
# and the source that was open with the offset at the top of the viewer (taken at mount:
# the viewer's scrolling from then on is remembered over it)
_pending: WeakKeyDictionary[NewsdeskApp, tuple[str | None, str | None, int | None]] = \
    WeakKeyDictionary()


def remember(app: NewsdeskApp) -> None:
    """Copy what the dashboard shows now into its state, to be saved."""
    state = app.state
    state.query = app.search_text
    state.entity = app.entity.name if app.entity is not None else None
    state.show_comments = app.show_comments
    state.only_source = app.only_source
    # a theme picked in the palette; the config's own is not written over it
    state.theme = app.theme if app.theme != app.settings.theme else None
    f = app.facets
    state.facets = {"outlets": sorted(f.outlets), "since": f.since, "until": f.until,
                    "sort": f.sort}


def _position(app: NewsdeskApp) -> None:
    """Keep the viewer's position as it scrolls (when the app closes, the viewer is
    gone before the state is saved)."""
    try:
        viewer = app.query_one(Viewer)
    except NoMatches:
        return
    document = viewer.document
    if document is not None and viewer.size.height:
        positions = app.state.positions
        positions.pop(document.id, None)  # (to the end: the most recent is kept)
        positions[document.id] = viewer.offset_at_top()


def toggles(app: NewsdeskApp) -> None:
    """The `c` and `o` toggles and the sources' facets as they were (before anything is
    drawn: every query reads them)."""
    if app.state.show_comments is not None:
        app.show_comments = app.state.show_comments
    app.only_source = app.state.only_source
    f = app.state.facets
    if f:
        app.facets = SourceFacets(frozenset(f.get("outlets", ())), f.get("since", ""),
                                  f.get("until", ""), f.get("sort", "corpus"))


def on_mount(app: NewsdeskApp) -> None:
    """The theme and the search bar's text, with the first frame."""
    theme = app.state.theme
    if theme and theme in app.available_themes:
        app.theme = theme
    if app.state.query:
        app.query_one(SearchBar).value = app.state.query
        app.search_text = app.state.query
    source = app.state.source
    _pending[app] = (app.state.entity, source, app.state.positions.get(source or ""))
    app.watch(app.query_one(Viewer), "scroll_y", lambda: _position(app), init=False)


def on_index(app: NewsdeskApp) -> None:
    """The entity filter and the viewer's position, once the index is there; only the
    first time the index is shown (a correction shows it again)."""
    if app not in _pending or app.index is None:
        return
    name, source, offset = _pending.pop(app)
    entity = app.index.entity_named(name) if name else None
    if entity is not None and app.entity is None:
        app.set_entity(entity)
    if offset is not None and source == app.query_one(SourcesPane).open_id:
        viewer = app.query_one(Viewer)
        app.call_after_refresh(viewer.scroll_to_top_at, offset)
