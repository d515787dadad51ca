"""Which figures an event may carry, and figures told in a sentence of their own."""

from __future__ import annotations

from spacy.tokens import Span

from claimtrack.extract.events.codes import ACLED
from claimtrack.extract.events.common import FAMILY, STRIKE_FAMILY, VIOLENT_TYPES, Draft
from claimtrack.extract.quantities import QuantityMention, find_quantities
from claimtrack.models import Event

# figures each family may carry: an authorization does not own the missiles its sentence counts
_ROLES = {
    "strike": {"launched", "intercepted", "damaged", "hit", "missed", "killed", "injured", "destroyed"},
    "deployment": {"troops"}, "arms_transfer": {"delivered", "launched"}, "arrest": {"arrested"},
    "abduction": {"abducted", "killed", "injured"}, "protest": {"participants", "killed", "injured", "arrested"},
}  # fmt: skip
_VIOLENT_ROLES = {"killed", "injured", "destroyed", "damaged", "captured"}


def roles_for(fine: str) -> set[str]:
    """Figures an event of type ``fine`` carries; every event ACLED codes carries its dead and wounded (an arrest
    in which a detainee dies, a protest in which police kill): ACLED's fatalities belong to the event."""
    fam = FAMILY.get(fine, fine)
    coded = fine in ACLED and bool(ACLED[fine]) and fam not in ("agreement",)
    if fam in _ROLES:
        return _ROLES[fam] | (_CASUALTIES if coded else set())
    if fam in _CRIME:
        return set(_CASUALTIES)
    return _VIOLENT_ROLES if coded else set()


# gang and cartel violence carries no ACLED code of its own, yet "a trader was shot dead by gang members" tells its
# dead: ACLED codes such a killing (as an attack or a clash) with them
_CRIME = frozenset({"organized_crime"})


_CASUALTIES = frozenset({"killed", "injured"})


def orphan_figures(drafts: list[Draft], sents: list[Span]) -> None:
    """Figures told in a sentence that holds no violent event of its own ("There were no casualties.", "Two
    soldiers died later.", "The group said it killed five") belong to the violent incident told just before it
    (or, in an opening sentence, just after it)."""
    _to_incident(drafts)
    violent = [d for d in drafts if {"killed", "injured"} & roles_for(d.type)]
    if not violent:
        return
    owned = {i for d in violent for i in d.sents}
    for si, sent in enumerate(sents):
        if si in owned:
            continue
        prior = [d for d in violent if any(0 < si - k <= _REACH for k in d.sents)]
        if prior:
            host = max(prior, key=lambda d: (max(k for k in d.sents if k < si), d.type in STRIKE_FAMILY))
        else:
            after = [d for d in violent if any(0 < k - si <= 1 for k in d.sents)]
            if not after:
                continue
            host = min(after, key=lambda d: min(d.sents))
        roles = roles_for(host.type)
        seen = {(q.role, q.value, q.unit) for q in host.quantities}
        for q in find_quantities(sent):
            if q.role in roles and (q.role, q.value, q.unit) not in seen:
                host.quantities.append(q)
                seen.add((q.role, q.value, q.unit))


def _to_incident(drafts: list[Draft]) -> None:
    """ "Two smugglers were shot dead in the clash and a third was detained": the dead of a side act's sentence (an
    arrest, a seizure, damage) are the toll of the violent incident told before it."""
    violent = [d for d in drafts if d.type in VIOLENT_TYPES and d.type not in _SIDE_ACTS]
    for d in drafts:
        if d.type not in _SIDE_ACTS:
            continue
        prior = [v for v in violent if v is not d and 0 <= min(d.sents) - max(v.sents) <= _REACH]
        if not prior:
            continue
        host = max(prior, key=lambda v: max(v.sents))
        moved = [q for q in d.quantities if q.role in _CASUALTIES]
        d.quantities = [q for q in d.quantities if q.role not in _CASUALTIES]
        seen = {(q.role, q.value, q.unit) for q in host.quantities}
        host.quantities += [q for q in moved if (q.role, q.value, q.unit) not in seen]


# a crime told beside a coded clash ("a suspect exchanged fire with police. The trafficker was killed") is a side act
# too: its dead are the toll of the incident ACLED codes
_SIDE_ACTS = frozenset({"arrest", "weapons_seizure", "property_destruction", "looting", "organized_crime"})
_REACH = 3  # sentences after an incident's last mention that can still tell its toll


def casualties(quantities: list[QuantityMention], causes: tuple[str, ...] = ()) -> tuple[int | None, int | None]:
    """The incident's fatalities and injured: the highest stated figure of each (a rising toll ends highest), a
    vague estimate only where no figure is stated; subsets and background totals never count, nor deaths told as
    one of ``causes`` (what a protest was held over). A toll the teller settles on stands over the rest."""

    def pick(role: str) -> int | None:
        found = [q for q in quantities if q.role == role and not (q.subset or q.background or q.cause in causes)]
        settled = [q for q in found if q.settled]
        if settled:  # "officials later put the toll at 9", whatever was claimed before
            return max(settled, key=lambda q: q.start).value
        # victims told besides those counted before them ("one rebel also died", "seven in another village") add
        # to the toll; one told with nothing counted before it ("one was killed and 15 more hurt": the 15 is the
        # first count of the hurt) or beside a toll the teller gives as such (which holds every group) stands alone
        # or beside a later count, which restates the sum ("... 3 of his guards. 4 dead in all")
        total = any(q.total for q in found)
        base: list[QuantityMention] = []
        extra, prior = 0, 0
        for q in sorted(found, key=lambda q: q.start):
            if q.also and not total and not q.estimate and any(not b.estimate for b in base):
                prior = prior or max(b.value for b in base if not b.estimate)
                extra += q.value
            else:
                base.append(q)
        exact = [q.value for q in base if not q.estimate]
        values = exact or [q.value for q in base]
        return max(max(values), prior + extra) if values else None

    return pick("killed"), pick("injured")


def fold_tolls(events: list[Event], harm: frozenset[str]) -> list[Event]:
    """ "Troops clashed with rebels; a shell killed two": when the article's main incident carries no toll and
    exactly one other violent incident of the same day and place does, the two are one incident told as two acts,
    and the toll belongs to the one ACLED codes. Another day or another named place is another incident, whose
    toll stays its own (a toll is moved, never copied onto two events)."""
    coded = [i for i, e in enumerate(events) if e.acled is not None and not e.background]
    if not coded:
        return events
    m = events[coded[0]]
    if m.fatalities is not None or m.date is None:
        return events
    day = m.date.value
    same = [
        i
        for i in coded[1:]
        if events[i].type in harm and events[i].fatalities and _day(events[i]) == day and _same_place(m, events[i])
    ]
    if len(same) != 1:
        return events
    donor = events[same[0]]
    out = list(events)
    moved = {"fatalities": donor.fatalities}
    if m.injured is None and donor.injured is not None:
        moved["injured"] = donor.injured
    out[coded[0]] = m.model_copy(update=moved)
    out[same[0]] = donor.model_copy(update={k: None for k in moved})
    return out


def _day(e: Event) -> str | None:
    return e.date.value if e.date is not None else None


def _same_place(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None:
        return True  # an act told with no place of its own happened where the incident did
    return a.location.name == b.location.name
