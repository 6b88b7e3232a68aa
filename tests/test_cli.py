from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

from .conftest import CORPUS, ROOT


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The CLI as a user runs it: a separate process, its streams and exit status."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_sources_json_lists_the_bundled_corpus():
    proc = run("sources", "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "newsdesk: 5 loaded, none skipped\n"  # every file accounted for
    sources = json.loads(proc.stdout)
    assert [s["outlet"] for s in sources] == [
        "Business Insider",
        "BusinessLine/Bloomberg",
        "Japan Today/AP",
        "Unnamed news site",
        "Vox Messenger blog (repost)",
    ]
    for s in sources:
        assert set(s) >= {"id", "title", "outlet", "date", "url", "path", "chars", "sections"}
        assert s["date"] == "2019-08-22" and s["title"]
        assert s["sections"][0]["start"] == 0 and s["sections"][-1]["end"] == s["chars"]
        assert {sec["kind"] for sec in s["sections"]} <= {"body", "comments", "boilerplate"}


def test_sources_table(capsys):
    assert main(["sources", "--corpus", str(CORPUS)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 5 and out[2].startswith("002-japan-today-ap")


def test_bad_files_warn_on_stderr_and_exit_zero(tmp_path):
    (tmp_path / "good.md").write_text("---\ntitle: Good\n---\nText.\n")
    (tmp_path / "bin.md").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.md").write_text("---\ntitle: : :\n  - x\n---\nStill here.\n")
    proc = run("sources", "--json", "--corpus", str(tmp_path))
    assert proc.returncode == 0
    assert [s["title"] for s in json.loads(proc.stdout)] == ["Still here.", "Good"]
    *lines, summary = proc.stderr.splitlines()
    assert len(lines) == 3
    assert all(line.startswith("newsdesk: warning: ") for line in lines)
    assert summary == ("newsdesk: 2 loaded, 2 skipped: 1 binary, 1 empty "
                       "— newsdesk sources --skipped lists them")
    assert "Traceback" not in proc.stderr


def test_missing_corpus_is_a_clear_error(tmp_path):
    for args in (
        ["sources", "--corpus", str(tmp_path / "nope")],
        ["--corpus", str(tmp_path / "x")],
    ):
        proc = run(*args)
        assert proc.returncode == 2
        assert proc.stderr.startswith("newsdesk: error: corpus directory not found")
        assert "Traceback" not in proc.stderr


def test_broken_config_gives_file_and_line(tmp_path):
    bad = tmp_path / "config.yaml"
    bad.write_text("corpus: corpus\ntheme: [unclosed\n")
    proc = run("sources", "--config", str(bad))
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"newsdesk: error: {bad}:")
    assert "not valid YAML" in proc.stderr and "Traceback" not in proc.stderr
    wrong_type = tmp_path / "typed.yaml"
    wrong_type.write_text("corpus: corpus\nentities:\n  ignore: 3.5.6\n  aliases: [x]\n")
    proc = run("sources", "--config", str(wrong_type))
    assert proc.returncode == 2
    assert f"{wrong_type}:4: entities.aliases must be a mapping" in proc.stderr


def test_config_found_in_working_directory(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text("Only title\nBody.\n")
    (tmp_path / "config.yaml").write_text("corpus: articles\nmystery: 1\n")
    proc = run("sources", "--json", cwd=tmp_path)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)[0]["title"] == "Only title"
    assert proc.stderr.splitlines() == [
        f"newsdesk: warning: {Path('config.yaml')}:2: unknown key mystery",
        "newsdesk: 1 loaded, none skipped",
    ]


def test_global_options_before_the_command_are_kept(tmp_path):
    (tmp_path / "a.md").write_text("Only title\nBody.\n")
    proc = run("--corpus", str(tmp_path), "sources", "--json")
    assert proc.returncode == 0
    assert [s["title"] for s in json.loads(proc.stdout)] == ["Only title"]


def test_importing_the_main_module_starts_nothing(monkeypatch) -> None:
    # the forkserver of the two-process build imports `python -m tui`'s main module
    # under another name: that must not run the command line (a second dashboard)
    import runpy

    import tui.cli

    monkeypatch.setattr(tui.cli, "main", lambda: pytest.fail("main() ran"))
    runpy.run_module("tui.__main__", run_name="__mp_main__")


def test_index_builds_into_the_cache_that_the_next_start_reads(tmp_path, monkeypatch, capsys):
    from tui.build import cache

    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "cache"))
    assert main(["index", "--corpus", str(CORPUS), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"documents", "entities", "quotes", "seconds", "ran", "workers",
                           "scheduler", "cache"}
    assert report["documents"] == 5 and report["entities"] > 0 and report["quotes"] > 0
    assert report["ran"] == "one process"  # (five articles: a pool would cost more)
    assert report["scheduler"] is None and report["cache"] == str(tmp_path / "cache")
    assert main(["index", "--corpus", str(CORPUS)]) == 0
    line = capsys.readouterr().out
    assert line.startswith(f"5 documents: {report['entities']} entities, "
                           f"{report['quotes']} quotes in ")
    assert line.rstrip().endswith("read from the cache")


def test_index_refuses_an_address_that_is_no_scheduler(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["index", "--corpus", str(CORPUS), "--scheduler", "http://host:8786"])
    assert exit_.value.code == 2
    assert "is not a Dask scheduler's address" in capsys.readouterr().err


def test_a_command_under_python_m_runs_with_the_collector() -> None:
    # `python -m tui` pauses the collector for a dashboard's start; a command restarts it
    code = (
        "import gc, runpy, sys\n"
        f"sys.argv = ['newsdesk', '--corpus', {str(CORPUS)!r}, 'sources', '--json']\n"
        "try:\n"
        "    runpy.run_module('tui', run_name='__main__', alter_sys=True)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('collector on' if gc.isenabled() else 'collector off')\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert run.stdout.strip().splitlines()[-1] == "collector on"
