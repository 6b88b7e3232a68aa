"""The README's command-line examples return what they say: each one runs, exits 0
and prints something (a JSON example, a non-empty list)."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from tui.cli import main

from .conftest import CORPUS, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
EXAMPLES = [
    line.split("  #")[0].split(" | ")[0].strip()  # (what a pipe gets is what it prints)
    for block in BLOCKS
    for line in block.splitlines()
    if line.startswith("newsdesk ") and not line.startswith(("newsdesk bench", "newsdesk correct"))
]


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 12
    assert any("!" in e for e in EXAMPLES)  # the exclusion example among them


@pytest.mark.parametrize("example", EXAMPLES)
def test_an_example_returns_something(
    example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # (an export with -o writes here)
    monkeypatch.setenv("NEWSDESK_STATE_DIR", str(tmp_path / "state"))
    args = shlex.split(example)[1:]
    assert main([*args, "--corpus", str(CORPUS)]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    if "-o" in args:
        out = (tmp_path / args[args.index("-o") + 1]).read_text(encoding="utf-8")
    assert out.strip(), example
    if "--json" in args:
        assert json.loads(out), example
