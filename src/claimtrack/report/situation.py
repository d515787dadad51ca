"""``claimtrack report``: a situation report in Markdown or HTML, grouped by day and region."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from jinja2 import Environment, PackageLoader

from claimtrack.models import LedgerEvent
from claimtrack.report.dossier import contradiction_text

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&])")


def _md(value: Any) -> Any:
    """Markdown output: article text shown as text, never as markup, links or raw HTML; one line per value."""
    if not isinstance(value, str):
        return value
    return _MD_SPECIAL.sub(r"\\\1", " ".join(value.split()))


def _autoescape(name: str | None) -> bool:
    # every HTML template, whatever its suffix ("situation.html.j2" escaped nothing under select_autoescape)
    return bool(name) and ".html" in str(name)


_env = Environment(
    loader=PackageLoader("claimtrack.report", "templates"),
    autoescape=_autoescape,
    trim_blocks=True,
    lstrip_blocks=True,
)
_md_env = Environment(
    loader=PackageLoader("claimtrack.report", "templates"),
    autoescape=False,
    finalize=_md,
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


def _entry(ev: dict[str, Any], day: str) -> dict[str, Any]:
    loc = ev.get("location") or {}
    return {
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


def situation(
    events: list[LedgerEvent] | list[dict[str, Any]],
    since: str | None = None,
    country: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """The report's content: dated days (newest first) -> regions -> events, then the undated events apart
    (a report that dropped them would hide events whose date the text never gave)."""
    plain = [ev if isinstance(ev, dict) else ev.model_dump(mode="json") for ev in events]
    days: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    undated: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in plain:
        day = (ev.get("date") or {}).get("value")
        if day:
            days[day][_region(ev)].append(_entry(ev, day))
        else:
            undated[_region(ev)].append(_entry(ev, "undated"))
    ordered = [
        {"day": d, "regions": [{"region": r, "events": days[d][r]} for r in sorted(days[d])]}
        for d in sorted(days, reverse=True)
    ]
    statuses: dict[str, int] = defaultdict(int)
    for ev in plain:
        statuses[str(ev.get("status"))] += 1
    sections = list(ordered)
    if undated:
        n = sum(len(v) for v in undated.values())
        regions = [{"region": r, "events": undated[r]} for r in sorted(undated)]
        sections.append({"day": "Undated", "note": f"{n} event(s) whose reports give no date.", "regions": regions})
    return {
        "sections": sections,
        "since": since,
        "until": until,
        "country": country,
        "days": ordered,
        "undated": [{"region": r, "events": undated[r]} for r in sorted(undated)],
        "n_undated": sum(len(v) for v in undated.values()),
        "total": len(plain),
        "statuses": dict(statuses),
    }


def render(
    events: list[LedgerEvent] | list[dict[str, Any]],
    fmt: str = "md",
    since: str | None = None,
    country: str | None = None,
    until: str | None = None,
) -> str:
    ctx = situation(events, since=since, country=country, until=until)
    env = _env if fmt == "html" else _md_env
    return env.get_template(f"situation.{fmt}.j2").render(**ctx)
