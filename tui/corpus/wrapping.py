"""Paragraphs hard-wrapped at a fixed width, read as the paragraphs they are.

Wire archives, plain-text corpora, e-mails and old web pages break every line at 70 or
80 characters and leave a blank line between paragraphs. Read line by line, each of
those lines would be a paragraph of its own: a quotation cut at the line's end from the
"said Ann Lee" on the next, a name ("Northern / Ireland") cut in two. Such a text's
line breaks inside a paragraph are made spaces, one character for one, so that every
offset into the text still means the same place.

A text is taken as wrapped only on the evidence of the whole of it: lines of much the
same width, most of those that run on into another line ending mid-sentence, and
paragraphs set apart by blank lines. Within it, a line joins the next only where it is
filled to near that width and the next is no list item, heading, table row, indented
line or transcript turn: a short line ended where its writer ended it.
"""

from __future__ import annotations

import re

# At least this many lines run on into another before a text is taken as wrapped.
_MIN_RUNS = 3
# The width lines are wrapped at: the 90th percentile of the lines' lengths lies within
# these bounds (a text whose paragraphs are each one line has lines far longer).
_WIDTH_RANGE = (40, 100)
# A line is filled (it was broken by the wrapping, not by its writer) from this share
# of the width on.
_FILLED = 0.6
# Where a line may not be joined to the one before: a list item, a heading, a table
# row, a quoted e-mail line, a transcript's turn ("Q. …", "A. …"), a rule.
_MARKED_RE = re.compile(
    r"[-*•·▪●+>#|=_~]|\d{1,3}[.)][ \t]|[A-Z][.:][ \t]|[A-Z]{2,}[A-Z .'-]*:"
    # a timeline's or a live blog's entry: "January 2024:", "1998:", "14:32"
    r"|(?:[A-Z][a-z]+[ \t]+)?\d{4}:|\d{1,2}[:.]\d{2}\b"
)
_OPENING_MARKS = "\"“'‘«"
_SENTENCE_END = ".!?:;\"”’')]…"


def unwrapped(text: str) -> str:
    """``text`` with the line breaks inside its hard-wrapped paragraphs made spaces (the
    same length: offsets are unchanged), or ``text`` itself where it is not wrapped."""
    if text.count("\n") < 2 * _MIN_RUNS:
        return text
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 2 * _MIN_RUNS:
        return text
    width = lengths[(len(lengths) * 9) // 10]
    if not _WIDTH_RANGE[0] <= width <= _WIDTH_RANGE[1]:
        return text
    runs = mid_sentence = blank = 0
    for line, following in zip(lines, lines[1:]):
        if not following.strip():
            blank += line.strip() != ""
            continue
        if line.strip():
            runs += 1
            mid_sentence += line.rstrip()[-1:] not in _SENTENCE_END
    if runs < _MIN_RUNS or not blank or 2 * mid_sentence < runs:
        return text
    filled = _FILLED * width
    out = list(text)
    at = 0
    for line, following in zip(lines, lines[1:]):
        at += len(line)  # (the newline after ``line``)
        if (
            len(line.rstrip()) >= filled
            and following.strip()
            # (an indented line opens a paragraph, or is set apart)
            and following[:1] not in (" ", "\t")
            and not _MARKED_RE.match(following)
            and not _MARKED_RE.match(line.lstrip())
            # (a list of quotations, one a line: `"It is a disgrace," said Jo Banks`)
            and not (line[:1] in _OPENING_MARKS and following[:1] in _OPENING_MARKS)
        ):
            out[at] = " "
        at += 1
    return "".join(out)
