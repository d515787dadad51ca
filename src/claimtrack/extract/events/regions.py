"""One incident per region: the regional reports of a strike wave.

A wave of strikes on several regions is one event per region for ACLED (one event per incident, day and place).
News tells the wave once, then region by region: "In the X region a house was hit and two people were hurt";
"Officials in Y said three drones were shot down." Such a sentence, naming a region the strike's incident does not
cover together with a word of harm, impact or air defence, is that region's incident: it takes the strike's kind,
day and sides, and its own figures (which the wave's own event then no longer counts).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from claimtrack.extract.events.common import REPORT_WORDS, STRIKE_FAMILY, Draft
from claimtrack.extract.events.figures import roles_for
from claimtrack.extract.events.frames import same_day
from claimtrack.extract.events.lexicon import Cue
from claimtrack.extract.events.modality import modality_of
from claimtrack.extract.figure_grammar import parse_number
from claimtrack.extract.places import event_location
from claimtrack.extract.quantities import QuantityMention, find_quantities
from claimtrack.models import Location, Place


def regional_reports(doc: Doc, incidents: list[Draft], sents: list[Span], places: list[Place]) -> list[Draft]:
    """New incidents for the regions a strike's sentences report beyond the region its incident already has."""
    strikes = [d for d in incidents if d.incident and not d.background and d.type in STRIKE_FAMILY]
    if not strikes or not places:
        return []
    owner = {si: d for d in incidents for si in d.sents}
    covered = {d.location.admin1 for d in strikes if d.location is not None and d.location.admin1}
    new: list[Draft] = []
    for host in strikes:
        country = host.location.country if host.location is not None else None
        for si in range(min(host.sents), len(sents)):
            if si in owner:
                continue  # a sentence with an event of its own was grouped by its own place already
            sent = sents[si]
            word, harmed, downed = _report_word(sent)
            if word is None:
                continue
            loc = _place(doc, word, places)
            if loc is None or not loc.admin1 or (country and loc.country and loc.country != country):
                continue
            if host.location is None or not host.location.admin1:
                host.location = loc  # the wave's own event takes the first region it is reported in
                covered.add(loc.admin1)
                continue
            if loc.admin1 in covered:
                continue
            report = _report(doc, host, sent, si, word, loc, harmed, downed)
            if modality_of(sent, report) != "asserted":
                continue  # "if the strikes reach X", "no strike hit X"
            covered.add(loc.admin1)
            new.append(report)
            host.quantities = [q for q in host.quantities if not sent.start_char <= q.start < sent.end_char]
    for host in strikes:
        new += _counted_regions(doc, host, sents, places, covered)
    return new


# where a count stands: "two over X", "one in the skies of X" (not "from X": where a salvo came from is no incident)
_AT = frozenset({"in", "over", "above", "across", "near", "around", "at", "on", "into"})


def _counted_regions(doc: Doc, host: Draft, sents: list[Span], places: list[Place], covered: set[str]) -> list[Draft]:
    """One sentence, one count per region: "14 drones were downed over X and two over Y" tells two incidents,
    since ACLED codes one per place and day. A region of the struck country that the incident does not cover, named
    in a locative phrase of a count of its own, is that region's incident (its count leaves the host's figures)."""
    if host.location is None or not host.location.admin1:
        return []
    country = host.location.country
    out: list[Draft] = []
    for si in sorted(set(host.sents)):
        sent = sents[si]
        for p in places:
            if not (sent.start_char <= p.span[0] < sent.end_char) or not p.admin1 or p.admin1 in covered:
                continue
            if country and p.country and p.country != country:
                continue
            count = _count_of(doc, p)
            if count is None:
                continue
            loc = _place(doc, count, places)
            if loc is None or loc.admin1 != p.admin1:
                loc = Location(text=p.text, name=p.name, country=p.country, admin1=p.admin1, lat=p.lat,
                               lon=p.lon, geonameid=p.geonameid, precision=p.precision)  # fmt: skip
            word, harmed, downed = _report_word(sent)
            role = _count_role(count)
            if role is None:  # "and one over Y": the elided verb is that of the sentence's other figures
                told = {q.role for q in host.quantities if sent.start_char <= q.start < sent.end_char}
                told.discard("launched")
                role = "intercepted" if told == {"intercepted"} else "harmed" if told & {"killed", "injured"} else None
            if role is not None:
                harmed, downed = role != "intercepted", role == "intercepted"
            report = _report(doc, host, sent, si, count, loc, harmed, downed)
            report.quantities = [q for q in host.quantities if q.start == count.idx]
            value = parse_number(count.text)
            if not report.quantities and downed and not harmed and value is not None:
                unit = next((q.unit for q in host.quantities if q.role == "intercepted"), None)
                end = count.idx + len(count.text)
                report.quantities = [QuantityMention("intercepted", value, unit, count.idx, end)]
            if modality_of(sent, report) != "asserted":
                continue
            host.quantities = [q for q in host.quantities if q.start != count.idx]
            covered.add(p.admin1)
            out.append(report)
    return out


def _count_of(doc: Doc, p: Place) -> Token | None:
    """The figure whose locative phrase names ``p`` ("two over X", "one in the skies of X"), if any."""
    span = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    t = span.root
    while t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i != t.head.i:
        prep, t = t.head, t.head.head
        if t.dep_ == "pobj":
            continue  # "the skies of X": a place phrase inside a place phrase; its own preposition decides
        if prep.lower_ not in _AT:
            return None
        break
    else:
        return None
    if t.like_num or t.pos_ == "NUM":
        return t
    nums = [c for c in t.children if c.dep_ == "nummod" and c.like_num]
    return nums[0] if nums and t.pos_ in ("NOUN", "PROPN") else None


def _count_role(count: Token) -> str | None:
    """What the count's own verb says was done to what it counts: downed, or harmed; None where the verb is
    elided ("and one over Y") and the sentence has to tell."""
    for t in [count, *count.ancestors][:5]:
        lemma = t.lemma_.lower()
        if t.pos_ not in ("VERB", "NOUN"):
            continue
        if lemma in REPORT_WORDS["downing"]:
            return "intercepted"
        if lemma in REPORT_WORDS["harm"]:
            return "harmed"
        if t.pos_ == "VERB":
            return None
    return None


def _report_word(sent: Span) -> tuple[Token | None, bool, bool]:
    """The first word of harm or impact in ``sent`` (else of air defence), whether anyone was hurt or anything was
    hit, and whether something was downed."""
    harm = impact = down = None
    for t in sent:
        lemma = t.lemma_.lower()
        negated = any(c.lower_ in REPORT_WORDS["none"] for c in t.children) or t.head.lower_ in REPORT_WORDS["none"]
        if lemma in REPORT_WORDS["harm"] and not negated and harm is None:
            harm = t
        elif lemma in REPORT_WORDS["impact"] and not negated and impact is None:
            impact = t
        elif lemma in REPORT_WORDS["downing"] and down is None:
            down = t
    word = harm or impact
    if word is None:
        return down, False, down is not None
    return word, True, down is not None


def _place(doc: Doc, word: Token, places: list[Place]) -> Location | None:
    try:
        return event_location(doc, (word.idx, word.idx + len(word.text)), places)
    except Exception:  # the places component is still growing: no region is no split
        return None


def _report(
    doc: Doc, host: Draft, sent: Span, si: int, word: Token, loc: Location, harmed: bool, downed: bool
) -> Draft:
    """A region's incident from its report sentence; kind, day and sides are the wave's."""
    fine = host.type if harmed or not downed else "interception"
    if fine == "interception" and host.type == "interception":
        fine = "interception"
    cue = Cue(fine, word.idx, word.idx + len(word.text), host.cue.weight)
    roles = roles_for(fine)
    d = replace(
        host,
        type=fine,
        cue=cue,
        sent_index=si,
        sents=[si],
        triggers=[(cue.start, cue.end)],
        quantities=[q for q in find_quantities(sent) if q.role in roles],
        location=loc,
        cue_text=word.text,
        hits=harmed,
        intercepted=downed,
        weapons=list(host.weapons),
    )
    return d


_TOLL_ROLES = ("killed", "injured")


def own_tolls(doc: Doc, incidents: list[Draft], places: list[Place]) -> None:
    """Each region's incident of a strike wave counts its own dead and wounded, not the wave's.

    Once a wave is told region by region, a figure stated with another region ("three were killed in X, one in
    Y") is that region's toll, and a figure stated for the whole wave ("the attack on the country killed six") is
    a total over the regions: the incident keeps it only where the text gives no figure of its own region."""
    wave = [
        d
        for d in incidents
        if d.incident and not d.background and d.type in STRIKE_FAMILY and d.location is not None and d.location.admin1
    ]
    for d in wave:
        assert d.location is not None
        here, country = d.location.admin1, d.location.country
        others = {
            o.location.admin1: o
            for o in wave
            if o is not d and o.location is not None and o.location.admin1 != here and same_day(o.date, d.date)
            and (not country or o.location.country in (None, country))
        }  # fmt: skip
        if not others:
            continue
        where = {id(q): _figure_place(doc, q, places) for q in d.quantities if q.role in _TOLL_ROLES}
        # figures of this incident's own: told with its region, or with no place beside a wave's figure
        own = {q.role for q in d.quantities if id(q) in where and _region_of(where[id(q)]) in (here, _NOWHERE)}
        kept = []
        for q in d.quantities:
            if id(q) not in where:
                kept.append(q)
                continue
            region = _region_of(where[id(q)])
            if region in others and region is not None:  # another region's toll
                other = others[region]
                if (q.role, q.value) not in {(x.role, x.value) for x in other.quantities}:
                    other.quantities.append(q)
                continue
            if region is None and q.role in own:
                q = replace(q, background=True)  # the wave's total, beside this region's own figure
            kept.append(q)
        d.quantities = kept


def _figure_place(doc: Doc, q: QuantityMention, places: list[Place]) -> Place | None:
    """The place a figure is stated with: a place of the figure's own clause ("three were killed in X, while one
    died in Y"), else of the clause it depends on ("the strikes on the country ..., killing six"); the most specific
    one where a clause names several. None where no clause up to the sentence's root names a place."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = span.root.sent
    local = [p for p in places if sent.start_char <= p.span[0] < sent.end_char and p.lat is not None]
    if not local:
        return None
    clause_of: dict[int, list[Place]] = {}
    for p in local:
        ps = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
        if ps is not None and len(ps):
            clause_of.setdefault(_clause(ps.root).i, []).append(p)
    verb: Token | None = _clause(span.root)
    while verb is not None:
        if verb.i in clause_of:
            return max(clause_of[verb.i], key=lambda p: _RANK.get(p.feature, 4))
        verb = _clause(verb.head) if verb.head.i != verb.i else None
    return None


_RANK = {"region": 0, "water": 0, "country": 1, "admin1": 2, "admin2": 3}  # a settlement or site: 4


def _clause(tok: Token) -> Token:
    """The verb heading the clause ``tok`` stands in (the sentence root where no verb is above it); a non-finite
    complement belongs to the clause of its verb ("two were reported killed in X")."""
    while tok.head.i != tok.i and (tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("xcomp", "oprd")):
        tok = tok.head
    return tok


_NOWHERE = ""  # a figure told with no place at all


def _region_of(p: Place | None) -> str | None:
    """The region a figure is stated with; None for a country (the whole wave), ``_NOWHERE`` for no place."""
    if p is None:
        return _NOWHERE
    if p.feature in ("country", "region"):
        return None
    return p.admin1
