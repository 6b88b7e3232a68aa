"""The sources' facets in the dashboard: the facets screen (``f``) and ``S``, which
cycles the sources' order. A base of the app; the facets are part of the
filters every query is under, so the sources, quotes and concordance narrow alike."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from textual.app import App

from tui.corpus.facets import SOURCE_SORTS, SourceFacets

if TYPE_CHECKING:
    from tui.build.query import QueryResult
    from tui.corpus.document import Document
    from tui.ui.screens.facets import FacetsScreen


class SourceFaceting(App[None]):
    """The facets and their screen. The app sets the attributes below and reads
    ``facets`` into every query's filter."""

    result: QueryResult | None
    documents: list[Document]
    facets: SourceFacets = SourceFacets()

    def _refilter(self) -> None:
        raise NotImplementedError

    def facets_summary(self) -> str:
        shown = len(self.result.sources) if self.result is not None else len(self.documents)
        f = self.facets
        parts = [f"{shown} of {len(self.documents)} sources shown", f"sorted by {f.sort}"]
        if f.outlets:
            parts.append(f"{len(f.outlets)} outlets kept")
        if f.since or f.until:
            parts.append(f"dated {f.since or '…'} to {f.until or '…'}")
        return " · ".join(parts)

    def action_facets(self) -> None:
        if self.result is None:
            self.notify("Still indexing; try again in a moment.", severity="warning")
            return
        from tui.ui.screens.facets import FacetsScreen  # (loaded when first opened)

        outlets = Counter(d.outlet_label for d in self.documents)
        self.push_screen(FacetsScreen(self.facets, sorted(outlets.items()),
                                      self.result.timeline(), self.facets_summary()))

    def set_facets(self, facets: SourceFacets) -> None:
        self.facets = facets
        self._refilter()
        screens = sys.modules.get("tui.ui.screens.facets")  # (not loaded: not open)
        if screens is not None and isinstance(self.screen, screens.FacetsScreen) \
                and self.result is not None:
            self.screen.update(self.result.timeline(), self.facets_summary())

    def on_facets_screen_changed(self, event: FacetsScreen.Changed) -> None:
        self.set_facets(event.facets)

    def action_cycle_source_sort(self) -> None:
        now = SOURCE_SORTS[(SOURCE_SORTS.index(self.facets.sort) + 1) % len(SOURCE_SORTS)]
        self.set_facets(replace(self.facets, sort=now))
        self.notify(f"Sources by {now}" + (" (no search: no hits)" if now == "hits" and not (
            self.result and self.result.searching) else "") + ".", timeout=2)
