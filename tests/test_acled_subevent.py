"""ACLED sub-event type (issue 9, subevent): an armed group named only as the agent of a passive is the attacker,
not a side hit in a battle; former members of a force are civilians; unarmed groups that fight are a mob; a
gathering with a stated stance is a protest. Every sentence is our own; each rule has a near-miss."""

from __future__ import annotations

import pytest

from claimtrack.models import Article
from claimtrack.nlp import make_doc


def _sub(nlp, text: str) -> str | None:  # type: ignore[no-untyped-def]
    doc = nlp(make_doc(nlp, Article(id="t", text=text, published="2026-05-04")))
    events = doc._.events
    e = events[0] if events else None
    return e.acled.sub_event_type if e is not None and e.acled is not None else None


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the armed side is only the agent: its victims are unarmed (Attack)
        ("On 3 May 2026, four farmers were killed by rebel fighters near Brookvale.", "Attack"),
        ("On 3 May 2026, a shopkeeper was shot and killed by unknown gunmen in Riverton.", "Attack"),
        # near-miss: the victims are themselves an armed force (Armed clash)
        ("On 3 May 2026, two soldiers were killed by rebel fighters near Brookvale.", "Armed clash"),
    ],
)
def test_armed_agent_of_a_passive(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 3 May 2026, a former police officer was shot in the head by a pair of gunmen in Riverton.", "Attack"),
        ("On 3 May 2026, a retired soldier was killed by militants in his house near Brookvale.", "Attack"),
        # near-miss: a serving officer (Armed clash)
        ("On 3 May 2026, two police officers on patrol were wounded by militants in Riverton.", "Armed clash"),
    ],
)
def test_former_members_are_civilians(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 3 May 2026, two groups of taxi drivers clashed with sticks over a parking spot in Riverton.",
            "Mob violence",
        ),
        (
            "On 3 May 2026, two families clashed over a boundary in Brookvale, leaving three people injured.",
            "Mob violence",
        ),
        # near-miss: one side is an armed force
        (
            "On 3 May 2026, villagers clashed with militants in Brookvale, leaving three people injured.",
            "Armed clash",
        ),
    ],
)
def test_unarmed_groups_that_clash(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 3 May 2026, dock workers gathered at the gate of the port in Riverton to demonstrate for job security.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2026, parents assembled outside the town hall of Brookvale (Ohio) against the school closure.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2026, residents gathered at the square of Riverton in support of the jailed mayor.",
            "Peaceful protest",
        ),
        # near-miss: a gathering with no stance told
        ("On 3 May 2026, fans gathered for the final in the main square of Riverton.", None),
    ],
)
def test_gatherings_with_a_stance(nlp, text: str, sub: str | None) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 3 May 2026, about 40 people held a vigil in Riverton on the second anniversary of the prison riot.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2026, teachers held a protest in Brookvale over being kept from the capital because of "
            "violent riots there.",
            "Peaceful protest",
        ),
        # near-miss: the protesters riot themselves
        (
            "On 3 May 2026, teachers held a protest in Brookvale and rioted, smashing the windows of the town hall.",
            "Violent demonstration",
        ),
    ],
)
def test_riot_named_in_a_protests_cause(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 3 May 2026, about 30 No Tunnel activists gathered outside the town hall of Riverton to protest "
            "against the new road.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2026, members of the No Border network gathered in Brookvale to protest against the "
            "deportations.",
            "Peaceful protest",
        ),
        # near-miss: a lower-case "no" denies the gathering
        ("On 3 May 2026, no activists gathered in Riverton to protest against the new road.", None),
    ],
)
def test_no_in_a_groups_name(nlp, text: str, sub: str | None) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 3 May 2026, residents blocked the main road of Riverton to demonstrate over the death of a boy hit by "
            "a truck.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2026, dozens of nurses gathered outside the hospital in Riverton (Texas) to voice their concern "
            "about staff cuts.",
            "Peaceful protest",
        ),
        # near-miss: a road closed with no grievance
        ("On 3 May 2026, drivers closed the road to traffic in Riverton.", None),
    ],
)
def test_purpose_of_a_blockade_or_gathering(nlp, text: str, sub: str | None) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 3 May 2026, about 30 people gathered in Riverton (Ontario) to raise awareness about the lack of "
            "mental health services.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2026, students marched through the centre of Brookvale to raise awareness of the climate crisis.",
            "Peaceful protest",
        ),
        # near-miss: an awareness campaign with no gathering
        ("On 3 May 2026, the health ministry launched a campaign in Riverton to raise awareness of diabetes.", None),
    ],
)
def test_gathering_to_raise_awareness(nlp, text: str, sub: str | None) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 3 May 2026, about 150 parents took over the primary school in Brookvale to demand that the "
            "authorities repair the roof.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2026, farmers took over the municipal offices of Riverton to denounce the unpaid subsidies.",
            "Peaceful protest",
        ),
        # near-miss: a take-over with no grievance
        ("On 3 May 2026, a large firm took over the factory in Riverton to expand its production.", None),
    ],
)
def test_take_over_to_demand(nlp, text: str, sub: str | None) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 3 May 2026, three rebel forces were shot dead by unknown gunmen near Brookvale.", "Armed clash"),
        (
            "On 3 May 2026, masked gunmen shot dead two 3rd Brigade members on the road out of Riverton.",
            "Armed clash",
        ),
        # near-miss: members of a family are civilians
        ("On 3 May 2026, masked gunmen shot dead two members of a local family in Riverton.", "Attack"),
    ],
)
def test_forces_and_unit_members_hit(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub
