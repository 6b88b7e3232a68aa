"""A disk cache for what is built from a corpus, keyed by the documents' content.

Building the search index of a large archive takes seconds of pure Python; reading it back
takes a fraction of that. Entries live in the user cache directory (platformdirs), or in
``$NEWSDESK_CACHE_DIR``; set that to ``off`` to never read or write the cache. The key
is a hash of every document's id and text, so any edit to the corpus is a miss. Nothing
here raises: an unreadable, stale or corrupt entry is a miss, and a failed write is
skipped.

An entry is a pickle, and unpickling a file someone else made can run any code they
like. So nothing here reads what it cannot trust:

* the folder is made private (0700), and one that is not the user's own is not used at
  all (``$NEWSDESK_CACHE_DIR=/tmp/x`` made first by another user); one of the user's own
  that others may write is made private again;
* an entry that is not a regular file of the user's own, writable by no one else, is
  not read (a link is not followed);
* every entry is signed with keyed BLAKE3 under a secret of 32 random bytes kept in the
  folder, readable by the user alone, a frame of a few megabytes at a time
  (tui/build/frames.py), and a frame's signature is checked before a byte of it is
  unpickled: a file put there, or copied from elsewhere, is a miss;
* and the unpickler makes nothing but the built-in containers and ``array.array``, all
  an index holds: no other class or function can be reached from a pickle at all.

Large buffers (a corpus's texts, the search's token stream and postings) can be stored
as blobs (tui/build/blobs.py): raw bytes beside the pickles, each signed as a whole, mapped
when the entry is read back instead of copied onto the heap, and handed out only once their
signatures check out (in a thread, while the pickles are read). An entry is never
changed in place (a new one is written beside it and renamed over it), so a map of it
stays whole for as long as it is held.

What is refused is a miss (the index rebuilds), with a line in :func:`warnings` saying
why, for the caller to show.
"""

from __future__ import annotations

import hashlib
import io
import mmap
import os
import pickle
import secrets
import stat
import struct
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from blake3 import blake3
from platformdirs import user_cache_dir

from tui.build.blobs import BlobPickler, CheckedBlobs, blobs_in, holds_blobs, write_blobs
from tui.build.frames import _CheckedFrames, _FrameWriter, _read
from tui.corpus.document import Document

ENV_VAR = "NEWSDESK_CACHE_DIR"
KEEP = 4  # entries kept per name: a few corpora can be switched between without rebuilding


def cache_dir() -> Path | None:
    """Where entries live, or None when caching is switched off."""
    configured = os.environ.get(ENV_VAR)
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no") else Path(configured)
    return Path(user_cache_dir("newsdesk"))


def fingerprint(documents: Iterable[Document], *salt: str, texts: bool = True) -> str:
    """A hash of the documents' ids and texts (only their ids without ``texts``) and of
    ``salt``, e.g. a format version."""
    digest = hashlib.blake2b(digest_size=16)
    for part in salt:
        digest.update(part.encode() + b"\0")
    digest.update(b"texts" if texts else b"ids")
    for doc in documents:
        digest.update(doc.id.encode("utf-8", "surrogatepass") + b"\0")
        if texts:
            digest.update(doc.encoded + b"\1")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of every core module's source (:func:`core_files`): after an upgrade or an
    edited rule, what was built by the old code is a miss rather than a stale answer.
    Paths are hashed too, so a module moved between sub-packages changes the key."""
    package = _package()
    digest = hashlib.blake2b(digest_size=16)
    for path in core_files():
        name = path.relative_to(package).as_posix().encode()
        try:
            digest.update(name + b"\0" + path.read_bytes() + b"\1")
        except OSError:
            digest.update(name + b"\2")
    return digest.hexdigest()


def core_files() -> list[Path]:
    """Every module of the package that a built index can depend on: all but the
    dashboard's ``ui/``, in every sub-package."""
    package = _package()
    return [
        path
        for path in sorted(package.rglob("*.py"))
        if path.relative_to(package).parts[0] != "ui"
    ]


def _package() -> Path:
    return Path(__file__).resolve().parent.parent


# An entry: MAGIC, where its frames start (_AT), its blobs (tui/build/blobs.py), each on a
# page of its own, then the frames (tui/build/frames.py) that hold the pickles.
MAGIC = b"NDCACHE4"
_AT = struct.Struct("<Q")
_FIRST_FRAME = len(MAGIC) + _AT.size  # (in an entry without blobs)
SECRET_NAME = ".newsdesk-secret"
_POSIX = hasattr(os, "getuid") and os.open in os.supports_dir_fd
_FLAGS = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)

_warnings: list[str] = []


def warnings() -> list[str]:
    """Why a cache folder or entry was not used, one line each, oldest first."""
    return list(_warnings)


def _warn(message: str) -> None:
    if message not in _warnings:
        _warnings.append(message)
        del _warnings[:-20]


class _Refused(Exception):
    """A folder or file that is not safe to use; its message says why."""


def _check(info: os.stat_result, what: str, private: bool = False) -> None:
    """Refuse what is not the user's own, or what others may write (or read: ``private``)."""
    if not _POSIX:
        return
    if info.st_uid != os.getuid():
        raise _Refused(f"{what} is not yours (its owner is user {info.st_uid})")
    if stat.S_IMODE(info.st_mode) & (0o077 if private else 0o022):
        raise _Refused(f"{what} may be {'read' if private else 'written'} by other users")


def _signer(secret: bytes, name: str, key: str) -> Any:
    """The MAC every frame of the entry ``name``/``key`` is signed with, before its
    number and head: a frame cannot be moved to another place or entry.

    Keyed BLAKE3, a MAC by design: it checks a large archive's gigabyte of cache on the
    second core in a third of the time HMAC-SHA256 takes (2.2 GB/s against 0.8 GB/s
    here), and lets the unpickling thread run meanwhile, as hashlib does."""
    return blake3(MAGIC + f"\0frame\0{name}\0{key}\0".encode(), key=secret)


def framed(secret: bytes, name: str, key: str, payload: bytes) -> bytes:
    """An entry of ``payload`` (its pickles), as :func:`store` writes one, signed with
    ``secret``."""
    out = io.BytesIO(MAGIC + _AT.pack(_FIRST_FRAME))
    out.seek(0, io.SEEK_END)
    writer = _FrameWriter(out, _signer(secret, name, key))
    writer.write(payload)
    writer.finish()
    return out.getvalue()


class _Folder:
    """The cache folder, opened once and checked: every name below is looked up in the
    folder that was checked, not again by its path (which someone could re-point)."""

    def __init__(self, path: Path, create: bool) -> None:
        self.path = path
        if create:
            try:
                path.mkdir(mode=0o700, parents=True, exist_ok=True)
            except FileExistsError:
                pass
        if not _POSIX:
            self.fd = None
            return
        self.fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _FLAGS)
        try:
            info = os.fstat(self.fd)
            if not stat.S_ISDIR(info.st_mode):
                raise _Refused(f"cache folder {path} is not a folder")
            if info.st_uid != os.getuid():
                raise _Refused(f"cache folder {path} is not yours (its owner is user "
                               f"{info.st_uid}); the cache is not used")
            if stat.S_IMODE(info.st_mode) & 0o077:
                # the user's own, made before it was kept private: no one else's entry in
                # it can pass the checks below, so it need only be closed again
                os.fchmod(self.fd, 0o700)
        except BaseException:
            os.close(self.fd)
            raise

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)

    def open(self, name: str, flags: int, mode: int = 0o600) -> int:
        if self.fd is None:
            return os.open(self.path / name, flags | _FLAGS, mode)
        return os.open(name, flags | _FLAGS | _NOFOLLOW, mode, dir_fd=self.fd)

    def replace(self, old: str, new: str) -> None:
        if self.fd is None:
            os.replace(self.path / old, self.path / new)
        else:
            os.replace(old, new, src_dir_fd=self.fd, dst_dir_fd=self.fd)

    def unlink(self, name: str) -> None:
        try:
            if self.fd is None:
                (self.path / name).unlink()
            else:
                os.unlink(name, dir_fd=self.fd)
        except FileNotFoundError:
            pass

    def entries(self, prefix: str) -> list[tuple[float, str]]:
        """(modified, name) of the entries whose names start with ``prefix``."""
        found = []
        with os.scandir(self.path if self.fd is None else self.fd) as it:
            for entry in it:
                if entry.name.startswith(prefix) and entry.name.endswith(".pickle"):
                    try:
                        found.append((entry.stat(follow_symlinks=False).st_mtime, entry.name))
                    except OSError:
                        continue
        return found

    def secret(self, create: bool) -> bytes | None:
        """The user's signing secret, made the first time; None when there is none yet
        (and ``create`` is false) or the one there cannot be trusted."""
        try:
            fd = self.open(SECRET_NAME, os.O_RDONLY)
        except FileNotFoundError:
            return self._new_secret() if create else None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise _Refused(f"{self.path / SECRET_NAME} is not a file")
            _check(info, str(self.path / SECRET_NAME), private=True)
            value = os.read(fd, 64)
        except _Refused as exc:
            _warn(f"{exc}; entries signed with it are not trusted")
            return self._new_secret() if create else None
        finally:
            os.close(fd)
        if len(value) != 32:
            return self._new_secret() if create else None
        return value

    def _new_secret(self) -> bytes:
        """A new secret, put in place whole (entries signed with an old one become misses)."""
        value = secrets.token_bytes(32)
        temp = f".{SECRET_NAME}-{secrets.token_hex(8)}"
        fd = self.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(value)
            self.replace(temp, SECRET_NAME)
        except BaseException:
            self.unlink(temp)
            raise
        return value


@contextmanager
def _folder(create: bool) -> Iterator[_Folder | None]:
    """The checked cache folder, or None when caching is off or the folder is refused."""
    path = cache_dir()
    if path is None:
        yield None
        return
    try:
        folder = _Folder(path, create)
    except FileNotFoundError:
        yield None
        return
    except _Refused as exc:
        _warn(str(exc))
        yield None
        return
    except OSError:
        yield None
        return
    try:
        yield folder
    finally:
        folder.close()


def _path(name: str, key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / _filename(name, key)


def _filename(name: str, key: str) -> str:
    return f"{name}-{key}.pickle"


# What an entry may make besides the containers pickle builds by itself (dict, list,
# tuple, set, frozenset, str, bytes, bytearray, int, float, bool, None).
_ALLOWED = frozenset({("array", "array"), ("array", "_array_reconstructor")})


class _Unpickler(pickle.Unpickler):
    """Makes nothing but plain data: any other class or function named in the pickle
    (``os.system``, ``builtins.eval``...) is refused rather than looked up. A blob's
    reference becomes its view (tui/build/blobs.py)."""

    def __init__(self, file: IO[bytes], views: list[mmap.mmap | bytes]) -> None:
        super().__init__(file)
        self._views = views

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")

    def persistent_load(self, pid: Any) -> Any:
        if type(pid) is not int or not 0 <= pid < len(self._views):
            raise pickle.UnpicklingError("a reference to no blob")
        return self._views[pid]


def _blob_signer(secret: bytes, name: str, key: str) -> Any:
    """The MAC each blob of the entry ``name``/``key`` is signed with, before its number
    and place, and its length after it: a blob cannot be moved, cut or put in a frame's
    place (their signers differ)."""
    return blake3(MAGIC + f"\0blob\0{name}\0{key}\0".encode(), key=secret)


def _opened(folder: _Folder, name: str, key: str) -> tuple[io.FileIO, bytes, int] | None:
    """The entry, open and positioned at its first frame, the secret it must be signed
    with, and where its frames start, if it is a file of the user's own; else None."""
    filename = _filename(name, key)
    secret = folder.secret(create=False)
    if secret is None:
        return None
    try:
        fd = folder.open(filename, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:  # missing, or a link (O_NOFOLLOW): a miss either way
        return None
    handle = io.FileIO(fd, "rb")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Refused(f"cache entry {folder.path / filename} is not a file")
        _check(info, f"cache entry {folder.path / filename}")
        head = _read(handle, bytearray(_FIRST_FRAME))
        if len(head) != _FIRST_FRAME or head[: len(MAGIC)] != MAGIC:
            handle.close()
            return None
        (frames_at,) = _AT.unpack_from(head, len(MAGIC))
        if not _FIRST_FRAME <= frames_at <= info.st_size:
            handle.close()
            return None
        handle.seek(frames_at)
        return handle, secret, frames_at
    except _Refused as exc:
        _warn(f"{exc}; not read")
        handle.close()
        return None
    except BaseException:
        handle.close()
        raise


def load(name: str, key: str) -> Any | None:
    """The value stored under ``name`` and ``key``, or None."""
    try:
        with _folder(create=False) as folder:
            if folder is None:
                return None
            opened = _opened(folder, name, key)
            if opened is None:
                return None
            handle, secret, frames_at = opened
            raw = _CheckedFrames(handle, _signer(secret, name, key))
            with io.BufferedReader(raw, buffer_size=1 << 16) as stream:
                first = _Unpickler(stream, []).load()
                if not (isinstance(first, tuple) and len(first) == 3 and first[0] == key):
                    return None
                _key, parts, table = first
                blobs = CheckedBlobs(handle.fileno(), table,
                                     _blob_signer(secret, name, key), frames_at)
                try:
                    views = blobs.views
                    if parts is None:
                        value = _Unpickler(stream, views).load()
                    else:
                        value = {part: _Unpickler(stream, views).load() for part in parts}
                    # (every frame read, the last checked; every blob checked)
                    if stream.read(1) or not raw._ended or not blobs.passed():
                        return None
                    return value
                finally:
                    blobs.stop()
    except Exception:  # a truncated, forged or foreign file is a miss, never a crash
        return None


def store(name: str, key: str, value: Any) -> Path | None:
    """Write ``value`` atomically; the path, or None. Keeps the newest few of ``name``."""
    filename = _filename(name, key)
    try:
        with _folder(create=True) as folder:
            if folder is None:
                return None
            secret = folder.secret(create=True)
            assert secret is not None
            temp = f".{name}-{secrets.token_hex(8)}.tmp"
            fd = folder.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(MAGIC + _AT.pack(0))
                    # A mapping is written a value at a time, each a pickle of its own: a
                    # pickler remembers every object it has written, and one memo for a
                    # whole 10,000-article index (46 MB) was the peak of a first start.
                    parts = list(value) if isinstance(value, dict) else None
                    pieces = [value] if parts is None else [value[part] for part in parts]
                    blobs = blobs_in(pieces)
                    table = write_blobs(handle, blobs, _blob_signer(secret, name, key))
                    frames_at = handle.tell()
                    writer = _FrameWriter(handle, _signer(secret, name, key))
                    numbers = {id(blob): i for i, blob in enumerate(blobs)}
                    pickle.dump((key, parts, table), writer, protocol=pickle.HIGHEST_PROTOCOL)
                    for piece in pieces:
                        if blobs and holds_blobs(piece):
                            BlobPickler(writer, numbers).dump(piece)
                        else:
                            pickle.dump(piece, writer, protocol=pickle.HIGHEST_PROTOCOL)
                    writer.finish()
                    handle.seek(len(MAGIC))
                    handle.write(_AT.pack(frames_at))
                folder.replace(temp, filename)
            except BaseException:
                folder.unlink(temp)
                raise
            entries = sorted(folder.entries(f"{name}-"), reverse=True)
            for _mtime, old in entries[KEEP:]:
                folder.unlink(old)
            return folder.path / filename
    except (OSError, pickle.PicklingError):
        return None
