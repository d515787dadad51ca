"""Romanised Arabic names the gazetteer knows only one word of: "Zor al Hamra", "Tell al-Zor". An article
between capitalised words joins them into one name, so neither word alone is a place.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimtrack.extract.gazetteer import ARABIC_ARTICLES

# The Arabic articles that are no English word: "as", "at" and "an" go on an English sentence ("in X at noon").
_ARTICLES = ARABIC_ARTICLES - {"an", "as", "at", "ad"}


def _article_goes_on(doc: Doc, k: int) -> bool:
    """An Arabic article and a capitalised word follow at token k, with or without a hyphen ("al Hamra",
    "Al-Hamra", "Ar Zorba"): the romanised name goes on past the gazetteer's."""
    if k + 1 >= len(doc) or doc[k].lower_ not in _ARTICLES or doc[k].is_sent_start:
        return False
    if doc[k + 1].text == "-" and not doc[k].whitespace_:
        k += 1
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    return nxt is not None and nxt.is_alpha and nxt.text[:1].isupper() and not nxt.is_sent_start


def _after_article(doc: Doc, start: int) -> bool:
    """A capitalised word and an Arabic article come before token ``start`` ("Zor al Hamra", "Zor al-Hamra")."""
    k = start - 1
    if k >= 1 and doc[k].text == "-" and not doc[k - 1].whitespace_:
        k -= 1
    if k < 1 or doc[k].lower_ not in _ARTICLES:
        return False
    head = doc[k - 1]
    return head.is_alpha and head.text[:1].isupper() and not doc[k].is_sent_start
