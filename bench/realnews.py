"""Real-news benchmark: ``python bench/realnews.py [--errors N] [--json OUT] [--keep DIR]``.

The whole product on hand-coded real articles (``../shared/bench/realnews/dev.jsonl``, a DEV split): extract every
article, ingest them all into a fresh SQLite ledger, list the ledger, and score with the set's own ``score.py``
(events P/R/F1 with duplicates and spurious events, per-field accuracy on matched incidents, claims, and with
``--ledger`` the cross-article linking). It runs the installed CLI in subprocesses, so it measures exactly what a
user gets; the error list the scorer prints is the place to start reading.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT.parent / "shared" / "bench" / "realnews"
GOLD = SET / "dev.jsonl"


def _cli(*args: str, stdout: Path | None = None) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-m", "claimtrack", *args]
    # exit 1 means some inputs were refused (each named on stderr); the rest is still scored
    if stdout is None:
        rc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL).returncode
    else:
        with stdout.open("w", encoding="utf-8") as fh:
            rc = subprocess.run(cmd, env=env, stdout=fh).returncode
    if rc not in (0, 1):
        raise SystemExit(f"claimtrack {args[0]} failed with exit code {rc}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold JSONL (default: the dev split)")
    ap.add_argument("--errors", type=int, default=25, help="error lines the scorer prints")
    ap.add_argument("--json", help="write the scorer's figures to this file")
    ap.add_argument("--keep", type=Path, help="keep predictions, ledger and events in this folder")
    args = ap.parse_args()
    if not args.gold.exists():
        print(f"{args.gold} not found: ../shared/bench/realnews is needed", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="claimtrack-realnews-"))
    work.mkdir(parents=True, exist_ok=True)
    pred, events, db = work / "pred.jsonl", work / "events.jsonl", work / "ledger.db"
    db.unlink(missing_ok=True)
    _cli("extract", str(args.gold), "--format", "jsonl", stdout=pred)
    _cli("ingest", str(args.gold), "--db", str(db))
    _cli("events", "--db", str(db), "--format", "jsonl", stdout=events)
    score = [sys.executable, str(SET / "score.py"), str(args.gold), str(pred), "--ledger", str(events)]
    score += ["--errors", str(args.errors)] + (["--json", args.json] if args.json else [])
    return subprocess.run(score).returncode


if __name__ == "__main__":
    sys.exit(main())
