"""A local HTTP server (127.0.0.1, threaded) serving feeds and article pages for the live-ledger tests.

Routes are a mutable dict, so a test can change a feed between polls; ``hits`` counts requests per path.
All texts are invented for these tests.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

TOWNS = ["Lozova", "Balakliia", "Kupiansk", "Izium", "Chuhuiv", "Zolochiv", "Vovchansk", "Pivdenne", "Merefa"]


def story(n: int, town: str | None = None) -> str:
    town = town or TOWNS[n % len(TOWNS)]
    return (
        f"Shelling damaged a grain warehouse in {town} on Tuesday, the regional governor said. "
        f"Firefighters worked through the night at the site, and officials counted {n + 2} damaged houses nearby."
    )


@dataclass
class Item:
    key: str
    title: str
    text: str
    link: str
    date_rfc: str = "Tue, 10 Jun 2025 21:30:00 -0500"  # the 10th where it was written, the 11th in UTC
    date_iso: str = "2025-06-10T21:30:00-05:00"


def items(base: str, prefix: str, start: int, n: int) -> list[Item]:
    return [
        Item(f"{prefix}-{i}", f"Warehouse hit, report {i}", story(i + start), f"{base}/pages/{prefix}-{i}.html")
        for i in range(start, start + n)
    ]


def rss(title: str, entries: list[Item]) -> bytes:
    body = "".join(
        f"<item><guid>{e.key}</guid><title>{escape(e.title)}</title><link>{e.link}</link>"
        f"<pubDate>{e.date_rfc}</pubDate><description>{escape('<p>' + e.text + '</p>')}</description></item>"
        for e in entries
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'.encode()


def atom(title: str, entries: list[Item]) -> bytes:
    body = "".join(
        f'<entry><id>urn:x:{e.key}</id><title>{escape(e.title)}</title><link href="{e.link}"/>'
        f'<published>{e.date_iso}</published><updated>{e.date_iso}</updated><content type="html">'
        f"{escape('<p>' + e.text + '</p>')}</content></entry>"
        for e in entries
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
        f"<id>urn:x:feed</id><updated>2025-06-10T00:00:00Z</updated>{body}</feed>"
    ).encode()


def json_feed(title: str, entries: list[Item]) -> bytes:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "items": [
            {"id": e.key, "url": e.link, "title": e.title, "content_text": e.text, "date_published": e.date_iso}
            for e in entries
        ],
    }
    return json.dumps(doc).encode()


def page(title: str, text: str) -> bytes:
    paras = "".join(f"<p>{escape(s.strip())}.</p>" for s in text.split(". ") if s.strip())
    return (
        f"<!doctype html><html><head><title>{escape(title)}</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>{escape(title)}</h1>{paras}</article><footer>Contact us</footer></body></html>"
    ).encode()


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/xml"
    delay: float = 0.0
    gate: threading.Event | None = None  # the response waits for this (at most 20 s)
    stream_bytes: int = 0  # send this many bytes with no Content-Length (a huge page)
    etag: str | None = None  # answer 304 to a request that sends it back


@dataclass
class Server:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    base: str = ""
    _httpd: ThreadingHTTPServer | None = None

    def start(self) -> Server:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # quiet test output
                pass

            def do_GET(self) -> None:
                server.hits[self.path] += 1
                r = server.routes.get(self.path)
                if r is None:
                    self.send_error(404)
                    return
                if r.gate is not None:
                    r.gate.wait(20)
                if r.delay:
                    time.sleep(r.delay)
                if r.etag is not None and self.headers.get("If-None-Match") == r.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                try:
                    self.send_response(r.status)
                    self.send_header("Content-Type", r.content_type)
                    if r.etag is not None:
                        self.send_header("ETag", r.etag)
                    if r.stream_bytes:
                        self.end_headers()
                        chunk = b"<p>" + b"padding " * 8000 + b"</p>"
                        sent = 0
                        while sent < r.stream_bytes:
                            self.wfile.write(chunk)
                            sent += len(chunk)
                        return
                    self.send_header("Content-Length", str(len(r.body)))
                    self.end_headers()
                    self.wfile.write(r.body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (size limit, timeout)
                    pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    def url(self, path: str) -> str:
        return self.base + path
