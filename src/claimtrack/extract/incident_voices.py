"""One article's status: which claims speak of which incident, and for which side (``decide`` is the rule).

Within one article, the events that tell one incident (same kind, compatible date and region) pool their voices:
the claims of every event that tells it, the claims in the sentences of its triggers, and, where the article
tells only this incident of its kind, its sides' and independent parties' claims anywhere in it. A named source
keeps one side through the article; an unnamed office placed only by the article's state never speaks for the
attacker; calling the other side's account false denies it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from claimtrack.extract.doc_cache import doc_text
from claimtrack.extract.doc_cache import sentences as doc_sentences
from claimtrack.extract.entities import canonical_entity, country_of, side
from claimtrack.extract.status import (
    ASSERTING,
    CIVILIANS,
    CRACKDOWN_TYPES,
    INDEPENDENT,
    Figure,
    Voice,
    decide,
    is_party,
    voice_of,
)
from claimtrack.kb import load as load_kb
from claimtrack.models import Claim, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc


# ACLED event types that one incident can be told as: a strike that kills civilians is also "violence against
# civilians"; a protest the police fire on is also a riot or an attack on protesters
_KIND = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstration",
    "Riots": "demonstration",
}


def _kind(ev: Event) -> str:
    assert ev.acled is not None
    return _KIND.get(ev.acled.event_type, ev.acled.sub_event_type)


def _same_incident(a: Event, b: Event) -> bool:
    if a.acled is None or b.acled is None or _kind(a) != _kind(b):
        return False
    if a.date and b.date and a.date.value[:10] != b.date.value[:10]:
        if not (a.date.value.startswith(b.date.value) or b.date.value.startswith(a.date.value)):
            return False
    la, lb = a.location, b.location
    if la and lb and la.country and lb.country and la.country != lb.country:
        return False
    if la and lb and la.admin1 and lb.admin1 and la.admin1 != lb.admin1:
        return False
    return not _opposed(a, b)


def _opposed(a: Event, b: Event) -> bool:
    """Two one-sided acts (strikes, attacks on civilians) by different attackers, or one side striking the
    other in one report and being struck by it in the next, are two incidents: the sides' claims of what they
    hit ("the ministry said it destroyed two howitzers") do not confirm the other side's report of what it
    suffered. A battle is told from both ends, so its sides swap roles within one incident."""
    assert a.acled is not None and b.acled is not None
    if "Battles" in (a.acled.event_type, b.acled.event_type):
        return False
    ia, ib = _actor_side(a, "initiator"), _actor_side(b, "initiator")
    if ia and ib and ia != ib:
        return True
    ta, tb = _actor_side(a, "target"), _actor_side(b, "target")
    # a state striking its own people ("government drones killed civilians") is no swap of roles
    return bool(ia and ia == tb and ia != ta or ib and ib == ta and ib != tb)


def _article_state(doc: Doc) -> str | None:
    places = doc._.places if doc.has_extension("places") else None
    counts: dict[str, int] = {}
    for p in places or []:
        c = country_of(p.country) if p.country else None
        if c:
            counts[c] = counts.get(c, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _actor_side(event: Event, role: str) -> str | None:
    actor = getattr(event, role)
    if actor is None:
        return None
    found = side(actor.entity) or (country_of(actor.text) if actor.text else None)
    if found is None and actor.entity and actor.entity.endswith(")") and "(" in actor.entity:
        # ACLED-style group names carry their country: "Civilians (Ukraine)", "Protesters (Georgia)"
        country = actor.entity[actor.entity.rindex("(") + 1 : -1]
        found = side(country) or country
    return found


_FUTURE = re.compile(r"\b(will|shall|won't|going to)\b", re.IGNORECASE)  # a plan or a threat, not an incident


def _only_incident(ev: Event, events: list[Event]) -> bool:
    """The article tells no other incident of this kind (every event of its kind is this incident)."""
    return ev.acled is not None and all(_same_incident(ev, o) for o in events if o.acled and _kind(o) == _kind(ev))


def _about_incident(v: Voice, attacker: str | None, attacked: str | None, article_state: str | None) -> bool:
    """A voice that speaks of the article's only incident wherever it stands: an independent party, or one of the
    incident's two sides (with a side unknown, any armed group or the state the article is about), never a third
    state commenting on it."""
    if v.side in (INDEPENDENT, CIVILIANS, attacker, attacked):
        return True
    if attacker and attacked or not is_party(v.side):
        return False
    entry = load_kb().lookup(v.side)
    return v.side == article_state or bool(entry is not None and entry.group)


def _placed(v: Voice, attacker: str | None, attacked: str | None) -> Voice | None:
    """An unnamed office placed only by the article's state does not speak for the incident's attacker: a mayor
    reporting shelling of the city is the attacked side's office, else nobody identifiable."""
    if not v.inferred or v.side != attacker:
        return v
    if attacked and attacked != attacker:
        return Voice(v.name, attacked, v.stance, True)
    return None


def article_status(
    events: list[Event],
    claims: list[Claim],
    article_state: str | None,
    fallback: str | None,
    sentences: list[tuple[int, int]] | None = None,
    hints: dict[str, str] | None = None,
    voices_of: dict[str, Voice | None] | None = None,
) -> None:
    """Set ``status`` and ``status_reason`` on every event of one article, pooling one incident's voices:
    the claims of every event that tells it, and the claims whose content lies in a sentence of its triggers
    ("..., officials said, adding that 12 people died": the same sentence tells the same incident); where the
    article tells only this incident of its kind, also the voices of its sides and of independent parties
    anywhere in the article ("the army spokesman confirmed the attack" three paragraphs down)."""
    by_id = {c.id: c for c in claims}
    sentences = sentences or []
    hints = hints or {}
    known = voices_of if voices_of is not None else {c.id: _voice(c, article_state, hints) for c in claims}

    for ev in events:
        group = [o for o in events if o is ev or (_same_incident(ev, o) and ev.modality == o.modality)]
        attacker = _actor_side(ev, "initiator")
        attacked = _actor_side(ev, "target")
        voices: list[Voice] = []
        figures: list[Figure] = []
        seen: set[str] = set()
        spans = [s for o in group for s in sentences if s[0] <= o.trigger.span[0] < s[1]]
        nearby = [
            c.id
            for c in claims
            if any(a <= cs < b for a, b in spans for cs, _ in c.content.spans) and c.stance != "other"
        ]
        wide: list[str] = []
        if _only_incident(ev, events):
            # ... unless it speaks of places in another state ("Ukrainian drones hit a depot in Belgorod")
            state = country_of(ev.location.country) if ev.location and ev.location.country else None
            elsewhere = {cid for o in events if o not in group for cid in o.claims}
            # the article's only incident of its kind: its sides' and independent parties' claims are about it
            # (declining to confirm is left out: a side that gives no figure may still confirm the incident)
            wide = [
                c.id
                for c in claims
                if (c.stance in ASSERTING or c.stance == "denies")
                and c.id not in elsewhere
                and not _FUTURE.search(c.content.text)
                and (state is None or hints.get(c.id + "@content", state) == state)
                and (v := known.get(c.id)) is not None
                and (
                    c.stance == "claims_responsibility"
                    and v.side == attacker
                    or c.stance != "claims_responsibility"
                    and _about_incident(v, attacker, attacked, article_state)
                )
            ]
        for o in group:
            for cid in [*o.claims, *nearby]:
                found = known.get(cid) if cid in by_id and cid not in seen else None
                seen.add(cid)
                v = _placed(found, attacker, attacked) if found is not None else None
                if v is not None:
                    voices.append(v)
            for q in o.quantities:
                if q.role not in ("killed", "injured") or q.claim is None or q.claim not in by_id:
                    continue
                fv = known.get(q.claim)
                v = _placed(fv, attacker, attacked) if fv is not None else None
                if v is not None:
                    figures.append(Figure(q.role, q.value, v.side, v.name, int(q.claim[1:] or 0)))
        own = len(voices)
        # a voice from afar only brings in a side the incident's own claims lack: it never outweighs that side's
        # own denial ("Georgia rejected reports ...; officials said the reports were false")
        for cid in wide:
            found = known.get(cid) if cid not in seen else None
            v = _placed(found, attacker, attacked) if found is not None else None
            if v is not None and v.side not in {x.side for x in voices[:own]}:
                voices.append(v)
        forces = article_state if ev.type in CRACKDOWN_TYPES else None
        status, reason = decide(voices, figures, attacker, attacked, fallback, forces)
        if not own and ev.status in ("denied", "disputed"):
            # a denial the claims layer could not pin on a source ("rejected reports that ...") stands
            status, reason = ev.status, f"{ev.status}: the report itself is denied in the text"
        ev.status = status
        ev.status_reason = reason


def _one_side_per_name(claims: list[Claim], voices: dict[str, Voice | None]) -> dict[str, Voice | None]:
    """A named source speaks for one side through the article: the side most of its claims give (the first on a
    tie), so a pronoun whose claim names the other side's places ("he said Russia fired 40 drones") keeps it, and
    an office holder quoted once with the title and elsewhere by name alone is the office holder throughout."""
    counts: dict[str, dict[str, int]] = {}
    for c in claims:
        v = voices.get(c.id)
        if v is None or c.source is None or c.source.anonymous or not c.source.entity:
            continue
        if v.side in (CIVILIANS, INDEPENDENT):
            continue
        counts.setdefault(v.name, {})
        counts[v.name][v.side] = counts[v.name].get(v.side, 0) + 1
    out = dict(voices)
    for cid, v in voices.items():
        tally = counts.get(v.name) if v is not None else None
        if v is None or not tally or (len(tally) < 2 and v.side != CIVILIANS):
            continue
        best = max(tally, key=lambda s: tally[s])  # dicts keep first-seen order: ties go to the first side
        out[cid] = Voice(v.name, best, v.stance, v.inferred)
    return out


def _named_side(text: str) -> str | None:
    """The side of a multi-word name from the table inside a source phrase ("a minister of the Luhansk People's
    Republic, Pavel Orlov" -> Russia); single words are left to the entity layer, which knows their context."""
    low = " " + re.sub(r"[^\w' ]+", " ", text.lower().replace("’", "'")) + " "
    for alias, side_ in _multiword_sides():
        if alias in low:
            return side_
    return None


@lru_cache(maxsize=1)
def _multiword_sides() -> tuple[tuple[str, str], ...]:
    """The table's multi-word aliases that carry a side, space-padded, in the table's order (the first wins)."""
    return tuple((f" {alias} ", e.side) for alias, e in load_kb().aliases.items() if e.side and " " in alias)


# "said the claim is not true", "said the reports were false": calling another's account false denies it
_CALLED_FALSE = re.compile(
    r"\b(claims?|reports?|allegations?|statements?)\W{1,4}(?:\w+\W+){0,2}?(is|are|was|were)\s+"
    r"(not true|untrue|false|fake|baseless|groundless|a lie|lies|fabricated)\b",
    re.IGNORECASE,
)


def _voice(c: Claim, article_state: str | None, hints: dict[str, str]) -> Voice | None:
    v = voice_of(c, article_state, hints.get(c.id), hints.get(c.id + "@content"))
    if v is not None and v.stance == "asserts" and _CALLED_FALSE.search(c.content.text):
        return Voice(v.name, v.side, "denies", v.inferred)
    return v


def _seat(text: str, end: int) -> bool:
    """A place that only says where a body sits ("a London-based monitor", "the US-based group") names no side."""
    return text[end : end + 7].lower().lstrip("- ").startswith("based")


def _side_hints(doc: Doc, claims: list[Claim]) -> dict[str, str]:
    """claim id -> the side its source phrase names: a known body ("the head of the X People's Republic")
    or a place ("the governor of X Oblast" speaks for the state X lies in)."""
    places = doc._.places if doc.has_extension("places") else None
    ents = [e for e in doc.ents if e.label_ in ("ORG", "GPE", "NORP", "FAC")]
    text = doc_text(doc)
    out: dict[str, str] = {}
    for c in claims:
        if c.source is None:
            continue
        a, b = c.source.span
        for e in ents:
            if a <= e.start_char and e.end_char <= b and not _seat(text, e.end_char):
                found = side(canonical_entity(e.text)[0])
                if found:
                    out[c.id] = found
                    break
        if c.id not in out:
            found = _named_side(c.source.text)
            if found:
                out[c.id] = found
        for p in places or []:
            if c.id not in out and a <= p.span[0] and p.span[1] <= b and p.country and not _seat(text, p.span[1]):
                if not country_of(p.country):
                    continue
                out[c.id] = country_of(p.country) or ""
        # the state where the places the claim speaks of lie: the first town or region named, else the first
        # country ("Russia struck X and Y, the regional governor said": Russia acts, X and Y are what he governs)
        inside = [
            p
            for p in places or []
            if any(x <= p.span[0] and p.span[1] <= y for x, y in c.content.spans)
            and p.country
            and country_of(p.country)
        ]
        inside.sort(key=lambda p: p.feature in ("country", "region"))
        if inside:
            out[c.id + "@content"] = country_of(inside[0].country or "") or ""
    return out


def apply_status(doc: Doc) -> Doc:
    """Pipeline step after events: recompute each event's status and its reason from the article's claims."""
    events: list[Event] = doc._.events or []
    claims: list[Claim] = doc._.claims or []
    article = doc._.article if doc.has_extension("article") else None
    fallback = None
    if article is not None:
        fallback = article.via[0] if article.via else article.publisher
    sentences = [(s.start_char, s.end_char) for s in doc_sentences(doc)]
    state, hints = _article_state(doc), _side_hints(doc, claims)
    voices = _one_side_per_name(claims, {c.id: _voice(c, state, hints) for c in claims})
    for c in claims:  # the side each source speaks for, kept in the claim for the ledger's status
        v = voices[c.id]
        if c.source is not None:
            c.source.side = v.side if v is not None else None
    article_status(events, claims, state, fallback, sentences, hints, voices)
    return doc
