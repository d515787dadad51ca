"""Event status with its one-line reason: who asserts an incident, from which side, and whether they agree.

The rules (docs/ledger.md gives them with their limits):

- a **voice** is a distinct original source: relays and republishing outlets are never voices; one side's
  state, ministries, army and officials are one voice (a side); civilians (residents, witnesses, named people
  without an office) are one civilian voice; UN bodies, NGOs, observers and journalists on the scene are
  independent parties;
- ``confirmed``: the attacking and the attacked side both assert the incident, or an independent party
  asserts it, or at least two voices from different sides do;
- ``denied``: a side denies it and no other voice asserts it;
- ``disputed``: one voice asserts what another denies, or two sides give different figures for the same
  count. A rising toll, a subset, a sum, or one source's own revision is an *update*, never a dispute;
- ``claimed``: everything else (one side's account).

``decide`` is the rule itself, shared by the per-article status (``apply_status``, a pipeline step after
events) and the ledger's (``link.provenance``). Within one article, the events that tell one incident (same
ACLED type, compatible date and region) pool their voices: "Kyiv said ..." in one sentence and "Russia's
defence ministry said it carried out the strike" in another are one incident's two sides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimtrack.extract.claims_lexicon import CIVILIAN_HEADS, REPORTER_HEADS
from claimtrack.extract.entities import country_of, side
from claimtrack.kb import load as load_kb
from claimtrack.models import Claim, Status

if TYPE_CHECKING:  # the ledger's readers use decide() without loading spaCy
    from spacy.tokens import Doc

ASSERTING = frozenset({"asserts", "claims_responsibility", "accuses", "alleges"})
CIVILIANS = "civilians"
# event types whose acting side is a state's forces by definition: their state's own account is an admission
CRACKDOWN_TYPES = frozenset({"force_against_protesters"})
INDEPENDENT = "independent"
_STATE_KINDS = frozenset({"state", "government", "military", "official"})
_OBSERVER_WORDS = frozenset(
    {"monitor", "monitors", "observers", "observer", "observatory", "ngo", "watchdog", "mission"}
)


@dataclass(frozen=True)
class Voice:
    """One original source's position: ``name`` is who spoke, ``side`` the party it speaks for."""

    name: str
    side: str
    stance: str
    inferred: bool = False  # the side is only the state the article is about (an unnamed office)


@dataclass(frozen=True)
class Figure:
    role: str  # killed, injured, ...
    value: int
    side: str
    source: str
    order: int  # text order or publication order: later revises earlier


def voice_of(
    claim: Claim, article_state: str | None, hint: str | None = None, region: str | None = None
) -> Voice | None:
    """The voice behind a claim, or None when it has no identifiable original source.

    ``hint`` is the side the source phrase names (a known body, a place: "the governor of X Oblast");
    ``region`` the state where the places of the claim's content lie: an unnamed regional office reports on
    its own region; ``article_state`` comes last."""
    article_state = region or article_state
    src = claim.source
    if src is None:
        return None
    text = src.text.lower()
    words = set(text.replace(",", " ").split())
    kb = load_kb()
    entry = kb.lookup(src.entity) if src.entity else None
    if src.kind == "outlet" or (entry is not None and entry.kind == "outlet"):
        if entry is not None and entry.side:
            return Voice(entry.name, entry.side, claim.stance)  # state media speak for their state
        if words & REPORTER_HEADS:
            return Voice(src.entity or src.text, INDEPENDENT, claim.stance)  # a reporter who saw it
        return None  # an outlet passing a story on is a relay, not a source
    if entry is not None and entry.independent or words & _OBSERVER_WORDS:
        return Voice(src.entity or src.text, INDEPENDENT, claim.stance)
    if words & REPORTER_HEADS:
        return Voice(src.entity or src.text, INDEPENDENT, claim.stance)
    if src.anonymous:
        party = country_of(src.entity) if src.entity else None
        if party:
            return Voice(f"{src.text} ({party})", party, claim.stance)
        label = (src.entity or "").split()
        if "state" in label and article_state:
            return Voice(src.entity or src.text, article_state, claim.stance)  # "state media", "state TV"
        if label and label[-1] in CIVILIAN_HEADS:
            return Voice(src.entity or src.text, CIVILIANS, claim.stance)  # "residents", "witnesses"
        return None  # "sources", "reports": nobody identifiable
    if not src.entity:
        if src.kind in _STATE_KINDS and (hint or article_state):
            return Voice(src.text, hint or article_state or "", claim.stance, not hint)  # "the regional governor"
        return None
    party = side(src.entity) or hint  # hint: the body or place the source phrase names ("governor of X")
    if party is None and src.kind in _STATE_KINDS:
        party = article_state  # "the regional governor": an office of the state the article is about
    if party is None:
        if src.kind == "person":
            party = CIVILIANS
        elif src.kind != "unknown" and looks_named(src.entity):
            party = src.entity  # a named body outside the table (an NGO, a company) speaks for itself
        else:
            return None  # "footage shared by ...", "state TV": no identifiable voice
    return Voice(src.entity, party, claim.stance)


_NAME_GLUE = frozenset({"of", "the", "for", "and", "de", "al", "el", "du", "la", "&"})


def looks_named(name: str) -> bool:
    """A proper name ("Agency for the Care of Old Monuments"), not a phrase ("footage shared by X")."""
    words = name.replace("-", " ").split()
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_GLUE for w in words)


def is_party(name: str) -> bool:
    """A side that can contradict another's figures: a state or a known armed group, not a civilian,
    independent or unidentified voice."""
    if name in (CIVILIANS, INDEPENDENT):
        return False
    entry = load_kb().lookup(name)
    return (entry is not None and (entry.group or entry.kind == "state")) or country_of(name) is not None


def _label(side_: str, voices: Iterable[Voice]) -> str:
    names = sorted({v.name for v in voices if v.side == side_ and v.name != side_})
    return f"{side_} ({', '.join(names)})" if names else side_


def _updates_or_conflicts(figures: list[Figure]) -> tuple[list[str], list[str]]:
    """Notes on figures: updates (a rising toll, a subset, one source's revision) and conflicts (two sides
    giving different values for the same count)."""
    updates: list[str] = []
    conflicts: list[str] = []
    for role in sorted({f.role for f in figures}):
        rows = sorted((f for f in figures if f.role == role), key=lambda f: f.order)
        values = sorted({f.value for f in rows})
        if len(values) < 2:
            continue
        # each side's latest figure is its current one; earlier figures of the same side are revisions
        latest: dict[str, Figure] = {}
        for f in rows:
            latest[f.side] = f
        by_side = {s: f.value for s, f in latest.items() if is_party(s)}
        if len(set(by_side.values())) > 1:
            shown = ", ".join(f"{v} per {s}" for s, v in sorted(by_side.items()))
            conflicts.append(f"{role} {shown}")
        else:
            updates.append(f"{role} {values[0]} → {values[-1]} (update: later or larger figure)")
    return updates, conflicts


def decide(
    voices: list[Voice],
    figures: list[Figure] | None = None,
    attacker: str | None = None,
    attacked: str | None = None,
    fallback: str | None = None,
    forces_of: str | None = None,
) -> tuple[Status, str]:
    """Status and a one-line reason from the voices on one incident. ``forces_of`` is the state whose forces the
    kind of event says acted (police firing on protesters): its own account admits the incident."""
    updates, conflicts = _updates_or_conflicts(figures or [])
    unconfirming = {v.side for v in voices if v.stance == "does_not_confirm"}
    asserting = [v for v in voices if v.stance in ASSERTING]
    denying = [v for v in voices if v.stance == "denies"]
    a_sides = {v.side for v in asserting}
    d_sides = {v.side for v in denying} - a_sides
    note = f"; {'; '.join(updates)}" if updates else ""
    if denying and not asserting:
        sides = " and ".join(_label(s, denying) for s in sorted(d_sides or {v.side for v in denying}))
        return "denied", f"denied: {sides} denies it; no other source asserts it{note}"
    deniers = {v.side for v in denying}
    if deniers & a_sides and a_sides - deniers:
        # a side that denies the other's account while telling its own (the accused denies it did it while it
        # mourns the dead; the defender says the town has not fallen, fighting goes on) contradicts it
        d_sides, a_sides = deniers, a_sides - deniers
    if denying and d_sides:
        who = " and ".join(_label(s, asserting) for s in sorted(a_sides))
        by = " and ".join(_label(s, denying) for s in sorted(d_sides))
        return "disputed", f"disputed: {who} asserts it, {by} denies it{note}"
    if conflicts:
        return "disputed", f"disputed: sides give different figures: {'; '.join(conflicts)}{note}"
    # a side that also declines to confirm ("did not immediately confirm") has not confirmed the incident
    real = a_sides - unconfirming
    if attacker and attacked and attacker != attacked and {attacker, attacked} <= real:
        return "confirmed", (
            f"confirmed: both sides report it: {_label(attacker, asserting)} and {_label(attacked, asserting)}{note}"
        )
    if forces_of and forces_of in real:
        return "confirmed", f"confirmed: the state whose forces acted reports it: {_label(forces_of, asserting)}{note}"
    if INDEPENDENT in real:
        return "confirmed", f"confirmed: an independent party reports it: {_label(INDEPENDENT, asserting)}{note}"
    if len(real) >= 2:
        shown = " and ".join(_label(s, asserting) for s in sorted(real))
        return "confirmed", f"confirmed: independent sources from {len(real)} sides: {shown}{note}"
    if asserting:
        only = _label(sorted(real or a_sides)[0], asserting)
        others = [s for s in (attacker, attacked) if s and s not in a_sides]
        tail = f"; {others[0]} has not commented" if others else ""
        if unconfirming - a_sides:
            tail = f"; {', '.join(sorted(unconfirming - a_sides))} did not confirm"
        return "claimed", f"claimed: {only} only{tail}{note}"
    who = fallback or "the publisher"
    return "claimed", f"claimed: reported by {who}, no named source{note}"


def apply_status(doc: Doc) -> Doc:
    """Pipeline step after events: each event's status and reason from the article's claims
    (``claimtrack.extract.incident_voices``)."""
    from claimtrack.extract.incident_voices import apply_status as run

    return run(doc)
