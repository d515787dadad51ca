"""Article metadata that lives in the text or URL: publisher, relayed outlets ("via"), dates."""

from __future__ import annotations

import re
from datetime import date
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
    try:
        host = (urlparse(url).hostname or "").lower().removeprefix("www.")
    except ValueError:  # "http://[not-an-ipv6" and the like: no host to name
        return None
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


# "KYIV, Ukraine (Reuters) -": a dateline naming the wire that wrote the story
_DATELINE = re.compile(
    r"(?m)^\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,40})?\s*\((?P<w>[A-Za-z][\w .&/-]{0,30})\)\s*[-—–]"
)
# "(With inputs from Reuters)", "(Reporting by AFP; editing by ...)": a credit line
_CREDIT = re.compile(
    r"\((?:with\s+)?(?:inputs|input|reporting|additional reporting|information)\s+(?:from|by)\s+(?P<w>[^);]+)",
    re.I,
)
# "Newshub (Reuters)": a publisher name that carries its wire
_PUB_WIRE = re.compile(r"^(?P<pub>.+?)\s*\((?P<w>[^)]+)\)\s*$")


def _wires(names: str) -> list[str]:
    out = []
    for part in re.split(r"\s*(?:,|/|\band\b|&)\s*", names):
        entry = load_kb().lookup(part.strip())
        if entry is not None and entry.kind == "outlet" and entry.name not in out:
            out.append(entry.name)
    return out


def wires_in_text(text: str) -> list[str]:
    """Wire agencies a story names as its origin: a dateline ("CITY (AP) —") or a credit ("(With inputs from
    Reuters)"). Generic credits ("agencies") name no agency and add nothing."""
    out: list[str] = []
    for m in [*_DATELINE.finditer(text[:400]), *_CREDIT.finditer(text)]:
        out += [w for w in _wires(m.group("w")) if w not in out]
    return out


def split_publisher(name: str) -> tuple[str, list[str]]:
    """ "Newshub (Reuters)" -> ("Newshub", ["Reuters"]); a name without a wire in brackets stays whole."""
    m = _PUB_WIRE.match(name.strip())
    if m:
        wires = _wires(m.group("w"))
        if wires:
            return m.group("pub").strip(), wires
    return name, []


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
