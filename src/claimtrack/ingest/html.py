"""HTML pages through trafilatura: main text and metadata, boilerplate dropped."""

from __future__ import annotations

import trafilatura

from claimtrack.ingest.dates import parse_published
from claimtrack.ingest.errors import IngestError
from claimtrack.ingest.meta import outlet_name, publisher_from_url, relay_in_lead
from claimtrack.models import Article


def article_from_html(html: str, where: str, url: str | None = None) -> Article | IngestError:
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        return IngestError(where, f"unparseable HTML ({type(exc).__name__})")
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text.split()) < 5:
        return IngestError(where, "HTML page holds no article text")
    title = getattr(doc, "title", None)
    # trafilatura keeps the <h1> as the first line; the title is metadata, not body
    first, _, rest = text.partition("\n")
    if title and first.strip() == title.strip() and rest.strip():
        text = rest.strip()
    lead_pub, via = relay_in_lead(text[:600])
    site = getattr(doc, "sitename", None)
    return Article(
        id=where,
        source_path=where,
        url=url or getattr(doc, "url", None),
        publisher=(outlet_name(site) if site else None)
        or publisher_from_url(url or getattr(doc, "url", None))
        or lead_pub,
        published=parse_published(getattr(doc, "date", None)),
        title=title,
        via=via,
        text=text,
    )
