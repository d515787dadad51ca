"""The trigger lexicon: curated patterns that propose an event type at a span of text, and the scan over a text.

The patterns live in ``data/events/cues.jsonl``: one entry per line with its fine type, weight and origin note,
``any`` listing alternative regular expressions. Weights encode specificity: a weapon-specific cue outweighs the
generic "attack"; political types are light so that a violent event in the same text wins salience."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

# the weight the lexicon gives "a drone crashed / came down" cues, whose crash word is no accident of its own
DOWNED_WEIGHT = 5.0


def _load() -> list[tuple[str, float, str]]:
    path = resources.files("claimtrack") / "data" / "events" / "cues.jsonl"
    cues = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        entry = json.loads(line)
        try:
            cues.append((str(entry["type"]), float(entry["weight"]), "|".join(entry["any"])))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: line {n}: bad cue entry ({exc})") from exc
    return cues


_CUES = _load()


@dataclass(frozen=True)
class Cue:
    """One lexicon hit: a candidate event type at a character span."""

    type: str
    start: int
    end: int
    weight: float


def _wrap(pattern: str) -> str:
    return r"(?<![\w-])(?:" + pattern + r")(?![\w])"


_COMPILED: list[tuple[str, float, re.Pattern[str]]] = [(t, w, re.compile(_wrap(p), re.I)) for t, w, p in _CUES]
# Speed: case-insensitive matching is slow in Python's re, and ~80 passes over a text add up. Patterns with no
# case-sensitive part run on the lower-cased text, and one alternation of them all finds the few positions where
# any cue starts; only there is each pattern tried. Same hits as one finditer per pattern, at a fraction of the cost.
_LOWER = [(t, w, re.compile(_wrap(p))) for t, w, p in _CUES if "(?-i" not in p]
_CASED = [(t, w, rx) for (t, w, rx), (_, _, p) in zip(_COMPILED, _CUES, strict=True) if "(?-i" in p]
_ANY = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})(?![\\w])" for _, _, p in _CUES if "(?-i" not in p) + ")")


def scan(text: str) -> list[Cue]:
    """Every lexicon hit in ``text``, in text order; overlapping hits of different types are all kept."""
    low = text.lower()
    if len(low) != len(text):  # a few Unicode letters change length when lower-cased: offsets would drift
        return _scan_each(text, _COMPILED)
    hits = _scan_each(text, _CASED)
    last_end = [-1] * len(_LOWER)
    pos = 0
    while (m := _ANY.search(low, pos)) is not None:
        at = m.start()
        for k, (fine, weight, rx) in enumerate(_LOWER):
            if at < last_end[k]:
                continue  # finditer would not start a match inside its previous one
            hit = rx.match(low, at)
            if hit is not None:
                hits.append(Cue(fine, at, hit.end(), weight))
                last_end[k] = hit.end()
        pos = at + 1
    hits.sort(key=lambda c: (c.start, -c.weight))
    return hits


def _scan_each(text: str, compiled: list[tuple[str, float, re.Pattern[str]]]) -> list[Cue]:
    hits = [Cue(fine, m.start(), m.end(), weight) for fine, weight, rx in compiled for m in rx.finditer(text)]
    hits.sort(key=lambda c: (c.start, -c.weight))
    return hits
