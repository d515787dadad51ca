"""Page times in a real browser (Debian's headless Chromium) on the 10,000-event ledger, and the screenshots.

    python bench/web_ledger.py          # once: bench/out/web10k.db
    python bench/web_browser.py [--db bench/out/web10k.db] [--runs 5] [--shots docs]

Each page records ``performance.now()`` when it has drawn everything (list, facets, timeline and every map
marker placed; or the whole dossier): the time from navigation start, as the person waits for it. Every
run is a fresh navigation. Screenshots of the list, the filtered map and an event page go to ``--shots``.
Writes bench/out/web_browser.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM, chromium, wait_loaded  # noqa: E402

from bench.web_load import HOST, start_server, wait_ready  # noqa: E402

OUT = ROOT / "bench" / "out"


def timed(driver, url: str, mark: str = "ms") -> int:
    """Milliseconds from navigation start to ``mark`` (``ms``: everything drawn; ``listMs``: the list)."""
    driver.get(url)
    wait_loaded(driver, timeout=60)
    return int(driver.execute_script(f"return +document.body.dataset.{mark}"))


def both(driver, url: str) -> tuple[int, int]:
    full = timed(driver, url)
    return int(driver.execute_script("return +document.body.dataset.listMs")), full


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=str(OUT / "web10k.db"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--port", type=int, default=8766)
    ap.add_argument("--shots", default=None, help="folder for the screenshots (docs/ in the repo)")
    ap.add_argument("--filter", default="country=UA&status=disputed", help="query of the filtered-map screenshot")
    ap.add_argument("--event-db", default=None, help="ledger for the event-page screenshot (e.g. examples/ ingested)")
    args = ap.parse_args()
    if not CHROMIUM:
        print("chromium is absent: apt-get install chromium chromium-driver", file=sys.stderr)
        return 2
    base = f"http://{HOST}:{args.port}"
    proc = start_server(args.db, args.port)
    try:
        wait_ready(base, proc)
        import httpx

        total = httpx.get(base + "/api/events", params={"limit": 1}).json()["total"]
        page = httpx.get(base + "/api/events", params={"limit": 500, "offset": total // 3}).json()
        ids = [e["id"] for e in page["items"]]
        driver = chromium(size="1440,900")
        try:
            timed(driver, base + "/")  # warm the browser's cache of the static files, as a returning analyst has
            timed(driver, f"{base}/events/{ids[0]}")
            runs = [both(driver, base + "/") for _ in range(args.runs)]
            lists, fulls = [r[0] for r in runs], [r[1] for r in runs]
            filtered = [timed(driver, f"{base}/?{args.filter}") for _ in range(args.runs)]
            events = [timed(driver, f"{base}/events/{ids[i * 37 % len(ids)]}") for i in range(args.runs * 2)]
            if args.shots:
                shots = Path(args.shots)
                shots.mkdir(parents=True, exist_ok=True)
                timed(driver, base + "/")
                time.sleep(0.5)
                driver.save_screenshot(str(shots / "desk-list.png"))
                timed(driver, f"{base}/?{args.filter}")
                time.sleep(0.5)
                driver.save_screenshot(str(shots / "desk-map-filtered.png"))
                shot_base, other = base, None
                if args.event_db:  # real pipeline output reads better than the generated ledger's
                    other = start_server(args.event_db, args.port + 1)
                    shot_base = f"http://{HOST}:{args.port + 1}"
                    wait_ready(shot_base, other)
                try:
                    items = httpx.get(shot_base + "/api/events", params={"limit": 500}).json()["items"]
                    richest = max(items, key=lambda e: (e["reports"], e["independent_sources"]))
                    driver.set_window_size(1440, 1350)  # the whole dossier, not its first screen
                    timed(driver, f"{shot_base}/events/{richest['id']}")
                    driver.save_screenshot(str(shots / "desk-event.png"))
                finally:
                    if other is not None:
                        other.terminate()
                        other.wait(timeout=20)
        finally:
            driver.quit()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    res = {
        "db": args.db,
        "ledger_events": total,
        "list_first_page_ms": {"median": statistics.median(lists), "max": max(lists), "runs": lists},
        "whole_page_ms": {"median": statistics.median(fulls), "max": max(fulls), "runs": fulls},
        "filtered_list_ms": {"median": statistics.median(filtered), "max": max(filtered), "runs": filtered},
        "event_page_ms": {"median": statistics.median(events), "max": max(events), "runs": events},
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "web_browser.json").write_text(json.dumps(res, indent=1))
    print(json.dumps(res, indent=1))
    ok = max(lists) < 1000 and max(events) < 300
    print("PASS" if ok else "FAIL", "(list first page < 1 s, event page < 0.3 s, every run)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
