"""Articles and quotations made by hand for the export tests: each quotation sits at its
offsets in its article's text, so roles and context sentences come from the text, and
the golden files fix the export's format and nothing else."""

from __future__ import annotations

from datetime import datetime, timezone

from tui.corpus.document import Document
from tui.corpus.loader import make_document
from tui.quotes.model import Quote

NOW = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)

HERALD = (
    "Dock strike enters its third week\n\n"
    "Maria Okonkwo, a spokeswoman for the dockworkers' union, said the talks had stalled. "
    "\"We have been patient for two years,\" she said.\n\n"
    "Port director Lars Henriksen said: \"If this lasts, we will rethink.\n\n"
    "\"Our customers need certainty.\"\n\n"
    "Placards read \"Fair Pay Now\" along the quay."
)
DAILY = (
    "Gene drive trial raises hopes\n\n"
    "\"We need larger studies before anyone talks about eradication,\" said Amara Diallo, "
    "an epidemiologist at the Coastal Institute.\n\n"
    "Helix Biologics said it would supply the mosquitoes \"at cost\" for the first year."
)
BARE = (
    "A page without front matter\n\n"
    "\"We have been patient for two whole years,\" Maria Okonkwo told reporters."
)


def _doc(doc_id: str, text: str, meta: dict) -> Document:
    return make_document(doc_id, f"{doc_id}.md", text, meta)


def documents() -> dict[str, Document]:
    herald = _doc("herald", HERALD, {
        "title": "Dock strike enters its third week", "outlet": "Coastal Herald",
        "author": "Jo Brand", "date": "2025-03-14", "accessed": "2025-03-15",
        "url": "https://example.org/herald/dock-strike"})
    daily = _doc("daily", DAILY, {"title": "Gene drive trial raises hopes",
                                  "outlet": "Science Desk Daily", "date": "2025-04"})
    bare = _doc("bare", BARE, {})
    return {d.id: d for d in (herald, daily, bare)}


ROWS = [
    ("herald", "We have been patient for two years", "Maria Okonkwo", "full", "c1"),
    ("daily", "We need larger studies before anyone talks about eradication",
     "Amara Diallo", "full", None),
    ("herald", "If this lasts, we will rethink.\n\n\"Our customers need certainty.",
     "Lars Henriksen", "full", None),
    ("bare", "We have been patient for two whole years", "Maria Okonkwo", "full", "c1"),
    ("daily", "at cost", "Helix Biologics", "partial", None),
    ("herald", "Fair Pay Now", None, "partial", None),
]


def quotes(docs: dict[str, Document] | None = None) -> list[Quote]:
    docs = docs or documents()
    out = []
    for i, (src, text, who, kind, cluster) in enumerate(ROWS):
        start = docs[src].text.index(text)
        out.append(Quote(f"q{i:03d}", src, start, start + len(text), text, who, kind,
                         cluster, "body"))
    return out
