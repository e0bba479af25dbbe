"""The 65 units of 1 July 2025 derived from the old communes (issue 12). Expected values come from
../shared/DOMAIN.md and ../shared/geodata/LISTS.md part D, not from the code."""

from __future__ import annotations

import pandas as pd
import pytest
import shapely

from geo.crosswalk import read_crosswalk
from geo.errors import DataError
from geo.new_units import derive_new_units


@pytest.fixture(scope="module")
def crosswalk(province):
    return read_crosswalk(province.files["crosswalk"])


@pytest.fixture(scope="module")
def new_units(province, crosswalk):
    return derive_new_units(province.communes, crosswalk, "langson_merger_2025.csv")


def unit(new_units, name: str) -> pd.Series:
    rows = new_units.units[new_units.units["commune"] == name]
    assert len(rows) == 1, name
    return rows.iloc[0]


def test_65_units_61_xa_and_4_phuong(new_units):
    units = new_units.units
    assert len(units) == 65 and units["gso_code"].is_unique and units["commune"].is_unique
    assert units["commune_type"].value_counts().to_dict() == {"xã": 61, "phường": 4}
    assert set(units.loc[units["commune_type"] == "phường", "commune"]) == {
        "Phường Đông Kinh", "Phường Kỳ Lừa", "Phường Lương Văn Tri", "Phường Tam Thanh"}


def test_every_old_commune_goes_to_a_unit(new_units, province):
    sent = {code for codes in new_units.units["old_codes"] for code in codes}
    assert sent == set(province.communes["gso_code"])


def test_area_is_conserved_and_units_share_their_edges(new_units, province):
    assert abs(new_units.area_change) < 0.001
    pieces = list(new_units.units.geometry) + list(new_units.zones.geometry)
    assert shapely.coverage_is_valid(pieces)  # no overlap, identical shared edges
    assert all(shapely.is_valid(pieces)) and not any(shapely.is_empty(pieces))


def test_split_communes_are_uncertain_zones_named_on_both_sides(new_units):
    """Bính Xá and Kiên Mộc (NQ 1672 clauses 40, 42, 43) and Đại Đồng (NQ 1246, 2024)."""
    zones = {row.old_commune: set(row.new_names) for row in new_units.zones.itertuples()}
    assert zones == {"Xã Bính Xá": {"Xã Đình Lập", "Xã Kiên Mộc"},
                     "Xã Kiên Mộc": {"Xã Kiên Mộc", "Xã Châu Sơn"},
                     "Xã Đại Đồng": {"Xã Thất Khê", "Xã Quốc Khánh"}}
    assert unit(new_units, "Xã Kiên Mộc")["shared_zones"] == ("06622", "06625")
    assert unit(new_units, "Xã Thất Khê")["shared_zones"] == ("06040",)
    assert unit(new_units, "Xã Bình Gia")["shared_zones"] == ()
    # the zone is not inside either unit's certain part
    dai_dong = new_units.zones.set_index("old_code").geometry["06040"]
    assert shapely.area(shapely.intersection(unit(new_units, "Xã Thất Khê").geometry, dai_dong)) < 1e-9


def test_codes_are_cv_1027_with_the_other_source_kept(new_units):
    """LISTS.md part D, doubt 2: vietnam-provinces differs on five units; both codes are kept."""
    disputed = {"Xã Quốc Khánh": ("06004", "06016"), "Xã Na Sầm": ("06124", "06214"),
                "Xã Thiện Tân": ("06436", "06421"), "Xã Cao Lộc": ("06211", "06193"),
                "Xã Ba Sơn": ("06196", "06202")}
    for name, (code, alt) in disputed.items():
        row = unit(new_units, name)
        assert (row["gso_code"], row["alt_code"]) == (code, alt)
    others = new_units.units[~new_units.units["commune"].isin(disputed)]
    assert (others["gso_code"] == others["alt_code"]).all()
    # TT Thất Khê's code until 2024 was 05995; xã Thất Khê of 2025 carries 06040 (doubt 1)
    assert unit(new_units, "Xã Thất Khê")["gso_code"] == "06040"
    assert "05995" in unit(new_units, "Xã Thất Khê")["old_codes"]


def test_units_spanning_two_former_districts(new_units, province):
    """Doubt 5: Cao Lộc's Xuân Long, Bình Trung and Tân Thành went to units with Văn Quan communes; Yên
    Trạch (Cao Lộc) went to phường Đông Kinh. The grouping district is the one with most of the area."""
    khanh_khe = unit(new_units, "Xã Khánh Khê")
    assert set(khanh_khe["old_districts"]) == {"Huyện Cao Lộc", "Huyện Văn Quan"}
    assert set(unit(new_units, "Phường Đông Kinh")["old_districts"]) == {"Thành phố Lạng Sơn", "Huyện Cao Lộc"}
    old = province.communes.set_index("gso_code").to_crs("EPSG:32648")
    by_district = old.loc[list(khanh_khe["old_codes"])].groupby("district").geometry.apply(
        lambda g: g.area.sum())
    assert khanh_khe["district"] == by_district.idxmax()
    assert unit(new_units, "Xã Bình Gia")["old_districts"] == ("Huyện Bình Gia",)


def test_a_unit_lies_where_its_old_communes_were(new_units, province):
    old = province.communes.set_index("gso_code")
    for code in ("05995", "06013"):  # TT Thất Khê and xã Chí Minh went whole to xã Thất Khê
        assert unit(new_units, "Xã Thất Khê").geometry.contains(old.geometry[code].representative_point())


def test_a_crosswalk_that_misses_a_commune_is_refused(province, crosswalk):
    short = crosswalk[crosswalk["old_gso_code_2021"] != "06247"]  # xã Yên Trạch
    with pytest.raises(DataError) as error:
        derive_new_units(province.communes, short, "sap_nhap.csv")
    assert "sap_nhap.csv" in error.value.message and "06247" in error.value.message


def test_a_split_sent_to_one_unit_only_is_refused(province, crosswalk):
    lone = crosswalk.drop(crosswalk.index[(crosswalk["old_gso_code_2021"] == "06622")
                                          & (crosswalk["new_commune"] == "Xã Kiên Mộc")])
    with pytest.raises(DataError) as error:
        derive_new_units(province.communes, lone, "sap_nhap.csv")
    assert "06622" in error.value.message and "một phần" in error.value.message
