"""Fixtures for the browser tests: the web page on a live server, Debian's Chromium via Playwright.

Without Chromium the tests skip, unless ``GEDRAGSCODE_BROWSER_TESTS=1`` (set by ``.ci/run``),
where a missing browser fails the run.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from chromium import REQUIRED, chromium, chromium_available, live_server


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not chromium_available():
        message = "Chromium is not installed (apt-get install chromium)"
        if REQUIRED:
            pytest.fail(message + "; GEDRAGSCODE_BROWSER_TESTS=1 requires it")
        pytest.skip(message)
    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    with live_server(today=date(2026, 5, 1)) as url:
        yield url


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="nl-NL")
    context.set_default_timeout(20_000)
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield p
    context.close()
    assert not errors, f"errors in the browser console: {errors}"
