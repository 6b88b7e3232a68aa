"""Frames: the signed pieces that a disk cache entry's pickles are written in and read
back through (tui/build/cache.py makes the entry, and the signer each frame is signed
with).

A frame is its length and whether it is the last, its signature, then its bytes, at
most ``_FRAME`` of them. The signature covers the frame's number and head as well as
its bytes, so a frame changed, moved, dropped or added is refused. The writer signs a
frame as it fills; the reader checks the frames in a thread a few ahead of the
unpickler and hands on no byte of a frame before its signature checks out.
"""

from __future__ import annotations

import hmac
import io
import queue
import struct
import threading
from typing import IO, Any

_SIGNATURE = 32
# A frame: its length and whether it is the last (_HEAD), its signature, its bytes.
_HEAD = struct.Struct("<QB")
_FRAMED = _HEAD.size + _SIGNATURE
_FRAME = 4 << 20
_AHEAD = 3  # frames read and checked ahead of the unpickler


def _sign(signer: Any, number: int, head: bytes, payload: bytes | memoryview) -> bytes:
    mac = signer.copy()
    mac.update(number.to_bytes(8, "little") + head)
    mac.update(payload)  # (blake3 lets other threads run while it hashes a large buffer)
    return bytes(mac.digest())


def _read(handle: io.FileIO, into: Any) -> Any:
    """``into`` filled from ``handle``, or as much of it as the file still holds."""
    with memoryview(into) as view:
        at = 0
        while at < len(view):
            n = handle.readinto(view[at:])
            if not n:
                break
            at += n
    return into[:at]


class _Unsigned(Exception):
    """A frame whose signature is not right, or a file cut short or run on."""


class _CheckedFrames(io.RawIOBase):
    """The bytes of an entry's frames, each handed on only once its signature is checked.

    A thread reads and checks the frames a few ahead of the reader (blake3 and file
    reads let the unpickler run meanwhile): the check of a large archive's cache no
    longer comes before all of the unpickling, and the file is read once, not twice.
    The frames go through a few buffers kept for the purpose, so that what is read
    ahead costs no new memory."""

    def __init__(self, handle: io.FileIO, signer: Any) -> None:
        self._handle, self._signer = handle, signer
        self._free: queue.Queue[bytearray | None] = queue.Queue()
        self._made = 0  # buffers made, at most _AHEAD + 1
        self._full: queue.Queue[tuple[bytearray, int] | BaseException | None] = queue.Queue()
        self._stop = threading.Event()
        self._buffer: bytearray | None = None
        self._view = memoryview(b"")
        self._at = 0
        self._ended = False
        self._thread = threading.Thread(target=self._read_ahead, daemon=True,
                                        name="newsdesk-cache-check")
        self._thread.start()

    def _read_ahead(self) -> None:
        # A frame's bytes and the next one's head come in one read, and are hashed in
        # one call: each is a wait for the lock that the unpickling thread holds.
        handle, number = self._handle, 0
        try:
            head = bytes(_read(handle, bytearray(_FRAMED)))
            while not self._stop.is_set():
                if len(head) != _FRAMED:
                    raise _Unsigned("cut short")
                length, last = _HEAD.unpack_from(head)
                if length > _FRAME or last not in (0, 1):
                    raise _Unsigned("not a frame")
                wanted = length + (0 if last else _FRAMED)
                buffer = self._take(wanted)
                if buffer is None:  # (the reader has stopped)
                    return
                with memoryview(buffer) as whole:
                    if len(_read(handle, whole[:wanted])) != wanted:
                        raise _Unsigned("cut short")
                    mac = _sign(self._signer, number, head[: _HEAD.size], whole[:length])
                    if not hmac.compare_digest(mac, head[_HEAD.size :]):
                        raise _Unsigned("a frame's signature is not right")
                    head = bytes(whole[length:wanted])
                if last and handle.read(1):
                    raise _Unsigned("bytes after the last frame")
                self._full.put((buffer, length))
                number += 1
                if last:
                    self._full.put(None)
                    return
        except BaseException as exc:  # (handed to the reader, which refuses the entry)
            self._full.put(exc)

    def _take(self, wanted: int) -> bytearray | None:
        """A buffer for a frame of ``wanted`` bytes: a free one, or a new one while there
        are fewer than ``_AHEAD + 1`` (only as large as a last frame needs: a small
        entry costs no more than itself); None once the reader has stopped."""
        try:
            buffer = self._free.get_nowait()
        except queue.Empty:
            if self._made > _AHEAD:
                buffer = self._free.get()
            else:
                self._made += 1
                return bytearray(wanted if wanted < _FRAME else _FRAME + _FRAMED)
        if buffer is not None and len(buffer) < wanted:
            return bytearray(wanted)  # (never: only a last frame has a smaller one)
        return buffer

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while self._at >= len(self._view):
            if self._ended:
                return 0
            if self._buffer is not None:
                self._view.release()
                self._free.put(self._buffer)
                self._buffer = None
            got = self._full.get()
            if got is None:
                self._ended = True
                return 0
            if isinstance(got, BaseException):
                self._ended = True
                raise _Unsigned("refused") from got
            self._buffer, length = got
            self._view, self._at = memoryview(self._buffer)[:length], 0
        n = min(len(target), len(self._view) - self._at)
        target[:n] = self._view[self._at : self._at + n]
        self._at += n
        return n

    def close(self) -> None:
        if not self.closed:
            self._stop.set()
            self._free.put(None)
            self._thread.join()
            self._view.release()
            self._handle.close()
        super().close()


class _FrameWriter(io.RawIOBase):
    """Writes through to ``handle`` in signed frames of ``_FRAME`` bytes (the last one
    shorter, and marked as the last): each frame's length and mark, its signature
    (``_sign``), its bytes."""

    def __init__(self, handle: IO[bytes], signer: Any) -> None:
        self.handle, self.signer = handle, signer
        self.pending = bytearray()
        self.number = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        # (a large buffer, such as an index's token stream, goes out a frame at a time
        # from where it is, not copied: only the frame still open is kept)
        with memoryview(data) as view, view.cast("B") as raw:
            n, at = len(raw), 0
            if self.pending:
                at = min(n, _FRAME - len(self.pending))
                self.pending += raw[:at]
                if at < n:  # (a frame is written once more follows: the last is marked)
                    self._frame(memoryview(self.pending), last=False)
                    self.pending = bytearray()
            while n - at > _FRAME:
                self._frame(raw[at : at + _FRAME], last=False)
                at += _FRAME
            self.pending += raw[at:]
        return n

    def finish(self) -> None:
        """Write what is left as the last frame."""
        self._frame(memoryview(self.pending), last=True)
        self.pending = bytearray()

    def _frame(self, payload: memoryview, last: bool) -> None:
        with payload:
            head = _HEAD.pack(len(payload), last)
            self.handle.write(head + _sign(self.signer, self.number, head, payload))
            self.handle.write(payload)
        self.number += 1
