"""Local-news place names: a division or a town inside the name of its own body or road, and one sense per
discourse for a name the text once qualifies. Each rule has two sentences it must cover and one near miss (our own
sentences, with common US place names)."""

from __future__ import annotations

from spacy.language import Language

from claimtrack.models import Article, Place
from claimtrack.nlp import make_doc


def _places(nlp: Language, text: str) -> list[Place]:
    return list(nlp(make_doc(nlp, Article(id="t", text=text)))._.places)


def _texts(nlp: Language, text: str) -> list[str]:
    return [p.text for p in _places(nlp, text)]


def test_a_division_with_its_word_stays_a_place_before_a_facility_head(nlp: Language) -> None:
    assert _texts(nlp, "She was treated at the Jefferson County Hospital and released.") == ["Jefferson County"]
    assert _texts(nlp, "The truck overturned near Jefferson County Road 12 on Monday.") == ["Jefferson County"]
    # Near miss: a town's name before a road word is still the road's name, not the town.
    assert _texts(nlp, "She lives on Dayton Road with her two sons.") == []


def test_a_town_opening_the_name_of_its_own_public_body_is_a_place(nlp: Language) -> None:
    found = _places(nlp, "The Columbus Public Library will close early on Friday.")
    assert [(p.text, p.admin1) for p in found] == [("Columbus", "Ohio")]
    assert _texts(nlp, "He was taken to Denver Hospital after the fall.") == ["Denver"]
    # Near miss: a newspaper named after a town is a source, not a place of the story.
    assert _texts(nlp, "The Dayton Times reported the fire on Sunday.") == []


def test_a_bare_name_takes_the_reading_the_text_qualified_it_with(nlp: Language) -> None:
    text = "The mayor of Springfield, Ohio spoke on Monday. Springfield will repave two roads this summer."
    assert [p.admin1 for p in _places(nlp, text) if p.text == "Springfield"] == ["Ohio", "Ohio"]
    text = "A bakery opened in Columbus, Ga., last week. Columbus has three new shops this year."
    assert [p.admin1 for p in _places(nlp, text) if p.text == "Columbus"] == ["Georgia", "Georgia"]
    # Near miss: without a qualifier anywhere the biggest namesake stands.
    assert [p.admin1 for p in _places(nlp, "Columbus has three new shops this year.")] == ["Ohio"]


def test_a_country_name_used_as_only_a_town_name_is_used_reads_as_the_town(nlp: Language) -> None:
    found = _places(nlp, "A Lebanon woman was charged with theft on Monday. Lebanon has two banks.")
    assert [p.feature for p in found] == ["settlement", "settlement"]
    found = _places(nlp, "Services will be held at the chapel, 40 Oak St., Peru, on Friday.")
    assert [(p.text, p.feature) for p in found] == [("Peru", "settlement")]
    # Near miss: the country's own offices keep the country.
    assert [p.feature for p in _places(nlp, "Lebanon police said the talks had failed.")] == ["country"]


def test_metro_and_the_white_house_are_no_towns(nlp: Language) -> None:
    assert _texts(nlp, "Officials at the White House said the bill would pass.") == []
    assert _texts(nlp, "Metro Denver police said the road was closed.") == ["Denver"]
    # Near miss: the place a metro area is named after stays a place.
    assert _texts(nlp, "Rents rose across the Denver metro area last year.") == ["Denver"]
