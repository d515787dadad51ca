"""The place of one event: the most specific place that the event's own clauses name.

Only the places of the trigger's sentence compete (found by bisection over the document's place index, so a
document with many events and many places costs events x places-per-sentence, not events x places). A place
that is the actor, a party ("aid for Ukraine"), another clause's place, a qualifier of another place ("Russia's"
in "Russia's Bryansk region") or where a statement was made ("said in Moscow") is passed over; a place a
distance is measured from ("30 km from Kherson") gives its first-level division with that precision. A country
or region alone is refined to the nearest more specific place of the same country that the text puts an action
in. An incident no sentence of its own places borrows the scene set before it (``scene_location``).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from claimtrack.extract.gazetteer import load_gazetteer, norm
from claimtrack.extract.places.words import (
    CURRENCY_NOUNS,
    DASHES,
    DISTANCE_UNITS,
    EVENT_PREPS,
    LOCATIVE_HEADS,
    NOT_LOCATION_PREPS,
    PLACE_NOUNS,
    PLACE_VERBS,
    REPORTING_VERBS,
    SEPARATE_MARKERS,
)
from claimtrack.models import Location, Place

_SPECIFICITY = {
    "settlement": 4.0,
    "landmark": 4.0,
    "admin2": 3.0,
    "admin1": 2.5,
    "region": 2.0,
    "water": 1.5,
    "country": 1.0,
}


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


def _reporting_place(root: Token, head: Token) -> bool:
    """Where a statement was made, not where the event was: "the ministry said in Moscow", "officials in Kyiv
    told reporters", "speaking from Brussels"."""
    if root.dep_ != "pobj" or root.head.lower_ not in ("in", "at", "from"):
        return False
    gov = root.head.head  # the verb or noun the preposition attaches to
    if gov.i == head.i or (head.head.i == gov.i and head.dep_ in ("nsubj", "nsubjpass")):
        return False  # "protests were reported in X": what was reported is the event itself
    if gov.pos_ == "VERB" and gov.lemma_ in REPORTING_VERBS:
        return True
    # "officials in Kyiv said": the noun carrying the place is the subject of a reporting verb
    return gov.dep_ in ("nsubj", "nsubjpass") and gov.head.lemma_ in REPORTING_VERBS and gov.head.i != head.i


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


class _Index:
    """The document's places in text order, with their start offsets."""

    def __init__(self, doc: Doc, places: list[Place]) -> None:
        self.places = sorted(places, key=lambda p: p.span[0])
        self.starts = [p.span[0] for p in self.places]
        self.key = (id(places), len(places))

    def between(self, lo: int, hi: int) -> list[Place]:
        return self.places[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]


def _index(doc: Doc, places: list[Place]) -> _Index:
    cached = doc.user_data.get("places_index")
    if isinstance(cached, _Index) and cached.key == (id(places), len(places)):
        return cached
    idx = _Index(doc, places)
    doc.user_data["places_index"] = idx
    return idx


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
    if p.feature in ("country", "region"):
        p = _refine(doc, head, p, idx)
    return _location(p)


# How far back an event without a place of its own looks for the scene the text set: the places checked, nearest
# first (a bound on cost: the nearest sentence with a scene is almost always within a few of them).
MAX_BACK = 40


def scene_location(doc: Doc, trigger: tuple[int, int], places: list[Place]) -> Location | None:
    """Where an incident that no sentence of its own places happened: the scene the text set before it
    ("Activists occupied a house in Linz. They demanded rent caps. Nine were arrested."; "LINZ (AP) - ..."). Run
    once the incidents are grouped, so a borrowed place never makes two incidents look like one. An event opened as
    another incident ("In a separate attack, ...", "Elsewhere, ...") borrows nothing."""
    trig = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if not places or trig is None or len(trig) == 0 or not doc.has_annotation("SENT_START"):
        return None
    head = trig.root
    sent = head.sent
    if any(t.lower_ in SEPARATE_MARKERS for t in sent):
        return None
    scene = _scene_before(doc, sent.start, _index(doc, places), head, far=True)
    return _location(scene) if scene is not None else None


def _scene_before(doc: Doc, first: int, idx: _Index, head: Token, far: bool) -> Place | None:
    """The scene the text set before the sentence starting at token ``first``: the most specific place of the
    nearest earlier sentence that puts something in a place (a locative preposition, a place verb's object, a
    dateline), so a later incident inherits its own lede, not the first one ("In Zoriane, a shell hit a shop. Two
    people were wounded."). Only the previous sentence unless ``far``. A place where a statement was made is no
    scene, and when most of the text's places lie in one country, a place elsewhere is none either (a foreign
    dateline, "KABUL: ... in Khartoum", is where the report was filed; a lone namesake abroad is a misreading)."""
    if first == 0 or not doc.has_annotation("SENT_START"):
        return None
    start = doc[first].idx
    lo = 0 if far else doc[first - 1].sent.start_char
    before = idx.between(lo, start)[-MAX_BACK:]
    if not before:
        return None
    focus = _focus_country(idx.places)
    best: tuple[float, Place] | None = None
    best_sent = -1
    for p in reversed(before):
        span = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
        if span is None or p.lat is None:
            continue
        s0 = span.sent.start
        if best is not None and s0 != best_sent:
            break  # the nearest sentence with a scene decides
        if not (_sets_scene(span) or _dateline(doc, span)) or _reporting_place(span.root, head):
            continue
        if focus is not None and p.country != focus:
            continue
        score = _SPECIFICITY.get(p.feature, 1.0)
        if best is None or score > best[0]:
            best, best_sent = (score, p), s0
    return best[1] if best else None


def _fragment_after(doc: Doc, sent: Span, idx: _Index, head: Token) -> Place | None:
    """The most specific place of a verbless fragment the parser split off right after the trigger's sentence: the
    bracketed divisions of an unknown village ("... in Zorfa village. (Zorlan, Upper Vale).") or the rest of its
    locative phrase ("... robbed the depot | of Zorfa in Zorlan (Upper Vale)."). A fragment with a clause of its
    own (a subject, or a verb outside brackets) tells something else, so its places stay its own."""
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    if nxt.start != sent.end or any(t.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for t in nxt):
        return None
    if nxt[0].text not in ("(", "[") and any(t.pos_ in ("VERB", "AUX") for t in nxt):
        return None
    best: tuple[float, Place] | None = None
    for p in idx.between(nxt.start_char, nxt.end_char):
        span = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
        if p.lat is None or span is None or _reporting_place(span.root, head):
            continue
        score = _SPECIFICITY.get(p.feature, 1.0)
        if best is None or score > best[0]:
            best = (score, p)
    return best[1] if best else None


def _sets_scene(span: Span) -> bool:
    """The place is where something happens: it (or the place noun or place it qualifies: "in X town", "in the
    village of X", "in Y, X province") hangs from a locative preposition or is a place verb's object ("shelled
    X"). "The mayor of X", "residents of X" do not set a scene."""
    tok = span.root
    for _ in range(4):
        if tok.dep_ in ("compound", "amod", "nmod", "appos", "conj") and tok.head.i != tok.i:
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in PLACE_NOUNS:
            tok = tok.head.head
        else:
            break
    if tok.dep_ == "dobj" and tok.head.lemma_ in PLACE_VERBS:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_HEADS:
        return True
    return _bracketed_after_scene(span)


def _bracketed_after_scene(span: Span) -> bool:
    """A part of the bracketed divisions of a place that sets a scene: "in Zorfan village (Zorlan, Hilmand)", "in
    Zorfan, Zorlan district (Hilmand)"."""
    doc = span.doc
    k = span.start - 1
    while k > 0 and span.start - k < 12 and doc[k].text not in ("(", ")"):
        k -= 1
    if k <= 0 or doc[k].text != "(":
        return False
    j = k - 1
    while j >= 0 and k - j <= 8 and (doc[j].text[:1].isupper() or doc[j].lower_ in PLACE_NOUNS or doc[j].text in "-,"):
        j -= 1
    while j >= 0 and doc[j].lower_ in ("the", "a"):
        j -= 1
    return j < k - 1 and j >= 0 and doc[j].lower_ in LOCATIVE_HEADS


def _dateline(doc: Doc, span: Span) -> bool:
    """'LINZ, Austria (AP) -', 'LINZ -', 'Linz:' opening the text or a paragraph (either name of 'LINZ, Austria')."""
    k = span.start - 1
    while k >= 0 and span.start - k <= 4 and "\n" not in doc[k].whitespace_ + doc[k].text:
        if not (doc[k].text == "," or doc[k].text[:1].isupper()):
            return False
        k -= 1
    if k >= 0 and "\n" not in doc[k].whitespace_ + doc[k].text:
        return False
    return span.end < len(doc) and doc[span.end].text in DASHES | {",", ":", "("}


def _focus_country(places: list[Place]) -> str | None:
    """The country most of the text's places lie in, when one has more than half of them."""
    counts: dict[str, int] = {}
    for p in places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
    if not counts:
        return None
    cc, n = max(counts.items(), key=lambda kv: kv[1])
    return cc if 2 * n > sum(counts.values()) else None


def _location(p: Place) -> Location:
    return Location(
        text=p.text,
        name=p.name,
        country=p.country,
        admin1=p.admin1,
        lat=p.lat,
        lon=p.lon,
        geonameid=p.geonameid,
        precision=p.precision,
    )
