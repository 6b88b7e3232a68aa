"""Fixtures for the TUI tests: the bundled corpus, and a state and export dir in tmp_path."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tui.config import Settings
from tui.ui.app import NewsdeskApp

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every UI test gets its own state dir, so no test reads another's selection."""
    path = tmp_path / "state"
    monkeypatch.setenv("NEWSDESK_STATE_DIR", str(path))
    return path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(corpus=CORPUS, export_directory=tmp_path / "exports")


@pytest.fixture
def app(settings: Settings) -> NewsdeskApp:
    return NewsdeskApp(settings)


async def settle(pilot) -> None:
    """Wait until every worker (index build, search) is done and the screen has caught up."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def started_afresh(setup: str, once_built: str) -> list[str]:
    """The lines a dashboard started in a fresh interpreter prints, its modules loaded
    from nothing as a user's start loads them: ``setup`` runs before the app is made
    (it may patch it), ``once_built`` (which may use ``app``, ``pilot`` and ``sys``)
    once its first frame is drawn and its index built. (The state dir is the test's:
    see ``state_dir``.)"""
    code = "\n".join([
        "import asyncio, sys",
        "from pathlib import Path",
        "from tui.config import Settings",
        "from tui.ui.app import NewsdeskApp",
        textwrap.dedent(setup),
        "async def main():",
        f"    app = NewsdeskApp(Settings(corpus=Path({str(CORPUS)!r})))",
        "    async with app.run_test(size=(160, 48)) as pilot:",
        "        await pilot.pause()",
        "        await app.workers.wait_for_complete()",
        "        await pilot.pause()",
        textwrap.indent(textwrap.dedent(once_built), " " * 8),
        "asyncio.run(main())",
    ])
    run = subprocess.run([sys.executable, "-c", code], cwd=CORPUS.parent,
                         capture_output=True, text=True, check=True)
    return run.stdout.splitlines()
