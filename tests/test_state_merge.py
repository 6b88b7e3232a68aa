"""Two dashboards on one corpus keep both their selections; no state file stops a start."""

from __future__ import annotations

import multiprocessing
import os
import threading
from pathlib import Path

import pytest

from tui.ui.state import UiState, load_state, save_state


def test_two_dashboards_on_one_corpus_keep_both_selections(tmp_path: Path) -> None:
    path = tmp_path / "corpus-abc.json"
    a = load_state(path)
    b = load_state(path)
    a.selected = ["q1", "q2"]
    save_state(path, a)
    b.selected = ["q3"]
    save_state(path, b)
    save_state(path, a)  # A quits after B
    assert sorted(load_state(path).selected) == ["q1", "q2", "q3"]
    save_state(path, b)  # and B once more
    assert sorted(load_state(path).selected) == ["q1", "q2", "q3"]


def test_what_one_dashboard_unselects_is_gone_and_the_others_stay(tmp_path: Path) -> None:
    path = tmp_path / "corpus-abc.json"
    save_state(path, UiState(selected=["q1", "q2"]))
    a = load_state(path)
    b = load_state(path)
    b.selected = [*b.selected, "q3"]
    save_state(path, b)
    a.selected = ["q2"]  # A unselects q1
    save_state(path, a)
    assert load_state(path).selected == ["q2", "q3"]
    a.selected = []  # then clears its selection
    save_state(path, a)
    assert load_state(path).selected == ["q3"]  # what B picked and A never had stays


def test_one_dashboard_keeps_its_own_order(tmp_path: Path) -> None:
    path = tmp_path / "corpus-abc.json"
    state = load_state(path)
    for selected in (["q1", "q2"], ["q2"], ["q2", "q1"]):
        state.selected = selected
        save_state(path, state)
        assert load_state(path).selected == selected


def _add_many(path: str, prefix: str, n: int) -> None:
    state = load_state(Path(path))
    for i in range(n):
        state.selected = [*state.selected, f"{prefix}{i}"]
        save_state(Path(path), state)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_saves_at_the_same_moment_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "corpus-abc.json"
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(target=_add_many, args=(str(path), prefix, 25)) for prefix in "abcd"
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    selected = load_state(path).selected
    assert sorted(selected) == sorted(f"{p}{i}" for p in "abcd" for i in range(25))
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no file left behind


@pytest.mark.parametrize(
    "content",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"selected": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"selected": ["q1"], "sort": ' + "9" * 5000 + "}",
        b"\xff\xfe\x00garbage",
        b"\x00" * 1000,
        '{"selected": [' + ",".join(['"q"'] * 10) + "], " + '"x": "' + "y" * 5_000_000 + '"}',
    ],
    ids=["deep list", "deep value", "huge number", "bad utf-8", "zeros", "huge file"],
)
def test_any_state_file_is_read_without_raising(tmp_path: Path, content: str | bytes) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    state = load_state(path)
    assert state.sort in ("source", "speaker")
    assert all(isinstance(s, str) for s in state.selected)
    state.selected = ["mine"]
    save_state(path, state)  # and a save over it works
    assert "mine" in load_state(path).selected


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_place_of_the_state_file_does_not_block(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    os.mkfifo(path)
    box: dict[str, UiState] = {}
    thread = threading.Thread(target=lambda: box.setdefault("s", load_state(path)), daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive():
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))  # let the reader go
        thread.join(5)
        pytest.fail("load_state blocked on a FIFO")
    assert box["s"] == UiState()


def test_a_state_folder_that_is_a_file_is_an_oserror(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    with pytest.raises(OSError):
        save_state(blocker / "state.json", UiState(selected=["q"]))
