"""Web archives (WARC, gzipped or not), read with warcio: each HTML response an article,
read by the same path as a saved page (:mod:`tui.corpus.formats.html`), its URL the
record's target. An archive cut short keeps the pages before the cut, with a warning.
"""

from __future__ import annotations

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
            payload = record.content_stream().read(ctx.max_bytes + 1)
            if len(payload) > ctx.max_bytes:
                ctx.warn(f"{ctx.rel}[{n}] {url or ''}: a page over the "
                         f"{ctx.max_bytes >> 20} MiB limit (max_file_mb); skipped")
                continue
            try:
                body, apart, meta = extract(payload, url=url)
            except Unreadable as exc:
                ctx.warn(f"{ctx.rel}[{n}] {url or ''}: {exc}; skipped")
                continue
            if url and "url" not in meta:
                meta["url"] = url
            docs.append(make_document(f"{base}-{n}", ctx.rel, body, meta, apart))
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        if not docs:
            raise Unreadable(f"not a readable web archive ({short(exc, 60)})") from None
        ctx.warn(f"{ctx.rel}: cut short after record {n} ({short(exc, 60)}); "
                 f"the {len(docs)} pages before it loaded")
    if not docs:
        raise Unreadable("no HTML pages in the archive" if not pages else "no page has text")
    if _cut_short(data, ctx.max_bytes):
        ctx.warn(f"{ctx.rel}: cut short (it ends inside a record); the last page may be "
                 "incomplete")
    return docs


def _cut_short(data: bytes, limit: int) -> bool:
    """Whether the archive ends inside a record. warcio reads a cut gzip member to where it
    stops without a word, so the end is checked here: every gzip member must reach its
    end-of-stream marker (read a piece at a time and thrown away, so that a member which
    unpacks to gigabytes costs no memory), a plain archive end with the blank line that
    ends a record."""
    if data[:2] != b"\x1f\x8b":
        return not data.endswith(b"\r\n\r\n")
    rest = data
    while rest:
        member = zlib.decompressobj(wbits=31)
        try:
            member.decompress(rest, limit)
            while member.unconsumed_tail:
                member.decompress(member.unconsumed_tail, limit)
        except zlib.error:
            return True
        if not member.eof:
            return True
        rest = member.unused_data
    return False
