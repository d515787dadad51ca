"""Attributed claims: source, cue, content, stance, relay chain and statement date.

``attribution.find_attributions`` finds the spans; this module gives each one its meaning:

- **source entity and kind**: named people (titles and appositives dropped: "Russian President Vladimir
  Putin" -> Vladimir Putin, surname-only mentions completed from earlier full names), institutions through
  ``canonical_entity``, anonymous sources kept anonymous with their affiliation ("a senior U.S. official" ->
  United States), and pronouns or definite short forms ("he added", "the ministry said") resolved to the
  entity they stand for by a small salience resolver (see ``SourceResolver``);
- **stance** from the cue lemma, its negation and hedges (docs/claims.md lists the rules);
- **via**: outlets a statement was told to ("told Fox", "in an interview with CNN"), then the outlets the
  whole article relays (``article.via``);
- **said_on**: a date phrase attached to the cue ("said in September"), normalised by ``resolve_date``.
"""

from __future__ import annotations

from datetime import date
from functools import reduce
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from claimtrack.extract.attribution import Attribution, find_attributions
from claimtrack.extract.claims_lexicon import (
    DECLINE,
    HEDGES,
    LIGHT_VERBS,
    NON_CONFIRM,
    RESPONSIBILITY,
    STANCE_BY_LEMMA,
)
from claimtrack.extract.entities import canonical_entity
from claimtrack.extract.frames import (
    extra_attributions,
    is_act,
    refine_stance,
    widen_described,
    widen_event_object,
    widen_trailing,
)
from claimtrack.extract.quotes import Quotes
from claimtrack.extract.source_names import org_kind, strip_det
from claimtrack.extract.sources import SourceResolver
from claimtrack.extract.time import resolve_date
from claimtrack.models import Article, Claim, Content, Source, Stance, TextSpan


def _stance(doc: Doc, a: Attribution, content_text: str) -> Stance:
    head = doc[a.head]
    lem = head.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in head.children)
    if lem in DECLINE or (negated and lem in NON_CONFIRM):
        return "does_not_confirm"
    if lem in ("claim", "take", "assume", "accept") and any(
        c.lower_ in RESPONSIBILITY for c in head.children if c.dep_ == "dobj"
    ):
        return "claims_responsibility"
    if negated and lem in ("deny", "reject"):
        # "has not denied being behind the attacks" leaves it open: neither a denial nor an admission
        return "does_not_confirm"
    stance = STANCE_BY_LEMMA.get(lem)
    if stance is None and lem in LIGHT_VERBS:
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        stance = STANCE_BY_LEMMA.get(obj.lemma_.lower()) if obj is not None else None
    if stance is not None:
        return stance
    window = doc[a.cue[0] : a.cue[1]].text.lower().split() + content_text.lower().split()
    if any(w.strip(",.") in HEDGES for w in window) or any(c.lower_ in HEDGES for c in head.children):
        return "alleges"
    return "other" if negated else "asserts"


def _told_outlets(doc: Doc, a: Attribution) -> list[str]:
    """Outlets a statement was told to: "told Fox", "in an interview with CNN", "said on Fox News"."""
    head = doc[a.head]
    out: list[str] = []
    candidates: list[Token] = []
    for c in head.children:
        if c.dep_ in ("dobj", "dative") and head.lemma_.lower() in ("tell", "say"):
            candidates.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("to", "with", "on", "in"):
            for p in c.children:
                if p.dep_ == "pobj":
                    candidates.append(p)
                    candidates += [q for g in p.children if g.dep_ == "prep" for q in g.children if q.dep_ == "pobj"]
    for c in candidates:
        text = doc[c.left_edge.i : c.right_edge.i + 1].text
        entity, kind = canonical_entity(text)
        if entity is None:
            entity, kind = canonical_entity(c.text)
        if entity is None and c.ent_type_ == "ORG" and org_kind(text) == "outlet":
            entity, kind = strip_det(text), "outlet"
        if entity and kind == "outlet" and entity not in out:
            out.append(entity)
    return out


class _DatePhrase(NamedTuple):
    start: int
    text: str
    anchor: int  # the phrase's root, or the preposition it hangs from ("on Monday")
    anchor_head: int
    root_head: int


def _date_phrases(doc: Doc) -> list[_DatePhrase]:
    """The doc's DATE phrases with their attachment, found once per document: ``Span.root`` walks the span's
    tokens, and the claims of a long article would otherwise walk every phrase once per claim."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        root = ent.root
        anchor = root.head if root.dep_ == "pobj" else root
        out.append(_DatePhrase(ent.start, ent.text, anchor.i, anchor.head.i, root.head.i))
    return out


def _said_on(a: Attribution, published: date | None, dates: list[_DatePhrase]) -> str | None:
    """Date of the statement: a DATE phrase hanging on the cue verb, outside the content."""
    head = a.head
    inside = [range(s, e) for s, e in a.contents]
    for ent in dates:
        if any(ent.start in r for r in inside):
            continue
        if ent.anchor_head == head and ent.anchor != head or ent.root_head == head:
            found = resolve_date(ent.text, published)
            if found is not None:
                return found.value
    return None


def _doc_length(doc: Doc) -> int:
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """Where a source span starts once a dateline is cut off: "CITY, Country (AP) — Police said" -> Police.
    The parser attaches a story's dateline to its first sentence's subject; the dateline names the wire
    (``ingest.meta.wire_in_text`` reads it), not the speaker."""
    for i in range(start + 1, end - 1):
        if doc[i].text in ("—", "–", "-", "--") and doc[i - 1].text == ")":
            return i + 1
    return start


def _antecedent(doc: Doc, span: Span, sources: list[tuple[int, int]]) -> Span:
    """A relative pronoun names nobody: "according to the governor, who blamed the rebels" is the governor
    speaking twice, so the second source is the noun the relative clause hangs on. Only a noun that is itself
    a source in the sentence: elsewhere ("Smith, who said ..., arrived") the pronoun stays, as annotators mark
    it, and the resolver still gives its entity."""
    if len(span) != 1 or span[0].lower_ not in ("who", "which", "that"):
        return span
    verb = span[0].head
    noun = verb.head
    if verb.dep_ != "relcl" or noun.i == verb.i or noun.pos_ not in ("NOUN", "PROPN") or noun.i > span.start:
        return span
    if not any(s <= noun.i < e for s, e in sources):
        return span
    return doc[noun.left_edge.i : noun.i + 1]


def find_claims(doc: Doc) -> list[Claim]:
    """Every attribution in ``doc``; ``doc._.article`` gives the article-level ``via``."""
    article: Article | None = doc._.article if doc.has_extension("article") else None
    published = article.published_date() if article is not None else None
    article_via = list(article.via) if article else []
    publisher = (article.publisher or "").lower() if article else ""
    quotes = Quotes(doc)
    found = find_attributions(doc, quotes=quotes)
    widen = (widen_trailing, widen_described, widen_event_object)
    found = [reduce(lambda a, f: f(doc, a), widen, a) for a in found if not is_act(doc, a)]
    found += extra_attributions(doc, found)
    found.sort(key=lambda a: a.cue[0])
    resolver = SourceResolver(doc, quotes, [c for a in found for c in a.contents])
    # spaCy rebuilds Doc.text on every access; the article's text is the same string when the doc was made from it
    text = article.text if article is not None and len(article.text) == _doc_length(doc) else doc.text
    dates = _date_phrases(doc)
    claims: list[Claim] = []
    sources = [a.source for a in found if a.source is not None]
    for a in found:
        source: Source | None = None
        if a.source is not None:
            span = _antecedent(doc, doc[_after_dateline(doc, *a.source) : a.source[1]], sources)
            entity, kind, anonymous = resolver.resolve(span)
            if entity and entity.lower() == publisher:
                kind = "outlet"  # "Northgate Wire reports ...": the publisher speaking
            source = Source(
                text=span.text,
                span=_char_span(doc, span.start, span.end),
                entity=entity,
                kind=kind,
                anonymous=anonymous,
            )
        cspans = [_char_span(doc, s, e) for s, e in a.contents]
        ctext = " … ".join(text[s:e] for s, e in cspans)
        cue = TextSpan(text=doc[a.cue[0] : a.cue[1]].text, span=_char_span(doc, *a.cue))
        via = _told_outlets(doc, a)
        src_entity = source.entity if source else None
        for outlet in article_via:
            # the article relays these outlets: they carry every claim except their own and the publisher's
            if outlet != src_entity and outlet not in via and (src_entity or "").lower() != publisher:
                via.append(outlet)
        claims.append(
            Claim(
                id="",
                source=source,
                cue=cue,
                content=Content(text=ctext, spans=cspans),
                stance=refine_stance(doc, a, _stance(doc, a, ctext)),
                via=via,
                said_on=_said_on(a, published, dates),
            )
        )
    claims.sort(key=lambda c: min([c.cue.span[0], *(s for s, _ in c.content.spans)]))
    for n, c in enumerate(claims, 1):
        c.id = f"c{n}"
    return claims
