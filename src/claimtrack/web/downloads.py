"""CSV and GeoJSON of the desk's current selection, streamed from the index (bounded memory, any size)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from claimtrack.export.writers import CSV_COLUMNS
from claimtrack.web.index import Row

COLUMNS = [*CSV_COLUMNS, "urls"]
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """OWASP's CSV-injection rule: a text cell a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _values(r: Row) -> list[Any]:
    return [*r.csv, " ".join(r.urls)]


def csv_lines(rows: Iterator[Row], chunk: int = 200) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(COLUMNS)
    for i, r in enumerate(rows, 1):
        w.writerow([_cell(v) for v in _values(r)])
        if i % chunk == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def feature(r: Row) -> dict[str, Any]:
    geometry = None if r.lat is None or r.lon is None else {"type": "Point", "coordinates": [r.lon, r.lat]}
    props = dict(zip(COLUMNS, _values(r), strict=True))
    props.update(id=r.id, location_precision=r.precision, url=r.url)
    return {"type": "Feature", "id": r.id, "geometry": geometry, "properties": props}


def geojson_lines(rows: Iterator[Row]) -> Iterator[str]:
    """A FeatureCollection; events without coordinates keep a null geometry (valid GeoJSON)."""
    yield '{"type": "FeatureCollection", "features": [\n'
    for i, r in enumerate(rows):
        yield ("," if i else "") + json.dumps(feature(r), ensure_ascii=False) + "\n"
    yield "]}\n"
