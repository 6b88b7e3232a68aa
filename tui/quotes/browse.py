"""What the quote browser shows: which quotations a filter keeps, in what order, and
whose words a query names. The command line and the dashboard both ask these, so they
can never answer one question two ways."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from tui.choices import QUOTE_SORTS
from tui.corpus.document import BODY
from tui.corpus.facets import SourceFacets
from tui.nlp.text import WORD, normalise, word_parts
from tui.quotes.model import Quote
from tui.search.query import FUZZY, parse_query

SORTS = QUOTE_SORTS


@dataclass(frozen=True)
class QuoteFilter:
    """The filters the quote list is under, besides the search text.

    ``all_sections``: quotations from reader comments and boilerplate (captions, related
    links) too; by default only the article body's are shown, in the dashboard and on
    the command line alike. ``entity``: only the quotations an entity speaks or is
    mentioned in (by its name). ``source``: one source's only. ``speaker``: only those
    whose speaker the words name (:func:`names_speaker`). ``sort``: ``source`` (corpus
    order, then text order) or ``speaker``. ``facets``: the outlets and dates of the
    sources kept (for the sources, the quotes and the concordance alike), and the
    sources' order.
    """

    all_sections: bool = False
    entity: str | None = None
    source: str | None = None
    speaker: str | None = None
    sort: str = "source"
    facets: SourceFacets = SourceFacets()


def in_view(quote: Quote, all_sections: bool) -> bool:
    """Whether a quotation is shown under the sections rule of :class:`QuoteFilter`."""
    return all_sections or quote.section == BODY


def spaced_words(text: str) -> str:
    """The words of ``text`` as search normalises them (case and accents folded, a
    compound in its parts), a space before each: "Kim You-geun" → " kim you geun",
    "Kōno's" → " kono". A word of a query starts a word of the name exactly where its
    own spaced form occurs in the name's."""
    return "".join(
        " " + part for m in WORD.finditer(text) for part in word_parts(normalise(m[0])) if part
    )


def query_name_words(query: str) -> list[str]:
    """The words of a search that can name a speaker, spaced as :func:`spaced_words`
    spaces them: its plain words (a compound's parts in a row) of two letters or more;
    not phrases, exclusions, 'exact words nor ^prefixes, which search the text only."""
    return [
        "".join(" " + term for term in clause.terms)
        for clause in parse_query(query, typing=False).positive
        if clause.mode == FUZZY and sum(map(len, clause.terms)) > 1
    ]


def names_speaker(speaker: str | None, wanted: str) -> bool:
    """Whether ``wanted`` names ``speaker``: each of its words starts a word of the name,
    as typed. `kono`, `taro ko`, `Kim` and `you-geun` find their speakers; `ono` does
    not find Taro Kono, nor `in` Martin."""
    if not speaker:
        return False
    words = query_name_words(wanted)
    if not words:
        return False
    name = spaced_words(speaker)
    return all(word in name for word in words)


def ordered(
    quotes: Iterable[Quote], sort: str, order: Mapping[str, int]
) -> list[Quote]:
    """``quotes`` in the order the list shows them: by source (``order`` gives each
    source's place in the corpus) and position, or by speaker (names, then the speakers
    described, then the unattributed)."""
    if sort == "speaker":
        return sorted(quotes, key=_by_speaker(order))
    return sorted(quotes, key=lambda q: (order.get(q.source, 0), q.start))


def _by_speaker(
    order: Mapping[str, int],
) -> Callable[[Quote], tuple[bool, bool, str, int, int]]:
    # (the named first, then the described, then the unattributed)
    return lambda q: (
        q.speaker is None, q.described, (q.speaker or "").casefold(),
        order.get(q.source, 0), q.start,
    )


def speaker_label(quote: Quote, nobody: str = "unattributed") -> str:
    """Who a quotation is shown as said by: the name, the description as the text gives
    it ("a spokesperson for TransLink"), or ``nobody``."""
    return quote.speaker or nobody


def same_wordings(quotes: Iterable[Quote]) -> list[list[Quote]]:
    """``quotes`` grouped by wording, in order of first appearance: outlets that reprint
    one wire story word for word (case and spacing aside) are one wording, not several."""
    groups: dict[str, list[Quote]] = {}
    for quote in quotes:
        groups.setdefault(" ".join(quote.text.casefold().split()), []).append(quote)
    return list(groups.values())


def select(by_id: Mapping[str, Quote], ids: Iterable[str]) -> list[Quote]:
    """The quotations ``ids`` name, each once, in the order first given, whatever their
    section; unknown ids are left out (the filters are :meth:`CorpusIndex.query`'s)."""
    return [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
