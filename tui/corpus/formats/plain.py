"""Text without front matter: the date a dateline near the top gives.

Saved or copied articles keep their dateline ("Published 22 August 2019", "Aug. 22,
2019", "2019-08-22 10:04"). One of the first lines that is such a date, alone or after
"Published", "Updated" or a place, fills ``date``, marked ``date_guessed``. Only the first
few lines are read, so the cost does not grow with the text.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    m: i + 1
    for i, names in enumerate((
        "january jan", "february feb", "march mar", "april apr", "may", "june jun",
        "july jul", "august aug", "september sep sept", "october oct", "november nov",
        "december dec",
    ))
    for m in names.split()
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_LEAD = (
    r"(?:(?:published|posted|updated|last updated|first published|date|dated)(?: on)?:?\s+)?"
    r"(?:[A-Za-z]+day,?\s+)?"
)
_TAIL = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?\.?"
_PATTERNS = [
    re.compile(rf"{_LEAD}{_DAY}\s+{_MONTH},?\s+{_YEAR}{_TAIL}", re.IGNORECASE),
    re.compile(rf"{_LEAD}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TAIL}", re.IGNORECASE),
    re.compile(
        rf"{_LEAD}(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)"
        r"(?:[T ]\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?",
        re.IGNORECASE,
    ),
]
_HEAD_LINES = 8
_LINE_MAX = 80  # a dateline is short; a sentence that mentions a date is not one


def guess_date(text: str) -> str | None:
    """The ISO date of a dateline among the first lines of ``text``, or None."""
    seen = 0
    for line in text.split("\n", 40)[:40]:
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > _HEAD_LINES:
            break
        if len(line) > _LINE_MAX:
            continue
        for pattern in _PATTERNS:
            m = pattern.fullmatch(line)
            if m and (day := _date(m)):
                return day
    return None


def _date(m: re.Match[str]) -> str | None:
    month_text = m.group("month")
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
    if month is None:
        return None
    try:
        return date(int(m.group("year")), month, int(m.group("day"))).isoformat()
    except ValueError:
        return None
