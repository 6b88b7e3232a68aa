"""The contrast of every text on a screen, read from its SVG screenshot: each run of text
with its colour, against the colour of the cell behind it (WCAG's ratio)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

_FILL = re.compile(r"\.(terminal-[\w-]+-r\d+) \{ fill: (#[0-9a-f]{6})")
_RECT = re.compile(r'<rect fill="(#[0-9a-f]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"')
_TEXT = re.compile(r'<text class="([\w-]+)" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>')


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(a: str, b: str) -> float:
    la, lb = _luminance(a), _luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def texts(svg: str) -> Iterator[tuple[str, str, str]]:
    """(text, its colour, the background under its first cell) for every run of text."""
    fills = dict(_FILL.findall(svg))
    rows: dict[float, list[tuple[float, float, str]]] = {}
    for fill, x, y, width in _RECT.findall(svg):
        rows.setdefault(round(float(y), 1), []).append((float(x), float(width), fill))
    for cls, x, y, raw in _TEXT.findall(svg):
        text = html.unescape(raw).replace("\xa0", " ")
        if not text.strip() or cls not in fills:
            continue
        row = rows.get(round(float(y) - 18.5, 1), [])
        left = float(x) + 1
        # the first cell with a letter in it
        left += (len(text) - len(text.lstrip())) * 12.2
        under = [fill for rx, width, fill in row if rx <= left < rx + width]
        if under:
            yield text.strip(), fills[cls], under[0]
