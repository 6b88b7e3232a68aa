"""An entity's mentions put in order as columns (the way large entities are) are the
ones the tuples give, byte for byte."""

from __future__ import annotations

import pytest

from tui.corpus.document import Document
from tui.entities import merge
from tui.entities.extract import extract_entities


def _mentions(documents: list[Document]) -> list[tuple]:
    return [
        (e.name, e.type, e.mentions._sources, e.mentions._data.typecode,
         e.mentions._data.tobytes())
        for e in extract_entities(documents)
    ]


def test_columns_and_tuples_order_mentions_alike(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(merge, "_COLUMNS_FROM", 1 << 62)
    by_tuples = _mentions(bundled)
    monkeypatch.setattr(merge, "_COLUMNS_FROM", 2)
    by_columns = _mentions(bundled)
    assert by_columns == by_tuples
    # (the bundled corpus has entities named in several sources, and by several forms)
    assert any(len(sources) > 1 for _n, _t, sources, _c, _d in by_columns)
