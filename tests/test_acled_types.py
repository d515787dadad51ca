"""ACLED sub-event type of the main event (issue 9, acledtype): protest wordings with long gaps, what a protest is
about versus how it went, the state's intervention, and who did the violence (ACLED's codebook: Attack, Mob violence,
Armed clash, Abduction vs Arrests). Every sentence is our own; each rule has a near-miss."""

from __future__ import annotations

import pytest

from claimtrack.models import Article, Event
from claimtrack.nlp import make_doc


def _main(nlp, text: str) -> Event | None:  # type: ignore[no-untyped-def]
    doc = nlp(make_doc(nlp, Article(id="t", text=text, published="2026-05-04")))
    events = doc._.events
    # the scorer reads the first event as the main one, so the coded incident must come first
    return events[0] if events and events[0].acled is not None else None


def _sub(nlp, text: str) -> str | None:  # type: ignore[no-untyped-def]
    e = _main(nlp, text)
    return e.acled.sub_event_type if e is not None and e.acled is not None else None


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # a purpose clause far from the gathering verb, past a list of groups and a place in brackets
        (
            "On 2 May 2026, members of the Teachers' Union, the Nurses' Association, the Students' Federation and the "
            "Retirees' League gathered in front of the regional assembly in Valencia (Valencia, Spain) to denounce "
            "the budget cuts.",
            "Peaceful protest",
        ),
        (
            "Truck drivers blocked a road that links the port of Tema with the industrial zone of Kpone (Greater "
            "Accra) to complain about diesel prices.",
            "Peaceful protest",
        ),
        # placards and banners carried while walking or standing
        ("Retired miners walked with placards to the governor's office in Oruro.", "Peaceful protest"),
        ("Dozens of parents stood with banners outside the school in Porto on Monday.", "Peaceful protest"),
        # a gathering in support of someone
        (
            "Hundreds of people gathered in support of the jailed journalist outside the court in Tunis.",
            "Peaceful protest",
        ),
        ("Farmers marched in support of the striking dock workers in Rotterdam.", "Peaceful protest"),
        # a pandemic named as the topic of a protest is no disaster of the day
        (
            "Around 200 people gathered in Lyon denouncing coronavirus restrictions and the coronavirus vaccination "
            "pass.",
            "Peaceful protest",
        ),
    ],
)
def test_protest_wordings(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        # gathering with an object is no demonstration, however long the sentence
        "The committee gathered the reports from the regional offices, the hospitals and the schools in the north of "
        "the country to present them to the board.",
        "The vendor walked with a banner advertising the new shop.",
        "The board gathered data in support of the new pricing model.",
    ],
)
def test_protest_near_misses(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _main(nlp, text) is None


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # what a protest is about, told after it, is no event of its own and no intervention
        ("Residents protested in Kaduna over the rising number of abductions on the highway.", "Peaceful protest"),
        (
            "Students demonstrated in front of the Dhaka court house after the arrest of their union leader.",
            "Peaceful protest",
        ),
        (
            "Dozens of women marched in Lima to denounce sexual harassment at the university.",
            "Peaceful protest",
        ),
        ("Villagers protested near Ilorin and decried the detention of their chief.", "Peaceful protest"),
        # near-miss: the police acting in a clause of its own is how the protest went
        (
            "Students demonstrated in front of the Dhaka court house against the fee rise, and police arrested "
            "twelve of them.",
            "Protest with intervention",
        ),
    ],
)
def test_a_protests_cause_is_not_its_outcome(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 2 May 2026, teachers staged a protest in Patna demanding permanent jobs. Police used force and "
            "cane-charged the teachers.",
            "Protest with intervention",
        ),
        (
            "Nurses marched to the health ministry in Accra to demand back pay. Police intervened and stopped the "
            "march.",
            "Protest with intervention",
        ),
        # the sign is as salient as the protest it follows, however long the note
        (
            "On 2 May 2026, a group of unemployed graduates of the teacher training colleges of the region gathered in "
            "front of the stadium of Nakuru, and then marched on to the county governor's office, at the main square "
            "of the town (Nakuru County). The group protested against the hiring rules of the county, which they "
            "called unfair to graduates from poor families. The county police dispersed them.",
            "Protest with intervention",
        ),
        # near-miss: a sign that is denied
        (
            "Workers marched through Leeds to protest the pay freeze, and there was no clash with the police.",
            "Peaceful protest",
        ),
    ],
)
def test_intervention_signs(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # hands-on violence by an unorganised group is Mob violence
        (
            "On 2 May 2026, students of a boarding school in Nakuru beat up a classmate over a stolen phone.",
            "Mob violence",
        ),
        (
            "A group of men who had queued for bread assaulted and injured a shopkeeper in Kisumu on Monday.",
            "Mob violence",
        ),
        ("Residents stoned a suspected burglar in Kampala on Sunday.", "Mob violence"),
        ("Villagers hurled stones at passing cars on the road near Jenin on Friday.", "Mob violence"),
        # a clash between party supporters with no arms told
        ("Supporters of two rival candidates clashed outside a polling station in Pokhara on Friday.", "Mob violence"),
        # near-misses: an organised or state actor, a passive victim, a clash with firearms
        ("On 2 May 2026, a police officer assaulted a street vendor in Almaty.", "Attack"),
        ("Two students were beaten up by members of a criminal gang in Manaus.", "Attack"),
        ("Soldiers fired at a car at a checkpoint near Herat, injuring the driver.", "Attack"),
    ],
)
def test_who_did_the_violence(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


def test_a_clash_with_firearms_is_no_mob(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Two villagers died from gunshots when supporters of two armed factions clashed near Sylhet."
    assert _sub(nlp, text) not in (None, "Mob violence")


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # shots fired at a force's post are a battle (the armed victims rule)
        ("On 2 May 2026, rebels fired at an army checkpoint near Gao.", "Armed clash"),
        ("Militants fired on a police station in Bannu overnight.", "Armed clash"),
        # a detention by an armed group, or one whose victims vanished, is an abduction
        ("On 2 May 2026, rebels detained three traders on the road to Bunia.", "Abduction/forced disappearance"),
        (
            "Security forces arrested twelve men in Gao on Monday. Their whereabouts remained unknown.",
            "Abduction/forced disappearance",
        ),
        # a detention with a beating is the violence
        ("Soldiers beat and arrested a farmer at his home in Magway.", "Attack"),
        # near-misses: the state's arrests stay Arrests, and so do militants who were arrested
        ("On 2 May 2026, police arrested three traders in Bunia.", "Arrests"),
        ("Some militants arrested in Gao were handed to the police.", "Arrests"),
    ],
)
def test_armed_posts_and_detentions(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        # no violence: a side beaten in a match, an assault rifle, a trade assault on a market
        "The home side was beaten 3-0 by the visitors on Saturday.",
        "Arsenal beat them 2-1 in the cup final.",
        "The museum displayed an assault rifle from the 1950s.",
    ],
)
def test_violence_near_misses(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _main(nlp, text) is None


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the violence is the event, the arrests that follow or come with it are not
        (
            "On 2 May 2026, two gunmen shot a shopkeeper dead inside his store in Recife. Two suspects were arrested "
            "a week later.",
            "Attack",
        ),
        (
            "Gunmen ambushed a police patrol near Cali on Sunday. The police fired back and two attackers were "
            "arrested.",
            "Armed clash",
        ),
        (
            "Members of the two communities fought each other outside a bar in Lille. Police detained four of them.",
            "Mob violence",
        ),
        # near-miss: an arrest with no violence told stays Arrests
        ("On 2 May 2026, police arrested two suspects in Recife in a case of fraud.", "Arrests"),
    ],
)
def test_violence_before_its_arrests(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


def test_demonstrated_with(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On 2 May 2026, taxi drivers demonstrated with a caravan of cars through Guadalajara."
    assert _sub(nlp, text) == "Peaceful protest"
    # near-miss: the passive 'as demonstrated with' names a proof, no demonstration
    assert _main(nlp, "The effect was demonstrated with a new model of the engine.") is None


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # a weapon named as what was found or defused is a seizure, not an attack
        ("On 2 May 2026, soldiers discovered and defused two IEDs near the market of Gao.", "Disrupted weapons use"),
        ("Police recovered a hand grenade left under a bench in Bogota on Monday.", "Disrupted weapons use"),
        # arms recovered after a battle are its outcome
        (
            "On 2 May 2026, troops clashed with rebels near Beni. Four rebels were killed; rifles and two grenades "
            "were recovered.",
            "Armed clash",
        ),
        # near-miss: a device found by civilians that went off is the blast
        (
            "Two herders were hurt near Idlib when an explosive device they had found went off.",
            "Remote explosive/landmine/IED",
        ),
        # demonstrators who set tyres on fire make a violent demonstration
        (
            "On 2 May 2026, residents blocked the avenue by setting tyres on fire to demonstrate against the "
            "evictions.",
            "Violent demonstration",
        ),
    ],
)
def test_seizures_and_violent_demonstrations(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 2 May 2026, the militia repulsed an attack by rebels on its base near Kidal.", "Armed clash"),
        ("Insurgents launched an attack against army and police forces at the camp of Bama.", "Armed clash"),
        (
            "On 2 May 2026, the army fired from its posts along the northern ridge towards the positions of rival "
            "troops.",
            "Armed clash",
        ),
        ("On 2 May 2026, militants sabotaged two electric pylons near Dori.", "Looting/property destruction"),
        ("Party youths seized and destroyed a candidate's vehicle in Gweru.", "Looting/property destruction"),
    ],
)
def test_battles_and_damage(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "The hackers sabotaged the company's website on Friday.",
        "The opposition sabotaged the budget talks in parliament.",
    ],
)
def test_sabotage_near_misses(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _main(nlp, text) is None


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the crowd named as the agent of a passive, or by what its members are
        (
            "On 6 May 2026, a burglar caught in a shop was badly beaten by local shopkeepers and passers-by in Belem.",
            "Mob violence",
        ),
        ("Street vendors attacked and injured a market inspector in Tiznit on Sunday.", "Mob violence"),
        # near-miss: soldiers named as the agent
        ("A trader was assaulted by soldiers at a checkpoint in Gulu.", "Attack"),
    ],
)
def test_crowd_agents(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the protesters described by a past harm: the harm is why they protest
        (
            "On 3 May 2026, relatives of people who went missing in police custody staged a demonstration in Van to "
            "demand justice.",
            "Peaceful protest",
        ),
        ("The family of the kidnapped engineer held a protest in Quetta to demand his release.", "Peaceful protest"),
        ("Friends of a murdered journalist held a vigil outside the Belgrade courthouse.", "Peaceful protest"),
        # near-miss: the relatives are the victims and no protest is told
        ("Gunmen kidnapped the relatives of a local chief near Kaduna.", "Abduction/forced disappearance"),
    ],
)
def test_protesters_named_by_a_harm(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the act in one sentence, its purpose in the next, told by "they"
        (
            "On 4 May 2026, around 40 farmers blocked the access to a warehouse in Tours. They called for higher "
            "prices.",
            "Peaceful protest",
        ),
        (
            "On 4 May 2026, a dozen activists occupied a bank in Lille. They denounced its loans to coal firms.",
            "Peaceful protest",
        ),
        # near-miss: a sentence told between the gathering and the demand
        (
            "On 4 May 2026, residents gathered at the market in Lyon. The mayor opened a new hall. They demanded lower "
            "prices.",
            None,
        ),
    ],
)
def test_act_then_purpose_in_the_next_sentence(nlp, text: str, sub: str | None) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the attack reading came second to an arrest or a crime word: the armed victims still make it a clash
        (
            "On 4 May 2026, gunmen opened fire on police officers in Lyon during a raid to arrest a suspect.",
            "Armed clash",
        ),
        (
            "On 4 May 2026, in Recife, a pair of hooded men shot and killed a known cocaine trafficker near a park.",
            "Armed clash",
        ),
        # near-miss: the victim is a shopkeeper
        ("On 4 May 2026, in Recife, a pair of hooded men shot and killed a baker near a park.", "Attack"),
    ],
)
def test_armed_victims_behind_another_reading(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the demand is the protest's purpose: what it asks for (aid after a flood) does not outweigh the protest
        (
            "On 21 June 2026, in Natal, tenants carried out a protest to demand emergency aid after losing their "
            "homes to floods.",
            "Peaceful protest",
        ),
        ("Nurses rallied in Porto to demand compensation for the victims of the hospital fire.", "Peaceful protest"),
        # near-miss: a demand with no protest
        ("The opposition leader demanded financial aid for victims of the floods in Natal.", None),
    ],
)
def test_a_demand_as_a_protests_purpose(nlp, text: str, sub: str | None) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # a protest camp and striking workers are forms of demonstration
        ("On 4 May 2026, farmers set up a protest camp outside the ministry in Rome.", "Peaceful protest"),
        ("On 6 May 2026, striking dockers picketed the port of Antwerp.", "Peaceful protest"),
        (
            "On 6 May 2026, striking bus employees barred the gates of a garage in Leeds. Their motives were "
            "not reported.",
            "Peaceful protest",
        ),
        # near-misses: an armed group's camp; "striking" as an adjective of no worker
        ("On 4 May 2026, rebels set up a camp deep in the forest near Beni.", "Headquarters or base established"),
        ("On 6 May 2026, a striking resemblance between two robberies in Leeds was noted by the press.", None),
    ],
)
def test_protest_camps_and_strikers(nlp, text: str, sub: str | None) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # a labour strike held or called by people
        ("On 25 February 2026, moto-taxi riders held a strike across Bouake against fuel costs.", "Peaceful protest"),
        ("The teachers' union called a 24-hour strike in Accra over unpaid wages.", "Peaceful protest"),
        # a road closed to call for something
        (
            "On 10 March 2026, farmers closed the highway leading to Gafsa to call on the "
            "authorities to repair a pipe.",
            "Peaceful protest",
        ),
        # near-miss: an armed force carries out its strikes
        ("On 25 February 2026, the air force carried out a strike on a depot near Idlib.", "Air/drone strike"),
    ],
)
def test_strikes_held_by_people(nlp, text: str, sub: str | None) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the protesters described by a relative clause naming a harm
        (
            "On 4 May 2026, families whose sons were abducted by the rebels staged a sit-in outside the governor's "
            "office in Gulu.",
            "Peaceful protest",
        ),
        ("Parents who say their daughters were kidnapped by a gang held a protest in Kaduna.", "Peaceful protest"),
        # near-miss: the families are the victims, no protest is told
        ("On 4 May 2026, gunmen shot dead two parents who were waiting outside a school in Gulu.", "Attack"),
    ],
)
def test_protesters_described_by_a_relative_clause(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # a memorial's dead are its cause: no event of their own
        (
            "On 4 May 2026, hundreds held a vigil in Lodz to commemorate the victims of the bombing of the railway "
            "station.",
            ["protest"],
        ),
        # a camp set up by protesters is the protest going on, not a base
        (
            "On 4 May 2026, in Neuquen, nurses staged a demonstration asking for higher pay. At night, a few dozen "
            "of them set up tents and a camp beside the provincial assembly.",
            ["protest", "base_established"],
        ),
        # near-miss: an armed group's camp, told after a rally
        (
            "On 4 May 2026, students held a rally in Lodz. Rebels later set up a camp among the hills nearby.",
            ["base_established", "protest"],
        ),
    ],
)
def test_memorials_and_protest_camps(nlp, text: str, types: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(make_doc(nlp, Article(id="t", text=text, published="2026-05-04")))
    assert [e.type for e in doc._.events] == types


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the state's acts inside the cause, opened by a second protest word or told as a custody
        (
            "On 7 June 2026, a demonstration was staged in Bursa, in protest of the rules which prevent sick "
            "prisoners from seeing doctors.",
            "Peaceful protest",
        ),
        (
            "On 3 March 2026, villagers held a quiet protest in Kisumu, calling for justice, following the "
            "death of a man while in police custody.",
            "Peaceful protest",
        ),
        # near-misses: the police act in a clause of their own
        (
            "On 7 June 2026, students rallied in Bursa against the fee rise, while police arrested four of them.",
            "Protest with intervention",
        ),
        (
            "On 7 June 2026, a demonstration was staged in Bursa against the new law, and police detained twelve "
            "people.",
            "Protest with intervention",
        ),
    ],
)
def test_state_acts_inside_a_protests_cause(nlp, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert _sub(nlp, text) == sub
