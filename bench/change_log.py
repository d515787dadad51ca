"""CPU cost of the change log on the ledger's write path: ``Ledger.add`` over the test corpus, with and without.

    python bench/change_log.py [--rounds 3]

The corpus results (``tests/corpus``, hand-annotated, no NLP) are stored into a fresh SQLite ledger; rounds
alternate with change tracking on and off (off: ``changes.begin`` does nothing, so no summaries are built).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimtrack.link.evaluate import load_gold  # noqa: E402
from claimtrack.store import Ledger, changes  # noqa: E402


def _run(results: list, track: bool) -> float:  # type: ignore[type-arg]
    begin = changes.begin
    if not track:
        changes.begin = lambda s, cause: None  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as d:
            ledger = Ledger(str(Path(d) / "l.db"))
            t = time.process_time()
            for r in results:
                ledger.add(r)
            took = time.process_time() - t
            ledger.engine.dispose()
            return took
    finally:
        changes.begin = begin


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    results, _ = load_gold(ROOT / "tests" / "corpus")
    _run(results, True)  # warm-up: imports, first connections
    on, off = [], []
    for _ in range(args.rounds):
        on.append(_run(results, True))
        off.append(_run(results, False))
    n = len(results)
    a, b = statistics.median(on) / n * 1000, statistics.median(off) / n * 1000
    print(f"{n} documents: {a:.1f} ms CPU per add with the change log, {b:.1f} ms without (+{a - b:.1f} ms)")


if __name__ == "__main__":
    main()
