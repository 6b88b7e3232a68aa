"""The cited articles as BibTeX, for reference managers that import ``.bib`` (Zotero,
JabRef) and for Pandoc with biblatex. Keys match the Markdown styles' ``[@key]``.

Each article is an ``@article`` with ``journal`` = the outlet (what Zotero maps to a
newspaper's publication), ``url`` and ``urldate``. Values are braced and escaped, so a
title with ``%``, ``&``, ``{`` or ``\\`` stays one field and reads back as written.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.export.citation import Citation, date_parts
from tui.export.csl import articles, authors

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# LaTeX's special characters, written so that the value reads back as the text it was.
_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}


def escape(text: str) -> str:
    """A field value as literal text on one line."""
    return "".join(_SPECIAL.get(ch, ch) for ch in " ".join(text.split()))


def _name(author: str) -> str:
    # one word (an agency) braced so BibTeX never splits it into given and family names
    return escape(author) if " " in author.strip() else "{" + escape(author) + "}"


def _url(url: str) -> str:
    # a URL is read verbatim (the url package): only what would end the field is encoded
    return "".join({"{": "%7B", "}": "%7D", "\\": "%5C"}.get(ch, ch) for ch in url.strip())


def bib_entry(c: Citation) -> str:
    fields: list[tuple[str, str]] = [("title", "{" + escape(c.title) + "}")]
    names = authors(c.author)
    if names:
        fields.append(("author", " and ".join(_name(n) for n in names)))
    if c.outlet and c.outlet != c.title:
        fields.append(("journal", escape(c.outlet)))
    parts = date_parts(c.date)
    if parts:
        fields.append(("year", str(parts[0])))
        if len(parts) > 1 and 1 <= parts[1] <= 12:
            fields.append(("month", _MONTHS[parts[1] - 1]))
        fields.append(("date", "-".join(f"{p:02d}" if i else str(p)
                                        for i, p in enumerate(parts))))
    elif c.date:
        fields.append(("note", escape(c.date)))
    if c.url:
        fields.append(("url", _url(c.url)))
    if c.accessed:
        fields.append(("urldate", escape(c.accessed)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@article{{{c.key},\n{body}\n}}\n"


def render_bibtex(citations: Iterable[Citation]) -> str:
    return "\n".join(bib_entry(c) for c in articles(citations))
