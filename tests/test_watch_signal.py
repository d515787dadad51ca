"""``claimtrack watch`` as a real process: SIGTERM mid-poll leaves a sound ledger, and a restart completes it."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimtrack.live.config import load_config
from claimtrack.live.poll import Poller
from claimtrack.live.watch import Watcher
from claimtrack.store import Ledger
from tests.conftest import ROOT
from tests.live_server import Route, Server, items, page, rss


def _shape(db: str) -> set[tuple[str, int, int, int]]:
    """Per article: its URL and how many claims, events and places it stored."""
    q = """select a.url, (select count(*) from claims c where c.article_id = a.id),
                  (select count(*) from events e where e.article_id = a.id),
                  (select count(*) from places p where p.article_id = a.id) from articles a"""
    with sa.create_engine(f"sqlite:///{db}").connect() as conn:
        return {tuple(r) for r in conn.execute(sa.text(q))}  # type: ignore[misc]


def _sound(db: str) -> None:
    with sa.create_engine(f"sqlite:///{db}").connect() as conn:
        assert conn.scalar(sa.text("pragma integrity_check")) == "ok"
        # every stored report is linked into a ledger event, and every ledger event has its reports
        assert not conn.scalar(
            sa.text("select count(*) from events where ledger_id not in (select ledger_id from ledger_events)")
        )
        assert not conn.scalar(
            sa.text("select count(*) from ledger_events where ledger_id not in (select ledger_id from events)")
        )
        # what is marked seen is in the ledger
        assert not conn.scalar(
            sa.text(
                "select count(*) from feed_entries where outcome = 'added'"
                " and content_hash not in (select content_hash from articles)"
            )
        )


def _watch(cfg: Path, db: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(
        [sys.executable, "-m", "claimtrack.cli", "watch", "-c", str(cfg), "--db", db, "-v"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
    )


@pytest.mark.slow  # a real process loads the model: ~10 s of CPU
def test_sigterm_mid_poll_then_restart(tmp_path: Path, nlp) -> None:
    srv = Server().start()
    try:
        entries = items(srv.base, "s", 0, 6)
        gate = threading.Event()
        for i, e in enumerate(entries):
            srv.routes[e.link.removeprefix(srv.base)] = Route(
                page(e.title, e.text), content_type="text/html", gate=gate if i == 3 else None
            )
        srv.routes["/live.xml"] = Route(rss("Harbor Ledger", entries))
        cfg = tmp_path / "feeds.toml"
        cfg.write_text(
            f'[defaults]\ninterval = 60\ntimeout = 30\n[[feed]]\nname = "live"\nurl = "{srv.url("/live.xml")}"\n'
            "fetch = true\n"
        )
        db = str(tmp_path / "l.db")
        proc = _watch(cfg, db)
        lines: queue.Queue[str] = queue.Queue()
        log: list[str] = []
        reader = threading.Thread(target=lambda: [lines.put(x) for x in proc.stderr or []], daemon=True)
        reader.start()
        stored = 0
        while stored < 3:  # entries 0-2 are committed; the watcher now waits on entry 3's page
            line = lines.get(timeout=60)
            log.append(line)
            stored += " stored " in line
        proc.send_signal(signal.SIGTERM)
        threading.Timer(0.5, gate.set).start()  # the page arrives after the signal: mid-poll
        assert proc.wait(timeout=60) == 0, "".join(log)
        reader.join(timeout=5)
        while not lines.empty():
            log.append(lines.get())
        text = "".join(log)
        assert "SIGTERM received" in text and "stopped mid-poll" in text and text.rstrip().endswith("stopped")
        _sound(db)
        assert len(_shape(db)) == 3

        # the restart (in this process, where the model is loaded already) stores the rest
        restart = Watcher(load_config(cfg), Ledger(db))
        assert restart.run(once=True) == 0
        (res,) = [restart.poll(st) for st in restart.states]  # and a further poll finds nothing new
        assert (res.new, res.skipped) == (0, 6)
        _sound(db)
        # the interrupted-then-completed ledger holds exactly what one uninterrupted poll stores
        ref = str(tmp_path / "ref.db")
        Poller(Ledger(ref)).feed("live", srv.url("/live.xml"), fetch=True)
        assert _shape(db) == _shape(ref) and len(_shape(ref)) == 6
    finally:
        srv.stop()
