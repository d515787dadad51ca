"""Date expressions normalised against the article's publication date (issue 4 deepens this)."""

from __future__ import annotations

from datetime import date

from claimtrack.models import EventDate


def resolve_date(text: str, published: date | None) -> EventDate | None:
    """Normalise a date expression ("on Tuesday", "last year") relative to ``published``."""
    return None
