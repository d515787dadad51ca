"""Opening a ledger: SQLite by default, any SQLAlchemy URL (PostgreSQL) with ``--db``; schema via Alembic.

Writers and readers open differently. A writer's engine brings the schema up to date under a lock, so
that two processes starting on a fresh ledger do not both create its tables (SQLite: an exclusive
transaction; PostgreSQL: an advisory lock), and on SQLite begins every transaction with ``BEGIN IMMEDIATE``
so concurrent writers queue on the busy timeout instead of failing mid-transaction. A reader never
migrates, opens read-only, and refuses a ledger that does not exist or is older than this version.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import QueuePool

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic (0.8 s to import) is loaded only to migrate: reading the revision and finding the head need it not,
# so read commands start fast.

DEFAULT_DB = "sqlite:///claimtrack.db"
MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_S = 60.0
"""How long a SQLite writer waits for another writer's transaction before ``database is locked``."""
MIGRATION_LOCK = 0x636C6D67  # PostgreSQL advisory lock key of schema migrations ("clmg")


class LedgerUnavailable(RuntimeError):
    """A reader's ledger that does not exist, or whose schema this version cannot read."""


def normalise_url(db: str | None) -> str:
    """Accept a URL or a bare file path ("ledger.db")."""
    if not db:
        return DEFAULT_DB
    if "://" in db:
        return db
    return f"sqlite:///{db}"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for other backends and in-memory databases."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@lru_cache(maxsize=1)
def head_revision() -> str | None:
    """The newest migration: files are ``NNNN_*.py`` with revision "NNNN", a linear history (a test checks
    this against Alembic's own ScriptDirectory)."""
    ids = [m.group(1) for p in (MIGRATIONS / "versions").glob("*.py") if (m := re.match(r"(\d{4})_", p.name))]
    return max(ids) if ids else None


def current_revision(conn: Connection) -> str | None:
    """The ledger's schema revision (Alembic's ``alembic_version`` table); None for an empty database."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("select version_num from alembic_version")).scalar()


def _upgrade(conn: Connection) -> None:
    from alembic import command

    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


def _sqlite_writer(dbapi_conn: Any, _record: Any) -> None:
    # Driver-level autocommit: transactions are begun by the "begin" hook below, as SQLAlchemy's pysqlite
    # documentation recommends, so that BEGIN IMMEDIATE (not Python's deferred BEGIN) starts them.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cur.close()


WRITE = {"claimtrack_write": True}
"""Execution options of a writing transaction (``engine.execution_options(**WRITE)``)."""


def _begin(conn: Connection) -> None:
    options = conn.get_execution_options()
    if options.get("isolation_level") == "AUTOCOMMIT":  # the migration begins its own
        return
    # a write takes SQLite's one write lock at its start, so writers queue on the busy timeout rather than
    # fail when a read-then-write transaction finds another writer ahead; reads stay deferred and never wait
    conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("claimtrack_write") else "BEGIN")


def _migrate_sqlite(engine: Engine) -> None:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")  # persistent in the file; not allowed in a transaction
        conn.exec_driver_sql("BEGIN EXCLUSIVE")
        try:
            if current_revision(conn) != head_revision():  # another process may have migrated meanwhile
                _upgrade(conn)
            conn.exec_driver_sql("COMMIT")
        except BaseException:
            conn.exec_driver_sql("ROLLBACK")
            raise


def _migrate_locked(engine: Engine) -> None:
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # held to the end of this transaction
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
        if current_revision(conn) != head_revision():
            _upgrade(conn)


def migrate(db: str | None = None) -> tuple[str | None, str | None]:
    """Create or upgrade the ledger's schema under a lock; returns (revision before, revision after)."""
    engine = _writer_engine(normalise_url(db))
    try:
        with engine.connect() as conn:
            before = current_revision(conn)
        if before != head_revision():
            (_migrate_sqlite if engine.dialect.name == "sqlite" else _migrate_locked)(engine)
        return before, head_revision()
    finally:
        engine.dispose()


def _writer_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _sqlite_writer)
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(url)


def _reader_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        if not path.is_file():
            raise LedgerUnavailable(f"no ledger at {path}: create one with `claimtrack ingest` or `claimtrack migrate`")
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        return create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_S),
            poolclass=QueuePool,  # as for a file URL; the in-memory default would be one connection per thread
        )
    if make_url(url).get_backend_name() == "postgresql":
        return create_engine(url, execution_options={"postgresql_readonly": True})
    return create_engine(url)


def open_engine(db: str | None = None, migrate: bool = True, read_only: bool = False) -> Engine:
    """An engine on the ledger ``db``: a writer's, with the schema brought up to date (``migrate``), or a
    reader's (``read_only``), which refuses a missing or out-of-date ledger with ``LedgerUnavailable``."""
    url = normalise_url(db)
    if read_only:
        engine = _reader_engine(url)
        try:
            with engine.connect() as conn:
                rev = current_revision(conn)
        except Exception as exc:
            engine.dispose()
            raise LedgerUnavailable(f"cannot read the ledger at {_shown(url)}: {exc}") from exc
        if rev is None:
            engine.dispose()
            raise LedgerUnavailable(f"{_shown(url)} holds no ledger: create one with `claimtrack migrate`")
        if rev != head_revision():
            engine.dispose()
            raise LedgerUnavailable(
                f"the ledger at {_shown(url)} has schema {rev}, this version reads {head_revision()}: "
                "run `claimtrack migrate`"
            )
        return engine
    engine = _writer_engine(url)
    if migrate:
        with engine.connect() as conn:
            rev = current_revision(conn)
        if rev != head_revision():
            (_migrate_sqlite if engine.dialect.name == "sqlite" else _migrate_locked)(engine)
    return engine


def _shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)
