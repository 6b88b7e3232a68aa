"""Errors a user is shown in one line, kept apart so that raising or catching one does
not import the code that raises it (the dashboard starts before the loader is needed)."""


class CorpusError(Exception):
    """The corpus as a whole cannot be read (missing or unreadable directory)."""
