"""Bytes to text: UTF-8, UTF-16 with or without a byte-order mark, or a Windows code page,
and whether bytes are text at all."""

from __future__ import annotations

import codecs

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(data: bytes) -> tuple[str, str | None]:
    """Text from bytes, and a note naming the fallback encoding when UTF-8 failed."""
    if data.startswith(_UTF16_BOMS):  # Windows tools still write UTF-16 with a BOM
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not valid UTF-8; read as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not valid UTF-8; read as Latin-1"


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 written without a byte-order mark, or None when ``data`` is not
    that. Text in a Latin script has a zero byte in every other place (the high byte of
    each character: the second of each pair in little-endian, the first in big-endian)
    and almost none in the other places."""
    if len(data) < 4 or len(data) % 2:
        return None
    head = data[:8192]
    pairs = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= pairs * 0.3 and even <= pairs * 0.02:
        codec = "utf-16-le"
    elif even >= pairs * 0.3 and odd <= pairs * 0.02:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:  # an unpaired surrogate: not text after all
        return None
    if looks_binary(text[:8192].encode("utf-8", "surrogatepass")):
        return None
    return text


# Every byte but the C0 controls that text files do not use (tab, newlines, form feed are fine).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    return len(head.translate(None, _NOT_CONTROL)) / len(head) > 0.1
