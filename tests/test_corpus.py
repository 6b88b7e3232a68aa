from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.corpus.document import BODY, SECTION_KINDS
from tui.corpus.loader import CorpusError, load_corpus, load_file, split_front_matter

from .conftest import CORPUS, SEEDS

EXPECTED = {
    "000-business-insider": "Business Insider",
    "001-businessline-bloomberg": "BusinessLine/Bloomberg",
    "002-japan-today-ap": "Japan Today/AP",
    "003-unnamed-news-site": "Unnamed news site",
    "004-vox-messenger-repost": "Vox Messenger blog (repost)",
}


def test_bundled_corpus_has_five_sources_with_metadata(bundled):
    assert [d.id for d in bundled] == list(EXPECTED)
    for doc in bundled:
        assert doc.outlet == EXPECTED[doc.id]
        assert doc.date == "2019-08-22"
        assert doc.title and not doc.meta.get("title_guessed")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not beside the repo")
def test_bundled_bodies_are_the_seeds_byte_for_byte(bundled):
    for doc in bundled:
        seed = SEEDS / f"{doc.meta['seed']}.txt"
        raw = (CORPUS / doc.path).read_bytes()
        assert raw.endswith(seed.read_bytes())
        assert doc.text == seed.read_text(encoding="utf-8")


def test_paragraphs_are_trimmed_lines(docs_by_id):
    doc = docs_by_id["000-business-insider"]
    texts = [doc.text[p.start : p.end] for p in doc.paragraphs]
    assert texts[0].startswith("South Korea ramps up trade war")
    # bullets are list markup, not part of the paragraph
    assert "South Korea and Japan are in the midst of a trade war" in texts[2]
    assert not texts[2].startswith("•")
    assert all(t == t.strip() and t for t in texts)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_front_matter_and_first_line_title(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: Hello\noutlet: Wire\ndate: 2020-01-02\n---\nBody text.\n")
    write(tmp_path, "b.txt", "\n\n  First line is the title\nAnd then the body.\n")
    result = load_corpus(tmp_path)
    a, b = result.documents
    assert (a.title, a.outlet, a.date, a.text) == ("Hello", "Wire", "2020-01-02", "Body text.\n")
    assert b.title == "First line is the title" and b.meta["title_guessed"] is True
    assert b.outlet == "" and b.date == ""
    assert result.warnings == []


def test_json_and_jsonl_records(tmp_path):
    records = [
        {"title": "One", "text": "First body.", "outlet": "A"},
        {"title": "Two", "body": "Second body.", "id": "custom id"},
        {"title": "Three", "content": "Third body.", "tags": ["x"]},
    ]
    write(tmp_path, "many.json", json.dumps(records))
    lines = [json.dumps(r) for r in records[:2]] + ["{broken", json.dumps({"title": "no text"})]
    write(tmp_path, "feed.jsonl", "\n".join(lines))
    write(tmp_path, "single.json", json.dumps({"title": "Solo", "text": "Only one."}))
    result = load_corpus(tmp_path)
    by_title = {d.title: d for d in result.documents}
    assert by_title["Three"].meta["tags"] == ["x"]
    assert by_title["Solo"].id == "single"
    assert {d.text for d in result.documents} >= {"First body.", "Second body.", "Only one."}
    assert len({d.id for d in result.documents}) == len(result.documents)  # ids are unique
    assert len(result.warnings) == 2
    assert any("feed.jsonl:3: not valid JSON" in w for w in result.warnings)
    assert any("feed.jsonl:4: record has no text" in w for w in result.warnings)


def test_bad_files_are_skipped_with_one_line_warnings(tmp_path):
    write(tmp_path, "good.md", "---\ntitle: Good\n---\nFine text.\n")
    write(tmp_path, "binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" + bytes(range(256)))
    write(tmp_path, "empty.md", b"")
    write(tmp_path, "blank.txt", b"   \n\n")
    write(tmp_path, "latin.txt", "Caf\xe9 society\nSo it goes.\n".encode("latin-1"))
    write(tmp_path, "broken.md", "---\ntitle: [unclosed\noutlet: x\n---\nBody survives.\n")
    write(tmp_path, "list.md", "---\n- a\n- b\n---\nBody too.\n")
    write(tmp_path, "notes.docx", "not a format the loader reads\n")
    result = load_corpus(tmp_path)
    titles = sorted(d.title for d in result.documents)
    assert titles == ["Body survives.", "Body too.", "Café society", "Good"]
    warnings = "\n".join(result.warnings)
    assert all("\n" not in w for w in result.warnings)
    assert "binary.md: binary" in warnings
    assert "empty.md: empty" in warnings and "blank.txt: empty" in warnings
    assert "latin.txt: not valid UTF-8; read as Windows-1252" in warnings
    assert "broken.md: front matter is not valid YAML (line 3)" in warnings
    assert "list.md: front matter is not a mapping" in warnings
    assert "notes.docx" not in warnings  # unsupported: in the skip report, not a warning
    assert {s.path: s.reason for s in result.skipped}["notes.docx"] == (
        "unsupported format (.docx)")
    assert {s.path for s in result.skipped} == {"binary.md", "empty.md", "blank.txt",
                                                "notes.docx"}


def test_huge_file_is_skipped(tmp_path):
    write(tmp_path, "big.txt", "word " * 1000)
    warnings: list[str] = []
    assert load_file(tmp_path / "big.txt", "big.txt", warnings.append, max_bytes=100) == []
    assert "over the" in warnings[0]


def test_crlf_is_canonicalised(tmp_path):
    write(tmp_path, "w.txt", "Title\r\nLine one.\r\n\r\nLine two.\r\n")
    (doc,) = load_corpus(tmp_path).documents
    assert "\r" not in doc.text
    assert [doc.text[p.start : p.end] for p in doc.paragraphs] == [
        "Title",
        "Line one.",
        "Line two.",
    ]


def test_missing_or_file_corpus_raises_corpus_error(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "nope")
    write(tmp_path, "file.md", "x")
    with pytest.raises(CorpusError, match="not a directory"):
        load_corpus(tmp_path / "file.md")


def test_front_matter_needs_a_closing_fence():
    meta, body, problem = split_front_matter("---\ntitle: x\nno closing fence\n")
    assert meta is None and problem is None and body.startswith("---")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.builds(
            lambda fm, body: f"---\n{fm}\n---\n{body}".encode("utf-8", "surrogatepass"),
            st.text(max_size=80),
            st.text(max_size=300),
        ),
    )
)
def test_any_bytes_load_without_raising_and_sections_tile_text(tmp_path, data):
    path = tmp_path / "fuzz.md"
    path.write_bytes(data)
    warnings: list[str] = []
    docs = load_file(path, "fuzz.md", warnings.append)
    assert all("\n" not in w for w in warnings)
    for doc in docs:
        assert doc.text
        pos = 0
        for section in doc.sections:
            assert section.kind in SECTION_KINDS
            assert section.start == pos < section.end <= len(doc.text)
            pos = section.end
        assert pos == len(doc.text)
        for para in doc.paragraphs:
            assert 0 <= para.start < para.end <= len(doc.text)
            assert doc.text[para.start : para.end].strip() == doc.text[para.start : para.end]
        assert doc.section_kind_at(0) in SECTION_KINDS
    if not docs:
        assert warnings  # nothing is dropped silently
    else:
        assert docs[0].section_kind_at(len(docs[0].text) + 5) == BODY


_FM_PIECES = st.sampled_from(
    ['"', "\\", ":", " ", "#", "-", ".", "/", "é", "\t", "~", "'", "[", "{", "&", "*", ",",
     "yes", "No", "null", "On", "y", "2019-11-28", "2019-13-40", "http://x.y/z", "a", "Z9"]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["title", "date", "url", "Yes", "null", "a_b", "x1"]),
            st.sampled_from(["", " ", "  "]),
            st.lists(_FM_PIECES, max_size=5).map("".join),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_front_matter_fast_path_reads_what_yaml_reads(lines: list) -> None:
    import yaml

    from tui.corpus.loader import _plain, _YamlLoader

    block = "".join(f"{k}:{gap}{v}\n" for k, gap, v in lines)
    meta, body, problem = split_front_matter(f"---\n{block}---\nText.\n")
    try:
        data = yaml.load(block, Loader=_YamlLoader)
    except (yaml.YAMLError, ValueError):
        return
    if isinstance(data, dict) and problem is None:
        expected = _plain(data)
        assert meta == expected and list(meta) == list(expected)
    assert body == "Text.\n"


def test_deeply_nested_files_are_skipped_not_fatal(tmp_path):
    write(tmp_path, "good.md", "---\ntitle: Good\n---\nFine text.\n")
    write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    write(tmp_path, "deepfm.md", "---\ntitle: " + "[" * 20_000 + "]" * 20_000 + "\n---\nBody.\n")
    result = load_corpus(tmp_path)
    assert [d.title for d in result.documents if d.title == "Good"] == ["Good"]
    assert any("deep.json" in w and "skipped" in w for w in result.warnings)
    assert all("\n" not in w for w in result.warnings)


def test_lone_surrogates_from_json_escapes_become_replacement_characters(tmp_path):
    line = '{"title": "Bad \\ud800 title", "text": "Officials said \\"this is \\udfff fine\\"."}'
    write(tmp_path, "feed.jsonl", line)
    (doc,) = load_corpus(tmp_path).documents
    assert doc.title == "Bad \ufffd title"
    assert doc.text == 'Officials said "this is \ufffd fine".'
    json.dumps(doc.to_json(), ensure_ascii=False).encode("utf-8")  # every output can encode it


def test_utf16_with_a_bom_is_text(tmp_path):
    write(tmp_path, "win.txt", "Headline\r\nCafé “quoted” text.\r\n".encode("utf-16"))
    (doc,) = load_corpus(tmp_path).documents
    assert doc.title == "Headline" and "Café “quoted” text." in doc.text


def test_unreadable_folder_is_warned_about(tmp_path, monkeypatch):
    import tui.corpus.loader as corpus_module

    write(tmp_path, "a.md", "Title\nBody.\n")
    (tmp_path / "locked").mkdir()
    real_scandir = corpus_module.os.scandir

    def scandir(path):  # (the tests run as any user, root too: the folder is made unreadable)
        if corpus_module.os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", corpus_module.os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(corpus_module.os, "scandir", scandir)
    result = load_corpus(tmp_path)
    assert [d.title for d in result.documents] == ["Title"]
    assert result.warnings == ["locked: folder cannot be read (Permission denied); skipped"]


def test_unreadable_root_is_a_corpus_error(tmp_path, monkeypatch):
    import tui.corpus.loader as corpus_module

    def scandir(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(corpus_module.os, "scandir", scandir)
    with pytest.raises(CorpusError, match="cannot read corpus directory"):
        load_corpus(tmp_path)
