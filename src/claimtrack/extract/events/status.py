"""An event's status (claimed, confirmed, denied, disputed) from the stances of the claims that cover it."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimtrack.extract.doc_cache import doc_text
from claimtrack.extract.events.common import Draft, token_at
from claimtrack.extract.events.sides import side
from claimtrack.models import (
    Claim,
    Status,
)


def event_status(covering: list[Claim]) -> Status:
    stances = [c.stance for c in covering]
    # outlets that relay a party's claim confirm nothing; parties and other named sources do
    asserting = {
        side(c.source.entity or c.source.text) if c.source else None
        for c in covering
        if c.stance in ("asserts", "claims_responsibility", "accuses", "alleges")
        and c.source is not None
        and (c.source.kind != "outlet" or re.search(r"\bconfirm", c.cue.text, re.I))
        and not c.source.anonymous
    }
    if "denies" in stances:
        return "disputed" if asserting else "denied"
    if len({a for a in asserting if a}) >= 2:
        return "confirmed"
    return "claimed"


# "X rejected / denied / dismissed reports that <event>": the sentence itself denies the event it reports
_DENIED_REPORT = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:ed|s|ing)?|dismiss(?:ed|es|ing)?|refut(?:ed|es|ing)|rebuff(?:ed|s)?)"
    r"\b(?:\s+[\w'-]+){0,3}?\s+(?:reports?|claims?|allegations?|accounts?|rumou?rs?|suggestions?|assertions?|"
    r"speculation)\s+(?:that|of)\b",
    re.I,
)


def status_of(doc: Doc, d: Draft, covering: list[Claim]) -> Status:
    """Status from the claims; an event inside "rejected reports that ..." is denied even when the claims
    component read the reports as the (unnamed) source of an assertion rather than the denier's content."""
    status = event_status(covering)
    if status not in ("claimed", "confirmed"):
        return status
    for s, _ in d.triggers:
        tok = token_at(doc, s)
        if tok is None:
            continue
        sent = tok.sent
        m = _DENIED_REPORT.search(doc_text(doc), sent.start_char, s)
        if m is not None and not re.search(r"[;:]", doc_text(doc)[m.end() : s]):
            return "denied" if status == "claimed" else "disputed"
    return status
