"""Stock tickers in parentheses after a company's name, as business copy writes them.

Wires put a listing's code after a company's first mention: Reuters its instrument code
("Nvidia (NVDA.O)", "Rio Tinto (RIO.L), (RIO.AX)", an index's with a dot in front: "the
S&P 500 (.SPX)"), press releases and other outlets the exchange and the symbol ("General
Electric (NYSE: GE)", "(Nasdaq: AAPL; TSX: SHOP)"). The code is no name of its own, and
the name before it is a listed company's (an index's, for a code with a dot in front).

A bare symbol in parentheses ("Coinbase (COIN)") is left alone: it is written as an
acronym is defined ("the Islamic State (ISIS)"), and only the text's other evidence can
tell the two apart.
"""

from __future__ import annotations

import re

# The exchanges a symbol is given with, as news copy names them.
_EXCHANGES = (
    "NYSE American|NYSE Arca|NYSE|NASDAQ|Nasdaq|NasdaqGS|NasdaqGM|AMEX|OTCQX|OTCQB|OTC|"
    "TSX-V|TSXV|TSX|CSE|NEO|LSE|LON|AIM|ASX|NZX|HKEX|HKSE|HKG|SEHK|SGX|NSE|BSE|TSE|TYO|JSE|"
    "KRX|KOSDAQ|KOSPI|TWSE|SZSE|SSE|BMV|Euronext|XETRA|ETR|FRA|SIX|OMX|B3|Bovespa|Cboe|CBOE"
)
_SYMBOL = r"[A-Z0-9][A-Z0-9&]{0,7}(?:[.-][A-Z0-9]{1,4})?"
# An instrument code: a symbol and its exchange's suffix ("NVDA.O", "BRKa.N", "7203.T",
# "MBGn.DE"), or an index's, a dot and letters ("SPX", ".N225", ".STOXX").
_CODE = r"(?:[A-Z0-9][A-Za-z0-9]{0,7}\.[A-Z][A-Za-z]{0,3}|\.[A-Z0-9][A-Z0-9]{1,7})"
_LISTING = rf"(?:(?:{_EXCHANGES})[ \t]*:[ \t]*{_SYMBOL}|{_CODE})"
TICKER_RE = re.compile(rf"\({_LISTING}(?:[ \t]*[,;][ \t]*{_LISTING})*\)")


def ticker_around(text: str, at: int) -> tuple[int, int] | None:
    """The ticker's parentheses (start, end) that position ``at`` is inside, if any."""
    paren = text.rfind("(", max(0, at - 48), at + 1)
    if paren < 0:
        return None
    m = TICKER_RE.match(text, paren)
    return (paren, m.end()) if m is not None and at < m.end() else None


def listed_company(text: str, end: int) -> bool:
    """Whether a company's ticker follows the name that ends at ``end`` ("Nvidia
    (NVDA.O)", "GE (NYSE: GE)"; not an index's, "the S&P 500 (.SPX)")."""
    return (
        text[end : end + 2] == " (" and text[end + 2 : end + 3] != "."
        and TICKER_RE.match(text, end + 1) is not None
    )
