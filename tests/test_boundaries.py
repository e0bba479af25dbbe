"""Reading and checking the boundary files: the real data, and each kind of bad file."""

import shutil

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import Polygon

from geo.boundaries import extent_of, read_communes, read_polygons, read_vector, to_wgs84
from geo.datadir import find_data_file
from geo.errors import DataError
from geo.province import FILES

# Counts per district from SOURCES.md and the issue (GSO list of 01/11/2021).
DISTRICT_COUNTS = {
    "Thành phố Lạng Sơn": 8, "Huyện Tràng Định": 22, "Huyện Bình Gia": 19, "Huyện Văn Lãng": 17,
    "Huyện Cao Lộc": 22, "Huyện Văn Quan": 17, "Huyện Bắc Sơn": 18, "Huyện Hữu Lũng": 24,
    "Huyện Chi Lăng": 20, "Huyện Lộc Bình": 21, "Huyện Đình Lập": 12,
}


def test_real_data_has_200_communes_with_unique_codes(province):
    communes = province.communes
    assert len(communes) == 200
    assert communes["gso_code"].is_unique
    assert communes["gso_code"].str.fullmatch(r"\d{5}").all()
    assert communes.crs.to_epsg() == 4326
    assert shapely.is_valid(communes.geometry.values).all()


def test_real_data_counts_per_district(province):
    assert province.communes.groupby("district").size().to_dict() == DISTRICT_COUNTS


def test_real_data_has_11_districts_one_province_one_border_line(province):
    assert len(province.districts) == 11
    assert set(province.districts["district"]) == set(DISTRICT_COUNTS)
    assert len(province.province) == 1
    # SOURCES.md: the derived line is 213.51 km long.
    length_km = province.border_line.to_crs("EPSG:32648").length.sum() / 1000
    assert length_km == pytest.approx(213.5, abs=1.0)


def test_commune_types_total(province):
    # SOURCES.md: 181 xã, 14 thị trấn, 5 phường.
    assert province.communes["commune_type"].value_counts().to_dict() == {"xã": 181, "thị trấn": 14, "phường": 5}


def test_lookup_order_prefers_the_environment_folder(tmp_path, shared_dir):
    shutil.copy(shared_dir / FILES["districts"], tmp_path / FILES["districts"])
    assert find_data_file(FILES["districts"], {"LANGSON_GEODATA_DIR": str(tmp_path)}) == tmp_path / FILES["districts"]
    # A file absent from the environment folder falls through to the shared folder.
    assert find_data_file(FILES["province"], {"LANGSON_GEODATA_DIR": str(tmp_path)}).parent == shared_dir


def test_missing_file_names_the_file_and_the_folders(monkeypatch, tmp_path):
    monkeypatch.setattr("geo.datadir.REPO_ROOT", tmp_path / "repo")
    with pytest.raises(DataError) as err:
        find_data_file("langson_communes_2021.geojson", {})
    assert "langson_communes_2021.geojson" in str(err.value)
    assert "LANGSON_GEODATA_DIR" in str(err.value)


def test_unreadable_file(tmp_path):
    bad = tmp_path / "hong.geojson"
    bad.write_text("{ day khong phai json", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_vector(bad)
    assert "hong.geojson" in str(err.value) and "Không đọc được" in str(err.value)


def _write(frame, path, **kwargs):
    frame.to_file(path, engine="pyogrio", **kwargs)
    return path


def _small_communes(province, n=3):
    return province.communes.head(n)[["gso_code", "commune", "geometry"]].copy()


def test_missing_crs_is_reported(tmp_path, province):
    frame = _small_communes(province)
    path = _write(frame, tmp_path / "khong_crs.shp")
    path.with_suffix(".prj").unlink()
    with pytest.raises(DataError) as err:
        to_wgs84(read_vector(path), path.name)
    assert "khong_crs.shp" in str(err.value) and "CRS" in str(err.value)


def test_wrong_crs_label_is_caught_by_the_location_check(tmp_path, province):
    # Metric coordinates labelled as degrees: they land far outside Viet Nam.
    frame = _small_communes(province).to_crs("EPSG:32648").set_crs("EPSG:4326", allow_override=True)
    with pytest.raises(DataError) as err:
        to_wgs84(frame, "sai_crs.geojson")
    assert "sai_crs.geojson" in str(err.value) and "ngoài lãnh thổ Việt Nam" in str(err.value)


def test_files_are_checked_against_the_province_outline_not_a_fixed_box(tmp_path, province):
    """The extent comes from the data: a commune file shifted off the outline is refused, one inside the
    outline of another place (here the outline itself moved with it) is read."""
    extent = extent_of(province.province)
    moved = _small_communes(province).translate(xoff=-2.5, yoff=-5.0)  # the same shapes in central Viet Nam
    with pytest.raises(DataError) as err:
        to_wgs84(gpd.GeoDataFrame(geometry=moved, crs="EPSG:4326"), "xa_lech.geojson", extent)
    assert "xa_lech.geojson" in str(err.value) and "ngoài vùng của ranh giới tỉnh" in str(err.value)
    elsewhere = extent_of(province.province.translate(xoff=-2.5, yoff=-5.0))
    assert len(to_wgs84(gpd.GeoDataFrame(geometry=moved, crs="EPSG:4326"), "xa.geojson", elsewhere)) == 3


def test_invalid_geometry_names_the_commune(tmp_path, province, commune_list):
    frame = province.communes[["gso_code", "geometry"]].copy()
    bowtie = Polygon([(106.5, 21.8), (106.6, 21.9), (106.6, 21.8), (106.5, 21.9), (106.5, 21.8)])
    frame.loc[frame.index[5], "geometry"] = bowtie
    path = _write(frame, tmp_path / "communes.geojson")
    with pytest.raises(DataError) as err:
        read_communes(path, commune_list)
    assert frame.iloc[5]["gso_code"] in str(err.value) and "không hợp lệ" in str(err.value)


def test_duplicate_codes_are_named(tmp_path, province, commune_list):
    frame = province.communes[["gso_code", "geometry"]].copy()
    frame.loc[frame.index[1], "gso_code"] = frame.iloc[0]["gso_code"]
    path = _write(frame, tmp_path / "communes.geojson")
    with pytest.raises(DataError) as err:
        read_communes(path, commune_list)
    assert "trùng" in str(err.value) and frame.iloc[0]["gso_code"] in str(err.value)
    assert err.value.column == "gso_code"


def test_unknown_codes_are_named(tmp_path, province, commune_list):
    frame = province.communes[["gso_code", "geometry"]].copy()
    frame.loc[frame.index[3], "gso_code"] = "99999"
    path = _write(frame, tmp_path / "communes.geojson")
    with pytest.raises(DataError) as err:
        read_communes(path, commune_list)
    assert "99999" in str(err.value) and "không có trong danh mục" in str(err.value)


def test_wrong_feature_count(tmp_path, province, commune_list):
    path = _write(province.communes[["gso_code", "geometry"]].head(150), tmp_path / "communes.geojson")
    with pytest.raises(DataError) as err:
        read_communes(path, commune_list)
    assert "150" in str(err.value) and "200" in str(err.value)


def test_missing_code_column(tmp_path, province, commune_list):
    path = _write(province.communes[["commune", "geometry"]], tmp_path / "communes.geojson")
    with pytest.raises(DataError) as err:
        read_communes(path, commune_list)
    assert "gso_code" in str(err.value) and "thiếu cột" in str(err.value)


def test_district_file_with_wrong_count(tmp_path, province):
    path = _write(province.districts.head(10), tmp_path / "d.geojson")
    with pytest.raises(DataError) as err:
        read_polygons(path, "district", expected=11)
    assert "d.geojson" in str(err.value) and "10" in str(err.value)


def test_commune_names_come_from_the_official_list(tmp_path, province, commune_list):
    frame = province.communes[["gso_code", "geometry"]].copy()
    frame["commune"] = "tên sai"
    communes = read_communes(_write(frame, tmp_path / "c.geojson"), commune_list)
    assert not (communes["commune"] == "tên sai").any()
