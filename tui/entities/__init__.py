"""Named entities: candidate names mined from each document, merged into people,
organisations, places and other things, with their mentions."""
