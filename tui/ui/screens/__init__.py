"""Screens over the panes: help, the variants of a quote, and their modal base."""
