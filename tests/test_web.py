"""The web desk's API over a real ledger (our own articles through the real pipeline into SQLite)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimtrack.web import create_app
from claimtrack.web.app import STATIC, VENDOR
from tests.web_ledger import build


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, nlp) -> TestClient:
    db = str(tmp_path_factory.mktemp("web") / "web.db")
    build(db)
    with TestClient(create_app(db, poll=0), base_url="http://127.0.0.1") as c:
        yield c


def test_pages_and_local_api_docs(client: TestClient) -> None:
    page = client.get("/").text
    assert 'id="map"' in page and 'id="timeline"' in page and 'id="facets"' in page
    assert "event.js" in client.get("/events/anything").text
    docs, redoc = client.get("/docs").text, client.get("/redoc").text
    assert "/static/vendor/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert "/static/vendor/redoc.standalone.js" in redoc and "fonts.googleapis" not in redoc
    for asset in ("swagger-ui-bundle.js", "redoc.standalone.js", "leaflet.markercluster.js", "d3.min.js"):
        assert client.get(f"/static/vendor/{asset}").status_code == 200


def test_host_header_must_name_the_bound_address(client: TestClient) -> None:
    assert client.get("/api/events", headers={"host": "attacker.example"}).status_code == 400
    assert client.get("/api/events", headers={"host": "localhost:8000"}).status_code == 200


def test_list_pages_filters_and_facets_agree(client: TestClient) -> None:
    everything = client.get("/api/events").json()
    assert everything["total"] == 3 and everything["next"] is None
    first = client.get("/api/events", params={"limit": 1}).json()
    assert first["total"] == 3 and len(first["items"]) == 1 and "offset=1" in first["next"]
    second = client.get("/api/events?" + first["next"]).json()
    assert second["items"][0]["id"] != first["items"][0]["id"]
    dates = [e["date"] for e in everything["items"]]
    assert dates == sorted(dates, reverse=True), "newest first"

    disputed = client.get("/api/events", params={"status": "disputed"}).json()
    assert disputed["total"] == 1 and disputed["items"][0]["type"] == "drone_strike"
    both = client.get("/api/events", params={"status": "claimed", "country": "ua"}).json()
    assert both["total"] == 1 and {e["country"] for e in both["items"]} == {"UA"}

    facets = client.get("/api/facets", params={"status": "claimed"}).json()
    status = {v["value"]: v["count"] for v in facets["facets"]["status"]}
    assert status == {"claimed": 2, "disputed": 1}, "a facet counts under the other filters, not its own"
    country = {v["value"]: v["count"] for v in facets["facets"]["country"]}
    assert country == {"UA": 1, "GE": 1}
    pubs = {v["value"] for v in client.get("/api/facets").json()["facets"]["publisher"]}
    assert {"Kyiv Wire", "Moscow Desk", "Caucasus Courier"} <= pubs
    assert client.get("/api/events", params={"publisher": "Moscow Desk"}).json()["total"] == 1


def test_text_date_and_bbox_filters(client: TestClient) -> None:
    assert client.get("/api/events", params={"q": "tbilisi"}).json()["total"] == 1
    assert client.get("/api/events", params={"q": "kremlin kharkiv"}).json()["total"] == 1
    feb = client.get("/api/events", params={"since": "2025-02-01", "until": "2025-02-28"}).json()
    assert feb["total"] == 1 and all(e["date"].startswith("2025-02") for e in feb["items"])
    black_sea = client.get("/api/events", params={"bbox": "29,45,32,47.5"}).json()
    assert black_sea["total"] == 1 and {e["place"] for e in black_sea["items"]} == {"Odesa"}
    bad = client.get("/api/events", params={"bbox": "west,1,2,3"})
    assert bad.status_code == 422 and "bbox" in bad.json()["detail"]
    assert client.get("/api/events", params={"limit": 100000}).status_code == 422


def test_timeline_keeps_the_whole_span_under_a_date_filter(client: TestClient) -> None:
    tl = client.get("/api/timeline", params={"since": "2025-03-01"}).json()
    assert {d["date"] for d in tl["days"]} == {"2025-01-19", "2025-02-13", "2025-03-04"}
    assert sum(d["count"] for d in tl["days"]) == 3 and tl["undated"] == 0


def test_event_by_prefix_with_sources_and_dossier(client: TestClient) -> None:
    ev_id = client.get("/api/events", params={"status": "disputed"}).json()["items"][0]["id"]
    ev = client.get(f"/api/events/{ev_id[:7]}").json()
    assert ev["id"] == ev_id
    assert {r["url"] for r in ev["reports"]} == {f"https://news.example/articles/{i}.html" for i in ("w1", "w2", "w5")}
    assert all(r["title"] and r["published"] == "2025-03-05" for r in ev["reports"])
    d = client.get(f"/api/events/{ev_id}/dossier").json()
    # the ledger's own one-line reason (link/provenance.py, issue 11) is what the desk shows
    assert d["status_reason"] == "disputed: Ukraine (Air Force of Ukraine) asserts it, Russia denies it"
    denial = [s for s in d["statements"] if s["stance"] == "denies"]
    assert denial and denial[0]["chain"][-1] == "Moscow Desk" and denial[0]["url"].endswith("/w5.html")
    assert any(s["text"] and "drones" in s["text"] for s in d["statements"])
    assert client.get("/api/events/ev-").status_code == 404, "a prefix shared by every event is not unique"
    assert client.get("/api/events/nope/dossier").status_code == 404


def test_csv_and_geojson_follow_the_filters(client: TestClient) -> None:
    res = client.get("/api/events.csv", params={"country": "UA", "status": "claimed"})
    assert res.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(res.text)))
    assert len(rows) == 1 and {r["country_code"] for r in rows} == {"UA"}
    assert all(r["urls"].startswith("https://news.example/") for r in rows)
    gj = client.get("/api/events.geojson", params={"q": "kharkiv"}).json()
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 1
    assert gj["features"][0]["geometry"]["type"] == "Point"


def test_openapi_documents_typed_models(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert {"EventSummary", "EventList", "LedgerEvent", "Dossier", "Facets"} <= set(schemas)
    ref = spec["paths"]["/api/events/{event_id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ref["$ref"].endswith("/LedgerEvent")
    assert "url" in schemas["LedgerReport"]["properties"]


def test_merge_and_split_through_the_api(client: TestClient) -> None:
    """The same ``Ledger.split``/``merge`` as the CLI; the list sees each correction at once."""
    kharkiv = client.get("/api/events", params={"status": "disputed"}).json()["items"][0]["id"]
    split = client.post(f"/api/events/{kharkiv}/split", json={"reports": ["w5"], "note": "other claim"}).json()["ids"]
    assert len(split) == 2 and client.get("/api/events").json()["total"] == 4
    a = client.get("/api/events", params={"q": "tbilisi"}).json()["items"][0]["id"]
    b = client.get("/api/events", params={"type": "missile_strike"}).json()["items"][0]["id"]
    merged = client.post(f"/api/events/{a}/merge", json={"other": b, "note": "one day of unrest"}).json()["ids"]
    assert len(merged) == 1 and len(client.get(f"/api/events/{merged[0]}").json()["reports"]) == 2
    assert client.get("/api/events").json()["total"] == 3
    missing = client.post("/api/events/nope/merge", json={"other": a})
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]


def test_vendored_assets_match_the_lock_file() -> None:
    """The committed copies are the pinned npm releases: versions from the lock, bytes from the manifest."""
    lock = json.loads((Path(STATIC).parent / "package-lock.json").read_text())["packages"]
    manifest = json.loads((VENDOR / "MANIFEST.json").read_text())
    assert {"leaflet.js", "leaflet.markercluster.js", "d3.min.js", "swagger-ui-bundle.js"} <= set(manifest)
    for name, entry in manifest.items():
        assert lock[f"node_modules/{entry['package']}"]["version"] == entry["version"], name
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == entry["sha256"], name


def test_index_sees_an_ingest_beside_the_server(tmp_path: Path, nlp) -> None:
    """A running desk picks up what another process adds, rebuilding only the changed events."""
    from claimtrack.models import Article
    from claimtrack.nlp import process

    db = str(tmp_path / "live.db")
    ledger = build(db)
    with TestClient(create_app(db, poll=0), base_url="http://127.0.0.1") as c:
        assert c.get("/api/events").json()["total"] == 3
        text = "Protesters blocked a bridge in Batumi on Saturday, local police said."
        for res in process([Article(id="w9", publisher="Port Gazette", published="2025-01-26", text=text)]):
            ledger.add(res)
        after = c.get("/api/events", params={"q": "batumi"}).json()
        assert after["total"] == 1 and after["items"][0]["publishers"] == ["Port Gazette"]
        assert c.get("/api/events").json()["total"] == 4


def test_response_cache_stays_within_its_bound() -> None:
    from claimtrack.web.index import ResponseCache

    cache = ResponseCache(max_bytes=10_000)
    for i in range(100):
        assert cache.get((1, "/api/x", str(i)), lambda i=i: bytes(1_000) + str(i).encode()).endswith(str(i).encode())
    assert cache._bytes <= 10_000 and len(cache._items) <= 10
    calls = []
    cache.get((1, "/api/x", "99"), lambda: calls.append(1) or b"")
    assert calls == [], "the most recent answer is still cached"
