"""The map in a real headless Chromium, with every request off the machine blocked."""

import pytest

from tests.conftest import SHARED
from tests.live import count, map_frame, offline_page, running_app, wait_until

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url():
    with running_app({"LANGSON_GEODATA_DIR": str(SHARED)}) as url:
        yield url


def test_map_draws_200_communes_offline_and_filter_highlights_a_district(app_url, browser):
    page, blocked = offline_page(browser)
    page.goto(app_url)
    frame = map_frame(page)
    wait_until(page, lambda: count(frame, "path.commune") == 200)
    assert count(frame, "path.district-outline") == 11
    assert count(frame, "path.border-line") == 1
    assert count(frame, "path.commune-selected") == 0
    assert "Bình Gia" in frame.inner_text(".map-legend")

    # the table follows the drawn map by itself, and the map is not redrawn for it
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=20_000)
    assert "Bảng số liệu" in page.inner_text("body")
    assert map_frame(page) is frame and count(frame, "path.commune") == 200

    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stMultiSelect"] input').first.click()
    page.keyboard.type("Đình Lập")
    page.keyboard.press("Enter")
    frame = map_frame(page)
    wait_until(page, lambda: count(frame, "path.commune-selected") == 12)
    assert count(frame, "path.dim-veil") == 1
    assert count(frame, "path.commune") == 200  # context stays, dimmed rather than removed

    assert blocked == [], f"requests left the machine: {blocked}"


def test_sidebar_and_table_come_even_if_the_map_never_says_it_is_drawn(app_url, browser):
    page, blocked = offline_page(browser)
    page.add_init_script("if (window === window.top) window.__langsonMapDrawn = true;")  # the signal is skipped
    page.goto(app_url)
    frame = map_frame(page)
    wait_until(page, lambda: count(frame, "path.commune") == 200)
    assert page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').count() == 0
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=20_000)  # the fallback rerun
    assert page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').count() == 2
    assert blocked == []


def test_tooltip_shows_commune_details_in_vietnamese(app_url, browser):
    page, blocked = offline_page(browser)
    page.goto(app_url)
    frame = map_frame(page)
    frame.locator("path.commune").nth(0).hover(force=True)
    tooltip = wait_until(page, lambda: frame.locator(".leaflet-tooltip").count()
                         and frame.inner_text(".leaflet-tooltip"))
    for label in ("Xã", "Huyện", "Mã GSO", "Biên giới", "Thuộc xã mới (2025)"):
        assert label in tooltip
    assert blocked == []
