"""Fixtures for the TUI tests: the bundled corpus, and a state and export dir in tmp_path."""

from __future__ import annotations

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
