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
