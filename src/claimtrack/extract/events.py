"""Typed, dated, counted events (issue 4 deepens this)."""

from __future__ import annotations

from spacy.tokens import Doc

from claimtrack.models import Event


def find_events(doc: Doc) -> list[Event]:
    """Events of ``doc`` ordered by salience; reads ``doc._.claims`` and ``doc._.places``."""
    return []
