"""The trigger lexicon: curated token patterns that propose an event type at a span of a parsed text.

The patterns live in ``data/events/cues.jsonl``: one entry per line with its fine type, weight and origin note,
``patterns`` listing alternative spaCy ``Matcher`` patterns. A token is matched on its lemma where one pattern
should cover a word's inflections ("clash" covers clashes, clashed, clashing) and on its lower-cased form where
one form is meant ("stormed" is an assault; "storm" is weather). A pattern may instead be an object with its
``tokens`` and a guard the Matcher cannot say: ``not_before`` (words, or prefixes ending in ``*``, none of which
may stand in the ``within`` tokens after the match: "missile" but not "missile defence") or ``not_after`` (words
that may not stand just before it: "mob" but not "flash mob"). Weights encode specificity: a weapon-specific cue
outweighs the generic "attack"; political types are light so that a violent event in the same text wins salience.

Each entry is one match key: its hits never overlap, the longest kept (as one alternation of the entry's patterns
gave one hit per stretch of text). A hit never starts on the second half of a hyphenated compound ("anti-drone"
is no drone cue). Speed: a Matcher costs per token and pattern, and the lexicon has some 1,800 patterns, so each
pattern is anchored on its first fixed word (or its last, when it opens with a gap or a case test); one pass of
hash look-ups over the doc's LOWER and LEMMA columns says where a pattern can stand, its other fixed words are
checked there, and only a pattern with gaps or other tests runs its own Matcher, over the stretch it can take.
Every match of the doc stands at an anchor, so the hits are those of one Matcher over the whole doc (tested)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, cast

from spacy.attrs import LEMMA, LOWER, SENT_START
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

# the weight the lexicon gives "a drone crashed / came down" cues, whose crash word is no accident of its own
DOWNED_WEIGHT = 5.0


@dataclass(frozen=True)
class Cue:
    """One lexicon hit: a candidate event type at a character span."""

    type: str
    start: int
    end: int
    weight: float


@dataclass(frozen=True)
class _Pattern:
    entry: int
    tokens: list[dict[str, Any]]
    not_before: tuple[str, ...]
    within: int
    not_after: tuple[str, ...]
    anchor: tuple[int, frozenset[str], int, bool]  # (LOWER or LEMMA, values, offset, from the start)
    length: int  # the most tokens a match can take
    gaps: tuple[tuple[int, int], ...]  # (token index, the most words it may take) of each gap


def _repeat(spec: dict[str, Any]) -> int:
    op = spec.get("OP")
    if op is None or op in ("?", "!", "1"):
        return 1
    if isinstance(op, str) and op.startswith("{") and op.endswith("}"):
        return int(op[1:-1].split(",")[-1] or 0)
    raise ValueError(f"an open repeat ({op}) has no bound: write it as {{0,n}}")


def _values(spec: dict[str, Any]) -> tuple[int, frozenset[str]] | None:
    for name, attr in (("LOWER", LOWER), ("LEMMA", LEMMA)):
        v = spec.get(name)
        if isinstance(v, str):
            return attr, frozenset({v})
        if isinstance(v, dict) and set(v) == {"IN"}:
            return attr, frozenset(v["IN"])
    return None


def _anchor(tokens: list[dict[str, Any]]) -> tuple[int, frozenset[str], int, bool]:
    """The first word test among the fixed tokens that open the pattern, else among those that close it."""
    for forward, seq in ((True, tokens), (False, tokens[::-1])):
        for k, spec in enumerate(seq):
            if "OP" in spec:
                break
            got = _values(spec)
            if got is not None:
                return got[0], got[1], k, forward
    raise ValueError(f"a pattern needs a LOWER or LEMMA word test at a fixed place: {tokens}")


def _is_gap(spec: dict[str, Any]) -> bool:
    op = spec.get("OP")
    return op == "?" or (isinstance(op, str) and op.startswith("{"))


def _gaps(tokens: list[dict[str, Any]]) -> tuple[tuple[int, int], ...]:
    return tuple((k, _repeat(t)) for k, t in enumerate(tokens) if _is_gap(t))


def _length(tokens: list[dict[str, Any]]) -> int:
    """The most tokens a match can take: a gap of n words at most 2n + 2."""
    return sum(2 * _repeat(t) + 2 if _is_gap(t) else 1 for t in tokens)


def _prepared(tokens: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A proper-noun tag keeps the word's case as its lemma (a headline's "Clashes"): lemma tests take the title-
    and upper-case forms too. A cue never runs over a sentence start. A gap of n words may take more tokens (a
    hyphenated word is three, "army's" two), so it is an open "*" here, bounded by the stretch the Matcher runs
    over (2n + 2 tokens, see ``_length``) and by ``_words_fit``, which counts its words (a bounded repeat would
    cost the Matcher a state per token of the bound)."""
    out = []
    for k, spec in enumerate(tokens):
        if k:
            spec = {"IS_SENT_START": False, **spec}
        if _is_gap(spec):
            spec = {**spec, "OP": "*"}
        v = spec.get("LEMMA")
        if isinstance(v, str):
            v = {"IN": [v]}
        if isinstance(v, dict) and set(v) == {"IN"}:
            forms = list(dict.fromkeys(f for w in v["IN"] for f in (w, w[:1].upper() + w[1:], w.upper())))
            spec = {**spec, "LEMMA": {"IN": forms}}
        out.append(spec)
    return out


def _load() -> tuple[list[tuple[str, float]], list[_Pattern]]:
    path = resources.files("claimtrack") / "data" / "events" / "cues.jsonl"
    entries: list[tuple[str, float]] = []
    pats: list[_Pattern] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        entry = json.loads(line)
        try:
            entries.append((str(entry["type"]), float(entry["weight"])))
            str(entry["origin"])
            for p in entry["patterns"]:
                spec = p if isinstance(p, dict) else {"tokens": p}
                tokens = _prepared(list(spec["tokens"]))
                pats.append(
                    _Pattern(
                        len(entries) - 1,
                        tokens,
                        tuple(spec.get("not_before", ())),
                        int(spec.get("within", 1)),
                        tuple(spec.get("not_after", ())),
                        _anchor(tokens),
                        _length(list(spec["tokens"])),
                        _gaps(list(spec["tokens"])),
                    )
                )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: line {n}: bad cue entry ({exc})") from exc
    return entries, pats


_ENTRIES, _PATTERNS = _load()


_Hashed = tuple[int, frozenset[int]]  # (column: 0 LOWER, 1 LEMMA; the values' hashes)


@dataclass(frozen=True)
class _Compiled:
    """One pattern for one vocab: its fixed run of word tests from the anchored end (offset, test), the word
    tests of its other required tokens, and a Matcher (None when the word tests are the whole pattern)."""

    fixed: tuple[tuple[int, _Hashed], ...]
    needs: tuple[_Hashed, ...]
    matcher: Matcher | None


def _hash(vocab: Vocab, spec: dict[str, Any]) -> _Hashed | None:
    got = _values(spec)
    if got is None:
        return None
    return (0 if got[0] == LOWER else 1), frozenset(vocab.strings.add(v) for v in got[1])


@lru_cache(maxsize=4)
def _compiled(vocab: Vocab) -> tuple[dict[tuple[int, int], list[int]], list[_Compiled]]:
    """For ``vocab``: the anchor index ((column, hash) -> patterns) and each pattern's tests and Matcher."""
    index: dict[tuple[int, int], list[int]] = {}
    out = []
    for i, p in enumerate(_PATTERNS):
        attr, values, _, forward = p.anchor
        for v in values:
            index.setdefault((0 if attr == LOWER else 1, vocab.strings.add(v)), []).append(i)
        seq = p.tokens if forward else p.tokens[::-1]
        run = 0
        while run < len(seq) and "OP" not in seq[run]:
            run += 1
        fixed = tuple((k, h) for k in range(run) if (h := _hash(vocab, seq[k])) is not None)
        needs = tuple(h for spec in seq[run:] if "OP" not in spec and (h := _hash(vocab, spec)) is not None)
        plain = run == len(seq) and len(fixed) == run
        plain = plain and all(set(t) <= {"LOWER", "LEMMA", "IS_SENT_START"} and len(t) <= 2 for t in p.tokens)
        matcher = None
        if not plain:
            matcher = Matcher(vocab)
            matcher.add("cue", [p.tokens])
        out.append(_Compiled(fixed, needs, matcher))
    return index, out


def _candidates(doc: Doc) -> dict[int, list[tuple[int, int, int]]]:
    """Per entry, every (start, pattern, end) match, found from the anchors: one pass of hash look-ups over the
    doc's LOWER and LEMMA columns says where a pattern can stand, its fixed words are checked there, and only a
    pattern with gaps or other tests runs its Matcher, over the stretch it can take."""
    index, compiled = _compiled(doc.vocab)
    n = len(doc)
    arr = doc.to_array([LOWER, LEMMA, SENT_START])
    cols = (arr[:, 0].tolist(), arr[:, 1].tolist())
    starts = arr[:, 2].tolist()
    found: dict[int, list[tuple[int, int, int]]] = {}
    for c, col in enumerate(cols):
        for j, h in enumerate(col):
            for i in index.get((c, h), ()):
                p, comp = _PATTERNS[i], compiled[i]
                _, _, k, forward = p.anchor
                if forward:
                    lo = j - k
                    hi = min(lo + p.length, n)
                    if lo < 0 or any(lo + o >= n or cols[a][lo + o] not in hs for o, (a, hs) in comp.fixed):
                        continue
                else:
                    hi = j + k + 1
                    lo = max(hi - p.length, 0)
                    if hi > n or any(hi - 1 - o < 0 or cols[a][hi - 1 - o] not in hs for o, (a, hs) in comp.fixed):
                        continue
                if any(hs.isdisjoint(cols[a][lo:hi]) for a, hs in comp.needs):
                    continue
                hits = found.setdefault(p.entry, [])
                if comp.matcher is None:
                    if all(starts[x] != 1 for x in range(lo + 1, hi)):
                        hits.append((lo, i, hi))
                else:
                    for m in comp.matcher(doc[lo:hi], with_alignments=True):
                        _, s, t, align = cast(tuple[int, int, int, list[int]], m)
                        if not p.gaps or _words_fit(doc, lo + s, align, p.gaps):
                            hits.append((lo + s, i, lo + t))
    return found


def _words_fit(doc: Doc, start: int, align: list[int], gaps: tuple[tuple[int, int], ...]) -> bool:
    """Whether each gap of a match takes at most its number of words, whole words, as the regular expressions'
    "(?:\\S+ ){0,n}" did: a gap opens after a space and closes before one ("killed, ten soldiers" is no gap)."""
    for k, most in gaps:
        toks = [start + x for x, a in enumerate(align) if a == k]
        if not toks:
            continue
        if not doc[toks[0] - 1].whitespace_ or not doc[toks[-1]].whitespace_:
            return False
        if sum(1 for x in toks if doc[x - 1].whitespace_) > most:
            return False
    return True


def _guarded(doc: Doc, p: _Pattern, start: int, end: int) -> bool:
    """Whether a match of ``p`` at tokens ``start:end`` falls to a guard (or starts inside a compound)."""
    if start > 0:
        prev = doc[start - 1]
        if not prev.whitespace_ and (prev.text == "-" or prev.text[-1].isalnum()):
            return True  # regular expressions started only at a word start: "anti-drone" has no drone cue
        if p.not_after and prev.lower_ in p.not_after:
            return True
    if p.not_before:
        for tok in doc[end : end + p.within]:
            low = tok.lower_
            if any(low.startswith(w[:-1]) if w.endswith("*") else low == w for w in p.not_before):
                return True
    return False


def cues_of(doc: Doc) -> list[Cue]:
    """Every lexicon hit in ``doc`` (character offsets into ``doc.text``), in text order; overlapping hits of
    different entries are all kept. Within an entry, hits are taken left to right, the longest where several
    start at one token, as one alternation of its patterns found them."""
    hits: list[tuple[int, Cue]] = []
    for e, found in _candidates(doc).items():
        end = -1
        fine, weight = _ENTRIES[e]
        for s, i, t in sorted(set(found), key=lambda x: (x[0], -x[2], x[1])):
            if s >= end and not _guarded(doc, _PATTERNS[i], s, t):
                hits.append((e, Cue(fine, doc[s].idx, doc[t - 1].idx + len(doc[t - 1]), weight)))
                end = t
    hits.sort(key=lambda h: (h[1].start, -h[1].weight, h[0]))  # ties in the lexicon's order, as ranking reads them
    return [c for _, c in hits]


def cues_in_text(text: str) -> list[Cue]:
    """The lexicon hits of a bare text, for callers that hold no parse: it is tagged and lemmatised here."""
    from claimtrack.nlp import COMPONENTS, load_pipeline  # deferred: the pipeline's components import this module

    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name not in COMPONENTS:  # the model's own tagger and lemmatiser, not our stages
            doc = proc(doc)
    return cues_of(doc)
