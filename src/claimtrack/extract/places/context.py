"""Document context for resolution beyond the place mentions themselves: how much each mention says about the
text's country, and the countries its actors' demonyms point to ("Senegalese army", "Syrian regime forces").

A place named as where something is ("in Nancy") tells the text's country; one that only modifies an
organisation or a thing ("the US supreme court decision", "a French NGO") tells little, and a demonym of an
actor less than a place, but both still point somewhere when the text names nothing else.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimtrack.extract.gazetteer import Gazetteer, norm
from claimtrack.extract.places.mention import _Mention
from claimtrack.extract.places.words import ADMIN_SUFFIXES, GEO_NOUNS, ORIGIN_NOUNS, PLACE_NOUNS

MODIFIER_VOTE = 0.25  # a place that modifies another noun, as against 1.0 for a place named as such
DEMONYM_VOTE = 0.5  # a demonym of an actor or a thing, once per country


def mark_modifiers(doc: Doc, mentions: list[_Mention]) -> None:
    """Weigh down mentions that modify a noun other than a place word or a place's own body: "the US supreme
    court", "a French NGO" say little of where the text is; "Kharkiv residents", "Donetsk region" say it."""
    for m in mentions:
        if m.demonym or m.suffix:
            continue
        root = doc[m.start : m.end].root
        head = root.head
        if root.dep_ not in ("compound", "amod", "nmod") or head.i in range(m.start, m.end) or head.pos_ != "NOUN":
            continue
        word = head.lower_
        if word in ORIGIN_NOUNS or word in PLACE_NOUNS or word in GEO_NOUNS or word in ADMIN_SUFFIXES:
            continue
        m.vote = MODIFIER_VOTE


def demonym_prior(doc: Doc, mentions: list[_Mention], gaz: Gazetteer) -> dict[str, float]:
    """Countries the text's demonyms name outside the place mentions ("Senegalese army" -> SN), each once."""
    taken = {k for m in mentions for k in range(m.start, m.end)}
    out: dict[str, float] = {}
    norp = (t for ent in doc.ents if ent.label_ == "NORP" for t in ent)  # not every token: a Token per position
    for t in norp:
        if t.i in taken or not t.text[:1].isupper():
            continue
        countries = [e for e, _ in gaz.lookup("@" + norm(t.text)) if e.feature == "country"]
        if countries:  # "American" is also the Northern Marianas' demonym: the main bearer is meant
            out[max(countries, key=lambda e: e.population).country] = DEMONYM_VOTE
    return out
