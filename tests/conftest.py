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
