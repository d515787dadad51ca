"""Containment: "Zorfan town in Zorland", "the Zorfan area of Zorland county", "Zorfan district in Zorton city" say that
the first place lies in the second. A reading of the first name in another country than the second's is a
namesake abroad: the mention moves to a reading in the container's country, or, with none, is set aside, so
the event falls back to the container the text names rather than to a faraway town.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimtrack.extract.gazetteer import Entry
from claimtrack.extract.places.mention import _Mention
from claimtrack.extract.places.qualify import _qualifies
from claimtrack.extract.places.words import ADMIN_SUFFIXES, COMPASS_POINTS, SETTLEMENT_NOUNS

CONTAINER_GAP = 4  # tokens an unknown inner division may take before the known container: "of Zor district, Zorland"
# What a contained mention may read as: a town or a division (a division abroad inside a town or division of the
# text's country is no better than a town abroad); a country or region is named for itself.
_MOVABLE = ("settlement", "admin2", "admin1", "landmark")
_NOUNS = SETTLEMENT_NOUNS | ADMIN_SUFFIXES | {"township"}
_DASHES = ("-", "\u2013", "\u2014")


def _in_brackets(doc: Doc, start: int) -> bool:
    """Token ``start`` is inside a bracket opened after a name: "Zorfan (Zor district, Zorland)", "Zorfan village
    (...)"."""
    for k in range(start - 1, max(0, start - 14), -1):
        if doc[k].text == ")":
            return False
        if doc[k].text == "(":
            return k > 0 and (doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in _NOUNS)
    return False


def _container(doc: Doc, m: _Mention, nxt: _Mention | None) -> _Mention | None:
    """The mention that ``m`` is said to lie in: a place or division noun after the name, "in" or "of", then the
    next place, with at most a few capitalised words, commas and division words between. Inside a bracket after
    a name the parts go from the innermost out ("(Zor township, Zor district, Zorland region)"): the next part."""
    if nxt is None or nxt.best is None or nxt.demonym:
        return None
    k = m.end
    if not m.suffix and k < len(doc) and doc[k].lower_ in _NOUNS:
        k += 1  # "Zor town in ...", "(Zor township, ...)"
    if k < len(doc) and doc[k].text == "," and _in_brackets(doc, m.start):
        k += 1
    else:
        if k == m.end and not m.suffix:
            return None  # "in" alone after a name is no containment: "marched from Lyon in France to Geneva"
        if k >= len(doc) or doc[k].lower_ not in ("in", "of"):
            return None
        k += 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
    if nxt.start < k or nxt.start - k > CONTAINER_GAP:
        return None
    between = doc[k : nxt.start]
    if any(not (t.text == "," or t.text[:1].isupper() or t.lower_ in _NOUNS) for t in between):
        return None
    return nxt


def _city_before(doc: Doc, prev: _Mention, m: _Mention) -> _Mention | None:
    """'Zorton - Zorbu': a part of a town after the town's name and a spaced dash, as datasets name a city's
    districts; an unspaced hyphen joins a compound or a route ("Zorton-Zorbu road") instead."""
    k = m.start - 1
    if prev.end != k or prev.demonym or doc[k].text not in _DASHES or not doc[k - 1].whitespace_:
        return None
    return prev if doc[k].whitespace_ else None


def _in_container(e: Entry, box: Entry) -> bool:
    if box.feature == "admin1":
        return e.admin1 == box.name
    return bool(box.admin1) and e.admin1 == box.admin1


def place_inside_containers(doc: Doc, mentions: list[_Mention]) -> set[int]:
    """Move each contained mention read abroad to its container's country; the ids of those with no reading
    there (to be set aside). A qualifier that fits the reading is evidence of its own and keeps it."""
    out: set[int] = set()
    for i, m in enumerate(mentions):
        e = m.best
        if e is None or m.demonym or e.feature not in _MOVABLE or (m.qualifier and _qualifies(m, e)):
            continue
        box_m = _container(doc, m, mentions[i + 1] if i + 1 < len(mentions) else None)
        if box_m is None and i > 0:
            box_m = _city_before(doc, mentions[i - 1], m)
        if box_m is None or box_m.best is None:
            continue
        box = box_m.best
        if not box.country or box.country == e.country or set(box_m.key.split()) <= COMPASS_POINTS:
            continue  # a division named by a compass point alone ("West") tells no country
        there = [c for c, _ in m.candidates if c.country == box.country and c.feature in _MOVABLE]
        if there:
            m.best = max(there, key=lambda c: (_in_container(c, box), c.population))
        else:
            out.add(id(m))
    return out
