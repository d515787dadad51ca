"""The vocabulary of counted figures (``data/figures.json``) and the word sets the figure rules share."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, object]:
    path = resources.files("claimtrack") / "data" / "figures.json"
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _table(name: str) -> dict[str, object]:
    value = _lexicon()[name]
    assert isinstance(value, dict)
    return value


def _set(name: str) -> frozenset[str]:
    value = _lexicon()[name]
    assert isinstance(value, list)
    return frozenset(str(v) for v in value)


VAGUE: dict[str, int] = {k: int(str(v)) for k, v in _table("vague").items()}
ORDINALS: dict[str, int] = {k: int(str(v)) for k, v in _table("ordinals").items()}
ROLE_OF_VERB: dict[str, str] = {k: str(v) for k, v in _table("verb_roles").items()}
ROLE_OF_NOUN: dict[str, str] = {k: str(v) for k, v in _table("noun_roles").items()}
PERSON_UNITS = _set("person_units")
TROOPS = _set("troop_units")
NOT_COUNTS = _set("not_counts")
UNKNOWN = _set("unknown_number")
NO_ONE = _set("no_one")
CUMULATIVE_SUBJECTS = _set("cumulative_subjects")
TOLL_VERBS = _set("toll_verbs")
SETTLE_VERBS = _set("settle_verbs")  # "put the toll at 31", "revised the toll to 3": the count the teller settles on
BACK_REFERENCES = _set("back_reference_nouns")  # "the victims died": a group counted earlier in the text
BODY_VERBS = _set("body_verbs")  # "a body was found": one dead
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# vague words that count only people: "some of the drones" is no figure an analyst can copy
PERSON_ONLY_VAGUE = frozenset({"some", "many", "numerous", "few", "a few", "several", "couple", "a couple"})
OWN_ROLE = {"dead": "killed", "killed": "killed", "kill": "killed", "wound": "injured", "wounded": "injured",
             "injure": "injured", "injured": "injured"}  # fmt: skip
NOT_COUNT_ENTS = ("DATE", "TIME", "MONEY", "PERCENT")
ATTACK_PERSON_VERBS = frozenset({"kill", "die", "injure", "wound", "hurt", "slay", "murder", "shoot", "stab"})
VICTIM_ROLES = frozenset({"killed", "injured"})
# prepositions whose object is where something was aimed or happened, not what was used or hurt
PLACE_PREPS = frozenset({"at", "on", "against", "into", "in", "across", "over", "toward", "towards", "near", "around"})
PROJECTILE_UNITS = frozenset({"missile", "drone", "rocket", "bomb", "artillery", "aircraft", "grenade", "explosive"})
SUBSET_WORDS = frozenset({"including", "among", "incl"})
OUTCOME_ROLES = frozenset({"intercepted", "destroyed", "hit", "missed", "damaged"})
CUMULATIVE_RX = re.compile(r"\b(?:so far|to date|since the (?:start|beginning|outbreak))\b", re.I)
CAUSE_PREPS = frozenset({"over", "against", "about", "after"})
CAUSE_VERBS = frozenset({"condemn", "denounce", "protest", "mourn", "demand", "investigate", "commemorate", "mark"})
LIFE_VERBS = frozenset({"lose", "claim", "take", "cost"})
SUFFER_VERBS = frozenset({"sustain", "suffer", "receive"})
HARM_NOUNS = frozenset({"injury", "wound", "burn", "fracture"})
AMOUNT_NOUNS = frozenset(
    {"number", "minimum", "maximum", "life", "toll", "total", "figure", "count", "tally", "majority", "rest", "dozen"}
)
SINGLE_DETS = frozenset({"a", "an", "the", "this", "that", "another"})
CURRENCIES = _set("currency_words")  # "Rs 90,000", "$300": a figure a currency stands beside counts money
MONEY_NOUNS = _set("money_nouns")  # "a ransom of 60 million": a figure that sizes a sum counts money
ANIMALS = _set("animals")  # "killed 40 cattle": ACLED's fatalities count people only
ADDITIVE = _set("additive_words")  # "one rebel also died", "two others were killed": dead besides those counted
