"""Reading a side from a noun phrase: the state or group a modifier names, a name's full extent, the side a phrase
stands for (with the group its fighters belong to), and where a side's words are written in the text."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimtrack.extract.doc_cache import doc_text, sentences
from claimtrack.extract.entities import canonical_entity
from claimtrack.extract.events.common import Draft
from claimtrack.extract.weapons import find_weapons
from claimtrack.models import Actor

ACTOR_KINDS = ("state", "government", "military", "organization")


def named(tok: Token) -> Actor | None:
    """The state or group a modifier or possessive names ("Kenyan", "the army's", "NLF"), or None."""
    text = tok.text.removesuffix("'s").removesuffix("’s")
    # "the army's": the possessive with the words before it; "Boko Haram militants": the compound name
    span = tok.doc[tok.left_edge.i : tok.i + 1] if tok.dep_ == "poss" else None
    if tok.dep_ == "compound" and tok.pos_ == "PROPN":
        span = compound_name(tok)
    for t in ([span.text] if span is not None else []) + [text]:
        ent, kind = canonical_entity(t)
        if ent and kind in ACTOR_KINDS:
            return Actor(text=t, entity=ent)
    if find_weapons(text):
        return None  # "UAV", "IED", "Shahed": a weapon's name, however the parser labels it, names no side
    acronym = tok.is_upper and len(text) >= 2 and text.isalpha()
    proper = tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "NORP")
    if proper and (tok.ent_type_ in ("ORG", "NORP") or acronym) and not canonical_entity(text)[0]:
        return Actor(text=text, entity=None)  # "RSF drones": a group the knowledge base does not list yet
    return None


def compound_name(tok: Token) -> Span:
    """The proper name a compound word ends: the proper nouns (and their hyphens) written just before it."""
    left = tok.i
    while left > 0 and (tok.doc[left - 1].pos_ == "PROPN" or tok.doc[left - 1].text == "-"):
        left -= 1
    return tok.doc[left : tok.i + 1]


def name_span(doc: Doc, head: Token) -> Span:
    """A name with its compounds and hyphenated parts on both sides ("Tehrik-i-Taliban Pakistan"), no article."""
    left, right = head.left_edge.i, head.i
    for c in head.rights:
        if c.dep_ in ("compound", "flat", "punct", "nmod", "npadvmod", "amod") and c.i == right + 1:
            if c.dep_ == "punct" and c.text != "-":
                break  # "X (XYZ)": the name stops at its bracket
            right = c.right_edge.i
    while right + 1 < len(doc) and doc[right].text == "-" and not doc[right].whitespace_:
        right += 1
    while right + 1 < len(doc) and doc[right + 1].text == "-" and not doc[right].whitespace_:
        right += 2 if right + 2 < len(doc) else 1
    while left >= 2 and doc[left - 1].text == "-" and not doc[left - 2].whitespace_ and not doc[left - 1].whitespace_:
        left -= 2  # "Tehrik-e-Taliban": the hyphenated parts before the head
    span = doc[left : right + 1]
    return span[1:] if span[0].dep_ == "det" and len(span) > 1 else span


def actor_at(doc: Doc, tok: Token) -> Actor:
    """The side a noun phrase names: a known entity, a state or group modifying it ("Kenyan troops"), a group it
    belongs to ("gunmen from the Northern Front", "fighters linked to X"), else the phrase as written."""
    span = name_span(doc, tok) if tok.pos_ == "PROPN" else doc[tok.left_edge.i : tok.i + 1]
    nums = [t for t in span if t.like_num and t.i < tok.i]
    if nums:
        span = doc[nums[-1].i + 1 : span.end]  # "more than 30 fighters": the side, not its number
    while len(span) > 1 and span[0].dep_ in ("det", "advmod"):
        span = span[1:]
    ent, kind = canonical_entity(span.text)
    if ent and kind in ACTOR_KINDS:
        return Actor(text=span.text, entity=ent)
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < tok.i and (found := named(c)) is not None:
            if found.entity:
                return Actor(text=span.text, entity=found.entity)
    for c in tok.children:  # "gunmen belonging to X", "fighters from X"
        link = c if c.dep_ == "prep" and c.lower_ in ("from", "of") else None
        if c.dep_ == "acl":
            link = next((p for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "with")), None)
        group = next((g for g in link.children if g.dep_ == "pobj"), None) if link is not None else None
        if group is not None:
            name = name_span(doc, group)
            gent, gkind = canonical_entity(name.text)
            gent = gent if gkind in ACTOR_KINDS else None  # "activists of PTI": an outlet's acronym is no group
            if not gent:
                owners = [named(m) for m in group.children if m.dep_ in ("compound", "amod")]
                gent = next((o.entity for o in owners if o is not None and o.entity), None)
            if gent:
                return Actor(text=span.text, entity=gent)
    return Actor(text=span.text, entity=None)


def mention(doc: Doc, d: Draft, text: str) -> Token | None:
    """The token where the side's text is written: in the incident's sentences, else anywhere in the text (a
    claimant named in a later sentence)."""
    sents = sentences(doc)
    full = doc_text(doc)
    ranges = [(sents[k].start_char, sents[k].end_char) for k in sorted(set(d.sents)) if 0 <= k < len(sents)]
    for start, end in [*ranges, (0, len(full))]:
        at = full.find(text, start, end)
        if at >= 0:
            span = doc.char_span(at, at + len(text), alignment_mode="expand")
            if span is not None and len(span):
                return span.root
    return None
