"""Small data structures the layers share: bitsets, packed int arrays, a paused collector."""
