"""CSV and GeoJSON of the desk's current selection, streamed from the index (bounded memory, any size)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from claimtrack.export.writers import FLAT_COLUMNS, _text_cell, safe_cell

if TYPE_CHECKING:
    from claimtrack.web.index import Row

COLUMNS = [*FLAT_COLUMNS, "urls"]  # the export's flat CSV (docs/export.md) plus the reports' URLs


def csv_line(values: list[Any]) -> str:
    """One CSV record, cells neutralised; the index formats each event's line once."""
    buf = io.StringIO()
    csv.writer(buf).writerow([safe_cell(_text_cell(v)) for v in values])  # the export's cell rules
    return buf.getvalue()


def csv_lines(rows: Iterator[Row], chunk: int = 500) -> Iterator[str]:
    yield csv_line(COLUMNS)
    part: list[str] = []
    for r in rows:
        part.append(r.csv)
        if len(part) >= chunk:
            yield "".join(part)
            part = []
    yield "".join(part)


def feature(r: Row) -> dict[str, Any]:
    geometry = None if r.lat is None or r.lon is None else {"type": "Point", "coordinates": [r.lon, r.lat]}
    values = next(csv.reader([r.csv]))
    props: dict[str, Any] = dict(zip(COLUMNS, values, strict=True))
    props.update(id=r.id, location_precision=r.precision, url=r.url)
    return {"type": "Feature", "id": r.id, "geometry": geometry, "properties": props}


def geojson_lines(rows: Iterator[Row]) -> Iterator[str]:
    """A FeatureCollection; events without coordinates keep a null geometry (valid GeoJSON)."""
    yield '{"type": "FeatureCollection", "features": [\n'
    for i, r in enumerate(rows):
        yield ("," if i else "") + json.dumps(feature(r), ensure_ascii=False) + "\n"
    yield "]}\n"
