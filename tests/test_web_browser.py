"""End to end in a real browser: the desk as an analyst uses it, served by the suite on 127.0.0.1.

Open the list, filter by status and country (facet clicks, kept in the URL), download the CSV of that
selection, open an event page and follow a report's link to its source article (served locally).
"""

from __future__ import annotations

import csv
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimtrack.web import create_app
from tests.browser import chromium, free_port, need_chromium, serve, wait_loaded
from tests.web_ledger import build

pytestmark = pytest.mark.slow


class _Article(BaseHTTPRequestHandler):
    """Stands in for a publisher's site: every path is an article page naming itself."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        body = f"<html><head><title>Article {self.path}</title></head><body><p>{self.path}</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Article)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory, nlp, site: str) -> Iterator[str]:
    need_chromium()
    db = str(tmp_path_factory.mktemp("browser") / "desk.db")
    build(db, url_base=f"{site}/articles")
    with serve(create_app(db), free_port()) as base:
        yield base


def _rows(driver) -> int:
    return len(driver.find_elements("css selector", "#list li.event"))


def test_analyst_flow(desk: str, site: str, tmp_path: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver = chromium(download_dir=tmp_path)
    try:
        driver.get(desk + "/")
        seen = wait_loaded(driver)
        assert _rows(driver) == 3
        assert driver.find_elements("css selector", ".leaflet-container"), "the map is drawn"
        assert driver.find_elements("css selector", "#timeline rect"), "the timeline is drawn"
        assert driver.find_elements("css selector", "#legend i"), "the legend names the types"

        driver.find_element("css selector", "input[data-facet=status][value=claimed]").click()
        seen = wait_loaded(driver, seen)
        assert "status=claimed" in driver.current_url and _rows(driver) == 2
        driver.find_element("css selector", "input[data-facet=country][value=UA]").click()
        seen = wait_loaded(driver, seen)
        assert "country=UA" in driver.current_url and _rows(driver) == 1
        assert driver.find_element("id", "summary").text == "1 event(s)"

        driver.find_element("id", "csv").click()
        done = lambda d: any(tmp_path.glob("*.csv")) and not any(tmp_path.glob("*.crdownload"))  # noqa: E731
        WebDriverWait(driver, 15).until(done)
        with next(tmp_path.glob("*.csv")).open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert (
            len(rows) == 1
            and {r["country_code"] for r in rows} == {"UA"}
            and {r["status"] for r in rows} == {"claimed"}
        )

        driver.find_element("css selector", "#list li.event a.open").click()
        wait_loaded(driver)
        assert "/events/ev-" in driver.current_url
        assert "claimed" in driver.find_element("id", "status").text
        link = driver.find_element("css selector", "a.source-link")
        href = link.get_attribute("href")
        assert href.startswith(site + "/articles/w3")
        link.click()
        WebDriverWait(driver, 10).until(lambda d: d.current_url.startswith(site))
        assert driver.title == "Article /articles/w3.html"
        driver.back()
        wait_loaded(driver)
        started = time.monotonic()
        driver.back()  # history keeps the filters: back on the filtered list
        wait_loaded(driver)
        assert "country=UA" in driver.current_url and _rows(driver) == 1
        assert time.monotonic() - started < 10
    finally:
        driver.quit()
