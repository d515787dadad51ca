"""Plain-text articles, including scraped pages with header lines, widget noise and section headings."""

from __future__ import annotations

import re

from claimtrack.ingest.meta import outlet_name, published_day, relay_in_lead, wires_in_text
from claimtrack.models import Article

# "News.Az date 2025-01-05 Title..." or " date 2024-11-19 + ↺ − 16 px"
_HEADER = re.compile(r"^\s*(?P<site>\S.*?)?\s*\bdate\s*:?\s+(?P<date>\d{4}-\d{2}-\d{2})\b\s*(?P<rest>.*)$", re.I)
_DATE_LINE = re.compile(r"^\s*(?:published|date|posted|updated)\s*:?\s*(?P<date>\d{4}-\d{2}-\d{2})\b", re.I)
_WIDGET = re.compile(r"(?:(?<=\s)|^)[+↺−–-](?=\s|$)|\b\d+\s*px\b", re.I)
_SENTENCE_END = re.compile(r"[.!?\"'”’:)\]]\s*$")
# A sentence glued to the next by the scraper ("small fire.Ukraine did", 'September."If'); not "U.S."
# nor a domain like "News.Az".
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(\"*)(?=[A-Z][a-z])(?!(?:Az|Com|Net|Org|Ru|Ua|Uk|In)\b)")


def _unglue(line: str) -> str:
    seen = [0, 0]  # position counted up to, quotes before it: one pass over the line, not one per match

    def fix(m: re.Match[str]) -> str:
        quotes = m.group(1)
        if not quotes:
            return " "
        seen[1] += line.count('"', seen[0], m.start())
        seen[0] = m.start()
        # an odd count of quotes before means the first one closes the sentence's quote
        closes = seen[1] % 2 == 1
        if len(quotes) == 2 or closes:
            return quotes[0] + " " + quotes[1:]
        return " " + quotes

    return _GLUED.sub(fix, line)


def _is_noise(line: str) -> bool:
    return not _WIDGET.sub("", line).strip(" |·•")


def _is_footer(line: str) -> bool:
    """A closing site name or byline ("News.Az"): a few words without punctuation."""
    return len(line.split()) <= 3 and not _SENTENCE_END.search(line)


def _is_heading(line: str, next_line: str | None) -> bool:
    """Section headings: short, no sentence punctuation, followed by more text."""
    words = line.split()
    return next_line is not None and 0 < len(words) <= 14 and not _SENTENCE_END.search(line)


def clean_body(lines: list[str]) -> str:
    nexts: list[str | None] = [None] * len(lines)  # the next non-blank line, found backwards in one pass
    for i in range(len(lines) - 2, -1, -1):
        nexts[i] = lines[i + 1] if lines[i + 1].strip() else nexts[i + 1]
    kept = []
    for i, line in enumerate(lines):
        nxt = nexts[i]
        if _is_noise(line) or _is_heading(line, nxt):
            continue
        line = _unglue(line)
        kept.append(re.sub(r"[ \t]+", " ", line).strip())
    return "\n".join(kept)


def article_from_text(raw: str, where: str) -> Article:
    lines = [ln for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n") if ln.strip()]
    publisher = published = title = None
    if lines:
        head = lines[0][:400]  # a header line is short; a 10 MB first line must not feed the lazy regex
        m = _HEADER.match(head) or _DATE_LINE.match(head)
        if m:
            try:  # a header "date 2024-13-45" is no date: the article stays undated
                published = published_day(m.group("date"))
            except ValueError:
                published = None
            groups = m.groupdict()
            if groups.get("site") and not _is_noise(groups["site"]):
                publisher = outlet_name(groups["site"])
            rest = _WIDGET.sub("", groups.get("rest") or "").strip()
            if len(rest.split()) >= 3:
                title = rest
            lines = lines[1:]
        elif len(lines) > 1 and _is_heading(lines[0], lines[1]) and len(lines[0].split()) >= 3:
            title = lines[0].strip()
            lines = lines[1:]
    footer = None
    if len(lines) > 1 and _is_footer(lines[-1]):
        footer = lines.pop().strip()
    text = clean_body(lines)
    lead_pub, via = relay_in_lead(text[:600])
    via = list(dict.fromkeys([*via, *wires_in_text(text)]))  # the wire behind a republished story
    return Article(
        id=where,
        source_path=where,
        publisher=publisher or lead_pub or (outlet_name(footer) if footer and "." in footer else None),
        published=published,
        title=title,
        via=via,
        text=text,
    )
