"""Pair decisions of the linker: what a document event is as a link candidate (a ``Mention``) and whether two of
them can be, and how strongly they look like, the same real event.

``linking.py`` clusters on these scores; the SQL backend and the evaluation read the same decisions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from claimtrack.models import Event

# Types that can describe the same real event (a missile strike and the interception of its salvo).
TYPE_GROUPS: dict[str, str] = {
    **dict.fromkeys(
        (
            "air_strike",
            "drone_strike",
            "missile_strike",
            "shelling",
            "interception",
            "explosive_attack",
            "grenade_attack",
            "chemical_attack",
            "suicide_bombing",
            "property_destruction",
        ),
        "remote_violence",
    ),
    **dict.fromkeys(("armed_clash", "territory_change", "territory_transfer", "base_established"), "ground"),
    **dict.fromkeys(
        ("protest", "protest_with_intervention", "force_against_protesters", "riot", "mob_violence"), "protest"
    ),
    **dict.fromkeys(("authorization", "arms_transfer", "aid", "support"), "authorization"),
}

_VIOLENT = {"remote_violence", "ground", "protest", "attack_on_civilians", "abduction", "sexual_violence"}

DAY_TOLERANCE = 1  # reports of one night's strike often differ by a day (local time, "overnight")

UNDATED_WINDOW = 7  # an undated event happened within this many days before publication

NEAR_KM = 25.0  # two points this close can be the same place (a town and its outskirts)

FAR_KM = 150.0  # two points further apart than this are different places

THRESHOLD = 3.5  # minimum pair score for an edge; see score() for what adds up to it


def type_group(event_type: str) -> str:
    return TYPE_GROUPS.get(event_type, event_type)


def _parse(value: str) -> tuple[date, date] | None:
    """[first, last] day of a YYYY-MM-DD / YYYY-MM / YYYY value."""
    try:
        parts = [int(p) for p in value.split("-")]
    except ValueError:
        return None
    try:
        if len(parts) == 3:
            d = date(*parts)
            return d, d
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


@dataclass(frozen=True)
class Mention:
    """What linking needs of one document event (one report of a real event)."""

    key: str  # report key: article content hash + ":" + event id; content-derived, so order-free
    article: str  # article content hash; two events of one article are never merged
    published: str  # for the anchor (earliest report) and undated events
    type: str
    lo: int  # date interval as proleptic ordinals
    hi: int
    precision: str  # day / month / year / none
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    point: bool = False
    initiator: str | None = None
    target: str | None = None
    weapons: frozenset[str] = frozenset()
    counts: tuple[tuple[str, int], ...] = ()
    group: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "group", type_group(self.type))

    @property
    def order(self) -> tuple[str, str]:
        return (self.published, self.key)


def report_key(article_hash: str, event_id: str) -> str:
    return f"{article_hash[:16]}:{event_id}"


def mention_of(event: Event, article_hash: str, published: str | None) -> Mention:
    pub = published or "0001-01-01"
    span = _parse(event.date.value) if event.date else None
    if span is not None:
        lo, hi = span[0].toordinal(), span[1].toordinal()
        precision = event.date.precision if event.date else "none"
    else:
        end = (_parse(pub) or (date(1, 1, 1), date(1, 1, 1)))[1].toordinal()
        lo, hi, precision = end - UNDATED_WINDOW, end, "none"
    loc = event.location
    # only canonical entities compare: raw mentions ("its drones", "the death toll") are not actors
    ini = event.initiator.entity if event.initiator else None
    tgt = event.target.entity if event.target else None
    return Mention(
        key=report_key(article_hash, event.id),
        article=article_hash,
        published=pub,
        type=event.type,
        lo=lo,
        hi=hi,
        precision=precision,
        country=loc.country if loc else None,
        admin1=loc.admin1 if loc else None,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        point=bool(loc and loc.precision == "point" and loc.lat is not None),
        initiator=ini,
        target=tgt,
        weapons=frozenset(w.name.lower() for w in event.weapons),
        counts=tuple(sorted({(q.role, q.value) for q in event.quantities})),
    )


def _km(a: Mention, b: Mention) -> float:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def compatible(a: Mention, b: Mention) -> bool:
    """Hard constraints: could these two reports describe one real event at all?"""
    if a.group != b.group or a.article == b.article:
        return False
    tol = DAY_TOLERANCE if a.precision == b.precision == "day" else 0
    if a.lo > b.hi + tol or b.lo > a.hi + tol:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False
    if a.point and b.point and _km(a, b) > FAR_KM:
        return False
    return True


def score(a: Mention, b: Mention) -> float | None:
    """Evidence that two compatible reports are one event; None when a hard constraint fails.

    Same type and same day (4) is enough alone, unless two precise places lie apart; a coarse date
    ("last year") needs agreeing actors, weapons, place or counts on top of the type.
    """
    if not compatible(a, b):
        return None
    s = 2.0 if a.type == b.type else 1.0
    if a.precision == b.precision == "day":
        if a.lo == b.lo:
            # two reports that both fell back on their publication day agree on little
            s += 1.0 if _on_publication_day(a) and _on_publication_day(b) else 2.0
        elif abs(a.lo - b.lo) == 1 and _on_publication_day(a if a.lo > b.lo else b):
            s += 1.0  # the later report dated it by its publication ("Sunday's shelling" told on Monday)
    # a coarse date ("in March", "last year") only fails to rule the pair out: it adds no evidence
    if a.point and b.point:
        s += 2.0 if _km(a, b) <= NEAR_KM else -1.5  # two precise, distant places: likely two events
    elif a.admin1 and a.admin1 == b.admin1:
        s += 1.0
    elif a.country and a.country == b.country:
        s += 0.5
    if a.initiator and b.initiator:
        # sides blame each other for the same strike; but who acts defines a decision or a transfer
        s += 1.0 if _same_actor(a.initiator, b.initiator) else (-1.0 if a.group in _VIOLENT else -3.0)
    if a.target and b.target:
        s += 1.0 if _same_actor(a.target, b.target) else -1.0
    if a.weapons & b.weapons:
        s += 1.0
    if set(a.counts) & set(b.counts):
        s += 1.0
    return s


def _on_publication_day(m: Mention) -> bool:
    pub = _parse(m.published[:10])
    return pub is not None and m.lo == m.hi == pub[0].toordinal()


def _same_actor(a: str, b: str) -> bool:
    """One actor at two precisions: "Civilians" and "Civilians (Kenya)" are the same, "Civilians (Kenya)" and
    "Civilians (Uganda)" are not."""
    return a == b or a.split(" (")[0] == b or b.split(" (")[0] == a


def linked(a: Mention, b: Mention, must: frozenset[frozenset[str]] = frozenset()) -> bool:
    if frozenset((a.key, b.key)) in must:
        return True
    sc = score(a, b)
    return sc is not None and sc >= THRESHOLD
