"""The ledger: articles, claims, events, places and sources in SQLite (default) or PostgreSQL."""

from claimtrack.store.db import DEFAULT_DB, open_engine
from claimtrack.store.ledger import Ledger

__all__ = ["DEFAULT_DB", "Ledger", "open_engine"]
