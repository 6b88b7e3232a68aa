from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("tantivy")

ROOT = Path(__file__).resolve().parent.parent


def comparison() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "tantivy_compare", ROOT / "bench" / "tantivy_compare.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_both_engines_on_the_bundled_corpus(tmp_path: Path) -> None:
    # "kono" is in three of the five articles; the trailing space ends the word, so
    # neither engine reads it as a prefix
    queries = ["Ko", "'kono ", "Kono !japan", '"South Korea" ']
    report = comparison().compare(ROOT / "corpus", queries, repeat=1, workdir=tmp_path)

    assert report["documents"] == 5 and report["queries"] == 4
    kono = report["per_query"][1]
    assert kono["ours_docs"] == kono["tantivy_docs"] == 3 and kono["jaccard"] == 1.0
    # every article names Japan: nothing is left once it is excluded
    assert report["per_query"][2]["ours_docs"] == report["per_query"][2]["tantivy_docs"] == 0
    assert report["agreement"]["complete_states"]["queries"] == 3
    assert 0 < report["agreement"]["all"]["mean_jaccard"] <= 1

    for name in ("ours", "tantivy"):
        engine = report["engines"][name]
        assert engine["documents"] == 5
        for key in ("disk_mb", "resident_after_build_mb", "resident_after_reopen_mb"):
            assert engine[key] > 0, (name, key)
        # (times are reported to the millisecond: on five articles one can round to 0)
        for key in ("build_seconds", "build_cpu_seconds", "keystroke_p50_ms", "reopen_seconds"):
            assert isinstance(engine[key], float) and engine[key] >= 0, (name, key)
        assert engine["keystroke_p50_ms"] <= engine["keystroke_p95_ms"] \
            <= engine["keystroke_max_ms"]
    assert (tmp_path / "tantivy" / "meta.json").exists()
