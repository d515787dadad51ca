"""The event page's dossier: the ledger event plus who says what (claim text, relay chain) and why its status."""

from __future__ import annotations

from typing import Any

from claimtrack.link.provenance import Report, statements
from claimtrack.report.dossier import contradiction_text


def statement_rows(reports: list[Report]) -> list[dict[str, Any]]:
    """Every position each report records, with the claim's own words where a claim carries it."""
    out = []
    for rep in sorted(reports, key=lambda r: (r.published or "", r.article_hash, r.event.id)):
        for st in statements(rep):
            claim = rep.claims.get(st.claim) if st.claim else None
            out.append(
                {
                    "source": st.original,
                    "kind": st.kind,
                    "side": st.side,
                    "stance": st.stance,
                    "text": claim.content.text if claim else None,
                    "cue": claim.cue.text if claim else None,
                    "chain": list(st.chain),
                    "article_id": rep.article_id,
                    "published": rep.published,
                    "said_on": st.said_on,
                    "url": rep.url,
                    "own_reporting": st.own_reporting,
                }
            )
    return out


def status_reason(ev: dict[str, Any]) -> str:
    """One sentence on why the ledger gives this status (``link.provenance.dossier`` decides it)."""
    if ev.get("status_reason"):
        return str(ev["status_reason"])
    status = ev.get("status")
    cons = ev.get("contradictions") or []
    n = ev.get("independent_sources") or 0
    if status == "denied":
        denied = next((c["denied_by"] for c in cons if c["kind"] == "denial"), None)
        who = (
            ", ".join(denied)
            if denied
            else ", ".join(s["entity"] for s in ev.get("sources") or [] if "denies" in s["stances"])
        )
        return f"denied by {who or 'its sources'}, and no independent source asserts it"
    if status == "disputed":
        return "sources disagree: " + "; ".join(contradiction_text(c) for c in cons)
    if status == "confirmed":
        return f"{n} independent sources assert it, with no contradiction between them"
    return f"{n} independent source{'s' if n != 1 else ''}: not yet confirmed by a second, independent side"
