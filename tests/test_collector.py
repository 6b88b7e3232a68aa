"""The build pauses the cyclic collector, and freezes what it keeps before resuming it."""

from __future__ import annotations

import gc
import weakref

import pytest

from tui.util.collector import no_collector


@pytest.fixture
def thawed():
    gc.unfreeze()
    yield
    gc.freeze()  # (as the builds of other tests leave it)


def test_the_collector_is_paused_and_restored(thawed: None) -> None:
    assert gc.isenabled()
    with no_collector():
        assert not gc.isenabled()
        with no_collector():
            assert not gc.isenabled()
        assert not gc.isenabled()  # (an inner block leaves it to the outer one)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_what_a_kept_block_made_is_frozen_before_the_collector_is_back(thawed: None) -> None:
    with no_collector(keep=True):
        made = [[n] for n in range(10_000)]
    assert gc.isenabled()
    # frozen, so the first collection after the block need not walk them
    assert gc.get_freeze_count() >= len(made)


def test_a_failed_block_freezes_nothing(thawed: None) -> None:
    with pytest.raises(ValueError), no_collector(keep=True):
        raise ValueError("the build failed")
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_swept_block_collects_its_cyclic_garbage_before_the_freeze(thawed: None) -> None:
    class Node:
        pass

    with no_collector(keep=True, sweep=True):
        kept = [[n] for n in range(1_000)]
        cycle = Node()
        cycle.me = cycle  # type: ignore[attr-defined]  # (garbage only the collector finds)
        gone = weakref.ref(cycle)
        del cycle
    assert gone() is None  # collected, not frozen for good
    assert gc.get_freeze_count() >= len(kept)


def test_an_unswept_block_freezes_its_cyclic_garbage(thawed: None) -> None:
    # (why a block that may leave garbage, reading a PDF, is swept)
    class Node:
        pass

    with no_collector(keep=True):
        cycle = Node()
        cycle.me = cycle  # type: ignore[attr-defined]
        kept = weakref.ref(cycle)
        del cycle
    assert kept() is not None
