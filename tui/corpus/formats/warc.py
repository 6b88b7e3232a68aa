"""Web archives (WARC, gzipped or not), read with warcio: each HTML response an article,
read by the same path as a saved page (:mod:`tui.corpus.formats.html`), its URL the
record's target. An archive cut short keeps the pages before the cut, with a warning.
"""

from __future__ import annotations

import gzip
import io
import zlib

from tui.corpus.document import Document
from tui.corpus.formats import ReadContext, Unreadable
from tui.corpus.formats.html import extract
from tui.corpus.records import file_id, make_document, short

_HTML = ("text/html", "application/xhtml+xml")


def read(data: bytes, ctx: ReadContext) -> list[Document]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    base = file_id(ctx.rel)
    docs: list[Document] = []
    pages = 0
    n = 0
    try:
        for n, record in enumerate(ArchiveIterator(io.BytesIO(data)), 1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            kind = (record.http_headers.get_header("Content-Type") or "").lower()
            if not kind.startswith(_HTML):
                continue
            pages += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or None
            payload = record.content_stream().read()
            try:
                body, comments, meta = extract(payload, url=url)
            except Unreadable as exc:
                ctx.warn(f"{ctx.rel}[{n}] {url or ''}: {exc}; skipped")
                continue
            if url and "url" not in meta:
                meta["url"] = url
            docs.append(make_document(f"{base}-{n}", ctx.rel, body, meta, comments=comments))
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        if not docs:
            raise Unreadable(f"not a readable web archive ({short(exc, 60)})") from None
        ctx.warn(f"{ctx.rel}: cut short after record {n} ({short(exc, 60)}); "
                 f"the {len(docs)} pages before it loaded")
    if not docs:
        raise Unreadable("no HTML pages in the archive" if not pages else "no page has text")
    if _cut_short(data):
        ctx.warn(f"{ctx.rel}: cut short (it ends inside a record); the last page may be "
                 "incomplete")
    return docs


def _cut_short(data: bytes) -> bool:
    """Whether the archive ends inside a record. warcio reads a cut gzip member to where it
    stops without a word, so the end is checked here: a gzipped archive must decompress
    to its end-of-stream marker, a plain one end with the blank line that ends a record."""
    if data[:2] == b"\x1f\x8b":
        try:
            gzip.decompress(data)
        except (EOFError, zlib.error, OSError):
            return True
        return False
    return not data.endswith(b"\r\n\r\n")
