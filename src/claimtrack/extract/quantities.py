"""Counted figures of an event with their roles: launched, intercepted, damaged, hit, killed, injured, troops...

A figure is a number (digits, number words read by text2num, vague amounts coded the ACLED way and flagged as
estimates, ordinals like "the sixth" = one item), a single victim ("a farmer was shot dead", "he died") or a
negation ("no casualties", "nobody was hurt" = 0). Its role comes from the verb that governs it in the dependency
parse ("shot down five of the missiles" -> intercepted 5), a noun on the way ("the bodies of three men", "the
killing of one guard") or its own noun ("300 casualties"); its unit from the counted noun phrase through the
weapons table ("40 attack drones" -> drone). Figures that are not the incident's own are flagged: subsets ("nine
of them children"), superseded tolls ("rose from 8 to 15": the 8) and cumulative totals ("since the war began").
The vocabulary is data: ``data/figures.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token
from text_to_num import text2num

from claimtrack.extract.time import MONTHS
from claimtrack.extract.weapons import find_weapons


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


_VAGUE: dict[str, int] = {k: int(str(v)) for k, v in _table("vague").items()}
_ORDINALS: dict[str, int] = {k: int(str(v)) for k, v in _table("ordinals").items()}
ROLE_OF_VERB: dict[str, str] = {k: str(v) for k, v in _table("verb_roles").items()}
_ROLE_OF_NOUN: dict[str, str] = {k: str(v) for k, v in _table("noun_roles").items()}
_PERSON_UNITS = _set("person_units")
_TROOPS = _set("troop_units")
_NOT_COUNTS = _set("not_counts")
_UNKNOWN = _set("unknown_number")
_NO_ONE = _set("no_one")
_CUMULATIVE_SUBJECTS = _set("cumulative_subjects")
_TOLL_VERBS = _set("toll_verbs")
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# vague words that count only people: "some of the drones" is no figure an analyst can copy
_PERSON_ONLY_VAGUE = frozenset({"some", "many", "numerous", "few", "a few", "several", "couple", "a couple"})
_OWN_ROLE = {"dead": "killed", "killed": "killed", "kill": "killed", "wound": "injured", "wounded": "injured",
             "injure": "injured", "injured": "injured"}  # fmt: skip
_NOT_COUNT_ENTS = ("DATE", "TIME", "MONEY", "PERCENT")
_ATTACK_PERSON_VERBS = frozenset({"kill", "die", "injure", "wound", "hurt", "slay", "murder", "shoot", "stab"})
_VICTIM_ROLES = frozenset({"killed", "injured"})
# prepositions whose object is where something was aimed or happened, not what was used or hurt
_PLACE_PREPS = frozenset({"at", "on", "against", "into", "in", "across", "over", "toward", "towards", "near", "around"})
_PROJECTILE_UNITS = frozenset({"missile", "drone", "rocket", "bomb", "artillery", "aircraft", "grenade", "explosive"})
_SUBSET_WORDS = frozenset({"including", "among", "incl"})
_OUTCOME_ROLES = frozenset({"intercepted", "destroyed", "hit", "missed", "damaged"})
_CUMULATIVE_RX = re.compile(r"\b(?:so far|to date|since the (?:start|beginning|outbreak))\b", re.I)
_CAUSE_PREPS = frozenset({"over", "against", "about", "after"})
_CAUSE_VERBS = frozenset({"condemn", "denounce", "protest", "mourn", "demand", "investigate", "commemorate", "mark"})
_LIFE_VERBS = frozenset({"lose", "claim", "take", "cost"})
_SUFFER_VERBS = frozenset({"sustain", "suffer", "receive"})
_HARM_NOUNS = frozenset({"injury", "wound", "burn", "fracture"})
_AMOUNT_NOUNS = frozenset({"number", "minimum", "maximum", "life", "toll", "total", "figure", "count", "tally", "majority", "rest", "dozen"})
_SINGLE_DETS = frozenset({"a", "an", "the", "this", "that", "another"})


@dataclass(frozen=True)
class QuantityMention:
    role: str
    value: int
    unit: str | None
    start: int  # char span of the figure in the doc
    end: int
    estimate: bool = False  # a vague amount coded by convention ("dozens" = 12)
    subset: bool = False  # part of a total told beside it ("nine of them children")
    background: bool = False  # a cumulative total or a superseded figure, not the incident's own


def parse_number(text: str) -> int | None:
    """Integer of a written figure: "10,000", "six", "two hundred", "1.5 million", "dozens" (text2num for words)."""
    t = " ".join(text.strip().lower().replace(",", "").split())
    if not t:
        return None
    if re.fullmatch(r"\d+", t):
        return int(t)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(hundred|thousand|million|billion)", t)
    if m:
        return int(float(m.group(1)) * _SCALES[m.group(2)])
    if t in _VAGUE:
        return _VAGUE[t]
    t = re.sub(r"^an? (?=hundred|thousand|million|dozen)", "one ", t)
    if t == "one dozen":
        return 12
    try:
        return int(text2num(t, "en"))
    except ValueError:
        return None


def _number_span(tok: Token) -> tuple[int, int, int, bool] | None:
    """(first token, last token + 1, value, estimate) of the figure that ``tok`` starts."""
    doc = tok.doc
    i = tok.i
    low = tok.lower_
    if low in _ORDINALS and i > 0 and doc[i - 1].lower_ == "the" and tok.head.pos_ != "NOUN":
        return i, i + 1, 1, False  # "the sixth" (one item of a counted set)
    m = re.fullmatch(r"(\d+)[-–](\d+)", tok.text)
    if m:  # "3-4 policemen": a range, coded at its lower bound
        return i, i + 1, min(int(m.group(1)), int(m.group(2))), False
    if low in ("tens", "hundreds") and i + 2 < len(doc) and doc[i + 1].lower_ == "of":
        two = f"{low} of {doc[i + 2].lower_}"
        if two in _VAGUE:
            return i, i + 3, _VAGUE[two], True
    if low == "a" and i + 1 < len(doc) and f"a {doc[i + 1].lower_}" in _VAGUE:
        return i, i + 2, _VAGUE[f"a {doc[i + 1].lower_}"], True
    if low in _VAGUE:
        return i, i + 1, _VAGUE[low], True
    if not (tok.like_num or low in _SCALES):
        return None
    if low == "one" and i > 0 and doc[i - 1].lower_ == "no":
        return None  # "no one": read as a negation by _single_victims
    if low == "one" and tok.dep_ not in ("nummod", "dobj", "nsubj", "nsubjpass", "pobj", "appos"):
        return None
    j = i
    while j + 1 < len(doc) and (doc[j + 1].like_num or doc[j + 1].lower_ in _SCALES or doc[j + 1].lower_ in "-"):
        if doc[j + 1].lower_ == "-" and not (j + 2 < len(doc) and doc[j + 2].like_num and doc[j + 2].is_alpha):
            break
        if doc[j + 1].like_num and doc[j + 1].is_digit != tok.is_digit:
            break  # "2 three-day" is no one figure
        j += 1
    value = parse_number(doc[i : j + 1].text)
    if value is None:
        return None
    return i, j + 1, value, False


def _head_noun(tok: Token) -> Token:
    """The nominal head a compound belongs to ("attack" in "attack drones" -> "drones")."""
    cur = tok
    while cur.dep_ == "compound" and cur.head is not cur and cur.head.i > cur.i and cur.head.pos_ in ("NOUN", "PROPN"):
        cur = cur.head
    return cur


def _unit_of(noun: Token | None, after: int | None = None) -> str | None:
    """Unit of a counted noun phrase: a weapon class from the weapons table, else the head noun's lemma."""
    if noun is None:
        return None
    head = _head_noun(noun)
    doc = noun.doc
    start = after if after is not None and after <= noun.i else noun.i
    phrase = doc[start : head.i + 1].text
    weapons = find_weapons(phrase)
    if weapons:
        return weapons[-1].cls
    lemma = head.lemma_.lower()
    return "person" if lemma in ("people", "person", "other", "individual", "more") else lemma


def _path(tok: Token, limit: int = 7) -> list[Token]:
    """``tok`` and the heads above it up to and including its governing verb (through of-phrases and conjuncts)."""
    out = [tok]
    cur = tok
    for _ in range(limit):
        if cur.pos_ in ("VERB", "AUX") and cur is not tok and cur.dep_ != "prep":  # "including" is no verb here
            return out
        if cur.head is cur:
            return out
        if cur.dep_ in ("conj", "appos", "pobj", "prep", "dobj", "nsubjpass", "nsubj", "attr", "nummod", "amod",
                        "compound", "npadvmod", "oprd", "quantmod", "acomp", "advmod", "nmod", "poss") or (
            cur.head.pos_ == "VERB"
        ):  # fmt: skip
            cur = cur.head
            out.append(cur)
            continue
        return out
    return out


def _verb_role(verb: Token, person: bool) -> str | None:
    """Role a verb gives its counted argument, with the phrasal and conjoined forms of killing."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if lemma == "leave":  # "left three people dead and two wounded"
        for c in kids:
            if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.lemma_.lower() in ("dead", "injured", "wounded"):
                return "killed" if c.lemma_.lower() == "dead" else "injured"
    if any(c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "advmod", "xcomp", "dobj", "ccomp") for c in kids):
        return "killed"  # "shot dead", "found dead"
    for c in kids:  # "beaten to death", "stabbed to death"
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() == "death" for g in c.children):
            return "killed"
    if lemma == "shoot" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in kids):
        return "intercepted"
    if lemma == "destroy" and re.search(r"in (?:the )?(?:air|sky)|air defen", verb.sent.text, re.I):
        return "intercepted"
    objs = {c.lemma_.lower() for c in kids if c.dep_ == "dobj"}
    if lemma in _LIFE_VERBS and "life" in objs:
        return "killed"  # "lost his life", "claimed the lives of 20"
    if lemma in _SUFFER_VERBS and objs & _HARM_NOUNS:
        return "injured"  # "sustained injuries", "suffered gunshot wounds"
    role = ROLE_OF_VERB.get(lemma)
    if role is None:  # "were reported killed", "are thought to have been killed", "feared injured"
        for c in kids:
            if c.dep_ in ("xcomp", "oprd", "ccomp") and c.pos_ in ("VERB", "ADJ"):
                if not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                    sub = ROLE_OF_VERB.get(c.lemma_.lower()) or _OWN_ROLE.get(c.lemma_.lower())
                    if sub in _VICTIM_ROLES:
                        return sub
    if person and role not in _VICTIM_ROLES:
        # "was shot and killed", "were attacked and wounded": the conjoined verb tells the outcome
        for c in kids:
            if c.dep_ == "conj" and c.pos_ == "VERB" and ROLE_OF_VERB.get(c.lemma_.lower()) in _VICTIM_ROLES:
                if not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                    return ROLE_OF_VERB[c.lemma_.lower()]
    return role


def _role_of(path: list[Token], unit_tok: Token | None, unit: str | None) -> str | None:
    verb = path[-1] if path[-1].pos_ in ("VERB", "AUX") and len(path) > 1 else None
    if unit_tok is not None:
        noun_role = _ROLE_OF_NOUN.get(unit_tok.lemma_.lower())
        if noun_role in _VICTIM_ROLES:
            return noun_role
    if verb is not None and verb.lemma_.lower() in _LIFE_VERBS and any(t.lemma_.lower() == "life" for t in path):
        return "killed"  # "took the lives of six people"
    for t in path[1:-1] if verb is not None else path[1:]:  # "the bodies of three men", "the killing of a guard"
        if t.pos_ == "NOUN" and _ROLE_OF_NOUN.get(t.lemma_.lower()) in _VICTIM_ROLES and t is not unit_tok:
            return _ROLE_OF_NOUN[t.lemma_.lower()]
    ulemma = unit_tok.lemma_.lower() if unit_tok is not None else ""
    person = unit in _PERSON_UNITS or ulemma in _PERSON_UNITS
    if verb is None:
        if ulemma in _TROOPS:
            return "troops"
        return _ROLE_OF_NOUN.get(ulemma)
    role = _verb_role(verb, person)
    if role in ("launched", "troops") and person:
        return "troops" if ulemma in _TROOPS or role == "troops" else None
    if role is None and unit_tok is not None:
        if ulemma in _TROOPS:
            return "troops"
        return _ROLE_OF_NOUN.get(ulemma)
    return role


def _background(path: list[Token], figure: Token) -> bool:
    """A cumulative total ("the war has killed 30,000", "since the start of ...") or a superseded toll ("rose
    from 8 to 15": the 8)."""
    if figure.head.lower_ == "from" and figure.head.head.lemma_.lower() in _TOLL_VERBS:
        return True
    if any(t.dep_ == "prep" and t.lower_ in _CAUSE_PREPS for t in path[1:]) or any(
        t.pos_ == "VERB" and t.lemma_.lower() in _CAUSE_VERBS for t in path[1:]
    ):
        return True  # "protested over the killing of a witness": a cause told, not this incident's toll
    verb = path[-1]
    scope = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head is not verb:
        scope.append(verb.head)  # "shelled the area 30 times in the last day, firing 120 shells"
    for v in scope:
        for c in v.children:
            if c.lower_ == "since" and c.dep_ in ("prep", "mark", "advmod"):
                return True
            if c.dep_ == "advcl" and any(g.lower_ == "since" and g.dep_ == "mark" for g in c.children):
                return True
            if c.dep_ == "nsubj" and c.lemma_.lower() in _CUMULATIVE_SUBJECTS:
                return True
    return bool(_CUMULATIVE_RX.search(verb.sent.text))


def _subset(path: list[Token], last: Token) -> bool:
    """ "nine of them children", "including six women", "of whom two were children": part of a told total."""
    of = [c for c in last.children if c.dep_ == "prep" and c.lower_ == "of"]
    if any(g.lower_ in ("them", "whom", "those", "these") for c in of for g in c.children):
        return True
    return any(t.lower_ in _SUBSET_WORDS for t in path[1:])


def _toll(figure: Token) -> str | None:
    """ "the death toll rose to 15", "bringing the toll to 40", "a toll of 12": the role of a toll's figure."""
    prep = figure.head
    if prep.dep_ != "prep" and prep.pos_ != "ADP":
        return None
    host = prep.head
    nouns = [host] if host.pos_ == "NOUN" else [c for c in host.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
    for n in nouns:
        if n.lemma_.lower() == "toll" and (prep.lower_ == "of" or host.lemma_.lower() in _TOLL_VERBS):
            injured = any(c.lemma_.lower() in ("injury", "injured", "wounded") for c in n.children)
            return "injured" if injured else "killed"
    return None


def _beside_month(doc: Doc, i: int, j: int) -> bool:
    before = doc[i - 1] if i > 0 else None
    after = doc[j] if j < len(doc) else None
    return any(t is not None and t.lower_ in MONTHS and (t.is_title or t.lower_ != "may") for t in (before, after))


def _one(noun: Token) -> int | None:
    """1 for a singular noun phrase that names one person or thing ("a guard", "the driver", "his brother")."""
    if noun.tag_ != "NN" or any(c.dep_ == "nummod" for c in noun.children):
        return None
    dets = [c for c in noun.children if c.dep_ in ("det", "poss")]
    if not dets or dets[0].dep_ == "det" and dets[0].lower_ not in _SINGLE_DETS:
        return None
    return 1


def _conj_total(noun: Token) -> int | None:
    """Sum of a conjoined list of counted groups ("two soldiers and a civilian" = 3); None when a part has no
    count or there is one part only."""
    parts = [noun, *noun.conjuncts]
    if len(parts) < 2:
        return None
    total = 0
    for p in parts:
        nums = [c for c in p.children if c.dep_ == "nummod"]
        value = parse_number(nums[0].text) if nums else _one(p)
        if value is None:
            return None
        total += value
    return total


def _single_victims(sent: Span) -> list[QuantityMention]:
    """One victim told without a numeral: "a farmer was shot dead", "gunmen killed the driver", "he died"."""
    out = []
    for tok in sent:
        low = tok.lower_
        of_victim = tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN"
        if of_victim and _ROLE_OF_NOUN.get(tok.head.head.lemma_.lower()) in _VICTIM_ROLES:
            one = _one(tok) if tok.pos_ == "NOUN" and tok.lemma_.lower() not in _AMOUNT_NOUNS else None
            if one and not _background(_path(tok), tok):  # "the death of a passer-by", "the body of a man"
                role = _ROLE_OF_NOUN[tok.head.head.lemma_.lower()]
                out.append(QuantityMention(role, _conj_total(tok) or one, "person", tok.idx, tok.idx + len(tok.text)))
            continue
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        if low in _NO_ONE or (low == "one" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "no"):
            value = 0  # "nobody was hurt", "no one was killed"
        elif low in ("he", "she"):
            value = 1
        elif tok.pos_ == "NOUN" and tok.tag_ == "NN":
            # whoever is killed or wounded is a person, whatever the noun ("the smuggler was shot dead")
            value = _one(tok) or 0
            if not value or tok.lemma_.lower() in _AMOUNT_NOUNS:
                continue  # "an unknown number of soldiers were killed" is no one soldier
            value = _conj_total(tok) or value
        else:
            continue
        verb = tok.head
        if verb.pos_ != "VERB":
            continue
        vlemma = verb.lemma_.lower()
        if tok.dep_ == "nsubj" and vlemma not in ("die", "succumb", "perish") and not (
            vlemma in _LIFE_VERBS | _SUFFER_VERBS and any(c.dep_ == "dobj" for c in verb.children)
        ):
            continue  # an active subject is the one who acted ("a gunman killed ...")
        if tok.dep_ == "nsubj" and vlemma in ("claim", "take", "cost"):
            continue  # "the attack claimed the lives of ...": the subject is the act
        role = _verb_role(verb, person=True)
        if role not in _VICTIM_ROLES or _background([tok, verb], tok):
            continue
        first = tok.doc[tok.i - 1] if low == "one" else tok
        out.append(QuantityMention(role, value, "person", first.idx, tok.idx + len(tok.text)))
    return out


def find_quantities(sent: Span, background: bool = False) -> list[QuantityMention]:
    """Every counted figure of ``sent`` with a role; figures with no recognisable role are left out, and so are
    subsets, cumulative and superseded figures unless ``background`` asks for them (flagged)."""
    out: list[QuantityMention] = []
    last_unit: str | None = None
    doc = sent.doc
    skip_to = sent.start
    for tok in sent:
        if tok.i < skip_to:
            continue
        if tok.lower_ == "no" and tok.dep_ == "det" and tok.head.lemma_.lower() in (
            "casualty", "death", "fatality", "injury", "victim"
        ):  # fmt: skip
            none_of = "injured" if tok.head.lemma_.lower() == "injury" else "killed"
            out.append(QuantityMention(none_of, 0, "person", tok.idx, tok.head.idx + len(tok.head.text)))
            continue
        if tok.lower_ in _UNKNOWN and tok.i + 2 < sent.end and doc[tok.i + 1].lower_ == "number":
            tail = doc[tok.i + 2 : min(sent.end, tok.i + 6)]
            noun = next((t for t in tail if t.pos_ == "NOUN"), None)
            path = _path(doc[tok.i + 1])
            role = _role_of(path, noun, _unit_of(noun))
            if role in _VICTIM_ROLES:  # "an unknown number of soldiers were killed": ACLED's minimum
                end = doc[tok.i + 1]
                out.append(QuantityMention(role, 3, "person", tok.idx, end.idx + len(end.text), estimate=True))
            continue
        if tok.i > sent.start and doc[tok.i - 1].like_num and tok.lower_ not in _ORDINALS:
            continue  # inside a multi-token figure already read
        if tok.i > sent.start and doc[tok.i - 1].text in "-–" and not doc[tok.i - 1].whitespace_:
            if tok.i - 2 >= sent.start and doc[tok.i - 2].is_alpha and not doc[tok.i - 2].whitespace_:
                continue  # "Kh-101", "Su-34": a number in a name
        found = _number_span(tok)
        if found is None:
            continue
        i, j, value, estimate = found
        skip_to = j
        first, last = doc[i], doc[j - 1]
        if _beside_month(doc, i, j):
            continue  # "26 May", "May 26": a day of the month
        if re.fullmatch(r"(?:19|20)\d\d", first.text) and first.ent_type_ in ("DATE", ""):
            if first.ent_type_ == "DATE" or first.head.pos_ != "NOUN":
                continue  # a year, not a count
        if j < len(doc) and doc[j].text in ("-", "–") and not last.whitespace_ and j + 1 < len(doc):
            if doc[j + 1].lower_ in _NOT_COUNTS or doc[j + 1].lemma_.lower() in _NOT_COUNTS:
                continue  # "a three-day operation"
        # a range "between 6 and 9", "6 to 9 villagers", "6 or 7": ACLED takes the lower bound, read at the first
        if j + 1 < sent.end and doc[j].lower_ in ("to", "and", "or", "-", "–") and doc[j + 1].like_num:
            before = doc[i - 1].lower_ if i > sent.start else ""
            if before != "from" and (doc[j].lower_ != "and" or before == "between"):
                nxt = _number_span(doc[j + 1])
                if nxt is not None and nxt[2] >= value:
                    skip_to = nxt[1]
                    if last.dep_ != "nummod":  # the noun hangs from the range's upper figure
                        last = doc[nxt[1] - 1]
        # the counted noun: the head of a nummod, the object of "five of the missiles", or none ("the sixth")
        unit_tok: Token | None = None
        if last.dep_ == "nummod" or last.head.pos_ in ("NOUN", "PROPN") and last.dep_ in ("nummod", "quantmod", "amod"):
            unit_tok = last.head
        elif last.dep_ == "compound" and last.head.like_num and last.head.head.pos_ == "NOUN":
            unit_tok = _head_noun(last.head.head)  # "six 152mm shells": a count before a calibre
        else:
            of = [c for c in last.children if c.dep_ == "prep" and c.lower_ == "of"]
            if not of and j + 1 < sent.end and doc[j].lower_ == "out" and doc[j + 1].lower_ == "of":
                of = [doc[j + 1]]  # "20 out of 25 missiles": the parser hangs "out" on the verb
            if of:
                objs = [c for c in of[0].children if c.dep_ == "pobj"]
                unit_tok = objs[0] if objs else None
        if unit_tok is not None and (unit_tok.lemma_.lower() in _NOT_COUNTS or unit_tok.lower_ in _NOT_COUNTS):
            continue
        own_adj = unit_tok is not None and unit_tok.pos_ == "ADJ" and unit_tok.lemma_.lower() in _OWN_ROLE
        if unit_tok is not None and unit_tok.pos_ not in ("NOUN", "PROPN"):
            unit_tok = None
        if unit_tok is None and (first.ent_type_ in _NOT_COUNT_ENTS or last.ent_type_ in _NOT_COUNT_ENTS):
            continue  # a date or a sum, unless it visibly counts a noun ("Between 10 and 15 soldiers")
        if first.ent_type_ in ("MONEY", "PERCENT", "TIME"):
            continue
        unit = _unit_of(unit_tok, after=j) if unit_tok is not None else None
        if estimate and first.lower_ in _PERSON_ONLY_VAGUE and unit not in _PERSON_UNITS and unit != "person":
            continue
        if unit is None and first.lower_ in _ORDINALS:
            unit = last_unit
        path = _path(unit_tok if unit_tok is not None else last)
        verb = path[-1] if len(path) > 1 and path[-1].pos_ in ("VERB", "AUX") else None
        if any(t.dep_ == "agent" for t in path):
            continue  # "killed by two gunmen": the figure counts the killers
        if (
            verb is not None
            and unit_tok is not None
            and unit_tok.dep_ == "nsubj"
            and verb.lemma_.lower() in _ATTACK_PERSON_VERBS
            and any(c.dep_ == "dobj" for v in (verb, *verb.conjuncts) for c in v.children)
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
        role = _toll(last) or _role_of(path, unit_tok, unit)
        if own_adj:  # "at least 2 dead", "5 wounded"
            role = _OWN_ROLE[last.head.lemma_.lower()]
        own = [c for c in last.children if c.dep_ in ("acl", "amod", "relcl", "oprd") and c.lemma_.lower() in _OWN_ROLE]
        if unit_tok is None and own:  # "... and two wounded"
            role = _OWN_ROLE[own[0].lemma_.lower()]
        # "downed 41 of the 57 drones": the 57 is what was launched, the 41 what was downed
        whole = unit_tok is not None and unit_tok.dep_ == "pobj" and unit_tok.head.lower_ == "of"
        outer = unit_tok.head.head if unit_tok is not None and whole else None
        if outer is not None and outer.i < i and (outer.like_num or outer.lower_ in _VAGUE or outer.lower_ == "out"):
            if role in _OUTCOME_ROLES:
                role = "launched"
            elif role in _VICTIM_ROLES or role is None:
                continue  # "nine of the 20 passengers were killed": the 20 is a group, not a toll
        if role is None:
            continue
        if unit is None and role in _VICTIM_ROLES:
            unit = "person"
        if unit is None and role == "intercepted":
            unit = last_unit
        last_unit = unit or last_unit
        if role in _VICTIM_ROLES and unit_tok is not None and unit_tok.dep_ != "conj":
            value = max(value, _conj_total(unit_tok) or 0)  # "two soldiers and a civilian were killed" = 3
        subset = role in _VICTIM_ROLES and _subset(path, last)  # "six of them were intercepted" is an outcome
        flags = {"estimate": estimate, "subset": subset, "background": _background(path, last)}
        out.append(QuantityMention(role, value, unit, first.idx, last.idx + len(last.text), **flags))
    out += _single_victims(sent)
    if not background:
        out = [q for q in out if not (q.subset or q.background)]
    return out
