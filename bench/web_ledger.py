"""A generated ledger of about 10,000 ledger events for the web desk's benchmarks (web_load.py, web_browser.py).

    python bench/web_ledger.py [--events 10000] [--out bench/out/web10k.db]

It writes document results straight into a real SQLite ledger through ``Ledger.add`` (near-duplicates,
linking and provenance all run), skipping extraction: the desk's cost depends on the ledger's size, not
on how the events were found. Each real event gets 1-3 reports from different outlets, with attributed
claims (some relayed), figures that sometimes differ, and places at point, admin1 or country precision
drawn from the shipped gazetteer. All text is generated here; nothing comes from ../shared.
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import event

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimtrack.extract.events.codes import acled_for  # noqa: E402
from claimtrack.models import (  # noqa: E402
    AcledType,
    Actor,
    Article,
    Claim,
    Content,
    DocumentResult,
    Event,
    EventDate,
    Location,
    Quantity,
    Source,
    TextSpan,
    Weapon,
)
from claimtrack.store import Ledger, open_engine  # noqa: E402

GAZ = ROOT / "src" / "claimtrack" / "data" / "gazetteer" / "places.tsv.gz"
COUNTRIES = {"UA": "Ukraine", "RU": "Russia", "SY": "Syria", "SD": "Sudan", "IL": "Israel", "YE": "Yemen", "ML": "Mali"}
SIDES = {"UA": "Ukraine", "RU": "Russia", "SY": "Syria", "SD": "Sudan", "IL": "Israel", "YE": "Yemen", "ML": "Mali"}
TYPES = [("drone_strike", "drone"), ("missile_strike", "missile"), ("shelling", "artillery"), ("armed_clash", None)]
OUTLETS = [f"Desk Wire {i}" for i in range(1, 25)] + ["Morning Courier", "Evening Ledger", "Field Report Daily"]
START = date(2022, 1, 1)
DAYS = 1460
WORDS = [a + b + c for a in "bkrmtslv" for b in "aeiou" for c in ("n", "r", "ta", "po", "me", "ki", "du")]


def places() -> dict[str, list[tuple[str, str, float, float]]]:
    """Settlements over 20,000 people per benchmark country: (name, admin1, lat, lon)."""
    out: dict[str, list[tuple[str, str, float, float]]] = {c: [] for c in COUNTRIES}
    with gzip.open(GAZ, "rt", encoding="utf-8") as fh:
        for line in fh:
            p = line.rstrip("\n").split("\t")
            if len(p) == 8 and p[0] and p[1] == "settlement" and p[3] in out and int(p[7] or 0) >= 20_000:
                out[p[3]].append((p[2], p[4], float(p[5]), float(p[6])))
    return out


def report(rnd: random.Random, truth: int, r: int, spec: dict, outlet: str) -> DocumentResult:
    etype, weapon, day, cc, place, killed = (
        spec["type"],
        spec["weapon"],
        spec["day"],
        spec["cc"],
        spec["place"],
        spec["killed"],
    )
    name, admin1, lat, lon = place
    side, other = spec["sides"]
    published = (day + timedelta(days=rnd.choice([0, 0, 1]))).isoformat()
    verb = {
        "drone_strike": "drones struck",
        "missile_strike": "missiles hit",
        "shelling": "shells fell on",
        "armed_clash": "fighting broke out in",
    }[etype]
    sentence = f"{side} said {verb} {name} on {day:%B} {day.day}, killing {killed} people."
    # a few sentences of varied filler so articles are not near-duplicates of each other (MinHash)
    filler = " ".join(rnd.choice(WORDS) for _ in range(40))
    text = f"{sentence} {other} rejected the account. {filler}. Report {truth}-{r} filed by {outlet}."
    stance = "asserts"
    claims = [
        Claim(
            id="c1",
            source=Source(text=side, span=(0, len(side)), entity=side, kind="state"),
            cue=TextSpan(text="said", span=(len(side) + 1, len(side) + 5)),
            content=Content(text=sentence[len(side) + 6 :], spans=[(len(side) + 6, len(sentence))]),
            stance=stance,
            via=["Morning Courier"] if rnd.random() < 0.2 and outlet != "Morning Courier" else [],
        )
    ]
    if spec["denied"]:
        at = len(sentence) + 1
        claims.append(
            Claim(
                id="c2",
                source=Source(text=other, span=(at, at + len(other)), entity=other, kind="state"),
                cue=TextSpan(text="rejected", span=(at + len(other) + 1, at + len(other) + 9)),
                content=Content(text="the account", spans=[(at + len(other) + 10, at + len(other) + 21)]),
                stance="denies",
            )
        )
    prec = spec["precision"]
    loc = Location(
        text=name if prec == "point" else (admin1 if prec == "admin1" else COUNTRIES[cc]),
        name=name if prec == "point" else (admin1 if prec == "admin1" else COUNTRIES[cc]),
        country=cc,
        admin1=admin1 if prec in ("point", "admin1") else None,
        lat=lat if prec == "point" else spec["alat"] if prec == "admin1" else spec["clat"],
        lon=lon if prec == "point" else spec["alon"] if prec == "admin1" else spec["clon"],
        precision=prec,
    )
    acled = acled_for(etype)
    coarse = rnd.random() < 0.05
    ev = Event(
        id="e1",
        type=etype,
        acled=AcledType(event_type=acled[0], sub_event_type=acled[1]) if acled else None,
        trigger=TextSpan(text=verb.split()[-1], span=(0, 1)),
        date=EventDate(value=day.isoformat()[:7], precision="month", text=f"in {day:%B}")
        if coarse
        else EventDate(value=day.isoformat(), precision="day", text=f"on {day:%B} {day.day}"),
        location=loc,
        initiator=Actor(text=other, entity=other),
        target=Actor(text=side, entity=side),
        weapons=[Weapon(text=weapon, name=weapon)] if weapon else [],
        quantities=[Quantity(role="killed", value=killed + (1 if r == 2 and rnd.random() < 0.3 else 0), claim="c1")],
        fatalities=killed,
        claims=[c.id for c in claims],
    )
    art = Article(
        id=f"art-{truth:05d}-{r}",
        url=f"https://news.example/{outlet.lower().replace(' ', '-')}/{truth:05d}-{r}",
        publisher=outlet,
        published=published,
        title=f"{name}: {etype.replace('_', ' ')} reported by {side}",
        text=text,
    )
    return DocumentResult(id=art.id, article=art, claims=claims, events=[ev])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=11_000, help="real events to generate (linking merges a few)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "web10k.db"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    rnd = random.Random(args.seed)
    gaz = places()
    centre = {cc: (sum(p[2] for p in ps) / len(ps), sum(p[3] for p in ps) / len(ps)) for cc, ps in gaz.items()}
    # a generated file, rebuilt at will: no fsync per article (the default engine syncs every commit)
    engine = open_engine(str(out))
    event.listen(engine, "connect", lambda conn, _rec: conn.execute("PRAGMA synchronous=OFF"))
    engine.dispose()
    ledger = Ledger(engine=engine)
    t0 = time.perf_counter()
    n_reports = 0
    for truth in range(args.events):
        cc = rnd.choice(list(COUNTRIES))
        place = rnd.choice(gaz[cc])
        same_admin = [p for p in gaz[cc] if p[1] == place[1]]
        etype, weapon = rnd.choice(TYPES)
        sides = (SIDES[cc], rnd.choice([s for s in SIDES.values() if s != SIDES[cc]]))
        spec = {
            "type": etype,
            "weapon": weapon,
            "day": START + timedelta(days=rnd.randrange(DAYS)),
            "cc": cc,
            "place": place,
            "sides": sides,
            "killed": rnd.randrange(0, 15),
            "denied": rnd.random() < 0.15,
            "precision": rnd.choices(["point", "admin1", "country"], [0.8, 0.17, 0.03])[0],
            "alat": sum(p[2] for p in same_admin) / len(same_admin),
            "alon": sum(p[3] for p in same_admin) / len(same_admin),
            "clat": centre[cc][0],
            "clon": centre[cc][1],
        }
        outlets = rnd.sample(OUTLETS, rnd.choice([1, 1, 1, 2, 2, 3]))
        for r, outlet in enumerate(outlets, 1):
            ledger.add(report(rnd, truth, r, spec, outlet))
            n_reports += 1
        if truth and truth % 1000 == 0:
            print(f"{truth} events, {n_reports} reports, {time.perf_counter() - t0:.0f} s", flush=True)
    counts = ledger.counts()
    print(
        f"{counts['ledger_events']} ledger events from {n_reports} reports in {time.perf_counter() - t0:.0f} s -> {out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
