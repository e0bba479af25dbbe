"""The map in a real headless Chromium, with every request off the machine blocked."""

import pytest

from tests.conftest import SHARED
from tests.live import count, map_frame, offline_page, running_app, wait_until

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server():
    with running_app({"LANGSON_GEODATA_DIR": str(SHARED)}) as url:
        yield url


@pytest.fixture(scope="module")
def app_url(server):
    """The 2021-2025 map: 200 communes in 11 districts (the store is empty, so a bare address opens 2026-2030)."""
    return server + "?period=2021-2025"


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


def test_2026_map_draws_65_units_with_uncertain_zones_and_switches_period(server, browser):
    page, blocked = offline_page(browser)
    page.goto(server)  # nothing stored: the page opens on 2026-2030
    frame = map_frame(page)
    wait_until(page, lambda: count(frame, "path.commune") == 65)
    assert count(frame, "path.uncertain-zone") == 3  # Bính Xá, Kiên Mộc, Đại Đồng
    assert count(frame, "path.district-outline") == 0  # no districts since 01/7/2025
    assert frame.locator("pattern#uncertain-hatch").count() == 1
    legend = frame.inner_text(".map-legend")
    assert "Ranh giới chưa xác định" in legend and "Huyện cũ" in legend
    zone_fill = frame.locator("path.uncertain-zone").first.evaluate("p => getComputedStyle(p).fill")
    assert "uncertain-hatch" in zone_fill
    page.wait_for_url("**period=2026-2030**")

    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=20_000)
    page.get_by_text("2021-2025 · 200 xã, 11 huyện").click()
    page.wait_for_url("**period=2021-2025**")
    wait_until(page, lambda: count(map_frame(page), "path.commune") == 200)  # a new map frame replaces the old
    frame = map_frame(page)
    assert count(frame, "path.uncertain-zone") == 0 and count(frame, "path.district-outline") == 11
    assert blocked == [], f"requests left the machine: {blocked}"
