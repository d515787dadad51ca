"""Speed of ``claimtrack extract`` against bare spaCy ``nlp.pipe`` on the same texts, same model, one core.

Absolute times on shared machines are noisy, so both runs alternate in one process and the ratio is the
figure we report. ``--profile`` adds a pyinstrument profile of the claimtrack run (where the time goes).

    python bench/speed.py [--rounds 3] [--limit N] [--profile]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "bench" / "polnear" / "dev" / "text"
OUT = ROOT / "bench" / "out"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS} (../shared must sit beside the repo)", file=sys.stderr)
        return 2
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    import spacy

    from claimtrack.models import Article
    from claimtrack.nlp import MODEL, load_pipeline, process

    files = sorted(CORPUS.glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    texts = [p.read_text(encoding="utf-8") for p in files]
    words = sum(len(t.split()) for t in texts)
    articles = [Article(id=p.stem, text=t, published="2016-10-01") for p, t in zip(files, texts, strict=True)]

    bare = spacy.load(MODEL)
    load_pipeline()

    def run_bare() -> tuple[float, float]:
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in bare.pipe(texts, batch_size=32):
            pass
        return time.perf_counter() - t0, time.process_time() - c0

    def run_claimtrack() -> tuple[float, float]:
        t0, c0 = time.perf_counter(), time.process_time()
        for res in process(articles):
            res.model_dump_json()
        return time.perf_counter() - t0, time.process_time() - c0

    run_bare()  # warm caches and lazy loads on both sides
    run_claimtrack()
    bare_t, ct_t = [], []
    for _ in range(args.rounds):
        bare_t.append(run_bare())
        ct_t.append(run_claimtrack())
    b, c = statistics.median(t for t, _ in bare_t), statistics.median(t for t, _ in ct_t)
    # CPU time of this process: on a shared machine other processes' bursts lengthen the wall-clock of
    # whichever run they fall in, not the CPU time the run itself needs
    b_cpu, c_cpu = statistics.median(t for _, t in bare_t), statistics.median(t for _, t in ct_t)
    print(f"corpus: {len(texts)} PolNeAR dev texts, {words} words; {args.rounds} alternating rounds, 1 core")
    print(f"bare spaCy nlp.pipe : {words / b:8.0f} words/s  (median {b:.2f} s)")
    print(f"claimtrack extract  : {words / c:8.0f} words/s  (median {c:.2f} s)")
    print(f"ratio claimtrack/bare: {b / c:.3f}  (target >= 0.80)")
    print(f"ratio in CPU time    : {b_cpu / c_cpu:.3f}")
    print(f"overhead over parse : {100 * (c - b) / b:.1f}%")

    if args.profile:
        from pyinstrument import Profiler

        OUT.mkdir(parents=True, exist_ok=True)
        prof = Profiler(interval=0.002)
        prof.start()
        run_claimtrack()
        prof.stop()
        (OUT / "speed_profile.txt").write_text(prof.output_text(unicode=True, show_all=False), encoding="utf-8")
        print(f"profile written to {OUT / 'speed_profile.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
