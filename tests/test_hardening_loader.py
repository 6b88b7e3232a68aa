"""Hostile files on disk: none may crash the loader, hang it, run code or move an id.

Every file that is skipped is named, with its reason, in the warnings.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.build.corpus_index import CorpusIndex
from tui.config import Settings
from tui.corpus import loader
from tui.corpus.loader import load_corpus, load_file

from .conftest import CORPUS

DEVSET = CORPUS.parent.parent / "shared" / "devset" / "polnear-train" / "corpus"


def write(root: Path, name: str, data: bytes | str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def finishes(call: Callable[[], Any], seconds: float, unblock: Callable[[], None] | None = None):
    """``call()``'s value, or a failure if it is still running after ``seconds`` (a hang).
    ``unblock`` is then called so the stuck thread can end."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - reported below
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if unblock is not None:
            unblock()
        thread.join(5)
        pytest.fail(f"still running after {seconds} s")
    if "error" in box:
        raise box["error"]
    return box["value"]


# --- 3. ids -------------------------------------------------------------------------------


def test_an_added_file_cannot_take_an_existing_sources_id(tmp_path: Path) -> None:
    body = 'Taro Kono said: "We will respond firmly to this decision," on Friday.\n'
    write(tmp_path, "story.md", "---\ntitle: Story\n---\n" + body)
    before = load_corpus(tmp_path).documents
    (story,) = before
    assert story.id == "story"
    quotes_before = {q.id for q in CorpusIndex.build(before, Settings()).quotes}
    assert quotes_before

    write(tmp_path, "Story.txt", "Another story\n" + body)  # sorts before story.md
    after = load_corpus(tmp_path).documents
    by_path = {d.path: d for d in after}
    assert by_path["story.md"].id == "story"
    assert by_path["Story.txt"].id == "story-txt"
    quotes_after = {
        q.id for q in CorpusIndex.build(after, Settings()).quotes if q.source == "story"
    }
    assert quotes_after == quotes_before  # saved selections and block ids still resolve


def test_ids_come_from_the_files_own_path() -> None:
    file_id = loader.file_id
    assert file_id("000-business-insider.md") == "000-business-insider"
    assert file_id("nyt_2016-04-20_campaigns-are-long-.md") == "nyt-2016-04-20-campaigns-are-long"
    assert file_id("Story.txt") == "story-txt"
    assert file_id("story.txt") == "story"
    assert file_id("nyt/story.md") == "nyt-story"
    assert file_id("Café Notes.MD") == "caf-notes-md"


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    names=st.lists(
        st.builds(
            lambda stem, ext: stem + ext,
            st.text("abAB_- .1", min_size=1, max_size=6).filter(lambda s: not s.startswith(".")),
            st.sampled_from([".md", ".txt", ".MD", ".markdown"]),
        ),
        min_size=1,
        max_size=6,
        unique_by=str.lower,  # (the test may run on a case-insensitive file system)
    ),
    extra=st.sampled_from(["a.md", "A.md", "a_.txt", "B.txt", "a-b.md", "zz.md"]),
)
def test_ids_are_unique_and_a_canonical_name_keeps_its_id(
    tmp_path_factory: pytest.TempPathFactory, names: list[str], extra: str
) -> None:
    root = tmp_path_factory.mktemp("ids")
    for i, name in enumerate(names):
        write(root, name, f"Article {i}\nBody of article {i}.\n")
    before = {d.path: d.id for d in load_corpus(root).documents}
    if extra.lower() in {n.lower() for n in names}:
        return
    write(root, extra, "Added later\nIts own body.\n")
    after = {d.path: d.id for d in load_corpus(root).documents}
    assert len(set(after.values())) == len(after)
    for path, doc_id in before.items():
        if path == f"{doc_id}.md":  # the canonical spelling of an id is never taken over
            assert after[path] == doc_id


@pytest.mark.parametrize("corpus", [CORPUS, DEVSET], ids=["bundled", "devset"])
def test_ordinary_ids_are_the_slug_of_the_file_name(corpus: Path) -> None:
    if not corpus.is_dir():
        pytest.skip("devset not beside the repo")
    import re

    docs = load_corpus(corpus).documents
    for doc in docs:  # what every earlier version gave these files
        stem = Path(doc.path).stem
        assert doc.id == (re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "doc")


# --- 4. crashes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["2019-13-45", "2019-02-29", "0000-00-00", "2019-08-22T25:61:00Z", '"x"\nday: 2019-13-45'],
)
def test_an_impossible_date_is_dropped_with_a_warning(tmp_path: Path, value: str) -> None:
    write(tmp_path, "dated.md", f"---\ntitle: Dated\noutlet: Wire\ndate: {value}\n---\nBody.\n")
    write(tmp_path, "good.md", "---\ntitle: Good\n---\nFine.\n")
    result = load_corpus(tmp_path)
    docs = {d.path: d for d in result.documents}
    assert set(docs) == {"dated.md", "good.md"}
    dated = docs["dated.md"]
    assert dated.title == "Dated" and dated.outlet == "Wire"
    assert "2019-13-45" not in json.dumps(dated.meta) and "0000" not in json.dumps(dated.meta)
    (warning,) = result.warnings
    assert warning.startswith("dated.md: ") and "date" in warning and "\n" not in warning


def test_a_huge_integer_in_json_or_front_matter_is_not_fatal(tmp_path: Path) -> None:
    digits = "9" * 5000
    write(tmp_path, "big.json", '{"title": "Big", "text": "Body one.", "views": ' + digits + "}")
    write(
        tmp_path,
        "feed.jsonl",
        '{"title": "Fine", "text": "Body two."}\n{"title": "Huge", "text": "Body three.", '
        '"n": -' + digits + "}\n",
    )
    write(tmp_path, "fm.md", f"---\ntitle: Front\nviews: {digits}\n---\nBody four.\n")
    result = load_corpus(tmp_path)
    titles = {d.title for d in result.documents}
    # each record is kept (its number as text) or skipped with a warning naming it
    for title, where in (("Big", "big.json"), ("Huge", "feed.jsonl:2"), ("Front", "fm.md")):
        assert title in titles or any(w.startswith(where) for w in result.warnings), title
    assert "Fine" in titles
    assert all("\n" not in w for w in result.warnings)


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "---\ntitle: Laughs\n" + "\n".join(lines) + "\n---\nThe body survives.\n"


def test_yaml_aliases_in_front_matter_are_refused(tmp_path: Path) -> None:
    # (six levels: 9**6 strings, enough to show the expansion without taking minutes)
    write(tmp_path, "laughs.md", billion_laughs(6))
    result = finishes(lambda: load_corpus(tmp_path), 60)
    (doc,) = result.documents
    assert doc.text == "The body survives.\n"
    assert "a5" not in doc.meta
    (warning,) = result.warnings
    assert warning.startswith("laughs.md: ") and "alias" in warning


def test_the_full_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    path = write(tmp_path, "laughs.md", billion_laughs(9))
    assert len(path.read_bytes()) < 600
    warnings: list[str] = []
    (doc,) = finishes(lambda: load_file(path, "laughs.md", warnings.append), 60)
    assert any("alias" in w for w in warnings)


def test_an_anchor_without_aliases_is_harmless(tmp_path: Path) -> None:
    write(tmp_path, "anchor.md", "---\ntitle: &t Anchored\n---\nBody.\n")
    (doc,) = load_corpus(tmp_path).documents
    assert doc.title == "Anchored"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_place_of_a_file_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "swapped.md"
    os.mkfifo(fifo)  # as if the file were replaced by a FIFO between the walk and the read

    def unblock() -> None:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)

    warnings: list[str] = []
    docs = finishes(lambda: load_file(fifo, "swapped.md", warnings.append), 10, unblock)
    assert docs == []
    assert warnings == ["swapped.md: not a regular file; skipped"]
    # and found by the walk, it is named too
    write(tmp_path, "good.md", "Title\nBody.\n")
    result = finishes(lambda: load_corpus(tmp_path), 10, unblock)
    assert [d.path for d in result.documents] == ["good.md"]
    assert result.warnings == ["swapped.md: not a regular file; skipped"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_text(tmp_path: Path, codec: str) -> None:
    text = "Headline here\r\nCafé “quoted” text, said the minister.\r\n"
    write(tmp_path, "win.txt", text.encode(codec))
    result = load_corpus(tmp_path)
    (doc,) = result.documents
    assert doc.title == "Headline here" and "Café “quoted” text" in doc.text
    assert not any("binary" in w for w in result.warnings)


def test_a_binary_file_is_still_binary(tmp_path: Path) -> None:
    write(tmp_path, "image.md", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    write(tmp_path, "zeros.md", b"\x00" * 4096)
    result = load_corpus(tmp_path)
    assert result.documents == []
    assert sorted(result.warnings) == [
        "image.md: binary, not text; skipped",
        "zeros.md: binary, not text; skipped",
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_symlinked_folders_are_followed_and_loops_and_dangling_links_named(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    outside = tmp_path / "elsewhere"
    write(outside, "linked.md", "Linked article\nIts body.\n")
    write(corpus, "own.md", "Own article\nIts body.\n")
    (corpus / "sub").symlink_to(outside, target_is_directory=True)
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "gone.md").symlink_to(tmp_path / "missing.md")
    result = finishes(lambda: load_corpus(corpus), 20)
    assert sorted(d.path for d in result.documents) == ["own.md", "sub/linked.md"]
    assert sorted(result.warnings) == [
        "gone.md: broken link (its target is missing); skipped",
        "loop: links to a folder already read; skipped",
    ]


# --- 7. any bytes -----------------------------------------------------------------------------

_NAMES = st.sampled_from(
    ["a.md", "b.txt", "c.json", "d.jsonl", "e.markdown", "f.ndjson", "sub/g.md", "Story.txt"]
)
_FRONT = st.lists(
    st.sampled_from(
        ["title: x", "date: 2019-13-45", "date: 2019-08-22", "a: &x [1, 2]", "b: *x",
         "c: [[[[", "d: !!binary zz", "e: !!python/object:os.system", "f: 9" + "9" * 4400,
         'g: "\\ud800"', "h: {a: {b: {c: 1}}}", "- list", "i: 2019-08-22T25:61:00Z", "...",
         "---", "j: !!timestamp 2019-02-29", "k: .inf", "<<: *x"]
    ),
    max_size=6,
).map("\n".join)
_BODY = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.sampled_from([b"\x00" * 50, b"\xff\xfe", b"\xfe\xff", "é".encode("utf-16-le") * 40,
                     b"x" * 20_000, b'{"text": "' + b"9" * 5000 + b'"}', b'[{"text": 1e999}]',
                     b'{"text": "ok", "n": ' + b"1" * 4500 + b"}"]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    files=st.lists(
        st.tuples(_NAMES, _FRONT, _BODY, st.booleans()), min_size=1, max_size=4,
        unique_by=lambda f: f[0].lower(),
    )
)
def test_any_files_load_without_raising_and_every_skip_is_named(
    tmp_path_factory: pytest.TempPathFactory, files: list[tuple[str, str, bytes, bool]]
) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    for name, front, body, fenced in files:
        data = (f"---\n{front}\n---\n".encode("utf-8", "surrogatepass") if fenced else b"") + body
        write(root, name, data)
    result = load_corpus(root)
    assert all(isinstance(w, str) and "\n" not in w for w in result.warnings)
    assert len({d.id for d in result.documents}) == len(result.documents)
    loaded = {d.path for d in result.documents}
    for name, *_ in files:
        if name not in loaded:  # skipped: then a warning names it
            assert any(w.startswith(name) for w in result.warnings), (name, result.warnings)
    for doc in result.documents:
        json.dumps(doc.to_json(), ensure_ascii=False).encode("utf-8")
        json.dumps(doc.meta, ensure_ascii=False).encode("utf-8")


def test_the_size_limit_is_named_in_the_unit_the_config_uses(tmp_path: Path) -> None:
    """max_file_mb counts MiB: a file of 3 MiB against a limit of 2 says so, not "3 MB
    is over the 2 MB limit" in decimal units that disagree with the config."""
    (tmp_path / "big.md").write_text("x" * (3 << 20))
    result = load_corpus(tmp_path, max_bytes=2 << 20)
    assert result.documents == []
    assert any("3 MiB is over the 2 MiB limit" in w for w in result.warnings), result.warnings
