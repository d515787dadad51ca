"""The sides of an interception: the side that intercepts is its initiator, the side that fired its target.

- The interceptor is the subject (or passive agent) of the intercepting verb; "X said it shot down" makes the
  speaker X the interceptor.
- The target is the owner of what was intercepted ("shot down two Kenyan drones", "a drone fired by the rebels"),
  else the side that fired the attack the incident disrupted; never the place over which it was downed.
- Air defences named without their state are the forces of the state whose sky they defend: the country of the
  place where the interception happened.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from claimtrack.extract.entities import canonical_entity
from claimtrack.extract.events.common import Draft
from claimtrack.extract.events.sides import speaker_side
from claimtrack.extract.weapons import find_weapons
from claimtrack.models import Actor

_INTERCEPT_LEMMAS = frozenset({"intercept", "down", "repel", "neutralize", "neutralise", "thwart", "foil"})
# verbs that intercept only when what they hit is a weapon in flight ("destroyed two drones")
_WEAPON_LEMMAS = frozenset({"destroy", "shoot", "hit", "eliminate"})
_AIR_DEFENCE = ("air defence", "air defense", "air-defence", "air-defense", "anti-aircraft")


def _intercepts(tok: Token) -> bool:
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    if lemma in _INTERCEPT_LEMMAS or (lemma == "shoot" and any(c.lower_ == "down" for c in tok.children)):
        return True
    return lemma in _WEAPON_LEMMAS and any(
        c.dep_ in ("dobj", "nsubjpass") and find_weapons(c.text) for c in tok.children
    )


def interception_sides(
    doc: Doc,
    d: Draft,
    sents: list[Span],
    named: Callable[[Token], Actor | None],
    country: str | None,
    fired: list[Actor],
) -> None:
    """Set ``d``'s initiator (the interceptor) and target (the side that fired); ``named`` reads a state or group
    from a modifier, ``country`` is the state of the interception's place and ``fired`` the initiators of the
    text's other strikes."""
    for k in sorted(set(d.sents)):
        if not 0 <= k < len(sents):
            continue
        for tok in sents[k]:
            if _intercepts(tok):
                _read(doc, d, tok, named, country, fired)
                return


def _read(
    doc: Doc,
    d: Draft,
    verb: Token,
    named: Callable[[Token], Actor | None],
    country: str | None,
    fired: list[Actor],
) -> None:
    who = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if who is None and agent is not None:
        who = next((g for g in agent.children if g.dep_ == "pobj"), None)
    downed = []
    if who is not None and who.pos_ == "NOUN" and find_weapons(who.text):
        downed, who = [who], None  # "with 29 drones shot down": what was downed, not who downed it
    interceptor: Actor | None = None
    if who is not None and who.pos_ == "PRON":
        interceptor = speaker_side(who)  # "X said it had shot down ..."
    elif who is not None and who.pos_ in ("NOUN", "PROPN"):
        span = doc[who.left_edge.i : who.i + 1]
        owners = [named(c) for c in who.children if c.dep_ in ("poss", "amod", "compound")]
        owner = next((o for o in owners if o is not None), None)
        entity = owner.entity if owner is not None else canonical_entity(span.text)[0]
        text = span.text.removeprefix("the ").removeprefix("The ")
        if entity is None and country and any(w in text.lower() for w in _AIR_DEFENCE):
            entity = country  # unnamed air defences defend the sky they are in
        interceptor = Actor(text=text, entity=entity)
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]  # "intercepted and killed X"
    shot = downed + [c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    target = _owner_of(shot, named)
    earlier = d.initiator
    if interceptor is None and downed and country and earlier is not None and earlier.entity:
        if not _same(earlier, Actor(text=country, entity=country)):
            interceptor = Actor(text=country, entity=country)  # the defences of the sky it was downed in
    if interceptor is not None:
        d.initiator = interceptor
    if target is None and earlier is not None and not _same(earlier, d.initiator):
        target = earlier  # the side that fired what was intercepted
    if target is None and d.initiator is not None and d.initiator.entity:
        others = {a.entity for a in fired if a.entity and not _same(a, d.initiator)}
        if len(others) == 1:  # the one other side the text has firing: the launcher of what was downed
            target = next(a for a in fired if a.entity in others)
    if target is not None and d.initiator is not None and _same(target, d.initiator):
        target = None
    d.target = target


def _owner_of(shot: list[Token], named: Callable[[Token], Actor | None]) -> Actor | None:
    """The side that owns what was intercepted: its adjective or possessive ("two Kenyan drones"), or the agent of
    its launch ("rockets fired by the rebels")."""
    for obj in shot:
        heads = [obj] + [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        for h in heads:  # "11 of the 14 Kenyan drones"
            for c in h.children:
                if c.dep_ in ("amod", "poss", "compound", "nmod") and c.i < h.i and (found := named(c)) is not None:
                    return found
            for c in h.children:
                if c.dep_ != "acl":
                    continue
                for a in c.children:
                    if a.dep_ == "agent":
                        by = next((g for g in a.children if g.dep_ == "pobj"), None)
                        if by is not None:
                            span = by.doc[by.left_edge.i : by.i + 1]
                            ent = named(by)
                            text = span.text.removeprefix("the ").removeprefix("The ")
                            return ent or Actor(text=text, entity=canonical_entity(span.text)[0])
    return None


def _same(a: Actor | None, b: Actor | None) -> bool:
    from claimtrack.extract.events.sides import side

    if a is None or b is None:
        return False
    if a.entity and b.entity:
        return side(a.entity) == side(b.entity)
    return a.text.lower() == b.text.lower()
