"""Build the desk's offline basemap labels (src/claimtrack/web/static/labels.json) from the shipped gazetteer.

Names and points come from our GeoNames-derived gazetteer (src/claimtrack/data/gazetteer/places.tsv.gz,
GeoNames CC BY 4.0), so the map labels agree with the places the ledger resolves. Each label gets the
lowest zoom at which it shows: countries first, then large cities and first-level divisions, then towns.

    python scripts/build_map_labels.py
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "claimtrack" / "data" / "gazetteer" / "places.tsv.gz"
OUT = ROOT / "src" / "claimtrack" / "web" / "static" / "labels.json"
MIN_TOWN = 100_000  # smallest settlement labelled: about 6,000 worldwide keeps the file near 250 KB


def minzoom(feature: str, population: int) -> int | None:
    if feature == "country":
        return 3 if population >= 30_000_000 else 4 if population >= 5_000_000 else 5
    if feature == "admin1":
        return 6
    if feature != "settlement" or population < MIN_TOWN:
        return None
    for zoom, floor in ((3, 5_000_000), (4, 2_000_000), (5, 1_000_000), (6, 400_000), (7, 200_000)):
        if population >= floor:
            return zoom
    return 8


def main() -> None:
    labels = []
    with gzip.open(SRC, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 8 or not parts[0]:
                continue
            _gid, feature, name, _cc, _admin1, lat, lon, pop = parts
            population = int(pop or 0)
            zoom = minzoom(feature, population)
            if zoom is not None:
                kind = {"country": "c", "admin1": "a"}.get(feature, "s")
                labels.append([name, round(float(lat), 3), round(float(lon), 3), kind, zoom, population])
    labels.sort(key=lambda r: (r[4], -r[5]))
    OUT.write_text(
        json.dumps(
            {"source": "GeoNames (CC BY 4.0) via claimtrack's gazetteer", "labels": labels},
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        encoding="utf-8",
    )
    print(f"{len(labels)} labels -> {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
