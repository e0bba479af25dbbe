"""A province's own file of the 65 units of 1 July 2025 replaces the derived layer (issue 12, point 1).

The files are written here from the derived layer, as a province would hand
them over: names without "Xã", in capitals, old tone-mark placement, a metric
CRS, the other source's codes for the disputed units. Which period a file
belongs to is known from how it was written, never from the code under test.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo.crosswalk import read_crosswalk
from geo.errors import DataError
from geo.new_units import derive_new_units, new_period_province
from geo.province import load_province
from geo.user_boundaries import UnitList, file_period, find_user_boundary_files, new_unit_list
from geo.vocabulary import PERIOD_2021, PERIOD_2026
from layers.prepared import prepare

METRIC = "EPSG:32648"
NEW_FILE = "ranh_gioi_xa_phuong_2025.gpkg"
# How people write some of the 65 names: "Thiện Hòa" with the old placement, "Thụy Hùng" likewise.
SPELLED = {"Xã Thiện Hòa": "THIỆN HOÀ", "Xã Thụy Hùng": "THUỴ HÙNG"}
# The five units left out of the partial file, and the uncertain zones they share (DOMAIN.md, LISTS.md D):
# Kiên Mộc shares Bính Xá (with Đình Lập) and Kiên Mộc (with Châu Sơn); Quốc Khánh shares Đại Đồng (with
# Thất Khê).
LEFT_OUT = ("Xã Kiên Mộc", "Xã Quốc Khánh", "Xã Na Sầm", "Xã Bình Gia", "Phường Kỳ Lừa")


@pytest.fixture(scope="module")
def crosswalk(province):
    return read_crosswalk(province.files["crosswalk"])


@pytest.fixture(scope="module")
def lists(matcher, crosswalk):
    return UnitList(PERIOD_2021, matcher), new_unit_list(crosswalk)


@pytest.fixture(scope="module")
def drawn(province, crosswalk):
    """The 65 units as a province's file would draw them: each derived unit, with the whole of Đại Đồng
    given to Thất Khê and the whole of Bính Xá's shared part to Đình Lập (the province's line), and
    the western half of the Kiên Mộc zone to Châu Sơn. Columns: gso_code, alt_code, commune, geometry."""
    derived = derive_new_units(province.communes, crosswalk, "langson_merger_2025.csv")
    units = derived.units[["gso_code", "alt_code", "commune", "geometry"]].copy()
    zones = derived.zones.set_index("old_commune").geometry
    kien_moc = zones["Xã Kiên Mộc"]
    minx, miny, _, maxy = kien_moc.bounds
    west = shapely.intersection(kien_moc, shapely.box(minx, miny, kien_moc.centroid.x, maxy))
    extra = {"Xã Thất Khê": zones["Xã Đại Đồng"], "Xã Đình Lập": zones["Xã Bính Xá"], "Xã Châu Sơn": west}
    units["geometry"] = [shapely.union(geom, extra[name]) if name in extra else geom
                         for name, geom in zip(units["commune"], units.geometry)]
    return units, derived.zones.set_index("old_commune")


def as_people_write(units):
    """Names without the "Xã" prefix, in capitals, some with the old tone-mark placement."""
    names = [SPELLED.get(n, n.removeprefix("Xã ").upper()) for n in units["commune"]]
    return units.assign(TEN=names)[["TEN", "geometry"]]


def folder_with(monkeypatch, tmp_path, files: dict):
    """data/boundaries/ holding `files` (name -> frame), as load_province finds it."""
    folder = tmp_path / "data" / "boundaries"
    folder.mkdir(parents=True)
    for name, frame in files.items():
        frame.to_file(folder / name, engine="pyogrio")
    monkeypatch.setattr("geo.province.user_boundary_dir", lambda: folder)
    return folder


def area_m2(geometries) -> float:
    return float(gpd.GeoSeries(list(geometries), crs="EPSG:4326").to_crs(METRIC).area.sum())


def test_the_65_units_of_the_province_replace_the_derived_layer(monkeypatch, tmp_path, shared_dir, drawn,
                                                                 province):
    units, _ = drawn
    folder_with(monkeypatch, tmp_path, {NEW_FILE: as_people_write(units).to_crs(METRIC)})
    env = {"LANGSON_GEODATA_DIR": str(shared_dir)}
    data = prepare(env, period=PERIOD_2026.key)

    assert data.layers.zones is None and data.province_data.zones is None  # the file draws the split line
    assert NEW_FILE in data.boundary_source and "GADM" not in data.boundary_source
    assert data.warnings == []  # every unit matched, nothing left over, EPSG:32648 names its datum
    on_map = data.communes.set_index("commune").geometry
    truth = units.set_index("commune").geometry
    assert len(on_map) == 65
    for name in truth.index:  # each unit is the file's polygon, back from UTM 48N
        assert abs(area_m2([on_map[name]]) - area_m2([truth[name]])) < 1e-4 * area_m2([truth[name]]), name
        assert area_m2([shapely.symmetric_difference(on_map[name], truth[name])]) < 1e-4 * area_m2([truth[name]])
    # the old communes shared with a neighbour are now "in part" with a known line
    assert "Xã Bính Xá (một phần)" in data.communes.set_index("commune").at["Xã Đình Lập", "old_communes"]
    assert not data.communes["old_communes"].str.contains("chưa xác định").any()

    old_period = prepare(env, period=PERIOD_2021.key)  # 2021-2025 keeps its own boundaries
    assert old_period.boundary_source == province.boundary_source and old_period.warnings == []


def test_a_file_of_60_units_leaves_5_derived_and_says_which(monkeypatch, tmp_path, shared_dir, drawn):
    units, zones = drawn
    given = units[~units["commune"].isin(LEFT_OUT)]
    # the other source's codes for the disputed units (Na Sầm and Quốc Khánh are left out; Cao Lộc,
    # Ba Sơn and Thiện Tân are given by their vietnam-provinces code), the names as written officially,
    # and one feature of no unit at all
    frame = given.rename(columns={"alt_code": "ma_xa", "commune": "ten_xa"})[["ma_xa", "ten_xa", "geometry"]]
    bogus = frame.iloc[[0]].assign(ma_xa="99999", ten_xa="Xã Không Tồn Tại")
    frame = pd.concat([frame, bogus], ignore_index=True)
    folder_with(monkeypatch, tmp_path, {"xa_phuong_moi.geojson": frame})
    data = load_province({"LANGSON_GEODATA_DIR": str(shared_dir)})
    new = new_period_province(data)

    on_map = new.communes.set_index("commune").geometry
    derived_alone = derive_new_units(data.communes, read_crosswalk(data.files["crosswalk"]), "x").units
    derived_alone = derived_alone.set_index("commune").geometry
    for name in LEFT_OUT:  # drawn from the old communes, as without a file
        assert on_map[name].equals(derived_alone[name]), name
    for name in given["commune"]:
        truth = units.set_index("commune").geometry[name]
        assert area_m2([shapely.symmetric_difference(on_map[name], truth)]) < 1e-4 * area_m2([truth]), name

    unmatched, missing = new.warnings
    assert "xa_phuong_moi.geojson" in unmatched and "Xã Không Tồn Tại" in unmatched and "dòng 61" in unmatched
    assert "xa_phuong_moi.geojson" in missing and " 5 " in missing
    assert all(name in missing for name in LEFT_OUT) and "None" not in missing
    assert "(60 xã, phường)" in new.boundary_source and "xa_phuong_moi.geojson" in new.boundary_source

    # Đại Đồng and Bính Xá: the file's Thất Khê and Đình Lập cover them, nothing is left uncertain; the
    # Kiên Mộc zone is still needed by the derived Kiên Mộc, less the half the file gave Châu Sơn.
    assert list(new.zones["old_commune"]) == ["Xã Kiên Mộc"]
    kept = new.zones.geometry.iloc[0]
    whole = zones.geometry["Xã Kiên Mộc"]
    assert 0.3 < area_m2([kept]) / area_m2([whole]) < 0.7
    assert area_m2([shapely.intersection(kept, on_map["Xã Châu Sơn"])]) < 1.0
    units_by_name = new.communes.set_index("commune")
    assert units_by_name.at["Xã Kiên Mộc", "shared_zones"] == ("06625",)
    assert units_by_name.at["Xã Đình Lập", "shared_zones"] == ()


def test_old_and_new_files_side_by_side(monkeypatch, tmp_path, shared_dir, drawn, province, lists):
    units, _ = drawn
    old = province.communes[["gso_code", "commune", "district", "geometry"]].copy()
    old["geometry"] = old.geometry.to_crs(METRIC).buffer(-100).to_crs("EPSG:4326")
    folder = folder_with(monkeypatch, tmp_path, {"xa_2021.shp": old.to_crs(METRIC),
                                                  NEW_FILE: as_people_write(units)})
    env = {"LANGSON_GEODATA_DIR": str(shared_dir)}
    assert {k: p.name for k, p in find_user_boundary_files(folder, set(), *lists).items()} == \
        {PERIOD_2021.key: "xa_2021.shp", PERIOD_2026.key: NEW_FILE}

    both = {key: prepare(env, period=key) for key in (PERIOD_2021.key, PERIOD_2026.key)}
    assert "xa_2021.shp" in both[PERIOD_2021.key].boundary_source
    assert NEW_FILE not in both[PERIOD_2021.key].boundary_source
    assert NEW_FILE in both[PERIOD_2026.key].boundary_source
    assert "xa_2021.shp" not in both[PERIOD_2026.key].boundary_source  # no unit is derived from it
    assert area_m2(both[PERIOD_2021.key].communes.geometry) < area_m2(province.communes.geometry)
    assert both[PERIOD_2026.key].province_data.zones is None


def test_a_file_matching_neither_is_read_as_before(monkeypatch, tmp_path, shared_dir, province):
    frame = province.communes[["geometry"]].head(2).assign(ten_xa=["Xã Không Tồn Tại", "Phường Hư Cấu"])
    folder_with(monkeypatch, tmp_path, {"la.geojson": frame})
    data = load_province({"LANGSON_GEODATA_DIR": str(shared_dir)})
    unmatched, missing = data.warnings
    assert "Xã Không Tồn Tại" in unmatched and "Phường Hư Cấu" in unmatched and "danh mục xã" in unmatched
    assert "200" in missing  # every commune keeps the default, and it says so
    new = new_period_province(data)
    assert len(new.zones) == 3 and new.warnings == data.warnings  # 2026-2030 derived as without a file


def test_a_file_without_code_or_name_is_refused_as_before(monkeypatch, tmp_path, shared_dir, province):
    """Refused with a warning since issue 14: the map keeps the default boundaries instead of failing."""
    folder_with(monkeypatch, tmp_path, {"khong_khoa.geojson": province.communes[["geometry"]].head(3).assign(abc=1)})
    data = load_province({"LANGSON_GEODATA_DIR": str(shared_dir)})
    refused = [w for w in data.warnings if "khong_khoa.geojson" in w]
    assert len(refused) == 1 and "mã xã" in refused[0]
    assert data.boundary_source == province.boundary_source


def test_two_files_of_one_period_or_three_files_are_refused(tmp_path, province, lists):
    units = province.communes[["gso_code", "geometry"]]
    for name in ("a.geojson", "b.gpkg"):
        units.to_file(tmp_path / name, engine="pyogrio")
    with pytest.raises(DataError) as err:
        find_user_boundary_files(tmp_path, set(), *lists)
    assert "a.geojson" in str(err.value) and "b.gpkg" in str(err.value) and "2021-2025" in str(err.value)
    units.head(1).to_file(tmp_path / "c.geojson", engine="pyogrio")
    with pytest.raises(DataError) as err:
        find_user_boundary_files(tmp_path, set(), *lists)
    assert "c.geojson" in str(err.value) and "hai tệp" in str(err.value)


@pytest.mark.parametrize("layout, period", [
    ("old communes: code", PERIOD_2021), ("old communes: code, name, district", PERIOD_2021),
    ("old communes: name only", PERIOD_2021), ("old communes: 5 by code", PERIOD_2021),
    ("new units: name as written", PERIOD_2026), ("new units: code only", PERIOD_2026),
    ("new units: other source's code and name", PERIOD_2026), ("new units: 3 by name", PERIOD_2026),
])
def test_which_period_a_file_draws(tmp_path, province, drawn, lists, layout, period):
    units, _ = drawn
    old = province.communes
    frames = {
        "old communes: code": old[["gso_code", "geometry"]],
        "old communes: code, name, district": old[["gso_code", "commune", "district", "geometry"]],
        "old communes: name only": old[["commune", "geometry"]],
        "old communes: 5 by code": old[["gso_code", "geometry"]].head(5),
        "new units: name as written": as_people_write(units),
        "new units: code only": units[["gso_code", "geometry"]],
        "new units: other source's code and name": units.rename(columns={"alt_code": "ma"})[
            ["ma", "commune", "geometry"]],
        "new units: 3 by name": as_people_write(units).head(3),
    }
    path = tmp_path / "tep.gpkg"
    frames[layout].to_file(path, engine="pyogrio")
    assert file_period(path, *lists) == period
