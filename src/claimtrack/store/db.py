"""Opening a ledger: SQLite by default, any SQLAlchemy URL (PostgreSQL) with ``--db``; schema via Alembic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event

DEFAULT_DB = "sqlite:///claimtrack.db"
MIGRATIONS = Path(__file__).with_name("migrations")


def normalise_url(db: str | None) -> str:
    """Accept a URL or a bare file path ("ledger.db")."""
    if not db:
        return DEFAULT_DB
    if "://" in db:
        return db
    return f"sqlite:///{db}"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def open_engine(db: str | None = None, migrate: bool = True) -> Engine:
    """An engine on an up-to-date ledger schema."""
    url = normalise_url(db)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    if migrate:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return engine
