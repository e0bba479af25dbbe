"""Filters, web geometry and the folium layers (no browser needed)."""

import dataclasses
import html
import json
import math
import re

import pandas as pd
import pytest
import shapely

from geo.filters import select_codes
from geo.webgeom import label_points
from layers import style
from layers.prepared import prepare
from layers.view import MapView, district_view, filters_subtitle
from layers.web.basemap import build_base_map, legend_html
from layers.web.geojson import feature_collection
from layers.web.selection import selection_layer
from layers.web.viewport import LEGEND_WIDTH_PX, MAP_HEIGHT_PX, MAP_WIDTH_PX, view_for_bounds, view_of
from layers.web.villages import VillageLayer, village_rows
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def mapdata(shared_dir):
    return prepare({"LANGSON_GEODATA_DIR": str(shared_dir)})


def test_district_filter(province):
    codes = select_codes(province.communes, districts=["Huyện Đình Lập"])
    assert len(codes) == 12


def test_border_filter_by_source(province):
    c = province.communes
    assert len(select_codes(c, border_only=True)) == 21
    assert len(select_codes(c, border_only=True, border_source="sourced")) == 15
    assert len(select_codes(c, border_only=True, border_source="computed")) == 21
    assert len(select_codes(c, districts=["Huyện Văn Lãng"], border_only=True, border_source="sourced")) == 1


def test_search_ignores_case_tone_marks_and_the_prefix(province):
    """Issue 13, defect 5: "gia mien" must find Xã Gia Miễn (06160, Văn Lãng, in the GSO list)."""
    c = province.communes
    for typed in ("gia mien", "GIA MIỄN", "Xã Gia Miễn", "xa gia mien", "  gia   mien ", "mien", "Gia Mien"):
        assert select_codes(c, query=typed) == ["06160"], typed
    assert select_codes(c, query="ien") == []  # words match from their start
    assert select_codes(c, query="zzz") == []


def test_search_finds_every_match_and_codes_whatever_the_other_filters(province):
    c = province.communes
    tan = select_codes(c, query="tan")
    names = c.set_index("gso_code").loc[tan, "commune_name"]
    assert len(tan) > 5 and all(any(word.startswith("Tân") for word in name.split()) for name in names)
    assert select_codes(c, districts=["Huyện Đình Lập"], query="06160") == ["06160"]  # a search finds
    assert select_codes(c, query="00000") == []


def test_no_filter_selects_everything(province):
    assert len(select_codes(province.communes)) == 200


def test_web_geometry_is_lighter_valid_and_complete(province, mapdata):
    web = mapdata.web_communes
    assert len(web) == 200 and shapely.is_valid(web.geometry.values).all()
    assert not shapely.is_empty(web.geometry.values).any()
    full = shapely.get_num_coordinates(province.communes.geometry.values).sum()
    assert shapely.get_num_coordinates(web.geometry.values).sum() < full
    # Small enough error: each simplified commune keeps >= 90 % overlap with its original.
    original = province.communes.to_crs("EPSG:32648").geometry.values
    simple = web.to_crs("EPSG:32648").geometry.values
    overlap = shapely.area(shapely.intersection(original, simple)) / shapely.area(original)
    assert overlap.min() > 0.9


def test_shared_edges_stay_shared_after_simplification(mapdata):
    # District outlines come from one source with exactly shared edges: coverage-aware
    # simplification must not open gaps between them.
    districts = mapdata.web_districts.to_crs("EPSG:32648")
    union_area = districts.geometry.union_all().area
    assert districts.area.sum() == pytest.approx(union_area, rel=1e-4)
    province = mapdata.web_province.to_crs("EPSG:32648").geometry.iloc[0]
    assert union_area == pytest.approx(province.area, rel=0.01)


def test_labels_lie_inside_their_communes(province):
    points = label_points(province.communes)
    assert points.within(province.communes.geometry).all()


def test_text_is_escaped_before_it_reaches_html(province):
    frame = province.communes.head(1).copy()
    frame["commune"] = "<img src=x onerror=alert(1)>"
    props = feature_collection(frame, ["commune"])["features"][0]["properties"]
    assert props["commune"] == "&lt;img src=x onerror=alert(1)&gt;"
    legend = legend_html("<b>", [[style.LegendEntry("<script>", fill="#fff")]])
    assert "<script>" not in legend and "&lt;script&gt;" in legend


def test_template_syntax_in_a_name_is_shown_not_run(mapdata):
    """branca compiles rendered map scripts as Jinja templates: "{{ 7*7 }}" must not become 49."""
    code = mapdata.communes["gso_code"].iloc[0]
    villages = pd.DataFrame({"gso_code": [code, code], "village": ["{{ 7*7 }}", "Thôn {% if %}"]})
    fmap = build_base_map(mapdata.layers, district_view(mapdata.communes, mapdata.colours))
    fmap.add_child(VillageLayer(*village_rows(villages, mapdata.communes, mapdata.label_points)))
    page = fmap.get_root().render()  # "{% if %}" raised TemplateSyntaxError before
    popup = json.loads(re.search(r"(\[\[.*?\]\])\.forEach", page).group(1))[0][3]
    assert html.unescape(popup).count("{{ 7*7 }}") == 1 and "Thôn {% if %}" in html.unescape(popup)


def test_a_village_point_has_an_escaped_popup_and_a_plain_hover_title(mapdata):
    """The popup is HTML (escaped); the hover title is text the browser shows as it is, so it is not escaped
    (escaped, "Nà & Pàn" would read "Nà &amp; Pàn")."""
    code = mapdata.communes["gso_code"].iloc[0]
    name = "Thôn Nà & Pàn <b>{{ 7*7 }}</b>"
    villages = pd.DataFrame({"gso_code": [code], "village": [name], "lat": [21.85], "lon": [106.76]})
    fmap = build_base_map(mapdata.layers, district_view(mapdata.communes, mapdata.colours))
    fmap.add_child(VillageLayer(*village_rows(villages, mapdata.communes, mapdata.label_points)))
    page = fmap.get_root().render()
    (point,) = json.loads(re.search(r"(\[\[.*?\]\])\.forEach", page).group(1))
    assert point[2] == "Thôn Nà &amp; Pàn &lt;b&gt;&#123;&#123; 7*7 &#125;&#125;&lt;/b&gt;"
    assert point[5] == name  # the title, given to the DOM as text
    assert "<b>{{" not in page  # in the script it is JSON with < as \u003c, never markup


def test_the_zoom_limits_follow_the_extent_of_the_data(mapdata):
    """One province may be zoomed out to 7 (as before), the whole country's box to 3: no constant of Lạng Sơn."""
    province_map = build_base_map(mapdata.layers, district_view(mapdata.communes, mapdata.colours))
    assert province_map.options["minZoom"] == 7 and province_map.options["maxZoom"] == 16
    country = dataclasses.replace(mapdata.layers, bounds=(102.14, 8.56, 109.47, 23.39))  # Viet Nam's mainland
    country_map = build_base_map(country, district_view(mapdata.communes, mapdata.colours))
    assert country_map.options["minZoom"] == 3 and country_map.location[0] == pytest.approx(16, abs=0.5)


def test_base_map_uses_only_local_assets(mapdata):
    fmap = build_base_map(mapdata.layers, district_view(mapdata.communes, mapdata.colours))
    page = fmap.get_root().render()
    assert "cdn" not in page.lower() and "https://" not in page.replace("https://leafletjs.com", "")
    assert "/app/static/vendor/leaflet/leaflet.js" in page


def test_osm_layer_only_when_asked(mapdata):
    view = district_view(mapdata.communes, mapdata.colours)
    assert "tile.openstreetmap.org" not in build_base_map(mapdata.layers, view).get_root().render()
    assert "tile.openstreetmap.org" in build_base_map(mapdata.layers, view, osm=True).get_root().render()


def test_a_filter_sends_codes_not_shapes(mapdata):
    """Issue 15: a filter restyles the units the map already has (templates/map_geometry.js), so what a
    filter change sends is the chosen codes, a few hundred bytes, not their outlines and a veil."""
    codes = select_codes(mapdata.communes, districts=["Huyện Cao Lộc"])
    (script,) = selection_layer(codes, len(mapdata.communes), highlighted=tuple(codes[:3]))._children.values()
    assert sorted(script.chosen) == sorted(codes) and len(codes) == 22 and script.top == codes[:3]
    fmap = build_base_map(mapdata.layers, district_view(mapdata.communes, mapdata.colours))
    fmap.add_child(selection_layer(codes, len(mapdata.communes)))
    assert len(fmap.get_root().render().split("langsonSelect(value)")[1]) < 2000  # the filter's part of the page
    (everything,) = selection_layer(list(mapdata.communes["gso_code"]), len(mapdata.communes))._children.values()
    (nothing,) = selection_layer([], len(mapdata.communes))._children.values()
    assert everything.chosen is None and nothing.chosen is None  # all or none chosen: nothing washed out


def test_view_zooms_in_on_a_small_selection(mapdata):
    _, province_zoom = view_for_bounds(mapdata.web_communes.total_bounds)
    one = mapdata.web_communes[mapdata.web_communes.district == "Thành phố Lạng Sơn"]
    centre, city_zoom = view_for_bounds(one.total_bounds)
    assert city_zoom > province_zoom + 1
    west, south, east, north = one.total_bounds
    assert west < centre[1] < east and south < centre[0] < north


def test_map_opens_at_the_view_st_folium_asks_for_without_a_filter(mapdata):
    """Else the map animates to that view and the village markers regroup right after the first draw."""
    fmap = build_base_map(mapdata.layers, district_view(mapdata.communes, mapdata.colours))
    centre, zoom = view_of(mapdata, mapdata.communes["gso_code"].tolist())
    assert fmap.location == list(centre) and fmap.options["zoom"] == zoom
    assert view_of(mapdata, []) == (centre, zoom)
    west, south, east, north = mapdata.web_province.total_bounds
    assert west < centre[1] < east and south < centre[0] < north
    city = mapdata.communes.loc[mapdata.communes.district == "Thành phố Lạng Sơn", "gso_code"].tolist()
    assert view_of(mapdata, city)[1] > zoom + 1


def on_screen(lon: float, lat: float, centre, zoom: float, width: int, height: int) -> tuple[float, float]:
    """Where a point is drawn on a map `width` x `height` px looking at `centre` and `zoom` (Web Mercator, 256 px
    tiles, as Leaflet draws it)."""
    def world(lon_, lat_):
        s = math.sin(math.radians(lat_))
        scale = 256 * 2 ** zoom
        return (lon_ + 180) / 360 * scale, (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale
    x, y = world(lon, lat)
    cx, cy = world(centre[1], centre[0])
    return x - cx + width / 2, y - cy + height / 2


def corners_on_screen(bounds, centre, zoom, width=MAP_WIDTH_PX, height=MAP_HEIGHT_PX):
    west, south, east, north = bounds
    return [on_screen(lon, lat, centre, zoom, width, height) for lon in (west, east) for lat in (south, north)]


@pytest.mark.parametrize("period, district", [("2021-2025", "Huyện Đình Lập"), ("2021-2025", "Thành phố Lạng Sơn"),
                                              ("2026-2030", "Huyện Đình Lập")])
def test_a_filtered_selection_is_fitted_left_of_the_legend(shared_dir, period, district):
    """Issue 12 review: filtering to former Đình Lập put Kiên Mộc under the legend (top right). The selection
    now fills the part of the map the legend leaves free (on the ~1000 px map assumed; the page's column sets
    the real width)."""
    data = prepare({"LANGSON_GEODATA_DIR": str(shared_dir)}, period=period)
    codes = data.communes.loc[data.communes.district == district, "gso_code"].tolist()
    centre, zoom = view_of(data, codes)
    bounds = tuple(data.web_communes[data.web_communes.gso_code.isin(codes)].total_bounds)
    free = MAP_WIDTH_PX - LEGEND_WIDTH_PX
    for x, y in corners_on_screen(bounds, centre, zoom):
        assert 0 <= x <= free and 0 <= y <= MAP_HEIGHT_PX, (x, y)
    xs = [x for x, _ in corners_on_screen(bounds, centre, zoom)]
    assert max(xs) - min(xs) > 0.5 * free or zoom == 13.0  # fitted, not just shrunk into a corner
    for width in (800, 1200):  # another width: the selection still sits mid-way in the part left of the legend
        xs = [x for x, _ in corners_on_screen(bounds, centre, zoom, width=width)]
        assert abs((min(xs) + max(xs)) / 2 - (width - LEGEND_WIDTH_PX) / 2) < 1


def test_the_province_view_is_not_shifted_for_the_legend(mapdata):
    """The opening view (no filter) stays centred: the legend covers only corners of it without communes."""
    centre, _ = view_of(mapdata, [])
    west, south, east, north = mapdata.layers.bounds
    assert centre == ((south + north) / 2, (west + east) / 2)


def test_the_legend_is_no_wider_than_the_fit_leaves_it():
    """static/map.css bounds the legend's width; viewport.LEGEND_WIDTH_PX is the room a selection leaves it
    (content + padding + Leaflet's 10 px control margin)."""
    css = (ROOT / "static" / "map.css").read_text(encoding="utf-8")
    rule = re.search(r"\.map-legend \{([^}]*)\}", css).group(1)
    content = int(re.search(r"max-width:\s*(\d+)px", rule).group(1))
    horizontal_padding = int(re.search(r"padding:\s*\d+px (\d+)px", rule).group(1))
    assert content + 2 * horizontal_padding + 10 <= LEGEND_WIDTH_PX


def test_unit_tooltips_wrap_on_the_map_and_on_the_compare_page():
    """Issue 12 review: the 2026 line "Gồm các xã cũ (2021-2025)" ran on one line off the map. Leaflet's
    tooltips do not wrap; static/map.css (used by the map page, the export and the compare page) lets ours."""
    css = (ROOT / "static" / "map.css").read_text(encoding="utf-8")
    rule = re.search(r"\.leaflet-tooltip\.commune-tooltip \{([^}]*)\}", css).group(1)
    assert "white-space: normal" in rule and re.search(r"max-width:\s*3\d\dpx", rule)
    compare = (ROOT / "layers" / "web" / "templates" / "compare_layout.html").read_text(encoding="utf-8")
    assert "commune-tooltip" not in compare  # one rule, in map.css


def test_popups_open_clear_of_the_legend(mapdata):
    """Issue 12 review: a clicked unit's popup went under the legend. Leaflet's autoPan is off for our popups
    and the map's script pans them clear of the legend instead (browser test: tests/browser)."""
    base = district_view(mapdata.communes, mapdata.colours)
    plain = build_base_map(mapdata.layers, base).get_root().render()
    assert "popupopen" not in plain and "var DETAILS = null" in plain  # no details, no popup
    details = MapView(**{**base.__dict__, "details": {c: {"Khu vực": "Khu vực I"} for c in base.fills}})
    page = build_base_map(mapdata.layers, details).get_root().render()
    assert "autoPan: false" in page and "map.on('popupopen'" in page and ".map-legend" in page


def test_district_colours_are_distinct(mapdata):
    assert len(set(mapdata.colours.values())) == 11


def test_district_view_colours_every_commune_and_counts_match(mapdata):
    view = district_view(mapdata.communes, mapdata.colours)
    assert len(view.fills) == 200 and set(view.fills.values()) == set(mapdata.colours.values())
    assert sum(view.counts.values()) == 200 and view.counts["Đình Lập"] == 12
    assert not view.illustrative


def test_illustrative_view_says_so_on_the_map(mapdata):
    base = district_view(mapdata.communes, mapdata.colours)
    demo = MapView(**{**base.__dict__, "illustrative": True})
    banner = json.dumps("Dữ liệu minh họa")[1:-1]  # as the template writes it into JS
    assert banner not in build_base_map(mapdata.layers, base).get_root().render()
    assert banner in build_base_map(mapdata.layers, demo).get_root().render()


def test_subtitle_names_the_filters():
    assert filters_subtitle([], False, "x", None) == "Toàn tỉnh"
    text = filters_subtitle(["Cao Lộc", "Đình Lập"], True, "Danh sách có nguồn dẫn", None)
    assert "Cao Lộc, Đình Lập" in text and "biên giới" in text and "danh sách có nguồn dẫn" in text
    searched = "Tìm «mau son»: Xã Mẫu Sơn — Cao Lộc"
    assert filters_subtitle(["Cao Lộc"], True, "x", searched) == searched  # a search finds, whatever the filters


def test_large_labels_are_switched_on_by_the_map_script(mapdata):
    view = district_view(mapdata.communes, mapdata.colours)
    assert "large-labels" not in build_base_map(mapdata.layers, view).get_root().render()
    fmap = build_base_map(mapdata.layers, view, large_labels=True)
    import streamlit_folium
    fmap.render()
    assert "classList.add('large-labels')" in streamlit_folium._get_map_string(fmap)


def test_a_former_district_keeps_its_colour_in_2026_2030(shared_dir, mapdata):
    """Issue 12: the 2026 units are grouped by former district; the same district, the same colour."""
    new = prepare({"LANGSON_GEODATA_DIR": str(shared_dir)}, period="2026-2030")
    assert new.colours and all(new.colours[d] == mapdata.colours[d] for d in new.colours)
