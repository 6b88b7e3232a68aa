"""Markdown export: the format (golden files), front matter, atomic and safe writes."""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from tui.cli import main
from tui.corpus.loader import load_corpus, make_document
from tui.export.files import (
    DIRECTORY_HINT,
    ExportError,
    default_export_path,
    unique_export_path,
    write_atomic,
    write_new,
)
from tui.export.render import render_markdown
from tui.quotes.browse import select
from tui.quotes.extract import extract_quotes
from tui.quotes.model import Quote

from . import export_sample
from .quote_quality import ROOT

GOLDEN = Path(__file__).resolve().parent / "golden"
NOW = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def _corpus():
    docs = load_corpus(ROOT / "corpus").documents
    return extract_quotes(docs), {d.id: d for d in docs}


def _sample() -> tuple[list[Quote], dict]:
    docs = export_sample.documents()
    return export_sample.quotes(docs), docs


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("group_by", [None, "speaker", "source"])
def test_golden_files(group_by):
    quotes, docs = _sample()
    text = render_markdown(quotes, docs, group_by=group_by, query="golden sample", now=NOW)
    _check_golden(f"export-{group_by or 'flat'}.md", text)


def test_front_matter_is_yaml_with_query_and_time():
    quotes, docs = _sample()
    text = render_markdown(quotes, docs, query='speaker: "Kim" --all', now=NOW)
    assert text.startswith("---\n")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["query"] == 'speaker: "Kim" --all'
    assert front["exported"] == "2025-01-02T03:04:05Z"
    assert front["quotes"] == len(quotes)


def test_each_quote_is_a_blockquote_followed_by_its_attribution():
    d = make_document("s", "s.md", '"We will respond," Ana Ruiz said.', {
        "title": "Ruiz answers", "outlet": "The Gazette", "date": "2025-05-01",
        "url": "https://example.org/a"})
    (q,) = extract_quotes([d])
    text = render_markdown([q], {"s": d}, now=NOW)
    assert (
        "> We will respond\n\n— Ana Ruiz, in “Ruiz answers”, *The Gazette*, 2025-05-01, "
        f"[source](https://example.org/a) [@thegazette2025ruiz] ^{q.id}\n"
    ) in text


def test_multi_paragraph_quote_stays_one_blockquote():
    d = make_document("s", "s.md", '"First part.\n\n"Second part," she said.', {})
    (q,) = extract_quotes([d])
    text = render_markdown([q], {"s": d}, now=NOW)
    assert "> First part.\n>\n> Second part\n" in text


def test_markdown_in_quotes_is_escaped():
    q = Quote("qx", "s", 0, 10, "# not a heading <b>", None, "full", None, "body")
    text = render_markdown([q], {}, now=NOW)
    assert "> \\# not a heading &lt;b>" in text


# CommonMark plus the GFM extensions note apps add, and YAML front matter as Obsidian reads it.
_MD = MarkdownIt("commonmark").use(front_matter_plugin).enable(["strikethrough", "table"])
_GAZETTE = make_document("g", "g.md", "x" * 40, {
    "outlet": "The Gazette", "date": "2025-05-01", "url": "https://example.org/a"})
# One quote renders as exactly these blocks: the quotation, then the attribution paragraph.
_ENTRY_BLOCKS = [
    "blockquote_open", "paragraph_open", "inline", "paragraph_close", "blockquote_close",
    "paragraph_open", "inline", "paragraph_close",
]
# ... and the attribution's only markup is the outlet's emphasis and the source link.
_ATTRIBUTION_MARKUP = ["em_open", "em_close", "link_open", "link_close"]


def _render_one(text: str, speaker: str | None) -> list:
    q = Quote("qx", "g", 0, len(text), text, speaker, "full", None, "body")
    tokens = _MD.parse(render_markdown([q], {"g": _GAZETTE}, now=NOW))
    assert tokens[0].type == "front_matter"
    return tokens[1:]


def _literal(inline) -> str:
    assert {c.type for c in inline.children} == {"text"}, inline.children
    return "".join(c.content for c in inline.children)


def _markup(inline) -> list[str]:
    return [c.type for c in inline.children if c.type != "text"]


TRICKY_LINES = [
    "1. We rebuild the port",
    "2) Then the second step",
    "2025. A year of change",
    ">no space after the marker",
    "> a nested quotation",
    "```python",
    "~~~ fenced",
    "# not a heading",
    "#hashtag",
    "- a bullet",
    "+ a bullet",
    "* a bullet",
    "---",
    "- - -",
    "***",
    "___",
    "a *starred* and _underlined_ and `coded` word",
    "a [link](https://example.org) and ![image](x.png) and [[wikilink]]",
    "<b>bold</b> <https://example.org> &amp; &#169;",
    "~~struck~~ and a back\\slash at the end \\",
    "[ref]: https://example.org",
    "| a | b |",
    "Ending with a closing run #",
]


@pytest.mark.parametrize("line", TRICKY_LINES)
def test_quote_text_renders_as_literal_text(line):
    blocks = _render_one(line, "Ana Ruiz")
    assert [t.type for t in blocks] == _ENTRY_BLOCKS
    assert _literal(blocks[2]) == line
    html = _MD.render(render_markdown(
        [Quote("qx", "g", 0, 1, line, "Ana Ruiz", "full", None, "body")], {"g": _GAZETTE}, now=NOW))
    for tag in ("<ol", "<ul", "<li", "<pre", "<code", "<h", "<hr", "<table", "<s>", "<del", "<img",
                "<strong", "<b>"):
        assert tag not in html
    assert html.count("<blockquote>") == 1
    assert html.count("<em>") == 1 and html.count("<a ") == 1  # the outlet, the source link


def test_ordered_list_marker_is_escaped_after_its_digits():
    q = Quote("qx", "g", 0, 1, "1. We rebuild", None, "full", None, "body")
    assert "> 1\\. We rebuild\n" in render_markdown([q], {}, now=NOW)


@pytest.mark.parametrize("speaker", [
    "Jane *Doe*", "C [x](y)", "Jane\nDoe", "1. First", "> Quoted", "# Hash", "<b>Bold</b>",
    "Snake_case_name", "`tick`",
])
def test_speaker_is_escaped_like_the_text(speaker):
    blocks = _render_one("We will respond", speaker)
    assert [t.type for t in blocks] == _ENTRY_BLOCKS
    attribution = blocks[6]
    assert _markup(attribution) == _ATTRIBUTION_MARKUP
    shown = " ".join(speaker.split())
    assert attribution.children[0].content == f"— {shown}, in “{_GAZETTE.title}”, "


@pytest.mark.parametrize("speaker", ["Jane *Doe*", "C [x](y)", "Jane\nDoe"])
def test_speaker_heading_matches_the_attribution(speaker):
    quotes = [Quote(f"q{i}", "g", 0, 1, "We will", who, "full", None, "body")
              for i, who in enumerate([speaker, " ".join(speaker.split())])]
    text = render_markdown(quotes, {"g": _GAZETTE}, group_by="speaker", now=NOW)
    tokens = _MD.parse(text)
    headings = [tokens[i + 1] for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert [_literal(h) for h in headings] == [" ".join(speaker.split())]  # one group
    attributions = [line for line in text.splitlines() if line.startswith("— ")]
    assert len(attributions) == 2 and attributions[0] == attributions[1].replace("q1", "q0")
    assert headings[0].content == attributions[0][2:].split(", ")[0]


def test_odd_metadata_stays_in_the_attribution_line():
    doc = make_document("m", "m.md", "x" * 40, {
        "outlet": "The *Star*\nEdition", "date": "2025 [draft]",
        "url": "https://example.org/a b (c)<d>"})
    q = Quote("qx", "m", 0, 1, "Fine", "Ana", "full", None, "body")
    tokens = _MD.parse(render_markdown([q], {"m": doc}, now=NOW))
    attribution = tokens[-2]
    assert _markup(attribution) == _ATTRIBUTION_MARKUP
    assert attribution.children[2].content == "The *Star* Edition"
    assert attribution.children[4].content == ", 2025 [draft], "
    assert attribution.children[5].attrs["href"] == "https://example.org/a%20b%20%28c%29%3Cd%3E"


_MARKDOWN_CHARS = st.text(
    alphabet=st.sampled_from(list("#>-+*_`~[]()<>&;!:|=\\1. \taZ")), max_size=24)


@given(st.lists(_MARKDOWN_CHARS, min_size=1, max_size=3), _MARKDOWN_CHARS)
def test_any_text_and_speaker_render_literally(paragraphs, speaker):
    kept = [p.strip() for p in paragraphs if p.strip()]
    blocks = _render_one("\n\n".join(paragraphs), speaker)
    quoted = [t for t in blocks[1:blocks.index(next(
        t for t in blocks if t.type == "blockquote_close"))] if t.type == "inline"]
    assert [_literal(t) for t in quoted] == kept
    attribution = blocks[-2]
    assert _markup(attribution) == _ATTRIBUTION_MARKUP
    who = " ".join(speaker.split()) or "Unattributed"
    assert attribution.children[0].content == f"— {who}, in “{_GAZETTE.title}”, "


def test_no_quotes_still_gives_front_matter():
    text = render_markdown([], {}, query="nothing", now=NOW)
    assert yaml.safe_load(text.split("---\n")[1])["quotes"] == 0


def test_write_atomic_never_overwrites_without_force(tmp_path):
    target = tmp_path / "out.md"
    write_atomic(target, "one")
    with pytest.raises(ExportError, match="already exists"):
        write_atomic(target, "two")
    assert target.read_text() == "one"
    write_atomic(target, "three", force=True)
    assert target.read_text() == "three"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]  # no temp files left


def test_write_atomic_clear_errors(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "out.md", "x")
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(ExportError, match="not a directory"):
        write_atomic(blocker / "out.md", "x")
    with pytest.raises(ExportError, match="is a directory"):
        write_atomic(tmp_path, "x")


def test_write_atomic_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "notes" / "quotes.md"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    with pytest.raises(ExportError, match="already exists"):
        write_atomic(link, "new")
    assert write_atomic(link, "new", force=True) == link
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == "new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["quotes.md"]


def test_write_atomic_through_a_dangling_symlink_creates_the_target(tmp_path):
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "made.md")
    write_atomic(link, "text")
    assert link.is_symlink() and (tmp_path / "made.md").read_text() == "text"


def test_write_atomic_writes_a_pipe_in_place_without_force(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so the writer's open returns
    try:
        assert write_atomic(fifo, "through the pipe\n") == fifo
        assert os.read(reader, 1024) == b"through the pipe\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    write_atomic(Path(os.devnull), "discarded")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_write_atomic_to_dev_stdout_writes_in_place(capfd):
    # here fd 1 is redirected to a regular file, as by `newsdesk export -o /dev/stdout > f`
    write_atomic(Path("/dev/stdout"), "one\n")
    write_atomic(Path("/dev/stdout"), "two\n")
    assert capfd.readouterr().out == "one\ntwo\n"


def test_write_atomic_replaces_lone_surrogates(tmp_path):
    target = tmp_path / "out.md"
    write_atomic(target, "caf\udce9 \ud800ok")
    assert target.read_text(encoding="utf-8") == "caf\ufffd \ufffdok"


def test_write_atomic_errors_are_one_line_export_errors(tmp_path):
    with pytest.raises(ExportError, match="does not exist") as missing:
        write_atomic(tmp_path / "two\nlines" / "out.md", "x")
    assert "\n" not in str(missing.value)
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    with pytest.raises(ExportError, match="already exists"):
        write_atomic(loop, "x")
    with pytest.raises(ExportError, match="cannot write"):
        write_atomic(tmp_path / "nul\0byte.md", "x")


def test_unique_export_path_counts_up_while_the_name_is_taken(tmp_path):
    first = unique_export_path(tmp_path, NOW)
    assert first == default_export_path(tmp_path, NOW)
    write_atomic(first, "one")
    second = unique_export_path(tmp_path, NOW)
    assert second.name == "newsdesk-quotes-20250102-030405-2.md"
    second.symlink_to(tmp_path / "elsewhere")  # a dangling link takes a name too
    assert unique_export_path(tmp_path, NOW).name == "newsdesk-quotes-20250102-030405-3.md"


def test_default_export_path_is_timestamped(tmp_path):
    assert default_export_path(tmp_path, NOW) == tmp_path / "newsdesk-quotes-20250102-030405.md"


def test_cli_export_all_writes_well_formed_markdown(tmp_path, capsys):
    out = tmp_path / "out.md"
    assert main(["export", "--corpus", str(ROOT / "corpus"), "--all", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["facets"] == {"picked": "all"}
    blockquotes = [line for line in text.splitlines() if line.startswith("> ")]
    attributions = [line for line in text.splitlines() if line.startswith("— ")]
    assert len(attributions) == front["quotes"] == len(blockquotes) > 40
    assert ("Kim You-geun, the deputy director of South Korea's presidential national security "
            "office, in “South Korea to terminate intelligence-sharing deal with Japan”, "
            "*Japan Today/AP*, 2019-08-22") in text
    assert main(["export", "--corpus", str(ROOT / "corpus"), "--all", "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_cli_export_to_stdout_by_quote_id(capsys):
    quotes, _ = _corpus()
    ids = [quotes[0].id, quotes[3].id]
    args = ["export", "--corpus", str(ROOT / "corpus")]
    assert main([*args, "--quote", ids[0], "--quote", ids[1]]) == 0
    out = capsys.readouterr().out
    assert out.index(ids[0]) < out.index(ids[1])
    assert main([*args, "--quote", "qnope"]) == 2
    assert "no quote with id" in capsys.readouterr().err


def test_select_by_id_gives_each_quote_once_in_first_given_order():
    quotes, _ = _sample()
    a, b, c = quotes[2].id, quotes[0].id, quotes[4].id
    picked = select({q.id: q for q in quotes}, [a, a, b, "qnope", a, c, b])
    assert [q.id for q in picked] == [a, b, c]


def test_cli_export_repeated_quote_id_exports_it_once(capsys):
    quotes, _ = _corpus()
    ids = [quotes[1].id, quotes[0].id, quotes[1].id]
    assert main(["export", "--corpus", str(ROOT / "corpus"), *(f"--quote={i}" for i in ids)]) == 0
    out = capsys.readouterr().out
    assert yaml.safe_load(out.split("---\n")[1])["quotes"] == 2
    assert out.count(f"^{ids[0]}\n") == 1
    assert out.index(f"^{ids[0]}\n") < out.index(f"^{ids[1]}\n")


def test_cli_export_unwritable_path_is_a_clear_error(tmp_path, capsys):
    args = ["export", "--corpus", str(ROOT / "corpus"), "--all"]
    assert main([*args, "-o", str(tmp_path / "nowhere" / "x.md")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_cli_export_to_dev_stdout(capfd):
    args = ["export", "--corpus", str(ROOT / "corpus"), "--all", "-o", "/dev/stdout"]
    assert main(args) == 0
    captured = capfd.readouterr()
    assert captured.out.startswith("---\ntitle: Newsdesk quotes\n")
    assert "wrote" in captured.err


def test_cli_quotes_json_and_filters(capsys):
    import json

    args = ["quotes", "--corpus", str(ROOT / "corpus"), "--json"]
    assert main(args) == 0
    body = json.loads(capsys.readouterr().out)
    assert all(q["section"] == "body" for q in body)
    kim = [q for q in body if q["speaker"] == "Kim You-geun" and q["kind"] == "full"]
    assert len({q["source"] for q in kim}) == 4 and len({q["cluster"] for q in kim}) == 1
    assert main([*args, "--all-sections"]) == 0
    assert any(q["section"] == "comments" for q in json.loads(capsys.readouterr().out))
    assert main([*args, "--speaker", "kono", "--source", "003-unnamed-news-site"]) == 0
    kono = json.loads(capsys.readouterr().out)
    assert kono and {(q["speaker"], q["source"]) for q in kono} == {
        ("Taro Kono", "003-unnamed-news-site")
    }


# --- hostile input: racing writers, long names, unusable directories ---------------------


def test_cli_export_into_a_directory_takes_the_next_name_when_a_racer_claims_it(
    tmp_path, monkeypatch, capsys
):
    """Another `newsdesk export -o DIR` takes the name between this one's choice of it and
    its write: this one counts on to -2 instead of failing with "already exists"."""
    real_mkstemp = tempfile.mkstemp

    def racing_mkstemp(*args, **kwargs):
        # the temporary file is named after the export: the racer writes that name first
        claimed = Path(kwargs["dir"]) / kwargs["prefix"][1:-1]
        if not claimed.exists():
            claimed.write_text("the other export", encoding="utf-8")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", racing_mkstemp)
    args = ["export", "--corpus", str(ROOT / "corpus"), "--all", "-o", str(tmp_path)]
    assert main(args) == 0
    written = sorted(tmp_path.glob("newsdesk-quotes-*.md"))
    assert len(written) == 2
    ours = [p for p in written if p.read_text(encoding="utf-8").startswith("---\n")]
    assert len(ours) == 1 and ours[0].stem.endswith("-2")
    assert str(ours[0]) in capsys.readouterr().err
    assert not list(tmp_path.glob(".*.tmp"))


def test_writers_racing_for_one_name_all_win_a_name_of_their_own(tmp_path):
    writers = 8
    barrier = threading.Barrier(writers)
    results: list[Path] = []
    errors: list[Exception] = []

    def export(n: int) -> None:
        barrier.wait()
        try:
            results.append(write_new(tmp_path, f"export {n}\n", NOW))
        except Exception as exc:  # collected, so a failure names itself
            errors.append(exc)

    threads = [threading.Thread(target=export, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    base = default_export_path(tmp_path, NOW)
    expected = {base} | {base.with_name(f"{base.stem}-{n}.md") for n in range(2, writers + 1)}
    assert set(results) == expected
    assert sorted(p.read_text() for p in results) == sorted(f"export {n}\n" for n in range(8))
    assert sorted(tmp_path.iterdir()) == sorted(expected)  # no temporary files left


def test_cli_export_with_a_file_name_too_long_is_one_clear_line(tmp_path, capsys):
    args = ["export", "--corpus", str(ROOT / "corpus"), "--all"]
    assert main([*args, "-o", str(tmp_path / ("x" * 300 + ".md"))]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsdesk: error: cannot write ") and err.count("\n") == 1
    assert "too long" in err and "internal error" not in err and "Errno" not in err


@pytest.mark.parametrize("where", ["a-file/exports/", "missing/exports/", "/proc/newsdesk-x/"])
def test_cli_export_to_an_unusable_directory_names_it_and_the_reason(tmp_path, capsys, where):
    if where.startswith("/proc") and not Path("/proc/self").exists():
        pytest.skip("needs /proc")
    (tmp_path / "a-file").write_text("not a directory")
    target = where if where.startswith("/") else f"{tmp_path}/{where}"
    args = ["export", "--corpus", str(ROOT / "corpus"), "--all", "-o", target]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"export directory {target.rstrip('/')}: " in err
    assert "does not exist" in err and "Errno" not in err


def test_write_new_names_an_unusable_directory_and_the_reason(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(ExportError) as err:
        write_new(blocker / "exports", "x", create=True)
    assert str(err.value) == (
        f"cannot create the export directory {blocker / 'exports'}: Not a directory; "
        f"{DIRECTORY_HINT}")
    with pytest.raises(ExportError, match="it is not a directory"):
        write_new(blocker, "x", create=True)
    with pytest.raises(ExportError, match=r"exports: it does not exist; choose a directory"):
        write_new(tmp_path / "exports", "x")
    assert write_new(tmp_path / "made" / "here", "x", NOW, create=True).read_text() == "x"


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc")
def test_cli_export_into_a_directory_that_refuses_files_says_so(capsys):
    args = ["export", "--corpus", str(ROOT / "corpus"), "--all", "-o", "/proc/newsdesk-x.md"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err == ("newsdesk: error: cannot write /proc/newsdesk-x.md: cannot create a file "
                   f"in /proc (No such file or directory); {DIRECTORY_HINT}\n")
