"""Start-up time of a read command: ``python bench/startup.py [--db LEDGER] [--src SRC] [--runs N]``.

Runs ``claimtrack events --db LEDGER`` N times in fresh interpreters and prints the median wall time and the
median CPU time (user + system, which a busy shared machine inflates far less than wall time), beside a bare
``python -c pass`` for scale. ``--src`` puts another checkout's ``src`` first (to compare two versions).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="claimtrack.db")
    ap.add_argument("--src", default=str(ROOT / "src"))
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=args.src)
    cmd = [sys.executable, "-c", "from claimtrack.cli import main; main()", "events", "--db", args.db]
    runs = [_run(cmd, env) for _ in range(args.runs)]
    bare = [_run([sys.executable, "-c", "pass"], env) for _ in range(3)]
    wall = statistics.median(r[0] for r in runs)
    print(
        f"claimtrack events --db {args.db} (src {args.src}): wall median {wall:.2f} s, "
        f"CPU median {statistics.median(r[1] for r in runs):.2f} s; bare python wall "
        f"{statistics.median(r[0] for r in bare):.2f} s, CPU {statistics.median(r[1] for r in bare):.2f} s; "
        f"load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
