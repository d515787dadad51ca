"""Events whose own sentence names no place that the gazetteer knows, and place names the scanner used to miss
(issue 12). Each rule with two sentences of our own it must cover and a near miss; the invented names ("Zorfa",
"Zorvale") are in no gazetteer."""

from __future__ import annotations

from spacy.language import Language

from claimtrack.extract.places import event_location, scene_location
from claimtrack.models import Article, Location, Place
from claimtrack.nlp import make_doc


def _doc(nlp: Language, text: str):  # type: ignore[no-untyped-def]
    return nlp(make_doc(nlp, Article(id="t", text=text)))


def _located(nlp: Language, text: str, trigger: str) -> Location | None:
    doc = _doc(nlp, text)
    start = text.index(trigger)
    return event_location(doc, (start, start + len(trigger)), doc._.places)


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {p.text: p for p in _doc(nlp, text)._.places}


def test_a_verbless_fragment_after_the_sentence_gives_its_divisions(nlp: Language) -> None:
    loc = _located(nlp, "On 2 March 2022, bandits looted a shop in Zorfa village. (Kisumu, Nyanza).", "looted")
    assert loc is not None and loc.name == "Kisumu"
    loc = _located(nlp, "On 5 April 2022, gunmen ambushed a bus near Zorfa hamlet [Tillaberi region].", "ambushed")
    assert loc is not None and loc.country == "NE" and loc.admin1 == "Tillaberi"
    # Near misses: a next sentence with a clause of its own tells another event, bracketed or not.
    assert _located(nlp, "Bandits looted a shop in Zorfa village. Police in Kisumu arrested two men.", "looted") is None
    text = "Bandits looted a shop in Zorfa village. (Police in Kisumu arrested two men.)"
    assert _located(nlp, text, "looted") is None


def test_a_bracket_closing_a_locative_name_lists_where_it_lies(nlp: Language) -> None:
    goma = _places(nlp, "Rebels torched a school in Zorfa village (Goma, Zorvale).").get("Goma")
    assert goma is not None and goma.country == "CD"
    bunia = _places(nlp, "Militiamen raided a farm near the town of Zorfa (Bunia, Zorvale).").get("Bunia")
    assert bunia is not None and bunia.country == "CD"
    # Near miss: the bracket follows a body, not a place: its words say nothing of where.
    assert _places(nlp, "The committee (Goma, Zorvale) met on Friday.") == {}


def test_a_single_bracketed_town_or_a_long_list_after_a_place_noun(nlp: Language) -> None:
    feni = _places(nlp, "Villagers beat a thief in Zorfa upazila (Feni).").get("Feni")
    assert feni is not None and feni.country == "BD"
    sidon = _places(nlp, "Protesters blocked the road at Zorfa junction (Sidon).").get("Sidon")
    assert sidon is not None and sidon.country == "LB"
    text = "Gunmen raided Zorfa (Aix-en-Provence, Bouches-du-Zorvale, Zorlan-sur-Mer) at night."
    aix = _places(nlp, text).get("Aix-en-Provence")
    assert aix is not None and aix.country == "FR"
    # Near miss: a bracket after a common noun with no name names no place it lies in.
    assert _places(nlp, "The union met in the office (Sidon).") == {}


def test_a_name_hyphenated_around_a_lower_case_word_is_one_name(nlp: Language) -> None:
    aix = _places(nlp, "Cyclists blocked a bridge in Aix-en-Provence.").get("Aix-en-Provence")
    assert aix is not None and aix.country == "FR"
    chalons = _places(nlp, "Farmers blocked a road near Chalons-en-Champagne.").get("Chalons-en-Champagne")
    assert chalons is not None and chalons.country == "FR"
    # Near miss: an unknown hyphenated name stays unknown; its parts are not read as places.
    assert _places(nlp, "A Zorfa-en-Velin trial began.") == {}


def test_a_province_named_for_its_seat_in_another_spelling(nlp: Language) -> None:
    khost = _places(nlp, "Gunmen kidnapped a teacher in Zorfa district, Khost province.").get("Khost province")
    assert khost is not None and khost.feature == "admin1" and khost.country == "AF"
    barishal = _places(nlp, "Farmers protested in Barishal province on Sunday.").get("Barishal province")
    assert barishal is not None and barishal.feature == "admin1" and barishal.country == "BD"
    # Near miss: a town whose division bears another name ("Bunia" lies in a differently named province) gives no
    # division for "Bunia province".
    assert _places(nlp, "Protesters gathered in Bunia province.") == {}


def _scene(nlp: Language, text: str, trigger: str) -> Location | None:
    doc = _doc(nlp, text)
    start = text.rindex(trigger)
    return scene_location(doc, (start, start + len(trigger)), doc._.places)


def test_with_no_scene_before_the_next_sentence_of_the_paragraph_sets_it(nlp: Language) -> None:
    loc = _scene(nlp, "Three traders were wounded on Sunday. Gunmen had ambushed their truck near Garissa.", "wounded")
    assert loc is not None and loc.name == "Garissa"
    loc = _scene(nlp, "Two soldiers were injured in the morning. The clash took place in Lodwar town.", "injured")
    assert loc is not None and loc.name == "Lodwar"
    # Near misses: the next sentence opens another incident, or another paragraph.
    text = "Three traders were wounded on Sunday. In a separate attack, gunmen ambushed a truck near Garissa."
    assert _scene(nlp, text, "wounded") is None
    assert (
        _scene(nlp, "Three traders were wounded on Sunday.\n\nGunmen had ambushed a truck near Garissa.", "wounded")
        is None
    )


def test_a_bracket_after_any_noun_of_a_locative_phrase_sets_the_scene(nlp: Language) -> None:
    text = "Soldiers raided a house in Zorfa hamlet, tambon Zorlan (Betong, Yala). Two men were arrested."
    loc = _scene(nlp, text, "arrested")
    assert loc is not None and loc.country == "TH" and loc.admin1 == "Yala"
    loc = _scene(nlp, "Police searched a farm at Zorfa junction (Sidon). Two men were arrested.", "arrested")
    assert loc is not None and loc.name == "Sidon"
    # Near miss: a bracket after a body's name, not a place's, sets no scene.
    assert _scene(nlp, "Police met leaders of the Zorfa council (Sidon). Two men were arrested.", "arrested") is None


def test_a_town_given_no_division_lies_in_the_division_named_after_it(nlp: Language) -> None:
    # (the gazetteer's source gives these towns no first-level division; ISO 3166-2 names one after each)
    yerevan = _places(nlp, "Students protested in Yerevan on Monday.").get("Yerevan")
    assert yerevan is not None and yerevan.admin1 == "Yerevan"
    jijel = _places(nlp, "Dock workers went on strike in Jijel.").get("Jijel")
    assert jijel is not None and jijel.admin1 == "Jijel"
    # Near miss: a town whose division bears another name is left without one rather than given a wrong one.
    nyala = _places(nlp, "Traders closed their shops in Nyala.").get("Nyala")
    assert nyala is not None and nyala.admin1 is None


def test_a_country_alone_takes_the_one_division_the_text_names_in_it(nlp: Language) -> None:
    text = "Farmers protested in Myanmar on Sunday. Officials of Sagaing region were not reached."
    loc = _located(nlp, text, "protested")
    assert loc is not None and loc.admin1 == "Sagaing" and loc.precision == "admin1"
    loc = _located(nlp, "Teachers went on strike in Kenya, the union of Kisumu county teachers said.", "strike")
    assert loc is not None and loc.country == "KE" and loc.admin1 == "Kisumu"
    # Near miss: with two divisions named, the event stays in the country.
    text = "Farmers protested in Myanmar on Sunday. Officials of Sagaing region and Mandalay region were not reached."
    loc = _located(nlp, text, "protested")
    assert loc is not None and loc.country == "MM" and loc.admin1 is None
