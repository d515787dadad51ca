"""Article metadata that lives in the text or URL: publisher, relayed outlets ("via"), dates."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlparse

from claimtrack.extract.entities import canonical_entity

# Domains whose outlet name is not just the domain; anything else keeps its host name.
_DOMAINS = {
    "news.az": "News.az",
    "foxnews.com": "Fox News",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "cnn.com": "CNN",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "ria.ru": "RIA Novosti",
    "interfax.ru": "Interfax",
    "lefigaro.fr": "Le Figaro",
    "ukrinform.net": "Ukrinform",
    "kyivindependent.com": "Kyiv Independent",
    "aljazeera.com": "Al Jazeera",
    "theguardian.com": "The Guardian",
    "nytimes.com": "The New York Times",
}

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
        return text[0].upper() + text[1:].lower() if text.lower() in _DOMAINS else text
    return " ".join(w if w.isupper() else w[0].upper() + w[1:] for w in text.split())


def publisher_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = (urlparse(url).hostname or "").lower().removeprefix("www.")
    except ValueError:  # "http://[not-an-ipv6" and the like: no host to name
        return None
    if not host:
        return None
    for domain, name in _DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return host


def relay_in_lead(lead: str) -> tuple[str | None, list[str]]:
    """Publisher and relayed outlets stated in the lead: "News.az reports citing Fox news" -> (News.az, [Fox News])."""
    m = _REPORTS_CITING.search(lead)
    if m:
        return outlet_name(m.group("pub")), [outlet_name(m.group("via"))]
    m = _REPORTS.search(lead)
    if m:
        return outlet_name(m.group("pub")), []
    return None, []


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


def published_day(value: str) -> str | None:
    """The publication day of a stated ``published`` value as YYYY-MM-DD.

    ISO 8601 (a day, or a date-time with any offset) and RFC 822 (as feeds write it) are read
    (``claimtrack.ingest.dates``); anything else raises ``ValueError``, as does a day that cannot exist
    ("2024-13-45"): cutting an unreadable value to ten characters ("Mon, 10 Ma") silently turned off
    relative dating.
    """
    from claimtrack.ingest.dates import FORMATS_HINT, parse_published

    value = value.strip()
    m = _ISO_DAY.match(value)
    if not m:
        day = parse_published(value)
        if day is None:
            raise ValueError(f"unreadable date {value[:40]!r}; write {FORMATS_HINT}")
        return day
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        raise ValueError(f"impossible date {value[:10]!r}") from None
