"""The command line: argument parsing and output only; the work is in the core."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import __version__
from .config import ConfigError, Settings
from .config import load as load_settings
from .corpus import CorpusError, LoadResult, load_corpus
from .entities import TYPES as ENTITY_TYPES
from .index import CorpusIndex


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 2."""


def warn(message: str) -> None:
    print(f"newsdesk: warning: {message}", file=sys.stderr)


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def settings_for(args: argparse.Namespace) -> Settings:
    settings = load_settings(args.config, warn=warn)
    if args.corpus:
        settings.corpus = Path(args.corpus)
    return settings


def load_documents(settings: Settings) -> LoadResult:
    result = load_corpus(settings.corpus, max_bytes=settings.max_file_mb * 1024 * 1024)
    for message in result.warnings:
        warn(message)
    return result


def build_index(settings: Settings) -> CorpusIndex:
    return CorpusIndex.build(load_documents(settings).documents, settings)


# --- commands -------------------------------------------------------------------------


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    docs = load_documents(settings).documents
    if args.json:
        emit_json([d.to_json() for d in docs])
        return 0
    for d in docs:
        print(f"{d.id:32} {d.date:10}  {d.outlet[:24]:24}  {d.title[:70]}")
    return 0


def cmd_entities(args: argparse.Namespace, settings: Settings) -> int:
    entities = build_index(settings).entities
    if args.type:
        entities = [e for e in entities if e.type == args.type]
    if args.json:
        emit_json([e.to_json() for e in entities])
        return 0
    for e in entities:
        aliases = f"  ({', '.join(e.aliases[:4])})" if e.aliases else ""
        print(f"{e.count:5}  {e.type:6}  {len(e.sources):2} src  {e.name}{aliases}")
    return 0


def cmd_tui(args: argparse.Namespace, settings: Settings) -> int:
    from .ui.app import NewsdeskApp  # Textual is only imported when the TUI runs

    if not settings.corpus.is_dir():
        raise CliError(f"corpus directory not found: {settings.corpus}")
    NewsdeskApp(settings).run()
    return 0


Handler = Callable[[argparse.Namespace, Settings], int]


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", metavar="DIR", help="corpus directory (default: from config)")
    common.add_argument("--config", metavar="FILE", help="config file (default: lookup order)")

    top = argparse.ArgumentParser(
        prog="newsdesk",
        description="Explore a corpus of news articles: sources, search, entities, quotes.",
        parents=[common],
    )
    top.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    top.set_defaults(handler=cmd_tui)
    sub = top.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("sources", parents=[common], help="list the corpus's sources")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_sources)

    p = sub.add_parser(
        "entities", parents=[common], help="list people, organisations, places and more"
    )
    p.add_argument(
        "--type",
        type=str.upper,
        choices=ENTITY_TYPES,
        help="only this type: PERSON, ORG, PLACE or OTHER",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_entities)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = settings_for(args)
        return args.handler(args, settings)
    except (CliError, ConfigError, CorpusError) as exc:
        print(f"newsdesk: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # a closed pipe (`newsdesk sources | head`) is not an error worth a message
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the last guard: a user never sees a traceback
        if os.environ.get("NEWSDESK_DEBUG"):
            raise
        print(
            f"newsdesk: internal error: {type(exc).__name__}: {exc} "
            "(run with NEWSDESK_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 1
