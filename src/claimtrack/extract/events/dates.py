"""An event's date: the date phrase of its clause, relative chains and the dates of speech acts."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc, Span, Token

from claimtrack.extract.doc_cache import doc_text
from claimtrack.extract.events.codes import acled_for
from claimtrack.extract.events.common import STRIKE_FAMILY, VIOLENT_TYPES, Draft, token_at
from claimtrack.extract.events.lexicon import Cue
from claimtrack.extract.time import DATE_EXPRESSION, PREVIOUS_DAY, number_value, resolve_date, shift
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
    found = _explicit(text, found)
    # a date modifies the clause it hangs from: in "X on Monday denied that a drone crashed on Sunday" the
    # crash is Sunday. Rank dates by their clause (the trigger's own, then a governing one, then any other)
    # and only then by distance, so the first or nearest date of the sentence is not taken blindly
    doc = sent.doc
    trig = token_at(doc, cue.start)
    verb = _clause_verb(trig) if trig is not None else None
    chain: dict[int, int] = {}
    speech = 99  # depth of the first reporting verb above the trigger's clause ("claimed the murder of ...")
    if verb is not None:
        cur, depth = verb, 0
        while depth < 12:
            chain.setdefault(cur.i, depth)
            if depth and cur.pos_ == "VERB" and cur.lemma_.lower() in _STATEMENT_VERBS:
                speech = min(speech, depth)
            if cur.head is cur:
                break
            cur, depth = cur.head, depth + 1
    # a date on a governing reporting verb ("denied on Wednesday that ...") dates the statement, so any
    # other date of the sentence ("missiles launched on Monday") ranks before it
    cue_chars = [c.cue.span for c in doc._.claims or []]
    best: tuple[float, int, EventDate] | None = None
    for start, end, ev in found:
        dist = start - cue.end if start >= cue.end else cue.start - end
        level: float = 2
        tok = token_at(doc, start) if verb is not None else None
        if tok is not None:
            dverb = _clause_verb(tok)
            if dverb.i in chain:
                level = min(chain[dverb.i], 1)
                if level == 1 and any(cs <= dverb.idx < ce for cs, ce in cue_chars) or chain[dverb.i] >= speech:
                    level = 3
            elif _modifier_date(doc, start, end):
                level = 4  # "the 2019 conflicts", "a suit won in 2013": a date that describes a thing
            if level < 4 and _noun_bound(doc, start, end, dverb):
                # "marched on Friday against the 2 May invasion", "the killing of a protester on 1 June 2020": a
                # date hung on a noun dates that thing; a date on the clause's verb dates the act itself
                level += 0.5
        if _BACKDROP.match(text, start):
            level = 4  # "missing since last November": the start of a state, not the day of an act
        if best is None or (level, dist) < best[:2]:
            best = (level, dist, ev)
    return best[2] if best and best[0] < 4 else None


def _noun_bound(doc: Doc, start: int, end: int, verb: Token) -> bool:
    """Whether the date phrase at ``start:end`` hangs on a noun (or a noun phrase's preposition) below ``verb``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    cur = span.root
    for _ in range(8):
        if cur is verb or cur.head is cur:
            return False
        cur = cur.head
        if cur.i in range(span.start, span.end):
            continue
        if cur.pos_ in ("NOUN", "PROPN") and cur.ent_type_ not in ("DATE", "TIME"):
            return True
        if cur.pos_ in ("VERB", "AUX"):
            return False
    return False


def _explicit(text: str, found: list[tuple[int, int, EventDate]]) -> list[tuple[int, int, EventDate]]:
    """ "yesterday (Monday)", "last night, Friday": of two dates side by side the explicit one, which the writer
    added because the relative one is relative to a day the reader does not know."""
    drop = set()
    for k in range(len(found) - 1):
        a, b = found[k], found[k + 1]
        if _ASIDE.fullmatch(text, a[1], b[0]) and not _RELATIVE_WORD.match(text, a[0]):
            drop.add(k + 1)  # "around 5 May (between 4 - 5 May)": the aside refines, the first date is coded
            continue
        if b[0] - a[1] <= 3 and not text[a[1] : b[0]].strip(" (),"):
            rel_a, rel_b = _RELATIVE_WORD.match(text, a[0]), _RELATIVE_WORD.match(text, b[0])
            if rel_a and not rel_b:
                drop.add(k)
            elif rel_b and not rel_a:
                drop.add(k + 1)
    kept = [f for k, f in enumerate(found) if k not in drop]
    # "the mayor said on Tuesday that nine villagers died the previous evening": the day before the sentence's other day
    days = [f for f in kept if f[2].precision == "day" and not PREVIOUS_DAY.match(text, f[0])]
    out = []
    for f in kept:
        if PREVIOUS_DAY.match(text, f[0]) and days:
            anchor = min(days, key=lambda g: abs(g[0] - f[0]))[2]
            moved = shift(anchor, -1, text[f[0] : f[1]])
            f = (f[0], f[1], moved) if moved is not None else f
        elif PREVIOUS_DAY.match(text, f[0]):
            continue  # the day before a day this sentence does not tell: left to the article's dates
        out.append(f)
    return out


_ASIDE = re.compile(r"\s*\(\s*(?:between|from|around|about|on|or)?\s*", re.I)
_RELATIVE_WORD = re.compile(r"(?:today|tonight|yesterday|last night|overnight|this morning|this afternoon|this "
                            r"evening|earlier today)\b", re.I)  # fmt: skip


_BACKDROP = re.compile(r"since\b", re.I)


def _modifier_date(doc: Doc, start: int, end: int) -> bool:
    """A date phrase that modifies a noun ("the 2019 elections") or sits in a relative clause ("workers who won
    a suit in 2013") describes a participant, not when the event happened."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("compound", "amod", "nummod", "poss") and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head.i not in range(span.start, span.end)
    return any(a.dep_ in ("relcl", "acl") for a in root.ancestors)


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
    """An undated threat takes the date its speaker is reported to have said it ("the minister said in March")."""
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


# non-ACLED types that still tell of an incident that happened (not a statement of intent)
_TOLD = frozenset({"claim_of_responsibility", "accusation", "organized_crime", "natural_disaster", "man_made_disaster"})
# reporting verbs whose own date dates a statement, not the incident it reports
_REPORTING = frozenset({"say", "tell", "report", "announce", "confirm", "claim", "state", "add", "write", "deny"})
_STATEMENT_VERBS = _REPORTING | {"release", "issue", "publish", "post", "tweet", "allege", "accuse", "blame"}


def incident_dates(drafts: list[Draft], main: Draft | None, sents: list[Span], published: date | None) -> None:
    """An event with no date phrase of its own takes the date the article gives its incident (its main event's,
    else the first violent event's own, else the first incident date of its opening sentences), else the
    publication day; ``basis`` says which. (A sentence whose only date is its statement's, "X said on Monday that
    ...", keeps that day: the incident happened by then.)"""
    # statements, threats and plans keep no date rather than borrow an incident's
    # (an event told as hypothetical, negated or in a not-incident clause is no incident: it borrows no day either)
    undated = [
        d
        for d in drafts
        if d.date is None and d.incident and (acled_for(d.type, d.government_actor) or d.type in _TOLD)
    ]
    if not undated:
        _story_day(drafts, sents, published)
        return
    article = _article_date(drafts, main, sents, published)
    for d in undated:
        if article is not None:
            d.date = article.model_copy(update={"basis": "article"})
        elif published is not None:
            d.date = EventDate(value=published.isoformat(), precision="day", text="", basis="published")


def _story_day(drafts: list[Draft], sents: list[Span], published: date | None) -> None:
    """ "On 3 May, farmers blocked the road to three markets. They called for better prices.": in a text that tells
    no incident at all, an act told in its opening sentences with no date of its own is of the day the text opens
    with (where an incident is told, statements keep no date rather than borrow the incident's)."""
    if any(d.incident and acled_for(d.type, d.government_actor) for d in drafts):
        return
    opening = [d for d in drafts if d.date is None and d.incident and d.sent_index < _OPENING]
    day = _opening_date(sents, published) if opening else None
    if day is None:
        return
    for d in opening:
        d.date = day.model_copy(update={"basis": "article"})


def _article_date(
    drafts: list[Draft], main: Draft | None, sents: list[Span], published: date | None
) -> EventDate | None:
    if main is not None and main.date is not None and main.date.precision == "day" and main.date.basis == "own":
        return main.date
    violent = [d for d in drafts if d.type in VIOLENT_TYPES and d.date is not None and d.date.precision == "day"]
    violent = [d for d in violent if d.date is not None and d.date.basis == "own"]
    if violent:
        return min(violent, key=lambda d: (d.sent_index, d.cue.start)).date
    return _opening_date(sents, published)


def _opening_date(sents: list[Span], published: date | None) -> EventDate | None:
    """The first day-precision date of the opening sentences that does not date a reporting verb (else the first
    that does: a report's day is still the nearest known day of what it reports)."""
    said: EventDate | None = None
    for sent in sents[:_OPENING]:
        text = doc_text(sent.doc)
        for m in DATE_EXPRESSION.finditer(text, sent.start_char, sent.end_char):
            ev = resolve_date(m.group(0), published)
            if ev is None or ev.precision != "day" or _BACKDROP.match(text, m.start()):
                continue
            tok = token_at(sent.doc, m.start())
            if tok is not None and _clause_verb(tok).lemma_.lower() in _REPORTING:
                said = said or ev
                continue
            return ev
    return said


_OPENING = 5  # sentences that open an article: title, dateline and lead

_ACLED_PRECISION = {"day": 1, "month": 3, "year": 3}


def time_precision(ev: EventDate | None) -> int | None:
    """ACLED's ``time_precision`` of an event date: 1 the day itself, 2 a day within a week around it (a date only
    inferred from the publication day), 3 a month or a year."""
    if ev is None:
        return None
    if ev.basis == "published":
        return 2
    return _ACLED_PRECISION[ev.precision]
