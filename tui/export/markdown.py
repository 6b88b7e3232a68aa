"""Text as literal Markdown: the escapes the export styles apply to every field, so
that a quotation or a title renders as itself and never as markup."""

from __future__ import annotations

import re

# Inline syntax that must stay literal text: backslash escapes, code, emphasis,
# strikethrough, links, raw HTML, entity references, and `#` where it would start a
# heading, a heading's closing run or an Obsidian tag.
_INLINE = re.compile(r"[\\`*_~\[\]<]|&(?=#?[0-9A-Za-z]+;)|(?:^|(?<=\s))#")
# What the inline escapes leave that would still start a block at the start of a line:
# a blockquote, a bullet, a thematic break, or an ordered-list number (``1.``/``1)``,
# escaped after the digits since a backslash only escapes punctuation).
_BLOCK_START = re.compile(
    r"^(?:(>)|([-+])(?=\s|$)|(-)(?=(?:[ \t]*-){2,}[ \t]*$)|(\d{1,9})([.)])(?=\s|$))"
)
_CONTINUATION_MARK = re.compile(r"^[\"“„«「『‘']")


def _escape_inline(text: str) -> str:
    return _INLINE.sub(lambda m: "&lt;" if m.group() == "<" else "\\" + m.group(), text)


def _escape(line: str) -> str:
    """One line of text that renders as itself, wherever it starts."""

    def block(m: re.Match[str]) -> str:
        if m.group(4):
            return m.group(4) + "\\" + m.group(5)
        return "\\" + m.group()

    return _BLOCK_START.sub(block, _escape_inline(line))


def escape_inline(text: str) -> str:
    """A field (speaker, outlet, title, date) as literal text on one line."""
    return _escape_inline(" ".join(str(text).split()))


def blockquote(text: str) -> str:
    """The quotation as blockquote lines; its paragraphs stay paragraphs."""
    paragraphs = [p.strip() for p in str(text).splitlines()]
    paragraphs = [_CONTINUATION_MARK.sub("", p) if i else p for i, p in enumerate(paragraphs)]
    lines: list[str] = []
    for p in paragraphs:
        if not p:
            continue
        if lines:
            lines.append(">")
        lines.append("> " + _escape(p))
    return "\n".join(lines or [">"])


def link(url: str) -> str:
    """The URL as a link destination: characters that would end or break it are
    percent-encoded, as a browser would send them anyway."""
    return re.sub(
        r"[\s()<>\\]",
        lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8", "replace")),
        str(url).strip(),
    )
