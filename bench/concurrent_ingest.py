"""Two ``claimtrack ingest`` processes over the same files into one fresh ledger, started together, against
one ingest of the same files into another: both must exit 0, each must report added + already = N, and
the two ledgers must hold the same articles, events and clusters (issue 16).

    python bench/concurrent_ingest.py [--files 600] [--corpus DIR] [--pg postgresql+psycopg://...]

Without ``--corpus`` the files are written from our own sentence templates (tests/writers.py); with it,
the first ``--files`` files of DIR are used as they are. ``--pg`` names a server on which a throwaway
database is created and dropped; without it only SQLite is measured.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.writers import finish, ingest_together, start_ingest, write_corpus  # noqa: E402

from claimtrack.store import Ledger  # noqa: E402


def _snapshot(db: str) -> tuple[dict[str, int], set[frozenset[str]]]:
    ledger = Ledger(db, read_only=True)
    snap = ledger.counts(), ledger.partition()
    ledger.engine.dispose()
    return snap


def race(paths: list[str], racing: str, single: str, label: str) -> bool:
    t0 = time.monotonic()
    runs = ingest_together(paths, racing)
    t_race = time.monotonic() - t0
    t0 = time.monotonic()
    alone = finish(start_ingest(paths, single))
    t_single = time.monotonic() - t0
    same = _snapshot(racing) == _snapshot(single)
    n = len(paths)
    ok = all(r.returncode == 0 and r.added + r.already == n for r in runs) and alone.returncode == 0 and same
    for i, r in enumerate(runs, 1):
        print(f"{label} writer {i}: exit {r.returncode}, {r.added} added + {r.already} already = {r.added + r.already}")
        if r.returncode:
            print(r.stderr[-2000:])
    counts = _snapshot(racing)[0]
    print(
        f"{label}: two writers {t_race:.1f} s, one writer {t_single:.1f} s; same ledger as one ingest: {same}; "
        f"articles {counts['articles']}, events {counts['events']}, ledger events {counts['ledger_events']}"
    )
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=600)
    ap.add_argument("--corpus", type=Path, help="a folder of real input files to use instead of synthetic ones")
    ap.add_argument("--pg", help="PostgreSQL server URL (admin); a throwaway database is created on it")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus:
            paths = [str(p) for p in sorted(args.corpus.iterdir()) if p.is_file()][: args.files]
        else:
            paths = [str(p) for p in write_corpus(Path(tmp) / "in", args.files)]
        print(f"{len(paths)} files ({'from ' + str(args.corpus) if args.corpus else 'synthetic'})")
        ok = race(paths, str(Path(tmp) / "racing.db"), str(Path(tmp) / "single.db"), "SQLite")
        if args.pg:
            import sqlalchemy as sa

            name = f"ct_bench_{uuid.uuid4().hex[:8]}"
            admin = sa.create_engine(args.pg, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
            try:
                url = args.pg.rsplit("/", 1)[0] + "/" + name
                ok = race(paths, url, str(Path(tmp) / "single_pg_ref.db"), "PostgreSQL") and ok
            finally:
                with admin.connect() as conn:
                    conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
