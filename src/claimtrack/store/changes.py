"""What changed in the ledger: a row per ledger event a write created, grew, re-rated or merged, with the reason.

Linking redraws clusters inside one transaction, possibly several times (once per event of a new article).
The first time a stored ledger event is about to be redrawn its state is kept as the baseline; when the
transaction ends, each ledger event it wrote is compared with the baselines whose reports it now holds.
Status and figures are computed when the ledger is read (``ledger_event``), so each ledger event keeps the
summary it had when last written: the "before" of its next change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.store.schema import EventChangeRow, EventRow, LedgerEventRow

ChangeKind = Literal["new", "reports", "status", "figures", "merged", "split", "renamed"]


class LedgerChange(BaseModel):
    """One line of ``claimtrack changes`` / ``GET /api/changes`` (schema/changes.schema.json)."""

    model_config = ConfigDict(extra="forbid")

    at: str = Field(description="when the change was written, ISO 8601 in UTC")
    event: str = Field(description="ledger event id")
    kind: ChangeKind = Field(description="new, reports, status, figures, merged, split or renamed")
    reason: str = Field(description="what changed and the report or correction that changed it")
    before: dict[str, Any] | None = Field(description="summary before the change; null for a new event")
    after: dict[str, Any] | None = Field(description="summary after; null when the event's reports moved away")


def summary(ev: dict[str, Any]) -> dict[str, Any]:
    """The part of a ledger event that a change is about: its reports, status and current figures."""
    figures = {
        role: sorted({f"{f['value']} per {f['source']}" for f in rows if not f.get("superseded")})
        for role, rows in (ev.get("figures") or {}).items()
    }
    return {
        "type": ev.get("type"),
        "date": (ev.get("date") or {}).get("value"),
        "status": ev.get("status"),
        "independent_sources": ev.get("independent_sources"),
        "reports": len(ev.get("reports") or []),
        "articles": sorted({str(r.get("article_id")) for r in ev.get("reports") or []}),
        "figures": {k: v for k, v in figures.items() if v},
    }


@dataclass
class _Baseline:
    keys: set[str]
    summary: dict[str, Any] | None
    n_reports: int


@dataclass
class Pending:
    """The changes of one transaction, collected while linking writes."""

    cause: str
    baseline: dict[str, _Baseline] = field(default_factory=dict)
    written: set[str] = field(default_factory=set)


def begin(s: Session, cause: str) -> None:
    s.info["changes"] = Pending(cause)


def capture(s: Session, old: set[str]) -> None:
    """Called by linking before it deletes and rewrites ``old`` ledger events."""
    p: Pending | None = s.info.get("changes")
    if p is None:
        return
    todo = old - p.written - p.baseline.keys()
    if not todo:
        return
    rows = list(s.scalars(select(LedgerEventRow).where(LedgerEventRow.ledger_id.in_(todo))))
    if not rows:
        return
    keys: dict[str, set[str]] = {}
    q = select(EventRow.ledger_id, EventRow.report_key).where(EventRow.ledger_id.in_([r.ledger_id for r in rows]))
    for lid, key in s.execute(q):
        keys.setdefault(lid, set()).add(key or "")
    for r in rows:
        p.baseline[r.ledger_id] = _Baseline(keys.get(r.ledger_id, set()), r.summary, r.n_reports)


def wrote(s: Session, lids: set[str]) -> None:
    p: Pending | None = s.info.get("changes")
    if p is not None:
        p.written |= lids


def _figure_reason(before: dict[str, Any], after: dict[str, Any]) -> str | None:
    parts = []
    for role in sorted(set(before.get("figures", {})) | set(after.get("figures", {}))):
        old, new = before.get("figures", {}).get(role, []), after.get("figures", {}).get(role, [])
        if old != new:
            parts.append(f"{role}: {', '.join(old) or 'none'} -> {', '.join(new) or 'none'}")
    return "; ".join(parts) or None


def _compare(
    lid: str, keys: set[str], after: dict[str, Any], olds: list[tuple[str, _Baseline]], cause: str
) -> list[tuple[str, str]]:
    """(kind, reason) pairs for one written ledger event against the baselines whose reports it holds."""
    if not olds:
        return [("new", f"new event ({after['type']}, {after['date'] or 'undated'}): {cause}")]
    out: list[tuple[str, str]] = []
    others = [o for o, _ in olds if o != lid]
    if len(olds) == 1 and keys < olds[0][1].keys:
        old, b = olds[0]
        what = "reports split off" if old == lid else f"split from {old}"
        out.append(("split", f"{what} ({b.n_reports} -> {after['reports']} reports): {cause}"))
    elif len(olds) == 1 and others:  # the same event under the id of its new earliest report
        cause = f"{cause}; was {others[0]}"
    elif others:
        out.append(("merged", f"now holds the reports of {', '.join(sorted(others))}: {cause}"))
    before = max((b for _, b in olds), key=lambda b: b.n_reports)
    prev = before.summary or {}
    n_before = sum(b.n_reports for _, b in olds)
    if after["reports"] > n_before:
        out.append(("reports", f"{n_before} -> {after['reports']} reports: {cause}"))
    if prev and prev.get("status") != after["status"]:
        out.append(
            (
                "status",
                f"{prev.get('status')} -> {after['status']} (independent sources {prev.get('independent_sources')}"
                f" -> {after['independent_sources']}): {cause}",
            )
        )
    fig = _figure_reason(prev, after) if prev else None
    if fig:
        out.append(("figures", f"{fig}: {cause}"))
    return out


def finish(s: Session, events: Callable[[list[str]], dict[str, dict[str, Any]]]) -> None:
    """Write the change rows of the transaction and each written event's new summary."""
    p: Pending | None = s.info.pop("changes", None)
    if p is None or not p.written:
        return
    s.flush()
    rows = {r.ledger_id: r for r in s.scalars(select(LedgerEventRow).where(LedgerEventRow.ledger_id.in_(p.written)))}
    merged = events(sorted(rows))
    now = datetime.now(UTC).replace(tzinfo=None)
    members: dict[str, set[str]] = {}
    for lid, key in s.execute(select(EventRow.ledger_id, EventRow.report_key).where(EventRow.ledger_id.in_(rows))):
        members.setdefault(lid, set()).add(key or "")
    preds: dict[str, list[str]] = {}
    for lid, row in sorted(rows.items()):
        ev = merged.get(lid)
        if ev is None:
            continue
        after = summary(ev)
        olds = [(o, b) for o, b in p.baseline.items() if b.keys & members.get(lid, set())]
        preds[lid] = [o for o, _ in olds]
        for kind, reason in _compare(lid, members.get(lid, set()), after, olds, p.cause):
            s.add(EventChangeRow(at=now, ledger_id=lid, kind=kind, reason=reason, before=_before(olds), after=after))
        row.summary = after
    for old, b in p.baseline.items():  # a stored event whose reports went to other ids (a split, a re-anchor)
        if old not in rows:
            now_in = sorted(lid for lid in rows if b.keys & members.get(lid, set()))
            renamed = len(now_in) == 1 and preds.get(now_in[0]) == [old]
            kind = "renamed" if renamed else "split" if len(now_in) > 1 else "merged"
            reason = (
                f"now {now_in[0]}: an earlier report became its anchor"
                if renamed
                else f"its reports are now in {', '.join(now_in) or 'no event'}"
            )
            s.add(
                EventChangeRow(
                    at=now,
                    ledger_id=old,
                    kind=kind,
                    reason=f"{reason}: {p.cause}",
                    before=b.summary,
                    after=None,
                )
            )
    s.flush()


def _before(olds: list[tuple[str, _Baseline]]) -> dict[str, Any] | None:
    if not olds:
        return None
    return max((b for _, b in olds), key=lambda b: b.n_reports).summary


def read(s: Session, since: datetime | None = None, limit: int | None = None) -> list[LedgerChange]:
    q = select(EventChangeRow).order_by(EventChangeRow.at, EventChangeRow.id)
    if since is not None:  # stored as naive UTC
        q = q.where(EventChangeRow.at >= (since.astimezone(UTC).replace(tzinfo=None) if since.tzinfo else since))
    if limit:
        q = q.limit(limit)
    return [
        LedgerChange(
            at=r.at.replace(tzinfo=UTC).isoformat(),
            event=r.ledger_id,
            kind=r.kind,
            reason=r.reason,
            before=r.before,
            after=r.after,
        )
        for r in s.scalars(q)
    ]
