"""The entities pane: entities grouped by type, each with its mention count."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from tui.ui.panes.rowlist import RowList

if TYPE_CHECKING:
    from tui.entities.model import Entity

TYPE_ORDER = ("PERSON", "ORG", "PLACE", "OTHER")
TYPE_NAMES = {"PERSON": "People", "ORG": "Organisations", "PLACE": "Places", "OTHER": "Other"}


class EntitiesPane(RowList):
    COMPONENT_CLASSES = RowList.COMPONENT_CLASSES | {"entities--chosen"}
    DEFAULT_CSS = """
    EntitiesPane > .entities--chosen { color: $text-accent; text-style: bold; }
    """
    empty_text = "No entities."

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[tuple[str, int] | Entity] = []  # (type, count) headers, then entities
        self.chosen: str | None = None

    def set_entities(self, entities: list[Entity]) -> None:
        groups: dict[str, list[Entity]] = {}
        for entity in entities:
            kind = entity.type if entity.type in TYPE_ORDER else "OTHER"
            groups.setdefault(kind, []).append(entity)
        self.rows = []
        for kind in TYPE_ORDER:
            if groups.get(kind):
                self.rows.append((kind, len(groups[kind])))
                self.rows.extend(groups[kind])
        self.rows_changed(1 if self.rows else 0)

    def current(self) -> Entity | None:
        if 0 <= self.cursor < len(self.rows):
            row = self.rows[self.cursor]
            return None if isinstance(row, tuple) else row  # tuples are group headers
        return None

    def row_count(self) -> int:
        return len(self.rows)

    def is_header(self, index: int) -> bool:
        return isinstance(self.rows[index], tuple)

    def render_row(self, index: int, width: int) -> list[Text]:
        row = self.rows[index]
        if isinstance(row, tuple):
            kind, count = row
            return [Text(f"{TYPE_NAMES.get(kind, kind)} ({count})")]
        shown = str(row.count)
        chosen = row.name == self.chosen
        name = ("● " if chosen else "  ") + row.name
        room = max(1, width - len(shown) - 1)
        if len(name) > room:
            name = name[: room - 1] + "…"
        text = Text(name, style=self.part("entities--chosen") if chosen
                    else "")
        text.append(" " * (width - len(name) - len(shown)))
        text.append(shown, style=self.part("rowlist--dim"))
        return [text]
