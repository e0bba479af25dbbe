"""A bad file in data/boundaries/ cannot take the map down (issue 14, item 4).

Each bad file is built here as a province might hand it over by mistake;
the map keeps the default boundaries of the period and a Vietnamese warning
names the file and the features at fault, never a server path.
"""

from __future__ import annotations

import re

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import GeometryCollection, LineString, Point, Polygon

from geo.boundaries import read_vector
from geo.crosswalk import read_crosswalk
from geo.errors import DataError
from geo.province import load_province
from geo.user_boundaries import UnitList, new_unit_list, read_user_boundaries, usable_user_boundaries
from geo.vocabulary import PERIOD_2021, PERIOD_2026
from layers.prepared import prepare
from tests.conftest import map_args, map_unit_codes, open_map_page

# A path as a server writes it: a slash followed by a folder name, not "data/boundaries/" nor "01/7/2025".
SERVER_PATH = re.compile(r"(?<![\w.])/(?:tmp|work|home|usr|var|srv|opt|root)\b")
BOWTIE = Polygon([(106.5, 21.8), (106.6, 21.9), (106.6, 21.8), (106.5, 21.9), (106.5, 21.8)])


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """An empty data/boundaries/ that load_province (and the app's cache key) reads."""
    folder = tmp_path / "data" / "boundaries"
    folder.mkdir(parents=True)
    (folder / "README.md").write_text("# data/boundaries/\n", encoding="utf-8")  # as in the repository
    monkeypatch.setattr("geo.province.user_boundary_dir", lambda: folder)
    monkeypatch.setattr("geo.datadir.user_boundary_dir", lambda: folder)
    return folder


@pytest.fixture(scope="module")
def env(shared_dir):
    return {"LANGSON_GEODATA_DIR": str(shared_dir)}


def communes_with(province, n: int, replace: dict[int, object]) -> gpd.GeoDataFrame:
    """The first `n` communes (code, name, polygon), with the geometries of rows (0-based) in `replace`."""
    frame = province.communes[["gso_code", "commune", "geometry"]].head(n).reset_index(drop=True)
    geoms = list(frame.geometry)
    for row, geom in replace.items():
        geoms[row] = geom
    return frame.set_geometry(gpd.GeoSeries(geoms, crs="EPSG:4326"))


def falls_back(data, province, file: str) -> str:
    """The one warning that names `file`, after checking the map kept its default boundaries."""
    assert data.boundary_source == province.boundary_source
    assert len(data.communes) == 200
    unchanged = data.communes.geometry.geom_equals_exact(province.communes.geometry, tolerance=0)
    assert unchanged.all()
    named = [w for w in data.warnings if file in w]
    assert len(named) == 1, data.warnings
    assert "ranh giới mặc định" in named[0]
    for warning in data.warnings:
        assert not SERVER_PATH.search(warning), warning
    return named[0]


def test_points_name_the_file_and_each_feature(folder, env, province):
    centres = province.communes.head(3).to_crs("EPSG:32648").centroid.to_crs("EPSG:4326")
    frame = communes_with(province, 3, dict(enumerate(centres)))
    frame.to_file(folder / "diem_xa.geojson", engine="pyogrio")
    warning = falls_back(load_province(env), province, "diem_xa.geojson")
    first = province.communes.iloc[0]
    assert f"dòng 1 «{first['gso_code']} {first['commune']}» (điểm)" in warning
    assert "3 đối tượng" in warning


def test_a_file_of_points_still_draws_the_map(folder, env, province):
    """What crashed the map page before: the web geometry is built from the default polygons."""
    frame = communes_with(province, 200, {})
    frame["geometry"] = frame.to_crs("EPSG:32648").centroid.to_crs("EPSG:4326")
    frame.to_file(folder / "diem.gpkg", engine="pyogrio")
    data = prepare(env)
    assert len(data.communes) == 200 and any("diem.gpkg" in w for w in data.warnings)


def test_lines(folder, env, province):
    frame = communes_with(province, 2, {1: LineString([(106.5, 21.8), (106.6, 21.9)])})
    frame.to_file(folder / "duong.geojson", engine="pyogrio")
    warning = falls_back(load_province(env), province, "duong.geojson")
    assert "dòng 2" in warning and "(đường)" in warning and "dòng 1" not in warning  # only the line is named


def test_mixed_types_in_a_geopackage(folder, env, province):
    frame = communes_with(province, 4, {2: Point(106.7, 21.9), 3: LineString([(106.5, 21.8), (106.6, 21.9)])})
    frame.to_file(folder / "hon_hop.gpkg", engine="pyogrio", geometry_type="Unknown")
    warning = falls_back(load_province(env), province, "hon_hop.gpkg")
    assert "2 đối tượng" in warning and "dòng 3" in warning and "dòng 4" in warning


def test_a_collection_with_a_point_is_refused(folder, env, province):
    polygon = province.communes.geometry.iloc[0]
    frame = communes_with(province, 2, {0: GeometryCollection([polygon, Point(106.7, 21.9)])})
    frame.to_file(folder / "tap_hop.geojson", engine="pyogrio")
    warning = falls_back(load_province(env), province, "tap_hop.geojson")
    assert "dòng 1" in warning and "tập hợp" in warning


def test_a_collection_of_polygons_only_is_read_as_its_polygons(tmp_path, province, matcher):
    """Kept: a clip or CAD export may wrap a commune's area in a collection; its polygons are the area."""
    first = province.communes.geometry.iloc[0]
    parts = list(shapely.get_parts(first))
    frame = communes_with(province, 2, {0: GeometryCollection(parts)})
    path = tmp_path / "tap_hop_vung.geojson"
    frame.to_file(path, engine="pyogrio")
    result = read_user_boundaries(path, matcher)
    kept = result.geometry_by_code[province.communes.iloc[0]["gso_code"]]
    assert kept.geom_type == "MultiPolygon"
    assert shapely.equals(kept, first)


@pytest.mark.parametrize("empty", [None, Polygon()], ids=["null", "empty"])
def test_missing_geometry_names_the_row(folder, env, province, empty):
    frame = communes_with(province, 3, {1: empty})
    frame.to_file(folder / "thieu_hinh.geojson", engine="pyogrio")
    warning = falls_back(load_province(env), province, "thieu_hinh.geojson")
    assert "không có hình học" in warning and f"dòng 2 «{province.communes.iloc[1]['gso_code']}" in warning


def test_all_geometries_missing(folder, env, province):
    frame = communes_with(province, 2, {0: None, 1: None})
    frame.to_file(folder / "rong.geojson", engine="pyogrio")
    warning = falls_back(load_province(env), province, "rong.geojson")
    assert "không có hình học" in warning and "ngoài tỉnh" not in warning


def test_invalid_polygon_says_why_in_vietnamese(folder, env, province):
    frame = communes_with(province, 3, {2: BOWTIE})
    frame.to_file(folder / "tu_cat.geojson", engine="pyogrio")
    warning = falls_back(load_province(env), province, "tu_cat.geojson")
    assert "không hợp lệ" in warning and "dòng 3" in warning and "tự cắt" in warning
    assert "Self-intersection" not in warning


@pytest.mark.parametrize("name, content", [
    ("trong.geojson", b""),
    ("hong.gpkg", b"SQLite format 3\x00" + bytes(range(256)) * 8),
    ("khong_phai.geojson", b'{"type": "Foo"}'),
    ("ban_do.shp", b"\x00" * 50),
])
def test_unreadable_files(folder, env, province, name, content):
    (folder / name).write_bytes(content)
    warning = falls_back(load_province(env), province, name)
    assert "Không đọc được tệp" in warning
    assert str(folder) not in warning


def test_a_geopackage_without_geometry(folder, env, province):
    table = pd.DataFrame({"ma_xa": ["05971"], "ten_xa": ["Xã A"]})
    import pyogrio
    pyogrio.write_dataframe(table, folder / "bang.gpkg")
    warning = falls_back(load_province(env), province, "bang.gpkg")
    assert "không có cột hình học" in warning


def test_stray_files_are_named_and_the_companions_are_not(folder, env, province):
    (folder / "ghi_chu.txt").write_text("xem lại", encoding="utf-8")
    (folder / "danh_sach.xlsx").write_bytes(b"PK\x03\x04")
    frame = communes_with(province, 3, {})
    frame.to_file(folder / "ranh_gioi.shp", engine="pyogrio")  # .dbf, .shx, .prj, .cpg beside it
    data = load_province(env)
    stray = [w for w in data.warnings if "ghi_chu.txt" in w]
    assert len(stray) == 1 and "danh_sach.xlsx" in stray[0]
    for companion in ("README.md", "ranh_gioi.dbf", "ranh_gioi.shx", "ranh_gioi.prj"):
        assert companion not in stray[0]
    assert "ranh_gioi.shp (3 xã)" in data.boundary_source  # the good file is still used


def test_three_files_fall_back_instead_of_failing(folder, env, province):
    for name in ("a.geojson", "b.geojson", "c.geojson"):
        communes_with(province, 2, {}).to_file(folder / name, engine="pyogrio")
    data = load_province(env)
    assert data.boundary_source == province.boundary_source
    assert any("a.geojson" in w and "c.geojson" in w and "mặc định" in w for w in data.warnings)


def test_a_new_units_file_with_a_duplicate_falls_back_for_2026(folder, env, province):
    """Read again when the 2026-2030 map is built: it is checked before, so that it cannot fail there."""
    crosswalk = read_crosswalk(province.files["crosswalk"])
    units = new_unit_list(crosswalk).matcher.records
    derived = prepare(env, period=PERIOD_2026.key)
    frame = derived.communes[["gso_code", "commune", "geometry"]].reset_index(drop=True)
    frame.loc[1, "gso_code"] = frame.loc[0, "gso_code"]
    frame.to_file(folder / "xa_moi.gpkg", engine="pyogrio")
    data = prepare(env, period=PERIOD_2026.key)
    assert len(data.communes) == len(units) == 65
    assert data.boundary_source == derived.boundary_source
    assert any("xa_moi.gpkg" in w and "trùng" in w for w in data.warnings)


def test_usable_user_boundaries_turns_a_fault_into_a_warning(tmp_path, matcher):
    path = tmp_path / "hong.geojson"
    path.write_text("{", encoding="utf-8")
    result = usable_user_boundaries(path, UnitList(PERIOD_2021, matcher))
    assert not result.usable and result.geometry_by_code.empty
    assert result.warnings and "hong.geojson" in result.warnings[0] and str(tmp_path) not in result.warnings[0]


def test_messages_name_the_file_not_the_folder(tmp_path):
    with pytest.raises(DataError) as err:
        read_vector(tmp_path / "khong_co.geojson")
    assert "khong_co.geojson" in str(err.value) and str(tmp_path) not in str(err.value)
    bad = tmp_path / "hong.geojson"
    bad.write_text("{ khong phai json", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_vector(bad)
    assert "hong.geojson" in str(err.value) and not SERVER_PATH.search(str(err.value))


def shown(markdown: str) -> str:
    """What the reader sees of a message the page escaped as plain text (ui/plain_text.py)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def element_texts(at) -> list[str]:
    """Every text the page shows, as the reader sees it: messages, captions, markdown, the sidebar's too."""
    kinds = ("error", "warning", "info", "success", "caption", "markdown", "text", "title", "header", "subheader")
    return [shown(str(element.value)) for kind in kinds for element in at.get(kind)]


def test_the_map_page_survives_a_file_of_points(folder, province, shared_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("LANGSON_GEODATA_DIR", str(shared_dir))
    monkeypatch.setenv("LANGSON_DATA_DIR", str(tmp_path / "var"))
    frame = communes_with(province, 200, {})
    frame["geometry"] = frame.to_crs("EPSG:32648").centroid.to_crs("EPSG:4326")
    frame.to_file(folder / "diem_cua_tinh.geojson", engine="pyogrio")

    at = open_map_page()  # asserts there is no exception
    assert not at.error
    named = [shown(w.value) for w in at.warning if "diem_cua_tinh.geojson" in shown(w.value)]
    assert len(named) == 1 and "(điểm)" in named[0]
    for text in element_texts(at):
        assert not SERVER_PATH.search(text) and str(tmp_path) not in text, text
    assert len(map_unit_codes(map_args(at))) == 200
