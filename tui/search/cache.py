"""What the search index remembers between keystrokes: expansions, plans and results.

Typing "Kono" asks for "K", "Ko", "Kon" and "Kono" in turn, and each state mostly asks
again what the one before it worked out (a word's expansion, a phrase's documents). One
cache, shared by all the index's parts, keeps the most recently used answers.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = ["CACHE_BYTES", "CACHE_ENTRIES", "ResultCache"]

CACHE_ENTRIES = 512  # results remembered, at most
CACHE_BYTES = 64 << 20  # and their rough sizes, added up
_SMALL_RESULT = 1_000

T = TypeVar("T")


class ResultCache:
    """Results remembered under a key, the least recently used forgotten first."""

    def __init__(self) -> None:
        self._entries: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._bytes = 0
        # the UI searches from worker threads: the LRU bookkeeping must not interleave
        self._lock = threading.Lock()

    def cached(
        self, key: Hashable, make: Callable[[], T], weigh: Callable[[T], int] | None = None
    ) -> T:
        """``make()``, remembered under ``key``. The least recently used results go first
        once there are CACHE_ENTRIES of them or their rough sizes (``weigh``, else a small
        default) add up to CACHE_BYTES: in an archive one result can be a dict of every
        document, and 512 of those would hold hundreds of megabytes."""
        cache = self._entries
        with self._lock:
            if key in cache:
                cache.move_to_end(key)
                found: T = cache[key][0]
                return found
        value = make()
        size = weigh(value) if weigh is not None else _SMALL_RESULT
        with self._lock:
            if key in cache:  # (another thread made it meanwhile)
                self._bytes -= cache[key][1]
            cache[key] = (value, size)
            self._bytes += size
            while len(cache) > 1 and (len(cache) > CACHE_ENTRIES or self._bytes > CACHE_BYTES):
                _key, (_value, gone) = cache.popitem(last=False)
                self._bytes -= gone
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0
