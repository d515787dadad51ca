"""Victims told without a numeral ("a farmer was shot dead", "he died", "nobody was hurt", "the death of a
passer-by") and conjoined groups counted as one toll ("two soldiers and a civilian" = 3)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimtrack.extract.doc_cache import sentences
from claimtrack.extract.figure_grammar import (
    QuantityMention,
    is_background,
    number_span,
    parse_number,
    path_up,
    told_as_cause,
    verb_role,
)
from claimtrack.extract.figure_words import (
    AMOUNT_NOUNS,
    BACK_REFERENCES,
    BODY_VERBS,
    LIFE_VERBS,
    NO_ONE,
    PERSON_UNITS,
    ROLE_OF_NOUN,
    SINGLE_DETS,
    SUFFER_VERBS,
    VICTIM_ROLES,
)
from claimtrack.extract.time import MONTHS


def beside_month(doc: Doc, i: int, j: int) -> bool:
    before = doc[i - 1] if i > 0 else None
    after = doc[j] if j < len(doc) else None
    return any(t is not None and t.lower_ in MONTHS and (t.is_title or t.lower_ != "may") for t in (before, after))


def one_of(noun: Token) -> int | None:
    """1 for a singular noun phrase that names one person or thing ("a guard", "the driver", "his brother")."""
    if not (noun.tag_ == "NN" or noun_slot_adjective(noun)) or any(c.dep_ == "nummod" for c in noun.children):
        return None
    dets = [c for c in noun.children if c.dep_ in ("det", "poss")]
    if not dets:
        # "a regime army member", "a rights group activist": the parser hangs the article on the first modifier
        edge = noun.left_edge
        if edge.dep_ == "det" and edge.head in noun.lefts and edge.head.dep_ in ("nmod", "compound"):
            dets = [edge]
    if not dets or dets[0].dep_ == "det" and dets[0].lower_ not in SINGLE_DETS:
        return None
    return 1


def noun_slot_adjective(tok: Token) -> bool:
    """ "killed a civilian travelling home": the tagger reads a person word that can also be an adjective
    ("civilian", "local") as one before a participle, though it holds the object's slot with a determiner."""
    return (
        tok.tag_ == "JJ"
        and tok.dep_ in ("nsubj", "nsubjpass", "dobj")
        and any(c.dep_ == "det" for c in tok.children)
        and not any(c.dep_ in ("amod", "compound") for c in tok.children if c.i > tok.i)
    )


_ONE_PERSON = frozenset({"he", "she", "him", "her"})


def conj_total(noun: Token) -> int | None:
    """Sum of a conjoined list of counted groups ("two soldiers and a civilian" = 3); None when a part has no
    count or there is one part only."""
    parts = [noun, *noun.conjuncts]
    if len(parts) < 2:
        return None
    if len({ROLE_OF_NOUN.get(p.lemma_.lower()) for p in parts} & VICTIM_ROLES) > 1:
        return None  # "four deaths and nine injuries": a toll of each kind, not one group of nine and four
    total = 0
    for p in parts:
        nums = [c for c in p.children if c.dep_ == "nummod"]
        if p.like_num:  # "a commander and two of his aides"
            value = parse_number(p.text)
        elif p.lower_ in _ONE_PERSON:  # "killing him and his driver"
            value = 1
        else:
            value = parse_number(nums[0].text) if nums else one_of(p)
        if value is None:
            return None
        total += value
    return total


def single_victims(sent: Span) -> list[QuantityMention]:
    """One victim told without a numeral: "a farmer was shot dead", "gunmen killed the driver", "he died"."""
    out = []
    for tok in sent:
        low = tok.lower_
        of_victim = tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN"
        if of_victim and ROLE_OF_NOUN.get(tok.head.head.lemma_.lower()) in VICTIM_ROLES:
            one = one_of(tok) if tok.pos_ == "NOUN" and tok.lemma_.lower() not in AMOUNT_NOUNS else None
            if one and not is_background(path_up(tok), tok):  # "the death of a passer-by", "the body of a man"
                noun_role = ROLE_OF_NOUN[tok.head.head.lemma_.lower()]
                value = conj_total(tok) or one
                cause = told_as_cause(path_up(tok))
                out.append(QuantityMention(noun_role, value, "person", tok.idx, tok.idx + len(tok.text), cause=cause))
            continue
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        if low in NO_ONE or (low == "one" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "no"):
            value = 0  # "nobody was hurt", "no one was killed"
        elif low in ("he", "she", "him") or low == "her" and tok.dep_ == "dobj":
            value = conj_total(tok) or 1  # "killed her and her husband" = 2
        elif low == "who" and tok.head.dep_ == "relcl" and tok.head.head.pos_ == "NOUN":
            # "a mob beat a thief who later died": the one the act was done to; "relatives of a boy who died" tell
            # who someone is
            value = one_of(tok.head.head) or 0 if tok.head.head.dep_ in ("dobj", "nsubjpass") else 0
            if not value:
                continue
        elif low == "another" and tok.pos_ in ("DET", "PRON") and tok.dep_ != "nsubj":
            value = 1  # "injuring one guard and killing another"
        elif low == "both" and tok.pos_ in ("DET", "PRON"):
            value = 2  # "killing both", "both died"
        elif low in ("they", "them") or tok.tag_ == "NNS" and tok.pos_ == "NOUN":
            # "The victims died", "they were killed": the group counted before ("abducted seven people")
            value = counted_before(tok) or 0
            if not value:
                continue
        elif tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lemma_.lower() == "body" and tok.dep_ != "nsubj":
            value = one_of(tok) or 0  # "a man's body was found", "they dumped the body of ..." is read above
            if value and tok.head.lemma_.lower() in BODY_VERBS:
                out.append(QuantityMention("killed", 1, "person", tok.idx, tok.idx + len(tok.text)))
            continue
        elif tok.pos_ == "NOUN" and tok.tag_ == "NN" or noun_slot_adjective(tok):
            # whoever is killed or wounded is a person, whatever the noun ("the smuggler was shot dead")
            value = one_of(tok) or 0
            if not value or tok.lemma_.lower() in AMOUNT_NOUNS:
                continue  # "an unknown number of soldiers were killed" is no one soldier
            value = conj_total(tok) or value
        else:
            continue
        verb = tok.head
        if verb.pos_ != "VERB":
            continue
        vlemma = verb.lemma_.lower()
        if (
            tok.dep_ == "nsubj"
            and vlemma not in ("die", "succumb", "perish")
            and not (vlemma in LIFE_VERBS | SUFFER_VERBS and any(c.dep_ == "dobj" for c in verb.children))
        ):
            continue  # an active subject is the one who acted ("a gunman killed ...")
        if tok.dep_ == "nsubj" and vlemma in ("claim", "take", "cost"):
            continue  # "the attack claimed the lives of ...": the subject is the act
        role = verb_role(verb, person=True)
        if role not in VICTIM_ROLES or is_background([tok, verb], tok):
            continue
        first = tok.doc[tok.i - 1] if low == "one" else tok
        cause = told_as_cause([tok, verb])
        out.append(QuantityMention(role, value, "person", first.idx, tok.idx + len(tok.text), cause=cause))
    return out


def counted_before(ref: Token) -> int | None:
    """The count of the group a plural reference points back to: "seven villagers ... the villagers were killed",
    "abducted five traders ... the hostages were killed", "three men were arrested ... they died": the nearest
    group of people in the three sentences before (of the same noun unless the reference is a role any group can
    take: victim, hostage), and only when that group was counted exactly ("how many assailants died, only that
    they were killed": no count). A noun with a determiner of its own other than "the", "these", "those" or
    no determiner at all ("villagers fled") is no reference."""
    doc = ref.doc
    noun = ref.lemma_.lower() if ref.pos_ == "NOUN" else None
    if noun is not None:
        dets = [c.lower_ for c in ref.children if c.dep_ in ("det", "nummod", "poss", "amod", "quantmod")]
        if dets != ["the"] and dets not in (["these"], ["those"]):
            return None
    sents = sentences(doc)
    k = next(i for i, s in enumerate(sents) if s.start <= ref.i < s.end)
    first = sents[max(0, k - 3)].start
    for t in range(ref.i - 1, first - 1, -1):
        tok = doc[t]
        if tok.tag_ != "NNS" or tok.pos_ != "NOUN":
            continue
        lemma = tok.lemma_.lower()
        if noun is not None and noun not in BACK_REFERENCES:
            if lemma != noun:
                continue
        elif lemma not in PERSON_UNITS:
            continue
        # the nearest group it can point back to; uncounted ("how many assailants died") means no count
        nums = [c for c in tok.children if c.dep_ == "nummod"]
        found = number_span(nums[0]) if nums else None
        if found is None or found[3]:
            return None  # counted vaguely or not at all: no exact count to carry over
        return found[2]
    return None
