"""Attributed claims: source, cue, content, stance and relay chain (issue 3 deepens this)."""

from __future__ import annotations

from spacy.tokens import Doc

from claimtrack.models import Claim


def find_claims(doc: Doc) -> list[Claim]:
    """Every attribution in ``doc``; ``doc._.article`` gives the article-level ``via``."""
    return []
