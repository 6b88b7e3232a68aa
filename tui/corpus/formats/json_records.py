"""JSON and JSON Lines: one article a record.

A file may hold one record, a list of them, one a line (JSON Lines), or the list inside
the wrapper a news API returns (``articles`` for NewsAPI, ``response.results`` for the
Guardian, ``response.docs`` for the NYT, ``results``, ``data``, ``items`` elsewhere), so
that an API dump loads as it was saved. Records name their fields as the API does
(:mod:`tui.corpus.formats.fields`); the usual metadata keys are filled from them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from tui.corpus.document import Document
from tui.corpus.formats import ReadContext
from tui.corpus.formats.fields import iso_day, pick
from tui.corpus.records import clean, file_id, make_document, plain, short, slug

SUFFIXES = {".json", ".jsonl", ".ndjson"}
# The keys a record's text is read from without asking the field table, as always.
_BODY_KEYS = ("text", "body", "content")
_WRAPPERS = ("articles", "results", "docs", "data", "items", "entries", "stories", "hits")
_META = ("title", "date", "outlet", "url", "author")


def _int(digits: str) -> int | str:
    """A JSON integer; one too long for Python to convert (over 4,300 digits) stays text."""
    try:
        return int(digits)
    except ValueError:
        return digits


def _json(text: str) -> Any:
    return json.loads(text, parse_int=_int)


def unwrap(data: Any) -> Any:
    """The list of records inside an API's wrapper, or ``data`` itself. Only a wrapper
    is looked into: an object with text of its own is a record."""
    for _ in range(3):  # {"response": {"docs": [...]}} is two deep
        if not isinstance(data, Mapping) or any(isinstance(data.get(k), str) for k in _BODY_KEYS):
            return data
        lists = [data[k] for k in _WRAPPERS if isinstance(data.get(k), list)]
        if lists:
            return lists[0]
        inner = data.get("response") or data.get("hits")
        if not isinstance(inner, Mapping):
            return data
        data = inner
    return data


def _json_records(text: str) -> tuple[list[tuple[int, Any, str | None]], bool]:
    """(index, record, problem) for each record of a JSON file, and whether it holds a
    list of them."""
    listed = text.lstrip().startswith("[")
    try:
        data = unwrap(_json(text))
    except json.JSONDecodeError as exc:
        return [(exc.lineno, None, f"not valid JSON (line {exc.lineno}: {exc.msg})")], listed
    except ValueError as exc:
        return [(1, None, f"not valid JSON ({short(exc)})")], listed
    if isinstance(data, list):
        return [(i, item, None) for i, item in enumerate(data)], True
    return [(0, data, None)], False


def _lines(text: str) -> Iterable[tuple[int, Any, str | None]]:
    """(line number, record, problem) for each record of a JSON Lines file."""
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = _json(line)
        except json.JSONDecodeError as exc:
            yield lineno, None, f"not valid JSON ({exc.msg})"
            continue
        except ValueError as exc:
            yield lineno, None, f"not valid JSON ({short(exc)})"
            continue
        except RecursionError:
            yield lineno, None, "nested too deeply to read"
            continue
        yield lineno, record, None


def record_body(record: Mapping[str, Any], mapped: Mapping[str, str]) -> tuple[str, str]:
    """(key, text) of a record's article text: ``text``, ``body`` or ``content`` when a
    string, else the first field the table names (``full_text``, Guardian ``bodyText``...)."""
    body_key = next((k for k in _BODY_KEYS if isinstance(record.get(k), str)), None)
    if body_key is not None and record[body_key].strip():
        return body_key, record[body_key]
    return pick(record, "text", mapped)


def record_meta(record: Mapping[str, Any], body_key: str, mapped: Mapping[str, str]) -> dict:
    """Every field but the text and the id, kept, and the usual keys filled from the
    names the record uses (``headline``, ``publishedAt``, ``source.name``...)."""
    meta = {k: plain(v) for k, v in record.items() if k not in _BODY_KEYS and k != "id"}
    meta.pop(body_key, None)
    for field in _META:
        if not isinstance(meta.get(field), str) or not meta[field].strip():
            found_key, value = pick(record, field, mapped)
            if value and found_key != body_key:
                meta[field] = clean(iso_day(value) if field == "date" else value)
    return meta


def read(text: str, ctx: ReadContext, suffix: str) -> list[Document]:
    rel, warn = ctx.rel, ctx.warn
    docs: list[Document] = []
    lines = suffix != ".json"
    records: Iterable[tuple[int, Any, str | None]]
    if lines:
        records, multi = _lines(text), True
    else:
        records, multi = _json_records(text)
    seen = 0
    for n, record, problem in records:
        seen += 1
        where = f"{rel}:{n}" if lines else (f"{rel}[{n}]" if multi else rel)
        if problem:
            warn(f"{where}: {problem}; skipped")
            continue
        if not isinstance(record, dict):
            warn(f"{where}: record is not an object; skipped")
            continue
        body_key, body = record_body(record, ctx.columns)
        if not body.strip():
            warn(f"{where}: record has no text, body or content; skipped")
            continue
        meta = record_meta(record, body_key, ctx.columns)
        if record.get("id") is not None:
            doc_id = slug(str(record["id"]))
        else:
            doc_id = file_id(rel) + (f"-{n}" if multi else "")
        # (decoded bytes never hold lone surrogates; JSON's \u escapes can)
        docs.append(make_document(doc_id, rel, clean(body), meta))
    if not seen:
        warn(f"{rel}: no records; skipped")
    return docs
