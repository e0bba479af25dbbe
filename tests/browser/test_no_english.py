"""Issue 13, defect 9, in headless Chromium with the network cut: no English from Streamlit's own widgets.

Each page is opened as a user has it (the map page with its sidebar, the import page with its uploader,
the compare and crosswalk pages), a list is opened and searched for a string that matches nothing, a
multiselect is opened, a table's toolbar is hovered, and every text the page shows, every aria-label,
title and placeholder of the app's document is searched for the English that Streamlit 1.67 writes.
"""

import re
import tomllib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from geo.demo import store_demo
from geo.store import Store
from tests.conftest import EDITOR, ROOT, SHARED
from tests.live import add_test_editor, map_frame, offline_page, running_app, sign_in, wait_idle, wait_until

pytestmark = pytest.mark.browser

# What Streamlit 1.67 writes in English on these pages (read off the screen and its accessibility tree
# before the fix), as whole words: none may remain.
ENGLISH = [
    "Drag and drop", "Browse files", "Upload", "per file", "Limit", "No results", "Clear all",
    "Choose an option", "Choose options", "Remove", "Search", "Download as CSV", "Fullscreen",
    "Show/hide columns", "Running", "Selectbox", "Multiselect", "Open", "Clear value", "Selected values",
    "Select all", "options available", "selected", "Dismiss", "Add files", "file upload", "Error",
    "Main menu", "Sidebar", "Collapse sidebar", "App pages", "Skip to main content", "Link to heading",
    "Press Enter", "st_folium", "st.iframe", "MB or smaller", "Page not found", "does not seem to exist",
]
ENGLISH_WORDS = re.compile(r"(?<![\w/])(" + "|".join(re.escape(e) for e in ENGLISH) + r")(?![\w])")
NOTHING_MATCHES = "zzqx"

# Every text node that is rendered (visually hidden announcements included: they are read aloud), and
# every aria-label, title and placeholder. Icon names drawn by the icon font are aria-hidden glyphs.
READ = r"""() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement, text = node.nodeValue.trim();
    if (!text || !element || element.closest('script,style,noscript,[aria-hidden="true"]')) continue;
    if (element.getClientRects().length) found.push('text: ' + text);
  }
  for (const element of document.querySelectorAll('[aria-label],[title],[placeholder]'))
    for (const name of ['aria-label', 'title', 'placeholder'])
      if (element.hasAttribute(name)) found.push(name + ': ' + element.getAttribute(name));
  return found;
}"""


def english_on(page) -> list[str]:
    return [line for line in page.evaluate(READ) if ENGLISH_WORDS.search(line.split(": ", 1)[1])]


def assert_no_english(page, where: str) -> None:
    page.wait_for_timeout(200)  # the last mutation's replacement has run (it runs before the next paint)
    assert english_on(page) == [], where


def upload_limit_mb() -> int:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    return config["server"]["maxUploadSize"]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("var")
    store_demo(Store.default(data_dir), by=EDITOR)  # tables, lists and filters full, as at a demonstration
    add_test_editor(data_dir)
    with running_app({"LANGSON_GEODATA_DIR": str(SHARED), "LANGSON_DATA_DIR": str(data_dir)}) as url:
        yield url


def open_list(page, box) -> None:
    """Open a selectbox's or multiselect's list; again when a rerun closed it as it opened."""
    listbox = page.locator('[role="listbox"]')
    for _ in range(3):
        wait_idle(page)
        box.click()
        try:
            listbox.first.wait_for(timeout=5_000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    listbox.first.wait_for(timeout=5_000)


def check_list(page, box, where: str, empty_text: str = "Không tìm thấy") -> None:
    open_list(page, box)
    assert_no_english(page, where + ", list open")
    page.keyboard.type(NOTHING_MATCHES)
    page.get_by_text(empty_text, exact=True).first.wait_for(timeout=10_000)
    assert_no_english(page, where + ", nothing found")
    page.keyboard.press("Escape")


def hover_table_toolbar(page, where: str) -> None:
    table = page.locator('[data-testid="stDataFrame"]').first
    table.scroll_into_view_if_needed()
    table.hover()
    button = table.locator('[data-testid="stElementToolbarButton"] button').last
    button.hover()
    tooltip = page.locator('[data-testid="stTooltipContent"]')
    try:
        tooltip.wait_for(timeout=5_000)
    except PlaywrightTimeout:
        pass  # no tooltip shown under load: the buttons' own labels are still checked
    assert_no_english(page, where + ", table toolbar")


def go_to(page, title: str, ready_text: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    page.get_by_text(ready_text).first.wait_for(timeout=60_000)
    wait_idle(page)


def test_no_english_on_any_page(app_url, browser, tmp_path):
    page, blocked = offline_page(browser)
    page.goto(app_url + "?period=2021-2025")
    map_frame(page, 60)
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
    wait_idle(page)
    assert_no_english(page, "map page")
    assert page.evaluate("document.documentElement.lang") == "vi"  # read aloud in Vietnamese

    sidebar = page.locator('[data-testid="stSidebar"]')
    check_list(page, sidebar.locator('[data-testid="stSelectbox"]').first, "map page, selectbox")
    check_list(page, sidebar.locator('[data-testid="stMultiSelect"]').first, "map page, multiselect")
    hover_table_toolbar(page, "map page")

    go_to(page, "Nhập dữ liệu", "2. Tải tệp lên và kiểm tra")
    page.get_by_label("Mật khẩu", exact=True).fill("x")  # the form's "Press Enter" hint and the eye button
    assert_no_english(page, "import page, sign-in form")
    sign_in(page)
    dropzone = page.locator('[data-testid="stFileUploaderDropzone"]')
    assert "Chọn tệp" in dropzone.inner_text()
    assert f"Tối đa {upload_limit_mb()} MB mỗi tệp" in dropzone.inner_text()
    assert_no_english(page, "import page")
    page.screenshot(path=str(tmp_path / "import_page.png"), full_page=True)
    check_list(page, page.locator('[data-testid="stSelectbox"]').first, "import page, kind")
    too_big = b"x" * (upload_limit_mb() * 2**20 + 1)  # refused by the browser before it is sent
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": "qua_lon.xlsx", "mimeType": "application/octet-stream", "buffer": too_big})
    page.locator('[data-testid="stFileChip"]').wait_for(timeout=10_000)
    assert_no_english(page, "import page, file over the limit")

    go_to(page, "So sánh hai giai đoạn", "So sánh hai giai đoạn")
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
    assert_no_english(page, "compare page")
    check_list(page, page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first, "compare page")
    hover_table_toolbar(page, "compare page")

    go_to(page, "Đối chiếu xã cũ – xã mới", "Đối chiếu xã cũ – xã mới")
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
    page.locator('[data-testid="stTextInput"] input').first.fill("Cao")  # shows the "press Enter" hint
    page.locator('[data-testid="InputInstructions"]').wait_for(timeout=10_000)
    assert_no_english(page, "crosswalk page, typing")
    hover_table_toolbar(page, "crosswalk page")
    assert blocked == []


def test_an_address_naming_no_page_is_said_in_vietnamese(app_url, browser):
    """An old or mistyped link opened Streamlit's English "Page not found" dialog."""
    page, blocked = offline_page(browser)
    page.goto(app_url + "/trang_khong_co")
    wait_idle(page)
    dialog = page.locator('[role="dialog"]')
    wait_until(page, lambda: "Không tìm thấy trang" in dialog.inner_text())
    assert_no_english(page, "trang không có")
    assert blocked == []
