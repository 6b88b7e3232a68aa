"""A regex alternation with shared prefixes factored out, for str or bytes patterns.

``re`` tries the branches of an alternation one by one, so a flat list of two hundred
words costs two hundred tries at every position; the trie (``s(?:a(?:id|ys)|…)``) costs
one try per character. It matches what the flat list matches wherever the match is
followed by a boundary no word crosses (a word boundary, or the next fixed-width slot):
then at most one of the words can match at a position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import AnyStr


def trie(words: Iterable[AnyStr]) -> AnyStr:
    """An alternation matching exactly ``words`` (str or bytes, not mixed; not empty)."""
    words = list(words)
    empty = words[0][:0]
    groups: dict[AnyStr, list[AnyStr]] = {}
    ends = False
    for word in words:
        if word:
            groups.setdefault(word[:1], []).append(word[1:])
        else:
            ends = True
    if not groups:
        return empty
    branches = [re.escape(head) + trie(rest) for head, rest in sorted(groups.items())]
    body = branches[0] if len(branches) == 1 else _group(empty, empty.join(_bars(branches)))
    return _group(empty, body) + _literal(empty, "?") if ends else body


def _bars(branches: list[AnyStr]) -> list[AnyStr]:
    bar = _literal(branches[0], "|")
    out: list[AnyStr] = []
    for i, branch in enumerate(branches):
        if i:
            out.append(bar)
        out.append(branch)
    return out


def _group(like: AnyStr, body: AnyStr) -> AnyStr:
    return _literal(like, "(?:") + body + _literal(like, ")")


def _literal(like: AnyStr, text: str) -> AnyStr:
    return text.encode() if isinstance(like, bytes) else text
