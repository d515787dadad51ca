"""A place named with the first-level division it lies in ("X in Y region", "X, Y oblast"). The division only
says where the place is: the event is at the place, and a name the small model reads as a person is a place
when the gazetteer has it in that very division. Our own sentences, two each rule must cover and a near miss."""

from __future__ import annotations

from spacy.language import Language

from claimtrack.extract.places.locate import event_location
from claimtrack.models import Article, Event, Place
from claimtrack.nlp import make_doc


def _main_event(nlp: Language, text: str) -> Event:
    doc = nlp(make_doc(nlp, Article(id="t", text=text, published="2024-09-10")))
    return doc._.events[0]


def _place_names(nlp: Language, text: str) -> list[str]:
    return [p.name for p in nlp(make_doc(nlp, Article(id="t", text=text, published="2024-09-10")))._.places]


def test_the_place_before_its_division_is_where_the_event_happened(nlp: Language) -> None:
    # the parser hangs the town on "region", which is the verb's object
    loc = _main_event(nlp, "On 9 September, artillery fire hit Vovchansk in Kharkiv region, killing one man.").location
    assert loc is not None and (loc.name, loc.admin1, loc.precision) == ("Vovchansk", "Kharkiv Oblast", "point")
    loc = _main_event(nlp, "On 14 March, a rocket hit Okhtyrka in Sumy region, wounding a guard.").location
    assert loc is not None and (loc.name, loc.admin1) == ("Okhtyrka", "Sumy Oblast")


def test_a_place_outside_the_division_named_after_it_does_not_take_the_event(nlp: Language) -> None:
    # Near miss: the same words, but the place before the division lies elsewhere (placed here by hand)
    text = "On 9 September, artillery fire hit Vovchansk in Kharkiv region, killing one man."
    doc = nlp(make_doc(nlp, Article(id="t", text=text, published="2024-09-10")))
    start = text.index("Vovchansk")
    region = text.index("Kharkiv region")
    elsewhere = Place(
        text="Vovchansk",
        span=(start, start + 9),
        name="Vovchansk",
        country="UA",
        admin1="Sumy Oblast",
        lat=51.0,
        lon=34.0,
        feature="settlement",
    )
    division = Place(
        text="Kharkiv region",
        span=(region, region + 14),
        name="Kharkiv Oblast",
        country="UA",
        admin1="Kharkiv Oblast",
        lat=49.5,
        lon=36.5,
        feature="admin1",
        precision="admin1",
    )
    trigger = (text.index("hit"), text.index("hit") + 3)
    loc = event_location(doc, trigger, [elsewhere, division])
    assert loc is not None and loc.name == "Kharkiv Oblast"


def test_a_town_read_as_a_person_is_a_place_when_named_with_its_division(nlp: Language) -> None:
    assert "Orikhiv" in _place_names(nlp, "On 6 March, shelling damaged Orikhiv in Zaporizhzhia region, killing a man.")
    loc = _main_event(nlp, "On 6 March, shelling damaged Orikhiv in Zaporizhzhia region, killing a man.").location
    assert loc is not None and (loc.name, loc.admin1) == ("Orikhiv", "Zaporizhzhia Oblast")
    # labelled a nationality and an organisation by the small model
    assert "Beryslav" in _place_names(nlp, "On 6 March, shelling damaged Beryslav in Kherson region, killing a man.")
    assert "Marhanets" in _place_names(nlp, "Shelling damaged Marhanets in the Dnipropetrovsk region overnight.")
    # Near miss: a name followed by "in" and a place without a division word is not introduced as a place
    assert "Orikhiv" not in _place_names(nlp, "Orikhiv said in Zaporizhzhia that the talks had failed.")
