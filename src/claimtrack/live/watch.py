"""``claimtrack watch``: poll every configured source at its interval until SIGINT/SIGTERM.

A signal only sets a flag; the poll in progress ends at the next article boundary (each article is
committed on its own), so a shutdown never leaves half an article and never loses a committed one.
A source that fails waits ``interval * 2**(failures-1)``, capped at ``max_backoff``, before its next try.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from claimtrack.live.config import FeedSource, FolderSource, LiveConfig
from claimtrack.live.fetch import Fetcher
from claimtrack.live.poll import Poller, PollResult
from claimtrack.store import Ledger

log = logging.getLogger("claimtrack.watch")


def backoff(interval: float, failures: int, cap: float) -> float:
    """Seconds to the next try after ``failures`` consecutive failures (0: the plain interval)."""
    return min(interval * 2 ** max(failures - 1, 0), max(cap, interval)) if failures else interval


@dataclass
class _State:
    source: FeedSource | FolderSource
    interval: float
    due: float = 0.0
    failures: int = 0


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT and SIGTERM set ``stop``; the previous handlers come back afterwards."""

    def handler(signum: int, _frame: FrameType | None) -> None:
        if not stop.is_set():
            log.info("%s received: finishing the current article, then stopping", signal.Signals(signum).name)
        stop.set()

    old = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, h in old.items():
            signal.signal(sig, h)


class Watcher:
    def __init__(self, cfg: LiveConfig, ledger: Ledger, stop: threading.Event | None = None, workers: int = 1) -> None:
        self.cfg = cfg
        self.stop = stop or threading.Event()
        self.fetcher = Fetcher(timeout=cfg.defaults.timeout, max_bytes=cfg.defaults.max_bytes)
        self.poller = Poller(ledger, self.fetcher, stop=self.stop.is_set, on_article=self._stored, workers=workers)
        self.states = [_State(s, cfg.interval(s)) for s in cfg.sources()]
        self.failed_polls = 0

    def _stored(self, article: object) -> None:
        log.debug("stored %s", getattr(article, "source_path", article))

    def poll(self, st: _State) -> PollResult:
        src = st.source
        started = time.monotonic()
        if isinstance(src, FeedSource):
            self.fetcher.timeout = src.timeout or self.cfg.defaults.timeout
            res = self.poller.feed(src.name, src.location, fetch=src.fetch)
        else:
            res = self.poller.folder(src.name, src.path)
        took = time.monotonic() - started
        for e in res.errors:
            log.warning("%s: error: %s", src.name, e)
        if res.source_error is not None:
            st.failures += 1
            self.failed_polls += 1
            wait = backoff(st.interval, st.failures, self.cfg.defaults.max_backoff)
            log.warning("%s; retry in %.0f s (failure %d)", res.line(), wait, st.failures)
        else:
            st.failures = 0
            wait = st.interval
            log.info("%s in %.2f s", res.line(), took)
        st.due = time.monotonic() + wait
        return res

    def run(self, once: bool = False) -> int:
        """Poll until stopped (or each source once); returns the number of failed source polls."""
        log.info("watching %d source(s); Ctrl+C or SIGTERM stops after the current article", len(self.states))
        try:
            while not self.stop.is_set():
                now = time.monotonic()
                for st in sorted((s for s in self.states if s.due <= now), key=lambda s: s.due):
                    if self.stop.is_set():
                        break
                    self.poll(st)
                if once:
                    break
                nxt = min(s.due for s in self.states)
                self.stop.wait(max(0.0, nxt - time.monotonic()))
        finally:
            self.fetcher.close()
        log.info("stopped" if self.stop.is_set() else "done")
        return self.failed_polls
