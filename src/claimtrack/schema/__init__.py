"""JSON Schemas of claimtrack's JSON outputs, generated from ``claimtrack.models``.

- ``claimtrack.schema.json``: one line of ``claimtrack extract --format jsonl`` (``DocumentResult``);
- ``ledger-event.schema.json``: one line of ``claimtrack events --format jsonl`` / ``export --format jsonl``
  (``LedgerEvent``).

The committed files are the contract; ``python -m claimtrack.schema`` regenerates them and a test checks
that they agree, so the models cannot drift from the published schemas unnoticed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimtrack.models import DocumentResult, LedgerEvent

SCHEMA_PATH = Path(__file__).with_name("claimtrack.schema.json")
SCHEMA_ID = "https://claimtrack.invalid/schema/document-result/v1.json"
LEDGER_SCHEMA_PATH = Path(__file__).with_name("ledger-event.schema.json")
LEDGER_SCHEMA_ID = "https://claimtrack.invalid/schema/ledger-event/v1.json"


def generate() -> dict[str, Any]:
    schema = DocumentResult.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def generate_ledger() -> dict[str, Any]:
    schema = LedgerEvent.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": LEDGER_SCHEMA_ID, **schema}


def load() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def load_ledger() -> dict[str, Any]:
    return json.loads(LEDGER_SCHEMA_PATH.read_text(encoding="utf-8"))


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
    LEDGER_SCHEMA_PATH.write_text(json.dumps(generate_ledger(), indent=2) + "\n", encoding="utf-8")
    CHANGES_PATH.write_text(json.dumps(generate_changes(), indent=2) + "\n", encoding="utf-8")
