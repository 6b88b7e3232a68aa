"""Time to first paint: Newsdesk against a bare Textual app, in a real terminal (tmux).

    .venv/bin/python bench/first_paint.py --corpus bench/out/corpus-10000 [--runs 5]

Each run starts the program in a fresh detached tmux session (160×48) and polls the
screen until the program's first frame shows, then kills the session. The bare app is a
Textual App with a Header and a Footer: the floor any Textual program pays to start.
Prints JSON: the median and every run, in milliseconds, for both, and their ratio.
"""

from __future__ import annotations

import argparse
import json
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    TITLE = "Bare"
    def compose(self):
        yield Header()
        yield Static("ready")
        yield Footer()

Bare().run()
"""


# A server of our own, kept up by an idle session, so that no run pays for starting tmux.
TMUX = ["tmux", "-L", "newsdesk-first-paint"]


def first_paint_ms(command: str, marker: str, timeout: float = 30.0) -> float:
    session = f"paint{time.monotonic_ns()}"
    start = time.perf_counter()
    subprocess.run(
        [*TMUX, "new-session", "-d", "-s", session, "-x", "160", "-y", "48", command],
        check=True,
    )
    try:
        while time.perf_counter() - start < timeout:
            screen = subprocess.run(
                [*TMUX, "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if marker in screen:
                return (time.perf_counter() - start) * 1000
            time.sleep(0.005)  # polling a terminal from outside: the only way to see it
        raise TimeoutError(f"no {marker!r} on screen after {timeout} s: {command}")
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, help="corpus directory for Newsdesk")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    subprocess.run([*TMUX, "new-session", "-d", "-s", "keeper", "sleep 3600"], check=True)
    try:
        return _measure(args)
    finally:
        subprocess.run([*TMUX, "kill-server"], capture_output=True)


def _measure(args: argparse.Namespace) -> int:
    python = shlex.quote(sys.executable)
    # As `make run` does: the package starts from compiled bytecode, as an installed one
    # would (an editable install is not compiled, and PYTHONDONTWRITEBYTECODE hosts never
    # write the caches themselves).
    package = Path(__file__).resolve().parent.parent / "tui"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_APP)
        corpus = shlex.quote(str(Path(args.corpus).resolve()))
        state = shlex.quote(tmp)
        runs = {"bare": [], "newsdesk": []}
        for _ in range(args.runs):
            runs["bare"].append(first_paint_ms(f"{python} {bare}", "Bare"))
            runs["newsdesk"].append(
                first_paint_ms(
                    f"NEWSDESK_STATE_DIR={state} {python} -m tui --corpus {corpus}", "Newsdesk"
                )
            )
    bare_ms = statistics.median(runs["bare"])
    newsdesk_ms = statistics.median(runs["newsdesk"])
    report = {
        "corpus": args.corpus,
        "bare_ms": round(bare_ms, 1),
        "newsdesk_ms": round(newsdesk_ms, 1),
        "ratio": round(newsdesk_ms / bare_ms, 2),
        "runs": {k: [round(v, 1) for v in vs] for k, vs in runs.items()},
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
