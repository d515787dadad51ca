"""Homonyms against the text's own context: qualifiers, the document's country, lone namesakes abroad, and the
ACLED naming of divisions. Each rule has two sentences it must cover and one near miss (our own sentences)."""

from __future__ import annotations

from spacy.language import Language

from claimtrack.export.acled import admin1 as acled_admin1
from claimtrack.models import Article, Place
from claimtrack.nlp import make_doc


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {p.text: p for p in nlp(make_doc(nlp, Article(id="t", text=text)))._.places}


def test_a_bracket_names_what_the_place_lies_in_never_the_place_itself(nlp: Language) -> None:
    found = _places(nlp, "Students marched in La Paz (La Paz) on Monday.")
    assert found["La Paz"].country == "BO" and found["La Paz"].feature == "settlement"
    found = _places(nlp, "Farmers marched in Santa Fe (Santa Fe) on Monday.")
    assert found["Santa Fe"].country == "AR" and found["Santa Fe"].feature == "settlement"
    # Near miss: a bracket naming another division places the namesake there.
    assert _places(nlp, "Police patrolled La Paz (Baja California Sur) at night.")["La Paz"].country == "MX"


def test_a_bracketed_town_fits_only_through_its_prominent_readings(nlp: Language) -> None:
    assert _places(nlp, "Taxi drivers gathered in Rome (Roma, Lazio) on Monday.")["Rome"].country == "IT"
    assert _places(nlp, "In San Lorenzo (Santa Fe), farmers marched on Friday.")["San Lorenzo"].country == "AR"
    # Near miss: a town a tenth the size of its largest namesake still places the name before it.
    assert _places(nlp, "Farmers blocked a road near Astorga (Leon) on Friday.")["Astorga"].country == "ES"


def test_a_qualifier_may_follow_a_place_noun(nlp: Language) -> None:
    assert (
        _places(nlp, "Residents marched in Springfield city, Illinois on Monday.")["Springfield"].admin1 == "Illinois"
    )
    found = _places(nlp, "Residents marched in Springfield town (Massachusetts) on Monday.")
    assert found["Springfield"].admin1 == "Massachusetts"
    # Near miss: without the qualifier the biggest namesake stands.
    assert _places(nlp, "Residents marched in Springfield city on Monday.")["Springfield"].admin1 == "Missouri"


def test_a_qualifier_fits_a_division_named_without_its_kind(nlp: Language) -> None:
    assert _places(nlp, "Traders protested in Mbarara (Western) on Monday.")["Mbarara"].country == "UG"
    assert _places(nlp, "A crowd gathered in Blantyre (Southern) on Friday.")["Blantyre"].country == "MW"
    # Near miss: a qualifier with its kind word fits as before.
    assert (
        _places(nlp, "Two were wounded in Bakhmut, Donetsk Oblast officials said.")["Bakhmut"].feature == "settlement"
    )


def test_a_qualifier_of_another_country_places_a_small_name_there(nlp: Language) -> None:
    found = _places(nlp, "Fighting broke out near Alta, Shan on Monday.")
    assert found["Alta"].country == "MM" and found["Alta"].precision == "admin1"
    found = _places(nlp, "Rebels attacked Alta (Mbarara) at night.")
    assert found["Alta"].country == "UG"
    # Near miss: a qualifier the reading fits keeps it.
    assert _places(nlp, "The fair opened in Paris, Texas on Monday.")["Paris"].admin1 == "Texas"


def test_a_big_town_elsewhere_outweighs_a_small_division(nlp: Language) -> None:
    assert _places(nlp, "Fans filled the streets of Bari after the match.")["Bari"].country == "IT"
    assert _places(nlp, "Crowds gathered in La Paz on Monday.")["La Paz"].country == "BO"
    # Near miss: a division that dwarfs the town keeps a bare name read with its division word.
    assert _places(nlp, "Floods hit the Bari region on Monday.")["Bari region"].country == "SO"


def test_a_place_that_modifies_an_organisation_weighs_little(nlp: Language) -> None:
    assert (
        _places(nlp, "Students marched through Nancy against a ruling of the US supreme court.")["Nancy"].country
        == "FR"
    )
    assert _places(nlp, "Students marched in Nancy after a US court ruling.")["Nancy"].country == "FR"
    # Near miss: the country named as a place still sets the text's country.
    assert _places(nlp, "Hundreds demonstrated in Nancy, in the US state of Tennessee.")["Nancy"].country == "US"


def test_an_actors_demonym_points_to_its_country(nlp: Language) -> None:
    assert _places(nlp, "American police dispersed a crowd in Salem on Monday.")["Salem"].country == "US"
    assert _places(nlp, "Pakistani police cleared a camp in Hyderabad on Friday.")["Hyderabad"].country == "PK"
    # Near miss: without the demonym population decides.
    assert _places(nlp, "Police dispersed a crowd in Salem on Monday.")["Salem"].country == "IN"


def test_one_division_or_big_town_sets_a_lone_namesake_abroad_aside(nlp: Language) -> None:
    assert "Whitehall" not in _places(nlp, "A crowd rallied outside Whitehall in Edinburgh on Friday.")
    assert "Whitehall" not in _places(nlp, "Activists blocked the road to Whitehall in Edinburgh on Monday.")
    # Near miss: a country alone anchors nothing, so the small town stays.
    assert _places(nlp, "Farmers in Whitehall protested against Britain's tariffs.")["Whitehall"].country == "US"


def test_an_alternate_name_opening_a_longer_name_is_no_place(nlp: Language) -> None:
    assert "Popular" not in _places(nlp, "Militants attacked a Popular Mobilization Forces post near Baghdad.")
    assert "Al" not in _places(nlp, "Al Shabaab fighters attacked a base near Mogadishu.")
    # Near miss: an alternate name NER calls a place is still one.
    assert _places(nlp, "Fighting raged near Kiev on Monday.")["Kiev"].country == "UA"


def test_divisions_carry_their_native_names_for_acled(nlp: Language) -> None:
    assert acled_admin1("Lower Saxony", "DE") == "Niedersachsen"
    assert acled_admin1("Tuscany", "IT") == "Toscana"
    # Near miss: a division without a native name only loses its kind word.
    assert acled_admin1("Kharkiv Oblast", "UA") == "Kharkiv"
    assert _places(nlp, "Farmers protested in Lazio on Monday.")["Lazio"].admin1 == "Latium"


def test_admin1_aliases_place_without_a_rebuild(nlp: Language) -> None:
    assert _places(nlp, "Artillery shelled a town in Idleb governorate.")["Idleb governorate"].admin1 == "Idlib"
    assert _places(nlp, "Gunmen attacked a village in Oromia on Monday.")["Oromia"].country == "ET"
    assert _places(nlp, "Locals protested in Karak (KPK) on Friday.")["Karak"].country == "PK"
    # Near miss: without the abbreviation the Jordanian division of that name stands.
    assert _places(nlp, "Locals protested in Karak on Friday.")["Karak"].country == "JO"


def test_spanish_articles_join_a_long_name(nlp: Language) -> None:
    found = _places(nlp, "Teachers blocked a highway outside Chilpancingo de los Bravo on Tuesday.")
    assert found["Chilpancingo de los Bravo"].admin1 == "Guerrero"
    assert "San Jose de las Lajas" in _places(nlp, "Farmers marched in San Jose de las Lajas on Monday.")
    # Near miss: a lower-case article after a name that the gazetteer does not continue ends it.
    assert "Guerrero" in _places(nlp, "Teachers marched across Guerrero las they did last year.")


def test_an_alias_of_a_big_town_anchors_the_text(nlp: Language) -> None:
    assert "Whitehall" not in _places(nlp, "Shoppers crowded the Whitehall market in Kiev on Sunday.")
    assert "Whitehall" not in _places(nlp, "A crowd rallied outside Whitehall in Edinburgh on Friday.")
    # Near miss: a small namesake anchors nothing.
    assert _places(nlp, "Farmers in Whitehall protested against Britain's tariffs.")["Whitehall"].country == "US"


def test_a_title_word_still_opens_a_country_short_form(nlp: Language) -> None:
    assert _places(nlp, "Rebels attacked a church in northeastern DR Congo on Sunday.")["DR Congo"].country == "CD"
    assert _places(nlp, "Aid convoys reached DR Congo after the floods.")["DR Congo"].country == "CD"
    # Near miss: a title before a name is a title, whatever the name means elsewhere
    assert "Dr Smith" not in _places(nlp, "Dr Smith said the clinic in Kigali was full.")
