"""An event's sides (initiator and target) from the dependency parse, with named fallbacks."""

from __future__ import annotations

import re

import pycountry
from spacy.tokens import Doc, Span, Token

from claimtrack.extract.entities import canonical_entity, country_of
from claimtrack.extract.events.common import (
    GOVERNING_TYPES,
    NAMED_LABELS,
    SPEECH_TYPES,
    STRIKE_FAMILY,
    VENUE_TYPES,
    Draft,
    claims_covering,
    token_at,
)
from claimtrack.extract.events.persons import person_side, subject_role
from claimtrack.extract.weapons import find_weapons
from claimtrack.kb import load as load_kb
from claimtrack.models import (
    Actor,
    Claim,
    Place,
)

_ATTACK_VERBS = frozenset({"launch", "fire", "strike", "attack", "shell", "bomb", "hit", "target", "use", "send",
                           "pound", "raid", "shoot", "kill", "capture", "seize", "storm", "deploy",
                           "authorize", "authorise", "approve", "threaten", "vow", "receive", "deliver", "supply",
                           "sanction", "arrest", "detain", "kidnap", "abduct", "protest", "sign", "agree", "warn",
                           "accuse", "expel"})  # fmt: skip
_TARGET_PREPS = ("at", "on", "against", "into", "in", "toward", "towards")


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
    """Canonical entity of a noun phrase: the whole phrase, then any part of it (a person only through
    ``person_side``, where the name stands as a person)."""
    text = span.text
    ent, kind = canonical_entity(text)
    if ent and kind in ("state", "government", "military", "organization"):
        return ent
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


def speaker_side(tok: Token) -> Actor | None:
    """ "X said it had shot down ...", "X said they struck ...": the pronoun subject of the reported clause is the
    speaking side, when the speaker is a named state, body, group or official."""
    if tok.lower_ not in ("it", "they", "we"):
        return None
    cur = tok.head
    for _ in range(3):
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in _REPORT_LEMMAS:
            spk = next((c for c in cur.head.children if c.dep_ == "nsubj"), None)
            if spk is None or spk.pos_ not in ("NOUN", "PROPN"):
                return None
            entity = _entity_of(_np(spk))
            if entity:
                return Actor(text=_np(spk).text.removeprefix("the ").removeprefix("The "), entity=entity)
            return person_side(spk)
        if cur.head is cur or cur.dep_ not in ("aux", "xcomp", "conj"):
            break
        cur = cur.head
    return None


def _actor(span: Span) -> Actor:
    text = span.text.strip()
    if text.lower().startswith(("the ", "a ", "an ")) and len(span) > 1:
        text = span[1:].text
    return Actor(text=text, entity=_entity_of(span))


def predicate(tok: Token) -> Token:
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
            return c  # "the navy is due to get": the subject of the controlling verb
    # "X decided to deploy", "X threatened to strike": the subject of the governing verb
    if verb.dep_ in ("xcomp", "acl", "advcl", "conj", "relcl") and verb.head is not verb:
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return None
        if verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # "the cabinet's decision to deploy ...": the decision's owner acts
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


def actors(doc: Doc, sent: Span, d: Draft) -> tuple[Actor | None, Actor | None]:
    trig = token_at(doc, d.cue.start)
    if trig is None:
        return None, None
    # in a strike sentence the launching verb carries the actors, not the intercepting one
    verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in _ATTACK_VERBS]
    verb = predicate(trig)
    if d.type in STRIKE_FAMILY:
        launch = [v for v in verbs if v.lemma_.lower() in _LAUNCH_LEMMAS]
        if launch and verb.lemma_.lower() not in _LAUNCH_LEMMAS:
            verb = launch[0]  # the trigger's own attack verb ("Russia shelled ...") wins over an earlier one
    subj = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    if verb.lemma_.lower() in _DENY_LEMMAS and d.type not in SPEECH_TYPES and d.type not in GOVERNING_TYPES:
        subj = None  # "X denied reports of a strike": the denier did not strike
    owner = _poss(trig) or (_poss(verb) if verb.pos_ == "NOUN" else None)
    initiator = None
    if subj is not None and subj.pos_ in ("NOUN", "PROPN") and _party(subj):
        initiator = _actor(_np(subj))
        if initiator.entity is None and (person := person_side(subj)) is not None:
            initiator = person
    elif subj is not None and subj.pos_ == "PRON" and (said := speaker_side(subj)) is not None:
        initiator = said
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
    if tgt is None and d.type in GOVERNING_TYPES:
        comp = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
        tgt = _target_of(comp[0], comp[0]) if comp else None
    target = _actor(_np(tgt)) if tgt is not None and tgt.pos_ in ("NOUN", "PROPN") and _party(tgt) else None
    if target is not None and target.entity is None and tgt is not None:
        if d.type in VENUE_TYPES:
            target = None  # "met in Geneva": the place of a meeting is its venue, not a party to it
        else:
            target = Actor(
                text=_place_text(tgt) if tgt.pos_ == "NOUN" else target.text,
                entity=_place_country(doc, tgt, whole=True),
            )
        if target is not None and target.entity is None:
            if not (tgt.pos_ == "PROPN" or any(t.ent_type_ in NAMED_LABELS for t in _np(tgt))):
                target = None  # "into the fight": no one in particular
            elif tgt.ent_type_ in ("GPE", "LOC", "FAC") or _is_place(doc, tgt):
                target = None  # a place whose state is unknown: leave the target empty rather than guess
    if same_party(initiator, target):
        target = None
    return initiator, target


_ACTOR_LABELS = ("GPE", "NORP", "ORG", "PERSON")
# types whose nearest later entity is no party (a disaster, a protest's cause, a threat's backstory)
_NO_TARGET_TYPES = frozenset(
    {"natural_disaster", "man_made_disaster", "protest", "diplomatic_event", "agreement", "threat"}
)


def fallback_actors(drafts: list[Draft], sents: list[Span]) -> None:
    """After merging (a follow-up's speaker is no party): unresolved roles take the nearest named party."""
    for d in drafts:
        sent = sents[d.sent_index]
        if d.initiator is None:
            d.initiator = _nearest_entity(sent, d.cue.start, before=True)
            if d.initiator is not None and _denier(sent, d.cue.start, d.initiator):
                d.initiator = None
        if d.target is None and d.type not in _NO_TARGET_TYPES:
            d.target = _nearest_entity(sent, d.cue.end, before=False)
        if same_party(d.initiator, d.target):
            d.target = None


_SELF = frozenset({"it", "its", "they", "their", "we", "our"})
_DENY_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute", "rebuff", "disprove", "contest", "dispute"})


def _denier(sent: Span, char: int, actor: Actor) -> bool:
    """ "X denied that a drone crashed", "X rejected reports that ...": the side denying an event is no party to it."""
    tok = token_at(sent.doc, char)
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


_WHERE_PREPS = frozenset({"in", "at", "near", "with", "across", "inside", "outside", "around", "on", "over"})


def _in_place_phrase(tok: Token) -> bool:
    """A name inside a prepositional phrase of place ("in X's western region", "on the border with X")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "pobj" and cur.head.lower_ in _WHERE_PREPS:
            return True
        if cur.dep_ not in ("poss", "compound", "amod", "nmod", "pobj", "prep") or cur.head is cur:
            return False
        cur = cur.head
    return False


def _nearest_entity(sent: Span, char: int, before: bool) -> Actor | None:
    """Fallback actor: the named party nearest the trigger on one side, within its sentence."""
    ents = [e for e in sent.ents if e.label_ in _ACTOR_LABELS]
    ents = [e for e in ents if (e.end_char <= char if before else e.start_char >= char)]
    for e in reversed(ents) if before else ents:  # nearest first; stop at the first that can be a party
        if in_source(e.root):
            continue  # "..., Ukraine's air force said": the source of the report is no party to the event
        if before and e.label_ == "GPE" and _in_place_phrase(e.root):
            continue  # "in X's south", "on the border with X": where it happened, not who did it
        entity = _entity_of(e)
        if entity is None and e.label_ == "PERSON" and subject_role(e.root):
            person = person_side(e.root)
            entity = person.entity if person is not None else None
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


def in_source(tok: Token) -> bool:
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


def same_party(a: Actor | None, b: Actor | None) -> bool:
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


def side(entity: str | None) -> str | None:
    """The state an entity speaks for: "Ministry of Defence of Russia" -> Russia."""
    if entity is None:
        return None
    known = load_kb().by_name.get(entity)
    if known is not None and known.group and known.side:
        return known.side  # an armed group named "... of Colombia" is no body of that state
    m = re.search(r".*\bof (?:the )?(.+)$", entity)
    return country_of(m.group(1)) if m and country_of(m.group(1)) else (country_of(entity) or entity)


def same_actor(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or a.entity is None or b.entity is None or side(a.entity) == side(b.entity)


def speakers(doc: Doc, drafts: list[Draft], claims: list[Claim]) -> None:
    """A threat or accusation with no grammatical actor is the act of the source of the claim that states it."""
    for d in drafts:
        if d.type not in SPEECH_TYPES or (d.initiator is not None and d.initiator.entity):
            continue
        for c in claims_covering(claims, d.cue.start, d.cue.end):
            if c.source is not None and not c.source.anonymous:
                span = doc.char_span(c.source.span[0], c.source.span[1], alignment_mode="expand")
                entity = _entity_of(span) if span is not None else None
                d.initiator = Actor(text=c.source.text, entity=entity or c.source.entity)
                break
