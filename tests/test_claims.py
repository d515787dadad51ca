"""Attributed claims: spans, sources, stances, relays and dates, on sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from claimtrack.extract.attribution import find_attributions
from claimtrack.extract.quotes import Quotes
from claimtrack.ingest import read_inputs
from claimtrack.models import Article, Claim
from claimtrack.nlp import make_doc, process
from tests.conftest import SEEDS, need_shared


def claims_of(nlp: Language, text: str, **meta: object) -> list[Claim]:
    doc = nlp(make_doc(nlp, Article(id="t", text=text, **meta)))  # type: ignore[arg-type]
    claims: list[Claim] = doc._.claims
    return claims


def by_cue(claims: list[Claim], cue: str) -> Claim:
    hits = [c for c in claims if c.cue.text.lower().endswith(cue.lower()) or cue.lower() in c.cue.text.lower()]
    assert hits, f"no claim with cue {cue!r} in {[c.cue.text for c in claims]}"
    return hits[0]


def test_spans_point_into_the_text_and_ids_follow_text_order(nlp: Language) -> None:
    text = (
        "The governor said on Monday that the bridge at Dovhe had been destroyed. "
        "Two days later the army claimed that it had repaired the crossing."
    )
    claims = claims_of(nlp, text)
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]
    assert len(claims) == 2
    for c in claims:
        assert text[c.cue.span[0] : c.cue.span[1]] == c.cue.text
        assert c.source is not None and text[c.source.span[0] : c.source.span[1]] == c.source.text
        for s, e in c.content.spans:
            assert text[s:e] in c.content.text
    first = claims[0]
    assert first.source is not None and first.source.text == "The governor"
    assert first.content.text == "that the bridge at Dovhe had been destroyed"
    assert claims[1].cue.span[0] > first.cue.span[0]


# --- stances -------------------------------------------------------------------------------------------------


def test_stance_asserts(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "The regional governor said that four drones were shot down overnight."), "said")
    assert c.stance == "asserts"


def test_stance_denies(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "The defence ministry denied that its aircraft had struck the hospital."), "denied")
    assert c.stance == "denies"


def test_stance_does_not_confirm(nlp: Language) -> None:
    claims = claims_of(nlp, "Georgia did not immediately confirm the capture of the two border posts on Friday.")
    c = by_cue(claims, "confirm")
    assert c.cue.text == "did not immediately confirm"
    assert c.stance == "does_not_confirm"
    declined = by_cue(claims_of(nlp, "An army spokeswoman declined to comment on the raids."), "declined")
    assert declined.stance == "does_not_confirm"


def test_stance_claims_responsibility(nlp: Language) -> None:
    claims = claims_of(nlp, "A little-known militia claimed responsibility for the ambush near the pipeline.")
    c = by_cue(claims, "claimed")
    assert c.stance == "claims_responsibility"


def test_stance_threatens(nlp: Language) -> None:
    text = "Pyongyang threatened to strike the carrier group if the drills continued."
    c = by_cue(claims_of(nlp, text), "threatened")
    assert c.stance == "threatens"
    assert c.source is not None and c.source.entity == "North Korea"


def test_stance_accuses(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "The rebels accused government troops of shelling the market in Goma."), "accused")
    assert c.stance == "accuses"


def test_stance_predicts(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "Analysts predicted that the offensive would stall before winter."), "predicted")
    assert c.stance == "predicts"


def test_stance_alleges(nlp: Language) -> None:
    claims = claims_of(nlp, "Moscow claims that saboteurs crossed the border near the village of Tyotkino.")
    assert by_cue(claims, "claims").stance == "alleges"
    hedged = claims_of(nlp, "The mayor said the convoy had reportedly been hit by artillery fire.")
    assert by_cue(hedged, "said").stance == "alleges"


def test_stance_other_for_beliefs(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "Many residents believe that the ceasefire will not hold."), "believe")
    assert c.stance == "other"


# --- source kinds ----------------------------------------------------------------------------------------------


def test_kind_state_from_capital(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "Beijing said it would send a delegation to the talks."), "said")
    assert c.source is not None and (c.source.entity, c.source.kind) == ("China", "state")


def test_kind_government(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "The Kremlin said the talks had produced no result."), "said")
    assert c.source is not None and (c.source.entity, c.source.kind) == ("Russia", "government")


def test_kind_military(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "The Russian Ministry of Defence said air defences destroyed ten drones."), "said")
    assert c.source is not None and (c.source.entity, c.source.kind) == ("Ministry of Defence of Russia", "military")


def test_kind_official_person_with_title(nlp: Language) -> None:
    text = "Ukrainian President Volodymyr Zelensky said the front line near Pokrovsk was holding."
    c = by_cue(claims_of(nlp, text), "said")
    assert c.source is not None
    assert c.source.text == "Ukrainian President Volodymyr Zelensky"
    assert (c.source.entity, c.source.kind) == ("Volodymyr Zelensky", "official")


def test_kind_person_without_title(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "Maria Kovalenko told reporters that her street had no power for a week."), "told")
    assert c.source is not None and (c.source.entity, c.source.kind) == ("Maria Kovalenko", "person")


def test_kind_outlet(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "Reuters reported that the convoy reached the city on Sunday."), "reported")
    assert c.source is not None and (c.source.entity, c.source.kind) == ("Reuters", "outlet")


def test_kind_organization(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "NATO said the aircraft had entered allied airspace for three minutes."), "said")
    assert c.source is not None and (c.source.entity, c.source.kind) == ("NATO", "organization")


def test_kind_anonymous_with_affiliation(nlp: Language) -> None:
    text = "A senior U.S. official said the shipment would arrive within weeks."
    c = by_cue(claims_of(nlp, text), "said")
    assert c.source is not None
    assert (c.source.text, c.source.entity, c.source.kind, c.source.anonymous) == (
        "A senior U.S. official",
        "United States",
        "anonymous",
        True,
    )


def test_kind_anonymous_plural_sources(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "Sources said the talks would resume in Doha next week."), "said")
    assert c.source is not None and c.source.anonymous and c.source.kind == "anonymous"


def test_kind_unknown_and_no_source(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "Both sides said the exchange of prisoners went ahead."), "said")
    assert c.source is not None and c.source.kind == "unknown" and c.source.entity is None


# --- pronouns and short forms -------------------------------------------------------------------------------


def test_pronoun_he_resolves_to_the_last_person(nlp: Language) -> None:
    text = (
        "Defence Minister Rustem Umerov said the new brigades were ready. "
        "He added that more air defence systems were expected in spring."
    )
    c = by_cue(claims_of(nlp, text), "added")
    assert c.source is not None and c.source.text == "He"
    assert c.source.entity == "Rustem Umerov"


def test_pronoun_it_resolves_to_the_last_body(nlp: Language) -> None:
    text = "Azerbaijan says it closed the airspace over the region. It added that flights would resume on Monday."
    claims = claims_of(nlp, text)
    assert by_cue(claims, "says").source.entity == "Azerbaijan"  # type: ignore[union-attr]
    added = by_cue(claims, "added")
    assert added.source is not None and added.source.entity == "Azerbaijan"


def test_short_form_resolves_to_the_named_body(nlp: Language) -> None:
    text = (
        "The Ukrainian Ministry of Defence said twelve drones were intercepted. "
        "The ministry later stated that two of them fell on farmland."
    )
    c = by_cue(claims_of(nlp, text), "stated")
    assert c.source is not None and c.source.text == "The ministry"
    assert c.source.entity == "Ministry of Defence of Ukraine"


# --- according to, quotes ------------------------------------------------------------------------------------


def test_according_to(nlp: Language) -> None:
    text = "According to the regional administration, three villages were evacuated overnight."
    c = by_cue(claims_of(nlp, text), "According to")
    assert c.cue.text == "According to"
    assert c.source is not None and c.source.text == "the regional administration"
    assert c.content.text == "three villages were evacuated overnight"


def test_direct_quote_with_marks(nlp: Language) -> None:
    text = "“We will not give up a single village,” the commander said."
    c = by_cue(claims_of(nlp, text), "said")
    assert c.content.text == "“We will not give up a single village,”"
    assert c.source is not None and c.source.text == "the commander"


def test_split_quote_gives_two_content_spans(nlp: Language) -> None:
    text = "“The shelling stopped at dawn,” the mayor said. “By noon the first trucks were back on the road.”"
    c = by_cue(claims_of(nlp, text), "said")
    assert len(c.content.spans) == 2
    second = text[c.content.spans[1][0] : c.content.spans[1][1]]
    assert second == "“By noon the first trucks were back on the road.”"


def test_multi_paragraph_quote(nlp: Language) -> None:
    text = (
        'The spokesman said: "The first convoy crossed at six in the morning.\n\n'
        '"The second one is waiting for clearance at the checkpoint."\n\nOther news followed.'
    )
    c = by_cue(claims_of(nlp, text), "said")
    (s, e), *_ = c.content.spans
    assert "first convoy" in text[s:e] and "second one is waiting" in text[s:e]
    assert "Other news" not in text[s:e]


def test_quotes_are_paired_across_paragraphs(nlp: Language) -> None:
    doc = nlp.make_doc('He said: "One.\n\n"Two." Then "three" ended.')
    doc = nlp(doc)
    q = Quotes(doc)
    opening = [t.i for t in doc if t.text == '"'][0]
    assert q.close_of[opening] > [t.i for t in doc if t.text == "Two"][0]
    assert not q.inside([t.i for t in doc if t.text == "Then"][0])


# --- via and said_on -----------------------------------------------------------------------------------------


def test_told_an_outlet_goes_on_via(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "A second official told CNN that the decision had been made on Friday."), "told")
    assert c.via == ["CNN"]


def test_according_to_an_outlet_makes_it_the_source(nlp: Language) -> None:
    text = "The talks were postponed, according to Spanish newspaper El Pais."
    c = by_cue(claims_of(nlp, text), "according to")
    assert c.source is not None and c.source.kind == "outlet"
    assert c.source.entity == "El Pais"


def test_article_via_goes_on_relayed_claims(nlp: Language) -> None:
    text = "Kyiv says it shot down eleven drones overnight."
    c = by_cue(claims_of(nlp, text, publisher="News.az", via=["Reuters"]), "says")
    assert c.via == ["Reuters"]
    bare = by_cue(claims_of(nlp, text, publisher="News.az"), "says")
    assert bare.via == []


def test_said_on_calls_resolve_date(nlp: Language) -> None:
    from datetime import date

    from claimtrack.extract.time import resolve_date

    text = "Zelensky said on Tuesday that the counteroffensive had begun."
    c = by_cue(claims_of(nlp, text, published="2024-11-21"), "said")
    expected = resolve_date("on Tuesday", date(2024, 11, 21)) or resolve_date("Tuesday", date(2024, 11, 21))
    assert c.said_on == (expected.value if expected else None)
    undated = by_cue(claims_of(nlp, "Zelensky said that the counteroffensive had begun."), "said")
    assert undated.said_on is None


def test_no_claims_without_attribution(nlp: Language) -> None:
    assert claims_of(nlp, "The river rose by two metres after the dam was breached.") == []


def test_find_attributions_on_token_spans(nlp: Language) -> None:
    doc = nlp("The mayor said that the water supply was restored.")
    (a,) = find_attributions(doc)
    assert doc[a.cue[0] : a.cue[1]].text == "said"
    assert a.source is not None and doc[a.source[0] : a.source[1]].text == "The mayor"
    assert [doc[s:e].text for s, e in a.contents] == ["that the water supply was restored"]


# --- seeds (issue 3 expectations) ---------------------------------------------------------------------------


def _seed_results() -> list:
    arts = [a for a in read_inputs([str(p) for p in sorted(SEEDS.glob("*.txt"))]) if isinstance(a, Article)]
    return list(process(arts))


def test_seed_expectations() -> None:
    need_shared(SEEDS)
    first, second = _seed_results()
    assert 9 <= len(first.claims) <= 18 and 5 <= len(second.claims) <= 14

    def at(result, phrase: str) -> Claim:  # type: ignore[no-untyped-def]
        pos = result.article.text.index(phrase)
        hits = [c for c in result.claims if c.cue.span[0] >= pos and c.cue.span[0] < pos + len(phrase)]
        assert hits, f"no claim with a cue in {phrase!r}"
        return hits[0]

    says = at(first, "Russia says it shot down")
    assert says.source is not None and says.source.entity == "Russia"
    assert "shot down five of the missiles" in says.content.text
    confirm = at(first, "Ukraine did not immediately confirm")
    assert confirm.stance == "does_not_confirm"
    assert confirm.source is not None and confirm.source.entity == "Ukraine"
    official = at(first, "According to a senior U.S. official")
    assert official.source is not None and official.source.anonymous
    assert official.source.entity == "United States"
    added = at(first, "It added that debris")
    assert added.source is not None and added.source.entity == "Russia"
    assert "Fox News" in says.via  # the article relays Fox News
    figaro = at(first, "according to French outlet Le Figaro")
    assert figaro.source is not None and figaro.source.entity == "Le Figaro"
    september = at(first, "Putin said in September")
    assert september.source is not None and september.source.entity == "Vladimir Putin"
    assert (september.said_on or "").startswith("2024-09")  # via resolve_date against the 2024-11-19 article
    assert september.content.text.startswith('"Flight assignments')
    added_he = at(first, "he added")
    assert added_he.source is not None and added_he.source.entity == "Vladimir Putin"
    told_fox = at(first, "A second official told Fox")
    assert told_fox.source is not None and told_fox.source.anonymous and "Fox News" in told_fox.via
    ministry = at(second, "The ministry added")
    assert ministry.source is not None and ministry.source.entity == "Ministry of Defence of Russia"
    stated = at(second, "The ministry previously stated")
    assert stated.source is not None and stated.source.entity == "Ministry of Defence of Russia"
    zelensky = at(second, "He wrote on social media")
    assert zelensky.source is not None and zelensky.source.entity == "Volodymyr Zelensky"


# --- more span shapes -----------------------------------------------------------------------------------------


def test_relative_pronoun_source_resolves_to_its_noun(nlp: Language) -> None:
    text = "The strike was condemned by the Polish foreign ministry, which said that the consulate was damaged."
    c = by_cue(claims_of(nlp, text), "said")
    assert c.source is not None and c.source.text == "which"
    assert (c.source.entity, c.source.kind) == ("Ministry of Foreign Affairs of Poland", "government")


def test_raised_subject_has_no_source_and_two_content_spans(nlp: Language) -> None:
    text = "The new air defence batteries are expected to arrive before the winter."
    c = by_cue(claims_of(nlp, text), "expected")
    assert c.source is None
    assert [text[s:e] for s, e in c.content.spans] == ["The new air defence batteries", "to arrive before the winter"]
    assert c.stance == "predicts"


def test_inverted_quote_attribution(nlp: Language) -> None:
    text = "“Nobody has left the village since Friday,” said Olena Petrenko, a local teacher."
    c = by_cue(claims_of(nlp, text), "said")
    assert c.content.text == "“Nobody has left the village since Friday,”"
    assert c.source is not None and c.source.entity == "Olena Petrenko"


def test_participle_cue_takes_the_subject_of_its_verb(nlp: Language) -> None:
    text = "Russia has threatened to retaliate after claiming to have intercepted eight missiles over Belgorod."
    claims = claims_of(nlp, text)
    claiming = by_cue(claims, "claiming")
    assert claiming.source is not None and claiming.source.entity == "Russia"
    assert by_cue(claims, "threatened").stance == "threatens"


def test_unnamed_office_holder_is_an_official(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "The regional governor said the shelters were full."), "said")
    assert c.source is not None and (c.source.entity, c.source.kind, c.source.anonymous) == (None, "official", False)


def test_physical_attack_is_an_event_not_a_claim(nlp: Language) -> None:
    text = "Russia attacked the port of Izmail with drones overnight, the southern command said."
    claims = claims_of(nlp, text)
    assert [c.cue.text for c in claims] == ["said"]
    c = claims[0]
    assert c.content.text == "Russia attacked the port of Izmail with drones overnight"
    assert c.source is not None and c.source.kind == "military"


def test_verbal_attack_is_an_accusation(nlp: Language) -> None:
    c = by_cue(claims_of(nlp, "The senator attacked the minister for his handling of the talks."), "attacked")
    assert c.stance == "accuses"


def test_date_phrase_is_not_folded_into_the_cue(nlp: Language) -> None:
    text = "Workers were still clearing debris at the port, the navy added on Friday."
    c = by_cue(claims_of(nlp, text), "added")
    assert c.cue.text == "added"
    assert c.content.text == "Workers were still clearing debris at the port"
