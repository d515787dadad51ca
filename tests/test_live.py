"""Polling feeds and folders over a real local HTTP server into a real SQLite ledger with the real pipeline."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.live.config import load_config
from claimtrack.live.poll import Poller
from claimtrack.live.watch import Watcher
from claimtrack.schema import load_changes
from claimtrack.store import Ledger
from claimtrack.web import create_app
from tests.conftest import ROOT
from tests.live_server import Route, Server, atom, items, json_feed, page, rss, story

runner = CliRunner()


@pytest.fixture()
def server() -> Iterator[Server]:
    srv = Server().start()
    yield srv
    srv.stop()


def _serve_feed(srv: Server, path: str, body: bytes, kind: str = "application/rss+xml") -> str:
    srv.routes[path] = Route(body, content_type=kind)
    return srv.url(path)


def _serve_pages(srv: Server, entries: list) -> None:  # type: ignore[type-arg]
    for e in entries:
        srv.routes[e.link.removeprefix(srv.base)] = Route(page(e.title, e.text), content_type="text/html")


def _count(db: str, table: str) -> int:
    with sa.create_engine(f"sqlite:///{db}").connect() as conn:
        return int(conn.scalar(sa.text(f"select count(*) from {table}")) or 0)


def test_polls_are_idempotent_and_bad_sources_fail_alone(tmp_path: Path, server: Server, nlp) -> None:
    b = server.base
    rss_items, atom_items, json_items = items(b, "r", 0, 2), items(b, "a", 10, 2), items(b, "j", 20, 1)
    fetched = items(b, "p", 30, 2)
    _serve_pages(server, fetched)
    _serve_feed(server, "/rss.xml", rss("Harbor Ledger", rss_items))
    _serve_feed(server, "/atom.xml", atom("Quay Courier", atom_items), "application/atom+xml")
    _serve_feed(server, "/feed.json", json_feed("Dock Journal", json_items), "application/feed+json")
    _serve_feed(server, "/paged.xml", rss("Pier Gazette", fetched))
    server.routes["/slow.xml"] = Route(rss("Slow Post", []), delay=3)
    server.routes["/broken.xml"] = Route(b"<rss version='2.0'><channel><title>A & B</title></channel></rss>")
    server.routes["/error.xml"] = Route(b"oops", status=500)
    # a feed whose linked pages are a huge one and a page with no article
    server.routes["/pages/huge.html"] = Route(content_type="text/html", stream_bytes=3_000_000)
    server.routes["/pages/empty.html"] = Route(b"<html><body><nav>Home</nav></body></html>", content_type="text/html")
    odd = items(b, "o", 40, 2)
    odd[0].link, odd[1].link = b + "/pages/huge.html", b + "/pages/empty.html"
    _serve_feed(server, "/odd.xml", rss("Odd Times", odd))
    names = ["rss", "atom", "json", "paged", "slow", "broken", "error", "odd"]
    paths = ["/rss.xml", "/atom.xml", "/feed.json", "/paged.xml", "/slow.xml", "/broken.xml", "/error.xml", "/odd.xml"]
    cfg_text = "[defaults]\ninterval = 60\ntimeout = 0.5\nmax_bytes = 1_000_000\n" + "".join(
        f'[[feed]]\nname = "{n}"\nurl = "{server.url(p)}"\n' + ("fetch = true\n" if n in ("paged", "odd") else "")
        for n, p in zip(names, paths, strict=True)
    )
    (tmp_path / "feeds.toml").write_text(cfg_text)
    db = str(tmp_path / "l.db")
    watcher = Watcher(load_config(tmp_path / "feeds.toml"), Ledger(db))
    by = {st.source.name: st for st in watcher.states}

    first = {n: watcher.poll(by[n]) for n in names}
    assert {n: first[n].new for n in ("rss", "atom", "json", "paged")} == {"rss": 2, "atom": 2, "json": 1, "paged": 2}
    assert "timed out after 0.5 s" in str(first["slow"].source_error)
    assert "malformed feed XML" in str(first["broken"].source_error)
    assert "HTTP 500" in str(first["error"].source_error)
    odd_errors = " | ".join(str(e) for e in first["odd"].errors)
    assert first["odd"].failed == 2 and "page too large (over 1 MB limit" in odd_errors
    assert "not an article page" in odd_errors
    assert _count(db, "articles") == 7
    # the fetched page's main text, not the navigation around it
    with sa.create_engine(f"sqlite:///{db}").connect() as conn:
        texts = list(conn.scalars(sa.text("select text from articles where url like '%/pages/p-%'")))
    assert texts and all("Home | World" not in t and "warehouse" in t for t in texts)

    # back-off: each further failure doubles the wait; a good source keeps its interval
    now = time.monotonic()
    assert by["error"].failures == 1 and by["error"].due - now == pytest.approx(60, abs=2)
    watcher.poll(by["error"])
    assert by["error"].failures == 2 and by["error"].due - time.monotonic() == pytest.approx(120, abs=2)
    assert by["rss"].due - time.monotonic() == pytest.approx(60, abs=5)

    # second poll: the rss feed gained an entry, the broken one is repaired, the rest unchanged
    server.routes["/rss.xml"].body = rss("Harbor Ledger", [*rss_items, *items(b, "r", 2, 1)])
    server.routes["/broken.xml"].body = rss("Mended Post", items(b, "m", 50, 1))
    pages_before = server.hits["/pages/p-30.html"]
    second = {n: watcher.poll(by[n]) for n in ("rss", "atom", "json", "paged", "broken")}
    assert {n: r.new for n, r in second.items()} == {"rss": 1, "atom": 0, "json": 0, "paged": 0, "broken": 1}
    assert second["rss"].skipped == 2 and second["atom"].skipped == 2
    assert server.hits["/pages/p-30.html"] == pages_before  # seen entries are not fetched again
    assert by["broken"].failures == 0
    assert _count(db, "articles") == 9 and _count(db, "feed_entries") >= 9
    with sa.create_engine(f"sqlite:///{db}").connect() as conn:
        assert conn.scalar(sa.text("pragma integrity_check")) == "ok"
        dup = conn.scalar(
            sa.text("select count(*) from (select content_hash from articles group by 1 having count(*) > 1)")
        )
    assert dup == 0


def test_an_unchanged_feed_costs_a_304(tmp_path: Path, server: Server) -> None:
    server.routes["/etag.xml"] = Route(rss("Harbor Ledger", []), etag='"v1"')
    poller = Poller(Ledger(str(tmp_path / "l.db")))
    assert not poller.feed("etag", server.url("/etag.xml")).unchanged
    res = poller.feed("etag", server.url("/etag.xml"))
    assert res.unchanged and res.source_error is None and res.line().endswith("(unchanged)")
    server.routes["/etag.xml"].etag = '"v2"'  # the feed changed: read in full again
    assert not poller.feed("etag", server.url("/etag.xml")).unchanged


def test_folder_ingests_completed_files_only(tmp_path: Path, nlp) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    old = drop / "a.txt"
    old.write_text(story(1, "Lozova"))
    os.utime(old, (time.time() - 60, time.time() - 60))  # written a minute ago: complete
    (drop / "b.txt.part").write_text(story(2, "Izium"))  # still downloading
    growing = drop / "c.txt"
    growing.write_text("Shelling damaged a grain warehouse")  # half-written
    poller = Poller(Ledger(str(tmp_path / "l.db")))
    assert poller.folder("drop", drop).new == 1  # only a.txt
    with growing.open("a") as fh:
        fh.write(" in Merefa on Tuesday, the regional governor said, and two houses burned.\n")
    assert poller.folder("drop", drop).new == 0  # c.txt changed since the last look
    (drop / "b.txt.part").rename(drop / "b.txt")  # the download completed
    third = poller.folder("drop", drop)
    assert third.new == 1 and third.skipped == 1  # c.txt held still; b.txt is new to this poll
    fourth = poller.folder("drop", drop)
    assert fourth.new == 1 and fourth.skipped == 2
    assert poller.folder("drop", drop).new == 0
    assert _count(str(tmp_path / "l.db"), "articles") == 3
    (drop / "bad.txt").write_bytes(b"\x00\x01binary")
    os.utime(drop / "bad.txt", (time.time() - 60, time.time() - 60))
    res = poller.folder("drop", drop)
    assert res.failed == 1 and "binary file" in str(res.errors[0])
    assert poller.folder("drop", drop).failed == 0  # reported once, not at every poll


def test_ingest_url_needs_network_and_names_bad_pages(tmp_path: Path, server: Server, nlp) -> None:
    (entry,) = items(server.base, "u", 60, 1)
    _serve_pages(server, [entry])
    server.routes["/nav.html"] = Route(b"<html><body><nav>Home</nav></body></html>", content_type="text/html")
    server.routes["/data.bin"] = Route(b"\x00\x01", content_type="application/octet-stream")
    db = str(tmp_path / "l.db")
    res = runner.invoke(app, ["ingest", entry.link, "--db", db])
    assert res.exit_code == 1 and "fetching URLs needs --network" in res.stderr
    urls = [entry.link, server.url("/nav.html"), server.url("/data.bin"), server.url("/missing.html")]
    res = runner.invoke(app, ["ingest", *urls, "--network", "--db", db])
    assert res.exit_code == 1
    assert "1 article(s) added" in res.stderr
    assert "/nav.html: not an article page (HTML page holds no article text)" in res.stderr
    assert "/data.bin: not an article page (content type application/octet-stream)" in res.stderr
    assert "/missing.html: HTTP 404" in res.stderr
    again = runner.invoke(app, ["ingest", entry.link, "--network", "--db", db])
    assert again.exit_code == 0 and "0 article(s) added, 1 already in the ledger" in again.stderr


def test_feed_command_shows_progress_and_summary(tmp_path: Path, nlp) -> None:
    db = str(tmp_path / "l.db")
    desk = str(ROOT / "examples" / "feeds" / "desk.rss")
    res = runner.invoke(app, ["feed", desk, "--db", db])
    assert res.exit_code == 0, res.stderr
    assert "feed entries" in res.stderr and "5/5" in res.stderr  # the bar, finished
    assert "5 article(s) added, 0 already seen, 0 entry error(s), 0 of 1 source(s) failed" in res.stderr
    again = runner.invoke(app, ["feed", desk, "--db", db])
    assert "0 article(s) added, 5 already seen" in again.stderr
    res = runner.invoke(app, ["feed", "https://feeds.example/rss", desk, "--db", db])
    assert res.exit_code == 1 and "https://feeds.example/rss: fetching URLs needs --network" in res.stderr
    assert "1 of 2 source(s) failed" in res.stderr


def test_changes_list_new_events_growth_and_figures(tmp_path: Path, nlp) -> None:
    db = str(tmp_path / "l.db")
    ex = ROOT / "examples"
    runner.invoke(app, ["ingest", str(ex / "06_same_event_outlet_a.txt"), "--db", db])
    mark = time.time()
    time.sleep(0.01)
    runner.invoke(app, ["ingest", str(ex / "07_same_event_outlet_b.html"), "--db", db])
    res = runner.invoke(app, ["changes", "--since", "1h", "--db", db, "--format", "jsonl"])
    assert res.exit_code == 0, res.stderr
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    validator = jsonschema.Draft202012Validator(load_changes())
    for r in rows:
        validator.validate(r)
    kinds = [r["kind"] for r in rows]
    assert kinds[0] == "new" and "reports" in kinds
    grew = next(r for r in rows if r["kind"] == "reports")
    assert grew["before"]["reports"] == 1 and grew["after"]["reports"] == 2
    assert "report by Steppe Courier" in grew["reason"]
    # only the second ingest's changes after the mark; the API agrees with the command
    since = datetime.fromtimestamp(mark, UTC).isoformat()
    later = [
        json.loads(x)
        for x in runner.invoke(app, ["changes", "--since", since, "--db", db, "-f", "jsonl"]).stdout.splitlines()
    ]
    assert later and "new" not in {r["kind"] for r in later if r["event"] == grew["event"]}
    api = TestClient(create_app(db), base_url="http://127.0.0.1").get("/api/changes", params={"since": since}).json()
    assert api == later
    assert (
        TestClient(create_app(db), base_url="http://127.0.0.1")
        .get("/api/changes", params={"since": "soon"})
        .status_code
        == 422
    )
    table = runner.invoke(app, ["changes", "--since", "yesterday", "--db", db])
    assert "ledger changes since" in table.stdout and grew["event"] in table.stdout
    bad = runner.invoke(app, ["changes", "--since", "whenever it was", "--db", db])
    assert bad.exit_code == 2 and "cannot read 'whenever it was' as a time" in bad.stderr
