"""Writing exports so that a crash never leaves half a file, two writers never take one
name, and every failure is one line that names the path and the reason.

``write_atomic`` writes one named file (a temporary file in the same directory, then a
rename or a hard link). ``write_new`` writes a new timestamped file into a directory and
claims its name atomically, counting up (``-2``, ``-3``…) while another writer holds it.
``write_export`` is what ``newsdesk export -o`` does with either a file or a directory.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

# A name is given up on after this many taken ones: a directory holding a thousand
# exports from one second is a runaway script, not a user.
MAX_NAME_TRIES = 1000

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Names of a process's already-open files (`-o /dev/stdout`): whatever they point at —
# a terminal, a pipe, or the file a shell redirected into — is written in place.
_OPEN_FILE_ALIAS = re.compile(r"/(?:dev/(?:stdout|stderr|fd/\d+)|proc/(?:self|\d+)/fd/\d+)")


class ExportError(Exception):
    """An export that cannot be written: the message says why, in one line."""


# What to do about a directory that cannot take the export, said after what is wrong.
DIRECTORY_HINT = ("choose a directory you can write to (export.directory in config.yaml, "
                  "or the path given to the export)")


def utc(now: datetime | None) -> datetime:
    now = now or datetime.now(timezone.utc)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return now.astimezone(timezone.utc)


def default_export_path(directory: Path, now: datetime | None = None,
                        suffix: str = ".md") -> Path:
    return Path(directory) / f"newsdesk-quotes-{utc(now):%Y%m%d-%H%M%S}{suffix}"


def _numbered(base: Path, n: int) -> Path:
    return base if n == 1 else base.with_name(f"{base.stem}-{n}{base.suffix}")


def unique_export_path(directory: Path, now: datetime | None = None) -> Path:
    """``default_export_path``, with ``-2``, ``-3``… added while that name is taken.

    Only a guess: another writer can take the name before it is used. ``write_new``
    picks and claims the name in one step."""
    base = default_export_path(directory, now)
    n = 1
    while os.path.lexists(_numbered(base, n)):
        n += 1
    return _numbered(base, n)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _error(message: str) -> ExportError:
    return ExportError(" ".join(message.splitlines()))  # a path may hold a line break


# --- one named file ---------------------------------------------------------------------


def write_atomic(path: Path, text: str, *, force: bool = False) -> Path:
    """Write ``text`` to ``path`` all at once: a temporary file in the same directory,
    then a rename. Without ``force`` an existing file is never replaced.

    A symbolic link is followed: its target is replaced and the link stays. A path that
    is not a regular file (a terminal, a pipe, ``/dev/stdout``) cannot be renamed over,
    so it is written directly and needs no ``force``. Lone surrogates (undecodable bytes
    carried through from a file name or a text) are written as U+FFFD. Every failure is
    an ``ExportError`` with a one-line message."""
    path = Path(path)
    text = _LONE_SURROGATE.sub("\ufffd", text)
    with _one_line(f"cannot write {path}",
                   exists=f"{path} already exists (use --force to overwrite)"):
        if _is_stream(path):
            _write_stream(path, text)
        else:
            _replace_file(path, Path(os.path.realpath(path)), text, force)
    return path


@contextmanager
def _one_line(what: str, exists: str = "") -> Iterator[None]:
    """Any failure inside as an ExportError: ``what``, then the reason."""
    try:
        yield
    except ExportError:
        raise
    except FileExistsError as exc:
        raise _error(exists or f"{what}: {_reason(exc)}") from None
    except OSError as exc:
        raise _error(f"{what}: {_reason(exc)}") from None
    except UnicodeDecodeError:
        raise _error(f"{what}: it is not UTF-8 text") from None
    except ValueError as exc:  # UnicodeEncodeError, a NUL in a name
        raise _error(f"{what}: {exc}") from None


def _is_stream(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False  # a new file; or an error the normal route reports
    if stat.S_ISDIR(mode):
        return False
    return not stat.S_ISREG(mode) or bool(_OPEN_FILE_ALIAS.fullmatch(os.path.abspath(path)))


def _write_stream(path: Path, text: str) -> None:
    # appending: the file a shell redirected into was emptied by `>` and must be kept by `>>`
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def _replace_file(path: Path, target: Path, text: str, force: bool) -> None:
    """Write ``target`` (``path`` with its links followed) through a temporary file;
    messages name ``path``, as the user wrote it."""
    parent = target.parent
    if target.is_dir():
        raise _error(f"{path} is a directory")
    if not parent.exists():
        raise _error(f"cannot write {path}: directory {parent} does not exist; "
                     f"{DIRECTORY_HINT}")
    if not parent.is_dir():
        raise _error(f"cannot write {path}: {parent} is not a directory; {DIRECTORY_HINT}")
    if target.exists() and not force:
        raise _error(f"{path} already exists (use --force to overwrite)")
    try:
        tmp = _temporary(parent, target.name, text, _mode_for(target))
    except OSError as exc:  # (/proc, a read-only mount: the directory refuses new files)
        raise _error(f"cannot write {path}: cannot create a file in {parent} "
                     f"({_reason(exc)}); {DIRECTORY_HINT}") from None
    try:
        if force:
            os.replace(tmp, target)
        else:
            _link_new(tmp, target)
    finally:
        _discard(tmp)


def _temporary(directory: Path, name: str, text: str, mode: int) -> Path:
    """``text`` in a new hidden file in ``directory``, on disk (fsync'd) before it gets a
    real name, so that the name never shows half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    try:
        # a new file gets the permissions any other new file would (mkstemp's are 0600)
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        _discard(Path(tmp))
        raise
    return Path(tmp)


def _discard(tmp: Path) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644  # (reading the umask means setting it: not safe with threads)


def _link_new(tmp: Path, path: Path) -> None:
    """Give ``tmp``'s contents the name ``path`` only if no file has it (raises
    FileExistsError otherwise). Atomic: of two writers racing for one name, one wins and
    the other is told, with or without hard links."""
    try:
        os.link(tmp, path)  # fails with FileExistsError if someone else got there first
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # a file system without hard links: claim the name, then rename onto it
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        os.unlink(path)  # the empty placeholder is ours: give the name back
        raise


# --- a new file in a directory ----------------------------------------------------------


def write_new(directory: Path, text: str, now: datetime | None = None, *,
              create: bool = False, suffix: str = ".md") -> Path:
    """Write ``text`` as a new timestamped file in ``directory`` and return its path.

    The name is claimed atomically (a hard link, or an exclusive create, never a check
    then a write), so writers exporting in the same second get ``-2``, ``-3``… and none
    fails or overwrites another. With ``create`` the directory is made if missing. Every
    failure is an ``ExportError`` naming the directory and the reason."""
    directory = Path(directory)
    text = _LONE_SURROGATE.sub("\ufffd", text)
    _usable_directory(directory, create)
    return _claim(default_export_path(directory, now, suffix), text,
                  f"the export directory {directory}")


def write_unique(path: Path, text: str) -> Path:
    """Write ``text`` as a new file named ``path``, or ``-2``, ``-3``… while that name is
    taken (claimed atomically, never overwriting); returns the name written."""
    path = Path(path)
    parent = path.parent
    if not parent.is_dir():
        what = "is not a directory" if os.path.lexists(parent) else "does not exist"
        raise _error(f"cannot write {path}: directory {parent} {what}; {DIRECTORY_HINT}")
    return _claim(path, _LONE_SURROGATE.sub("\ufffd", text), f"{parent}")


def _claim(base: Path, text: str, where: str) -> Path:
    directory = base.parent
    try:
        tmp = _temporary(directory, base.name, text, 0o644)
    except OSError as exc:
        raise _error(f"cannot write to {where}: {_reason(exc)}; {DIRECTORY_HINT}") from None
    except ValueError as exc:
        raise _error(f"cannot write to {where}: {exc}") from None
    try:
        for n in range(1, MAX_NAME_TRIES + 1):
            path = _numbered(base, n)
            try:
                _link_new(tmp, path)
            except FileExistsError:
                continue
            except OSError as exc:
                raise _error(f"cannot write {path}: {_reason(exc)}") from None
            return path
    finally:
        _discard(tmp)
    raise _error(f"cannot write to {where}: "
                 f"{MAX_NAME_TRIES} files named {base.stem}… already exist")


def _usable_directory(directory: Path, create: bool) -> None:
    try:
        if create:
            directory.mkdir(parents=True, exist_ok=True)
        if directory.is_dir():
            return
        exists = os.path.lexists(directory)
    except FileExistsError:
        exists = True  # mkdir met a file (or a dangling link) where the directory goes
    except OSError as exc:
        verb = "create" if create else "use"
        raise _error(f"cannot {verb} the export directory {directory}: {_reason(exc)}; "
                     f"{DIRECTORY_HINT}") from None
    except ValueError as exc:  # a NUL byte in the name
        raise _error(f"cannot use the export directory {directory}: {exc}") from None
    if exists:
        raise _error(f"cannot use the export directory {directory}: it is not a directory; "
                     f"{DIRECTORY_HINT}")
    raise _error(f"cannot use the export directory {directory}: it does not exist; "
                 f"{DIRECTORY_HINT}")


# --- newsdesk export -o -----------------------------------------------------------------


def write_export(target: Path | str, text: str, *, force: bool = False,
                 now: datetime | None = None, suffix: str = ".md") -> Path:
    """Where ``newsdesk export -o TARGET`` writes: a new file in TARGET if it is a
    directory (or is written as one, with a trailing slash), else TARGET itself."""
    as_directory = str(target).endswith((os.sep, "/"))
    target = Path(target)
    try:
        is_directory = target.is_dir()
    except OSError as exc:  # a name too long, a loop of links
        if exc.errno == errno.ENAMETOOLONG:
            raise _error(f"cannot write {target}: the file name is too long") from None
        raise _error(f"cannot write {target}: {_reason(exc)}") from None
    except ValueError as exc:
        raise _error(f"cannot write {target}: {exc}") from None
    if is_directory or as_directory:
        return write_new(target, text, now, suffix=suffix)
    return write_atomic(target, text, force=force)


# --- adding to a notes file -------------------------------------------------------------


def append_atomic(path: Path, block: str) -> Path:
    """Add ``block`` at the end of the existing file ``path``, atomically: the old text
    and the block go to a temporary file that then replaces it, so a crash leaves either
    the old file or the new one, never half a block. A blank line separates the block
    from what was there. A link is followed, as ``write_atomic`` does."""
    path = Path(path)
    with _one_line(f"cannot append to {path}"):
        target = Path(os.path.realpath(path))
        if not target.is_file():
            what = "is not a regular file" if os.path.lexists(target) else "does not exist"
            raise _error(f"cannot append to {path}: it {what}; export to a new file instead")
        with open(target, encoding="utf-8", newline="") as fh:
            old = fh.read()
    gap = "" if not old or old.endswith("\n\n") else ("\n" if old.endswith("\n") else "\n\n")
    return write_atomic(path, old + gap + block, force=True)


def write_or_append(path: Path | str, whole: str, block: str, *, append: bool = False,
                    force: bool = False, now: datetime | None = None,
                    suffix: str = ".md") -> tuple[Path, bool]:
    """Where an export goes: with ``append``, ``block`` (the quotations without a
    header) is added to ``path`` if that file exists; otherwise ``whole`` is written as
    ``write_export`` writes it. Returns the path and whether it was an append."""
    if append and os.path.isfile(path):
        return append_atomic(Path(path), block), True
    return write_export(path, whole, force=force, now=now, suffix=suffix), False
