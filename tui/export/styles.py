"""Export styles: how one quotation, a group heading and the header are written.

Every style, built-in or the user's, is a Jinja2 template rendered in Jinja's sandbox
with ``StrictUndefined``: a template read from disk can reach only the citation fields
(strings) and the filters below, never Python, and a misspelt field is an error naming
the template and line, found before anything is written.

Built-in styles: ``markdown`` (a blockquote, then the citation line with a Pandoc key
and an Obsidian block id), ``obsidian`` (a ``> [!quote]`` callout) and ``plain``.
A user style is a template of one quotation (the README lists its fields); its header
and group headings are the ``markdown`` style's.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment

from tui.config import TemplateSetting
from tui.export.citation import FIELDS
from tui.export.files import ExportError
from tui.export.markdown import blockquote, escape_inline, link

MAX_TEMPLATE_BYTES = 64 * 1024


def _prefix(text: str, mark: str) -> str:
    """Every line of ``text`` with ``mark`` in front (a callout's ``> ``)."""
    return "\n".join((mark + line).rstrip() for line in text.split("\n"))


def _underline(text: str, char: str = "-") -> str:
    return char * max(3, len(text))


_FILTERS: dict[str, Callable[..., str]] = {
    "md": escape_inline,  # a field as literal Markdown text on one line
    "blockquote": blockquote,  # the quotation as ``> `` lines, its paragraphs kept
    "link": link,  # a URL as a Markdown link destination
    "prefix": _prefix,
    "underline": _underline,
}

_MARKDOWN_ENTRY = """\
{{ text | blockquote }}
{% if context %}

*In context:* {{ context | md }}
{% endif %}

— {{ speaker_line | md }}, in “{{ title | md }}”\
{% if author %}, by {{ author | md }}{% endif %}{% if outlet %}, *{{ outlet | md }}*{% endif %}\
{% if date %}, {{ date | md }}{% endif %}\
{% if url %}, [source]({{ url | link }}){% endif %}\
{% if accessed %}, accessed {{ accessed | md }}{% endif %} [@{{ key }}] ^{{ id }}"""

_OBSIDIAN_ENTRY = """\
> [!quote] {{ speaker_line | md }}
{{ text | blockquote }}
{% if context %}
>
> *In context:* {{ context | md }}
{% endif %}
>
> — “{{ title | md }}”{% if author %}, by {{ author | md }}{% endif %}\
{% if outlet %}, *{{ outlet | md }}*{% endif %}\
{% if date %}, {{ date | md }}{% endif %}\
{% if url %}, [source]({{ url | link }}){% endif %}\
{% if accessed %}, accessed {{ accessed | md }}{% endif %} [@{{ key }}]

^{{ id }}"""

_PLAIN_ENTRY = """\
“{{ text | replace("\\n\\n", "\\n") }}”
{% if context %}
In context: {{ context }}
{% endif %}
— {{ speaker_line }}. “{{ title }}”{% if author %}, by {{ author }}{% endif %}.\
{% if outlet %} {{ outlet }}{% endif %}\
{% if date %}{{ "," if outlet else "" }} {{ date }}{% endif %}{% if outlet or date %}.{% endif %}\
{% if url %} {{ url }}{% endif %}\
{% if accessed %} (accessed {{ accessed }}){% endif %} [{{ id }}]"""

_MARKDOWN_GROUP = "## {{ name | md }}"
_PLAIN_GROUP = "{{ name }}\n{{ name | underline }}"
_PLAIN_HEADER = """\
Newsdesk quotes, exported {{ exported }}
{% if query %}Query: {{ query }}
{% endif %}{% if entity %}Entity: {{ entity }}
{% endif %}{% for name, value in facets.items() %}{{ name | capitalize }}: {{ value }}
{% endfor %}Quotes: {{ quotes }}
Sources:
{% for s in sources %}  - “{{ s.title }}”{% if s.outlet %}, {{ s.outlet }}{% endif %}\
{% if s.date %}, {{ s.date }}{% endif %}\
{% if s.url %}, {{ s.url }}{% endif %}

{% endfor %}"""


@dataclass(frozen=True)
class Style:
    """A style's three templates (a header of None means YAML front matter)."""

    name: str
    entry: str
    group: str = _MARKDOWN_GROUP
    header: str | None = None
    origin: str = ""  # the template's file, for messages ("" for a built-in)

    def compiled(self) -> CompiledStyle:
        return CompiledStyle(self)


BUILT_IN = {
    "markdown": Style("markdown", _MARKDOWN_ENTRY),
    "obsidian": Style("obsidian", _OBSIDIAN_ENTRY),
    "plain": Style("plain", _PLAIN_ENTRY, _PLAIN_GROUP, _PLAIN_HEADER),
}
HEADER_FIELDS = ("exported", "query", "entity", "facets", "quotes", "sources")

_ENV = SandboxedEnvironment(
    undefined=StrictUndefined, autoescape=False, trim_blocks=True, keep_trailing_newline=False,
)
_ENV.filters.update(_FILTERS)


class CompiledStyle:
    """A style's templates parsed and checked, ready to render citations."""

    def __init__(self, style: Style) -> None:
        self.style = style
        where = style.origin or f"the {style.name} style"
        self._entry = _compile(style.entry, where, set(FIELDS))
        self._group = _compile(style.group, where, {"name"})
        self._header = (None if style.header is None
                        else _compile(style.header, where, set(HEADER_FIELDS)))
        self._where = where

    @property
    def has_front_matter(self) -> bool:
        return self._header is None

    def entry(self, fields: dict[str, Any]) -> str:
        return _render(self._entry, fields, self._where)

    def group(self, name: str) -> str:
        return _render(self._group, {"name": name}, self._where)

    def header(self, fields: dict[str, Any]) -> str:
        assert self._header is not None
        return _render(self._header, fields, self._where)


def _compile(source: str, where: str, known: set[str]) -> Any:
    try:
        _check_names(_ENV.parse(source), where, known)
        return _ENV.from_string(source)  # (an unknown filter is found here)
    except TemplateSyntaxError as exc:
        raise ExportError(f"{where}, line {exc.lineno}: {exc.message}") from None
    except TemplateError as exc:
        raise ExportError(f"{where}: {exc}") from None


def _check_names(tree: nodes.Template, where: str, known: set[str]) -> None:
    """Refuse a template that reads a field no citation has, wherever it is (an
    ``{% if %}`` branch that the first quotes never take included)."""
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    for name in tree.find_all(nodes.Name):
        if name.ctx == "load" and name.name not in known | assigned | set(_ENV.globals):
            fields = ", ".join(sorted(known))
            raise ExportError(f"{where}, line {name.lineno}: unknown field {name.name!r} "
                              f"(the fields are {fields})")


def _render(template: Any, fields: dict[str, Any], where: str) -> str:
    try:
        return str(template.render(fields))
    except TemplateError as exc:
        raise ExportError(f"{where}, line {_line(exc)}: {exc}") from None
    except (TypeError, ValueError, ArithmeticError, LookupError, RecursionError) as exc:
        raise ExportError(f"{where}, line {_line(exc)}: {exc}") from None


def _line(exc: BaseException) -> int | str:
    """The template line an error was raised on: Jinja puts template frames in the
    traceback under the name ``<template>``."""
    lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__)
             if f.filename == "<template>" and f.lineno]
    return lines[-1] if lines else "?"


# --- the user's styles ------------------------------------------------------------------


def load_template(path: Path, name: str | None = None) -> Style:
    """A user style from a template file: one quotation, in Jinja2."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise ExportError(f"template {path}: over {MAX_TEMPLATE_BYTES // 1024} KiB, "
                              "not a template")
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot read the template {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ExportError(f"cannot read the template {path}: it is not UTF-8 text") from None
    return Style(name or re.sub(r"\..*$", "", path.name), source.rstrip("\n"),
                 origin=f"template {path}")


Templates = Mapping[str, TemplateSetting]


def style_named(name: str, templates: Templates | None = None) -> CompiledStyle:
    """The built-in or configured style called ``name``, compiled; a configured one of
    a built-in's name is refused at use, not silently ignored."""
    if templates and name in templates and name not in BUILT_IN:
        setting = templates[name]
        if setting.path is not None:
            return load_template(setting.path, name).compiled()
        text = (setting.text or "").rstrip("\n")
        return Style(name, text, origin=f"template {name} ({setting.where})").compiled()
    if name in BUILT_IN:
        return _built_in(name)
    names = ", ".join(style_names(templates))
    raise ExportError(f"no export style named {name!r} (the styles are {names})")


@cache
def _built_in(name: str) -> CompiledStyle:
    return BUILT_IN[name].compiled()


def style_names(templates: Templates | None = None) -> list[str]:
    return [*BUILT_IN, *(n for n in (templates or {}) if n not in BUILT_IN)]
