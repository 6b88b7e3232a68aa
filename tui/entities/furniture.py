"""Lines of a page where capitals prove nothing about names: shouted headings and
kickers, title-case headlines, photo credits. Mining sets them apart."""

from __future__ import annotations

import re

from tui.nlp.lexicon import (
    FUNCTION_WORDS,
    PARTICLES,
)
from tui.nlp.name_runs import (
    WORD_RE,
)

_TERMINAL = frozenset(".!?:;\n。！？")
# (quotation marks of every convention: guillemets and the low-9 marks too)
_OPENERS = frozenset(" \t“\"‘'«‹„‚(•*·[")
_QUOTE_MARKS = frozenset("“\"‘'«‹„‚")


# --- lines where capitals prove nothing --------------------------------------------------

_LINE = re.compile(r"[^\n]+")
# A word of four letters or more in lower case: a line that has one is no headline.
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}")


def _shouting_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Title-case or all-capitals lines (headlines, subheads, labels such as "FULL
    TEXT." or "READ MORE") in ``text[start:end]``."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text, start, end):
        line = m.group()
        if line.isupper() and sum(map(str.isalpha, line)) >= 5:
            out.append(m.span())
            continue
        if len(line) >= 200:
            continue
        stripped = line.rstrip()
        if not stripped:
            continue
        if stripped[-1] in ".!?”\"" and _LOWER_WORD.search(stripped):
            continue  # (prose, as most lines are: the cheap test first)
        words = [w for w in WORD_RE.findall(stripped) if len(w) >= 4]
        if len(words) < 3:
            continue
        capitals = sum(w[0].isupper() for w in words)
        if stripped[-1] in ".!?”\"":
            if len(words) < 4:
                continue  # a name alone on a line ("Ann Marie Lee.") is no headline
            # a sentence may be mostly names; a headline written as one ("Trump Wins
            # Nevada Caucuses.") has a capital on every longer word, and no list's
            # commas, label's colon or credit's slash ("Contributing: Ann Lee, Bo Ray.")
            if (
                capitals == len(words)
                and not any(c in stripped for c in ",:/")
                and not _prose_word(stripped)
            ):
                out.append(m.span())
        elif capitals >= 0.7 * len(words):
            out.append(m.span())
    return out


def _prose_word(line: str) -> bool:
    """Whether a line holds a short word in lower case that title case would have
    capitalised ("Mexican President Ana Ruiz met Crown Prince Ali bin Omar in Riyadh.":
    a verb, where a headline writes "Met"); small words and name particles aside."""
    return any(
        w not in _TITLE_CASE_SMALL and w not in PARTICLES for w in _SHORT_LOWER.findall(line)
    )


# A whole word of three letters or fewer in lower case ("met", not the "nd" of "2nd").
# (after a number it is a unit, "8 pm", "150 mph"; before a full stop an abbreviation,
# "Roe v. Wade")
_SHORT_LOWER = re.compile(r"(?<![\w'’-])(?<!\d )[a-z]{1,3}(?![\w'’.-])")
# The short words title case leaves in lower case.
_TITLE_CASE_SMALL = frozenset(
    "a an the and but or nor for so yet at by in of on to up as via per vs off out if en "
    "is".split()
)


# Words that title case capitalises and a name never holds after its first word: a run
# such as "Trump Says He Will Win" or "Department Of Homeland Security Contractor" is a
# headline's wording, not a name (lower-case joiners such as "of" are not tokens).
_TITLE_CASE_WORDS = frozenset(
    """
    a an to of in on at by for with into over about after as is are was were be been has
    have had will would can could should do does did not no he she it we they i you his
    her its our their my your him them us me this that these those what who how why when
    just says said
    """.split()
)


def _title_case_run(run: str) -> bool:
    """A run of title-case or all-capitals wording rather than a name (see above)."""
    if " " not in run:
        return False
    if run.isupper():
        return True
    words = run.split()
    if len(words) == 2:
        return False  # (as most runs: neither rule below can hold for two words)
    shouted = sum(1 for w in words if len(w) >= 4 and w.isupper() and w.isalpha())
    if shouted >= 2 and 2 * shouted > len(words):
        return True  # "LOCAL BAKERY WINS PRIZE The bakery ...": a shouted lead-in
    # (after the first word that is not a function word, "As The Post's Dana Milbank",
    # and before the last, which may be a surname: "George Will")
    k = 0
    while k < len(words) and words[k].casefold() in FUNCTION_WORDS:
        k += 1
    return any(
        w[:1].isupper() and not w.isupper() and w.casefold() in _TITLE_CASE_WORDS
        for w in words[k + 1 : -1]
    )




# --- the miner -------------------------------------------------------------------------

