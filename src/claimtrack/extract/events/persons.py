"""An official named as a person stands for the state they speak for; the knowledge base (``claimtrack.kb``) says
who is who, this module when a name is used as a person's name."""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimtrack.extract.doc_cache import doc_lower
from claimtrack.kb import load as load_kb
from claimtrack.models import Actor


def person_side(tok: Token) -> Actor | None:
    """An official named as a person, in a subject or speaker role, stands for the state they speak for: the full
    name ("Jane Doe"), the surname after a title ("Defence Minister Doe"), or the surname alone once the text has
    named them in full. A name that
    modifies another noun ("the Doe administration", "Austin police") is no person."""
    if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "amod", "nmod", "poss", "flat"):
        return None
    left = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ in ("compound", "flat")])
    names = [tok.doc[i : tok.i + 1] for i in range(left, tok.i + 1)]
    kb = load_kb()
    for span in names[:-1]:  # longest first: "President Jane Doe", "Jane Doe"
        entry = kb.lookup(span.text)
        if entry is not None and entry.kind == "official" and entry.side:
            return Actor(text=span.text, entity=entry.side)
    # a surname after a title of office ("President Doe"), or once the text has used a full name that ends in it
    titled = any(t.lower_ in kb.titles for t in tok.doc[left : tok.i])
    low = doc_lower(tok.doc)
    for full, entry in kb.full_names(tok.text).items():
        if entry.side and (titled or re.search(r"\b" + re.escape(full) + r"\b", low)):
            return Actor(text=names[0].text if titled else tok.text, entity=entry.side)
    return None


def subject_role(tok: Token) -> bool:
    """The subject of a verb or the agent of a passive one."""
    return tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")
