"""The layout keeps its promises: no module imports in a circle, and the core runs
without Textual or rich loaded (the import contracts in pyproject.toml say the same
statically; `make test` runs them with lint-imports)."""

from __future__ import annotations

import ast
import subprocess
import sys

import grimp

from .conftest import ROOT


def test_no_module_imports_in_a_circle() -> None:
    # (imports under TYPE_CHECKING name types for the checker and never run)
    graph = grimp.build_graph("tui", exclude_type_checking_imports=True)
    circles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if graph.find_shortest_chain(importer=imported, imported=module):
                circles.append((module, imported))
    assert circles == []


def _loaded_after(imports: str, wanted: str) -> list[str]:
    """The modules of a fresh interpreter, after ``imports``, for which ``wanted`` (an
    expression of ``m``, a module's name) holds."""
    code = f"import sys\n{imports}\nprint(sorted(m for m in sys.modules if {wanted}))\n"
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded: list[str] = ast.literal_eval(run.stdout)
    return loaded


def test_the_core_loads_without_textual_or_rich() -> None:
    imports = (
        "import tui.build.corpus_index, tui.build.parallel, tui.export.markdown, tui.bench\n"
        "from tui.cli import main"
    )
    assert _loaded_after(imports, "m.split('.')[0] in ('textual', 'rich')") == []


def test_the_dashboard_loads_no_search_quotes_or_entities_before_its_first_frame() -> None:
    # the command line and the dashboard name the sorts from tui.choices; the index's
    # modules load in its worker, the rest when first used
    layers = "m.split('.')[:2] in (['tui', 'build'], ['tui', 'search'], ['tui', 'quotes'], " \
             "['tui', 'entities'])"
    assert _loaded_after("import tui.cli, tui.ui.app", layers) == []
