"""What every ledger write shares, whichever the backend: one validation of values, one write lock,
insert-or-skip of articles, and retries of transactions that lost a race.

SQLite and PostgreSQL disagree on what they store (SQLite keeps a NUL character and a 300-character
publisher in a ``String(256)`` column; PostgreSQL refuses both), so values are checked here, against the
column types of ``schema``, before either sees them.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy import Table, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

WRITE_LOCK = 0x636C7772  # PostgreSQL advisory lock key of ledger writes ("clwr")
RETRIES = 6
_TRANSIENT_PG = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available
T = TypeVar("T")


class LedgerValueError(ValueError):
    """A value no backend of the ledger may store (too long for its column, or holding a NUL)."""


def _bad_string(value: str) -> str | None:
    if "\x00" in value:
        return "holds a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "holds a lone surrogate (not valid Unicode)"
    return None


def _walk_json(value: Any, field: str) -> None:
    if isinstance(value, str):
        problem = _bad_string(value)
        if problem:
            raise LedgerValueError(f"{field} {problem}")
    elif isinstance(value, dict):
        for k, v in value.items():
            _walk_json(k, field)
            _walk_json(v, field)
    elif isinstance(value, list | tuple):
        for v in value:
            _walk_json(v, field)
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 2**63:
        raise LedgerValueError(f"{field} holds an integer beyond 64 bits")


def check_values(table: Table, values: dict[str, Any]) -> None:
    """Raise ``LedgerValueError`` unless every value fits its column of ``table`` on every backend."""
    for col in table.columns:
        value = values.get(col.key)
        if value is None:
            continue
        field = f"{table.name}.{col.key}"
        if isinstance(value, str):
            problem = _bad_string(value)
            if problem:
                raise LedgerValueError(f"{field} {problem}")
            length = getattr(col.type, "length", None)
            if length is not None and len(value) > length:
                raise LedgerValueError(f"{field} is {len(value):,} characters long; the ledger holds at most {length}")
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 2**63:
            raise LedgerValueError(f"{field} is an integer beyond 64 bits")
        elif isinstance(value, dict | list):
            _walk_json(value, field)


def check_rows(rows: Iterable[Any]) -> None:
    """``check_values`` for ORM objects about to be flushed (``session.new``)."""
    for row in rows:
        table = row.__table__
        check_values(table, {c.key: getattr(row, c.key, None) for c in table.columns})


def write_lock(s: Session) -> None:
    """Serialise ledger writes: on PostgreSQL an advisory lock held to the end of the transaction (relinking
    rewrites ledger_events rows other writers may be rewriting); on SQLite the transaction's BEGIN IMMEDIATE
    already holds the database's one write lock."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})


def transient(exc: BaseException) -> bool:
    """A failure that a retry of the whole transaction can cure: a busy SQLite file, a PostgreSQL
    serialization failure or deadlock."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _TRANSIENT_PG:
        return True
    msg = str(orig).lower()
    return "database is locked" in msg or "database table is locked" in msg or "database is busy" in msg


def retrying(fn: Callable[[], T], retries: int = RETRIES) -> T:
    """``fn()``, run again (with jittered back-off) after a transient failure, at most ``retries`` times."""
    for attempt in range(retries + 1):
        try:
            return fn()
        except DBAPIError as exc:
            if attempt == retries or not transient(exc):
                raise
            time.sleep(min(2.0, 0.05 * 2**attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")


def insert_or_skip(s: Session, table: Table, values: dict[str, Any], unique: str) -> int | None:
    """Insert one row and return its id, or None when a row with the same ``unique`` value exists (also
    one a concurrent writer has just committed): ``INSERT ... ON CONFLICT DO NOTHING RETURNING id``."""
    check_values(table, values)
    dialect = s.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert = sqlite_insert if dialect == "sqlite" else pg_insert
        stmt = insert(table).values(**values).on_conflict_do_nothing(index_elements=[unique])
        return s.scalar(stmt.returning(table.c.id))
    if s.scalar(select(table.c.id).where(table.c[unique] == values[unique])) is not None:
        return None
    return s.scalar(table.insert().values(**values).returning(table.c.id))
