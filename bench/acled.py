"""ACLED notes benchmark: ``python bench/acled.py [--country NAME] [--sample N] [--seed S] [--json OUT]``.

Extracts every ACLED-coded note of ``../shared/bench/acled/dev.jsonl`` (a DEV split: 2022, all countries but Ukraine
and Russia) as an article ``{"id", "text": notes, "published"}`` and scores the main event with the set's own
``score.py``: sub-event and event type, date, country, admin1 (named as our ACLED export names it; the
gazetteer's English names are scored on a second line), within 50 km and fatalities. ``--sample N`` scores a
seeded random sample (for quick runs; the figure of record is the full set), ``--country`` one country.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT.parent / "shared" / "bench" / "acled"
GOLD = SET / "dev.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--country", help="only this ACLED country name")
    ap.add_argument("--sample", type=int, help="score a seeded random sample of N notes")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--json", help="write the scorer's figures to this file")
    ap.add_argument("--keep", type=Path, help="keep the gold subset and predictions in this folder")
    args = ap.parse_args()
    if not GOLD.exists():
        print(f"{GOLD} not found: ../shared/bench/acled is needed", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    if args.country:
        rows = [r for r in rows if r["country"] == args.country]
    if args.sample and args.sample < len(rows):
        rows = random.Random(args.seed).sample(rows, args.sample)
    work = args.keep or Path(tempfile.mkdtemp(prefix="claimtrack-acled-"))
    work.mkdir(parents=True, exist_ok=True)
    gold, inputs, pred = work / "gold.jsonl", work / "inputs.jsonl", work / "pred.jsonl"
    with gold.open("w", encoding="utf-8") as g, inputs.open("w", encoding="utf-8") as i:
        for r in rows:
            g.write(json.dumps(r) + "\n")
            i.write(json.dumps({"id": r["event_id_cnty"], "text": r["notes"], "published": r["published"]}) + "\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-m", "claimtrack", "extract", str(inputs), "--format", "jsonl"]
    cmd += ["--workers", str(args.workers)] if args.workers > 1 else []
    with pred.open("w", encoding="utf-8") as fh:
        # exit 1 means some notes were refused (each named on stderr, e.g. one not in English): still scored
        if subprocess.run(cmd, env=env, stdout=fh).returncode not in (0, 1):
            return 1
    # ACLED codes admin1 by GADM's native names ("Niedersachsen"); our ACLED export writes them so, and the
    # figure of record scores the admin1 as that export writes it. The gazetteer's own (English) names are
    # scored too, so the share of the admin1 figure that is naming stays visible.
    styled = work / "pred_acled.jsonl"
    with pred.open(encoding="utf-8") as src, styled.open("w", encoding="utf-8") as out:
        for line in src:
            out.write(json.dumps(acled_names(json.loads(line))) + "\n")
    plain = work / "plain.json"
    subprocess.run(
        [sys.executable, str(SET / "score.py"), str(gold), str(pred), "--json", str(plain)], stdout=subprocess.DEVNULL
    )
    score = [sys.executable, str(SET / "score.py"), str(gold), str(styled)]
    score += ["--json", args.json] if args.json else []
    rc = subprocess.run(score).returncode
    if plain.exists():
        print(f"  admin1 with the gazetteer's English names: {json.loads(plain.read_text())['admin1']}")
    return rc


def acled_names(doc: dict) -> dict:
    """The document with each event's admin1 named as the ACLED export names it."""
    from claimtrack.export.acled import admin1

    for ev in doc.get("events") or []:
        loc = ev.get("location") or {}
        if loc.get("admin1"):
            loc["admin1"] = admin1(loc["admin1"], loc.get("country"))
    return doc


if __name__ == "__main__":
    sys.exit(main())
