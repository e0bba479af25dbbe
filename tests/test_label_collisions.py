"""Issue 13, defects 7 and 8: names and village badges never cover each other (screen and paper), washed-out
communes' badges are washed out too, a long village list says it scrolls, no focus box round a clicked
commune, the border filter zooms in. The layout itself runs in the browser: tests/browser/test_labels_in_browser.py.
"""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pandas as pd
import pytest
import shapely
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from shapely import affinity

from geo.demo import VILLAGES_KIND, generate_demo
from geo.filters import select_codes
from layers import style
from layers.paper.drawing import draw_village_badges, split_villages, village_badge_boxes, village_point_boxes
from layers.paper.frame import map_axes, map_frame
from layers.paper.geometry import print_geometry
from layers.paper.labels import draw_district_labels, overlaps
from layers.paper.layout import page_layout, paper_inches
from layers.paper.legend import dim_colour
from layers.prepared import prepare
from layers.view import district_view
from layers.web.basemap import build_base_map
from layers.web.selection import selection_layer
from layers.web.viewport import LEGEND_HEIGHT_PX, LEGEND_WIDTH_PX, MAP_HEIGHT_PX, MAP_WIDTH_PX, view_of
from layers.web.villages import village_rows
from tests.conftest import ROOT, SHARED


@pytest.fixture(scope="module")
def mapdata():
    return prepare({"LANGSON_GEODATA_DIR": str(SHARED)})


@pytest.fixture(scope="module")
def demo_villages(reference):
    """The demo's 644 villages of 2021-2025 (Quyết định 612/QĐ-UBDT's total), without coordinates."""
    return generate_demo(reference)[VILLAGES_KIND]


# --- the web map's rows: what labels.js needs to lay them out ---------------------------------------------

def test_badges_name_their_commune_and_come_most_villages_first(mapdata, demo_villages):
    _, badges = village_rows(demo_villages, mapdata.communes, mapdata.label_points)
    counts = demo_villages.groupby("gso_code").size()
    assert [row[4] for row in badges if row[4]] and {row[4] for row in badges} == set(counts.index)
    assert all(row[2] == counts[row[4]] for row in badges)
    assert [row[2] for row in badges] == sorted(counts, reverse=True)  # the badge kept where two would meet


def test_village_points_name_their_commune(mapdata):
    code = mapdata.communes["gso_code"].iloc[0]
    villages = pd.DataFrame({"gso_code": [code], "village": ["Thôn A"], "lon": [106.7], "lat": [21.8]})
    points, _ = village_rows(villages, mapdata.communes, mapdata.label_points)
    assert points[0][4] == code  # washed out with its commune


def test_names_come_larger_communes_and_districts_first(mapdata):
    rows, districts = mapdata.layers.commune_labels, mapdata.layers.district_labels
    metric = mapdata.web_districts.to_crs("EPSG:32648")
    by_area = [style.short_district_name(d) for _, d in sorted(zip(metric.area, metric["district"]), reverse=True)]
    assert [row[2] for row in districts] == by_area  # Đình Lập first, the city last
    metric = mapdata.web_communes.to_crs("EPSG:32648")
    areas = dict(zip(metric["gso_code"], metric.area))
    codes = [row[3] for row in rows]
    assert sorted(codes) == sorted(areas)
    assert codes[0] == max(areas, key=areas.get) and codes[-1] == min(areas, key=areas.get)
    in_metres = [areas[code] for code in codes]  # square degrees rank as square metres, near enough
    assert sum(a >= b for a, b in zip(in_metres, in_metres[1:])) > 0.85 * len(codes)
    name_of = {row[3]: row[2] for row in rows}
    assert name_of[codes[0]] in {label[2] for label in mapdata.layers.commune_labels}


def test_the_filter_tells_the_labels_which_communes_are_chosen(mapdata):
    """The units are washed out under the markers; a badge of a washed-out commune is washed out by labels.js."""
    codes = select_codes(mapdata.communes, districts=["Huyện Cao Lộc"])
    group = selection_layer(codes, len(mapdata.communes))
    fmap = build_base_map(mapdata.layers, district_view(mapdata.communes, mapdata.colours))
    fmap.add_child(group)
    page = fmap.get_root().render()
    told = re.search(r"var wanted = \{chosen: (\[[^\]]*\]), top", page)
    assert told and sorted(json.loads(told.group(1))) == sorted(codes)
    assert "langsonLabels.choose(value && value.chosen)" in page


# --- static/map.css --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def css():
    return (ROOT / "static" / "map.css").read_text(encoding="utf-8")


def rule(css: str, selector: str) -> str:
    match = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert match, selector
    return match.group(1)


def test_washed_out_badges_take_the_veil_of_the_communes(css):
    veil = rule(css, ".village-badge.washed-out span::after")
    assert f"background: {style.DIM_FILL}" in veil and f"opacity: {style.DIM_OPACITY}" in veil
    assert "washed-out" in (ROOT / "layers/web/templates/labels.js").read_text(encoding="utf-8")


def test_a_clicked_commune_gets_no_focus_box_but_the_keyboard_keeps_it(css):
    assert "outline: none" in rule(css, "path.leaflet-interactive:focus:not(:focus-visible)")
    assert not re.search(r"path[^{,]*:focus\s*\{[^}]*outline:\s*(none|0)", css)  # never for the keyboard


def test_a_long_village_list_shows_a_scroll_cue(css):
    assert "display: none" in rule(css, ".village-list .scroll-cue")
    cue = rule(css, ".leaflet-popup-scrolled .village-list .scroll-cue")
    assert "display: block" in cue and "sticky" in cue and "gradient" in cue


def test_names_and_badges_stay_hidden_until_placed_and_while_zooming(css):
    assert "visibility: hidden" in rule(css, ".label-hidden, .leaflet-zoom-anim .map-label, "
                                             ".leaflet-zoom-anim .village-badge")


# --- where the web map looks -----------------------------------------------------------------------------

def pixels(geom, centre, zoom: float, width: int = MAP_WIDTH_PX, height: int = MAP_HEIGHT_PX):
    """`geom` (lon/lat) in a map's pixels, from its top left (Web Mercator, 256 px tiles, as Leaflet draws)."""
    scale = 256 * 2 ** zoom

    def world(xy: np.ndarray) -> np.ndarray:
        s = np.sin(np.radians(xy[:, 1]))
        return np.column_stack([(xy[:, 0] + 180) / 360 * scale,
                                (0.5 - np.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale])
    cx, cy = world(np.array([[centre[1], centre[0]]]))[0]
    return shapely.transform(geom, lambda xy: world(xy) - [cx - width / 2, cy - height / 2])


def legend_box(width: int = MAP_WIDTH_PX):
    return shapely.box(width - LEGEND_WIDTH_PX, 0, width, LEGEND_HEIGHT_PX)


@pytest.mark.parametrize("period", ["2021-2025", "2026-2030"])
def test_the_border_filter_zooms_in_on_the_border_communes(period):
    """Issue 13, defect 8: the border communes (a strip from north-west to south-east) fill the map; before, in
    2026-2030 the map only moved, at the province's zoom, because the fit kept a full-height strip free for
    the legend. Nothing of them lies under the legend."""
    data = prepare({"LANGSON_GEODATA_DIR": str(SHARED)}, period=period)
    codes = select_codes(data.communes, border_only=True)
    centre, zoom = view_of(data, codes)
    _, province_zoom = view_of(data, [])
    assert zoom > province_zoom
    chosen = pixels(data.web_communes[data.web_communes.gso_code.isin(codes)].geometry.union_all(), centre, zoom)
    for width in (MAP_WIDTH_PX, 1400):  # a wider map moves the legend away from the centre
        shifted = affinity.translate(chosen, (width - MAP_WIDTH_PX) / 2)
        assert not shifted.intersects(legend_box(width))
        x0, y0, x1, y1 = shifted.bounds
        assert 0 <= x0 and x1 <= width and 0 <= y0 and y1 <= MAP_HEIGHT_PX


@pytest.mark.parametrize("period", ["2021-2025", "2026-2030"])
def test_no_district_is_fitted_under_the_legend(period):
    data = prepare({"LANGSON_GEODATA_DIR": str(SHARED)}, period=period)
    for district, group in data.communes.groupby("district"):
        codes = group["gso_code"].tolist()
        centre, zoom = view_of(data, codes)
        chosen = pixels(data.web_communes[data.web_communes.gso_code.isin(codes)].geometry.union_all(), centre,
                        zoom)
        assert not chosen.intersects(legend_box()), district
        x0, y0, x1, y1 = chosen.bounds
        assert 0 <= x0 and x1 <= MAP_WIDTH_PX and 0 <= y0 and y1 <= MAP_HEIGHT_PX, district


# --- the print map ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def a4_map(province):
    """The A4 landscape map of the whole province, as render.build_figure sets it up."""
    geometry = print_geometry(province)
    layout = page_layout("A4", "landscape")
    width, height = paper_inches("A4", "landscape")
    frame = map_frame(layout.map, geometry, np.zeros(len(geometry.codes), dtype=bool))
    return geometry, frame, layout.font_scale, (width, height)


def axes(frame, size):
    return map_axes(Figure(figsize=size), frame, *size)


def disc_boxes(ax, frame) -> list[tuple]:
    """The page boxes of the village discs drawn on `ax`."""
    boxes = []
    for patch in ax.patches:
        x, y = patch.center
        px, py = frame.to_page(x, y)
        r = patch.radius / frame.metres_per_inch
        boxes.append((px - r, py - r, px + r, py + r))
    return boxes


def test_district_names_keep_off_the_village_discs(a4_map, demo_villages):
    """Issue 13, defect 7: in print, TRÀNG ĐỊNH, VĂN LÃNG, HỮU LŨNG... sat on the village discs."""
    geometry, frame, fs, size = a4_map
    _, badges = split_villages(demo_villages, geometry)
    marks = list(village_badge_boxes(frame, geometry, badges, fs).values())
    names = draw_district_labels(axes(frame, size), frame, geometry, fs, [], marks=marks)
    assert len(names) == len(geometry.district_names)  # every district named, none dropped for the discs
    ax = axes(frame, size)
    draw_village_badges(ax, frame, geometry, badges, fs, names)
    discs = disc_boxes(ax, frame)
    assert len(discs) == len(badges)
    assert not [(n, d) for n in names for d in discs if overlaps(n, d)]
    assert not [(a, b) for i, a in enumerate(discs) for b in discs[i + 1:] if overlaps(a, b)]  # the city's wards


def test_district_names_keep_off_village_points_where_there_is_room(a4_map, province, reference):
    """Village points cannot move: a name takes the spot nearest its anchor that covers none, or the fewest.
    With the demo's 644 points, at their anchors the eleven names covered 104; the city (8 small wards, 38
    points under its name) has no clear spot near it."""
    geometry, frame, fs, size = a4_map
    villages = generate_demo(reference, communes=province.communes)[VILLAGES_KIND]
    points, _ = split_villages(villages, geometry)
    dots = village_point_boxes(frame, points, fs)
    assert len(dots) == len(villages)
    names = draw_district_labels(axes(frame, size), frame, geometry, fs, [], marks=dots)
    before = draw_district_labels(axes(frame, size), frame, geometry, fs, [])  # the names at their anchors
    assert len(names) == len(before) == len(geometry.district_names)
    covered = [sum(overlaps(n, d) for d in dots) for n in names]
    assert sum(covered) < sum(sum(overlaps(n, d) for d in dots) for n in before) / 2
    assert sum(c == 0 for c in covered) >= 6
    assert max(sorted(covered)[:-1]) <= 3  # outside the city, a name lies on at most a few points


def test_a_disc_moves_off_a_name_and_off_its_neighbours(a4_map):
    geometry, frame, fs, size = a4_map
    # Phường Hoàng Văn Thụ, Tam Thanh, Vĩnh Trại (GSO codes): three wards of the city, side by side
    city = [i for i, code in enumerate(geometry.codes) if code in ("05971", "05974", "05977")]
    assert len(city) == 3
    badges = dict.fromkeys(city, 5)
    anchor_boxes = village_badge_boxes(frame, geometry, badges, fs)
    name = anchor_boxes[city[0]]  # a name lying where the first disc would be
    ax = axes(frame, size)
    boxes = draw_village_badges(ax, frame, geometry, badges, fs, [name])
    assert all(not overlaps(box, name) for box in boxes.values())
    assert not any(overlaps(a, b) for i, a in enumerate(boxes.values()) for b in list(boxes.values())[i + 1:])
    for i, box in boxes.items():  # still next to its ward
        ax0, ay0, ax1, ay1 = anchor_boxes[i]
        assert math.hypot((box[0] + box[2] - ax0 - ax1) / 2, (box[1] + box[3] - ay0 - ay1) / 2) < 0.5



def test_printed_discs_outside_the_filter_are_veiled_as_their_communes(a4_map, demo_villages):
    geometry, frame, fs, size = a4_map
    _, badges = split_villages(demo_villages, geometry)
    selected = np.isin(geometry.codes, list(demo_villages.loc[demo_villages["district"] == "Huyện Cao Lộc",
                                                              "gso_code"]))
    ax = axes(frame, size)
    draw_village_badges(ax, frame, geometry, badges, fs, selected=selected)
    fills = [to_hex(patch.get_facecolor()) for patch in ax.patches]
    assert fills.count(style.VILLAGE_COLOUR) == selected.sum()
    assert fills.count(dim_colour(style.VILLAGE_COLOUR)) == len(badges) - selected.sum()
    assert fills[:selected.sum()] == [style.VILLAGE_COLOUR] * selected.sum()  # the filter's first: never moved


def test_the_printed_page_has_no_district_name_on_a_village_disc(province, demo_villages):
    """The whole page as exported: each district name's drawn extent is clear of every village disc."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.patches import Circle

    from layers.paper.render import build_figure

    view = district_view(province.communes, style.district_colours(province.communes["district"].tolist()))
    fig = build_figure(view, province, villages=demo_villages)
    renderer = FigureCanvasAgg(fig).get_renderer()
    ax = fig.axes[1]
    district_names = {name for name in print_geometry(province).district_names}
    names = [t.get_window_extent(renderer) for t in ax.texts if t.get_text() in district_names]
    discs = [p.get_window_extent(renderer) for p in ax.patches if isinstance(p, Circle)]
    assert len(names) == len(district_names) and len(discs) > 100
    assert not [(n, d) for n in names for d in discs if n.overlaps(d)]
