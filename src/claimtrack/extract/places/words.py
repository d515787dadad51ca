"""The word lists of place recognition and event location, loaded from ``data/places/words.json``.

Knowledge is data: the lists live in the JSON file (each with a note on what it is for); this module is their one
loader and gives them names. A list may extend another ("STOP_NAMES" is the calendar words and more).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def _load() -> dict[str, Any]:
    raw = json.loads((resources.files("claimtrack") / "data" / "places" / "words.json").read_text(encoding="utf-8"))
    out: dict[str, Any] = {}
    for name, entry in raw.items():
        if name.startswith("_"):
            continue
        if "map" in entry:
            out[name] = dict(entry["map"])
        else:
            out[name] = frozenset(entry["words"])
    for name, entry in raw.items():
        if not name.startswith("_") and "extends" in entry:
            out[name] = out[entry["extends"]] | out[name]
    return out


_W = _load()

PLACE_LABELS: frozenset[str] = _W["PLACE_LABELS"]
NEVER_PLACE_LABELS: frozenset[str] = _W["NEVER_PLACE_LABELS"]
MONTHS_AND_DAYS: frozenset[str] = _W["MONTHS_AND_DAYS"]
CALENDAR_WORDS: frozenset[str] = _W["CALENDAR_WORDS"]
ADMIN_SUFFIXES: frozenset[str] = _W["ADMIN_SUFFIXES"]
ARABIC_COUNTRIES: frozenset[str] = _W["ARABIC_COUNTRIES"]
ADMIN_PLURALS: dict[str, str] = _W["ADMIN_PLURALS"]
GEO_NOUNS: frozenset[str] = _W["GEO_NOUNS"]
LOCATIVE: frozenset[str] = _W["LOCATIVE"]
PLACE_VERBS: frozenset[str] = _W["PLACE_VERBS"]
ATTACK_NOUNS: frozenset[str] = _W["ATTACK_NOUNS"]
PLACE_MODIFIERS: frozenset[str] = _W["PLACE_MODIFIERS"]
ORIGIN_NOUNS: frozenset[str] = _W["ORIGIN_NOUNS"]
PLACE_NOUNS: frozenset[str] = _W["PLACE_NOUNS"]
STOP_NAMES: frozenset[str] = _W["STOP_NAMES"]
NAME_TOWNS: frozenset[str] = _W["NAME_TOWNS"]
STOP_SINGLE: frozenset[str] = _W["STOP_SINGLE"]
US_STATE_ABBR: dict[str, str] = _W["US_STATE_ABBR"]
FIRST_LEVEL_WORDS: frozenset[str] = _W["FIRST_LEVEL_WORDS"]
DASHES: frozenset[str] = _W["DASHES"]
JOINERS: frozenset[str] = _W["JOINERS"]
BREAKS: frozenset[str] = _W["BREAKS"]
ROAD_WORDS: frozenset[str] = _W["ROAD_WORDS"]
STREET_HEADS: frozenset[str] = _W["STREET_HEADS"]
AMBIGUOUS_ABBR: frozenset[str] = _W["AMBIGUOUS_ABBR"]
FACILITY_HEADS: frozenset[str] = _W["FACILITY_HEADS"]
DISEASE_HEADS: frozenset[str] = _W["DISEASE_HEADS"]
FEATURE_HEADS: frozenset[str] = _W["FEATURE_HEADS"]
COMPASS: frozenset[str] = _W["COMPASS"]
COMPASS_POINTS: frozenset[str] = _W["COMPASS_POINTS"]
EVENT_PREPS: frozenset[str] = _W["EVENT_PREPS"]
LOCATIVE_HEADS: frozenset[str] = _W["LOCATIVE_HEADS"]
NOT_LOCATION_PREPS: frozenset[str] = _W["NOT_LOCATION_PREPS"]
CURRENCY_NOUNS: frozenset[str] = _W["CURRENCY_NOUNS"]
DISTANCE_UNITS: frozenset[str] = _W["DISTANCE_UNITS"]
REPORTING_VERBS: frozenset[str] = _W["REPORTING_VERBS"]
SEPARATE_MARKERS: frozenset[str] = _W["SEPARATE_MARKERS"]
SETTLEMENT_NOUNS: frozenset[str] = _W["SETTLEMENT_NOUNS"]
DIVISION_NAME_WORDS: frozenset[str] = _W["DIVISION_NAME_WORDS"]
TOWN_BODY_HEADS: frozenset[str] = _W["TOWN_BODY_HEADS"]
TOWN_ONLY_NOUNS: frozenset[str] = _W["TOWN_ONLY_NOUNS"]
