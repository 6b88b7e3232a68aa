"""Finding an entity as its name is typed: the entity pane's find and
``newsdesk entities --find`` give the same answer."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence

from tui.entities.model import Entity
from tui.entities.table import EntityTable, forms_of
from tui.nlp.places import fold


class EntityLookup:
    """The entities of a list, findable by any words of their names and aliases.

    Every entity's forms are folded once, one entity a line of one string: a keystroke
    finds the lines holding its longest word with C scans of that string, and looks
    only at those (a hundred thousand entities answer in milliseconds, not a fold each).
    """

    def __init__(self, entities: Sequence[Entity]) -> None:
        # (a table's entities are made only when found)
        self.entities = entities if isinstance(entities, EntityTable) else list(entities)
        # (a tab between forms, a line break between entities: neither within a form)
        self._forms = [
            "\t".join(" ".join(fold(f).split()) for f in forms)
            for forms in forms_of(self.entities)
        ]
        self._text = "".join(forms + "\n" for forms in self._forms)
        self._starts = array("Q", [0])
        for forms in self._forms:
            self._starts.append(self._starts[-1] + len(forms) + 1)

    def find(self, text: str) -> list[Entity]:
        """The entities whose name or an alias holds every word of ``text`` (folded:
        case, accents, dots and hyphens do not matter), best first: a name that starts
        with the text, then one with a word starting with it, then the rest; in the
        list's order (by mention count) within each."""
        words = fold(text).split()
        if not words:
            return list(self.entities)
        first, phrase = words[0], " ".join(words)
        longest = max(words, key=len)
        ranked: tuple[list[Entity], list[Entity], list[Entity]] = ([], [], [])
        body, starts = self._text, self._starts
        i = body.find(longest)
        while i >= 0:
            k = bisect_right(starts, i) - 1
            best = 3
            for folded in self._forms[k].split("\t"):
                if not all(w in folded for w in words):
                    continue
                if folded.startswith(phrase):
                    best = 0
                    break
                best = min(best, 1 if f" {first}" in f" {folded}" else 2)
            if best < 3:
                ranked[best].append(self.entities[k])
            i = body.find(longest, starts[k + 1])  # (the next entity)
        return [*ranked[0], *ranked[1], *ranked[2]]


def find_entities(entities: Sequence[Entity], text: str) -> list[Entity]:
    """:meth:`EntityLookup.find` over ``entities``, for one question."""
    return EntityLookup(entities).find(text)
