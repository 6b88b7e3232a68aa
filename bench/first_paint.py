"""Time to first paint: Newsdesk against a bare Textual app, in a real terminal (tmux).

    .venv/bin/python bench/first_paint.py --corpus bench/out/corpus-10000 [--runs 5]

Each run starts the program in a fresh detached tmux session (160×48), in this checkout
(so that `python -m tui` is this tree's package), and polls the screen until the
program's first frame shows, then kills the session. The first frame counts only when it
is the real one: every marker on screen (for Newsdesk, the title and the four panes'
titles) and the panes already where they settle, so that a frame laid out for another
size and redrawn a moment later is not taken for it. The bare app is a Textual App with
a Header, a Static and a Footer: the floor any Textual program pays to start.
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
CHECKOUT = Path(__file__).resolve().parent.parent
NEWSDESK_MARKERS = ("Newsdesk", "1 Sources", "2 Viewer", "3 Entities", "4 Quotes")
BARE_MARKERS = ("Bare", "ready")
SETTLE = 1.0  # seconds of screens kept after the markers show, to know the settled layout
CORNERS = frozenset("╭╮╰╯")


def layout(screen: str) -> tuple[tuple[int, int], ...]:
    """Where the panes' corners are: what a frame for another size gets wrong."""
    return tuple((row, col) for row, line in enumerate(screen.splitlines())
                 for col, char in enumerate(line) if char in CORNERS)


def first_paint_ms(
    command: str, markers: tuple[str, ...], timeout: float = 30.0
) -> tuple[float, float]:
    """When the real first frame showed, and when the markers first did (earlier if a
    frame laid out otherwise came first), in ms from the start."""
    session = f"paint{time.monotonic_ns()}"
    start = time.perf_counter()
    subprocess.run(
        [*TMUX, "new-session", "-d", "-s", session, "-x", "160", "-y", "48",
         "-c", str(CHECKOUT), command],
        check=True,
    )
    seen: list[tuple[float, str]] = []  # every screen with the markers, and when
    try:
        while time.perf_counter() - start < timeout:
            screen = subprocess.run(
                [*TMUX, "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            now = time.perf_counter()
            if all(marker in screen for marker in markers):
                seen.append((now, screen))
                if now - seen[0][0] >= SETTLE:
                    settled = layout(screen)
                    first = next(t for t, s in seen if layout(s) == settled)
                    return (first - start) * 1000, (seen[0][0] - start) * 1000
            time.sleep(0.005)  # polling a terminal from outside: the only way to see it
        raise TimeoutError(f"no {markers!r} on screen after {timeout} s: {command}")
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
    package = CHECKOUT / "tui"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_APP)
        corpus = shlex.quote(str(Path(args.corpus).resolve()))
        state = shlex.quote(tmp)
        runs: dict[str, list[float]] = {"bare": [], "newsdesk": []}
        early: dict[str, list[float]] = {"bare": [], "newsdesk": []}
        for _ in range(args.runs):
            for name, command, markers in (
                ("bare", f"{python} {bare}", BARE_MARKERS),
                ("newsdesk", f"NEWSDESK_STATE_DIR={state} {python} -m tui --corpus {corpus}",
                 NEWSDESK_MARKERS),
            ):
                real, first = first_paint_ms(command, markers)
                runs[name].append(real)
                early[name].append(first)
    bare_ms = statistics.median(runs["bare"])
    newsdesk_ms = statistics.median(runs["newsdesk"])
    report = {
        "corpus": args.corpus,
        "bare_ms": round(bare_ms, 1),
        "newsdesk_ms": round(newsdesk_ms, 1),
        "ratio": round(newsdesk_ms / bare_ms, 2),
        # a frame with the markers but not yet the settled layout, this long before
        "relaid_ms": {k: round(statistics.median(r - e for r, e in zip(runs[k], early[k])), 1)
                      for k in runs},
        "runs": {k: [round(v, 1) for v in vs] for k, vs in runs.items()},
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
