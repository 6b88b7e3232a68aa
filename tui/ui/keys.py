"""The dashboard's keys: every binding with an id a user can remap, the checks a remap
must pass, and the rows of the help screen."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from textual.binding import Binding

from tui.config import QUIT_KEY, key_problem
from tui.ui.panes.concordance import ConcordancePane
from tui.ui.panes.entities import EntitiesPane, EntityFinder
from tui.ui.panes.quotes import QuotesPane
from tui.ui.panes.rowlist import RowList
from tui.ui.panes.viewer import Viewer

if TYPE_CHECKING:
    from tui.ui.screens.help import HelpRow


def _b(key: str, action: str, description: str, tooltip: str, binding_id: str,
       show: bool = True, priority: bool = False) -> Binding:
    return Binding(key, action, description, show=show, priority=priority, tooltip=tooltip,
                   id=binding_id)


# The app's own bindings, anywhere in the dashboard (the panes add their own).
APP_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    _b("1", "focus_pane('sources')", "Sources", "Focus the sources pane", "focus_sources",
       show=False),
    _b("2", "focus_pane('viewer')", "Viewer", "Focus the viewer", "focus_viewer", show=False),
    _b("3", "focus_pane('entities')", "Entities", "Focus the entities pane",
       "focus_entities", show=False),
    _b("4", "focus_pane('quotes')", "Quotes", "Focus the quotes pane", "focus_quotes",
       show=False),
    # first of the keys the footer shows, so that even at 80 columns it is there
    _b("f1", "help", "Help", "This help: every key, and the search syntax", "help"),
    _b("slash", "focus_search", "Search",
       "Focus the search bar; results update as you type, enter opens the first hit",
       "focus_search"),
    _b("n", "next_match", "Next",
       "Next hit, on to the next source, in the concordance's order (with only an entity "
       "filter: its next mention)", "next_match"),
    _b("N", "previous_match", "Prev", "Previous hit (or mention), across sources",
       "previous_match", show=False),
    _b("K", "toggle_concordance", "Concordance",
       "The concordance: every hit in context, in the viewer's place (again: the viewer)",
       "concordance"),
    _b("space", "toggle_quote", "Select", "Select or unselect the highlighted quote",
       "toggle_quote"),
    _b("a", "select_all", "All", "Select all quotes shown (again: unselect them)",
       "select_all", show=False),
    _b("ctrl+e", "export", "Export",
       "Export the selected quotes: style, grouping, file, append (a dialog)", "export"),
    _b("E", "export_again", "Export again",
       "Repeat the last export without asking (appends again, or takes a new name)",
       "export_again", show=False),
    _b("y", "copy", "Copy",
       "Copy the selected quotes, without front matter, to the clipboard (OSC 52)", "copy"),
    _b("S", "cycle_source_sort", "Sort sources",
       "Sort the sources by corpus order, hits, date, outlet or title", "sources_sort",
       show=False),
    _b("f", "facets", "Facets",
       "Facets: keep outlets and a date range, sort the sources, see the timeline",
       "facets"),
    _b("b", "compare", "Side by side",
       "The open source and the next one side by side, with the search highlighted in both",
       "compare", show=False),
    _b("u", "open_link", "Open link",
       "Open the source's address (its url) with the system's opener", "open_link",
       show=False),
    _b("U", "copy_link", "Copy link", "Copy the source's address to the clipboard",
       "copy_link", show=False),
    _b("d", "variants", "Variants",
       "Show every outlet's wording of the highlighted quote, diffed word by word",
       "variants"),
    _b("s", "toggle_sort", "Sort", "Sort quotes by source order or by speaker", "sort",
       show=False),
    _b("o", "toggle_source_filter", "This source",
       "Show only the quotes of the source in the viewer (again: all)", "source_filter",
       show=False),
    _b("c", "toggle_comments", "Comments",
       "Show or hide quotes from reader comments and boilerplate", "toggle_comments",
       show=False),
    _b("escape", "clear", "Clear",
       "Clear the search bar (again: leave it); elsewhere clear the entity filter, then "
       "the search", "clear"),
    _b("ctrl+p", "command_palette", "Palette",
       "Command palette: export, selection, comments, jump to source, theme",
       "command_palette", show=False, priority=True),
    _b("ctrl+q", "quit", "Quit", "Quit", "quit", priority=True),
]


def checked_keymap(
    remaps: Mapping[str, str], known: set[str], bindings: Iterable[object]
) -> tuple[dict[str, str], list[str]]:
    """The remaps to apply, and a line for each one refused: an unknown id, something
    that is not a key, a key another binding holds. A remap never locks the user in:
    ctrl+q stays on quit (config.py refuses these with a line number; this covers
    settings made in code)."""
    keymap = dict(remaps)
    problems: list[str] = []
    unknown = sorted(k for k in keymap if k not in known)
    if unknown:
        problems.append(f"unknown binding ids {', '.join(unknown)} (F1 lists them)")
    for binding_id, keys in sorted(keymap.items()):
        problem = key_problem(keys)
        alternatives = [k.strip() for k in keys.split(",")]
        if problem is None and binding_id != "quit" and QUIT_KEY in alternatives:
            problem = f"{QUIT_KEY} always quits"
        if problem is not None:
            problems.append(f"{binding_id}: {keys!r} is not a key ({problem})")
            unknown.append(binding_id)
        elif binding_id == "quit" and QUIT_KEY not in alternatives:
            keymap[binding_id] = f"{keys},{QUIT_KEY}"
    # a remap onto a key another app-wide binding already uses would shadow it
    taken: dict[str, str] = {}
    for binding in bindings:
        if isinstance(binding, Binding) and binding.id and binding.id not in keymap:
            for k in binding.key.split(","):
                taken[k.strip()] = binding.id
    for binding_id, keys in sorted(keymap.items()):
        if binding_id in unknown:
            continue
        for k in (k.strip() for k in keys.split(",")):
            if k in taken and taken[k] != binding_id:
                problems.append(f"{binding_id}: {k} is already {taken[k]}")
                unknown.append(binding_id)
                break
            taken[k] = binding_id
    applied = {k: v for k, v in keymap.items() if k in known and k not in unknown}
    return applied, problems


def help_rows(
    keymap: Mapping[str, str],
    app_bindings: Iterable[object],
    key_display: Callable[[Binding], str],
) -> list[HelpRow]:
    """Every binding with an id, where it applies, on the key it is on now."""
    # the screens' modules load when first opened, or here (F1, or a key remap to check)
    from tui.ui.screens.ask import AskScreen
    from tui.ui.screens.compare import CompareScreen
    from tui.ui.screens.facets import FacetsScreen, TimelineList
    from tui.ui.screens.help import HelpScreen
    from tui.ui.screens.variants import VariantsScreen

    rows: list[HelpRow] = []
    groups: list[tuple[str, list[Binding]]] = [
        ("anywhere", [b for b in app_bindings if isinstance(b, Binding)]),
        ("lists", [b for b in RowList.BINDINGS if isinstance(b, Binding)]),
        ("entities", [b for b in EntitiesPane.BINDINGS if isinstance(b, Binding)]),
        ("entity find", [b for b in EntityFinder.BINDINGS if isinstance(b, Binding)]),
        ("quotes", [b for b in QuotesPane.BINDINGS if isinstance(b, Binding)]),
        ("viewer", [b for b in Viewer.BINDINGS if isinstance(b, Binding)]),
        ("concordance", [b for b in ConcordancePane.BINDINGS if isinstance(b, Binding)]),
        ("facets", [b for b in [*FacetsScreen.BINDINGS, *TimelineList.BINDINGS]
                    if isinstance(b, Binding)]),
        ("help", [b for b in HelpScreen.BINDINGS if isinstance(b, Binding)]),
        ("variants", [b for b in VariantsScreen.BINDINGS if isinstance(b, Binding)]),
        ("dialogs", [b for b in AskScreen.BINDINGS if isinstance(b, Binding)]),
        ("side by side", [b for b in CompareScreen.BINDINGS if isinstance(b, Binding)]),
    ]
    for where, bindings in groups:
        for binding in bindings:
            if binding.id is None:
                continue
            keys = keymap.get(binding.id, binding.key)
            shown = " ".join(key_display(Binding(k.strip(), "")) for k in keys.split(","))
            rows.append((where, shown, binding.tooltip or binding.description, binding.id))
        if where == "anywhere":
            rows.append((where, "tab shift+tab", "Cycle focus between panes", "—"))
    return rows
