"""JSON Lines records ``{"id", "text", "url"?, "published"?, "publisher"?, "title"?}``.

A record's text is used exactly as given so that span offsets refer to it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from pydantic import ValidationError

from claimtrack.ingest.errors import IngestError
from claimtrack.ingest.meta import outlet_name, publisher_from_url, relay_in_lead, split_publisher, wires_in_text
from claimtrack.models import Article


def articles_from_jsonl(text: str, where: str) -> Iterator[Article | IngestError]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        at = f"{where}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(at, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(rec, dict):
            yield IngestError(at, "record is not a JSON object")
            continue
        body = rec.get("text")
        if not isinstance(body, str) or not body.strip():
            yield IngestError(at, "record has no 'text'")
            continue
        if rec.get("id") is None:
            yield IngestError(at, "record has no 'id'")
            continue
        lead_pub, via = relay_in_lead(body[:600])
        publisher, credited = split_publisher(rec["publisher"]) if rec.get("publisher") else (None, [])
        # the wire behind a republished story is its original reporter: one source however many outlets run it
        via = list(dict.fromkeys([*via, *credited, *wires_in_text(body)]))
        try:
            yield Article(
                id=str(rec["id"]),
                source_path=at,
                url=rec.get("url"),
                publisher=(outlet_name(publisher) if publisher else None)
                or publisher_from_url(rec.get("url"))
                or lead_pub,
                published=(str(rec["published"])[:10] if rec.get("published") else None),
                title=rec.get("title"),
                via=list(rec.get("via") or via),
                text=body,
            )
        except ValidationError as exc:
            yield IngestError(at, f"invalid record: {exc.errors()[0]['msg']}")
