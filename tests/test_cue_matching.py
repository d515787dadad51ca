"""The cue lexicon scan and the lemma patterns find, on sentences written for these tests, what a plain pass of
each regular expression and one Matcher of every entry over the whole text find: the speed-ups (word-start
gates, a two-stage match) change no hit. Each family has two positives and a near-miss."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from claimtrack.extract.events import lexicon, patterns
from claimtrack.nlp import load_pipeline

TEXTS = [
    "Border guards exchanged heavy fire with smugglers near Tarvos on Sunday.",
    "The two patrols traded fire overnight, and an anti-protest law was passed in March.",
    "Farmers marched to the capital. Students protested outside the ministry in Velmar.",
    "In March the council of Orlen met to discuss the harbour budget.",
    "Hundreds of teachers gathered outside the ministry on Monday demanding higher pay.",
    "Residents rallied against the new tax in Brisk. The convoy came under heavy fire near Dorvan.",
    "The crowd gathered. Later, a spokesman said the union was demanding nothing of the kind.",
    "Militias regularly shell the villages, and drones strike the depots every night.",
    "Every one of them came under scrutiny when the plan was published.",
    "Officials gathered evidence demanding answers from the port authority.",
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _types(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in lexicon.scan(text):
        out.setdefault(text[c.start : c.end].lower(), set()).add(c.type)
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_scan_equals_one_pass_per_pattern(text):
    reference = lexicon._scan_each(text, lexicon._COMPILED)
    assert lexicon.scan(text) == reference


def test_gap_cues_of_an_exchange_of_fire():
    assert "armed_clash" in _types(TEXTS[0])["exchanged heavy fire"]
    assert "armed_clash" in _types(TEXTS[1])["traded fire"]
    near = _types("The two ministers exchanged gifts before the summit in Korrin.")
    assert not any("armed_clash" in types for types in near.values())


def test_cues_start_only_at_a_word_start():
    assert "protest" in _types(TEXTS[2])["protested"]
    assert "protest" in _types("Hundreds joined the protest in Velmar.")["protest"]
    text = "Lawmakers passed an anti-protest law."
    assert all(c.start != text.index("protest") for c in lexicon.scan(text))


def test_case_sensitive_cue_of_a_march():
    assert "protest" in _types(TEXTS[2])["marched"]
    assert "protest" in _types("Nurses were marching through Velmar on Friday.")["marching"]
    assert "march" not in _types(TEXTS[3])


def _reference(nlp_vocab, doc):
    m = Matcher(nlp_vocab)
    for i, e in enumerate(patterns._ENTRIES):
        m.add(str(i), [e["pattern"]], greedy="LONGEST")
    return [(int(doc.vocab.strings[k]), s, e) for k, s, e in m(doc)]


def test_two_stage_match_equals_one_matcher_over_the_text(nlp):
    docs = [nlp(t) for t in TEXTS] + [nlp(" ".join(TEXTS))]
    for doc in docs:
        assert patterns._find(doc) == _reference(nlp.vocab, doc)


def _cue_texts(nlp, text: str) -> tuple[dict[str, str], dict[str, str]]:
    doc = nlp(text)
    cues, marks = patterns.match(doc)
    return ({text[c.start : c.end]: c.type for c in cues}, {text[c.start : c.end]: c.type for c in marks})


def test_gathering_with_a_demand_is_a_protest(nlp):
    cues, _ = _cue_texts(nlp, TEXTS[4])
    assert cues.get("gathered outside the ministry on Monday demanding") == "protest"
    cues, _ = _cue_texts(nlp, TEXTS[5])
    assert cues.get("rallied against") == "protest"
    cues, _ = _cue_texts(nlp, TEXTS[6])  # the demand is in another sentence
    assert "protest" not in cues.values()
    cues, _ = _cue_texts(nlp, TEXTS[9])  # gathering something is no gathering of people
    assert "protest" not in cues.values()


def test_coming_under_fire_is_a_clash(nlp):
    cues, _ = _cue_texts(nlp, TEXTS[5])
    assert cues.get("came under heavy fire") == "armed_clash"
    cues, _ = _cue_texts(nlp, "Our outpost came under attack at dawn near Sarn.")
    assert cues.get("came under attack") == "armed_clash"
    cues, _ = _cue_texts(nlp, TEXTS[8])
    assert "armed_clash" not in cues.values()


def test_habit_marks(nlp):
    _, marks = _cue_texts(nlp, TEXTS[7])
    assert marks.get("regularly") == "-habitual"
    assert marks.get("every night") == "-habitual"
    _, marks = _cue_texts(nlp, TEXTS[8])
    assert not marks
