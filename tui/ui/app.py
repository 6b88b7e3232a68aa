"""NewsdeskApp: the four panes, the keys, and the workers that feed them.

The app holds no domain logic. It loads and indexes the corpus in a thread worker (the
screen paints first and a progress bar follows the build: tui/ui/indexing.py), runs
each search in an exclusive worker so a stale query is dropped, and passes what
``CorpusIndex`` answers to the panes. What the user selects is saved per corpus and
restored on the next run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Label, ProgressBar
from textual.worker import get_current_worker

from tui.config import Settings
from tui.corpus.document import Document
from tui.ui import restore
from tui.ui.exporting import Exporter
from tui.ui.facets import SourceFaceting
from tui.ui.hits import HitNavigation
from tui.ui.indexing import CorpusIndexing
from tui.ui.keys import APP_BINDINGS, checked_keymap, help_rows
from tui.ui.links import SourceLinks
from tui.ui.messages import Correct, OpenDocument
from tui.ui.panes.concordance import ConcordancePane
from tui.ui.panes.entities import EntitiesPane, EntityColumn
from tui.ui.panes.quote_detail import QuoteDetail
from tui.ui.panes.quotes import QuotesPane
from tui.ui.panes.rowlist import RowList
from tui.ui.panes.search_bar import SearchBar
from tui.ui.panes.sources import SourcesPane
from tui.ui.panes.viewer import Viewer
from tui.ui.selection import QuoteSelection
from tui.ui.side_by_side import SideBySide
from tui.ui.state import UiState, load_state, save_state, state_path
from tui.util import collector

if TYPE_CHECKING:
    from tui.build.corpus_index import CorpusIndex
    from tui.build.query import QueryResult
    from tui.entities.model import Entity
    from tui.quotes.browse import QuoteFilter
    from tui.quotes.model import Quote
    from tui.ui.commands import NewsdeskCommands
    from tui.ui.screens.compare import Highlights
    from tui.ui.screens.help import HelpRow

# The core's index, quote and export modules load in the index worker or on first use,
# so the first frame does not wait for them.

PANES = ("sources", "viewer", "entities", "quotes")


def breakpoint_classes(
    size: tuple[int, int],
    horizontal: list[tuple[int, str]] | None,
    vertical: list[tuple[int, str]] | None,
) -> dict[str, bool]:
    """Each breakpoint class, on or off, as Textual sets them for a screen of ``size``: of
    each list, the class of the largest breakpoint the dimension reaches."""
    classes: dict[str, bool] = {}
    for points, dimension in ((horizontal or [], size[0]), (vertical or [], size[1])):
        reached = [point for point in points if point[0] <= dimension]
        chosen = max(reached)[1] if reached else None
        for _, name in points:
            classes[name] = classes.get(name, False) or name == chosen
    return classes


def _newsdesk_commands() -> type[NewsdeskCommands]:
    # (the palette's providers load when it first opens)
    from tui.ui.commands import NewsdeskCommands

    return NewsdeskCommands


class NewsdeskApp(CorpusIndexing, HitNavigation, QuoteSelection, SourceFaceting, SideBySide,
                  SourceLinks):
    TITLE = "Newsdesk"
    CSS_PATH = "newsdesk.tcss"
    COMMANDS = App.COMMANDS | {_newsdesk_commands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]
    BINDINGS = APP_BINDINGS

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.index: CorpusIndex | None = None
        self.documents: list[Document] = []
        self.by_id: dict[str, Document] = {}
        self.quotes_by_doc: dict[str, list[Quote]] = {}
        # what the search bar holds, and the core's answer to it under the filters
        self.search_text = ""
        self.result: QueryResult | None = None
        self.entity: Entity | None = None
        self.show_comments = settings.show_comments
        self.only_source = False
        self.state_file = state_path(settings.corpus)
        self.state: UiState = load_state(self.state_file)
        self.selected: list[str] = list(self.state.selected)
        self._state_error_shown = False
        self._last_progress = 0.0
        self._save_timer: Timer | None = None
        restore.toggles(self)
        self.exporter = Exporter(self)

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Textual gives the screen its size classes on its first Resize, which comes after
        # the first frame: that frame would be laid out for no size, then all restyled and
        # drawn again. The terminal's size is known now.
        self.screen.update_classes(
            breakpoint_classes(self.size, self.HORIZONTAL_BREAKPOINTS,
                               self.VERTICAL_BREAKPOINTS), update=False)
        yield Header()
        with Horizontal(id="main"):
            yield SourcesPane(id="sources")
            with Vertical(id="centre"):
                yield SearchBar(id="search")
                yield Viewer(id="viewer")
                yield ConcordancePane(id="concordance")
            yield EntityColumn(id="entity-column")
        yield QuotesPane(id="quotes")
        yield QuoteDetail(id="quote-detail")
        with Horizontal(id="status"):
            yield Label("Starting…", id="status-text")
            yield ProgressBar(id="progress", show_eta=False)
        yield Footer()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        # Messages carry queries, titles and file names: text, never markup ("[/]" is a
        # valid search and must not take the app down). A toast's title is always text.
        super().notify(message, title=title, severity=severity, timeout=timeout,
                       markup=markup)

    def action_help_quit(self) -> None:
        # Textual's own hint (bound to ctrl+c) is markup, which notify above shows as is
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(f"Press {key} to quit the app.", title="Do you want to quit?")
                return

    def on_mount(self) -> None:
        self.sub_title = self.settings.corpus.name or str(self.settings.corpus)  # (text)
        self._apply_theme()
        restore.on_mount(self)
        self._apply_keymap()
        titles = {"sources": "1 Sources", "viewer": "2 Viewer", "entities": "3 Entities",
                  "quotes": "4 Quotes"}
        for pane, title in titles.items():
            self.query_one(f"#{pane}").border_title = title
        for pane in ("sources", "entities", "quotes"):
            self.query_one(f"#{pane}", RowList).empty_text = "Indexing…"
        self.query_one(QuotesPane).documents = self.by_id
        self.query_one(SourcesPane).focus()
        # Start reading files once the first frame is on screen: the loader thread holds
        # the interpreter for long stretches and would otherwise delay that frame.
        self.call_after_refresh(self._started)

    def _started(self) -> None:
        collector.release()  # (before the build, which pauses it again for itself)
        self.build_index()

    def _apply_theme(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(f"Unknown theme {self.settings.theme!r}; using {self.theme}.",
                        title="Config", severity="warning")

    def _apply_keymap(self) -> None:
        remaps = self.settings.keys
        # (the ids a remap may name come from every screen's keys: not needed for none)
        known = {row[3] for row in self.help_rows()} if remaps else set()
        keymap, problems = checked_keymap(remaps, known, self.BINDINGS)
        if problems:
            self.notify("Key remaps ignored: " + "; ".join(problems) + ".",
                        title="Config", severity="warning", timeout=10)
        self.set_keymap(keymap)

    # --- the built index in the panes -----------------------------------------------------

    def _index_ready(self, index: CorpusIndex) -> None:
        self.index = index
        self.quotes_by_doc = index.quotes_by_source
        if self.selected:  # (the quotations by id are made only when there are some)
            known = index.quote_by_id
            self.selected = [q for q in self.selected if q in known]
        self.result = index.query("", self._filter())
        sources = self.query_one(SourcesPane)
        sources.set_counts(quotes=self.result.quote_counts(), entities=index.entity_counts())
        entities = self.query_one(EntitiesPane)
        entities.empty_text = "No entities found."
        entities.set_entities(index.entities)
        quotes = self.query_one(QuotesPane)
        quotes.empty_text = "No quotes match."
        quotes.outlets = lambda quote: len(index.outlets(quote))
        quotes.selected = set(self.selected)
        self._refresh_quotes()
        self._refresh_sources()  # (under the facets, which may have come back from last time)
        if sources.open_id:
            self.open_document(sources.open_id)
        if self.search_text:
            self.run_search(self.search_text, self._filter())
        self._finish_progress()
        restore.on_index(self)

    # --- filtering ------------------------------------------------------------------------

    def _filter(self) -> QuoteFilter:
        """The quote list's filters as the dashboard's toggles set them."""
        from tui.quotes.browse import QuoteFilter  # (not needed before the first frame)

        open_id = self.query_one(SourcesPane).open_id
        return QuoteFilter(
            all_sections=self.show_comments,
            entity=self.entity.name if self.entity is not None else None,
            source=open_id if self.only_source else None,
            sort=self.state.sort,
            facets=self.facets,
        )

    def _refilter(self) -> None:
        """Show the current search under the filters as they are now."""
        if self.result is not None and self.result.filter != (wanted := self._filter()):
            self.result = self.result.refiltered(wanted)
        self._refresh_sources()
        self._refresh_quotes()
        self.refresh_concordance()

    def _refresh_sources(self) -> None:
        """List the sources the filters leave; if the open one is gone, open the first."""
        docs = self.result.listed if self.result is not None else self.documents
        hits = self.result.hits if self.result is not None else None
        sources = self.query_one(SourcesPane)
        sources.set_documents(docs, keep_id=sources.open_id)
        sources.set_hits(hits)
        sources.border_title = f"1 Sources ({len(docs)}/{len(self.documents)})" \
            if len(docs) != len(self.documents) else f"1 Sources ({len(docs)})"
        if docs and sources.open_id is not None and sources.index_of(sources.open_id) is None:
            self.open_document(docs[0].id)

    def _refresh_quotes(self) -> None:
        pane = self.query_one(QuotesPane)
        current = pane.current()
        shown = self.result.quotes if self.result is not None else []
        keep = self.result.quote_row(current.id) if current and self.result else None
        pane.set_quotes(shown, keep=keep)
        notes = [f"{len(shown)} shown", f"{len(self.selected)} selected",
                 f"by {self.state.sort} (s)"]
        if self.only_source:
            notes.append("this source (o)")
        if not self.show_comments:
            notes.append("comments and boilerplate hidden (c)")
        pane.border_title = "4 Quotes"
        pane.border_subtitle = " · ".join(notes)
        self.show_quote_detail()
        self._update_status()

    def set_entity(self, entity: Entity | None) -> None:
        self.entity = entity
        pane = self.query_one(EntitiesPane)
        pane.chosen = entity.name if entity else None
        pane.refresh()
        pane.border_subtitle = Content(f"filter: {entity.name} · esc clears") if entity else ""
        self._refilter()
        open_id = self.query_one(SourcesPane).open_id
        if open_id:
            self._highlight(open_id)
            viewer = self.query_one(Viewer)
            if viewer.mentions:
                viewer.scroll_to_offset(min(s for s, _e in viewer.mentions))

    # --- the viewer -----------------------------------------------------------------------

    def open_document(self, doc_id: str, offset: int | None = None,
                      spotlight: tuple[int, int] | None = None) -> None:
        doc = self.by_id.get(doc_id)
        if doc is None:
            return
        viewer = self.query_one(Viewer)
        sources = self.query_one(SourcesPane)
        changed = sources.open_id != doc_id
        sources.open_id = doc_id
        position = sources.index_of(doc_id)
        if position is not None and position != sources.cursor:
            sources.move_cursor(position)
        sources.refresh()
        viewer.show(doc)
        viewer.border_title = Content(f"2 {doc.outlet or doc.id}")
        self._highlight(doc_id, spotlight=spotlight)
        if offset is not None:
            self.call_after_refresh(viewer.scroll_to_offset, offset)
        if changed:
            if self.only_source:
                self._refilter()
            self.state.source = doc_id
            self._save_state_soon()

    def _highlight(self, doc_id: str, spotlight: tuple[int, int] | None = None) -> None:
        viewer = self.query_one(Viewer)
        # (the search bar's text as it is now: the worker's result may lag a keystroke)
        matches, mentions, quotes = self.highlights(doc_id, self.search_text)
        viewer.spotlight = spotlight
        viewer.set_highlights(matches=matches, mentions=mentions, quotes=quotes)

    def highlights(self, doc_id: str, text: str) -> Highlights:
        """A viewer's highlights of one source: the search's matches, the entity
        filter's mentions and the quotations."""
        matches = self.index.query(text).matches_in(doc_id) if self.index is not None else []
        mentions = [(m.start, m.end) for m in self.entity.mentions if m.source == doc_id] \
            if self.entity else []
        quotes = [(q.start, q.end) for q in self.quotes_by_doc.get(doc_id, [])]
        return matches, mentions, quotes

    @on(OpenDocument)
    def _on_open_document(self, message: OpenDocument) -> None:
        span = (message.offset, message.end) if message.offset is not None and \
            message.end is not None else None
        self.open_document(message.doc_id, message.offset, spotlight=span)

    @on(Correct)
    def _correct(self, message: Correct) -> None:
        from tui.ui import corrections  # (loaded when first asked)

        corrections.ask(self, message)

    @on(RowList.Highlighted, "#sources")
    def _source_highlighted(self, event: RowList.Highlighted) -> None:
        doc = self.query_one(SourcesPane).current()
        if doc is not None and doc.id != self.query_one(SourcesPane).open_id:
            self.open_document(doc.id)

    @on(RowList.Chosen, "#sources")
    def _source_chosen(self, event: RowList.Chosen) -> None:
        doc = self.query_one(SourcesPane).current()
        if doc is not None:
            self.open_document(doc.id)

    @on(RowList.Chosen, "#entities")
    def _entity_chosen(self, event: RowList.Chosen) -> None:
        entity = self.query_one(EntitiesPane).current()
        if entity is None:
            return
        same = self.entity is not None and self.entity.name == entity.name
        self.set_entity(None if same else entity)

    @on(RowList.Chosen, "#quotes")
    def _quote_chosen(self, event: RowList.Chosen) -> None:
        quote = self.query_one(QuotesPane).current()
        if quote is not None:
            self.open_document(quote.source, quote.start, spotlight=(quote.start, quote.end))

    # --- search ---------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.search_text = event.value
        if self.index is not None:
            self.run_search(event.value, self._filter())

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        if self.index is None:
            self.notify("Still indexing; try again in a moment.", severity="warning")
            return
        query = event.value.strip()
        if not query:
            self.query_one(Viewer).focus()
            return
        passages = self.index.query(query, self._filter()).passages(limit=1)
        if not passages:
            self.notify(f"No matches for “{query}”.", severity="warning")
            return
        top = passages[0]
        self.open_document(top.source)
        viewer = self.query_one(Viewer)
        first = next((i for i, (s, _e) in enumerate(viewer.matches) if s >= top.start), 0)
        viewer.focus()
        self.call_after_refresh(viewer.goto_match, first)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, text: str, quote_filter: QuoteFilter) -> None:
        """The core's answer to the search bar, in two steps: the sources and the
        viewer's matches first, then the quote list (its own lookup)."""
        worker = get_current_worker()
        index = self.index
        if index is None:
            return
        result = index.query(text, quote_filter)
        _ = result.hits
        if worker.is_cancelled:
            return
        self.call_from_thread(self._apply_sources, result)
        _ = result.quotes
        if not worker.is_cancelled:
            self.call_from_thread(self._apply_quotes, result)

    def _apply_sources(self, result: QueryResult) -> None:
        if result.text != self.search_text:
            return  # a newer search is on its way
        self.result = result
        if result.filter != self._filter():  # a toggle while it was worked out
            self.result = result.refiltered(self._filter())
        self._refresh_sources()
        self.refresh_concordance()
        open_id = self.query_one(SourcesPane).open_id
        if open_id:
            self._highlight(open_id)
        self._update_status()

    def _apply_quotes(self, result: QueryResult) -> None:
        if result.text == self.search_text and self.result is not None:
            self._refresh_quotes()

    # --- actions --------------------------------------------------------------------------

    def action_command_palette(self) -> None:
        from tui.ui.commands import Palette  # (loaded when first opened)

        if self.use_command_palette and not Palette.is_open(cast("App[object]", self)):
            # no fixed id: a palette closed a moment ago may not be removed yet, and a
            # second one with its id would raise DuplicateIds
            self.push_screen(Palette())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from tui.ui.commands import without_duplicates

        return without_duplicates(super().get_system_commands(screen))

    def search_themes(self) -> None:
        from tui.ui.commands import Palette

        self.push_screen(Palette(providers=[ThemeProvider], placeholder="Search for themes…"))

    def action_focus_pane(self, pane: str) -> None:
        if pane == "viewer" and self.concordance_open:
            self.query_one(ConcordancePane).focus()
        elif pane in PANES:
            self.query_one(f"#{pane}").focus()

    def action_focus_search(self) -> None:
        self.query_one(SearchBar).focus()

    def action_clear(self) -> None:
        """esc: in the search bar, clear it (then leave it); elsewhere, clear the entity
        filter, then the search."""
        bar = self.query_one(SearchBar)
        if isinstance(self.focused, SearchBar) and not bar.value:
            self.action_focus_pane("viewer")
        elif isinstance(self.focused, SearchBar) or (self.entity is None and bar.value):
            bar.value = ""  # (Input.Changed runs the empty search)
        elif self.entity is not None:
            self.set_entity(None)

    def action_toggle_sort(self) -> None:
        self.state.sort = "speaker" if self.state.sort == "source" else "source"
        self._refilter()
        self._save_state()

    def action_toggle_source_filter(self) -> None:
        self.only_source = not self.only_source
        self._refilter()

    def action_toggle_comments(self) -> None:
        self.show_comments = not self.show_comments
        self._refilter()
        if self.result is not None:
            self.query_one(SourcesPane).set_counts(quotes=self.result.quote_counts())
        self.notify("Quotes from reader comments and boilerplate "
                    + ("shown." if self.show_comments else "hidden."), timeout=2)

    def action_help(self) -> None:
        from tui.ui.screens.help import HelpScreen  # (loaded when first opened)

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_rows()))

    def help_rows(self) -> list[HelpRow]:
        return help_rows(self.settings.keys, self.BINDINGS, self.get_key_display)

    # --- state ----------------------------------------------------------------------------

    def _save_state_soon(self) -> None:
        """Save once the user stops moving (holding j opens a source per row)."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(0.5, self._save_state, name="save-state")

    def _save_state(self) -> None:
        restore.remember(self)
        try:
            save_state(self.state_file, self.state)
        except OSError as exc:
            if not self._state_error_shown:
                self._state_error_shown = True
                self.notify(f"Cannot save the selection: {exc}", severity="warning")

    def on_unmount(self) -> None:
        self._save_state()
        # quitting mid-build: its workers need not finish (if it has begun any)
        parallel = sys.modules.get("tui.build.parallel")
        if self.index is None and parallel is not None:
            parallel.abandon()

