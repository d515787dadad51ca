"""Telling incidents apart (issue 9) and each incident's own toll (issue 10).

All sentences are written for these tests (none comes from an evaluation set or the seeds). Each rule has two
texts it must cover and a near-miss it must not.
"""

from __future__ import annotations

import pytest

from claimtrack.models import Article, Event
from claimtrack.nlp import make_doc


def _doc(nlp, text: str, published: str = "2026-03-12"):  # type: ignore[no-untyped-def]
    return nlp(make_doc(nlp, Article(id="t", text=text, published=published)))


def _sub(e: Event) -> str:
    assert e.acled is not None
    return e.acled.sub_event_type


def _acled(nlp, text: str, published: str = "2026-03-12") -> list[Event]:  # type: ignore[no-untyped-def]
    return [e for e in _doc(nlp, text, published)._.events if e.acled is not None]


# --- a line break ends a sentence -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Drones downed over Tula region\n\nMOSCOW, June 3 - Air defences destroyed three drones over the Tula "
            "region overnight, the defence ministry said.",
            "Drones downed over Tula region",
        ),
        (
            "Shelling kills two in Nikopol\nTwo residents were killed when shells hit a market in Nikopol on Monday, "
            "the regional governor said.",
            "Shelling kills two in Nikopol",
        ),
    ],
)
def test_a_headline_line_is_a_sentence_of_its_own(nlp, text: str, first: str) -> None:  # type: ignore[no-untyped-def]
    sents = [s.text.strip() for s in _doc(nlp, text).sents]
    assert sents[0] == first, sents


def test_a_hard_wrapped_line_goes_on_in_one_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    # near-miss: the line goes on in lower case, so the break is the wrapping of one sentence
    text = "Shells hit the central\nmarket of the town on Monday, killing two people, the governor said."
    sents = [s.text for s in _doc(nlp, text).sents]
    assert len(sents) == 1, sents


# --- each region's incident of a strike wave counts its own toll ----------------------------------------------------


def _tolls(events: list[Event]) -> dict[str | None, int | None]:
    return {e.location.admin1 if e.location else None: e.fatalities for e in events}


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        (
            "Russia launched missiles at Ukraine on Tuesday, killing six people, officials said. A missile hit a "
            "school in the Sumy region, killing four teachers. In the Chernihiv region, a rocket struck a bridge, "
            "killing two drivers.",
            {"Sumy Oblast": 4, "Chernihiv Oblast": 2},
        ),
        (
            "Ukrainian drones attacked two Russian regions on Sunday, killing three people, the governors said. In "
            "the Kursk region, two residents were killed when a drone hit a house. In the Bryansk region, one man "
            "was killed when a drone struck a farm.",
            {"Kursk Oblast": 2, "Bryansk Oblast": 1},
        ),
    ],
)
def test_a_wave_total_is_not_a_regions_toll(nlp, text: str, tolls: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    assert _tolls(_acled(nlp, text)) == tolls


def test_a_regions_rising_toll_takes_the_latest_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    # near-miss: a later figure told with the region is its own update (the highest), not a second wave total
    text = (
        "Russia launched missiles at Ukraine on Tuesday, killing six people, officials said. A missile hit a "
        "school in the Sumy region, killing four teachers. In the Chernihiv region, a rocket struck a bridge, "
        "killing two drivers. By Wednesday the toll in the Sumy region had risen to seven."
    )
    assert _tolls(_acled(nlp, text)) == {"Sumy Oblast": 7, "Chernihiv Oblast": 2}


# --- a place that names a time zone is not where the incident was -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "region"),
    [
        (
            "The defence ministry said that at 02:30 Moscow time on Friday an attempt by Kyiv to attack facilities "
            "with drones was foiled. Air defences destroyed four drones over the Oryol region.",
            # the next sentence tells the same interception and sets its scene (places.scene._scene_after); the
            # time zone still places nothing
            "Oryol Oblast",
        ),
        (
            "At 04:15 Moscow time, Ukraine tried to attack targets in Russia with drones, the ministry said. Air "
            "defence systems destroyed five drones over the Lipetsk region.",
            "Lipetsk Oblast",
        ),
    ],
)
def test_a_time_zone_does_not_place_an_account_apart(nlp, text: str, region: str | None) -> None:  # type: ignore[no-untyped-def]
    events = _acled(nlp, text)
    assert [_sub(e) for e in events] == ["Disrupted weapons use"], [(e.type, e.location) for e in events]
    assert (events[0].location.admin1 if events[0].location else None) == region


def test_a_strike_in_the_capital_stays_its_own_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    # near-miss: the capital named as the place struck, not as a clock
    text = (
        "Drones struck a fuel depot in Moscow on Friday, the mayor said. Air defences destroyed four drones over "
        "the Oryol region, the governor said."
    )
    events = _acled(nlp, text)
    assert len(events) == 2 and {e.type for e in events} >= {"drone_strike"}, [(e.type, e.location) for e in events]


# --- "no damage" is no impact -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine attacked the Kursk region with drones overnight, the defence ministry said. Air defences destroyed "
        "all eight drones, causing no injuries or damage.",
        "Ukraine attacked the Kursk region with drones overnight, the defence ministry said, adding that air "
        "defences destroyed all eight drones without any damage.",
    ],
)
def test_a_salvo_downed_without_damage_is_disrupted(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [_sub(e) for e in _acled(nlp, text)] == ["Disrupted weapons use"]


def test_debris_that_damaged_something_is_an_impact(nlp) -> None:  # type: ignore[no-untyped-def]
    # near-miss: one got through, so the strike reached its ground
    text = (
        "Ukraine attacked the Kursk region with drones overnight, the defence ministry said. Air defences destroyed "
        "seven of the eight drones, and debris damaged a barn."
    )
    assert [_sub(e) for e in _acled(nlp, text)] == ["Air/drone strike"]


# --- another named town, told in its own clause, is another incident ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        (
            "Russian guided bombs hit houses in the village of Bilozerka on Monday, the governor said. Russian forces "
            "also dropped bombs on the village of Stanislav, the police said.",
            ["Bilozerka", "Stanislav"],
        ),
        (
            "Russian artillery shelled Nikopol on Sunday, damaging a school, officials said. Shells also hit a market "
            "in Marhanets, wounding a woman.",
            ["Marhanets", "Nikopol"],
        ),
    ],
)
def test_strikes_on_two_nearby_towns_are_two_incidents(nlp, text: str, towns: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert sorted(e.location.name for e in _acled(nlp, text) if e.location) == towns


def test_the_same_town_told_again_is_one_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    # near-miss: the second sentence names the same town again
    text = (
        "Russian artillery shelled Nikopol on Sunday, damaging a school, officials said. The shelling of Nikopol "
        "also wounded a woman near the market."
    )
    assert len(_acled(nlp, text)) == 1


# --- one sentence, one count per region: each region's count is that region's incident ------------------------------


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        (
            "Air defences shot down 14 drones over the Kursk region and two over the Bryansk region overnight, the "
            "ministry said.",
            {"Kursk Oblast": 14, "Bryansk Oblast": 2},
        ),
        (
            "The army said 20 missiles were intercepted above the Odesa region, and three more in the skies over "
            "the Mykolaiv region.",
            {"Odesa Oblast": 20, "Mykolaiv Oblast": 3},
        ),
    ],
)
def test_a_count_per_region_is_an_interception_per_region(nlp, text: str, regions: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    events = _acled(nlp, text)
    assert {_sub(e) for e in events} == {"Disrupted weapons use"}, [(e.type, e.trigger.text) for e in events]
    got = {e.location.admin1 if e.location else None: [q.value for q in e.quantities if q.role == "intercepted"]
           for e in events}  # fmt: skip
    assert got == {k: [v] for k, v in regions.items()}, got


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: the second region has no count of its own (a border named, where a salvo came from)
        "Air defences shot down 14 drones over the Kursk region near the border with the Bryansk region overnight, "
        "the ministry said.",
        "Russia launched 14 drones from the Kursk region at the Sumy region overnight, and eight of them were shot "
        "down.",
    ],
)
def test_a_region_without_a_count_of_its_own_is_no_second_incident(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len(_acled(nlp, text)) == 1, [(e.type, e.trigger.text, e.location) for e in _acled(nlp, text)]


def test_a_toll_per_region_is_a_strike_per_region(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russian shelling killed two civilians in the Kharkiv region and one in the Sumy region on Monday."
    events = _acled(nlp, text)
    assert sorted((e.location.admin1 if e.location else "", _sub(e)) for e in events) == [
        ("Kharkiv Oblast", "Shelling/artillery/missile attack"),
        ("Sumy Oblast", "Shelling/artillery/missile attack"),
    ]


# --- a strike told as coming hours after another is a second strike of the day -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Russian missiles hit a grain terminal in the Odesa region on Friday, injuring two workers, the governor "
        "said. Hours later, Russian drones struck a fuel depot near the port, officials said.",
        "Shells hit a market in Kherson on Sunday morning, killing a woman. Later that day, artillery struck a bus "
        "stop in the city, wounding three people.",
    ],
)
def test_a_strike_hours_later_is_its_own_incident(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    events = _acled(nlp, text)
    assert len(events) == 2, [(e.type, e.trigger.text) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: a follow-up of the one strike, and a later act that is no strike
        "Shells hit a market in Kherson on Sunday morning, killing a woman. The shelling also damaged a bus stop "
        "nearby.",
        "Shells hit a market in Kherson on Sunday morning, killing a woman. Hours later, rescuers were still "
        "clearing the rubble.",
    ],
)
def test_a_follow_up_of_one_strike_stays_one_incident(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    events = _acled(nlp, text)
    assert len(events) == 1, [(e.type, e.trigger.text) for e in events]


# --- "with 12 drones shot down over X": what was downed is no interceptor ------------------------------------------


@pytest.mark.parametrize(
    ("text", "region", "sides"),
    [
        (
            "Ukraine launched a drone attack on Russia overnight, with 12 drones shot down over the Kursk region and "
            "two over the Bryansk region, the ministry said.",
            "Bryansk Oblast",
            ("Russia", "Ukraine"),
        ),
        (
            "Russia fired missiles at Ukraine overnight, with 20 missiles intercepted above the Odesa region and "
            "three over the Mykolaiv region, the air force said.",
            "Mykolaiv Oblast",
            ("Ukraine", "Russia"),
        ),
    ],
)
def test_downed_weapons_are_not_the_interceptor(nlp, text: str, region: str, sides: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    (event,) = [e for e in _acled(nlp, text) if e.location and e.location.admin1 == region]
    got = (event.initiator.entity if event.initiator else None, event.target.entity if event.target else None)
    assert got == sides


def test_a_named_air_defence_unit_stays_the_interceptor(nlp) -> None:  # type: ignore[no-untyped-def]
    # near-miss: the subject is the unit that fired, not a weapon
    (event,) = _acled(nlp, "Ukrainian air defence units shot down 12 drones over the Kyiv region overnight.")
    assert event.initiator is not None and event.initiator.text == "Ukrainian air defence units"


# --- one rule tells incidents apart in time: the strike told later, not what follows it -------------------------


def _draft(si: int, frame: str = "", sequel: bool = False):  # type: ignore[no-untyped-def]
    from claimtrack.extract.events.common import Draft
    from claimtrack.extract.events.lexicon import Cue

    return Draft("shelling", 1.0, Cue("shelling", 0, 1, 1.0), si, [si], time_frame=frame, sequel=sequel)


def test_told_apart_reads_the_strike_told_second() -> None:
    from claimtrack.extract.events.sequence import told_apart

    first, later = _draft(0), _draft(2, "hours later", sequel=True)
    assert told_apart(first, later) and told_apart(later, first)  # either order of the call
    # two sentences opening with different time phrases, one sequencing
    assert told_apart(_draft(0, "on monday morning"), _draft(1, "meanwhile"))
    # near-misses: what follows the later strike is its follow-up; one shared frame sets nothing apart
    assert not told_apart(later, _draft(3))
    assert not told_apart(_draft(0, "meanwhile"), _draft(1, "meanwhile"))


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Shells hit a market in Kherson on Sunday morning, killing a woman. Hours later, drones struck a fuel depot "
         "in the city. The strike set two tanks on fire.", 2),
        ("Troops shelled a village near Kherson on Monday. Later that day, missiles hit a bridge in the city. The "
         "missiles also damaged a school nearby.", 2),
        # near-miss: a third strike told later still again is its own
        ("Shells hit a market in Kherson on Sunday morning, killing a woman. Hours later, drones struck a fuel depot "
         "in the city. Later that night, artillery hit a school in the city.", 3),
    ],
)  # fmt: skip
def test_a_follow_up_of_the_later_strike_joins_it(nlp, text: str, n: int) -> None:  # type: ignore[no-untyped-def]
    events = _acled(nlp, text)
    assert len(events) == n, [(e.type, e.trigger.text) for e in events]
