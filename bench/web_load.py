"""Load test of the web desk: N requests from C concurrent clients against ``claimtrack serve`` on 127.0.0.1.

    python bench/web_ledger.py                  # once: the 10,000-event ledger (bench/out/web10k.db)
    python bench/web_load.py [--requests 5000] [--clients 20] [--db bench/out/web10k.db]

The server is the real ``claimtrack serve`` in its own process (loopback only); the clients are threads
with keep-alive connections. The mix is what the pages ask for: list pages with filters and offsets,
facets, the timeline, map points, event dossiers and ledger events by id or prefix, and CSV downloads
of filtered selections. It reports errors (any non-200 or failed request), latency percentiles, requests
per second and the server's resident memory at start (index built), at its peak and at the end.
Every loop is bounded in count and time. Writes bench/out/web_load.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
HOST = "127.0.0.1"  # never anything but loopback


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "claimtrack.cli", "serve", "--db", db, "--host", HOST, "--port", str(port)]
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 300) -> float:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            if httpx.get(base + "/api/assets", timeout=2).status_code == 200:
                return time.perf_counter() - t0
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server not ready in time")


def workload(base: str, n: int, rnd: random.Random) -> list[str]:
    """``n`` request paths drawn from the ledger's own ids and facet values."""
    ids = [e["id"] for e in httpx.get(base + "/api/events", params={"limit": 500}, timeout=60).json()["items"]]
    ids += [e["id"] for e in httpx.get(base + "/api/events", params={"limit": 500, "offset": 5000}).json()["items"]]
    facets = httpx.get(base + "/api/facets", timeout=60).json()["facets"]
    vals = {k: [v["value"] for v in rows] for k, rows in facets.items()}

    def filt() -> str:
        parts = []
        for key in ("status", "country", "type", "precision", "publisher", "actor"):
            if rnd.random() < 0.3 and vals.get(key):
                parts.append((key, rnd.choice(vals[key])))
        if rnd.random() < 0.15:
            parts.append(("q", rnd.choice(["kharkiv", "strike", "aleppo", "desk wire 3", "oblast"])))
        if rnd.random() < 0.2:
            parts += [("since", f"2023-{rnd.randint(1, 12):02d}-01"), ("until", f"2024-{rnd.randint(1, 12):02d}-28")]
        return urlencode(parts)

    paths = []
    for _ in range(n):
        p = rnd.random()
        f = filt()
        if p < 0.30:
            paths.append(f"/api/events?limit=50&offset={rnd.choice([0, 0, 0, 50, 100, 1000])}&{f}")
        elif p < 0.42:
            paths.append(f"/api/facets?{f}")
        elif p < 0.50:
            paths.append(f"/api/timeline?{f}")
        elif p < 0.56:
            paths.append(f"/api/points?{f}")
        elif p < 0.84:
            paths.append(f"/api/events/{rnd.choice(ids)}/dossier")
        elif p < 0.94:
            eid = rnd.choice(ids)
            paths.append(f"/api/events/{eid[: rnd.choice([9, 12, len(eid)])]}")
        else:
            paths.append(
                "/api/events.csv?"
                + urlencode([("country", rnd.choice(vals["country"])), ("status", rnd.choice(vals["status"]))])
            )
    return paths


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=str(OUT / "web10k.db"))
    ap.add_argument("--requests", type=int, default=5000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--max-seconds", type=float, default=900, help="stop sending after this long, whatever is left")
    args = ap.parse_args()
    if not Path(args.db).exists():
        print(f"{args.db} is absent: run python bench/web_ledger.py first", file=sys.stderr)
        return 2
    base = f"http://{HOST}:{args.port}"
    proc = start_server(args.db, args.port)
    try:
        ready_s = wait_ready(base, proc)
        ps = psutil.Process(proc.pid)
        rss_start = ps.memory_info().rss
        cpu0 = ps.cpu_times()
        paths = workload(base, args.requests, random.Random(args.seed))
        lat: list[float] = []
        by_kind: dict[str, list[float]] = {}
        errors: list[str] = []
        lock = threading.Lock()
        todo = iter(paths)
        peak = [rss_start]
        stop = threading.Event()
        deadline = time.monotonic() + args.max_seconds

        def client() -> None:
            # the standard library's client: a fraction of httpx's CPU per request, which matters when the
            # clients share the machine with the server they measure
            conn = http.client.HTTPConnection(HOST, args.port, timeout=30)
            while time.monotonic() < deadline:
                with lock:
                    path = next(todo, None)
                if path is None:
                    break
                t = time.perf_counter()
                try:
                    conn.request("GET", path)
                    r = conn.getresponse()
                    r.read()
                    ok, why = r.status == 200, f"{r.status} {path}"
                except (OSError, http.client.HTTPException) as exc:
                    ok, why = False, f"{type(exc).__name__} {path}"
                    conn.close()
                    conn = http.client.HTTPConnection(HOST, args.port, timeout=30)
                dt = time.perf_counter() - t
                kind = path.split("?")[0]
                if kind.count("/") >= 3:
                    kind = "/api/events/{id}" + ("/dossier" if kind.endswith("/dossier") else "")
                with lock:
                    lat.append(dt)
                    by_kind.setdefault(kind, []).append(dt)
                    if not ok:
                        errors.append(why)
            conn.close()

        def sample() -> None:
            while not stop.wait(0.2):
                peak[0] = max(peak[0], ps.memory_info().rss)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        t0 = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - t0
        stop.set()
        rss_end = ps.memory_info().rss
        cpu = ps.cpu_times()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    lat.sort()

    def pct(q: float) -> float:
        return lat[min(len(lat) - 1, int(q * len(lat)))] * 1000

    mb = 1024 * 1024
    res = {
        "db": args.db,
        "requests": len(lat),
        "clients": args.clients,
        "errors": len(errors),
        "error_examples": errors[:5],
        "server_ready_s": round(ready_s, 1),
        "wall_s": round(wall, 1),
        "rps": round(len(lat) / wall, 1),
        "p50_ms": round(pct(0.50), 1),
        "p95_ms": round(pct(0.95), 1),
        "p99_ms": round(pct(0.99), 1),
        "max_ms": round(lat[-1] * 1000, 1),
        "server_cpu_s": round(cpu.user + cpu.system - cpu0.user - cpu0.system, 1),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "rss_start_mb": round(rss_start / mb, 1),
        "rss_peak_mb": round(peak[0] / mb, 1),
        "rss_end_mb": round(rss_end / mb, 1),
        "rss_growth_mb": round((peak[0] - rss_start) / mb, 1),
        "p99_ms_by_endpoint": {
            k: round(sorted(v)[min(len(v) - 1, int(0.99 * len(v)))] * 1000, 1) for k, v in sorted(by_kind.items())
        },
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "web_load.json").write_text(json.dumps(res, indent=1))
    print(json.dumps(res, indent=1))
    ok = res["errors"] == 0 and res["p99_ms"] < 500 and res["rss_growth_mb"] < 100 and len(lat) == args.requests
    print("PASS" if ok else "FAIL", "(0 errors, p99 < 500 ms, memory within 100 MB of start)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
