"""Filters, web geometry and the folium layers (no browser needed)."""

import html
import json
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
from layers.web.viewport import view_for_bounds, view_of
from layers.web.villages import VillageLayer, village_rows


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


def test_search_narrows_to_one_commune(province):
    code = province.communes["gso_code"].iloc[7]
    assert select_codes(province.communes, districts=["Huyện Đình Lập"], searched=code) == [code]
    assert select_codes(province.communes, searched="00000") == []


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


def test_base_map_uses_only_local_assets(mapdata):
    fmap = build_base_map(mapdata.layers, district_view(mapdata.communes, mapdata.colours))
    page = fmap.get_root().render()
    assert "cdn" not in page.lower() and "https://" not in page.replace("https://leafletjs.com", "")
    assert "/app/static/vendor/leaflet/leaflet.js" in page


def test_osm_layer_only_when_asked(mapdata):
    view = district_view(mapdata.communes, mapdata.colours)
    assert "tile.openstreetmap.org" not in build_base_map(mapdata.layers, view).get_root().render()
    assert "tile.openstreetmap.org" in build_base_map(mapdata.layers, view, osm=True).get_root().render()


def test_selection_layer_outlines_the_selection(mapdata):
    codes = select_codes(mapdata.communes, districts=["Huyện Cao Lộc"])
    group = selection_layer(mapdata.web_communes, codes, mapdata.web_province)
    veil, outline = list(group._children.values())
    assert len(outline.data["features"]) == 22
    assert veil.data["features"][0]["properties"]["kind"] == "dim"
    assert selection_layer(mapdata.web_communes, [], mapdata.web_province)._children == {}


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
    assert filters_subtitle(["Cao Lộc"], True, "x", "Xã Mẫu Sơn — Cao Lộc") == "Xã: Xã Mẫu Sơn — Cao Lộc"


def test_large_labels_are_switched_on_by_the_map_script(mapdata):
    view = district_view(mapdata.communes, mapdata.colours)
    assert "large-labels" not in build_base_map(mapdata.layers, view).get_root().render()
    fmap = build_base_map(mapdata.layers, view, large_labels=True)
    import streamlit_folium
    fmap.render()
    assert "classList.add('large-labels')" in streamlit_folium._get_map_string(fmap)
