"""Distributed extraction on an existing Dask cluster, for corpora one machine cannot keep up with.

The NLP is the expensive part, so chunks of articles go to the workers (each loads the model once and keeps
it) and the results come back to the caller in input order; writing to the ledger stays on the caller, where
one transaction per article keeps ingest idempotent. Needs the ``distributed`` extra: ``pip install
claimtrack[distributed]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from claimtrack.ingest.errors import IngestError
from claimtrack.models import Article, DocumentResult


def _run_chunk(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Runs on a worker: plain dicts cross the wire, the cached pipeline stays in the worker process.
    from claimtrack.nlp import analyse

    return [
        {"error": [r.where, r.problem]} if isinstance(r, IngestError) else r.model_dump(mode="json")
        for r in analyse(Article(**a) for a in articles)
    ]


def _result(doc: dict[str, Any]) -> DocumentResult | IngestError:
    return IngestError(*doc["error"]) if "error" in doc else DocumentResult(**doc)


def process_on_cluster(
    articles: Iterable[Article], scheduler: str, chunk: int = 16, in_flight: int = 64
) -> Iterator[DocumentResult | IngestError]:
    """Extract ``articles`` on the Dask cluster at ``scheduler`` (e.g. tcp://10.0.0.5:8786); order is kept.

    At most ``in_flight`` chunks are submitted at a time so a large corpus never sits in memory at once.
    A document the workers cannot analyse comes back as its ``IngestError``, in its place.
    """
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("the Dask scheduler needs `pip install claimtrack[distributed]`") from exc

    it = iter(articles)
    chunks = iter(lambda: [a.model_dump() for a in islice(it, chunk)], [])
    with Client(scheduler) as client:
        pending = []
        for batch in chunks:
            pending.append(client.submit(_run_chunk, batch, pure=False))
            if len(pending) >= in_flight:
                for doc in pending.pop(0).result():
                    yield _result(doc)
        for fut in pending:
            for doc in fut.result():
                yield _result(doc)
