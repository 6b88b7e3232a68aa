"""One export, as the CLI and the dashboard both ask for it: which format and style,
grouped how, chosen how, and where it goes (a new file, or the end of a notes file).

``ExportJob.render`` makes the whole text and the block to append or copy before
anything is written, so a template error or a bad field never leaves a partial file;
``ExportJob.write`` then writes atomically.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tui.config import TemplateSetting
from tui.corpus.document import Document
from tui.export.bibtex import render_bibtex
from tui.export.citation import cite
from tui.export.csl import render_csl
from tui.export.files import ExportError, write_or_append
from tui.export.render import Scope, render_export
from tui.export.styles import style_named

FORMATS = ("markdown", "csl-json", "bibtex")
SUFFIXES = {"markdown": ".md", "csl-json": ".json", "bibtex": ".bib"}
PLAIN_SUFFIX = ".txt"


@dataclass(frozen=True)
class Rendered:
    whole: str  # the file: header (front matter) and the quotations
    block: str  # the quotations alone: what is appended to a note or copied
    count: int  # quotations in it
    appendable: bool  # False for CSL-JSON and BibTeX, whose files are one record set


@dataclass(frozen=True)
class ExportJob:
    format: str = "markdown"
    style: str = "markdown"
    group_by: str | None = None
    scope: Scope = field(default_factory=Scope)
    templates: Mapping[str, TemplateSetting] = field(default_factory=dict)
    corpus: Path | None = None  # where the documents' paths start (for dates accessed)

    @property
    def suffix(self) -> str:
        if self.format == "markdown" and self.style == "plain":
            return PLAIN_SUFFIX
        return SUFFIXES.get(self.format, ".md")

    def render(self, quotes: list, documents: Mapping[str, Document],
               now: datetime | None = None) -> Rendered:
        if self.format not in FORMATS:
            raise ExportError(f"no export format {self.format!r} (the formats are "
                              f"{', '.join(FORMATS)})")
        citations = cite(quotes, documents, self.corpus)
        if self.format == "csl-json":
            text = render_csl(citations)
            return Rendered(text, text, len(citations), False)
        if self.format == "bibtex":
            text = render_bibtex(citations)
            return Rendered(text, text, len(citations), False)
        style = style_named(self.style, self.templates)
        whole = render_export(citations, style, scope=self.scope, group_by=self.group_by,
                              now=now)
        block = render_export(citations, style, group_by=self.group_by, header=False)
        return Rendered(whole, block, len(citations), True)

    def write(self, rendered: Rendered, target: Path | str, *, append: bool = False,
              force: bool = False, now: datetime | None = None) -> tuple[Path, bool]:
        """Write ``rendered`` to ``target`` (a file, or a directory for a new timestamped
        file); with ``append`` add its block to an existing file. Returns the path and
        whether it was an append."""
        if append and not rendered.appendable:
            raise ExportError(f"cannot append {self.format} to a file: it is one list of "
                              "records; export it to a new file")
        return write_or_append(target, rendered.whole, rendered.block, append=append,
                               force=force, now=now, suffix=self.suffix)
