"""Linking at scale: incremental linking of a generated ledger of up to 1 million document events.

    python bench/linking_scale.py                 # 10k, 100k and 1M events
    python bench/linking_scale.py --sizes 10000   # a quick run

The generator draws real events (type, day, place, actors, weapons, counts) at a steady 300 reports a
day in 40 countries (so 1M reports span about nine years, as a growing ledger does), then 1-6 reports
of each with the noise real reports have: a day off, a month or year instead of the day, no date, the
region instead of the town, the other side blamed, figures that differ. Reports arrive in random order.
Per size it prints the time per 1,000 events (near-constant = near-linear growth), optionally the
candidates read per event, and pairwise precision / recall against the generated truth. It runs the
in-memory ``Linker``, which calls the same ``relink`` as the SQL store.
Writes bench/out/linking_scale.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimtrack.link.linking import Linker  # noqa: E402
from claimtrack.link.pairs import Mention  # noqa: E402

OUT = ROOT / "bench" / "out"
START = date(2023, 1, 1).toordinal()
PER_DAY = 300  # reports a day: the ledger grows over time at a steady news flow, as a real one does
TYPES = {
    "remote_violence": ["missile_strike", "drone_strike", "shelling", "air_strike", "interception"],
    "ground": ["armed_clash", "territory_change"],
    "protest": ["protest", "riot"],
    "authorization": ["authorization", "arms_transfer"],
}
GROUP_WEIGHTS = [0.6, 0.2, 0.15, 0.05]
ACTORS = [f"Actor{i}" for i in range(60)]
WEAPONS = ["missile", "drone", "artillery", "rifle", "glide bomb", "MLRS"]


def _month(ordinal: int) -> tuple[int, int]:
    d = date.fromordinal(ordinal)
    first = date(d.year, d.month, 1).toordinal()
    nxt = date(d.year + d.month // 12, d.month % 12 + 1, 1).toordinal()
    return first, nxt - 1


def _year(ordinal: int) -> tuple[int, int]:
    y = date.fromordinal(ordinal).year
    return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()


def generate(n: int, seed: int = 1) -> tuple[list[Mention], list[int]]:
    """``n`` reports of about n/3 real events; returns the reports in arrival order and their true event ids."""
    rnd = random.Random(seed)
    countries = [f"C{i:02d}" for i in range(40)]
    admin1 = {c: [(f"{c}-R{j}", rnd.uniform(-40, 60), rnd.uniform(-20, 120)) for j in range(12)] for c in countries}
    reports: list[tuple[Mention, int]] = []
    truth = 0
    while len(reports) < n:
        truth += 1
        group = rnd.choices(list(TYPES), GROUP_WEIGHTS)[0]
        etype = rnd.choice(TYPES[group])
        day = START + rnd.randrange(max(1, n // PER_DAY))
        country = rnd.choice(countries)
        region, rlat, rlon = rnd.choice(admin1[country])
        lat, lon = rlat + rnd.uniform(-1, 1), rlon + rnd.uniform(-1, 1)
        ini, tgt = rnd.sample(ACTORS, 2)
        weapon = rnd.choice(WEAPONS)
        killed = rnd.randrange(0, 20)
        has_place = group != "authorization"
        for r in range(rnd.choice([1, 1, 2, 3, 3, 4, 5, 6])):
            if len(reports) >= n:
                break
            p = rnd.random()
            if p < 0.80:
                lo = hi = day + (rnd.choice([-1, 1]) if rnd.random() < 0.1 else 0)
                precision = "day"
            elif p < 0.92:
                lo, hi = _month(day)
                precision = "month"
            elif p < 0.94:
                lo, hi = _year(day)
                precision = "year"
            else:
                lo, hi = day + rnd.randrange(0, 3) - 7, day + rnd.randrange(0, 3)
                hi, lo = hi, hi - 7
                precision = "none"
            q = rnd.random()
            point = has_place and q < 0.6
            m = Mention(
                key=f"{truth:08d}{r:02d}:e1",
                article=f"{truth:08d}{r:02d}",
                published=date.fromordinal(day + rnd.randrange(0, 3)).isoformat(),
                type=etype if rnd.random() < 0.8 else rnd.choice(TYPES[group]),
                lo=lo,
                hi=hi,
                precision=precision,
                country=country if has_place else None,
                admin1=region if has_place and q < 0.9 else None,
                lat=lat + rnd.uniform(-0.05, 0.05) if point else None,
                lon=lon + rnd.uniform(-0.05, 0.05) if point else None,
                point=point,
                initiator=(ini if rnd.random() < 0.9 else tgt) if rnd.random() < 0.8 else None,
                target=tgt if rnd.random() < 0.5 else None,
                weapons=frozenset([weapon]) if rnd.random() < 0.6 else frozenset(),
                counts=(("killed", killed if rnd.random() < 0.7 else killed + 2),) if rnd.random() < 0.5 else (),
            )
            reports.append((m, truth))
    rnd.shuffle(reports)
    return [m for m, _ in reports], [t for _, t in reports]


def pair_prf(linker: Linker, mentions: list[Mention], truth: list[int]) -> dict[str, float]:
    true_of = {m.key: t for m, t in zip(mentions, truth, strict=True)}
    gold: dict[int, list[str]] = {}
    for m, t in zip(mentions, truth, strict=True):
        gold.setdefault(t, []).append(m.key)
    gold_pairs = sum(len(v) * (len(v) - 1) // 2 for v in gold.values())
    pred_pairs = tp = 0
    for members in linker.clusters.values():
        k = len(members)
        pred_pairs += k * (k - 1) // 2
        counts: dict[int, int] = {}
        for x in members:
            counts[true_of[x.key]] = counts.get(true_of[x.key], 0) + 1
        tp += sum(c * (c - 1) // 2 for c in counts.values())
    return {
        "precision": tp / pred_pairs if pred_pairs else 1.0,
        "recall": tp / gold_pairs if gold_pairs else 1.0,
    }


class CountingLinker(Linker):
    """Counts the candidates blocking hands to the pair scorer."""

    candidates_read = 0

    def add(self, m: Mention) -> str:
        if m.key not in self.mentions:
            self.candidates_read += sum(1 for _ in self.index.candidates(m))
        return super().add(m)


def run(n: int, count: bool) -> dict[str, float]:
    mentions, truth = generate(n)
    gc.collect()
    linker = CountingLinker() if count else Linker()
    t0 = time.perf_counter()
    for m in mentions:
        linker.add(m)
    secs = time.perf_counter() - t0
    comp_max = max(len(c) for c in linker.clusters.values())
    out = {
        "events": n,
        "seconds": round(secs, 2),
        "ms_per_1k_events": round(1000 * secs / (n / 1000), 1),
        "ledger_events": len(linker.clusters),
        "largest_cluster": comp_max,
        **{k: round(v, 4) for k, v in pair_prf(linker, mentions, truth).items()},
    }
    if count:
        out["candidates_per_event"] = round(linker.candidates_read / n, 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--count-candidates", action="store_true", help="also count candidates (slower)")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    print(f"{'events':>10} {'seconds':>9} {'ms/1k events':>13} {'ledger events':>14} {'P':>7} {'R':>7}")
    for n in args.sizes:
        row = run(n, args.count_candidates)
        rows.append(row)
        print(
            f"{row['events']:>10,} {row['seconds']:>9.1f} {row['ms_per_1k_events']:>13.1f} "
            f"{row['ledger_events']:>14,} {row['precision']:>7.3f} {row['recall']:>7.3f}"
            + (f"  candidates/event {row['candidates_per_event']}" if "candidates_per_event" in row else ""),
            flush=True,
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:,.0f} MiB")
    (OUT / "linking_scale.json").write_text(json.dumps({"runs": rows, "peak_mib": round(peak)}, indent=1))


if __name__ == "__main__":
    main()
