from tui.cli import main

# The guard matters: the two-process build's forkserver imports the main module (this
# one, under `python -m tui`) and must not start a second dashboard in there.
if __name__ == "__main__":
    raise SystemExit(main())
