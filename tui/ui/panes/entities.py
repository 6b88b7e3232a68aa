"""The entities pane: entities grouped by type, each with its mention count, with a
find-as-you-type box above them and keys to correct the one under the cursor."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input

from tui.ui.messages import Correct
from tui.ui.panes.rowlist import RowList
from tui.util.lazy_sequence import LazySequence

if TYPE_CHECKING:
    from tui.entities.lookup import EntityLookup
    from tui.entities.model import Entity
    from tui.entities.table import Picked

TYPE_ORDER = ("PERSON", "ORG", "PLACE", "OTHER")  # (the last takes any other type too)
TYPE_NAMES = {"PERSON": "People", "ORG": "Organisations", "PLACE": "Places", "OTHER": "Other"}


class EntitiesPane(RowList):
    BINDINGS = [
        Binding("f", "find", "Find", id="find_entity",
                tooltip="Find an entity as you type (enter or ↓: back to the list)"),
        Binding("m", "correct('merge')", "Merge", id="merge_entity",
                tooltip="Merge the highlighted entity into another (F1: r, x, t correct too)"),
        Binding("r", "correct('rename')", "Rename", show=False, id="rename_entity",
                tooltip="Rename the highlighted entity"),
        Binding("x", "correct('ignore')", "Ignore", show=False, id="ignore_entity",
                tooltip="Ignore the highlighted entity (its quotes lose it as speaker)"),
        Binding("t", "correct('retype')", "Type", show=False, id="retype_entity",
                tooltip="Change the highlighted entity's type"),
    ]
    COMPONENT_CLASSES = RowList.COMPONENT_CLASSES | {"entities--chosen"}
    DEFAULT_CSS = """
    EntitiesPane > .entities--chosen { color: $text-accent; text-style: bold; }
    """
    empty_text = "No entities."

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # (type, count) headers, each followed by its entities
        self.rows: Sequence[tuple[str, int] | Entity] = []
        self.chosen: str | None = None
        self.entities: Sequence[Entity] = []  # every entity, by mention count
        self.finding = ""  # what the find box holds
        self._lookup: EntityLookup | None = None  # made at the first find

    def set_entities(self, entities: Sequence[Entity]) -> None:
        self.entities = entities
        self._lookup = None
        self._show()

    def find(self, text: str) -> None:
        """Show only the entities ``text`` finds (all when it is empty), best first."""
        self.finding = text
        self._show(keep_first=True)

    def _show(self, keep_first: bool = False) -> None:
        current = self.current()
        shown = self.entities
        if self.finding.strip():
            if self._lookup is None:
                from tui.entities.lookup import EntityLookup  # (on the first find)

                self._lookup = EntityLookup(self.entities)
            shown = self._lookup.find(self.finding)
        from tui.entities.table import by_type  # (not needed before the first frame)

        groups = by_type(shown, TYPE_ORDER[:-1], TYPE_ORDER[-1])
        rows = self.rows = _Rows([(kind, groups[kind]) for kind in TYPE_ORDER if groups.get(kind)])
        keep = 1 if rows else 0
        if self.finding.strip() and shown:  # the best match, wherever its group is
            keep = rows.first_of(shown[0].type if shown[0].type in groups else TYPE_ORDER[-1])
        elif current is not None and not keep_first:
            keep = rows.place(current.name, keep)
        self.empty_text = f"No entity holds “{self.finding}”." if self.finding.strip() \
            else type(self).empty_text
        self.rows_changed(keep)

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

    def action_find(self) -> None:
        # at once, not after a refresh: the letters typed right after f are the find's
        self.screen.set_focus(self.screen.query_one(EntityFinder))

    def action_correct(self, kind: str) -> None:
        entity = self.current()
        if entity is None:
            self.notify("No entity here to correct.", severity="warning", timeout=2)
            return
        self.post_message(Correct(kind, entity.name))


class EntityFinder(Input):
    """The find box above the entities: the list narrows as you type."""

    BINDINGS = [
        Binding("escape", "leave(True)", "Clear", id="find_entity_clear", show=False),
        Binding("down,enter", "leave(False)", "List", id="find_entity_done", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="f find", id=id, compact=True)

    def action_leave(self, clear: bool) -> None:
        if clear:
            self.value = ""
        self.screen.set_focus(self.screen.query_one(EntitiesPane))


class EntityColumn(Vertical):
    """The find box and the entity list, one column."""

    def compose(self) -> ComposeResult:
        yield EntityFinder(id="entity-find")
        yield EntitiesPane(id="entities")

    @on(Input.Changed, "#entity-find")
    def _find(self, event: Input.Changed) -> None:
        event.stop()  # (not the app's search bar)
        self.query_one(EntitiesPane).find(event.value)

    @on(Input.Submitted, "#entity-find")
    def _found(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.set_focus(self.query_one(EntitiesPane))


class _Rows(LazySequence["tuple[str, int] | Entity"]):
    """Each group's header, (type, count), then its entities: a row is read when it is
    drawn, so a million entities cost their groups' numbers, not a list of rows."""

    def __init__(self, groups: list[tuple[str, Picked]]) -> None:
        self._groups = groups
        self._starts = list(accumulate((1 + len(group) for _, group in groups), initial=0))

    def __len__(self) -> int:
        return self._starts[-1]

    def _at(self, i: int) -> tuple[str, int] | Entity:
        k = bisect_right(self._starts, i) - 1
        kind, group = self._groups[k]
        at = i - self._starts[k]
        return (kind, len(group)) if at == 0 else group[at - 1]

    def first_of(self, kind: str) -> int:
        """The row of the first entity of the group ``kind``."""
        k = next(k for k, (each, _group) in enumerate(self._groups) if each == kind)
        return self._starts[k] + 1

    def place(self, name: str, default: int) -> int:
        """The row of the first entity called ``name``, or ``default``."""
        for (_kind, group), start in zip(self._groups, self._starts):
            for at, each in enumerate(group.names(), start + 1):
                if each == name:
                    return at
        return default
