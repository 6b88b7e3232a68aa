"""Speakers spelled as the entity list names them, and names inside runs of capitals
that the list knows ("Does Rubio" is Marco Rubio)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tui.nlp.given_names import is_given_name
from tui.nlp.lexicon import (
    AFFILIATIONS,
    BODY_NOUNS,
    FUNCTION_WORDS,
    NAME_FUNCTION_WORDS,
    ORG,
    PERSON,
    PERSON_ROLES,
    PLACE,
    TITLE_WORDS,
)
from tui.quotes.cues import (
    _ORG_HEADS,
    _TITLES,
    _key,
)
from tui.quotes.model import Quote


class NameBook:
    """The entity list's PERSON and ORG names, indexed once for the whole corpus.

    Built per corpus rather than per document: walking every entity for every document
    made quote extraction quadratic in the size of the corpus.
    """

    def __init__(self, entities: list[Any]) -> None:
        self.exact: dict[str, str] = {}
        self.kinds: dict[str, str] = {}  # a PERSON's or ORG's name → its type
        # every PLACE's and ORG's names, casefolded: what may stand beside a name
        self.places_and_orgs: set[str] = set()
        # a first or last name → (count, full name, sources) of the people it may stand for
        self._people: dict[str, list[tuple[int, str, Any]]] = {}
        # ... per name, then per source: only the few names that a document quotes bare are
        # ever asked for, so this index is built for them alone, on first use
        self._by_source: dict[str, dict[str, list[tuple[int, str]]]] = {}
        for e in entities:
            etype = getattr(e, "type", "")
            if etype in (PLACE, ORG):
                self.places_and_orgs.update(
                    n.casefold() for n in (e.name, *getattr(e, "aliases", []))
                )
            if etype not in (PERSON, ORG):
                continue
            self.kinds.setdefault(e.name, etype)
            parts = e.name.split()
            # (a person's first name alone names them only in the articles that name
            # them: "Tom" is Tom Ebeling where he is, not the Tom Ridge of another
            # article; per source, candidates() finds them by it)
            given = parts[0].casefold() if etype == PERSON and len(parts) > 1 else None
            for n in (e.name, *getattr(e, "aliases", [])):
                if n.casefold() != given:
                    self.exact.setdefault(n.casefold(), e.name)
            if etype != PERSON or len(parts) < 2:
                continue
            tokens = {parts[0].casefold(), parts[-1].casefold()}
            packed = getattr(e.mentions, "distinct_sources", None)  # (no Mention per mention)
            sources = packed() if packed else {getattr(m, "source", None) for m in e.mentions}
            person = (e.count, e.name, sources)  # (one tuple under both names, not two)
            for t in tokens:
                self._people.setdefault(t, []).append(person)

    def spelling(self, source: str, name: str) -> str:
        """``name`` as the entity list spells it in ``source`` (itself if unknown)."""
        return _Canon(self, source)(name)

    def candidates(self, source: str, token: str) -> list[tuple[int, str]]:
        """(count, full name) of the people mentioned in ``source`` whose first or last
        name is ``token`` (casefolded), in entity order."""
        book = self._by_source.get(token)
        if book is None:
            book = self._by_source[token] = {}
            for count, name, sources in self._people.get(token, ()):
                for src in sources:
                    book.setdefault(src, []).append((count, name))
        return book.get(source, [])


# The most words a speaker's name is searched for a known name in (longer runs are lists).
_MAX_RUN_WORDS = 8
# Words that stand next to a name in a run of capitals without being part of it.
_NEXT_TO_NAMES = FUNCTION_WORDS | AFFILIATIONS | TITLE_WORDS | PERSON_ROLES | _TITLES


class _Canon:
    """Entity names as the canonical spelling of a speaker's name in one document."""

    def __init__(self, book: NameBook, source: str) -> None:
        self.exact = book.exact
        self.book = book
        self.source = source

    def __call__(self, name: str) -> str:
        known = self._known(name)
        if known and " " not in known and name.endswith(" " + known) and name.count(" ") == 1:
            # "Owen Cross" is no alias of a group "Cross": a given name and a
            # surname the text wrote in full stay whole
            if is_given_name(name.split()[0]) and self.book.kinds.get(known) != PERSON:
                return name
        return known or self._within(name) or name

    def _known(self, name: str) -> str | None:
        """The entity ``name`` is: by its name or an alias, or, for one word, the one
        person of the document with that first or last name."""
        exact = self.exact.get(name.casefold())
        if exact:
            return exact
        if " " not in name:
            cands = sorted(self.book.candidates(self.source, name.casefold()), reverse=True)
            if len(cands) == 1 or (len(cands) > 1 and cands[0][0] > cands[1][0]):
                return cands[0][1]
        return None

    def _within(self, name: str) -> str | None:
        """The person a run of capitalised words names inside it, where the run as a
        whole is no entity and the words around the name are plainly not part of it:
        a sentence's first word, a party label, a role or an employer ran into the name
        ("Does Lund", "Democrat Ilse Varga", "Harbour News’ Piet Mulder"), or a place
        after it ("Kemp New Hampshire"). A run of name words ("Anna Maria Lund") is
        left as it is: the text knows the name better than the entity list."""
        tokens = name.split()
        if not 1 < len(tokens) <= _MAX_RUN_WORDS or not all(t[:1].isupper() for t in tokens):
            return None
        n = len(tokens)
        # Two words that do not open with a surname of someone here are a given name
        # and a surname more often than a name and a word beside it: the entity list's
        # lone words ("Zoltar", "Quennell" typed as groups) do not cut them, nor does a
        # given name that is also a function word ("Will").
        known = n > 2 or self._surname_here(tokens[0])
        first = _key(tokens[0])
        if not known and first not in _TITLES and is_given_name(tokens[0]) and (
            first in NAME_FUNCTION_WORDS or first not in FUNCTION_WORDS
        ):
            return None
        # the longest lead of words beside a name, then the longest tail
        lead = next(
            (k for k in range(n - 1, 0, -1) if self._beside_a_name(tokens[:k], known)), 0
        )
        tail = next(
            (k for k in range(n - lead - 1, 0, -1)
             if self._beside_a_name(tokens[n - k :], known)),
            0,
        )
        if lead == 0 and tail == 0:
            return None
        for end in range(n, n - tail - 1, -1):
            if end < n and not self._beside_a_name(tokens[end:]):
                continue
            if (end < n and end - lead == 1 and is_given_name(tokens[lead])
                    and not self.book.candidates(self.source, tokens[lead].casefold())):
                continue  # a first name no one here bears keeps its surname ("Tom Ridge")
            found = self._known(" ".join(tokens[lead:end]))
            if found is not None and self.book.kinds.get(found) == PERSON:
                return found
        # a name the entity list lacks: without the words that are plainly not part of
        # it (a place or organisation the list knows may also be a name's first word)
        # (a body keeps its owner: "South Korea's Defense Ministry")
        if _key(tokens[-1]) in _ORG_HEADS or _key(tokens[-1]) in BODY_NOUNS:
            return None
        lead = next((k for k in range(n - 1, 0, -1) if self._beside_a_name(tokens[:k], False)), 0)
        return " ".join(tokens[lead:]) if lead else None

    def _surname_here(self, word: str) -> bool:
        """Whether ``word`` is the surname of a person this document names in full."""
        key = word.casefold()
        return any(
            name.rsplit(None, 1)[-1].casefold() == key
            for _count, name in self.book.candidates(self.source, key)
        )

    def _beside_a_name(self, words: list[str], known: bool = True) -> bool:
        """Whether ``words`` are what news writing puts next to a name without being
        part of it: function words, party labels, titles and roles (the shared
        lexicon), a possessive employer, or (``known``) a place or organisation the
        entity list knows."""
        last = words[-1]
        if last.endswith(("'s", "’s", "s'", "s’")) or last.endswith("-based"):
            return True
        if len(words) == 1 and _key(last) in _NEXT_TO_NAMES:
            return True
        if not known:
            return False
        if len(words) == 1 and self.book.candidates(self.source, last.casefold()):
            return False  # a person's first or last name here ("Mary", "Rubio")
        return " ".join(words).casefold() in self.book.places_and_orgs


def spell_speakers(quotes: Iterable[Quote], names: NameBook) -> None:
    """Give each speaker the entity list's spelling of the name, in place.

    Attribution itself needs no entities, so the quotations of a large archive are
    found while its entities are still being merged (on another core), and only this
    last step waits for them. Quotes of one document are expected together, as
    extraction yields them.
    """
    source: str | None = None
    canon: _Canon | None = None
    spelled: dict[str, str] = {}  # (a document quotes a few people, most more than once)
    for q in quotes:
        name = q.speaker_org if q.described else q.speaker
        if name is None:
            continue
        if q.source != source or canon is None:
            source, canon, spelled = q.source, _Canon(names, q.source), {}
        spelling = spelled.get(name)
        if spelling is None:
            spelling = spelled[name] = canon(name)
        if q.described:
            q.speaker_org = spelling  # (a description keeps its words; its body is spelled)
        else:
            q.speaker = spelling
