"""Typing: cues ranked into event types, with the argument rules the ACLED codebook uses to pick a sub-type.

The weapon decides among remote-violence types (a suicide bomber beats a bomb, a grenade beats a generic attack),
the responding force decides among protest types, and the actor decides who "regained" or "overtook" territory."""

from __future__ import annotations

import re

from claimtrack.extract.events.lexicon import DOWNED_WEIGHT, Cue, cues_in_text
from claimtrack.extract.events.perpetrators import GOVERNMENT as _GOVERNMENT
from claimtrack.extract.events.perpetrators import NON_STATE as _NON_STATE
from claimtrack.extract.events.perpetrators import by_perpetrator
from claimtrack.extract.events.victims import agent_cue, armed_victims

# a cue inside "in response to ..." names the cause of the main event, not the event itself
_RESPONSE_TO = re.compile(
    r"(?:in (?:response|retaliation|reaction|revenge) (?:to|for)|response to|retaliation for|in protest (?:at|"
    r"against|over)|"
    r"protesting(?: against)?|to protest(?: against| over)?|demanding|demanded|"
    r"(?-i:against)(?: the)?)\W+(?:\w+\W+){0,6}$",  # "Coalition Against Noise" names a group, no cause
    re.I,
)
_REGAIN = re.compile(r"re-?captur|regain|re-?took|retak|liberat|recover", re.I)


def government_acts(text: str, cue: Cue) -> bool:
    """Whether the actor just before a territory cue is a government force (ACLED: government regains territory)."""
    before = text[max(0, cue.start - 150) : cue.start]
    ns = [m.end() for m in _NON_STATE.finditer(before)]
    gov = [m.end() for m in _GOVERNMENT.finditer(before)]
    if ns or gov:
        # the nearest actor mention before the verb is its subject in news prose
        return (max(gov) if gov else -1) > (max(ns) if ns else -1)
    return bool(_REGAIN.match(text, cue.start))


def _position(start: int, scale: float = 300.0) -> float:
    """Salience of a position: the lead of a news text states its main event."""
    return 1.0 / (1.0 + start / scale)


_PROTESTS = ("protest", "riot")
_MODIFIER_OF = {"+riot": "riot", "+force": "force_against_protesters", "+intervention": "protest_with_intervention"}
_PHRASE = 30  # characters within which same-type cues count once
_NEAR = 250  # characters within which a modifier qualifies a protest cue
_MODIFIER_MIN = 1.5
_MODIFIER_BIAS = {"+riot": 1.2, "+force": 1.1, "+intervention": 1.0}  # ties go to the graver reading
# remote-violence types ACLED codes by the most specific weapon used, whatever else the text says
_SPECIFIC = ("suicide_bombing", "chemical_attack", "grenade_attack")
_VIOLENT = {
    "armed_clash",
    "air_strike",
    "drone_strike",
    "missile_strike",
    "shelling",
    "explosive_attack",
    "attack_on_civilians",
    "grenade_attack",
    "chemical_attack",
    "suicide_bombing",
}
_SEIZABLE = frozenset({"explosive_attack", "grenade_attack", "missile_strike", "shelling", "drone_strike"})
_SEIZED_PASSIVE = re.compile(r"\b(?:were|was|been|being)\b", re.I)
_HANDS_ON = ("abduction", "sexual_violence", "mob_violence")
_AFTERMATH = 0.4  # an arrest gives way to violence told with at least this share of its score
_SPEECH_ACTS = ("demand", "rejection")
# rejecting an allegation of responsibility is still about responsibility (CASE: ATTRIB)
# a protest is an act, never the object of a demand or refusal ("walked out to protest", "demanding, they marched")
_NOT_GOVERNED = frozenset({*_SPEECH_ACTS, "claim_of_responsibility", "accusation", "protest", "riot"})
_GOVERN_SPAN = 60  # characters after "rejected", "demanded" where the object names the act demanded or refused
# "rejected reports that ...", "dismissed claims of ...": what is rejected is an account of an event
_REPORTED = re.compile(
    r"\b(?:reports?|claims?|allegations?|accounts?|rumou?rs?|suggestions?|assertions?|speculation)\s+(?:that|of)\b",
    re.I,
)


def _eventive(c: Cue) -> bool:
    return not c.type.startswith("+") and c.type not in _NOT_GOVERNED


def reported_object(text: str, act: Cue, span: int = _GOVERN_SPAN) -> int | None:
    """End of "reports that" / "claims of" right after a rejection cue, when its object is a reported event."""
    m = _REPORTED.search(text, act.end, min(len(text), act.end + span))
    if m is None or re.search(r"[.;:!?]", text[act.end : m.start()]):
        return None
    return m.end()


def _purpose_of(text: str, protest: Cue, act: Cue) -> bool:
    """Whether a speech act is told as the purpose of a protest before it in its sentence ("rallied to demand")."""
    if not (protest.end <= act.start and act.start - protest.start <= _GRIEVANCE_SPAN):
        return False
    return not re.search(r"[.;!?](?:\s|$)", text[protest.end : act.start]) and _in_cause(text, protest.start, act.end)


_PROTEST_READINGS = ("protest", "riot", "force_against_protesters", "protest_with_intervention")


def _govern(
    cues: list[Cue],
    acts: list[tuple[Cue, float]],
    score: dict[str, float],
    text: str,
    scale: float,
    protests: list[Cue] | None = None,
) -> None:
    """ "Rejected a ceasefire proposal", "demanded the withdrawal": the event is the speech act, not its object.

    But "rejected reports that a drone came down": the reported event is the event of record (the rejection is
    the stance of a claim about it, read by the claims component), so the speech act gives way to it."""
    for act, s in acts:
        after = reported_object(text, act) if act.type == "rejection" else None
        if after is not None:
            if any(_eventive(c) and after <= c.start <= after + 2 * _GOVERN_SPAN for c in cues):
                score[act.type] = max(0.0, score[act.type] - s)
            continue
        # "held a protest to demand aid after the floods": a demand that is a protest's stated purpose is the
        # protest's, so what it governs adds to the protest, not to a speech act of its own
        to = act.type
        if act.type == "demand" and any(_purpose_of(text, p, act) for p in protests or []):
            held = [t for t in _PROTEST_READINGS if score.get(t, 0.0) > 0]
            to = max(held, key=lambda t: score[t]) if held else to
        for c in cues:
            if c.type.startswith("+") or c.type in _NOT_GOVERNED or c.type not in score:
                continue
            if act.end <= c.start <= act.end + _GOVERN_SPAN:
                moved = 0.7 * cue_score(text, c, scale)
                score[c.type] = max(0.0, score[c.type] - moved)
                score[to] += moved


_SANCTION_SPAN = 40  # characters after "agreed", "adopted" within which a sanctions cue names what was agreed


def _sanctions(
    cues: list[Cue], acts: list[tuple[Cue, float]], score: dict[str, float], text: str, scale: float
) -> None:
    """ "Agreed a new package of sanctions against X": the act is the sanction, the agreement only its form."""
    for c in cues:
        if c.type != "agreement" or score.get("agreement", 0.0) <= 0:
            continue
        if any(s.type == "sanction" and 0 <= s.start - c.end <= _SANCTION_SPAN for s in cues):
            moved = min(score["agreement"], cue_score(text, c, scale))
            score["agreement"] -= moved
            score["sanction"] = score.get("sanction", 0.0) + moved
            acts[:] = [a for a in acts if a[0] is not c]  # "agreed to impose sanctions" governs nothing else


def _specific(score: dict[str, float], text: str = "") -> None:
    """Argument rules over the summed scores; edits ``score`` in place."""
    if not score:
        return
    top = max(score, key=lambda t: score[t])
    if top == "attack_on_civilians" and armed_victims(text):
        score["armed_clash"] = score[top] + 0.01
        top = "armed_clash"
    armed_hit = top != "attack_on_civilians" and score.get("attack_on_civilians", 0.0) > 0 and armed_victims(text)
    if top in _VIOLENT:
        for fine in _SPECIFIC:
            if score.get(fine, 0.0) >= 0.4 * score[top]:
                score[fine] = score[top] + 0.01
                break
    # weapons or depots destroyed from the air are the strike's targets, not a seizure (seized mortars and
    # rockets are no shelling, so only air and drone strikes take over)
    if top == "weapons_seizure":
        # and arms recovered after a battle are its outcome (ACLED codes the clash)
        strikes = [t for t in ("air_strike", "drone_strike", "armed_clash") if score.get(t, 0.0) >= 0.5 * score[top]]
        if strikes:
            v = max(strikes, key=lambda t: score[t])
            score[v] = score[top] + 0.01
    # ACLED codes the violence, not the arrests that follow it ("a man was shot ... two suspects were arrested") or
    # come with it ("beat and arrested", "opened fire on the police during his arrest")
    if top == "arrest":
        violent = [t for t in (*_VIOLENT, *_HANDS_ON) if score.get(t, 0.0) >= _AFTERMATH * score[top]]
        if violent:
            v = max(violent, key=lambda t: score[t])
            score[v] = score[top] + 0.01
            score[top] = 0.0
    # damage is what a strike or a battle did, not an event of its own, when the text reports one
    if top == "property_destruction":
        violent = [t for t in _VIOLENT if score.get(t, 0.0) >= 0.5 * score[top]]
        if violent:
            v = max(violent, key=lambda t: score[t])
            score[v] = score[top] + 0.01
    # the attack reading may rank below an arrest, a seizure or a crime word and take over from it only later
    # ("opened fire on the police during the raid to arrest him"): its victims still make it a clash
    if armed_hit and score["attack_on_civilians"] > score.get("armed_clash", 0.0):
        score["armed_clash"] = score["attack_on_civilians"] + 0.01
    # forces entering an area another force left: ACLED's non-violent transfer unless there was fighting
    if (
        score.get("territory_transfer", 0.0) > 0
        and score.get("territory_change", 0.0) > 0
        and not score.get("armed_clash")
    ):
        score["territory_transfer"] += score["territory_change"]


def cue_score(text: str, cue: Cue, scale: float = 300.0) -> float:
    """Weight of a cue at its place: earlier is more salient, a stated cause counts little."""
    s = cue.weight * _position(cue.start, scale)
    lo = max(0, cue.start - 80)
    # the cause is told in the cue's own sentence: "... demanding jobs. Police used force" is no cause of the force
    lo = max(lo, text.rfind(". ", lo, cue.start) + 1, text.rfind("; ", lo, cue.start) + 1)
    m = _RESPONSE_TO.search(text, lo, cue.start)
    if m is not None and not _FORCE_CLAUSE.search(text, m.start(), cue.start):
        s *= 0.3  # but "against the fee rise, and police arrested twelve": the police act in a clause of their own
    return s


# what a protest is about, told after it: violence there is the protest's cause, not how it went
_CAUSE = re.compile(
    r"\b(?:against|over|to (?:denounce|condemn|demand|protest|oppose|decry|call for)|demanding|denouncing|condemning|"
    r"justice for|in memory of|who (?:was|were|had been)|in (?:19|20)\d\d)\b",
    re.I,
)
_STATE_FORCE = re.compile(r"\b(?:police|security|soldiers|troops|officers|forces|army|gendarm\w*|guards?)\b", re.I)


_NO_SIGN = re.compile(r"\b(?:no|without|not|never|nor)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _response(text: str, mod: Cue, protest_at: list[int]) -> bool:
    """Whether a sign of violence tells how the protest went rather than what it protested: not inside the
    protest's stated cause ("marched to demand justice for a man killed by ..."), and, for the weak signs (a death,
    an injury), with a state force named beside it."""
    if _NO_SIGN.search(text, max(0, mod.start - 30), mod.start):
        return False  # "there was no clash", "dispersed without arrests"
    before = [p for p in protest_at if p <= mod.start and mod.start - p <= _NEAR]
    # any protest word of the sentence may open the cause: "staged a demonstration in protest of rules that keep
    # prisoners from care" has its cause after the first protest word, and a second one ("protest") inside it
    for p in before:
        if text.rfind(".", p, mod.start) < 0 and _in_cause(text, p, mod.start):
            return False
    if mod.type == "+force" and mod.weight < 2.0:
        return bool(_STATE_FORCE.search(text, max(0, mod.start - 120), mod.end + 120))
    return True


# what a protest is about, for event words told after it in its sentence: "marched over the abductions on the road",
# "protested after the arrest of their leader", "blocked the road to get the suspect arrested"
_GRIEVANCE = re.compile(
    _CAUSE.pattern[:-3] + r"|after|following|due to|because of|decr(?:y|ied|ying)|denounc(?:ed|ing)|"
    r"condemn(?:ed|ing)|demand(?:ed|ing)?|seeking|calling for|to (?:get|seek|ask|press|support)|in solidarity with|"
    r"in protest|in support of|upon|to (?:commemorate|mourn|honou?r|remember|mark the anniversary of)|"
    r"commemorating|mourning|in honou?r of|anniversary of)\b",  # a memorial's dead are why people gather, not its event
    re.I,
)
_GRIEVANCE_SPAN = 400


def _sentence_start(text: str, at: int, span: int) -> int:
    lo = max(0, at - span)
    return max(lo, text.rfind(". ", lo, at) + 1)


_GRIEVANCE_SHARE = 0.3  # as much as a cue "in response to" keeps


# who protests, named by a past harm: "relatives of people who went missing staged a demonstration"
_KIN = re.compile(
    r"\b(?:relatives|famil(?:y|ies)|family members|friends|parents|mothers|fathers|widows|supporters|colleagues|"
    r"classmates)\s+(?:of|who|whose)\b",  # "families whose sons were abducted staged a sit-in"
    re.I,
)


def _grievance(text: str, c: Cue, protests: list[Cue]) -> bool:
    """Whether an event word lies in the stated cause of a protest told before it in its sentence, or in the
    description of the protesters ("the family of the kidnapped director protested")."""
    kin = _KIN.search(text, _sentence_start(text, c.start, 80), c.start)
    if kin is not None and any(
        0 < p.start - c.end <= _GRIEVANCE_SPAN and not re.search(r"[.;!?](?:\s|$)", text[c.end : p.start])
        for p in protests
    ):
        return True
    for p in protests:
        if not (p.end <= c.start and c.start - p.start <= _GRIEVANCE_SPAN):
            continue
        if re.search(r"[.;!?](?:\s|$)", text[p.end : c.start]):
            continue
        if _in_cause(text, p.start, c.start):  # the cue may hold its cause ("gathered in support of")
            return True
    return False


# a state force opening a clause after the cause starts the protest's own story ("..., and police arrested ten")
_FORCE_CLAUSE = re.compile(
    # a preposition before the force makes a state or place ("while in police custody"), not the force's clause
    r"(?:,|\b(?:and|but|when|as|before|until|then|while|where))\s+(?:the\s+)?(?:(?!(?:in|of|by|from|under)\s)"
    r"[\w-]+\s+){0,2}?" + _STATE_FORCE.pattern,
    re.I,
)


def _in_cause(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (from a protest cue to a later word of its sentence) runs into the protest's
    stated cause, and no state force opens a clause of its own after it."""
    m = _GRIEVANCE.search(text, start, end)
    return m is not None and not _FORCE_CLAUSE.search(text, m.end(), end)


_DEMONSTRATION = re.compile(r"protest|demonstrat|march|rall(?:y|ies)|strike", re.I)
_STATED_CAUSE = re.compile(r"\s+(?:against|over|in protest|to protest|demanding)\b", re.I)  # "riots against the policy"


def _demonstration(text: str, c: Cue) -> bool:
    """Whether a cue tells a demonstration: a protest or a demand ("the rioters demanded jobs"), or a riot cue
    that names one ("violent protests")."""
    if c.type in ("protest", "demand"):
        return True
    return c.type == "riot" and bool(_DEMONSTRATION.search(text, c.start, c.end) or _STATED_CAUSE.match(text, c.end))


_BARE_CAMP = re.compile(r"\b(?:camps?|tents?)\b", re.I)
_FORCE_CAMP = re.compile(r"\b(?:military|army|armed|militia|rebels?|troops|forces|base|bases)\b", re.I)


def _camp_of_protest(
    score: dict[str, float], best: dict[str, tuple[float, Cue]], text: str, protests: list[Cue]
) -> None:
    """ "Staged a sit-in ... . At night they set up a camp outside the ministry": a camp that no armed force sets
    up, told with a protest, is how the protest went on, not a base (ACLED's base needs an armed group)."""
    held = best.get("base_established")
    if not protests or held is None or score.get("base_established", 0.0) <= 0:
        return
    cue = held[1]
    if not _BARE_CAMP.search(text, cue.start, cue.end) or _FORCE_CAMP.search(text, cue.start, cue.end):
        return
    lo = _sentence_start(text, cue.start, 150)
    if _FORCE_CAMP.search(text, lo, cue.start) or _NON_STATE.search(text, lo, cue.start):
        return  # "the rebels, after the rally, set up a camp": an armed group's camp
    to = max(_PROTEST_READINGS, key=lambda t: score.get(t, 0.0))
    if score.get(to, 0.0) > 0:
        score[to] += score.pop("base_established")


def rank_types(text: str, cues: list[Cue] | None = None, scale: float = 300.0) -> list[tuple[str, float, Cue]]:
    """Candidate fine types of ``text`` with their scores, best first, each with its strongest cue.

    ``scale`` is how fast position lowers a cue's weight: short for a document, long within a sentence."""
    cues = cues_in_text(text) if cues is None else cues
    # "a drone had crashed": the crash word inside a drone or missile downing phrase is no accident of its own
    downed = [c for c in cues if c.type in ("drone_strike", "missile_strike") and c.weight == DOWNED_WEIGHT]
    if downed:
        cues = [
            c
            for c in cues
            if c.type != "man_made_disaster" or not any(d.start <= c.start and c.end <= d.end for d in downed)
        ]
    score: dict[str, float] = {}
    best: dict[str, tuple[float, Cue]] = {}
    protest_at = [c.start for c in cues if c.type in _PROTESTS]
    modifiers: dict[str, float] = {}
    last: dict[str, tuple[int, float]] = {}
    acts: list[tuple[Cue, float]] = []
    protests = [c for c in cues if c.type in _PROTESTS]
    seized = [c for c in cues if c.type == "weapons_seizure"]
    if seized:
        # "discovered and defused three IEDs": the weapon named inside a seizure is what was seized, not an attack
        # as is one seized in the passive ("four IEDs were recovered"); "a device they found exploded" stays a blast
        def held(c: Cue) -> bool:
            return any(
                s.start < c.start < s.end or (s.start == c.start and _SEIZED_PASSIVE.search(text, c.end, s.end))
                for s in seized
            )

        cues = [c for c in cues if c.type not in _SEIZABLE or not held(c)]
    cues = [agent_cue(text, c) for c in cues]
    # "held a vigil on the anniversary of the riot", "marched over being kept from violent demonstrations": a riot
    # named in a protest's stated cause is what it recalls or opposes, not how the protest went
    calm = [p for p in protests if p.type == "protest"]
    cues = [c for c in cues if c.type != "riot" or not _grievance(text, c, [p for p in calm if p.end <= c.start])]
    for c in cues:
        s = cue_score(text, c, scale)
        if protests and c.type not in _PROTESTS and not c.type.startswith("+") and _grievance(text, c, protests):
            s *= _GRIEVANCE_SHARE  # "marched over the rise in abductions": the abductions are why they marched
        if c.type.startswith("+"):
            near = [p for p in protest_at if abs(c.start - p) <= _NEAR]
            if near and _response(text, c, protest_at):
                # a sign qualifies the protest it is told with, so it is as salient as that protest ("they marched
                # to the office ... . The police dispersed them."); the strongest sign of a kind decides, not how
                # many weak ones pile up
                s *= max(1.0, _position(min(near), scale) / _position(c.start, scale))
                modifiers[c.type] = max(modifiers.get(c.type, 0.0), s)
            continue
        prev = last.get(c.type)
        if prev is not None and c.start - prev[0] <= _PHRASE:
            # cues of one type in one phrase ("threatened to retaliate") are one piece of evidence
            if s > prev[1]:
                score[c.type] += s - prev[1]
                last[c.type] = (prev[0], s)
        else:
            score[c.type] = score.get(c.type, 0.0) + s
            last[c.type] = (c.start, s)
        # "agreed to release the hostages": the agreement governs what was agreed, like a demand does
        if c.type in _SPEECH_ACTS or (c.type == "agreement" and text[c.start : c.start + 9].lower() == "agreed to"):
            acts.append((c, s))
        if c.type not in best or s > best[c.type][0]:
            best[c.type] = (s, c)
    protest = score.get("protest", 0.0) + score.get("riot", 0.0)
    if score.get("riot", 0.0) > 0 and not any(_demonstration(text, c) for c in cues):
        # ACLED: rioters with no demonstration (beating a thief, fighting each other) are mob violence
        score["mob_violence"] = score.get("mob_violence", 0.0) + score.pop("riot")
        best.setdefault("mob_violence", best["riot"])
        protest = score.get("protest", 0.0)
    if protest > 0:
        # ACLED codes a demonstration by what happened: violent demonstrators make a riot, else the
        # state's response decides (lethal or excessive force, then any intervention), else it was peaceful
        if score.get("riot", 0.0) > 0:
            modifiers["+riot"] = modifiers.get("+riot", 0.0) + _MODIFIER_MIN
        mods = [(modifiers.get(m, 0.0) * bias, m) for m, bias in _MODIFIER_BIAS.items()]
        value, mod = max(mods)
        if value >= _MODIFIER_MIN:
            fine = _MODIFIER_OF[mod]
            score[fine] = protest + modifiers[mod]
            best.setdefault(fine, best.get("protest") or best["riot"])
            score["protest"] = 0.0
            if fine != "riot":
                score["riot"] = 0.0
            if fine in ("force_against_protesters", "protest_with_intervention"):
                # the arrests are how the protest was met, not a separate event
                score["arrest"] = 0.0
    _camp_of_protest(score, best, text, protests)
    _sanctions(cues, acts, score, text, scale)
    _govern(cues, acts, score, text, scale, protests)
    _specific(score, text)
    if "armed_clash" in score and "armed_clash" not in best:
        best["armed_clash"] = best["attack_on_civilians"]
    by_perpetrator(score, best, text)
    ranked = sorted(((t, s, best[t][1]) for t, s in score.items() if s > 0), key=lambda x: -x[1])
    return ranked
