#!/usr/bin/env bash
# Installs (if missing) Debian's Chromium and its WebDriver for the browser tests (tests/test_web_browser.py).
# Nothing downloads a browser at test time; without these packages those tests skip with the reason.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >&2
fi
chromium --version >&2
