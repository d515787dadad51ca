"""Exports of the ledger in formats analysts' tools read."""

from claimtrack.export.writers import FORMATS, export

__all__ = ["FORMATS", "export"]
