"""The linking backend over the SQL tables: blocking queries, overrides, and writing clusters back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from claimtrack.link.linking import ledger_id
from claimtrack.link.pairs import DAY_TOLERANCE, Mention, linked
from claimtrack.store import changes
from claimtrack.store.schema import ArticleRow, EventRow, LedgerEventRow, LedgerFigureRow, LinkOverrideRow

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
MAX_SPAN = 366  # the widest date interval (a year), bounding the blocking range scan


class SqlBackend:
    """``relink``'s view of the ledger tables: blocking is an indexed range query per type group and country."""

    def __init__(self, s: Session, to_mention: Callable[[EventRow, ArticleRow], Mention]) -> None:
        self.s = s
        self.to_mention = to_mention
        self.cache: dict[str, Mention] = {}
        self.touched: set[str] = set()

    def _rows(self, q: Any) -> list[Mention]:
        out = []
        for ev, art in self.s.execute(q):
            key = ev.report_key or ""
            m = self.cache.get(key)
            if m is None:
                m = self.cache[key] = self.to_mention(ev, art)
            out.append(m)
        return out

    def neighbours(self, m: Mention) -> list[Mention]:
        q = (
            select(EventRow, ArticleRow)
            .join(ArticleRow, EventRow.article_id == ArticleRow.id)
            .where(
                EventRow.type_group == m.group,
                EventRow.date_lo <= m.hi + DAY_TOLERANCE,
                EventRow.date_lo >= m.lo - DAY_TOLERANCE - MAX_SPAN,
                EventRow.date_hi >= m.lo - DAY_TOLERANCE,
                EventRow.report_key != m.key,
            )
        )
        if m.country:
            q = q.where(or_(EventRow.country == m.country, EventRow.country.is_(None)))
        return [c for c in self._rows(q) if linked(m, c)]

    def by_keys(self, keys: set[str]) -> list[Mention]:
        missing = keys - self.cache.keys()
        if missing:
            self._rows(select(EventRow, ArticleRow).join(ArticleRow).where(EventRow.report_key.in_(missing)))
        return [self.cache[k] for k in keys if k in self.cache]

    def members(self, lids: set[str]) -> list[Mention]:
        if not lids:
            return []
        return self._rows(select(EventRow, ArticleRow).join(ArticleRow).where(EventRow.ledger_id.in_(lids)))

    def assignment(self, keys: set[str]) -> dict[str, str]:
        if not keys:
            return {}
        q = select(EventRow.report_key, EventRow.ledger_id).where(EventRow.report_key.in_(keys))
        return {k: lid for k, lid in self.s.execute(q) if k}

    def overrides(self, keys: set[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        rows = self.s.scalars(
            select(LinkOverrideRow).where(or_(LinkOverrideRow.a_key.in_(keys), LinkOverrideRow.b_key.in_(keys)))
        ).all()
        must = [(r.a_key, r.b_key) for r in rows if r.kind == "merge"]
        cannot = [(r.a_key, r.b_key) for r in rows if r.kind == "split"]
        return must, cannot

    def write(self, clusters: list[list[Mention]], old: set[str]) -> None:
        s = self.s
        keys = {x.key for ms in clusters for x in ms}
        rows = {r.report_key: r for r in s.scalars(select(EventRow).where(EventRow.report_key.in_(keys)))}
        changes.capture(s, old)
        s.execute(delete(LedgerEventRow).where(LedgerEventRow.ledger_id.in_(old)))
        s.execute(delete(LedgerFigureRow).where(LedgerFigureRow.ledger_id.in_(old)))
        for members in clusters:
            lid = ledger_id(members)
            anchor = min(members, key=lambda x: x.order)
            best = min(
                (rows[x.key] for x in members),
                key=lambda r: _PRECISION_RANK.get(str((r.data.get("date") or {}).get("precision")), 3),
            )
            for x in members:
                rows[x.key].ledger_id = lid
            self.touched.add(lid)
            s.add(
                LedgerEventRow(
                    ledger_id=lid,
                    anchor_key=anchor.key,
                    type=rows[anchor.key].type,
                    date_value=best.date_value,
                    country=next((rows[x.key].country for x in members if rows[x.key].country), None),
                    n_reports=len(members),
                )
            )
        changes.wrote(s, {ledger_id(ms) for ms in clusters})
        s.flush()
