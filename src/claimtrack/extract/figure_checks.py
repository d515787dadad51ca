"""Two readings of a counted figure beside its role: figures that count no victims though a killing verb governs
them (money, animals, an instrument, the group a victim heads), and victims told besides those already counted
("One rebel also died", "eight were killed in one village and seven in another"), whose number adds to the toll
rather than standing beside it as another report of the same dead."""

from __future__ import annotations

from spacy.tokens import Token

from claimtrack.extract.figure_grammar import verb_role
from claimtrack.extract.figure_words import (
    ADDITIVE,
    AMOUNT_NOUNS,
    ANIMALS,
    CURRENCIES,
    MONEY_NOUNS,
    PERSON_UNITS,
    PLACE_PREPS,
    ROLE_OF_NOUN,
    VICTIM_ROLES,
)

# nouns that stand for a counted group rather than one person: "a group of 20 men", "a convoy of 30 soldiers"
_GROUP_NOUNS = frozenset({"group", "convoy", "team", "unit", "band", "gang", "crowd", "party", "column", "squad"})


def no_victims(first: Token, last: Token, unit_tok: Token | None) -> bool:
    """ "a bounty of $900", "hit with nine rounds", "killed 40 cattle", "the owner of 30 shops was gunned
    down": figures a killing verb governs in the parse that count no dead or wounded person."""
    doc = first.doc
    before = doc[first.i - 1].lower_ if first.i > 0 else ""
    after = doc[last.i + 1].lower_ if last.i + 1 < len(doc) else ""
    if before in CURRENCIES or after in CURRENCIES or (unit_tok is not None and unit_tok.lower_ in CURRENCIES):
        return True
    holder = unit_tok if unit_tok is not None else last
    if holder.dep_ == "pobj" and holder.head.lower_ == "of" and holder.head.head.lemma_.lower() in MONEY_NOUNS:
        return True  # "a ransom of 60 million"
    if unit_tok is None:
        return False
    lemma = unit_tok.lemma_.lower()
    if lemma in ANIMALS:
        return True
    person = lemma in PERSON_UNITS or ROLE_OF_NOUN.get(lemma) in VICTIM_ROLES
    if not person and unit_tok.dep_ == "pobj" and unit_tok.head.lower_ == "with":
        return True  # "killed with 20 shots": the figure counts the means
    if unit_tok.dep_ == "pobj" and unit_tok.head.lower_ == "of":
        outer = unit_tok.head.head
        olemma = outer.lemma_.lower()
        # "the owner of 30 shops", "the father of three": the victim is the one person the phrase names
        return (
            outer.tag_ == "NN"
            and outer.i < first.i
            and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in outer.children)
            and olemma not in AMOUNT_NOUNS | _GROUP_NOUNS
            and ROLE_OF_NOUN.get(olemma) is None
            and not outer.like_num
        )
    return False


def adds_to_toll(last: Token, unit_tok: Token | None, verb: Token | None) -> bool:
    """Victims told besides those counted already: an additive word ("also died", "as well", "two others", "three
    more"), a toll told place by place with the verb left out ("eight were killed in one village and seven in
    another", "killed five in the town and two at the market"), or a second object ("killing him and two aides")."""
    doc = last.doc
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and after.lower_ in ADDITIVE and (unit_tok is None or unit_tok.i >= after.i):
        return True  # "two others were killed", "18 more were hurt"
    if unit_tok is not None and any(c.dep_ == "amod" and c.lower_ in ADDITIVE for c in unit_tok.children):
        return True  # "two other soldiers died", "an additional three civilians"
    if verb is not None:
        words = [c for c in verb.children if c.dep_ == "advmod"]
        if any(c.lower_ in ADDITIVE for c in words):
            return True  # "one rebel also died", "the blast too killed two"
        if any(c.lower_ == "well" and any(g.lower_ == "as" for g in c.children) for c in words):
            return True  # "two civilians were killed as well"
    if verb is not None and unit_tok is not None and second_clause(verb, unit_tok):
        return True
    return gapped(unit_tok if unit_tok is not None else last) or split_object(last) or split_object(unit_tok)


def second_clause(verb: Token, noun: Token) -> bool:
    """ "three soldiers were killed and five rebels died": a second clause of the same harm told of another group,
    whose dead add to the first's (the same group told twice, "five soldiers died and the soldiers were buried",
    does not)."""
    head = verb.head
    if verb.dep_ != "conj" or head.pos_ != "VERB" or noun.head.i != verb.i or noun.dep_ not in _ARGS:
        return False
    role = verb_role(verb, True)
    if role not in VICTIM_ROLES or verb_role(head, False) != role:  # the head's own harm, not its conjunct's
        return False
    first = [c for c in head.children if c.dep_ in _ARGS and c.pos_ in ("NOUN", "PROPN", "PRON")]
    return bool(first) and all(c.lemma_.lower() != noun.lemma_.lower() for c in first)


_ARGS = frozenset({"nsubj", "nsubjpass", "dobj"})


def split_object(tok: Token | None) -> bool:
    """ "killing the mayor and four of her aides", "killed the leader and one of his guards": a second object the parser
    hangs on the verb beside its first, whose number adds to the first's."""
    if tok is None or tok.dep_ != "conj" or tok.head.pos_ != "VERB":
        return False
    return any(c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children)


_BREAKDOWN = frozenset({":", "-", "–", "—", "("})


def gapped(tok: Token) -> bool:
    """ "two were killed in Alpha, four in Beta and one in Gamma": a count told with a place of its own and no verb,
    hung by the parser on the verb (as a conjunct) or on the place before it (as an apposition)."""
    if not any(c.dep_ == "prep" and c.lower_ in PLACE_PREPS for c in tok.children):
        return False
    if any(t.text in _BREAKDOWN for t in tok.doc[min(tok.head.i, tok.i) : tok.i]):
        return False  # "two were shot dead: one in Alpha and one in Beta" splits the toll told before it
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        return True
    if tok.dep_ == "conj" and tok.head.like_num:
        return gapped(tok.head)  # "..., four in Beta and one in Gamma": the last of a gapped list
    return tok.dep_ == "appos" and tok.head.dep_ == "pobj" and tok.head.head.lower_ in PLACE_PREPS
