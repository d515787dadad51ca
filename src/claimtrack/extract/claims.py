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

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from claimtrack.extract.attribution import Attribution, Quotes, find_attributions
from claimtrack.extract.claims_lexicon import (
    ANONYMOUS_HEADS,
    DECLINE,
    GENDERED,
    GOVERNMENT_WORDS,
    HEDGES,
    MILITARY_WORDS,
    NON_CONFIRM,
    OUTLET_WORDS,
    PERSONAL_PRONOUNS,
    RESPONSIBILITY,
    SHORT_FORMS,
    STANCE_BY_LEMMA,
    THING_PRONOUNS,
    TITLES,
)
from claimtrack.extract.entities import canonical_entity, country_of
from claimtrack.extract.time import resolve_date
from claimtrack.models import Article, Claim, Content, Source, SourceKind, Stance, TextSpan

_DETERMINERS = ("the ", "a ", "an ")
_INDEFINITE = frozenset({"a", "an", "some", "several", "two", "three", "many", "one", "another", "other", "few"})
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass
class Mention:
    """A resolved source seen so far: what pronouns and short forms can point back to."""

    entity: str
    kind: SourceKind
    text: str
    person: bool
    end: int  # char offset, for recency


class SourceResolver:
    """Resolves source spans to entities, remembering earlier mentions for pronouns and short forms.

    Salience is recency: "he"/"she" take the latest named person (source or PERSON entity) before the cue;
    "it"/"they"/"we" the latest non-person source, else the latest organisation or country; "the ministry"
    the latest entity whose name or mention contains "ministry". No coreference model is available offline,
    and in news prose these recency rules already pick the right antecedent most of the time
    (bench/attribution.py measures it).
    """

    def __init__(self, doc: Doc, quotes: Quotes) -> None:
        self.doc = doc
        self.sources: list[Mention] = []
        self.surnames: dict[str, str] = {}
        self.last_anonymous: str | None = None
        # PERSON / ORG / GPE entities in text order, as fallback antecedents
        # names inside quotations are what a speaker talks about, not who speaks next: not antecedents
        self.all_ents = list(doc.ents)  # Span.ents rescans the doc on every call: slice this list instead
        self.ents = [
            e for e in self.all_ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP") and not quotes.inside(e.start)
        ]
        self.gender: dict[str, str] = {}  # surname -> "m"/"f", from honorifics and gendered titles
        for e in self.ents:
            if e.label_ == "PERSON":
                name = _person_name(e)
                parts = name.split()
                if len(parts) >= 2:
                    self.surnames.setdefault(parts[-1], name)
                cue = doc[e.start - 1].lower_ if e.start > 0 else ""
                cue = cue if cue in GENDERED else e[0].lower_
                if cue in GENDERED and parts:
                    self.gender.setdefault(parts[-1], GENDERED[cue])

    def resolve(self, span: Span) -> tuple[str | None, SourceKind, bool]:
        """(entity, kind, anonymous) of the source ``span``; records it for later pronouns."""
        entity, kind, anonymous = self._resolve(span)
        if entity and not anonymous:
            self.sources.append(Mention(entity, kind, span.text, kind in ("person", "official"), span.end_char))
        return entity, kind, anonymous

    def _resolve(self, span: Span) -> tuple[str | None, SourceKind, bool]:
        text = span.text.strip()
        low = text.lower()
        if low in PERSONAL_PRONOUNS:
            hit = self._latest_person(span.start_char, PERSONAL_PRONOUNS[low])
            return (hit.entity, hit.kind, False) if hit else (None, "person", False)
        if low in THING_PRONOUNS:
            hit = self._latest_thing(span.start_char)
            return (hit.entity, hit.kind, False) if hit else (None, "unknown", False)
        head = span.root
        if low in ("who", "which", "that") and head.head.dep_ == "relcl" and head.head.head is not head.head:
            noun = head.head.head  # "the ministry, which said ..." -> the ministry
            return self._resolve(self.doc[noun.left_edge.i : noun.i + 1])
        ents = [e for e in self.all_ents if span.start <= e.start and e.end <= span.end]
        persons = [e for e in ents if e.label_ == "PERSON"]
        if head.lower_ in ANONYMOUS_HEADS and not persons and _is_indefinite(span):
            # affiliation: named in the span ("a senior U.S. official"), else the state or body that spoke
            # last in the same sentence ("Ukraine did not confirm ..., but officials did announce ...")
            affiliation = _affiliation(span, ents) or self._sentence_body(span)
            if affiliation is None and any(t.lower_ in ("second", "another", "other", "third") for t in span):
                affiliation = self.last_anonymous  # "a second official" works where the first one did
            self.last_anonymous = affiliation
            return affiliation, "anonymous", True
        if persons:
            name = _person_name(persons[-1])
            parts = name.split()
            if len(parts) == 1 and parts[0] in self.surnames:
                name = self.surnames[parts[0]]
            titled = any(t.lower_ in TITLES for t in span if t.ent_type_ != "PERSON")
            known, kind = canonical_entity(name)
            if known and kind != "unknown":
                return known, kind, False
            previous = self._by_name(name)
            if previous is not None:
                return previous.entity, previous.kind, False
            return name, ("official" if titled else "person"), False
        entity, kind = canonical_entity(text)
        if entity is None or (kind == "state" and any(e.label_ in ("ORG", "FAC") for e in ents)):
            # named bodies before countries: "French outlet Le Figaro" is Le Figaro, not France
            for e in sorted(ents, key=lambda e: e.label_ not in ("ORG", "FAC")):
                if e.label_ in ("ORG", "GPE", "NORP", "FAC"):
                    entity, kind = canonical_entity(e.text)
                    if entity is None and e.label_ in ("ORG", "FAC"):
                        entity, kind = _strip_det(e.text), _org_kind(text)
                    if entity:
                        break
        if entity is None and low.startswith("the ") and head.lower_ in SHORT_FORMS:
            hit = self._latest_with(head.lower_, span.start_char)
            if hit:
                return hit.entity, hit.kind, False
        if entity is None and span.root.pos_ == "PROPN":
            entity, kind = _strip_det(text), _org_kind(text)
        if entity is not None and kind == "state" and any(w in low for w in GOVERNMENT_WORDS):
            kind = "government"
        if entity is not None and kind == "state" and head.lower_ in MILITARY_WORDS:
            kind = "military"  # "Ukraine's southern defence forces"
        if head.lower_ in TITLES and kind in ("state", "government", "military", "unknown"):
            kind = "official"  # "the regional governor", "Ukraine's air force commander": an office holder
        elif entity is None and head.lower_ in GOVERNMENT_WORDS | {"authorities", "prosecutor", "police"}:
            kind = "government"  # "the regional administration"
        elif entity is None and head.lower_ in MILITARY_WORDS:
            kind = "military"
        return entity, kind, False

    def _sentence_body(self, span: Span) -> str | None:
        start = span.sent.start_char
        for m in reversed(self.sources):
            if start <= m.end <= span.start_char and m.kind in ("state", "government", "military"):
                return m.entity
        return None

    def _latest_person(self, before: int, gender: str | None = None) -> Mention | None:
        """The most recent person before ``before`` whose known gender does not contradict the pronoun."""
        candidates: list[Mention] = [m for m in self.sources if m.person and m.end <= before]
        for e in self.ents:
            # subjects are the salient mentions: "Trump commented on Crutcher's death. He told ..." -> Trump
            if e.label_ == "PERSON" and e.end_char <= before and e.root.dep_ in ("nsubj", "nsubjpass"):
                name = _person_name(e)
                parts = name.split()
                if len(parts) == 1 and parts[0] in self.surnames:
                    name = self.surnames[parts[0]]
                prior = self._by_name(name)
                kind: SourceKind = prior.kind if prior else "person"
                candidates.append(Mention(name, kind, e.text, True, e.end_char))
        for m in sorted(candidates, key=lambda m: m.end, reverse=True):
            known = self.gender.get(m.entity.split()[-1]) if m.entity else None
            if gender is None or known is None or known == gender:
                return m
        return None

    def _latest_thing(self, before: int) -> Mention | None:
        """The most recent non-person source or subject organisation / country before ``before``."""
        candidates = [m for m in self.sources if not m.person and m.end <= before]
        for subjects_only in (True, False):  # subjects first; any organisation or country if none
            for e in self.ents:
                if e.label_ not in ("ORG", "GPE") or e.end_char > before:
                    continue
                if subjects_only and e.root.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                entity, kind = canonical_entity(e.text)
                if entity is None:
                    entity, kind = _strip_det(e.text), _org_kind(e.text)
                candidates.append(Mention(entity, kind, e.text, False, e.end_char))
            if candidates:
                break
        return max(candidates, key=lambda m: m.end, default=None)

    def _latest_with(self, noun: str, before: int) -> Mention | None:
        for m in reversed(self.sources):
            if m.end <= before and (noun in m.text.lower() or noun in m.entity.lower()):
                return m
        return None

    def _by_name(self, name: str) -> Mention | None:
        for m in reversed(self.sources):
            if m.entity == name:
                return m
        return None


def _strip_det(text: str) -> str:
    low = text.lower()
    for d in _DETERMINERS:
        if low.startswith(d):
            return text[len(d) :]
    return text


def _person_name(ent: Span) -> str:
    """A PERSON entity without titles, with first names the tagger left out ("Minister Rustem [Umerov]")."""
    doc = ent.doc
    start = ent.start
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and not doc[start - 1].ent_type_
        and doc[start - 1].lower_ not in TITLES
        and doc[start - 1].text[:1].isupper()
    ):
        start -= 1
    words = [t.text for t in doc[start : ent.end] if t.lower_ not in TITLES]
    return _POSSESSIVE.sub("", " ".join(words)).strip() or ent.text


def _org_kind(text: str) -> SourceKind:
    low = text.lower()
    if any(w in low.split() for w in OUTLET_WORDS):
        return "outlet"
    if any(w in low for w in MILITARY_WORDS):
        return "military"
    if any(w in low for w in GOVERNMENT_WORDS):
        return "government"
    return "organization"


def _is_indefinite(span: Span) -> bool:
    first = span[0].lower_
    return first in _INDEFINITE or (span.root.tag_ in ("NNS", "NNPS") and first != "the") or first == span.root.lower_


def _affiliation(span: Span, ents: list[Span]) -> str | None:
    """Who an anonymous source works for: the country or body named inside the span."""
    for t in span:
        if t.ent_type_ in ("GPE", "NORP") or t.pos_ == "PROPN":
            country = country_of(t.text)
            if country:
                return country
    for e in ents:
        entity, _ = canonical_entity(e.text)
        if entity:
            return entity
    return None


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
        return "asserts"  # "did not deny" concedes rather than denies
    stance = STANCE_BY_LEMMA.get(lem)
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
        if entity is None and c.ent_type_ == "ORG" and _org_kind(text) == "outlet":
            entity, kind = _strip_det(text), "outlet"
        if entity and kind == "outlet" and entity not in out:
            out.append(entity)
    return out


def _said_on(doc: Doc, a: Attribution, published: date | None, dates: list[Span]) -> str | None:
    """Date of the statement: a DATE phrase hanging on the cue verb, outside the content."""
    head = doc[a.head]
    inside = [range(s, e) for s, e in a.contents]
    for ent in dates:
        if any(ent.start in r for r in inside):
            continue
        root = ent.root
        anchor = root.head if root.dep_ == "pobj" else root
        if anchor.head.i == head.i and anchor.i != head.i or root.head.i == head.i:
            found = resolve_date(ent.text, published)
            if found is not None:
                return found.value
    return None


def _doc_length(doc: Doc) -> int:
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def find_claims(doc: Doc) -> list[Claim]:
    """Every attribution in ``doc``; ``doc._.article`` gives the article-level ``via``."""
    article: Article | None = doc._.article if doc.has_extension("article") else None
    published = article.published_date() if article is not None else None
    article_via = list(article.via) if article else []
    publisher = (article.publisher or "").lower() if article else ""
    quotes = Quotes(doc)
    resolver = SourceResolver(doc, quotes)
    # spaCy rebuilds Doc.text on every access; the article's text is the same string when the doc was made from it
    text = article.text if article is not None and len(article.text) == _doc_length(doc) else doc.text
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    found = sorted(find_attributions(doc, quotes=quotes), key=lambda a: a.cue[0])
    claims: list[Claim] = []
    for a in found:
        source: Source | None = None
        if a.source is not None:
            span = doc[a.source[0] : a.source[1]]
            entity, kind, anonymous = resolver.resolve(span)
            if entity and entity.lower() == publisher:
                kind = "outlet"  # "Northgate Wire reports ...": the publisher speaking
            source = Source(
                text=span.text, span=_char_span(doc, *a.source), entity=entity, kind=kind, anonymous=anonymous
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
                stance=_stance(doc, a, ctext),
                via=via,
                said_on=_said_on(doc, a, published, dates),
            )
        )
    claims.sort(key=lambda c: min([c.cue.span[0], *(s for s, _ in c.content.spans)]))
    for n, c in enumerate(claims, 1):
        c.id = f"c{n}"
    return claims
