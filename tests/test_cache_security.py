"""Nothing planted in the cache folder runs code, and nothing of someone else's is read.

The cache folder is private (0700); a folder or entry that is not the user's own, or that
others may write, is not used (a warning says so); an entry is only unpickled once its
signature (keyed BLAKE3 with a per-user secret) checks out, and even then only the few
harmless classes an index holds can be made from it.
"""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from tui.build import blobs, cache
from tui.build import corpus_index as index_module
from tui.build import frames as frames_module
from tui.build.corpus_index import CorpusIndex
from tui.config import Settings
from tui.corpus.document import Document
from tui.entities import extract as entity_extract

POSIX = hasattr(os, "getuid")
ROOT = POSIX and os.getuid() == 0
OTHER_UID = 65534  # nobody


class Plant:
    """Unpickled, it creates ``marker``: what an attacker's pickle would do instead."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(folder))
    return folder


def _calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = entity_extract.extract_entities  # (the index imports it as a build begins)

    def spy(*args, **kwargs):
        calls.append("extract_entities")
        return real(*args, **kwargs)

    monkeypatch.setattr(entity_extract, "extract_entities", spy)
    return calls


def _entry(folder: Path, documents: list[Document]) -> tuple[str, Path]:
    key = index_module._cache_key(documents, Settings())
    return key, folder / f"{index_module.CACHE_NAME}-{key}.pickle"


@pytest.mark.parametrize("form", ["old format", "bare", "forged header"])
def test_a_planted_pickle_is_not_run_and_the_index_rebuilds(
    bundled: list[Document], cache_dir: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, form: str,
) -> None:
    marker = tmp_path / "pwned"
    cache_dir.mkdir(mode=0o700)
    key, path = _entry(cache_dir, bundled)
    evil = pickle.dumps(Plant(marker))
    if form == "old format":  # the layout every earlier version wrote
        data = pickle.dumps((key, None)) + evil
    elif form == "bare":
        data = evil
    else:  # a header of the right shape, with a signature made up
        data = cache.MAGIC + b"\0" * 32 + pickle.dumps((key, None)) + evil
    path.write_bytes(data)
    path.chmod(0o600)
    calls = _calls(monkeypatch)
    index = CorpusIndex.build(bundled, Settings())
    assert not marker.exists()
    assert calls == ["extract_entities"]  # rebuilt
    assert index.quotes
    # and what replaced the planted file reads back
    CorpusIndex.build(bundled, Settings())
    assert calls == ["extract_entities"]


def test_even_a_correctly_signed_pickle_cannot_make_other_classes(
    cache_dir: Path, tmp_path: Path
) -> None:
    # (as if the secret had leaked: the unpickler itself refuses what an index never holds)
    marker = tmp_path / "pwned"
    assert cache.store("thing", "k", {"a": 1}) is not None
    path = cache_dir / "thing-k.pickle"
    payload = pickle.dumps(("k", None)) + pickle.dumps(Plant(marker))
    secret = (cache_dir / cache.SECRET_NAME).read_bytes()
    path.write_bytes(cache.framed(secret, "thing", "k", payload))
    assert cache.load("thing", "k") is None
    assert not marker.exists()


def test_what_an_index_holds_reads_back(cache_dir: Path) -> None:
    from array import array

    value = {"a": array("I", [1, 2, 3]), "b": [b"x", bytearray(b"y"), (1.5, None, True)],
             "c": {"s": {1, 2}, "f": frozenset({"z"})}, "d": "é" * 10}
    assert cache.store("thing", "k", value) is not None
    assert cache.load("thing", "k") == value


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_the_cache_folder_is_private(cache_dir: Path) -> None:
    assert cache.store("thing", "k", [1]) is not None
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    (entry,) = cache_dir.glob("thing-*.pickle")
    assert stat.S_IMODE(entry.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE((cache_dir / cache.SECRET_NAME).stat().st_mode) == 0o600


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_an_own_folder_that_others_may_write_is_made_private(cache_dir: Path) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(0o777)
    assert cache.store("thing", "k", [1]) is not None
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert cache.load("thing", "k") == [1]


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_an_entry_others_may_write_is_not_read(cache_dir: Path) -> None:
    path = cache.store("thing", "k", [1])
    assert path is not None
    path.chmod(0o666)
    assert cache.load("thing", "k") is None
    assert any("thing-k.pickle" in w for w in cache.warnings())


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_link_in_place_of_an_entry_is_not_followed(cache_dir: Path, tmp_path: Path) -> None:
    assert cache.store("thing", "k", [1]) is not None
    target = tmp_path / "elsewhere.pickle"
    (cache_dir / "thing-k.pickle").rename(target)
    (cache_dir / "thing-k.pickle").symlink_to(target)
    assert cache.load("thing", "k") is None


@pytest.mark.skipif(not ROOT, reason="needs root to give files to another user")
def test_a_folder_of_another_user_is_not_used(cache_dir: Path) -> None:
    # e.g. NEWSDESK_CACHE_DIR=/tmp/newsdesk-cache, made first by someone else
    cache_dir.mkdir(mode=0o755)
    os.chown(cache_dir, OTHER_UID, OTHER_UID)
    assert cache.store("thing", "k", [1]) is None
    assert list(cache_dir.iterdir()) == []
    assert cache.load("thing", "k") is None
    assert any(str(cache_dir) in w and "not yours" in w for w in cache.warnings())


@pytest.mark.skipif(not ROOT, reason="needs root to give files to another user")
def test_an_entry_of_another_user_is_not_read(cache_dir: Path) -> None:
    path = cache.store("thing", "k", [1])
    assert path is not None
    os.chown(path, OTHER_UID, OTHER_UID)
    assert cache.load("thing", "k") is None
    assert any("thing-k.pickle" in w and "not yours" in w for w in cache.warnings())


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_a_secret_others_can_read_is_replaced(cache_dir: Path) -> None:
    assert cache.store("thing", "k", [1]) is not None
    secret = cache_dir / cache.SECRET_NAME
    secret.chmod(0o644)  # anyone could have read it: entries signed with it are not trusted
    assert cache.load("thing", "k") is None
    assert cache.store("thing", "k", [2]) is not None
    assert cache.load("thing", "k") == [2]
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600


# --- frames: each checked before a byte of it is unpickled, the file read once ---------


def _frames(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each frame of an entry's bytes, its head and signature included."""
    found, at = [], cache._FIRST_FRAME
    while at < len(data):
        length, _last = frames_module._HEAD.unpack_from(data, at)
        end = at + frames_module._HEAD.size + frames_module._SIGNATURE + length
        found.append((at, end))
        at = end
    return found


@pytest.fixture
def small_frames(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frames_module, "_FRAME", 256)


VALUE = {"a": list(range(300)), "b": "é" * 500, "c": b"\x00" * 700}


def test_a_value_of_many_frames_reads_back(cache_dir: Path, small_frames: None) -> None:
    path = cache.store("thing", "k", VALUE)
    assert path is not None
    assert len(_frames(path.read_bytes())) > 5
    assert cache.load("thing", "k") == VALUE


@pytest.mark.parametrize("damage", ["byte", "swap", "drop", "tail", "cut at a frame"])
def test_any_frame_out_of_place_is_a_miss(
    cache_dir: Path, small_frames: None, damage: str
) -> None:
    path = cache.store("thing", "k", VALUE)
    assert path is not None
    data = path.read_bytes()
    frames = _frames(data)
    (s1, e1), (s2, e2) = frames[2], frames[3]
    if damage == "byte":  # one byte of a frame's payload changed
        data = data[: e1 - 1] + bytes([data[e1 - 1] ^ 1]) + data[e1:]
    elif damage == "swap":  # two frames, each signed, in each other's place
        data = data[:s1] + data[s2:e2] + data[s1:e1] + data[e2:]
    elif damage == "drop":
        data = data[:s1] + data[e1:]
    elif damage == "tail":  # bytes after the last frame
        data += data[s1:e1]
    else:
        data = data[:e1]
    path.write_bytes(data)
    assert cache.load("thing", "k") is None


def test_a_frame_signed_for_another_entry_is_a_miss(cache_dir: Path) -> None:
    path = cache.store("thing", "k1", [1])
    assert path is not None
    (cache_dir / "thing-k2.pickle").write_bytes(path.read_bytes())
    (cache_dir / "thing-k2.pickle").chmod(0o600)
    assert cache.load("thing", "k2") is None
    assert cache.load("thing", "k1") == [1]


def test_a_planted_frame_after_good_ones_is_not_run(
    cache_dir: Path, tmp_path: Path, small_frames: None
) -> None:
    # the first frames are the user's own and check out; the one with the pickle that
    # would run code does not, and is never unpickled, though the ones before it were
    marker = tmp_path / "pwned"
    assert cache.store("thing", "k", [1]) is not None
    secret = (cache_dir / cache.SECRET_NAME).read_bytes()
    good = pickle.dumps(("k", None)) + pickle.dumps(list(range(200)))
    signed = cache.framed(secret, "thing", "k", good)
    frames = _frames(signed)
    evil = pickle.dumps(Plant(marker))
    head = frames_module._HEAD.pack(len(evil), True)
    planted = signed[: frames[-1][0]] + head + b"\0" * frames_module._SIGNATURE + evil
    (cache_dir / "thing-k.pickle").write_bytes(planted)
    assert cache.load("thing", "k") is None
    assert not marker.exists()


def test_an_entry_is_read_once_and_its_checking_thread_ends(
    cache_dir: Path, small_frames: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    path = cache.store("thing", "k", VALUE)
    assert path is not None
    read: list[int] = []
    real = frames_module._read

    def counting(handle, into):
        got = real(handle, into)
        read.append(len(got))
        return got

    # (the entry's head is read in cache.py, its frames in frames.py)
    monkeypatch.setattr(cache, "_read", counting)
    monkeypatch.setattr(frames_module, "_read", counting)
    before = threading.active_count()
    assert cache.load("thing", "k") == VALUE
    assert sum(read) == path.stat().st_size
    # a miss part of the way through stops the thread too
    data = path.read_bytes()
    frames = _frames(data)
    path.write_bytes(data[: frames[3][1] - 1] + b"!" + data[frames[3][1]:])
    assert cache.load("thing", "k") is None
    assert threading.active_count() == before


def test_a_small_entry_is_read_through_a_buffer_no_larger_than_itself(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = cache.store("thing", "k", VALUE)
    assert path is not None
    sizes: list[int] = []
    real = frames_module._CheckedFrames._take

    def take(self, wanted):
        buffer = real(self, wanted)
        sizes.append(len(buffer))
        return buffer

    monkeypatch.setattr(frames_module._CheckedFrames, "_take", take)
    assert cache.load("thing", "k") == VALUE
    assert sizes and max(sizes) <= path.stat().st_size


# --- blobs: written apart from the pickles, mapped when read back, checked all the same --


def _blob_value() -> dict[str, object]:
    return {"a": [1, 2], "t": blobs.Blob([b"first ", "é".encode()]),
            "s": {"stream": blobs.Blob([bytearray(b"xyz" * 3000)]), "n": 3},
            "e": blobs.Blob([])}


def _blob_entry(cache_dir: Path) -> tuple[Path, list[tuple[int, int, bytes]]]:
    path = cache.store("thing", "k", _blob_value())
    assert path is not None
    data = path.read_bytes()
    (frames_at,) = cache._AT.unpack_from(data, len(cache.MAGIC))
    assert frames_at > cache._FIRST_FRAME
    secret = (cache_dir / cache.SECRET_NAME).read_bytes()
    # (the table is the first pickle, in the first frame)
    head = data[frames_at : frames_at + frames_module._FRAMED]
    length, _last = frames_module._HEAD.unpack_from(head)
    first = pickle.loads(
        data[frames_at + frames_module._FRAMED : frames_at + frames_module._FRAMED + length])
    assert first[0] == "k" and secret
    return path, first[2]


def test_blobs_read_back_as_maps_of_the_entry(cache_dir: Path) -> None:
    import mmap

    path, table = _blob_entry(cache_dir)
    assert [size for _at, size, _mac in table] == [8, 9000, 0]
    assert all(at % blobs.PAGE == 0 for at, _size, _mac in table)
    value = cache.load("thing", "k")
    assert value is not None
    assert isinstance(value["t"], mmap.mmap) and isinstance(value["s"]["stream"], mmap.mmap)
    assert value["t"][:] == "first é".encode()
    assert value["s"]["stream"][:] == b"xyz" * 3000 and value["s"]["n"] == 3
    assert value["e"] == b"" and value["a"] == [1, 2]
    # a map reads as bytes do where the search reads its token stream
    stream = value["s"]["stream"]
    assert stream.find(b"zx", 1) == 2 and stream.rfind(b"xyz") == 8997
    assert stream[3:9].count(b"x") == 2


@pytest.mark.parametrize("damage", ["byte", "swap", "cut", "table"])
def test_a_damaged_blob_is_a_miss(cache_dir: Path, damage: str) -> None:
    import threading

    path, table = _blob_entry(cache_dir)
    data = bytearray(path.read_bytes())
    (at1, size1, _), (at2, _size2, _) = table[0], table[1]
    if damage == "byte":  # one byte of the stream changed
        data[at2 + 100] ^= 1
    elif damage == "swap":  # the first blob's bytes in the place of the second's
        data[at2 : at2 + size1] = data[at1 : at1 + size1]
    elif damage == "cut":  # the file ends in the middle of a blob
        data = data[: at2 + 10]
    else:  # the frames' start pointed into a blob: nothing there is signed
        data[len(cache.MAGIC) : cache._FIRST_FRAME] = cache._AT.pack(at2)
    path.write_bytes(bytes(data))
    before = threading.active_count()
    assert cache.load("thing", "k") is None
    assert threading.active_count() == before


def test_the_blobs_of_another_entry_are_a_miss(cache_dir: Path) -> None:
    path, _table = _blob_entry(cache_dir)
    value = _blob_value()
    value["s"] = {"stream": blobs.Blob([bytearray(b"abc" * 3000)]), "n": 3}
    other = cache.store("thing", "k2", value)
    assert other is not None
    # k2's frames, which sign k2's blobs, with k's blobs of the same sizes in their place
    data, theirs = path.read_bytes(), other.read_bytes()
    (frames_at,) = cache._AT.unpack_from(theirs, len(cache.MAGIC))
    assert data[:frames_at] != theirs[:frames_at]
    other.write_bytes(theirs[:cache._FIRST_FRAME] + data[cache._FIRST_FRAME:frames_at]
                      + theirs[frames_at:])
    assert cache.load("thing", "k2") is None
    assert cache.load("thing", "k") is not None
