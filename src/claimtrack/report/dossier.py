"""``claimtrack show``: one ledger event's dossier for a person.

Timeline of reports, who said what (with relay chains), per-figure table and contradictions.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimtrack.models import LedgerEvent
from claimtrack.report.tables import cells

_STATUS_STYLE = {"confirmed": "green", "claimed": "yellow", "disputed": "red", "denied": "magenta"}


def _place(loc: dict[str, Any] | None) -> str:
    if not loc:
        return "—"
    parts = [loc.get("name"), loc.get("admin1") if loc.get("admin1") != loc.get("name") else None, loc.get("country")]
    return ", ".join(p for p in parts if p)


def contradiction_text(c: dict[str, Any]) -> str:
    if c["kind"] == "figure":
        vals = " vs ".join(f"{v['value']} per {', '.join(v['sources'])}" for v in c["values"])
        return f"{c['role']}: {vals}"
    if c["kind"] == "denial":
        return f"asserted by {', '.join(c['asserted_by'])}; denied by {', '.join(c['denied_by'])}"
    vals = ", ".join(f"{v['entity']} per {v['source']}" for v in c.get("values", []))
    return f"{c['kind']}: {vals}"


def dossier_panel(event: LedgerEvent | dict[str, Any]) -> Panel:
    ev = event if isinstance(event, dict) else event.model_dump(mode="json")
    date = (ev.get("date") or {}).get("value") or "undated"
    status = ev.get("status", "claimed")
    head = Table.grid(padding=(0, 1))
    head.add_row(Text("type", "bold"), Text(ev["type"]), Text("date", "bold"), Text(date))
    head.add_row(
        Text("place", "bold"),
        Text(_place(ev.get("location"))),
        Text("status", "bold"),
        Text(status, _STATUS_STYLE.get(status, "white")),
    )
    actors = " → ".join(
        x for x in ((ev.get("initiator") or {}).get("entity"), (ev.get("target") or {}).get("entity")) if x
    )
    head.add_row(
        Text("actors", "bold"),
        Text(actors or "—"),
        Text("independent sources", "bold"),
        str(ev.get("independent_sources")),
    )
    head.add_row(Text("weapons", "bold"), Text(", ".join(w["name"] for w in ev.get("weapons") or []) or "—"), "", "")
    if ev.get("status_reason"):  # why the status: which sides assert, deny, or gave which figures
        head.add_row(Text("why", "bold"), Text(ev["status_reason"]), "", "")

    timeline = Table(title="timeline of reports", title_justify="left", expand=True)
    for col in ("published", "publisher", "title", "via", "article"):
        timeline.add_column(col, overflow="fold")
    for r in ev.get("reports") or []:
        via = ", ".join(r.get("via") or [])
        if r.get("syndicated_from"):
            via = (via + "; " if via else "") + f"copy of {r['syndicated_from']}"
        timeline.add_row(
            *cells(
                r.get("published") or "",
                r.get("publisher") or "",
                r.get("title") or "",
                via,
                f"{r['article_id']}#{r['event_id']}",
            )
        )

    who = Table(title="who says what", title_justify="left", expand=True)
    for col in ("source", "kind", "side", "stance", "relay chain"):
        who.add_column(col, overflow="fold")
    for s in ev.get("sources") or []:
        who.add_row(
            *cells(s["entity"], s["kind"], s.get("side") or "", ", ".join(s["stances"]), "\n".join(s["chains"]))
        )

    figs = Table(title="figures", title_justify="left", expand=True)
    for col in ("role", "value", "per", "via", "note"):
        figs.add_column(col, overflow="fold")
    for role, rows in sorted((ev.get("figures") or {}).items()):
        for f in rows:
            figs.add_row(
                *cells(
                    role,
                    str(f["value"]),
                    f["source"],
                    " → ".join(f.get("via") or []),
                    "; ".join(
                        x
                        for x in (
                            "superseded by a later figure" if f.get("superseded") else "",
                            f"unconfirmed by {', '.join(f['unconfirmed_by'])}" if f.get("unconfirmed_by") else "",
                            f"denied by {', '.join(f['denied_by'])}" if f.get("denied_by") else "",
                        )
                        if x
                    ),
                )
            )

    parts: list[Any] = [head, timeline, who, figs]
    cons = ev.get("contradictions") or []
    parts.append(Text("contradictions: " + ("; ".join(contradiction_text(c) for c in cons) if cons else "none")))
    return Panel(Group(*parts), title=Text(ev["id"], "bold"), title_align="left")
