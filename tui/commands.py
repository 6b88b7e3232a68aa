"""What each command of the command line does: ask the core, then print its answer as
JSON or text. A failure the user can mend is a CliError, which ``main`` (tui/cli.py)
prints as one line; the work itself is in the core."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.config import Settings

if TYPE_CHECKING:
    from tui.build.corpus_index import CorpusIndex
    from tui.corpus.loader import LoadResult
    from tui.export.render import Scope

# The index, quotes and export modules are imported by the commands that use them, so
# that starting the dashboard (which builds its index in a worker) does not wait for them.


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 2."""


def warn(message: str) -> None:
    print(f"newsdesk: warning: {message}", file=sys.stderr)


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


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
