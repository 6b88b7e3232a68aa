"""From one article's fields to a Document: ids, titles and the metadata kept.

Every format reader (front matter, JSON, tables, HTML, PDF, feeds, archives) ends here,
so that one article reads the same whichever file it came in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from tui.corpus.document import Document, Section
from tui.corpus.sections import paragraphs, sections
from tui.corpus.wrapping import unwrapped

_SLUG_CHARS = re.compile(r"[^a-z0-9]+")
# Lone surrogates come only from JSON or YAML escapes ("\\ud800"); no output can encode them.
_SURROGATE = re.compile("[\ud800-\udfff]")
# A first line longer than this is a paragraph, not a title: it is cut at a word.
TITLE_MAX = 300

Warn = Callable[[str], None]


class BadDate:
    """Stands for a timestamp that names no real day ("2019-02-29"): dropped later."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return repr(self.text)


def plain(value: Any, dropped: list[str] | None = None) -> Any:
    """Metadata values made JSON-safe (YAML gives dates and datetimes as objects). An
    impossible date is left out, and its text added to ``dropped``."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            bad = next((x for x in (k, v) if isinstance(x, BadDate)), None)
            if bad is not None:
                if dropped is not None:
                    dropped.append(bad.text)
                continue
            out[clean(str(k))] = plain(v, dropped)
        return out
    if isinstance(value, (list, tuple)):
        items = []
        for v in value:
            if isinstance(v, BadDate):
                if dropped is not None:
                    dropped.append(v.text)
                continue
            items.append(plain(v, dropped))
        return items
    if isinstance(value, str):
        return clean(value)
    if value is None or isinstance(value, (int, float, bool)):
        return value
    return clean(str(value))


def clean(text: str) -> str:
    """A string every output can encode: lone surrogates become U+FFFD (same length)."""
    return _SURROGATE.sub("\ufffd", text)


def canonical(text: str) -> str:
    """One newline convention, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def short(value: object, limit: int = 80) -> str:
    """``value`` as one line of at most ``limit`` characters, for a warning."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def first_line_title(text: str) -> str:
    """The first non-blank line, whole: a title is never cut mid-word. Only a "line" longer
    than any title (a file without line breaks) is cut, at the last word that fits."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            if len(line) <= TITLE_MAX:
                return line
            cut = line[: TITLE_MAX + 1].rsplit(None, 1)[0] if " " in line[:TITLE_MAX] else ""
            return (cut or line[:TITLE_MAX]).rstrip(" ,;:") + "…"
    return ""


def slug(name: str) -> str:
    return _SLUG_CHARS.sub("-", name.lower()).strip("-") or "doc"


# A path already spelled as an id would be: lowercase ASCII letters, digits, dashes and
# underscores, in folders of the same, with a lowercase extension.
_PLAIN_PATH = re.compile(r"[a-z0-9_\-]+(?:/[a-z0-9_\-]+)*\.[a-z]+")


def file_id(rel: str) -> str:
    """A source's id, from its own path below the corpus and nothing else, so that no file
    added, removed or renamed beside it can change it (saved selections and exported
    quote ids are built on it). A path spelled plainly gives the slug of its folders and
    name (``nyt/story.md`` → ``nyt-story``); any other spelling adds its extension, so
    that ``Story.txt`` (``story-txt``) leaves ``story`` to ``story.md``."""
    stem, dot, ext = rel.rpartition(".")
    if not dot or "/" in ext:
        stem, ext = rel, ""
    if _PLAIN_PATH.fullmatch(rel):
        return slug(stem)
    return slug(f"{stem}-{ext}" if ext else stem)


def make_document(
    doc_id: str,
    path: str,
    text: str,
    meta: dict[str, Any],
    apart: Sequence[tuple[str, str, str]] = (),
) -> Document:
    """A Document of ``text``. ``apart`` holds what a reader found set apart from the
    article (an HTML page's captions, its comment section) as (kind, label, text): each
    follows the article as a section of its own kind, in that order."""
    text = unwrapped(canonical(text))
    meta = dict(meta)
    if not meta.get("title"):
        meta["title"] = first_line_title(text) or doc_id
        meta.setdefault("title_guessed", True)
    extra: list[tuple[str, str, int]] = []  # (kind, label, start)
    body_end = None
    for kind, label, part in apart:
        part = canonical(part).strip()
        if not part:
            continue
        text = text.rstrip() + "\n\n"
        if body_end is None:
            body_end = len(text)
        extra.append((kind, label, len(text)))
        text += part + "\n"
    paras = paragraphs(text)
    if body_end is None:
        secs = sections(text, paras)
    else:
        secs = sections(text[:body_end], [p for p in paras if p.end <= body_end])
        # each part runs to the next one's start: the blank line between two belongs to
        # the one before, as sections() gives it
        ends = [start for _k, _l, start in extra[1:]] + [len(text)]
        for (kind, label, start), end in zip(extra, ends):
            secs.append(Section(kind, start, end, label))
    return Document(id=doc_id, path=path, text=text, meta=meta, paragraphs=paras, sections=secs)
