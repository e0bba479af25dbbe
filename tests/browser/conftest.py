"""One headless Chromium per test module, for every browser test."""

import pytest

from tests.live import launch_browser

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = launch_browser(p)
        yield b
        b.close()
