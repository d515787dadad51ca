"""Ledger events to JSON Lines and ACLED-style CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

# ACLED's own column names where a field maps onto one; ours follow.
CSV_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "claimtrack_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "injured",
    "weapons",
    "modality",
    "status",
    "reports",
]

_PRECISION = {"day": 1, "month": 2, "year": 3}
_GEO_PRECISION = {"point": 1, "admin2": 2, "admin1": 2, "region": 3, "country": 3}


def csv_row(ev: dict[str, Any]) -> dict[str, Any]:
    date = ev.get("date") or {}
    loc = ev.get("location") or {}
    acled = ev.get("acled") or {}
    reports = ev.get("reports") or []
    sources = ev.get("sources")
    return {
        "event_id_cnty": ev["id"],
        "event_date": date.get("value"),
        "year": (date.get("value") or "")[:4] or None,
        "time_precision": _PRECISION.get(date.get("precision", ""), None),
        "event_type": acled.get("event_type"),
        "sub_event_type": acled.get("sub_event_type"),
        "claimtrack_type": ev.get("type"),
        "actor1": (ev.get("initiator") or {}).get("entity") or (ev.get("initiator") or {}).get("text"),
        "actor2": (ev.get("target") or {}).get("entity") or (ev.get("target") or {}).get("text"),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "location": loc.get("name"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": _GEO_PRECISION.get(loc.get("precision", ""), None),
        "source": "; ".join(s["entity"] for s in sources) if sources else None,
        "notes": (ev.get("trigger") or {}).get("text"),
        "fatalities": ev.get("fatalities"),
        "injured": ev.get("injured"),
        "weapons": "; ".join(w["name"] for w in ev.get("weapons") or []),
        "modality": ev.get("modality"),
        "status": ev.get("status"),
        "reports": len(reports),
    }


def write_jsonl(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(ev, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for ev in events:
        writer.writerow(csv_row(ev))
        n += 1
    return n


FORMATS: dict[str, Callable[[Iterable[dict[str, Any]], TextIO], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
}


def export(events: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write ``events`` to ``out`` in ``fmt``; returns the number written."""
    return FORMATS[fmt](events, out)
