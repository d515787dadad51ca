"""Recognition: gazetteer names over capitalised token runs, kept when the context makes them places.

The small spaCy model labels many towns ORG, PRODUCT or PERSON, or misses them, so recognition does not trust its
labels alone: the scanner takes the longest gazetteer name (up to six tokens) at each capitalised token and
``filters.accept`` decides, on the evidence around it, whether the text uses it as a place (docs/places.md).
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

import pycountry
from spacy.tokens import Doc

from claimtrack.extract.gazetteer import Entry, Gazetteer, norm, skeleton
from claimtrack.extract.places.filters import _accept, _named_for_state, _part_of_person, _tail_of_org
from claimtrack.extract.places.mention import _locative_before, _Mention, prefer_towns
from claimtrack.extract.places.qualify import _bare, abroad_of
from claimtrack.extract.places.words import (
    ADMIN_PLURALS,
    ADMIN_SUFFIXES,
    AMBIGUOUS_ABBR,
    BREAKS,
    CALENDAR_WORDS,
    COMPASS,
    FIRST_LEVEL_WORDS,
    GEO_NOUNS,
    JOINERS,
    NAME_TOWNS,
    NEVER_PLACE_LABELS,
    PLACE_NOUNS,
    SETTLEMENT_NOUNS,
    STOP_NAMES,
    STOP_SINGLE,
    STREET_HEADS,
    US_STATE_ABBR,
)

MAX_TOKENS = 6


def _lookup(gaz: Gazetteer, key: str, suffix: str | None) -> list[tuple[Entry, bool]]:
    """Candidates for a name; with a division word, only divisions (or the full name "X County" as is)."""
    if suffix:
        full = gaz.lookup(key + " " + suffix)
        divisions = [(e, p) for e, p in gaz.lookup(key) if e.feature in ("admin1", "admin2", "region")]
        if full or divisions:
            return full + divisions
        if suffix in FIRST_LEVEL_WORDS or suffix in ("region", "state"):
            # The division may be known under another romanisation, or by its seat's ("Karaganda region").
            division = _division_spelled_like(gaz, key, seat_only=suffix not in FIRST_LEVEL_WORDS)
            if division:
                return [(e, False) for e in division]
        if suffix in FIRST_LEVEL_WORDS:
            # "Zorland province" with no such division known: a town of that name elsewhere would be a
            # confident wrong point; better unresolved.
            return []
        # "the Denver region", "Lviv district": the town the area is named after, by its own name only
        # (not a namesake reached through an alternate spelling).
        return [(e, p) for e, p in gaz.lookup(key) if p] or [(e, False) for e in gaz.divisions_like(key)]
    return gaz.lookup(key) or gaz.without_article(key)


def _division_spelled_like(gaz: Gazetteer, key: str, seat_only: bool = False) -> list[Entry]:
    """The first-level division a name with a division word means when no division has that exact name: the
    division of a town so named whose division bears the town's name in another spelling ("Karaganda region":
    Karagandy is the seat of Qaraghandy), else (unless ``seat_only``) a division spelled alike
    (``Gazetteer.divisions_like``)."""
    sk = skeleton(key)
    out: list[Entry] = []
    for town, _ in gaz.lookup(key):
        if town.feature == "settlement" and town.admin1 and _spelled_close(key, sk, norm(town.admin1)):
            out += [
                e
                for e, _ in gaz.lookup(norm(town.admin1))
                if e.feature == "admin1" and e.country == town.country and e.name == town.admin1 and e not in out
            ]
    return out or ([] if seat_only else gaz.divisions_like(key))


def _spelled_close(key: str, sk: str, name: str) -> bool:
    """A division's name is the town's name in another romanisation: the same skeleton, or one letter apart in a
    short name ("Zorlan" and "Zowrlan", where a vowel written as a consonant moves the skeleton)."""
    if skeleton(name) == sk:
        return True
    a, b = key.replace(" ", ""), name.replace(" ", "")
    return abs(len(a) - len(b)) <= 1 and a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= 0.8


def _bracket_part(texts: list[str], i: int, j: int) -> bool:
    """Tokens i..j-1 are a whole part of a bracketed list after a name: "X (Y, Z)" -> Y or Z."""
    if i < 2 or j >= len(texts) or texts[i - 1] not in ("(", ",") or texts[j] not in (")", ","):
        return False
    for k in range(i - 1, max(0, i - 12), -1):
        if texts[k] == ")":
            return False
        if texts[k] == "(":
            return texts[k - 1][:1].isalpha()
    return False


def _qualifier_after(doc: Doc, end: int, gaz: Gazetteer) -> str | None:
    """'Gainesville, Fla.' / 'Paris, Texas' / 'Tbilisi, Georgia' / 'Marhanets (Nikopol, Dnipropetrovsk)': the key
    of the qualifying first-level division or country. A bracketed one is marked with a leading "(" and keeps
    every part the gazetteer knows, innermost first ("(nikopol|dnipropetrovsk"): any of them may place it.
    A place noun or division word may stand between: "Zorfan town, Istanbul", "Bannu city (Bannu, KPK)"."""
    if (
        end + 2 < len(doc)
        and doc[end].is_lower
        and (doc[end].lower_ in PLACE_NOUNS or doc[end].lower_ in SETTLEMENT_NOUNS or doc[end].lower_ in ADMIN_SUFFIXES)
    ):
        end += 1
    if end + 1 < len(doc) and doc[end].text == "(":
        # A parenthesised list of the divisions (or towns) a place lies in, innermost first.
        close = next((k for k in range(end + 1, min(len(doc), end + 14)) if doc[k].text == ")"), None)
        if close is not None:
            parts = [_bare(part) for part in " ".join(t.text for t in doc[end + 1 : close]).split(" , ")]
            known = [
                key
                for key in parts
                if len(key) > 2 and any(p or e.feature in ("admin1", "country") for e, p in gaz.lookup(key))
            ]
            if known:
                return "(" + "|".join(known)
        return None
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text[:1].isupper():
        # Up to three tokens ("N.Y.", "New Mexico", "W. Va."); the longest that names a state or country.
        for n in (3, 2, 1):
            if end + 1 + n <= len(doc):
                words = doc[end + 1 : end + 1 + n]
                if any(t.is_punct and t.text != "." for t in words):
                    continue
                if end + 1 + n < len(doc) and doc[end + 1 + n].text == "-" and not words[-1].whitespace_:
                    continue  # "Rutshuru, Nord-Kivu": the word goes on past the hyphen
                if (
                    words[-1].lower_ in COMPASS
                    and end + 1 + n < len(doc)
                    and doc[end + 1 + n].is_alpha
                    and doc[end + 1 + n].text[:1].isupper()
                ):
                    continue  # "Zorbu, Northern Zorland": the compass word opens a longer name
                if "." in words.text and _abbr_key(words.text) in US_STATE_ABBR:
                    return _abbr_key(words.text)  # "Albany, N.Y."
                key = norm(words.text)
                if key in US_STATE_ABBR or any(e.feature in ("admin1", "country") for e, _ in gaz.lookup(key)):
                    return key
    return None


def _country_opening(gaz: Gazetteer, texts: list[str], i: int) -> bool:
    """A word that opens no place name ("Dr", a title) still opens a country's curated short form with the next
    word: "DR Congo" is the Democratic Republic, not the Congo the second word alone names."""
    if i + 1 >= len(texts) or not texts[i].isupper():
        return False
    return any(e.feature == "country" and p for e, p in gaz.lookup(norm(f"{texts[i]} {texts[i + 1]}")))


def _misread_language(doc: Doc, i: int, gaz: Gazetteer) -> bool:
    """The small model calls an unfamiliar transliterated name a LANGUAGE ("in Ocheretyne"): after a locative
    context it is still a candidate, unless it is a real language's name (ISO 639, from pycountry: "in English",
    "in Ukrainian") or has a demonym's shape."""
    if doc[i].ent_type_ != "LANGUAGE" or not _locative_before(doc, i):
        return False
    return doc[i].lower_ not in _languages() and "@" + norm(doc[i].text) not in gaz.index


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    return frozenset(lang.name.lower() for lang in pycountry.languages)


def _candidate_spans(doc: Doc, gaz: Gazetteer) -> list[_Mention]:
    """Longest gazetteer names over capitalised token runs, filtered by NER label and context."""
    out: list[_Mention] = []
    n = len(doc)
    # One pass over the tokens into plain lists: indexing a Doc per try is what would cost time here.
    # (a single pass: each Token object spaCy builds costs as much as the work done with it)
    texts: list[str] = []
    lowers: list[str] = []
    spaces: list[str] = []
    starts: list[bool] = []
    ent_types: list[str] = []
    person_words: dict[str, list[int]] = {}
    for k, t in enumerate(doc):
        texts.append(t.text)
        lowers.append(t.lower_)
        spaces.append(t.whitespace_)
        starts.append(bool(t.is_sent_start))
        ent_types.append(t.ent_type_)
        if ent_types[k] == "PERSON" and t.ent_iob_ == "I":
            person_words.setdefault(lowers[k], []).append(k)  # surnames: inside a multi-word person name
    i = 0
    last_accepted_end = -10
    rejected: list[_Mention] = []
    person_tagged: list[_Mention] = []
    lower_words = {w for w in texts if w.islower()}
    while i < n:
        first = texts[i]
        if (
            not (first[:1].isupper() and first[:1].isalpha())
            or (lowers[i] in STOP_NAMES and not _country_opening(gaz, texts, i))
            or (
                ent_types[i] in NEVER_PLACE_LABELS
                and not (ent_types[i] in ("DATE", "TIME") and lowers[i] not in CALENDAR_WORDS and not starts[i])
                and not _misread_language(doc, i, gaz)
            )
        ):
            i += 1
            continue
        state = _state_abbreviation(doc, i, last_accepted_end, gaz)
        after = out[-1] if out and out[-1].end == i - 1 and texts[i - 1] == "," else None
        if state is not None and abroad_of(state, after):
            i = state.end  # "Caracas, D.C.": the capital district of the city's own name, not Washington
            continue
        if state is not None:
            out.append(state)
            last_accepted_end = i = state.end
            continue
        # The longest run this name could span: capitalised words and joiners, within one sentence.
        max_j = i + 1
        while max_j < n and max_j - i < MAX_TOKENS and not starts[max_j] and texts[max_j] not in BREAKS:
            word = texts[max_j]
            if not (
                word[:1].isupper()
                or word[:1].isdigit()
                or lowers[max_j] in JOINERS
                or lowers[max_j] in ADMIN_SUFFIXES
                or _hyphen_glued(texts, spaces, max_j)
            ):
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
                    suffix = _list_plural(texts, lowers, j)  # "Logan, Union or Scott counties"
            in_brackets = _bracket_part(texts, i, j)
            if (
                (j == i + 1 or " " in key)
                and not suffix
                and key in STOP_SINGLE
                and not (key in NAME_TOWNS and ent_types[i] in ("GPE", "LOC"))
                and not (in_brackets and any(e.feature == "admin1" for e, _ in gaz.lookup(key)))
            ):
                continue  # ... but "X (Y, Western)" lists divisions, whatever the word means elsewhere
            cands = _lookup(gaz, core, suffix) if core else []
            if in_brackets and not suffix and not any(e.feature in ("admin1", "country") for e, _ in cands):
                # "X (Y, Lombardia)": the last part of a list of divisions names a division, under whatever
                # spelling, before a town; an earlier part is a town first ("(Mbarara, Western)")
                if not cands or (texts[j] == ")" and texts[i - 1] == ","):
                    cands = [(e, False) for e in gaz.divisions_like(key)] or cands
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
                found.end -= 1  # "Utah State University": the place is Utah
            out.append(found)
            last_accepted_end = found.end
            i = found.end
        else:
            if "PERSON" not in ent_types[found.start : found.end] and not found.demonym:
                rejected.append(found)
            elif not found.demonym and not _part_of_person(doc, found):
                # The small model calls many towns persons ("Poltava detectives"): a name tagged PERSON
                # alone may still recur as the place the text names elsewhere (but never votes it down).
                person_tagged.append(found)
            i = found.end if found.end > i + 1 else i + 1
    # One sense per discourse: a name the text uses as a place elsewhere is a place here too
    # ("Dubno police", "the Irpin Town Council" in an article about Dubno or Irpin).
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
        and not (m.end < n and lowers[m.end].rstrip(".") in STREET_HEADS)  # "Lutsk Avenue" in Lutsk
        and not _tail_of_org(doc, m)  # "Free Ukraine" in a text about Ukraine
    ]
    if extra:
        for m in extra:
            m.via = "discourse"
        out = sorted(out + extra, key=lambda m: m.start)
    prefer_towns(doc, out)
    return out


def _drop_outvoted(out: list[_Mention], rejected: list[_Mention], ent_types: list[str]) -> list[_Mention]:
    """One sense per discourse, the other way: a name taken on weak evidence ("after Moreau", "with Okafor")
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


def _hyphen_glued(texts: list[str], spaces: list[str], k: int) -> bool:
    """A lower-case word hyphenated into a name on both sides, with no space ("Zorfa-sur-Lande", "Zorfa-en-Val"):
    one word in writing, whatever its language's joining words are."""
    return (
        0 < k < len(texts) - 1
        and texts[k - 1] == "-"
        and texts[k + 1] == "-"
        and not spaces[k - 1]
        and not spaces[k]
        and texts[k].isalpha()
    )


def _list_plural(texts: list[str], lowers: list[str], j: int) -> str | None:
    """The division word closing a list that continues at token j: ", Union or Scott counties"."""
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
    "the N.J. state police", "a Mo. teacher"); "Miss." and the like stay qualifier-only.
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
