"""Exports of the ledger in formats analysts' tools read."""

from claimtrack.export.writers import BINARY, FORMATS, export

__all__ = ["BINARY", "FORMATS", "export"]
