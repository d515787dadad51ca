"""Issue 11 (sources): who speaks, for which incident, with which stance.

Every sentence here is ours. Each rule has two sentences it must cover and a near-miss it must not.
"""

from __future__ import annotations

from spacy.language import Language

from claimtrack.extract.status import INDEPENDENT, voice_of
from claimtrack.models import Article, Claim
from claimtrack.nlp import make_doc, process


def _claims(nlp: Language, text: str) -> list[Claim]:
    doc = nlp(make_doc(nlp, Article(id="t", text=text, published="2026-02-01")))
    claims: list[Claim] = doc._.claims
    return claims


def _claim(nlp: Language, text: str, cue: str) -> Claim:
    hits = [c for c in _claims(nlp, text) if cue in c.cue.text]
    assert hits, f"no claim with cue {cue!r}"
    return hits[0]


def _statuses(text: str) -> list[tuple[str | None, str | None]]:
    result = next(process([Article(id="s", text=text, published="2026-02-01")]))
    return [(e.status, e.status_reason) for e in result.events if e.acled]


# --- one side's strike and the other side's strike are two incidents, even on one day in one region --------


def test_strikes_by_opposite_sides_do_not_pool_their_voices(nlp: Language) -> None:
    text = (
        "Russian shelling killed a woman in the village of Bilozerka in the Kherson region on Saturday, the "
        "regional police said. Ukrainian drones struck a fuel depot in Nova Kakhovka in the Kherson region on "
        "Saturday, Russian-installed officials said."
    )
    first, second = _statuses(text)
    assert first[0] == "claimed" and "Ukraine" in (first[1] or "")
    assert second[0] == "claimed" and "Russia" in (second[1] or "")
    text = (
        "Russian missiles hit an apartment block in Kharkiv on Sunday, killing three people, the regional "
        "governor said. Ukrainian artillery shelled the village of Kozacha Lopan in the Kharkiv region on Sunday, "
        "Russian-installed officials said."
    )
    assert [s for s, _ in _statuses(text)] == ["claimed", "claimed"]


def test_a_battle_told_from_both_ends_is_one_incident(nlp: Language) -> None:
    # near-miss: in a battle the sides swap roles from one report to the next
    text = (
        "Heavy fighting between Russian and Ukrainian troops raged near the village of Robotyne in the "
        "Zaporizhzhia region on Saturday, the Ukrainian army said. Russia's defence ministry said its troops had "
        "repelled a Ukrainian assault near Robotyne in the Zaporizhzhia region on Saturday."
    )
    assert _statuses(text)[0][0] == "confirmed"


# --- "has not denied" leaves it open -------------------------------------------------------------------------


def test_not_denying_is_not_confirming(nlp: Language) -> None:
    text = "Kyiv has not denied being behind the blast at the arms depot."
    assert _claim(nlp, text, "denied").stance == "does_not_confirm"
    text = "The militia did not deny that its fighters had entered the town."
    assert _claim(nlp, text, "deny").stance == "does_not_confirm"
    # near-miss: a denial stays a denial
    text = "The militia denied that its fighters had entered the town."
    assert _claim(nlp, text, "denied").stance == "denies"


# --- conjecture and doubt assert nothing -----------------------------------------------------------------------


def test_speculating_and_casting_doubt_are_not_assertions(nlp: Language) -> None:
    text = "Villagers cast doubt on the army's account, speculating that a mortar had caused the blast."
    assert _claim(nlp, text, "cast").stance == "other"
    assert _claim(nlp, text, "speculating").stance == "other"
    text = "Local traders speculated that the fire had been set on purpose."
    assert _claim(nlp, text, "speculated").stance == "other"
    # near-miss: a light verb without a speech-act object keeps the plain stance
    text = "Officials cast the strike as retaliation for the raid."
    assert _claim(nlp, text, "cast").stance == "asserts"


# --- "X said that A happened, adding that ...": X adds --------------------------------------------------------


def test_a_trailing_adding_belongs_to_the_speaker_not_the_reported_clause(nlp: Language) -> None:
    text = "The mayor said that the drones had damaged two schools, adding that nobody was hurt."
    src = _claim(nlp, text, "adding").source
    assert src is not None and src.text == "The mayor"
    text = "Officials said the rebels had shelled the market, adding that the death toll could rise."
    src = _claim(nlp, text, "adding").source
    assert src is not None and src.text == "Officials"
    # near-miss: a participle on a clause nobody reports belongs to that clause's subject
    text = "The rebels shelled the market on Sunday, saying it hid soldiers."
    src = _claim(nlp, text, "saying").source
    assert src is not None and src.text == "The rebels"


# --- what a journalist on the scene saw is an independent voice ------------------------------------------------


def test_a_reporters_own_observation_is_an_independent_claim(nlp: Language) -> None:
    text = "A Reuters photographer saw four bodies under blankets outside the clinic."
    c = _claim(nlp, text, "saw")
    assert c.stance == "asserts" and "four bodies" in c.content.text
    v = voice_of(c, None)
    assert v is not None and v.side == INDEPENDENT
    text = "Our correspondent in the town witnessed soldiers loading the wounded onto trucks."
    c = _claim(nlp, text, "witnessed")
    assert "loading the wounded" in c.content.text
    # near-miss: what a journalist did not see, and what others saw, are no reporter's observation
    assert not [c for c in _claims(nlp, "Reporters did not see any damage at the base.") if c.cue.text == "see"]
    assert not [c for c in _claims(nlp, "Residents saw smoke rising over the port.") if c.cue.text == "saw"]


# --- claims found: the antecedent of "who", "as per X", a postposed "with officials warning ..." -----------------


def test_a_relative_pronoun_after_a_named_source_is_that_source(nlp: Language) -> None:
    text = (
        "Nine villagers died when shells hit the square, according to governor Ivan Petrenko, who blamed "
        "separatist gunners for the barrage."
    )
    src = _claim(nlp, text, "blamed").source
    assert src is not None and "Petrenko" in src.text and src.entity == "Ivan Petrenko"
    text = "Three bridges were destroyed, said the army spokesman Oleh Bondar, who added that repairs would take weeks."
    src = _claim(nlp, text, "added").source
    assert src is not None and "Bondar" in src.text
    # near-miss: a relative clause on a noun that is no source keeps the pronoun, as annotators mark it
    text = "The interior minister, who said the rebels had fired from the hills, visited the town."
    src = _claim(nlp, text, "said").source
    assert src is not None and src.text == "who"


def test_as_per_reads_like_according_to(nlp: Language) -> None:
    c = _claim(nlp, "Seven people were wounded in the blast, as per local police.", "as per")
    assert c.source is not None and c.source.text == "local police"
    assert c.content.text == "Seven people were wounded in the blast" and c.stance == "asserts"
    text = "After a “shell struck the depot, fuel tanks burned. The fire spread to a warehouse,” as per the governor."
    c = _claim(nlp, text, "as per")
    assert c.source is not None and c.source.text == "the governor" and "shell struck the depot" in c.content.text
    # near-miss: "as per the contract" is "in keeping with", nobody speaks
    assert not [c for c in _claims(nlp, "The price rose as per the contract.") if "per" in c.cue.text]


def test_a_postposed_with_clause_is_not_what_the_first_speaker_said(nlp: Language) -> None:
    text = (
        "Twelve people were hurt in the market fire, the municipal council said, with rescuers warning the number "
        "might grow."
    )
    c = _claim(nlp, text, "said")
    assert c.content.text == "Twelve people were hurt in the market fire"
    text = "Four soldiers died in the ambush, the army said, with local officials warning that more were missing."
    c = _claim(nlp, text, "said")
    assert c.content.text == "Four soldiers died in the ambush"
    # near-miss: "said with regret that ..." keeps its that-clause
    c = _claim(nlp, "The minister said with regret that the talks had failed.", "said")
    assert c.content.text == "that the talks had failed"


# --- "Hours later, ..." sets a strike apart from the one told next ---------------------------------------------


def _strikes(text: str) -> list[str]:
    result = next(process([Article(id="s", text=text, published="2026-02-01")]))
    return [e.trigger.text for e in result.events if e.acled]


def test_a_sequencing_time_phrase_opens_another_incident(nlp: Language) -> None:
    text = (
        "Hours later, six Russian missiles damaged a port terminal near Izmail, officials said. The navy gave no "
        "details. During the night, two missiles struck a grain silo, starting a fire, the governor said."
    )
    assert len(_strikes(text)) == 2
    text = (
        "Earlier, Russian drones hit a power substation in Kharkiv, the mayor said. Nobody was hurt there. On "
        "Tuesday night, two missiles struck a warehouse, the governor said."
    )
    assert len(_strikes(text)) == 2
    # near-miss: one time phrase only, the next sentence tells the same strike
    text = (
        "Overnight, Russian missiles hit the city of Mykolaiv, officials said. Two missiles struck a grain silo, "
        "starting a fire, the governor said."
    )
    assert len(_strikes(text)) == 1


# --- a stock of displaced people is no incident, so its source says nothing of the strike ------------------------


def test_a_present_stock_of_displaced_people_is_not_the_strikes_harm(nlp: Language) -> None:
    text = (
        "Militia mortars hit a displacement camp in Nyala on Sunday, killing seven people, a local official said. "
        "Some two million Darfuris are still displaced within the state, UN figures show."
    )
    status, reason = _statuses(text)[0]
    assert status == "claimed" and "independent" not in (reason or "")
    text = (
        "Artillery struck the town of El Obeid on Friday, killing three, a medic said. Around 400,000 people remain "
        "displaced across the state, aid agencies said."
    )
    result = next(process([Article(id="s", text=text, published="2026-02-01")]))
    assert [e.type for e in result.events if e.acled] == ["shelling"]
    # near-miss: people driven out by the day's shelling are its harm, still an incident of the day
    text = "Army shelling on Monday displaced hundreds of families from the village of Zorfan, residents said."
    result = next(process([Article(id="s", text=text, published="2026-02-01")]))
    assert [e.type for e in result.events if e.acled] == ["shelling"]


# --- a hyphenated name particle ("al-", "el-") stays in the name ------------------------------------------------


def test_a_hyphenated_particle_stays_in_a_titled_name(nlp: Language) -> None:
    text = "Yemen’s de facto leader and army chief Gen Ahmed Saleh al-Qadi said on Friday: “We will not negotiate.”"
    src = _claim(nlp, text, "said").source
    assert src is not None and src.entity == "Ahmed Saleh al-Qadi"
    text = (
        "Iraq’s acting president and armed forces chief Gen Karim Hadi al-Rubaie said on Monday: “The border is shut.”"
    )
    src = _claim(nlp, text, "said").source
    assert src is not None and src.entity == "Karim Hadi al-Rubaie"
    # near-miss: a spaced dash opens an aside, it joins no name
    text = "The veteran commander Gen Ahmed Saleh - a former minister - said on Friday: “We hold the bridge.”"
    src = _claim(nlp, text, "said").source
    assert src is not None and src.entity == "Ahmed Saleh"
