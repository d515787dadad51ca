"""The web view: JSON API over a real ledger file, and the page with its map and timeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimtrack.models import Article
from claimtrack.nlp import process
from claimtrack.store import Ledger
from claimtrack.web import create_app
from claimtrack.web.app import STATIC

TEXT = (
    "Russia launched 20 drones at Kyiv on Monday, Ukraine's air force said. It said air defences shot down 18 of them."
)


@pytest.fixture()
def client(tmp_path: Path, nlp) -> TestClient:
    db = str(tmp_path / "web.db")
    ledger = Ledger(db)
    for res in process([Article(id="w1", text=TEXT, published="2025-01-08")]):
        ledger.add(res)
    return TestClient(create_app(db))


def test_page_has_map_and_timeline(client: TestClient) -> None:
    res = client.get("/")
    assert res.status_code == 200
    assert 'id="map"' in res.text and 'id="timeline"' in res.text
    assert client.get("/static/app.js").status_code == 200


def test_api_lists_and_filters_events(client: TestClient) -> None:
    events = client.get("/api/events").json()
    assert events, "the drone attack should be in the ledger"
    assert all(ev["reports"] for ev in events)
    first = events[0]
    assert client.get(f"/api/events/{first['id']}").json()["id"] == first["id"]
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/events", params={"since": "2030-01-01"}).json() == []


def test_map_assets_are_reported(client: TestClient) -> None:
    assert client.get("/api/assets").json() == {"map": (STATIC / "vendor" / "leaflet.js").exists()}
