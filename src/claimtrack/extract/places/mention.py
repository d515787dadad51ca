"""A place mention while it is being recognised and resolved, and the contexts that introduce a place."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from claimtrack.extract.gazetteer import Entry
from claimtrack.extract.places.words import (
    ATTACK_NOUNS,
    LOCATIVE,
    PLACE_MODIFIERS,
    PLACE_NOUNS,
    PLACE_VERBS,
    STREET_HEADS,
    TOWN_ONLY_NOUNS,
)


@dataclass
class _Mention:
    start: int  # token indices [start, end)
    end: int
    text: str
    key: str
    suffix: str | None  # division word that followed or ended the name
    demonym: bool
    qualifier: str | None  # normalised "Texas" of "Paris, Texas"; "(texas" when bracketed: "Paris (Texas)"
    candidates: list[tuple[Entry, bool]] = field(default_factory=list)
    best: Entry | None = None
    char_start: int = 0
    char_end: int = 0
    via: str = ""  # how it was accepted when not directly ("discourse"): for error analysis
    vote: float = 1.0  # how much it tells the document's country: less as a modifier ("the US supreme court")


def _locative_before(doc: Doc, start: int) -> bool:
    """'in X', 'near the X', 'village of X', 'struck X', 'central X': the context introduces a place."""
    k = start - 1
    while k >= 0 and (doc[k].lower_ in ("the", "a") or doc[k].lower_ in PLACE_MODIFIERS):
        if doc[k].lower_ in PLACE_MODIFIERS:
            return True
        k -= 1
    if k < 0:
        return False
    prev = doc[k]
    if prev.lower_ == "of":
        # "the village of X", "north of X", and "John Smith of X" (a person's home town)
        if k >= 1 and (doc[k - 1].lower_ in PLACE_NOUNS or doc[k - 1].ent_type_ == "PERSON"):
            return True
        # "Jane Roe, 19, of X" / "said Roe, of X": a person's age or name, a comma, then the home town
        return k >= 2 and doc[k - 1].text == "," and (doc[k - 2].like_num or doc[k - 2].ent_type_ == "PERSON")
    if prev.text == "," and k >= 1 and doc[k - 1].lower_.rstrip(".") in STREET_HEADS:
        return True  # a street address, then the town: "12 Elm St., X"
    if prev.lower_ == "on":
        return k >= 1 and doc[k - 1].lemma_ in ATTACK_NOUNS  # "the strike on Sumy"
    return prev.lower_ in LOCATIVE or (prev.pos_ == "VERB" and prev.lemma_ in PLACE_VERBS)


def prefer_towns(doc: Doc, mentions: list[_Mention]) -> None:
    """A name that is both a country and a town ("Lebanon", "Jordan") reads as the town throughout the text once
    the text uses it as only a town's name is used: "a Lebanon woman", "Lebanon residents", "12 Elm St., Lebanon".
    English names a country's people by its demonym ("a Lebanese woman")."""
    local = {m.key for m in mentions if not m.suffix and not m.demonym and _town_use(doc, m)}
    for m in mentions:
        if m.key not in local or m.suffix or m.demonym or not any(e.feature == "country" for e, _ in m.candidates):
            continue
        towns = [(e, p) for e, p in m.candidates if e.feature == "settlement"]
        if any(p for _, p in towns):
            m.candidates = towns


def _town_use(doc: Doc, m: _Mention) -> bool:
    if m.end < len(doc) and doc[m.end].lower_ in TOWN_ONLY_NOUNS and not doc[m.end].is_sent_start:
        return True
    k = m.start - 1
    if k < 2 or doc[k].text != ",":
        return False
    # a street address ("12 Elm St., X") or a person's age ("Jo Roe, 60, X, was charged"), then the home town
    return doc[k - 1].lower_.rstrip(".") in STREET_HEADS or (doc[k - 1].like_num and doc[k - 2].text == ",")
