"""The command line: argument parsing and output only; the work is in the core."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui import __version__
from tui.choices import KWIC_LIMIT as LIMIT
from tui.choices import KWIC_SORTS
from tui.choices import QUOTE_SORTS as SORTS
from tui.config import ConfigError, Settings
from tui.config import load as load_settings
from tui.corpus.facets import SOURCE_SORTS
from tui.errors import BuildError, CorpusError
from tui.nlp.lexicon import TYPES as ENTITY_TYPES

# (the names only: the export modules load when `export` runs)
FORMATS = ("markdown", "csl-json", "bibtex")
GROUPS = ("speaker", "source", "outlet")

if TYPE_CHECKING:
    from tui.build.corpus_index import CorpusIndex
    from tui.corpus.loader import LoadResult
    from tui.export.render import Scope

CORRECTIONS = ("merge", "rename", "ignore", "retype", "speaker")

# The index, quotes and export modules are imported by the commands that use them, so
# that starting the dashboard (which builds its index in a worker) does not wait for them.


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 2."""


def warn(message: str) -> None:
    print(f"newsdesk: warning: {message}", file=sys.stderr)


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def settings_for(args: argparse.Namespace) -> Settings:
    settings = load_settings(getattr(args, "config", None), warn=warn)
    corpus = getattr(args, "corpus", None)
    if corpus:
        settings.corpus = Path(corpus)
    return settings


def load_documents(settings: Settings) -> LoadResult:
    from tui.build.documents import load_documents as load

    result = load(settings)
    for message in result.warnings:
        warn(message)
    return result


def build_index(settings: Settings, scheduler: str | None = None) -> CorpusIndex:
    from tui.build.corpus_index import CorpusIndex
    from tui.entities.corrections import load_corrections, store_path

    corrections = load_corrections(store_path(settings.corpus))
    loaded = load_documents(settings)
    return CorpusIndex.build(loaded.documents, settings, corrections=corrections,
                             scheduler=scheduler, documents_key=loaded.key)


def clip(text: str, width: int) -> str:
    """``text`` on one line in at most ``width`` columns, padded; an ellipsis marks a
    cut."""
    text = " ".join(text.split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    return f"{text:{width}}"


# --- commands -------------------------------------------------------------------------


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    from tui.corpus.facets import SourceFacets
    from tui.corpus.report import summary
    from tui.quotes.browse import QuoteFilter

    result = load_documents(settings)
    if args.skipped:
        if args.json:
            emit_json([s.to_json() for s in result.skipped])
        for s in result.skipped if not args.json else ():
            print(f"{s.path}\t{s.reason}")
        return 0
    faceted = (args.query or args.entity or args.outlet or args.since or args.until
               or args.sort != "corpus" or args.timeline)
    docs, hits = result.documents, None
    if faceted:  # the sources pane's answer for this search and these facets
        from tui.build.corpus_index import CorpusIndex

        index = CorpusIndex.build(result.documents, settings, documents_key=result.key)
        if args.entity and index.entity_named(args.entity) is None:
            raise CliError(f"no entity named {args.entity!r} (see `newsdesk entities`)")
        facets = SourceFacets(frozenset(args.outlet or ()), args.since or "",
                              args.until or "", args.sort)
        answer = index.query(args.query or "", QuoteFilter(entity=args.entity, facets=facets),
                             typing=False)
        docs, hits = answer.listed, answer.hits
        if args.timeline:
            return print_timeline(answer.timeline().to_json(), args.json)
    if args.json:
        emit_json([d.to_json() | ({"hits": hits.get(d.id, 0)} if hits is not None else {})
                   for d in docs])
    else:
        for d in docs:
            count = f"{hits.get(d.id, 0):5}  " if hits is not None else ""
            title = clip(d.title, 70).rstrip()
            print(f"{count}{d.id:32} {d.date:10}  {clip(d.outlet, 24)}  {title}")
    # every file accounted for, on stderr so the listing on stdout stays clean for a pipe
    print(f"newsdesk: {summary(result.files_loaded, result.skipped)}", file=sys.stderr)
    return 0


def print_timeline(timeline: dict[str, Any], as_json: bool) -> int:
    if as_json:
        emit_json(timeline)
        return 0
    bars = timeline["bars"]
    most = max((b["count"] for b in bars), default=0) or 1
    for b in bars:
        print(f"{b['label']:20} {b['count']:5}  {'█' * round(40 * b['count'] / most)}")
    if timeline["undated"]:
        print(f"{'undated':20} {timeline['undated']:5}")
    return 0


def cmd_entities(args: argparse.Namespace, settings: Settings) -> int:
    entities = build_index(settings).entities
    if args.find:
        from tui.entities.lookup import find_entities

        entities = find_entities(entities, args.find)
    if args.type:
        entities = [e for e in entities if e.type == args.type]
    if args.json:
        emit_json([e.to_json() for e in entities])
        return 0
    for e in entities:
        aliases = f"  ({', '.join(e.aliases[:4])})" if e.aliases else ""
        print(f"{e.count:5}  {e.type:6}  {len(e.sources):2} src  {e.name}{aliases}")
    return 0


def cmd_quotes(args: argparse.Namespace, settings: Settings) -> int:
    from tui.quotes.browse import QuoteFilter, speaker_label

    index = build_index(settings)
    if args.source and args.source not in index.by_id:
        raise CliError(f"no source with id {args.source!r} (see `newsdesk sources`)")
    if args.entity and index.entity_named(args.entity) is None:
        raise CliError(f"no entity named {args.entity!r} (see `newsdesk entities`)")
    view = QuoteFilter(
        all_sections=args.all_sections,
        entity=args.entity,
        source=args.source,
        speaker=args.speaker,
        sort=args.sort,
    )
    # the quote list the dashboard shows for this search and these filters
    quotes = index.query(args.query or "", view, typing=False).quotes
    if args.json:
        emit_json([q.to_json() for q in quotes])
        return 0
    for q in quotes:
        speaker = clip(speaker_label(q, "-"), 22)
        print(f"{q.id}  {clip(q.source, 24)}  {q.kind:7}  {speaker}  {clip(q.text, 70).rstrip()}")
    return 0


def _export_scope(args: argparse.Namespace) -> Scope:
    from tui.export.render import Scope

    facets: dict[str, str] = {}
    if args.quote:
        facets["picked"] = ", ".join(dict.fromkeys(args.quote))
    for name in ("speaker", "source"):
        if getattr(args, name):
            facets[name] = getattr(args, name)
    if args.all_sections:
        facets["sections"] = "all, reader comments and boilerplate included"
    if args.all and not facets:
        facets["picked"] = "all"
    return Scope(query=args.query or "", entity=args.entity or "", facets=facets)


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from tui.config import TemplateSetting
    from tui.export.files import ExportError
    from tui.export.job import ExportJob
    from tui.quotes.browse import QuoteFilter, select

    if not (args.quote or args.all or args.query or args.entity or args.speaker
            or args.source):
        raise CliError("say which quotes: --all, --quote ID, --query, --entity, --speaker "
                       "or --source")
    templates = dict(settings.export_templates)
    style = args.style or settings.export_style
    if args.template:
        style = "template"
        templates[style] = TemplateSetting(Path(args.template), None, args.template)
    job = ExportJob(format=args.format, style=style, group_by=args.group_by,
                    scope=_export_scope(args), templates=templates, corpus=settings.corpus)
    index = build_index(settings)
    if args.quote:
        missing = [i for i in args.quote if i not in index.quote_by_id]
        if missing:
            raise CliError(f"no quote with id {missing[0]!r} (see `newsdesk quotes`)")
        quotes = select(index.quote_by_id, args.quote)
    else:
        if args.source and args.source not in index.by_id:
            raise CliError(f"no source with id {args.source!r} (see `newsdesk sources`)")
        if args.entity and index.entity_named(args.entity) is None:
            raise CliError(f"no entity named {args.entity!r} (see `newsdesk entities`)")
        view = QuoteFilter(all_sections=args.all_sections, entity=args.entity,
                           source=args.source, speaker=args.speaker, sort=args.sort)
        quotes = list(index.query(args.query or "", view, typing=False).quotes)
        if not quotes and not args.all:
            raise CliError("no quotes match these filters (see `newsdesk quotes`)")
    try:
        rendered = job.render(quotes, index.by_id)
        if args.output is None:
            if args.append:
                raise CliError("--append needs -o FILE, the file to add to")
            sys.stdout.write(rendered.whole)
            return 0
        written, appended = job.write(rendered, args.output, append=args.append,
                                      force=args.force)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    verb = "added" if appended else "wrote"
    print(f"{verb} {rendered.count} quotes to {written}", file=sys.stderr)
    return 0


@contextmanager
def _changing_corrections(path: Path) -> Iterator[None]:
    """Report a correction refused, or its file not written, as one line."""
    from tui.entities.corrections import CorrectionError

    try:
        yield
    except CorrectionError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"{path}: cannot write: {exc.strerror or exc}") from None


def cmd_corrections(args: argparse.Namespace, settings: Settings) -> int:
    from tui.entities.corrections import load_corrections, store_path, undo_correction

    path = store_path(settings.corpus)
    if args.undo is not None:
        with _changing_corrections(path):
            removed, _left = undo_correction(path, args.undo)
        print(f"undid {args.undo}: {removed.describe()}", file=sys.stderr)
        return 0
    corrections = load_corrections(path)
    if args.json:
        emit_json([c.to_json() for c in corrections])
        return 0
    if not corrections:
        print("no corrections", file=sys.stderr)
        return 0
    skipped = set(build_index(settings).skipped)
    for n, c in enumerate(corrections):
        note = "  (not applied: it no longer fits the corpus)" if n in skipped else ""
        print(f"{n + 1:4}  {c.describe()}{note}")
    return 0


def cmd_correct(args: argparse.Namespace, settings: Settings) -> int:
    from tui.entities.corrections import (
        IGNORE,
        RETYPE,
        SPEAKER,
        Correction,
        add_correction,
        store_path,
    )

    if args.kind not in (IGNORE, SPEAKER) and args.value is None:
        what = "a type" if args.kind == RETYPE else "a name"
        raise CliError(f"{args.kind} needs {what} after {args.target!r}")
    path = store_path(settings.corpus)
    with _changing_corrections(path):
        correction = build_index(settings).check(Correction(args.kind, args.target, args.value))
        corrections = add_correction(path, correction)
    print(f"{len(corrections)}: {correction.describe()}", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    index = build_index(settings)
    if args.source is not None and args.source not in index.by_id:
        raise CliError(f"no source with id {args.source!r} (see `newsdesk sources`)")
    passages = index.query(args.query, typing=False).passages(args.limit, source=args.source)
    if args.json:
        emit_json([p.to_json() for p in passages])
        return 0
    if not passages:
        print("no matches", file=sys.stderr)
    for p in passages:
        print(f"{p.source:32} {p.start:>7}  {p.snippet}")
    return 0


def cmd_concordance(args: argparse.Namespace, settings: Settings) -> int:
    from tui.quotes.browse import QuoteFilter

    index = build_index(settings)
    if args.entity and index.entity_named(args.entity) is None:
        raise CliError(f"no entity named {args.entity!r} (see `newsdesk entities`)")
    if not (args.query or "").strip() and not args.entity:
        raise CliError("give a QUERY or --entity NAME")
    result = index.query(args.query or "", QuoteFilter(entity=args.entity), typing=False)
    concordance = result.concordance(args.sort, limit=args.limit)
    lines = concordance.lines()
    if args.json:
        emit_json([line.to_json() for line in lines])
        return 0
    if not lines:
        print("no matches", file=sys.stderr)
    width = 40
    for line in lines:
        left = line.left[-width:]
        print(f"{left:>{width}}{line.keyword}{line.right[:width]:{width}}  {line.source}")
    if concordance.truncated:
        warn(f"showing the first {len(lines)} of {concordance.total} hits (--limit)")
    return 0


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    import time

    from tui.build import cache

    scheduler = args.scheduler or settings.build_scheduler
    started = time.perf_counter()
    index = build_index(settings, scheduler)
    ran, workers = index.built_by
    folder = cache.cache_dir()
    report = {
        "documents": len(index.documents),
        "entities": len(index.entities),
        "quotes": len(index.quotes),
        "seconds": round(time.perf_counter() - started, 3),
        "ran": ran,
        "workers": workers,
        "scheduler": scheduler if ran == "dask cluster" else None,
        "cache": str(folder) if folder is not None else None,
    }
    if args.json:
        emit_json(report)
        return 0
    where = {"cache": "read from the cache", "one process": "built in one process",
             "process pool": f"built on {workers} worker processes and this one",
             "dask cluster": f"built on the Dask cluster at {scheduler} ({workers} workers)"}
    print(f"{report['documents']} documents: {report['entities']} entities, "
          f"{report['quotes']} quotes in {report['seconds']:.1f} s, {where.get(ran, ran)}"
          + ("" if folder is not None else " (not kept: the cache is off)"))
    return 0


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    from tui.bench import BenchError, run_bench

    try:
        report = run_bench(settings, Path(args.queries), repeat=args.repeat, limit=args.limit,
                           concordance_word=args.concordance_word)
    except BenchError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        emit_json(report)
        return 0
    print(
        f"{report['documents']} documents, {report['chars'] / 1e6:.1f} M chars: "
        f"load {report['load_seconds']:.2f} s, build {report['build_seconds']:.2f} s, "
        f"search p50 {report['p50_ms']:.1f} ms, p95 {report['p95_ms']:.1f} ms, "
        f"max {report['max_ms']:.1f} ms, peak RSS {report['peak_rss_mb']:.0f} MB; "
        f"concordance of {report['concordance_word']!r} ({report['concordance_lines']} lines) "
        f"{report['concordance_fill_ms']:.1f} ms, keystroke with it open "
        f"p50 {report['kwic_keystroke_p50_ms']:.1f} ms, "
        f"p95 {report['kwic_keystroke_p95_ms']:.1f} ms"
    )
    return 0


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


def cmd_tui(args: argparse.Namespace, settings: Settings) -> int:
    from tui.util import collector

    if not settings.corpus.is_dir():
        raise CliError(f"corpus directory not found: {settings.corpus}")
    collector.hold()  # (the app releases it once its first frame is drawn)
    try:
        from tui.ui.app import NewsdeskApp  # Textual is only imported when the TUI runs

        NewsdeskApp(settings).run()
    finally:
        collector.release()  # (if the app never drew a frame)
    return 0


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
