"""CPU of one ``watch`` poll over 20 local feeds of 50 entries each with nothing new (issue 15: < 1 s).

    python bench/live_poll.py [--feeds 20] [--entries 50] [--polls 5] [--etag]

A server process on 127.0.0.1 serves the feeds (RSS 2.0, invented entries; no ETag unless --etag, so by
default every poll downloads and parses every feed in full). The entries are first marked seen, as a first
poll that stored them would leave them; the NLP is not what is measured. Then each poll runs the watcher's
own code path (``Watcher.poll`` per source) and the CPU time of this process is taken around it; the
server's CPU is in its own process and not counted.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.live_server import Route, Server, items, rss  # noqa: E402


def _serve(n_feeds: int, n_entries: int, etag: bool, ready: mp.Queue) -> None:  # type: ignore[type-arg]
    srv = Server().start()
    for f in range(n_feeds):
        body = rss(f"Bench Feed {f}", items(srv.base, f"f{f}", f * 1000, n_entries))
        srv.routes[f"/feed{f}.xml"] = Route(body, etag=f'"f{f}"' if etag else None)
    ready.put(srv.base)
    while True:
        time.sleep(3600)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=20)
    ap.add_argument("--entries", type=int, default=50)
    ap.add_argument("--polls", type=int, default=5)
    ap.add_argument("--etag", action="store_true", help="the server answers 304 to a repeated request")
    args = ap.parse_args()

    from claimtrack.ingest.feed import Feed, parse_feed
    from claimtrack.live.config import load_config
    from claimtrack.live.watch import Watcher
    from claimtrack.store import Ledger

    ready: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    server = mp.Process(target=_serve, args=(args.feeds, args.entries, args.etag, ready), daemon=True)
    server.start()
    base = ready.get(timeout=30)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            cfg = Path(tmp) / "feeds.toml"
            cfg.write_text(
                "[defaults]\ninterval = 60\n"
                + "".join(f'[[feed]]\nname = "f{f}"\nurl = "{base}/feed{f}.xml"\n' for f in range(args.feeds))
            )
            db = str(Path(tmp) / "bench.db")
            seed = Watcher(load_config(cfg), Ledger(db))
            for st in seed.states:  # what a first poll that stored every entry leaves behind
                parsed = parse_feed(seed.fetcher.get(st.source.location).body, "seed")  # type: ignore[union-attr]
                assert isinstance(parsed, Feed)
                for e in parsed.entries:
                    seed.poller.seen.mark(st.source.name, e.key, e.link, None, "added")
            seed.fetcher.close()

            watcher = Watcher(load_config(cfg), Ledger(db))  # a fresh process's memory: keys load at poll 1
            cpu, wall = [], []
            for _ in range(args.polls):
                c0, w0 = time.process_time(), time.perf_counter()
                results = [watcher.poll(st) for st in watcher.states]
                cpu.append(time.process_time() - c0)
                wall.append(time.perf_counter() - w0)
                assert all(r.new == 0 and r.source_error is None for r in results), [r.line() for r in results]
                skipped = sum(r.skipped for r in results)
                unchanged = sum(r.unchanged for r in results)
            watcher.fetcher.close()
    finally:
        server.terminate()
    print(
        f"{args.feeds} feeds x {args.entries} entries, nothing new, {'ETag/304' if args.etag else 'full download'}: "
        f"CPU per poll first {cpu[0]:.3f} s, then median {statistics.median(cpu[1:] or cpu):.3f} s, "
        f"max {max(cpu):.3f} s; wall median {statistics.median(wall):.3f} s "
        f"(last poll: {skipped} entries skipped, {unchanged} feeds unchanged)"
    )


if __name__ == "__main__":
    main()
