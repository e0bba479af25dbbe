"""The import page in a real headless Chromium: mapping columns, and no silent replacement."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from geo.imports import Reference, import_villages
from geo.store import Store
from tests.conftest import EDITOR, SHARED
from tests.import_fixtures import csv_text, xlsx_bytes
from tests.live import add_test_editor, offline_page, running_app, sign_in, wait_idle, wait_until

pytestmark = pytest.mark.browser


def village_list(reference, count: int) -> bytes:
    """`count` test villages ("Thôn thử N", made up) spread over the real area communes, as a tidy CSV."""
    codes = reference.area_codes
    rows = [["Mã xã", "Thôn"]] + [[codes[i % len(codes)], f"Thôn thử {i + 1}"] for i in range(count)]
    return csv_text(rows).encode("utf-8")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("var")
    reference = Reference.load({"LANGSON_GEODATA_DIR": str(SHARED)})
    result = import_villages(village_list(reference, 644), "thon_644.csv", reference)
    assert result.ok, result.problems_frame()
    Store.default(data_dir).save_result(result, by=EDITOR)
    add_test_editor(data_dir)
    with running_app({"LANGSON_GEODATA_DIR": str(SHARED), "LANGSON_DATA_DIR": str(data_dir)}) as url:
        yield url, data_dir, reference


def open_import_page(browser, url, kind_label: str):
    page, blocked = offline_page(browser)
    page.goto(url)
    page.get_by_text("Nhập dữ liệu", exact=True).first.click()
    page.get_by_text("2. Tải tệp lên và kiểm tra").wait_for(timeout=30_000)
    wait_idle(page)
    sign_in(page)  # a rerun still on its way would close the list as it opens
    option = page.get_by_role("option", name=kind_label)
    for _ in range(3):  # under load a rerun can still land between the click and the list
        page.locator('[data-testid="stSelectbox"]').first.click()
        try:
            option.wait_for(timeout=10_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            wait_idle(page)
    option.click()
    wait_idle(page)  # the uploader of the chosen kind replaces the first one
    return page, blocked


def text_element(page, text: str):
    """A plain-text line of the page (st.text) containing `text`; tables' hidden cells do not count."""
    return page.locator('[data-testid="stText"]').filter(has_text=text).first


def upload(page, name: str, content: bytes):
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": name, "mimeType": "application/octet-stream", "buffer": content})


def test_replacing_644_villages_by_2_needs_a_second_confirmation(app, browser):
    url, data_dir, reference = app
    page, blocked = open_import_page(browser, url, "Thôn đặc biệt khó khăn")
    upload(page, "thon_2.csv", village_list(reference, 2))
    text_element(page, "Thay 644 thôn đang dùng bằng 2 thôn").wait_for(timeout=30_000)
    # the rest of the same run arrives a moment later: wait for it as a reader would
    warning = page.locator('[data-testid="stAlert"]').filter(has_text="ít hơn một nửa")
    warning.wait_for(timeout=30_000)
    assert "644" in warning.inner_text()
    confirm = page.get_by_role("button", name="Xác nhận nhập")
    confirm.wait_for(timeout=30_000)
    assert confirm.is_disabled()  # the warning must be acknowledged first
    page.get_by_text("Tôi đã xem các cảnh báo trên").click()
    wait_until(page, confirm.is_enabled)
    confirm.click()
    page.locator('[data-testid="stAlert"]').filter(has_text="phiên bản 2").wait_for(timeout=30_000)
    assert len(Store.default(data_dir).current("villages", "imported")) == 2
    page.screenshot(path=str(data_dir / "replace_644_by_2.png"), full_page=True)
    assert blocked == []


def test_column_mapping_step_imports_a_column_the_app_did_not_recognise(app, browser):
    url, data_dir, reference = app
    page, blocked = open_import_page(browser, url, "Chỉ tiêu cấp xã")
    a, b = reference.area_codes[:2]
    rows = [["Mã xã", "Tỷ lệ hộ dùng điện (%)", "Chỉ số KT-1"], [a, "98,5", "12/15"], [b, "97", "80%"]]
    upload(page, "chi_tieu_xa.xlsx", xlsx_bytes({"Số liệu": rows}))
    page.locator('[data-testid="stExpander"]').filter(has_text="Ghép cột với chỉ tiêu").wait_for(timeout=30_000)
    page.get_by_text("Cột C «Chỉ số KT-1» — giá trị đầu: 12/15; 80%").wait_for()
    page.get_by_label("Chỉ tiêu của cột C").click()
    page.keyboard.type("Thôn có đường ô tô đến trung tâm thôn")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Áp dụng cách ghép cột").click()
    text_element(page, "nhập mới 4 giá trị").wait_for(timeout=30_000)
    page.get_by_role("button", name="Xác nhận nhập").click()
    page.locator('[data-testid="stAlert"]').filter(has_text="Đã lưu").wait_for(timeout=30_000)
    values = Store.default(data_dir).current("indicators_commune", "imported").set_index(["gso_code", "indicator"])
    assert values.loc[(a, "road_village_hardened"), "value"] == pytest.approx(80.0)  # 12 of 15 villages
    assert values.loc[(b, "road_village_hardened"), "value"] == pytest.approx(80.0)
    assert values.loc[(a, "electricity_households"), "value"] == pytest.approx(98.5)
    page.screenshot(path=str(data_dir / "mapping.png"), full_page=True)
    # the choice is remembered: another file with the same headers is read the same way at once
    page2, blocked2 = open_import_page(browser, url, "Chỉ tiêu cấp xã")
    upload(page2, "chi_tieu_xa_thang_2.xlsx", xlsx_bytes({"Số liệu": [rows[0], [a, "99", "13/15"]]}))
    page2.get_by_text("Đã dùng cách ghép cột đã chọn lần trước").wait_for(timeout=30_000)
    text_element(page2, "đổi 2").wait_for()
    assert blocked == [] and blocked2 == []
