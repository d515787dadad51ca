"""Provenance written into columns of ``ledger_events`` and rows of ``ledger_figures``.

The dossier (status, independent sources, figures) is computed in Python from the reports; storing its result
lets SQL users (sqlite3, datasette, psql) and the ``--status`` filter query it without running claimtrack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from claimtrack.link.provenance import Report, ledger_event
from claimtrack.store.schema import LedgerEventRow, LedgerFigureRow

INT64 = 2**63 - 1


def int64(value: int | None) -> int | None:
    """``value`` when a 64-bit SQL integer holds it, else None (the exact figure stays in the JSON and text)."""
    return value if value is None or -INT64 - 1 <= value <= INT64 else None


def materialise(
    s: Session, lids: Iterable[str], reports_of: Callable[[Session, list[str]], dict[str, list[Report]]]
) -> None:
    ids = sorted(set(lids))
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        reports = reports_of(s, part)
        s.execute(delete(LedgerFigureRow).where(LedgerFigureRow.ledger_id.in_(part)))
        for row in s.scalars(select(LedgerEventRow).where(LedgerEventRow.ledger_id.in_(part))):
            if row.ledger_id not in reports:
                continue
            ev = ledger_event(row.ledger_id, reports[row.ledger_id])
            row.status = ev.status
            row.independent_sources = ev.independent_sources
            row.fatalities = int64(ev.fatalities)
            row.injured = int64(ev.injured)
            row.sources = [src.entity for src in ev.sources]
            for role, figures in ev.figures.items():
                for f in figures:
                    s.add(
                        LedgerFigureRow(
                            ledger_id=row.ledger_id,
                            role=role,
                            value=int64(f.value),
                            value_text=str(f.value),
                            source=f.source,
                            superseded=f.superseded,
                        )
                    )
    s.flush()
