"""The committed JSON Schema is the one the models generate, and results validate against it."""

from __future__ import annotations

import jsonschema

from claimtrack.models import Article
from claimtrack.nlp import process
from claimtrack.schema import generate, load


def test_committed_schema_matches_models() -> None:
    assert load() == generate(), "run `make schema` and commit src/claimtrack/schema/claimtrack.schema.json"


def test_results_validate_and_bad_documents_do_not(nlp) -> None:
    art = Article(
        id="t1", text="Russia launched 20 drones at Kyiv on Monday, Ukraine's air force said.", published="2025-01-07"
    )
    (res,) = process([art])
    doc = res.model_dump(mode="json")
    validator = jsonschema.Draft202012Validator(load())
    validator.validate(doc)
    broken = {**doc, "claims": [{"id": "c1"}]}
    assert not validator.is_valid(broken)
