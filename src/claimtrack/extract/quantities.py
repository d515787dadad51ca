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

import re

from spacy.tokens import Span, Token

from claimtrack.extract.figure_checks import adds_to_toll, no_victims
from claimtrack.extract.figure_grammar import (
    QuantityMention,
    head_noun,
    is_background,
    is_subset,
    number_span,
    parse_number,
    path_up,
    role_of,
    settled_toll,
    told_as_cause,
    toll_role,
    unit_of,
)
from claimtrack.extract.figure_words import (
    ATTACK_PERSON_VERBS,
    NOT_COUNT_ENTS,
    NOT_COUNTS,
    ORDINALS,
    OUTCOME_ROLES,
    OWN_ROLE,
    PERSON_ONLY_VAGUE,
    PERSON_UNITS,
    PLACE_PREPS,
    PROJECTILE_UNITS,
    ROLE_OF_VERB,
    UNKNOWN,
    VAGUE,
    VICTIM_ROLES,
)
from claimtrack.extract.victims import (
    beside_month,
    conj_total,
    single_victims,
)

__all__ = ["QuantityMention", "find_quantities", "parse_number"]


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
        if tok.lower_ in UNKNOWN and tok.i + 2 < sent.end and doc[tok.i + 1].lower_ == "number":
            tail = doc[tok.i + 2 : min(sent.end, tok.i + 6)]
            noun = next((t for t in tail if t.pos_ == "NOUN"), None)
            path = path_up(doc[tok.i + 1])
            role = role_of(path, noun, unit_of(noun))
            if role in VICTIM_ROLES:  # "an unknown number of soldiers were killed": ACLED's minimum
                end = doc[tok.i + 1]
                out.append(QuantityMention(role, 3, "person", tok.idx, end.idx + len(end.text), estimate=True))
            continue
        if tok.i > sent.start and doc[tok.i - 1].like_num and tok.lower_ not in ORDINALS:
            continue  # inside a multi-token figure already read
        if tok.i > sent.start and doc[tok.i - 1].text in "-–" and not doc[tok.i - 1].whitespace_:
            if tok.i - 2 >= sent.start and doc[tok.i - 2].is_alpha and not doc[tok.i - 2].whitespace_:
                continue  # "Kh-101", "Su-34": a number in a name
        found = number_span(tok)
        if found is None:
            continue
        i, j, value, estimate = found
        skip_to = j
        first, last = doc[i], doc[j - 1]
        if beside_month(doc, i, j):
            continue  # "26 May", "May 26": a day of the month
        if (
            first.text.isdigit()
            and i > sent.start
            and doc[i - 1].tag_ in ("NN", "NNP")
            and first.head.i < i
            and first.dep_ in ("nummod", "appos", "npadvmod")
        ):
            continue  # "battalion 312", "Route 9": a number after the one thing it names is a label, not a count
        if re.fullmatch(r"(?:19|20)\d\d", first.text) and first.ent_type_ in ("DATE", ""):
            if first.ent_type_ == "DATE" or first.head.pos_ != "NOUN":
                continue  # a year, not a count
        if j < len(doc) and doc[j].text in ("-", "–") and not last.whitespace_ and j + 1 < len(doc):
            if doc[j + 1].lower_ in NOT_COUNTS or doc[j + 1].lemma_.lower() in NOT_COUNTS:
                continue  # "a three-day operation"
        # a range "between 6 and 9", "6 to 9 villagers", "6 or 7": ACLED takes the lower bound, read at the first
        if j + 1 < sent.end and doc[j].lower_ in ("to", "and", "or", "-", "–") and doc[j + 1].like_num:
            before = doc[i - 1].lower_ if i > sent.start else ""
            if before != "from" and (doc[j].lower_ != "and" or before == "between"):
                nxt = number_span(doc[j + 1])
                if nxt is not None and nxt[2] >= value:
                    skip_to = nxt[1]
                    if last.dep_ != "nummod":  # the noun hangs from the range's upper figure
                        last = doc[nxt[1] - 1]
        # the counted noun: the head of a nummod, the object of "five of the missiles", or none ("the sixth")
        unit_tok: Token | None = None
        if last.dep_ == "nummod" or last.head.pos_ in ("NOUN", "PROPN") and last.dep_ in ("nummod", "quantmod", "amod"):
            unit_tok = last.head
        elif last.dep_ == "compound" and last.head.like_num and last.head.head.pos_ == "NOUN":
            unit_tok = head_noun(last.head.head)  # "six 152mm shells": a count before a calibre
        else:
            of = [c for c in last.children if c.dep_ == "prep" and c.lower_ == "of"]
            if not of and j + 1 < sent.end and doc[j].lower_ == "out" and doc[j + 1].lower_ == "of":
                of = [doc[j + 1]]  # "20 out of 25 missiles": the parser hangs "out" on the verb
            if of:
                objs = [c for c in of[0].children if c.dep_ == "pobj"]
                unit_tok = objs[0] if objs else None
        if unit_tok is not None and (unit_tok.lemma_.lower() in NOT_COUNTS or unit_tok.lower_ in NOT_COUNTS):
            continue
        own_adj = unit_tok is not None and unit_tok.pos_ == "ADJ" and unit_tok.lemma_.lower() in OWN_ROLE
        if unit_tok is not None and unit_tok.pos_ not in ("NOUN", "PROPN"):
            unit_tok = None
        if unit_tok is None and (first.ent_type_ in NOT_COUNT_ENTS or last.ent_type_ in NOT_COUNT_ENTS):
            continue  # a date or a sum, unless it visibly counts a noun ("Between 10 and 15 soldiers")
        if first.ent_type_ in ("MONEY", "PERCENT", "TIME"):
            continue
        unit = unit_of(unit_tok, after=j) if unit_tok is not None else None
        if estimate and first.lower_ in PERSON_ONLY_VAGUE and unit not in PERSON_UNITS and unit != "person":
            continue
        if unit is None and first.lower_ in ORDINALS:
            unit = last_unit
        path = path_up(unit_tok if unit_tok is not None else last)
        verb = path[-1] if len(path) > 1 and path[-1].pos_ in ("VERB", "AUX") else None
        if any(t.dep_ == "agent" for t in path):
            continue  # "killed by two gunmen": the figure counts the killers
        # "a gang of four men killed a trader": the count inside the subject's of-phrase is the killers' too
        subj = unit_tok
        if subj is not None and subj.dep_ == "pobj" and subj.head.lower_ == "of" and subj.head.head.dep_ == "nsubj":
            subj = subj.head.head
        if (
            verb is not None
            and subj is not None
            and subj.dep_ == "nsubj"
            and any(_harms(v) for v in (verb, *verb.conjuncts))
            and any(c.dep_ == "dobj" for v in (verb, *verb.conjuncts) for c in v.children)
        ):
            # "two bombers killed 25 soldiers", "six men attacked and killed a trader", "two gunmen opened fire
            # and killed a man": the subjects are the killers, not the dead
            continue
        if (
            unit_tok is not None
            and unit_tok.dep_ == "pobj"
            and unit_tok.head.lower_ in PLACE_PREPS
            and unit not in PROJECTILE_UNITS
            and unit_tok.lemma_.lower() not in PERSON_UNITS
        ):
            continue  # "fired at 12 settlements", "in three districts": a count of targets or places, not of arms
        told_toll = toll_role(last)
        role = told_toll or role_of(path, unit_tok, unit)
        if j + 1 < sent.end and doc[j].lower_ in ("more", "others", "other") and doc[j + 1].lemma_.lower() in OWN_ROLE:
            role = OWN_ROLE[doc[j + 1].lemma_.lower()]  # "18 killed and 13 more wounded"
        if own_adj:  # "at least 2 dead", "5 wounded"
            role = OWN_ROLE[last.head.lemma_.lower()]
        own = [c for c in last.children if c.dep_ in ("acl", "amod", "relcl", "oprd") and c.lemma_.lower() in OWN_ROLE]
        if unit_tok is None and own:  # "... and two wounded"
            role = OWN_ROLE[own[0].lemma_.lower()]
        # "downed 41 of the 57 drones": the 57 is what was launched, the 41 what was downed
        whole = unit_tok is not None and unit_tok.dep_ == "pobj" and unit_tok.head.lower_ == "of"
        outer = unit_tok.head.head if unit_tok is not None and whole else None
        if outer is not None and outer.i < i and (outer.like_num or outer.lower_ in VAGUE or outer.lower_ == "out"):
            if role in OUTCOME_ROLES:
                role = "launched"
            elif role in VICTIM_ROLES or role is None:
                continue  # "nine of the 20 passengers were killed": the 20 is a group, not a toll
        if role is None:
            continue
        if role in VICTIM_ROLES and no_victims(first, last, unit_tok):
            continue  # money, animals, the means, or the group one victim heads
        if unit is None and role in VICTIM_ROLES:
            unit = "person"
        if unit is None and role == "intercepted":
            unit = last_unit
        last_unit = unit or last_unit
        if role in VICTIM_ROLES and unit_tok is not None and unit_tok.dep_ != "conj":
            value = max(value, conj_total(unit_tok) or 0)  # "two soldiers and a civilian were killed" = 3
        subset = role in VICTIM_ROLES and is_subset(path, last)  # "six of them were intercepted" is an outcome
        flags = {"estimate": estimate, "subset": subset, "background": is_background(path, last)}
        cause = told_as_cause(path) if role in VICTIM_ROLES else None
        flags["settled"] = settled_toll(last)
        flags["also"] = role in VICTIM_ROLES and not flags["settled"] and adds_to_toll(last, unit_tok, verb)
        flags["total"] = told_toll is not None
        out.append(QuantityMention(role, value, unit, first.idx, last.idx + len(last.text), cause=cause, **flags))
    out += single_victims(sent)
    if not background:
        out = [q for q in out if not (q.subset or q.background)]
    return out


def _harms(verb: Token) -> bool:
    """A verb whose object is hurt or killed ("kill", "shoot", "execute", "behead")."""
    lemma = verb.lemma_.lower()
    return lemma in ATTACK_PERSON_VERBS or ROLE_OF_VERB.get(lemma) in VICTIM_ROLES
