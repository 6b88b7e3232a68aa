"""Quotations: their marks, their speakers (who is always one of the entities), the same
statement across outlets, and what the quote browser shows."""
