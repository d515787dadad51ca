"""The analyst's desk: FastAPI app with a typed JSON API over the ledger and the static pages that use it.

Lists, facets, the timeline, the map and downloads read the in-memory ``Index``; an event page is one
indexed SQL lookup (``store.queries``). Corrections call the same ``Ledger.merge``/``Ledger.split`` as
the CLI. The engine's pool is sized to the worker threads so requests queue for a thread, never for a
connection, and the Host header must name the bound address (DNS-rebinding defence for a local tool).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import anyio.to_thread
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import IntegrityError
from starlette.middleware.trustedhost import TrustedHostMiddleware

from claimtrack.models import LedgerEvent
from claimtrack.store import Ledger
from claimtrack.store.db import normalise_url
from claimtrack.store.queries import event_with_reports, resolve
from claimtrack.web import schemas as S
from claimtrack.web.changes import changes_router
from claimtrack.web.dossier import statement_rows, status_reason
from claimtrack.web.downloads import csv_lines, geojson_lines
from claimtrack.web.index import Filters, Index, ResponseCache, Row, Snapshot

STATIC = Path(__file__).with_name("static")
VENDOR = STATIC / "vendor"
MAX_LIMIT = 500
POINT_COLUMNS = ["id", "lat", "lon", "type", "precision", "status", "place", "date"]
LOOPBACK = ["127.0.0.1", "localhost", "::1", "[::1]"]


def _pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")  # wait for a writer (an ingest) instead of failing a read
    cur.close()


def web_engine(db: str | None, pool: int) -> Engine:
    """The desk's reading engine, its pool as large as the server's worker threads (the writer's engine,
    for corrections, is the ledger's own: ``Ledger(db)``, which also migrates)."""
    url = normalise_url(db)
    engine = create_engine(url, pool_size=pool, max_overflow=0, pool_timeout=30)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _pragmas)
    return engine


def allowed_hosts_for(host: str) -> list[str]:
    """Host names a browser may use for a server bound to ``host``: loopback aliases for a loopback bind."""
    if host in LOOPBACK or host.startswith("127."):
        return [host, *LOOPBACK]
    if host in ("0.0.0.0", "::"):  # every interface: a person must name the hosts (``--allow-host``)
        return ["*"]
    return [host]


async def filters(
    since: Annotated[str | None, Query(description="earliest date, YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="latest date, YYYY-MM-DD")] = None,
    q: Annotated[str | None, Query(description="words that must all appear (place, actor, source, title...)")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
    type: Annotated[list[str] | None, Query(description="event type (repeat for any of several)")] = None,
    country: Annotated[list[str] | None, Query(description="ISO 3166-1 alpha-2")] = None,
    admin1: Annotated[list[str] | None, Query(description="first-level division")] = None,
    status: Annotated[list[str] | None, Query(description="claimed, confirmed, disputed or denied")] = None,
    precision: Annotated[list[str] | None, Query(description="location precision")] = None,
    date_precision: Annotated[list[str] | None, Query(description="day, month, year or undated")] = None,
    actor: Annotated[list[str] | None, Query(description="initiator or target")] = None,
    publisher: Annotated[list[str] | None, Query(description="outlet publishing a report")] = None,
) -> Filters:
    box = None
    if bbox:
        try:
            w, s, e, n = (float(x) for x in bbox.split(","))
        except ValueError:
            raise HTTPException(422, f"bbox {bbox!r}: expected four numbers west,south,east,north") from None
        box = (w, s, e, n)
    values = {
        "type": type,
        "country": [c.upper() for c in country] if country else None,
        "admin1": admin1,
        "status": status,
        "precision": precision,
        "date_precision": date_precision,
        "actor": actor,
        "publisher": publisher,
    }
    return Filters(since=since, until=until, q=q, bbox=box, values={k: v for k, v in values.items() if v})


Filt = Annotated[Filters, Depends(filters)]


def _summary(r: Row) -> S.EventSummary:
    return S.EventSummary(
        id=r.id,
        type=r.type,
        event_type=r.event_type,
        date=r.date,
        date_precision=r.date_precision,
        country=r.country,
        admin1=r.admin1,
        place=r.place,
        lat=r.lat,
        lon=r.lon,
        precision=r.precision,
        status=r.status,
        reports=r.reports,
        independent_sources=r.independent_sources,
        publishers=list(r.publishers),
        actors=list(r.actors),
        sources=list(r.sources),
        figures=r.figures,
        title=r.title,
        url=r.url,
    )


def create_app(
    db: str | None = None,
    host: str = "127.0.0.1",
    allowed_hosts: list[str] | None = None,
    pool: int = 8,
    poll: float = 2.0,
) -> FastAPI:
    writer = Ledger(db)  # migrates first; merge and split write through it, as the CLI does
    ledger = Ledger(engine=web_engine(db, pool), read_only=True)
    index = Index(ledger, poll=poll)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # sync routes run in anyio's worker threads: no more of them than connections in the pool
        anyio.to_thread.current_default_thread_limiter().total_tokens = pool
        yield
        ledger.engine.dispose()
        writer.engine.dispose()

    app = FastAPI(
        title="claimtrack",
        description="Source-attributed event ledger: the analyst's desk and its API",
        version="1",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or allowed_hosts_for(host))

    cache = ResponseCache()

    async def snap_async() -> Snapshot:
        """Index routes run on the event loop (no thread hop: they are a few ms of numpy); a due refresh,
        which reads the database, goes to a worker thread."""
        if index.due():
            return await anyio.to_thread.run_sync(index.refresh)
        return index.snapshot

    def cached(request: Request, sn: Snapshot, make: Callable[[], Any]) -> Response:
        """The endpoint's JSON for this snapshot and query, computed once (lists, facets, map, timeline)."""
        query = "&".join(sorted(f"{k}={v}" for k, v in request.query_params.multi_items()))

        def body() -> bytes:
            out = make()
            if isinstance(out, bytes):
                return out
            return out.model_dump_json().encode() if isinstance(out, BaseModel) else json.dumps(out).encode()

        return Response(cache.get((sn.version, request.url.path, query), body), media_type="application/json")

    # -- pages -----------------------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def page_list() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(VENDOR / "favicon-32x32.png")

    @app.get("/events/{event_id}", include_in_schema=False)
    def page_event(event_id: str) -> FileResponse:
        return FileResponse(STATIC / "event.html")

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="claimtrack API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/vendor/favicon-32x32.png",
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/openapi.json",
            title="claimtrack API",
            redoc_js_url="/static/vendor/redoc.standalone.js",
            with_google_fonts=False,
        )

    # -- lists, facets, timeline, map ------------------------------------------------------------------

    @app.get("/api/events", response_model=S.EventList)
    async def events(
        request: Request,
        f: Filt,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> Response:
        """Ledger events matching the filters, newest first, one page at a time."""
        sn = await snap_async()

        def make() -> S.EventList:
            pos = sn.select(f)
            items = [_summary(sn.rows[i]) for i in pos[offset : offset + limit].tolist()]
            nxt = None
            if offset + limit < len(pos):
                params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]
                nxt = urlencode([*params, ("offset", str(offset + limit))])
            return S.EventList(total=len(pos), limit=limit, offset=offset, next=nxt, items=items)

        return cached(request, sn, make)

    @app.get("/api/facets", response_model=S.Facets)
    async def facets(request: Request, f: Filt, top: Annotated[int, Query(ge=1, le=500)] = 50) -> Response:
        """Each facet's values with counts under all the other filters."""
        sn = await snap_async()

        def make() -> dict[str, Any]:
            out = sn.facets(f, top=top)
            return {
                "total": len(sn.select(f)),
                "facets": {k: [{"value": v, "count": c} for v, c in rows] for k, rows in out.items()},
            }

        return cached(request, sn, make)

    @app.get("/api/timeline", response_model=S.Timeline)
    async def timeline(request: Request, f: Filt) -> Response:
        """Counts per day and type under every filter but the date range; coarse and undated apart."""
        sn = await snap_async()
        return cached(request, sn, lambda: sn.timeline(f))

    @app.get("/api/points", response_model=S.Points)
    async def points(request: Request, f: Filt) -> Response:
        """Every located event of the selection, compactly, for the map."""
        sn = await snap_async()

        def make() -> bytes:
            pts = ",".join(r.point for r in (sn.rows[i] for i in sn.select(f).tolist()) if r.point)
            head = json.dumps({"columns": POINT_COLUMNS, "types": sn.vocab["type"]})[:-1]
            return f'{head}, "points": [{pts}]}}'.encode()

        return cached(request, sn, make)

    async def _chunks(lines: Iterator[str]) -> AsyncIterator[str]:
        for part in lines:  # each part is a few hundred preformatted rows: no thread hop per chunk
            yield part

    @app.get("/api/events.csv", response_class=StreamingResponse)
    async def events_csv(f: Filt) -> StreamingResponse:
        """The selection as CSV (the export's columns plus source URLs)."""
        sn = await snap_async()
        rows = (sn.rows[i] for i in sn.select(f).tolist())
        headers = {"Content-Disposition": 'attachment; filename="claimtrack-events.csv"'}
        return StreamingResponse(_chunks(csv_lines(rows)), media_type="text/csv; charset=utf-8", headers=headers)

    @app.get("/api/events.geojson", response_class=StreamingResponse)
    async def events_geojson(f: Filt) -> StreamingResponse:
        """The selection as a GeoJSON FeatureCollection."""
        sn = await snap_async()
        rows = (sn.rows[i] for i in sn.select(f).tolist())
        headers = {"Content-Disposition": 'attachment; filename="claimtrack-events.geojson"'}
        return StreamingResponse(_chunks(geojson_lines(rows)), media_type="application/geo+json", headers=headers)

    # -- one event -------------------------------------------------------------------------------------

    def _lid(event_id: str) -> str:
        lid = resolve(ledger, event_id)
        if lid is None:
            raise HTTPException(404, f"no ledger event {event_id!r} (nor a report key or unique id prefix)")
        return lid

    async def _event_json(request: Request, event_id: str, dossier: bool) -> Response:
        """An event (or its dossier) as JSON, kept per index version: a page opened again costs nothing.

        It runs on the event loop like the index routes: a few indexed queries (~2 ms, and WAL readers never
        wait for a writer), where a worker thread would only contend for the GIL with the loop.
        """

        def make() -> bytes:
            found = event_with_reports(ledger, _lid(event_id))
            if found is None:
                raise HTTPException(404, f"no ledger event {event_id!r}")
            ev, reports = found
            out = {"event": ev, "statements": statement_rows(reports), "status_reason": status_reason(ev)}
            return json.dumps(out if dossier else ev, ensure_ascii=False).encode()

        body = cache.get(((await snap_async()).version, request.url.path, ""), make)
        return Response(body, media_type="application/json")

    @app.get("/api/events/{event_id}", response_model=LedgerEvent)
    async def one_event(request: Request, event_id: str) -> Response:
        """One ledger event by id, unique id prefix or report key."""
        return await _event_json(request, event_id, dossier=False)

    @app.get("/api/events/{event_id}/dossier", response_model=S.Dossier)
    async def dossier(request: Request, event_id: str) -> Response:
        """The event page: the ledger event, who says what with the text and relay chain, why its status."""
        return await _event_json(request, event_id, dossier=True)

    @app.post("/api/events/{event_id}/merge", response_model=S.Correction)
    def merge(event_id: str, body: S.MergeRequest) -> S.Correction:
        """Merge another ledger event into this one (``claimtrack merge``); survives re-ingest."""
        try:
            merged = writer.merge(_lid(event_id), _lid(body.other), note=body.note)
        except KeyError as exc:
            raise HTTPException(404, f"no ledger event or report {exc.args[0]!r}") from None
        except IntegrityError:  # a correction the ledger refuses is a conflict to report, not a 500
            raise HTTPException(409, f"the ledger cannot merge {event_id!r} with {body.other!r}") from None
        index.refresh(force=True)
        return S.Correction(ids=[merged])

    @app.post("/api/events/{event_id}/split", response_model=S.Correction)
    def split(event_id: str, body: S.SplitRequest) -> S.Correction:
        """Take reports out of a ledger event (``claimtrack split``); none given: every report alone."""
        try:
            ids = writer.split(_lid(event_id), body.reports or None, note=body.note)
        except KeyError as exc:
            raise HTTPException(404, f"no report {exc.args[0]!r} in {event_id!r}") from None
        except IntegrityError:  # a correction the ledger refuses is a conflict to report, not a 500
            raise HTTPException(409, f"the ledger cannot split {event_id!r} this way") from None
        index.refresh(force=True)
        return S.Correction(ids=ids)

    @app.get("/api/assets")
    def assets() -> dict[str, bool]:
        """Whether the vendored map libraries are present (they ship in the wheel)."""
        return {"map": (VENDOR / "leaflet.js").exists()}

    app.include_router(changes_router(ledger))  # /api/changes (web/changes.py)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
