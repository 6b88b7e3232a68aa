"""config.yaml → typed Settings, with file:line errors.

Lookup order: ``--config FILE``, ``$NEWSDESK_CONFIG``, ``./config.yaml``, the user config
directory, then built-in defaults. Paths inside a config file are relative to that file;
the export directory defaults to ``exports`` in the working directory.
"""

from __future__ import annotations

import os
import re
import string
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from platformdirs import user_config_dir

APP_NAME = "newsdesk"
ENV_VAR = "NEWSDESK_CONFIG"
# A settings file is a few hundred bytes; a bigger one is a mistake (or an attack), and
# parsing megabytes of YAML would stall every command.
MAX_CONFIG_BYTES = 1024 * 1024
QUIT_KEY = "ctrl+q"  # always quits, whatever keys.quit says: no remap can lock a user in


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and line."""


@dataclass
class EntitySettings:
    aliases: dict[str, list[str]] = field(default_factory=dict)
    ignore: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TemplateSetting:
    """A user export style from config.yaml: a template file, or the template itself
    (a value with a line break or ``{{`` in it), and where the config says so."""

    path: Path | None
    text: str | None
    where: str


@dataclass
class Settings:
    corpus: Path = Path("corpus")
    export_directory: Path = Path("exports")
    export_style: str = "markdown"
    export_templates: dict[str, TemplateSetting] = field(default_factory=dict)
    entities: EntitySettings = field(default_factory=EntitySettings)
    theme: str = "textual-dark"
    keys: dict[str, str] = field(default_factory=dict)
    show_comments: bool = False
    max_file_mb: int = 64
    # a table's own column names for the fields a source has: {"text": "Story"}
    columns: dict[str, str] = field(default_factory=dict)
    # the Dask scheduler `newsdesk index` builds on ("tcp://host:8786"); None: this machine
    build_scheduler: str | None = None
    source: Path | None = None
    warnings: list[str] = field(default_factory=list)


_STR_TAG = "tag:yaml.org,2002:str"


def _where(path: Path, node: yaml.Node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


class _Refused(Exception):
    """YAML that parses but is not accepted in a config; carries where it was seen."""

    def __init__(self, message: str, mark: yaml.Mark) -> None:
        super().__init__(message)
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """SafeLoader's composer without aliases: ``*name`` can repeat a node without bound
    ("billion laughs"), and a settings file has no use for one."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(f"aliases (*{event.anchor}) are not allowed in a config",
                           event.start_mark)
        return super().compose_node(parent, index)


_NOT_SCALAR = object()


def _scalar(path: Path, node: yaml.Node) -> Any:
    """The value of a scalar node as YAML means it (``theme:`` is None), or _NOT_SCALAR."""
    if not isinstance(node, yaml.ScalarNode):
        return _NOT_SCALAR
    try:
        return yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        # `!!int abc`, `!!timestamp 2020-99-99`, `!!python/object ...`
        reason = getattr(exc, "problem", None) or exc
        raise ConfigError(f"{_where(path, node)}: {reason}") from None


def _is_empty(path: Path, node: yaml.Node) -> bool:
    """``key:`` with nothing after it: the key keeps its default."""
    return _scalar(path, node) is None


def _expect(path: Path, node: yaml.Node, kind: type, what: str) -> None:
    if kind is dict and not isinstance(node, yaml.MappingNode):
        raise ConfigError(f"{_where(path, node)}: {what} must be a mapping")
    if kind is list and not isinstance(node, yaml.SequenceNode):
        raise ConfigError(f"{_where(path, node)}: {what} must be a list")


def _string(path: Path, node: yaml.Node, what: str) -> str:
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR_TAG:
        # a plain string's text needs no constructor: entities.ignore can hold millions
        value: Any = node.value
    else:
        value = _scalar(path, node)
    if not isinstance(value, (str, int, float)) or isinstance(value, bool) or value == "":
        raise ConfigError(f"{_where(path, node)}: {what} must be a non-empty string")
    return str(value)


def _strings(path: Path, node: yaml.Node, what: str) -> list[str]:
    if isinstance(node, yaml.ScalarNode):
        return [_string(path, node, what)]
    _expect(path, node, list, what)
    return [_string(path, item, f"each item of {what}") for item in node.value]


def _parse_templates(path: Path, node: yaml.Node, settings: Settings) -> None:
    _expect(path, node, dict, "export.templates")
    for name, (_knode, value) in _mapping(path, node).items():
        text = _string(path, value, f"export.templates.{name}")
        where = _where(path, value)
        if "\n" in text or "{{" in text or "{%" in text:
            settings.export_templates[name] = TemplateSetting(None, text, where)
        else:
            settings.export_templates[name] = TemplateSetting(path.parent / text, None, where)


def _mapping(path: Path, node: yaml.Node) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A mapping node's items by key name (the caller has checked it is a mapping)."""
    items: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key, value in node.value:
        name = _scalar(path, key)
        if name is _NOT_SCALAR or name is None or isinstance(name, (bool, list, dict)):
            raise ConfigError(f"{_where(path, key)}: a key must be a plain name")
        items[str(name)] = (key, value)
    return items


# --- key remaps -------------------------------------------------------------------------
# The names Textual 8 gives keys (textual.keys.Keys and its xterm and kitty parsers),
# spelled out here so that the core needs no Textual: a character is named after its
# Unicode name ("question_mark"), with a few short forms.

_MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
_SHORT_NAMES = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}


def _character_key(character: str) -> str:
    name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    return _SHORT_NAMES.get(name, name)


NAMED_KEYS = frozenset(
    {
        "escape", "enter", "return", "tab", "space", "backspace", "insert", "delete",
        "home", "end", "pageup", "pagedown", "up", "down", "left", "right",
        "caps_lock", "scroll_lock", "num_lock", "print_screen", "pause", "menu",
        *(f"f{n}" for n in range(1, 36)),
        *(_character_key(c) for c in string.punctuation),
    }
)
_KEY_HELP = (
    "a key is a letter, a digit, a punctuation mark or a name such as enter, space, "
    "f5, pageup or slash, after any of ctrl+, shift+ and alt+; alternatives are "
    "separated by commas"
)


def key_problem(keys: str) -> str | None:
    """Why ``keys`` (a binding's keys, e.g. ``"ctrl+s,f2"``) is not something Textual can
    bind, or None when it is."""
    for alternative in keys.split(","):
        key = alternative.strip()
        if not key:
            return f"{keys!r} has an empty alternative"
        *modifiers, name = key.split("+")
        if not name:
            return f"{key!r} has no key after its last +"
        for modifier in modifiers:
            if modifier not in _MODIFIERS:
                return f"{key!r}: {modifier!r} is not a modifier (ctrl, shift, alt)"
        if len(set(modifiers)) != len(modifiers):
            return f"{key!r} repeats a modifier"
        single = len(name) == 1 and name.isprintable() and not name.isspace()
        if not single and name not in NAMED_KEYS:
            return f"{key!r}: {name!r} is not a key Textual knows"
    return None


def _normalised(keys: str) -> list[str]:
    return [k.strip() for k in keys.split(",")]


def _parse_keys(path: Path, node: yaml.Node, settings: Settings) -> None:
    _expect(path, node, dict, "keys")
    for action, (_anode, keynode) in _mapping(path, node).items():
        if _is_empty(path, keynode):
            continue
        keys = _string(path, keynode, f"keys.{action}")
        problem = key_problem(keys)
        if problem:
            raise ConfigError(f"{_where(path, keynode)}: keys.{action}: {problem} ({_KEY_HELP})")
        alternatives = _normalised(keys)
        if action == "quit":
            if QUIT_KEY not in alternatives:
                alternatives.append(QUIT_KEY)  # a key added for quit, never one taken away
        elif QUIT_KEY in alternatives:
            raise ConfigError(
                f"{_where(path, keynode)}: keys.{action}: {QUIT_KEY} always quits; "
                "pick another key"
            )
        settings.keys[action] = ",".join(alternatives)


def _parse_entities(path: Path, node: yaml.Node, settings: Settings) -> None:
    _expect(path, node, dict, "entities")
    for key, (knode, value) in _mapping(path, node).items():
        if _is_empty(path, value):
            continue
        if key == "aliases":
            _expect(path, value, dict, "entities.aliases")
            for name_node, alias_node in value.value:
                name = _string(path, name_node, "an alias's canonical name")
                if _is_empty(path, alias_node):
                    continue
                settings.entities.aliases[name] = _strings(
                    path, alias_node, f"entities.aliases.{name}"
                )
        elif key == "ignore":
            settings.entities.ignore = _strings(path, value, "entities.ignore")
        else:
            settings.warnings.append(f"{_where(path, knode)}: unknown key entities.{key}")


def _parse(path: Path, root: yaml.Node, settings: Settings) -> None:
    _expect(path, root, dict, "the top level")
    base = path.parent
    for key, (knode, value) in _mapping(path, root).items():
        if _is_empty(path, value):
            continue  # an empty key keeps its default
        if key == "corpus":
            settings.corpus = base / _string(path, value, "corpus")
        elif key == "export":
            _expect(path, value, dict, "export")
            for sub, (snode, svalue) in _mapping(path, value).items():
                if _is_empty(path, svalue):
                    continue
                if sub == "directory":
                    settings.export_directory = base / _string(path, svalue, "export.directory")
                elif sub == "style":
                    settings.export_style = _string(path, svalue, "export.style")
                elif sub == "templates":
                    _parse_templates(path, svalue, settings)
                else:
                    settings.warnings.append(f"{_where(path, snode)}: unknown key export.{sub}")
        elif key == "entities":
            _parse_entities(path, value, settings)
        elif key == "theme":
            settings.theme = _string(path, value, "theme")
        elif key == "keys":
            _parse_keys(path, value, settings)
        elif key == "show_comments":
            flag = _scalar(path, value)
            if not isinstance(flag, bool):
                raise ConfigError(f"{_where(path, value)}: show_comments must be true or false")
            settings.show_comments = flag
        elif key == "max_file_mb":
            size = _scalar(path, value)
            if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
                raise ConfigError(
                    f"{_where(path, value)}: max_file_mb must be a positive whole number "
                    "of MiB"
                )
            settings.max_file_mb = size
        elif key == "columns":
            _parse_columns(path, value, settings)
        elif key == "build":
            _parse_build(path, value, settings)
        else:
            settings.warnings.append(f"{_where(path, knode)}: unknown key {key}")


# The fields a table's columns can be mapped to (tui.corpus.formats.fields names them all).
COLUMN_FIELDS = ("text", "title", "date", "outlet", "url", "author")


def _parse_columns(path: Path, node: yaml.Node, settings: Settings) -> None:
    _expect(path, node, dict, "columns")
    for name, (knode, value) in _mapping(path, node).items():
        if name not in COLUMN_FIELDS:
            raise ConfigError(f"{_where(path, knode)}: columns.{name}: not a field; use one "
                              f"of {', '.join(COLUMN_FIELDS)}")
        if _is_empty(path, value):
            continue
        settings.columns[name] = _string(path, value, f"columns.{name}")


# A Dask scheduler's address: [protocol://]host[:port], the host a name, an IPv4 address
# or an IPv6 one in brackets.
_SCHEDULER = re.compile(
    r"(?:(?:tcp|tls|ucx|ws|wss)://)?(?:[A-Za-z0-9_.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?"
)


def scheduler_problem(address: str) -> str | None:
    """Why ``address`` is not a Dask scheduler's address, or None when it is one."""
    match = _SCHEDULER.fullmatch(address)
    if match is None:
        return (f"{address!r} is not a Dask scheduler's address "
                "(tcp://host:8786, tls://host:8786 or host:8786)")
    if match.group(1) is not None and not 0 < int(match.group(1)) < 65536:
        return f"{address!r}: port {match.group(1)} is not between 1 and 65535"
    return None


def _parse_build(path: Path, node: yaml.Node, settings: Settings) -> None:
    _expect(path, node, dict, "build")
    for name, (knode, value) in _mapping(path, node).items():
        if name != "scheduler":
            settings.warnings.append(f"{_where(path, knode)}: unknown key build.{name}")
            continue
        if _is_empty(path, value):
            continue  # (no scheduler: `newsdesk index` builds on this machine)
        address = _string(path, value, "build.scheduler").strip()
        problem = scheduler_problem(address)
        if problem:
            raise ConfigError(f"{_where(path, value)}: build.scheduler: {problem}")
        settings.build_scheduler = address


def _read(path: Path) -> str:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_CONFIG_BYTES + 1)
        if len(data) > MAX_CONFIG_BYTES:
            raise ConfigError(
                f"{path}: over {MAX_CONFIG_BYTES // (1024 * 1024)} MiB, too big to be a "
                "Newsdesk config"
            )
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise ConfigError(f"{path}: cannot be read ({reason})") from None


def load_file(path: Path) -> Settings:
    """Settings from one YAML file; ConfigError (with file:line) if it cannot be used."""
    settings = Settings(source=path)
    text = _read(path)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except _Refused as exc:
        raise ConfigError(f"{path}:{exc.mark.line + 1}: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{path}{line}: not valid YAML: {problem}") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply to be a Newsdesk config") from None
    if root is not None:
        try:
            _parse(path, root, settings)
        except RecursionError:
            raise ConfigError(f"{path}: nested too deeply to be a Newsdesk config") from None
    return settings


def candidates(explicit: str | Path | None, environ: dict[str, str] | None = None) -> list[Path]:
    env: Mapping[str, str] = os.environ if environ is None else environ
    if explicit:
        return [Path(explicit)]
    if env.get(ENV_VAR):
        return [Path(env[ENV_VAR])]
    return [Path("config.yaml"), Path(user_config_dir(APP_NAME)) / "config.yaml"]


def load(
    explicit: str | Path | None = None,
    environ: dict[str, str] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Settings:
    """The first config found in lookup order, or the defaults.

    A file named explicitly (flag or environment) must exist; the implicit ones are optional.
    """
    paths = candidates(explicit, environ)
    named = bool(explicit) or bool((os.environ if environ is None else environ).get(ENV_VAR))
    for path in paths:
        if path.is_file():
            settings = load_file(path)
            break
        if named:
            raise ConfigError(f"{path}: config file not found")
    else:
        settings = Settings()
    if warn:
        for message in settings.warnings:
            warn(message)
    return settings
