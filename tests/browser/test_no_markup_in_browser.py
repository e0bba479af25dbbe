"""In a real Chromium, text from files and the URL shows literally and makes the page request nothing.

The probes are a stored file name (the map's "Nguồn", the import history) and the search `q` of the link;
tests/test_no_markup.py checks every markdown element by AppTest.
"""

from urllib.parse import quote

import pandas as pd
import pytest

from geo.imports import Reference
from geo.store import Store
from tests.conftest import SHARED
from tests.live import offline_page, running_app, wait_idle, wait_until
from tests.test_no_markup import FILE_NAME, PROBE
from ui.plain_text import WORD_JOINER

pytestmark = pytest.mark.browser
MARKUP = "[data-testid=stMain] img[src*='127.0.0.1:9'], [data-testid=stMain] a[href^='http'], .katex"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("var")
    reference = Reference.load({"LANGSON_GEODATA_DIR": str(SHARED)})
    frame = pd.DataFrame({"gso_code": list(reference.area_codes), "area_category": "III"})  # a test value
    Store.default(data_dir).save("categories", "imported", frame, FILE_NAME, b"1")
    with running_app({"LANGSON_GEODATA_DIR": str(SHARED), "LANGSON_DATA_DIR": str(data_dir)}) as url:
        yield url


def watched_page(browser):
    """An offline page that also records every request, those to 127.0.0.1 included (the probe's image
    is at 127.0.0.1:9, which offline_page lets through)."""
    page, blocked = offline_page(browser)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    return page, blocked, requested


def visible_text(page) -> str:
    return page.inner_text("[data-testid='stMain']").replace(WORD_JOINER, "")


def assert_nothing_requested(page, blocked, requested):
    page.wait_for_timeout(500)
    assert blocked == []
    assert not [u for u in requested if "127.0.0.1:9/" in u or u.startswith("http://x")], requested
    assert page.locator(MARKUP).count() == 0


def test_the_map_page_shows_the_search_and_the_file_name_literally(browser, app):
    page, blocked, requested = watched_page(browser)
    page.goto(f"{app}/?period=2021-2025&q={quote(PROBE)}")
    wait_until(page, lambda: PROBE in visible_text(page), timeout_s=60)  # the caption: the search
    wait_idle(page)
    assert_nothing_requested(page, blocked, requested)


def test_the_map_page_names_the_stored_file_literally(browser, app):
    page, blocked, requested = watched_page(browser)
    page.goto(f"{app}/?period=2021-2025")
    wait_until(page, lambda: FILE_NAME in visible_text(page), timeout_s=60)  # the caption's "Nguồn"
    wait_idle(page)
    assert_nothing_requested(page, blocked, requested)


def test_the_import_page_shows_the_file_name_literally(browser, app):
    page, blocked, requested = watched_page(browser)
    page.goto(app)
    page.get_by_text("Nhập dữ liệu", exact=True).first.click()
    wait_until(page, lambda: f"«{FILE_NAME}»" in visible_text(page), timeout_s=60)  # "Đang dùng: … tệp «…»"
    wait_idle(page)
    assert_nothing_requested(page, blocked, requested)
