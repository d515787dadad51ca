"""Rich tables for ``--format table``: what an analyst reads at the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimtrack.models import DocumentResult, Event, LedgerEvent


def cells(*values: str) -> list[Text]:
    """Article-derived strings as plain ``Text``: Rich never reads "[/b]" or "[pictured]" in them as markup."""
    return [Text(v) for v in values]


def _trim(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _figures(ev: Event | dict[str, Any]) -> str:
    """ "6 missile launched, 5 missile intercepted": unit shown so drones and missiles are not summed by eye."""
    qs = [q.model_dump() for q in ev.quantities] if isinstance(ev, Event) else ev.get("quantities") or []
    return ", ".join(
        " ".join(str(x) for x in (q.get("value"), q.get("unit"), q.get("role")) if x not in (None, "")) for q in qs
    )


def _place(loc: Any) -> str:
    if not loc:
        return ""
    name = loc.name if hasattr(loc, "name") else loc.get("name")
    country = loc.country if hasattr(loc, "country") else loc.get("country")
    return f"{name} ({country})" if country else str(name)


def _actor(a: Any) -> str:
    if not a:
        return ""
    return (a.entity or a.text) if hasattr(a, "entity") else (a.get("entity") or a.get("text") or "")


def document_panel(res: DocumentResult) -> Panel:
    art = res.article
    head = Table.grid(padding=(0, 1))
    bold = "bold"
    head.add_row(
        Text("publisher", bold), Text(art.publisher or "—"), Text("published", bold), Text(art.published or "—")
    )
    head.add_row(Text("title", bold), Text(art.title or "—"), Text("via", bold), Text(", ".join(art.via) or "—"))

    events = Table(title="events", title_justify="left", expand=True)
    for col in ("id", "type", "date", "place", "who → whom", "weapons", "figures", "status"):
        events.add_column(col, overflow="fold")
    for ev in res.events:
        events.add_row(
            *cells(
                ev.id,
                ev.type + ("" if ev.modality == "asserted" else f" ({ev.modality})"),
                ev.date.value if ev.date else "",
                _place(ev.location),
                " → ".join(x for x in (_actor(ev.initiator), _actor(ev.target)) if x),
                ", ".join(w.name for w in ev.weapons),
                _figures(ev),
                ev.status,
            )
        )

    claims = Table(title="claims", title_justify="left", expand=True)
    for col in ("id", "source", "stance", "cue", "content"):
        claims.add_column(col, overflow="fold")
    for c in res.claims:
        src = c.source
        who = (src.entity or src.text) if src else "—"
        if src and src.anonymous:
            who += " (anonymous)"
        if c.via:
            who += " via " + " → ".join(c.via)
        claims.add_row(*cells(c.id, who, c.stance, c.cue.text, _trim(c.content.text)))

    places = Text(
        "places: "
        + (", ".join(sorted({f"{p.name} ({p.country})" if p.country else p.name for p in res.places})) or "—")
    )
    return Panel(Group(head, events, claims, places), title=Text(res.id, "bold"), title_align="left")


def print_documents(results: list[DocumentResult], console: Console) -> None:
    for res in results:
        console.print(document_panel(res))


def events_table(rows: list[LedgerEvent] | list[dict[str, Any]]) -> Table:
    events = [ev if isinstance(ev, dict) else ev.model_dump(mode="json") for ev in rows]
    table = Table(title=f"{len(events)} ledger events", title_justify="left", expand=True)
    for col in ("event", "date", "type", "place", "who → whom", "figures", "status", "independent", "reports"):
        table.add_column(col, overflow="fold")
    for ev in events:
        table.add_row(
            *cells(
                ev["id"],
                (ev.get("date") or {}).get("value", ""),
                ev["type"],
                _place(ev.get("location")),
                " → ".join(x for x in (_actor(ev.get("initiator")), _actor(ev.get("target"))) if x),
                _figures(ev),
                ev.get("status", ""),
                str(ev.get("independent_sources", "")),
                str(len(ev.get("reports") or [])),
            )
        )
    return table
