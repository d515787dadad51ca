"""FastAPI app: JSON API over ``Ledger.events`` plus a static page that draws the map and the timeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from claimtrack.store import Ledger
from claimtrack.web.changes import changes_router

STATIC = Path(__file__).with_name("static")


def create_app(db: str | None = None) -> FastAPI:
    ledger = Ledger(db)
    app = FastAPI(title="claimtrack", description="Source-attributed event ledger", version="1")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/api/events")
    def events(
        since: str | None = Query(None, description="earliest date, YYYY-MM-DD"),
        until: str | None = Query(None, description="latest date, YYYY-MM-DD"),
        type: str | None = Query(None, description="event type"),
        country: str | None = Query(None, description="ISO 3166-1 alpha-2"),
    ) -> list[dict[str, Any]]:
        return [
            ev.model_dump(mode="json") for ev in ledger.events(since=since, until=until, type=type, country=country)
        ]

    @app.get("/api/events/{event_id}")
    def event(event_id: str) -> dict[str, Any]:
        ev = ledger.event(event_id)
        if ev is not None:
            return ev.model_dump(mode="json")
        raise HTTPException(status_code=404, detail=f"no event {event_id}")

    @app.get("/api/assets")
    def assets() -> dict[str, bool]:
        """Whether the map libraries were installed (``make web-assets``); the page degrades without them."""
        return {"map": (STATIC / "vendor" / "leaflet.js").exists()}

    app.include_router(changes_router(ledger))  # /api/changes (web/changes.py)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
