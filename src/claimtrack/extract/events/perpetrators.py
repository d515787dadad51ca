"""Who acted decides ACLED's sub-event type (ACLED codebook): hands-on violence by an unorganised crowd is Mob
violence, not an Attack or an Armed clash; a detention by a non-state armed group, or one whose victims vanished, is
an Abduction/forced disappearance, not Arrests (which are the state's). The actor is read from the text before the
verb, as ``ranking.government_acts`` reads who took territory."""

from __future__ import annotations

import re

from claimtrack.extract.events.codes import ARMED_VICTIMS, CROWD_ACTORS
from claimtrack.extract.events.lexicon import Cue

NON_STATE = re.compile(
    r"\b(?:rebels?|militants?|insurgents?|jihadists?|terrorists?|islamic state|isis|isil|daesh|al-?shabaa?b|"
    r"taliban|houthis?|huthis?|boko haram|al-?qaeda|militias?|fighters|gunmen|separatists?|guerrillas?|extremists?|"
    r"opposition|armed group|ansar|hts|tahrir|sdf|ypg|pkk|jama'?at|faction|activists|rebel|npa|bandits)\b",
    re.I,
)
GOVERNMENT = re.compile(
    r"\b(?:government|army|armed forces|troops|troopers|military|security forces|soldiers|national guard|police|"
    r"state forces|regime|gendarmerie|special forces|marines|sana|saa)\b",
    re.I,
)
_ARMED = "(?:" + "|".join(ARMED_VICTIMS) + ")"
_CROWD = re.compile(r"\b(?:" + "|".join(CROWD_ACTORS) + r")\b", re.I)
_ORGANISED = re.compile(
    rf"\b(?:{_ARMED}|armed|assailants?|attackers?|hitm[ae]n|gangs?|criminals?|unknown|unidentified)\b|"
    + GOVERNMENT.pattern
    + "|"
    + NON_STATE.pattern,
    re.I,
)
# hands-on violence a crowd can do; shootings and bombings need an organised side
_BY_HAND = re.compile(r"beat|assault|attack|ston|hurl|pelt|thr[eo]w|stab|hack|lynch|punch|kick|clash|fought", re.I)
_FIREARMS = re.compile(r"\b(?:shot|shooting|guns?|gunfire|fir(?:e|ed|ing)|rifles?|bullets?|weapons?|firearms?)\b", re.I)
_AGENT = re.compile(r"(?:\s+and\s+\w+)?\s+by\s+((?:[^\s.,;]+\s+){0,4}[^\s.,;]+)", re.I)  # "... killed by <agent>"
_SUBJECT_GAP = 45  # characters
_UNDER = re.compile(r"c[ao]me under\b", re.I)  # "the post came under attack": its subject is the one attacked
_NO_OBJECT = re.compile(
    r"\s*(?:[.,;:)]|$|(?:and|or|by|in|on|at|during|after|ahead|before|over|while|for|near|with)\b)", re.I
)
_UNARMED = re.compile(r"opposition|activists|faction", re.I)  # named by NON_STATE, but they hold no one
_ARMED_PERSONS = re.compile(r"\barmed (?:men|individuals|persons|group)\b", re.I)
_VANISHED = re.compile(r"whereabouts|disappear|not been (?:seen|heard)", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|got)\s+(?:\w+\s+)?$", re.I)


def _sentence_before(text: str, start: int, span: int = 150) -> int:
    lo = max(0, start - span)
    return max(lo, text.rfind(". ", lo, start) + 1)


def crowd_acts(text: str, cue: Cue) -> bool:
    """Whether hands-on violence was done by an unorganised group (ACLED: Mob violence): the nearest actor named
    before the verb in its sentence is a crowd, students, villagers, supporters ... and not an armed or state force;
    for a clash, its sides name crowds and no armed force at all."""
    if not _BY_HAND.search(text, cue.start, cue.end) or _UNDER.match(text, cue.start):
        return False
    lo = _sentence_before(text, cue.start)
    if re.match(r"clash", text[cue.start : cue.end], re.I):
        end = text.find(". ", cue.end)
        end = len(text) if end < 0 else end
        # a party or campaign's activists are no armed side, nor is a word in brackets (an explained title)
        bare = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text[:end])
        armed = any(not _UNARMED.fullmatch(m.group()) for m in _ORGANISED.finditer(bare, lo, end))
        armed = armed or bool(_FIREARMS.search(text, lo, end))
        return bool(_CROWD.search(text, lo, end)) and not armed
    agent = _AGENT.match(text, cue.end)
    if agent is not None:
        # "the burglar was stoned by villagers": the crowd is named as the agent
        return bool(_CROWD.search(agent.group(1))) and not _ORGANISED.search(agent.group(1))
    if _PASSIVE.search(text, lo, cue.start):
        return False  # "students were attacked by gunmen": the students are the victims
    crowd = [m.end() for m in _CROWD.finditer(text, lo, cue.start)]
    organised = [m.end() for m in _ORGANISED.finditer(text, lo, cue.start)]
    # the crowd is the verb's subject, told just before it ("a group of men who had come for fuel assaulted"), not
    # a victim earlier in the sentence ("killed two residents on Monday, in the villages that came under attack")
    return bool(crowd) and max(crowd) > max(organised, default=-1) and cue.start - max(crowd) <= _SUBJECT_GAP


def nonstate_detains(text: str, cue: Cue) -> bool:
    """Whether a detention is done by a non-state armed group (ACLED: Abduction/forced disappearance; Arrests are
    the state's): the nearest actor before the verb is armed and not the state."""
    if _PASSIVE.search(text, _sentence_before(text, cue.start), cue.start) or _NO_OBJECT.match(text, cue.end):
        return False  # "civilians were detained", "some militants arrested and others freed": they were held
    lo = _sentence_before(text, cue.start)
    ns = [m.end() for m in NON_STATE.finditer(text, lo, cue.start) if not _UNARMED.fullmatch(m.group())]
    ns += [m.end() for m in _ARMED_PERSONS.finditer(text, lo, cue.start)]
    gov = [m.end() for m in GOVERNMENT.finditer(text, lo, cue.start)]
    return bool(ns) and max(ns) > max(gov, default=-1)


def by_perpetrator(score: dict[str, float], best: dict[str, tuple[float, Cue]], text: str) -> None:
    """Who acted decides ACLED's type: a crowd's beating or clash is Mob violence, a rebel group's detention an
    abduction. Edits ``score`` and ``best`` in place."""
    for t in ("armed_clash", "attack_on_civilians"):
        held = best.get(t)
        if score.get(t, 0.0) > 0 and held is not None and crowd_acts(text, held[1]):
            # the crowd's violence is one act: its attack or clash reading gives way
            moved = max(score.pop(t), score.pop("attack_on_civilians", 0.0))
            score["mob_violence"] = max(score.get("mob_violence", 0.0), moved)
            best.setdefault("mob_violence", held)
    held = best.get("arrest")
    gone = best.get("abduction")
    # detained and not seen since: ACLED's forced disappearance, whoever held them
    vanished = gone is not None and _VANISHED.search(text, gone[1].start, gone[1].end) is not None
    if score.get("arrest", 0.0) > 0 and held is not None and (vanished or nonstate_detains(text, held[1])):
        score["abduction"] = score.get("abduction", 0.0) + score.pop("arrest")
        best.setdefault("abduction", held)
