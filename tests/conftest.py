"""Shared fixtures: the real pipeline loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from claimtrack.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
BENCH = SHARED / "bench"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


def need_shared(path: Path) -> None:
    """Skip a test that reads ../shared when a fresh clone has none beside it."""
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared is not beside this clone")


CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite ledger holding the hand-annotated test corpus (linking measured apart from the extractors)."""
    from claimtrack.link.evaluate import load_gold
    from claimtrack.store import Ledger

    results, _ = load_gold(CORPUS)
    path = str(tmp_path_factory.mktemp("corpus") / "ledger.db")
    ledger = Ledger(path)
    for r in results:
        ledger.add(r)
    return path


def as_dicts(events: object) -> list[dict]:  # type: ignore[type-arg]
    """Ledger events as their JSON form (what ``--format jsonl`` prints), for tests that read fields by name."""
    return [e.model_dump(mode="json") for e in events]  # type: ignore[attr-defined]
