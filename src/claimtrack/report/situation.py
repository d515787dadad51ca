"""``claimtrack report``: a situation report in Markdown or HTML, grouped by day and region."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from claimtrack.report.dossier import contradiction_text

_env = Environment(
    loader=PackageLoader("claimtrack.report", "templates"),
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _region(ev: dict[str, Any]) -> str:
    loc = ev.get("location") or {}
    parts = [loc.get("admin1"), loc.get("country")]
    return ", ".join(p for p in parts if p) or "unlocated"


def _figure(f: dict[str, Any]) -> str:
    text = f"{f['value']} per {f['source']}"
    if f.get("unconfirmed_by"):
        text += f", unconfirmed by {', '.join(f['unconfirmed_by'])}"
    if f.get("denied_by"):
        text += f", denied by {', '.join(f['denied_by'])}"
    return text


def _figures(ev: dict[str, Any]) -> list[str]:
    out = []
    for role, rows in sorted((ev.get("figures") or {}).items()):
        live = [f for f in rows if not f.get("superseded")]
        out.append(f"{role}: " + "; ".join(_figure(f) for f in live))
    return out


def situation(events: list[dict[str, Any]], since: str | None = None, country: str | None = None) -> dict[str, Any]:
    """The report's content: days (newest first) -> regions -> events."""
    days: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for ev in events:
        day = (ev.get("date") or {}).get("value") or "undated"
        loc = ev.get("location") or {}
        days[day][_region(ev)].append(
            {
                "id": ev["id"],
                "type": ev["type"].replace("_", " "),
                "date": day,
                "place": loc.get("name") or "—",
                "status": ev.get("status"),
                "independent_sources": ev.get("independent_sources"),
                "sources": [s["entity"] for s in ev.get("sources") or []],
                "figures": _figures(ev),
                "contradictions": [contradiction_text(c) for c in ev.get("contradictions") or []],
                "reports": len(ev.get("reports") or []),
            }
        )
    ordered = [
        {"day": d, "regions": [{"region": r, "events": days[d][r]} for r in sorted(days[d])]}
        for d in sorted(days, reverse=True)
    ]
    statuses: dict[str, int] = defaultdict(int)
    for ev in events:
        statuses[str(ev.get("status"))] += 1
    return {"since": since, "country": country, "days": ordered, "total": len(events), "statuses": dict(statuses)}


def render(events: list[dict[str, Any]], fmt: str = "md", since: str | None = None, country: str | None = None) -> str:
    ctx = situation(events, since=since, country=country)
    return _env.get_template(f"situation.{fmt}.j2").render(**ctx)
