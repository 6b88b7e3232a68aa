"""The index built on a Dask cluster is the one built on this machine, and a cluster
that cannot be used is one line of error."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from tui.build import cache, parallel
from tui.build.corpus_index import CorpusIndex
from tui.build.documents import load_documents
from tui.cli import main
from tui.config import Settings
from tui.config import load as load_settings
from tui.corpus.document import Document
from tui.errors import BuildError

from .conftest import CORPUS
from .test_parallel import SETTINGS, _json

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_a_cluster_builds_what_one_machine_builds(
    bundled: list[Document], scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV_VAR, "off")
    monkeypatch.setenv(parallel.ENV_VAR, "off")
    local = CorpusIndex.build(bundled, SETTINGS)
    assert local.built_by == ("one process", 0)
    # (five articles: far below MIN_CHARS, and on the cluster all the same)
    for size in (None, 1, 2):
        remote = CorpusIndex.build(bundled, SETTINGS, scheduler=scheduler, chunk_size=size)
        assert remote.built_by == ("dask cluster", 2)
        assert _json(remote) == _json(local), size
        assert remote.search.state() == local.search.state()
        assert remote.quote_finder is not None and local.quote_finder is not None
        assert remote.quote_finder.state() == local.quote_finder.state()
        cpu, rss = parallel.last_worker_usage
        assert cpu > 0 and rss > 0


def test_newsdesk_index_fills_the_cache_the_dashboard_reads(
    bundled: list[Document], scheduler: str, monkeypatch: pytest.MonkeyPatch, tmp_path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    monkeypatch.chdir(tmp_path)  # (no config.yaml here: the defaults)
    assert main(["index", "--corpus", str(CORPUS), "--scheduler", scheduler, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ran"] == "dask cluster" and report["scheduler"] == scheduler
    assert report["documents"] == len(bundled) and report["entities"] and report["quotes"]
    settings = load_settings()
    settings.corpus = CORPUS
    loaded = load_documents(settings)  # (as the dashboard starts)
    index = CorpusIndex.build(loaded.documents, settings, documents_key=loaded.key)
    assert index.built_by == ("cache", 0)
    assert [e.name for e in index.entities][:5] and len(index.quotes) == report["quotes"]


def test_a_scheduler_from_the_config_is_used(
    scheduler: str, monkeypatch: pytest.MonkeyPatch, tmp_path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    monkeypatch.setenv(cache.ENV_VAR, "off")
    config = tmp_path / "config.yaml"
    config.write_text(f"corpus: {CORPUS}\nbuild:\n  scheduler: {scheduler}\n")
    assert main(["index", "--config", str(config), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ran"] == "dask cluster"


def test_an_unreachable_scheduler_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(cache.ENV_VAR, "off")
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", 0.5)
    address = "tcp://127.0.0.1:1"  # (nothing listens on port 1)
    assert main(["index", "--corpus", str(CORPUS), "--scheduler", address]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"newsdesk: error: cannot reach the Dask scheduler at {address}: ")
    assert "Traceback" not in err


def test_without_dask_the_error_says_what_to_install(
    bundled: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV_VAR, "off")
    monkeypatch.setitem(sys.modules, "distributed", None)  # (import fails)
    with pytest.raises(BuildError, match=r"pip install 'newsdesk\[dask\]'"):
        CorpusIndex.build(bundled, Settings(), scheduler="tcp://127.0.0.1:8786")
