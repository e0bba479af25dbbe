"""Names and village badges in a real headless Chromium (issue 13, defects 7 and 8): none covers another at any
zoom, a filter washes out the others' badges, a long village list says it scrolls, no focus box on a click."""

from __future__ import annotations

import pytest

from geo.demo import VILLAGES_KIND, generate_demo, store_demo
from geo.store import Store
from tests.conftest import EDITOR, SHARED
from tests.live import count, map_frame, offline_page, running_app, wait_idle, wait_until

pytestmark = pytest.mark.browser

PROVINCE = (21.89, 106.73)  # the middle of the province: all of it in view at zoom 9
CITY = (21.85, 106.76)  # the city of Lạng Sơn: the densest names and badges
# Every name and badge shown, as its box on screen; the legend's box too.
BOXES = """() => {
    const shown = [];
    document.querySelectorAll('.map-label, .village-badge').forEach(el => {
        if (getComputedStyle(el).visibility !== 'visible') return;
        const r = el.firstChild.getBoundingClientRect();
        shown.push({kind: el.className.includes('village-badge') ? 'badge' : 'name', text: el.textContent,
                    left: r.left, top: r.top, right: r.right, bottom: r.bottom});
    });
    const l = document.querySelector('.map-legend').getBoundingClientRect();
    return {shown: shown, legend: {left: l.left, top: l.top, right: l.right, bottom: l.bottom}};
}"""
SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("var")
    store_demo(Store.default(data_dir), by=EDITOR)
    with running_app({"LANGSON_GEODATA_DIR": str(SHARED), "LANGSON_DATA_DIR": str(data_dir)}) as url:
        yield url + "?period=2021-2025"


def demo_map(browser, app_url):
    """The 2021-2025 map on the demo data (its badges are on by default), once drawn."""
    page, blocked = offline_page(browser)
    page.goto(app_url)
    map_frame(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator("label").filter(has_text="Dữ liệu minh họa").first.click()
    wait_idle(page)
    frame = wait_until(page, lambda: (f := map_frame(page)) and count(f, ".village-badge") > 100 and f)
    return page, frame, blocked


def intersect(a, b) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize("zoom, centre, names, badges", [(9, PROVINCE, 10, 30), (11, CITY, 60, 40),
                                                         (13, CITY, 8, 8)])
def test_no_name_or_badge_covers_another(app_url, browser, zoom, centre, names, badges):
    """Before: at the province's zoom 150 badges overlapped each other and the district names; from zoom 11
    each commune's name lay under its badge. At zoom 9, below the map's opening zoom, one of the eleven district
    names (the smallest districts' near the city) has no room left."""
    page, frame, blocked = demo_map(browser, app_url)
    frame.evaluate(f"map.setView([{centre[0]}, {centre[1]}], {zoom}, {{animate: false}})")
    frame.evaluate(SETTLED)
    drawn = frame.evaluate(BOXES)
    shown = drawn["shown"]
    clashes = [(a["text"], b["text"]) for i, a in enumerate(shown) for b in shown[i + 1:] if intersect(a, b)]
    assert not clashes, clashes
    assert not [s["text"] for s in shown if intersect(s, drawn["legend"])]
    assert sum(s["kind"] == "name" for s in shown) >= names  # laid out, not just hidden
    assert sum(s["kind"] == "badge" for s in shown) >= badges
    assert blocked == []


def test_the_2026_units_are_named_at_the_province_zoom(app_url, browser):
    """Issue 13 walk: the 65 units had no name at all at the province's zoom (no districts to name there), and
    none after one zoom step; now they are named wherever a name fits, without overlap."""
    page, blocked = offline_page(browser)
    page.goto(app_url.replace("2021-2025", "2026-2030") + "&source=demo")
    frame = map_frame(page)
    wait_idle(page)
    frame.evaluate(SETTLED)
    shown = frame.evaluate(BOXES)["shown"]
    names = [s for s in shown if s["kind"] == "name"]
    assert len(names) >= 20
    assert not [(a["text"], b["text"]) for i, a in enumerate(shown) for b in shown[i + 1:] if intersect(a, b)]
    assert blocked == []


def test_a_filter_washes_out_the_other_communes_badges(app_url, browser, reference):
    page, frame, blocked = demo_map(browser, app_url)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stMultiSelect"] input').first.click()
    page.keyboard.type("Cao Lộc")
    page.keyboard.press("Enter")
    frame = wait_until(page, lambda: (f := map_frame(page)) and count(f, "path.commune-selected") == 22 and f)
    villages = generate_demo(reference)[VILLAGES_KIND]  # what store_demo stored, same seed
    with_villages = villages.loc[villages["district"] == "Huyện Cao Lộc", "gso_code"].nunique()
    wait_until(page, lambda: count(frame, ".village-badge:not(.washed-out)") == with_villages)
    assert count(frame, ".village-badge.washed-out") == villages["gso_code"].nunique() - with_villages
    veil = frame.evaluate("""() => { const s = getComputedStyle(
        document.querySelector('.village-badge.washed-out span'), '::after');
        return [s.backgroundColor, s.opacity]; }""")
    assert veil == ["rgb(255, 255, 255)", "0.65"]  # layers/style.py DIM_FILL, DIM_OPACITY: the communes' veil
    assert blocked == []


@pytest.fixture(scope="module")
def village_map_file(tmp_path_factory):
    """The map as one file with two badges: 30 villages (a list longer than its popup) and 3."""
    from dataclasses import replace

    from layers.export.offline_html import standalone_html
    from layers.prepared import prepare
    from layers.view import district_view
    from layers.web.basemap import build_base_map
    from layers.web.villages import VillageLayer

    data = prepare({"LANGSON_GEODATA_DIR": str(SHARED)})
    view = district_view(data.communes, data.colours)
    view = replace(view, details={code: {"Khu vực": "Khu vực I"} for code in view.fills})  # with popups
    listing = "<b>Xã thử</b><br>{n} thôn:<ul>{items}</ul>"
    long = listing.format(n=30, items="".join(f"<li>Thôn thử {i}</li>" for i in range(30)))
    short = listing.format(n=3, items="<li>Thôn A</li><li>Thôn B</li><li>Thôn C</li>")

    def build():
        fmap = build_base_map(data.layers, view)
        # placed clear of the district names, which come first (templates/labels.js)
        fmap.add_child(VillageLayer([], [[21.98, 106.98, 30, long, "05971"], [21.75, 106.5, 3, short, "06001"]]))
        return fmap
    path = tmp_path_factory.mktemp("villages") / "villages.html"
    path.write_bytes(standalone_html(build))
    return path


def open_file(browser, path):
    page, blocked = offline_page(browser, 1000, 720)
    page.goto(path.as_uri())
    wait_until(page, lambda: count(page, "path.commune") == 200)
    page.evaluate(SETTLED)
    return page, blocked


def cue(page) -> list:
    return page.evaluate("""() => { const c = document.querySelector('.leaflet-popup .scroll-cue');
        const s = getComputedStyle(c); return [s.display, s.visibility, c.textContent]; }""")


def test_a_long_village_list_says_it_scrolls(village_map_file, browser):
    page, blocked = open_file(browser, village_map_file)
    page.locator(".village-badge").filter(has_text="30").click()
    wait_until(page, lambda: count(page, ".leaflet-popup") == 1)
    assert cue(page) == ["block", "visible", "Cuộn để xem thêm"]
    page.evaluate("() => { const c = document.querySelector('.leaflet-popup-content'); "
                  "c.scrollTop = c.scrollHeight; c.dispatchEvent(new Event('scroll')); }")
    assert cue(page)[1] == "hidden"  # at the end of the list
    page.keyboard.press("Escape")
    page.locator(".village-badge").filter(has_text="3").last.click()
    wait_until(page, lambda: "Thôn C" in page.inner_text(".leaflet-popup"))
    assert cue(page)[0] == "none"  # a short list does not scroll
    assert blocked == []


def test_a_clicked_commune_has_no_focus_box_but_the_keyboard_shows_focus(village_map_file, browser):
    page, blocked = open_file(browser, village_map_file)
    point = page.evaluate("""() => { for (let y = 450; y < 650; y += 10) for (let x = 250; x < 700; x += 10) {
        const e = document.elementFromPoint(x, y); if (e && e.classList.contains('commune')) return [x, y]; } }""")
    page.mouse.click(*point)
    focus = "() => { const a = document.activeElement; return [a.tagName, getComputedStyle(a).outlineStyle]; }"
    assert page.evaluate(focus) == ["path", "none"]  # Chromium drew a grey box round it
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")  # to the next commune, from the keyboard
    tag, outline = page.evaluate(focus)
    assert tag == "path" and outline != "none"
    assert blocked == []


# Every commune name in the map's frame: its text, whether shown, and its anchor (the icon's corner) on screen.
COMMUNE_NAMES = """() => {
    const frame = document.querySelector('.leaflet-container').getBoundingClientRect();
    return Array.from(document.querySelectorAll('.commune-label'), el => {
        const r = el.getBoundingClientRect();
        return {text: el.textContent, shown: getComputedStyle(el).visibility === 'visible',
                x: r.left - frame.left, y: r.top - frame.top};
    });
}"""


@pytest.fixture(scope="module")
def label_rows():
    """The commune name rows the map gets ([lat, lon, name, code], larger first) and each commune's district."""
    from layers.prepared import prepare

    data = prepare({"LANGSON_GEODATA_DIR": str(SHARED)})
    return data.layers.commune_labels, dict(zip(data.communes["gso_code"], data.communes["district"]))


def test_only_the_names_near_the_view_are_on_the_map(app_url, browser, label_rows):
    """Issue 15: every commune's name was on the map from the commune zoom on (10,000 elements, each measured
    at every move); now only those anchored within half a view of it, and panning brings the others."""
    from layers.web.basemap import COMMUNE_LABEL_MIN_ZOOM

    rows, district_of = label_rows
    first = next(r for r in rows if district_of[r[3]] == "Huyện Đình Lập")  # the east of the province
    there = next(r for r in rows if district_of[r[3]] == "Huyện Hữu Lũng")  # the south-west, 90 km away
    page, blocked = offline_page(browser)
    page.goto(app_url)
    frame = map_frame(page)
    wait_idle(page)
    frame.evaluate(f"map.setView([{first[0]}, {first[1]}], {COMMUNE_LABEL_MIN_ZOOM}, {{animate: false}})")
    frame.evaluate(SETTLED)
    width, height = frame.evaluate("[map.getSize().x, map.getSize().y]")
    names = frame.evaluate(COMMUNE_NAMES)
    assert 0 < len(names) < len(rows) == 200  # the 200 communes of 2021-2025
    far = [n["text"] for n in names if not (-width / 2 - 1 <= n["x"] <= 1.5 * width + 1
                                            and -height / 2 - 1 <= n["y"] <= 1.5 * height + 1)]
    assert far == []
    assert first[2] in [n["text"] for n in names if n["shown"]]  # the district's largest commune, in the middle
    assert there[2] not in [n["text"] for n in names]
    assert count(frame, ".district-label") == 0

    frame.evaluate(f"map.panTo([{there[0]}, {there[1]}], {{animate: false}})")
    frame.evaluate(SETTLED)
    names = frame.evaluate(COMMUNE_NAMES)
    assert there[2] in [n["text"] for n in names if n["shown"]]
    assert first[2] not in [n["text"] for n in names]
    assert blocked == []
