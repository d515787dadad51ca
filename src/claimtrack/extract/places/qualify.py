"""Qualifiers of a place mention: "Paris, Texas", "Astorga (Leon, Castile)". Whether a reading fits what the
qualifier names, and what a mention reads as when none of its readings does.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimtrack.extract.gazetteer import Entry, load_gazetteer, norm
from claimtrack.extract.places.mention import _Mention
from claimtrack.extract.places.words import ADMIN_SUFFIXES, US_STATE_ABBR

BIG_TOWN = 100_000  # a town this big elsewhere outweighs a division's claim on a bare name
STRAY_POP = 50_000  # a town this small, alone in its country, is more likely a word or a name than a place


def _qualifies(m: _Mention, e: Entry) -> bool:
    q = m.qualifier or ""
    if q.startswith("("):
        return any(_part_fits(part, e) for part in q[1:].split("|"))
    if not q:
        return False
    state = US_STATE_ABBR.get(q)
    if state is not None:
        return e.country == "US" and e.admin1 == state
    if _bare(e.admin1) == _bare(q):
        return True
    return any(c.feature == "country" and c.country == e.country for c, _ in load_gazetteer().lookup(q))


def _part_fits(part: str, e: Entry) -> bool:
    """A part of a bracketed qualifier fits a reading: it names a division or the country the reading lies in,
    or a prominent place (a town, a district) of the same first-level division: "Astorga (Leon, ...)" read in
    León's division. A place never qualifies itself: in "La Paz (La Paz)" the bracket names the division the
    city lies in, so the division of that name is not the reading it points to. A town qualifies only through
    its prominent readings (a twentieth of the largest that bears the name, or more): a hamlet that shares the
    qualifier's name in some other country's province says nothing."""
    if e.feature != "admin1" and _bare(e.admin1) == _bare(part):
        return True
    if e.feature not in ("admin1", "admin2") and e.admin2 and norm(e.admin2) == part:
        return True
    readings = load_gazetteer().lookup(part)
    top = max((c.population for c, _ in readings), default=0)
    for c, p in readings:
        if c.country != e.country or c is e:
            continue
        if c.feature == "country" or (c.feature == "admin1" and c.name == e.admin1 and e.feature != "admin1"):
            return True
        if (
            p
            and c.feature in ("settlement", "admin2")
            and c.admin1
            and c.admin1 == e.admin1
            and c.population * 20 >= top
        ):
            return True
    # the division under another spelling ("Milano (Lombardia)": Lombardy)
    return any(d.country == e.country and d.name == e.admin1 for d in load_gazetteer().divisions_like(part))


def foreign_comma(m: _Mention) -> bool:
    q = m.qualifier or ""
    if max(e.population for e, _ in m.candidates) >= BIG_TOWN or q in US_STATE_ABBR:
        return False
    # a division, not a country: "Zaire, Bundibugyo, Cote d'Ivoire and Sudan" is a list of countries
    units = {e.country for e, _ in load_gazetteer().lookup(q) if e.feature == "admin1"}
    return bool(units) and not units & {e.country for e, _ in m.candidates}


def _bare(name: str) -> str:
    """A division's key without its kind: "Western Region" is what "(Mbarara, Western)" names."""
    key = norm(name)
    head, _, last = key.rpartition(" ")
    return head if head and last in ADMIN_SUFFIXES else key


def _to_qualifier(m: _Mention) -> None:
    """No reading of the name lies in the division or country its qualifier names ("Zorla (Hollin, Upper Vale)" with no
    Zorla known in Upper Vale): a namesake elsewhere would be confidently wrong, so the mention reads as the qualifier,
    the outermost part that is a division or a country; of its readings, the one the other parts agree with."""
    q = m.qualifier or ""
    parts = q[1:].split("|") if q.startswith("(") else [q]
    gaz = load_gazetteer()
    for part in reversed(parts):
        key = norm(US_STATE_ABBR[part]) if part in US_STATE_ABBR else part
        units = [e for e, _ in gaz.lookup(key) if e.feature in ("admin1", "country")] or gaz.divisions_like(key)
        if part in US_STATE_ABBR:
            units = [e for e in units if e.country == "US"]
        if units:
            others = [p for p in parts if p != part]
            units.sort(key=lambda u: -sum(_part_fits(p, u) for p in others))
            m.candidates = [(u, True) for u in units]
            return
    # No part is a division or a country: the bracket names towns ("Sindia (Dunmore, Kerry)" with Kerry unknown):
    # the outermost town by its own name places a small mention better than a namesake elsewhere.
    if q.startswith("(") and max(e.population for e, _ in m.candidates) < STRAY_POP:
        for part in reversed(parts):
            towns = [e for e, p in gaz.lookup(part) if p and e.feature == "settlement"]
            if towns:
                m.candidates = [(max(towns, key=lambda t: t.population), True)]
                return
    # No part is a division or country the gazetteer knows by that name, but one is a town or district: "Zorfan
    # (Ganderbal district, ...)" lies in that town's first-level division, which is the reading. Only through the
    # part's prominent readings, as in ``_part_fits``: a hamlet of that name abroad says nothing. A part that
    # repeats the mention's own name ("Zorville (Zorville)": the town in the division of its name) names no other
    # place: its readings are the mention's own, and must not move it to a namesake's division.
    for part in (p for p in parts if p != m.key):
        readings = gaz.lookup(part)
        top = max((e.population for e, _ in readings), default=0)
        divisions = [
            d
            for e, p in readings
            if p and e.feature in ("settlement", "admin2") and e.admin1 and e.population * 20 >= top
            for d, _ in gaz.lookup(norm(e.admin1))
            if d.feature == "admin1" and d.country == e.country and d.name == e.admin1
        ]
        if divisions:
            m.candidates = [(d, True) for d in dict.fromkeys(divisions)]
            return


def named_with_division(doc: Doc, m: _Mention) -> bool:
    """'X in the Y region', 'X, Y oblast': the text gives the first-level division the name lies in, and the
    gazetteer has a place of that name in that division: whatever the small model's label (it reads many
    transliterated town names as persons, groups or nationalities), a person is not introduced with a province."""
    k = m.end
    if k + 2 >= len(doc) or doc[k].lower_ not in (",", "in"):
        return False
    k += 1 + (doc[k + 1].lower_ == "the")
    for n in (1, 2):
        if k + n >= len(doc) or doc[k + n].lower_ not in ADMIN_SUFFIXES:
            continue
        words = doc[k : k + n]
        if not all(t.text[:1].isupper() for t in words):
            return False
        divisions = {e.name for e, _ in load_gazetteer().lookup(norm(words.text)) if e.feature == "admin1"}
        return any(e.feature != "admin1" and e.admin1 in divisions for e, _ in m.candidates)
    return False


def abroad_of(state: _Mention, place: _Mention | None) -> bool:
    """A state abbreviation after a comma and a known place whose main reading lies abroad, with none in that
    state ("Caracas, D.C."), abbreviates something else (a capital district). After a place read
    in the US, or an unknown one, it is the state ("Gainesville, Fla."; the gazetteer lacks many small towns)."""
    if place is None or not place.candidates:
        return False
    names = {e.name for e, _ in state.candidates}
    if any(e.country == "US" and (e.admin1 in names or e.name in names) for e, _ in place.candidates):
        return False
    return max(place.candidates, key=lambda c: c[0].population)[0].country != "US"
