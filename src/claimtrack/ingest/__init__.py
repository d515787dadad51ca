"""Ingest: whatever users have (text, HTML, JSON Lines, folders, stdin) -> ``Article``s.

``read_inputs`` yields, in input order, an ``Article`` or an ``IngestError`` per document, so one bad
file never stops the batch; the caller reports the errors and sets the exit code.
"""

from claimtrack.ingest.errors import IngestError
from claimtrack.ingest.reader import content_hash, read_inputs

__all__ = ["IngestError", "content_hash", "read_inputs"]
