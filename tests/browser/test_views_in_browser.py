"""Thematic views, clicking a commune, and hostile text, in a real headless Chromium."""

import pandas as pd
import pytest

from geo.demo import store_demo
from geo.imports import Reference, import_villages
from geo.store import Store
from layers.thematic import CATEGORY_COLOURS
from tests.conftest import EDITOR, SHARED
from tests.live import count, map_frame, offline_page, running_app, wait_idle, wait_until

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=alert(1)>"
TEMPLATE = "{{ 7*7 }} {% if %}"  # folium's templates must show it, not run it


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("var")
    store = Store.default(data_dir)
    store_demo(store, by=EDITOR)
    # The importer refuses markup in names (tests/test_imports_villages.py); the map must still show any
    # stored name as text, so hostile names are written straight into the store as a second line of defence.
    content = "Huyện,Xã,Thôn\nHuyện Cao Lộc,Xã Xuất Lễ,Thôn Nà Pàn\n".encode("utf-8")
    result = import_villages(content, "thon_dbkk.csv", Reference.load({"LANGSON_GEODATA_DIR": str(SHARED)}))
    assert result.ok, result.problems_frame()
    hostile = pd.concat([result.frame] * 3, ignore_index=True)
    hostile["village"] = [HOSTILE, "Thôn Nà Pàn", TEMPLATE]
    hostile["village_key"] = ["hostile", "nà pàn", "template"]
    store.save("villages", "imported", hostile, "thon_dbkk.csv", content, by=EDITOR)
    with running_app({"LANGSON_GEODATA_DIR": str(SHARED), "LANGSON_DATA_DIR": str(data_dir)}) as url:
        yield url + "?period=2021-2025"  # the demo holds both periods; these views check the 2021-2025 lists


def sidebar(page):
    return page.locator('[data-testid="stSidebar"]')


def choose(page, selectbox_index, text):
    sidebar(page).locator('[data-testid="stSelectbox"]').nth(selectbox_index).click()
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def use_demo(page):
    sidebar(page).locator("label").filter(has_text="Dữ liệu minh họa").first.click()
    sources = sidebar(page).locator('[data-testid="stRadio"]').filter(has_text="Dữ liệu hiển thị")
    wait_until(page, sources.locator("input[type=radio]").nth(1).is_checked)  # the period radio comes first
    wait_idle(page)


def legend_text(page):
    return map_frame(page).inner_text(".map-legend")


def open_demo_view(browser, app_url, view: str, legend_mark: str):
    """A fresh offline page showing `view` on the demo data, once its legend says `legend_mark`."""
    page, blocked = offline_page(browser)
    page.goto(app_url)
    map_frame(page)
    use_demo(page)
    choose(page, 0, view)
    wait_until(page, lambda: legend_mark in legend_text(page))
    return page, blocked


def test_category_map(app_url, browser):
    page, blocked = open_demo_view(browser, app_url, "Phân định", "Khu vực III: 88 xã")
    frame = map_frame(page)
    for category, communes in (("III", 88), ("II", 8), ("I", 103)):  # QĐ 861/QĐ-TTg, Lạng Sơn
        assert count(frame, f'path.commune[fill="{CATEGORY_COLOURS[category]}"]') == communes
    assert "Dữ liệu minh họa" in frame.inner_text(".illustrative-banner")
    assert count(frame, ".village-badge") > 0  # demo villages, clustered
    assert blocked == []


def test_indicator_map_legend_and_priority_table(app_url, browser):
    page, blocked = open_demo_view(browser, app_url, "Chỉ tiêu", "Giá trị (% số thôn)")
    legend = legend_text(page)
    assert legend.count("% số thôn") >= 3 and " – " in legend  # class limits with units

    choose(page, 0, "Điểm ưu tiên")
    wait_until(page, lambda: "Điểm ưu tiên (0–100)" in legend_text(page))
    frame = map_frame(page)
    wait_until(page, lambda: count(frame, "path.commune-top") == 10)
    # The table arrives after the map is redrawn: wait for the ranked table, as a reader would.
    table = page.locator('[data-testid="stDataFrame"]').first
    wait_until(page, lambda: "Hạng" in (table.locator('[role="row"]').first.text_content() or ""))
    first_row = table.locator('[role="row"]').nth(1).text_content()
    assert first_row.startswith("1")  # rank 1 first
    assert blocked == []


def test_clicking_a_commune_shows_its_details(app_url, browser):
    page, blocked = offline_page(browser)
    page.goto(app_url)
    frame = map_frame(page)
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=30_000)  # the whole page, as a user sees it
    frame.locator("path.commune").nth(40).click(force=True)
    wait_until(page, lambda: page.get_by_text("Xã được chọn trên bản đồ").count() > 0)
    grids = page.locator('[data-testid="stDataFrame"]')
    wait_until(page, lambda: any("Thuộc xã mới (2025)" in (grids.nth(i).text_content() or "")
                                 for i in range(grids.count())))
    assert blocked == []


def test_hostile_village_name_is_shown_as_text(app_url, browser):
    page, blocked = offline_page(browser)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(app_url)  # the imported source is the default: the hostile file is on screen
    frame = map_frame(page)
    wait_until(page, lambda: count(frame, ".village-badge") == 1)
    frame.locator(".village-badge").first.click(force=True)
    wait_until(page, lambda: frame.locator(".leaflet-popup-content").count() == 1)
    popup = frame.locator(".leaflet-popup-content")
    assert HOSTILE in popup.inner_text() and TEMPLATE in popup.inner_text()
    assert popup.locator("img").count() == 0
    page.wait_for_timeout(500)
    assert dialogs == [] and blocked == []


def test_exports_download_what_is_on_screen(app_url, browser, tmp_path):
    import openpyxl
    from pypdf import PdfReader

    page, blocked = open_demo_view(browser, app_url, "Phân định", "Khu vực III: 88 xã")
    page.get_by_text("Xuất bản đồ và bảng số liệu").click()
    files = {}
    for label, ext in (("Tải PDF (vector)", "pdf"), ("Tải bảng Excel", "xlsx"), ("Tải ảnh PNG", "png")):
        with page.expect_download(timeout=60000) as download:
            page.get_by_role("button", name=label).click()
        files[ext] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[ext])
        assert files[ext].name.startswith("phan-dinh-xa-khu-vuc-i-ii-iii")
    text = "".join(p.extract_text() for p in PdfReader(files["pdf"]).pages)
    assert "Phân định xã khu vực I, II, III" in text and "Dữ liệu minh họa" in text
    book = openpyxl.load_workbook(files["xlsx"])
    assert book.worksheets[0].max_row == 201 and book.worksheets[0]["D1"].value == "Khu vực"
    assert files["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert blocked == []
