"""What the quote browser shows: the quotations a query or a filter names, for the
command line and the dashboard alike."""

from __future__ import annotations

from collections.abc import Iterable

from tui.quotes.model import Quote


def select(
    quotes: Iterable[Quote],
    *,
    ids: list[str] | None = None,
    speaker: str | None = None,
    source: str | None = None,
    sections: tuple[str, ...] | None = ("body",),
) -> list[Quote]:
    """The quotations a query names: by id (each once, in the order first given), speaker
    or source."""
    pool = list(quotes)
    if ids:
        by_id = {q.id: q for q in pool}
        return [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
    out = []
    for q in pool:
        if sections is not None and q.section not in sections:
            continue
        if source and q.source != source:
            continue
        if speaker and not speaker_matches(q.speaker, speaker):
            continue
        out.append(q)
    return out


def speaker_matches(speaker: str | None, wanted: str) -> bool:
    """`Kim`, `kim you-geun` and `You-geun` all find Kim You-geun."""
    if not speaker:
        return False
    s, w = speaker.casefold(), wanted.casefold().strip()
    return s == w or w in s.split() or (len(w) > 3 and w in s)
