"""A view is a link, and presentation mode (issue 13), in a real headless Chromium, offline."""

from urllib.parse import parse_qs, urlsplit

import pytest

from geo.demo import store_demo
from geo.store import Store
from tests.conftest import EDITOR, SHARED
from tests.live import count, map_frame, offline_page, running_app, wait_idle, wait_until

pytestmark = pytest.mark.browser

# Every parameter set (README.md lists them); the search overrides the other filters, so they are all said.
LINK = ("?period=2021-2025&source=demo&view=priority&weights=category:4,villages:1.5,gaps:2,border:0.5"
        "&ticked=electricity_households&ticked=road_commune_hardened&top=7&score=10-90"
        "&districts=Huyện Văn Lãng&categories=III&categories=II&border=sourced&q=tan&villages=0&labels=large&osm=0")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("var")
    store_demo(Store.default(data_dir), by=EDITOR)
    with running_app({"LANGSON_GEODATA_DIR": str(SHARED), "LANGSON_DATA_DIR": str(data_dir)}) as url:
        yield url


def what_is_shown(page) -> dict:
    """The map's legend and outlined communes, the caption under the title, and the address."""
    frame = map_frame(page)
    wait_idle(page)
    return {"legend": frame.inner_text(".map-legend"),
            "outlined": [count(frame, "path.commune-selected"), count(frame, "path.commune-top")],
            "caption": page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.inner_text(),
            "params": parse_qs(urlsplit(page.url).query)}


def exported(page, tmp_path) -> tuple[str, list]:
    """The exported PDF's text and the Excel table's rows (the table under the map, as the file has it)."""
    import openpyxl
    from pypdf import PdfReader

    page.get_by_text("Xuất bản đồ và bảng số liệu").click()
    files = {}
    for label, ext in (("Tải PDF (vector)", "pdf"), ("Tải bảng Excel", "xlsx")):
        with page.expect_download(timeout=60000) as download:
            page.get_by_role("button", name=label).click()
        files[ext] = tmp_path / f"{id(page)}.{ext}"
        download.value.save_as(files[ext])
    text = "".join(p.extract_text() for p in PdfReader(files["pdf"]).pages)
    rows = list(openpyxl.load_workbook(files["xlsx"]).worksheets[0].iter_rows(values_only=True))
    return text, rows


def test_a_link_with_every_parameter_reopens_the_same_view(app_url, browser, tmp_path):
    first, blocked = offline_page(browser)
    first.goto(app_url + LINK)
    shown = what_is_shown(first)
    assert "Điểm ưu tiên" in shown["legend"] and "Tìm «tan»" in shown["caption"]
    assert shown["params"]["districts"] == ["Huyện Văn Lãng"] and shown["params"]["top"] == ["7"]
    assert not first.get_by_text("bỏ qua").count()  # every parameter was used
    again, _ = offline_page(browser)
    again.goto(first.url)  # the address the app wrote, as a colleague would open it
    assert what_is_shown(again) == shown
    (text, rows), (text_again, rows_again) = (exported(page, tmp_path) for page in (first, again))
    assert text == text_again or text.split("\n")[:6] == text_again.split("\n")[:6]  # the minute may turn
    assert "Tìm «tan»" in text and "Điểm ưu tiên" in text
    assert rows == rows_again and len(rows) == int(shown["caption"].split("/")[0].split()[-1]) + 1  # + header
    assert blocked == []


def test_the_copy_button_copies_the_address(app_url, browser):
    context = browser.new_context(viewport={"width": 1500, "height": 950})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page = context.new_page()
    page.goto(app_url + "?period=2026-2030&source=demo&view=category")
    map_frame(page)
    wait_idle(page)
    button = page.frame_locator('[data-testid="stSidebar"] iframe').get_by_role("button", name="Sao chép liên kết")
    button.click()
    copied = wait_until(page, lambda: page.evaluate("navigator.clipboard.readText()"))
    assert copied == page.url and "view=category" in copied
    context.close()


def test_presentation_mode_fills_a_projector_and_reads_from_the_back(app_url, browser):
    page, blocked = offline_page(browser, 1920, 1080)
    page.goto(app_url + "?period=2026-2030&source=demo&view=priority&present=1")  # the longest header
    frame = map_frame(page)
    wait_idle(page)
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    legend_px = frame.evaluate("parseFloat(getComputedStyle(document.querySelector('.legend-row')).fontSize)")
    title_px = page.evaluate("parseFloat(getComputedStyle(document.querySelector('[data-testid=stMain] h4'))"
                             ".fontSize)")
    way_back_px = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.st-key-present_exit p'))"
                                ".fontSize)")
    badge_px = frame.evaluate("parseFloat(getComputedStyle(document.querySelector('.village-badge span')).fontSize)")
    assert legend_px >= 18 and title_px >= 18 and way_back_px >= 18 and badge_px >= 14
    iframe = page.locator('iframe[src*="streamlit_folium"]').bounding_box()
    assert iframe["y"] + iframe["height"] <= 1080 and iframe["width"] >= 1800  # the map fills the screen
    page.get_by_role("button", name="Thoát trình chiếu").click()  # the way back, with the mouse
    wait_until(page, lambda: page.locator('[data-testid="stSidebar"]').is_visible())
    assert "present" not in parse_qs(urlsplit(page.url).query)
    assert blocked == []
