"""Read-side queries the web desk needs beyond ``Ledger.events``: what changed, events by id, and reports.

Kept apart from ``ledger.py`` (which writes and links) so readers never depend on the write path's
internals beyond ``Ledger._reports``, the one place reports are assembled from rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import select

from claimtrack.link.provenance import Report, ledger_event
from claimtrack.store.ledger import Ledger
from claimtrack.store.schema import EventRow, LedgerEventRow

Stamp = tuple[str, int, str]
"""What identifies one version of a ledger event: anchor report key, report count, last rewrite time."""


def stamps(ledger: Ledger) -> dict[str, Stamp]:
    """Every ledger id with its version stamp: one narrow indexed scan, cheap enough to poll."""
    q = select(LedgerEventRow.ledger_id, LedgerEventRow.anchor_key, LedgerEventRow.n_reports, LedgerEventRow.updated_at)
    with ledger.session() as s:
        return {lid: (anchor, int(n), str(at)) for lid, anchor, n, at in s.execute(q)}


def events_by_ids(ledger: Ledger, ids: Iterable[str], chunk: int = 400) -> Iterator[dict[str, Any]]:
    """Ledger events for ``ids`` (missing ids are skipped), built ``chunk`` at a time to bound memory."""
    todo = list(ids)
    with ledger.session() as s:
        for i in range(0, len(todo), chunk):
            part = todo[i : i + chunk]
            reports = ledger._reports(s, part)
            for lid in part:
                if lid in reports:
                    yield ledger_event(lid, reports[lid]).model_dump(mode="json")


def resolve(ledger: Ledger, ref: str) -> str | None:
    """A ledger id from a ledger id, a report key, or a unique prefix of a ledger id (indexed lookups only)."""
    with ledger.session() as s:
        lid = s.scalar(select(LedgerEventRow.ledger_id).where(LedgerEventRow.ledger_id == ref))
        if lid is None:
            lid = s.scalar(select(EventRow.ledger_id).where(EventRow.report_key == ref).limit(1))
        if lid is None and len(ref) >= 4:
            # a range on the primary key, not LIKE (which SQLite cannot answer from the index)
            upper = ref[:-1] + chr(ord(ref[-1]) + 1)
            q = select(LedgerEventRow.ledger_id).where(
                LedgerEventRow.ledger_id >= ref, LedgerEventRow.ledger_id < upper
            )
            hits = list(s.scalars(q.limit(2)))
            lid = hits[0] if len(hits) == 1 else None
        return lid


def event_with_reports(ledger: Ledger, lid: str) -> tuple[dict[str, Any], list[Report]] | None:
    """One ledger event and the reports it was built from (claims included), for the event page."""
    with ledger.session() as s:
        reports = ledger._reports(s, [lid]).get(lid)
    if not reports:
        return None
    return ledger_event(lid, reports).model_dump(mode="json"), reports
