"""Issue 10, deaths pass: figures a killing verb governs that count no victims (money, animals, the means, the
group a victim heads, the killers), victims told besides those counted (which add to the toll), tallies that
settle a rising toll and the dead of gang violence, on sentences we wrote, each rule with a near-miss."""

from __future__ import annotations

import pytest

from claimtrack.extract.events.figures import casualties, roles_for
from claimtrack.extract.figure_grammar import QuantityMention
from claimtrack.models import Article, Event
from claimtrack.nlp import process

DAY = "On 4 March 2025, "


def _main(text: str) -> Event:
    result = next(process([Article(id="t", text=DAY + text, published="2025-03-10")]))
    assert result.events, f"no event in {text!r}"
    return result.events[0]


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # the subject of a verb conjoined with a killing verb did the killing
        ("four men attacked and killed a shopkeeper near Gao.", 1),
        ("in Lima, two robbers fired shots and killed a guard outside a bank.", 1),
        ("four soldiers were attacked and killed near Gao.", 4),  # near-miss: a passive subject is the victim
        # money beside a figure
        ("a rebel commander who carried a bounty of 50,000 dollars was shot dead by troops near Gao.", 1),
        ("gunmen shot dead a trader near Kano after a ransom of 2 million was paid.", 1),
        # animals are no toll
        ("raiders killed 40 cattle and two herders near Gao.", 2),
        ("raiders killed 40 herders near Gao.", 40),  # near-miss: people
        # the means
        ("in Lima, a taxi driver was shot with 12 bullets and killed by a gunman.", 1),
        # the group one victim heads
        ("the father of five children was shot dead by gunmen in Gao.", 1),
        ("a group of 12 soldiers was ambushed and killed near Gao.", 12),  # near-miss: a group noun counts its members
        # an article hung on the victim's first modifier
        ("gunmen shot dead a ruling party youth leader in Tamale.", 1),
    ],
)  # fmt: skip
def test_figures_that_count_no_victims(text: str, fatalities: int) -> None:
    assert _main(text).fatalities == fatalities


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("a bomb hit a market in Gao, killing four people. Two more died in hospital.", 6),
        ("rebels attacked a patrol near Gao, killing three soldiers. Two civilians were killed as well.", 5),
        ("rebels attacked an army post near Gao. The attack killed five soldiers. One rebel also died.", 6),
        # a toll told place by place with the verb left out
        ("rebels killed 8 civilians in Alpha village and 7 civilians in Beta village.", 15),
        ("gunmen attacked villages near Gao. Two persons were killed in Alpha, four in Beta and one in Gamma.", 7),
        # a second object or a second clause of the same harm, told of another group
        ("gunmen ambushed a mayor near Gao, killing her and 4 of her aides.", 5),
        ("troops killed one rebel commander and two of his aides near Gao.", 3),
        ("rebels attacked an army post near Gao. Three soldiers were killed and five rebels died.", 8),
        ("rebels attacked an army post near Gao. A policeman died and 12 rebels were killed.", 13),
        ("rebels attacked an army post near Gao. Three soldiers were killed and three soldiers were wounded.", 3),
        # near-misses: a later count restating the sum, the same dead told twice, or a total split after a colon
        ("a bomb exploded in a car near Gao, killing the mayor and 3 of her guards. In all, 4 people died.", 4),
        ("rebels attacked a patrol near Gao. Five soldiers were killed. The army said five soldiers died.", 5),
        ("2 traders were shot dead in two attacks by gunmen in Lima: one in Alpha, and the other in Beta.", 2),
    ],
)  # fmt: skip
def test_victims_besides_those_counted_add_up(text: str, fatalities: int) -> None:
    assert _main(text).fatalities == fatalities


def test_a_tally_settles_the_toll() -> None:
    text = "militants attacked a village near Gao, killing five. A wounded woman died, bringing the total to six dead."
    assert _main(text).fatalities == 6
    # near-miss: a tally of arrests is no toll
    assert not _main("police raided a market in Gao, bringing the total number of arrests to 50.").fatalities


def test_additive_figures_sum_over_the_largest_report() -> None:
    base = QuantityMention("killed", 5, "soldier", 0, 1)
    claim = QuantityMention("killed", 7, "soldier", 10, 11)
    more = QuantityMention("killed", 2, "civilian", 20, 21, also=True)
    assert casualties([base, claim, more]) == (9, None)
    assert casualties([base, claim]) == (7, None)  # near-miss: two reports of the same dead


def test_gang_violence_carries_its_dead() -> None:
    assert {"killed", "injured"} <= roles_for("organized_crime")
    assert "killed" not in roles_for("demand")  # near-miss: a statement carries no toll
