"""Feeds -> entries -> ``Article``s: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed through json.

Every format ends in the same ``FeedEntry``, so the article mapping (publisher through the outlet table,
publication day, text) is written once. A feed that is not well-formed is refused as a whole: entries a loose
parser salvages from broken XML may be cut short, and a half-read entry is worse than a retried poll.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from xml.sax import SAXParseException

import lxml.html

from claimtrack.ingest.errors import IngestError
from claimtrack.ingest.meta import outlet_name, publisher_from_url, relay_in_lead
from claimtrack.models import Article

FEED_SUFFIXES = {".rss", ".atom", ".rdf"}
JSON_FEED_VERSION = "https://jsonfeed.org/version/"
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


@dataclass(frozen=True)
class FeedEntry:
    """One feed item, whatever the format; ``key`` is its stable identity (id, else link, else content)."""

    key: str
    link: str | None
    title: str | None
    published: str | None  # YYYY-MM-DD, the day in the time zone the feed states
    text: str
    publisher: str | None


@dataclass(frozen=True)
class Feed:
    title: str | None
    kind: str  # feedparser's version ("rss20", "atom10", ...) or "json1"
    entries: list[FeedEntry]


def looks_like_feed(text: str) -> bool:
    """Whether a document's head is a feed: an <rss>, <feed> or RDF root, or a JSON Feed object."""
    head = text.lstrip()[:600].lower()
    if head.startswith("{"):
        return JSON_FEED_VERSION in head
    return head.startswith("<") and any(tag in head for tag in ("<rss", "<feed", "<rdf:rdf"))


def html_text(fragment: str) -> str:
    """Text of an HTML fragment with a line per block. Feed content is a clean fragment, which trafilatura's
    boilerplate removal would discard as too short, so lxml reads it directly."""
    if "<" not in fragment:
        return "\n".join(" ".join(line.split()) for line in fragment.splitlines() if line.strip())
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises ParserError on fragments with nothing in them
        return ""
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def day_of(stamp: str | None, parsed: time.struct_time | None = None) -> str | None:
    """The publication day as the feed dates it: RFC 822 or ISO 8601 with its own offset, so a late-evening
    item in UTC-5 keeps its local day; feedparser's UTC struct is the fallback for other spellings."""
    if stamp:
        for parse in (parsedate_to_datetime, datetime.fromisoformat):
            try:
                return parse(stamp.strip()).date().isoformat()
            except (TypeError, ValueError, IndexError):
                continue
    if parsed is not None:
        return time.strftime("%Y-%m-%d", parsed)
    return None


def _key(ident: Any, link: str | None, title: str | None, text: str) -> str:
    if ident:
        return str(ident)
    if link:
        return link
    return "sha256:" + hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()


def _content(entry: Any) -> str:
    for c in entry.get("content") or []:
        if c.get("value"):
            return str(c["value"])
    return str(entry.get("summary") or "")


def _from_feedparser(raw: bytes, where: str) -> Feed | IngestError:
    import feedparser  # only when a feed is read: every CLI start imports this module through the readers

    parsed = feedparser.parse(raw)
    exc = parsed.get("bozo_exception")
    if isinstance(exc, SAXParseException):
        at = f"line {exc.getLineNumber()}, column {exc.getColumnNumber()}"
        return IngestError(where, f"malformed feed XML at {at}: {exc.getMessage()}")
    if not parsed.get("version"):
        return IngestError(where, "not an RSS, Atom or JSON feed")
    title = parsed.feed.get("title") or None
    entries = []
    for e in parsed.entries:
        link = e.get("link") or None
        text = html_text(_content(e))
        entries.append(
            FeedEntry(
                key=_key(e.get("id"), link, e.get("title"), text),
                link=link,
                title=e.get("title") or None,
                published=day_of(
                    e.get("published") or e.get("updated"), e.get("published_parsed") or e.get("updated_parsed")
                ),
                text=text,
                publisher=title,
            )
        )
    return Feed(title=title, kind=parsed.version, entries=entries)


def _from_json_feed(raw: bytes, where: str) -> Feed | IngestError:
    try:
        doc = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return IngestError(where, f"malformed JSON feed ({exc})")
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(JSON_FEED_VERSION):
        return IngestError(where, "not a JSON Feed (no jsonfeed.org version)")
    items = doc.get("items")
    if not isinstance(items, list):
        return IngestError(where, "JSON Feed has no 'items' list")
    title = doc.get("title") or None
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url") or None
        text = html_text(str(item.get("content_html") or "")) or html_text(str(item.get("content_text") or ""))
        text = text or html_text(str(item.get("summary") or ""))
        entries.append(
            FeedEntry(
                key=_key(item.get("id"), link, item.get("title"), text),
                link=link,
                title=item.get("title") or None,
                published=day_of(item.get("date_published") or item.get("date_modified")),
                text=text,
                publisher=title,
            )
        )
    return Feed(title=title, kind="json1", entries=entries)


def parse_feed(raw: bytes, where: str) -> Feed | IngestError:
    """A feed from its bytes: JSON Feed when it is a JSON object, else whatever feedparser recognises."""
    if raw.lstrip()[:1] == b"{":
        return _from_json_feed(raw, where)
    return _from_feedparser(raw, where)


def entry_article(entry: FeedEntry, where: str, text: str | None = None) -> Article | IngestError:
    """The article of one entry; ``text`` replaces the entry's own (the linked page's main text)."""
    body = (text if text is not None else entry.text).strip()
    at = f"{where}#{entry.key}"
    if len(body.split()) < 5:
        return IngestError(at, "feed entry holds no article text (use --fetch to read the linked page)")
    lead_pub, via = relay_in_lead(body[:600])
    return Article(
        id=entry.key,
        source_path=at,
        url=entry.link,
        publisher=(outlet_name(entry.publisher) if entry.publisher else None)
        or publisher_from_url(entry.link)
        or lead_pub,
        published=entry.published,
        title=entry.title,
        via=via,
        text=body,
    )


def articles_from_feed(raw: bytes, where: str) -> list[Article | IngestError]:
    """Every entry of a feed file as an article (the plain-reader path: no fetching, no seen-entry memory)."""
    feed = parse_feed(raw, where)
    if isinstance(feed, IngestError):
        return [feed]
    if not feed.entries:
        return [IngestError(where, "feed has no entries")]
    return [entry_article(e, where) for e in feed.entries]
