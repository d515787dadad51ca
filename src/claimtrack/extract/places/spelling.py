"""The text's own spelling of the first-level division an event lies in.

Division names reach English text in several romanisations ("Dahuk", "Duhok", "Dohuk"); the gazetteer shows one.
When the text itself names the division the event's place lies in, under a spelling of that division's name
that is not the gazetteer's, the location keeps the text's spelling: a reader (and a dataset coded from the same
reports) knows the division by the name its source prints. Another name of the division (an abbreviation, an
older name) is not a spelling and leaves the gazetteer's name: only a close variant counts.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from claimtrack.extract.gazetteer import load_gazetteer, norm
from claimtrack.extract.places.words import ADMIN_SUFFIXES
from claimtrack.models import Location, Place

# How alike the text's name and the gazetteer's must be (difflib's ratio, spaces dropped) to count as one name
# spelled two ways: "Duhok"/"Dahuk" (0.6) and "Idleb"/"Idlib" pass; "Kurdistan"/"Arbil" does not.
MIN_LIKENESS = 0.6


def _core(text: str) -> str:
    """The name without a leading article or a trailing division word: "the Zorla governorate" -> "Zorla"."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) > 1 and words[-1].lower() in ADMIN_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def text_spelling(loc: Location | None, places: list[Place]) -> Location | None:
    """``loc`` with its admin1 as the text spells it, where a place of the text names that division so."""
    if loc is None or not loc.admin1 or not loc.country:
        return loc
    ours = norm(loc.admin1)
    gaz = load_gazetteer()
    for p in places:
        # a town of the division's name counts too ("Zorla (Idlib)" with the bracket read as the town): the name
        # must still be one of the division's own (checked below)
        if p.feature not in ("admin1", "settlement") or p.country != loc.country or p.admin1 != loc.admin1:
            continue
        core = _core(p.text)
        key = norm(core)
        if key == ours or core.isupper() or len(key) < 3:
            continue
        if SequenceMatcher(None, key.replace(" ", ""), ours.replace(" ", "")).ratio() < MIN_LIKENESS:
            continue
        # the text's name itself must name the division (not a town read as its division through a qualifier)
        readings = [e for e, _ in gaz.lookup(key)] + gaz.divisions_like(key)
        if any(e.feature == "admin1" and e.country == loc.country and e.name == loc.admin1 for e in readings):
            return loc.model_copy(update={"admin1": core})
    return loc
