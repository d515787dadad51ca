"""The scene of an event whose own clauses name no place: what the text around it sets (issue 12).

``scene_location`` runs once the incidents are grouped and borrows the scene set before the incident (or, with none
before, in the next sentence of its paragraph); ``event_location`` asks ``_fragment_after`` and ``_scene_before``
when its own sentence gives nothing. Also the primitives both modules share: the document's place index, how
specific each kind of place is, and where a statement was made.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from claimtrack.extract.places.words import (
    DASHES,
    LOCATIVE_HEADS,
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
    idx = _index(doc, places)
    scene = _scene_before(doc, sent.start, idx, head, far=True) or _scene_after(doc, sent, idx, head)
    return _location(scene) if scene is not None else None


def _scene_after(doc: Doc, sent: Span, idx: _Index, head: Token) -> Place | None:
    """With no scene before it, the scene the next sentence of the same paragraph sets, when it opens no other
    incident: the parser often cuts a long sentence before its locative phrase ("Gunmen opened fire on a bus |
    travelling on the road in Zorfa district."), and a lede that names the victims first says where next."""
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    if "\n" in sent.text.rstrip(" ")[-1:] + doc.text[sent.end_char : nxt.start_char] + nxt.text[:1]:
        return None  # a new paragraph
    if any(t.lower_ in SEPARATE_MARKERS for t in nxt):
        return None
    focus = _focus_country(idx.places)
    best: tuple[float, Place] | None = None
    for p in idx.between(nxt.start_char, nxt.end_char):
        span = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
        if span is None or p.lat is None or (focus is not None and p.country != focus):
            continue
        if not (_sets_scene(span) or _dateline(doc, span)) or _reporting_place(span.root, head):
            continue
        score = _SPECIFICITY.get(p.feature, 1.0)
        if best is None or score > best[0]:
            best = (score, p)
    return best[1] if best else None


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
    while j >= 0 and k - j <= 8 and (doc[j].text[:1].isupper() or _place_word(doc[j]) or doc[j].text in "-,"):
        j -= 1
    while j >= 0 and doc[j].lower_ in ("the", "a"):
        j -= 1
    return j < k - 1 and j >= 0 and doc[j].lower_ in LOCATIVE_HEADS


def _place_word(tok: Token) -> bool:
    """A word naming what a place is: a place noun, or any common noun ("Zorfa junction", "tambon Zorlan")."""
    return tok.lower_ in PLACE_NOUNS or tok.pos_ == "NOUN"


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
