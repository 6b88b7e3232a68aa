"""What a definite noun refers back to among the people a document has described
rather than named: "the spokesperson said" after "a spokesperson for Northline said",
"said the official" after "A senior official at the board, who sought anonymity, told
reporters …", "the insider added" after "A source told the paper …". The part of
:class:`tui.quotes.speakers.SpeakerResolver` between the antecedents of names and the
reading of subjects."""

from __future__ import annotations

import re
from collections import deque

from tui.nlp.lexicon import ORG, PERSON
from tui.quotes.antecedents import Antecedents
from tui.quotes.cues import _PRONOUN_REACH, _key
from tui.quotes.descriptions import DESCRIBED, Description, description_opening

# The nouns a report gives a source it will not name: a later "the insider" points back
# to the last source the text described by any of them.
_ANONYMOUS_SOURCES = frozenset(
    "source sources insider insiders pal pals friend confidant confidante spy".split()
)


# The documents a body or a person issues, which "the statement said" stands for.
ISSUED_DOCUMENTS = (
    "statement", "release", "communique", "communiqué", "letter", "order", "ruling", "judgment"
)
# A mention of one being issued: "in a statement", "issued a brief statement", "in its
# press release" (not "the statement": that is the reference itself).
_ISSUED_RE = {
    noun: re.compile(
        rf"(?<![\w'’-])(?:[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?:[\w'’-]+[ \t]+){{0,2}}"
        rf"{noun}(?![\w'’-])"
    )
    for noun in ISSUED_DOCUMENTS
}

# What puts the document in its issuer's hands: `said in a statement`, `In its order,`,
# `issued a statement`, `released a brief statement`.
_ISSUED_BEFORE_RE = re.compile(
    r"(?<![\w'’-])(?:[Ii]n|issued|issues|released|releases|put out|sent|published)[ \t]+\Z"
)
# The verb whose subject issued it: `X said in a statement`, `X issued a statement`.
_ISSUING_VERB_RE = re.compile(
    r"(?<![\w'’-])(?:said|says|issued|issues|released|releases|added|announced|stated|"
    r"wrote|noted|declared|sent|put out|directed|ordered|ruled|held)(?![\w'’-])"
)


class NounReferences(Antecedents):
    """The descriptions a document has given its unnamed speakers, and what a definite
    noun points back to among them."""

    # (made in SpeakerResolver._start, with the rest of one document's state)
    descriptions: dict[str, Description]

    def _gender(self, name: str) -> str | None:
        """A described speaker's sex is the one its head noun gives ("a spokesman")."""
        described = self.descriptions.get(name)
        if described is not None:
            return described.gender
        return super()._gender(name)

    def _described_before(self, noun: str) -> tuple[str, str] | None:
        """The one description of this document so far whose head is ``noun``; none if
        two differ (`a spokesperson for Northline … a spokesperson for the city`)."""
        found = [text for text, d in self.descriptions.items() if _key(d.head) == noun]
        return (found[0], DESCRIBED) if len(found) == 1 else None

    def _described_like(self, noun: str, pos: int) -> tuple[str, str] | None:
        """What "the <noun>" at ``pos`` points back to among the descriptions so far: the
        one of that noun (see _described_before); else the last the narration gave
        within a pronoun's reach, with "a" or "one" (`A senior official at the board,
        who sought anonymity, told reporters …` … `said the official`); else, for an
        unnamed source's noun ("the insider", "the pal"), the last description of such a
        source."""
        found = self._described_before(noun)
        if found is not None or any(_key(d.head) == noun for d in self.descriptions.values()):
            return found  # (two of that noun: no guess)
        since = max(0, pos - _PRONOUN_REACH)
        introductions = list(re.finditer(
            # (a modifier may hold full stops: `A U.S. official`)
            rf"(?<![\w'’-])(?:[Aa]n?|[Oo]ne|[Aa]nother)[ \t]+(?:[\w'’.-]+[ \t]+){{0,4}}"
            rf"{re.escape(noun)}(?![\w'’-])",
            self.text[since:pos],
        ))
        described_so = {
            d.text for m in introductions
            if (d := description_opening(self.text[since + m.start() : pos])) is not None
            and _key(d.head) == noun
        }
        if len(described_so) > 1:
            return None  # (`a driver … another driver …`: no guess either)
        if described_so:
            last = description_opening(self.text[since + introductions[-1].start() : pos])
            if last is not None and last.text in described_so:
                return self._described(last)
        if noun in _ANONYMOUS_SOURCES:
            for text, d in reversed(self.descriptions.items()):
                if _key(d.head) in _ANONYMOUS_SOURCES:
                    return text, DESCRIBED
        return None

    def _subject_before(self, left: str, pos: int) -> tuple[str, str] | None:
        raise NotImplementedError  # (see SubjectReader: the subject that ends ``left``)

    def _issuer(self, noun: str, pos: int) -> tuple[str, str] | None:
        """Who issued the document "the <noun>" at ``pos`` stands for ("the statement
        added", "the release said"): the subject of the sentence that last mentioned
        one within a pronoun's reach (`The EFCC said in a statement on Friday that …`,
        `In a statement, Governor Ann Lee said …`, `The ministry issued a statement`,
        `A spokesperson for Acme said in a statement`); None where that sentence opens
        with no one."""
        since = max(0, pos - _PRONOUN_REACH)
        # (the last mention: a deque of one keeps it, at C speed)
        last = next(iter(deque(_ISSUED_RE[noun].finditer(self.text, since, pos), 1)), None)
        if last is None or not _ISSUED_BEFORE_RE.search(
            self.text, max(0, last.start() - 12), last.start()
        ):
            # (not one someone received, answered or appealed against: `a letter from the
            # council`, `Responding to a statement from the club`)
            return None
        para = self._paragraph_of(last.start())
        start = self._sentence_start(para, last.start())
        end = self.bounds[para][1] if self.bounds else len(self.text)
        verb = _ISSUING_VERB_RE.search(self.text, start, min(end, pos))
        if verb is None:
            return None
        found = self._subject_before(self.text[start : verb.start()], verb.start())
        # (or the source the text only describes: `A spokesperson for Lindale Property
        # Group said in a statement …` … `the statement said`)
        return found if found is not None and found[1] in (PERSON, ORG, DESCRIBED) else None

    def _described(self, described: Description) -> tuple[str, str]:
        self.descriptions[described.text] = described
        return described.text, DESCRIBED
