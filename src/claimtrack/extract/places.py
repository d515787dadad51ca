"""Place mentions and their gazetteer resolution (issue 5), and the location of an event.

Recognition combines spaCy's NER with the gazetteer: the small model often labels a town as ORG or PRODUCT
("Kursk", "Belgorod Oblast") or misses it, so a capitalised token run that names a gazetteer place is taken
when NER calls it GPE/LOC/FAC, when a division word follows ("the Kursk region"), when it is a country or
first-level division's own name, or when a locative preposition introduces it ("near Novoselivka").
Resolution scores every candidate by feature type, population and primary-name match, then by the
document's country focus, co-mentioned divisions, explicit qualifiers ("Paris, Texas") and distance to the
other places of the document: see docs/places.md.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimtrack.extract.gazetteer import Entry, Gazetteer, load_gazetteer, norm
from claimtrack.models import Location, LocationPrecision, Place, PlaceFeature

MAX_TOKENS = 6
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Labels under which a real place is never hidden in practice: skip gazetteer matching inside them.
NEVER_PLACE_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LAW", "LANGUAGE"}
# The small model often swallows a name into a time expression ("at Kyiv overnight" -> TIME); a capitalised
# word inside DATE/TIME is still a place candidate unless it is itself calendar vocabulary.
MONTHS_AND_DAYS = {
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "march",
    "may",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
}
CALENDAR_WORDS = MONTHS_AND_DAYS | {
    "afternoon",
    "apr",
    "aug",
    "christmas",
    "day",
    "dec",
    "earlier",
    "early",
    "easter",
    "eid",
    "evening",
    "feb",
    "halloween",
    "hanukkah",
    "independence",
    "jan",
    "jul",
    "jun",
    "labor",
    "labour",
    "last",
    "late",
    "later",
    "mar",
    "memorial",
    "mid",
    "month",
    "morning",
    "new",
    "next",
    "night",
    "nov",
    "oct",
    "passover",
    "ramadan",
    "sep",
    "sept",
    "thanksgiving",
    "this",
    "today",
    "tomorrow",
    "tonight",
    "victory",
    "week",
    "year",
    "yesterday",
}
# Words that make the preceding name a division: "Bryansk region", "Kharkiv oblast", "Laurel County".
ADMIN_SUFFIXES = {
    "region",
    "oblast",
    "province",
    "krai",
    "kray",
    "governorate",
    "state",
    "republic",
    "district",
    "county",
    "parish",
    "prefecture",
    "territory",
    "raion",
    "rayon",
    "municipality",
    "canton",
}
ADMIN_PLURALS = {
    "regions": "region",
    "oblasts": "oblast",
    "provinces": "province",
    "counties": "county",
    "districts": "district",
    "parishes": "parish",
    "states": "state",
    "governorates": "governorate",
}
# Nouns after a demonym that make it a place: "Russian territory" is Russia, "Russian forces" is an actor.
GEO_NOUNS = {
    "territory",
    "territories",
    "soil",
    "land",
    "lands",
    "border",
    "borders",
    "airspace",
    "waters",
    "region",
    "regions",
    "city",
    "cities",
    "town",
    "towns",
    "village",
    "villages",
    "side",
    "mainland",
    "coast",
    "capital",
    "countryside",
    "frontier",
    "province",
    "provinces",
    "oblast",
    "oblasts",
    "airfield",
    "port",
    "soils",
}
LOCATIVE = {
    "in",
    "at",
    "near",
    "from",
    "to",
    "into",
    "outside",
    "around",
    "across",
    "toward",
    "towards",
    "through",
    "over",
    "inside",
    "within",
    "between",
    "nearby",
    "via",
    "onto",
    "off",
    "beyond",
    "reach",
    "entered",
    "of",
}
# Verbs whose direct object is, when it is a gazetteer name, a place: "shelled Novoselivka".
PLACE_VERBS = {
    "strike",
    "hit",
    "attack",
    "shell",
    "bomb",
    "target",
    "capture",
    "seize",
    "liberate",
    "storm",
    "enter",
    "visit",
    "leave",
    "reach",
    "encircle",
    "raid",
    "besiege",
    "evacuate",
    "retake",
    "recapture",
    "occupy",
    "surround",
    "bombard",
    "pound",
    "defend",
    "annex",
    "invade",
    "flee",
    "fly",
    "travel",
    "tour",
}
# Nouns whose "on X" names the place attacked: "the strike on Sumy", "an assault on Bakhmut".
ATTACK_NOUNS = {
    "strike",
    "attack",
    "assault",
    "raid",
    "offensive",
    "bombing",
    "shelling",
    "advance",
    "push",
    "march",
    "bombardment",
    "drone",
    "missile",
    "airstrike",
    "counteroffensive",
    "counterattack",
}
# Adjectives that only modify places: "central Kyiv", "occupied Melitopol".
PLACE_MODIFIERS = {
    "central",
    "downtown",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "occupied",
    "liberated",
    "besieged",
    "frontline",
    "embattled",
    "suburban",
    "coastal",
    "rural",
    "annexed",
    "neighbouring",
    "neighboring",
}
# Nouns a place name modifies as a label of origin: "an Alexandria man", "Kharkiv residents".
ORIGIN_NOUNS = {
    "man",
    "woman",
    "men",
    "women",
    "resident",
    "residents",
    "native",
    "natives",
    "police",
    "officials",
    "official",
    "mayor",
    "family",
    "families",
    "couple",
    "teen",
    "teenager",
    "boy",
    "girl",
    "student",
    "students",
    "council",
    "authorities",
    "governor",
    "government",
    "administration",
    "area",
    "region",
    "residents'",
    "suburb",
    "airport",
    "hospital",
    "hospitals",
    "schools",
    "officer",
    "officers",
    "firefighters",
    "fire",
    "sheriff",
    "senior",
    "city",
    "board",
    "committee",
    "superintendent",
    "selectman",
    "township",
    "townships",
    "chamber",
    "commissioners",
    "volunteer",
    "voters",
    "lawmakers",
    "businesses",
}
# "village of X": "of" only counts after these nouns.
PLACE_NOUNS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "residents",
    "resident",
    "native",
    "mayor",
    "village",
    "town",
    "city",
    "settlement",
    "hamlet",
    "region",
    "province",
    "outskirts",
    "suburb",
    "suburbs",
    "district",
    "municipality",
    "port",
    "capital",
    "island",
    "county",
    "state",
    "area",
}
STOP_NAMES = MONTHS_AND_DAYS | {
    "a",
    "an",
    "army",
    "center",
    "centre",
    "church",
    "college",
    "dr",
    "god",
    "he",
    "hospital",
    "i",
    "it",
    "minister",
    "mr",
    "mrs",
    "ms",
    "news",
    "police",
    "president",
    "school",
    "she",
    "that",
    "the",
    "they",
    "this",
    "university",
    "we",
}
# Towns named like people or things: a place only when NER itself says so.
NAME_TOWNS = {
    "victoria",
    "franklin",
    "lincoln",
    "jackson",
    "reading",
    "mobile",
    "liberty",
    "independence",
}
# Capitalised words that are also the name of some distant place or division but, alone, almost never mean it.
STOP_SINGLE = {
    "council",
    "committee",
    "board",
    "office",
    "department",
    "agency",
    "commission",
    "senate",
    "congress",
    "assembly",
    "parliament",
    "ministry",
    "vice",
    "west",
    "north",
    "south",
    "east",
    "central",
    "western",
    "eastern",
    "northern",
    "southern",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "midwest",
    "gulf",
    "union",
    "grand",
    "court",
    "airport",
    "city",
    "street",
    "road",
    "river",
    "hall",
    "park",
    "lake",
    "valley",
    "ridge",
    "earth",
    "arab",
    "red",
    "royal",
    "fort",
    "main",
    "creek",
    "hills",
    "village",
    "county",
    "state",
    "capital",
    "mount",
    "island",
    "bay",
    "beach",
    "harbor",
    "center",
    "square",
    "avenue",
    "boulevard",
    "bridge",
    "station",
    "national",
    "federal",
    "republic",
    "democratic",
    "independence",
    "liberty",
    "victoria",
    "franklin",
    "lincoln",
    "jackson",
    "reading",
    "mobile",
    "african",
}
# AP-style and postal US state abbreviations, used only as a qualifier after a comma ("Gainesville, Fla.").
US_STATE_ABBR = {
    "ala": "Alabama",
    "al": "Alabama",
    "alaska": "Alaska",
    "ak": "Alaska",
    "ariz": "Arizona",
    "az": "Arizona",
    "ark": "Arkansas",
    "ar": "Arkansas",
    "calif": "California",
    "cal": "California",
    "ca": "California",
    "colo": "Colorado",
    "co": "Colorado",
    "conn": "Connecticut",
    "ct": "Connecticut",
    "del": "Delaware",
    "de": "Delaware",
    "fla": "Florida",
    "fl": "Florida",
    "ga": "Georgia",
    "hawaii": "Hawaii",
    "hi": "Hawaii",
    "idaho": "Idaho",
    "id": "Idaho",
    "ill": "Illinois",
    "il": "Illinois",
    "ind": "Indiana",
    "in": "Indiana",
    "iowa": "Iowa",
    "ia": "Iowa",
    "kan": "Kansas",
    "kans": "Kansas",
    "ks": "Kansas",
    "ky": "Kentucky",
    "la": "Louisiana",
    "maine": "Maine",
    "me": "Maine",
    "md": "Maryland",
    "mass": "Massachusetts",
    "ma": "Massachusetts",
    "mich": "Michigan",
    "mi": "Michigan",
    "minn": "Minnesota",
    "mn": "Minnesota",
    "miss": "Mississippi",
    "ms": "Mississippi",
    "mo": "Missouri",
    "mont": "Montana",
    "mt": "Montana",
    "neb": "Nebraska",
    "nebr": "Nebraska",
    "ne": "Nebraska",
    "nev": "Nevada",
    "nv": "Nevada",
    "n h": "New Hampshire",
    "nh": "New Hampshire",
    "n j": "New Jersey",
    "nj": "New Jersey",
    "n m": "New Mexico",
    "nm": "New Mexico",
    "n y": "New York",
    "ny": "New York",
    "n c": "North Carolina",
    "nc": "North Carolina",
    "n d": "North Dakota",
    "nd": "North Dakota",
    "ohio": "Ohio",
    "oh": "Ohio",
    "okla": "Oklahoma",
    "ok": "Oklahoma",
    "ore": "Oregon",
    "or": "Oregon",
    "pa": "Pennsylvania",
    "r i": "Rhode Island",
    "ri": "Rhode Island",
    "s c": "South Carolina",
    "sc": "South Carolina",
    "s d": "South Dakota",
    "sd": "South Dakota",
    "tenn": "Tennessee",
    "tn": "Tennessee",
    "tex": "Texas",
    "tx": "Texas",
    "utah": "Utah",
    "ut": "Utah",
    "vt": "Vermont",
    "va": "Virginia",
    "wash": "Washington",
    "wa": "Washington",
    "w va": "West Virginia",
    "wv": "West Virginia",
    "wis": "Wisconsin",
    "wi": "Wisconsin",
    "wyo": "Wyoming",
    "wy": "Wyoming",
    "d c": "Washington, D.C.",
    "dc": "Washington, D.C.",
}
PRECISION: dict[str, LocationPrecision] = {
    "settlement": "point",
    "landmark": "point",
    "admin2": "admin2",
    "admin1": "admin1",
    "country": "country",
    "region": "region",
    "water": "region",
}


@dataclass
class _Mention:
    start: int  # token indices [start, end)
    end: int
    text: str
    key: str
    suffix: str | None  # division word that followed or ended the name
    demonym: bool
    qualifier: str | None  # normalised "Texas" of "Paris, Texas"
    candidates: list[tuple[Entry, bool]] = field(default_factory=list)
    best: Entry | None = None
    char_start: int = 0
    char_end: int = 0
    via: str = ""  # how it was accepted when not directly ("discourse"): for error analysis


def _lookup(gaz: Gazetteer, key: str, suffix: str | None) -> list[tuple[Entry, bool]]:
    """Candidates for a name; with a division word, only divisions (or the full name "X County" as is)."""
    if suffix:
        full = gaz.lookup(key + " " + suffix)
        divisions = [(e, p) for e, p in gaz.lookup(key) if e.feature in ("admin1", "admin2", "region")]
        if full or divisions:
            return full + divisions
        if suffix in FIRST_LEVEL_WORDS:
            # "Nyanza province" with no such division known: a town of that name elsewhere would be a
            # confident wrong point; better unresolved.
            return []
        # "the Houston region", "Matara district": the town the area is named after, by its own name only
        # (not "Sémé" for "Somme" through an alternate spelling).
        return [(e, p) for e, p in gaz.lookup(key) if p]
    return gaz.lookup(key)


FIRST_LEVEL_WORDS = {"province", "oblast", "krai", "kray", "governorate", "prefecture", "republic", "canton"}


def _qualifier_after(doc: Doc, end: int, gaz: Gazetteer) -> str | None:
    """'Gainesville, Fla.' / 'Paris, Texas' / 'Tbilisi, Georgia': the key of the qualifying unit."""
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text[:1].isupper():
        # Up to three tokens ("N.Y.", "New Mexico", "W. Va."); the longest that names a state or country.
        for n in (3, 2, 1):
            if end + 1 + n <= len(doc):
                words = doc[end + 1 : end + 1 + n]
                if any(t.is_punct and t.text != "." for t in words):
                    continue
                if "." in words.text and _abbr_key(words.text) in US_STATE_ABBR:
                    return _abbr_key(words.text)  # "Albany, N.Y."
                key = norm(words.text)
                if key in US_STATE_ABBR or any(e.feature in ("admin1", "country") for e, _ in gaz.lookup(key)):
                    return key
    return None


def _locative_before(doc: Doc, start: int) -> bool:
    """'in X', 'near the X', 'village of X', 'struck X', 'central X': the context introduces a place."""
    k = start - 1
    while k >= 0 and (doc[k].lower_ in ("the", "a") or doc[k].lower_ in PLACE_MODIFIERS):
        if doc[k].lower_ in PLACE_MODIFIERS:
            return True
        k -= 1
    if k < 0:
        return False
    prev = doc[k]
    if prev.lower_ == "of":
        # "the village of X", "north of X", and "John Smith of X" (a person's home town)
        if k >= 1 and (doc[k - 1].lower_ in PLACE_NOUNS or doc[k - 1].ent_type_ == "PERSON"):
            return True
        # "Jane Roe, 19, of X" / "said Roe, of X": a person's age or name, a comma, then the home town
        return k >= 2 and doc[k - 1].text == "," and (doc[k - 2].like_num or doc[k - 2].ent_type_ == "PERSON")
    if prev.text == "," and k >= 1 and doc[k - 1].lower_.rstrip(".") in STREET_HEADS:
        return True  # a street address, then the town: "1935 Orchard St., X"
    if prev.lower_ == "on":
        return k >= 1 and doc[k - 1].lemma_ in ATTACK_NOUNS  # "the strike on Sumy"
    return prev.lower_ in LOCATIVE or (prev.pos_ == "VERB" and prev.lemma_ in PLACE_VERBS)


DASHES = {"-", "--", "---", "\u2013", "\u2014", "\u2015"}
# Lower-case words that may sit inside a multi-word name: "Gulf of Mexico", "Rostov-on-Don".
JOINERS = {
    "of",
    "the",
    "de",
    "del",
    "la",
    "le",
    "on",
    "upon",
    "-",
    "am",
    "an",
    "der",
    "and",
    "'s",
    "\u2019s",
    "es",
    "al",
    "el",
    "da",
    "do",
    "dos",
    "du",
    "di",
    "des",
    "y",
    "sur",
    "im",
    "bin",
}
BREAKS = {",", ";", ":", "(", ")", '"', "“", "”"}


def _candidate_spans(doc: Doc, gaz: Gazetteer) -> list[_Mention]:
    """Longest gazetteer names over capitalised token runs, filtered by NER label and context."""
    out: list[_Mention] = []
    n = len(doc)
    # One pass over the tokens into plain lists: indexing a Doc per try is what would cost time here.
    texts = [t.text for t in doc]
    lowers = [t.lower_ for t in doc]
    spaces = [t.whitespace_ for t in doc]
    starts = [bool(t.is_sent_start) for t in doc]
    ent_types = [t.ent_type_ for t in doc]
    i = 0
    last_accepted_end = -10
    rejected: list[_Mention] = []
    person_tagged: list[_Mention] = []
    person_words: dict[str, list[int]] = {}
    lower_words = {w for w in texts if w.islower()}
    for k in range(n):
        if ent_types[k] == "PERSON" and doc[k].ent_iob_ == "I":
            person_words.setdefault(lowers[k], []).append(k)  # surnames: inside a multi-word person name
    while i < n:
        first = texts[i]
        if (
            not (first[:1].isupper() and first[:1].isalpha())
            or lowers[i] in STOP_NAMES
            or (
                ent_types[i] in NEVER_PLACE_LABELS
                and not (ent_types[i] in ("DATE", "TIME") and lowers[i] not in CALENDAR_WORDS and not starts[i])
            )
        ):
            i += 1
            continue
        state = _state_abbreviation(doc, i, last_accepted_end, gaz)
        if state is not None:
            out.append(state)
            last_accepted_end = i = state.end
            continue
        # The longest run this name could span: capitalised words and joiners, within one sentence.
        max_j = i + 1
        while max_j < n and max_j - i < MAX_TOKENS and not starts[max_j] and texts[max_j] not in BREAKS:
            t = texts[max_j]
            if not (t[:1].isupper() or t[:1].isdigit() or lowers[max_j] in JOINERS or lowers[max_j] in ADMIN_SUFFIXES):
                break
            max_j += 1
        found = None
        for j in range(max_j, i, -1):
            last = texts[j - 1]
            if j > i + 1 and not (last[:1].isupper() or lowers[j - 1] in ADMIN_SUFFIXES or last[:1].isdigit()):
                continue
            text = "".join(texts[k] + spaces[k] for k in range(i, j - 1)) + texts[j - 1]
            key = norm(text)
            words = key.split(" ")
            suffix = None
            if len(words) > 1 and words[-1] in ADMIN_SUFFIXES:
                suffix = words[-1]
                core = " ".join(words[:-1])
            else:
                core = key
                if j < n and lowers[j] in ADMIN_SUFFIXES:
                    suffix = lowers[j]
                elif j < n and lowers[j] in ADMIN_PLURALS:
                    suffix = ADMIN_PLURALS[lowers[j]]  # "the Belgorod and Kursk regions"
                elif j + 2 < n and lowers[j] in ("and", "or", ","):
                    suffix = _list_plural(texts, lowers, j)  # "Butler, Clark or Warren counties"
            if (
                j == i + 1
                and not suffix
                and key in STOP_SINGLE
                and not (key in NAME_TOWNS and ent_types[i] in ("GPE", "LOC"))
            ):
                continue
            cands = _lookup(gaz, core, suffix) if core else []
            demonym = False
            if not cands and j == i + 1 and j < n and lowers[j] in GEO_NOUNS:
                # Adjectival demonym before a geographic noun: "Russian territory", "Ukrainian soil".
                cands = gaz.lookup("@" + key)
                demonym = bool(cands)
            if cands:
                found = _Mention(i, j, text, core, suffix, demonym, _qualifier_after(doc, j, gaz), cands)
                break
        if found is None:
            i += 1
            continue
        if _accept(doc, found, last_accepted_end, person_words, lower_words):
            if (
                found.suffix
                and not found.key.endswith(found.suffix)
                and found.end < n
                and (lowers[found.end] == found.suffix or ADMIN_PLURALS.get(lowers[found.end]) == found.suffix)
            ):
                found.end += 1  # the division word belongs to the mention: "Bryansk region"
            elif found.end - found.start > 1 and lowers[found.end - 1] == "state" and _named_for_state(doc, found):
                found.end -= 1  # "Kansas State University": the place is Kansas
            out.append(found)
            last_accepted_end = found.end
            i = found.end
        else:
            if "PERSON" not in ent_types[found.start : found.end] and not found.demonym:
                rejected.append(found)
            elif not found.demonym and not _part_of_person(doc, found):
                # The small model calls many towns persons ("Alexandria detectives"): a name tagged PERSON
                # alone may still recur as the place the text names elsewhere (but never votes it down).
                person_tagged.append(found)
            i = found.end if found.end > i + 1 else i + 1
    # One sense per discourse: a name the text uses as a place elsewhere is a place here too
    # ("Alexandria police", "the Canaan Board of Finance" in an article about Alexandria or Canaan).
    out = _drop_outvoted(out, rejected, ent_types)
    keys = {(m.key, m.suffix) for m in out if not m.demonym}
    taken = {k for m in out for k in range(m.start, m.end)}
    extra = [
        m
        for m in rejected + person_tagged
        if (m.key, m.suffix) in keys
        and any(p for _, p in m.candidates)
        and not (m.end - m.start == 1 and lowers[m.start] in person_words)
        and not any(k in taken for k in range(m.start, m.end))
        and not (m.end < n and lowers[m.end].rstrip(".") in STREET_HEADS)  # "Darby Street" in Darby
        and not _tail_of_org(doc, m)  # "United Russia" in a text about Russia
    ]
    if extra:
        for m in extra:
            m.via = "discourse"
        out = sorted(out + extra, key=lambda m: m.start)
    return out


# Heads of street and road names: LGL-style annotation does not count "Dublin Road" as Dublin.
_ROAD_WORDS = {
    "ave",
    "avenue",
    "blvd",
    "boulevard",
    "court",
    "dr",
    "drive",
    "highway",
    "hwy",
    "lane",
    "ln",
    "pike",
    "place",
    "rd",
    "road",
    "st",
    "street",
    "way",
}
STREET_HEADS = _ROAD_WORDS | {"circle", "ct", "parkway", "pkwy", "pl", "trail", "walk"}


def _tail_of_org(doc: Doc, m: _Mention) -> bool:
    """The name continues an organisation's capitalised name ("United Russia", "Club America")."""
    first = doc[m.start]
    if m.start == 0 or first.ent_iob_ != "I":
        return False
    prev = doc[m.start - 1]
    return prev.text[:1].isupper() and not prev.is_sent_start


def _drop_outvoted(out: list[_Mention], rejected: list[_Mention], ent_types: list[str]) -> list[_Mention]:
    """One sense per discourse, the other way: a name taken on weak evidence ("after Bell", "with Stevens")
    that the text more often uses as something else (a person, a firm, a car) is not a place anywhere.
    Strong evidence keeps it: NER's GPE/LOC, a division word, a qualifier, or a country/state/region name."""
    accepted = Counter((m.key, m.suffix) for m in out if not m.demonym)
    refused = Counter((m.key, m.suffix) for m in rejected)
    strong = {
        (m.key, m.suffix)
        for m in out
        if m.suffix
        or m.qualifier
        or m.demonym
        or any(ent_types[k] in ("GPE", "LOC") for k in range(m.start, m.end))
        or any(p and e.feature in ("country", "admin1", "region", "water") for e, p in m.candidates)
    }
    weak = {k for k, n in accepted.items() if k not in strong and refused[k] > 2 * n}
    return [m for m in out if (m.key, m.suffix) not in weak] if weak else out


def _list_plural(texts: list[str], lowers: list[str], j: int) -> str | None:
    """The division word closing a list that continues at token j: ", Clark, Hamilton or Warren counties"."""
    k, n = j, len(texts)
    for _ in range(8):
        if k + 1 < n and texts[k] == "," and lowers[k + 1] in ("and", "or"):
            k += 1
        if not (k + 1 < n and lowers[k] in ("and", "or", ",") and texts[k + 1][:1].isupper()):
            return None
        k += 2
        if k < n and lowers[k] in ADMIN_PLURALS:
            return ADMIN_PLURALS[lowers[k]]
    return None


def _state_abbreviation(doc: Doc, i: int, last_end: int, gaz: Gazetteer) -> _Mention | None:
    """'Gainesville, Fla.' / 'Charleston, W.Va.': a US state abbreviation right after a place and a comma.

    A dotted abbreviation ("N.Y.", "S.C.", "Mass.") is a state wherever it stands inside a sentence ("D-N.Y.",
    "the S.C. Highway Patrol", "Missing Ill. man"); "Miss." and the like stay qualifier-only.
    """
    if i < 2 or doc[i - 1].text != "," or last_end != i - 1:
        return _dotted_state(doc, i, gaz)
    for n in (3, 2, 1):
        words = doc[i : i + n]
        if len(words) < n:
            continue
        text = words.text
        if any(t.is_punct and t.text != "." for t in words):
            continue
        if "." not in text and not (n == 1 and len(text) == 2 and text.isupper()):
            continue
        state = US_STATE_ABBR.get(_abbr_key(text))
        if state is None:
            continue
        cands = [(e, p) for e, p in gaz.lookup(norm(state)) if e.country == "US" and e.feature == "admin1"]
        if cands:
            return _Mention(i, i + n, text, norm(state), None, False, None, cands)
    return None


# Dotted abbreviations that are also common words or titles ("Miss.", "Me.", "Cal."): states only as a qualifier.
AMBIGUOUS_ABBR = {"miss", "ms", "mt", "me", "del", "cal", "co", "de", "in", "or", "ok", "id", "ore", "hi", "ca"}


def _abbr_key(text: str) -> str:
    """'N.Y.' -> 'n y', 'W. Va.' -> 'w va' (``norm`` would read "N." as North)."""
    return " ".join(text.lower().replace(".", " ").split())


def _dotted_state(doc: Doc, i: int, gaz: Gazetteer) -> _Mention | None:
    tok = doc[i]
    text = tok.text
    if "." not in text or not text[:1].isupper() or len(text) > 6:
        return None
    key = _abbr_key(text)
    state = US_STATE_ABBR.get(key)
    if state is None or key in AMBIGUOUS_ABBR:
        return None
    inner_dot = "." in text.rstrip(".")  # "N.Y.", "W.Va.": never an ordinary word
    # "Mass." or "Ind." ending a sentence is more likely the word (church Mass) than the state.
    if not inner_dot and (i + 1 >= len(doc) or doc[i + 1].is_sent_start or doc[i + 1].is_punct):
        return None
    cands = [(e, p) for e, p in gaz.lookup(norm(state)) if e.country == "US" and e.feature == "admin1"]
    if not cands:
        return None
    return _Mention(i, i + 1, text, norm(state), None, False, None, cands)


# A place name right before one of these is the name of a street, river, building... not the place itself.
FACILITY_HEADS = _ROAD_WORDS | {
    "airport",
    "arena",
    "bank",
    "bridge",
    "center",
    "centre",
    "church",
    "college",
    "creek",
    "hall",
    "herald",
    "hospital",
    "lake",
    "library",
    "mall",
    "museum",
    "park",
    "post",
    "river",
    "school",
    "square",
    "stadium",
    "station",
    "tech",
    "theater",
    "theatre",
    "times",
    "tribune",
    "university",
}


DISEASE_HEADS = {"virus", "fever", "disease", "flu", "syndrome", "encephalitis", "strain"}


def _headline(doc: Doc, i: int) -> bool:
    """Is token i in a Title Case sentence (a headline), where capitals say nothing about names?"""
    if not doc.has_annotation("SENT_START"):
        return False
    sent = doc[i].sent
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.7 * len(words)


# Words that, after a place name, make a natural feature the gazetteer lacks ("Fraser Valley", "Ural
# Mountains"): better no reading than the town the feature is named after.
FEATURE_HEADS = {
    "mountains",
    "mountain",
    "mts",
    "valley",
    "delta",
    "bay",
    "peninsula",
    "basin",
    "desert",
    "coast",
    "falls",
    "plateau",
    "canal",
    "strait",
    "islands",
    "glacier",
    "forest",
    "reservoir",
    "dam",
    "gorge",
    "range",
    "heights",
}
COMPASS = {
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "greater",
    "new",
    "old",
    "inner",
    "outer",
}


COMPASS_POINTS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
}


def _named_for_state(doc: Doc, m: _Mention) -> bool:
    """'Kansas State University', 'the Florida Highway Patrol': a state's own institution names the state."""
    state = any(p and e.feature == "admin1" for e, p in m.candidates)
    if not state or m.end + 1 >= len(doc):
        return False
    nxt, after = doc[m.end].lower_, doc[m.end + 1].lower_
    ends_state = doc[m.end - 1].lower_ == "state"
    return (ends_state and nxt in ("university", "college")) or (nxt == "highway" and after == "patrol")


def _inside_longer_name(doc: Doc, m: _Mention) -> bool:
    """'Main' of 'Main Street', 'Herald' of 'Augusta Herald', 'Hope' of "Hope's Wings": part of a longer name."""
    n = len(doc)
    if m.end < n:
        nxt = doc[m.end]
        if nxt.text[:1].isupper() and nxt.lower_.rstrip(".") in FACILITY_HEADS | FEATURE_HEADS:
            return not _named_for_state(doc, m)
        if nxt.lower_ in DISEASE_HEADS:
            return True  # "Marburg virus", "Rift Valley fever": a disease named after a place
    country = any(p and e.feature == "country" for e, p in m.candidates)
    small = not any(p and e.feature in ("country", "admin1", "region", "water") for e, p in m.candidates)
    if (
        (small or not country)
        and m.end + 1 < n
        and doc[m.end].lower_ in ("'s", "\u2019s")
        and doc[m.end + 1].text[:1].isupper()
        and not country
        and small
        # a town's possessive ("Augusta's Highland Avenue") when NER or a sizeable town backs it
        and not (doc[m.start].ent_type_ in ("GPE", "LOC") or max(e.population for e, _ in m.candidates) >= 10_000)
    ):
        return True  # "St. Michael's Catholic School"
    if m.start > 0:
        prev = doc[m.start - 1]
        if (
            prev.is_alpha
            and prev.text[:1].isupper()
            and not prev.is_sent_start
            and prev.lower_ not in STOP_NAMES
            and prev.lower_ not in LOCATIVE
            and prev.lower_ not in PLACE_MODIFIERS
            and prev.lower_ not in CALENDAR_WORDS  # "Sunday Alexandria police went..."
            and prev.ent_type_ not in ("DATE", "TIME")
            and (small or prev.lower_ not in COMPASS)
            and prev.lower_ not in COMPASS_POINTS  # "Northeast Georgia", "South Arlington": the place itself
            and doc[m.start].ent_iob_ != "B"  # NER itself starts a new name here
            and not _headline(doc, m.start)
        ):
            return True  # "Danube Delta" -> not "Delta"; "Augusta Herald" -> not "Herald"
    return False


def _word_part(doc: Doc, m: _Mention) -> bool:
    """'St. Patrick's Day', "St. Mary's": a saint's name; 'Pre-Trial', 'Neo-classicism': a prefix of a word."""
    n = len(doc)
    if m.key.startswith("saint ") and m.end < n and doc[m.end].lower_ in ("'s", "\u2019s"):
        return not _locative_before(doc, m.start)  # but "flew to St. John's"
    if m.start >= 2 and doc[m.start - 1].text == "-" and not doc[m.start - 2].whitespace_:
        if doc[m.start - 2].is_lower and not doc[m.start - 1].whitespace_:
            return True  # "Port-au-Prince" split by the tokenizer: not "Prince"
    last = doc[m.end - 1]
    if m.end + 1 < n and not last.whitespace_ and doc[m.end].text == "-" and not doc[m.end].whitespace_:
        after = doc[m.end + 1]
        return after.is_lower and after.lower_ not in ("based", "area", "born", "bound", "made")
    return False


def _weak_single(doc: Doc, m: _Mention, lower_words: frozenset[str] | set[str]) -> bool:
    """A one-word name without NER support that is more likely a word or part of a name than a place.

    - the text also uses it as an ordinary lower-case word ("Healing Hands ..." beside "healing");
    - it tags as an adjective ("Olympic", "Naval");
    - only a village bears it (< 1,000 people), or only a small town (< 10,000) and a capitalised word follows
      ("Titan Operating", "Cora Kelly Elementary"): local-news names of firms, schools and people.
    """
    tok = doc[m.start]
    if tok.lower_ in lower_words:
        return True
    if tok.pos_ == "ADJ" and tok.ent_type_ != "NORP":
        return True
    if any(e.feature != "settlement" for e, _ in m.candidates):
        return False
    pop = max(e.population for e, _ in m.candidates)
    if pop < 1_000:
        return True
    nxt = doc[m.end] if m.end < len(doc) else None
    if nxt is None or nxt.lower_ in ORIGIN_NOUNS:
        return False  # "the Crestwood Board of Education", "Harwinton Senior Center": the town's own bodies
    return pop < 10_000 and nxt.text[:1].isupper() and not nxt.is_sent_start


def _caps_dateline(doc: Doc, m: _Mention) -> bool:
    """'BEIRUT: ...', 'LEBANON (AP) - ...', 'March 29, 2009 PATASKALA -- ...': an all-capitals dateline."""
    span = doc[m.start : m.end]
    if not any(t.is_alpha for t in span) or not all(t.is_upper or not t.is_alpha for t in span) or len(span.text) < 4:
        return False
    if m.end >= len(doc) or doc[m.end].text not in DASHES | {":", "("}:
        return False
    if doc[m.end].text == "(" and not (m.end + 1 < len(doc) and doc[m.end + 1].text.isupper()):
        return False  # "(AP)", "(Reuters)" after the place
    prev = doc[m.start - 1] if m.start > 0 else None
    return prev is None or doc[m.start].is_sent_start or prev.like_num or prev.is_punct or prev.ent_type_ == "DATE"


def _accept(
    doc: Doc,
    m: _Mention,
    last_end: int,
    person_words: dict[str, list[int]],
    lower_words: frozenset[str] | set[str] = frozenset(),
) -> bool:
    span = doc[m.start : m.end]
    labels = {t.ent_type_ for t in span if t.ent_type_}
    if m.demonym:
        return True
    if not m.suffix and _part_of_person(doc, m):
        return False  # "over Jake Siegle", "John Lincoln": a word of a longer person name
    big = any(p and e.feature in ("country", "admin1", "region", "water") for e, p in m.candidates)
    if (
        m.end - m.start == 1
        and span[0].lower_ in person_words
        and not m.suffix
        and m.qualifier is None
        and not (big and labels & {"GPE", "LOC"})  # "Rethinking Egypt" read as a person in a headline
    ):
        # "Turner said" after "John Turner": a surname the text gives a person elsewhere, unless NER and
        # the context both say place here ("in Turner").
        return bool(labels & {"GPE", "LOC"}) and _locative_before(doc, m.start)
    if _inside_longer_name(doc, m):
        return False
    text = span.text
    if (m.start == 0 or doc[m.start].is_sent_start) and m.end < len(doc) and doc[m.end].text in DASHES:
        return True  # a dateline: "MANSFIELD -- The mayor said..."
    if _caps_dateline(doc, m):
        return True
    primary_big = any(p and e.feature in ("country", "admin1", "region", "water") for e, p in m.candidates)
    if len(text) <= 5 and text.isupper() and not any(e.feature in ("country", "admin1") for e, _ in m.candidates):
        return False  # an acronym ("NATO", "SOS") unless it is a country's or state's ("US", "NSW")
    if m.suffix:
        return True
    if (
        m.end - m.start == 1
        and m.qualifier is None
        and not labels & {"GPE", "LOC"}
        and _weak_single(doc, m, lower_words)
    ):
        return False
    if (not labels & {"GPE", "LOC"} or m.key.startswith("saint ")) and _word_part(doc, m):
        return False
    if "NORP" in labels and not primary_big:
        return _locative_before(doc, m.start)  # "in occupied Melitopol" (tagged NORP by the small model)
    if m.end - m.start == 1 and not any(p for _, p in m.candidates):
        # Only a GeoNames alternate name matches ("But" for Buta, "Passover"): take it on firm evidence only.
        if span[0].is_stop:
            return False
        return bool(labels & {"GPE", "LOC"}) or _locative_before(doc, m.start)
    if labels & PLACE_LABELS:
        return True
    if "PERSON" in labels:
        # The small model calls many towns persons ("struck Kiev"): only a clear locative context saves them.
        return (
            _locative_before(doc, m.start)
            or _continues_list(doc, m, last_end)
            or (m.end < len(doc) and doc[m.end].lower_ in ORIGIN_NOUNS and any(p for _, p in m.candidates))
        )
    if primary_big and (m.end - m.start > 1 or not doc[m.start].is_sent_start or labels):
        return True
    if _locative_before(doc, m.start):
        return True
    if m.qualifier is not None:
        return True
    if m.start >= 2 and doc[m.start - 1].text == "-" and doc[m.start - 2].text in ("D", "R", "I", "DFL"):
        return True  # a US legislator's party and home town: "Sen. Ray Miller, D-Columbus"
    if m.end < len(doc) and doc[m.end].lower_ in ORIGIN_NOUNS:
        return True
    return _continues_list(doc, m, last_end)


def _part_of_person(doc: Doc, m: _Mention) -> bool:
    """The mention lies inside a PERSON entity that reaches beyond it (a first name or a surname)."""
    first, n = doc[m.start], len(doc)
    if first.ent_type_ != "PERSON":
        return False
    # Only capitalised neighbours count: the small model sometimes runs PERSON over "Missiles struck Kiev".
    before = first.ent_iob_ == "I" and doc[m.start - 1].text[:1].isupper()
    after = (
        m.end < n and doc[m.end].ent_type_ == "PERSON" and doc[m.end].ent_iob_ == "I" and doc[m.end].text[:1].isupper()
    )
    if after and doc[m.end].lower_ in ORIGIN_NOUNS:
        return False  # "Kiev Mayor ..." swallowed into the person's name
    return before or after


def _continues_list(doc: Doc, m: _Mention, last_end: int) -> bool:
    """Lists: "in Kupiansk, Lyman and Siversk" (the previous place ended just before the conjunction)."""
    return m.start >= 1 and doc[m.start - 1].text in (",", "and", "or") and last_end >= m.start - 3


def _country_focus(mentions: list[_Mention]) -> Counter[str]:
    focus: Counter[str] = Counter()
    for m in mentions:
        if m.best and m.best.country:
            focus[m.best.country] += 1
    return focus


# Resolution weights (see docs/places.md); tuned on the development sets, one decision at a time.
W_POP = 0.8  # per decade of population
W_PRIMARY = 1.5  # the name is the place's own, not a GeoNames alternate
W_FOCUS = 3.0  # times the share of the document's other places in the candidate's country
W_NAMED_ADMIN = 2.0  # the candidate lies in a division the text names
W_TOWN_ADMIN = 1.0  # ... or in one where other places of the text lie
W_NEAR = 1.5  # within 120 km of another place of the text


def _base_score(m: _Mention, e: Entry, primary: bool, big_town: set[tuple[str, str]]) -> float:
    score = W_POP * math.log10(e.population + 10)
    score += W_PRIMARY if primary else 0.0
    prior = {"country": 3.0, "admin1": 2.0, "region": 2.5, "water": 2.5, "admin2": -1.0}.get(e.feature, 0.0)
    if e.feature == "admin1" and not m.suffix:
        # A bare name that is also a big town of the same country means the town ("Kharkiv", "Washington").
        if (e.country, m.key) in big_town or not primary:
            prior = -1.5
    if m.suffix:
        prior += 3.0 if e.feature in ("admin1", "admin2", "region") else -3.0
    return score + prior


def _qualifies(m: _Mention, e: Entry) -> bool:
    q = m.qualifier
    if not q:
        return False
    state = US_STATE_ABBR.get(q)
    if state is not None:
        return e.country == "US" and e.admin1 == state
    if norm(e.admin1) == q:
        return True
    return any(c.feature == "country" and c.country == e.country for c, _ in load_gazetteer().lookup(q))


def _km(a: Entry, b: Entry) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _resolve(mentions: list[_Mention]) -> None:
    """Score candidates alone, then twice more with the rest of the document as context.

    Context never counts a mention's own name: five "Dublin"s must not vote for Ireland themselves.
    """
    big_town: set[tuple[str, str]] = set()
    for m in mentions:
        for e, p in m.candidates:
            if e.feature == "settlement" and p and e.population >= 50_000:
                big_town.add((e.country, m.key))
    base: list[list[float]] = []
    for m in mentions:
        scores = [_base_score(m, e, p, big_town) + (6.0 if _qualifies(m, e) else 0.0) for e, p in m.candidates]
        base.append(scores)
        m.best = m.candidates[max(range(len(scores)), key=scores.__getitem__)][0]
    # Which names have a plausible reading in each 1-degree cell: two ambiguous names ("Paris" and "Henry
    # County") that can both be read in one area most likely are.
    cells: dict[tuple[int, int], set[str]] = {}
    for m, scores in zip(mentions, base, strict=True):
        top = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)[:COHERENCE_TOP]
        for k in top:
            e = m.candidates[k][0]
            if e.feature in ("settlement", "admin2"):
                cells.setdefault((math.floor(e.lat), math.floor(e.lon)), set()).add(m.key)
    for _round in range(2):
        country_by_key: dict[str, Counter[str]] = {}
        named_admin: dict[str, set[tuple[str, str]]] = {}
        town_admin: dict[str, Counter[tuple[str, str]]] = {}
        points: list[tuple[str, Entry]] = []
        for m in mentions:
            b = m.best
            if b is None:
                continue
            country_by_key.setdefault(m.key, Counter())[b.country] += 1
            if b.feature == "admin1":
                named_admin.setdefault(m.key, set()).add((b.country, b.name))
            elif b.admin1:
                town_admin.setdefault(m.key, Counter())[(b.country, b.admin1)] += 1
            if b.feature in ("settlement", "admin2"):
                points.append((m.key, b))
        focus_all: Counter[str] = sum(country_by_key.values(), Counter())
        total_all = sum(focus_all.values())
        new_best: list[Entry] = []
        for m, scores in zip(mentions, base, strict=True):
            own = country_by_key.get(m.key, Counter())
            others = total_all - sum(own.values())
            admins = set().union(*(v for k, v in named_admin.items() if k != m.key)) if named_admin else set()
            towns: Counter[tuple[str, str]] = Counter()
            for key, votes in town_admin.items():
                if key != m.key:
                    towns.update(votes)
            near_pts = [e for key, e in points if key != m.key]
            best_i, best_s = 0, -1e9
            for k, (e, _p) in enumerate(m.candidates):
                s = scores[k]
                if others > 0 and e.country:
                    s += W_FOCUS * (focus_all[e.country] - own[e.country]) / others
                if e.feature != "admin1" and e.admin1:
                    if (e.country, e.admin1) in admins:
                        s += W_NAMED_ADMIN
                    elif towns[(e.country, e.admin1)]:
                        s += W_TOWN_ADMIN
                if e.feature in ("settlement", "admin2"):
                    if near_pts and any(abs(e.lat - a.lat) < 1.5 and _km(e, a) < 120 for a in near_pts):
                        s += W_NEAR
                    elif len(m.candidates) > 1 and _co_located(cells, e, m.key):
                        s += COHERENCE_BONUS
                if s > best_s:
                    best_i, best_s = k, s
            new_best.append(m.candidates[best_i][0])
        for m, b in zip(mentions, new_best, strict=True):
            m.best = b


COHERENCE_TOP = 12
COHERENCE_BONUS = 0.75


def _co_located(cells: dict[tuple[int, int], set[str]], e: Entry, key: str) -> bool:
    la, lo = math.floor(e.lat), math.floor(e.lon)
    for dla in (-1, 0, 1):
        for dlo in (-1, 0, 1):
            names = cells.get((la + dla, lo + dlo))
            if names and (len(names) > 1 or key not in names):
                return True
    return False


def _to_place(doc: Doc, m: _Mention) -> Place:
    e = m.best
    span = doc[m.start : m.end]
    start, end = span.start_char, span.end_char
    text = span.text
    assert e is not None
    feature: PlaceFeature = e.feature  # type: ignore[assignment]
    return Place(
        text=text,
        span=(start, end),
        name=e.name,
        geonameid=e.geonameid,
        country=e.country or None,
        admin1=(e.admin1 or None) if feature != "country" else None,
        lat=e.lat,
        lon=e.lon,
        feature=feature,
    )


def find_places(doc: Doc) -> list[Place]:
    """Every place mention in ``doc`` with its resolution, in text order."""
    gaz = load_gazetteer()
    mentions = _candidate_spans(doc, gaz)
    if not mentions:
        return []
    _resolve(mentions)
    return [_to_place(doc, m) for m in mentions if m.best is not None]


# --- event location -------------------------------------------------------------------------------------

_EVENT_PREPS = {
    "in",
    "at",
    "near",
    "on",
    "into",
    "over",
    "against",
    "to",
    "outside",
    "across",
    "inside",
    "toward",
    "towards",
    "around",
    "targeting",
    "hit",
    "struck",
    "strike",
    "attack",
    "attacked",
}
_SPECIFICITY = {
    "settlement": 4.0,
    "landmark": 4.0,
    "admin2": 3.0,
    "admin1": 2.5,
    "region": 2.0,
    "water": 1.5,
    "country": 1.0,
}


def _tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    up_a = [a, *a.ancestors]
    idx = {t.i: k for k, t in enumerate(up_a)}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in idx:
            return k + idx[t.i]
    return 99


_LOCATIVE_HEADS = {
    "in",
    "at",
    "near",
    "into",
    "over",
    "outside",
    "inside",
    "across",
    "around",
    "on",
    "toward",
    "towards",
}
REFINE_SENTENCES = 3
_NOT_LOCATION_PREPS = {"for", "with", "by", "about", "between", "like", "than", "per"}


def _actor(root: Token, head: Token) -> bool:
    """The place is the subject of the trigger or of a verb governing it ("Moscow claims that ... launched")."""
    if root.dep_ not in ("nsubj", "agent"):
        return False
    gov = root.head
    return gov.i == head.i or any(a.i == gov.i for a in head.ancestors)


def _clause(tok: Token) -> Token | None:
    for t in (tok, *tok.ancestors):
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _other_clause(root: Token, head: Token) -> bool:
    """The place sits in a clause coordinated with the trigger's, which reports another event."""
    a, b = _clause(root), _clause(head)
    if a is None or b is None or a.i == b.i:
        return False
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)


def _refine(doc: Doc, head: Token, chosen: Place, places: list[Place]) -> Place:
    """A country (or region) alone is vague: take the nearest more specific place of the same country that a
    nearby sentence puts the action in ("... into Russian territory. ... a facility in Russia's Bryansk
    region")."""
    if not doc.has_annotation("SENT_START"):
        return chosen
    sents = list(doc.sents)
    k = next((n for n, s in enumerate(sents) if s.start <= head.i < s.end), 0)
    window = sents[max(0, k - 1) : k + 1 + REFINE_SENTENCES]
    lo, hi = window[0].start_char, window[-1].end_char
    best: tuple[int, Place] | None = None
    for p in places:
        if p is chosen or p.country != chosen.country or p.lat is None or not (lo <= p.span[0] < hi):
            continue
        if _SPECIFICITY.get(p.feature, 1.0) <= _SPECIFICITY.get(chosen.feature, 1.0):
            continue
        span = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
        if span is None or span.root.head.lower_ not in _LOCATIVE_HEADS:
            continue
        dist = abs(span.start - head.i)
        if best is None or dist < best[0]:
            best = (dist, p)
    return best[1] if best else chosen


def event_location(doc: Doc, trigger: tuple[int, int], places: list[Place]) -> Location | None:
    """Where the event whose trigger is at char span ``trigger`` happened, chosen among ``places``.

    Among the places of the trigger's sentence, the most specific one linked to the trigger through a
    locative or target relation wins; a place that only qualifies another ("Russia's" in "Russia's Bryansk
    region") or that is the actor ("Russia launched...", "Moscow claims that...") is passed over. A country
    is then refined to a more specific place of that country that a nearby sentence locates the action in.
    """
    if not places:
        return None
    trig = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if trig is None or len(trig) == 0:
        return None
    head = trig.root
    sent = head.sent if doc.has_annotation("SENT_START") else doc[:]
    best: tuple[float, Place] | None = None
    for p in places:
        if not (sent.start_char <= p.span[0] < sent.end_char) or p.lat is None:
            continue
        span = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ == "poss" and root.head.i not in range(span.start, span.end):
            # "Russia's Bryansk region": the possessor qualifies another place (or thing): weak as a location.
            qualifier_of_place = any(q.span[0] <= root.head.idx < q.span[1] for q in places if q is not p)
            if qualifier_of_place:
                continue
        if _actor(root, head):
            continue  # the actor, not the place
        if span.end < len(doc) and doc[span.end].text == "-":
            continue  # "US-supplied missiles": the supplier, not the place
        if _other_clause(root, head):
            continue  # "X announced aid, and Russia launched an attack on Kharkiv": another event's place
        if root.dep_ == "pobj" and root.head.lower_ in _NOT_LOCATION_PREPS:
            continue  # "aid for Ukraine", "talks with Russia": a party, not where it happens
        score = _SPECIFICITY.get(p.feature, 1.0)
        score -= 0.4 * min(_tree_distance(head, root), 8)
        if root.head.lower_ in _EVENT_PREPS or root.dep_ in ("pobj", "dobj"):
            score += 1.5
        if root.i > head.i:
            score += 0.3  # locations tend to follow their event verb
        if best is None or score > best[0]:
            best = (score, p)
    if best is None:
        return None
    p = best[1]
    if p.feature in ("country", "region"):
        p = _refine(doc, head, p, places)
    return Location(
        text=p.text,
        name=p.name,
        country=p.country,
        admin1=p.admin1,
        lat=p.lat,
        lon=p.lon,
        geonameid=p.geonameid,
        precision=PRECISION.get(p.feature, "point"),
    )


__all__ = ["find_places", "event_location"]
