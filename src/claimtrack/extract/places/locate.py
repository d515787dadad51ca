"""The place of one event: the most specific place that the event's own clauses name.

Only the places of the trigger's sentence compete (found by bisection over the document's place index, so a
document with many events and many places costs events x places-per-sentence, not events x places). A place
that is the actor, a party ("aid for Ukraine"), another clause's place, a qualifier of another place ("Russia's"
in "Russia's Bryansk region") or where a statement was made ("said in Moscow") is passed over; a place a
distance is measured from ("30 km from Kherson") gives its first-level division with that precision. A country
or region alone is refined to the nearest more specific place of the same country that the text puts an action
in. An event whose sentence names no place takes the scene around it (``scene``: ``scene_location``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimtrack.extract.doc_cache import doc_text
from claimtrack.extract.gazetteer import load_gazetteer, norm
from claimtrack.extract.places.scene import (
    _SPECIFICITY,
    _fragment_after,
    _Index,
    _index,
    _location,
    _reporting_place,
    _scene_before,
)
from claimtrack.extract.places.words import (
    CURRENCY_NOUNS,
    DISTANCE_UNITS,
    EVENT_PREPS,
    LOCATIVE_HEADS,
    NOT_LOCATION_PREPS,
)
from claimtrack.models import Location, Place

# How far from the trigger a place may be to compete, in characters, and how far up the tree paths are followed:
# a clause is read within a window, so a sentence-long list of thousands of names costs no more per event than
# an ordinary sentence (the score caps tree distance at 8 anyway).
WINDOW_CHARS = 600
MAX_UP = 12
MAX_RIVALS = 24  # the places nearest the trigger that compete: a sentence of prose rarely names more


def _up(tok: Token) -> list[Token]:
    """The token and its first MAX_UP ancestors."""
    out = [tok]
    while len(out) <= MAX_UP and out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the dependency tree (99 when further than MAX_UP each)."""
    idx = {t.i: k for k, t in enumerate(_up(a))}
    for k, t in enumerate(_up(b)):
        if t.i in idx:
            return k + idx[t.i]
    return 99


def _actor(root: Token, head: Token) -> bool:
    """The place is the subject of the trigger or of a verb governing it ("Moscow claims that ... launched")."""
    if root.dep_ not in ("nsubj", "agent"):
        return False
    gov = root.head
    return any(a.i == gov.i for a in _up(head))


def _clause(tok: Token) -> Token | None:
    for t in _up(tok):
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _other_clause(root: Token, head: Token) -> bool:
    """The place sits in a clause coordinated with the trigger's, which reports another event: the coordinated
    clause has a subject of its own ("X announced aid, and Russia launched an attack on Kharkiv"). Verbs sharing
    one subject tell one actor's one action ("protesters gathered in X and demanded ...")."""
    a, b = _clause(root), _clause(head)
    if a is None or b is None or a.i == b.i:
        return False
    if a.dep_ == "conj" and a.head.i == b.i:
        conj = a
    elif b.dep_ == "conj" and b.head.i == a.i:
        if root.i < a.i:
            return False  # a fronted place sets the scene of every clause: "In X, a man was shot and his car burned"
        conj = b
    else:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children)


def _distance_from(doc: Doc, root: Token) -> bool:
    """The place is what a distance is measured from: "30 km from Kherson", "10 miles south of X"."""
    if root.dep_ != "pobj" or root.head.lower_ not in ("from", "of"):
        return False
    k = root.head.i - 1
    if (
        k >= 0
        and root.head.lower_ == "of"
        and doc[k].lower_ in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
    ):
        k -= 1
    return k >= 1 and doc[k].lower_ in DISTANCE_UNITS and doc[k - 1].like_num


def _refine(doc: Doc, head: Token, chosen: Place, idx: _Index) -> Place:
    """A country (or region) alone is vague: take the nearest more specific place of the same country that the
    text puts an action in ("... into Russian territory. ... a facility in Russia's Bryansk region"); the search
    is bounded to a few windows either side for cost, not for fit."""
    lo, hi = head.idx - 4 * WINDOW_CHARS, head.idx + 4 * WINDOW_CHARS
    best: tuple[int, Place] | None = None
    for p in idx.between(lo, hi):
        if p is chosen or p.country != chosen.country or p.lat is None:
            continue
        if _SPECIFICITY.get(p.feature, 1.0) <= _SPECIFICITY.get(chosen.feature, 1.0):
            continue
        span = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
        if span is None or span.root.head.lower_ not in LOCATIVE_HEADS:
            continue
        dist = abs(span.start - head.i)
        if best is None or dist < best[0]:
            best = (dist, p)
    return best[1] if best else chosen


# What stands between a place and the division named right after it to say where the place is
_QUALIFYING_GAPS = frozenset({", ", " in ", " in the "})


def _qualified(doc: Doc, chosen: Place, idx: _Index) -> Place:
    """A division or country named right after a more specific place of its own ("hit X in Y region", "X, Y
    oblast") only says where that place is; the parser sometimes hangs the place on the division's noun
    instead, and the division would win as the object of the verb."""
    if chosen.feature not in ("admin1", "region", "country"):
        return chosen
    before = idx.between(chosen.span[0] - 80, chosen.span[0])
    if not before:
        return chosen
    q = before[-1]
    gap = doc_text(doc)[q.span[1] : chosen.span[0]].lower()
    if gap not in _QUALIFYING_GAPS or q.lat is None:
        return chosen
    if _SPECIFICITY.get(q.feature, 1.0) <= _SPECIFICITY.get(chosen.feature, 1.0):
        return chosen
    inside = q.admin1 == chosen.admin1 if chosen.feature == "admin1" else q.country == chosen.country
    return q if inside and q.country == chosen.country else chosen


def _division_of(p: Place) -> Location:
    """The first-level division of ``p``, for a place given only as a distance from it."""
    for e, _ in load_gazetteer().lookup(norm(p.admin1 or "")):
        if e.feature == "admin1" and e.country == p.country and e.name == p.admin1:
            return Location(
                text=p.text, name=e.name, country=e.country, admin1=e.name, lat=e.lat, lon=e.lon, precision="admin1"
            )
    return Location(text=p.text, name=p.admin1 or p.name, country=p.country, admin1=p.admin1, precision="admin1")


def event_location(doc: Doc, trigger: tuple[int, int], places: list[Place]) -> Location | None:
    """Where the event whose trigger is at char span ``trigger`` happened, chosen among ``places``."""
    if not places:
        return None
    trig = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if trig is None or len(trig) == 0:
        return None
    head = trig.root
    sent = head.sent if doc.has_annotation("SENT_START") else doc[:]
    idx = _index(doc, places)
    lo, hi = max(sent.start_char, trigger[0] - WINDOW_CHARS), min(sent.end_char, trigger[1] + WINDOW_CHARS)
    local = idx.between(lo, hi)
    if len(local) > MAX_RIVALS:
        local = sorted(local, key=lambda p: abs(p.span[0] - trigger[0]))[:MAX_RIVALS]
    best: tuple[float, Place, bool] | None = None
    for p in local:
        if p.lat is None:
            continue
        span = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ == "poss" and root.head.i not in range(span.start, span.end):
            # "Russia's Bryansk region": the possessor qualifies another place (or thing): weak as a location.
            if any(q.span[0] <= root.head.idx < q.span[1] for q in local if q is not p):
                continue
        if _actor(root, head):
            continue  # the actor, not the place
        if (
            span.end + 1 < len(doc)
            and doc[span.end].text == "-"
            and not doc[span.end - 1].whitespace_
            and doc[span.end + 1].is_lower
        ):
            continue  # "US-supplied missiles": the supplier, not the place ("London - Camden", "Bago-West" are places)
        if _other_clause(root, head):
            continue  # "X announced aid, and Russia launched an attack on Kharkiv": another event's place
        if root.dep_ in ("compound", "amod", "nmod") and root.head.lower_ in CURRENCY_NOUNS:
            continue  # "against the US dollar": the money's country, not where it happens
        if root.dep_ == "pobj" and root.head.lower_ in NOT_LOCATION_PREPS:
            continue  # "aid for Ukraine", "talks with Russia": a party, not where it happens
        if _reporting_place(root, head):
            continue
        distance = _distance_from(doc, root)
        score = _SPECIFICITY.get(p.feature, 1.0) if not distance else _SPECIFICITY["admin1"]
        score -= 0.4 * min(_tree_distance(head, root), 8)
        if root.head.lower_ in EVENT_PREPS or root.dep_ in ("pobj", "dobj"):
            score += 1.5
        if root.i > head.i:
            score += 0.3  # locations tend to follow their event verb
        if best is None or score > best[0]:
            best = (score, p, distance)
    if best is None:
        scene = _fragment_after(doc, sent, idx, head) or _scene_before(doc, sent.start, idx, head, far=False)
        return _location(scene) if scene is not None else None
    _, p, distance = best
    if distance and p.admin1:
        return _division_of(p)
    p = _qualified(doc, p, idx)
    if p.feature in ("country", "region"):
        refined = _refine(doc, head, p, idx)
        if refined is p and p.feature == "country":
            return _one_division(doc, head, p, idx) or _location(p)
        p = refined
    return _location(p)


def _one_division(doc: Doc, head: Token, country: Place, idx: _Index) -> Location | None:
    """A country alone, where every more specific place the text names near the event in that country lies in
    one first-level division ("... protests in Zorland. ... the governor of Zorvale province said"): the event
    is in that division, whatever the syntax of the naming; with two divisions named, it stays the country."""
    lo, hi = head.idx - 4 * WINDOW_CHARS, head.idx + 4 * WINDOW_CHARS
    inside = [
        p
        for p in idx.between(lo, hi)
        if p.country == country.country and p.feature != "country" and p.admin1 and p.lat is not None
    ]
    if not inside or len({p.admin1 for p in inside}) > 1:
        return None
    return _division_of(min(inside, key=lambda p: abs(p.span[0] - head.idx)))
