"""The JSON Schema of ``claimtrack extract --format jsonl`` output, generated from ``claimtrack.models``.

The committed file is the contract; ``python -m claimtrack.schema`` regenerates it and a test checks
that the two agree, so the models cannot drift from the published schema unnoticed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimtrack.models import DocumentResult

SCHEMA_PATH = Path(__file__).with_name("claimtrack.schema.json")
SCHEMA_ID = "https://claimtrack.invalid/schema/document-result/v1.json"


def generate() -> dict[str, Any]:
    schema = DocumentResult.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def load() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


CHANGES_PATH = Path(__file__).with_name("changes.schema.json")
CHANGES_ID = "https://claimtrack.invalid/schema/ledger-change/v1.json"


def generate_changes() -> dict[str, Any]:
    """One line of ``claimtrack changes --format jsonl`` and one item of ``GET /api/changes``."""
    from claimtrack.store.changes import LedgerChange

    schema = LedgerChange.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": CHANGES_ID, **schema}


def load_changes() -> dict[str, Any]:
    return json.loads(CHANGES_PATH.read_text(encoding="utf-8"))


def write() -> None:
    SCHEMA_PATH.write_text(json.dumps(generate(), indent=2) + "\n", encoding="utf-8")
    CHANGES_PATH.write_text(json.dumps(generate_changes(), indent=2) + "\n", encoding="utf-8")
