"""Conflict-reporting frames the PolNeAR-trained cue model misses or misreads, from the parse.

``find_attributions`` learned its cues on political news; war reporting leans on a few frames of its own:

- **non-confirmations** ("Reuters could not independently verify the video", "the army spokesman did not
  answer emailed questions"): a claim with stance ``does_not_confirm``;
- **"as confirmed by X"** after a statement: X asserts the statement;
- **what a journalist saw** ("an AFP reporter saw ten bodies"): the reporter's own observation, a claim;
- **acts, not reports**: a declared day of mourning or state of emergency, an agreement, a question
  ("Asked whether ...", "..., residents asked") are not claims about what happened;
- **stances by what the content says**: a party saying it attacked claims responsibility; a party saying
  its forces will crush someone threatens; "called for a ceasefire" is a demand (``other``); "attributed the
  blast to X" accuses.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimtrack.extract.attribution import Attribution
from claimtrack.extract.claims_lexicon import (
    ANONYMOUS_HEADS,
    PERCEPTION_VERBS,
    REPORTER_HEADS,
    SHORT_FORMS,
    TITLES,
)
from claimtrack.extract.quotes import QUOTES, Quotes, extend_quotes
from claimtrack.extract.time import DATE_EXPRESSION
from claimtrack.models import Stance

_TRAILING = frozenset({"say", "report", "add", "announce", "state", "write", "tell", "confirm", "claim", "post"})
_NAMING = frozenset({"describe", "call", "term", "label", "brand", "characterize", "characterise"})
_PASSIVE_CUES = frozenset({"dispute", "deny", "reject", "confirm", "report", "contest", "refute"})
_VERIFY = frozenset({"verify", "confirm", "respond", "comment", "corroborate"})
_WATCHED = _VERIFY | _TRAILING | _NAMING | _PASSIVE_CUES | PERCEPTION_VERBS  # every lemma a frame below starts from
_DECLARED_ACTS = frozenset({"declare", "proclaim", "impose", "announce", "order"})
_ACT_NOUNS = frozenset(
    {
        "mourning",
        "emergency",
        "curfew",
        "law",
        "holiday",
        "lockdown",
        "ceasefire",
        "truce",
        "evacuation",
        "mobilisation",
        "mobilization",
    }
)
_QUESTION_CUES = frozenset({"ask", "wonder", "inquire", "enquire"})
_ATTACK_VERBS = frozenset(
    {"attack", "strike", "hit", "bomb", "shell", "kill", "target", "ambush", "raid", "storm", "assault", "destroy"}
)
_ATTACK_NOUNS = frozenset(
    {
        "attack",
        "attacks",
        "strike",
        "strikes",
        "bombing",
        "bombings",
        "killing",
        "killings",
        "assault",
        "raid",
        "raids",
        "ambush",
        "abduction",
        "kidnapping",
        "operation",
        "blast",
        "explosion",
    }
)
_HOSTILE = frozenset(
    {
        "crush",
        "destroy",
        "retaliate",
        "punish",
        "eliminate",
        "annihilate",
        "defeat",
        "avenge",
        "respond",
        "strike",
        "attack",
        "drive",
        "push",
        "wipe",
        "fight",
        "hit",
        "liberate",
    }
)
_DEMANDS = frozenset({"urge", "demand", "appeal", "implore"})
_SELF = frozenset({"it", "we", "they", "i", "he", "she", "our", "its", "their", "my", "his", "her"})
_SPEECH_OBJECTS = frozenset(
    {"policy", "plan", "decision", "remark", "remarks", "statement", "claim", "claims", "report", "idea", "proposal"}
)


def _negated(t: Token) -> bool:
    return any(c.dep_ == "neg" for c in t.children) or any(
        c.dep_ == "aux" and c.lower_ in ("could", "can", "cannot") and any(g.dep_ == "neg" for g in c.children)
        for c in t.children
    )


def _subject(t: Token) -> Token | None:
    return next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _np(t: Token) -> tuple[int, int]:
    return t.left_edge.i, t.right_edge.i + 1


def extra_attributions(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """Attributions in the frames above that ``found`` lacks (its cue heads are skipped)."""
    heads = {a.head for a in found}
    out: list[Attribution] = []
    quotes: Quotes | None = None
    for t in doc:
        if t.lower_ == "per" and t.i > 0 and t.head.i == t.i - 1 and t.head.lower_ == "as" and t.i not in heads:
            # "..., as per the governor" reads like "according to the governor"
            quotes = quotes or Quotes(doc)
            found_per = _as_per(doc, t, quotes)
            if found_per is not None:
                out.append(found_per)
            continue
        if t.i in heads or t.pos_ not in ("VERB", "AUX"):
            continue
        lem = t.lemma_.lower()
        if lem not in _WATCHED:  # most verbs open no frame: skip the parse walk for them
            continue
        subj = _subject(t)
        if lem in _VERIFY and subj is not None and _negated(t):
            # "X could not independently verify the footage", "X did not respond to a request for comment"
            obj = next((c for c in t.children if c.dep_ in ("dobj", "prep", "ccomp", "xcomp")), None)
            if obj is None:
                continue
            start = min([c.i for c in t.children if c.dep_ in ("aux", "neg", "advmod") and c.i < t.i] + [t.i])
            out.append(Attribution(cue=(start, t.i + 1), head=t.i, source=_np(subj), contents=[_np(obj)]))
        elif lem == "confirm" and t.i > 0 and doc[t.i - 1].lower_ == "as" and t.dep_ in ("advcl", "acl", "conj"):
            # "Three houses burned, as confirmed by Olena Marchuk": the agent confirms the main clause
            agent = next((c for c in t.children if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            main = t.head
            if agent is None or by is None or main is t:
                continue
            sent = t.sent
            end = t.i - 1
            while end > sent.start and doc[end - 1].is_punct:
                end -= 1
            out.append(Attribution(cue=(t.i - 1, agent.i + 1), head=t.i, source=_np(by), contents=[(sent.start, end)]))
        elif lem in _TRAILING and subj is not None and subj.dep_ == "nsubj":
            # "Shelling killed three people in the town, regional governor Ivan Bondar reported on Monday."
            first = subj.left_edge.i
            sent = t.sent
            if first - 1 > sent.start + 2 and doc[first - 1].text == "," and t.i > first:
                out.append(
                    Attribution(
                        cue=(t.i, t.i + 1),
                        head=t.i,
                        source=(first, subj.right_edge.i + 1),
                        contents=[(sent.start, first - 1)],
                    )
                )
        elif lem in _NAMING and subj is not None:
            # "what a UN spokesperson described as a bloodbath": the label is the speaker's
            as_ = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            obj = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
            if as_ is not None and obj is not None:
                out.append(Attribution(cue=(t.i, as_.i + 1), head=t.i, source=_np(subj), contents=[_np(obj)]))
        elif lem in PERCEPTION_VERBS and subj is not None and subj.dep_ == "nsubj" and not _negated(t):
            # "a Reuters reporter saw five bodies at the site": the journalist's own observation
            if subj.lower_ not in REPORTER_HEADS or t.right_edge.i <= t.i:
                continue
            end = t.right_edge.i + 1
            while end > t.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            if end > t.i + 1:
                out.append(Attribution(cue=(t.i, t.i + 1), head=t.i, source=_np(subj), contents=[(t.i + 1, end)]))
        elif lem in _PASSIVE_CUES and subj is not None and subj.dep_ == "nsubjpass":
            # "these figures are disputed by local officials": the agent speaks about the subject
            agent = next((c for c in t.children if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if agent is not None and by is not None:
                out.append(Attribution(cue=(t.i, agent.i + 1), head=t.i, source=_np(by), contents=[_np(subj)]))
    return out


def _as_per(doc: Doc, per: Token, quotes: Quotes) -> Attribution | None:
    """ "as per X": X is the source of the clause the phrase hangs on, the rest of that clause the content (a
    quotation it ends or opens taken whole)."""
    by = next((c for c in per.children if c.dep_ == "pobj"), None)
    as_ = per.head
    main = as_.head
    if by is None or main.i == as_.i:
        return None
    speaker = by.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or by.lower_ in ANONYMOUS_HEADS | SHORT_FORMS | TITLES
    if not speaker:
        return None  # "as per the contract", "as per the rules": in keeping with, nobody speaks
    if as_.i > main.i:
        start, end = main.left_edge.i, as_.i
    else:
        start, end = by.right_edge.i + 1, main.right_edge.i + 1
    while start < end and (doc[start].is_punct and doc[start].text not in QUOTES or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in QUOTES or doc[end - 1].is_space):
        end -= 1
    if end - start < 2:
        return None
    cue = (as_.i, per.i + 1)
    return Attribution(cue=cue, head=per.i, source=_np(by), contents=[extend_quotes(quotes, start, end, cue)])


def is_act(doc: Doc, a: Attribution) -> bool:
    """The frame is an act (a declaration, an agreement) or a question, not a report of what happened."""
    head = doc[a.head]
    lem = head.lemma_.lower()
    content = [doc[s:e] for s, e in a.contents]
    if lem in _QUESTION_CUES:
        return True
    if any(c.text.rstrip().endswith("?") for c in content):
        return True
    if lem == "agree" and any(c.dep_ in ("xcomp", "prep") for c in head.children):
        return True  # "the sides agreed to exchange prisoners": an agreement is an event, not a claim
    if lem in _ATTACK_VERBS:
        objs = [c for c in head.children if c.dep_ == "dobj"]
        criticism = any(c.dep_ == "prep" and c.lower_ in ("for", "over") for c in head.children)
        if (
            objs
            and not criticism
            and all(
                o.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE")
                and o.pos_ != "PRON"
                and o.lemma_.lower() not in _SPEECH_OBJECTS | TITLES | ANONYMOUS_HEADS
                for o in objs
            )
        ):
            return True  # "attacked the convoy": a physical attack, not words ("attacked the minister")
    if lem in _DECLARED_ACTS:
        objs = [c for c in head.children if c.dep_ == "dobj"]
        nouns = {w.lemma_.lower() for o in objs for w in o.subtree}
        if objs and not any(c.dep_ in ("ccomp", "xcomp") for c in head.children) and nouns & _ACT_NOUNS:
            return True  # "declared a day of mourning", "imposed a curfew"
    return False


def _content_heads(doc: Doc, a: Attribution) -> list[Token]:
    inside = {i for s, e in a.contents for i in range(s, e)}
    return (
        [t for t in doc[min(inside) : max(inside) + 1] if t.i in inside and (t.head.i not in inside or t.head is t)]
        if inside
        else []
    )


def _self_agent(t: Token) -> bool:
    """The clause's agent is the speaker itself: "it", "we", "our forces", "its fighters"."""
    subj = _subject(t)
    if subj is None or subj.dep_ == "nsubjpass":
        return False
    return subj.lower_ in _SELF or any(c.dep_ == "poss" and c.lower_ in _SELF for c in subj.children)


def refine_stance(doc: Doc, a: Attribution, stance: Stance) -> Stance:
    """Stances that depend on what the content says, on top of the cue lemma."""
    head = doc[a.head]
    lem = head.lemma_.lower()
    if lem == "claim" and _negated(head):
        return "does_not_confirm"  # "Ukraine has not claimed the attack"
    if lem == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() in _ATTACK_NOUNS for c in head.children):
        return "claims_responsibility"  # "the group claimed the attack"
    if lem == "call" and any(c.dep_ == "prep" and c.lower_ == "for" for c in head.children) or lem in _DEMANDS:
        return "other"  # a demand asserts nothing about what happened
    if lem == "attribute":
        return "accuses"
    if stance not in ("asserts", "alleges"):
        return stance
    for t in _content_heads(doc, a):
        verbs = [t, *(c for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        for v in verbs:
            vl = v.lemma_.lower()
            modal = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in v.children)
            if modal and vl in _HOSTILE and _self_agent(v):
                return "threatens"  # "his troops would crush the invaders"
            attack = vl in _ATTACK_VERBS or (
                vl == "carry" and any(c.dep_ == "dobj" and c.lemma_.lower() in _ATTACK_NOUNS for c in v.children)
            )
            if attack and not modal and not _negated(v) and _self_agent(v):
                return "claims_responsibility"  # "the rebels said they had attacked the convoy"
    return stance


def widen_trailing(doc: Doc, a: Attribution) -> Attribution:
    """A cue at the end of its sentence ("..., killing 12 and wounding 80, officials said") attributes the
    whole clause before it, participles included: the content runs from the sentence start to the comma."""
    if a.source is None or not a.contents or doc[a.cue[0]].sent.start != doc[a.source[0]].sent.start:
        return a
    sent = doc[a.cue[0]].sent
    comma = min(a.source[0], a.cue[0]) - 1  # "..., officials said" and "..., according to officials"
    if comma <= sent.start or doc[comma].text != "," or any(e > comma for _, e in a.contents):
        return a
    if doc[sent.start].text in QUOTES or any(t.text in QUOTES for t in doc[sent.start : comma]):
        return a  # quotations keep the span the quote rules gave them
    if min(s for s, _ in a.contents) <= sent.start and max(e for _, e in a.contents) >= comma:
        return a
    return Attribution(cue=a.cue, head=a.head, source=a.source, contents=[(sent.start, comma)], score=a.score)


def widen_described(doc: Doc, a: Attribution) -> Attribution:
    """ "Survivors described scenes of panic as the gunmen fired": what they described runs on into the
    "as"/"how"/"when" clause, which is the account itself."""
    head = doc[a.head]
    if head.lemma_.lower() not in ("describe", "recount", "recall", "narrate") or not a.contents:
        return a
    extra = [
        _np(c)
        for c in head.children
        if c.dep_ == "advcl"
        and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("as", "how", "when") for m in c.children)
    ]
    if not extra:
        return a
    start = min(s for s, _ in a.contents)
    end = max([e for _, e in a.contents] + [e for _, e in extra])
    return Attribution(cue=a.cue, head=a.head, source=a.source, contents=[(start, end)], score=a.score)


def widen_event_object(doc: Doc, a: Attribution) -> Attribution:
    """ "reported the raid on the checkpoint": the parser often hangs "on the checkpoint" on the verb, but the
    target belongs to the event noun that is the content."""
    head = doc[a.head]
    if len(a.contents) != 1:
        return a
    start, end = a.contents[0]
    obj = next((c for c in head.children if c.dep_ == "dobj" and start <= c.i < end), None)
    if obj is None or obj.lemma_.lower() not in _ATTACK_NOUNS or end != obj.right_edge.i + 1:
        return a
    prep = next((c for c in head.children if c.dep_ == "prep" and c.i == end), None)
    if prep is None or prep.lower_ not in ("on", "against", "near", "at", "in", "of"):
        return a
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    when = doc[prep.i : prep.right_edge.i + 1].text
    if pobj is None or pobj.ent_type_ in ("DATE", "TIME") or DATE_EXPRESSION.search(when):
        return a  # "confirmed the attack on Tuesday": the date is when it was confirmed
    return Attribution(
        cue=a.cue, head=a.head, source=a.source, contents=[(start, prep.right_edge.i + 1)], score=a.score
    )
