"""Corrections a user makes to what the extractor found: merge two entities, rename one,
ignore one, change its type, set or clear a quotation's speaker.

They are kept per corpus in a small JSON file beside the dashboard's state
(:func:`store_path`), read by the command line and the dashboard alike, and applied by
the index after every build or cache load (tui/build/corpus_index.py), so they survive a
rebuild and every front end shows the corrected answer. Each is a plain record (a kind and
two strings): nothing read from the file is run, and one that no longer fits the corpus
(its entity or quotation is gone) is kept but not applied, and listed as such.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.entities.model import Entity, Mentions
from tui.nlp.lexicon import TYPES
from tui.util.userfiles import corpus_file, locked, read_json, write_json

MERGE, RENAME, IGNORE, RETYPE, SPEAKER = "merge", "rename", "ignore", "retype", "speaker"
KINDS = (MERGE, RENAME, IGNORE, RETYPE, SPEAKER)
FORMAT = "corrections-1"
MAX_CORRECTIONS = 10_000
MAX_NAME = 200  # characters in a name a correction gives


class CorrectionError(ValueError):
    """A correction that cannot be made; the message says why, in one line."""


@dataclass(frozen=True)
class Correction:
    """``kind`` of ``target`` (an entity's name, or a quotation's id for SPEAKER) to
    ``value``: MERGE into that entity, RENAME to that name, RETYPE to that type, SPEAKER
    that entity (None: no speaker); IGNORE has no value."""

    kind: str
    target: str
    value: str | None = None

    def describe(self) -> str:
        if self.kind == MERGE:
            return f"merge {self.target} into {self.value}"
        if self.kind == RENAME:
            return f"rename {self.target} to {self.value}"
        if self.kind == IGNORE:
            return f"ignore {self.target}"
        if self.kind == RETYPE:
            return f"make {self.target} {self.value}"
        return f"speaker of {self.target}: {self.value or 'none'}"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "target": self.target, "value": self.value}

    @classmethod
    def from_json(cls, data: Any) -> Correction | None:
        """The correction ``data`` holds, or None if it is not a valid one."""
        if not isinstance(data, dict):
            return None
        kind, target, value = data.get("kind"), data.get("target"), data.get("value")
        if kind not in KINDS or not isinstance(target, str) or not target.strip():
            return None
        if value is not None and not isinstance(value, str):
            return None
        try:
            return checked(cls(kind, target, value))
        except CorrectionError:
            return None


def checked(correction: Correction) -> Correction:
    """``correction`` with its names trimmed, or CorrectionError saying what is wrong
    with it on its own (whether it fits the corpus is :func:`apply_to_entities`'s)."""
    kind, target = correction.kind, correction.target.strip()
    value = correction.value.strip() if correction.value is not None else None
    if kind not in KINDS:
        raise CorrectionError(f"unknown correction {kind!r}")
    if not target or len(target) > MAX_NAME:
        raise CorrectionError("a correction needs an entity name (or a quote id)")
    if kind == IGNORE:
        value = None
    elif kind == RETYPE:
        value = (value or "").upper()
        if value not in TYPES:
            raise CorrectionError(f"a type is one of {', '.join(TYPES)}, not {correction.value!r}")
    elif kind == SPEAKER:
        value = value or None
    elif not value or len(value) > MAX_NAME:
        raise CorrectionError(f"{kind} needs a name of 1 to {MAX_NAME} characters")
    if kind in (MERGE, RENAME) and value == target:
        raise CorrectionError(f"{kind} needs another name than {target!r}")
    return Correction(kind, target, value)


def misfit(
    correction: Correction, entity_names: Container[str], quote_ids: Container[str]
) -> str | None:
    """Why ``correction`` does not fit the corpus as it is now shown, or None: its
    entity (or quotation) must be listed, and so must the entity it names."""
    c = correction
    if c.kind == SPEAKER:
        if c.target not in quote_ids:
            return f"no quote with id {c.target!r}"
        if c.value is not None and c.value not in entity_names:
            return f"a speaker is one of the entities; there is none named {c.value!r}"
        return None
    if c.target not in entity_names:
        return f"no entity named {c.target!r}"
    if c.kind == MERGE and c.value not in entity_names:
        return f"no entity named {c.value!r} to merge into"
    return None


@dataclass
class Applied:
    """Entities and speakers after the corrections, and the corrections that did not
    fit (by their number in the list, from 0)."""

    entities: list[Entity]
    # each speaker's name → the name now (None: the speaker was ignored)
    renamed: dict[str, str | None] = field(default_factory=dict)
    # a quotation's id → its speaker now (None: none)
    speakers: dict[str, str | None] = field(default_factory=dict)
    skipped: list[int] = field(default_factory=list)


def apply_to_entities(
    entities: Sequence[Entity], corrections: Sequence[Correction],
    quote_ids: Iterable[str] = (),
) -> Applied:
    """The entities with the corrections made in order, in the list's order (by mention
    count, then name, as the extractor sorts them). Only the entities a correction
    touches are copied, the rest are the same objects, and only the copies are placed
    (a binary search each): linear in the entities, whatever the corrections. A SPEAKER
    correction applies if its quotation is in ``quote_ids`` and its speaker is an
    entity when it comes."""
    by_name: dict[str, Entity] = {}
    for e in entities:
        by_name.setdefault(e.name, e)
    known_quotes = set(quote_ids)
    touched: set[int] = set()  # the ids of the entities replaced, merged away or ignored
    made: dict[int, Entity] = {}  # the copies made, by id
    renamed: dict[str, str | None] = {}
    speakers: dict[str, str | None] = {}
    skipped: list[int] = []

    def replace_with(old: Entity, new_name: str, **changes: Any) -> None:
        touched.add(id(old))
        made.pop(id(old), None)
        copy = Entity(**{"name": old.name, "type": old.type, "aliases": list(old.aliases),
                         "mentions": old.mentions, **changes})
        made[id(copy)] = copy
        by_name[new_name] = copy

    for number, c in enumerate(corrections):
        if c.kind == SPEAKER:
            if c.target in known_quotes and (c.value is None or c.value in by_name):
                speakers[c.target] = c.value
            else:
                skipped.append(number)
            continue
        entity = by_name.get(c.target)
        if entity is None or (c.kind == MERGE and c.value not in by_name):
            skipped.append(number)
            continue
        if c.kind == RETYPE:
            replace_with(entity, c.target, type=c.value)
            continue
        del by_name[c.target]
        touched.add(id(entity))
        made.pop(id(entity), None)
        _rename(renamed, speakers, c.target, c.value)
        if c.kind == IGNORE:
            continue
        assert c.value is not None
        into = by_name.get(c.value)
        if into is None:  # a rename to a new name
            aliases = [c.target, *(a for a in entity.aliases if a != c.value)]
            replace_with(entity, c.value, name=c.value, aliases=aliases)
        else:  # a merge, or a rename to a name already listed: one entity
            aliases = list(dict.fromkeys(
                a for a in (*into.aliases, entity.name, *entity.aliases) if a != into.name
            ))
            mentions = Mentions(sorted([*into.mentions, *entity.mentions]))
            replace_with(into, c.value, aliases=aliases, mentions=mentions)
    out = [e for e in entities if id(e) not in touched]
    for copy in sorted(made.values(), key=_rank):
        insort(out, copy, key=_rank)
    return Applied(out, renamed, speakers, skipped)


def _rank(entity: Entity) -> tuple[int, str, str]:
    return (-entity.count, entity.name.casefold(), entity.name)


def _rename(
    renamed: dict[str, str | None], speakers: dict[str, str | None], old: str, new: str | None
) -> None:
    """Speakers called ``old`` are now ``new``, and so are those an earlier correction
    renamed to ``old`` or gave ``old`` as their speaker."""
    renamed[old] = new
    for name, now in renamed.items():
        if now == old:
            renamed[name] = new
    for quote_id, now in speakers.items():
        if now == old:
            speakers[quote_id] = new


# --- the store ----------------------------------------------------------------------------


def store_path(corpus: Path, directory: Path | None = None) -> Path:
    """The corrections file of a corpus directory, beside its dashboard state."""
    return corpus_file(corpus, ".corrections.json", directory)


def load_corrections(path: Path) -> list[Correction]:
    """The corrections saved in ``path``, in the order made; none if it is missing or
    unreadable (and the invalid records in it are left out)."""
    data = read_json(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return []
    records = data.get("corrections")
    if not isinstance(records, list):
        return []
    return [c for c in map(Correction.from_json, records[:MAX_CORRECTIONS]) if c is not None]


def _save(path: Path, corrections: Sequence[Correction]) -> None:
    write_json(path, {"format": FORMAT, "corrections": [c.to_json() for c in corrections]})


def add_correction(path: Path, correction: Correction) -> list[Correction]:
    """Add ``correction`` (checked) to the file, under its folder's lock; the list now.
    Raises CorrectionError if it is invalid, OSError if the file cannot be written."""
    correction = checked(correction)
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path.parent):
        corrections = load_corrections(path)
        if len(corrections) >= MAX_CORRECTIONS:
            raise CorrectionError(f"{path}: already {MAX_CORRECTIONS} corrections")
        corrections.append(correction)
        _save(path, corrections)
    return corrections


def undo_correction(path: Path, number: int) -> tuple[Correction, list[Correction]]:
    """Remove correction ``number`` (from 1, as listed); the one removed and the list
    now. CorrectionError if there is no such correction."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path.parent):
        corrections = load_corrections(path)
        if not 1 <= number <= len(corrections):
            have = f"1 to {len(corrections)}" if corrections else "none"
            raise CorrectionError(f"no correction {number} (there are {have})")
        removed = corrections.pop(number - 1)
        _save(path, corrections)
    return removed, corrections
