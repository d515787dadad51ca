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
        cached = doc.user_data["claimtrack_text"] = _article_text(doc) or doc.text
    return str(cached)


def _article_text(doc: Doc) -> str | None:
    """The article's own string when the doc was made from all of it (a doc cut to a budget is shorter): the
    same characters as ``doc.text`` without the join over every token."""
    article = doc._.article if doc.has_extension("article") else None
    text = getattr(article, "text", None)
    if not isinstance(text, str) or not len(doc):
        return None
    last = doc[-1]
    return text if len(text) == last.idx + len(last.text_with_ws) else None


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
