"""The command line: the arguments each command takes, and ``main``, which runs one and
turns a failure into one line and an exit status; what each command prints is in
tui/commands.py, and the work is in the core."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from tui import __version__
from tui.choices import KWIC_LIMIT as LIMIT
from tui.choices import KWIC_SORTS
from tui.choices import QUOTE_SORTS as SORTS
from tui.commands import (
    CliError,
    cmd_bench,
    cmd_concordance,
    cmd_correct,
    cmd_corrections,
    cmd_entities,
    cmd_export,
    cmd_index,
    cmd_quotes,
    cmd_search,
    cmd_sources,
    cmd_tui,
    warn,
)
from tui.config import ConfigError, Settings
from tui.config import load as load_settings
from tui.corpus.facets import SOURCE_SORTS
from tui.errors import BuildError, CorpusError
from tui.nlp.lexicon import TYPES as ENTITY_TYPES

# (the names only: the export modules load when `export` runs)
FORMATS = ("markdown", "csl-json", "bibtex")
GROUPS = ("speaker", "source", "outlet")

CORRECTIONS = ("merge", "rename", "ignore", "retype", "speaker")


def settings_for(args: argparse.Namespace) -> Settings:
    settings = load_settings(getattr(args, "config", None), warn=warn)
    corpus = getattr(args, "corpus", None)
    if corpus:
        settings.corpus = Path(corpus)
    return settings


def _nonempty(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return value


def _iso_date(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value!r}")
    return number


def _scheduler(value: str) -> str:
    from tui.config import scheduler_problem

    problem = scheduler_problem(value.strip())
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return value.strip()


Handler = Callable[[argparse.Namespace, Settings], int]


def parser() -> argparse.ArgumentParser:
    # SUPPRESS: an option given before the command must survive the command's own parser
    # (`newsdesk --corpus X quotes`), so the subparsers add no default of their own.
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
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
    p.add_argument("--query", metavar="QUERY", help="only the sources this search matches")
    p.add_argument("--entity", type=_nonempty, metavar="NAME",
                   help="only the sources naming this entity")
    p.add_argument("--outlet", type=_nonempty, metavar="NAME", action="append",
                   help="only this outlet (repeat for more)")
    p.add_argument("--since", type=_iso_date, metavar="YYYY-MM-DD", help="dated on or after")
    p.add_argument("--until", type=_iso_date, metavar="YYYY-MM-DD", help="dated on or before")
    p.add_argument("--sort", choices=SOURCE_SORTS, default="corpus",
                   help="corpus order (default), most hits, date, outlet or title")
    p.add_argument("--timeline", action="store_true",
                   help="print the sources per day, week or month instead")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--skipped", action="store_true",
                   help="list the files that gave no source, each with its reason")
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
    p.add_argument("--find", metavar="TEXT", help="only those whose name or an alias holds "
                   "every word of TEXT, best first (as the dashboard's find)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_entities)

    p = sub.add_parser("quotes", parents=[common], help="list quotations with their speakers")
    p.add_argument("--speaker", type=_nonempty, metavar="NAME", help="only quotes by this speaker")
    p.add_argument("--source", type=_nonempty, metavar="ID", help="only quotes from this source")
    p.add_argument(
        "--query", metavar="QUERY", help="only the quotes this search finds (as the dashboard)"
    )
    p.add_argument(
        "--entity", type=_nonempty, metavar="NAME", help="only quotes an entity speaks or is in"
    )
    p.add_argument("--sort", choices=SORTS, default="source", help="by source (default) or speaker")
    p.add_argument(
        "--all-sections", action="store_true", help="include reader comments and boilerplate"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_quotes)

    p = sub.add_parser(
        "export", parents=[common],
        help="export quotations with citations: Markdown, Obsidian, plain, CSL-JSON, BibTeX",
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--quote",
        type=_nonempty,
        metavar="ID",
        action="append",
        help="a quote id (repeat for more)",
    )
    which.add_argument("--all", action="store_true", help="every quotation")
    p.add_argument("--query", metavar="QUERY", help="the quotes this search finds")
    p.add_argument("--entity", type=_nonempty, metavar="NAME",
                   help="quotes an entity speaks or is in")
    p.add_argument("--speaker", type=_nonempty, metavar="NAME", help="quotes by this speaker")
    p.add_argument("--source", type=_nonempty, metavar="ID", help="quotes from this source")
    p.add_argument("--sort", choices=SORTS, default="source", help="by source (default) or speaker")
    p.add_argument("--format", choices=FORMATS, default="markdown",
                   help="markdown (default, in --style), or the cited articles as "
                        "csl-json or bibtex")
    p.add_argument("--style", metavar="NAME",
                   help="markdown, obsidian, plain, or a template named in config.yaml "
                        "(default: export.style)")
    p.add_argument("--template", metavar="FILE", help="a Jinja2 template of one quotation")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    p.add_argument("--append", action="store_true",
                   help="add the quotations, without front matter, to the end of FILE")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument("--group-by", choices=GROUPS, help="a heading per group")
    p.add_argument(
        "--all-sections", action="store_true", help="include reader comments and boilerplate"
    )
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser(
        "correct", parents=[common], help="correct an entity or a quote's speaker",
        description="merge ENTITY NAME, rename ENTITY NAME, ignore ENTITY, retype ENTITY "
        "TYPE, speaker QUOTE_ID [NAME] (no NAME: no speaker). Saved per corpus; "
        "`newsdesk corrections` lists and undoes them.",
    )
    p.add_argument("kind", choices=CORRECTIONS, help="what to do")
    p.add_argument("target", type=_nonempty, metavar="ENTITY|QUOTE_ID")
    p.add_argument("value", nargs="?", metavar="NAME|TYPE", help="the name (or type) to give")
    p.set_defaults(handler=cmd_correct)

    p = sub.add_parser("corrections", parents=[common], help="list or undo corrections")
    p.add_argument("--undo", type=_positive, metavar="N", help="undo correction N (as listed)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_corrections)

    p = sub.add_parser("search", parents=[common], help="search the corpus; ranked passages")
    p.add_argument("query", metavar="QUERY", help='words, "a phrase", \'exact, !exclude, ^prefix')
    p.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N passages")
    p.add_argument("--source", type=_nonempty, metavar="ID", help="search one source only")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser(
        "concordance", parents=[common], help="every hit in its context (keyword in context)"
    )
    p.add_argument("query", nargs="?", metavar="QUERY", help="a search, as `newsdesk search`")
    p.add_argument(
        "--entity", type=_nonempty, metavar="NAME",
        help="only in the sources naming this entity; without QUERY, its mentions",
    )
    p.add_argument("--sort", choices=KWIC_SORTS, default="source",
                   help="by source (default), date, left or right context")
    p.add_argument("--limit", type=_positive, metavar="N",
                   help="at most N lines, the first in the order asked for (default: every "
                   f"hit by source or date, the first {LIMIT} by context, as the dashboard)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_concordance)

    p = sub.add_parser(
        "index", parents=[common],
        help="build the index into the cache, for the dashboard to open without building",
    )
    p.add_argument("--scheduler", type=_scheduler, metavar="ADDRESS",
                   help="build on this Dask cluster, tcp://host:8786 (default: build.scheduler "
                   "from config, else this machine)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_index)

    p = sub.add_parser("bench", parents=[common], help="time loading, indexing and searching")
    p.add_argument("--queries", metavar="FILE", required=True, help="one query per line")
    p.add_argument("--repeat", type=_positive, default=5, metavar="N", help="runs per query")
    p.add_argument("--limit", type=_positive, default=50, metavar="N", help="passages per query")
    p.add_argument("--concordance-word", type=_nonempty, default="Korea", metavar="WORD",
                   help="the one-word query whose concordance is timed (default Korea)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_bench)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = settings_for(args)
        if args.handler is not cmd_tui:
            from tui.util import collector

            collector.release()  # (held by `python -m tui` for a dashboard's start)
        return args.handler(args, settings)
    except (CliError, ConfigError, CorpusError, BuildError) as exc:
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
