"""Newsdesk: compare how several outlets covered one story, in the terminal."""

__version__ = "0.1.0"
