"""First-level divisions as texts name them: under a kind word GeoNames keeps ("Western Region" named "Western"),
a division's name in capitals, and a currency; each rule with two sentences of our own it must cover
and one near miss."""

from __future__ import annotations

from spacy.language import Language

from claimtrack.extract.places import event_location
from claimtrack.models import Article, Location, Place
from claimtrack.nlp import make_doc


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {p.text: p for p in nlp(make_doc(nlp, Article(id="t", text=text)))._.places}


def _loc(nlp: Language, text: str, trigger: str) -> Location | None:
    doc = nlp(make_doc(nlp, Article(id="t", text=text)))
    start = text.index(trigger)
    return event_location(doc, (start, start + len(trigger)), doc._.places)


def test_a_division_is_named_without_its_kind_word(nlp: Language) -> None:
    western = _places(nlp, "Farmers marched through Mbarara (Western) on Monday.")["Western"]
    assert (western.country, western.admin1) == ("UG", "Western Region")
    eastern = _places(nlp, "Traders closed their shops in Rwamagana (Eastern) in protest.")["Eastern"]
    assert eastern.country == "RW"
    # Near miss: a division whose own name is the bare word keeps its country.
    assert _places(nlp, "Fishermen protested in Takoradi (Western) on Friday.")["Western"].country == "GH"


def test_a_divisions_name_in_capitals_is_an_acronym(nlp: Language) -> None:
    # the Haitian department Sud, the Cameroonian region Centre: here union and party acronyms
    assert "SUD" not in _places(nlp, "Teachers of the CGT and SUD unions marched in Lyon on Tuesday.")
    assert "OUEST" not in _places(nlp, "Fans of the OUEST supporters club protested in Lyon on Sunday.")
    # Near miss: a state's abbreviation still names it.
    assert _places(nlp, "Firefighters battled a blaze near Sydney, NSW, on Monday.")["NSW"].admin1 == "New South Wales"


def test_a_country_naming_a_currency_does_not_place_the_event(nlp: Language) -> None:
    text = "Traders protested the fall of the national currency against the US dollar."
    assert _loc(nlp, text, "protested") is None
    assert _loc(nlp, "Dockers struck to demand wages pegged to the Hong Kong dollar.", "struck") is None
    # Near miss: a country that is where the event happens still places it.
    loc = _loc(nlp, "Shopkeepers protested in the US over the price of the dollar.", "protested")
    assert loc is not None and loc.country == "US"
