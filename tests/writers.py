"""Helpers for the concurrency tests and bench/concurrent_ingest.py: a synthetic corpus written from our
own sentence templates, and ``claimtrack ingest`` run as real, separate processes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOWNS = ["Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Sumy", "Kherson", "Mykolaiv", "Poltava", "Chernihiv", "Lviv"]
OUTLETS = ["Harbor Times", "Steppe Courier", "River Post"]
ACTS = [
    ("drones struck an energy facility in {town}", "the regional governor said"),
    ("missiles hit residential buildings in {town}, wounding {n} people", "emergency services reported"),
    ("artillery shelled the outskirts of {town}, killing {n} civilians", "local officials said"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def write_corpus(folder: Path, n: int) -> list[Path]:
    """``n`` text files; every third event is reported by three outlets in their own words, so the ledger
    has linked clusters as well as single reports."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        event = i // 3 if i % 2 == 0 else 10_000 + i  # even files share events in threes; odd ones stand alone
        town = TOWNS[event % len(TOWNS)]
        act, source = ACTS[event % len(ACTS)]
        day, month = 1 + event % 27, MONTHS[(event // 27) % len(MONTHS)]
        outlet = OUTLETS[i % len(OUTLETS)]
        lead = act.format(town=town, n=2 + event % 9)
        text = (
            f"{outlet} date 2025-{MONTHS.index(month) + 1:02d}-{day:02d} Report number {i}\n"
            f"On {month} {day}, {lead}, {source}. "
            f"The {outlet} correspondent counted damage to {3 + i % 5} buildings (item {i}).\n"
        )
        p = folder / f"article_{i:04d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


@dataclass
class IngestRun:
    returncode: int
    added: int
    already: int
    errors: int
    stderr: str


_SUMMARY = re.compile(r"(\d+) article\(s\) added, (\d+) already in the ledger, (\d+) error\(s\)")


def start_ingest(paths: list[str], db: str, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "claimtrack.cli", "ingest", *paths, "--db", db, *extra]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def finish(proc: subprocess.Popen[str], timeout: float = 600) -> IngestRun:
    _, stderr = proc.communicate(timeout=timeout)
    m = _SUMMARY.search(stderr)
    added, already, errors = (int(g) for g in m.groups()) if m else (-1, -1, -1)
    return IngestRun(proc.returncode, added, already, errors, stderr)


def ingest_together(paths: list[str], db: str, n: int = 2) -> list[IngestRun]:
    """``n`` ingests of the same ``paths`` into ``db``, started at the same moment."""
    procs = [start_ingest(paths, db) for _ in range(n)]
    return [finish(p) for p in procs]
