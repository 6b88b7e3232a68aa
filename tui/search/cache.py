"""What the search index remembers between keystrokes: expansions, plans and results.

Typing "Kono" asks for "K", "Ko", "Kon" and "Kono" in turn, and each state mostly asks
again what the one before it worked out (a word's expansion, a phrase's documents). One
cache, shared by all the index's parts, keeps the most recently used answers: a
``cachetools.LRUCache`` bounded by their rough sizes, and by their number.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from operator import itemgetter
from typing import Any, TypeVar

from cachetools import LRUCache

__all__ = ["CACHE_BYTES", "CACHE_ENTRIES", "ResultCache"]

CACHE_ENTRIES = 512  # results remembered, at most
CACHE_BYTES = 64 << 20  # and their rough sizes, added up
_SMALL_RESULT = 1_000

T = TypeVar("T")


class ResultCache:
    """Results remembered under a key, the least recently used forgotten first once there
    are CACHE_ENTRIES of them or their rough sizes add up to CACHE_BYTES (the figures when
    the cache is made)."""

    def __init__(self) -> None:
        # each entry is (result, its rough size): the LRU cache weighs it by the size
        self._entries: LRUCache[Hashable, tuple[Any, int]] = LRUCache(
            maxsize=CACHE_BYTES, getsizeof=itemgetter(1)
        )
        self._max_bytes, self._max_entries = CACHE_BYTES, CACHE_ENTRIES
        # the UI searches from worker threads, and an LRU cache is not thread-safe
        self._lock = threading.Lock()

    def cached(
        self, key: Hashable, make: Callable[[], T], weigh: Callable[[T], int] | None = None
    ) -> T:
        """``make()``, remembered under ``key``, weighing ``weigh(result)`` bytes (else a
        small default): in an archive one result can be a dict of every document, and
        512 of those would hold hundreds of megabytes."""
        entries = self._entries
        with self._lock:
            found = entries.get(key)  # (a hit makes it the most recently used)
        if found is not None:
            result: T = found[0]
            return result
        value = make()
        size = weigh(value) if weigh is not None else _SMALL_RESULT
        with self._lock:
            # a result larger than the whole budget is kept alone, until the next one
            entries[key] = (value, min(size, self._max_bytes))
            while len(entries) > self._max_entries:
                entries.popitem()
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
