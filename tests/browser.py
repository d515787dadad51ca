"""Helpers for tests and benchmarks that drive the desk in Debian's Chromium (apt: chromium, chromium-driver).

Nothing here downloads a browser: when either binary is missing, ``need_chromium`` skips with the reason.
The server runs in a thread on 127.0.0.1 only.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver") or next((p for p in ["/usr/bin/chromedriver"] if Path(p).exists()), None)


def need_chromium() -> None:
    if not CHROMIUM or not CHROMEDRIVER:
        pytest.skip("Chromium or chromedriver is absent (apt-get install chromium chromium-driver; .ci/run does)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        pytest.skip("selenium is absent (pip install -e '.[dev]')")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(app: Any, port: int) -> Iterator[str]:
    """Run ``app`` with uvicorn in a thread on 127.0.0.1:``port`` until the block ends."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the desk did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def chromium(download_dir: Path | None = None, size: str = "1440,900") -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={size}"):
        opts.add_argument(arg)
    if download_dir is not None:
        opts.add_experimental_option("prefs", {"download.default_directory": str(download_dir)})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    if download_dir is not None:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(download_dir)})
    return driver


def wait_loaded(driver: Any, previous: str | None = None, timeout: float = 15) -> str:
    """Wait until the page finished drawing (``body[data-loaded]`` set, and changed from ``previous``)."""
    from selenium.webdriver.support.ui import WebDriverWait

    def done(d: Any) -> str | bool:
        v = d.execute_script("return document.body.dataset.loaded || ''")
        return v if v and v != previous else False

    return str(WebDriverWait(driver, timeout).until(done))
