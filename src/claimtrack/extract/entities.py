"""Canonical names and kinds for actors and sources ("Moscow" -> Russia, "the Kremlin" -> Russia).

Shared by claims (source.entity) and events (initiator/target). A curated alias table, because
no offline entity linker for these names exists; pycountry covers the country names.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from claimtrack.models import SourceKind

# alias (lower case) -> (canonical entity, kind)
_ALIASES: dict[str, tuple[str, SourceKind]] = {
    "moscow": ("Russia", "state"),
    "the kremlin": ("Russia", "government"),
    "kremlin": ("Russia", "government"),
    "russia": ("Russia", "state"),
    "russian federation": ("Russia", "state"),
    "russian": ("Russia", "state"),
    "russians": ("Russia", "state"),
    "kyiv": ("Ukraine", "state"),
    "kiev": ("Ukraine", "state"),
    "ukraine": ("Ukraine", "state"),
    "ukrainian": ("Ukraine", "state"),
    "ukrainians": ("Ukraine", "state"),
    "washington": ("United States", "state"),
    "us": ("United States", "state"),
    "u.s.": ("United States", "state"),
    "usa": ("United States", "state"),
    "united states": ("United States", "state"),
    "america": ("United States", "state"),
    "american": ("United States", "state"),
    "the white house": ("United States", "government"),
    "white house": ("United States", "government"),
    "the pentagon": ("Department of Defense of the United States", "military"),
    "pentagon": ("Department of Defense of the United States", "military"),
    "pyongyang": ("North Korea", "state"),
    "north korea": ("North Korea", "state"),
    "north korean": ("North Korea", "state"),
    "paris": ("France", "state"),
    "france": ("France", "state"),
    "french": ("France", "state"),
    "london": ("United Kingdom", "state"),
    "britain": ("United Kingdom", "state"),
    "great britain": ("United Kingdom", "state"),
    "uk": ("United Kingdom", "state"),
    "u.k.": ("United Kingdom", "state"),
    "united kingdom": ("United Kingdom", "state"),
    "british": ("United Kingdom", "state"),
    "beijing": ("China", "state"),
    "chinese": ("China", "state"),
    "tehran": ("Iran", "state"),
    "iranian": ("Iran", "state"),
    "minsk": ("Belarus", "state"),
    "belarusian": ("Belarus", "state"),
    "nato": ("NATO", "organization"),
    "the united nations": ("United Nations", "organization"),
    "united nations": ("United Nations", "organization"),
    "un": ("United Nations", "organization"),
    "u.n.": ("United Nations", "organization"),
    "fox": ("Fox News", "outlet"),
    "fox news": ("Fox News", "outlet"),
    "news.az": ("News.az", "outlet"),
    "reuters": ("Reuters", "outlet"),
    "tass": ("TASS", "outlet"),
    "ria novosti": ("RIA Novosti", "outlet"),
    "interfax": ("Interfax", "outlet"),
    "le figaro": ("Le Figaro", "outlet"),
    "the associated press": ("Associated Press", "outlet"),
    "associated press": ("Associated Press", "outlet"),
    "ap": ("Associated Press", "outlet"),
    "afp": ("Agence France-Presse", "outlet"),
    "bbc": ("BBC", "outlet"),
    "cnn": ("CNN", "outlet"),
    "ukrinform": ("Ukrinform", "outlet"),
}

_MINISTRY = re.compile(
    r"^(?:the\s+)?(?P<country>\w[\w .]*?)?\s*(?:'s\s+)?(?:ministry of defen[cs]e|defen[cs]e ministry)"
    r"(?:\s+of\s+(?P<country2>[\w .]+))?$",
    re.I,
)


@lru_cache(maxsize=4096)
def country_of(name: str) -> str | None:
    """Canonical country for a country name, capital or demonym; None if it is not one."""
    key = name.strip().lower()
    if key.startswith("the "):
        key = key[4:]
    hit = _ALIASES.get(key)
    if hit and hit[1] in ("state", "government"):
        return hit[0]
    try:
        found = pycountry.countries.lookup(key)
    except LookupError:
        return None
    return str(getattr(found, "common_name", None) or found.name)


@lru_cache(maxsize=4096)
def canonical_entity(text: str) -> tuple[str | None, SourceKind]:
    """Canonical entity and kind for a mention, or (None, "unknown")."""
    key = re.sub(r"\s+", " ", text.strip()).lower().rstrip(".,")
    if key in _ALIASES:
        return _ALIASES[key]
    bare = key[4:] if key.startswith("the ") else key
    if bare in _ALIASES:
        return _ALIASES[bare]
    m = _MINISTRY.match(key)
    if m:
        country = country_of(m.group("country") or m.group("country2") or "")
        if country:
            return f"Ministry of Defence of {country}", "military"
    country = country_of(bare)
    if country:
        return country, "state"
    return None, "unknown"
