"""Whether an event is asserted, negated, hypothetical, planned or threatened, from its clause."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimtrack.extract.doc_cache import doc_text
from claimtrack.extract.events.common import Draft, token_at
from claimtrack.extract.events.sides import predicate
from claimtrack.models import (
    Modality,
)

_GOVERNING_LEMMAS = frozenset(
    {
        "authorize",
        "authorise",
        "approve",
        "allow",
        "permit",
        "threaten",
        "vow",
        "warn",
        "give",
        "greenlight",
        "demand",
        "urge",
        "reject",
        "refuse",
        "agree",
        "let",
    }
)
_PLANNED = re.compile(
    r"\b(?:expected to|expects? to|plans? to|planned|planning to|scheduled to|set to|is to|are to|intends? to|"
    r"going to|would soon|due to (?:begin|start|hold|sign|meet|take place|arrive)|ready to|willing to|prepared to)\b",
    re.I,
)


def _governor(tok: Token) -> Token:
    """The verb that governs an event word, looking through an infinitive complement ("to launch")."""
    verb = predicate(tok)
    if verb.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
        if verb.head.lemma_.lower() in _GOVERNING_LEMMAS:
            return verb.head
    return verb


def governed(doc: Doc, char: int) -> bool:
    tok = token_at(doc, char)
    if tok is None:
        return False
    return _governor(tok).lemma_.lower() in _GOVERNING_LEMMAS


# "a possible ceasefire", "the proposed deal", "an imminent attack": an act only foreseen
_UNREAL = frozenset({"possible", "potential", "proposed", "planned", "future", "prospective", "expected", "imminent",
                     "looming", "envisaged", "hypothetical", "eventual"})  # fmt: skip
_SPEECH_NOUNS = frozenset({"talk", "negotiation"})
_FACTIVE = frozenset({"begin", "start", "continue", "keep", "manage", "resume", "fail", "try", "attempt"})
_PLANNING = frozenset({"expect", "plan", "intend", "schedule", "set", "aim", "prepare", "decide", "agree", "promise",
                       "pledge", "hope", "want", "seek", "be"})  # fmt: skip
_NONE = frozenset({"no", "none", "nobody", "neither", "never"})


def _none_word(t: Token) -> bool:
    """A word of denial; a capitalised "No" inside a sentence and before a capitalised word is part of a name
    ("No Vax activists", "the No Campaign"), not a determiner."""
    if t.lower_ not in _NONE:
        return False
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return not (t.text[:1].isupper() and not t.is_sent_start and nxt is not None and nxt.text[:1].isupper())


def _no_one(tok: Token) -> bool:
    """ "No drone hit the city", "no one was hurt", "no group claimed it": the act is denied by its participant."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "det") and (
            _none_word(c) or any(g.dep_ == "det" and _none_word(g) for g in c.children)
        ):
            return True
    return False


def modality_of(sent: Span, d: Draft) -> Modality:
    if d.type == "threat":
        return "threatened"
    trig = None
    for t in sent:
        if t.idx <= d.cue.start < t.idx + len(t.text) + 1:
            trig = t
            break
    if trig is None:
        return "asserted"
    verb = predicate(trig)
    window = doc_text(sent.doc)[max(sent.start_char, verb.idx - 60) : verb.idx + len(verb.text)]
    # "threatened to strike", "vowed to retaliate": the act is only threatened
    gov = _governor(trig)
    if gov is not verb and gov.lemma_.lower() in ("threaten", "vow", "warn"):
        return "threatened"
    for anc in [verb, *list(verb.ancestors)[:3]]:
        if any(c.lower_ in ("would", "could", "might") and c.dep_ == "aux" for c in anc.children):
            if anc is not verb and verb.dep_ in ("csubj", "nsubj", "advcl", "ccomp", "xcomp", "pcomp"):
                return "hypothetical"
    if (
        trig is verb
        and verb.tag_ == "VB"
        and verb.dep_ != "advcl"  # "used water cannon to disperse them": a purpose of an act that was done
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head.lemma_.lower() not in _FACTIVE
        and d.type not in ("threat",)
    ):
        # "allowing the army to strike", "plans to attack": the complement of a verb of will tells no fact
        return "planned" if verb.head.lemma_.lower() in _PLANNING else "hypothetical"
    if any(c.dep_ == "neg" for c in verb.children) or _no_one(verb) or _no_one(trig):
        return "negated"
    if any(c.dep_ == "amod" and c.lemma_.lower() in _UNREAL for c in trig.children):
        return "planned" if trig.lemma_.lower() not in _SPEECH_NOUNS else "hypothetical"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in verb.children) or re.search(
        r"\b(?:if|whether|unclear)\b[^.]{0,80}$", window, re.I
    ):
        return "hypothetical"
    if _PLANNED.search(window) or any(c.lower_ in ("will", "shall") and c.dep_ == "aux" for c in verb.children):
        return "planned"
    if any(c.lower_ in ("would", "could", "might") and c.dep_ == "aux" for c in verb.children):
        return "hypothetical"
    return "asserted"
