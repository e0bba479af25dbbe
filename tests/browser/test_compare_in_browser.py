"""The compare page's export (issue 12, point 6) opened from disk in headless Chromium with the network cut:
both maps draw their units, and moving one moves the other."""

import pytest

from geo.programme import commune_table, load_programme
from geo.store import Store
from layers import compare
from layers.export.offline_html import inline_assets
from layers.prepared import prepare
from layers.web.compare import Side, compare_page
from tests.conftest import SHARED
from tests.live import offline_page, wait_until

pytestmark = pytest.mark.browser

# Each map's Leaflet object is the global named by its container's id (folium's naming).
VIEWS = "Array.from(document.querySelectorAll('.folium-map')).map(d => {var m = window[d.id], c = m.getCenter();" \
        " return [m.getZoom(), Math.round(c.lat * 1e4), Math.round(c.lng * 1e4)];})"


@pytest.fixture(scope="module")
def exported_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare")
    store = Store.default(folder / "var")  # empty: both periods without data, as a first install
    data = {key: prepare({"LANGSON_GEODATA_DIR": str(SHARED)}, key) for key in compare.PERIOD_ORDER}
    tables = {key: commune_table(data[key].communes, load_programme(store, None, key)) for key in data}
    views = compare.compare_views(compare.CATEGORY_SUBJECT, tables, illustrative={key: False for key in data},
                                  sources={key: (data[key].boundary_source,) for key in data})
    sides = [Side(data[key].layers, views[key], **compare.map_title(key, views[key], False)) for key in data]
    path = folder / "so_sanh.html"
    path.write_text(inline_assets(compare_page(*sides, title="So sánh")), encoding="utf-8")
    return path


def in_map(page, index: int, selector: str) -> int:
    return page.locator(".folium-map").nth(index).locator(selector).count()


def test_both_maps_draw_and_move_together_offline(exported_file, browser):
    page, blocked = offline_page(browser, 1400, 900)
    page.goto(exported_file.as_uri())
    wait_until(page, lambda: in_map(page, 0, "path.commune") == 200 and in_map(page, 1, "path.commune") == 65)
    assert in_map(page, 1, "path.uncertain-zone") == 3  # Bính Xá, Kiên Mộc, Đại Đồng
    assert in_map(page, 0, "path.uncertain-zone") == 0
    assert in_map(page, 0, ".map-legend") == 1 and in_map(page, 1, ".map-legend") == 1

    left, right = page.evaluate(VIEWS)
    assert left == right  # one centre and zoom from the start
    page.locator(".folium-map").nth(0).locator(".leaflet-control-zoom-in").click()
    zoomed = wait_until(page, lambda: (views := page.evaluate(VIEWS))[1][0] > right[0] and views)
    assert zoomed[0] == zoomed[1]

    box = page.locator(".folium-map").nth(1).bounding_box()
    page.mouse.move(box["x"] + 300, box["y"] + 300)
    page.mouse.down()
    page.mouse.move(box["x"] + 150, box["y"] + 200, steps=6)
    page.mouse.up()
    panned = wait_until(page, lambda: (views := page.evaluate(VIEWS))[0] != zoomed[0] and views)
    page.wait_for_timeout(600)  # the drag's inertia ends
    left, right = page.evaluate(VIEWS)
    assert panned[0][0] == zoomed[0][0] and left == right
    assert blocked == []
