"""The synthetic data of benchmarks/scale.py: Lạng Sơn copied on a grid, consistent in every file."""

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from benchmarks.scale_data import VIET_NAM_BOX, build, grid_offsets
from geo.boundaries import read_commune_list, read_communes
from geo.crosswalk import new_commune_by_old_code, read_crosswalk
from geo.province import FILES
from tests.conftest import SHARED

N = 401  # two whole copies and one commune of a third


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("scale")
    build(out, N)
    return out


def _csv(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def test_every_file_of_the_public_set_is_written_under_its_own_name(folder):
    for name in FILES.values():
        assert (folder / name).is_file(), name


def test_exactly_n_communes_with_unique_seven_digit_codes_made_from_the_real_ones(folder):
    communes = gpd.read_file(folder / FILES["communes"])
    real = _csv(SHARED / FILES["commune_list"])
    assert len(communes) == N and communes["gso_code"].is_unique
    assert communes["gso_code"].str.fullmatch(r"\d{7}").all()
    de_tham = real.loc[real["commune"] == "Xã Đề Thám", "gso_code"].item()
    row = communes[communes["gso_code"] == "02" + de_tham]
    assert row["commune"].item() == "Xã Đề Thám 2" and row["district"].item() == "Huyện Tràng Định 2"
    assert communes["commune"].str.fullmatch(r".* [123]").all()  # every name carries its copy number
    assert not communes.duplicated(["district", "commune"]).any()
    assert (communes["gso_code"].str[:2] == "03").sum() == 1  # the third copy is cut to one commune


def test_copies_are_whole_shifted_provinces_that_never_overlap_and_stay_in_viet_nam(folder):
    communes = gpd.read_file(folder / FILES["communes"])
    real = gpd.read_file(SHARED / FILES["communes"])
    copy = {k: shapely.union_all(communes[communes["gso_code"].str[:2] == f"0{k}"].geometry.values)
            for k in (1, 2, 3)}
    first = communes.iloc[:200].geometry.values
    assert shapely.equals_exact(first, real.geometry.values, tolerance=1e-6).all()  # copy 1 is Lạng Sơn itself
    second = communes.iloc[200:400].geometry.values
    shift = shapely.get_coordinates(second[0])[0] - shapely.get_coordinates(first[0])[0]
    assert shift[0] < 0 and shift[1] == pytest.approx(0)  # the second copy lies west of the first
    moved = shapely.transform(second, lambda xy: xy - shift)
    assert shapely.equals_exact(moved, real.geometry.values, tolerance=1e-6).all()
    assert not copy[1].intersects(copy[2]) and not copy[2].intersects(copy[3])
    assert shapely.area(copy[2]) == pytest.approx(shapely.area(copy[1]), rel=1e-6)
    west, south, east, north = VIET_NAM_BOX
    minx, miny, maxx, maxy = communes.total_bounds
    assert west <= minx and maxx <= east and south <= miny and maxy <= north
    assert communes.geometry.is_valid.all()


def test_districts_province_and_border_follow_the_copies(folder):
    communes = gpd.read_file(folder / FILES["communes"])
    districts = gpd.read_file(folder / FILES["districts"])
    province = gpd.read_file(folder / FILES["province"])
    border = gpd.read_file(folder / FILES["border"])
    assert len(districts) == 11 + 11 + 1 and set(districts["district"]) == set(communes["district"])
    assert len(province) == 1 and province.geometry.is_valid.all()
    assert shapely.union_all(communes.geometry.values).difference(province.geometry.iloc[0].buffer(0.01)).is_empty
    assert len(border) == 3  # one line per copy
    sourced = _csv(folder / FILES["border_communes"])
    real_sourced = set(_csv(SHARED / FILES["border_communes"])["gso_code"])
    first_real = gpd.read_file(SHARED / FILES["communes"])["gso_code"].iloc[0]
    assert len(sourced) == 2 * len(real_sourced) + (first_real in real_sourced)
    assert set(sourced["gso_code"]) <= set(communes["gso_code"])


def test_the_app_reads_the_list_polygons_and_crosswalk_as_one_consistent_set(folder):
    commune_list = read_commune_list(folder / FILES["commune_list"])
    communes = read_communes(folder / FILES["communes"], commune_list)
    crosswalk = read_crosswalk(folder / FILES["crosswalk"])
    new = new_commune_by_old_code(crosswalk, communes["gso_code"], FILES["crosswalk"])
    assert new.notna().all()
    assert set(crosswalk["old_gso_code_2021"]) == set(communes["gso_code"])
    assert crosswalk.groupby("new_code")["whole_or_part"].apply(lambda s: (s == "whole").any()).all()
    real_units = _csv(SHARED / FILES["crosswalk"])["new_code"].nunique()
    assert 2 * real_units < crosswalk["new_code"].nunique() <= 2 * real_units + 1


def test_the_grid_says_how_many_copies_leave_viet_nam():
    bounds = gpd.read_file(SHARED / FILES["province"]).total_bounds
    offsets, outside = grid_offsets(50, bounds)
    assert outside == 0 and len(set(offsets)) == 50
    assert grid_offsets(200, bounds)[1] > 0
