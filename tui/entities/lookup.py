"""Finding an entity as its name is typed: the entity pane's find and
``newsdesk entities --find`` give the same answer."""

from __future__ import annotations

from collections.abc import Sequence

from tui.entities.model import Entity
from tui.nlp.places import fold


def find_entities(entities: Sequence[Entity], text: str) -> list[Entity]:
    """The entities whose name or an alias holds every word of ``text`` (folded: case,
    accents, dots and hyphens do not matter), best first: a name that starts with the
    text, then one with a word starting with it, then the rest; in the list's order
    (by mention count) within each. One pass over the names: linear in the list."""
    words = fold(text).split()
    if not words:
        return list(entities)
    first, phrase = words[0], " ".join(words)
    ranked: tuple[list[Entity], list[Entity], list[Entity]] = ([], [], [])
    for entity in entities:
        best = 3
        for form in (entity.name, *entity.aliases):
            folded = fold(form)
            if not all(w in folded for w in words):
                continue
            if folded.startswith(phrase):
                best = 0
                break
            spaced = " " + folded
            best = min(best, 1 if f" {first}" in spaced else 2)
        if best < 3:
            ranked[best].append(entity)
    return [*ranked[0], *ranked[1], *ranked[2]]
