"""Markdown export: the format (golden files), front matter, atomic and safe writes."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml

from tui.cli import main
from tui.corpus import load_corpus, make_document
from tui.export import ExportError, default_export_path, render_markdown, write_atomic
from tui.quotes import Quote, extract_quotes

from .quote_quality import ROOT

GOLDEN = Path(__file__).resolve().parent / "golden"
NOW = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def _corpus():
    docs = load_corpus(ROOT / "corpus").documents
    return extract_quotes(docs), {d.id: d for d in docs}


def _sample() -> tuple[list[Quote], dict]:
    """Quotations made by hand, so the golden files fix the format and nothing else."""
    herald = make_document(
        "herald", "herald.md", "x" * 400,
        {"outlet": "Coastal Herald", "date": "2025-03-14",
         "url": "https://example.org/herald/dock-strike"},
    )
    daily = make_document("daily", "daily.md", "x" * 400, {"outlet": "Science Desk Daily"})
    bare = make_document("bare", "bare.md", "A page without front matter\n\n" + "x" * 400, {})
    rows = [
        ("herald", "We have been patient for two years", "Maria Okonkwo", "full", "c1"),
        ("daily", "We need larger studies before anyone talks about eradication.",
         "Amara Diallo", "full", None),
        ("herald", "If this lasts, we will rethink.\n\n\"Our customers need certainty.",
         "Lars Henriksen", "full", None),
        ("bare", "We have been patient for two whole years", "Maria Okonkwo", "full", "c1"),
        ("daily", "at cost", "Helix Biologics", "partial", None),
        ("herald", "Fair Pay Now", None, "partial", None),
    ]
    quotes = [
        Quote(f"q{i:03d}", src, i * 10, i * 10 + len(text), text, who, kind, cluster, "body")
        for i, (src, text, who, kind, cluster) in enumerate(rows)
    ]
    return quotes, {d.id: d for d in (herald, daily, bare)}


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
        "outlet": "The Gazette", "date": "2025-05-01", "url": "https://example.org/a"})
    (q,) = extract_quotes([d])
    text = render_markdown([q], {"s": d}, now=NOW)
    assert (
        "> We will respond\n\n— Ana Ruiz, *The Gazette*, 2025-05-01, "
        f"[source](https://example.org/a) ^{q.id}\n"
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


def test_default_export_path_is_timestamped(tmp_path):
    assert default_export_path(tmp_path, NOW) == tmp_path / "newsdesk-quotes-20250102-030405.md"


def test_cli_export_all_writes_well_formed_markdown(tmp_path, capsys):
    out = tmp_path / "out.md"
    assert main(["export", "--corpus", str(ROOT / "corpus"), "--all", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["query"] == "all"
    blockquotes = [line for line in text.splitlines() if line.startswith("> ")]
    attributions = [line for line in text.splitlines() if line.startswith("— ")]
    assert len(attributions) == front["quotes"] == len(blockquotes) > 40
    assert "Kim You-geun, *Japan Today/AP*, 2019-08-22" in text
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


def test_cli_export_unwritable_path_is_a_clear_error(tmp_path, capsys):
    args = ["export", "--corpus", str(ROOT / "corpus"), "--all"]
    assert main([*args, "-o", str(tmp_path / "nowhere" / "x.md")]) == 2
    assert "does not exist" in capsys.readouterr().err


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
