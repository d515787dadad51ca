"""Readers never migrate nor create a ledger; `claimtrack migrate`; one validation of values for both
backends; a duplicate stored by another writer counts as already stored."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.models import Article, DocumentResult
from claimtrack.store import Ledger
from claimtrack.store.db import LedgerUnavailable, alembic_config, head_revision
from claimtrack.store.write import LedgerValueError
from tests.test_postgres import ADMIN_URL, pg_url  # noqa: F401  (the per-test PostgreSQL database)

runner = CliRunner()
TEXT = "Police in Uzhhorod said a warehouse burned down on Saturday after a drone attack."


def _result(text: str = TEXT, **article: object) -> DocumentResult:
    return DocumentResult(id="r", article=Article(id="r", text=text, **article))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "command_line", [["events"], ["export"], ["show", "ev-x"], ["report", "--since", "2025-01-01"]]
)
def test_read_commands_refuse_a_missing_ledger_and_create_none(tmp_path: Path, command_line: list[str]) -> None:
    db = tmp_path / "absent.db"
    res = runner.invoke(app, [*command_line, "--db", str(db)])
    assert res.exit_code == 2
    assert f"no ledger at {db}" in " ".join(res.stderr.split())
    assert not db.exists()


def test_a_ledger_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["ingest", "-", "--db", str(tmp_path / "no" / "such" / "l.db")], input=TEXT)
    assert res.exit_code == 2
    assert "cannot open the ledger" in res.stderr and "unable to open database file" in res.stderr


def test_readers_do_not_migrate_an_old_ledger_and_migrate_does(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    engine = sa.create_engine(f"sqlite:///{db}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    res = runner.invoke(app, ["events", "--db", str(db)])
    assert res.exit_code == 2 and "run `claimtrack migrate`" in " ".join(res.stderr.split())
    with pytest.raises(LedgerUnavailable):
        Ledger(str(db), read_only=True)
    done = runner.invoke(app, ["migrate", "--db", str(db)])
    assert done.exit_code == 0 and f"ledger schema 0001 -> {head_revision()}" in done.stderr
    again = runner.invoke(app, ["migrate", "--db", str(db)])
    assert "up to date" in again.stderr
    assert runner.invoke(app, ["events", "--db", str(db)]).exit_code == 0


def test_a_reader_cannot_write(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    Ledger(db).add(_result())
    reader = Ledger(db, read_only=True)
    assert reader.counts()["articles"] == 1
    with pytest.raises(sa.exc.OperationalError, match="readonly"):
        reader.add(_result(TEXT + " Two people were hurt."))


def _validation(db: str) -> None:
    ledger = Ledger(db)
    with pytest.raises(
        LedgerValueError, match=r"articles.publisher is 300 characters long; the ledger holds at most 256"
    ):
        ledger.add(_result(publisher="P" * 300))
    with pytest.raises(LedgerValueError, match="articles.title holds a NUL character"):
        ledger.add(_result(title="a\x00b"))
    with pytest.raises(LedgerValueError, match="articles.text holds a lone surrogate"):
        ledger.add(_result(TEXT + "\ud800"))
    assert ledger.counts()["articles"] == 0
    assert ledger.add(_result()) is not None
    other = Ledger(db)  # a second writer with the same content: skipped, not an error
    assert other.add(_result()) is None
    assert ledger.counts()["articles"] == 1


def test_values_are_validated_alike_on_sqlite(tmp_path: Path) -> None:
    _validation(str(tmp_path / "v.db"))


@pytest.mark.skipif(not ADMIN_URL, reason="CLAIMTRACK_TEST_PG is not set: no PostgreSQL server")
def test_values_are_validated_alike_on_postgres(pg_url: str) -> None:  # noqa: F811
    with pytest.raises(LedgerUnavailable, match="holds no ledger"):  # an empty database is no ledger to read
        Ledger(pg_url, read_only=True)
    _validation(pg_url)
