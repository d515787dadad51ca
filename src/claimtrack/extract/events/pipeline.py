"""``find_events``: the events stage over one ``Doc`` (after places and claims), in the order its steps run.

1. the trigger lexicon (``lexicon.cues_of``) runs once over the doc; each sentence's cues are ranked
   (``ranking.rank_types``) into one or more sentence events (one per type family);
2. sentence events about the same strike (same weapon, or an anaphoric follow-up) or the same statement
   (same type and initiator) are merged (``incidents.merge``), so "fired twelve rockets" and "air defences downed
   ten of them" make one event with both figures;
3. each event gets its date (``dates``), sides from the dependency parse (``sides``), weapons, figures tied to the
   claims that state them (``figures``), modality, status from the claims' stances (``status``), and its location
   from ``places.event_location`` (``assemble``);
4. what is not an incident (not asserted, or in a clause ``patterns`` marks as a toll, a habit or a generic
   statement) keeps no ACLED code; the rest are grouped into incident frames by kind, day, place and side
   (``frames``), earlier incidents are kept as background, and a strike wave gets one incident per region
   (``regions``);
5. the article's ACLED-coded incidents come first (the main event first), then the rest by salience.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from claimtrack.extract.doc_cache import doc_text, sentences
from claimtrack.extract.events.assemble import to_event
from claimtrack.extract.events.common import VIOLENT_TYPES, Draft, token_at
from claimtrack.extract.events.dates import incident_dates, relative_dates, speech_dates
from claimtrack.extract.events.figures import fold_tolls, orphan_figures
from claimtrack.extract.events.frames import frame
from claimtrack.extract.events.incidents import holder, main_draft, merge, salience, sentence_drafts
from claimtrack.extract.events.lexicon import Cue, cues_of
from claimtrack.extract.events.parties import settle_sides
from claimtrack.extract.events.patterns import in_marked_clause, match
from claimtrack.extract.events.regions import own_tolls, regional_reports
from claimtrack.extract.events.sides import fallback_actors, in_source, same_party, speakers
from claimtrack.extract.places import event_location, scene_location
from claimtrack.models import Article, Claim, Event, Location, Place


def find_events(doc: Doc) -> list[Event]:
    """Events of ``doc`` ordered by salience; reads ``doc._.claims`` and ``doc._.places``."""
    text = doc_text(doc)
    if not text.strip():
        return []
    article: Article | None = doc._.article
    published = article.published_date() if article is not None else None
    claims: list[Claim] = doc._.claims or []
    places: list[Place] = [p for p in doc._.places or [] if not _time_zone(text, p)]
    matched, marks = match(doc)
    cues = sorted(cues_of(doc) + matched, key=lambda c: (c.start, -c.weight))
    cues = [c for c in cues if not _source_cue(doc, c)]
    if not cues:
        return []
    sents = sentences(doc)
    starts = [s.start_char for s in sents]

    by_sent: dict[int, list[Cue]] = {}
    for c in cues:
        by_sent.setdefault(bisect_right(starts, c.start) - 1, []).append(c)

    drafts: list[Draft] = []
    for si, scues in sorted(by_sent.items()):
        drafts.extend(sentence_drafts(doc, sents[si], si, scues, published))

    speakers(doc, drafts, claims)
    main = main_draft(text, cues, drafts, sents, starts, doc, published)
    if main is not None and main not in drafts:
        drafts.insert(0, main)
    for d in drafts:
        d.location = _location(doc, d, places)
        d.cue_text = text[d.cue.start : d.cue.end]
        sent = sents[d.sent_index]
        d.placed = any(sent.start_char <= p.span[0] < sent.end_char for p in places)
    drafts = merge(drafts)
    orphan_figures(drafts, sents)
    relative_dates(text, drafts, starts)
    speech_dates(drafts, sents, published)
    for d in drafts:
        d.incident = d.modality == "asserted" and in_marked_clause(doc, d.cue.start, marks) is None
    incident_dates(drafts, holder(main, drafts), sents, published)
    fallback_actors(drafts, sents)
    settle_sides(doc, drafts, grouped=False)
    drafts = frame(drafts, main, published)
    drafts += regional_reports(doc, drafts, sents, places)
    own_tolls(doc, drafts, places)
    for d in drafts:  # only now, so a borrowed place cannot make two incidents look like one
        if d.location is None:
            d.location = _scene(doc, d, places)
    settle_sides(doc, drafts)

    for d in drafts:  # merging can bring a target from another sentence
        if same_party(d.initiator, d.target):
            d.target = None
    lead = holder(main, drafts)
    events = [to_event(doc, d, "", claims, places) for d in drafts]
    # the article's incidents come first (what ACLED would code), then its statements, plans and background
    # ACLED codes the violence rather than the arrests that follow it, so an arrest is never put before it
    violence = any(d.type in _HARM_TYPES and e.acled is not None for d, e in zip(drafts, events, strict=True))
    ranked = sorted(
        zip(drafts, events, strict=True),
        key=lambda de: (
            de[1].acled is None,
            de[0] is not lead,
            violence and de[0].type == "arrest",
            -salience(de[0]),
        ),
    )
    ordered = fold_tolls([e for _, e in ranked], frozenset(_HARM_TYPES))
    return [e.model_copy(update={"id": f"e{i}"}) for i, e in enumerate(ordered, start=1)]


_HARM_TYPES = (VIOLENT_TYPES - {"arrest", "protest"}) | {"mob_violence"}


def _location(doc: Doc, d: Draft, places: list[Place]) -> Location | None:
    try:
        return event_location(doc, (d.cue.start, d.cue.end), places)
    except Exception:  # the places component is still growing; an event without a location beats none at all
        return None


def _scene(doc: Doc, d: Draft, places: list[Place]) -> Location | None:
    """The scene before the incident's first mention that has one (a headline trigger has nothing before it)."""
    try:
        for start, end in sorted({(d.cue.start, d.cue.end), *d.triggers}):
            loc = scene_location(doc, (start, end), places)
            if loc is not None:
                return loc
    except Exception:  # as in _location: no borrowed place beats no event
        return None
    return None


_TIME_ZONE = re.compile(r"\s+time\b", re.I)


def _time_zone(text: str, place: Place) -> bool:
    """ "At 12:15 Moscow time", "03:00 local Kyiv time": a place that names a time zone says when, not where."""
    return _TIME_ZONE.match(text, place.span[1]) is not None


def _source_cue(doc: Doc, cue: Cue) -> bool:
    """ "..., diplomats said": a word of a reporting clause's subject names a source, not an event."""
    if cue.type in VIOLENT_TYPES or cue.type.startswith("+"):
        return False
    tok = token_at(doc, cue.start)
    return tok is not None and tok.pos_ in ("NOUN", "PROPN") and in_source(tok)
