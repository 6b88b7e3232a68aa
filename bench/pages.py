"""Articles dressed as they are found: a saved news page (navigation, cookie banner,
scripts, JSON-LD, a captioned photo, related links, comments, footer) and a two-column
PDF with running headers and page numbers. The format fixtures and the format benchmark
both write them; an article is a dict of title, outlet, date, author, url, paragraphs.
"""

from __future__ import annotations

import html
import json

from pdfmini import pdf, wrap


def page(article: dict) -> str:
    """A saved news page: navigation, a cookie banner, scripts, JSON-LD metadata, a photo
    with its caption, related links, a comment section and a footer."""
    e = html.escape
    ld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": article["title"], "datePublished": article["date"] + "T09:30:00Z",
        "author": {"@type": "Person", "name": article["author"]},
        "publisher": {"@type": "Organization", "name": article["outlet"]},
    })
    paras = "\n".join(f"      <p>{e(p)}</p>" for p in article["paragraphs"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{e(article['title'])} | {e(article['outlet'])}</title>
  <link rel="canonical" href="{article['url']}">
  <meta property="og:site_name" content="{e(article['outlet'])}">
  <meta property="og:title" content="{e(article['title'])}">
  <meta name="author" content="{e(article['author'])}">
  <script type="application/ld+json">{ld}</script>
  <script>window.dataLayer = []; function track() {{ return "Subscribe now"; }}</script>
  <style>.cookie {{ position: fixed; }}</style>
</head>
<body>
  <div class="cookie-banner" id="cookie-consent">
    <p>We use cookies to improve your experience. Accept all cookies or manage your
    preferences.</p><button>Accept all</button>
  </div>
  <header>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>{e(article['title'])}</h1>
      <p class="byline">By <a rel="author" href="/staff">{e(article['author'])}</a></p>
      <time datetime="{article['date']}T09:30:00Z">{article['date']}</time>
      <figure><img src="barrier.jpg" alt="The river mouth at low tide">
        <figcaption>The river mouth at low tide. Photo: Sam Reed/Coastal Ledger</figcaption>
      </figure>
{paras}
    </article>
    <aside class="related"><h2>Related stories</h2><ul>
      <li><a href="/a">Storm surge floods the quay for the third time this year</a></li>
      <li><a href="/b">Ten things to do in Westport this weekend</a></li></ul></aside>
    <div class="advert">Advertisement</div>
    <section id="comments" class="comments">
      <h2>Comments</h2>
      <div class="comment"><p class="comment-author">harbourwatcher</p>
        <p>About time. The quay flooded twice last winter and nobody did anything.</p></div>
      <div class="comment"><p class="comment-author">j_pike_77</p>
        <p>Forty-eight million for a gate? Spend it on the sea wall instead.</p></div>
    </section>
  </main>
  <footer><p>&copy; 2024 {e(article['outlet'])}. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""


def two_column_pdf(article: dict) -> bytes:
    """The article in two columns over two pages, each page with a running header, a
    page number in the footer, and words broken by hyphens at line ends."""
    lines: list[str] = []  # "" is the space between two paragraphs
    for paragraph in article["paragraphs"]:
        if lines:
            lines.append("")
        wrapped = wrap(paragraph, 44)
        # break one long word across lines, as a typesetter does
        for i, line in enumerate(wrapped[:-1]):
            last = line.rsplit(" ", 1)[-1]
            if len(last) >= 8 and last.isalpha() and last.islower():
                wrapped[i] = line[: -len(last)] + last[:4] + "-"
                wrapped[i + 1] = last[4:] + " " + wrapped[i + 1]
                break
        lines.extend(wrapped)
    per_column = (len(lines) + 3) // 4
    columns = [lines[i : i + per_column] for i in range(0, len(lines), per_column)]
    pages = []
    for number in range(2):
        placed = [(72.0, 750.0, f"{article['outlet']} - {article['date']}")]
        for side in range(2):
            column = columns[number * 2 + side] if number * 2 + side < len(columns) else []
            x = 72.0 if side == 0 else 320.0
            placed += [(x, 700.0 - 12 * i, text) for i, text in enumerate(column) if text]
        placed.append((300.0, 40.0, str(number + 1)))
        pages.append(placed)
    info = {"title": article["title"], "author": article["author"],
            "date": "D:" + article["date"].replace("-", "") + "093000Z"}
    return pdf(pages, info, size=9)
