"""Copy the desk's browser libraries from node_modules (pinned in src/claimtrack/web/package-lock.json)
into src/claimtrack/web/static/vendor/ and record each file's package, version and SHA-256 in MANIFEST.json.

The vendor folder is committed, so a wheel built from a clean checkout (``pip install .``) has the map,
chart and API-docs files without npm; ``make web-assets`` (npm ci + this script) refreshes them after a
version bump in package.json, and tests/test_web.py checks the manifest against the lock file.

    npm ci --prefix src/claimtrack/web --ignore-scripts && python scripts/web_assets.py
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "src" / "claimtrack" / "web"
VENDOR = WEB / "static" / "vendor"
FILES = {  # package -> files inside it (copied flat, except leaflet's marker images)
    "leaflet": [
        "dist/leaflet.js",
        "dist/leaflet.css",
        "dist/images/layers.png",
        "dist/images/layers-2x.png",
        "dist/images/marker-icon.png",
        "dist/images/marker-icon-2x.png",
        "dist/images/marker-shadow.png",
    ],
    "leaflet.markercluster": [
        "dist/leaflet.markercluster.js",
        "dist/MarkerCluster.css",
        "dist/MarkerCluster.Default.css",
    ],
    "topojson-client": ["dist/topojson-client.min.js"],
    "world-atlas": ["countries-50m.json"],
    "d3": ["dist/d3.min.js"],
    "swagger-ui-dist": ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"],
    "redoc": ["bundles/redoc.standalone.js"],
}


def main() -> int:
    modules = WEB / "node_modules"
    if not modules.exists():
        print(f"{modules} is absent: run npm ci --prefix {WEB} --ignore-scripts first", file=sys.stderr)
        return 1
    manifest = {}
    for pkg, files in FILES.items():
        version = json.loads((modules / pkg / "package.json").read_text())["version"]
        for rel in files:
            src = modules / pkg / rel
            dest = VENDOR / ("images/" + src.name if "/images/" in rel else src.name)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
            name = str(dest.relative_to(VENDOR))
            manifest[name] = {
                "package": pkg,
                "version": version,
                "sha256": hashlib.sha256(dest.read_bytes()).hexdigest(),
            }
    (VENDOR / "MANIFEST.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    print(f"{len(manifest)} files -> {VENDOR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
