"""Quotations leaving the program: Markdown with citations, and files written atomically."""
