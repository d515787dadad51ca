"""Canonical names and kinds for actors and sources ("Moscow" -> Russia, "the Kremlin" -> Russia).

Shared by claims (source.entity), events (initiator/target), ingest (outlet names) and provenance (sides).
The names come from the one knowledge base (``claimtrack.kb``, ``data/entities/kb.json``); pycountry covers
the country names; the patterns below compose a state's institutions ("Ukraine's General Staff" -> General
Staff of Ukraine) from the knowledge base's body and ministry tables.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from claimtrack.kb import load as load_kb
from claimtrack.models import SourceKind

_KB = load_kb()
_AREA_WORDS = "|".join(sorted(map(re.escape, _KB.ministries), key=len, reverse=True))
_MINISTRY = re.compile(
    r"^(?:the\s+)?(?P<country>\w[\w .]*?)?\s*(?:'s\s+)?"
    rf"(?:(?P<area>{_AREA_WORDS})\s+ministry|ministry\s+(?:of|for)\s+(?:the\s+)?(?P<area2>{_AREA_WORDS}))"
    r"(?:\s+of\s+(?:the\s+)?(?P<country2>[\w .]+))?$",
    re.I,
)
_BODY = re.compile(
    r"^(?:the\s+)?(?P<country>\w[\w .]*?)(?:\s*'s)?\s+(?P<body>"
    + "|".join(sorted(map(re.escape, _KB.bodies), key=len, reverse=True))
    + r")(?:\s+of\s+(?:the\s+)?(?P<country2>[\w .]+))?$",
    re.I,
)


@lru_cache(maxsize=4096)
def country_of(name: str) -> str | None:
    """Canonical country for a country name, capital or demonym; None if it is not one."""
    key = name.strip().lower().replace("’", "'")
    if key.startswith("the "):
        key = key[4:]
    hit = _KB.lookup(key)
    if hit and hit.kind in ("state", "government"):
        return hit.name
    if key in _KB.demonyms:
        return _KB.demonyms[key]
    names, codes = _country_index()
    found = names.get(key)
    if found is None and name.strip().isupper():
        found = codes.get(key)  # ISO codes only when written as codes: "DE" is Germany, the word "it" is not Italy
    if found is None:
        return None
    hit = _KB.lookup(found)  # pycountry's "Russian Federation" is the knowledge base's Russia
    return hit.name if hit is not None and hit.kind == "state" else found


@lru_cache(maxsize=1)
def _country_index() -> tuple[dict[str, str], dict[str, str]]:
    """pycountry names and ISO codes (lower case) -> display name: a dict look-up instead of
    ``pycountry.countries.lookup``, which scans every country on each miss."""
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    for c in pycountry.countries:
        display = str(getattr(c, "common_name", None) or c.name)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(str(value).lower(), display)
        codes.setdefault(c.alpha_2.lower(), display)
        codes.setdefault(c.alpha_3.lower(), display)
    return names, codes


@lru_cache(maxsize=4096)
def canonical_entity(text: str) -> tuple[str | None, SourceKind]:
    """Canonical entity and kind for a mention, or (None, "unknown")."""
    key = re.sub(r"\s+", " ", text.strip()).lower().rstrip(".,").replace("’", "'")
    hit = _KB.lookup(key)
    if hit is not None:
        return hit.name, hit.kind
    bare = key[4:] if key.startswith("the ") else key
    if bare in _KB.demonyms:
        return _KB.demonyms[bare], "state"
    m = _MINISTRY.match(key)
    if m:
        country = country_of(m.group("country") or "") or country_of(m.group("country2") or "")
        area = _KB.ministries[(m.group("area") or m.group("area2") or "").lower()]
        if country:
            return f"Ministry of {area} of {country}", ("military" if area == "Defence" else "government")
    m = _BODY.match(key)
    if m:  # "Ukraine's General Staff" -> General Staff of Ukraine
        country = country_of(m.group("country") or "") or country_of(m.group("country2") or "")
        body = _KB.bodies.get(m.group("body").lower())
        if country and body:
            return f"{body[0]} of {country}", body[1]
    country = country_of(bare)
    if country:
        return country, "state"
    return None, "unknown"


def institution_of(text: str, country: str) -> tuple[str | None, SourceKind]:
    """A state body named without its state ("the defence ministry", "the General Staff"), given the state
    the article is about: (canonical entity, kind), or (None, "unknown") when ``text`` names no known body."""
    key = re.sub(r"\s+", " ", text.strip()).lower().replace("’", "'")
    key = re.sub(r"^(?:the|a|an)\s+", "", key)
    key = re.sub(r"\s+(?:statement|spokesman|spokeswoman|spokesperson)$", "", key)
    if _KB.lookup(key) is not None or country_of(key):
        return None, "unknown"
    return canonical_entity(f"{country}'s {key}")


def side(entity: str | None) -> str | None:
    """The party an entity speaks for: a state for its institutions and officials ("Ministry of Defence of
    Russia" -> Russia, "Vladimir Putin" -> Russia), an armed group for itself; None for independent outlets,
    agencies and unknown names."""
    if not entity:
        return None
    hit = _KB.by_name.get(entity) or _KB.lookup(entity)
    if hit is not None:
        return hit.side
    m = re.match(r".*\bof (?:the )?(.+)$", entity)
    if m and country_of(m.group(1)):
        return country_of(m.group(1))
    return country_of(entity)
