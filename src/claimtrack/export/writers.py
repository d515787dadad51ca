"""Ledger events to JSON Lines, CSV, ACLED-style CSV, GeoJSON and Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import IO, Any, TextIO

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
    "independent_sources",
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
        "independent_sources": ev.get("independent_sources"),
        "reports": len(reports),
    }


def write_jsonl(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(ev, ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_rows(
    events: Iterable[dict[str, Any]], out: TextIO, columns: list[str], row: Callable[[dict[str, Any]], dict[str, Any]]
) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for ev in events:
        writer.writerow(row(ev))
        n += 1
    return n


def write_csv(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Flat CSV with ISO alpha-2 countries: the contract's fields, one row per ledger event."""
    return _write_rows(events, out, CSV_COLUMNS, csv_row)


# ACLED's export columns (codebook order) where we can fill them, then claimtrack's provenance columns.
ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "iso",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    # ours
    "sources",
    "independent_sources",
    "status",
    "contradictions",
    "claimtrack_type",
    "injured",
    "weapons",
    "figures",
    "reports",
]
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Political violence",
    "Strategic developments": "Strategic developments",
}


@lru_cache(maxsize=512)
def _country(iso2: str | None) -> tuple[int | None, str | None]:
    """ACLED's ``iso`` (numeric) and ``country`` (name) for an ISO alpha-2 code."""
    if not iso2:
        return None, None
    import pycountry

    c = pycountry.countries.get(alpha_2=iso2.upper())
    if c is None:
        return None, iso2
    return int(c.numeric), str(getattr(c, "common_name", None) or c.name)


def _figures_text(ev: dict[str, Any]) -> str:
    parts = []
    for role, rows in sorted((ev.get("figures") or {}).items()):
        live = [r for r in rows if not r.get("superseded")]
        parts.append(f"{role}: " + ", ".join(f"{r['value']} per {r['source']}" for r in live))
    return "; ".join(parts)


def _contradictions_text(ev: dict[str, Any]) -> str:
    out = []
    for c in ev.get("contradictions") or []:
        if c["kind"] == "figure":
            out.append(f"{c['role']}: " + " vs ".join(f"{v['value']} ({', '.join(v['sources'])})" for v in c["values"]))
        elif c["kind"] == "denial":
            out.append(f"asserted by {', '.join(c['asserted_by'])}; denied by {', '.join(c['denied_by'])}")
        else:
            out.append(f"{c['kind']}: " + ", ".join(f"{v['entity']} per {v['source']}" for v in c.get("values", [])))
    return "; ".join(out)


def acled_row(ev: dict[str, Any]) -> dict[str, Any]:
    base = csv_row(ev)
    loc = ev.get("location") or {}
    iso, country = _country(loc.get("country"))
    sources = ev.get("sources") or []
    reports = ev.get("reports") or []
    publishers = sorted({r["publisher"] for r in reports if r.get("publisher")})
    return {
        **{k: base[k] for k in base if k in ACLED_COLUMNS},
        "disorder_type": _DISORDER.get(base["event_type"] or ""),
        "iso": iso,
        "country": country,
        "source": "; ".join(publishers) or None,  # ACLED's "source" names the outlets it read
        "sources": "; ".join(s["entity"] for s in sources) or None,  # ours: the original sources
        "independent_sources": ev.get("independent_sources"),
        "status": ev.get("status"),
        "contradictions": _contradictions_text(ev) or None,
        "figures": _figures_text(ev) or None,
        "reports": len(reports),
    }


def write_acled_csv(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    """ACLED's column names and codes (numeric iso, country name, disorder type) plus our provenance."""
    return _write_rows(events, out, ACLED_COLUMNS, acled_row)


def geojson_feature(ev: dict[str, Any]) -> dict[str, Any]:
    loc = ev.get("location") or {}
    geometry = None
    if loc.get("lat") is not None and loc.get("lon") is not None:
        geometry = {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
    props = acled_row(ev)
    props["id"] = ev["id"]
    props["country_code"] = loc.get("country")
    return {"type": "Feature", "id": ev["id"], "geometry": geometry, "properties": props}


def write_geojson(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A FeatureCollection; events without coordinates keep a null geometry (valid GeoJSON)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for ev in events:
        out.write((",\n" if n else "") + json.dumps(geojson_feature(ev), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def parquet_table(events: Iterable[dict[str, Any]]) -> Any:
    """A pyarrow table: the ACLED-style columns plus the nested fields as JSON strings."""
    import pyarrow as pa

    rows = []
    for ev in events:
        row = acled_row(ev)
        row["country_code"] = (ev.get("location") or {}).get("country")
        for key in ("figures", "contradictions", "sources", "reports"):
            row[f"{key}_json"] = json.dumps(ev.get(key) or ([] if key != "figures" else {}), ensure_ascii=False)
        rows.append(row)
    schema = pa.schema(
        [
            (c, pa.int64() if c in _INT_COLUMNS else pa.float64() if c in ("latitude", "longitude") else pa.string())
            for c in [
                *ACLED_COLUMNS,
                "country_code",
                "figures_json",
                "contradictions_json",
                "sources_json",
                "reports_json",
            ]
        ]
    )
    cols = {f.name: [_cell(r.get(f.name), f.name) for r in rows] for f in schema}
    return pa.table(cols, schema=schema)


_INT_COLUMNS = {
    "year",
    "time_precision",
    "iso",
    "geo_precision",
    "fatalities",
    "independent_sources",
    "injured",
    "reports",
}


def _cell(value: Any, column: str) -> Any:
    if value is None:
        return None
    if column in _INT_COLUMNS:
        return int(value)
    if column in ("latitude", "longitude"):
        return float(value)
    return str(value)


def write_parquet(events: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    import pyarrow.parquet as pq

    table = parquet_table(events)
    pq.write_table(table, out)
    return int(table.num_rows)


FORMATS: dict[str, Callable[[Iterable[dict[str, Any]], Any], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
    "parquet": write_parquet,
}
BINARY = {"parquet"}  # written to a binary stream


def export(events: Iterable[dict[str, Any]], fmt: str, out: IO[Any]) -> int:
    """Write ``events`` to ``out`` (binary for parquet, text otherwise) in ``fmt``; returns the number written."""
    return FORMATS[fmt](events, out)
