"""The file formats a corpus may hold, beyond Markdown, text and JSON (read in the loader).

Each reader takes a file's bytes and gives its Documents; it lives in its own module and
is imported only when a file of its kind is met, so that a corpus of Markdown never pays
for (or needs) the HTML or PDF libraries. A reader whose library is missing skips its
files with the extra to install.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tui.corpus.document import Document
from tui.corpus.records import Warn


class Unreadable(Exception):
    """A file that cannot be read: the message is the reason given in the skip report."""


@dataclass(frozen=True)
class ReadContext:
    """What a reader knows besides the bytes: the file's path below the corpus (for ids
    and warnings), the column names mapped in config, and the size limit."""

    rel: str
    warn: Warn
    columns: dict[str, str] = field(default_factory=dict)
    max_bytes: int = 64 << 20


@dataclass(frozen=True)
class Format:
    name: str
    module: str  # below tui.corpus.formats
    extra: str  # the optional dependency group that brings its library
    library: str  # the import that must succeed


# The libraries log their complaints about a file ("EOF marker not found"); with no handler
# of the program's own, Python would print them to stderr unasked. The loader says what
# went wrong in its own one-line warning instead.
for _library in ("trafilatura", "htmldate", "courlan", "justext", "pypdf", "warcio",
                 "openpyxl", "feedparser"):
    logging.getLogger(_library).addHandler(logging.NullHandler())

FORMATS: dict[str, Format] = {}
for _fmt, _suffixes in (
    (Format("HTML", "html", "html", "trafilatura"), (".html", ".htm", ".xhtml")),
    (Format("PDF", "pdf", "pdf", "pypdf"), (".pdf",)),
    (Format("CSV", "tables", "", "csv"), (".csv", ".tsv", ".tab")),
    (Format("Excel", "tables", "tables", "openpyxl"), (".xlsx", ".xlsm")),
    (Format("feed", "feeds", "feeds", "feedparser"), (".rss", ".atom", ".xml")),
    (Format("web archive", "warc", "warc", "warcio"), (".warc", ".warc.gz", ".arc.gz")),
):
    for _suffix in _suffixes:
        FORMATS[_suffix] = _fmt


def suffix_of(name: str) -> str:
    """The extension a format is known by, two parts for compressed archives."""
    low = name.lower()
    for double in (".warc.gz", ".arc.gz"):
        if low.endswith(double):
            return double
    dot = low.rfind(".")
    return low[dot:] if dot > 0 else ""


def reader_for(suffix: str) -> Callable[[bytes, ReadContext], list[Document]]:
    """The reader of files with ``suffix``; raises Unreadable when its library is missing."""
    fmt = FORMATS[suffix]
    try:
        importlib.import_module(fmt.library)
    except ImportError:
        raise Unreadable(
            f"reading {fmt.name} needs the {fmt.library} library: "
            f"pip install 'newsdesk[{fmt.extra}]'"
        ) from None
    module: Any = importlib.import_module(f"tui.corpus.formats.{fmt.module}")
    reader: Callable[[bytes, ReadContext], list[Document]] = module.read
    return reader
