"""Who did an act and whom it struck, from the words around its noun or its clause.

- "an ambush by gunmen", "killed in an attack by rebels": the object of "by" after an act noun is its doer.
- "ten villagers were abducted when bandits attacked the village": a passive act with no agent takes the subject
  of its "when" / "as" clause, when that clause tells an attack.
- "the patrol came under attack (by rebels)": the one who comes under an act is its target; "killed 40 soldiers":
  the combatants a violent verb strikes.
- "gunmen from the Northern Front": fighters stand for the group they belong to; "the army", named bare, for the
  one state the text's forces name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimtrack.extract.events.common import Draft, token_at
from claimtrack.extract.events.phrases import actor_at, mention, named
from claimtrack.extract.events.sides import same_party, side
from claimtrack.models import Actor

# nouns of a violent act, whose "by" object is the doer
ACT_NOUNS = frozenset(
    {"strike", "airstrike", "attack", "shelling", "bombardment", "bombing", "raid", "barrage", "assault", "offensive",
     "ambush", "incursion", "massacre", "killing", "abduction", "kidnapping", "shooting", "assassination", "fire",
     "operation", "explosion", "blast"}
)  # fmt: skip
# verbs of a "when" clause that tell the attack a passive act came from
_ATTACK_LEMMAS = frozenset(
    {"attack", "storm", "raid", "strike", "ambush", "invade", "overrun", "open", "shoot", "fire", "bomb", "shell",
     "target", "stage", "launch", "besiege", "surround", "kill", "hit"}
)  # fmt: skip
_WHEN = frozenset({"when", "as", "after", "while"})


def _acts(doc: Doc, d: Draft) -> list[Token]:
    """The incident's trigger tokens, with the act nouns its verbs take through a preposition."""
    out: list[Token] = []
    for start, _ in d.triggers:
        tok = token_at(doc, start)
        if tok is None:
            continue
        out.append(tok)
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
            out.append(tok.head)  # "a drone attack by ...": the phrase's head noun
        if tok.pos_ == "VERB":
            out += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return [t for t in out if t.pos_ == "VERB" or t.lemma_.lower() in ACT_NOUNS or t.lower_ in ACT_NOUNS]


def doer(doc: Doc, d: Draft) -> Token | None:
    """The head of the phrase that names who did the incident's act, or None."""
    for tok in _acts(doc, d):
        if tok.pos_ in ("NOUN", "PROPN"):
            under = tok.head.head if tok.head.lower_ == "under" and tok.head.head.pos_ == "VERB" else None
            for c in [*tok.children, *(under.children if under is not None else ())]:
                if c.dep_ in ("prep", "agent") and c.lower_ == "by":
                    by = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if by is not None and by.pos_ in ("NOUN", "PROPN"):
                        return by
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        if not passive or any(c.dep_ == "agent" for c in tok.children):
            continue
        for clause in (c for c in tok.children if c.dep_ == "advcl" and c.lemma_.lower() in _ATTACK_LEMMAS):
            if not any(m.dep_ in ("mark", "advmod") and m.lower_ in _WHEN for m in clause.children):
                continue
            subj = next((s for s in clause.children if s.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                return subj
    return None


def came_under(doc: Doc, d: Draft) -> Token | None:
    """ "X came under attack", "X came under fire": X, the side the act struck."""
    for tok in _acts(doc, d):
        verb = tok if tok.pos_ == "VERB" else tok.head.head if tok.head.lower_ == "under" else None
        if verb is None or verb.lemma_.lower() not in ("come", "fall"):
            continue
        if not any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children):
            continue
        subj = next((s for s in verb.children if s.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return subj
    return None


def agent_sides(doc: Doc, d: Draft, combatants: frozenset[str]) -> None:
    """The doer named by "an attack by X" or "when X attacked", the struck by "X came under attack"."""
    hit = came_under(doc, d)
    if hit is not None:
        struck = actor_at(doc, hit)
        if d.initiator is not None and d.initiator.text.lower() in struck.text.lower():
            d.initiator = None  # "the troops came under attack": the troops did not attack
        d.target = struck
    if d.target is None:  # "killed 40 soldiers", "ambushed a police patrol": the combatants it struck
        for start, _ in d.triggers:
            tok = token_at(doc, start)
            verb = tok if tok is not None and tok.pos_ == "VERB" else None
            objs = [c for c in verb.children if c.dep_ == "dobj"] if verb is not None else []
            hit = next((c for c in objs if c.lemma_.lower() in combatants or c.lower_ in combatants), None)
            if hit is not None:
                d.target = actor_at(doc, hit)
                break
    who = doer(doc, d)
    if who is not None:
        found = actor_at(doc, who)
        if d.initiator is None or d.initiator.entity is None or found.entity:
            d.initiator = found
    if d.initiator is not None and d.initiator.entity is None:
        where = mention(doc, d, d.initiator.text)
        member = actor_at(doc, where) if where is not None and where.pos_ in ("NOUN", "PROPN") else None
        if member is not None and member.entity:  # "gunmen from the Northern Front": the group they belong to
            d.initiator = Actor(text=d.initiator.text, entity=member.entity)
    d.initiator = _forces_of(doc, d, d.initiator)
    d.target = _forces_of(doc, d, d.target)
    if d.initiator is not None and d.target is not None and same_party(d.initiator, d.target):
        d.target = None


_FORCES = frozenset({"army", "military", "troops", "troop", "soldiers", "soldier", "forces", "navy", "air force"})


def _forces_of(doc: Doc, d: Draft, actor: Actor | None) -> Actor | None:
    """ "The Sudanese army ... the army said the military had taken the palace": a state's forces named bare take the
    state of the text's earlier mentions of forces, when all of them name one state."""
    if actor is None or actor.entity or actor.text.lower().removeprefix("the ") not in _FORCES:
        return actor
    where = mention(doc, d, actor.text)
    if where is None:
        return actor
    states = set()
    for tok in doc[: where.i]:
        if tok.lower_ in _FORCES or tok.lemma_.lower() in _FORCES:
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "poss") and (found := named(c)) is not None and found.entity:
                    states.add(side(found.entity))
    if len(states) == 1:
        return Actor(text=actor.text, entity=states.pop())
    return actor
