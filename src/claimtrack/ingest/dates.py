"""The ``published`` value of a record in the forms feeds and scrapers write it: ISO 8601 or RFC 822."""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime

FORMATS_HINT = "ISO 8601 (2025-03-10, 2025-03-10T08:15:00Z) or RFC 822 (Mon, 10 Mar 2025 08:15:00 GMT)"


def parse_published(value: object) -> str | None:
    """``YYYY-MM-DD`` of a publication date; None when it is in none of the accepted forms.

    The day is the one the publisher wrote (its local time), not converted to UTC: relative dates in the
    text ("yesterday") count from the writer's day.
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    try:  # ISO 8601: a date, or a datetime with "T" or a space, with or without an offset or "Z"
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:  # RFC 822 / RFC 2822, as RSS writes it (the stdlib email parser: the reference implementation)
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
