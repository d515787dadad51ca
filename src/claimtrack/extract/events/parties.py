"""The sides of an incident as an analyst codes them, after its mentions are grouped.

- The owner of the act: a state or group named as adjective, possessive or compound of the event word ("an Israeli
  strike", "Russia's attack", "RSF drones") is its initiator, never its target.
- Only canonical actors: a state or its forces, an armed group (named, or generic: "gunmen"), police, protesters,
  rioters, civilians of a country; never numbers ("32 people", "hundreds"), weapons, alarms, places or the bodies
  that report the incident.
- Victims who are not combatants make the target "Civilians (country)"; a protest's side is "Protesters (country)"
  and the police who intervene "Police Forces of country" (ACLED's naming, ``data/sides.json``).
- ``acled_actor`` gives the ACLED actor name of a side for the export.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import pycountry
from spacy.tokens import Doc, Token

from claimtrack.extract.doc_cache import sentences as _sents
from claimtrack.extract.entities import canonical_entity, country_of
from claimtrack.extract.events.agents import agent_sides
from claimtrack.extract.events.common import VIOLENT_TYPES, Draft, token_at
from claimtrack.extract.events.interceptions import interception_sides
from claimtrack.extract.events.phrases import ACTOR_KINDS as _ACTOR_KINDS
from claimtrack.extract.events.phrases import mention as _mention
from claimtrack.extract.events.phrases import name_span as _name_span
from claimtrack.extract.events.phrases import named as _named
from claimtrack.extract.events.sides import in_source, side
from claimtrack.extract.weapons import find_weapons
from claimtrack.models import Actor


@lru_cache(maxsize=1)
def _words() -> dict[str, object]:
    path = resources.files("claimtrack") / "data" / "sides.json"
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _set(name: str) -> frozenset[str]:
    value = _words()[name]
    assert isinstance(value, list)
    return frozenset(str(v) for v in value)


_GENERIC = _set("generic_armed")
_STATE_FORCES = _set("state_forces")
_POLICE = _set("police")
_PROTESTERS = _set("protesters")
_RIOTERS = _set("rioters")
_ARMED_UNITS = _set("armed_units")
_OUTLET_WORDS = _set("outlet_words")
_MONITORS = _set("monitors")
_PLACE_PREPS = frozenset({"in", "at", "near", "across", "inside", "outside", "around", "outskirts"})
_NOT_PARTIES = _set("not_parties")
_COMBATANTS = _ARMED_UNITS - {"member", "suspect", "recruit"}
_TOLD = frozenset({"interception", "armed_clash", "territory_change", "mob_violence", "property_destruction"})
_MEANS_PREPS = frozenset({"in", "by", "during", "from", "after", "amid"})
# nouns of an act or its instrument: their owner acts, and they are never a target
_ACT_NOUNS = frozenset(
    {"strike", "airstrike", "attack", "shelling", "bombardment", "bombing", "raid", "barrage", "assault", "offensive",
     "drone", "missile", "rocket", "shell", "fire", "explosion", "blast", "ambush", "operation", "incursion"}
)  # fmt: skip
_VIOLENCE = frozenset(
    {"air_strike", "drone_strike", "missile_strike", "shelling", "explosive_attack", "grenade_attack",
     "suicide_bombing", "chemical_attack", "attack_on_civilians", "abduction", "sexual_violence", "mob_violence"}
)  # fmt: skip
_PROTEST = frozenset({"protest", "protest_with_intervention", "force_against_protesters"})
_INTERVENED = frozenset({"protest_with_intervention", "force_against_protesters"})


def settle_sides(doc: Doc, drafts: list[Draft], grouped: bool = True) -> None:
    """Initiator and target of each incident; before grouping (``grouped`` False) only the owner of each mention and
    the canonical filter, so that a mention's junk side does not block another mention's real one."""
    for d in drafts:
        if not grouped:
            _mention_sides(doc, d)
            continue
        country = _country(d)
        owner = _owner(doc, d)
        if owner is not None:
            if d.target is not None and _same(d.target, owner):
                d.target = None  # "a Ukrainian strike" names the striker, not the struck
            d.initiator = owner  # the act's owner, whoever the sentence's subject is ("X said a Russian strike")
        else:
            agent_sides(doc, d, _COMBATANTS)
        if d.type not in VIOLENT_TYPES and d.type not in _TOLD:
            continue  # statements, talks and decisions have officials and leaders for sides
        if d.initiator is not None and not _canonical(doc, d, d.initiator):
            d.initiator = None
        if (
            d.target is not None
            and d.target.text.lower().split()[-1:]
            and d.target.text.lower().split()[-1].rstrip("s") in _ACT_NOUNS
        ):
            d.target = None  # "a Ukrainian strike" is the act, not what it hit
        if d.type in _PROTEST or d.type == "riot":
            _protest_sides(doc, d, country)
        elif _disrupted(d):
            continue  # after every strike's sides are known: the side that fired is an interception's target
        elif d.type in _VIOLENCE and _civilian_victims(d):
            if d.target is None or d.target.entity in (None, country) or not _armed(d.target):
                d.target = Actor(text=_victim_text(d), entity=f"Civilians ({country})" if country else "Civilians")
        if d.target is not None and not _canonical(doc, d, d.target) and not (d.target.entity or "").startswith("Civ"):
            d.target = None if d.target.entity is None else d.target
    if grouped:
        _claimants(doc, drafts)  # last: a claimant is the source of its own claim, which the filter above refuses
        _one_striker(drafts)
        fired = [x.initiator for x in drafts if x.type in _VIOLENCE and x.initiator is not None]
        for d in drafts:
            if _disrupted(d):
                interception_sides(doc, d, _sents(doc), _named, _country(d), fired)


_REMOTE = frozenset({"air_strike", "drone_strike", "missile_strike", "shelling"})


def _one_striker(drafts: list[Draft]) -> None:
    """ "Kenyan jets struck the town ... a missile later hit a school": where every strike the text attributes is
    one side's, a strike it tells with no doer ("debris damaged", "a missile hit") is that side's too."""
    strikes = [x for x in drafts if x.type in _REMOTE]
    named = [x.initiator for x in strikes if x.initiator is not None and x.initiator.entity]
    if len({side(a.entity) for a in named if a is not None}) != 1:
        return
    for x in strikes:
        if x.initiator is None:
            x.initiator = named[0]
            if x.target is not None and _same(x.target, x.initiator):
                x.target = None


def _claimants(doc: Doc, drafts: list[Draft]) -> None:
    """ "X claimed responsibility", "X said its unit staged the raid", "Y blamed the attack on X",
    "the attack was attributed to X": the one claimant or accused is the incident's initiator where the text names
    no better one ("an attacker", "a suicide bomber", nobody)."""
    named = [d.initiator for d in drafts if d.type == "claim_of_responsibility" and d.initiator is not None]
    named = [a for a in named if a.entity or a.text[:1].isupper()]  # a named claimant, not "the group"
    # a state that blames a group claims nothing: the claimant of an attack is a group
    named = [a for a in named if not (a.entity and country_of(side(a.entity) or ""))]
    named += _named_doers(doc)
    # "X, leader of the Y": the claimant is the group its description names
    named = [a for a in named if not any(b.text != a.text and b.text.lower() in a.text.lower() for b in named)]
    distinct = {side(a.entity) or a.entity or a.text.lower() for a in named}
    if len(distinct) != 1:
        return  # no claim, or rival claims and accusations: leave the sides as the text tells them
    claimant = named[0]
    for d in drafts:
        if d.type not in _VIOLENCE and d.type != "armed_clash":
            continue
        if d.initiator is None or (d.initiator.entity is None and _generic(d.initiator)):
            d.initiator = claimant


_HEADS = frozenset({"leader", "commander", "chief", "head", "spokesman", "spokesperson", "founder", "emir"})
_CLAIM_WORDS = frozenset({"carry", "conduct", "stage", "launch", "attack", "kill", "strike", "target", "bomb"})


def _named_doers(doc: Doc) -> list[Actor]:
    """The sides the text itself names as the doers: claimants of responsibility, the accused of an attack."""
    out: list[Actor] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB":
            continue
        who: Token | None = None
        if lemma == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in tok.children):
            who = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        elif lemma in ("blame", "attribute", "pin"):
            prep = "to" if lemma == "attribute" else "on"
            heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))]  # "blamed the attack on X"
            objs = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == prep for g in c.children]
            who = next((g for g in objs if g.dep_ == "pobj"), None)
        elif lemma in ("say", "announce", "state", "claim"):
            # "X said its unit staged the raid": a claim made by the group itself
            for comp in (c for c in tok.children if c.dep_ == "ccomp" and c.lemma_.lower() in _CLAIM_WORDS):
                subj = next((c for c in comp.children if c.dep_ == "nsubj"), None)
                if subj is not None and (subj.lower_ in ("it", "they", "we") or _own(subj)):
                    who = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if who is None or who.pos_ not in ("NOUN", "PROPN"):
            continue
        said = who
        appos = next((c for c in who.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        head = next((c for c in who.children if c.dep_ == "appos" and c.lemma_.lower() in _HEADS), None)
        group = next((g for p in head.children if p.lower_ == "of" for g in p.children), None) if head else None
        # "the movement's northern wing, the Hill Brigade, stated": the name, not the description; "X, leader of
        # the Y, said": the group the person leads
        who = appos or group or who
        span = _name_span(doc, who)
        ent, kind = canonical_entity(span.text)
        if not ent:  # "a long name (XYZ)": the bracketed short name the knowledge base knows
            short = [canonical_entity(t.text) for t in said.subtree if t.is_upper and doc[t.i - 1].text == "("]
            ent, kind = next(((e, k) for e, k in short if e and k in _ACTOR_KINDS), (None, kind))
        owners = [_named(c) for c in who.children if c.dep_ in ("amod", "compound", "poss")]
        owner = next((o for o in owners if o is not None), None)
        if ent and kind in _ACTOR_KINDS:
            out.append(Actor(text=span.text, entity=ent))
        elif owner is not None:
            out.append(Actor(text=span.text, entity=owner.entity))
        elif who.ent_type_ in ("ORG", "NORP") or who.pos_ == "PROPN":
            out.append(Actor(text=span.text, entity=None))  # a named group the knowledge base does not list
    return out


def _own(subj: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in subj.children)


def _generic(actor: Actor) -> bool:
    words = {w.removesuffix("s") for w in actor.text.lower().split()}
    return bool(words & _GENERIC) or not actor.entity and len(words) <= 3


def _mention_sides(doc: Doc, d: Draft) -> None:
    owner = _owner(doc, d)
    if owner is not None:
        if d.target is not None and _same(d.target, owner):
            d.target = None
        d.initiator = owner
    if d.type not in VIOLENT_TYPES and d.type not in _TOLD:
        return
    if d.initiator is not None and not _canonical(doc, d, d.initiator):
        d.initiator = None


def acled_actor(actor: Actor | None, country: str | None = None) -> str | None:
    """ACLED's name for a side: "Military Forces of Russia (2000-)", "Civilians (Sudan)", "Police Forces of Kenya",
    a named group as it is; None for no side."""
    if actor is None:
        return None
    entity = actor.entity or ""
    if entity.startswith(("Civilians (", "Protesters (", "Rioters (", "Police Forces of")):
        return entity
    names = _words()["acled_names"]
    assert isinstance(names, dict)
    state = country_of(entity) if entity else None
    if state:
        head = actor.text.lower().split()[-1] if actor.text else ""
        if head in _POLICE:
            return f"Police Forces of {state}"
        return str(names.get(state, f"Military Forces of {state}"))
    if entity:
        return side(entity) if side(entity) and country_of(str(side(entity))) else entity
    return actor.text or (f"Unidentified Armed Group ({country})" if country else None)


# --- reading --------------------------------------------------------------------------------------------


def _country(d: Draft) -> str | None:
    code = d.location.country if d.location is not None else None
    if not code:
        return None
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return None
    name = str(getattr(c, "common_name", None) or c.name)
    return country_of(name) or name


def _owner(doc: Doc, d: Draft) -> Actor | None:
    """A state or group named as the adjective, possessive or compound of an event word of the incident."""
    for start, _ in d.triggers:
        tok = token_at(doc, start)
        if tok is None:
            continue
        heads = [tok] + ([tok.head] if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else [])
        verb = tok if tok.pos_ == "VERB" else tok.head if tok.head.pos_ == "VERB" else None
        if verb is not None:  # "killed in a Ukrainian strike", "wounded by Russian shelling": the act that did it
            for c in verb.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in _MEANS_PREPS:
                    heads += [g for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in _ACT_NOUNS]
        for head in heads:
            if head.pos_ not in ("NOUN", "PROPN"):
                continue
            for c in head.children:
                if c.dep_ not in ("amod", "poss", "compound", "nmod") or c.i > head.i:
                    continue
                found = _named(c)
                if found is not None:
                    return found
    return None


def _disrupted(d: Draft) -> bool:
    """An interception told as such (a strike wholly intercepted keeps its launcher as initiator)."""
    return d.type == "interception"


def _canonical(doc: Doc, d: Draft, actor: Actor) -> bool:
    """Whether a side is an actor an analyst can code (not a number, an alarm, a place or a reporter)."""
    text = actor.text.strip()
    if not text or text[0].isdigit():
        return False
    words = text.lower().replace("the ", "").split()
    head = words[-1] if words else ""
    if words and words[0] in _NOT_PARTIES or head in _NOT_PARTIES:
        return bool(actor.entity) and words[0] not in _NOT_PARTIES
    if not actor.entity and find_weapons(head):
        return False  # "a UAV", "drones": a weapon whose owner the text does not name is no side
    ent, kind = canonical_entity(text)
    if kind == "outlet" or ent in _MONITORS or (head in _OUTLET_WORDS and text[:1].isupper()):
        return False  # reporters and monitors tell and count violence; they are not its sides
    low = text.lower()
    mention = _mention(doc, d, text)
    if mention is not None and in_source(mention):
        return False  # "..., the agency reported": the reporter is no side
    if mention is not None and mention.dep_ == "pobj" and mention.head.lower_ in _PLACE_PREPS:
        if mention.ent_type_ in ("GPE", "LOC", "FAC"):
            return False  # "an attack on a base in X": the place where it happened does not act
    if actor.entity:
        return True
    singular = {w.removesuffix("s") for w in low.split()} | set(low.split())
    if singular & (_GENERIC | _POLICE | _PROTESTERS | _RIOTERS | _STATE_FORCES) or low in _GENERIC:
        return True
    # a named group the knowledge base does not know yet ("the XYZ Front"): a proper name the parser calls an ORG
    return mention is not None and mention.ent_type_ in ("ORG", "NORP") and not canonical_entity(text)[0]


def _same(a: Actor, b: Actor) -> bool:
    return a.entity is not None and b.entity is not None and side(a.entity) == side(b.entity)


def _armed(actor: Actor) -> bool:
    words = set(actor.text.lower().split())
    ent, kind = canonical_entity(actor.text)
    return kind in ("military", "organization") or bool(words & (_ARMED_UNITS | _GENERIC | _STATE_FORCES))


def _civilian_victims(d: Draft) -> bool:
    """Victims told, none of them a combatant."""
    victims = [q for q in d.quantities if q.role in ("killed", "injured", "abducted") and q.value > 0]
    return bool(victims) and not any((q.unit or "") in _ARMED_UNITS for q in victims)


def _victim_text(d: Draft) -> str:
    units = [q.unit for q in d.quantities if q.role in ("killed", "injured", "abducted") and q.unit]
    named = [u for u in units if u not in ("person", "fatality", "casualty", "death", "body")]
    return f"{named[0]}s" if named else "civilians"


def _protest_sides(doc: Doc, d: Draft, country: str | None) -> None:
    rioting = d.type == "riot"
    label = "Rioters" if rioting else "Protesters"
    text = d.initiator.text if d.initiator is not None else ("rioters" if rioting else "protesters")
    if d.initiator is None or d.initiator.entity is None or country_of(d.initiator.entity or ""):
        d.initiator = Actor(text=text, entity=f"{label} ({country})" if country else label)
    if d.type in _INTERVENED or rioting:
        sents = _sents(doc)
        told = range(min(d.sents), min(len(sents), max(d.sents) + 3))  # the intervention follows the protest
        police = any(t.lower_ in _POLICE for k in told for t in sents[k])
        if police and country:
            d.target = Actor(text="police", entity=f"Police Forces of {country}")
        elif d.target is not None and not _armed(d.target):
            d.target = None
        if d.type == "force_against_protesters" and d.target is not None:
            # ACLED: the force is the act of the police upon the protesters
            protesters = Actor(text="protesters", entity=f"{label} ({country})" if country else label)
            d.initiator, d.target = d.target, protesters


def reported_by(doc: Doc, actor: Actor, char: int) -> bool:
    """Whether ``actor`` is the source of the report that tells the event at ``char``."""
    tok = token_at(doc, char)
    return tok is not None and in_source(tok)
