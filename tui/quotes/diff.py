"""Word-level differences between two reports of one statement.

The diff compares words as a reader does: case, curly versus straight apostrophes and
the punctuation glued to a word do not make it a different word, but the output keeps
each side's own spelling (deleted words as in ``a``, inserted and equal ones as in
``b``). Like diff-match-patch's semantic clean-up, a lone short word that happens to
match between two changes ("the", "of") is folded into the change, so a reworded
phrase reads as one replacement rather than confetti.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

EQUAL = "equal"
DELETE = "delete"
INSERT = "insert"

_WORD_RE = re.compile(r"\S+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
# An equal run this short (in characters) between two changes is folded into them.
_FOLD_CHARS = 4


def _key(word: str) -> str:
    bare = _EDGE_PUNCT.sub("", word.casefold().replace("’", "'").replace("‘", "'"))
    return bare or word


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """The edit from ``a`` to ``b`` as (op, words) runs: op is equal, delete or insert.

    Joining the equal and delete runs with spaces gives ``a``'s words; the equal and
    insert runs give ``b``'s (white space normalised to single spaces).
    """
    out: list[tuple[str, str]] = []
    for op, xs, ys in _runs(a, b):
        if op == EQUAL:
            _emit(out, EQUAL, ys)
        else:
            _emit(out, DELETE, xs)
            _emit(out, INSERT, ys)
    return out


def _runs(a: str, b: str) -> list[tuple[str, list[str], list[str]]]:
    """(op, a's words, b's words) runs: equal, or a change (either side may be empty)."""
    wa = _WORD_RE.findall(a or "")
    wb = _WORD_RE.findall(b or "")
    matcher = SequenceMatcher(None, [_key(w) for w in wa], [_key(w) for w in wb], autojunk=False)
    runs: list[tuple[str, list[str], list[str]]] = []  # (op, a words, b words)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append((EQUAL, wa[i1:i2], wb[j1:j2]))
        else:
            runs.append(("change", wa[i1:i2], wb[j1:j2]))
    return _fold(runs)


def _fold(
    runs: list[tuple[str, list[str], list[str]]],
) -> list[tuple[str, list[str], list[str]]]:
    """Fold tiny equal runs between changes into one change; merge adjacent changes."""
    folded: list[tuple[str, list[str], list[str]]] = []
    for k, (op, xs, ys) in enumerate(runs):
        between_changes = 0 < k < len(runs) - 1 and runs[k - 1][0] != EQUAL != runs[k + 1][0]
        if op == EQUAL and between_changes and len(" ".join(ys)) <= _FOLD_CHARS:
            op = "change"
        if folded and op != EQUAL and folded[-1][0] != EQUAL:
            _, px, py = folded.pop()
            folded.append(("change", px + xs, py + ys))
        else:
            folded.append((op, list(xs), list(ys)))
    return folded


def _emit(out: list[tuple[str, str]], op: str, words: list[str]) -> None:
    if not words:
        return
    if out and out[-1][0] == op:
        out[-1] = (op, out[-1][1] + " " + " ".join(words))
    else:
        out.append((op, " ".join(words)))


def aligned(a: str, b: str) -> list[tuple[str, str, bool]]:
    """``a`` and ``b`` as aligned rows for two columns: (a's words, b's words, whether
    they differ), each side in its own spelling. Equal runs share a row; each change is
    one row, ``a``'s words beside the ``b`` words that replace them (either may be empty)."""
    return [(" ".join(xs), " ".join(ys), op != EQUAL) for op, xs, ys in _runs(a, b)]
