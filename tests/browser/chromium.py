"""Helpers for the browser tests and the screenshot script: the page on a live local server,
and Debian's Chromium driven by Playwright (no browser download: ``executable_path``).

``GEDRAGSCODE_CHROMIUM`` overrides the browser (default ``/usr/bin/chromium``);
``GEDRAGSCODE_BROWSER_TESTS=1`` (set by ``.ci/run``) makes a missing browser an error instead
of a reason to skip.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("GEDRAGSCODE_CHROMIUM", "/usr/bin/chromium"))
REQUIRED = os.environ.get("GEDRAGSCODE_BROWSER_TESTS") == "1"
# Flags for a closed network: no background connections, no first-run or sync chatter.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_available() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


@contextmanager
def live_server(**options: Any) -> Iterator[str]:
    """``gedragscode serve``'s application on a free loopback port, in a thread; yields its URL."""
    from waitress.server import create_server

    from gedragscode.web import create_app

    server = create_server(create_app(**options), host="127.0.0.1", port=0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        thread.join(timeout=5)


@contextmanager
def chromium() -> Iterator[Any]:
    """A Playwright ``Browser`` on Debian's Chromium, with a fresh empty profile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        # Playwright gives every launch a new, empty user-data-dir of its own.
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()
