"""The trigger lexicon: curated patterns that propose an event type at a span of text, and the scan over a text.

The patterns live in ``data/events/cues.jsonl``: one entry per line with its fine type, weight and origin note,
``any`` listing alternative regular expressions. Weights encode specificity: a weapon-specific cue outweighs the
generic "attack"; political types are light so that a violent event in the same text wins salience."""

from __future__ import annotations

import json
import re
import re._constants as sre
import re._parser as sre_parser
from dataclasses import dataclass
from importlib import resources
from typing import Any

# the weight the lexicon gives "a drone crashed / came down" cues, whose crash word is no accident of its own
DOWNED_WEIGHT = 5.0


def _load() -> list[tuple[str, float, str, list[str]]]:
    path = resources.files("claimtrack") / "data" / "events" / "cues.jsonl"
    cues = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        entry = json.loads(line)
        try:
            alternatives = [str(a) for a in entry["any"]]
            cues.append((str(entry["type"]), float(entry["weight"]), "|".join(alternatives), alternatives))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: line {n}: bad cue entry ({exc})") from exc
    return cues


_CUES = _load()


def _wrap(pattern: str) -> str:
    return r"(?<![\w-])(?:" + pattern + r")(?![\w])"


_COMPILED: list[tuple[str, float, re.Pattern[str]]] = [(t, w, re.compile(_wrap(p), re.I)) for t, w, p, _ in _CUES]
# Speed: case-insensitive matching is slow in Python's re, and ~80 passes over a text add up. Patterns with no
# case-sensitive part run on the lower-cased text, and only at a word start whose first two letters can begin one
# of them (read from the parsed patterns, see ``_prefixes``) is each such pattern tried, after one alternation of
# the alternatives that can start there says that something may. Same hits as one finditer per pattern.
_LOWER = [(k, t, w, re.compile(_wrap(p))) for k, (t, w, p, _) in enumerate(_CUES) if "(?-i" not in p]
_CASED = [(t, w, rx) for (t, w, rx), (_, _, p, _) in zip(_COMPILED, _CUES, strict=True) if "(?-i" in p]

_Prefix = set[tuple[str, bool]]  # (the text a match can open with, whether the pattern part read is complete)


def _seq(items: Any, k: int) -> _Prefix:
    """What the parsed regular expression ``items`` can open with, up to ``k`` characters (a superset)."""
    out: _Prefix = {("", True)}
    for op, av in items:
        nxt: _Prefix = set()
        for text, complete in out:
            if not complete or len(text) >= k:
                nxt.add((text, False))
                continue
            for more, done in _item(op, av, k - len(text)):
                nxt.add((text + more, done))
        out = nxt
    return out


def _item(op: Any, av: Any, k: int) -> _Prefix:
    if op is sre.LITERAL:
        return {(chr(av), True)}
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {("", True)}  # zero-width: taken as always true, which only widens the set
    if op is sre.IN and all(o in (sre.LITERAL, sre.RANGE) for o, _ in av):
        chars = {chr(a) for o, a in av if o is sre.LITERAL}
        chars |= {chr(c) for o, a in av if o is sre.RANGE for c in range(a[0], a[1] + 1)}
        return {(c, True) for c in chars}
    if op is sre.BRANCH:
        return set().union(*(_seq(b, k) for b in av[1]))
    if op is sre.SUBPATTERN:  # a group that sets flags ("(?i:...)") may match other letters: anything
        return _seq(av[3], k) if not av[1] else {("", False)}
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):  # one repetition, then anything
        return {(t, False) for t, _ in _seq(av[2], k)} | ({("", True)} if av[0] == 0 else set())
    return {("", False)}


def _prefixes(pattern: str) -> set[str]:
    return {t for t, _ in _seq(sre_parser.parse(pattern), 2)}


_ALT_PREFIXES = [(k, alt, _prefixes(alt)) for k, t, w, rx in _LOWER for alt in _CUES[k][3]]
# where a cue can start: after no word character or hyphen, at a visible character (any, if a cue may not start so)
_VISIBLE = all(p and not p[0].isspace() for _, _, pre in _ALT_PREFIXES for p in pre)
_START = re.compile(r"(?<![\w-])" + (r"\S" if _VISIBLE else r"(?s:.)"))
_GATES: dict[str, tuple[re.Pattern[str] | None, list[tuple[int, str, float, re.Pattern[str]]]]] = {}


def _gate(key: str) -> tuple[re.Pattern[str] | None, list[tuple[int, str, float, re.Pattern[str]]]]:
    """For a word opening with ``key``: one alternation of the alternatives that can start so, and their patterns."""
    got = _GATES.get(key)
    if got is None:
        alts = [(k, a) for k, a, pre in _ALT_PREFIXES if any(key.startswith(p) for p in pre)]
        keys = {k for k, _ in alts}
        rx = re.compile("|".join(f"(?:{a})(?![\\w])" for _, a in alts)) if alts else None
        got = _GATES[key] = (rx, [c for c in _LOWER if c[0] in keys])
    return got


@dataclass(frozen=True)
class Cue:
    """One lexicon hit: a candidate event type at a character span."""

    type: str
    start: int
    end: int
    weight: float


def scan(text: str) -> list[Cue]:
    """Every lexicon hit in ``text``, in text order; overlapping hits of different types are all kept."""
    low = text.lower()
    if len(low) != len(text):  # a few Unicode letters change length when lower-cased: offsets would drift
        return _scan_each(text, _COMPILED)
    hits = _scan_each(text, _CASED)
    last_end = [-1] * len(_CUES)
    for m in _START.finditer(low):
        at = m.start()
        gate, cands = _gate(low[at : at + 2])
        if gate is None or gate.match(low, at) is None:
            continue
        for k, fine, weight, rx in cands:
            if at < last_end[k]:
                continue  # finditer would not start a match inside its previous one
            hit = rx.match(low, at)
            if hit is not None:
                hits.append(Cue(fine, at, hit.end(), weight))
                last_end[k] = hit.end()
    hits.sort(key=lambda c: (c.start, -c.weight))
    return hits


def _scan_each(text: str, compiled: list[tuple[str, float, re.Pattern[str]]]) -> list[Cue]:
    hits = [Cue(fine, m.start(), m.end(), weight) for fine, weight, rx in compiled for m in rx.finditer(text)]
    hits.sort(key=lambda c: (c.start, -c.weight))
    return hits
