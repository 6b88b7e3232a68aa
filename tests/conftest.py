from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from tui.build import cache
from tui.corpus.document import Document
from tui.corpus.loader import load_corpus

# The same examples on every run: a red build always means a real change, never a new draw.
settings.register_profile("deterministic", derandomize=True, deadline=None, database=None)
settings.load_profile("deterministic")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = ROOT.parent / "shared" / "seed-articles"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Index builds write to the disk cache: keep a test run's entries out of the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(cache.ENV_VAR, str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def bundled() -> list[Document]:
    result = load_corpus(CORPUS)
    assert result.warnings == []
    return result.documents


@pytest.fixture(scope="session")
def docs_by_id(bundled: list[Document]) -> dict[str, Document]:
    return {d.id: d for d in bundled}
