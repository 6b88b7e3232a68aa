"""Saved web pages: the article, its captions and reader comments, and its metadata.

trafilatura finds the article body among a page's navigation, adverts, related links and
cookie banners, sets a comment section apart, and reads the title, author, site name,
date (with htmldate, from JSON-LD, meta tags, the URL or the text) and canonical URL.
It never fetches anything and runs no script. Web archives send their pages here too.
"""

from __future__ import annotations

from typing import Any

from tui.corpus.document import BOILERPLATE, COMMENTS, Document
from tui.corpus.formats import ReadContext, Unreadable
from tui.corpus.records import clean, file_id, make_document

_CONFIG: Any = None


def _config() -> Any:
    global _CONFIG
    if _CONFIG is None:
        from trafilatura.settings import use_config

        config = use_config()
        # Its timeout is a SIGALRM, which only the main thread may set; the dashboard
        # loads in a worker thread. The extraction is linear, so no timeout is needed.
        config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
        # A short item (a brief, a wire snippet) is an article too.
        config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")
        config.set("DEFAULT", "MIN_OUTPUT_SIZE", "20")
        _CONFIG = config
    return _CONFIG


def paragraphs_apart(text: str) -> str:
    """trafilatura gives a paragraph a line; a blank line between them is how every other
    reader (and Markdown) sets paragraphs apart, so the article reads the same."""
    lines = [line.strip() for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line)


Apart = list[tuple[str, str, str]]  # (section kind, label, text), as make_document takes


def extract(data: bytes | str, url: str | None = None) -> tuple[str, Apart, dict[str, str]]:
    """(body, what is set apart from it, metadata) of one page: the photo captions and the
    comment section are set apart. Raises Unreadable when the page holds no article."""
    import trafilatura

    tree = trafilatura.load_html(data)
    if tree is None:
        raise Unreadable("not a readable HTML page")
    # trafilatura leaves figures out of the article; their captions are kept, apart
    captions = [" ".join(c.text_content().split()) for c in tree.iter("figcaption")]
    try:
        found: Any = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=True, include_tables=True,
            include_images=False, include_links=False, config=_config(),
        )
    except (ValueError, TypeError) as exc:  # bytes that lxml cannot parse at all
        raise Unreadable(f"not a readable HTML page ({exc})") from None
    if found is None or not (found.text or "").strip():
        raise Unreadable("no article text found in the page")
    meta: dict[str, str] = {}
    for field, value in (
        ("title", found.title), ("author", found.author), ("outlet", found.sitename),
        ("date", found.date), ("url", found.url), ("description", found.description),
        ("language", found.language),
    ):
        if isinstance(value, str) and value.strip():
            meta[field] = clean(" ".join(value.split()))
    if "outlet" not in meta and found.hostname:
        meta["outlet"] = clean(found.hostname)
    body = paragraphs_apart(found.text)
    title = meta.get("title", "")
    if title and body.startswith(title + "\n"):  # the headline is metadata, not the story
        body = body[len(title):].lstrip()
    apart = [
        (BOILERPLATE, "caption", clean("\n\n".join(c for c in captions if c))),
        (COMMENTS, "reader comments", clean(paragraphs_apart(found.comments or ""))),
    ]
    return clean(body), apart, meta


def read(data: bytes, ctx: ReadContext) -> list[Document]:
    body, apart, meta = extract(data)
    return [make_document(file_id(ctx.rel), ctx.rel, body, meta, apart)]


_BLOCKS = {
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
    "section", "article", "pre", "ul", "ol", "table", "figure", "figcaption", "hr",
}
_DROPPED = {"script", "style", "noscript", "template", "iframe", "object", "embed"}


def fragment_text(html: str) -> str:
    """The text of an HTML fragment (a feed entry's content), a paragraph per block."""
    from lxml import etree
    from lxml import html as lxml_html

    if "<" not in html:
        return paragraphs_apart(html)
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return paragraphs_apart(html)
    for el in list(root.iter(*_DROPPED)):
        el.drop_tree()  # (its tail, the text after it, stays)
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        block = isinstance(el.tag, str) and el.tag in _BLOCKS
        if event == "start":
            parts.append("\n" if block else "")
            parts.append(el.text or "")
        else:
            parts.append("\n" if block else "")
            if el is not root:
                parts.append(el.tail or "")
    return paragraphs_apart(" ".join("".join(parts).replace("\xa0", " ").split(" ")))
