"""Token patterns over lemmas (spaCy ``Matcher``) from ``data/events/patterns.jsonl``: event cues that need the
parse's lemmas and parts of speech rather than the surface text, and the marks of what is not an incident.

An entry whose type starts with ``-`` marks a clause that tells no incident: a cumulative toll ("since the start
of the war"), a habit ("regularly shells"), a generic statement ("tend to"). An event word in such a clause is kept
but gets no ACLED code. Each entry has an ``origin`` note.

Speed: a Matcher pass costs about a microsecond per token and pattern, and open "*" gaps keep states alive to the
end of the text. So the match runs in two stages (``_find``): the fixed words of each entry (its LOWER and LEMMA
tests) say where it can open and close, and the Matcher runs only over those stretches, with the entries that can
match there. The matches, and their order, are the ones a single Matcher of every entry over the whole text gives
(``tests/test_cue_matching.py`` checks this); an entry whose tests this does not read is simply run wider.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.attrs import LEMMA, LOWER
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
# gathering verbs that take no object when they are a protest ("gathered outside", not "gathered intelligence")
_INTRANSITIVE = frozenset({"gather", "assemble", "converge", "congregate", "march", "rally"})
_WORD_ATTRS = {"LOWER": LOWER, "LEMMA": LEMMA}


Test = tuple[int, frozenset[str]]  # a token's word test: (LOWER or LEMMA, the values it allows)


@dataclass(frozen=True)
class _Plan:
    """Where one entry can match, read from its pattern: the word tests of every token it needs, of the fixed
    tokens it opens and closes with, and its longest length (``None`` when a gap is open-ended)."""

    needs: tuple[Test, ...]
    head: tuple[Test | None, ...]
    tail: tuple[Test | None, ...]
    length: int | None


def _word_test(spec: dict[str, Any]) -> Test | None:
    """The LOWER or LEMMA test of a token spec; None when it has none that this reads (then nothing is assumed)."""
    for name, attr in (("LOWER", LOWER), ("LEMMA", LEMMA)):
        value = spec.get(name)
        if isinstance(value, str):
            return attr, frozenset({value})
        if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
            return attr, frozenset(value["IN"])
    return None


def _plan(pattern: list[dict[str, Any]]) -> _Plan:
    def fixed(specs: list[dict[str, Any]]) -> tuple[Test | None, ...]:
        out = []
        for spec in specs:
            if "OP" in spec:
                break
            out.append(_word_test(spec))
        return tuple(out)

    needs = tuple(t for spec in pattern if "OP" not in spec and (t := _word_test(spec)) is not None)
    bounded = all(spec.get("OP") in (None, "?") for spec in pattern)
    return _Plan(needs, fixed(pattern), fixed(pattern[::-1]), len(pattern) if bounded else None)


_PLANS = [_plan(e["pattern"]) for e in _ENTRIES]
# the word tests as sets of string hashes (the same for every vocab), made on first use
_HASHED: list[
    tuple[list[tuple[int, set[int]]], list[tuple[int, set[int]] | None], list[tuple[int, set[int]] | None]]
] = []
_MATCHERS: dict[tuple[int, tuple[int, ...]], Matcher] = {}


def _hashed(vocab: Vocab) -> list[Any]:
    if not _HASHED:

        def h(t: Test | None) -> tuple[int, set[int]] | None:
            return None if t is None else (t[0], {vocab.strings.add(v) for v in t[1]})

        for p in _PLANS:
            _HASHED.append(([h(t) for t in p.needs], [h(t) for t in p.head], [h(t) for t in p.tail]))  # type: ignore[misc]
    return _HASHED


def _matcher(vocab: Vocab, keys: tuple[int, ...]) -> Matcher:
    """One matcher holding the entries ``keys`` (in table order), cached."""
    m = _MATCHERS.get((id(vocab), keys))
    if m is None:
        if len(_MATCHERS) > 512:
            _MATCHERS.clear()
        m = Matcher(vocab)
        for i in keys:
            m.add(str(i), [_ENTRIES[i]["pattern"]], greedy="LONGEST")
        _MATCHERS[(id(vocab), keys)] = m
    return m


def _where(
    cols: dict[int, list[int]],
    at: dict[int, dict[int, list[int]]],
    tests: list[tuple[int, set[int]] | None],
    forward: bool,
) -> list[int]:
    """Token positions from which the fixed tests hold in a row (forward: the tokens after; else before).
    ``at[attr][hash]`` lists where each word stands, so only the first test's words are visited."""
    first = next(((k, t) for k, t in enumerate(tests) if t is not None), None)
    n = len(cols[LOWER])
    if first is None:
        return list(range(n))
    k0, (attr0, vals0) = first
    where0 = at[attr0]
    step = 1 if forward else -1
    out = []
    for j in sorted(j for h in vals0 for j in where0.get(h, ())):
        p = j - step * k0
        if 0 <= p < n and all(
            t is None or (0 <= p + step * k < n and cols[t[0]][p + step * k] in t[1]) for k, t in enumerate(tests)
        ):
            out.append(p)
    return out


def _windows(doc: Doc) -> list[tuple[int, int, int]]:
    """(entry, start, end): the stretches of ``doc`` where an entry can match. A match needs every fixed word of
    its pattern in the text, opens where its opening words stand and closes where its closing ones do."""
    arr = doc.to_array([LOWER, LEMMA])
    cols = {LOWER: arr[:, 0].tolist(), LEMMA: arr[:, 1].tolist()}
    at: dict[int, dict[int, list[int]]] = {LOWER: {}, LEMMA: {}}
    for attr, col in cols.items():
        for j, h in enumerate(col):
            at[attr].setdefault(h, []).append(j)
    have = {LOWER: at[LOWER].keys(), LEMMA: at[LEMMA].keys()}
    n = len(doc)
    out = []
    for i, (needs, head, tail) in enumerate(_hashed(doc.vocab)):
        if any(have[attr].isdisjoint(vals) for attr, vals in needs):
            continue
        starts = _where(cols, at, head, True)
        if not starts:
            continue
        length = _PLANS[i].length
        if length is None:
            ends = _where(cols, at, tail, False)
            if ends and ends[-1] >= starts[0]:
                out.append((i, starts[0], ends[-1] + 1))
            continue
        lo, hi = starts[0], starts[0] + length  # each start's window, overlapping ones joined
        for s in starts[1:]:
            if s >= hi:
                out.append((i, lo, min(hi, n)))
                lo = s
            hi = s + length
        out.append((i, lo, min(hi, n)))
    return out


def _find(doc: Doc) -> list[tuple[int, int, int]]:
    """(entry, start, end) of every match, as one matcher of all entries over the whole ``doc`` gives them
    (entries in the order of their first match, each one's matches longest first), from a matcher run only over
    the stretches where some entry can match: a two-stage match, at a fraction of the cost."""
    wins = sorted(_windows(doc), key=lambda w: w[1])
    by_key: dict[int, list[tuple[int, int]]] = {}
    k = 0
    while k < len(wins):
        lo, hi, keys = wins[k][1], wins[k][2], {wins[k][0]}
        k += 1
        while k < len(wins) and wins[k][1] < hi:
            hi = max(hi, wins[k][2])
            keys.add(wins[k][0])
            k += 1
        for key, s, e in _matcher(doc.vocab, tuple(sorted(keys)))(doc[lo:hi]):
            by_key.setdefault(int(doc.vocab.strings[key]), []).append((lo + s, lo + e))
    return [
        (i, s, e)
        for i, pairs in by_key.items()
        for s, e in sorted(pairs, key=lambda x: (x[1] - x[0], -x[0]), reverse=True)
    ]


def match(doc: Doc) -> tuple[list[Cue], list[Cue]]:
    """Event cues and not-incident marks of ``doc`` (character offsets), each sorted by start."""
    cues: list[Cue] = []
    marks: list[Cue] = []
    for i, start, end in _find(doc):
        e = _ENTRIES[i]
        span = doc[start:end]
        if len(span) > int(e.get("max_tokens", len(span))):
            continue  # "*" gaps are bounded here (a bounded {0,n} gap costs the matcher n states per token)
        first_sent = span[0].sent
        if int(e.get("sentences", 1)) == 2 and span[-1].sent.start == first_sent.end:
            # the act and, in the next sentence, its purpose: the cue is the act, up to its sentence's end
            last = first_sent[-1] if not first_sent[-1].is_punct or len(first_sent) < 2 else first_sent[-2]
            span = doc[start : max(start + 1, last.i + 1)]
        elif span.root.sent.start != first_sent.start or span[-1].sent.start != first_sent.start:
            continue  # patterns never run across a sentence end, save those written for two
        if e.get("place") and not _names_place(doc, span.start_char, span.end_char):
            continue  # "struck X, wounding two": a strike when X is a place, a blow when X is a person
        first = span[0]
        if first.lemma_ in _INTRANSITIVE and any(c.dep_ == "dobj" for c in first.children):
            continue
        cue = Cue(str(e["type"]), span.start_char, span.end_char, float(e["weight"]))
        (marks if cue.type.startswith("-") else cues).append(cue)
    cues.sort(key=lambda c: (c.start, -c.weight))
    marks.sort(key=lambda c: c.start)
    return cues, marks


def _names_place(doc: Doc, start: int, end: int) -> bool:
    places = doc._.places if Doc.has_extension("places") else None
    return any(start <= p.span[0] < end for p in places or [])


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
