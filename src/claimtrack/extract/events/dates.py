"""An event's date: the date phrase of its clause, relative chains and the dates of speech acts."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.tokens import Span, Token

from claimtrack.extract.events.common import STRIKE_FAMILY, Draft, token_at
from claimtrack.extract.events.lexicon import Cue
from claimtrack.extract.time import DATE_EXPRESSION, number_value, resolve_date, shift
from claimtrack.models import (
    EventDate,
)

_AFTER = re.compile(
    r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week)s?\s+"
    r"(?P<dir>after|before|later|earlier)\b",
    re.I,
)


def sentence_date(text: str, sent: Span, cue: Cue, published: date | None) -> EventDate | None:
    """The resolvable date phrase nearest the trigger in its sentence (phrases read once per sentence)."""
    memo: dict[int, list[tuple[int, int, EventDate]]] = sent.doc.user_data.setdefault("claimtrack_dates", {})
    found = memo.get(sent.start_char)
    if found is None:
        found = []
        for m in DATE_EXPRESSION.finditer(text, sent.start_char, sent.end_char):
            ev = resolve_date(m.group(0), published)
            if ev is not None:
                found.append((m.start(), m.end(), ev))
        memo[sent.start_char] = found
    if not found:
        return None
    if len(found) == 1:
        return found[0][2]
    # a date modifies the clause it hangs from: in "X on Monday denied that a drone crashed on Sunday" the
    # crash is Sunday. Rank dates by their clause (the trigger's own, then a governing one, then any other)
    # and only then by distance, so the first or nearest date of the sentence is not taken blindly
    doc = sent.doc
    trig = token_at(doc, cue.start)
    verb = _clause_verb(trig) if trig is not None else None
    chain: dict[int, int] = {}
    if verb is not None:
        cur, depth = verb, 0
        while depth < 12:
            chain.setdefault(cur.i, depth)
            if cur.head is cur:
                break
            cur, depth = cur.head, depth + 1
    # a date on a governing reporting verb ("denied on Wednesday that ...") dates the statement, so any
    # other date of the sentence ("missiles launched on Monday") ranks before it
    cue_chars = [c.cue.span for c in doc._.claims or []]
    best: tuple[int, int, EventDate] | None = None
    for start, end, ev in found:
        dist = start - cue.end if start >= cue.end else cue.start - end
        level = 2
        tok = token_at(doc, start) if verb is not None else None
        if tok is not None:
            dverb = _clause_verb(tok)
            if dverb.i in chain:
                level = min(chain[dverb.i], 1)
                if level == 1 and any(cs <= dverb.idx < ce for cs, ce in cue_chars):
                    level = 3
        if best is None or (level, dist) < best[:2]:
            best = (level, dist, ev)
    return best[2] if best else None


def _clause_verb(tok: Token) -> Token:
    """The nearest verb at or above ``tok`` in the parse: the clause a word or a date phrase belongs to."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def relative_dates(text: str, drafts: list[Draft], starts: list[int]) -> None:
    """ "The attack came two days after X approved ...": X's date from the attack's, and the reverse."""
    dated = [d for d in drafts if d.date is not None and d.date.precision == "day"]
    for m in _AFTER.finditer(text):  # one pass over the text, not one per sentence
        si = bisect_right(starts, m.start()) - 1
        n = number_value(m["n"]) or 1
        days = n * (7 if m["unit"].lower() == "week" else 1)
        sign = 1 if m["dir"].lower() in ("after", "later") else -1
        at = m.start()
        anchors = [d for d in dated if min(d.sents) < si or (si in d.sents and d.cue.start < at)]
        if not anchors:
            continue
        anchor = max(anchors, key=lambda d: (d.type in STRIKE_FAMILY, -abs(min(d.sents) - si)))
        if anchor.date is None:
            continue
        later = [d for d in drafts if si in d.sents and d is not anchor and d.cue.start > at and d.date is None]
        if later:
            # the event named after "after" happened N days before the anchor event
            first = min(later, key=lambda d: d.cue.start)
            first.date = shift(anchor.date, -sign * days, m.group(0))


def speech_dates(drafts: list[Draft], sents: list[Span], published: date | None) -> None:
    """An undated threat takes the date its speaker is reported to have said it ("Putin said in September")."""
    for d in drafts:
        if d.type != "threat" or d.date is not None or d.initiator is None:
            continue
        name = d.initiator.text.split()[-1].lower() if d.initiator.text else ""
        for sent in sents[max(d.sents) : max(d.sents) + 7]:
            low = sent.text.lower()
            m = re.search(
                r"\b(?:said|warned|stated|declared|told)\s+(?P<when>(?:in|on|last)\s+\w+(?:\s+\d{1,2})?)", sent.text
            )
            if m and (name and name in low or re.search(r"\bhe (?:said|warned|added)\b", low)):
                ev = resolve_date(m["when"], published)
                if ev is not None:
                    d.date = ev
                    break
