"""Coding a ledger event the way ACLED's dataset writes it: columns, country names, regions, actor types, notes.

Column list and codes follow ACLED's codebook (2023 column set, 31 columns). What we cannot know from news
text is left empty (admin2, admin3, source_scale, tags) rather than guessed. See docs/export.md.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime
from functools import lru_cache
from importlib import resources
from typing import Any

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
"""ACLED's 31 columns in codebook order."""

_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Political violence",
    "Strategic developments": "Strategic developments",
}
# ACLED's geo_precision: 1 the exact town, 2 a small part of a region near a town, 3 a larger region only
_GEO_PRECISION = {"point": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
_STATE_KINDS = {"state", "government", "military", "official"}
STATE_FORCES, CIVILIANS = 1, 7


def _lines(name: str) -> list[str]:
    text = (resources.files("claimtrack") / "data" / "acled" / name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[int, str, str]]:
    """ISO alpha-2 -> (ACLED numeric iso, ACLED country name, ACLED region); data/acled/countries.tsv."""
    out = {}
    for ln in _lines("countries.tsv"):
        a2, num, name, region = (ln.split("\t") + [""] * 4)[:4]
        out[a2] = (int(num), name, region)
    return out


def country(iso2: str | None) -> tuple[int | None, str | None, str | None]:
    """ACLED's iso, country and region for an ISO alpha-2 code; unknown codes keep the code as the name."""
    if not iso2:
        return None, None, None
    hit = _countries().get(iso2.upper())
    return hit if hit else (None, iso2, None)


@lru_cache(maxsize=1)
def _admin1_suffix() -> re.Pattern[str]:
    words = sorted(_lines("admin1_suffixes.txt"), key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")$", re.I)


def admin1(name: str | None, iso2: str | None = None) -> str | None:
    """ACLED's admin1 style: GADM's native name where ours is English ("Lower Saxony" -> "Niedersachsen", given
    the country), and the division's name without its kind ("Odesa Oblast" -> "Odesa")."""
    if not name:
        return None
    from claimtrack.extract.gazetteer import native_admin1

    name = native_admin1().get(((iso2 or "").upper(), name.strip()), name)
    return _admin1_suffix().sub("", name.strip()) or name


@lru_cache(maxsize=1)
def _civilian_words() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _lines("civilian_targets.txt")) + r")\b", re.I)


def inter(actor: dict[str, Any] | None, *, target: bool = False) -> int:
    """ACLED's actor type code: 1 state forces, 7 civilians (targets only); 0 when no actor or no type the
    text supports (ACLED's rebels, militias, rioters and protesters cannot be told apart from a name alone)."""
    if not actor:
        return 0
    from claimtrack.extract.entities import canonical_entity, country_of

    if target and _civilian_words().search(actor.get("text") or ""):
        return CIVILIANS
    entity = actor.get("entity") or actor.get("text") or ""
    _, kind = canonical_entity(entity)
    if kind in _STATE_KINDS or country_of(entity):
        return STATE_FORCES
    return 0


def interaction(a: int, b: int) -> int:
    """The lower code first ("13"); one actor alone is its code times ten ("10"); none is 0."""
    codes = sorted(c for c in (a, b) if c)
    if not codes:
        return 0
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def acled_date(value: str | None, precision: str | None) -> tuple[str, int] | None:
    """ACLED's day and time_precision: a day is 1; a month is coded on its middle day with 3 (as ACLED
    does when only the month is known); a year alone ACLED does not code (None)."""
    if not value:
        return None
    if precision == "day" and len(value) == 10:
        return value, 1
    if precision == "month" and len(value) == 7:
        y, m = int(value[:4]), int(value[5:7])
        return date(y, m, min(15, calendar.monthrange(y, m)[1])).isoformat(), 3
    return None


def _long_date(day: str, precision: int) -> str:
    d = date.fromisoformat(day)
    return f"On {d.day} {d:%B %Y}" if precision == 1 else f"In {d:%B %Y}"


def notes(ev: dict[str, Any], day: str, precision: int, actor1: str | None, actor2: str | None) -> str:
    """One sentence on the incident and who reports it, in ACLED's "On <date>, ..." form."""
    loc = ev.get("location") or {}
    what = str(ev.get("type") or "event").replace("_", " ")
    parts = [f"{_long_date(day, precision)}, a {what}"]
    if actor1:
        parts.append(f" by {actor1}")
    if actor2:
        parts.append(f" against {actor2}")
    region = admin1(loc.get("admin1"), loc.get("country"))
    place = ", ".join(p for p in (loc.get("name"), region if region != loc.get("name") else None) if p)
    if place:
        parts.append(f" in {place}")
    if ev.get("fatalities"):
        parts.append(f" killed {ev['fatalities']}")
    sources = [s["entity"] for s in ev.get("sources") or []]
    publishers = sorted({r["publisher"] for r in ev.get("reports") or [] if r.get("publisher")})
    said = f"per {', '.join(sources)}" if sources else "source not named"
    if publishers and publishers != sources:
        said += f", reported by {', '.join(publishers)}"
    text = "".join(parts) + f" ({said}; {ev.get('status', 'claimed')})."
    return " ".join(text.split())


def timestamp(ev: dict[str, Any]) -> int | None:
    """ACLED's timestamp is when the row last changed; ours changes when a report arrives, so: the latest
    report's publication day (UTC midnight, Unix seconds). Deterministic, unlike the export time."""
    days = [r["published"] for r in ev.get("reports") or [] if r.get("published")]
    if not days:
        return None
    try:
        d = date.fromisoformat(max(days)[:10])
    except ValueError:
        return None
    return int(datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp())


def acled_row(ev: dict[str, Any]) -> dict[str, Any] | None:
    """ACLED's columns for ``ev``, or None when ACLED would not code it: no ACLED type, no country, or a
    date coarser than a month."""
    incident = (ev.get("modality") or "asserted") == "asserted" and not ev.get("background")
    # a plan, a denial or an earlier incident told in passing is stored without an ACLED code on purpose (issue 9)
    acled = ev.get("acled") or (_acled_of_type(ev.get("type")) if incident else {})
    d = ev.get("date") or {}
    loc = ev.get("location") or {}
    when = acled_date(d.get("value"), d.get("precision"))
    if not acled.get("event_type") or when is None or not loc.get("country"):
        return None
    day, precision = when
    iso, name, region = country(loc.get("country"))
    ini, tgt = ev.get("initiator") or None, ev.get("target") or None
    actor1 = (ini or {}).get("entity") or (ini or {}).get("text")
    actor2 = (tgt or {}).get("entity") or (tgt or {}).get("text")
    i1, i2 = inter(ini), inter(tgt, target=True)
    iso3 = _iso3(loc.get("country"))
    publishers = sorted({r["publisher"] for r in ev.get("reports") or [] if r.get("publisher")})
    return {
        "event_id_cnty": f"{iso3}{ev['id'].removeprefix('ev-')}",
        "event_date": day,
        "year": int(day[:4]),
        "time_precision": precision,
        "disorder_type": _DISORDER.get(acled["event_type"], ""),
        "event_type": acled["event_type"],
        "sub_event_type": acled.get("sub_event_type"),
        "actor1": actor1,
        "assoc_actor_1": None,
        "inter1": i1,
        "actor2": actor2,
        "assoc_actor_2": None,
        "inter2": i2,
        "interaction": interaction(i1, i2),
        "civilian_targeting": "Civilian targeting" if i2 == CIVILIANS else None,
        "iso": iso,
        "region": region or None,
        "country": name,
        "admin1": admin1(loc.get("admin1"), loc.get("country")),
        "admin2": None,
        "admin3": None,
        "location": loc.get("name"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": _GEO_PRECISION.get(loc.get("precision", ""), 3),
        "source": "; ".join(publishers) or None,  # ACLED's "source" names the outlets it read
        "source_scale": None,
        "notes": notes(ev, day, precision, actor1, actor2),
        "fatalities": ev.get("fatalities") or 0,  # ACLED writes 0 when no fatalities are reported
        "tags": None,
        "timestamp": timestamp(ev),
    }


def _acled_of_type(fine: str | None) -> dict[str, str]:
    """The ACLED type our fine type maps to (docs/events.md), for events stored without one."""
    from claimtrack.extract.events.codes import ACLED

    hit = ACLED.get(fine or "")
    return {"event_type": hit[0], "sub_event_type": hit[1]} if hit else {}


@lru_cache(maxsize=512)
def _iso3(iso2: str | None) -> str:
    if not iso2:
        return "XXX"
    import pycountry

    c = pycountry.countries.get(alpha_2=iso2.upper())
    return str(c.alpha_3) if c else iso2.upper()
