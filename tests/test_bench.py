from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tui.cli import main
from tui.corpus.loader import load_corpus

ROOT = Path(__file__).resolve().parent.parent


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive")
    generator().generate(out, 40, seed=3)
    return out


def test_generator_is_deterministic_and_loadable(archive: Path, tmp_path: Path) -> None:
    generator().generate(tmp_path, 40, seed=3)
    first = sorted(p.read_text() for p in archive.glob("*.md"))
    assert first == sorted(p.read_text() for p in tmp_path.glob("*.md"))
    result = load_corpus(archive)
    assert len(result.documents) == 40 and not result.warnings
    assert all(d.title and d.outlet and d.date for d in result.documents)


def test_bench_reports_its_shape(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_text("# keystrokes\nK\nKo\nKon\nKono\nKono \n\"South Ko\n!\n", encoding="utf-8")
    code = main(
        ["bench", "--corpus", str(archive), "--queries", str(queries), "--repeat", "2", "--json"]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) >= {
        "documents", "chars", "load_seconds", "build_seconds", "index_bytes_estimate",
        "p50_ms", "p95_ms", "max_ms", "peak_rss_mb", "queries",
    }
    assert report["documents"] == 40 and report["chars"] > 40 * 1000
    assert report["index_bytes_estimate"] > 0 and report["peak_rss_mb"] > 0
    assert 0 <= report["p50_ms"] <= report["p95_ms"] <= report["max_ms"]
    assert [q["query"] for q in report["queries"]] == [
        "K", "Ko", "Kon", "Kono", "Kono ", '"South Ko', "!",
    ]
    assert all(q["ms"] >= 0 and isinstance(q["hits"], int) for q in report["queries"])
    assert report["queries"][-1]["hits"] == 0 and report["queries"][-1]["quotes"] == 0
    # a keystroke is timed with the quote browser's filter, as the dashboard runs it
    kono = report["queries"][3]
    assert kono["hits"] > 0 and kono["quotes"] > 0
    assert 0 <= report["passages_p50_ms"] <= report["passages_p95_ms"]
    # the concordance of one word, filled as the open pane fills it, and typing with it open
    assert report["concordance_word"] == "Korea" and report["concordance_lines"] > 40
    assert 0 < report["concordance_fill_ms"] <= report["concordance_cold_ms"]
    assert set(report["concordance_sort_ms"]) == {"source", "date", "left", "right"}
    assert 0 < report["kwic_keystroke_p50_ms"] <= report["kwic_keystroke_p95_ms"] \
        <= report["kwic_keystroke_max_ms"]


def test_bench_without_queries_is_a_clear_error(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bench", "--corpus", str(archive), "--queries", str(tmp_path / "no")]) == 2
    assert "cannot read queries file" in capsys.readouterr().err


class TestSearchCommand:
    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["--corpus", str(ROOT / "corpus"), "search", "Kono regretable", "--json"]) == 0
        results = json.loads(capsys.readouterr().out)
        assert results[0]["source"] == "002-japan-today-ap"
        assert 'Taro Kono called the decision "extremely regrettable"' in results[0]["snippet"]

    def test_limit_and_source(self, capsys: pytest.CaptureFixture[str]) -> None:
        args = ["--corpus", str(ROOT / "corpus"), "search", "Korea", "--limit", "3"]
        assert main([*args, "--source", "001-businessline-bloomberg", "--json"]) == 0
        results = json.loads(capsys.readouterr().out)
        assert len(results) == 3 and {r["source"] for r in results} == {
            "001-businessline-bloomberg"
        }

    def test_unknown_source(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["--corpus", str(ROOT / "corpus"), "search", "x", "--source", "nope"]) == 2
        assert "no source with id 'nope'" in capsys.readouterr().err

    def test_plain_output_and_no_matches(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["--corpus", str(ROOT / "corpus"), "search", "Eastburn"]) == 0
        assert "Eastburn" in capsys.readouterr().out
        assert main(["--corpus", str(ROOT / "corpus"), "search", '"']) == 0
        assert "no matches" in capsys.readouterr().err
