"""Concurrent writers and crashes, with real processes on real SQLite and PostgreSQL ledgers: two ingests
started together on a fresh ledger both succeed quietly and leave what one ingest leaves; an ingest killed
with SIGKILL leaves no half-written article and a re-run completes the rest."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimtrack.store import Ledger
from tests.test_postgres import ADMIN_URL, pg_url  # noqa: F401  (the per-test PostgreSQL database)
from tests.writers import finish, ingest_together, start_ingest, write_corpus

N = 24
needs_pg = pytest.mark.skipif(not ADMIN_URL, reason="CLAIMTRACK_TEST_PG is not set: no PostgreSQL server")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return [str(p) for p in write_corpus(tmp_path_factory.mktemp("race") / "in", N)]


def _snapshot(db: str) -> tuple[dict[str, int], set[frozenset[str]]]:
    ledger = Ledger(db, read_only=True)
    snap = ledger.counts(), ledger.partition()
    ledger.engine.dispose()
    return snap


def _two_writers(corpus: list[str], racing: str, single: str) -> None:
    runs = ingest_together(corpus, racing)
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert run.added + run.already == N and run.errors == 0, run.stderr
        assert "error" not in run.stderr.replace("0 error(s)", ""), run.stderr
    assert sum(r.added for r in runs) == N
    alone = finish(start_ingest(corpus, single))
    assert alone.returncode == 0 and alone.added == N, alone.stderr
    assert _snapshot(racing) == _snapshot(single)


def _integrity(db: str) -> None:
    engine = sa.create_engine(db if "://" in db else f"sqlite:///{db}")
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # an article is written in one transaction whose last step is its MinHash bands
        assert (
            conn.execute(
                sa.text(
                    "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                    "(SELECT 1 FROM article_bands b WHERE b.article_id = a.id)"
                )
            ).scalar()
            == 0
        )
        orphans = (
            "SELECT count(*) FROM events e WHERE NOT EXISTS "
            "(SELECT 1 FROM ledger_events l WHERE l.ledger_id = e.ledger_id)"
        )
        assert conn.execute(sa.text(orphans)).scalar() == 0
    engine.dispose()


def _articles(db: str) -> int:
    try:
        return Ledger(db, read_only=True).counts()["articles"]
    except Exception:  # not created yet
        return 0


def _kill_and_resume(corpus: list[str], db: str) -> None:
    proc = start_ingest(corpus, db)
    deadline = time.monotonic() + 300
    while _articles(db) < N // 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _articles(db)
    assert 0 < stored < N
    _integrity(db)
    rest = finish(start_ingest(corpus, db))
    assert rest.returncode == 0, rest.stderr
    assert (rest.added, rest.already) == (N - stored, stored)
    assert _articles(db) == N
    _integrity(db)


@pytest.mark.slow
def test_two_ingests_on_a_fresh_sqlite_ledger(tmp_path: Path, corpus: list[str]) -> None:
    _two_writers(corpus, str(tmp_path / "racing.db"), str(tmp_path / "single.db"))


@pytest.mark.slow
@needs_pg
def test_two_ingests_on_a_fresh_postgres_ledger(pg_url: str, tmp_path: Path, corpus: list[str]) -> None:  # noqa: F811
    _two_writers(corpus, pg_url, str(tmp_path / "single.db"))


@pytest.mark.slow
def test_sigkill_mid_ingest_on_sqlite(tmp_path: Path, corpus: list[str]) -> None:
    db = str(tmp_path / "killed.db")
    _kill_and_resume(corpus, db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == N


@pytest.mark.slow
@needs_pg
def test_sigkill_mid_ingest_on_postgres(pg_url: str, corpus: list[str]) -> None:  # noqa: F811
    _kill_and_resume(corpus, pg_url)
