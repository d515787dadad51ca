"""Place mentions and their gazetteer resolution (issue 5 deepens this)."""

from __future__ import annotations

from spacy.tokens import Doc

from claimtrack.models import Place


def find_places(doc: Doc) -> list[Place]:
    """Every place mention in ``doc`` with its resolution, in text order."""
    return []
