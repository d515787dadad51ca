"""The evidence a gazetteer name needs to count as a place, and the traps that make it something else: a word of
a person's or an organisation's name, the head of a street or facility name, an ordinary English word.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimtrack.extract.gazetteer import load_gazetteer, norm
from claimtrack.extract.places.mention import _locative_before, _Mention
from claimtrack.extract.places.qualify import named_with_division
from claimtrack.extract.places.romanised import _after_article, _article_goes_on
from claimtrack.extract.places.words import (
    ADMIN_PLURALS,
    ADMIN_SUFFIXES,
    ARABIC_COUNTRIES,
    CALENDAR_WORDS,
    COMPASS,
    COMPASS_POINTS,
    DASHES,
    DISEASE_HEADS,
    DIVISION_NAME_WORDS,
    FACILITY_HEADS,
    FEATURE_HEADS,
    LOCATIVE,
    ORIGIN_NOUNS,
    PLACE_LABELS,
    PLACE_MODIFIERS,
    PLACE_NOUNS,
    SETTLEMENT_NOUNS,
    STOP_NAMES,
    TOWN_BODY_HEADS,
)


def _tail_of_org(doc: Doc, m: _Mention) -> bool:
    """The name continues an organisation's capitalised name ("Free Ukraine Party", "Sporting Lisbon Club")."""
    first = doc[m.start]
    if m.start == 0 or first.ent_iob_ != "I":
        return False
    prev = doc[m.start - 1]
    return prev.text[:1].isupper() and not prev.is_sent_start


def _headline(doc: Doc, i: int) -> bool:
    """Is token i in a Title Case sentence (a headline), where capitals say nothing about names?"""
    if not doc.has_annotation("SENT_START"):
        return False
    sent = doc[i].sent
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.7 * len(words)


def _named_for_state(doc: Doc, m: _Mention) -> bool:
    """'Kansas State University', 'the Florida Highway Patrol': a state's own institution names the state."""
    state = any(p and e.feature == "admin1" for e, p in m.candidates)
    if not state or m.end + 1 >= len(doc):
        return False
    nxt, after = doc[m.end].lower_, doc[m.end + 1].lower_
    ends_state = doc[m.end - 1].lower_ == "state"
    return (ends_state and nxt in ("university", "college")) or (nxt == "highway" and after == "patrol")


def _runs_on(doc: Doc, k: int) -> bool:
    """The capitalised name goes on at token k past the gazetteer's name: NER's entity continues into it, or a
    place noun follows it ("Sin Chaung village"). Division words and a place's own bodies do not count, nor does
    an organisation's name the place begins."""
    nxt = doc[k]
    if not (nxt.is_alpha and nxt.text[:1].isupper()) or nxt.is_sent_start:
        return False
    if nxt.lower_ in ADMIN_SUFFIXES or nxt.lower_ in ADMIN_PLURALS or nxt.lower_ in ORIGIN_NOUNS:
        return False
    if nxt.ent_iob_ == "I" and nxt.ent_type_ in ("GPE", "LOC", "PERSON"):
        return True  # an organisation's name ("Madison County Health Department") is another matter
    return k + 1 < len(doc) and doc[k + 1].lower_ in PLACE_NOUNS


def _inside_longer_name(doc: Doc, m: _Mention) -> bool:
    """'Main' of 'Main Street', 'Gazette' of 'Lutsk Gazette', 'Hope' of "Hope's Wings": part of a longer name."""
    n = len(doc)
    if m.end < n:
        nxt = doc[m.end]
        if nxt.text[:1].isupper() and nxt.lower_.rstrip(".") in FACILITY_HEADS | FEATURE_HEADS:
            # "the Greene County Hospital", "Greene County Road 12": a division with its own word still names the
            # division its hospital or road belongs to
            return not (_named_for_state(doc, m) or _division_with_word(doc, m))
        if nxt.lower_ in DISEASE_HEADS:
            return True  # "Lassa fever", "Zika virus": a disease named after a place
    if (
        m.start >= 2
        and doc[m.start].lower_ in COMPASS_POINTS
        and doc[m.start - 1].text == "-"
        and not doc[m.start - 1].whitespace_
        and not doc[m.start - 2].whitespace_
        and doc[m.start - 2].text[:1].isupper()
    ):
        return True  # "Yangon-East district", "Shan-North state": the tail of a compound name, not "East" alone
    small_town = not any(p and e.feature in ("country", "admin1", "region", "water") for e, p in m.candidates)
    if small_town and m.end - m.start == 1 and m.end < n and _runs_on(doc, m.end):
        return True  # "Abu" of "in Abu Hujar", "Sin" of "Sin Chaung village": the head of an unknown name
    if (
        small_town
        and (_article_goes_on(doc, m.end) or _after_article(doc, m.start))
        and not any(e.country in ARABIC_COUNTRIES for e, _ in m.candidates)
    ):
        # "Zor" of "Zor al Hamra", "Hamra" of "Zor al-Hamra": an unknown Arabic name of which the gazetteer knows
        # one word, as a namesake outside the Arabic-speaking countries (there the word may well be the place)
        return True
    country = any(p and e.feature == "country" for e, p in m.candidates)
    small = not any(p and e.feature in ("country", "admin1", "region", "water") for e, p in m.candidates)
    if (
        (small or not country)
        and m.end + 1 < n
        and doc[m.end].lower_ in ("'s", "\u2019s")
        and doc[m.end + 1].text[:1].isupper()
        and not country
        and small
        # a town's possessive ("Odesa's harbour district") when NER or a sizeable town backs it
        and not (doc[m.start].ent_type_ in ("GPE", "LOC") or max(e.population for e, _ in m.candidates) >= 10_000)
    ):
        return True  # "St. Anne's Primary School"
    if m.start > 0:
        prev = doc[m.start - 1]
        if (
            prev.is_alpha
            and prev.text[:1].isupper()
            and not prev.is_sent_start
            and prev.lower_ not in STOP_NAMES
            and prev.lower_ not in LOCATIVE
            and prev.lower_ not in PLACE_MODIFIERS
            and prev.lower_ not in CALENDAR_WORDS  # "Tuesday Poltava police said..."
            and prev.ent_type_ not in ("DATE", "TIME")
            and (small or prev.lower_ not in COMPASS)
            and prev.lower_ not in COMPASS_POINTS  # "Eastern Ukraine", "North Poltava": the place itself
            and doc[m.start].ent_iob_ != "B"  # NER itself starts a new name here
            and not _headline(doc, m.start)
        ):
            return True  # "Dniester Estuary" -> not "Estuary"; "Lutsk Gazette" -> not "Gazette"
    return False


def _division_with_word(doc: Doc, m: _Mention) -> bool:
    """The mention ends with its division word ("Greene County") and reads as a division."""
    return (
        m.suffix in DIVISION_NAME_WORDS
        and doc[m.end - 1].lower_ == m.suffix
        and any(e.feature in ("admin1", "admin2", "region") for e, _ in m.candidates)
    )


def _word_part(doc: Doc, m: _Mention) -> bool:
    """'St. Patrick's Day', "St. Mary's": a saint's name; 'Anti-Drone', 'Post-war': a prefix of a word."""
    n = len(doc)
    if m.key.startswith("saint ") and m.end < n and doc[m.end].lower_ in ("'s", "\u2019s"):
        return not _locative_before(doc, m.start)  # but "flew to St. John's"
    if m.start >= 2 and doc[m.start - 1].text == "-" and not doc[m.start - 2].whitespace_:
        if doc[m.start - 2].is_lower and not doc[m.start - 1].whitespace_:
            return True  # "Rostov-on-Don" split by the tokenizer: not "Don"
    last = doc[m.end - 1]
    if m.end + 1 < n and not last.whitespace_ and doc[m.end].text == "-" and not doc[m.end].whitespace_:
        after = doc[m.end + 1]
        if after.text[:1].isupper():
            # "Pont-Sondé", "Port-Vila": the head of a hyphenated name the gazetteer lacks, unless it is a sizeable
            # place in its own right ("the Kherson-Mykolaiv highway")
            return all(e.feature == "settlement" and (e.population < 100_000 or not p) for e, p in m.candidates)
        return after.is_lower and after.lower_ not in ("based", "area", "born", "bound", "made")
    return False


def _weak_single(doc: Doc, m: _Mention, lower_words: frozenset[str] | set[str]) -> bool:
    """A one-word name without NER support that is more likely a word or part of a name than a place.

    - the text also uses it as an ordinary lower-case word ("Bright Futures ..." beside "bright");
    - it tags as an adjective ("Olympic", "Naval");
    - only a village bears it (< 1,000 people), or only a small town (< 10,000) and a capitalised word follows
      ("Granite Logistics", "Maple Ridge Academy"): local-news names of firms, schools and people.
    """
    tok = doc[m.start]
    if tok.lower_ in lower_words:
        return True
    if m.end < len(doc) and doc[m.end].lower_ in SETTLEMENT_NOUNS and _locative_before(doc, m.start):
        return False  # "in Zorlan town", "near Zorlan village": the text says what it is
    if tok.pos_ == "ADJ" and tok.ent_type_ != "NORP":
        return True
    if any(e.feature != "settlement" for e, _ in m.candidates):
        return False
    pop = max(e.population for e, _ in m.candidates)
    if pop < 1_000:
        # Only a village bears it: a place when the context introduces one ("in Zoriane", "the village of X").
        return not _locative_before(doc, m.start)
    nxt = doc[m.end] if m.end < len(doc) else None
    if nxt is None or nxt.lower_ in ORIGIN_NOUNS:
        return False  # "the Dubno Town Council", "Irpin Youth Center": the town's own bodies
    return pop < 10_000 and nxt.text[:1].isupper() and not nxt.is_sent_start


def _caps_dateline(doc: Doc, m: _Mention) -> bool:
    """'BEIRUT: ...', 'LEBANON (AP) - ...', 'June 3, 2031 IRPIN -- ...': an all-capitals dateline."""
    span = doc[m.start : m.end]
    if not any(t.is_alpha for t in span) or not all(t.is_upper or not t.is_alpha for t in span) or len(span.text) < 4:
        return False
    if m.end + 1 < len(doc) and doc[m.end].text == "," and doc[m.end + 1].text[:1].isupper():
        # "LYON, France (AP) -": the country or state after the city, then the agency or a dash
        tail = next((k for k in range(m.end + 1, min(len(doc), m.end + 5)) if doc[k].text in DASHES | {"("}), None)
        if tail is None or not all(t.text[:1].isupper() for t in doc[m.end + 1 : tail]):
            return False
    elif m.end >= len(doc) or doc[m.end].text not in DASHES | {":", "("}:
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
        return False  # "beat Anna Berlin", "John Lincoln": a word of a longer person name
    big = any(p and e.feature in ("country", "admin1", "region", "water") for e, p in m.candidates)
    if (
        m.end - m.start == 1
        and span[0].lower_ in person_words
        and not m.suffix
        and m.qualifier is None
        and not (big and labels & {"GPE", "LOC"})  # "Rethinking Egypt" read as a person in a headline
    ):
        # "Moreau said" after "Maya Moreau": a surname the text gives a person elsewhere, unless NER and
        # the context both say place here ("in Turner").
        return bool(labels & {"GPE", "LOC"}) and _locative_before(doc, m.start)
    if _town_body(doc, m, lower_words):
        return True
    if _inside_longer_name(doc, m):
        return False
    if _in_division_brackets(doc, m):
        return True
    text = span.text
    if (m.start == 0 or doc[m.start].is_sent_start) and m.end < len(doc) and doc[m.end].text in DASHES:
        return True  # a dateline: "IRPIN -- The mayor said..."
    if _caps_dateline(doc, m):
        return True
    primary_big = any(p and e.feature in ("country", "admin1", "region", "water") for e, p in m.candidates)
    if (
        len(text) <= 5
        and text.isupper()
        and not any(
            e.feature == "country" or (e.feature == "admin1" and norm(e.name) != m.key) for e, _ in m.candidates
        )
    ):
        # an acronym ("NATO", "SOS") unless it is a country ("US", "PERU") or abbreviates a state's name ("NSW"); a
        # division's whole name in capitals ("SUD" for a union, not the department Sud) is an acronym too
        return False
    if m.suffix or named_with_division(doc, m):
        return True
    if _town_of_a_name(doc, m):
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
        if not labels & {"GPE", "LOC"} and m.end < len(doc) and doc[m.end].ent_iob_ == "I":
            return False  # the first word of a longer name ("the Popular Front", "the Zero Hour group")
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
        return True  # a US legislator's party and home town: "Rep. Jo Park, D-Dayton"
    if m.end < len(doc) and doc[m.end].lower_ in ORIGIN_NOUNS:
        return True
    return _continues_list(doc, m, last_end)


TOWN_BODY_POP = 10_000  # a town this size names its own bodies


def _town_body(doc: Doc, m: _Mention, lower_words: frozenset[str] | set[str]) -> bool:
    """'the Zorlan Public Library', 'Zorlan Fire Department': a town's name opening the name of its own public
    body or service names the town, though a facility word ends the longer name. The town must open the name (no
    capitalised word or "X of" before it), be a town of some size by its own name, and not be a word the text
    also uses in lower case ("Spring")."""
    if m.end >= len(doc) or m.demonym or doc[m.start].lower_ in lower_words:
        return False
    if m.start > 1 and doc[m.start - 1].lower_ == "of" and doc[m.start - 2].text[:1].isupper():
        return False  # "Chamber of Zorlan ...": the tail of another name
    nxt = doc[m.end]
    if not nxt.text[:1].isupper() or nxt.lower_ not in TOWN_BODY_HEADS:
        return False
    if any(t.ent_type_ == "PERSON" for t in doc[m.start : m.end]):
        return False
    if m.start > 0:
        prev = doc[m.start - 1]
        if prev.text[:1].isupper() and not prev.is_sent_start and prev.lower_ not in STOP_NAMES:
            return False
    return any(p and e.feature == "settlement" and e.population >= TOWN_BODY_POP for e, p in m.candidates)


TOWN_OF_A_NAME_POP = 10_000  # a bracketed word this small rarely names the town of the office before it


def _town_of_a_name(doc: Doc, m: _Mention) -> bool:
    """A town alone in brackets after a capitalised name says where that office or firm is: "the Labour Office
    (Daegu)", "Harbour Works Ltd (Mersin)"; not after a person, where brackets hold a party or a post."""
    return (
        m.start >= 2
        and m.end < len(doc)
        and doc[m.start - 1].text == "("
        and doc[m.end].text == ")"
        and doc[m.start - 2].text[:1].isupper()
        and doc[m.start - 2].ent_type_ != "PERSON"  # "Cllr Jo Brand (Green)": a person's party
        and any(p and e.feature == "settlement" and e.population >= TOWN_OF_A_NAME_POP for e, p in m.candidates)
    )


def _in_division_brackets(doc: Doc, m: _Mention) -> bool:
    """The mention is a whole part of a bracketed list after a name whose last part is a first-level division or a
    country: "near Tamsa (Hollin, Upper Vale)", "in Dunmore district (Kerry)". Such a list gives the divisions a
    place lies in, whatever NER makes of its words."""
    n = len(doc)
    lo = next((k for k in range(m.start - 1, max(-1, m.start - 10), -1) if doc[k].text in ("(", ")")), None)
    hi = next((k for k in range(m.end, min(n, m.end + 16)) if doc[k].text in ("(", ")")), None)
    if lo is None or hi is None or doc[lo].text != "(" or doc[hi].text != ")" or lo == 0:
        return False
    before = doc[lo - 1]
    if not (before.is_alpha and (before.text[:1].isupper() or before.pos_ in ("NOUN", "PROPN"))):
        return False
    if doc[m.start - 1].text not in ("(", ",") or doc[m.end].text not in (")", ","):
        return False  # a whole part, not a word inside one
    last = doc[next(k for k in range(hi - 1, lo, -1) if doc[k].text == "," or k == lo + 1) : hi]
    last_key = norm(last.text.lstrip(", "))
    gaz = load_gazetteer()
    if any(p and e.feature in ("admin1", "country") for e, p in gaz.lookup(last_key)) or gaz.divisions_like(last_key):
        return True
    # The last part is no division the gazetteer knows (a reorganised province, another spelling), but the bracket
    # closes a locative phrase ("in Zorfa village (Djugu, Zorland)"): its parts are the places the village lies in,
    # and a part the gazetteer knows by its own name is one of them; a part in capitals abbreviates the name before
    # the bracket ("at the Zorfa Port Authority (ZPA)").
    return not m.text.isupper() and _locative_name_before(doc, lo) and any(p for _, p in m.candidates)


def _locative_name_before(doc: Doc, lo: int) -> bool:
    """Token ``lo`` (a bracket) follows a name introduced as a place: "in Zorfa village", "near the town of Zorfa",
    "at Zorfa junction", "in the villages of Zorfa" (a noun of any kind may name what the place is)."""
    k, named = lo - 1, False
    while k >= 0 and lo - k <= 8:
        t = doc[k]
        if t.text[:1].isupper() and t.is_alpha:
            named = True
        elif not (
            t.pos_ == "NOUN"
            or t.lower_ in SETTLEMENT_NOUNS
            or t.lower_ in PLACE_NOUNS
            or t.lower_ in ("of", "the", "-")
        ):
            break
        k -= 1
    return named and k < lo - 1 and _locative_before(doc, k + 1)


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
    """Lists: "in Kupiansk, Lyman and Siversk" (the previous place ended just before the conjunction), and the
    bracketed divisions right after a place: "Astorga (Leon, Castile)"."""
    if m.start >= 1 and doc[m.start - 1].text == "(" and last_end == m.start - 1:
        return True
    return m.start >= 1 and doc[m.start - 1].text in (",", "and", "or") and last_end >= m.start - 3
