"""Token patterns over lemmas (spaCy ``Matcher``) from ``data/events/patterns.jsonl``: event cues that need the
parse's lemmas and parts of speech rather than the surface text, and the marks of what is not an incident.

An entry whose type starts with ``-`` marks a clause that tells no incident: a cumulative toll ("since the start
of the war"), a habit ("regularly shells"), a generic statement ("tend to"). An event word in such a clause is kept
but gets no ACLED code. Each entry has an ``origin`` note.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from claimtrack.extract.events.lexicon import Cue


def _load() -> list[dict[str, Any]]:
    path = resources.files("claimtrack") / "data" / "events" / "patterns.jsonl"
    entries = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        entry = json.loads(line)
        if not isinstance(entry.get("pattern"), list) or "type" not in entry or "origin" not in entry:
            raise ValueError(f"{path}: line {n}: an entry needs type, pattern and origin")
        entries.append(entry)
    return entries


_ENTRIES = _load()
_MATCHERS: dict[int, Matcher] = {}
# gathering verbs that take no object when they are a protest ("gathered outside", not "gathered intelligence")
_INTRANSITIVE = frozenset({"gather", "assemble", "converge", "congregate", "march", "rally"})


def _matcher(vocab: Vocab) -> Matcher:
    m = _MATCHERS.get(id(vocab))
    if m is None:
        m = Matcher(vocab)
        for i, e in enumerate(_ENTRIES):
            m.add(str(i), [e["pattern"]], greedy="LONGEST")
        _MATCHERS[id(vocab)] = m
    return m


def match(doc: Doc) -> tuple[list[Cue], list[Cue]]:
    """Event cues and not-incident marks of ``doc`` (character offsets), each sorted by start."""
    matcher = _matcher(doc.vocab)
    cues: list[Cue] = []
    marks: list[Cue] = []
    for key, start, end in matcher(doc):
        e = _ENTRIES[int(doc.vocab.strings[key])]
        span = doc[start:end]
        if len(span) > int(e.get("max_tokens", len(span))):
            continue  # "*" gaps are bounded here (a bounded {0,n} gap costs the matcher n states per token)
        if span.root.sent.start != span[0].sent.start or span[-1].sent.start != span[0].sent.start:
            continue  # patterns never run across a sentence end
        first = span[0]
        if first.lemma_ in _INTRANSITIVE and any(c.dep_ == "dobj" for c in first.children):
            continue
        cue = Cue(str(e["type"]), span.start_char, span.end_char, float(e["weight"]))
        (marks if cue.type.startswith("-") else cues).append(cue)
    cues.sort(key=lambda c: (c.start, -c.weight))
    marks.sort(key=lambda c: c.start)
    return cues, marks


def clause_of(tok: Token) -> Token:
    """The verb heading the clause of ``tok`` (itself when it is one)."""
    cur = tok
    for _ in range(10):
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def in_marked_clause(doc: Doc, char: int, marks: list[Cue]) -> str | None:
    """The kind of not-incident mark ("-cumulative", "-habitual") in the clause of the word at ``char``, if any."""
    if not marks:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[0]
    sent = tok.sent
    verb = clause_of(tok)
    heads = {verb.i} | ({verb.head.i} if verb.dep_ in ("xcomp", "aux", "auxpass") else set())
    for m in marks:
        if not sent.start_char <= m.start < sent.end_char:
            continue
        mspan = doc.char_span(m.start, m.end, alignment_mode="expand")
        if mspan is None:
            continue
        if any(clause_of(t).i in heads for t in mspan):
            return m.type
    return None
