"""Pausing Python's cyclic garbage collector around an index build."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_collector(keep: bool = False, sweep: bool = False) -> Iterator[None]:
    """Run a build without the cyclic collector (it is restored as it was after).

    A build makes hundreds of thousands of small objects that live until its end; the
    collector would rescan them over and over, for no garbage (mining alone took nearly
    twice as long on a 50 MB corpus).

    ``keep``: what the block made lives on (an index, a corpus's documents), or is let
    go by reference counting alone (a worker's result, once sent), so it is frozen
    (``gc.freeze``) when the block ends well, before the collector is back. Else the
    first allocation after it would set off a collection that walks every object the
    block made: 0.7 s of a 100,000-article archive's second start.

    ``sweep``: the block may leave cyclic garbage (reading a PDF leaves hundreds of
    objects a file), so one collection runs before the freeze, lest that garbage be
    kept for good: 0.3 s after reading 100,000 articles, where the ten collections the
    reading set off took about 1.7 s.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if keep:
            if sweep:
                gc.collect()
            gc.freeze()
    finally:
        if was_enabled:
            gc.enable()


_held = False


def hold() -> None:
    """Pause the collector while the dashboard starts, until ``release()``.

    What a start makes (modules, classes, widgets, styles) lives as long as the app, and
    the collections it sets off (a hundred or so, some over every object) cost more CPU
    than drawing the first frame.
    """
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """Restart the collector if ``hold()`` paused it, leaving what the start made out of
    its walks (as an index build does with its documents)."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()
