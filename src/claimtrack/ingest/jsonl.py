"""JSON Lines records ``{"id", "text", "url"?, "published"?, "publisher"?, "title"?, "via"?}``.

Every field is type-checked (a pydantic model in strict mode) so a record with ``"publisher": 1`` is one
named error, not a crash of the batch. A record's text is used as given, so that span offsets refer to it,
up to the one-for-one replacement of code points no store can hold (``normalise.clean_text``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, StrictInt, StrictStr, ValidationError, field_validator

from claimtrack.ingest.errors import IngestError
from claimtrack.ingest.meta import (
    outlet_name,
    published_day,
    publisher_from_url,
    relay_in_lead,
    split_publisher,
    wires_in_text,
)
from claimtrack.ingest.normalise import clean_text
from claimtrack.models import Article

_JSON_TYPE = {bool: "a boolean", int: "a number", float: "a number", str: "a string", dict: "an object"}


class Record(BaseModel):
    """One JSONL line as we accept it; unknown keys are ignored, known ones must have their type."""

    model_config = ConfigDict(extra="ignore", strict=True)

    id: StrictStr | StrictInt
    text: StrictStr
    url: StrictStr | None = None
    publisher: StrictStr | None = None
    published: StrictStr | None = None
    title: StrictStr | None = None
    via: list[StrictStr] | StrictStr | None = None

    @field_validator("via")
    @classmethod
    def _one_outlet_is_a_list(cls, v: list[str] | str | None) -> list[str] | None:
        return [v] if isinstance(v, str) else v


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return "an array"
    return _JSON_TYPE.get(type(value), type(value).__name__)


def _problem(exc: ValidationError, rec: dict[str, Any]) -> str:
    err = exc.errors()[0]
    field = str(err["loc"][0]) if err["loc"] else "record"
    if err["type"] == "missing":
        return f"record has no {field!r}"
    expected = {"id": "a string or an integer", "via": "a string or a list of strings"}.get(field, "a string")
    got = _json_type(rec.get(field))
    if field == "via" and isinstance(rec.get(field), list):
        got = "a list holding " + next(_json_type(x) for x in rec[field] if not isinstance(x, str))
    return f"field {field!r} must be {expected}, not {got}"


def _clean(value: str | None) -> str | None:
    return clean_text(value).strip() or None if value is not None else None


def article_from_record(rec: dict[str, Any], at: str) -> Article | IngestError:
    try:
        r = Record.model_validate(rec)
    except ValidationError as exc:
        return IngestError(at, _problem(exc, rec))
    body = clean_text(r.text)
    if not body.strip():
        return IngestError(at, "record has no 'text'")
    try:
        stated = _clean(r.published)
        published = published_day(stated) if stated else None
    except ValueError as exc:
        return IngestError(at, f"field 'published': {exc}")
    url, publisher = _clean(r.url), _clean(r.publisher)
    lead_pub, via = relay_in_lead(body[:600])
    publisher, credited = split_publisher(publisher) if publisher else (None, [])
    # the wire behind a republished story is its original reporter: one source however many outlets run it
    via = list(dict.fromkeys([*via, *credited, *wires_in_text(body)]))
    stated_via = [v for v in (_clean(x) for x in r.via or []) if v]
    try:
        return Article(
            id=clean_text(str(r.id)),
            source_path=at,
            url=url,
            publisher=(outlet_name(publisher) if publisher else None) or publisher_from_url(url) or lead_pub,
            published=published,
            title=_clean(r.title),
            via=stated_via or via,
            text=body,
        )
    except ValidationError as exc:
        return IngestError(at, f"invalid record: {exc.errors()[0]['msg']}")


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
        except RecursionError:
            yield IngestError(at, "malformed JSON (nested too deeply)")
            continue
        if not isinstance(rec, dict):
            yield IngestError(at, "record is not a JSON object")
            continue
        yield article_from_record(rec, at)
