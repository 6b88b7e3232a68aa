"""Citations, styles, templates, CSL-JSON, BibTeX and appending: golden files for each
built-in style and grouping, each checked by a reader of its format (markdown-it-py,
jsonschema, bibtexparser), and the errors a user can make, each one line."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin
from pylatexenc.latex2text import LatexNodes2Text

from tui.cli import FORMATS as CLI_FORMATS
from tui.cli import GROUPS as CLI_GROUPS
from tui.cli import main
from tui.config import TemplateSetting
from tui.corpus.loader import load_corpus, make_document
from tui.export.citation import FIELDS, article_keys, cite
from tui.export.files import ExportError, append_atomic
from tui.export.job import FORMATS, ExportJob
from tui.export.render import GROUPS, Scope
from tui.export.roles import role_of
from tui.export.styles import BUILT_IN, style_named

from . import export_sample
from .export_sample import NOW
from .quote_quality import ROOT
from .test_linear_time import doubling_ratio

GOLDEN = Path(__file__).resolve().parent / "golden"
SCHEMA = json.loads((Path(__file__).resolve().parent / "schemas" / "csl-data.json").read_text())
SCOPE = Scope(query="dock strike", entity="Maria Okonkwo",
              facets={"picked": "6 selected in the dashboard", "sort": "source"})
_MD = MarkdownIt("commonmark").use(front_matter_plugin).enable(["strikethrough", "table"])


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def _render(fmt: str = "markdown", style: str = "markdown", group_by: str | None = None):
    docs = export_sample.documents()
    job = ExportJob(format=fmt, style=style, group_by=group_by, scope=SCOPE)
    return job.render(export_sample.quotes(docs), docs, now=NOW)


# --- golden files, read back by a reader of each format ---------------------------------


@pytest.mark.parametrize("group_by", [None, *GROUPS])
@pytest.mark.parametrize("style", list(BUILT_IN))
def test_golden_style_and_grouping(style, group_by):
    rendered = _render(style=style, group_by=group_by)
    _check_golden(f"style-{style}-{group_by or 'flat'}.{'txt' if style == 'plain' else 'md'}",
                  rendered.whole)
    if style == "plain":
        assert "[q000]" in rendered.whole and "> " not in rendered.whole
        return
    tokens = _MD.parse(rendered.whole)
    assert tokens[0].type == "front_matter"
    front = yaml.safe_load(tokens[0].content)
    assert front["quotes"] == 6 and front["entity"] == "Maria Okonkwo"
    assert front["query"] == "dock strike" and front["facets"]["sort"] == "source"
    # one blockquote a quotation (a callout is one), every block id on its own quotation
    assert sum(t.type == "blockquote_open" and t.level == 0 for t in tokens) == 6
    html = _MD.render(rendered.whole)
    for tag in ("<ol", "<ul", "<pre", "<code", "<hr", "<table", "<img", "<strong"):
        assert tag not in html
    assert [f"^q00{i}" in html for i in range(6)] == [True] * 6


def test_front_matter_names_the_sources_by_title_and_outlet():
    front = yaml.safe_load(_render().whole.split("---\n")[1])
    assert front["sources"][0] == {
        "title": "Dock strike enters its third week", "outlet": "Coastal Herald",
        "date": "2025-03-14", "url": "https://example.org/herald/dock-strike",
        "key": "brand2025dock"}
    assert [s["title"] for s in front["sources"]] == [
        "Dock strike enters its third week", "Gene drive trial raises hopes",
        "A page without front matter"]


def test_golden_csl_json_validates_against_the_schema():
    text = _render("csl-json").whole
    _check_golden("cited.csl.json", text)
    items = json.loads(text)
    jsonschema.validate(items, SCHEMA)
    herald = items[0]
    assert herald["author"] == [{"family": "Brand", "given": "Jo"}]
    assert herald["issued"] == {"date-parts": [[2025, 3, 14]]}
    assert herald["accessed"] == {"date-parts": [[2025, 3, 15]]}
    assert [i["id"] for i in items] == ["brand2025dock", "sciencedeskdaily2025gene",
                                        "apagewithoutfrontmatterpage"]
    # the Markdown cites each article by the same key
    markdown = _render().whole
    assert all(f"[@{i['id']}]" in markdown for i in items)


def test_golden_bibtex_parses_back_with_every_field():
    text = _render("bibtex").whole
    _check_golden("cited.bib", text)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    entries = {e.key: e for e in library.entries}
    assert list(entries) == ["brand2025dock", "sciencedeskdaily2025gene",
                             "apagewithoutfrontmatterpage"]
    herald = entries["brand2025dock"]
    assert herald.entry_type == "article"
    assert herald["title"] == "{Dock strike enters its third week}"
    assert herald["journal"] == "Coastal Herald" and herald["author"] == "Jo Brand"
    assert herald["url"] == "https://example.org/herald/dock-strike"
    assert (herald["year"], herald["month"], herald["urldate"]) == ("2025", "mar", "2025-03-15")


def test_bibtex_keeps_latex_specials_inside_their_field():
    doc = make_document("odd", "odd.md", '"Yes," Ana Ruiz said.', {
        "title": "50% of {all} C:\\ & #1 ~ a_b $5", "outlet": "Q&A", "date": "2025-01-01",
        "url": "https://example.org/a_b%20c?d={e}"})
    job = ExportJob(format="bibtex")
    quotes = [q for q in _quotes_of(doc)]
    (entry,) = bibtexparser.parse_string(job.render(quotes, {"odd": doc}).whole).entries
    assert LatexNodes2Text().latex_to_text(entry["title"]) == "50% of {all} C:\\ & #1 ~ a_b $5"
    assert entry["url"] == "https://example.org/a_b%20c?d=%7Be%7D"


def _quotes_of(doc):
    from tui.quotes.extract import extract_quotes

    return extract_quotes([doc])


def test_golden_append_adds_blocks_without_a_second_front_matter(tmp_path):
    note = tmp_path / "notes.md"
    note.write_text("# My notes on the strike\n\nSome thoughts.\n", encoding="utf-8")
    for style in ("markdown", "obsidian"):
        rendered = _render(style=style, group_by="speaker")
        path, appended = ExportJob(style=style).write(rendered, note, append=True)
        assert path == note and appended
    text = note.read_text(encoding="utf-8")
    _check_golden("append-notes.md", text)
    assert text.startswith("# My notes on the strike\n\nSome thoughts.\n\n## ")
    assert "---" not in text and text.count("^q000") == 2
    assert sum(t.type == "front_matter" for t in _MD.parse(text)) == 0


def test_append_to_a_missing_file_writes_the_whole_export(tmp_path):
    note = tmp_path / "new.md"
    rendered = _render()
    path, appended = ExportJob().write(rendered, note, append=True)
    assert not appended and note.read_text(encoding="utf-8") == rendered.whole


def test_append_refuses_what_it_cannot_append_to(tmp_path):
    with pytest.raises(ExportError, match=r"does not exist; export to a new file"):
        append_atomic(tmp_path / "missing.md", "x")
    binary = tmp_path / "b.md"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ExportError, match=r"b.md: it is not UTF-8 text$"):
        append_atomic(binary, "x")
    assert binary.read_bytes() == b"\xff\xfe\x00"
    with pytest.raises(ExportError, match="cannot append csl-json"):
        ExportJob(format="csl-json").write(_render("csl-json"), binary, append=True)


def test_append_keeps_the_file_mode_and_a_symlink(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    append_atomic(link, "new\n")
    assert link.is_symlink() and real.read_text() == "old\n\nnew\n"
    assert real.stat().st_mode & 0o777 == 0o640


# --- citations ---------------------------------------------------------------------------


def test_roles_come_from_the_text_around_the_name():
    docs = export_sample.documents()
    c = cite(export_sample.quotes(docs), docs)
    assert c[0].speaker_line == "Maria Okonkwo, a spokeswoman for the dockworkers' union"
    assert c[3].speaker_line == "Maria Okonkwo"  # that article does not say what she is
    assert c[2].role == "Port director"
    assert c[1].role == "an epidemiologist at the Coastal Institute"
    assert c[4].role == ""


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Japanese Foreign Minister Taro Kono called it regrettable.", "Taro Kono",
     "Japanese foreign minister"),
    ("Secretary of State Mike Pompeo said so.", "Mike Pompeo", "secretary of state"),
    ("“It matters,” security expert Ankit Panda told the paper.", "Ankit Panda",
     "security expert"),
    ("said South Korean NSC Deputy Director Kim You-geun, taking a shot.", "Kim You-geun",
     "South Korean NSC deputy director"),
    ("Kim You-geun, the deputy director of the office, said in a statement.", "Kim You-geun",
     "the deputy director of the office"),
    ("Abe, Moon and Trump met on Friday.", "Abe", ""),  # a list is not an appositive
    ("In Seoul President Moon spoke.", "Moon", "president"),
    ("Kim Kyung-Hoon/ReutersJapanese Prime Minister Shinzo Abe", "Shinzo Abe",
     "prime minister"),  # a photo credit glued on is not part of the title
    ("Ana Ruiz, who runs the port, said.", "Ana Ruiz", ""),  # a clause, not a role
    ("In response, Japanese defense minister, Takeshi Iwaya has criticized Seoul.",
     "Takeshi Iwaya", "Japanese defense minister"),
    ("On Wednesday, the top U.S. envoy on North Korea, Stephen Biegun, told reporters.",
     "Stephen Biegun", "U.S. envoy on North Korea"),
    ("Bolton and special envoy to North Korea Stephen Biegun have urged", "Stephen Biegun",
     "special envoy to North Korea"),
    ("He talked to President Moon on Friday.", "Moon", "president"),
    ("On Sunday, Ana Ruiz said.", "Ana Ruiz", ""),
    # an organisation's last word is not a surname to look for
    ("Kim, deputy director of the security office, said.", "South Korea's presidential office",
     ""),
])
def test_role_shapes(text, name, role):
    assert role_of(text, name, 0) == role


def test_the_role_nearest_the_quote_wins_and_the_surname_is_a_fallback():
    text = ("Former Mayor Ana Ruiz spoke first. Later, Governor Ruiz said: \"Yes.\"")
    assert role_of(text, "Ana Ruiz", len(text) - 5) == "former mayor"
    assert role_of("Governor Ruiz said no.", "Ana Ruiz", 0) == "governor"


def test_role_finding_is_linear_in_the_text():
    def make(n: int) -> str:
        # every mention has a near miss on both sides: the worst case for the look-around
        return "Officials, and Ana Ruiz and others, Ruiz and the Ruiz family said. " * n

    assert doubling_ratio(lambda t: role_of(t, "Ana Ruiz", len(t)), make, 2000) < 3


def test_partial_quotes_carry_their_sentence_and_full_ones_do_not():
    docs = export_sample.documents()
    by_id = {c.id: c for c in cite(export_sample.quotes(docs), docs)}
    assert by_id["q004"].context == (
        'Helix Biologics said it would supply the mosquitoes "at cost" for the first year.')
    assert by_id["q005"].context == 'Placards read "Fair Pay Now" along the quay.'
    assert by_id["q000"].context == ""


def test_keys_are_stable_unique_and_independent_of_the_selection():
    a = make_document("a", "a.md", "x", {"title": "The Vote", "outlet": "Gazette",
                                         "date": "2024-05-01"})
    b = make_document("b", "b.md", "x", {"title": "A vote", "outlet": "Gazette",
                                         "date": "2024-06-01"})
    c = make_document("c", "c.md", "x", {"title": "Vote!", "author": "Zoë Ödegaard",
                                         "date": "2024"})
    keys = article_keys([a, b, c])
    assert keys == {"a": "gazette2024votea", "b": "gazette2024voteb",
                    "c": "odegaard2024vote"}
    assert article_keys([b, c, a]) == keys


def test_the_cited_date_accessed_falls_back_to_the_file_date(tmp_path):
    (tmp_path / "s.md").write_text("---\ntitle: T\n---\n\"Yes,\" Ana Ruiz said.\n")
    os.utime(tmp_path / "s.md", (1_700_000_000, 1_700_000_000))
    docs = load_corpus(tmp_path).documents
    (c,) = cite(_quotes_of(docs[0]), {d.id: d for d in docs}, tmp_path)
    assert c.accessed == "2023-11-14"


# --- templates ---------------------------------------------------------------------------


def _template(text: str) -> dict[str, TemplateSetting]:
    return {"mine": TemplateSetting(None, text, "config.yaml:4")}


def test_a_user_template_sees_every_documented_field():
    text = "{{ id }}|{{ speaker_line }}|{{ title }}|{{ outlet }}|{{ key }}|{{ context }}"
    docs = export_sample.documents()
    job = ExportJob(style="mine", templates=_template(text))
    block = job.render(export_sample.quotes(docs), docs, now=NOW).block
    assert block.splitlines()[0] == (
        "q000|Maria Okonkwo, a spokeswoman for the dockworkers' union|"
        "Dock strike enters its third week|Coastal Herald|brand2025dock|")


@pytest.mark.parametrize(("text", "message"), [
    ("> {{ text }}\n— {{ speakr }}", "template mine (config.yaml:4), line 2: unknown field "
                                      "'speakr' (the fields are accessed, author, "),
    ("{% if role %}\n{{ rolee }}\n{% endif %}", "line 2: unknown field 'rolee'"),
    ("> {{ text }\n", "template mine (config.yaml:4), line 1: unexpected '}'"),
    ("{% for x in text %}\n{{ x }}", "line 2: Unexpected end of template"),
    ("{{ text.__class__.__mro__ }}", "line 1: "),  # the sandbox: no way out to Python
    ("{{ text | nosuchfilter }}", "line 1: No filter named 'nosuchfilter'"),
])
def test_template_errors_name_the_line(text, message):
    docs = export_sample.documents()
    job = ExportJob(style="mine", templates=_template(text))
    with pytest.raises(ExportError) as err:
        job.render(export_sample.quotes(docs), docs)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_a_template_error_leaves_no_file_and_no_half_append(tmp_path, capsys):
    bad = tmp_path / "bad.j2"
    bad.write_text("> {{ text }}\n\n{{ speaker_lien }}\n")
    out, note = tmp_path / "out.md", tmp_path / "note.md"
    note.write_text("kept\n")
    base = ["export", "--corpus", str(ROOT / "corpus"), "--all", "--template", str(bad)]
    assert main([*base, "-o", str(out)]) == 2
    assert main([*base, "-o", str(note), "--append"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"newsdesk: error: template {bad}, line 3: unknown field 'speaker_lien' "
                   f"(the fields are {err[0].split('(the fields are ')[1]}"] * 2
    assert not out.exists() and note.read_text() == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.j2", "note.md"]


def test_an_unknown_style_names_the_styles():
    with pytest.raises(ExportError, match=r"no export style named 'fancy' \(the styles are "
                                          r"markdown, obsidian, plain, mine\)"):
        style_named("fancy", _template("{{ text }}"))


# --- the command line ---------------------------------------------------------------------


def test_cli_choices_are_the_cores():
    assert CLI_FORMATS == FORMATS and CLI_GROUPS == GROUPS


def test_cli_export_under_an_entity_filter_in_each_format(tmp_path, capsys):
    base = ["export", "--corpus", str(ROOT / "corpus"), "--entity", "Taro Kono"]
    assert main([*base, "--style", "obsidian"]) == 0
    out = capsys.readouterr().out
    front = yaml.safe_load(out.split("---\n")[1])
    assert front["entity"] == "Taro Kono" and front["style"] == "obsidian"
    assert "> [!quote] Taro Kono, Japanese foreign minister\n" in out
    assert main([*base, "--format", "csl-json"]) == 0
    jsonschema.validate(json.loads(capsys.readouterr().out), SCHEMA)
    assert main([*base, "--format", "bibtex"]) == 0
    assert bibtexparser.parse_string(capsys.readouterr().out).entries
    note = tmp_path / "note.md"
    note.write_text("# Kono\n")
    for style in ("markdown", "plain"):
        assert main([*base, "--style", style, "-o", str(note), "--append"]) == 0
    assert capsys.readouterr().err.count(f"added 6 quotes to {note}") == 2
    text = note.read_text()
    assert text.startswith("# Kono\n\n> ") and "---" not in text


def test_cli_export_needs_to_be_told_which_quotes(capsys):
    assert main(["export", "--corpus", str(ROOT / "corpus")]) == 2
    assert "say which quotes" in capsys.readouterr().err
    assert main(["export", "--corpus", str(ROOT / "corpus"), "--all", "--append"]) == 2
    assert "--append needs -o FILE" in capsys.readouterr().err


def test_cli_export_into_a_directory_takes_the_formats_suffix(tmp_path, capsys):
    args = ["export", "--corpus", str(ROOT / "corpus"), "--all", "-o", f"{tmp_path}/"]
    assert main([*args, "--format", "bibtex"]) == 0
    assert main([*args, "--style", "plain"]) == 0
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".bib", ".txt"]


def test_config_names_a_default_style_and_user_templates(tmp_path, capsys):
    (tmp_path / "card.j2").write_text("* {{ speaker }}: {{ text | md }} [@{{ key }}]")
    (tmp_path / "config.yaml").write_text(
        "export:\n  style: card\n  templates:\n    card: card.j2\n"
        "    line: '{{ speaker }} — {{ title }}'\n")
    base = ["export", "--config", str(tmp_path / "config.yaml"), "--corpus",
            str(ROOT / "corpus"), "--entity", "Taro Kono"]
    assert main(base) == 0
    assert "\n* Taro Kono: extremely regrettable [@japantodayap2019south]\n" in (
        capsys.readouterr().out)
    assert main([*base, "--style", "line"]) == 0
    assert "\nTaro Kono — South Korea to terminate" in capsys.readouterr().out


def test_the_readme_documents_every_field_and_its_template_example_works():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| field | what it holds"):]
    table = table[:table.index("\n\n")]
    documented = {name for name in re.findall(r"`([a-z_]+)`", table.split("|---|")[1])
                  if not name.startswith(("q", "yyyy"))}
    assert documented >= set(FIELDS) and documented - set(FIELDS) <= {"full", "partial", "scare"}
    example = re.search(r"```jinja\n(.*?)```", readme, re.S).group(1)
    docs = export_sample.documents()
    job = ExportJob(style="mine", templates=_template(example))
    block = job.render(export_sample.quotes(docs), docs).block
    assert "> at cost\n>\n> (Helix Biologics said it would supply" in block
