"""Quantity patterns of issue 4 on sentences we wrote (claimtrack.extract.quantities)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimtrack.extract.quantities import find_quantities, parse_number


def _q(nlp: Language, text: str) -> list[tuple[str, int, str | None]]:
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline:
        if not getattr(proc, "__name__", "").startswith("claimtrack"):
            doc = proc(doc)
    return [(q.role, q.value, q.unit) for s in doc.sents for q in find_quantities(s)]


@pytest.fixture(scope="module")
def parse(nlp: Language):  # type: ignore[no-untyped-def]
    return lambda text: _q(nlp, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("10,000", 10000), ("six", 6), ("twenty-one", 21), ("two hundred", 200), ("1.5 million", 1500000),
     ("dozens", 12), ("hundreds", 100), ("three thousand five hundred", 3500), ("several", 3), ("banana", None)],
)  # fmt: skip
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # number words, and "five of the missiles" / "the sixth" (one item of the counted set)
        ("The army fired seven rockets at the town.", [("launched", 7, "rocket")]),
        ("Air defences shot down four of the drones and damaged the fifth.",
         [("intercepted", 4, "drone"), ("damaged", 1, "drone")]),
        ("Air defences downed twelve cruise missiles overnight.", [("intercepted", 12, "missile")]),
        ("The navy intercepted 14 drones over the sea.", [("intercepted", 14, "drone")]),
        # digits with separators, conjoined counts
        ("The enemy launched 150 drones and 35 missiles at the capital.",
         [("launched", 150, "drone"), ("launched", 35, "missile")]),
        ("The government sent 2,500 soldiers to the border.", [("troops", 2500, "soldier")]),
        ("Belarus deployed about 4,000 troops near the frontier.", [("troops", 4000, "troop")]),
        # approximations and ranges (ACLED takes the lower bound)
        ("The blast killed about 300 people.", [("killed", 300, "person")]),
        ("At least 19 people were killed and more than 40 wounded.",
         [("killed", 19, "person"), ("injured", 40, "person")]),
        ("Between 10 and 15 soldiers died in the fighting.", [("killed", 10, "soldier")]),
        ("Dozens of villagers were injured in the attack.", [("injured", 12, "villager")]),
        ("The shelling left three people dead and two wounded.", [("killed", 3, "person"), ("injured", 2, "person")]),
        # the killers are no victims
        ("Two gunmen killed eight farmers on Sunday.", [("killed", 8, "farmer")]),
        # negations
        ("Officials said there were no casualties.", [("killed", 0, "person")]),
        ("The strike caused no injuries.", [("injured", 0, "person")]),
        # a count of the places fired at is no count of what was fired (issue 4 follow-up)
        ("Roughly 150 mortar rounds were fired at 9 villages of the district.", [("launched", 150, "artillery")]),
        ("The militia fired 60 rockets at 4 towns in 3 districts.", [("launched", 60, "rocket")]),
        # not counts: ranges of weapons, years, money
        ("The missile has a range of 300 km and entered service in 1989.", []),
        ("The deal is worth $400 million.", []),
    ],
)  # fmt: skip
def test_quantity_patterns(parse, text: str, expected: list[tuple[str, int, str | None]]) -> None:  # type: ignore[no-untyped-def]
    assert parse(text) == expected


# issue 10: casualties from every common phrasing, with a near-miss for each rule
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one victim without a numeral: an article, a pronoun, a definite victim of "died"/"succumbed"
        ("A farmer was shot dead near the village market.", [("killed", 1, "person")]),
        ("Raiders killed a teacher outside the school.", [("killed", 1, "person")]),
        ("He was killed in the ambush.", [("killed", 1, "person")]),
        ("The shopkeeper later died in hospital.", [("killed", 1, "person")]),
        ("The wounded guard succumbed to his injuries on Monday.", [("killed", 1, "person")]),
        ("A nurse was beaten to death by the crowd.", [("killed", 1, "person")]),
        ("Two traders were shot and killed on the highway.", [("killed", 2, "trader")]),
        # near-misses: the one who acted, and a victim only shot at, are no toll
        ("A gunman killed three shoppers.", [("killed", 3, "shopper")]),
        ("A farmer was shot near the village market.", []),
        ("He said the convoy had left.", []),
        # nouns that carry the role on the way to the verb
        ("The bodies of three fishermen were found on the riverbank.", [("killed", 3, "fisherman")]),
        ("The clash led to the killing of one rebel commander.", [("killed", 1, "commander")]),
        ("2 fatalities.", [("killed", 2, "fatality")]),
        ("There was one fatality.", [("killed", 1, "fatality")]),
        ("The police found three cars on the riverbank.", []),
        # two roles in one sentence
        ("Eleven police officers were killed and five others wounded.",
         [("killed", 11, "officer"), ("injured", 5, "person")]),
        ("Gunmen attacked the bus, killing two.", [("killed", 2, "person")]),
        # negations
        ("Nobody was hurt in the blast.", [("injured", 0, "person")]),
        ("No one was killed.", [("killed", 0, "person")]),
        ("One was killed.", [("killed", 1, "person")]),
        # phrasal tolls: lives claimed or lost, injuries sustained, victims reported or thought killed
        ("The blast claimed the lives of at least 13 miners.", [("killed", 13, "miner")]),
        ("A guard who tried to stop the raiders lost his life.", [("killed", 1, "person")]),
        ("A minimum of 15 people sustained injuries in the blast.", [("injured", 15, "person")]),
        ("Four villagers suffered gunshot wounds.", [("injured", 4, "villager")]),
        ("Three civilians were reported killed by artillery in the city.", [("killed", 3, "civilian")]),
        ("At least 20 sailors are presumed to have been killed.", [("killed", 20, "sailor")]),
        ("Police fired tear gas, causing the death of a passer-by.", [("killed", 1, "person")]),
        ("At least 2 dead.", [("killed", 2, "person")]),
        ("The smuggler was shot and killed in the clash.", [("killed", 1, "person")]),
        ("Four villagers suffered heavy losses.", []),  # near-miss: no harm noun
        ("The general lost his job.", []),  # near-miss: no life lost
        # conjoined groups are one toll; the killers of a conjoined verb are none
        ("Two soldiers and a civilian were killed.", [("killed", 3, "soldier")]),
        ("Three masked men shot and killed four guards at the depot.", [("killed", 4, "guard")]),
        # a day of the month is no count
        ("Around 26 May 2022, a man was killed in the town.", [("killed", 1, "person")]),
        # ranges at their lower bound
        ("Between 6 to 9 villagers were killed.", [("killed", 6, "villager")]),
        ("3-4 guards were wounded.", [("injured", 3, "guard")]),
    ],
)  # fmt: skip
def test_casualty_phrasings(parse, text: str, expected: list[tuple[str, int, str | None]]) -> None:  # type: ignore[no-untyped-def]
    assert parse(text) == expected


def _flags(nlp: Language, text: str) -> list[tuple[str, int, bool, bool, bool]]:
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline:
        if not getattr(proc, "__name__", "").startswith("claimtrack"):
            doc = proc(doc)
    return [(q.role, q.value, q.estimate, q.subset, q.background) for s in doc.sents for q in find_quantities(s, True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # subsets stay apart from the total
        ("The raid killed 14 people, nine of them children.",
         [("killed", 14, False, False, False), ("killed", 9, False, True, False)]),
        ("The blast killed 20 people, including six women.",
         [("killed", 20, False, False, False), ("killed", 6, False, True, False)]),
        # a rising toll: the latest figure is the incident's, the earlier one superseded
        ("The death toll rose from 8 to 15 on Tuesday.",
         [("killed", 8, False, False, True), ("killed", 15, False, False, False)]),
        ("The death toll has risen to 23.", [("killed", 23, False, False, False)]),
        # cumulative totals are background, not the day's figures
        ("The insurgency has killed more than 12,000 civilians since it began.",
         [("killed", 12000, False, False, True)]),
        ("At least 500 soldiers have been killed since the start of the offensive.",
         [("killed", 500, False, False, True)]),
        ("At least 50 soldiers were killed on Monday.", [("killed", 50, False, False, False)]),  # near-miss
        ("More than 9,000 fighters have died in the war.", [("killed", 9000, False, False, True)]),
        ("Twelve soldiers died in the fighting.", [("killed", 12, False, False, False)]),  # near-miss: one clash
        # a death that is a protest's cause is no toll of the protest
        ("Lawyers protested outside the court against the killing of a witness.", []),
        ("Students marched over the deaths of two classmates.", [("killed", 2, False, False, True)]),
        # vague amounts the ACLED way, flagged as estimates; vague words count people only
        ("Dozens of people were killed in the raid.", [("killed", 12, True, False, False)]),
        ("Several civilians were wounded.", [("injured", 3, True, False, False)]),
        ("An unknown number of soldiers were killed.", [("killed", 3, True, False, False)]),
        ("Hundreds of protesters were injured.", [("injured", 100, True, False, False)]),
        ("Air defences shot down some of the drones.", []),
        ("Thousands of people fled the town.", []),
    ],
)  # fmt: skip
def test_figure_flags(nlp: Language, text: str, expected: list[tuple[str, int, bool, bool, bool]]) -> None:
    assert _flags(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X of Y": intercepted X of launched Y
        ("Air defences downed 41 of the 57 drones launched overnight.",
         [("intercepted", 41, "drone"), ("launched", 57, "drone")]),
        ("The army shot down 20 out of 25 missiles.", [("intercepted", 20, "missile"), ("launched", 25, "missile")]),
        ("Nine of the 20 passengers were killed.", [("killed", 9, "passenger")]),  # a group, not a launch
        # clean units from the weapons table: names with hyphens and "attack drones"
        ("The enemy launched five Kh-101 missiles and two Iskander-M missiles.",
         [("launched", 5, "missile"), ("launched", 2, "missile")]),
        ("The enemy launched 40 attack drones at the port.", [("launched", 40, "drone")]),
        ("The unit fired from its Su-34 jets.", []),
    ],
)  # fmt: skip
def test_weapon_figures(parse, text: str, expected: list[tuple[str, int, str | None]]) -> None:  # type: ignore[no-untyped-def]
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "value"), [("forty one", 41), ("a hundred", 100), ("two hundred and five", 205), ("a dozen", 12)]
)
def test_parse_number_words(text: str, value: int) -> None:
    assert parse_number(text) == value
