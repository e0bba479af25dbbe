"""The map in a real headless Chromium, with every request off the machine blocked."""

import gzip
import json

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
    geometry = []  # the shapes come once, as a static file (layers/web/geometry_file.py), not in the page
    page.on("response", lambda r: "/app/static/geom/units-" in r.url and geometry.append(r))
    page.goto(app_url)
    frame = map_frame(page)
    wait_until(page, lambda: count(frame, "path.commune") == 200)
    assert count(frame, '[data-units-drawn="200"]') == 1  # the map's container says so, for any renderer
    # packed once when written and sent as it is: the server does not compress it again on every visit
    assert len(geometry) == 1 and geometry[0].status == 200 and geometry[0].url.endswith(".json.gz")
    assert geometry[0].headers["content-type"] == "application/gzip"
    assert "content-encoding" not in geometry[0].headers
    assert len(json.loads(gzip.decompress(geometry[0].body()))["communes"]["features"]) == 200
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
    assert count(frame, '[data-units-selected="12"]') == 1
    # context stays, washed out rather than removed: the others' fill and edges let the background through
    assert count(frame, 'path.commune[fill-opacity="0.35"][stroke-opacity="0.35"]') == 188
    assert count(frame, "path.commune") == 200

    assert blocked == [], f"requests left the machine: {blocked}"


def test_a_browser_that_cannot_unpack_gzip_fetches_the_plain_geometry(app_url, browser):
    page, blocked = offline_page(browser)
    page.add_init_script("delete window.DecompressionStream;")  # an older browser
    geometry = []
    page.on("response", lambda r: "/app/static/geom/units-" in r.url and geometry.append(r.url))
    page.goto(app_url)
    frame = map_frame(page)
    wait_until(page, lambda: count(frame, '[data-units-drawn="200"]') == 1)
    assert [url.rsplit(".", 1)[1] for url in geometry] == ["json"]
    assert count(frame, "path.commune") == 200 and blocked == []


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


@pytest.fixture(scope="module")
def units_map_file(tmp_path_factory):
    """The 2026-2030 map as one file (no server), with a popup on every unit as the category view has."""
    from dataclasses import replace

    from layers.export.offline_html import standalone_html
    from layers.prepared import prepare
    from layers.view import district_view
    from layers.web.basemap import build_base_map

    data = prepare({"LANGSON_GEODATA_DIR": str(SHARED)}, period="2026-2030")
    view = district_view(data.communes, data.colours, period=data.period)
    view = replace(view, details={code: {"Khu vực": "Khu vực I", "Số thôn ĐBKK": "1"} for code in view.fills})
    path = tmp_path_factory.mktemp("units") / "units.html"
    path.write_bytes(standalone_html(lambda: build_base_map(data.layers, view)))
    return path


def open_file(browser, path, width=1000, height=720):
    """The exported file in an offline page, once its 65 units are drawn."""
    page, blocked = offline_page(browser, width, height)
    page.goto(path.as_uri())
    wait_until(page, lambda: count(page, "path.commune") == 65)
    return page, blocked


def rect(page, selector):
    return page.evaluate(f"(() => {{ const r = document.querySelector({selector!r}).getBoundingClientRect(); "
                         "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; })()")


def test_a_popup_opens_clear_of_the_legend(units_map_file, browser):
    """Issue 12 review: a unit clicked just below the legend (top right) opened its popup under the legend.
    The map pans the popup clear of it, and keeps it inside the map."""
    page, blocked = open_file(browser, units_map_file)
    legend = rect(page, ".map-legend")
    # a point on a unit just below the legend: a popup opens upwards from the point, into the legend
    point = page.evaluate("""(l) => {
        for (let y = l.bottom + 15; y < l.bottom + 200; y += 10)
            for (let x = l.right - 20; x > l.left + 20; x -= 15) {
                const e = document.elementFromPoint(x, y);
                if (e && e.classList.contains('commune')) return [x, y];
            }
        return null; }""", legend)
    assert point, "no unit below the legend"
    page.mouse.click(*point)
    wait_until(page, lambda: count(page, ".leaflet-popup") == 1)
    popup = wait_until(page, lambda: _settled(page))  # after the pan
    assert popup["bottom"] - popup["top"] > point[1] - legend["bottom"]  # unpanned, it would reach the legend
    overlaps = (popup["right"] > legend["left"] and popup["left"] < legend["right"]
                and popup["top"] < legend["bottom"] and popup["bottom"] > legend["top"])
    assert not overlaps, (popup, legend)
    assert popup["left"] >= 0 and popup["top"] >= 0 and popup["right"] <= 1000 and popup["bottom"] <= 720
    assert blocked == []


def _settled(page):
    """The popup's box once it has stopped moving (two reads 0.3 s apart agree), else None."""
    first = rect(page, ".leaflet-popup")
    page.wait_for_timeout(300)
    return first if rect(page, ".leaflet-popup") == first else None


def test_a_long_tooltip_line_wraps_inside_the_map(units_map_file, browser):
    """Issue 12 review: "Gồm các xã cũ (2021-2025)" of a unit made of split communes ran on one line and the
    tooltip was cut at the map's edge. It wraps now (static/map.css)."""
    page, blocked = open_file(browser, units_map_file)
    centres = page.evaluate("""() => Array.from(document.querySelectorAll('path.commune')).map(p => {
        const r = p.getBoundingClientRect(); const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
        return document.elementFromPoint(x, y) === p ? [x, y] : null; })""")
    for centre in filter(None, centres):
        page.mouse.move(*centre)
        text = page.evaluate("(document.querySelector('.leaflet-tooltip') || {}).innerText || ''")
        if "một phần" in text:  # a unit that got part of a split commune: its longest line
            break
    else:
        pytest.fail("no unit with a split commune found under the mouse")
    tooltip = rect(page, ".leaflet-tooltip")
    assert tooltip["right"] - tooltip["left"] <= 360  # 340 px of text, padding and border
    assert tooltip["left"] >= 0 and tooltip["right"] <= 1000
    assert blocked == []
