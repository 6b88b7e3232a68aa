"""Whether a given name is a man's or a woman's: what lets "she said" skip the man
named just before.

The names come from the name dictionary that the ``gender-guesser`` package ships
(Jörg Michael's, released under the GNU Free Documentation License): about 48,000 given
names from some fifty countries, each marked male, mostly male, female, mostly female or
either. Only its data file is read. A name is taken as a man's or a woman's only when
every entry for it agrees; a name used for both ("Jean", "Kim") or not listed is
neither, and never rules a person out.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from tui.nlp.lexicon import NAME_SUFFIXES, NON_PERSON_WORDS, ORG_HEADS

MALE, FEMALE = "male", "female"
EITHER = ""  # a given name used for both

_MALE_CODES = frozenset(("M", "1M", "?M"))
_FEMALE_CODES = frozenset(("F", "1F", "?F"))
# the entries that give a name to either sex
_UNSEXED_CODES = frozenset(("?", "1?"))
# the entries of a name only mostly given to one sex ("Lindsey", "Marty")
_LEANING_CODES = (frozenset(("?M",)), frozenset(("?F",)))


@cache
def _dictionary() -> dict[str, str]:
    """Folded given name -> MALE or FEMALE where its entries all agree, else EITHER."""
    return _read_dictionary()[0]


@cache
def _leaning() -> frozenset[str]:
    """Folded given names whose every entry says only "mostly" one sex."""
    return _read_dictionary()[1]


@cache
def _tilts() -> dict[str, str]:
    """Folded given names listed for both sexes only by entries that give no sex
    ("George": a man's, and also either's), with the sex their other entries give."""
    return _read_dictionary()[2]


@cache
def _read_dictionary() -> tuple[dict[str, str], frozenset[str], dict[str, str]]:
    """The genders of :func:`_dictionary`, the names of :func:`_leaning` and the sexes of
    :func:`_tilts`, from one read of the data file."""
    codes: dict[str, set[str]] = {}
    try:
        data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
        with data.open(encoding="utf-8") as handle:
            for line in handle:
                if not line or line[0] in "#=":
                    continue
                parts = line.split(None, 2)
                if len(parts) < 2:
                    continue
                name = parts[1].casefold()
                code = parts[0]
                if "+" not in name:
                    # (most names: no set of forms to make, and no empty set made for
                    # a name met before; a fifth of the first build's load of the file)
                    marks = codes.get(name)
                    if marks is None:
                        codes[name] = {code}
                    else:
                        marks.add(code)
                    continue
                # "Jang+Ho" is written "Jangho", "Jang Ho" and "Jang-Ho"
                for form in {name.replace("+", j) for j in ("", " ", "-")}:
                    codes.setdefault(form, set()).add(code)
    except (ModuleNotFoundError, OSError, UnicodeDecodeError):
        return {}, frozenset(), {}  # without the dictionary no name is ruled out
    genders: dict[str, str] = {}
    leaning: set[str] = set()
    tilts: dict[str, str] = {}
    for name, marks in codes.items():
        if marks <= _MALE_CODES:
            genders[name] = MALE
        elif marks <= _FEMALE_CODES:
            genders[name] = FEMALE
        else:
            genders[name] = EITHER
            sexed = marks - _UNSEXED_CODES
            if sexed and sexed <= _MALE_CODES:
                tilts[name] = MALE
            elif sexed and sexed <= _FEMALE_CODES:
                tilts[name] = FEMALE
        if marks in _LEANING_CODES:
            leaning.add(name)
    return genders, frozenset(leaning), tilts


def is_given_name(word: str) -> bool:
    """Whether ``word`` is listed as a given name ("Mary", "Jordan", "Kim")."""
    return word.casefold() in _dictionary()


def may_be_first_surname(word: str) -> bool:
    """Whether the word before a name's last may be a first family name ("López" of
    "Andrés Manuel López Obrador", "Cervantes" of "Ana Lilia Cervantes Ochoa"): a
    capitalised word, no initial, no given name ("John Paul Jones" is no "Paul Jones")."""
    return len(word) > 2 and word[:1].isupper() and not word.endswith(".") and (
        not is_given_name(word)
    )


def paternal_surname(name: str) -> str | None:
    """The first of two family names that end a full name ("Cervantes" of "Ana Lilia
    Cervantes Ochoa"): Spanish and Portuguese news refer back to the person by it
    ("Cervantes said"). Or the family name before a hyphenated given name, after an
    English one ("Lau" of "Vincent Lau Chi-keung"), which may be a given name in other
    languages too ("Lau", "Lee"). None for a name of neither shape. The quotations'
    speakers and the entity list both read a name's short forms with it."""
    words = name.split(" ")
    if len(words) >= 3 and words[-1].partition("-")[2][:1].islower() and (
        words[-2][:1].isupper() and words[-2][1:].islower()
    ):
        return words[-2]
    if len(words) < 3 or words[-1].rstrip(".").casefold() in NAME_SUFFIXES or not (
        may_be_first_surname(words[-2])
    ):
        return None
    return words[-2]


def gender_of(name: str) -> str | None:
    """MALE or FEMALE if the first word of ``name`` is a given name of only that
    gender ("Hillary Clinton" -> FEMALE); None for a surname alone, an initial or a name
    used for both."""
    first = name.split(None, 1)[0] if " " in name else ""
    if len(first) < 2 or first.endswith("."):
        return None
    found = _dictionary().get(first.casefold())
    if not found:
        # a given name of two words ("Anne Marie Murphy"): the dictionary writes them
        # with a hyphen, and a first word given to both may be one sex's in the pair
        parts = name.split()
        if len(parts) > 2 and parts[1][:1].isupper():
            found = _dictionary().get(f"{first}-{parts[1]}".casefold())
    return found or None


def tilt_of(name: str) -> str | None:
    """:func:`gender_of`, or for a given name listed for both sexes, the sex its entries
    give where they give one ("George", "Georgie", "Kerry"): the likelier reading of a
    name that rules no one out, for choosing between namesakes."""
    found = gender_of(name)
    if found is None and " " in name:
        found = _tilts().get(name.split(None, 1)[0].casefold())
    return found


def is_firm(name: str) -> bool:
    """Whether :func:`gender_of` gives ``name`` a gender and it is more than a leaning:
    not a given name only mostly given to one sex ("Lindsey", "Marty"), which names
    the other sex too often to rule anyone out."""
    first = name.split(None, 1)[0] if " " in name else ""
    return gender_of(name) is not None and first.casefold() not in _leaning()


def agrees(name: str, pronoun: str) -> bool:
    """Whether ``pronoun`` ("he" or "she") may refer to the person ``name``."""
    gender = gender_of(name)
    if gender is None:
        return True
    return gender == (MALE if pronoun == "he" else FEMALE)


def may_be_unlisted(word: str) -> bool:
    """Whether ``word`` (folded), opening a name, may be a given name the dictionary
    lacks ("Tesfaye", "Mujtaba"): not one of the lexicon's words for bodies, groups and
    things, nor a participle ("Team", "Bashing"). (Whether the corpus writes it in lower
    case is the caller's to ask: it alone knows the corpus.)"""
    return (
        word not in ORG_HEADS
        and word not in NON_PERSON_WORDS
        and not (word.endswith("ing") and len(word) > 5)
    )
