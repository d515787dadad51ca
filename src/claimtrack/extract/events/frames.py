"""Incident frames: every mention of one real incident, however many sentences and event words tell it, as one event.

ACLED codes one event per incident, day and place. An article tells one incident from several angles: the strike,
its victims ("killed two people"), the damage, the interception figures, the other side's account, casualty
updates, "the attack" later on. Sentence events are grouped here by what identifies an incident (its kind of
violence, day and place) rather than by sentence, and each group is coded the ACLED way: remote violence that kills
civilians is one strike, not also an attack; the interceptions of a salvo are that strike's figures; a protest
met with force is one protest event of the graver sub-type, however many protest nouns the story uses.
"""

from __future__ import annotations

import math
import re
from datetime import date

from claimtrack.extract.events.common import STRIKE_FAMILY, Draft
from claimtrack.extract.events.sequence import told_apart
from claimtrack.extract.events.sides import same_actor
from claimtrack.extract.weapons import distinct
from claimtrack.models import EventDate, Location

# kinds of incident; a draft joins only an incident of its own kind
_VIOLENCE = frozenset(
    {*STRIKE_FAMILY, "armed_clash", "territory_change", "attack_on_civilians", "abduction", "sexual_violence"}
)
_BATTLE = frozenset({"armed_clash", "territory_change"})
_PROTEST = frozenset({"protest", "protest_with_intervention", "force_against_protesters", "riot"})
# outcomes and side acts of a violent incident: ACLED codes them only when no violent incident holds them
_OUTCOMES = frozenset(
    {
        "interception",
        "weapons_seizure",
        "property_destruction",
        "territory_transfer",
        "displacement",
        "emergency_measure",
    }
)
# what a protest met with force adds to it: the shooting, the arrests, the damage are the protest's sub-type
_PROTEST_PARTS = frozenset(
    {"attack_on_civilians", "armed_clash", "arrest", "property_destruction", "emergency_measure"}
)
_MILD_PARTS = frozenset({"arrest", "emergency_measure"})  # they join any protest of their day and place
_GRAVE_PROTEST = frozenset({"force_against_protesters", "riot", "protest_with_intervention"})
# remote-violence types ACLED codes by the most specific weapon, whatever else the story says
_SPECIFIC = ("suicide_bombing", "chemical_attack", "grenade_attack")
_REMOTE = STRIKE_FAMILY - {"interception"}
_PROTEST_RANK = {"protest": 0, "protest_with_intervention": 1, "force_against_protesters": 2, "riot": 2}
_HARM_CUE = re.compile(r"(?:kill|wound|injur|dead|die|hurt)", re.I)
_SAME_PLACE_KM = 10.0  # ACLED codes one event per named place: towns further apart than a city spans are two
_BACKGROUND_DAYS = 3  # an incident dated this many days before the article's own is told in passing


def kind(d: Draft) -> str:
    if d.type in _VIOLENCE or d.type in _OUTCOMES:
        return "violence"
    if d.type in _PROTEST:
        return "protest"
    return d.type


def frame(drafts: list[Draft], main: Draft | None, published: date | None) -> list[Draft]:
    """Group drafts into incidents; returns the hosts (one per incident) followed by the drafts no incident took."""
    order = sorted(drafts, key=lambda d: (d is not main, d.sent_index, d.cue.start))
    anchor = _anchor_day(main, drafts, published)
    incidents: list[Draft] = []
    for d in order:
        if d.incident and anchor is not None and _before(d.date, anchor):
            d.background = True
        host = None if not d.incident else _host(incidents, d)
        if host is None:
            incidents.append(d)
        else:
            absorb(host, d)
    # an outcome told alone is an incident of its own (a wholly intercepted salvo); beside a violent incident of
    # its day and place it was absorbed above, so what is left here is only what no incident could hold
    recode(incidents)
    return incidents


def _host(incidents: list[Draft], d: Draft) -> Draft | None:
    k = kind(d)
    told = _told_before(incidents, d)
    if told is not None:
        return told
    for o in incidents:
        if not o.incident or o.background != d.background:
            continue
        if not (same_day(o.date, d.date) and same_place(o.location, d.location)):
            continue
        if told_apart(o, d) and o.type not in _OUTCOMES and d.type not in _OUTCOMES:
            continue  # "Hours later, ..." sets a strike apart; an interception still belongs to its strike
        ko = kind(o)
        if ko == k == "violence" and not _one_fight(o, d):
            continue
        if ko == k and k in ("violence", "protest") and (same_actor(o.initiator, d.initiator) or _accounts(o, d)):
            return o
        if ko == k and o.type == d.type and same_actor(o.initiator, d.initiator):
            return o  # the same act of the same side (two arrests by one police force on one day)
        if ko == "protest" and d.type in _PROTEST_PARTS and (o.type in _GRAVE_PROTEST or d.type in _MILD_PARTS):
            return o
    return None


def _told_before(incidents: list[Draft], d: Draft) -> Draft | None:
    """ "Rebels attacked an army post on Monday. Two soldiers died in the fighting.": a later sentence that tells
    dead or wounded with no day and no place of its own tells the toll of the violent incident told before it,
    whatever its own trigger word; one that names its own day or place may be another incident."""
    if kind(d) != "violence" or d.placed or (d.date is not None and d.date.basis == "own"):
        return None
    if not any(q.role in ("killed", "injured") for q in d.quantities):
        return None
    prior = [
        o
        for o in incidents
        if o.incident
        and not o.background
        and kind(o) == "violence"
        and max(o.sents) < d.sent_index
        and not _new_weapon(o, d)
        and not told_apart(o, d)  # "Later that day, artillery struck ..., wounding three": another act
    ]
    return max(prior, key=lambda o: max(o.sents)) if prior else None


def _new_weapon(o: Draft, d: Draft) -> bool:
    """ "... A bomb killed five people at a bus stop.": a weapon the earlier incident did not use is another act."""
    return bool(d.weapons) and not {w.cls for w in d.weapons} & {w.cls for w in o.weapons}


def _one_fight(a: Draft, b: Draft) -> bool:
    """A ground battle and a strike from afar are two incidents for ACLED, even on one day and place; a clash known
    only by its dead ("soldiers were killed") in a strike story is the strike's harm."""
    for x, y in ((a, b), (b, a)):
        if x.type in _REMOTE and y.type in _BATTLE:
            return y.type == "armed_clash" and bool(_HARM_CUE.search(y.cue_text))
    return True


def _accounts(a: Draft, b: Draft) -> bool:
    """Two sides named as the actor of violence in one country on one day: competing accounts of one incident
    ("X said Y shelled the market; Y blamed X"), or an interception and the strike it stopped. Strikes by two sides
    into two countries are two incidents."""
    if a.type in _OUTCOMES or b.type in _OUTCOMES:
        return True
    ca = a.location.country if a.location is not None else None
    cb = b.location.country if b.location is not None else None
    return ca is not None and ca == cb


def recode(incidents: list[Draft]) -> None:
    """An incident known only by its harm ("two people were killed") or a blast ("explosions were heard") in a
    story of a strike on its day is that strike's harm elsewhere: remote violence, not an attack of its own."""
    remote = [d for d in incidents if d.incident and not d.background and d.type in _REMOTE]
    for d in incidents:
        generic = (d.type == "attack_on_civilians" and (_HARM_CUE.match(d.cue_text) or d.cue.weight < 1.0)) or (
            d.type == "explosive_attack" and d.cue.weight <= 2.0
        )
        if not generic:
            continue
        others = [r for r in remote if r is not d and r.type != "explosive_attack" and same_day(r.date, d.date)]
        strike = others[0] if others else None
        if strike is not None:
            d.type = strike.type
            d.weapons = d.weapons or list(strike.weapons)


def absorb(host: Draft, d: Draft) -> None:
    """``d`` is another mention of ``host``'s incident: its triggers, figures and weapons join the host."""
    host.sents.extend(k for k in d.sents if k not in host.sents)
    host.triggers.extend(t for t in d.triggers if t not in host.triggers)
    host.score = max(host.score, d.score)
    host.weapons = distinct(host.weapons + [w for w in d.weapons if w.name not in {x.name for x in host.weapons}])
    seen = {(q.role, q.value, q.unit) for q in host.quantities}
    host.quantities += [q for q in d.quantities if (q.role, q.value, q.unit) not in seen]
    harmed = any(q.role in ("killed", "injured") and q.value > 0 for q in d.quantities + host.quantities)
    host.hits = host.hits or d.hits or harmed
    host.intercepted = host.intercepted or d.intercepted
    if d.date is not None and (host.date is None or len(d.date.value) > len(host.date.value)):
        host.date = d.date
    if host.location is None or (d.location is not None and _finer(d.location, host.location)):
        host.location = d.location
    if host.initiator is None or (host.initiator.entity is None and d.initiator is not None and d.initiator.entity):
        host.initiator = d.initiator or host.initiator
    if host.target is None or (host.target.entity is None and d.target is not None and d.target.entity):
        host.target = d.target or host.target
    was = host.type
    host.type = _incident_type(host, d)
    if host.type == d.type != was and was in _OUTCOMES:
        host.cue, host.cue_text = d.cue, d.cue_text  # the incident itself, not its outcome, is what triggers it


def _incident_type(host: Draft, d: Draft) -> str:
    """The ACLED reading of two mentions of one incident."""
    a, b = host.type, d.type
    if a in _PROTEST or b in _PROTEST:
        pa, pb = _PROTEST_RANK.get(a, -1), _PROTEST_RANK.get(b, -1)
        if pa < 0:
            return b
        if pb < 0:
            # police shooting or arrests at a protest: the protest was met with force or intervention
            if b in ("attack_on_civilians", "armed_clash") and a == "protest_with_intervention":
                return "force_against_protesters"
            if b == "arrest" and a == "protest":
                return "protest_with_intervention"
            return a
        return a if pa >= pb else b
    if b in _SPECIFIC:
        return b
    if a in _SPECIFIC:
        return a
    if a in _REMOTE and b in _REMOTE:
        # "an explosion" in a story of a named strike is that strike's blast, not a bomb of its own
        return b if a == "explosive_attack" and b != "explosive_attack" else a
    if b in _REMOTE:
        return b  # a strike that killed civilians or hit troops is one strike: ACLED codes the remote violence
    if a in _REMOTE:
        return a
    if a in _OUTCOMES and b not in _OUTCOMES:
        return b  # the interception or damage told first: the incident itself decides the type
    return a


def _finer(a: Location, b: Location) -> bool:
    rank = {"point": 4, "admin2": 3, "admin1": 2, "country": 1, "region": 0}
    return rank.get(a.precision or "", 0) > rank.get(b.precision or "", 0)


def same_day(a: EventDate | None, b: EventDate | None) -> bool:
    """Unknown dates fit anything; a month fits its days; two days must be one day."""
    if a is None or b is None:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def same_place(a: Location | None, b: Location | None) -> bool:
    """Two regions of one country are two incidents (ACLED codes by admin1); a country-level place fits any
    place (the other side's account often locates a strike only in the country that was struck)."""
    if a is None or b is None:
        return True
    if a.admin1 and b.admin1 and (a.country == b.country or not a.country or not b.country):
        if a.admin1 != b.admin1:
            return False
    if a.precision == b.precision == "point" and None not in (a.lat, a.lon, b.lat, b.lon):
        return _km(a, b) <= _SAME_PLACE_KM  # two towns far apart in one region: two incidents
    return True


def _km(a: Location, b: Location) -> float:
    """Great-circle distance (haversine; one line of trigonometry does not need a geodesy library)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


def _anchor_day(main: Draft | None, drafts: list[Draft], published: date | None) -> date | None:
    """The day of the article's own incident: the main event's, else the latest day any incident is dated; the
    publication day only when nothing is dated (a report may be published long after what it tells)."""
    days = []
    for d in ([main] if main is not None else []) + [d for d in drafts if d.incident]:
        if d.date is not None and d.date.precision == "day":
            try:
                days.append(date.fromisoformat(d.date.value))
            except ValueError:
                continue
            if d is main:
                return days[-1]
    if days:
        latest = max(days)
        return latest if published is None or latest <= published else published
    return published


def _before(d: EventDate | None, anchor: date) -> bool:
    """Whether a date lies clearly before the article's incident (an earlier incident told in passing)."""
    if d is None:
        return False
    v = d.value
    try:
        if d.precision == "day":
            return (anchor - date.fromisoformat(v)).days > _BACKGROUND_DAYS
        if d.precision == "month":
            y, m = int(v[:4]), int(v[5:7])
            return (y, m) < (anchor.year, anchor.month) and (anchor - date(y, m, 28)).days > _BACKGROUND_DAYS
        if d.precision == "year":
            return int(v[:4]) < anchor.year
    except ValueError:
        return False
    return False
