"""Errors a user is shown in one line, kept apart so that raising or catching one does
not import the code that raises it (the dashboard starts before the loader is needed)."""


class CorpusError(Exception):
    """The corpus as a whole cannot be read (missing or unreadable directory)."""


class BuildError(Exception):
    """The index cannot be built where it was asked to be (a Dask cluster that cannot be
    reached, or that failed), or without a package that needs installing."""
