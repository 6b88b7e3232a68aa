"""The four panes and the search bar: widgets that render what the core answers."""
