"""In a real Chromium, text from files and the URL shows literally and makes the page request nothing.

The probes are a stored file name (the map's "Nguồn", the import history), the search `q` of the link, a
stored village name (the map's popups) and, uploaded by a signed-in editor, a sheet name, a column header and a
value; tests/test_no_markup.py checks every markdown element by AppTest.
"""

from urllib.parse import quote

import pandas as pd
import pytest

from geo.editors import accounts_path, set_editor
from geo.imports import Reference, import_villages
from geo.store import Store
from tests.apptest import EDITOR_PASSWORD
from tests.conftest import EDITOR, SHARED
from tests.import_fixtures import csv_text
from tests.live import map_frame, offline_page, running_app, wait_idle, wait_until
from tests.test_no_markup import FILE_NAME, PROBE, PROBES, SPLIT_COMMUNE, VILLAGE, xlsx_with_sheet_name
from ui.plain_text import WORD_JOINER

pytestmark = pytest.mark.browser
MARKUP = "[data-testid=stMain] img[src*='127.0.0.1:9'], [data-testid=stMain] a[href^='http'], .katex"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("var")
    reference = Reference.load({"LANGSON_GEODATA_DIR": str(SHARED)})
    frame = pd.DataFrame({"gso_code": list(reference.area_codes), "area_category": "III"})  # a test value
    Store.default(data_dir).save("categories", "imported", frame, FILE_NAME, b"1", by=EDITOR)
    # VILLAGE as a badge's list (no coordinates) and as a point
    rows = [["Mã xã", "Thôn", "Kinh độ", "Vĩ độ"], [SPLIT_COMMUNE, VILLAGE, "", ""],
            [reference.area_codes[1], VILLAGE, "106,6", "21,7"]]
    villages = import_villages(csv_text(rows).encode("utf-8"), "thon.csv", reference)
    assert villages.ok, villages.problems_frame()
    Store.default(data_dir).save_result(villages, by=EDITOR)
    set_editor(accounts_path(data_dir), EDITOR.username, EDITOR_PASSWORD, EDITOR.name)
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
    sign_in(page, app)  # the rollback form, which names the version in use, is an editor's
    wait_until(page, lambda: f"«{FILE_NAME}»" in visible_text(page), timeout_s=60)  # "Đang dùng: … tệp «…»"
    wait_idle(page)
    assert_nothing_requested(page, blocked, requested)


# Every village marker's popup, opened where the marker is (a marker inside a cluster is not on the map: its
# content is opened in a popup of its own), and the text the reader then sees.
OPEN_VILLAGE_POPUPS = """() => {
    const map = Object.keys(window).map(k => window[k]).find(v => v instanceof L.Map);
    const seen = [];
    const visit = layer => {
        if (layer.getLayers) layer.getLayers().forEach(visit);
        else if (layer instanceof L.Marker && layer.getPopup()) {
            const popup = L.popup().setLatLng(layer.getLatLng()).setContent(layer.getPopup().getContent()).openOn(map);
            seen.push(popup.getElement().innerText);
        }
    };
    map.eachLayer(visit);
    return seen;
}"""


def test_the_map_shows_village_names_literally_in_their_popups(browser, app):
    page, blocked, requested = watched_page(browser)
    page.goto(f"{app}/?period=2021-2025")
    frame = map_frame(page, timeout_s=60)
    wait_idle(page)
    popups = frame.evaluate(OPEN_VILLAGE_POPUPS)
    assert any(VILLAGE in text for text in popups), popups  # the point's popup
    assert any(VILLAGE in text and "Xã Bính Xá" in text for text in popups), popups  # the badge's list
    page.wait_for_timeout(500)
    assert frame.locator(".leaflet-popup img, .leaflet-popup a[href^='http'], .katex").count() == 0
    assert_nothing_requested(page, blocked, requested)


def sign_in(page, app: str) -> None:
    page.goto(app)
    page.get_by_text("Nhập dữ liệu", exact=True).first.click()
    page.get_by_role("textbox", name="Tên đăng nhập").fill(EDITOR.username)
    page.get_by_role("textbox", name="Mật khẩu", exact=True).fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("button", name="Đăng xuất").wait_for(timeout=30_000)
    wait_idle(page)


def test_an_upload_shows_its_sheet_name_header_and_values_literally(browser, app):
    """An indicator sheet named PROBE, with a column headed PROBE and a value PROBE, uploaded as PROBE.xlsx."""
    page, blocked, requested = watched_page(browser)
    sign_in(page, app)
    page.locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="Chỉ tiêu cấp xã").click()
    wait_idle(page)
    code = Reference.load({"LANGSON_GEODATA_DIR": str(SHARED)}).area_codes[0]
    rows = [["Mã xã", PROBE, "Tỷ lệ hộ nghèo (%)"], [code, "12", PROBE]]
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": f"{PROBE}.xlsx", "mimeType": "application/octet-stream",
         "buffer": xlsx_with_sheet_name(rows, PROBE)})
    # the mapping step's line for the column (st.text) and the red box naming the file
    wait_until(page, lambda: f"Cột B «{PROBE}»" in visible_text(page), timeout_s=60)
    wait_until(page, lambda: f"«{PROBE}.xlsx»" in visible_text(page), timeout_s=60)
    wait_idle(page)
    assert PROBES[0] in visible_text(page)  # the first values of column C
    assert_nothing_requested(page, blocked, requested)
