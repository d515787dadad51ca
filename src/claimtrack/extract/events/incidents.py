"""Sentence events, the document's main event, and merging the sentence events of one incident."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc, Span

from claimtrack.extract.doc_cache import doc_text
from claimtrack.extract.events.codes import ACLED
from claimtrack.extract.events.common import (
    FAMILY,
    GOVERNING_TYPES,
    STRIKE_FAMILY,
    Draft,
)
from claimtrack.extract.events.dates import sentence_date
from claimtrack.extract.events.figures import roles_for
from claimtrack.extract.events.frames import same_place
from claimtrack.extract.events.lexicon import Cue
from claimtrack.extract.events.modality import governed, modality_of
from claimtrack.extract.events.ranking import government_acts, rank_types
from claimtrack.extract.events.sequence import time_frame, told_apart, told_later
from claimtrack.extract.events.sides import actors, same_actor
from claimtrack.extract.quantities import find_quantities
from claimtrack.extract.weapons import WeaponMention, distinct, find_weapons
from claimtrack.models import (
    EventDate,
)

_MIN_SCORE = 2.0  # a sentence event needs more than one weak cue
_ACTED_MIN_SCORE = 1.0
_MAIN_MIN_SCORE = 0.9
_MAIN_MIN_SCORE_OTHER = 1.5  # a development needs more than one weak word ("agreed", "approved")
_ACTED_TYPES = STRIKE_FAMILY | {"armed_clash", "attack_on_civilians"}
_SECOND_RATIO = 0.5  # a second family in a sentence must score at least half of the first
# a strike sentence must say that something was done, not only name a weapon ("the rocket comes in two versions")
_ACTION_LEMMAS = frozenset(
    {"launch", "fire", "strike", "hit", "attack", "shell", "bomb", "intercept", "shoot", "down", "target", "kill",
     "destroy", "damage", "pound", "use", "explode", "detonate", "land", "fall", "crash", "raid", "blast", "injure",
     "wound", "shot", "rain", "drop", "struck", "airstrike", "strikes", "explosion", "bombing",
     "shelling", "interception", "assault", "barrage"}
)  # fmt: skip
# types a bare weapon noun can cue; the others are cued by words that already name an act ("suicide bomber")
_NOUN_ONLY_TYPES = frozenset({"missile_strike", "drone_strike", "shelling", "air_strike", "interception"})
_WEAPON_TYPE = {"missile": "missile_strike", "rocket": "shelling", "artillery": "shelling", "drone": "drone_strike",
                "bomb": "air_strike", "aircraft": "air_strike", "grenade": "grenade_attack",
                "explosive": "explosive_attack", "chemical": "chemical_attack"}  # fmt: skip
_GENERIC_WEAPONS = frozenset(
    {
        "missile",
        "rocket",
        "drone",
        "bomb",
        "artillery",
        "long-range missile",
        "long-range weapon",
        "ballistic missile",
        "cruise missile",
    }
)


_IMPACT = re.compile(r"\b(?:debris|fragments|landed|fell|hit|struck|damag\w+|exploded)\b", re.I)
# "causing no injuries or damage", "without hitting anything": an impact word that says none happened
_NO_IMPACT = re.compile(r"\b(?:no|without)\s+(?:\w+\s+){0,3}$", re.I)


def holder(main: Draft | None, drafts: list[Draft]) -> Draft | None:
    """The event that holds the main event's trigger once merging is done."""
    if main is None:
        return None
    key = (main.cue.start, main.cue.end)
    return next((d for d in drafts if d is main or key in d.triggers), None)


def salience(d: Draft) -> float:
    """Lead position, lexicon score, and the figures and weapons that make an event reportable."""
    return d.score / (1.0 + 0.15 * d.sent_index) + 0.5 * len(d.quantities) + 0.3 * len(d.weapons)


def sentence_drafts(doc: Doc, sent: Span, si: int, scues: list[Cue], published: date | None) -> list[Draft]:
    base = sent.start_char
    local = [Cue(c.type, c.start - base, c.end - base, c.weight) for c in scues]
    ranked = rank_types(sent.text, local, scale=3000.0)
    chosen: list[tuple[str, float, Cue]] = []
    families: set[str] = set()
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    acted = bool(lemmas & _ACTION_LEMMAS)
    for fine, score, cue in ranked:
        fam = FAMILY.get(fine, fine)
        # violence needs less evidence when the sentence says something was done ("guided bombs hit houses"):
        # the incident frames absorb a second mention, so a weak cue costs a duplicate less than a miss
        floor = _ACTED_MIN_SCORE if acted and fine in _ACTED_TYPES else _MIN_SCORE
        if fam in families or score < floor:
            continue
        if chosen and score < _SECOND_RATIO * chosen[0][1] and fine not in GOVERNING_TYPES:
            continue
        chosen.append((fine, score, cue))
        families.add(fam)
        if len(chosen) == 3:
            break
    out = []
    speech = [c for f, _, c in chosen if f in GOVERNING_TYPES]
    for fine, score, cue in chosen:
        if fine in _NOUN_ONLY_TYPES and not (lemmas & _ACTION_LEMMAS):
            continue  # a weapon described, not used
        if fine not in GOVERNING_TYPES and speech and governed(doc, cue.start + base):
            continue  # "authorized Ukraine to launch strikes": the strike is what was authorized, not an event
        g = government_acts(sent.text, cue) if fine == "territory_change" else False
        doc_cue = Cue(fine, cue.start + base, cue.end + base, cue.weight)
        d = Draft(fine, score, doc_cue, si, [si], government_actor=g, time_frame=time_frame(sent))
        d.triggers.append((doc_cue.start, doc_cue.end))
        _fill(doc, d, sent, published)
        d.sequel = told_later(fine, sent)
        out.append(d)
    return out


def main_draft(
    text: str,
    cues: list[Cue],
    drafts: list[Draft],
    sents: list[Span],
    starts: list[int],
    doc: Doc,
    published: date | None,
) -> Draft | None:
    """The event the whole text is about: the document-level best type, at its strongest cue."""
    ranked = rank_types(text, cues)
    if not ranked:
        return drafts[0] if drafts else None
    fine, score, cue = ranked[0]
    fam = FAMILY.get(fine, fine)
    si = bisect_right(starts, cue.start) - 1
    for d in drafts:
        if FAMILY.get(d.type, d.type) == fam and d.sent_index == si:
            d.type = fine if fam != "strike" or d.type not in STRIKE_FAMILY else _strike_type(d, fine)
            d.score = max(d.score, score)
            if fine == "territory_change":
                d.government_actor = government_acts(text, cue)
            return d
    for d in drafts:
        if FAMILY.get(d.type, d.type) == fam:
            d.score = max(d.score, score)
            return d
    # every text that describes an event yields one, even where the sentence filters dropped it,
    # but a weapon only described ("the drone weighs 200 kg") is still no event
    coded_development = fine not in _ACTED_TYPES and ACLED.get(fine) is not None
    if score < (_MAIN_MIN_SCORE_OTHER if coded_development else _MAIN_MIN_SCORE):
        return None  # one weak word ("the team's attack") is no event, however short the text
    if fine in _NOUN_ONLY_TYPES and not any(
        t.lemma_.lower() in _ACTION_LEMMAS or t.lower_ in _ACTION_LEMMAS for t in doc
    ):
        return None
    d = Draft(fine, score, cue, si, [si], government_actor=government_acts(text, cue))
    d.triggers.append((cue.start, cue.end))
    _fill(doc, d, sents[si], published)
    return d


def _strike_type(d: Draft, fine: str) -> str:
    """A strike keeps the most specific remote-violence type among its cue and its weapons."""
    if fine in ("suicide_bombing", "chemical_attack", "grenade_attack"):
        return fine
    return d.type if d.type != "interception" else fine


def _fill(doc: Doc, d: Draft, sent: Span, published: date | None) -> None:
    """Weapons, figures, date, actors and modality read from the draft's sentence."""
    text = doc_text(doc)
    # one pass per sentence that holds a draft, kept for the sentence's other drafts: most of a long article's
    # sentences hold none, and the weapon names cost a regular-expression pass over whatever they are run on
    memo: dict[tuple[int, int], list[WeaponMention]] = doc.user_data.setdefault("claimtrack_weapons", {})
    key = (sent.start_char, sent.end_char)
    if key not in memo:
        memo[key] = find_weapons(text, *key)
    d.weapons = distinct(memo[key])
    roles = roles_for(d.type)
    d.quantities = [q for q in find_quantities(sent) if q.role in roles]
    d.intercepted = d.type == "interception" or any(q.role == "intercepted" for q in d.quantities)
    d.hits = any(q.role in ("hit", "damaged", "killed", "injured", "destroyed") and q.value > 0 for q in d.quantities)
    if d.type in STRIKE_FAMILY:
        if any(
            not _NO_IMPACT.search(sent.text, max(0, m.start() - 40), m.start()) for m in _IMPACT.finditer(sent.text)
        ):
            d.hits = True
        launched = any(t.lemma_.lower() in ("launch", "fire", "send") for t in sent) or re.search(
            r"\b(?:fired|launched|sent) by\b", sent.text
        )
        if d.type == "interception" and launched:
            # the attacker is named: the event is their strike, the interception its outcome
            classes = [w.cls for w in d.weapons]
            for cls in ("missile", "drone", "rocket", "aircraft", "bomb"):
                if cls in classes:
                    d.type = _WEAPON_TYPE[cls]  # what was intercepted: the strike it belonged to
                    break
        elif d.type in ("missile_strike", "shelling", "drone_strike", "air_strike") and d.weapons:
            cls = d.weapons[0].cls
            if cls in ("missile", "drone") and d.type not in ("air_strike",):
                d.type = _WEAPON_TYPE[cls]
    d.date = sentence_date(text, sent, d.cue, published)
    d.initiator, d.target = actors(doc, sent, d)
    d.modality = modality_of(sent, d)


def merge(drafts: list[Draft]) -> list[Draft]:
    """One event per strike and per statement, however many sentences tell it."""
    out: list[Draft] = []
    for d in drafts:
        host = None
        for o in out:
            if o.modality != d.modality and "asserted" not in (o.modality, d.modality):
                continue
            if FAMILY.get(o.type) == "strike" and FAMILY.get(d.type) == "strike":
                named_o = {w.name for w in o.weapons if w.name not in _GENERIC_WEAPONS}
                named_d = {w.name for w in d.weapons if w.name not in _GENERIC_WEAPONS}
                shared = bool(named_o & named_d)
                anaphoric = not named_d and 0 <= d.sent_index - max(o.sents) <= 2 and not told_apart(o, d)
                if (
                    (shared or anaphoric)
                    and same_actor(o.initiator, d.initiator)
                    and _compatible(o.date, d.date)
                    and same_place(o.location, d.location)
                ):
                    host = o
                    break
            elif o.type == d.type and d.type in ("threat", "authorization", "arms_transfer", "deployment"):
                near = d.sent_index - max(o.sents) <= 2
                same_voice = (
                    o.initiator is not None
                    and d.initiator is not None
                    and (o.initiator.text.lower() == d.initiator.text.lower())
                )
                if same_actor(o.initiator, d.initiator) and _compatible(o.date, d.date) and (near or same_voice):
                    host = o
                    break
        if host is None:
            out.append(d)
            continue
        _absorb(host, d)
    return out


def _compatible(a: EventDate | None, b: EventDate | None) -> bool:
    if a is None or b is None:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def _absorb(host: Draft, d: Draft) -> None:
    host.sents.append(d.sent_index)
    host.triggers.extend(d.triggers)
    host.score = max(host.score, d.score)
    names = {w.name for w in host.weapons}
    host.weapons += [w for w in d.weapons if w.name not in names]
    host.weapons = distinct(host.weapons)
    seen = {(q.role, q.value, q.unit) for q in host.quantities}
    host.quantities += [q for q in d.quantities if (q.role, q.value, q.unit) not in seen]
    host.hits = host.hits or d.hits
    host.intercepted = host.intercepted or d.intercepted
    if d.date is not None and (host.date is None or len(d.date.value) > len(host.date.value)):
        host.date = d.date
    if host.initiator is None or host.initiator.entity is None and d.initiator is not None and d.initiator.entity:
        host.initiator = d.initiator or host.initiator
    if host.target is None or host.target.entity is None and d.target is not None and d.target.entity:
        host.target = d.target or host.target
    if host.type == "interception" and d.type in STRIKE_FAMILY:
        host.type = d.type
    elif d.type in ("suicide_bombing", "chemical_attack", "grenade_attack"):
        host.type = d.type
