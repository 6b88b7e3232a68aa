"""Blobs: the large buffers of a disk cache entry (a corpus's texts, the search's token
stream and postings), written beside its pickles and mapped when the entry is read back.

Each blob starts on a page of its own (a map must start at a multiple of ``PAGE``) and
is signed as a whole, with its number and place before it and its length after it, by
the entry's blob signer (tui/build/cache.py). A reader maps the blobs and checks their
signatures in a thread while it reads the pickles; the views are handed out only once
every one checks out.
"""

from __future__ import annotations

import hmac
import mmap
import os
import pickle
import threading
from collections.abc import Iterable, Iterator
from typing import IO, Any

PAGE = mmap.ALLOCATIONGRANULARITY
_CHUNK = 4 << 20  # bytes read and hashed at a time by the checking thread


class Refused(Exception):
    """A table of blobs that is not one, or a blob cut short."""


class Blob:
    """Bytes that ``cache.store`` writes apart from the pickles, whole and in place, and
    that ``cache.load`` gives back as a read-only ``mmap`` of the entry's file (``bytes``
    where no map can be made): a large archive's texts, token stream and postings, which a
    second start then neither copies nor keeps on the heap (a page is read from the file
    when something reads it).

    ``parts`` (anything with the buffer protocol) are written one after another as one
    blob, each let go of once written. A blob may be a part of the stored mapping, or a
    value of a part that is itself a mapping."""

    __slots__ = ("parts",)

    def __init__(self, parts: Iterable[Any]) -> None:
        self.parts = parts


class BlobPickler(pickle.Pickler):
    """Writes each blob it meets as a reference to its number in the entry's table."""

    def __init__(self, file: Any, numbers: dict[int, int]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._numbers = numbers

    def persistent_id(self, obj: Any) -> int | None:
        return self._numbers[id(obj)] if type(obj) is Blob else None


def blob_signing(signer: Any, number: int, at: int) -> Any:
    """A copy of ``signer`` for blob ``number`` at ``at``: its number and place first."""
    signed = signer.copy()
    signed.update(number.to_bytes(8, "little") + at.to_bytes(8, "little"))
    return signed


def blob_seal(signed: Any, size: int) -> bytes:
    """The signature of a blob whose ``size`` bytes were all given to ``signed``: its
    length last, so that a blob cut short is refused."""
    signed.update(size.to_bytes(8, "little"))
    return bytes(signed.digest())


class CheckedBlobs:
    """An entry's blobs, mapped, and checked against their signatures in a thread while
    the pickles are read (the views are handed on only once every one checks out).

    The thread reads the file into a buffer of its own rather than through the map, so
    that checking a blob does not make its pages part of this process."""

    def __init__(self, fd: int, table: Any, signer: Any, end: int) -> None:
        if not isinstance(table, list):
            raise Refused("no table of blobs")
        self._table: list[tuple[int, int, bytes]] = []
        for entry in table:
            if not (isinstance(entry, tuple) and len(entry) == 3):
                raise Refused("not a blob")
            at, size, mac = entry
            if not (type(at) is int and type(size) is int and type(mac) is bytes
                    and 0 <= at <= at + size <= end):
                raise Refused("a blob out of place")
            self._table.append((at, size, mac))
        self._fd, self._signer = fd, signer
        self._stop = threading.Event()
        self._passed = False
        self.views = [mapped(fd, at, size) for at, size, _mac in self._table]
        self._thread: threading.Thread | None = None
        if not self._table:
            self._passed = True
            return
        self._thread = threading.Thread(target=self._check, daemon=True,
                                        name="newsdesk-cache-blobs")
        self._thread.start()

    def _check(self) -> None:
        preadv = getattr(os, "preadv", None)
        buffer = bytearray(_CHUNK)
        for number, ((at, size, mac), view) in enumerate(zip(self._table, self.views)):
            signed = blob_signing(self._signer, number, at)
            done = 0
            while done < size:
                if self._stop.is_set():
                    return
                n = min(_CHUNK, size - done)
                if preadv is None:
                    with memoryview(view) as whole, whole[done : done + n] as part:
                        signed.update(part)
                else:
                    with memoryview(buffer) as whole, whole[:n] as part:
                        if preadv(self._fd, [part], at + done) != n:
                            return
                        signed.update(part)
                done += n
            if not hmac.compare_digest(blob_seal(signed, size), mac):
                return
        self._passed = True

    def passed(self) -> bool:
        """Whether every blob checks out (waiting for the check to end)."""
        if self._thread is not None:
            self._thread.join()
        return self._passed

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def mapped(fd: int, at: int, size: int) -> mmap.mmap | bytes:
    """The ``size`` bytes at ``at`` in the file of ``fd``: mapped, or read where they
    cannot be (an empty blob, or a file system without maps)."""
    if size:
        try:
            return mmap.mmap(fd, size, offset=at, access=mmap.ACCESS_READ)
        except (OSError, ValueError, OverflowError):
            pass
    data = bytearray(size)
    done = 0
    while done < size:
        got = os.pread(fd, size - done, at + done)
        if not got:
            raise Refused("cut short")
        data[done : done + len(got)] = got
        done += len(got)
    return bytes(data)


def _blobs_of(piece: Any) -> Iterator[Blob]:
    """The blobs of one piece of an entry: the piece itself, or a mapping's values (a
    blob deeper than that is not looked for)."""
    for v in piece.values() if isinstance(piece, dict) else (piece,):
        if type(v) is Blob:
            yield v


def holds_blobs(piece: Any) -> bool:
    """Whether ``piece`` is a blob or a mapping with one among its values."""
    return next(_blobs_of(piece), None) is not None


def blobs_in(pieces: list[Any]) -> list[Blob]:
    """The blobs of the entry's pieces, each once, in the order met."""
    found: dict[int, Blob] = {}
    for piece in pieces:
        for blob in _blobs_of(piece):
            found.setdefault(id(blob), blob)
    return list(found.values())


def write_blobs(handle: IO[bytes], blobs: list[Blob], signer: Any) -> list[tuple[int, int, bytes]]:
    """Write each blob on a page of its own; (place, length, signature) of each."""
    table = []
    for number, blob in enumerate(blobs):
        handle.write(bytes(-handle.tell() % PAGE))
        at, size = handle.tell(), 0
        signed = blob_signing(signer, number, at)
        for part in blob.parts:
            with memoryview(part) as view, view.cast("B") as raw:
                signed.update(raw)
                handle.write(raw)
                size += len(raw)
        table.append((at, size, blob_seal(signed, size)))
    return table
