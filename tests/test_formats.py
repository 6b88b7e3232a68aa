"""The corpus formats: saved pages, PDFs, tables, API dumps, feeds and web archives load
with their metadata and the same body (hence the same quotes and entities) as the same
article given as Markdown; bad files are named with a reason and never stop a load."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.corpus.document import BODY, BOILERPLATE, COMMENTS, Document
from tui.corpus.formats.plain import guess_date
from tui.corpus.loader import SUFFIXES, load_corpus, load_file
from tui.corpus.report import Skipped, summary
from tui.entities.extract import extract_entities
from tui.quotes.extract import extract_quotes

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "formats"
sys.path.insert(0, str(ROOT / "bench"))

from pdfmini import pdf, wrap  # noqa: E402

MIXED = load_corpus(FIXTURES / "corpus")
MARKDOWN = {d.title: d for d in load_corpus(FIXTURES / "markdown").documents}
BY_ID = {d.id: d for d in MIXED.documents}


def body_text(doc: Document) -> str:
    return "".join(doc.text[s.start:s.end] for s in doc.sections if s.kind == BODY).strip()


# id → (outlet, author, url given?) ; the rest is checked against the Markdown original
EXPECTED = {
    "page": ("The Coastal Ledger", "Mara Ellison", True),
    "archive-warc-gz-2": ("The Coastal Ledger", "Mara Ellison", True),
    "two-column": ("", "Mara Ellison", False),  # a PDF's metadata names no outlet
    "mediacloud-1": ("The Coastal Ledger", "Mara Ellison", True),
    "mediacloud-2": ("Northern Post", "Daniel Mbeki", True),
    "coverage-1": ("The Coastal Ledger", "Mara Ellison", True),
    "coverage-2": ("Northern Post", "Daniel Mbeki", True),
    "newsapi-0": ("The Coastal Ledger", "Mara Ellison", True),
    "newsapi-1": ("Northern Post", "Daniel Mbeki", True),
    "feed-1": ("Regional Wire", "Mara Ellison", True),  # the feed is the outlet
    "feed-2": ("Regional Wire", "Daniel Mbeki", True),
    "dateline": ("", "", False),
}


def test_every_fixture_article_loads_and_every_other_file_is_named() -> None:
    assert sorted(BY_ID) == sorted(EXPECTED)
    assert [(s.path, s.reason) for s in MIXED.skipped] == [
        ("empty.txt", "empty"),
        ("notes.docx", "unsupported format (.docx)"),
        ("scan.pdf", "no text layer (a scanned PDF? run OCR on it first)"),
    ]


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_metadata_and_body_match_the_article(doc_id: str) -> None:
    doc = BY_ID[doc_id]
    original = MARKDOWN[doc.title]  # the whole title, as the Markdown gives it
    outlet, author, has_url = EXPECTED[doc_id]
    assert (doc.outlet, doc.author, doc.date) == (outlet, author, original.date)
    assert doc.url == (original.url if has_url else "")
    if doc_id == "dateline":  # the dateline stays in the text; it is the date's source
        assert doc.meta["date_guessed"] is True and doc.meta["title_guessed"] is True
        assert body_text(doc).endswith(original.text.strip())
    else:
        assert body_text(doc) == original.text.strip()


@pytest.mark.parametrize("doc_id", ["page", "archive-warc-gz-2"])
def test_a_page_keeps_captions_and_comments_apart_and_drops_its_furniture(doc_id: str
                                                                          ) -> None:
    doc = BY_ID[doc_id]
    assert [(s.kind, s.label) for s in doc.sections] == [
        (BODY, ""), (BOILERPLATE, "caption"), (COMMENTS, "reader comments")]
    body, caption, comments = (doc.text[s.start:s.end] for s in doc.sections)
    assert caption.strip() == "The river mouth at low tide. Photo: Sam Reed/Coastal Ledger"
    assert "Spend it on the sea wall" in comments and "harbourwatcher" in comments
    assert doc.sections[-1].end == doc.chars
    for furniture in ("cookies", "Home", "Subscribe", "Related stories", "Ten things to do",
                      "Advertisement", "All rights reserved", "dataLayer", "Accept all"):
        assert furniture not in doc.text


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_quotes_and_entities_are_those_of_the_markdown(doc_id: str) -> None:
    doc = BY_ID[doc_id]
    original = MARKDOWN[doc.title]

    def found(d: Document) -> tuple[list, list]:
        entities = extract_entities([d])
        quotes = extract_quotes([d], entities)
        return ([(q.text, q.speaker) for q in quotes if q.kind is not None
                 and d.section_kind_at(q.start) == BODY],
                sorted((e.name, e.type) for e in entities))

    quotes, entities = found(doc)
    want_quotes, want_entities = found(original)
    assert quotes == want_quotes and len(quotes) >= 4
    assert entities == want_entities or doc_id == "dateline"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_sources_names_every_file_it_did_not_load() -> None:
    proc = run("sources", "--corpus", str(FIXTURES / "corpus"))
    assert proc.returncode == 0
    assert proc.stderr.splitlines()[-1] == (
        "newsdesk: 8 loaded, 3 skipped: 1 empty, 1 unsupported (.docx), 1 no text layer "
        "— newsdesk sources --skipped lists them")
    listed = run("sources", "--skipped", "--corpus", str(FIXTURES / "corpus"))
    assert listed.stdout.splitlines() == [
        "empty.txt\tempty",
        "notes.docx\tunsupported format (.docx)",
        "scan.pdf\tno text layer (a scanned PDF? run OCR on it first)",
    ]
    as_json = json.loads(run("sources", "--skipped", "--json", "--corpus",
                             str(FIXTURES / "corpus")).stdout)
    assert [s["kind"] for s in as_json] == ["empty", "unsupported", "no text layer"]


def test_the_summary_counts_kinds_and_extensions() -> None:
    skipped = [Skipped("a.docx", "unsupported format (.docx)"),
               Skipped("b.pptx", "unsupported format (.pptx)"),
               Skipped("c", "unsupported format (no extension)"), Skipped("d.md", "empty")]
    assert summary(5, skipped) == (
        "5 loaded, 4 skipped: 3 unsupported (.docx, .pptx, no extension), 1 empty "
        "— newsdesk sources --skipped lists them")


# --- JSON shapes --------------------------------------------------------------------------


def load_one(tmp_path: Path, name: str, data: str | bytes, **kw) -> tuple[list[Document],
                                                                             list[str]]:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    warnings: list[str] = []
    return load_file(path, name, warnings.append, **kw), warnings


def test_guardian_and_nyt_dumps_load_as_saved(tmp_path: Path) -> None:
    guardian = {"response": {"status": "ok", "results": [{
        "id": "world/2024/may/02/strike", "webTitle": "Rail strike halts trains",
        "webPublicationDate": "2024-05-02T08:00:00Z", "webUrl": "https://g.example/strike",
        "fields": {"bodyText": "Trains stopped. “We are out,” said Grace Adeyemi.",
                   "byline": "Dan Mbeki"}}]}}
    docs, warnings = load_one(tmp_path, "guardian.json", json.dumps(guardian))
    assert warnings == []
    [doc] = docs
    assert (doc.title, doc.date, doc.url, doc.author) == (
        "Rail strike halts trains", "2024-05-02", "https://g.example/strike", "Dan Mbeki")
    assert doc.text.startswith("Trains stopped.")
    nyt = {"status": "OK", "response": {"docs": [{
        "headline": {"main": "Council backs barrier"}, "pub_date": "2024-03-14T05:00:00+0000",
        "web_url": "https://nyt.example/b", "byline": {"original": "By Mara Ellison"},
        "source": "The New York Times", "lead_paragraph": "The council voted on Wednesday."}]}}
    [doc], _ = load_one(tmp_path, "nyt.json", json.dumps(nyt))
    assert (doc.title, doc.outlet, doc.date, doc.author) == (
        "Council backs barrier", "The New York Times", "2024-03-14", "By Mara Ellison")
    lines = "\n".join(json.dumps({"headline": f"H{i}", "full_text": f"Text {i}."})
                      for i in range(3))
    docs, _ = load_one(tmp_path, "dump.jsonl", lines)
    assert [d.title for d in docs] == ["H0", "H1", "H2"]


# --- plain text ---------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "day"), [
    ("Published 22 August 2019", "2019-08-22"), ("Aug. 22, 2019", "2019-08-22"),
    ("Thursday, August 22, 2019 at 10:04 am", "2019-08-22"),
    ("Updated: 2019-08-22T10:04:00Z", "2019-08-22"), ("22nd Aug 2019", "2019-08-22"),
    ("It rained on 22 August 2019 and the day after, said everyone.", None),
    ("February 30, 2019", None),
])
def test_a_dateline_near_the_top_is_a_guessed_date(line: str, day: str | None) -> None:
    assert guess_date(f"A headline\n\n{line}\n\nThe text.") == day


def test_a_long_first_line_is_the_whole_title(tmp_path: Path) -> None:
    title = "Voters in the capital head to the polls in the October municipal elections " * 2
    [doc], _ = load_one(tmp_path, "a.txt", f"{title.strip()}\n\nBody text here.\n")
    assert doc.title == title.strip()
    # a file of one endless line: its title is cut at a word, and says so
    [doc], _ = load_one(tmp_path, "b.txt", "municipal elections " * 100)
    assert doc.title.endswith("elections…") and len(doc.title) <= 301


# --- tables -------------------------------------------------------------------------------


def test_config_maps_a_table_s_own_column_names(tmp_path: Path) -> None:
    table = "Kop;Verhaal;Krant\nBarrier approved;“Yes,” said Ines Okafor.;Het Dagblad\n"
    docs, warnings = load_one(tmp_path, "export.csv", table)
    assert docs == [] and "no text column" in warnings[0]
    [doc], _ = load_one(tmp_path, "export.csv", table,
                        columns={"text": "Verhaal", "title": "Kop", "outlet": "Krant"})
    assert (doc.title, doc.outlet, doc.text) == (
        "Barrier approved", "Het Dagblad", "“Yes,” said Ines Okafor.")


def test_tab_separated_and_huge_cells(tmp_path: Path) -> None:
    big = "word " * 60_000  # 300 KB, over csv's own 128 KiB cell limit
    docs, warnings = load_one(tmp_path, "t.tsv", f"title\ttext\nBig\t{big}\n")
    assert warnings == [] and docs[0].chars == len(big)
    docs, warnings = load_one(tmp_path, "t.tsv", f"title\ttext\nBig\t{big}\n", max_bytes=1000)
    assert docs == [] and "limit" in warnings[0]


# --- bad input ----------------------------------------------------------------------------


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf([[(72, 700, "Secret text.")]]))))
    writer.encrypt("s3cret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


BAD = {
    "broken.html": (b"<html><body><div><p>unclosed <b>tags \x00\xff<<>></scr", "no article text"),
    "locked.pdf": (_encrypted_pdf(), "encrypted"),
    "cut.pdf": (pdf([[(72, 700, "Some text.")]])[:300], "PDF"),
    "ragged.csv": (b"title,text,date\nA,Body one.\nB,Body two.,2024-01-01,extra\n",
                   "do not have the header's 3 cells"),
    "latin.csv": ("title,text\nCaf\xe9,Cr\xe8me br\xfbl\xe9e.\n".encode("latin-1"),
                  "not valid UTF-8"),
    "feed.rss": (b"this is not XML at all {", "feed"),
    "cut.warc.gz": ((FIXTURES / "corpus" / "archive.warc.gz").read_bytes()[:1500], "cut short"),
    "junk.xlsx": (b"PK\x03\x04 not a workbook", "Excel"),
}


def test_each_bad_file_gets_one_line_naming_it_and_the_rest_loads(tmp_path: Path) -> None:
    for name, (data, _) in BAD.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.md").write_text("---\ntitle: Good\n---\nFine.\n")
    result = load_corpus(tmp_path)
    titles = sorted(d.title for d in result.documents)
    assert "Good" in titles and "A" in titles and "Café" in titles  # ragged/latin still load
    for name, (_, reason) in BAD.items():
        lines = [w for w in result.warnings if w.startswith(name)]
        assert lines and all("\n" not in w for w in lines), name
        assert any(reason in w for w in lines), (name, lines)
    skipped = {s.path for s in result.skipped}
    assert skipped == set(BAD) - {"ragged.csv", "latin.csv", "cut.warc.gz"}  # (read in part)
    proc = run("sources", "--corpus", str(tmp_path))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr


def test_a_missing_library_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    import importlib

    real = importlib.import_module

    def without_pypdf(name: str, *args, **kw):
        if name == "pypdf":
            raise ImportError("no pypdf")
        return real(name, *args, **kw)

    monkeypatch.setattr(importlib, "import_module", without_pypdf)
    docs, warnings = load_one(tmp_path, "a.pdf", (FIXTURES / "corpus" / "two-column.pdf")
                              .read_bytes())
    assert docs == [] and warnings == [
        "a.pdf: reading PDF needs the pypdf library: pip install 'newsdesk[pdf]'; skipped"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(sorted(SUFFIXES | {".docx", ""})))
def test_random_bytes_never_raise(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    result = load_corpus(tmp_path)
    assert len(result.documents) or result.skipped
    assert all("\n" not in w for w in result.warnings)
    path.unlink()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=1, max_value=4000), suffix=st.sampled_from(
    ["page.html", "two-column.pdf", "coverage.xlsx", "feed.rss", "archive.warc.gz",
     "mediacloud.csv", "newsapi.json"]))
def test_any_prefix_of_a_real_file_never_raises(tmp_path: Path, cut: int, suffix: str) -> None:
    data = (FIXTURES / "corpus" / suffix).read_bytes()[:cut]
    path = tmp_path / suffix
    path.write_bytes(data)
    warnings: list[str] = []
    docs = load_file(path, suffix, warnings.append)
    assert docs or warnings


# --- linear in the input -------------------------------------------------------------------


def test_pdf_paragraphs_are_linear() -> None:
    from tests.test_linear_time import doubling_ratio
    from tui.corpus.formats.pdf import page_text

    line = ("A line of a column that goes on for a while, end-", False)
    page = [line, ("ing here.", False), ("Short.", True)] * 200
    assert doubling_ratio(page_text, lambda n: [page] * n, 20) < 3


def test_tables_are_linear() -> None:
    from tests.test_linear_time import doubling_ratio
    from tui.corpus.formats import ReadContext
    from tui.corpus.formats.tables import read

    row = b"A title,Some text said \"quoted\",2024-01-01,Outlet\n"
    ctx = ReadContext("t.csv", lambda _m: None)
    assert doubling_ratio(lambda data: read(data, ctx),
                          lambda n: b"title,text,date,outlet\n" + row * n, 2000) < 3


def test_the_fixtures_are_what_the_script_writes(tmp_path: Path) -> None:
    """The committed binaries are reproducible: the script writes the same bytes."""
    subprocess.run([sys.executable, str(FIXTURES / "make_fixtures.py"), str(tmp_path)],
                   check=True, timeout=120)
    for folder in ("corpus", "markdown"):
        for path in sorted((FIXTURES / folder).iterdir()):
            assert (tmp_path / folder / path.name).read_bytes() == path.read_bytes(), path.name
    assert gzip.decompress((FIXTURES / "corpus" / "archive.warc.gz").read_bytes())
    assert wrap("a b c", 3) == ["a b", "c"]


def test_a_feed_naming_a_local_file_does_not_read_it(tmp_path: Path) -> None:
    secret = tmp_path / "secret.rss"
    secret.write_text('<rss version="2.0"><channel><title>Leak</title><item><title>S</title>'
                      "<description>Secret text.</description></item></channel></rss>")
    docs, warnings = load_one(tmp_path, "pointer.rss", str(secret))
    assert docs == [] and "Secret" not in " ".join(warnings)


def test_a_workbook_that_unpacks_past_the_limit_is_not_unpacked(tmp_path: Path) -> None:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("xl/worksheets/sheet1.xml", b" " * (4 << 20))  # 4 MiB of spaces
    data = out.getvalue()
    assert len(data) < 20_000
    docs, warnings = load_one(tmp_path, "bomb.xlsx", data, max_bytes=1 << 20)
    assert docs == [] and warnings == [
        "bomb.xlsx: unpacks to 4 MiB, over the 1 MiB limit (max_file_mb); skipped"]


def test_a_web_archive_page_over_the_limit_is_skipped(tmp_path: Path) -> None:
    data = (FIXTURES / "corpus" / "archive.warc.gz").read_bytes()
    docs, warnings = load_one(tmp_path, "a.warc.gz", data, max_bytes=len(data) + 1)
    assert docs == [] and any(": a page over the" in w for w in warnings)


@pytest.mark.parametrize("kind", ["html", "rss"])
def test_pages_and_feeds_are_linear(kind: str) -> None:
    from tests.test_linear_time import doubling_ratio
    from tui.corpus.formats import ReadContext
    from tui.corpus.formats.feeds import read as read_feed
    from tui.corpus.formats.html import read as read_html

    para = "<p>“We will see,” said Ines Okafor, who leads the council in Westport.</p>"
    if kind == "html":
        def make(n: int) -> bytes:
            return (f"<html><head><title>T</title></head><body><nav>Home</nav><article>"
                    f"{para * n}</article></body></html>").encode()
        read, n = read_html, 400
    else:
        def make(n: int) -> bytes:
            item = f"<item><title>T</title><description><![CDATA[{para}]]></description></item>"
            channel = f"<channel><title>W</title>{item * n}</channel>"
            return f'<rss version="2.0">{channel}</rss>'.encode()
        read, n = read_feed, 100
    ctx = ReadContext(f"x.{kind}", lambda _m: None)
    assert doubling_ratio(lambda data: read(data, ctx), make, n, repeat=3) < 3


def test_columns_in_config_are_read_and_checked(tmp_path: Path) -> None:
    from tui.config import ConfigError
    from tui.config import load as load_settings

    good = tmp_path / "good.yaml"
    good.write_text("columns:\n  text: Verhaal\n  title: Kop\n")
    assert load_settings(good).columns == {"text": "Verhaal", "title": "Kop"}
    bad = tmp_path / "bad.yaml"
    bad.write_text("columns:\n  story: Verhaal\n")
    with pytest.raises(ConfigError, match=r"bad.yaml:2: columns.story: not a field; use one of "
                                          r"text, title, date, outlet, url, author"):
        load_settings(bad)
