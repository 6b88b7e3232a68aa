"""Tables (CSV, TSV, Excel): one article a row.

The header row names the columns; the usual names of news databases and media monitors
are recognised (:mod:`tui.corpus.formats.fields`), and ``columns:`` in config maps any
other. A row without text is skipped with a warning naming its row; a ragged row is read
as far as it goes. Only the cell values are read: Excel formulas are never evaluated
(their last saved values are taken), so nothing in a file runs.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from tui.corpus.document import Document
from tui.corpus.encoding import decode
from tui.corpus.formats import ReadContext, Unreadable
from tui.corpus.formats.fields import FIELDS, iso_day, match_columns
from tui.corpus.records import canonical, clean, file_id, make_document, short

_EXCEL = (".xlsx", ".xlsm")
_DELIMITERS = ",;\t|"


def read(data: bytes, ctx: ReadContext) -> list[Document]:
    low = ctx.rel.lower()
    if low.endswith(_EXCEL):
        return _rows_to_documents(_excel_rows(data, ctx), ctx)
    text, note = decode(data)
    if note:
        ctx.warn(f"{ctx.rel}: {note}")
    return _rows_to_documents(_csv_rows(text, ctx, tab=low.endswith((".tsv", ".tab"))), ctx)


def _csv_rows(text: str, ctx: ReadContext, tab: bool) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each row; the delimiter is a tab in a TSV file, else the
    one of , ; tab | that splits the header line into the most cells."""
    text = canonical(text)
    head = text[: text.find("\n")] if "\n" in text else text
    delimiter = "\t" if tab else max(_DELIMITERS, key=head.count)
    # a cell may be as large as the file may be (max_file_mb); csv's own limit is 128 KiB
    csv.field_size_limit(min(sys.maxsize, max(ctx.max_bytes, 1 << 17)))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:
        ctx.warn(f"{ctx.rel}:{reader.line_num}: {short(exc)}; the rows after it skipped")


def _excel_rows(data: bytes, ctx: ReadContext) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of each row of the first sheet that has rows, as text."""
    import zipfile

    import openpyxl

    try:
        # A workbook is a zip: a few MiB may unpack to gigabytes. Its parts' sizes are
        # in the zip's directory, read before anything is unpacked.
        unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())
        if unpacked > ctx.max_bytes:
            raise Unreadable(f"unpacks to {unpacked >> 20} MiB, over the "
                             f"{ctx.max_bytes >> 20} MiB limit (max_file_mb)")
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise Unreadable(f"not a readable Excel workbook ({short(exc, 60)})") from None
    try:
        for sheet in book.worksheets:
            rows = sheet.iter_rows(values_only=True)
            n = 0
            for n, row in enumerate(rows, 1):
                yield n, [_cell(v) for v in row]
            if n:
                return
    finally:
        book.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _rows_to_documents(rows: Iterable[tuple[int, list[str]]], ctx: ReadContext) -> list[Document]:
    rel, warn = ctx.rel, ctx.warn
    header: list[str] | None = None
    found: dict[str, int] = {}
    docs: list[Document] = []
    ragged: list[int] = []
    base = file_id(rel)
    n = 0  # (the row's number below the header, for its id; ``line`` is for warnings)
    for line, cells in rows:
        if header is None:
            if not any(c.strip() for c in cells):
                continue
            header = [clean(c).strip() for c in cells]
            found = match_columns(header, ctx.columns)
            if "text" not in found:
                names = ", ".join(FIELDS["text"][:4])
                raise Unreadable(
                    f"no text column (looked for {names}…; name yours with columns: "
                    "{text: …} in config.yaml)"
                )
            continue
        if not any(c.strip() for c in cells):
            continue
        n += 1
        if len(cells) != len(header):
            ragged.append(line)
        text = clean(_at(cells, found["text"]))
        if not text.strip():
            warn(f"{rel}:{line}: row has no text; skipped")
            continue
        meta: dict[str, Any] = {}
        for i, name in enumerate(header):
            if i != found["text"] and name and _at(cells, i).strip():
                meta[name] = clean(_at(cells, i).strip())
        for field, i in found.items():
            if field != "text" and _at(cells, i).strip():
                meta[field] = clean(_at(cells, i).strip())
        meta["date"] = iso_day(meta.get("date", ""))
        docs.append(make_document(f"{base}-{n}", rel, text, meta))
    if header is None:
        raise Unreadable("no rows")
    if ragged:
        shown = ", ".join(map(str, ragged[:5])) + (", …" if len(ragged) > 5 else "")
        warn(f"{rel}: {len(ragged)} row{'s' if len(ragged) > 1 else ''} ({shown}) "
             f"do not have the header's {len(header)} cells; read as far as they go")
    if not docs:
        raise Unreadable("no row has text")
    return docs


def _at(cells: list[str], i: int) -> str:
    return cells[i] if i < len(cells) else ""
