"""Full-text search: the query language, the inverted index with its typo-tolerant vocabulary,
the sources' counts while typing, and ranked passages."""
