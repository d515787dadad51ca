"""Who says what about a ledger event: relay chains, independent sources, figures, status, contradictions.

A ledger event gathers reports (one document event each). Every statement in a report traces back to an
*original source* through a *relay chain* (original -> outlets cited -> publishing outlet). Independence
is counted on originals after three collapses:
- relays are never sources: an outlet only counts when it reports on its own, unattributed;
- syndicated copies (near-duplicate articles) are one report: a copy's unattributed reporting is credited
  to the first outlet of its near-duplicate group;
- a state speaks once: Russia, the Kremlin and Russia's defence ministry are one independent voice,
  because they are not independent of each other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claimtrack.extract.claims_lexicon import CIVILIAN_HEADS, PERSONAL_PRONOUNS, THING_PRONOUNS
from claimtrack.extract.entities import canonical_entity, country_of, side
from claimtrack.extract.status import CIVILIANS, CRACKDOWN_TYPES, INDEPENDENT, Figure, Voice, decide, looks_named
from claimtrack.kb import load as load_kb
from claimtrack.models import Claim, Event, LedgerEvent

_STATE_KINDS = {"state", "government", "military", "official"}
_OF_COUNTRY = re.compile(r".*\bof\s+(?:the\s+)?(?P<c>[A-Z][\w .'-]+)$")  # greedy: the last "of X"
_ASSERTING = {"asserts", "claims_responsibility", "accuses", "alleges"}


@dataclass
class Report:
    """One document event with the article facts provenance needs."""

    event: Event
    claims: dict[str, Claim]
    article_id: str
    article_hash: str
    publisher: str | None
    published: str | None
    via: list[str] = field(default_factory=list)
    source_path: str | None = None
    title: str | None = None
    url: str | None = None
    dup_group: str | None = None  # near-duplicate group of the article (its anchor's hash)
    dup_anchor_publisher: str | None = None  # first outlet of that group

    @property
    def outlet(self) -> str:
        return self.publisher or "unknown outlet"


def side_of(entity: str | None, kind: str) -> str | None:
    """The state a source speaks for ("Ministry of Defence of Russia" -> Russia); None for outlets and others."""
    if not entity or kind not in _STATE_KINDS:
        return None
    m = _OF_COUNTRY.match(entity)
    if m and country_of(m.group("c")):
        return country_of(m.group("c"))
    return country_of(entity) or (entity if kind == "state" else None)


@dataclass(frozen=True)
class Statement:
    """One source's position on the event in one report."""

    original: str
    kind: str
    side: str | None
    stance: str
    chain: tuple[str, ...]  # original -> relays -> publisher
    claim: str | None
    article: str
    published: str | None
    said_on: str | None
    own_reporting: bool  # an outlet reporting without attribution
    voice: str | None = None  # the side the article's status step gave the source (Source.side)

    @property
    def unit(self) -> str:
        """The independent voice: a state for state sources, else the source itself."""
        return self.side or self.original


def _chain(original: str, relays: Iterable[str], publisher: str) -> tuple[str, ...]:
    out = [original]
    for r in [*relays, publisher]:
        if r and r != out[-1] and r not in out:
            out.append(r)
    return tuple(out)


def _claim_statement(rep: Report, claim: Claim) -> Statement:
    src = claim.source
    relays = [*claim.via, *[v for v in rep.via if v not in claim.via]]
    entity: str
    kind: str
    side: str | None = None
    if src is not None and (src.entity or src.text):
        entity, kind = (src.entity or src.text), str(src.kind)
        if src.anonymous:
            # the affiliation ("a senior U.S. official" -> United States) is the side it speaks for
            side = country_of(src.entity) if src.entity else None
            entity, kind = f"{src.text} (anonymous{', ' + src.entity if src.entity else ''})", "anonymous"
        # "News.az reports ..." in News.az's own article, or the outlet it relays: framing, not a new source
        own = kind == "outlet" and entity in {rep.outlet, *rep.via}
    else:
        entity, kind, own = _default_original(rep)
        relays = relays[1:] if relays and relays[0] == entity else relays
    return Statement(
        original=entity,
        kind=kind,
        side=side or side_of(entity, kind),
        stance=claim.stance,
        chain=_chain(entity, relays, rep.outlet),
        claim=claim.id,
        article=rep.article_id,
        published=rep.published,
        said_on=claim.said_on,
        own_reporting=own,
        voice=src.side if src is not None else None,
    )


def _default_original(rep: Report) -> tuple[str, str, bool]:
    """Who stands behind an unattributed statement: the relayed outlet, else the (first syndicating) publisher."""
    if rep.via:
        return rep.via[0], "outlet", True
    if rep.dup_anchor_publisher:
        return rep.dup_anchor_publisher, "outlet", True
    return rep.outlet, "outlet", True


def _own_statement(rep: Report, stance: str = "asserts") -> Statement:
    entity, kind, own = _default_original(rep)
    return Statement(
        original=entity,
        kind=kind,
        side=None,
        stance=stance,
        chain=_chain(entity, rep.via[1:], rep.outlet),
        claim=None,
        article=rep.article_id,
        published=rep.published,
        said_on=None,
        own_reporting=own,
    )


def statements(rep: Report) -> list[Statement]:
    """Positions the report records: its event's claims, or the outlet's own unattributed report."""
    out = [_claim_statement(rep, rep.claims[c]) for c in rep.event.claims if c in rep.claims]
    if not out:
        stance = "denies" if rep.event.modality == "negated" or rep.event.status == "denied" else "asserts"
        out.append(_own_statement(rep, stance))
    return out


def _figure_source(rep: Report, claim_id: str | None) -> Statement:
    if claim_id and claim_id in rep.claims:
        return _claim_statement(rep, rep.claims[claim_id])
    own = [s for s in statements(rep) if s.stance in _ASSERTING]
    return own[0] if len(own) == 1 else _own_statement(rep)


def _unit_label(st: Statement) -> str:
    return st.original if not st.side or st.side == st.original else f"{st.side} ({st.original})"


def dossier(reports: list[Report]) -> dict[str, Any]:
    """The provenance fields of a ledger event: sources, independent_sources, figures, status, contradictions."""
    reports = sorted(reports, key=lambda r: (r.published or "", r.article_hash, r.event.id))
    stmts = [s for r in reports for s in statements(r)]
    relays = {x for s in stmts for x in s.chain[1:]}
    # an outlet that only passes others' statements along is a relay, not a source
    kept = [s for s in stmts if not (s.own_reporting and s.original in relays and _has_attributed(stmts, s.original))]
    sources = _sources(kept)
    # a voice that also declines to confirm ("did not immediately confirm") has not confirmed the event,
    # whatever else it said around it
    unconfirmed = sorted({s.unit for s in kept if s.stance == "does_not_confirm"})
    asserting = {s.unit for s in kept if s.stance in _ASSERTING} - set(unconfirmed)
    denying = {s.unit for s in kept if s.stance == "denies"}
    independent = asserting | denying
    figures, fig_conflicts = _figures(reports)
    # "intercepted: 5 per Russia, unconfirmed by Ukraine": who declined to confirm or denied the event
    for rows in figures.values():
        for f in rows:
            f["unconfirmed_by"] = [u for u in unconfirmed if u not in f["source"]]
            f["denied_by"] = [u for u in sorted(denying) if u not in f["source"]]
    contradictions = list(fig_conflicts)
    if asserting and denying:
        contradictions.append({"kind": "denial", "asserted_by": sorted(asserting), "denied_by": sorted(denying)})
    initiators = _initiators(reports)
    if len(initiators) > 1:
        contradictions.append({"kind": "initiator", "values": initiators})
    status, reason = _status(reports, kept)
    return {
        "sources": sources,
        "independent_sources": len(independent),
        "figures": figures,
        "status": status,
        "status_reason": reason,
        "contradictions": contradictions,
        "chains": sorted({" → ".join(s.chain) for s in stmts}),
    }


def _voice(st: Statement, state: str | None = None) -> Voice | None:
    """A statement as a voice for ``decide``: outlets' own reporting is not a voice (the fallback names it)."""
    if st.own_reporting:
        return None
    if st.voice:  # decided in the article, where the source phrase and its places were in view
        return Voice(st.original, st.voice, st.stance)
    if st.original.lower() in PERSONAL_PRONOUNS or st.original.lower() in THING_PRONOUNS:
        return None  # a pronoun the article could not resolve names nobody
    entry = load_kb().lookup(st.original)
    if entry is not None and entry.kind == "outlet" and not entry.side:
        return None  # an outlet cited as a source still only passes a story on
    if st.side:
        return Voice(st.original, st.side, st.stance)
    if entry is not None and entry.independent:
        return Voice(st.original, INDEPENDENT, st.stance)
    if st.kind == "anonymous":
        label = st.original.split(" (anonymous")[0].lower().split()
        return Voice(st.original, CIVILIANS, st.stance) if label and label[-1] in CIVILIAN_HEADS else None
    party = side(st.original) or (state if st.kind in ("government", "military", "official") else None)
    if party is None and st.kind == "person":
        party = CIVILIANS
    if party is None and st.kind not in ("unknown", "outlet") and looks_named(st.original):
        party = st.original  # a named body outside the table speaks for itself
    return Voice(st.original, party, st.stance) if party else None


def _status(reports: list[Report], kept: list[Statement]) -> tuple[str, str]:
    """Status and reason over every report of the ledger event: one rule with the per-article status."""
    loc = next((r.event.location for r in reports if r.event.location and r.event.location.country), None)
    state = country_of(loc.country) if loc and loc.country else None  # whose unnamed offices speak
    voices = [v for v in (_voice(s, state) for s in kept) if v is not None]
    figures: list[Figure] = []
    for n, r in enumerate(reports):
        for q in r.event.quantities:
            if q.role in ("killed", "injured") and q.claim in r.claims:
                v = _voice(_claim_statement(r, r.claims[q.claim]), state)
                if v is not None:
                    figures.append(Figure(q.role, q.value, v.side, v.name, n * 1000 + int(q.claim[1:] or 0)))
    ev = reports[0].event
    attacker = side(ev.initiator.entity) if ev.initiator else None
    attacked = side(ev.target.entity) if ev.target else None
    fallback = _default_original(reports[0])[0]
    forces = state if ev.type in CRACKDOWN_TYPES else None
    status, reason = decide(voices, figures, attacker, attacked, fallback, forces)
    if not voices and any(r.event.status in ("denied", "disputed") for r in reports):
        status = next(r.event.status for r in reports if r.event.status in ("denied", "disputed"))
        reason = f"{status}: the report itself is denied in the text"
    return status, reason


def _has_attributed(stmts: list[Statement], outlet: str) -> bool:
    return any(not s.own_reporting and outlet in s.chain[1:] for s in stmts)


def _sources(stmts: list[Statement]) -> list[dict[str, Any]]:
    by: dict[str, dict[str, Any]] = {}
    for s in stmts:
        d = by.setdefault(
            s.original,
            {"entity": s.original, "kind": s.kind, "side": s.side, "stances": [], "chains": [], "reports": 0},
        )
        if s.stance not in d["stances"]:
            d["stances"].append(s.stance)
        chain = " → ".join(s.chain)
        if chain not in d["chains"]:
            d["chains"].append(chain)
        d["reports"] += 1
    return sorted(by.values(), key=lambda d: d["entity"])


def _initiators(reports: list[Report]) -> list[dict[str, Any]]:
    seen: dict[str, str] = {}
    for r in reports:
        ini = r.event.initiator
        if ini is None:
            continue
        name = ini.entity or canonical_entity(ini.text)[0] or ini.text
        if name not in seen:
            src = statements(r)[0]
            seen[name] = _unit_label(src)
    return [{"entity": k, "source": v} for k, v in seen.items()]


def _figures(reports: list[Report]) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    """role -> claimed values with their sources; a source's later value supersedes its earlier one."""
    rows: dict[str, dict[tuple[int, str], dict[str, Any]]] = defaultdict(dict)
    latest: dict[tuple[str, str], tuple[str, int]] = {}  # (role, unit) -> (when, value)
    for r in reports:
        for q in r.event.quantities:
            st = _figure_source(r, q.claim)
            key = (q.value, st.unit)
            when = st.said_on or r.published or ""
            if key not in rows[q.role]:
                rows[q.role][key] = {
                    "value": q.value,
                    "source": _unit_label(st),
                    "claim": q.claim,
                    "article": r.article_id,
                    "via": list(st.chain[1:]),
                    "reports": 0,
                }
            rows[q.role][key]["reports"] += 1
            prev = latest.get((q.role, st.unit))
            if prev is None or when > prev[0]:
                latest[(q.role, st.unit)] = (when, q.value)
    figures: dict[str, list[dict[str, Any]]] = {}
    conflicts: list[dict[str, Any]] = []
    for role, entries in sorted(rows.items()):
        current: dict[int, list[str]] = defaultdict(list)
        out = []
        for (value, unit), d in sorted(entries.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            d["superseded"] = latest[(role, unit)][1] != value
            if not d["superseded"]:
                current[value].append(d["source"])
            out.append(d)
        figures[role] = out
        if len(current) > 1:
            conflicts.append(
                {
                    "kind": "figure",
                    "role": role,
                    "values": [{"value": v, "sources": sorted(s)} for v, s in sorted(current.items())],
                }
            )
    return figures, conflicts


_DATE_RANK = {"day": 0, "month": 1, "year": 2}
_LOC_RANK = {"point": 0, "admin2": 1, "admin1": 2, "country": 3, "region": 4}


def _report_entry(r: Report) -> dict[str, Any]:
    from claimtrack.link.pairs import report_key

    entry: dict[str, Any] = {
        "article_id": r.article_id,
        "source_path": r.source_path,
        "event_id": r.event.id,
        "report_key": report_key(r.article_hash, r.event.id),
        "url": r.url,
        "publisher": r.publisher,
        "published": r.published,
        "title": r.title,
        "via": list(r.via),
    }
    if r.dup_anchor_publisher:
        entry["syndicated_from"] = r.dup_anchor_publisher
    return entry


def ledger_event(ledger_id: str, reports: list[Report]) -> LedgerEvent:
    """A ledger event: the contract event fields merged over its reports, plus reports and provenance.

    The anchor (earliest report) gives the base; the most precise date and place any report gives win,
    weapons are the union, and fatalities/injured are left to the per-figure table when reports differ.
    """
    reports = sorted(reports, key=lambda r: (r.published or "", r.article_hash, r.event.id))
    events = [r.event for r in reports]
    data = events[0].model_dump(mode="json")
    data["id"] = ledger_id
    dated = [e.date for e in events if e.date]
    if dated:
        data["date"] = min(dated, key=lambda d: _DATE_RANK.get(d.precision, 3)).model_dump(mode="json")
    located = [e.location for e in events if e.location]
    if located:
        data["location"] = min(located, key=lambda loc: _LOC_RANK.get(loc.precision, 5)).model_dump(mode="json")
    for role in ("initiator", "target"):
        if data.get(role) is None:
            found = next((getattr(e, role) for e in events if getattr(e, role)), None)
            data[role] = found.model_dump(mode="json") if found else None
    weapons: dict[str, dict[str, Any]] = {}
    for e in events:
        for w in e.weapons:
            weapons.setdefault(w.name, w.model_dump(mode="json"))
    data["weapons"] = list(weapons.values())
    for fig in ("fatalities", "injured"):
        values = {getattr(e, fig) for e in events if getattr(e, fig) is not None}
        data[fig] = values.pop() if len(values) == 1 else (max(values) if values else None)
    quantities: dict[tuple[str, int], dict[str, Any]] = {}
    for e in events:
        for q in e.quantities:
            quantities.setdefault((q.role, q.value), q.model_dump(mode="json"))
    data["quantities"] = list(quantities.values())
    data["claims"] = sorted({f"{r.article_id}#{c}" for r in reports for c in r.event.claims})
    prov = dossier(reports)
    data["reports"] = [_report_entry(r) for r in reports]
    data.update(prov)
    return LedgerEvent.model_validate(data)
