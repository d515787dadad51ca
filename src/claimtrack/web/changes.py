"""``GET /api/changes``: the ledger's change log (``claimtrack changes``) for the desk and other clients."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Query

from claimtrack.store import Ledger
from claimtrack.store.changes import read


def changes_router(ledger: Ledger) -> APIRouter:
    router = APIRouter()

    @router.get("/api/changes")
    def changes(
        since: str = Query(..., description="ISO 8601 date or time; UTC unless it carries an offset"),
        limit: int = Query(1000, ge=1, le=10000, description="most changes returned, oldest first"),
    ) -> list[dict[str, Any]]:
        try:
            when = datetime.fromisoformat(since)
        except ValueError:
            raise HTTPException(status_code=422, detail=f"since: not an ISO 8601 date or time: {since!r}") from None
        when = when if when.tzinfo else when.replace(tzinfo=UTC)
        with ledger.session() as s:
            return [c.model_dump(mode="json") for c in read(s, since=when, limit=limit)]

    return router
