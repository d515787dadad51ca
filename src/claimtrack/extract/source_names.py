"""How a source span reads as a name: a person's name run, an organisation's kind, a generic voice's label.

String and span helpers of ``sources.SourceResolver`` (which resolves spans to entities across an article) and of
``claims.py``; they read one span and remember nothing.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from claimtrack.extract.claims_lexicon import (
    GENDERED,
    GOVERNMENT_WORDS,
    MILITARY_WORDS,
    OUTLET_WORDS,
    TITLES,
)
from claimtrack.extract.entities import canonical_entity, country_of
from claimtrack.models import SourceKind

_DETERMINERS = ("the ", "a ", "an ")

_INDEFINITE = frozenset({"a", "an", "some", "several", "two", "three", "many", "one", "another", "other", "few"})


def _strip_possessor(span: Span) -> str:
    """ "the city's police" -> "police": the body without a possessor that names no state."""
    toks = list(span)
    for i, t in enumerate(toks):
        if t.tag_ == "POS":
            return _join(toks[i + 1 :])
    return span.text


def _state_of(entity: str) -> str | None:
    m = re.match(r".*\bof (?:the )?(.+)$", entity)
    return country_of(m.group(1)) if m and country_of(m.group(1)) else country_of(entity)


def strip_det(text: str) -> str:
    low = text.lower()
    for d in _DETERMINERS:
        if low.startswith(d):
            return text[len(d) :]
    return text


def _join(tokens: Span | list) -> str:
    """Tokens as written: "al-Zarqan" stays one word, "Ana Ruiz" keeps its space."""
    return "".join(t.text_with_ws for t in tokens).strip()


def _name_run(toks: list, i: int) -> str | None:
    run = []
    while i < len(toks) and toks[i].lower_ not in TITLES:
        if _NAME_WORD.match(toks[i].text):
            run.append(toks[i])
        elif toks[i].text == "-" and run and not run[-1].whitespace_ and not toks[i].whitespace_:
            run.append(toks[i])  # "al-Zarqan" split by the tokenizer stays one name word
        else:
            break
        i += 1
    while run and run[-1].text == "-":
        run.pop()
    words = [t for t in run if t.text != "-"]
    return _join(run) if 2 <= len(words) <= 4 else None


def _person_name(ent: Span) -> str:
    """A PERSON entity without titles, with name words the tagger left out ("Minister Rustem [Umerov]")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and not doc[start - 1].ent_type_
        and doc[start - 1].lower_ not in TITLES
        and doc[start - 1].text[:1].isupper()
    ):
        start -= 1
    while (
        end < len(doc)
        and end - start < 5
        and doc[end].pos_ == "PROPN"
        and doc[end].ent_type_ in ("", "PERSON")
        and doc[end].lower_ not in TITLES
        and _NAME_WORD.match(doc[end].text)
    ):
        end += 1
    words = [t for t in doc[start:end] if t.lower_ not in TITLES]
    while len(words) > 2 and words[0].lower_ in GENDERED:  # "Father X Y", "Mr. X Y": an honorific
        words = words[1:]
    return _POSSESSIVE.sub("", _join(words)).strip() or ent.text


def org_kind(text: str) -> SourceKind:
    low = text.lower()
    if any(w in low.split() for w in OUTLET_WORDS):
        return "outlet"
    if any(w in low for w in MILITARY_WORDS):
        return "military"
    if any(w in low for w in GOVERNMENT_WORDS):
        return "government"
    return "organization"


def _is_indefinite(span: Span) -> bool:
    first = span[0].lower_
    return first in _INDEFINITE or (span.root.tag_ in ("NNS", "NNPS") and first != "the") or first == span.root.lower_


def _generic_label(span: Span) -> str:
    """A generic voice by its own words: "Local residents" -> local residents, "security sources in the city"
    -> security sources; numbers and determiners dropped."""
    root = span.root
    mods = [c for c in root.lefts if c.dep_ in ("amod", "compound", "nmod") and c.i >= span.start]
    words = [t.lower_ for t in sorted([*mods, root], key=lambda t: t.i)]
    return " ".join(words)


def _affiliation(span: Span, ents: list[Span]) -> str | None:
    """Who an anonymous source works for: the country or body named inside the span."""
    for t in span:
        if t.ent_type_ in ("GPE", "NORP") or t.pos_ == "PROPN":
            country = country_of(t.text)
            if country:
                return country
    for e in ents:
        entity, _ = canonical_entity(e.text)
        if entity:
            return entity
    return None


_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")

_NAME_WORD = re.compile(r"^[A-Z][a-zà-ÿ'’-]+$|^[A-Z]\.$|^(?:al|el|bin|van|von|de|da|ul)-?$")
