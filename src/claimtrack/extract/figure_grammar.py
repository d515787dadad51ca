"""How a figure reads in the parse: its number, its counted noun and unit, the verb or noun that gives its role,
and whether it is the incident's own (not a subset, a superseded toll or a cumulative total)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token
from text_to_num import text2num

from claimtrack.extract.figure_words import (
    CAUSE_PREPS,
    CAUSE_VERBS,
    CUMULATIVE_RX,
    CUMULATIVE_SUBJECTS,
    HARM_NOUNS,
    LIFE_VERBS,
    ORDINALS,
    OWN_ROLE,
    PERSON_UNITS,
    ROLE_OF_NOUN,
    ROLE_OF_VERB,
    SCALES,
    SETTLE_VERBS,
    SUBSET_WORDS,
    SUFFER_VERBS,
    TOLL_VERBS,
    TROOPS,
    VAGUE,
    VICTIM_ROLES,
)
from claimtrack.extract.weapons import find_weapons


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
    # told as what led to the act ("motive": "marched after a student was killed") or as who someone is ("who":
    # "relatives of a man who died"), not as the act's harm
    cause: str | None = None
    settled: bool = False  # the count the teller settles on ("officials put the toll at 31"), whatever else is told
    also: bool = False  # victims besides those counted before ("one rebel also died"): adds to the toll
    total: bool = False  # told as a toll ("a death toll of 38", "the toll rose to 9"): it holds every group


def parse_number(text: str) -> int | None:
    """Integer of a written figure: "10,000", "six", "two hundred", "1.5 million", "dozens" (text2num for words)."""
    t = " ".join(text.strip().lower().replace(",", "").split())
    if not t:
        return None
    if re.fullmatch(r"\d+", t):
        return int(t)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(hundred|thousand|million|billion)", t)
    if m:
        return int(float(m.group(1)) * SCALES[m.group(2)])
    if t in VAGUE:
        return VAGUE[t]
    t = re.sub(r"^an? (?=hundred|thousand|million|dozen)", "one ", t)
    if t == "one dozen":
        return 12
    try:
        return int(text2num(t, "en"))
    except ValueError:
        return None


def number_span(tok: Token) -> tuple[int, int, int, bool] | None:
    """(first token, last token + 1, value, estimate) of the figure that ``tok`` starts."""
    doc = tok.doc
    i = tok.i
    low = tok.lower_
    if low in ORDINALS and i > 0 and doc[i - 1].lower_ == "the" and tok.head.pos_ != "NOUN":
        return i, i + 1, 1, False  # "the sixth" (one item of a counted set)
    m = re.fullmatch(r"(\d+)[-–](\d+)", tok.text)
    if m:  # "3-4 policemen": a range, coded at its lower bound
        return i, i + 1, min(int(m.group(1)), int(m.group(2))), False
    if low in ("tens", "hundreds") and i + 2 < len(doc) and doc[i + 1].lower_ == "of":
        two = f"{low} of {doc[i + 2].lower_}"
        if two in VAGUE:
            return i, i + 3, VAGUE[two], True
    if low == "a" and i + 1 < len(doc) and f"a {doc[i + 1].lower_}" in VAGUE:
        return i, i + 2, VAGUE[f"a {doc[i + 1].lower_}"], True
    if low in VAGUE and not (i > 0 and doc[i - 1].lower_ == "how"):
        # "how many died is unclear", "asked how many were hurt": a question about the amount states none
        return i, i + 1, VAGUE[low], True
    if low in VAGUE:
        return None
    if not (tok.like_num or low in SCALES):
        return None
    if low == "one" and i > 0 and doc[i - 1].lower_ == "no":
        return None  # "no one": read as a negation by single_victims
    # "two died in Alpha and one in Beta": a gapped "one" hangs on the verb or the figure before it
    gapped_one = tok.dep_ == "conj" and (tok.head.pos_ == "VERB" or tok.head.like_num)
    if low == "one" and tok.dep_ not in ("nummod", "dobj", "nsubj", "nsubjpass", "pobj", "appos") and not gapped_one:
        return None
    j = i
    while j + 1 < len(doc) and (doc[j + 1].like_num or doc[j + 1].lower_ in SCALES or doc[j + 1].lower_ in "-"):
        if doc[j + 1].lower_ == "-" and not (j + 2 < len(doc) and doc[j + 2].like_num and doc[j + 2].is_alpha):
            break
        if doc[j + 1].like_num and doc[j + 1].is_digit != tok.is_digit:
            break  # "2 three-day" is no one figure
        j += 1
    value = parse_number(doc[i : j + 1].text)
    if value is None:
        return None
    return i, j + 1, value, False


def head_noun(tok: Token) -> Token:
    """The nominal head a compound belongs to ("attack" in "attack drones" -> "drones")."""
    cur = tok
    while cur.dep_ == "compound" and cur.head is not cur and cur.head.i > cur.i and cur.head.pos_ in ("NOUN", "PROPN"):
        cur = cur.head
    return cur


def unit_of(noun: Token | None, after: int | None = None) -> str | None:
    """Unit of a counted noun phrase: a weapon class from the weapons table, else the head noun's lemma."""
    if noun is None:
        return None
    head = head_noun(noun)
    doc = noun.doc
    start = after if after is not None and after <= noun.i else noun.i
    phrase = doc[start : head.i + 1].text
    weapons = find_weapons(phrase)
    if weapons:
        return weapons[-1].cls
    lemma = head.lemma_.lower()
    return "person" if lemma in ("people", "person", "other", "individual", "more") else lemma


def path_up(tok: Token, limit: int = 7) -> list[Token]:
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


def verb_role(verb: Token, person: bool) -> str | None:
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
    if lemma in LIFE_VERBS and "life" in objs:
        return "killed"  # "lost his life", "claimed the lives of 20"
    if lemma in SUFFER_VERBS and objs & HARM_NOUNS:
        return "injured"  # "sustained injuries", "suffered gunshot wounds"
    role = ROLE_OF_VERB.get(lemma)
    if role is None:  # "were reported killed", "are presumed to have perished", "feared injured"
        for c in kids:
            if c.dep_ in ("xcomp", "oprd", "ccomp") and c.pos_ in ("VERB", "ADJ"):
                if not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                    sub = ROLE_OF_VERB.get(c.lemma_.lower()) or OWN_ROLE.get(c.lemma_.lower())
                    if sub in VICTIM_ROLES:
                        return sub
    if person and role not in VICTIM_ROLES:
        # "was shot and killed", "were attacked and wounded": the conjoined verb tells the outcome
        for c in kids:
            if c.dep_ == "conj" and c.pos_ == "VERB" and ROLE_OF_VERB.get(c.lemma_.lower()) in VICTIM_ROLES:
                if not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                    return ROLE_OF_VERB[c.lemma_.lower()]
    return role


def role_of(path: list[Token], unit_tok: Token | None, unit: str | None) -> str | None:
    verb = path[-1] if path[-1].pos_ in ("VERB", "AUX") and len(path) > 1 else None
    if unit_tok is not None:
        noun_role = ROLE_OF_NOUN.get(unit_tok.lemma_.lower())
        if noun_role in VICTIM_ROLES:
            return noun_role
    if verb is not None and verb.lemma_.lower() in LIFE_VERBS and any(t.lemma_.lower() == "life" for t in path):
        return "killed"  # "took the lives of six people"
    for t in path[1:-1] if verb is not None else path[1:]:  # "the bodies of three men", "the killing of a guard"
        if t.pos_ == "NOUN" and ROLE_OF_NOUN.get(t.lemma_.lower()) in VICTIM_ROLES and t is not unit_tok:
            return ROLE_OF_NOUN[t.lemma_.lower()]
    ulemma = unit_tok.lemma_.lower() if unit_tok is not None else ""
    person = unit in PERSON_UNITS or ulemma in PERSON_UNITS
    if verb is None:
        if ulemma in TROOPS:
            return "troops"
        return ROLE_OF_NOUN.get(ulemma)
    role = verb_role(verb, person)
    if role in ("launched", "troops") and person:
        return "troops" if ulemma in TROOPS or role == "troops" else None
    if role is None and unit_tok is not None:
        if ulemma in TROOPS:
            return "troops"
        return ROLE_OF_NOUN.get(ulemma)
    return role


# long-running wars and crises: "died in the conflict" tells their toll ("died in the fighting" may be one clash's)
_LONG_WARS = frozenset({"war", "conflict", "insurgency", "invasion", "occupation", "uprising", "crisis"})


def is_background(path: list[Token], figure: Token) -> bool:
    """A cumulative total ("the war has killed 30,000", "since the start of ...") or a superseded toll ("rose
    from 8 to 15": the 8)."""
    if figure.head.lower_ == "from" and figure.head.head.lemma_.lower() in TOLL_VERBS:
        return True
    if any(t.dep_ == "prep" and t.lower_ in CAUSE_PREPS for t in path[1:]) or any(
        t.pos_ == "VERB" and t.lemma_.lower() in CAUSE_VERBS for t in path[1:]
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
            if c.dep_ == "nsubj" and c.lemma_.lower() in CUMULATIVE_SUBJECTS:
                return True
            if c.dep_ == "prep" and c.lower_ in ("in", "during", "throughout", "over"):
                if any(g.dep_ == "pobj" and g.lemma_.lower() in _LONG_WARS for g in c.children):
                    return True  # "some 12,500 civilians have died during the war": the war's toll, not an incident's
    return bool(CUMULATIVE_RX.search(verb.sent.text))


def told_as_cause(path: list[Token]) -> str | None:
    """ "marched after a student was killed", "rallied following a herder's death", "the widows of two miners who
    died", "picketed the court where two brothers charged with murdering a cook were tried": a death told in a
    clause or phrase that says what led people to act, or who they are, not what the act did. Only a protest reads
    its figures this way: "rebels withdrew after ten of them were killed" is the clash's own toll."""
    if any(t.dep_ == "prep" and t.lower_ in CAUSE_PREPS | _MOTIVE_PREPS for t in path[1:]):
        return "motive"
    cur = path[-1]
    for _ in range(4):
        if cur.pos_ not in ("VERB", "AUX") or cur.head is cur:
            return None
        if cur.dep_ in ("relcl", "acl"):
            return "who"
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CAUSE_MARKS for c in cur.children):
            return "motive"
        if cur.dep_ == "pcomp" and cur.head.lower_ in CAUSE_PREPS | _MOTIVE_PREPS | {"of"}:
            return "motive"
        if cur.dep_ != "conj":
            return None
        cur = cur.head
    return None


_MOTIVE_PREPS = frozenset({"following", "for"})
_CAUSE_MARKS = frozenset({"after", "since", "because", "following", "once"})


def is_subset(path: list[Token], last: Token) -> bool:
    """ "nine of them children", "including six women", "of whom two were children": part of a told total."""
    of = [c for c in last.children if c.dep_ == "prep" and c.lower_ == "of"]
    argument = last.dep_ in ("dobj", "nsubjpass", "nsubj") and len(path) == 2 and path[-1].pos_ == "VERB"
    if any(g.lower_ in ("them", "whom", "those", "these") for c in of for g in c.children):
        # "killing two of them", "one of them later died": the figure is itself the harm of the act, not a part
        # told of a total ("nine of them children")
        return not argument
    return any(t.lower_ in SUBSET_WORDS for t in path[1:])


_TOLL_NOUNS = frozenset({"toll", "fatality", "death"})  # "the toll rose to 15", "fatalities were put at 3"


def settled_toll(figure: Token) -> bool:
    """ "Officials put the toll at 31", "the toll was revised to 9", "the toll was set at 3": a toll figure the teller
    settles on, which stands over any other count told (a claim, a first report)."""
    host = figure.head.head if figure.head.dep_ == "prep" or figure.head.pos_ == "ADP" else None
    if host is None or not {host.lemma_.lower(), host.lower_} & SETTLE_VERBS:
        return False
    return toll_role(figure) is not None


def toll_role(figure: Token) -> str | None:
    """ "the death toll rose to 15", "bringing the toll to 40", "a toll of 12": the role of a toll's figure."""
    prep = figure.head
    if prep.dep_ != "prep" and prep.pos_ != "ADP":
        return None
    host = prep.head
    nouns = [host] if host.pos_ == "NOUN" else [c for c in host.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
    for n in nouns:
        toll = n.lemma_.lower() == "toll" and prep.lower_ == "of"
        if n.lemma_.lower() in _TOLL_NOUNS and {host.lemma_.lower(), host.lower_} & TOLL_VERBS or toll:
            injured = any(c.lemma_.lower() in ("injury", "injured", "wounded") for c in n.children)
            return "injured" if injured else "killed"
        if n.lemma_.lower() in _TALLY_NOUNS and {host.lemma_.lower(), host.lower_} & TOLL_VERBS:
            return _tally_role(figure, n)
    return None


# "bringing the total to six dead", "raising the number of wounded to 9": a count noun that tells no harm itself
_TALLY_NOUNS = frozenset({"total", "tally", "number", "count"})


def _tally_role(figure: Token, noun: Token) -> str | None:
    """The harm a tally counts: the word after its figure ("to six dead") or its of-phrase ("number of dead")."""
    doc = figure.doc
    words = [doc[figure.i + 1]] if figure.i + 1 < len(doc) else []
    words += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    for w in words:
        role = OWN_ROLE.get(w.lemma_.lower()) or OWN_ROLE.get(w.lower_) or ROLE_OF_NOUN.get(w.lemma_.lower())
        if role in VICTIM_ROLES:
            return role
    return None
