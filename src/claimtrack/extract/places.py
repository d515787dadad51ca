"""Place mentions and their gazetteer resolution (issue 5 deepens this)."""

from __future__ import annotations

from spacy.tokens import Doc

from claimtrack.models import Location, Place


def find_places(doc: Doc) -> list[Place]:
    """Every place mention in ``doc`` with its resolution, in text order."""
    return []


def event_location(doc: Doc, trigger: tuple[int, int], places: list[Place]) -> Location | None:
    """Where the event whose trigger is at char span ``trigger`` happened, chosen among ``places``."""
    return None
