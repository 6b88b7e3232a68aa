from tui.util import collector

if __name__ == "__main__":
    # (as cmd_tui: a start's objects all live on; main() restarts it for the commands)
    collector.hold()

from tui.cli import main  # noqa: E402

# The guard matters: the two-process build's forkserver imports the main module (this
# one, under `python -m tui`) and must not start a second dashboard in there.
if __name__ == "__main__":
    raise SystemExit(main())
