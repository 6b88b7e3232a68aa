"""Write a synthetic news archive for benchmarks: N articles with front matter.

Articles are stitched from the sentences of a seed corpus (the bundled one by default)
and from templated sentences about synthetic people, organisations and places. Names are
drawn from a pool that keeps growing, with a heavy head (a few names recur everywhere)
and a long tail (most appear once or twice), so the vocabulary grows with the archive as a
real one's does. The same seed always writes the same files.

    python bench/generate.py OUT_DIR -n 10000 [--seed 7] [--source corpus]
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.corpus.document import BODY, COMMENTS  # noqa: E402
from tui.corpus.loader import load_corpus  # noqa: E402
from tui.nlp.text import sentences  # noqa: E402

_ONSETS = "b c d f g h j k l m n p r s t v w y z ch sh th br kr st tr gr pl".split()
_VOWELS = "a e i o u a e o ae ai ou ee io".split()
_CODAS = ["", "", "", "n", "r", "s", "l", "m", "k", "ng", "rt", "st"]
_ORG_KINDS = "Institute Ministry Council Agency Bank Group Foundation Party Union Corp".split()
_ROLES = (
    "a spokesman for", "a spokeswoman for", "the head of", "an analyst at",
    "a senior official at", "a researcher at", "the director of",
)
_VERBS = ("said", "told reporters", "said in a statement", "wrote", "added", "warned")
_TEMPLATES = (
    '"{quote}," {verb} {person}, {role} the {org}.',
    '{person}, {role} the {org}, {verb} that {clause}',
    'In {place}, {person} {verb}: "{quote}."',
    "The {org} in {place} {verb} on {weekday} that {clause}",
    "{person} met {person2} in {place} to discuss {topic}.",
    "Officials from the {org} and the {org2} are expected to meet in {place} next week.",
)
_TOPICS = (
    "trade curbs", "security cooperation", "export controls", "the intelligence-sharing pact",
    "regional stability", "the tariff dispute", "missile tests", "supply chains",
)
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


class Names:
    """Synthetic names: a growing pool sampled with a Zipf-like head and a long tail."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.pool: dict[str, list[str]] = {"person": [], "org": [], "place": []}

    def word(self, syllables: int) -> str:
        r = self.rng
        parts = [r.choice(_ONSETS) + r.choice(_VOWELS) + r.choice(_CODAS) for _ in range(syllables)]
        name = "".join(parts)
        if r.random() < 0.08:  # hyphenated given names, as in Korean and French names
            name += "-" + r.choice(_ONSETS) + r.choice(_VOWELS)
        return name.capitalize()

    def new(self, kind: str) -> str:
        r = self.rng
        if kind == "person":
            return f"{self.word(r.randint(1, 3))} {self.word(r.randint(1, 3))}"
        if kind == "org":
            return f"{self.word(r.randint(2, 3))} {r.choice(_ORG_KINDS)}"
        return self.word(r.randint(2, 4))

    def pick(self, kind: str) -> str:
        pool = self.pool[kind]
        # a new name a third of the time; otherwise a known one, early ones far likelier
        if not pool or self.rng.random() < 0.33:
            pool.append(self.new(kind))
            return pool[-1]
        return pool[int(len(pool) * self.rng.random() ** 3)]


def seed_material(source: Path) -> tuple[list[str], list[str], list[str]]:
    """Body sentences, short quotable sentences and reader comments from a seed corpus."""
    body: list[str] = []
    comments: list[str] = []
    for doc in load_corpus(source).documents:
        for section in doc.sections:
            if section.kind == BODY:
                for a, b in sentences(doc.text, section.start, section.end):
                    if len(doc.text[a:b]) > 30:
                        body.append(doc.text[a:b])
            elif section.kind == COMMENTS:
                comments.extend(
                    line.strip()
                    for line in doc.text[section.start : section.end].split("\n")
                    if len(line.strip()) > 20
                )
    quotes = [s.strip('"“”') for s in body if 40 < len(s) < 160 and '"' not in s]
    return body, quotes or body, comments


def article(
    rng: random.Random, names: Names, body: list[str], quotes: list[str], comments: list[str],
    number: int, day: date,
) -> str:
    target = rng.randint(2000, 7000)
    lead = names.pick("person")
    place = names.pick("place")
    title = f"{lead} says {rng.choice(_TOPICS)} will shape talks in {place}"
    outlet = names.pick("org").split()[0] + " " + rng.choice(("News", "Times", "Post", "Wire"))
    paragraphs: list[str] = []
    size = 0
    while size < target:
        sentences_here = []
        for _ in range(rng.randint(1, 4)):
            if rng.random() < 0.35:
                sentences_here.append(
                    rng.choice(_TEMPLATES).format(
                        quote=rng.choice(quotes).rstrip("."), verb=rng.choice(_VERBS),
                        person=lead if rng.random() < 0.3 else names.pick("person"),
                        person2=names.pick("person"), role=rng.choice(_ROLES),
                        org=names.pick("org"), org2=names.pick("org"),
                        place=names.pick("place"), weekday=rng.choice(_WEEKDAYS),
                        topic=rng.choice(_TOPICS),
                        clause=rng.choice(body)[0].lower() + rng.choice(body)[1:],
                    )
                )
            else:
                sentences_here.append(rng.choice(body))
        paragraph = " ".join(sentences_here)
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    if comments and rng.random() < 0.2:
        for _ in range(rng.randint(3, 6)):
            paragraphs.append(names.word(2).lower())
            paragraphs.append(rng.choice(comments))
    front = (
        f'---\ntitle: "{title}"\noutlet: "{outlet}"\ndate: {day.isoformat()}\n'
        f'author: "{names.pick("person")}"\nurl: "https://example.com/{number:06d}"\n---\n'
    )
    return front + "\n".join(paragraphs) + "\n"


def generate(out: Path, count: int, seed: int = 7, source: Path | None = None) -> list[Path]:
    """Write ``count`` articles to ``out`` (created if needed); the paths written."""
    rng = random.Random(seed)
    body, quotes, comments = seed_material(source or ROOT / "corpus")
    if not body:
        raise SystemExit(f"no body sentences in {source}")
    names = Names(rng)
    out.mkdir(parents=True, exist_ok=True)
    start = date(2019, 1, 1)
    written = []
    for i in range(count):
        day = start + timedelta(days=rng.randrange(730))
        path = out / f"{i:06d}.md"
        path.write_text(article(rng, names, body, quotes, comments, i, day), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="directory to write the articles to")
    parser.add_argument("-n", "--count", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=7, help="random seed (same seed, same files)")
    parser.add_argument("--source", type=Path, default=None, help="seed corpus directory")
    args = parser.parse_args(argv)
    paths = generate(args.out, args.count, args.seed, args.source)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} articles, {size / 1e6:.1f} MB, to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
