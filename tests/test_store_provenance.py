"""Migration 0003: provenance columns and the figures table, filled for new and for upgraded ledgers."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command

from claimtrack.store import Ledger
from claimtrack.store.db import alembic_config, head_revision
from tests.hostile import hostile_documents


def test_head_revision_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head() >= "0003"


def test_an_old_ledger_gets_its_provenance_columns_on_open(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    ledger = Ledger(url)
    for doc in hostile_documents()[:4]:
        ledger.add(doc)
    cfg = alembic_config()
    with ledger.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")  # a ledger written before 0003: no status, no figures table
    with ledger.engine.connect() as conn:
        cols = {c["name"] for c in sa.inspect(conn).get_columns("ledger_events")}
        assert "status" not in cols and not sa.inspect(conn).has_table("ledger_figures")
    ledger.engine.dispose()
    again = Ledger(url)
    with again.engine.connect() as conn:
        rows = conn.execute(sa.text("select status, independent_sources, fatalities from ledger_events")).all()
        figures = conn.execute(sa.text("select role, value, value_text from ledger_figures")).all()
    assert len(rows) == 4 and all(r[0] in {"claimed", "confirmed", "disputed", "denied"} for r in rows)
    assert all(r[1] is not None for r in rows) and {r[2] for r in rows} == {1, 2, 3, 4}
    assert {(role, v, t) for role, v, t in figures} == {("killed", k, str(k)) for k in (1, 2, 3, 4)}


def test_head_revision_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_claimtrack_migrate_fills_the_columns_readers_filter_on(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimtrack.cli import app

    path = tmp_path / "old.db"
    ledger = Ledger(str(path))
    for doc in hostile_documents()[:3]:
        ledger.add(doc)
    cfg = alembic_config()
    with ledger.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    ledger.engine.dispose()
    runner = CliRunner()
    old = runner.invoke(app, ["events", "--db", str(path)])
    assert old.exit_code == 2 and "claimtrack migrate" in old.stderr  # a reader never migrates
    res = runner.invoke(app, ["migrate", "--db", str(path)])
    assert res.exit_code == 0 and f"0002 -> {head_revision()}" in res.stderr
    listed = runner.invoke(app, ["events", "--db", str(path), "--status", "claimed", "-f", "jsonl"])
    assert listed.exit_code == 0 and len(listed.stdout.splitlines()) == 3
