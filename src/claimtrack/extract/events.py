"""Typed, dated, counted, attributed events of a document.

Pipeline over one ``Doc`` (after places and claims):

1. the trigger lexicon (``event_types.scan``) runs once over the text; each sentence's cues are ranked
   (``event_types.rank_types``) into one or more sentence events (one per type family);
2. sentence events about the same strike (same weapon, or an anaphoric follow-up) or the same statement
   (same type and initiator) are merged, so "launched six ATACMS" and "shot down five of the missiles"
   make one event with both figures;
3. each event gets its date (``time.resolve_date`` on the nearest date phrase, "two days after" chains),
   actors from the dependency parse, weapons, quantities tied to the claims that state them, modality,
   status from the claims' stances, and its location from ``places.event_location``;
4. events are ordered by salience: the document-level best type (lead-weighted lexicon score) first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

import pycountry
from spacy.tokens import Doc, Span, Token

from claimtrack.extract import event_types as et
from claimtrack.extract.entities import canonical_entity, country_of
from claimtrack.extract.places import event_location
from claimtrack.extract.quantities import QuantityMention, find_quantities
from claimtrack.extract.time import DATE_EXPRESSION, number_value, resolve_date, shift
from claimtrack.extract.weapons import WeaponMention, distinct, find_weapons
from claimtrack.models import (
    AcledType,
    Actor,
    Article,
    Claim,
    Event,
    EventDate,
    Modality,
    Place,
    Quantity,
    Status,
    TextSpan,
    Weapon,
)

# one event per family and sentence: the remote-violence types describe one strike from several angles
STRIKE_FAMILY = frozenset(
    {"air_strike", "drone_strike", "missile_strike", "shelling", "interception", "explosive_attack",
     "grenade_attack", "suicide_bombing", "chemical_attack"}
)  # fmt: skip
_FAMILY = {t: ("strike" if t in STRIKE_FAMILY else t) for t in et.FINE_TYPES}
_PROTEST_FAMILY = ("protest", "protest_with_intervention", "force_against_protesters", "riot")
for _t in _PROTEST_FAMILY:
    _FAMILY[_t] = "protest"

_VIOLENT_TYPES = STRIKE_FAMILY | {
    "armed_clash",
    "attack_on_civilians",
    "abduction",
    "sexual_violence",
    "riot",
    "protest",
    "protest_with_intervention",
    "force_against_protesters",
    "arrest",
}
_NAMED_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
_VENUE_TYPES = frozenset({"diplomatic_event", "agreement", "protest"})
_MIN_SCORE = 2.0  # a sentence event needs more than one weak cue
_SECOND_RATIO = 0.5  # a second family in a sentence must score at least half of the first
# a strike-family sentence must say that something was done, not only name a weapon ("the missile has a range")
_ACTION_LEMMAS = frozenset(
    {"launch", "fire", "strike", "hit", "attack", "shell", "bomb", "intercept", "shoot", "down", "target", "kill",
     "destroy", "damage", "pound", "use", "explode", "detonate", "land", "fall", "crash", "raid", "blast", "injure",
     "wound", "shot", "rain", "drop", "struck", "airstrike", "strikes", "explosion", "bombing",
     "shelling", "interception", "assault", "barrage"}
)  # fmt: skip
# types a bare weapon noun can cue; the others are cued by words that already name an act ("suicide bomber")
_NOUN_ONLY_TYPES = frozenset({"missile_strike", "drone_strike", "shelling", "air_strike", "interception"})
_WEAPON_TYPE = {"missile": "missile_strike", "rocket": "shelling", "artillery": "shelling", "drone": "drone_strike",
                "bomb": "air_strike", "aircraft": "air_strike", "grenade": "grenade_attack",
                "explosive": "explosive_attack", "chemical": "chemical_attack"}  # fmt: skip
# heads of state and government of frequent conflict parties: a surname alone stands for its state as actor
_LEADERS = {
    "putin": "Russia", "zelensky": "Ukraine", "zelenskyy": "Ukraine", "zelenskiy": "Ukraine", "biden": "United States",
    "trump": "United States", "harris": "United States", "macron": "France", "starmer": "United Kingdom",
    "sunak": "United Kingdom", "kim jong un": "North Korea", "kim jong-un": "North Korea", "lukashenko": "Belarus",
    "erdogan": "Turkey", "netanyahu": "Israel", "xi jinping": "China", "xi": "China", "khamenei": "Iran",
    "pezeshkian": "Iran", "scholz": "Germany", "shoigu": "Russia", "lavrov": "Russia", "peskov": "Russia",
    "belousov": "Russia", "kuleba": "Ukraine", "sybiha": "Ukraine", "umerov": "Ukraine", "blinken": "United States",
    "austin": "United States",
}  # fmt: skip
_ATTACK_VERBS = frozenset({"launch", "fire", "strike", "attack", "shell", "bomb", "hit", "target", "use", "send",
                           "pound", "raid", "shoot", "kill", "capture", "seize", "storm", "deploy", "invite",
                           "authorize", "authorise", "approve", "threaten", "vow", "receive", "deliver", "supply",
                           "sanction", "arrest", "detain", "kidnap", "abduct", "protest", "sign", "agree", "warn",
                           "accuse", "expel"})  # fmt: skip
_TARGET_PREPS = ("at", "on", "against", "into", "in", "toward", "towards")
_AFTER = re.compile(
    r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week)s?\s+"
    r"(?P<dir>after|before|later|earlier)\b",
    re.I,
)
# types whose complement names another act ("threatened to strike", "authorized Ukraine to use")
_GOVERNING_TYPES = ("authorization", "threat", "demand", "rejection", "agreement")
_GOVERNING_LEMMAS = frozenset(
    {
        "authorize",
        "authorise",
        "approve",
        "allow",
        "permit",
        "threaten",
        "vow",
        "warn",
        "give",
        "greenlight",
        "demand",
        "urge",
        "reject",
        "refuse",
        "agree",
        "let",
    }
)
# figures each family may carry: an authorization does not own the missiles its sentence counts
_ROLES = {
    "strike": {"launched", "intercepted", "damaged", "hit", "missed", "killed", "injured", "destroyed"},
    "deployment": {"troops"}, "arms_transfer": {"delivered", "launched"}, "arrest": {"arrested"},
    "abduction": {"abducted", "killed", "injured"}, "protest": {"participants", "killed", "injured", "arrested"},
}  # fmt: skip
_VIOLENT_ROLES = {"killed", "injured", "destroyed", "damaged", "captured"}
_GENERIC_WEAPONS = frozenset(
    {
        "missile",
        "rocket",
        "drone",
        "bomb",
        "artillery",
        "long-range missile",
        "long-range weapon",
        "ballistic missile",
        "cruise missile",
    }
)
_SPEECH_TYPES = frozenset(
    {"threat", "accusation", "demand", "rejection", "claim_of_responsibility", "support", "pledge"}
)
_PLANNED = re.compile(
    r"\b(?:expected to|expects? to|plans? to|planned|planning to|scheduled to|set to|will|is to|are to|intends? to|"
    r"to receive|going to|would soon|due to)\b",
    re.I,
)


@dataclass
class _Draft:
    type: str
    score: float
    cue: et.Cue  # offsets into doc.text
    sent_index: int
    sents: list[int] = field(default_factory=list)
    weapons: list[WeaponMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    date: EventDate | None = None
    initiator: Actor | None = None
    target: Actor | None = None
    modality: Modality = "asserted"
    government_actor: bool = False
    triggers: list[tuple[int, int]] = field(default_factory=list)
    hits: bool = False  # a projectile reached something (for the ACLED outcome of a strike)
    intercepted: bool = False  # the text reports interceptions of it


def find_events(doc: Doc) -> list[Event]:
    """Events of ``doc`` ordered by salience; reads ``doc._.claims`` and ``doc._.places``."""
    text = _text(doc)
    if not text.strip():
        return []
    article: Article | None = doc._.article
    published = article.published_date() if article is not None else None
    claims: list[Claim] = doc._.claims or []
    places: list[Place] = doc._.places or []
    cues = [c for c in et.scan(text) if not _source_cue(doc, c)]
    if not cues:
        return []
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]

    by_sent: dict[int, list[et.Cue]] = {}
    for c in cues:
        by_sent.setdefault(bisect_right(starts, c.start) - 1, []).append(c)

    drafts: list[_Draft] = []
    for si, scues in sorted(by_sent.items()):
        drafts.extend(_sentence_drafts(doc, sents[si], si, scues, published))

    _speakers(doc, drafts, claims)
    main = _main_draft(text, cues, drafts, sents, starts, doc, published)
    if main is not None and main not in drafts:
        drafts.insert(0, main)
    drafts = _merge(drafts)
    _orphan_figures(drafts, sents)
    _relative_dates(text, drafts, starts)
    _speech_dates(drafts, sents, published)
    _fallback_actors(drafts, sents)

    for d in drafts:  # merging can bring a target from another sentence
        if _same_party(d.initiator, d.target):
            d.target = None
    lead = _holder(main, drafts)
    ordered = sorted(drafts, key=lambda d: (d is not lead, -_salience(d)))
    events = []
    for i, d in enumerate(ordered, start=1):
        events.append(_to_event(doc, d, f"e{i}", claims, places))
    return events


def _source_cue(doc: Doc, cue: et.Cue) -> bool:
    """ "..., diplomats said": a word of a reporting clause's subject names a source, not an event."""
    if cue.type in _VIOLENT_TYPES or cue.type.startswith("+"):
        return False
    tok = _token_at(doc, cue.start)
    return tok is not None and tok.pos_ in ("NOUN", "PROPN") and _in_source(tok)


def _text(doc: Doc) -> str:
    """``doc.text`` rebuilds the string on every access (O(doc)); keep it once per doc."""
    cached = doc.user_data.get("claimtrack_text")
    if cached is None:
        cached = doc.user_data["claimtrack_text"] = doc.text
    return str(cached)


def _holder(main: _Draft | None, drafts: list[_Draft]) -> _Draft | None:
    """The event that holds the main event's trigger once merging is done."""
    if main is None:
        return None
    key = (main.cue.start, main.cue.end)
    return next((d for d in drafts if d is main or key in d.triggers), None)


def _salience(d: _Draft) -> float:
    """Lead position, lexicon score, and the figures and weapons that make an event reportable."""
    return d.score / (1.0 + 0.15 * d.sent_index) + 0.5 * len(d.quantities) + 0.3 * len(d.weapons)


# --- sentence events --------------------------------------------------------------------------------


def _sentence_drafts(doc: Doc, sent: Span, si: int, scues: list[et.Cue], published: date | None) -> list[_Draft]:
    base = sent.start_char
    local = [et.Cue(c.type, c.start - base, c.end - base, c.weight) for c in scues]
    ranked = et.rank_types(sent.text, local, scale=3000.0)
    chosen: list[tuple[str, float, et.Cue]] = []
    families: set[str] = set()
    for fine, score, cue in ranked:
        fam = _FAMILY.get(fine, fine)
        if fam in families or score < _MIN_SCORE:
            continue
        if chosen and score < _SECOND_RATIO * chosen[0][1] and fine not in _GOVERNING_TYPES:
            continue
        chosen.append((fine, score, cue))
        families.add(fam)
        if len(chosen) == 3:
            break
    out = []
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    speech = [c for f, _, c in chosen if f in _GOVERNING_TYPES]
    for fine, score, cue in chosen:
        if fine in _NOUN_ONLY_TYPES and not (lemmas & _ACTION_LEMMAS):
            continue  # a weapon described, not used
        if fine not in _GOVERNING_TYPES and speech and _governed(doc, cue.start + base):
            continue  # "authorized Ukraine to launch strikes": the strike is what was authorized, not an event
        g = et.government_acts(sent.text, cue) if fine == "territory_change" else False
        doc_cue = et.Cue(fine, cue.start + base, cue.end + base, cue.weight)
        d = _Draft(fine, score, doc_cue, si, [si], government_actor=g)
        d.triggers.append((doc_cue.start, doc_cue.end))
        _fill(doc, d, sent, published)
        out.append(d)
    return out


def _main_draft(
    text: str,
    cues: list[et.Cue],
    drafts: list[_Draft],
    sents: list[Span],
    starts: list[int],
    doc: Doc,
    published: date | None,
) -> _Draft | None:
    """The event the whole text is about: the document-level best type, at its strongest cue."""
    ranked = et.rank_types(text, cues)
    if not ranked:
        return drafts[0] if drafts else None
    fine, score, cue = ranked[0]
    fam = _FAMILY.get(fine, fine)
    si = bisect_right(starts, cue.start) - 1
    for d in drafts:
        if _FAMILY.get(d.type, d.type) == fam and d.sent_index == si:
            d.type = fine if fam != "strike" or d.type not in STRIKE_FAMILY else _strike_type(d, fine)
            d.score = max(d.score, score)
            if fine == "territory_change":
                d.government_actor = et.government_acts(text, cue)
            return d
    for d in drafts:
        if _FAMILY.get(d.type, d.type) == fam:
            d.score = max(d.score, score)
            return d
    # every text that describes an event yields one, even where the sentence filters dropped it,
    # but a weapon only described ("the missile has a range of ...") is still no event
    if fine in _NOUN_ONLY_TYPES and not any(
        t.lemma_.lower() in _ACTION_LEMMAS or t.lower_ in _ACTION_LEMMAS for t in doc
    ):
        return None
    d = _Draft(fine, score, cue, si, [si], government_actor=et.government_acts(text, cue))
    d.triggers.append((cue.start, cue.end))
    _fill(doc, d, sents[si], published)
    return d


def _strike_type(d: _Draft, fine: str) -> str:
    """A strike keeps the most specific remote-violence type among its cue and its weapons."""
    if fine in ("suicide_bombing", "chemical_attack", "grenade_attack"):
        return fine
    return d.type if d.type != "interception" else fine


def _fill(doc: Doc, d: _Draft, sent: Span, published: date | None) -> None:
    """Weapons, figures, date, actors and modality read from the draft's sentence."""
    text = _text(doc)
    memo: dict[str, list[WeaponMention]] = doc.user_data
    if "claimtrack_weapons" not in memo:
        memo["claimtrack_weapons"] = find_weapons(text)  # one pass per document, sliced per sentence
    d.weapons = distinct([w for w in memo["claimtrack_weapons"] if sent.start_char <= w.start < sent.end_char])
    roles = _roles_for(d.type)
    d.quantities = [q for q in find_quantities(sent) if q.role in roles]
    d.intercepted = d.type == "interception" or any(q.role == "intercepted" for q in d.quantities)
    d.hits = any(q.role in ("hit", "damaged", "killed", "injured", "destroyed") and q.value > 0 for q in d.quantities)
    if d.type in STRIKE_FAMILY:
        if re.search(r"\b(?:debris|fragments|landed|fell|hit|struck|damag\w+|exploded)\b", sent.text, re.I):
            d.hits = True
        launched = any(t.lemma_.lower() in ("launch", "fire", "send") for t in sent) or re.search(
            r"\b(?:fired|launched|sent) by\b", sent.text
        )
        if d.type == "interception" and launched:
            # the attacker is named: the event is their strike, the interception its outcome
            classes = [w.cls for w in d.weapons]
            for cls in ("missile", "drone", "rocket", "aircraft", "bomb"):
                if cls in classes:
                    d.type = _WEAPON_TYPE[cls]  # what was intercepted: the strike it belonged to
                    break
        elif d.type in ("missile_strike", "shelling", "drone_strike", "air_strike") and d.weapons:
            cls = d.weapons[0].cls
            if cls in ("missile", "drone") and d.type not in ("air_strike",):
                d.type = _WEAPON_TYPE[cls]
    d.date = _sentence_date(text, sent, d.cue, published)
    d.initiator, d.target = _actors(doc, sent, d)
    d.modality = _modality(sent, d)


def _governor(tok: Token) -> Token:
    """The verb that governs an event word, looking through an infinitive complement ("to launch")."""
    verb = _predicate(tok)
    if verb.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
        if verb.head.lemma_.lower() in _GOVERNING_LEMMAS:
            return verb.head
    return verb


def _governed(doc: Doc, char: int) -> bool:
    tok = _token_at(doc, char)
    if tok is None:
        return False
    return _governor(tok).lemma_.lower() in _GOVERNING_LEMMAS


def _roles_for(fine: str) -> set[str]:
    fam = _FAMILY.get(fine, fine)
    if fam in _ROLES:
        return _ROLES[fam]
    return _VIOLENT_ROLES if fine in et.ACLED and et.ACLED[fine] and fam not in ("agreement",) else set()


def _sentence_date(text: str, sent: Span, cue: et.Cue, published: date | None) -> EventDate | None:
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
    trig = _token_at(doc, cue.start)
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
        tok = _token_at(doc, start) if verb is not None else None
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


# --- actors ---------------------------------------------------------------------------------------


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _np(tok: Token) -> Span:
    """The noun phrase headed by ``tok`` without trailing clauses."""
    left = tok.left_edge.i
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("compound", "flat", "appos") or (c.dep_ == "prep" and c.lower_ == "of" and tok.pos_ == "PROPN"):
            right = max(right, c.right_edge.i)
    for c in tok.lefts:
        left = min(left, c.left_edge.i)
    return tok.doc[left : right + 1]


def _entity_of(span: Span) -> str | None:
    """Canonical entity of a noun phrase: the whole phrase, a leader's surname, then any part of it."""
    text = span.text
    ent, kind = canonical_entity(text)
    if ent and kind in ("state", "government", "military", "organization"):
        return ent
    low = text.lower()
    for name, state in _LEADERS.items():
        if re.search(r"\b" + re.escape(name) + r"\b", low):
            return state
    toks = [t for t in span if not t.is_punct]
    for n in (3, 2, 1):
        for i in range(len(toks) - n + 1):
            piece = " ".join(t.text for t in toks[i : i + n])
            ent, kind = canonical_entity(piece)
            if ent and kind in ("state", "government", "military", "organization"):
                return ent
            if n == 1 and toks[i].pos_ in ("ADJ", "PROPN", "NOUN") and (c := country_of(piece)):
                return c
    if span.root.ent_type_ == "GPE" or any(t.ent_type_ == "GPE" for t in span):
        return None
    return None


def _actor(span: Span) -> Actor:
    text = span.text.strip()
    if text.lower().startswith(("the ", "a ", "an ")) and len(span) > 1:
        text = span[1:].text
    return Actor(text=text, entity=_entity_of(span))


def _predicate(tok: Token) -> Token:
    """The verb an event word belongs to: itself, or the verb it is the object or subject of."""
    cur = tok
    for _ in range(5):
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if (
            cur.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr", "compound", "amod", "prep", "nmod", "appos")
            and cur.head is not cur
        ):
            cur = cur.head
        else:
            break
    return cur


def _subject(verb: Token, controlled: bool = False) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    for c in verb.children:
        if c.dep_ == "nsubj" or (controlled and c.dep_ == "nsubjpass"):
            return c  # "Ukraine is expected to receive": the subject of the controlling verb
    # "X decided to invite", "X threatened to strike": the subject of the governing verb
    if verb.dep_ in ("xcomp", "acl", "advcl", "conj", "relcl") and verb.head is not verb:
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return None
        if verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # "the Russian decision to invite ...": the decision's owner acts
        return _subject(verb.head, controlled=verb.dep_ == "xcomp")
    return None


def _poss(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "poss":
            return c
    return None


def _target_of(verb: Token, trigger: Token) -> Token | None:
    for head in (trigger, verb):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
                objs = [g for g in c.children if g.dep_ == "pobj" and not _temporal(g)]
                if objs:
                    return objs[0]
    for c in verb.children:
        if c.dep_ == "dobj" and c.pos_ in ("PROPN",) and not _temporal(c):
            return c
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and _place_country(c.doc, c, whole=True):
            return c  # "attacked the port of X": a place target, kept only through the state it is in
        if c.dep_ == "nsubjpass":
            return c
    return None


def _actors(doc: Doc, sent: Span, d: _Draft) -> tuple[Actor | None, Actor | None]:
    trig = _token_at(doc, d.cue.start)
    if trig is None:
        return None, None
    # in a strike sentence the launching verb carries the actors, not the intercepting one
    verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in _ATTACK_VERBS]
    verb = _predicate(trig)
    if d.type in STRIKE_FAMILY:
        launch = [v for v in verbs if v.lemma_.lower() in _LAUNCH_LEMMAS]
        if launch and verb.lemma_.lower() not in _LAUNCH_LEMMAS:
            verb = launch[0]  # the trigger's own attack verb ("Russia shelled ...") wins over an earlier one
    subj = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    if verb.lemma_.lower() in _DENY_LEMMAS and d.type not in _SPEECH_TYPES and d.type not in _GOVERNING_TYPES:
        subj = None  # "X denied reports of a strike": the denier did not strike
    owner = _poss(trig) or (_poss(verb) if verb.pos_ == "NOUN" else None)
    initiator = None
    if subj is not None and subj.pos_ in ("NOUN", "PROPN") and _party(subj):
        initiator = _actor(_np(subj))
    elif owner is not None:
        initiator = _actor(_np(owner))
    if initiator is not None and initiator.entity is None and subj is not None and subj.pos_ == "PRON":
        initiator = None
    tgt = _target_of(verb, trig)
    if d.type == "arms_transfer" and verb.lemma_.lower() in ("receive", "get", "obtain", "acquire"):
        # "Ukraine is to receive French jets": the recipient is the target, the supplier the initiator
        recipient = initiator
        supplier = None
        for t in verb.subtree:
            if t.dep_ == "pobj" and t.head.lower_ == "from":
                supplier = _actor(_np(t))
                break
            if t.dep_ == "amod" and country_of(t.text) and t.head.dep_ == "dobj":
                supplier = Actor(text=t.text, entity=country_of(t.text))
                break
        return supplier, recipient
    if tgt is None and d.type in _GOVERNING_TYPES:
        comp = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
        tgt = _target_of(comp[0], comp[0]) if comp else None
    target = _actor(_np(tgt)) if tgt is not None and tgt.pos_ in ("NOUN", "PROPN") and _party(tgt) else None
    if target is not None and target.entity is None and tgt is not None:
        if d.type in _VENUE_TYPES:
            target = None  # "met in Geneva": the place of a meeting is its venue, not a party to it
        else:
            target = Actor(
                text=_place_text(tgt) if tgt.pos_ == "NOUN" else target.text,
                entity=_place_country(doc, tgt, whole=True),
            )
        if target is not None and target.entity is None:
            if not (tgt.pos_ == "PROPN" or any(t.ent_type_ in _NAMED_LABELS for t in _np(tgt))):
                target = None  # "into the fight": no one in particular
            elif tgt.ent_type_ in ("GPE", "LOC", "FAC") or _is_place(doc, tgt):
                target = None  # a place whose state is unknown: leave the target empty rather than guess
    if _same_party(initiator, target):
        target = None
    return initiator, target


_ACTOR_LABELS = ("GPE", "NORP", "ORG", "PERSON")
# types whose nearest later entity is no party (a disaster, a protest's cause, a threat's backstory)
_NO_TARGET_TYPES = frozenset(
    {"natural_disaster", "man_made_disaster", "protest", "diplomatic_event", "agreement", "threat"}
)


def _fallback_actors(drafts: list[_Draft], sents: list[Span]) -> None:
    """After merging (a follow-up's speaker is no party): unresolved roles take the nearest named party."""
    for d in drafts:
        sent = sents[d.sent_index]
        if d.initiator is None:
            d.initiator = _nearest_entity(sent, d.cue.start, before=True)
            if d.initiator is not None and _denier(sent, d.cue.start, d.initiator):
                d.initiator = None
        if d.target is None and d.type not in _NO_TARGET_TYPES:
            d.target = _nearest_entity(sent, d.cue.end, before=False)
        if _same_party(d.initiator, d.target):
            d.target = None


_SELF = frozenset({"it", "its", "they", "their", "we", "our"})
_DENY_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute", "rebuff", "disprove", "contest", "dispute"})


def _denier(sent: Span, char: int, actor: Actor) -> bool:
    """ "X denied that a drone crashed", "X rejected reports that ...": the side denying an event is no party to it."""
    tok = _token_at(sent.doc, char)
    cur = tok
    for _ in range(8):
        if cur is None or cur.head is cur:
            return False
        cur = cur.head
        if cur.pos_ == "VERB" and cur.lemma_.lower() in _DENY_LEMMAS:
            if tok is not None and any(t.lower_ in _SELF for t in sent.doc[cur.i + 1 : tok.i]):
                return False  # "X denied that its forces shelled ...": the denier is the one accused
            subj = _subject(cur)
            return subj is not None and actor.text in _np(subj).text
    return False


def _nearest_entity(sent: Span, char: int, before: bool) -> Actor | None:
    """Fallback actor: the named party nearest the trigger on one side, within its sentence."""
    ents = [e for e in sent.ents if e.label_ in _ACTOR_LABELS]
    ents = [e for e in ents if (e.end_char <= char if before else e.start_char >= char)]
    for e in reversed(ents) if before else ents:  # nearest first; stop at the first that can be a party
        if _in_source(e.root):
            continue  # "..., Ukraine's air force said": the source of the report is no party to the event
        entity = _entity_of(e)
        if entity is None and e.root.dep_ == "compound" and e.root.head.pos_ == "NOUN":
            continue  # "the Belbek airbase", "the Azot plant": the name of a site, not of a party
        if entity is None:
            place = _place_country(sent.doc, e.root)
            if before and place is not None:
                continue  # a city does not act; the side holding it is not known from the text
            if place is None and e.label_ in ("GPE", "NORP", "LOC"):
                continue  # a place of unknown state: leave the role empty rather than guess
            entity = place
        return Actor(text=e.text, entity=entity)
    return None


_REPORT_LEMMAS = frozenset({"say", "tell", "add", "report", "state", "announce", "confirm", "claim", "write", "note"})


def _in_source(tok: Token) -> bool:
    """Whether ``tok`` is inside the subject of a reporting verb or an "according to" phrase."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "nsubj" and cur.head.lemma_.lower() in _REPORT_LEMMAS:
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ == "to" and cur.head.head.lower_ == "according":
            return True
        if cur.head is cur:
            return False
        cur = cur.head
    return False


_LAUNCH_LEMMAS = frozenset({"launch", "fire", "strike", "attack", "shell", "bomb", "target", "use", "hit", "send"})
_TEMPORAL_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "overnight", "night", "nightfall",
     "morning", "afternoon", "evening", "day", "days", "week", "weeks", "weekend", "month", "months", "year", "years",
     "today", "tonight", "yesterday", "tomorrow", "dawn", "midnight", "noon", "hour", "hours", "time", "decade",
     "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"}
)  # fmt: skip
# heads of noun phrases that name an act or an instrument, not a party ("a similar strike hit ...")
_NON_PARTY = frozenset(
    {"strike", "attack", "airstrike", "raid", "shelling", "bombardment", "barrage", "explosion", "blast", "assault",
     "operation", "offensive", "incident", "fire", "salvo", "wave", "missile", "drone", "rocket", "shell", "bomb",
     "projectile", "munition", "debris", "fragment", "package", "sanction", "decision", "move", "report", "statement",
     "escalation", "act", "step", "use", "war", "action"}
)  # fmt: skip


def _temporal(tok: Token) -> bool:
    """A date or time phrase ("on Sunday", "overnight", "last week") is never a party to an event."""
    if tok.lower_ in _TEMPORAL_WORDS or tok.lemma_.lower() in _TEMPORAL_WORDS:
        return True
    if tok.ent_type_ not in ("DATE", "TIME"):
        return False
    # the small model sometimes folds a city into a time phrase ("at Kyiv overnight"): a known place is no date
    return tok.pos_ != "PROPN" or not (_is_place(tok.doc, tok) or canonical_entity(tok.text)[0])


def _party(tok: Token) -> bool:
    """Whether a noun phrase head can be an initiator or target: no date, and no act or weapon unless it is owned
    by a named side ("Russian artillery", "Ukraine's strike")."""
    if _temporal(tok):
        return False
    if tok.lemma_.lower() in _NON_PARTY or tok.lower_ in _NON_PARTY or find_weapons(tok.text):
        return _entity_of(_np(tok)) is not None
    return True


def _same_party(a: Actor | None, b: Actor | None) -> bool:
    """Initiator and target are never one side: "Ukraine struck Crimea" does not target Ukraine."""
    if a is None or b is None:
        return False
    if a.text.lower() == b.text.lower():
        return True
    return a.entity is not None and b.entity is not None and side(a.entity) == side(b.entity)


def _is_place(doc: Doc, tok: Token) -> bool:
    places: list[Place] = doc._.places or []
    return any(p.span[0] <= tok.idx < p.span[1] for p in places)


def _place_text(tok: Token) -> str:
    """ "the port of Odesa" for a common-noun head with an of-complement, without the article."""
    span = _np(tok)
    of = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"]
    if of:
        span = tok.doc[span.start : of[0].right_edge.i + 1]
    if span[0].dep_ == "det" and len(span) > 1:
        span = span[1:]
    return span.text


def _place_country(doc: Doc, tok: Token, whole: bool = False) -> str | None:
    """A target named by a place ("the Belgorod region") stands for the state the place is in; ``whole`` also reads
    the phrase's of-complement ("the port of X")."""
    places: list[Place] = doc._.places or []
    span = _np(tok)
    if whole:
        of = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"]
        if of:
            span = doc[span.start : of[0].right_edge.i + 1]
    for p in places:
        if p.span[0] < span.end_char and span.start_char < p.span[1] and p.country:
            try:
                c = pycountry.countries.get(alpha_2=p.country)
            except (KeyError, LookupError):
                c = None
            if c is not None:
                return country_of(str(getattr(c, "common_name", None) or c.name)) or str(c.name)
    return None


# --- modality ---------------------------------------------------------------------------------------


def _modality(sent: Span, d: _Draft) -> Modality:
    if d.type == "threat":
        return "threatened"
    trig = None
    for t in sent:
        if t.idx <= d.cue.start < t.idx + len(t.text) + 1:
            trig = t
            break
    if trig is None:
        return "asserted"
    verb = _predicate(trig)
    window = _text(sent.doc)[max(sent.start_char, verb.idx - 60) : verb.idx + len(verb.text)]
    # "threatened to strike", "vowed to retaliate": the act is only threatened
    gov = _governor(trig)
    if gov is not verb and gov.lemma_.lower() in ("threaten", "vow", "warn"):
        return "threatened"
    for anc in [verb, *list(verb.ancestors)[:3]]:
        if any(c.lower_ in ("would", "could", "might") and c.dep_ == "aux" for c in anc.children):
            if anc is not verb and verb.dep_ in ("csubj", "nsubj", "advcl", "ccomp", "xcomp", "pcomp"):
                return "hypothetical"
    if any(c.dep_ == "neg" for c in verb.children):
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in verb.children) or re.search(
        r"\b(?:if|whether|unclear)\b[^.]{0,80}$", window, re.I
    ):
        return "hypothetical"
    if _PLANNED.search(window) or any(c.lower_ in ("will", "shall") and c.dep_ == "aux" for c in verb.children):
        return "planned"
    if any(c.lower_ in ("would", "could", "might") and c.dep_ == "aux" for c in verb.children):
        return "hypothetical"
    return "asserted"


# --- merging and dates across sentences -----------------------------------------------------------------


def side(entity: str | None) -> str | None:
    """The state an entity speaks for: "Ministry of Defence of Russia" -> Russia."""
    if entity is None:
        return None
    m = re.search(r".*\bof (?:the )?(.+)$", entity)
    return country_of(m.group(1)) if m and country_of(m.group(1)) else (country_of(entity) or entity)


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or a.entity is None or b.entity is None or side(a.entity) == side(b.entity)


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One event per strike and per statement, however many sentences tell it."""
    out: list[_Draft] = []
    for d in drafts:
        host = None
        for o in out:
            if o.modality != d.modality and "asserted" not in (o.modality, d.modality):
                continue
            if _FAMILY.get(o.type) == "strike" and _FAMILY.get(d.type) == "strike":
                named_o = {w.name for w in o.weapons if w.name not in _GENERIC_WEAPONS}
                named_d = {w.name for w in d.weapons if w.name not in _GENERIC_WEAPONS}
                shared = bool(named_o & named_d)
                anaphoric = not named_d and 0 <= d.sent_index - max(o.sents) <= 2
                if (shared or anaphoric) and _same_actor(o.initiator, d.initiator) and _compatible(o.date, d.date):
                    host = o
                    break
            elif o.type == d.type and d.type in ("threat", "authorization", "arms_transfer", "deployment"):
                near = d.sent_index - max(o.sents) <= 2
                same_voice = (
                    o.initiator is not None
                    and d.initiator is not None
                    and (o.initiator.text.lower() == d.initiator.text.lower())
                )
                if _same_actor(o.initiator, d.initiator) and _compatible(o.date, d.date) and (near or same_voice):
                    host = o
                    break
        if host is None:
            out.append(d)
            continue
        _absorb(host, d)
    return out


def _compatible(a: EventDate | None, b: EventDate | None) -> bool:
    if a is None or b is None:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def _absorb(host: _Draft, d: _Draft) -> None:
    host.sents.append(d.sent_index)
    host.triggers.extend(d.triggers)
    host.score = max(host.score, d.score)
    names = {w.name for w in host.weapons}
    host.weapons += [w for w in d.weapons if w.name not in names]
    host.weapons = distinct(host.weapons)
    seen = {(q.role, q.value, q.unit) for q in host.quantities}
    host.quantities += [q for q in d.quantities if (q.role, q.value, q.unit) not in seen]
    host.hits = host.hits or d.hits
    host.intercepted = host.intercepted or d.intercepted
    if d.date is not None and (host.date is None or len(d.date.value) > len(host.date.value)):
        host.date = d.date
    if host.initiator is None or host.initiator.entity is None and d.initiator is not None and d.initiator.entity:
        host.initiator = d.initiator or host.initiator
    if host.target is None or host.target.entity is None and d.target is not None and d.target.entity:
        host.target = d.target or host.target
    if host.type == "interception" and d.type in STRIKE_FAMILY:
        host.type = d.type
    elif d.type in ("suicide_bombing", "chemical_attack", "grenade_attack"):
        host.type = d.type


def _speakers(doc: Doc, drafts: list[_Draft], claims: list[Claim]) -> None:
    """A threat or accusation with no grammatical actor is the act of the source of the claim that states it."""
    for d in drafts:
        if d.type not in _SPEECH_TYPES or (d.initiator is not None and d.initiator.entity):
            continue
        for c in _claims_covering(claims, d.cue.start, d.cue.end):
            if c.source is not None and not c.source.anonymous:
                span = doc.char_span(c.source.span[0], c.source.span[1], alignment_mode="expand")
                entity = _entity_of(span) if span is not None else None
                d.initiator = Actor(text=c.source.text, entity=entity or c.source.entity)
                break


def _orphan_figures(drafts: list[_Draft], sents: list[Span]) -> None:
    """Figures in a sentence with no event of its own ("no casualties") belong to the strike told just before."""
    owned = {i for d in drafts for i in d.sents}
    for si, sent in enumerate(sents):
        if si in owned:
            continue
        prior = [d for d in drafts if d.type in STRIKE_FAMILY and any(0 < si - k <= 2 for k in d.sents)]
        if not prior:
            continue
        host = max(prior, key=lambda d: max(k for k in d.sents if k < si))
        roles = _roles_for(host.type)
        seen = {(q.role, q.value, q.unit) for q in host.quantities}
        for q in find_quantities(sent):
            if q.role in roles and (q.role, q.value, q.unit) not in seen:
                host.quantities.append(q)


def _relative_dates(text: str, drafts: list[_Draft], starts: list[int]) -> None:
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


def _speech_dates(drafts: list[_Draft], sents: list[Span], published: date | None) -> None:
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


# --- the contract --------------------------------------------------------------------------------------


def _claims_covering(claims: list[Claim], start: int, end: int) -> list[Claim]:
    return [c for c in claims if any(s <= start and end <= e for s, e in c.content.spans)]


def event_status(covering: list[Claim]) -> Status:
    stances = [c.stance for c in covering]
    # outlets that relay a party's claim confirm nothing; parties and other named sources do
    asserting = {
        side(c.source.entity or c.source.text) if c.source else None
        for c in covering
        if c.stance in ("asserts", "claims_responsibility", "accuses", "alleges")
        and c.source is not None
        and (c.source.kind != "outlet" or re.search(r"\bconfirm", c.cue.text, re.I))
        and not c.source.anonymous
    }
    if "denies" in stances:
        return "disputed" if asserting else "denied"
    if len({a for a in asserting if a}) >= 2:
        return "confirmed"
    return "claimed"


def _to_event(doc: Doc, d: _Draft, eid: str, claims: list[Claim], places: list[Place]) -> Event:
    text = _text(doc)
    covering: list[Claim] = []
    for s, e in d.triggers:
        for c in _claims_covering(claims, s, e):
            if c not in covering:
                covering.append(c)
    # "Ukraine did not immediately confirm the use of ATACMS": a denial or non-confirmation naming the
    # strike's weapon speaks about this strike even when its content does not repeat the trigger
    names = {w.lower() for wp in d.weapons for w in (wp.text, wp.name)} if d.type in STRIKE_FAMILY else set()
    for c in claims:
        if names and c not in covering and c.stance in ("denies", "does_not_confirm"):
            content = c.content.text.lower()
            if any(re.search(rf"\b{re.escape(n)}\b", content) for n in names):
                covering.append(c)
    covering.sort(key=lambda c: int(c.id[1:]) if c.id[1:].isdigit() else 0)
    quantities = []
    for q in d.quantities:
        stated = _claims_covering(claims, q.start, q.end)
        quantities.append(Quantity(role=q.role, value=q.value, unit=q.unit, claim=stated[0].id if stated else None))
    killed = [q.value for q in d.quantities if q.role == "killed"]
    injured = [q.value for q in d.quantities if q.role == "injured"]
    acled = et.acled_for(d.type, d.government_actor)
    if d.type in STRIKE_FAMILY and d.intercepted and not d.hits:
        acled = ("Strategic developments", "Disrupted weapons use")  # ACLED codes a fully foiled strike so
    if d.type == "interception":
        acled = ("Strategic developments", "Disrupted weapons use")
    try:
        location = event_location(doc, (d.cue.start, d.cue.end), places)
    except Exception:  # the places component is still growing; an event without a location beats none at all
        location = None
    return Event(
        id=eid,
        type=d.type,
        acled=AcledType(event_type=acled[0], sub_event_type=acled[1]) if acled else None,
        trigger=TextSpan(text=text[d.cue.start : d.cue.end], span=(d.cue.start, d.cue.end)),
        date=d.date,
        location=location,
        initiator=d.initiator,
        target=d.target,
        weapons=[Weapon(text=w.text, name=w.name) for w in d.weapons],
        quantities=quantities,
        fatalities=max(killed) if killed else None,
        injured=max(injured) if injured else None,
        modality=d.modality,
        status=_status(doc, d, covering),
        claims=[c.id for c in covering],
    )


# "X rejected / denied / dismissed reports that <event>": the sentence itself denies the event it reports
_DENIED_REPORT = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:ed|s|ing)?|dismiss(?:ed|es|ing)?|refut(?:ed|es|ing)|rebuff(?:ed|s)?)"
    r"\b(?:\s+[\w'-]+){0,3}?\s+(?:reports?|claims?|allegations?|accounts?|rumou?rs?|suggestions?|assertions?|"
    r"speculation)\s+(?:that|of)\b",
    re.I,
)


def _status(doc: Doc, d: _Draft, covering: list[Claim]) -> Status:
    """Status from the claims; an event inside "rejected reports that ..." is denied even when the claims
    component read the reports as the (unnamed) source of an assertion rather than the denier's content."""
    status = event_status(covering)
    if status not in ("claimed", "confirmed"):
        return status
    for s, _ in d.triggers:
        tok = _token_at(doc, s)
        if tok is None:
            continue
        sent = tok.sent
        m = _DENIED_REPORT.search(_text(doc), sent.start_char, s)
        if m is not None and not re.search(r"[;:]", _text(doc)[m.end() : s]):
            return "denied" if status == "claimed" else "disputed"
    return status


def case_label(event: Event) -> str:
    """CASE 2021 label of an event (for bench/events.py)."""
    acled = (event.acled.event_type, event.acled.sub_event_type) if event.acled else None
    return et.case_label(event.type, acled)
