"""A province-supplied boundary file replaces the default: VN-2000, names, leftovers."""

import pytest
from pyproj import CRS
from pyproj.crs import ProjectedCRS
from pyproj.crs.coordinate_operation import TransverseMercatorConversion

from geo.crosswalk import read_crosswalk
from geo.errors import DataError
from geo.programme import commune_table, load_programme
from geo.province import load_province
from geo.store import Store
from geo.user_boundaries import UnitList, find_user_boundary_files, new_unit_list, read_user_boundaries
from geo.vocabulary import PERIOD_2021
from layers.prepared import prepare
from layers.thematic import ViewOptions, build_view
from layers.view import view_sources

# VN-2000 / TM-3 with the Lạng Sơn central meridian 107°15' (the province's survey grid),
# on the VN-2000 datum (EPSG:4756), as provincial .prj files declare it.
VN2000_LANG_SON = ProjectedCRS(
    name="VN-2000 / TM-3 107-15",
    conversion=TransverseMercatorConversion(latitude_natural_origin=0, longitude_natural_origin=107.25,
                                            false_easting=500000, false_northing=0,
                                            scale_factor_natural_origin=0.9999),
    geodetic_crs=CRS.from_epsg(4756),
)


def test_vn2000_shapefile_lands_on_the_right_place(tmp_path, province, matcher):
    original = province.communes[["gso_code", "commune", "geometry"]].rename(columns={"gso_code": "MA_XA"})
    projected = original.to_crs(VN2000_LANG_SON)
    # Eastings in the hundreds of km: really metric, not degrees.
    assert projected.total_bounds[0] > 300_000
    path = tmp_path / "ranh_gioi_xa_vn2000.shp"
    projected.to_file(path, engine="pyogrio", encoding="utf-8")

    result = read_user_boundaries(path, matcher)
    assert len(result.geometry_by_code) == 200 and result.warnings == []
    back = result.geometry_by_code.to_crs("EPSG:32648")
    truth = province.communes.set_index("gso_code").geometry.to_crs("EPSG:32648")
    shift_m = back.centroid.distance(truth.loc[back.index].centroid)
    assert shift_m.max() < 1.0  # a round trip through VN-2000 moves nothing


def test_vn2000_utm_epsg_3405(tmp_path, province, matcher):
    frame = province.communes[["gso_code", "geometry"]].to_crs("EPSG:3405")
    path = tmp_path / "xa_3405.gpkg"
    frame.to_file(path, engine="pyogrio")
    result = read_user_boundaries(path, matcher)
    assert result.warnings == []  # EPSG:3405 names its datum
    truth = province.communes.set_index("gso_code").geometry.to_crs("EPSG:32648")
    moved = result.geometry_by_code.to_crs("EPSG:32648").centroid.distance(truth.centroid)
    assert moved.max() < 1.0


def test_prj_without_a_datum_is_read_as_wgs84_with_a_warning(tmp_path, province, matcher):
    """A TM grid on an unnamed datum (as some exports write VN-2000) cannot be placed exactly: say so."""
    frame = province.communes[["gso_code", "geometry"]].to_crs(VN2000_LANG_SON)
    path = tmp_path / "xa_khong_datum.shp"
    frame.to_file(path, engine="pyogrio")
    prj = path.with_suffix(".prj")
    prj.write_text(prj.read_text().replace("GCS_VN_2000", "GCS_unknown").replace("D_Vietnam_2000", "D_unknown"))
    result = read_user_boundaries(path, matcher)
    assert len(result.geometry_by_code) == 200
    assert len(result.warnings) == 1 and "xa_khong_datum.shp" in result.warnings[0]
    assert "datum" in result.warnings[0] and "VN-2000" in result.warnings[0]


def test_names_without_codes_are_matched_and_leftovers_listed(tmp_path, province, matcher):
    frame = province.communes[["commune", "district", "geometry"]].head(30).copy()
    frame.loc[frame.index[0], "commune"] = "Xã Không Tồn Tại"
    frame = frame.rename(columns={"commune": "Ten_xa", "district": "Huyen"})
    path = tmp_path / "theo_ten.geojson"
    frame.to_file(path, engine="pyogrio")
    result = read_user_boundaries(path, matcher)
    assert len(result.geometry_by_code) == 29
    unmatched, missing = result.warnings
    assert "Xã Không Tồn Tại" in unmatched and "dòng 1" in unmatched
    assert "171" in missing  # 200 - 29 communes keep the default boundary


def test_file_without_code_or_name_column(tmp_path, province, matcher):
    frame = province.communes[["geometry"]].head(3).assign(abc=1)
    path = tmp_path / "khong_khoa.geojson"
    frame.to_file(path, engine="pyogrio")
    with pytest.raises(DataError) as err:
        read_user_boundaries(path, matcher)
    assert "khong_khoa.geojson" in str(err.value) and "mã xã" in str(err.value)


@pytest.fixture(scope="module")
def unit_lists(province, matcher):
    """The lists a file is told apart by: the 200 old communes and the 65 new units."""
    return UnitList(PERIOD_2021, matcher), new_unit_list(read_crosswalk(province.files["crosswalk"]))


def test_two_user_files_are_refused(tmp_path, unit_lists):
    (tmp_path / "a.geojson").write_text("{}")
    (tmp_path / "b.shp").write_text("")
    with pytest.raises(DataError):
        find_user_boundary_files(tmp_path, set(), *unit_lists)


def test_default_file_names_are_not_taken_for_user_files(tmp_path, unit_lists):
    (tmp_path / "langson_districts.geojson").write_text("{}")
    assert find_user_boundary_files(tmp_path, {"langson_districts.geojson"}, *unit_lists) == {}


def test_user_file_in_data_boundaries_replaces_the_default(monkeypatch, tmp_path, province, shared_dir):
    folder = tmp_path / "data" / "boundaries"
    folder.mkdir(parents=True)
    moved = province.communes[["gso_code", "geometry"]].head(5).copy()
    moved["geometry"] = moved.geometry.to_crs("EPSG:32648").buffer(-100).to_crs("EPSG:4326")
    moved.to_file(folder / "ranh_gioi_tinh.geojson", engine="pyogrio")
    monkeypatch.setattr("geo.province.user_boundary_dir", lambda: folder)
    data = load_province({"LANGSON_GEODATA_DIR": str(shared_dir)})
    assert "ranh_gioi_tinh.geojson" in data.boundary_source
    # five communes come from the file, the rest from GADM: the source line says both
    assert "ranh_gioi_tinh.geojson (5 xã)" in data.boundary_source and "GADM" in data.boundary_source
    def area(frame):
        return frame.set_index("gso_code").geometry.loc[moved["gso_code"]].to_crs("EPSG:32648").area.sum()
    assert area(data.communes) < area(province.communes)
    assert any("195" in w for w in data.warnings)  # the other communes keep the default, and it says so


def test_every_view_names_the_boundaries_in_use(monkeypatch, tmp_path, province, shared_dir):
    """The on-screen source line and every export's footer come from the view's sources."""
    folder = tmp_path / "boundaries"
    folder.mkdir()
    province.communes[["gso_code", "geometry"]].to_file(folder / "ranh_gioi_xa_2024.gpkg", engine="pyogrio")
    monkeypatch.setattr("geo.province.user_boundary_dir", lambda: folder)
    data = prepare({"LANGSON_GEODATA_DIR": str(shared_dir)})
    programme = load_programme(Store.default(tmp_path / "var"), None, "2021-2025")
    for kind in ("admin", "category"):
        built = build_view(ViewOptions(kind=kind), commune_table(data.communes, programme), data.colours,
                           subtitle="", selected=(), illustrative=False,
                           sources=view_sources(data, programme, kind))
        assert "theo tệp của tỉnh ranh_gioi_xa_2024.gpkg; huyện" in built.view.source_line
        assert "GADM" not in built.view.source_line  # all 200 communes come from the file
