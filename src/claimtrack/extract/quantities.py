"""Counted figures of an event with their roles: launched, intercepted, damaged, hit, killed, injured, troops...

A figure is a number (digits, number words, "dozens", ordinals like "the sixth" = one item) or a negated
noun ("no casualties" = 0 killed). Its role comes from the verb that governs it in the dependency parse
("shot down five of the missiles" -> intercepted 5) or from its noun ("300 casualties"), its unit from
the counted noun, normalised through the weapon lexicon ("ATACMs" -> missile).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimtrack.extract.weapons import find_weapons

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "zero": 0, "no": 0, "none": 0,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# ACLED's conventions for vague counts: "dozens" is coded 12, "hundreds" 100, "several" and "a few" 3
_VAGUE = {"dozen": 12, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "several": 3, "a few": 3,
          "tens": 10, "couple": 2}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "last": 1, "remaining": 1,
}  # fmt: skip

ROLE_OF_VERB = {
    "launch": "launched", "fire": "launched", "send": "launched", "shoot": "launched", "use": "launched",
    "unleash": "launched", "lob": "launched",
    "intercept": "intercepted", "down": "intercepted", "repel": "intercepted", "neutralize": "intercepted",
    "neutralise": "intercepted", "destroy": "destroyed", "damage": "damaged", "hit": "hit", "strike": "hit",
    "land": "hit", "fall": "hit", "miss": "missed", "kill": "killed", "die": "killed", "slay": "killed",
    "murder": "killed", "injure": "injured", "wound": "injured", "hurt": "injured", "deploy": "troops",
    "invite": "troops", "station": "troops", "dispatch": "troops", "mobilize": "troops", "mobilise": "troops",
    "arrest": "arrested", "detain": "arrested", "kidnap": "abducted", "abduct": "abducted", "displace": "displaced",
    "evacuate": "evacuated", "rally": "participants", "protest": "participants", "march": "participants",
    "gather": "participants", "capture": "captured", "seize": "seized", "receive": "delivered",
    "deliver": "delivered", "supply": "delivered", "transfer": "delivered",
}  # fmt: skip
_ROLE_OF_NOUN = {
    "casualty": "killed", "death": "killed", "fatality": "killed", "dead": "killed", "body": "killed",
    "injury": "injured", "wounded": "injured", "injured": "injured", "troop": "troops", "soldier": "troops",
    "serviceman": "troops", "fighter": "troops", "protester": "participants", "demonstrator": "participants",
    "hostage": "abducted", "detainee": "arrested", "prisoner": "arrested",
}  # fmt: skip
_PERSON_UNITS = {
    "person", "people", "civilian", "soldier", "troop", "fighter", "militant", "man", "woman", "child",
    "resident", "villager", "student", "serviceman", "policeman", "officer", "protester", "demonstrator",
    "worker", "member", "casualty", "death", "fatality", "body", "hostage", "detainee", "prisoner", "rebel",
    "insurgent", "terrorist", "passenger", "activist", "journalist", "family", "refugee",
}  # fmt: skip
_TROOPS = {"soldier", "troop", "serviceman", "fighter", "personnel", "mercenary", "marine", "paratrooper"}
_NOT_COUNTS = {"km", "kilometer", "kilometre", "mile", "meter", "metre", "percent", "%", "year", "month", "day",
               "hour", "minute", "week", "dollar", "$", "euro", "kg", "ton", "tonne", "age", "range"}  # fmt: skip
_OWN_ROLE = {
    "dead": "killed",
    "killed": "killed",
    "kill": "killed",
    "wound": "injured",
    "wounded": "injured",
    "injure": "injured",
    "injured": "injured",
}
_NOT_COUNT_ENTS = ("DATE", "TIME", "MONEY", "PERCENT")
_ATTACK_PERSON_VERBS = {"kill", "die", "injure", "wound", "hurt", "slay", "murder"}


@dataclass(frozen=True)
class QuantityMention:
    role: str
    value: int
    unit: str | None
    start: int  # char span of the figure in the doc
    end: int


# prepositions whose object is where something was aimed or happened, not what was used or hurt
_PLACE_PREPS = frozenset({"at", "on", "against", "into", "in", "across", "over", "toward", "towards", "near", "around"})
_PROJECTILE_UNITS = frozenset({"missile", "drone", "rocket", "bomb", "artillery", "aircraft", "grenade", "explosive"})


def parse_number(text: str) -> int | None:
    """Integer of a written figure: "10,000", "six", "two hundred", "1.5 million", "dozens"."""
    t = text.strip().lower().replace(",", "")
    if not t:
        return None
    if re.fullmatch(r"\d+", t):
        return int(t)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(hundred|thousand|million|billion)", t)
    if m:
        return int(float(m.group(1)) * _SCALES[m.group(2)])
    if t in _VAGUE:
        return _VAGUE[t]
    total, current = 0, 0
    seen = False
    for w in re.split(r"[\s-]+", t):
        if w == "and":
            continue
        if w in _UNITS:
            current += _UNITS[w]
            seen = True
        elif w in _SCALES:
            current = max(current, 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total, current = total + current, 0
            seen = True
        else:
            return None
    return total + current if seen else None


def _number_span(tok: Token) -> tuple[int, int, int] | None:
    """(first token index, last token index + 1, value) of the figure that ``tok`` starts or belongs to."""
    doc = tok.doc
    i = tok.i
    if tok.lower_ in _ORDINALS and tok.i > 0 and doc[tok.i - 1].lower_ == "the" and tok.head.pos_ != "NOUN":
        return i, i + 1, 1  # "the sixth" (one item of a counted set)
    if tok.lower_ in _VAGUE:
        return i, i + 1, _VAGUE[tok.lower_]
    if not (tok.like_num or tok.lower_ in _SCALES) or tok.lower_ in ("one",) and tok.dep_ not in ("nummod", "dobj"):
        if not (tok.lower_ == "one" and tok.dep_ == "nummod"):
            return None
    j = i
    while j + 1 < len(doc) and (doc[j + 1].like_num or doc[j + 1].lower_ in _SCALES or doc[j + 1].lower_ == "-"):
        if doc[j + 1].lower_ == "-" and not (j + 2 < len(doc) and doc[j + 2].like_num and doc[j + 2].lower_ in _UNITS):
            break
        j += 1
    value = parse_number(doc[i : j + 1].text)
    if value is None:
        return None
    return i, j + 1, value


def _unit_of(noun: Token | None) -> str | None:
    if noun is None:
        return None
    weapons = find_weapons(noun.text)
    if weapons:
        return weapons[0].cls
    lemma = noun.lemma_.lower()
    return "person" if lemma in ("people", "person", "other", "individual") else lemma


def _governing_verb(tok: Token) -> Token | None:
    """The verb whose argument ``tok`` (a counted noun or a figure) is, through of-phrases and conjunctions."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur is not tok:
            return cur
        if cur.dep_ in ("conj", "appos") or cur.dep_ in (
            "pobj",
            "prep",
            "dobj",
            "nsubjpass",
            "nsubj",
            "attr",
            "nummod",
            "amod",
            "compound",
            "npadvmod",
            "oprd",
        ):
            if cur.head is cur:
                return None
            cur = cur.head
            continue
        if cur.pos_ in ("VERB",):
            return cur
        return cur.head if cur.head.pos_ == "VERB" else None
    return None


def _role_of(verb: Token | None, unit_tok: Token | None, unit: str | None) -> str | None:
    if unit_tok is not None:
        noun_role = _ROLE_OF_NOUN.get(unit_tok.lemma_.lower())
        if noun_role in ("killed", "injured"):
            return noun_role
    if verb is None:
        if unit_tok is not None and unit_tok.lemma_.lower() in _TROOPS:
            return "troops"
        return _ROLE_OF_NOUN.get(unit_tok.lemma_.lower()) if unit_tok is not None else None
    lemma = verb.lemma_.lower()
    if lemma == "leave":  # "left three people dead and two wounded"
        for c in verb.children:
            if c.dep_ in ("oprd", "acomp", "xcomp") and c.lemma_.lower() in ("dead", "injured", "wounded"):
                return "killed" if c.lemma_.lower() == "dead" else "injured"
    if lemma == "shoot" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in verb.children):
        return "intercepted"
    if lemma == "destroy" and re.search(r"in (?:the )?(?:air|sky)|air defen", verb.sent.text, re.I):
        return "intercepted"
    role = ROLE_OF_VERB.get(lemma)
    person = unit in _PERSON_UNITS or (unit_tok is not None and unit_tok.lemma_.lower() in _PERSON_UNITS)
    if role in ("launched", "troops") and person:
        return "troops" if (unit_tok is not None and unit_tok.lemma_.lower() in _TROOPS) or role == "troops" else None
    if role == "launched" and unit_tok is not None and unit_tok.lemma_.lower() in _TROOPS:
        return "troops"
    if role is None and unit_tok is not None:
        if unit_tok.lemma_.lower() in _TROOPS:
            return "troops"
        return _ROLE_OF_NOUN.get(unit_tok.lemma_.lower())
    return role


def find_quantities(sent: Span) -> list[QuantityMention]:
    """Every counted figure of ``sent`` with a role; figures with no recognisable role are left out."""
    out: list[QuantityMention] = []
    last_unit: str | None = None
    for tok in sent:
        if (
            tok.lower_ == "no"
            and tok.dep_ == "det"
            and tok.head.lemma_.lower() in ("casualty", "death", "fatality", "injury", "victim")
        ):
            none_of = "injured" if tok.head.lemma_.lower() == "injury" else "killed"
            out.append(QuantityMention(none_of, 0, "person", tok.idx, tok.head.idx + len(tok.head.text)))
            continue
        if tok.i > sent.start and tok.doc[tok.i - 1].like_num and tok.lower_ not in _ORDINALS:
            continue  # inside a multi-token figure already read
        found = _number_span(tok)
        if found is None:
            continue
        i, j, value = found
        first, last = tok.doc[i], tok.doc[j - 1]
        if re.fullmatch(r"(?:19|20)\d\d", first.text) and first.ent_type_ in ("DATE", ""):
            if first.ent_type_ == "DATE" or first.head.pos_ != "NOUN":
                continue  # a year, not a count
        # the counted noun: the head of a nummod, the object of "five of the missiles", or none ("the sixth")
        unit_tok: Token | None = None
        if last.dep_ == "nummod" or last.head.pos_ in ("NOUN", "PROPN") and last.dep_ in ("nummod", "quantmod"):
            unit_tok = last.head
        else:
            of = [c for c in last.children if c.dep_ == "prep" and c.lower_ == "of"]
            if of:
                objs = [c for c in of[0].children if c.dep_ == "pobj"]
                unit_tok = objs[0] if objs else None
        if unit_tok is not None and unit_tok.lemma_.lower() in _NOT_COUNTS:
            continue
        if unit_tok is not None and unit_tok.pos_ not in ("NOUN", "PROPN"):
            unit_tok = None
        if unit_tok is None and (first.ent_type_ in _NOT_COUNT_ENTS or last.ent_type_ in _NOT_COUNT_ENTS):
            continue  # a date or a sum, unless it visibly counts a noun ("Between 10 and 15 soldiers")
        if first.ent_type_ in ("MONEY", "PERCENT", "TIME"):
            continue
        unit = _unit_of(unit_tok) if unit_tok is not None else None
        if unit is None and first.lower_ in _ORDINALS:
            unit = last_unit
        verb = _governing_verb(unit_tok if unit_tok is not None else last)
        if (
            verb is not None
            and unit_tok is not None
            and unit_tok.dep_ == "nsubj"
            and verb.lemma_.lower() in _ATTACK_PERSON_VERBS
            and any(c.dep_ == "dobj" for c in verb.children)
        ):
            continue  # "two bombers killed 25 soldiers": the subjects are the killers, not the dead
        if (
            unit_tok is not None
            and unit_tok.dep_ == "pobj"
            and unit_tok.head.lower_ in _PLACE_PREPS
            and unit not in _PROJECTILE_UNITS
            and unit_tok.lemma_.lower() not in _PERSON_UNITS
        ):
            continue  # "fired at 12 settlements", "in three districts": a count of targets or places, not of arms
        role = _role_of(verb, unit_tok, unit)
        own = [c for c in last.children if c.dep_ in ("acl", "amod", "relcl") and c.lemma_.lower() in _OWN_ROLE]
        if unit_tok is None and own:  # "... and two wounded"
            role = _OWN_ROLE[own[0].lemma_.lower()]
        if role is None:
            continue
        if unit is None and role in ("killed", "injured"):
            unit = "person"
        if unit is None and role == "intercepted":
            unit = last_unit
        last_unit = unit or last_unit
        out.append(QuantityMention(role, value, unit, first.idx, last.idx + len(last.text)))
    return out
