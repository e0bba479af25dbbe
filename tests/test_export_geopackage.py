"""The current view as a GeoPackage for QGIS (issue 16, item 3), read back as GDAL and QGIS read it.

Layers, geometry types, CRS, the units' columns and aliases, one feature per table row, the default QGIS style of
every layer (categories with the legend's labels, order and colours), the zones of 2026-2030, demonstration data
marked, and hostile names kept as plain data in well-formed QML.
"""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from dataclasses import replace

import pandas as pd
import pyogrio
import pytest
from matplotlib.colors import to_hex
from pyproj import Transformer

import texts
from geo.programme import commune_table, empty_programme
from layers import style
from layers.export.file_names import MIME, export_file_name
from layers.export.geopackage import unit_classes, view_to_gpkg
from layers.page import Choices, map_page
from layers.paper.legend import outline_width
from layers.prepared import prepare
from layers.style import LegendEntry
from layers.thematic import ViewOptions
from layers.view import MapView
from tests.conftest import open_map_page

HOSTILE = "<b>&\"'{{7*7}}</b>"
UTM_48N = 32648  # the print map's CRS, which the file uses
POLYGON, LINE, POINT, NONE = "MultiPolygon", "MultiLineString", "Point", None
DEMO_2021 = {"don_vi_minh_hoa": POLYGON, "huyen": POLYGON, "tinh": POLYGON, "bien_gioi": LINE,
             "thon_dbkk_minh_hoa": POINT, "thong_tin": NONE, "layer_styles": NONE}


def page_of(data, programme, **choices):
    return map_page(Choices(source=programme.source, period=data.period.key, **choices), data, programme,
                    commune_table(data.communes, programme))


def export(tmp_path_factory, page, data, programme, name="map", title=None, built=None, villages=None):
    """The page's GeoPackage written to a file, as the button hands it over."""
    built = built or page.built
    villages = villages if villages is not None else programme.villages if page.with_villages else None
    path = tmp_path_factory.mktemp("gpkg") / f"{name}.gpkg"
    path.write_bytes(view_to_gpkg(built, data.province_data, title=title or built.view.title, filters=page.subtitle,
                                  villages=villages))
    return path


def layer_types(path) -> dict[str, str | None]:
    return {name: None if kind is None else kind for name, kind in pyogrio.list_layers(path)}


def query(path, sql, *args) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(sql, args).fetchall()


def style_of(path, layer) -> ET.Element:
    """The layer's default QML, as QGIS picks it on open (schema '', the layer's geometry column)."""
    geometry = dict(query(path, "SELECT table_name, column_name FROM gpkg_geometry_columns")).get(layer, "")
    (qml,) = query(path, "SELECT styleQML FROM layer_styles WHERE f_table_schema = '' AND f_table_name = ? "
                         "AND f_geometry_column = ? AND useAsDefault", layer, geometry)
    assert qml[0].startswith("<!DOCTYPE qgis")  # QGIS refuses a style without it
    return ET.fromstring(qml[0])  # well-formed, or this raises


def categories(qml) -> list[tuple[str, str, str]]:
    """(value, label, fill colour) of each category, in the renderer's order."""
    renderer = qml.find("renderer-v2")
    colours = {symbol.get("name"): symbol.find("layer/Option/Option[@name='color']").get("value")
               for symbol in renderer.find("symbols")}
    return [(c.get("value"), c.get("label"), hex_of(colours[c.get("symbol")])) for c in renderer.find("categories")]


def hex_of(rgba: str) -> str:
    r, g, b, _ = (int(part) / 255 for part in rgba.split(","))
    return to_hex((r, g, b))


def option(qml, symbol_class, name, index=0) -> str:
    layers = [layer for layer in qml.iter("layer") if layer.get("class") == symbol_class]
    return layers[index].find(f"Option/Option[@name='{name}']").get("value")


@pytest.fixture(scope="module")
def data_2026(shared_dir):
    return prepare({"LANGSON_GEODATA_DIR": str(shared_dir)}, "2026-2030")


@pytest.fixture(scope="module")
def category_2021(map_data_2021, demo_programme, tmp_path_factory):
    page = page_of(map_data_2021, demo_programme, options=ViewOptions(kind="category"))
    return page, export(tmp_path_factory, page, map_data_2021, demo_programme)


def test_layers_geometry_types_and_crs(category_2021):
    _, path = category_2021
    assert layer_types(path) == DEMO_2021
    for layer, kind in DEMO_2021.items():
        if kind is not None:
            assert pyogrio.read_info(path, layer=layer)["crs"] == f"EPSG:{UTM_48N}", layer
    assert {srs for (srs,) in query(path, "SELECT srs_id FROM gpkg_geometry_columns")} == {UTM_48N}
    assert query(path, "PRAGMA application_id") == [(0x47504B47,)]  # "GPKG"


def test_units_layer_is_the_table_with_every_column_and_its_aliases(category_2021):
    page, path = category_2021
    table, headers = page.built.table, page.built.headers
    units = pyogrio.read_dataframe(path, layer="don_vi_minh_hoa")
    assert list(units.columns) == [*table.columns, "map_class", "map_colour", "geometry"]
    assert len(units) == len(table) == 200
    assert units["code"].tolist() == table["code"].tolist()
    assert units["commune"].tolist() == table["commune"].tolist()
    assert units["villages"].tolist() == table["villages"].tolist()
    titles = dict(query(path, "SELECT column_name, title FROM gpkg_data_columns WHERE table_name = 'don_vi_minh_hoa'"))
    titles_expected = {column: headers[column] for column in table.columns}
    assert {column: titles[column] for column in table.columns} == titles_expected
    assert titles["category"] == "Khu vực" and titles["code"] == "Mã GSO"
    names = query(path, "SELECT column_name, name FROM gpkg_data_columns WHERE table_name = 'don_vi_minh_hoa'")
    assert all(column == name for column, name in names)
    aliases = {alias.get("field"): alias.get("name") for alias in style_of(path, "don_vi_minh_hoa").iter("alias")}
    assert {column: aliases[column] for column in table.columns} == titles_expected
    assert ("gpkg_data_columns", "gpkg_schema") in query(path, "SELECT table_name, extension_name FROM gpkg_extensions")


def test_units_are_categorised_with_the_legend_labels_order_and_colours(category_2021):
    page, path = category_2021
    view = page.built.view
    legend = [(entry.label, entry.label, entry.fill) for entry in view.legend if entry.fill]
    assert categories(style_of(path, "don_vi_minh_hoa")) == legend
    assert [label for label, _, _ in legend][:3] == [e.label for e in view.legend[:3]]  # III, II, I as on screen
    units = pyogrio.read_dataframe(path, layer="don_vi_minh_hoa", read_geometry=False)
    colour_of = {label: fill for label, _, fill in legend}
    assert units["map_colour"].tolist() == [view.fills.get(code, style.NO_DATA) for code in units["code"]]
    assert [colour_of[label] for label in units["map_class"]] == units["map_colour"].tolist()
    assert units.loc[units["category"] == "Khu vực III", "map_class"].str.startswith("Khu vực III").all()


def test_classes_sharing_a_colour_are_told_apart_by_the_units_district():
    """A national data set's hundreds of districts share eleven colours: the colour alone does not name the class."""
    pink, red = style.DISTRICT_PALETTE[:2]
    view = MapView(title="", legend_title="", fills={"1": pink, "2": pink, "3": red},
                   legend=(LegendEntry("Cao Lộc", fill=pink), LegendEntry("Lộc Bình", fill=red),
                           LegendEntry("Văn Lãng", fill=pink)))
    table = pd.DataFrame({"code": ["1", "2", "3", "4"], "district": ["Cao Lộc", "Văn Lãng", "Lộc Bình", "Cao Lộc"]})
    labels, colours, listed = unit_classes(view, table)
    assert labels == ["Cao Lộc", "Văn Lãng", "Lộc Bình", texts.LEGEND_NO_DATA]  # unit 4 has no colour: no data
    assert colours == [pink, pink, red, style.NO_DATA]
    assert listed == [("Cao Lộc", pink), ("Lộc Bình", red), ("Văn Lãng", pink), (texts.LEGEND_NO_DATA, style.NO_DATA)]


def test_outlines_villages_and_border_are_styled_as_on_the_print_map(category_2021):
    _, path = category_2021
    mm = 25.4 / 72
    for layer, colour in (("huyen", style.DISTRICT_EDGE), ("tinh", style.PROVINCE_EDGE)):
        qml = style_of(path, layer)
        assert option(qml, "SimpleFill", "style") == "no"  # outlines only: the units show through
        assert hex_of(option(qml, "SimpleFill", "outline_color")) == colour
        assert float(option(qml, "SimpleFill", "outline_width")) == pytest.approx(outline_width(colour) * mm, abs=1e-3)
    border = style_of(path, "bien_gioi")
    assert hex_of(option(border, "SimpleLine", "line_color")) == style.BORDER_LINE
    assert option(border, "SimpleLine", "use_custom_dash") == "1"
    villages = style_of(path, "thon_dbkk_minh_hoa")
    assert hex_of(option(villages, "SimpleMarker", "color")) == style.VILLAGE_COLOUR
    assert style_of(path, "huyen").find("labeling/settings/text-style").get("fieldName") == "district"


def test_every_layer_has_a_default_style_for_its_geometry(category_2021):
    _, path = category_2021
    styled = {name for (name,) in query(path, "SELECT f_table_name FROM layer_styles WHERE useAsDefault")}
    assert styled == set(DEMO_2021) - {"layer_styles"}
    geometry = {POLYGON: "2", LINE: "1", POINT: "0", NONE: "4"}
    for layer, kind in DEMO_2021.items():
        if layer != "layer_styles":
            assert style_of(path, layer).findtext("layerGeometryType") == geometry[kind], layer
    assert query(path, "SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'") == [("attributes",)]


def test_demo_data_is_marked_in_names_descriptions_and_the_information_table(category_2021):
    page, path = category_2021
    info = pyogrio.read_dataframe(path, layer="thong_tin")
    rows = dict(zip(info["item"], info["detail"]))
    assert rows[texts.XLSX_NOTE] == texts.ILLUSTRATIVE_NOTE
    assert rows[texts.XLSX_TITLE] == page.built.view.title and rows[texts.XLSX_FILTERS] == page.subtitle
    assert rows[texts.XLSX_ROWS] == "200" and "EPSG:32648" in rows[texts.GPKG_INFO_CRS]
    assert set(page.built.view.sources) <= set(info["detail"])
    assert texts.ILLUSTRATIVE in pyogrio.read_info(path, layer="thong_tin")["dataset_metadata"][texts.XLSX_NOTE]
    (description,) = query(path, "SELECT description FROM gpkg_contents WHERE table_name = 'don_vi_minh_hoa'")
    assert texts.ILLUSTRATIVE in description[0]


def test_data_that_is_not_demo_says_nothing_of_it(data_2026, tmp_path_factory):
    programme = empty_programme()
    page = page_of(data_2026, programme)
    path = export(tmp_path_factory, page, data_2026, programme)
    assert not any(name.endswith("_minh_hoa") for name in layer_types(path))
    texts_in_file = " ".join(str(v) for row in query(path, "SELECT * FROM thong_tin") for v in row)
    assert texts.ILLUSTRATIVE not in texts_in_file and texts.XLSX_NOTE not in texts_in_file


def test_2026_has_the_uncertain_zones_and_no_districts(data_2026, tmp_path_factory):
    programme = empty_programme()
    page = page_of(data_2026, programme)
    path = export(tmp_path_factory, page, data_2026, programme)
    layers = layer_types(path)
    assert "huyen" not in layers and layers["vung_chua_ro_ranh_gioi"] == POLYGON
    assert len(pyogrio.read_dataframe(path, layer="don_vi")) == len(page.built.table) == 65
    zones = pyogrio.read_dataframe(path, layer="vung_chua_ro_ranh_gioi")
    assert sorted(zones["old_code"]) == sorted(data_2026.province_data.zones["old_code"])
    assert all(texts.OR_JOIN in names for names in zones["new_units"])
    assert zones.set_index("old_code")["old_district"].to_dict() == \
        data_2026.province_data.zones.set_index("old_code")["old_district"].to_dict()
    qml = style_of(path, "vung_chua_ro_ranh_gioi")
    assert hex_of(option(qml, "LinePatternFill", "color")) == style.ZONE_HATCH  # hatched, as in the legend
    aliases = {alias.get("field"): alias.get("name") for alias in style_of(path, "don_vi").iter("alias")}
    assert aliases["commune"] == texts.COL_UNIT_2026 and aliases["district"] == texts.COL_FORMER_DISTRICT


def test_a_filter_keeps_its_units_and_only_the_zones_they_share(data_2026, tmp_path_factory):
    programme = empty_programme()
    zones = data_2026.province_data.zones
    sharing = zones["new_codes"].iloc[0][0]
    outside = sorted(set(data_2026.communes["gso_code"]) - {c for codes in zones["new_codes"] for c in codes})[0]
    names = data_2026.communes.set_index("gso_code")["commune"]
    found_zones = []
    for unit in (sharing, outside):
        page = page_of(data_2026, programme, query=names[unit])
        path = export(tmp_path_factory, page, data_2026, programme)
        shown = page.built.table["code"].tolist()
        assert unit in shown and pyogrio.read_dataframe(path, layer="don_vi")["code"].tolist() == shown
        expected = {old for old, new in zip(zones["old_code"], zones["new_codes"]) if set(shown) & set(new)}
        found = set(pyogrio.read_dataframe(path, layer="vung_chua_ro_ranh_gioi")["old_code"]) \
            if "vung_chua_ro_ranh_gioi" in layer_types(path) else set()
        assert found == expected
        found_zones.append(found)
    assert found_zones[0] and not found_zones[1]


def test_priority_view_outlines_its_first_units(map_data_2021, demo_programme, tmp_path_factory):
    page = page_of(map_data_2021, demo_programme, options=ViewOptions(kind="priority", top_n=5))
    path = export(tmp_path_factory, page, map_data_2021, demo_programme)
    top = pyogrio.read_dataframe(path, layer="uu_tien_dau_tu_minh_hoa")
    assert set(top["code"]) == set(page.built.top) and len(top) == 5
    assert hex_of(option(style_of(path, "uu_tien_dau_tu_minh_hoa"), "SimpleFill", "outline_color")) == style.TOP_EDGE
    assert [label for _, label, _ in categories(style_of(path, "don_vi_minh_hoa"))] == \
        [entry.label for entry in page.built.view.legend if entry.fill]


def test_villages_are_placed_only_where_their_coordinates_are_known(map_data_2021, demo_programme,
                                                                      tmp_path_factory):
    page = page_of(map_data_2021, demo_programme, districts=("Huyện Đình Lập",))
    codes = page.built.table["code"].tolist()
    villages = pd.DataFrame({"gso_code": [codes[0], codes[1], "06001"], "village": ["Bản Chắt", "Khòn Pàn", "Nà Pá"],
                             "lon": [107.1, None, 106.5], "lat": [21.55, None, 22.6]})
    path = export(tmp_path_factory, page, map_data_2021, demo_programme, villages=villages)
    back = pyogrio.read_dataframe(path, layer="thon_dbkk_minh_hoa")
    assert back["village"].tolist() == ["Bản Chắt", "Khòn Pàn"]  # 06001 is outside the filter
    assert back.geometry.iloc[1] is None  # listed, never placed
    to_lonlat = Transformer.from_crs(UTM_48N, 4326, always_xy=True)
    assert to_lonlat.transform(back.geometry.iloc[0].x, back.geometry.iloc[0].y) == pytest.approx((107.1, 21.55))
    assert len(pyogrio.read_dataframe(path, layer="huyen")) == 11  # the districts around the filter stay


def test_hostile_names_survive_as_plain_data(map_data_2021, demo_programme, tmp_path_factory):
    page = page_of(map_data_2021, demo_programme, options=ViewOptions(kind="category"))
    built = page.built
    table = built.table.copy()
    table.loc[0, "commune"] = HOSTILE
    first = built.view.legend[0]
    legend = (replace(first, label=HOSTILE + "\x01"), *built.view.legend[1:])  # a control character, too
    built = replace(built, table=table, view=replace(built.view, legend=legend))
    villages = pd.DataFrame({"gso_code": [table.loc[0, "code"]], "village": [HOSTILE], "lon": [106.8], "lat": [21.9]})
    path = export(tmp_path_factory, page, map_data_2021, demo_programme, title=HOSTILE, built=built,
                  villages=villages)
    units = pyogrio.read_dataframe(path, layer="don_vi_minh_hoa", read_geometry=False)
    assert units.loc[0, "commune"] == HOSTILE
    assert set(units.loc[units["map_colour"] == first.fill, "map_class"]) == {HOSTILE}
    assert pyogrio.read_dataframe(path, layer="thon_dbkk_minh_hoa")["village"].tolist() == [HOSTILE]
    assert categories(style_of(path, "don_vi_minh_hoa"))[0] == (HOSTILE, HOSTILE, first.fill)
    assert query(path, "SELECT identifier FROM gpkg_contents WHERE table_name = 'don_vi_minh_hoa'") == [(HOSTILE,)]
    info = pyogrio.read_dataframe(path, layer="thong_tin")
    assert dict(zip(info["item"], info["detail"]))[texts.XLSX_TITLE] == HOSTILE
    for layer in layer_types(path):
        if layer != "layer_styles":
            style_of(path, layer)  # every style parses


def test_file_name_and_type():
    assert export_file_name("Phân định xã khu vực I, II, III", "gpkg").endswith(".gpkg")
    assert MIME["gpkg"] == "application/geopackage+sqlite3"


def test_the_export_section_offers_the_geopackage(shared_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("LANGSON_GEODATA_DIR", str(shared_dir))
    monkeypatch.setenv("LANGSON_DATA_DIR", str(tmp_path / "var"))
    app = open_map_page()
    assert texts.EXPORT_GPKG not in [b.proto.label for b in app.get("download_button")]
    app.session_state["export_open"] = True  # what the browser reports when a user opens it
    app.run()
    assert not app.exception
    labels = [b.proto.label for b in app.get("download_button")]
    assert labels == [texts.EXPORT_PNG, texts.EXPORT_PDF, texts.EXPORT_HTML, texts.EXPORT_XLSX, texts.EXPORT_GPKG]
    assert texts.EXPORT_GPKG_HELP in [c.value for c in app.caption]
    # five buttons in a row that wraps: in five columns the labels were cut ("Tải bản đồ tương tác (HT…")
    row = buttons_row(app.main).proto.flex_container
    assert row.direction == row.Direction.HORIZONTAL and row.wrap


def buttons_row(node):
    """The block holding the download buttons."""
    for child in getattr(node, "children", {}).values():
        if any(getattr(c, "type", None) == "download_button" for c in getattr(child, "children", {}).values()):
            return child
        found = buttons_row(child)
        if found is not None:
            return found
