"""Conflict-reporting frames (extract/frames.py): non-confirmations, "as confirmed by", acts that are not
claims, and stances read from what the content says. Our own sentences, each rule with a near-miss."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimtrack.models import Article, Claim
from claimtrack.nlp import make_doc


def claims_of(nlp: Language, text: str) -> list[Claim]:
    doc = nlp(make_doc(nlp, Article(id="f", text=text, published="2026-02-01")))
    return list(doc._.claims)


def only(nlp: Language, text: str) -> Claim:
    found = claims_of(nlp, text)
    assert len(found) == 1, [(c.cue.text, c.content.text) for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("Reuters could not independently verify the footage.", "Reuters", "the footage"),
        ("The Latvian army did not respond to a request for comment.", "The Latvian army", "request for comment"),
    ],
)
def test_non_confirmations_are_found(nlp: Language, text: str, source: str, content: str) -> None:
    c = only(nlp, text)
    assert c.stance == "does_not_confirm"
    assert c.source is not None and c.source.text == source and content in c.content.text


def test_as_confirmed_by_names_the_source_of_the_main_clause(nlp: Language) -> None:
    c = only(nlp, "Three houses were destroyed, as confirmed by Olena Marchuk, a local teacher.")
    assert c.source is not None and c.source.entity == "Olena Marchuk"
    assert c.content.text == "Three houses were destroyed" and c.stance == "asserts"
    c = only(nlp, "The strike hit a school, as confirmed by the village head.")
    assert c.source is not None and c.source.text == "the village head"
    # near-miss: "as expected by" is no confirmation
    assert not any(c.cue.text == "as confirmed by" for c in claims_of(nlp, "Prices rose, as expected by traders."))


@pytest.mark.parametrize(
    "text",
    [
        "The governor declared a day of mourning in the city.",
        "The mayor imposed a curfew on the district.",
        "Is the city safe, residents asked.",
        "Air raid sirens sounded across the capital on Tuesday night.",
    ],
)
def test_acts_and_questions_are_not_claims(nlp: Language, text: str) -> None:
    assert claims_of(nlp, text) == []


def test_a_declaration_of_what_happened_is_a_claim(nlp: Language) -> None:  # the near-miss
    c = only(nlp, "The mayor declared that the depot was bombed before dawn.")
    assert c.content.text == "that the depot was bombed before dawn"


def test_asked_is_not_a_claim_but_the_answer_is(nlp: Language) -> None:
    found = claims_of(nlp, "Asked whether troops had crossed the river, the spokesman said he had nothing to add.")
    assert [c.cue.text for c in found] == ["said"]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Ukraine has not claimed the attack.", "does_not_confirm"),
        ("The group claimed the attack on the base in a statement.", "claims_responsibility"),
        ("The rebels said they had attacked the convoy near the border.", "claims_responsibility"),
        ("The brigade said its fighters had shelled the bridge.", "claims_responsibility"),
        ("The UN called for an immediate ceasefire.", "other"),
        ("Police attributed the blast to a faulty gas pipe.", "accuses"),
        ("The general said his troops would crush the invaders.", "threatens"),
        ("The commander said we will destroy every position they hold.", "threatens"),
    ],
)
def test_stances_from_the_content(nlp: Language, text: str, stance: str) -> None:
    c = next(c for c in claims_of(nlp, text) if c.cue.text not in ("attacked", "shelled"))
    assert c.stance == stance


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The ministry said Ukrainian forces attacked the convoy near the border.", "asserts"),  # someone else
        ("The general said the enemy would attack again.", "asserts"),  # the enemy's act, not his
    ],
)
def test_stance_near_misses(nlp: Language, text: str, stance: str) -> None:
    c = next(c for c in claims_of(nlp, text) if c.cue.text == "said")
    assert c.stance == stance


def test_a_physical_attack_is_not_speech(nlp: Language) -> None:
    assert [c.cue.text for c in claims_of(nlp, "The ministry said Ukrainian forces attacked the convoy.")] == ["said"]


def test_a_trailing_cue_attributes_the_whole_clause(nlp: Language) -> None:
    c = only(nlp, "Police fired on crowds in the capital, killing at least 12 people and wounding 80, officials said.")
    assert c.content.text == "Police fired on crowds in the capital, killing at least 12 people and wounding 80"
    text = (
        "Russia also shelled Izium and two other towns, injuring four people, according to the governor, Petro Hnatiuk."
    )
    c = next(c for c in claims_of(nlp, text) if c.cue.text == "according to")
    assert c.content.text.startswith("Russia also shelled Izium") and "injuring four people" in c.content.text
    # near-miss: a quotation keeps the span the quote rules give it
    c = only(nlp, '"We saw smoke over the port," the captain said.')
    assert c.content.text.startswith('"We saw smoke')


def test_new_frames_passive_naming_and_trailing(nlp: Language) -> None:
    c = only(nlp, "These figures are disputed by local officials in the town.")
    assert c.stance == "denies" and c.content.text == "These figures"
    text = 'The militia was blamed for the raid, in what a United Nations envoy described as a "slaughterhouse."'
    c = next(c for c in claims_of(nlp, text) if c.cue.text == "described as")
    assert c.source is not None and c.source.entity == "United Nations" and "slaughterhouse" in c.content.text
    text = (
        "In the past day, shelling killed three people in Avdiivka, regional governor Ivan Bondar reported on Monday."
    )
    c = next(c for c in claims_of(nlp, text) if c.cue.text == "reported")
    assert c.source is not None and c.source.entity == "Ivan Bondar"
    assert c.content.text.startswith("In the past day, shelling killed three people")


def test_what_was_described_and_the_target_of_a_confirmed_attack(nlp: Language) -> None:
    c = only(nlp, "Survivors described scenes of panic as the gunmen fired at anyone in sight.")
    assert c.content.text == "scenes of panic as the gunmen fired at anyone in sight"
    c = next(
        c
        for c in claims_of(nlp, "Major Lena Brandt confirmed the raid on the outpost but gave no figure for losses.")
        if c.cue.text == "confirmed"
    )
    assert c.content.text == "the raid on the outpost"
