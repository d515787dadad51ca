"""Ledger events to JSON Lines, CSV, ACLED CSV, GeoJSON and Parquet.

One flat row (``flat_row``) defines the columns of csv, parquet and the GeoJSON properties, so a name means one
thing in all of them; acled-csv is ACLED's 31 columns with ACLED's meanings (``claimtrack.export.acled``)
followed by the flat columns whose names ACLED does not use. docs/export.md lists every column.
"""

from __future__ import annotations

import calendar
import csv
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import IO, Any, TextIO

from claimtrack.export.acled import ACLED_COLUMNS, acled_row
from claimtrack.models import LedgerEvent

EventLike = LedgerEvent | dict[str, Any]

FLAT_COLUMNS = [
    "id",
    "type",
    "acled_event_type",
    "acled_sub_event_type",
    "date",
    "date_precision",
    "date_start",
    "date_end",
    "country_code",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "location_precision",
    "initiator",
    "target",
    "weapons",
    "fatalities",
    "injured",
    "modality",
    "status",
    "independent_sources",
    "sources",
    "publishers",
    "figures",
    "contradictions",
    "reports",
    "first_published",
    "last_published",
]
LIST_COLUMNS = {"weapons", "sources", "publishers", "contradictions"}
DATE_COLUMNS = {"date_start", "date_end", "first_published", "last_published"}
INT_COLUMNS = {"fatalities", "injured", "independent_sources", "reports"}
FLOAT_COLUMNS = {"latitude", "longitude"}
ACLED_EXTRA = [c for c in FLAT_COLUMNS if c not in ACLED_COLUMNS and c != "id"]
ACLED_CSV_COLUMNS = [*ACLED_COLUMNS, "claimtrack_id", *ACLED_EXTRA]
INT64_MAX = 2**63 - 1


def plain(ev: EventLike) -> dict[str, Any]:
    return ev if isinstance(ev, dict) else ev.model_dump(mode="json")


def date_range(value: str | None, precision: str | None) -> tuple[str | None, str | None]:
    """First and last day a date covers ("2025-04" -> 2025-04-01..2025-04-30), for time sliders."""
    if not value:
        return None, None
    try:
        y = int(value[:4])
        if precision == "day" or len(value) == 10:
            return value[:10], value[:10]
        if precision == "month" or len(value) == 7:
            m = int(value[5:7])
            return date(y, m, 1).isoformat(), date(y, m, calendar.monthrange(y, m)[1]).isoformat()
        return f"{y:04d}-01-01", f"{y:04d}-12-31"
    except ValueError:
        return None, None


def _actor(a: dict[str, Any] | None) -> str | None:
    return (a.get("entity") or a.get("text")) if a else None


def _contradiction(c: dict[str, Any]) -> str:
    from claimtrack.report.dossier import contradiction_text

    return contradiction_text(c)


def flat_row(ev: EventLike) -> dict[str, Any]:
    """The one flat view of a ledger event: Python values (lists stay lists, figures stay records)."""
    ev = plain(ev)
    d = ev.get("date") or {}
    loc = ev.get("location") or {}
    acled = ev.get("acled") or {}
    reports = ev.get("reports") or []
    start, end = date_range(d.get("value"), d.get("precision"))
    published = sorted(r["published"][:10] for r in reports if r.get("published"))
    figures = [
        {"role": role, "value": f["value"], "source": f["source"], "superseded": bool(f.get("superseded"))}
        for role, rows in sorted((ev.get("figures") or {}).items())
        for f in rows
    ]
    return {
        "id": ev["id"],
        "type": ev.get("type"),
        "acled_event_type": acled.get("event_type"),
        "acled_sub_event_type": acled.get("sub_event_type"),
        "date": d.get("value"),
        "date_precision": d.get("precision"),
        "date_start": start,
        "date_end": end,
        "country_code": loc.get("country"),
        "admin1": loc.get("admin1"),
        "location": loc.get("name"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "location_precision": loc.get("precision") if loc else None,
        "initiator": _actor(ev.get("initiator")),
        "target": _actor(ev.get("target")),
        "weapons": [w["name"] for w in ev.get("weapons") or []],
        "fatalities": ev.get("fatalities"),
        "injured": ev.get("injured"),
        "modality": ev.get("modality"),
        "status": ev.get("status"),
        "independent_sources": ev.get("independent_sources"),
        "sources": [s["entity"] for s in ev.get("sources") or []],
        "publishers": sorted({r["publisher"] for r in reports if r.get("publisher")}),
        "figures": figures,
        "contradictions": [_contradiction(c) for c in ev.get("contradictions") or []],
        "reports": len(reports),
        "first_published": published[0] if published else None,
        "last_published": published[-1] if published else None,
    }


# -- text cells -------------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """OWASP CSV-injection defence: a text cell a spreadsheet would run as a formula gets a leading quote.
    Numbers are left alone (a negative longitude is a number, not a formula)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _text_cell(value: Any) -> Any:
    if isinstance(value, list):
        if value and isinstance(value[0], dict):  # figures
            value = "; ".join(f"{f['role']}: {f['value']} per {f['source']}" for f in value if not f.get("superseded"))
        else:
            value = "; ".join(str(v) for v in value)
        return value or None
    return value


def _write_rows(events: Iterable[EventLike], out: TextIO, columns: list[str], rows: Iterator[dict[str, Any]]) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: safe_cell(_text_cell(v)) for k, v in row.items()})
        n += 1
    return n


def write_csv(events: Iterable[EventLike], out: TextIO) -> int:
    """The flat row, lists joined with "; ", one row per ledger event."""
    return _write_rows(events, out, FLAT_COLUMNS, (flat_row(ev) for ev in events))


def acled_rows(events: Iterable[EventLike]) -> Iterator[dict[str, Any]]:
    """ACLED's columns then ours, for the events ACLED would code; the others are left out."""
    for ev in events:
        ev = plain(ev)
        row = acled_row(ev)
        if row is None:
            continue
        flat = flat_row(ev)
        row["claimtrack_id"] = ev["id"]
        row.update({c: flat[c] for c in ACLED_EXTRA})
        yield row


def write_acled_csv(events: Iterable[EventLike], out: TextIO) -> int:
    return _write_rows(events, out, ACLED_CSV_COLUMNS, acled_rows(events))


def write_jsonl(events: Iterable[EventLike], out: TextIO) -> int:
    """The ledger event contract (schema/ledger-event.schema.json), one object per line."""
    n = 0
    for ev in events:
        out.write(json.dumps(plain(ev), ensure_ascii=False) + "\n")
        n += 1
    return n


def geojson_feature(ev: EventLike) -> dict[str, Any]:
    row = flat_row(ev)
    geometry = None
    if row["latitude"] is not None and row["longitude"] is not None:
        geometry = {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
    return {"type": "Feature", "id": row["id"], "geometry": geometry, "properties": row}


def write_geojson(events: Iterable[EventLike], out: IO[str], include_unlocated: bool = False) -> int:
    """A FeatureCollection of located events (``include_unlocated``: also the others, with null geometry)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for ev in events:
        feature = geojson_feature(ev)
        if feature["geometry"] is None and not include_unlocated:
            continue
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


# -- parquet ----------------------------------------------------------------------------------------------


def _fits_int64(values: Iterable[Any]) -> bool:
    return all(v is None or -INT64_MAX - 1 <= int(v) <= INT64_MAX for v in values)


def parquet_table(events: Iterable[EventLike]) -> Any:
    """A pyarrow table of the flat row: date32 dates, list<string> lists, list<struct> figures. An integer
    column holding a value beyond 64 bits is written as text (exact digits) rather than failing."""
    import pyarrow as pa

    rows = [flat_row(ev) for ev in events]
    col = {c: [r[c] for r in rows] for c in FLAT_COLUMNS}
    fig_values = [f["value"] for r in rows for f in r["figures"]]
    fig_type = pa.int64() if _fits_int64(fig_values) else pa.string()
    figure = pa.struct(
        [("role", pa.string()), ("value", fig_type), ("source", pa.string()), ("superseded", pa.bool_())]
    )
    fields = []
    arrays = []
    for c in FLAT_COLUMNS:
        values = col[c]
        if c in DATE_COLUMNS:
            typ: Any = pa.date32()
            values = [date.fromisoformat(v) if v else None for v in values]
        elif c in LIST_COLUMNS:
            typ = pa.list_(pa.string())
        elif c == "figures":
            typ = pa.list_(figure)
            if fig_type == pa.string():
                values = [[{**f, "value": str(f["value"])} for f in v] for v in values]
        elif c in INT_COLUMNS:
            typ = pa.int64() if _fits_int64(values) else pa.string()
            if typ == pa.string():
                values = [None if v is None else str(v) for v in values]
        elif c in FLOAT_COLUMNS:
            typ = pa.float64()
        else:
            typ = pa.string()
        fields.append(pa.field(c, typ))
        arrays.append(pa.array(values, type=typ))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def write_parquet(events: Iterable[EventLike], out: IO[bytes]) -> int:
    import pyarrow.parquet as pq

    table = parquet_table(events)
    pq.write_table(table, out)
    return int(table.num_rows)


Writer = Callable[..., int]
FORMATS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
    "parquet": write_parquet,
}
BINARY = {"parquet"}  # written to a binary stream


def export(events: Iterable[EventLike], fmt: str, out: IO[Any], include_unlocated: bool = False) -> int:
    """Write ``events`` to ``out`` (binary for parquet, text otherwise) in ``fmt``; returns the number written
    (acled-csv leaves out events ACLED would not code; geojson leaves out unlocated ones unless asked)."""
    if fmt == "geojson":
        return write_geojson(events, out, include_unlocated=include_unlocated)
    return FORMATS[fmt](events, out)
