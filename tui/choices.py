"""The orders the command line offers and the dashboard cycles through, apart from the
modules that implement them: the command line's parser and the dashboard's first frame
name them without loading the search, the quote browser or the concordance."""

from __future__ import annotations

QUOTE_SORTS = ("source", "speaker")  # tui.quotes.browse
KWIC_SORTS = ("source", "date", "left", "right")  # tui.build.concordance
KWIC_LIMIT = 20_000  # lines sorted by context at most: a broad query's first ones
