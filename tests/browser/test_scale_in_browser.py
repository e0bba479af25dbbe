"""Many units in a real browser (issue 15): the overview is drawn first, then the detail of what is in view.

The data are benchmarks/scale_data.py's: Lạng Sơn copied on a grid, every name numbered by its copy.
"""

import pytest

import texts
from benchmarks.scale_data import build
from layers.web.detail_levels import FROM_UNITS
from tests.live import map_frame, offline_page, running_app, wait_idle, wait_until

pytestmark = pytest.mark.browser

N = FROM_UNITS + 100  # 8 copies of the province: two levels of detail, on one canvas
MAP = "Object.keys(window).filter(k => k.startsWith('map_')).map(k => window[k]).find(m => m && m.langsonSelect)"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    data = tmp_path_factory.mktemp("scale-data")
    build(data, N)
    store = tmp_path_factory.mktemp("scale-store")
    with running_app({"LANGSON_GEODATA_DIR": str(data), "LANGSON_DATA_DIR": str(store)}, timeout=120) as url:
        yield url + "/?period=2021-2025"


def state(frame) -> dict:
    return frame.evaluate("(() => { const d = document.querySelector('[data-units-drawn]').dataset;"
                          " return {drawn: +d.unitsDrawn, shown: +d.unitsShown, level: d.unitsLevel,"
                          " selected: d.unitsSelected === undefined ? null : +d.unitsSelected}; })()")


def test_the_overview_comes_first_and_the_detail_is_drawn_for_the_view_only(app_url, browser):
    page, blocked = offline_page(browser)
    geometry = []
    page.on("response", lambda r: "/app/static/geom/units-" in r.url and geometry.append(r))
    page.goto(app_url)
    frame = map_frame(page, timeout_s=120)
    assert wait_until(page, lambda: state(frame)["drawn"] == N)
    assert frame.evaluate("document.querySelectorAll('path.commune').length") == 0  # one canvas, no SVG paths
    # the whole data set in view, as the simpler overview, which came first and is the smaller file
    assert state(frame)["level"] == "overview" and state(frame)["shown"] == N
    wait_until(page, lambda: len(geometry) == 2)
    overview, detail = geometry
    assert overview.url != detail.url and len(overview.body()) < 0.8 * len(detail.body())

    # zoomed into one commune of the first copy: the detailed shapes, only of the units near the view
    name, lat, lon = frame.evaluate(f"(() => {{ const r = {MAP}.langsonGeometry.commune_labels"
                                    ".find(r => r[2].endsWith(' 1')); return [r[2], r[0], r[1]]; })()")
    frame.evaluate(f"{MAP}.setView([{lat}, {lon}], 12, {{animate: false}})")
    wait_until(page, lambda: state(frame)["level"] == "detail")
    assert 0 < state(frame)["shown"] < N / 8
    # the commune under the mouse is still the one that says so, in its tooltip
    x, y = frame.evaluate(f"(() => {{ const p = {MAP}.latLngToContainerPoint([{lat}, {lon}]);"
                          " const r = document.querySelector('[data-units-drawn]').getBoundingClientRect();"
                          " return [r.left + p.x, r.top + p.y]; })()")
    box = frame.frame_element().bounding_box()
    page.mouse.move(box["x"] + x, box["y"] + y)
    tooltip = wait_until(page, lambda: frame.locator(".leaflet-tooltip").count()
                         and frame.inner_text(".leaflet-tooltip"))
    assert name in tooltip
    # and a click on it shows its details under the map
    page.mouse.click(box["x"] + x, box["y"] + y)
    heading = texts.CLICKED_TITLE.format(commune="").strip(" *:")
    details = wait_until(page, lambda: heading in page.inner_text("body") and page.inner_text("body"), timeout_s=30)
    assert name in details

    # back out: the overview again, all of it
    frame.evaluate(f"(() => {{ const m = {MAP}; m.setZoom(m.getMinZoom() + 2, {{animate: false}}); }})()")
    wait_until(page, lambda: state(frame)["level"] == "overview")
    assert blocked == []


def test_a_district_filter_zooms_to_its_detail_and_washes_out_the_rest(app_url, browser):
    page, blocked = offline_page(browser)
    page.goto(app_url)
    frame = map_frame(page, timeout_s=120)
    wait_until(page, lambda: state(frame)["drawn"] == N)
    # the sidebar comes with the run the drawn map asks for (ui/first_paint.py): wait for it, then for that run
    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.wait_for(timeout=60_000)
    wait_idle(page, 60)
    field = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] input').first
    field.click()
    page.keyboard.type("Đình Lập 3")
    option = page.get_by_role("option", name="Đình Lập 3", exact=True)
    option.wait_for(timeout=30_000)
    option.click()
    frame = map_frame(page)
    # Huyện Đình Lập has 12 communes; the map zooms to them, past the overview's zooms
    after = wait_until(page, lambda: (s := state(frame))["selected"] == 12 and s["level"] == "detail" and s,
                       timeout_s=60)
    assert 12 <= after["shown"] < N / 2 and after["drawn"] == N, after  # the view and a quarter of it round it
    assert blocked == []
