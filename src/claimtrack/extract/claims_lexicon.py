"""Word lists for claims: stance cues, titles, anonymous-source nouns, pronouns and short forms.

Hand-curated on purpose: these are closed classes of English (reporting verbs by speech act, job titles,
pronouns), small enough to read in full, and the stance labels are ours, not PolNeAR's.
"""

from __future__ import annotations

from claimtrack.kb import load as load_kb
from claimtrack.models import Stance

# cue-head lemma -> stance, before modifiers (negation, hedges) are applied
STANCE_BY_LEMMA: dict[str, Stance] = {
    **dict.fromkeys(["deny", "reject", "dismiss", "refute", "rebut", "disavow", "contradict", "dispute"], "denies"),
    **dict.fromkeys(["threaten", "vow", "warn", "pledge", "promise", "swear", "vowed"], "threatens"),
    **dict.fromkeys(
        ["accuse", "blame", "charge", "condemn", "denounce", "fault", "criticize", "criticise", "slam", "attack"],
        "accuses",
    ),
    **dict.fromkeys(["predict", "expect", "forecast", "anticipate", "project", "foresee", "estimate"], "predicts"),
    **dict.fromkeys(["allege", "claim", "purport", "rumor", "rumour"], "alleges"),
    **dict.fromkeys(
        ["believe", "think", "hope", "fear", "want", "feel", "wish", "doubt", "suspect", "wonder", "ask", "speculate"],
        "other",
    ),
}
# light verbs whose object noun carries the speech act: "cast doubt on", "raised fears", "voiced hope"
LIGHT_VERBS = frozenset({"cast", "raise", "express", "voice"})
# verbs that, negated or after "declined to", mean the source would not confirm
NON_CONFIRM = frozenset({"confirm", "comment", "verify", "say", "disclose", "specify", "acknowledge", "respond"})
DECLINE = frozenset({"decline", "refuse"})
RESPONSIBILITY = frozenset({"responsibility", "credit"})
HEDGES = frozenset({"allegedly", "reportedly", "purportedly", "supposedly", "apparently", "ostensibly"})

PERSONAL_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
THING_PRONOUNS = frozenset({"it", "they", "we"})
# words right before (or opening) a name that tell its gender, so "she" skips "Mr. X"
GENDERED = {
    **dict.fromkeys(["mr.", "mr", "sir", "lord", "king", "spokesman", "congressman", "chairman", "father"], "m"),
    **dict.fromkeys(
        ["mrs.", "mrs", "ms.", "ms", "miss", "madam", "lady", "queen", "spokeswoman", "congresswoman", "chairwoman"],
        "f",
    ),
}
# nouns a definite short form ("the ministry added") can stand for
SHORT_FORMS = frozenset(
    (
        "ministry minister president official spokesman spokeswoman spokesperson army military agency "
        "government department office committee command service company group campaign governor mayor senator "
        "secretary chancellor kremlin general commander premier leader source statement report newspaper "
        "outlet embassy council party court prosecutor police organization organisation administration forces"
    ).split()
)
# head nouns of anonymous sources ("a senior U.S. official", "sources familiar with ...")
ANONYMOUS_HEADS = frozenset(
    (
        "official officials source sources aide aides diplomat diplomats insider insiders person people "
        "officer officers analyst analysts expert experts witness witnesses resident residents observer "
        "observers spokesperson member members staffer staffers adviser advisers advisor advisors"
    ).split()
)
# titles of office and courtesy: one table, in the entity knowledge base (data/entities/kb.json "titles")
TITLES = load_kb().titles
MILITARY_WORDS = frozenset(
    {"army", "military", "forces", "command", "navy", "air force", "general staff", "defence", "defense", "troops"}
)
GOVERNMENT_WORDS = frozenset(
    {"ministry", "government", "cabinet", "office", "administration", "kremlin", "department", "embassy", "council"}
)
OUTLET_WORDS = frozenset(
    (
        "news times post journal tribune herald gazette tv television radio agency press daily telegraph "
        "guardian outlet newspaper magazine broadcaster network wire"
    ).split()
)
# heads of anonymous sources that work for a state: unnamed, they speak for the article's state
OFFICIAL_HEADS = frozenset(
    "official officials officer officers authorities aide aides diplomat diplomats spokesperson".split()
)
# civilian and other generic voices: kept under their own label ("residents"), never a state's voice
CIVILIAN_HEADS = frozenset(
    (
        "resident residents witness witnesses eyewitness eyewitnesses survivor survivors villager villagers "
        "doctor doctors nurse nurses medic medics activist activists lawyer lawyers locals relatives families"
    ).split()
)
# journalists on the scene: what they saw is their own observation, an independent voice (status.py)
REPORTER_HEADS = frozenset(
    (
        "reporter reporters journalist journalists correspondent correspondents photographer photographers "
        "photojournalist photojournalists"
    ).split()
)
# verbs of what an eyewitness perceived ("a correspondent saw bodies in the street")
PERCEPTION_VERBS = frozenset({"see", "witness", "observe", "count", "watch"})
GENERIC_HEADS = CIVILIAN_HEADS | frozenset(
    "source sources reports report people analysts experts observers media journalists".split()
)
