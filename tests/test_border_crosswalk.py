"""Border communes from the border line vs the sourced list, and the 2025 crosswalk."""

import pandas as pd
import pytest

from geo.border import classify_border
from geo.crosswalk import new_commune_by_old_code, read_crosswalk
from geo.errors import DataError

# SOURCES.md, section 3: the geometric cross-check (0.3 km of line within 500 m) finds these 21.
COMPUTED_21 = {
    ("Huyện Tràng Định", n) for n in ["Xã Quốc Khánh", "Xã Đội Cấn", "Xã Tân Minh", "Xã Đào Viên"]
} | {
    ("Huyện Văn Lãng", n) for n in ["Xã Trùng Khánh", "Xã Thụy Hùng", "Xã Thanh Long", "Xã Tân Thanh", "Xã Tân Mỹ"]
} | {
    ("Huyện Cao Lộc", n) for n in ["Thị trấn Đồng Đăng", "Xã Bảo Lâm", "Xã Thanh Lòa", "Xã Cao Lâu",
                                   "Xã Xuất Lễ", "Xã Mẫu Sơn"]
} | {
    ("Huyện Lộc Bình", n) for n in ["Xã Mẫu Sơn", "Xã Yên Khoái", "Xã Tú Mịch", "Xã Tam Gia"]
} | {("Huyện Đình Lập", "Xã Bắc Xa"), ("Huyện Đình Lập", "Xã Bính Xá")}


def test_computed_border_communes_match_the_documented_cross_check(province):
    c = province.communes
    computed = set(zip(c.loc[c.border_computed, "district"], c.loc[c.border_computed, "commune"]))
    assert computed == COMPUTED_21


def test_sourced_border_communes_are_all_15_and_all_flagged(province, shared_dir):
    sourced = pd.read_csv(shared_dir / "langson_border_communes.csv", dtype=str)
    c = province.communes
    assert c["border_sourced"].sum() == len(sourced) == 15
    assert set(c.loc[c.border_sourced, "gso_code"]) == set(sourced["gso_code"])


def test_disagreements_are_flagged_not_hidden(province):
    c = province.communes
    only_computed = set(c.loc[c.border_status == "computed_only", "commune"])
    # Văn Lãng has ~36 km of border but one sourced commune; Bắc Xa has 31 km of line.
    assert {"Xã Trùng Khánh", "Xã Bắc Xa", "Xã Tam Gia"} <= only_computed
    assert (c.border_status == "both").sum() == 15
    assert c["is_border"].sum() == 21


def test_classification_flags_sourced_commune_that_geometry_misses():
    codes = pd.Series(["00001", "00002", "00003", "00004"])
    lengths = pd.Series({"00001": 5.0, "00002": 0.0, "00003": 0.1, "00004": 2.0})
    result = classify_border(codes, lengths, sourced={"00001", "00002"}).set_index("gso_code")
    assert result.loc["00001", "border_status"] == "both"
    assert result.loc["00002", "border_status"] == "sourced_only"
    assert result.loc["00003", "border_status"] == "none"
    assert result.loc["00004", "border_status"] == "computed_only"
    assert result["is_border"].tolist() == [True, True, False, True]


def test_every_2021_commune_has_a_2025_unit(province):
    assert province.communes["new_commune_2025"].str.len().gt(0).all()


def test_split_communes_show_both_new_units(province):
    c = province.communes.set_index("commune")
    # LISTS.md: Bính Xá was split between xã Đình Lập and xã Kiên Mộc.
    bx = c.loc["Xã Bính Xá", "new_commune_2025"]
    assert "Xã Đình Lập (một phần)" in bx and "Xã Kiên Mộc (một phần)" in bx


def test_cao_loc_hong_phong_goes_to_dong_dang_and_binh_gia_one_stays(province):
    c = province.communes
    hp = c[c.commune == "Xã Hồng Phong"].set_index("district")["new_commune_2025"]
    assert hp["Huyện Cao Lộc"] == "Xã Đồng Đăng"
    assert hp["Huyện Bình Gia"] == "Xã Hồng Phong"


def test_sixty_five_new_units(shared_dir):
    crosswalk = read_crosswalk(shared_dir / "langson_merger_2025.csv")
    assert crosswalk["new_code"].nunique() == 65


def test_commune_missing_from_the_crosswalk_is_an_error(shared_dir):
    crosswalk = read_crosswalk(shared_dir / "langson_merger_2025.csv")
    with pytest.raises(DataError) as err:
        new_commune_by_old_code(crosswalk, pd.Series(["05971", "99998"]), "langson_merger_2025.csv")
    assert "99998" in str(err.value) and "langson_merger_2025.csv" in str(err.value)
