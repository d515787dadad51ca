"""Who was hit decides between ACLED's Armed clash and Attack: violence against members of an armed, organised force
is a battle even when they do not fight back; against unarmed people (and former or off-duty members of a force) it
is an attack. Split from ``ranking`` so the typing rules and this reading of victims stay one job each."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from claimtrack.extract.events.codes import ARMED_VICTIMS, CIVILIAN_VICTIMS
from claimtrack.extract.events.lexicon import Cue

# "killed by unidentified militants": the armed noun after "by" is the agent, so the cue tells who attacked, not that
# armed men were hit (ACLED: an Attack unless the victims are themselves an armed force)
_BY_AGENT = re.compile(r"\S+(?: and \S+)? by\b", re.I)
# ACLED: violence against members of an armed, organised force is a battle, not an attack on civilians
_HARM = (
    r"(?:shot(?: dead| and (?:killed|injured|wounded))?|shot at|killed|killing|attacked|ambushed|injured|wounded|"
    r"stabbed|executed|assassinated|(?:opened|fired|firing) (?:(?!(?:on|at|towards|against)\b)[^\s.,;]+ ){0,8}"
    r"(?:on|at|towards|against)|targeted|targeting)"
)
# words between the harm verb and its object; a preposition there starts an agent, time or place ("killed by gunmen")
_GAP_STOP = r"(?:by|during|in|at|after|near|while|when|as|from|with|for|and|or|on|to|inside|outside)\b"
_WORDS = rf"(?:(?!{_GAP_STOP})[^\s.,;]+ ){{0,4}}"
_ARMED = "(?:" + "|".join(ARMED_VICTIMS) + ")"
_CIVIL = re.compile(r"\b(?:" + "|".join(CIVILIAN_VICTIMS) + r")\b", re.I)
_ARMED_VICTIM = re.compile(
    rf"\b{_HARM} {_WORDS}{_ARMED}\b|\b{_ARMED} (?:[^\s.,;]+ ){{0,3}}(?:was|were) (?:[^\s.,;]+ )?"
    rf"(?:shot|killed|injured|wounded|attacked|ambushed|stabbed|executed|assassinated)\b",
    re.I,
)


# a former or off-duty member of a force is a civilian when attacked (ACLED codes such killings as Attacks)
_RETIRED = re.compile(r"\b(?:former|retired|ex-|off-duty|demobili[sz]ed)", re.I)
_CIVIL_VICTIM = re.compile(rf"\b{_HARM} {_WORDS}{_CIVIL.pattern}", re.I)


@lru_cache(maxsize=256)  # asked of the same text by each ranking of a document's drafts
def armed_victims(text: str) -> bool:
    """Whether the text tells violence done to members of an armed force and to no unarmed people."""
    hits = [m for m in _ARMED_VICTIM.finditer(text) if not _RETIRED.search(text, max(0, m.start() - 40), m.end())]
    if not hits or _CIVIL_VICTIM.search(text):
        return False  # "killing students ... before the forces shot the gunmen dead": the attack was on civilians
    # the harm phrase and the list it heads ("killing a soldier and three passengers"), to the clause's end
    phrases = [re.split(r"[.;,]", text[m.start() : m.end() + 60])[0] for m in hits]
    return not any(_CIVIL.search(p) for p in phrases)


def agent_cue(text: str, c: Cue) -> Cue:
    """A clash cue that names the armed side only as the agent of a passive ("were killed by fighters") is an
    attack cue, unless its sentence names armed victims before it ("two soldiers were killed by militants")."""
    if c.type != "armed_clash" or not _BY_AGENT.match(text, c.start, c.end):
        return c
    lo = max(0, text.rfind(". ", 0, c.start) + 1)
    if _ARMED_VICTIM.search(text, lo, c.end + 80) and not _RETIRED.search(text, lo, c.start):
        return c
    return replace(c, type="attack_on_civilians")
