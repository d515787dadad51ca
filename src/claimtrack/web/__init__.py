"""A web view over the same ledger: a map and a timeline of events (datasette-style: one file, one server)."""

from claimtrack.web.app import create_app

__all__ = ["create_app"]
