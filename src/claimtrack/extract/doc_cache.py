"""What every stage reads of a ``Doc`` and spaCy rebuilds on each access, kept once per document.

``doc.text`` joins every token's text and ``doc.sents`` walks every token, each creating a Python ``Token`` per
position; read inside a loop over claims or events they cost more than the rest of a stage. The values live in
``doc.user_data``, so they go with the document and a new document (a cut ``as_doc()``) starts empty.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document."""
    cached = doc.user_data.get("claimtrack_text")
    if cached is None:
        cached = doc.user_data["claimtrack_text"] = doc.text
    return str(cached)


def doc_lower(doc: Doc) -> str:
    """``doc.text.lower()``, built once per document."""
    cached = doc.user_data.get("claimtrack_lower")
    if cached is None:
        cached = doc.user_data["claimtrack_lower"] = doc_text(doc).lower()
    return str(cached)


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, their bounds found once."""
    bounds = doc.user_data.get("claimtrack_sent_bounds")
    if bounds is None:
        bounds = doc.user_data["claimtrack_sent_bounds"] = [(s.start, s.end) for s in doc.sents]
    return [doc[a:b] for a, b in bounds]
