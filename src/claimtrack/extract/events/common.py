"""What the events stage shares: type families, the draft of an event, and offsets into the document."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token

from claimtrack.extract.events.codes import FINE_TYPES
from claimtrack.extract.events.lexicon import Cue
from claimtrack.extract.quantities import QuantityMention
from claimtrack.extract.weapons import WeaponMention
from claimtrack.models import (
    Actor,
    Claim,
    EventDate,
    Location,
    Modality,
)

# one event per family and sentence: the remote-violence types describe one strike from several angles
STRIKE_FAMILY = frozenset(
    {"air_strike", "drone_strike", "missile_strike", "shelling", "interception", "explosive_attack",
     "grenade_attack", "suicide_bombing", "chemical_attack"}
)  # fmt: skip
FAMILY = {t: ("strike" if t in STRIKE_FAMILY else t) for t in FINE_TYPES}
_PROTEST_FAMILY = ("protest", "protest_with_intervention", "force_against_protesters", "riot")
for _t in _PROTEST_FAMILY:
    FAMILY[_t] = "protest"
VIOLENT_TYPES = STRIKE_FAMILY | {
    "armed_clash",
    "attack_on_civilians",
    "abduction",
    "sexual_violence",
    "riot",
    "protest",
    "protest_with_intervention",
    "force_against_protesters",
    "arrest",
}
NAMED_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
VENUE_TYPES = frozenset({"diplomatic_event", "agreement", "protest"})
# types whose complement names another act ("threatened to strike", "authorized Ukraine to use")
GOVERNING_TYPES = ("authorization", "threat", "demand", "rejection", "agreement")
SPEECH_TYPES = frozenset(
    {"threat", "accusation", "demand", "rejection", "claim_of_responsibility", "support", "pledge"}
)


def _report_words() -> dict[str, frozenset[str]]:
    path = resources.files("claimtrack") / "data" / "events" / "report_words.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


# how news reports a strike's outcome and its place in time (regions, sequence)
REPORT_WORDS = _report_words()


@dataclass
class Draft:
    type: str
    score: float
    cue: Cue  # offsets into doc.text
    sent_index: int
    sents: list[int] = field(default_factory=list)
    weapons: list[WeaponMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    date: EventDate | None = None
    initiator: Actor | None = None
    target: Actor | None = None
    modality: Modality = "asserted"
    government_actor: bool = False
    triggers: list[tuple[int, int]] = field(default_factory=list)
    hits: bool = False  # a projectile reached something (for the ACLED outcome of a strike)
    intercepted: bool = False  # the text reports interceptions of it
    location: Location | None = None  # where the trigger's sentence places it (read once, for grouping)
    incident: bool = True  # False: a toll, a habit, a plan or a denial, not an incident ACLED would code
    background: bool = False  # an earlier incident told in passing, with a date of its own
    cue_text: str = ""  # the trigger's text (for rules that read the kind of word that cued the event)
    time_frame: str = ""  # a time phrase the trigger's sentence opens with ("hours later,", "during the night,")
    sequel: bool = False  # a strike told as later the same day ("hours later, missiles hit ..."): its own incident
    placed: bool = True  # its sentence names a place (else its location is the article's, borrowed for grouping)


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def claims_covering(claims: list[Claim], start: int, end: int) -> list[Claim]:
    return [c for c in claims if any(s <= start and end <= e for s, e in c.content.spans)]
