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
