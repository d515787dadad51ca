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
