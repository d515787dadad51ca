"""The incident's toll and day (issue 10) through the whole pipeline, on sentences we wrote: later toll sentences,
tolls told by back-reference, deaths a protest was held over, and dates that describe a thing, each with a
near-miss."""

from __future__ import annotations

import pytest

from claimtrack.models import Article, Event
from claimtrack.nlp import process

MON = "2025-03-10"  # published on a Monday


def _events(text: str) -> list[Event]:
    result = next(process([Article(id="t", text=text, published=MON)]))
    return [e for e in result.events if e.acled is not None]


def _main(text: str) -> Event:
    events = _events(text)
    assert events, f"no ACLED event in {text!r}"
    return events[0]


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # a later sentence that tells the dead with no day or place of its own: the toll of the incident before it
        ("Rebels attacked an army post near Gao on Sunday. Two soldiers died in the fighting.", 2),
        ("Militants exchanged fire with troops at a checkpoint near Mopti on Sunday. Six soldiers and three militants "
         "were killed in the encounter.", 9),
    ],
)  # fmt: skip
def test_later_toll_belongs_to_the_incident(text: str, fatalities: int) -> None:
    assert _main(text).fatalities == fatalities


def test_two_incidents_keep_their_own_tolls() -> None:
    # near-miss: the second sentence names its own day and place, so it is another incident
    events = _events("Gunmen killed three farmers in Kaduna on Sunday. On Saturday, a bomb killed five people in Kano.")
    assert sorted(e.fatalities or 0 for e in events) == [3, 5]
    events = _events("Gunmen killed three farmers in Kaduna on Sunday. In Kano, a bomb killed five people at a market.")
    assert sorted(e.fatalities or 0 for e in events) == [3, 5]


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # the victims counted before, pointed back to
        ("On 4 March 2025, gunmen abducted seven farmers near Gao. The victims were later killed.", 7),
        ("On 4 March 2025, militants stopped a bus near Gao and seized five passengers. The passengers were shot "
         "dead.", 5),
        # one victim or two told by a pronoun
        ("On 4 March 2025, gunmen ambushed a trader near Gao, killing him.", 1),
        ("On 4 March 2025, a bomb exploded near a patrol in Gao, injuring one soldier and killing another.", 1),
        ("On 4 March 2025, police fired live rounds at protesters in Accra, killing two of them.", 2),
        # the one the act was done to, told dying in a relative clause
        ("On 4 March 2025, a mob in Kano beat a suspected thief who later died in hospital.", 1),
        # a body found is one dead
        ("On 4 March 2025, a man's body was found on a road near Gao, killed by unknown gunmen.", 1),
        # near-miss: the group pointed back to was not counted, so there is no count to carry
        ("On 4 March 2025, ten soldiers were wounded in an ambush near Gao. The army gave no figure for the "
         "assailants, saying only that they were killed in the fighting.", 0),
        # near-miss: a part of a total told beside it is no toll of its own
        ("Gunmen attacked a bus near Gao on Sunday, killing 14 people, nine of them children.", 14),
    ],
)  # fmt: skip
def test_toll_by_back_reference(text: str, fatalities: int) -> None:
    assert (_main(text).fatalities or 0) == fatalities


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # a toll the teller settles on stands over a claim told before it
        ("On 4 March 2025, rebels clashed with troops near Gao. The rebels claimed they killed 12 soldiers. Officials "
         "later put the toll at 5.", 5),
        ("On 4 March 2025, rebels clashed with troops near Gao. The rebels said they killed 12 soldiers. The army "
         "later revised the toll to 4.", 4),
        # near-miss: a rising toll is no settled count, the highest figure stands
        ("On 4 March 2025, rebels clashed with troops near Gao. At least 10 soldiers were killed. The toll later rose "
         "to 15.", 15),
    ],
)  # fmt: skip
def test_settled_toll(text: str, fatalities: int) -> None:
    assert _main(text).fatalities == fatalities


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # the death a crowd gathered over is the cause of the protest, not its toll
        ("On 3 March 2025, students marched through the town after a classmate was killed by a soldier.", 0),
        ("On 4 March 2025, relatives of a farmer who died in a fire protested outside the town hall of Sucre.", 0),
        ("On 4 March 2025, villagers blocked the highway near Tula to demand the arrest of the men accused of killing "
         "two herders.", 0),
        ("On 3 March 2025, riots broke out in the market of Oruro after a driver was killed in a dispute.", 0),
        # near-miss: deaths at the protest itself are its toll
        ("On 4 March 2025, hundreds protested in Accra. Police opened fire on the crowd and three protesters were "
         "killed.", 3),
    ],
)  # fmt: skip
def test_deaths_a_protest_was_held_over(text: str, fatalities: int) -> None:
    assert (_main(text).fatalities or 0) == fatalities


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a date hung on a noun dates that thing, not the act of the clause
        ("On 7 March 2025, teachers gathered outside the school in Tula to call for gun control following the "
         "2 March 2025 shooting at the school.", "2025-03-07"),
        ("On 6 March 2025, residents marched in Tula against the police killing of a youth on 2 March 2024.",
         "2025-03-06"),
        # near-miss: the only date of the incident, even on a noun, still dates it
        ("The army said on Friday that an attack on Wednesday killed three soldiers near Gao.", "2025-03-05"),
    ],
)  # fmt: skip
def test_date_of_a_thing_is_not_the_incident_day(text: str, day: str) -> None:
    main = _main(text)
    assert main.date is not None and main.date.value == day


def _all(text: str) -> list[Event]:
    return next(process([Article(id="t", text=text, published=MON)])).events


def test_story_without_incident_dates_its_opening_acts() -> None:
    # a text that tells no incident: its opening acts are of the day it opens with
    events = _all(
        "On 3 March 2025, dozens of nurses were in front of the ministry in Lima. They called for better pay."
    )
    assert events and all(e.date is not None and e.date.value == "2025-03-03" for e in events)
    # near-miss: beside an incident a statement keeps no date rather than borrow the incident's
    events = _all(
        "On 3 March 2025, gunmen killed two guards at a mine near Gao. The governor threatened to close the mine."
    )
    statements = [e for e in events if e.acled is None and e.type == "threat"]
    assert statements and all(e.date is None for e in statements)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # a number right after the one thing it names is that thing's label, not a count of the dead
        ("On 4 March 2025, a sergeant from the army battalion 312 was killed in a mine blast near Gao.", 1),
        ("On 4 March 2025, fighters of Brigade 77 killed 4 soldiers near Route 9 outside Gao.", 4),
        # near-miss: the count after the label is still read
        ("On 4 March 2025, a bomb on bus 14 killed 6 passengers near Gao.", 6),
    ],
)  # fmt: skip
def test_a_label_number_is_no_toll(text: str, fatalities: int) -> None:
    assert _main(text).fatalities == fatalities


@pytest.mark.parametrize(
    "text",
    [
        # asking or not knowing how many states no amount
        "On 4 March 2025, gunmen attacked a village near Gao. It is unclear how many villagers died.",
        "On 4 March 2025, gunmen raided a market near Gao. Officials would not say how many people were killed.",
    ],
)
def test_how_many_is_no_figure(text: str) -> None:
    assert _main(text).fatalities is None


def test_many_alone_is_still_an_estimate() -> None:
    # near-miss: "many" with no "how" before it is the vague amount ACLED codes
    assert _main("On 4 March 2025, gunmen attacked a village near Gao. Many villagers died.").fatalities


@pytest.mark.parametrize(
    ("text", "fatalities", "injured"),
    [
        # dead and wounded joined by "and" are two tolls, not one group
        ("On 4 March 2025, rebels ambushed an army patrol near Gao. There were 4 fatalities and 9 injuries.", 4, 9),
        ("On 4 March 2025, a car bomb exploded at a market in Gao, causing 2 deaths and 7 injuries.", 2, 7),
        # near-miss: two groups of dead joined by "and" are one toll
        ("On 4 March 2025, a car bomb exploded at a market in Gao. Two soldiers and a trader were killed.", 3, None),
    ],
)  # fmt: skip
def test_dead_and_wounded_are_not_summed(text: str, fatalities: int, injured: int | None) -> None:
    main = _main(text)
    assert (main.fatalities, main.injured) == (fatalities, injured)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # a bracketed aside between the fighter and "was killed" does not hide the killing
        ("On 4 March 2025, a rebel (said to be a new recruit) was killed by the army during a raid near Gao.", 1),
        ("On 4 March 2025, two militants (believed to be from a local cell) were killed by troops near Gao.", 2),
    ],
)  # fmt: skip
def test_aside_after_the_dead_fighter(text: str, fatalities: int) -> None:
    assert _main(text).fatalities == fatalities


def test_aside_without_a_killing_is_no_clash() -> None:
    # near-miss: the same aside before another verb is no killing
    events = _events("On 4 March 2025, rebels (as the army calls them) were arrested near Gao.")
    assert all(e.type != "armed_clash" for e in events)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # a person word the tagger takes for an adjective before a participle still names one victim
        ("On 2 March 2025, gunmen shot and killed a civilian riding to the market near Gao.", 1),
        ("On 2 March 2025, soldiers killed a local walking to the market in Gao.", 1),
        # near-miss: the same word describing a thing names no one
        ("On 2 March 2025, gunmen attacked a civilian convoy travelling near Gao.", None),
    ],
)  # fmt: skip
def test_person_word_tagged_as_adjective(text: str, fatalities: int | None) -> None:
    assert _main(text).fatalities == fatalities


def _sentences(text: str) -> list[str]:
    from claimtrack.nlp import load_pipeline, make_doc

    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, Article(id="t", text=text, published=MON)))
    return [s.text.strip() for s in doc.sents]


def test_headline_and_dateline_stay_their_own_sentences() -> None:
    # near-miss: a line break still ends a headline with no stop of its own
    sents = _sentences("Rebels seize hill town\nGAO, June 8 (Wire) - Rebels said on Sunday they had taken the town.")
    assert sents[0] == "Rebels seize hill town"


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # the count inside the subject's of-phrase counts the killers, not the dead
        ("On 5 March 2025, a gang of four armed men shot and killed a trader near Gao.", 1),
        ("On 5 March 2025, a band of six gunmen killed two herders outside Gao.", 2),
        # near-miss: the dead counted in an of-phrase of a passive subject are the toll
        ("On 5 March 2025, four of the attackers were killed by troops near Gao.", 4),
    ],
)  # fmt: skip
def test_killers_counted_in_the_subject(text: str, fatalities: int) -> None:
    assert _main(text).fatalities == fatalities


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # an hour of the clock is no count
        ("On 5 March 2025, the town mayor was shot dead in Gao around 10 a.m as he walked to the market.", 1),
        ("On 5 March 2025, gunmen killed a driver at about 9 pm on the road outside Gao.", 1),
        # near-miss: a count told beside the hour is still read
        ("On 5 March 2025, at 7 pm, a bomb killed 3 soldiers in Gao.", 3),
    ],
)  # fmt: skip
def test_clock_time_is_no_toll(text: str, fatalities: int) -> None:
    assert _main(text).fatalities == fatalities


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # one incident told as two acts on the same day and place: the coded main event carries the toll
        ("On 7 March 2025, two clans exchanged fire and fired rockets near Gao over a land dispute. One man was "
         "killed and two were injured.", 1),
        ("On 7 March 2025, rebels clashed with troops outside Gao and shelled the army camp there, killing four "
         "soldiers.", 4),
    ],
)  # fmt: skip
def test_toll_of_the_same_incident_goes_to_the_main_event(text: str, fatalities: int) -> None:
    events = _events(text)
    assert events[0].fatalities == fatalities
    assert sum(e.fatalities or 0 for e in events) == fatalities  # moved, never copied


def test_toll_of_another_place_stays_its_own() -> None:
    # near-miss: a killing told in another named place is another incident; its toll is not moved onto the protest
    events = _events(
        "On 7 March 2025, thousands of people protested in Gao against the army. In Kidal, gunmen killed three traders."
    )
    assert [e.fatalities for e in events[:2]] == [None, 3]


@pytest.mark.parametrize(
    "text",
    [
        # a victim told by age alone, or by age and noun, is someone killed
        "On 4 June 2025, soldiers opened fire on a bus and killed a 34-year-old woman near Gao.",
        "On 4 June 2025, gunmen on a motorbike killed a 17-year-old outside a school in Gao.",
    ],
)
def test_victim_told_by_age(text: str) -> None:
    main = _main(text)
    assert main.type == "attack_on_civilians" and main.fatalities == 1


def test_person_told_by_age_without_a_killing() -> None:
    # near-miss: an arrest of someone told by age is no attack
    assert all(
        e.type != "attack_on_civilians" for e in _events("On 4 June 2025, police detained a 34-year-old man near Gao.")
    )
