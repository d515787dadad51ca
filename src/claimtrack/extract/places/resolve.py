"""Resolution: each mention's gazetteer reading, scored alone and then with the document as context.

Base score: population, own-name match, feature prior, a division word's demand for a division, an explicit
qualifier ("Paris, Texas"). Context: the document's country focus, the divisions it names, and nearby places. Every
context lookup is indexed (by name, by division, by one-degree cell), and mentions of one name with one reading
are scored once, so a document's cost grows with its distinct names, not with the square of its mentions.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from spacy.tokens import Doc

from claimtrack.extract.gazetteer import COORD_PRECISION, Entry, load_gazetteer, seat_division
from claimtrack.extract.places.contain import place_inside_containers
from claimtrack.extract.places.context import demonym_prior, mark_modifiers
from claimtrack.extract.places.mention import _Mention
from claimtrack.extract.places.qualify import BIG_TOWN, STRAY_POP, _bare, _qualifies, _to_qualifier, foreign_comma
from claimtrack.extract.places.recognise import _candidate_spans
from claimtrack.models import LocationPrecision, Place, PlaceFeature


def _country_focus(mentions: list[_Mention]) -> Counter[str]:
    focus: Counter[str] = Counter()
    for m in mentions:
        if m.best and m.best.country:
            focus[m.best.country] += 1
    return focus


# Resolution weights (see docs/places.md); tuned on the development sets, one decision at a time.
W_POP = 0.8  # per decade of population


W_PRIMARY = 1.5  # the name is the place's own, not a GeoNames alternate


W_FOCUS = 3.0  # times the share of the document's other places in the candidate's country


W_NAMED_ADMIN = 2.0  # the candidate lies in a division the text names


W_TOWN_ADMIN = 1.0  # ... or in one where other places of the text lie


W_NEAR = 1.5  # within 120 km of another place of the text


def _base_score(m: _Mention, e: Entry, primary: bool, big_town: dict[tuple[str, str], int]) -> float:
    score = W_POP * math.log10(e.population + 10)
    score += W_PRIMARY if primary else 0.0
    prior = {"country": 3.0, "admin1": 2.0, "region": 2.5, "water": 2.5, "admin2": -1.0}.get(e.feature, 0.0)
    if e.feature == "admin1" and not m.suffix:
        # A bare name that is also a big town of the same country means the town ("Kharkiv", "Washington"); so
        # does one that is a big town elsewhere, unless the division dwarfs it ("in Bari" is the Italian city,
        # not the Somali region; "in Victoria" still the Australian state).
        town = big_town.get(("", m.key), 0)
        if (e.country, m.key) in big_town or not primary or (town >= BIG_TOWN and e.population < 10 * town):
            prior = -1.5
    if m.suffix:
        prior += 3.0 if e.feature in ("admin1", "admin2", "region") else -3.0
    return score + prior


def _standing(e: Entry) -> float:
    """How much a reading tells the text's country: a hamlet read abroad ("Whitehall" in Alabama) must not drag
    "London" to Ohio; a town of 100,000 or a division votes fully."""
    if e.feature != "settlement":
        return 1.0
    return max(0.1, min(1.0, math.sqrt(e.population / BIG_TOWN)))


def _km(a: Entry, b: Entry) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _resolve(mentions: list[_Mention], prior: dict[str, float] | None = None) -> None:
    """Score candidates alone, then twice more with the rest of the document as context.

    Context never counts a mention's own name: five "Dublin"s must not vote for Ireland themselves. Mentions with
    the same name, division word and qualifier have the same candidates and the same context, so each such
    group is scored once and weighs as many times as it occurs. ``prior`` adds countries the text points to
    without naming a place there (its actors' demonyms).
    """
    for m in mentions:
        # A bracketed list of divisions is read this way, and a comma qualifier after a small place that names a
        # division of another country than all its readings ("Zorino, Kharkiv" with Zorino known only in Peru);
        # "Greece, Bulgaria" is a list, not a qualifier, and a country or first-level division is not placed
        # inside another. Inside one country a namesake village still beats a division-wide point.
        q = m.qualifier or ""
        if (
            q
            and (q.startswith("(") or foreign_comma(m))
            and not any(p and e.feature in ("country", "admin1", "region", "water") for e, p in m.candidates)
            and not any(_qualifies(m, e) for e, _ in m.candidates)
        ):
            # A town by its own name whose division the gazetteer does not know may lie in the one the qualifier
            # names, when that is no known division of the town's country ("Zorbu (Zorland)" with Zorbu known only
            # without its division and Zorland a division elsewhere): it is not ruled out, the others are.
            named = {e.country for e, _ in load_gazetteer().lookup(_bare(q.lstrip("(").split("|")[-1]))}
            unknown: list[tuple[Entry, bool]] = [
                (e, p)
                for e, p in m.candidates
                if p and e.feature == "settlement" and not e.admin1 and e.country not in named
            ]
            if unknown:
                m.candidates = unknown
            else:
                _to_qualifier(m)
    groups: dict[tuple[str, str | None, str | None, bool], list[_Mention]] = {}
    for m in mentions:
        groups.setdefault((m.key, m.suffix, m.qualifier, m.demonym), []).append(m)
    reps = [ms[0] for ms in groups.values()]
    weight = [sum(m.vote for m in ms) for ms in groups.values()]
    big_town: dict[tuple[str, str], int] = {}  # (country, name) -> its biggest town; ("", name): anywhere
    for m in reps:
        for e, p in m.candidates:
            if e.feature == "settlement" and p and e.population >= 50_000:
                for where in ((e.country, m.key), ("", m.key)):
                    big_town[where] = max(big_town.get(where, 0), e.population)
    base: list[list[float]] = []
    best: list[Entry] = []
    for m in reps:
        scores = [_base_score(m, e, p, big_town) + (6.0 if _qualifies(m, e) else 0.0) for e, p in m.candidates]
        base.append(scores)
        best.append(m.candidates[max(range(len(scores)), key=scores.__getitem__)][0])
    _same_as_qualified(reps, base, best)
    # Which names have a plausible reading in each 1-degree cell: two ambiguous names ("Paris" and "Henry
    # County") that can both be read in one area most likely are.
    cells: dict[tuple[int, int], set[str]] = {}
    for m, scores in zip(reps, base, strict=True):
        top = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)[:COHERENCE_TOP]
        for k in top:
            e = m.candidates[k][0]
            if e.feature in ("settlement", "admin2"):
                cells.setdefault((math.floor(e.lat), math.floor(e.lon)), set()).add(m.key)
    for _round in range(2):
        by_key: dict[str, defaultdict[str, float]] = {}  # name -> countries of its current readings, weighted
        if prior:
            by_key[""] = defaultdict(float, prior)
        # a division the text names -> the names naming it, with their division words: "Donetsk region" names the
        # division a bare "Donetsk" lies in (another mention), though "Donetsk" alone must not vote for itself
        admin_keys: dict[tuple[str, str], set[tuple[str, str | None]]] = {}
        towns: defaultdict[tuple[str, str], float] = defaultdict(float)  # division -> weighted readings in it
        own_towns: dict[str, defaultdict[tuple[str, str], float]] = {}
        grid: dict[tuple[int, int], dict[str, list[Entry]]] = {}  # cell -> name -> its readings there
        for m, b, w in zip(reps, best, weight, strict=True):
            by_key.setdefault(m.key, defaultdict(float))[b.country] += w * _standing(b)
            if b.feature == "admin1":
                admin_keys.setdefault((b.country, b.name), set()).add((m.key, m.suffix))
            elif b.admin1:
                towns[(b.country, b.admin1)] += w
                own_towns.setdefault(m.key, defaultdict(float))[(b.country, b.admin1)] += w
            if b.feature in ("settlement", "admin2"):
                grid.setdefault((math.floor(b.lat), math.floor(b.lon)), {}).setdefault(m.key, []).append(b)
        focus_all: defaultdict[str, float] = defaultdict(float)
        for votes in by_key.values():
            for country, v in votes.items():
                focus_all[country] += v
        total_all = sum(focus_all.values())
        new_best: list[Entry] = []
        for m, scores in zip(reps, base, strict=True):
            own = by_key.get(m.key, defaultdict(float))
            mine = own_towns.get(m.key, defaultdict(float))
            others = total_all - sum(own.values())
            best_i, best_s = 0, -1e9
            for k, (e, _p) in enumerate(m.candidates):
                s = scores[k]
                if others > 0 and e.country:
                    # a share of at least one whole mention: a lone modifier ("the US court") is no full vote
                    s += W_FOCUS * (focus_all[e.country] - own[e.country]) / max(others, 1.0)
                if e.feature != "admin1" and e.admin1:
                    namers = admin_keys.get((e.country, e.admin1))
                    if namers and (len(namers) > 1 or (m.key, m.suffix) not in namers):
                        s += W_NAMED_ADMIN
                    elif towns[(e.country, e.admin1)] > mine[(e.country, e.admin1)]:
                        s += W_TOWN_ADMIN
                if e.feature in ("settlement", "admin2"):
                    if _near_other(grid, e, m.key):
                        s += W_NEAR
                    elif len(m.candidates) > 1 and _co_located(cells, e, m.key):
                        s += COHERENCE_BONUS
                if s > best_s:
                    best_i, best_s = k, s
            new_best.append(m.candidates[best_i][0])
        best = new_best
    for ms, b in zip(groups.values(), best, strict=True):
        for m in ms:
            m.best = b


W_QUALIFIED_ELSEWHERE = 6.0  # as much as a qualifier of its own


def _same_as_qualified(reps: list[_Mention], base: list[list[float]], best: list[Entry]) -> None:
    """One sense per discourse: once the text has said "Springfield, Ohio", a later "Springfield" alone is that
    Springfield too, not the biggest namesake. Only when the qualified mentions of the name agree on one reading."""
    fixed: dict[tuple[str, str | None], set[int]] = {}
    for m, b in zip(reps, best, strict=True):
        if m.qualifier and not m.demonym and _qualifies(m, b):
            fixed.setdefault((m.key, m.suffix), set()).add(id(b))
    if not fixed:
        return
    for m, scores in zip(reps, base, strict=True):
        ids = fixed.get((m.key, m.suffix))
        if m.qualifier or m.demonym or not ids or len(ids) > 1:
            continue
        for k, (e, _p) in enumerate(m.candidates):
            if id(e) in ids:
                scores[k] += W_QUALIFIED_ELSEWHERE


NEAR_KM = 120.0


def _near_other(grid: dict[tuple[int, int], dict[str, list[Entry]]], e: Entry, key: str) -> bool:
    """Some other name of the text currently reads as a place within NEAR_KM of ``e``: only the cells that can
    hold such a place are looked at (a degree of latitude is 111 km; of longitude, less towards the poles)."""
    la, lo = math.floor(e.lat), math.floor(e.lon)
    span = min(180, math.ceil(NEAR_KM / max(1.0, 111.0 * math.cos(math.radians(min(abs(e.lat), 89.0))))))
    for dla in (-1, 0, 1):
        for dlo in range(-span, span + 1):
            for other, readings in grid.get((la + dla, lo + dlo), {}).items():
                if other != key and any(_km(e, a) < NEAR_KM for a in readings):
                    return True
    return False


COHERENCE_TOP = 12


COHERENCE_BONUS = 0.75


def _co_located(cells: dict[tuple[int, int], set[str]], e: Entry, key: str) -> bool:
    la, lo = math.floor(e.lat), math.floor(e.lon)
    for dla in (-1, 0, 1):
        for dlo in (-1, 0, 1):
            names = cells.get((la + dla, lo + dlo))
            if names and (len(names) > 1 or key not in names):
                return True
    return False


def _to_place(doc: Doc, m: _Mention) -> Place:
    e = m.best
    span = doc[m.start : m.end]
    start, end = span.start_char, span.end_char
    text = span.text
    assert e is not None
    feature: PlaceFeature = e.feature  # type: ignore[assignment]
    return Place(
        text=text,
        span=(start, end),
        name=e.name,
        geonameid=e.geonameid,
        country=e.country or None,
        admin1=(e.admin1 or _seat_of(e)) if feature != "country" else None,
        lat=e.lat,
        lon=e.lon,
        feature=feature,
        precision=COORD_PRECISION.get(e.coord) or PRECISION.get(e.feature, "point"),
    )


def _seat_of(e: Entry) -> str | None:
    """A town the gazetteer gives no division: the division named after it, if its country has one."""
    return seat_division(e.country, e.name) if e.feature == "settlement" and e.country else None


# A place's precision by feature, unless its point is coarser than the feature (a village placed by its hromada).
PRECISION: dict[str, LocationPrecision] = {
    "settlement": "point",
    "landmark": "point",
    "admin2": "admin2",
    "admin1": "admin1",
    "country": "country",
    "region": "region",
    "water": "region",
}


def find_places(doc: Doc) -> list[Place]:
    """Every place mention in ``doc`` with its resolution, in text order."""
    gaz = load_gazetteer()
    mentions = _candidate_spans(doc, gaz)
    if not mentions:
        return []
    mark_modifiers(doc, mentions)
    _resolve(mentions, demonym_prior(doc, mentions, gaz))
    outside = place_inside_containers(doc, mentions)
    strays = _strays([m for m in mentions if id(m) not in outside]) | outside
    return [_to_place(doc, m) for m in mentions if m.best is not None and id(m) not in strays]


STRAY_ALIAS_POP = 200_000  # ... or this small, when only one of its alternate names matches


def _own_name(m: _Mention, e: Entry) -> bool:
    return any(p for c, p in m.candidates if c is e)


def _strong(m: _Mention) -> bool:
    """A reading that anchors the text's country on its own: a division or a big town (a country does not: texts
    name countries as parties everywhere, "protesters in X denounced Russia")."""
    e = m.best
    if e is None or m.demonym or m.vote < 1.0:
        return False
    return e.feature in ("admin1", "admin2") or (e.feature == "settlement" and e.population >= BIG_TOWN)


def _strays(mentions: list[_Mention]) -> set[int]:
    """Small towns read in a country no other place of the text lies in, while the text's other places agree on
    one country: "Alta square of Algeciras (Cadiz)" is not Alta in Norway. The text's own places outweigh a
    lone namesake: two names in one country, or one division or big town ("a rally at Whitehall in Edinburgh" is
    not a Whitehall of the United States). Evidence keeps it: a division word read as a division, a qualifier that fits
    it, a country or division reading."""
    names: dict[str, set[str]] = {}  # country -> names read there
    strong: dict[str, int] = {}  # country -> names read there that anchor it alone
    for m in mentions:
        if m.best is not None and m.best.country:
            names.setdefault(m.best.country, set()).add(m.key)
            if _strong(m):
                strong[m.best.country] = strong.get(m.best.country, 0) + 1
    if len(names) < 2:
        return set()
    focus, keys = max(names.items(), key=lambda kv: (len(kv[1]), strong.get(kv[0], 0)))
    if len(keys) < 2 and not strong.get(focus):
        return set()
    out: set[int] = set()
    for m in mentions:
        e = m.best
        if (
            e is not None
            and e.country != focus
            and e.feature in ("settlement", "admin2", "landmark")
            and (e.population < STRAY_POP or (e.population < STRAY_ALIAS_POP and not _own_name(m, e)))
            and (not m.suffix or m.suffix == "area" or e.feature == "settlement")
            and not (m.qualifier and (_qualifies(m, e) or not e.admin1))  # a fit, or a division unknown
            and not m.demonym
            and names.get(e.country) == {m.key}
            and not (len(keys) < 2 and strong.get(e.country))
        ):
            out.add(id(m))
    return out
