"""The incident's facts (issue 10) through the whole pipeline, on sentences we wrote: its day, its casualties and
its sides, each rule with a near-miss."""

from __future__ import annotations

import pytest

from claimtrack.extract.events.dates import time_precision
from claimtrack.models import Article, Event, EventDate
from claimtrack.nlp import process

FRI = "2025-03-14"  # a Friday


def _events(text: str, published: str | None = FRI) -> list[Event]:
    result = next(process([Article(id="t", text=text, published=published)]))
    return [e for e in result.events if e.acled is not None]


def _main(text: str, published: str | None = FRI) -> Event:
    events = _events(text, published)
    assert events, f"no ACLED event in {text!r}"
    return events[0]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the date of the incident's clause, not of the reporting verb
        ("The ministry said on Thursday that gunmen attacked the border post on Wednesday.", "2025-03-12"),
        ("Officials reported on Friday that rebels had ambushed a convoy on Tuesday.", "2025-03-11"),
        # parts of the day and nights
        ("Militants ambushed a patrol on Friday evening near the lake, killing three soldiers.", "2025-03-14"),
        ("Rebels shelled the town overnight into Sunday, killing four people.", "2025-03-09"),
        ("Police said on Saturday that 12 people died in a bombing at a market the previous evening.", "2025-03-07"),
        # "yesterday (Monday)": the explicit day the writer added
        ("The army said it repelled an assault on its base yesterday (Monday), killing 10 insurgents.", "2025-03-10"),
        # an incident told without a date of its own takes the date the article gives its incident
        ("Gunmen stormed a village in the north. Five farmers were shot dead. The attack happened on Tuesday.",
         "2025-03-11"),
        # near-miss: a date describing a participant or the start of a state is no date of the incident
        ("On 9 March 2025, workers who won a lawsuit in 2013 protested outside the court.", "2025-03-09"),
        ("On 2 March 2025, relatives of a man missing since last November protested outside the court.", "2025-03-02"),
    ],
)  # fmt: skip
def test_incident_day(text: str, day: str) -> None:
    main = _main(text)
    assert main.date is not None and main.date.value == day


def test_undated_incident_takes_publication_day_flagged() -> None:
    main = _main("Raiders attacked a customs post near the river, killing three officers.")
    assert main.date is not None and (main.date.value, main.date.basis) == (FRI, "published")
    assert time_precision(main.date) == 2
    own = _main("Raiders attacked a customs post on Tuesday, killing three officers.")
    assert own.date is not None and own.date.basis == "own" and time_precision(own.date) == 1


def test_time_precision_of_coarse_dates() -> None:
    assert time_precision(EventDate(value="2025-03", precision="month", text="earlier this month")) == 3
    assert time_precision(None) is None


@pytest.mark.parametrize(
    ("text", "fatalities", "injured"),
    [
        ("On 5 May 2025, a trader was shot and killed by two armed men on a motorbike. 1 fatality.", 1, None),
        ("Rebels attacked an army post on Monday. One guard was killed and three were injured.", 1, 3),
        ("Gunmen raided a village on Monday. He was killed in the incident.", 1, None),
        ("A mob beat a shopkeeper accused of fraud on Monday. The shopkeeper later succumbed to her wounds.", 1, None),
        ("Gunmen attacked a bus on Monday. Seven rangers were killed and five others hurt.", 7, 5),
        ("Rebels shelled a market on Monday. There were no casualties.", 0, None),
        # the latest figure of a rising toll, the total not its subset, not a cumulative figure
        ("A car bomb exploded at a market on Monday. The death toll rose from 8 to 15 on Tuesday.", 15, None),
        ("An airstrike hit a school on Monday, killing 14 people, nine of them children.", 14, None),
        ("A drone strike hit a market on Monday, killing six people. The war has killed 30,000 people since it "
         "began.", 6, None),
        # the dead of a side act's sentence are the toll of the incident told before it
        ("Troops exchanged fire with rebels on Monday. Four rebels were killed, and one was arrested.", 4, None),
        # vague amounts the ACLED way, and an estimate never beats a stated figure
        ("Gunmen attacked a village on Monday, killing dozens of people.", 12, None),
        ("Gunmen attacked a village on Monday, killing dozens of people. Officials later put the toll at 31.", 31,
         None),
    ],
)  # fmt: skip
def test_casualties(text: str, fatalities: int | None, injured: int | None) -> None:
    main = _main(text)
    assert (main.fatalities, main.injured) == (fatalities, injured)


def _sides(text: str) -> tuple[str | None, str | None]:
    main = _main(text)
    return (main.initiator.entity or main.initiator.text if main.initiator else None,
            main.target.entity or main.target.text if main.target else None)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "initiator", "target"),
    [
        # the owner of the act named as adjective, possessive or compound is its initiator, never its target
        ("An Israeli strike on a farmhouse killed four people on Monday.", "Israel", "Civilians"),
        ("Three shepherds died in a Ukrainian drone attack near the village on Monday.", "Ukraine", "Civilians"),
        ("NLF drones hit a market in the city on Monday, killing 12 people.", "NLF", "Civilians"),
        # near-miss: a state named on the struck place is the target's side
        ("A drone strike on a Russian airfield destroyed two jets on Monday.", None, "Russia"),
        # the side that fired is the initiator of a strike its enemy intercepted, not the interceptor ...
        ("The army's air defences intercepted seven rockets fired by the rebels on Monday.", "rebels", None),
        # ... and the interceptor the initiator of an interception told alone
        ("Ukrainian air defences shot down two drones over the city on Monday.", "Ukraine", None),
        # numbers, reporters and places are no sides; victims who are not combatants are civilians
        ("On Monday, 32 people died in a bombing at a beach hotel, police said.", None, "Civilians"),
        ("Gunmen killed three farmers in a village on Monday, the agency reported.", "Gunmen", "Civilians"),
        # the one claimant or accused the text names is the initiator where the act names none
        ("A suicide bomber blew himself up at a market on Monday, killing nine people. The Northern Front said its "
         "fighters had carried out the bombing.", "Northern Front", "Civilians"),
        ("A truck bomb exploded beside an army depot on Monday, killing five people. The president blamed the attack "
         "on the Northern Front.", "Northern Front", "Civilians"),
        ("A bomb exploded at a bus station on Monday, killing four people. The Northern Front claimed "
         "responsibility.", "Northern Front", "Civilians"),
        ("A bomb exploded at a bus station on Monday, killing four people. The region's main rebel group, the "
         "Northern Front, said its fighters had carried out the bombing.", "Northern Front", "Civilians"),
        # near-miss: rival accusations leave the initiator open
        ("A bomb exploded at a bus station on Monday, killing four people. Police blamed the Northern Front, while "
         "officials blamed the Western Brigade.", None, "Civilians"),
        # a protest's sides the ACLED way
        ("Hundreds of teachers protested outside parliament in Nairobi on Monday. Police fired tear gas to disperse "
         "them.", "Protesters (Kenya)", "Police Forces of Kenya"),
    ],
)  # fmt: skip
def test_sides(text: str, initiator: str | None, target: str | None) -> None:
    got_initiator, got_target = _sides(text)
    assert got_initiator == initiator
    # the country of "Civilians (country)" is the places stage's reading of the place named
    assert (got_target or "").split(" (")[0] == (target or "").split(" (")[0] if target else got_target is None


def test_combatant_victims_are_not_civilians() -> None:
    main = _main("Rebels ambushed an army patrol on Monday, killing six soldiers.")
    assert main.target is None or not (main.target.entity or "").startswith("Civilians")


def test_acled_actor_names() -> None:
    from claimtrack.extract.events.parties import acled_actor
    from claimtrack.models import Actor

    assert acled_actor(Actor(text="Russian forces", entity="Russia")) == "Military Forces of Russia (2000-)"
    assert acled_actor(Actor(text="Kenyan police", entity="Kenya")) == "Police Forces of Kenya"
    assert acled_actor(Actor(text="Chadian troops", entity="Chad")) == "Military Forces of Chad"
    assert acled_actor(Actor(text="civilians", entity="Civilians (Sudan)")) == "Civilians (Sudan)"
    assert acled_actor(None) is None
