"""ACLED-note coding rules (issue 9, acled2): protest wordings, Armed clash vs Attack by who was hit, Mob violence
vs Violent demonstration, property destruction verbs. Every sentence is our own; each rule has near-misses."""

from __future__ import annotations

import pytest

from claimtrack.extract.events.ranking import armed_victims
from claimtrack.models import Article, Event
from claimtrack.nlp import make_doc


def _main(nlp, text: str) -> Event | None:  # type: ignore[no-untyped-def]
    doc = nlp(make_doc(nlp, Article(id="t", text=text, published="2026-05-04")))
    coded = [e for e in doc._.events if e.acled is not None]
    return coded[0] if coded else None


def _sub(nlp, text: str) -> str | None:  # type: ignore[no-untyped-def]
    e = _main(nlp, text)
    return e.acled.sub_event_type if e is not None and e.acled is not None else None


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # a gathering and a second verb of grievance
        ("On 2 May 2026, nurses gathered in front of Lyon's town hall and demanded better pay.", "Peaceful protest"),
        (
            "Hundreds of farmers assembled in the main square of Tula and denounced the new water tax.",
            "Peaceful protest",
        ),
        # a road or a building closed to complain
        ("On 2 May 2026, taxi drivers closed the bridge in Lagos to complain about fuel prices.", "Peaceful protest"),
        ("Parents blocked the school gate in Oruro to ask for more teachers.", "Peaceful protest"),
        # the grievance told as a feeling
        (
            "Residents gathered in front of the mayor's office in Tarija to voice their anger at the water cuts.",
            "Peaceful protest",
        ),
        (
            "Students assembled at the campus in Kumasi to express solidarity with the striking lecturers.",
            "Peaceful protest",
        ),
        # participle forms
        ("Fishermen blocked the harbour entrance of Sfax complaining about diesel prices.", "Peaceful protest"),
        (
            "Dozens of pensioners gathered outside parliament in Sofia chanting slogans against the reform.",
            "Peaceful protest",
        ),
        # a press conference with banners
        (
            "On 2 May 2026, union members held a press conference with a banner in front of the city hall in Busan.",
            "Peaceful protest",
        ),
        ("Activists held a press conference with placards outside the ministry in Taipei.", "Peaceful protest"),
        ("Tenant associations called a press conference and picketed at the courthouse of Ulsan.", "Peaceful protest"),
        # named forms of protest
        ("Students staged a flash mob in Milan to condemn bullying.", "Peaceful protest"),
        ("Delivery riders carried out a motorcade through Recife on Tuesday.", "Peaceful protest"),
        ("Lawyers held a walkout at the high court in Nakuru.", "Peaceful protest"),
        ("On 2 May 2026, teachers demonstrated by blocking the entrance of the ministry in Rabat.", "Peaceful protest"),
        ("Health workers demonstrated peacefully at the hospital in Kisumu.", "Peaceful protest"),
        ("Dozens of residents displayed placards outside the council office in Leeds.", "Peaceful protest"),
        ("Retired miners carried banners through the centre of Oviedo.", "Peaceful protest"),
        ("A general strike shut shops across Athens on Monday.", "Peaceful protest"),
        ("Rail workers gathered at the depot in York as part of strike action over pay.", "Peaceful protest"),
        ("Students boycotted classes at the university in Dhaka.", "Peaceful protest"),
        # a group named 'Against ...' is no stated cause
        (
            "Members of the Coalition Against Noise staged a protest in Pune, demanding quieter streets.",
            "Peaceful protest",
        ),
        ("Members of the League Against Hunger held a protest outside the ministry in Lima.", "Peaceful protest"),
    ],
)
def test_protest_wordings(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "Fans gathered outside the stadium and chanted the coach's name.",
        "Police closed the road to traffic after the accident.",
        "The bakery displayed a banner announcing its anniversary sale.",
        "The results demonstrated that the drug works.",
        "As demonstrated by the survey, most voters back the plan.",
        "The president's motorcade passed through the old town.",
        "His low strike from 25 yards beat the goalkeeper at the near post.",
        "A rally in stocks lifted the index to a record.",
        "The defender protested his innocence after the red card.",
        "Delegates gathered in Geneva and discussed the new trade rules.",
    ],
)
def test_protest_near_misses(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) is None


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 2 May 2026, rebels shot and killed two soldiers near Goma.", "Armed clash"),
        ("On 2 May 2026, a policeman in Cali was shot dead on his way home.", "Armed clash"),
        ("Unknown gunmen opened fire on a militia patrol near Kidal, wounding one fighter.", "Armed clash"),
        # near-misses: the victims are civilians, or the armed men are only the agents
        ("On 2 May 2026, gunmen shot and killed two farmers near Goma.", "Attack"),
        ("The bodies of two women were found near Hama. Both had been killed by masked gunmen.", "Attack"),
        ("Gunmen opened fire on a bus near Bria, killing a soldier and three passengers.", "Attack"),
    ],
)
def test_armed_victims_make_a_clash(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


def test_armed_victims_reads_the_object_not_the_agent() -> None:
    assert armed_victims("militants ambushed an army patrol")
    assert armed_victims("three policemen were killed")
    assert not armed_victims("a man was killed by gunmen")
    assert not armed_victims("soldiers killed two villagers")


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 2 May 2026, rioters in Lusaka beat up an alleged pickpocket.", "Mob violence"),
        (
            "Riots broke out in the market of Kananga after a trader was killed; rioters burned two stalls.",
            "Mob violence",
        ),
        # near-misses: a demonstration turned violent
        ("On 2 May 2026, rioters hurled stones at police during a protest in Nairobi.", "Violent demonstration"),
        ("Rioters demanding jobs burned tyres outside the governor's office in Basra.", "Violent demonstration"),
    ],
)
def test_riots_without_a_demonstration_are_mob_violence(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 2 May 2026, unknown men set ablaze a truck at a quarry in Kano.", "Looting/property destruction"),
        ("Arsonists set two buses ablaze in the depot of Mombasa.", "Looting/property destruction"),
        ("The authorities demolished three houses in the village of Sarta.", "Looting/property destruction"),
        ("Youths sprayed graffiti on the walls of the town hall in Kassel.", "Looting/property destruction"),
    ],
)
def test_property_destruction_verbs(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "The crowd was set alight by the band's opening song.",
        "The artist painted a mural for the library.",
        "The air strike destroyed a bridge near the front.",
    ],
)
def test_property_destruction_near_misses(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) != "Looting/property destruction"


def test_civilian_victims_elsewhere_keep_the_attack() -> None:
    assert not armed_victims("Gunmen stormed a school, killing students, before police shot the gunmen dead.")


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Riots against the new fuel tax spread across Oran on Friday.", "Violent demonstration"),
        ("Rioters over the election result torched cars in Lilongwe.", "Violent demonstration"),
    ],
)
def test_riots_with_a_stated_cause_are_demonstrations(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


def test_a_threatened_strike_stays_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(make_doc(nlp, Article(id="t", text="The dockers threatened to hold a general strike next week.")))
    assert doc._.events and doc._.events[0].type == "threat"
    assert _sub(nlp, "The dockers threatened to hold a general strike next week.") is None


@pytest.mark.parametrize(
    ("text", "sub", "dead"),
    [
        ("On 2 May 2026, unknown men killed a shopkeeper in his store in Tal Afar.", "Attack", 1),
        ("On 2 May 2026, border guards fired at a car near Jizan, killing 4 foreign nationals.", "Attack", 4),
        ("On 2 May 2026, a patrol of the army killed a suspected rebel in the hills near Tessalit.", "Armed clash", 1),
        ("Soldiers killed a separatist commander during a raid on a camp near Bamenda.", "Armed clash", 1),
    ],
)
def test_a_killing_with_a_named_victim_is_an_incident(nlp, text: str, sub: str, dead: int) -> None:  # type: ignore[no-untyped-def]
    e = _main(nlp, text)
    assert e is not None and e.acled is not None and e.acled.sub_event_type == sub
    assert e.fatalities == dead


@pytest.mark.parametrize(
    "text",
    [
        "A landslide killed a woman and her son in the mountain village.",
        "The storm killed a farmer and flattened hundreds of homes.",
    ],
)
def test_a_killing_by_nature_is_no_attack(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) is None
