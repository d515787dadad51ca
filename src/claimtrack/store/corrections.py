"""The analyst's corrections of a ledger: merging and splitting events by hand, listing and undoing them.

A correction is a must-link or cannot-link pair of report keys (``LinkOverrideRow``), so it survives re-ingest;
making or undoing one redraws the events those reports are in. ``Ledger`` takes these methods from ``Corrections``;
what they need of it (sessions, reports, mentions) is declared below for the type checker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from claimtrack.link.linking import relink
from claimtrack.store import changes
from claimtrack.store.backend import SqlBackend
from claimtrack.store.materialise import materialise
from claimtrack.store.schema import ArticleRow, EventRow, LedgerEventRow, LinkOverrideRow
from claimtrack.store.write import write_lock

if TYPE_CHECKING:
    from claimtrack.link.pairs import Mention
    from claimtrack.link.provenance import Report


class Corrections:
    """Hand corrections, mixed into ``Ledger``."""

    if TYPE_CHECKING:

        def session(self, write: bool = False) -> Session: ...

        @staticmethod
        def _mention(ev: EventRow, art: ArticleRow) -> Mention: ...

        def _reports(self, s: Session, ids: list[str]) -> dict[str, list[Report]]: ...

        def _merged(self, s: Session, ids: list[str]) -> dict[str, dict[str, Any]]: ...

    def _members(self, s: Session, ref: str) -> list[str]:
        """Report keys of a ledger event id (or its unique prefix), or the report key itself."""
        keys = list(s.scalars(select(EventRow.report_key).where(EventRow.ledger_id == ref)))
        if not keys:
            keys = list(s.scalars(select(EventRow.report_key).where(EventRow.report_key == ref)))
        if not keys:
            lid = self._by_prefix(s, ref)
            keys = list(s.scalars(select(EventRow.report_key).where(EventRow.ledger_id == lid))) if lid else []
        if not keys:
            raise KeyError(ref)
        return [k for k in keys if k]

    @staticmethod
    def _by_prefix(s: Session, ref: str) -> str | None:
        hits = list(
            s.scalars(select(LedgerEventRow.ledger_id).where(LedgerEventRow.ledger_id.startswith(ref)).limit(2))
        )
        return hits[0] if len(hits) == 1 else None

    def _set_override(self, s: Session, kind: str, a: str, b: str, note: str | None) -> None:
        a, b = sorted((a, b))
        other = "split" if kind == "merge" else "merge"
        s.execute(
            delete(LinkOverrideRow).where(
                LinkOverrideRow.kind == other, LinkOverrideRow.a_key == a, LinkOverrideRow.b_key == b
            )
        )
        exists = s.scalar(
            select(LinkOverrideRow.id).where(
                LinkOverrideRow.kind == kind, LinkOverrideRow.a_key == a, LinkOverrideRow.b_key == b
            )
        )
        if exists is None:
            s.add(LinkOverrideRow(kind=kind, a_key=a, b_key=b, note=note))

    def _relink_keys(self, s: Session, keys: list[str]) -> None:
        s.flush()
        be = SqlBackend(s, self._mention)
        touched: set[str] = set()
        for m in be.by_keys(set(keys)):
            step = SqlBackend(s, self._mention)
            relink(step, m, redraw=True)  # a correction changed: redraw the events these reports are in
            touched |= step.touched
        materialise(s, touched, self._reports)

    def merge(self, a: str, b: str, note: str | None = None) -> str:
        """Force ledger events (or reports) ``a`` and ``b`` into one; returns the merged ledger id."""
        with self.session(write=True) as s, s.begin():
            write_lock(s)
            changes.begin(s, f"merged by hand{': ' + note if note else ''}")
            ka, kb = self._members(s, a), self._members(s, b)
            anchor = min(ka + kb)
            for k in ka + kb:
                if k != anchor:
                    self._set_override(s, "merge", anchor, k, note)
            for x in ka:  # a merge lifts earlier splits between the two sides
                for y in kb:
                    lo, hi = sorted((x, y))
                    s.execute(
                        delete(LinkOverrideRow).where(
                            LinkOverrideRow.kind == "split", LinkOverrideRow.a_key == lo, LinkOverrideRow.b_key == hi
                        )
                    )
            self._relink_keys(s, ka + kb)
            changes.finish(s, lambda ids: self._merged(s, ids))
            return str(s.scalar(select(EventRow.ledger_id).where(EventRow.report_key == anchor)))

    def split(self, event: str, reports: list[str] | None = None, note: str | None = None) -> list[str]:
        """Split a ledger event: the given reports (keys or article ids) leave it; none given: every report
        becomes its own event. Returns the resulting ledger ids."""
        with self.session(write=True) as s, s.begin():
            write_lock(s)
            changes.begin(s, f"split by hand{': ' + note if note else ''}")
            keys = self._members(s, event)
            if reports:
                rows = s.execute(
                    select(EventRow.report_key, ArticleRow.doc_id).join(ArticleRow).where(EventRow.report_key.in_(keys))
                ).all()
                out = {str(k) for k, doc in rows if k in reports or doc in reports}
                if not out:
                    raise KeyError(", ".join(reports))
                pairs = [(x, y) for x in out for y in keys if y not in out]
            else:
                pairs = [(x, y) for i, x in enumerate(keys) for y in keys[i + 1 :]]
            for x, y in pairs:
                self._set_override(s, "split", x, y, note)
            self._relink_keys(s, keys)
            changes.finish(s, lambda ids: self._merged(s, ids))
            ids = s.scalars(select(EventRow.ledger_id).where(EventRow.report_key.in_(keys)).distinct())
            return sorted(ids)

    def overrides(self) -> list[dict[str, Any]]:
        """Every correction (merge or split), oldest first, with the ledger events its two reports are in now."""
        with self.session() as s:
            lid = {str(k): str(v) for k, v in s.execute(select(EventRow.report_key, EventRow.ledger_id))}
            return [
                {
                    "id": r.id,
                    "kind": r.kind,
                    "a": r.a_key,
                    "b": r.b_key,
                    "a_event": lid.get(r.a_key),
                    "b_event": lid.get(r.b_key),
                    "note": r.note,
                    "created_at": r.created_at.isoformat(sep=" ", timespec="seconds") if r.created_at else None,
                }
                for r in s.scalars(select(LinkOverrideRow).order_by(LinkOverrideRow.id))
            ]

    def undo(self, override_id: int) -> dict[str, Any]:
        """Remove one correction and re-link its reports as the rules alone decide; returns the removed one."""
        with self.session(write=True) as s, s.begin():
            write_lock(s)
            row = s.get(LinkOverrideRow, override_id)
            if row is None:
                raise KeyError(override_id)
            # every report of the events the two reports are in now, as merge and split relink them
            lids = set(s.scalars(select(EventRow.ledger_id).where(EventRow.report_key.in_([row.a_key, row.b_key]))))
            keys = [str(k) for k in s.scalars(select(EventRow.report_key).where(EventRow.ledger_id.in_(lids))) if k]
            gone = {"id": row.id, "kind": row.kind, "a": row.a_key, "b": row.b_key, "note": row.note}
            s.delete(row)
            self._relink_keys(s, keys)
            return gone
