"""Opening a ledger: SQLite by default, any SQLAlchemy URL (PostgreSQL) with ``--db``; schema via Alembic."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from alembic.config import Config

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
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest migration's id: files are named ``NNNN_*.py`` with revision "NNNN" (a linear history)."""
    ids = [m.group(1) for p in (MIGRATIONS / "versions").glob("*.py") if (m := re.match(r"(\d{4})_", p.name))]
    return max(ids)


def _at_head(engine: Engine) -> bool:
    """Whether the ledger is already migrated: then Alembic (0.8 s to import) is not loaded at all."""
    try:
        with engine.connect() as conn:
            return conn.execute(text("select version_num from alembic_version")).scalar() == head_revision()
    except SQLAlchemyError:
        return False


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
    if migrate and not _at_head(engine):
        from alembic import command

        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return engine
