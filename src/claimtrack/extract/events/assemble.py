"""A merged draft turned into the ``Event`` of the output contract."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimtrack.extract.doc_cache import doc_text
from claimtrack.extract.events import codes
from claimtrack.extract.events.codes import acled_for
from claimtrack.extract.events.common import FAMILY, STRIKE_FAMILY, Draft, claims_covering
from claimtrack.extract.events.figures import casualties
from claimtrack.extract.events.status import status_of
from claimtrack.models import (
    AcledType,
    Claim,
    Event,
    Place,
    Quantity,
    TextSpan,
    Weapon,
)


def to_event(doc: Doc, d: Draft, eid: str, claims: list[Claim], places: list[Place]) -> Event:
    text = doc_text(doc)
    covering: list[Claim] = []
    for s, e in d.triggers:
        for c in claims_covering(claims, s, e):
            if c not in covering:
                covering.append(c)
    # "the army would not confirm it had used Grad rockets": a denial or non-confirmation naming the
    # strike's weapon speaks about this strike even when its content does not repeat the trigger
    names = {w.lower() for wp in d.weapons for w in (wp.text, wp.name)} if d.type in STRIKE_FAMILY else set()
    for c in claims:
        if names and c not in covering and c.stance in ("denies", "does_not_confirm"):
            content = c.content.text.lower()
            if any(re.search(rf"\b{re.escape(n)}\b", content) for n in names):
                covering.append(c)
    covering.sort(key=lambda c: int(c.id[1:]) if c.id[1:].isdigit() else 0)
    quantities = []
    for q in d.quantities:
        stated = claims_covering(claims, q.start, q.end)
        quantities.append(Quantity(role=q.role, value=q.value, unit=q.unit, claim=stated[0].id if stated else None))
    killed, injured = casualties(d.quantities, _HELD_OVER.get(FAMILY.get(d.type, d.type), ()))
    acled = acled_for(d.type, d.government_actor)
    if d.type in STRIKE_FAMILY and d.intercepted and not d.hits:
        acled = ("Strategic developments", "Disrupted weapons use")  # ACLED codes a fully foiled strike so
    if d.type == "interception":
        acled = ("Strategic developments", "Disrupted weapons use")
    if not d.incident or d.background:
        acled = None  # a toll, a habit, a plan, a threat, a denial or an earlier incident: not this article's
    location = d.location
    return Event(
        id=eid,
        type=d.type,
        acled=AcledType(event_type=acled[0], sub_event_type=acled[1]) if acled else None,
        trigger=TextSpan(text=text[d.cue.start : d.cue.end], span=(d.cue.start, d.cue.end)),
        date=d.date,
        location=location,
        initiator=d.initiator,
        target=d.target,
        weapons=[Weapon(text=w.text, name=w.name) for w in d.weapons],
        quantities=quantities,
        fatalities=killed,
        injured=injured,
        modality=d.modality,
        background=d.background,
        status=status_of(doc, d, covering),
        claims=[c.id for c in covering],
    )


def case_label(event: Event) -> str:
    """CASE 2021 label of an event (for bench/events.py). CASE labels the kind of event a text tells, asserted or
    not, so an event without an ACLED code (planned, negated, background) is labelled through its type's code."""
    if event.acled is not None:
        acled: tuple[str, str] | None = (event.acled.event_type, event.acled.sub_event_type)
    else:
        acled = codes.acled_for(event.type)
    return codes.case_label(event.type, acled)


# the causes a crowd's act is told with that are not its harm: a protest is held over a death ("after a student
# was killed") or by whom it concerns ("relatives of a man who died"); a mob's victim is often told in a relative
# clause ("beat a thief who later died"), so for a mob only the motive is set aside
_HELD_OVER = {"protest": ("motive", "who"), "mob_violence": ("motive",)}
