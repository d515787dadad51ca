"""Events whose own sentence names no place, and places the gazetteer lacks: what the text around them still
says about where they happened. Each rule with two sentences it must cover and a near miss (our own sentences;
the invented towns are not in the gazetteer)."""

from __future__ import annotations

from spacy.language import Language

from claimtrack.extract.places import scene_location
from claimtrack.models import Article, Location, Place
from claimtrack.nlp import make_doc


def _doc(nlp: Language, text: str):  # type: ignore[no-untyped-def]
    return nlp(make_doc(nlp, Article(id="t", text=text)))


def _scene(nlp: Language, text: str, trigger: str) -> Location | None:
    doc = _doc(nlp, text)
    start = text.rindex(trigger)
    return scene_location(doc, (start, start + len(trigger)), doc._.places)


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {p.text: p for p in _doc(nlp, text)._.places}


def test_an_event_without_a_place_borrows_the_scene_set_before_it(nlp: Language) -> None:
    text = (
        "On 3 May, about forty students occupied a lecture hall in Graz over tuition fees. "
        "They also demanded cheaper housing. Police later arrested nine of them."
    )
    loc = _scene(nlp, text, "arrested")
    assert loc is not None and loc.name == "Graz"
    text = "LYON, France (AP) - Riot police fired tear gas on Tuesday. Several officers were hurt."
    loc = _scene(nlp, text, "hurt")
    assert loc is not None and loc.name == "Lyon"
    # Near miss: the nearest scene wins over the lede's ("a later incident inherits its own lede").
    text = (
        "Gunmen attacked a bus near Mombasa on Monday. Two days later, rebels raided a market in Garissa. "
        "Four traders were killed."
    )
    loc = _scene(nlp, text, "killed")
    assert loc is not None and loc.name == "Garissa"


def test_a_reporting_place_or_another_incident_is_not_the_scene(nlp: Language) -> None:
    # where a source spoke is not where the event was
    text = "A spokesman said in Nairobi that the convoy was safe. Later, two drivers were abducted."
    assert _scene(nlp, text, "abducted") is None
    # a foreign dateline beyond the paragraph: where the report was filed
    text = (
        "OTTAWA (Agency) - Troops retook a bridge outside Khartoum, the army said.\n"
        "Fighting also raged in Omdurman and across Sudan.\n"
        "Dozens were killed."
    )
    loc = _scene(nlp, text, "killed")
    assert loc is not None and loc.country == "SD"
    # a second incident, opened as such, borrows nothing
    text = "Rebels shelled a camp near Goma on Friday. In a separate attack, three soldiers were killed."
    assert _scene(nlp, text, "killed") is None
    text = "Rebels shelled a camp near Goma on Friday. Elsewhere, three soldiers were killed."
    assert _scene(nlp, text, "killed") is None


def test_the_incident_keeps_its_borrowed_place_through_the_pipeline(nlp: Language) -> None:
    doc = _doc(nlp, "On 3 May, about forty students occupied a lecture hall in Graz. Police arrested nine of them.")
    arrests = [e for e in doc._.events if e.type == "arrest"]
    assert arrests and all(e.location is not None and e.location.name == "Graz" for e in arrests)


def test_a_division_word_reaches_a_division_spelled_otherwise(nlp: Language) -> None:
    # the division of a town so named, its seat ("Karagandy" is the seat of Qaraghandy)
    found = _places(nlp, "Police broke up a rally in Zorfan village in Karaganda region on Friday.")
    assert found["Karaganda region"].feature == "admin1" and found["Karaganda region"].name == "Qaraghandy"
    found = _places(nlp, "Gunmen shot a teacher in Zorfan town, Konduz province.")
    assert found["Konduz province"].feature == "admin1" and found["Konduz province"].country == "AF"
    # a romanisation of the division's own name
    found = _places(nlp, "A roadside bomb hit a bus in Zorfan, Hilmand province, on Monday.")
    assert found["Hilmand province"].name == "Helmand" and found["Hilmand province"].precision == "admin1"
    # Near miss: no division spelled anything like it: better no place than a namesake's
    assert not any(p.feature == "admin1" for p in _places(nlp, "Shells fell on Zorfan in Zorvandia province.").values())


def test_a_bracketed_division_places_an_unknown_village(nlp: Language) -> None:
    doc = _doc(nlp, "On 2 June, gunmen killed two farmers in Zorfan (Zorlan, Hilmand).")
    loc = next(e.location for e in doc._.events if e.location is not None)
    assert loc.country == "AF" and loc.admin1 == "Helmand" and loc.precision == "admin1"
    found = _places(nlp, "Villagers protested in Zorfan (Zorfan, Western) over fuel shortages in Colombo.")
    assert found["Western"].country == "LK"  # a stop word alone, a division inside the brackets
    # Near miss: brackets naming no division
    assert _places(nlp, "Militants (Zorlan, Zorvia) attacked a convoy.") == {}


def test_the_arabic_article_and_a_settlement_noun(nlp: Language) -> None:
    found = _places(nlp, "Jets struck a market in Al-Mayadin on Sunday.")
    assert found["Al-Mayadin"].country == "SY"
    found = _places(nlp, "Workers rallied in Karaganda city over unpaid wages.")
    assert found["Karaganda"].country == "KZ"
    # Near miss: an article before a name whose place has none is no match ("Al Badr" is not Badr)
    assert "Al Badr" not in _places(nlp, "Fighters of Al Badr attacked a checkpoint.")


def test_a_bracketed_town_places_a_village_in_its_division(nlp: Language) -> None:
    # "Hol" is known only as a Norwegian town: here it is a village of the named town's district, so it reads
    # in that town's division (the town itself when it is the bracket's only known part, else its division)
    found = _places(nlp, "On 9 June, locals blocked a road at Hol town (Ganderbal district, Zorvia) over fares.")
    assert found["Hol"].country == "IN" and found["Hol"].admin1 == "Jammu and Kashmir"
    found = _places(nlp, "Gunmen attacked a bus near Hol village (Charikar district, Zorvia) at dawn.")
    assert found["Hol"].country == "AF" and found["Hol"].admin1 == "Parvan"
    # Near miss: a qualifier the town fits keeps the town itself
    found = _places(nlp, "A crowd gathered in Paris (Lamar, Texas) on Saturday.")
    assert found["Paris"].feature == "settlement" and found["Paris"].admin1 == "Texas"


def test_what_was_reported_in_a_place_happened_there(nlp: Language) -> None:
    doc = _doc(nlp, "On 9 April, marches were reported in Arequipa region over fuel prices.")
    assert any(e.location is not None and e.location.admin1 == "Arequipa" for e in doc._.events)
    doc = _doc(nlp, "Clashes were reported in Kandahar on Sunday.")
    assert any(e.location is not None and e.location.country == "AF" for e in doc._.events)
    # Near miss: a source that reported from a place is still not the event's place
    loc = _scene(nlp, "The ministry reported in Kabul that a convoy was safe. Two drivers were abducted.", "abducted")
    assert loc is None


def test_a_scene_set_in_brackets_or_abroad(nlp: Language) -> None:
    text = "On 27 May, militants attacked soldiers in Zorfan village (Zorlan, Hilmand). They fired two rockets."
    loc = _scene(nlp, text, "fired")
    assert loc is not None and loc.name == "Helmand"
    text = "On 2 May, rebels shelled a camp near Mazar-i-Sharif. They also raided a post in Herat. Two died."
    loc = _scene(nlp, text, "died")
    assert loc is not None and loc.admin1 == "Herat"
    # Near miss: the text's places lie in one country: a lone reading abroad is no scene
    text = "Police in Kabul and Herat arrested traders. Fighting then broke out in Moscow. Two died."
    loc = _scene(nlp, text, "died")
    assert loc is None or loc.country == "AF"


def test_spelled_alike_divisions_and_their_near_misses() -> None:
    from claimtrack.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert [e.name for e in gaz.divisions_like("sicilia")] == ["Sicily"]
    assert [e.name for e in gaz.divisions_like("catalunya")] == ["Catalonia"]
    # Near misses: one skeleton, different names ("Thi Qar" is not Takhar, "Bayern" is not Bern)
    assert gaz.divisions_like("thi qar") == [] and gaz.divisions_like("bayern") == []
    assert gaz.divisions_like("kabale") == []


def test_a_list_of_divisions_names_a_division_before_a_namesake_town(nlp: Language) -> None:
    # a bracketed list of divisions after a town: the division, under its local spelling
    found = _places(nlp, "Farmers marched in Zorfan (Zorlan, Catalunya) and in Lleida.")
    assert found["Catalunya"].name == "Catalonia"
    found = _places(nlp, "Students rallied in Palermo (Palermo, Sicilia) on Friday.")
    assert found["Sicilia"].feature == "admin1" and found["Palermo"].country == "IT"
    # Near miss: an earlier part of the list is a town first
    found = _places(nlp, "Residents protested in Zorfan village (Mbarara, Western) over the smell.")
    assert found["Mbarara"].country == "UG"


def test_a_town_in_brackets_after_an_office_name(nlp: Language) -> None:
    found = _places(nlp, "Parents picketed at the Provincial Office of Education (Ulsan) on Monday.")
    assert found["Ulsan"].country == "KR"
    found = _places(nlp, "Workers rallied outside Harbour Works Ltd (Mersin) over pay.")
    assert found["Mersin"].country == "TR"
    # Near miss: a small namesake or a word is no town of the office ("the Union (Reading)")
    assert _places(nlp, "Delegates met at the Union (Reading) and the Guild (Hope).") == {}
    assert "Green" not in _places(nlp, "The cuts were condemned by councillor Mary Doyle (Green) in Limerick.")
