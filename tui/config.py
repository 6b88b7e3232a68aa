"""config.yaml → typed Settings, with file:line errors.

Lookup order: ``--config FILE``, ``$NEWSDESK_CONFIG``, ``./config.yaml``, the user config
directory, then built-in defaults. Paths inside a config file are relative to that file;
the export directory defaults to ``exports`` in the working directory.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from platformdirs import user_config_dir

APP_NAME = "newsdesk"
ENV_VAR = "NEWSDESK_CONFIG"


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and line."""


@dataclass
class EntitySettings:
    aliases: dict[str, list[str]] = field(default_factory=dict)
    ignore: list[str] = field(default_factory=list)


@dataclass
class Settings:
    corpus: Path = Path("corpus")
    export_directory: Path = Path("exports")
    entities: EntitySettings = field(default_factory=EntitySettings)
    theme: str = "textual-dark"
    keys: dict[str, str] = field(default_factory=dict)
    show_comments: bool = False
    max_file_mb: int = 64
    source: Path | None = None
    warnings: list[str] = field(default_factory=list)


_STR_TAG = "tag:yaml.org,2002:str"


def _where(path: Path, node: yaml.Node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


def _scalar(node: yaml.Node) -> Any:
    return yaml.safe_load(yaml.serialize(node))


def _is_null(node: yaml.Node) -> bool:
    """Whether the node reads as null: only a scalar can (a list or mapping is never
    serialised and read again for this, which took minutes for a long ignore list)."""
    return isinstance(node, yaml.ScalarNode) and _scalar(node) is None


def _expect(path: Path, node: yaml.Node, kind: type, what: str) -> None:
    if kind is dict and not isinstance(node, yaml.MappingNode):
        raise ConfigError(f"{_where(path, node)}: {what} must be a mapping")
    if kind is list and not isinstance(node, yaml.SequenceNode):
        raise ConfigError(f"{_where(path, node)}: {what} must be a list")


def _string(path: Path, node: yaml.Node, what: str) -> str:
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR_TAG:
        # a string's text, as the round trip through _scalar gives it: entities.ignore
        # can hold millions, and that round trip takes a whole YAML load for each
        value: Any = node.value
    else:
        value = _scalar(node) if isinstance(node, yaml.ScalarNode) else None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool) or value == "":
        raise ConfigError(f"{_where(path, node)}: {what} must be a non-empty string")
    return str(value)


def _strings(path: Path, node: yaml.Node, what: str) -> list[str]:
    if isinstance(node, yaml.ScalarNode):
        return [_string(path, node, what)]
    _expect(path, node, list, what)
    return [_string(path, item, f"each item of {what}") for item in node.value]


def _mapping(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {str(k.value): (k, v) for k, v in node.value}


def _parse_entities(path: Path, node: yaml.Node, settings: Settings) -> None:
    _expect(path, node, dict, "entities")
    for key, (knode, value) in _mapping(node).items():
        if key == "aliases":
            if _is_null(value):
                continue
            _expect(path, value, dict, "entities.aliases")
            for name_node, alias_node in value.value:
                name = _string(path, name_node, "an alias's canonical name")
                if _is_null(alias_node):
                    continue
                settings.entities.aliases[name] = _strings(
                    path, alias_node, f"entities.aliases.{name}"
                )
        elif key == "ignore":
            if not _is_null(value):
                settings.entities.ignore = _strings(path, value, "entities.ignore")
        else:
            settings.warnings.append(f"{_where(path, knode)}: unknown key entities.{key}")


def _parse(path: Path, root: yaml.Node, settings: Settings) -> None:
    _expect(path, root, dict, "the top level")
    base = path.parent
    for key, (knode, value) in _mapping(root).items():
        if isinstance(value, yaml.ScalarNode) and _scalar(value) is None:
            continue  # an empty key keeps its default
        if key == "corpus":
            settings.corpus = base / _string(path, value, "corpus")
        elif key == "export":
            _expect(path, value, dict, "export")
            for sub, (snode, svalue) in _mapping(value).items():
                if sub == "directory":
                    settings.export_directory = base / _string(path, svalue, "export.directory")
                else:
                    settings.warnings.append(f"{_where(path, snode)}: unknown key export.{sub}")
        elif key == "entities":
            _parse_entities(path, value, settings)
        elif key == "theme":
            settings.theme = _string(path, value, "theme")
        elif key == "keys":
            _expect(path, value, dict, "keys")
            for action, (_anode, keynode) in _mapping(value).items():
                settings.keys[action] = _string(path, keynode, f"keys.{action}")
        elif key == "show_comments":
            flag = _scalar(value)
            if not isinstance(flag, bool):
                raise ConfigError(f"{_where(path, value)}: show_comments must be true or false")
            settings.show_comments = flag
        elif key == "max_file_mb":
            size = _scalar(value)
            if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
                raise ConfigError(f"{_where(path, value)}: max_file_mb must be a positive integer")
            settings.max_file_mb = size
        else:
            settings.warnings.append(f"{_where(path, knode)}: unknown key {key}")


def load_file(path: Path) -> Settings:
    """Settings from one YAML file; ConfigError (with file:line) if it cannot be used."""
    settings = Settings(source=path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise ConfigError(f"{path}: cannot be read ({reason})") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
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
    environ = os.environ if environ is None else environ
    if explicit:
        return [Path(explicit)]
    if environ.get(ENV_VAR):
        return [Path(environ[ENV_VAR])]
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
