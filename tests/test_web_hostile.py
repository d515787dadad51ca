"""The hostile-text corpus (tests/hostile.py) through the web desk, in a real browser and through its API.

The desk draws pages from JSON with innerHTML, so every article-derived string must be escaped in the browser:
payloads that set ``window.__pwned`` if run must stay text on the list page, the event page and a map popup,
and an article URL a hostile feed could give (``javascript:``) must never become a link. The API returns the
strings unchanged (escaping is the page's job), and its CSV neutralises cells a spreadsheet would run.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from claimtrack.store import Ledger
from claimtrack.web import create_app
from tests.browser import chromium, free_port, need_chromium, serve, wait_loaded
from tests.hostile import HOSTILE_PUBLISHERS, HOSTILE_TITLES, IMG, JS_URL, PWN, hostile_documents

pytestmark = pytest.mark.slow

INJECTED = "img[src='x'], #event script, #list script, .leaflet-popup script"


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    need_chromium()
    db = str(tmp_path_factory.mktemp("webhostile") / "ledger.db")
    ledger = Ledger(db)
    for doc in hostile_documents():
        ledger.add(doc)
    by_title = {ev.reports[0].title or "": ev.id for ev in ledger.events()}
    with serve(create_app(db), free_port()) as base:
        yield base, by_title


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as resp:  # noqa: S310 (our own server on 127.0.0.1)
        return bytes(resp.read())


def _event_id(by_title: dict[str, str], payload: str) -> str:
    return next(i for t, i in by_title.items() if payload in t)


def _pwned(driver: Any) -> Any:
    return driver.execute_script("return window.__pwned")


def test_list_page_and_map_popup_show_payloads_as_text(desk: tuple[str, dict[str, str]]) -> None:
    from selenium.webdriver.common.by import By

    base, by_title = desk
    driver = chromium()
    try:
        driver.get(base + "/")
        wait_loaded(driver)
        assert len(driver.find_elements(By.CSS_SELECTOR, "#list li.event")) == len(HOSTILE_TITLES)
        assert _pwned(driver) is None
        assert not driver.find_elements(By.CSS_SELECTOR, INJECTED)
        listed = driver.execute_script("return document.getElementById('list').textContent")
        assert IMG in listed and PWN in listed  # places (the titles) and publishers, literally
        facets = driver.execute_script("return document.getElementById('facets').textContent")
        assert PWN in facets and "[red]Wire[/red]" in facets  # the publisher facet

        # the map popup of the <img onerror> event: its markers share one place (clustered), so open the popup
        # the marker binds where the marker is, as a click on the spiderfied marker would
        opened = driver.execute_script(
            """const mk = deskMap.cluster.getLayers().find((m) => m.eventId === arguments[0]);
            deskMap.map.openPopup(mk.getPopup(), mk.getLatLng());
            return mk.isPopupOpen();""",
            _event_id(by_title, IMG),
        )
        assert opened
        popup = driver.find_element(By.CSS_SELECTOR, ".leaflet-popup-content")
        assert IMG in popup.get_attribute("textContent")
        assert _pwned(driver) is None
        assert not driver.find_elements(By.CSS_SELECTOR, INJECTED)
    finally:
        driver.quit()


@pytest.mark.parametrize("payload", [IMG, PWN])
def test_event_page_shows_payloads_as_text(desk: tuple[str, dict[str, str]], payload: str) -> None:
    from selenium.webdriver.common.by import By

    base, by_title = desk
    driver = chromium()
    try:
        driver.get(f"{base}/events/{_event_id(by_title, payload)}")
        wait_loaded(driver)
        assert _pwned(driver) is None
        assert not driver.find_elements(By.CSS_SELECTOR, INJECTED)
        reports = driver.find_element(By.CSS_SELECTOR, "#event table").get_attribute("textContent")
        assert payload in reports  # the title, literally
        page = driver.find_element(By.ID, "event").get_attribute("textContent")
        assert page.count(payload) >= 2  # and the place named after it
        hrefs = [a.get_attribute("href") or "" for a in driver.find_elements(By.CSS_SELECTOR, "#event a")]
        assert not [h for h in hrefs if h.lower().startswith("javascript:")]
        if payload == IMG:  # the report whose URL is javascript: shows it as text, not as a link
            assert not driver.find_elements(By.CSS_SELECTOR, "a.source-link")
            assert JS_URL not in hrefs
        else:
            assert driver.find_elements(By.CSS_SELECTOR, "a.source-link")  # a web URL still links
        assert _pwned(driver) is None
    finally:
        driver.quit()


def test_api_returns_the_strings_unchanged(desk: tuple[str, dict[str, str]]) -> None:
    base, by_title = desk
    listed = json.loads(_get(base + "/api/events?limit=500"))
    assert listed["total"] == len(HOSTILE_TITLES)
    assert {p for it in listed["items"] for p in it["publishers"]} == set(HOSTILE_PUBLISHERS)
    assert {it["place"] for it in listed["items"]} == set(HOSTILE_TITLES)
    for title, eid in by_title.items():
        dossier = json.loads(_get(f"{base}/api/events/{eid}/dossier"))
        (report,) = dossier["event"]["reports"]
        assert report["title"] == title and report["publisher"] in HOSTILE_PUBLISHERS
        if IMG in title:
            assert report["url"] == JS_URL  # data kept as given; only the page refuses to link it


def test_api_csv_neutralises_formula_cells(desk: tuple[str, dict[str, str]]) -> None:
    base, _ = desk
    text = _get(base + "/api/events.csv").decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 1 + len(HOSTILE_TITLES)
    cells = [c for row in rows for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert any(c.startswith("'=HYPERLINK") for c in cells) and any(c.startswith("'=cmd") for c in cells)
    assert any(IMG in c for c in cells) and any(PWN in c for c in cells)  # text kept, only neutralised
