"""Who a source span is: named people, institutions, anonymous and generic voices, pronouns and short forms.

``SourceResolver`` walks an article's attributions in text order and gives each source span an entity:

- **people**: titles and appositives dropped ("Russian President Vladimir Putin" -> Vladimir Putin; "X, an
  adviser to President Y" is X), a surname alone completed from the full name seen earlier in the article,
  a title before capitalised words read as a name ("Mayor Ana Ruiz");
- **institutions** through ``canonical_entity``; a state body named without its state ("the defence
  ministry", "the General Staff", "local authorities") belongs to the state the article is about;
- **anonymous** sources keep their affiliation ("a senior U.S. official" -> United States; "officials" ->
  the state that spoke last, else the article's state); **generic** civilian voices keep their own label
  ("residents", "local media", "witnesses"): they speak for no state;
- **pronouns and short forms** ("it also said", "he added", "the ministry said", "the governor said") go to
  the nearest compatible antecedent: a person for he/she, an organisation or state for it/they, a mention
  containing the noun for a short form. Speakers come first: the names a speaker talks about inside an
  attributed content are not antecedents of the next "it said".

No coreference model is available offline; in news prose these recency rules pick the right antecedent most
of the time (bench/attribution.py and bench/realnews.py measure it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimtrack.extract.claims_lexicon import (
    ANONYMOUS_HEADS,
    CIVILIAN_HEADS,
    GENDERED,
    GENERIC_HEADS,
    GOVERNMENT_WORDS,
    MILITARY_WORDS,
    OFFICIAL_HEADS,
    PERSONAL_PRONOUNS,
    SHORT_FORMS,
    THING_PRONOUNS,
    TITLES,
)
from claimtrack.extract.entities import canonical_entity, country_of, institution_of
from claimtrack.extract.quotes import Quotes
from claimtrack.extract.source_names import (
    _NAME_WORD,
    _POSSESSIVE,
    _affiliation,
    _generic_label,
    _is_indefinite,
    _join,
    _name_run,
    _person_name,
    _state_of,
    _strip_possessor,
    org_kind,
    strip_det,
)
from claimtrack.models import SourceKind

_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."})  # courtesy, not office


def _office(t: Token) -> bool:
    return t.text[:1].isupper() and t.lower_ in TITLES and t.lower_ not in _HONORIFICS


_STATE_KINDS = ("state", "government", "military", "official")
_BODY_HEADS = frozenset(
    {"staff", "ministry", "force", "forces", "guard", "service", "committee", "police", "statement"}
)


@dataclass
class Mention:
    """A resolved source seen so far: what pronouns and short forms can point back to."""

    entity: str
    kind: SourceKind
    text: str
    person: bool
    end: int  # char offset, for recency


class SourceResolver:
    """Resolves source spans to entities, remembering earlier mentions for pronouns and short forms."""

    def __init__(self, doc: Doc, quotes: Quotes, contents: list[tuple[int, int]] | None = None) -> None:
        self.doc = doc
        self.sources: list[Mention] = []
        self.surnames: dict[str, str] = {}
        # a PERSON's name is read once per resolver: the office check asks it of every person for each source
        self._names: dict[tuple[int, int], str] = {}
        self.last_anonymous: str | None = None
        # token ranges of attributed contents: what speakers talk about, not who speaks next
        self.contents = sorted(contents or [])
        self.all_ents = list(doc.ents)  # Span.ents rescans the doc on every call: slice this list instead
        # names inside quotations or attributed contents are what a speaker talks about: not antecedents
        self.ents = [
            e
            for e in self.all_ents
            if e.label_ in ("PERSON", "ORG", "GPE", "NORP") and not quotes.inside(e.start) and not self._quoted(e)
        ]
        self.gender: dict[str, str] = {}  # surname -> "m"/"f", from honorifics and gendered titles
        for e in self.all_ents:
            if e.label_ == "PERSON":
                name = self._person_name(e)
                parts = name.split()
                if len(parts) >= 2:
                    self.surnames.setdefault(parts[-1], name)
                cue = doc[e.start - 1].lower_ if e.start > 0 else ""
                cue = cue if cue in GENDERED else e[0].lower_
                if cue in GENDERED and parts:
                    self.gender.setdefault(parts[-1], GENDERED[cue])
        self._country: str | None = None
        self._country_done = False

    def _quoted(self, e: Span) -> bool:
        return any(s <= e.start and e.end <= t for s, t in self.contents)

    # --- the article's state ------------------------------------------------------------------------

    def article_country(self) -> str | None:
        """The state the article is about: where most of its places lie (``doc._.places``, found before
        claims), else the state it names most. Unnamed "officials" and "the defence ministry" are its."""
        if not self._country_done:
            counts: Counter[str] = Counter()
            places = self.doc._.places if self.doc.has_extension("places") else None
            for p in places or []:
                c = country_of(p.country) if p.country else None
                if c:
                    counts[c] += 1
            if not counts:
                for e in self.all_ents:
                    if e.label_ in ("GPE", "NORP"):
                        c = country_of(e.text)
                        if c:
                            counts[c] += 1
            self._country = counts.most_common(1)[0][0] if counts else None
            self._country_done = True
        return self._country

    def context_country(self, before: int) -> str | None:
        """The state of the latest state source before ``before``, else the article's state."""
        for m in reversed(self.sources):
            if m.end <= before and m.kind in _STATE_KINDS:
                c = _state_of(m.entity)
                if c:
                    return c
        return self.article_country()

    # --- resolution ----------------------------------------------------------------------------------

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
        surname = self._surname(span)
        if surname is not None:
            return surname
        if head.lower_ in ANONYMOUS_HEADS and not persons and _is_indefinite(span):
            return self._anonymous(span, ents)
        group = self._known_group(span, ents)
        if group is not None and not any(e.start <= head.i < e.end for e in persons):
            return group
        if any(e.start <= head.i < e.end for e in persons):
            return self._person(span, persons)
        named = self._titled_name(span)
        if named is not None:
            return named, "official", False
        if persons:
            return self._person(span, persons)
        entity, kind = canonical_entity(text)
        if entity is None and head.lower_ in _BODY_HEADS:
            country = self.context_country(span.start_char)
            if country:
                entity, kind = institution_of(_strip_possessor(span), country)
        if entity is None or (kind == "state" and any(e.label_ in ("ORG", "FAC") for e in ents)):
            # named bodies before countries: "French outlet Le Figaro" is Le Figaro, not France
            for e in sorted(ents, key=lambda e: e.label_ not in ("ORG", "FAC")):
                if e.label_ in ("ORG", "GPE", "NORP", "FAC"):
                    entity, kind = canonical_entity(e.text)
                    if entity is None and e.label_ in ("ORG", "FAC"):
                        entity, kind = strip_det(e.text), org_kind(text)
                    if entity:
                        break
        if entity is None and head.lower_ in SHORT_FORMS and span[0].lower_ in ("the", "its", "their"):
            hit = self._latest_with(head.lower_, span.start_char)
            if hit:
                return hit.entity, hit.kind, False
        state_words = GOVERNMENT_WORDS | MILITARY_WORDS | OFFICIAL_HEADS
        if entity is None and (head.lower_ in state_words or any(c.lower_ in state_words for c in head.lefts)):
            # a state body without its state: the state the article is about
            country = self.context_country(span.start_char)
            if country:
                entity, kind = institution_of(text, country)
                if entity is None and head.lower_ in OFFICIAL_HEADS | {"government", "administration"}:
                    entity, kind = country, "government"  # "local authorities": the state's, unnamed
        if entity is None and head.lower_ in GENERIC_HEADS:
            return _generic_label(span), "anonymous", True
        if entity is None and span.root.pos_ == "PROPN":
            entity, kind = strip_det(text), org_kind(text)
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

    def _anonymous(self, span: Span, ents: list[Span]) -> tuple[str | None, SourceKind, bool]:
        if span.root.lower_ in CIVILIAN_HEADS:
            return _generic_label(span), "anonymous", True  # residents and witnesses speak for no state
        # affiliation: named in the span ("a senior U.S. official"), else the state or body that spoke
        # last in the same sentence ("Ukraine did not confirm ..., but officials did announce ...")
        affiliation = _affiliation(span, ents) or self._sentence_body(span)
        if affiliation is None and any(t.lower_ in ("second", "another", "other", "third") for t in span):
            affiliation = self.last_anonymous  # "a second official" works where the first one did
        if affiliation is None and span.root.lower_ in OFFICIAL_HEADS:
            affiliation = self.article_country()  # unnamed officials speak for the article's state
        self.last_anonymous = affiliation
        return affiliation or _generic_label(span), "anonymous", True

    def _person_name(self, ent: Span) -> str:
        key = (ent.start, ent.end)
        if key not in self._names:
            self._names[key] = _person_name(ent)
        return self._names[key]

    def _person(self, span: Span, persons: list[Span]) -> tuple[str | None, SourceKind, bool]:
        # the person the span is about: the one holding its head ("X, an adviser to President Y" is X)
        main = next((e for e in persons if e.start <= span.root.i < e.end), persons[0])
        name = self._person_name(main)
        parts = name.split()
        if len(parts) == 1 and parts[0] in self.surnames:
            name = self.surnames[parts[0]]
        titled = any(t.lower_ in TITLES for t in span if t.ent_type_ != "PERSON")
        # an office written just before the name anywhere in the article, outside the source phrase ("Governor X
        # said ..."; later "X wrote")
        office = any(
            e.label_ == "PERSON" and e.start > 0 and self._person_name(e) == name and _office(e.doc[e.start - 1])
            for e in [main, *self.all_ents]
        )
        titled = titled or office
        known, kind = canonical_entity(name)
        if known and kind != "unknown":
            return known, kind, False
        previous = self._by_name(name)
        if previous is not None:
            # a title given at any mention makes the person an office holder ("X said", then "Governor X said")
            upgrade = previous.kind == "person" and (office or any(t.lower_ in TITLES - _HONORIFICS for t in span))
            return previous.entity, ("official" if upgrade else previous.kind), False
        if len(parts) >= 2:
            self.surnames.setdefault(parts[-1], name)
        return name, ("official" if titled else "person"), False

    def _known_group(self, span: Span, ents: list[Span]) -> tuple[str, SourceKind, bool] | None:
        """A body the knowledge base knows by an acronym or name inside a long span: "the Pakistani
        militant group (TTP)" -> its entry."""
        for piece in [*(e.text for e in ents), *(t.text for t in span if t.is_upper and len(t) >= 2)]:
            hit = canonical_entity(piece)
            if hit[0] is not None and hit[1] in ("organization", "military"):
                return hit[0], hit[1], False
        return None

    def _surname(self, span: Span) -> tuple[str, SourceKind, bool] | None:
        """A lone capitalised word that is the surname of a person named in full earlier in the article."""
        words = [t for t in span if not t.is_punct and t.lower_ not in ("'s", "’s")]
        if len(words) != 1 or not words[0].text[:1].isupper():
            return None
        full = self.surnames.get(_POSSESSIVE.sub("", words[0].text))
        if full is None:
            return None
        known, kind = canonical_entity(full)
        if known and kind != "unknown":
            return known, kind, False
        previous = self._by_name(full)
        return full, (previous.kind if previous else "person"), False

    def _titled_name(self, span: Span) -> str | None:
        """A name the tagger missed: capitalised words right after a title ("Mayor Ana Ruiz"), or before an
        appositive title ("Ana Ruiz, head of the regional administration")."""
        toks = list(span)
        for i, t in enumerate(toks[:-1]):
            if t.lower_ in TITLES and t.text[:1].isupper():
                name = _name_run(toks, i + 1)
                if name and canonical_entity(name)[0] is None:
                    return name
        root = span.root
        appos = [c for c in root.children if c.dep_ == "appos" and c.lower_ in TITLES | {"head", "chief"}]
        if root.pos_ == "PROPN" and appos and root.ent_type_ not in ("ORG", "GPE", "NORP"):
            start = root.i
            while (
                start > span.start
                and self.doc[start - 1].dep_ == "compound"
                and _NAME_WORD.match(self.doc[start - 1].text)
            ):
                start -= 1
            words = self.doc[start : root.i + 1]
            if 2 <= len(words) <= 4 and all(_NAME_WORD.match(w.text) for w in words):
                return _join(words)
        return None

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
                name = self._person_name(e)
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
        """The most recent non-person source before ``before``; else the latest subject organisation or
        country outside attributed contents."""
        speakers = [m for m in self.sources if not m.person and m.end <= before]
        if speakers:
            return speakers[-1]
        candidates: list[Mention] = []
        for subjects_only in (True, False):  # subjects first; any organisation or country if none
            for e in self.ents:
                if e.label_ not in ("ORG", "GPE") or e.end_char > before:
                    continue
                if subjects_only and e.root.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                entity, kind = canonical_entity(e.text)
                if entity is None:
                    entity, kind = strip_det(e.text), org_kind(e.text)
                candidates.append(Mention(entity, kind, e.text, False, e.end_char))
            if candidates:
                break
        return max(candidates, key=lambda m: m.end, default=None)

    def _latest_with(self, noun: str, before: int) -> Mention | None:
        for m in reversed(self.sources):
            if m.end <= before and (noun in m.text.lower() or noun in m.entity.lower()):
                return m
        # "the governor said": the latest person introduced with that title ("Governor Ana Ruiz", "Ana Ruiz,
        # the regional governor"), even where that name stood inside what someone said
        for e in reversed(self.all_ents):
            if e.label_ != "PERSON" or e.end_char > before:
                continue
            near = self.doc[max(0, e.start - 4) : min(len(self.doc), e.end + 6)]
            if any(t.lower_ == noun for t in near):
                name = self._person_name(e)
                full = self.surnames.get(name, name) if len(name.split()) == 1 else name
                return Mention(full, "official", e.text, True, e.end_char)
        return None

    def _by_name(self, name: str) -> Mention | None:
        for m in reversed(self.sources):
            if m.entity == name:
                return m
        return None
