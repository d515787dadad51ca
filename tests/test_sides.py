"""Initiator and target (issue 10), through the whole pipeline on sentences we wrote: each rule with two sentences
it must cover and a near-miss it must not."""

from __future__ import annotations

from functools import lru_cache

import pytest
from spacy.language import Language

from claimtrack.extract.events.sides import person_side
from claimtrack.models import Article, Event
from claimtrack.nlp import load_pipeline, process


def _events(text: str) -> list[Event]:
    result = next(process([Article(id="t", text=text, published="2025-03-14")]))
    return list(result.events)


def _side(actor: object) -> str | None:
    if actor is None:
        return None
    return getattr(actor, "entity", None) or getattr(actor, "text", None)


def _of(text: str, kind: str) -> Event:
    found = [e for e in _events(text) if e.type == kind]
    assert found, f"no {kind} in {text!r}: {[e.type for e in _events(text)]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "initiator", "target"),
    [
        # the owner of what was shot down is the interception's target
        ("Kenyan troops shot down a Somali drone near the border on Monday.", "Kenya", "Somalia"),
        ("Polish air defences destroyed two Belarusian drones over the frontier on Monday.", "Poland", "Belarus"),
        # "X said it shot down": the speaking side is the interceptor
        ("Egypt said on Monday it had intercepted three Libyan drones near the border.", "Egypt", "Libya"),
        # unnamed air defences defend the sky they are in; the place itself is no target
        ("Air defence systems shot down three drones over Warsaw on Monday.", "Poland", None),
        # near-miss: a named state keeps its own air defences, even over another state's city
        ("Romanian air defences shot down three drones over Warsaw on Monday.", "Romania", None),
    ],
)
def test_interception_sides(text: str, initiator: str | None, target: str | None) -> None:
    ev = _of(text, "interception")
    assert (_side(ev.initiator), _side(ev.target)) == (initiator, target)


@lru_cache(maxsize=1)
def _nlp() -> Language:
    return load_pipeline()


def _person(text: str, word: str, nth: int = 0) -> str | None:
    doc = _nlp()(text)
    toks = [t for t in doc if t.text == word]
    actor = person_side(toks[nth])
    return actor.entity if actor is not None else None


def test_person_named_in_full_or_titled_stands_for_their_state() -> None:
    assert _person("Emmanuel Macron warned on Monday that France would respond.", "Macron") == "France"
    assert _person("President Macron warned on Monday that France would respond.", "Macron") == "France"
    # a surname alone once the text has used the full name
    assert _person("Olaf Scholz spoke in Berlin. On Monday Scholz said talks would resume.", "Scholz", 1) == "Germany"


def test_bare_surname_or_modifier_is_no_person() -> None:
    # near-misses: a surname never introduced, and a surname that modifies another noun
    assert _person("Scholz said on Monday that talks would resume.", "Scholz") is None
    assert _person("Lloyd Austin left the city on Monday. Austin police arrested two men.", "Austin", 1) is None


def test_leader_surname_as_modifier_makes_no_state() -> None:
    ev = _events("Austin police arrested two men after a shooting at a bar on Monday.")
    assert all(_side(e.initiator) != "United States" for e in ev)
