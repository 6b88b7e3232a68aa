"""Every file accounted for: which files were skipped and why, said once for the CLI's
summary line, ``newsdesk sources --skipped`` and the dashboard's notice."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

# A skip's reason, read for the summary's kind: the first phrase that the reason holds.
_KINDS = (
    ("unsupported format", "unsupported"),
    ("empty", "empty"),
    ("no text layer", "no text layer"),
    ("encrypted", "encrypted"),
    ("needs the", "library missing"),
    ("limit (max_file_mb)", "too large"),
    ("binary", "binary"),
    ("not valid JSON", "not valid JSON"),
    ("no records", "no records"),
    ("no articles", "no articles"),
    ("no text", "no text"),
    ("broken link", "broken link"),
    ("not a regular file", "not a file"),
    ("already read", "linked twice"),
)
NOTICE_FILES = 6


@dataclass(frozen=True)
class Skipped:
    """A file (or folder) below the corpus that gave no source, and why."""

    path: str
    reason: str

    @property
    def kind(self) -> str:
        for phrase, kind in _KINDS:
            if phrase in self.reason:
                return kind
        return "unreadable"

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason, "kind": self.kind}


def unsupported(path: str, suffix: str) -> Skipped:
    shown = suffix or "no extension"
    return Skipped(path, f"unsupported format ({shown})")


def summary(loaded: int, skipped: list[Skipped]) -> str:
    """``5 loaded, 3 skipped: 2 unsupported (.docx), 1 empty — …``, one line."""
    if not skipped:
        return f"{loaded} loaded, none skipped"
    counts = Counter(s.kind for s in skipped)
    suffixes: dict[str, list[str]] = {}
    for s in skipped:
        if s.kind == "unsupported":
            shown = s.reason.partition("(")[2].rstrip(")")
            if shown not in suffixes.setdefault(s.kind, []):
                suffixes[s.kind].append(shown)
    parts = []
    for kind, n in counts.most_common():
        extra = f" ({', '.join(suffixes[kind][:4])})" if kind in suffixes else ""
        parts.append(f"{n} {kind}{extra}")
    return (f"{loaded} loaded, {len(skipped)} skipped: {', '.join(parts)} "
            "— newsdesk sources --skipped lists them")


def notice(skipped: list[Skipped], warnings: list[str]) -> tuple[str, str] | None:
    """(title, message) of the dashboard's notice: the skipped files by name with their
    reasons (the first few, then how many more), and the count of other warnings."""
    others = len(warnings) - sum(1 for w in warnings if w.endswith("; skipped"))
    if not skipped and not warnings:
        return None
    if not skipped:
        more = f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""
        return "Some files were read with warnings", f"{warnings[0]}{more}"
    lines = [f"{s.path}: {s.reason}" for s in skipped[:NOTICE_FILES]]
    if len(skipped) > NOTICE_FILES:
        lines.append(f"… and {len(skipped) - NOTICE_FILES} more "
                     "(newsdesk sources --skipped lists them all)")
    if others > 0:
        lines.append(f"{others} other warning{'s' if others > 1 else ''}")
    n = len(skipped)
    return f"{n} file{'s were' if n > 1 else ' was'} skipped", "\n".join(lines)
