"""The ledger on a real PostgreSQL server (started by .ci/postgres.sh; CI sets CLAIMTRACK_TEST_PG)."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from claimtrack.cli import app
from tests.conftest import ROOT

ADMIN_URL = os.environ.get("CLAIMTRACK_TEST_PG")
pytestmark = pytest.mark.skipif(
    not ADMIN_URL, reason="CLAIMTRACK_TEST_PG is not set: no PostgreSQL server (bash .ci/postgres.sh starts one)"
)
runner = CliRunner()


@pytest.fixture()
def pg_url() -> Iterator[str]:
    assert ADMIN_URL
    name = f"ct_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    yield url
    sa.create_engine(url).dispose()
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_ingest_events_and_export_on_postgres(pg_url: str, nlp) -> None:
    first = runner.invoke(app, ["ingest", str(ROOT / "examples"), "--db", pg_url])
    assert first.exit_code == 0, first.stderr
    assert "14 article(s) added" in first.stderr  # 9 from files, 5 from examples/feeds/desk.rss
    again = runner.invoke(app, ["ingest", str(ROOT / "examples"), "--db", pg_url])
    assert "0 article(s) added, 14 already in the ledger" in again.stderr
    listed = runner.invoke(app, ["events", "--db", pg_url, "--format", "jsonl"])
    assert listed.exit_code == 0
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    assert events and all(ev["reports"] for ev in events)
    engine = sa.create_engine(pg_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM articles")).scalar() == 14
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    engine.dispose()


def test_feed_memory_and_change_log_on_postgres(pg_url: str, nlp) -> None:
    desk = str(ROOT / "examples" / "feeds" / "desk.rss")
    first = runner.invoke(app, ["feed", desk, "--db", pg_url])
    assert first.exit_code == 0, first.stderr
    assert "5 article(s) added" in first.stderr
    again = runner.invoke(app, ["feed", desk, "--db", pg_url])
    assert "0 article(s) added, 5 already seen" in again.stderr
    for name in ("06_same_event_outlet_a.txt", "07_same_event_outlet_b.html"):
        runner.invoke(app, ["ingest", str(ROOT / "examples" / name), "--db", pg_url])
    listed = runner.invoke(app, ["changes", "--since", "1h", "--db", pg_url, "--format", "jsonl"])
    assert listed.exit_code == 0, listed.stderr
    kinds = [json.loads(x)["kind"] for x in listed.stdout.splitlines()]
    assert kinds.count("new") >= 6 and "reports" in kinds
    engine = sa.create_engine(pg_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM feed_entries")).scalar() == 5
        assert conn.execute(sa.text("SELECT count(*) FROM ledger_events WHERE summary IS NULL")).scalar() == 0
    engine.dispose()


def test_web_desk_on_postgres(pg_url: str, nlp) -> None:
    """The desk's reader engine, index, prefix lookups, CSV and a correction on PostgreSQL."""
    from fastapi.testclient import TestClient

    from claimtrack.web import create_app
    from tests.web_ledger import build

    build(pg_url)
    with TestClient(create_app(pg_url, poll=0), base_url="http://127.0.0.1") as c:
        disputed = c.get("/api/events", params={"status": "disputed"}).json()
        assert disputed["total"] == 1
        ev_id = disputed["items"][0]["id"]
        assert c.get(f"/api/events/{ev_id[:8]}").json()["id"] == ev_id
        assert c.get(f"/api/events/{ev_id}/dossier").json()["status_reason"].startswith("disputed: ")
        assert len(c.get("/api/events.csv", params={"country": "UA"}).text.splitlines()) == 3  # header + 2
        a = c.get("/api/events", params={"q": "tbilisi"}).json()["items"][0]["id"]
        b = c.get("/api/events", params={"type": "missile_strike"}).json()["items"][0]["id"]
        assert len(c.post(f"/api/events/{a}/merge", json={"other": b}).json()["ids"]) == 1
        assert c.get("/api/events").json()["total"] == 2
