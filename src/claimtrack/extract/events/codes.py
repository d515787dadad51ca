"""Event type vocabulary and its ACLED, CASE 2021 and PLOVER codes, read from ``data/events/codes.json``.

The tables are knowledge, not logic: each has an origin note in the data file."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def _load() -> dict[str, Any]:
    path = resources.files("claimtrack") / "data" / "events" / "codes.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


_DATA = _load()
# fine type -> (ACLED event_type, sub_event_type) or None where ACLED would not code it
ACLED: dict[str, tuple[str, str] | None] = {k: (v[0], v[1]) if v else None for k, v in _DATA["acled"].items()}
FINE_TYPES: tuple[str, ...] = tuple(ACLED)
_GOV_REGAINS: tuple[str, str] = (_DATA["government_regains"][0], _DATA["government_regains"][1])
# CASE 2021 labels: ACLED types go through their sub-type, the others have their own
CASE_OF_SUBTYPE: dict[str, str] = dict(_DATA["case_of_subtype"])
_CASE_OUTSIDE: dict[str, str] = dict(_DATA["case_outside"])
# fine type -> current 16-type PLOVER event
PLOVER: dict[str, str] = dict(_DATA["plover"])


def acled_for(fine: str, government_actor: bool = False) -> tuple[str, str] | None:
    """ACLED (event_type, sub_event_type) of a fine type; territory goes to the government when it acts."""
    if fine == "territory_change" and government_actor:
        return _GOV_REGAINS
    return ACLED.get(fine)


def case_label(fine: str, acled: tuple[str, str] | None) -> str:
    """CASE 2021 label of an event, through its ACLED sub-type when it has one."""
    if acled is not None:
        return CASE_OF_SUBTYPE[acled[1]]
    return _CASE_OUTSIDE.get(fine, "OTHER")


# nouns naming a member of an armed, organised force / an unarmed person (ACLED: Armed clash vs Attack)
ARMED_VICTIMS: tuple[str, ...] = tuple(_DATA["armed_victims"])
CIVILIAN_VICTIMS: tuple[str, ...] = tuple(_DATA["civilian_victims"])
# nouns naming an unorganised group that acts (ACLED: Mob violence, not Attack or Armed clash)
CROWD_ACTORS: tuple[str, ...] = tuple(_DATA["crowd_actors"])
