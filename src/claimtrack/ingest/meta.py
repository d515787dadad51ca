"""Article metadata that lives in the text or URL: publisher, relayed outlets ("via"), dates."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from claimtrack.extract.entities import canonical_entity
from claimtrack.kb import load as load_kb

_NAME = r"[A-Z][\w.&'-]*(?:\s+(?:of\s+)?[A-Z][\w.&'-]*){0,3}"
_OUTLET = r"[A-Za-z][\w.&'-]*(?:\s+[A-Za-z][\w.&'-]*){0,3}?"
_REPORTS_CITING = re.compile(
    rf"(?P<pub>{_NAME})\s+(?:reports|reported|writes|wrote)\s*,?\s+(?:citing|quoting)\s+(?P<via>{_OUTLET})\s*(?=[.,;:]|$)"
)
_REPORTS = re.compile(rf"(?:^|[,;]\s+)(?P<pub>{_NAME})\s+(?:reports|reported)\s*[.,]")


def outlet_name(text: str) -> str:
    """Canonical outlet name; unknown outlets keep their own spelling, capitalised."""
    text = text.strip().strip(".,;:")
    entity, kind = canonical_entity(text)
    if entity and kind == "outlet":
        return entity
    if "." in text:  # a site name such as "News.Az": keep the domain's case
        known = load_kb().outlet_for_host(text)
        return known.name if known else text
    return " ".join(w if w.isupper() else w[0].upper() + w[1:] for w in text.split())


def publisher_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlparse(url).hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    known = load_kb().outlet_for_host(host)
    return known.name if known else host


def relay_in_lead(lead: str) -> tuple[str | None, list[str]]:
    """Publisher and relayed outlets stated in the lead: "News.az reports citing Fox news" -> (News.az, [Fox News])."""
    m = _REPORTS_CITING.search(lead)
    if m:
        return outlet_name(m.group("pub")), [outlet_name(m.group("via"))]
    m = _REPORTS.search(lead)
    if m:
        return outlet_name(m.group("pub")), []
    return None, []
