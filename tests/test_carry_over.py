"""2021-2025 data on the 65 units: counts add up, rates follow the catalogue's rule, split communes are named.

The programme below is hand-written: the commune codes are real (2021 codes of the crosswalk), the
village names ("Thôn thử …") and every value are made up for the test. Expected values are computed
by hand in the comments, from these fixture values.
"""

import math

import pandas as pd
import pytest

import texts
from geo.carry_over import ESTIMATED_RULES, RULES, carry_over
from geo.crosswalk import read_crosswalk
from geo.demo import generate_demo
from geo.indicators import INDICATORS, MEAN, NONE, SHARE_OF_COMMUNES, SHARE_OF_VILLAGES, SUM
from geo.programme import Programme

HONG_PHONG, BINH_GIA, DINH_LAP, KIEN_MOC, CHAU_SON = "06079", "06112", "06613", "06625", "06637"
BINH_XA, OLD_KIEN_MOC = "06622", "06625"  # old communes split between two new units

CATEGORIES = {"06079": "III", "06094": "II",  # -> Hồng Phong (both whole)
              "06100": "I", "06106": "III", "06112": "I",  # -> Bình Gia (all whole)
              "06613": "I", "06628": "III", BINH_XA: "III",  # -> Đình Lập (Bính Xá only in part)
              "06619": "II", OLD_KIEN_MOC: "III"}  # Bắc Xa -> Kiên Mộc whole; old Kiên Mộc split
VILLAGES = {"06079": ["A1", "A2"], "06094": ["B1"], "06106": ["M1", "M2"], "06628": ["D1", "D2"],
            BINH_XA: ["X1", "X2", "X3"], OLD_KIEN_MOC: ["K1"], "06619": ["N1"]}  # 12 villages
COMMUNE_VALUES = [  # gso_code, indicator, value, year
    ("06079", "temporary_houses", 10, 2022), ("06079", "temporary_houses", 4, 2024),  # the latest counts
    ("06100", "road_village_hardened", 80, 2024), ("06106", "road_village_hardened", 50, 2024),
    ("06112", "road_village_hardened", 35, 2024),
    ("06100", "cultural_house_standard", 60, 2024),
    ("06100", "electricity_households", 99, 2024), ("06106", "electricity_households", 96, 2024),
    ("06112", "electricity_households", 90, 2024),
    ("06100", "road_commune_hardened", 1, 2024), ("06106", "road_commune_hardened", 0, 2024),
    ("06112", "road_commune_hardened", 1, 2024),
    ("06100", "forest_cover", 70, 2024),  # province-only indicator: never carried
    ("06613", "electricity_households", 98, 2024), ("06628", "electricity_households", 94, 2024),
    (BINH_XA, "electricity_households", 10, 2024),
    ("06613", "temporary_houses", 1, 2024), ("06628", "temporary_houses", 2, 2024),
    (BINH_XA, "temporary_houses", 50, 2024),
    ("06613", "new_rural_standard", 1, 2024), ("06628", "new_rural_standard", 0, 2024),
    (BINH_XA, "new_rural_standard", 1, 2024),
    ("06619", "electricity_households", 97, 2024), (OLD_KIEN_MOC, "electricity_households", 20, 2024),
]
VILLAGE_VALUES = [  # gso_code, village, indicator, value (villages need not be on the list of VILLAGES)
    ("06079", "A1", "road_village_hardened", 1), ("06079", "A2", "road_village_hardened", 0),
    ("06079", "A3", "road_village_hardened", 1), ("06094", "B1", "road_village_hardened", 0),
    ("06094", "B2", "road_village_hardened", 1),
    ("06094", "B1", "temporary_houses", 2), ("06094", "B2", "temporary_houses", 3),
    ("06112", "C1", "cultural_house_standard", 1), ("06112", "C2", "cultural_house_standard", 0),
    ("06112", "C3", "cultural_house_standard", 0), ("06112", "C4", "cultural_house_standard", 0),
    ("06628", "D1", "road_village_hardened", 1), ("06628", "D2", "road_village_hardened", 1),
    ("06628", "D3", "road_village_hardened", 0),
    (BINH_XA, "X1", "road_village_hardened", 0), (BINH_XA, "X2", "road_village_hardened", 0),
]


def village(name: str) -> str:
    return f"Thôn thử {name}"


@pytest.fixture(scope="module")
def crosswalk(shared_dir):
    return read_crosswalk(shared_dir / "langson_merger_2025.csv")


@pytest.fixture(scope="module")
def programme():
    return Programme(
        source="imported",
        categories=pd.DataFrame(list(CATEGORIES.items()), columns=["gso_code", "area_category"]),
        villages=pd.DataFrame([(code, village(v)) for code, names in VILLAGES.items() for v in names],
                              columns=["gso_code", "village"]),
        commune_indicators=pd.DataFrame(COMMUNE_VALUES, columns=["gso_code", "indicator", "value", "year"]),
        village_indicators=pd.DataFrame([(c, village(v), i, x, 2024) for c, v, i, x in VILLAGE_VALUES],
                                        columns=["gso_code", "village", "indicator", "value", "year"]))


@pytest.fixture(scope="module")
def carried(programme, province, crosswalk):
    return carry_over(programme, province.communes, crosswalk)


def unit(carried, code):
    return carried.units.set_index("gso_code").loc[code]


def value(carried, code, indicator):
    rows = carried.values[(carried.values["gso_code"] == code) & (carried.values["indicator"] == indicator)]
    assert len(rows) == 1, (code, indicator)
    return rows.iloc[0]


def test_one_row_per_new_unit(carried, crosswalk):
    assert len(carried.units) == 65
    assert carried.units["gso_code"].tolist() == crosswalk["new_code"].drop_duplicates().tolist()


def test_whole_communes_with_village_rows_give_an_exact_share(carried):
    """Xã Hồng Phong = Hồng Phong (06079) + Minh Khai (06094), both whole."""
    row = unit(carried, HONG_PHONG)
    assert (row["n_old_communes"], row["n_villages"]) == (2, 3)  # A1, A2 + B1
    assert (row["kv3_old_communes"], row["kv2_old_communes"], row["kv1_old_communes"]) == (1, 1, 0)
    assert not row["approximate"] and row["approximate_note"] == "" and row["split_old_codes"] == ()
    road = value(carried, HONG_PHONG, "road_village_hardened")
    # villages A1 1, A2 0, A3 1, B1 0, B2 1: 3 of 5 = 60 % (the unweighted mean of 66.7 and 50 would be 58.3)
    assert road["value"] == pytest.approx(60.0) and road["rule"] == "villages"
    assert not road["estimated"] and not road["approximate"] and road["marks"] == ""
    assert row["road_village_hardened"] == pytest.approx(60.0)
    houses = value(carried, HONG_PHONG, "temporary_houses")
    assert houses["value"] == 9 and houses["rule"] == "sum" and not houses["estimated"]  # 4 (2024) + B1 2 + B2 3
    assert math.isnan(row["electricity_households"])  # no value in either old commune


def test_whole_communes_with_commune_percentages_give_an_estimate(carried):
    """Xã Bình Gia = Hoàng Văn Thụ (06100) + Mông Ân (06106) + TT Bình Gia (06112), all whole."""
    row = unit(carried, BINH_GIA)
    assert (row["n_old_communes"], row["n_villages"]) == (3, 2)  # M1, M2
    assert (row["kv3_old_communes"], row["kv2_old_communes"], row["kv1_old_communes"]) == (1, 0, 2)
    assert not row["approximate"]
    road = value(carried, BINH_GIA, "road_village_hardened")
    assert road["value"] == pytest.approx(55.0)  # (80 + 50 + 35) / 3
    assert (road["rule"], road["estimated"], road["n_old_communes"]) == ("village_share_mean", True, 3)
    assert road["marks"] == "ước tính" and road["rule_note"].startswith("ước tính")
    houses = value(carried, BINH_GIA, "cultural_house_standard")
    assert houses["value"] == pytest.approx(42.5)  # 06100: 60; 06112: 1 of 4 villages = 25; (60 + 25) / 2
    assert (houses["rule"], houses["estimated"], houses["n_old_communes"]) == ("village_share_mean", True, 2)
    power = value(carried, BINH_GIA, "electricity_households")
    assert power["value"] == pytest.approx(95.0) and power["rule"] == "mean" and power["estimated"]  # (99+96+90)/3
    road_commune = value(carried, BINH_GIA, "road_commune_hardened")
    assert road_commune["value"] == pytest.approx(200 / 3)  # 2 of 3 old communes had it
    assert road_commune["rule"] == "commune_share" and road_commune["estimated"]
    assert "forest_cover" not in set(carried.values["indicator"]) and "forest_cover" not in carried.units


def test_a_unit_sharing_a_split_commune_is_approximate(carried):
    """Xã Đình Lập = TT Đình Lập (06613) + xã Đình Lập (06628) whole, and part of Bính Xá (06622)."""
    row = unit(carried, DINH_LAP)
    assert (row["n_old_communes"], row["n_villages"]) == (2, 2)  # D1, D2; Bính Xá's X1-X3 are not counted
    assert (row["kv3_old_communes"], row["kv2_old_communes"], row["kv1_old_communes"]) == (1, 0, 1)
    assert row["approximate"] and row["split_old_codes"] == (BINH_XA,)
    assert "Bính Xá" in row["approximate_note"] and row["approximate_note"].startswith("gần đúng")
    power = value(carried, DINH_LAP, "electricity_households")
    assert power["value"] == pytest.approx(96.0)  # (98 + 94) / 2; Bính Xá's 10 left out
    assert power["estimated"] and power["approximate"] and power["marks"] == "ước tính, gần đúng"
    houses = value(carried, DINH_LAP, "temporary_houses")
    assert houses["value"] == 3 and not houses["estimated"] and houses["approximate"]  # 1 + 2; not Bính Xá's 50
    assert houses["marks"] == "gần đúng"
    assert value(carried, DINH_LAP, "new_rural_standard")["value"] == pytest.approx(50.0)  # 1 of 2 whole
    road = value(carried, DINH_LAP, "road_village_hardened")
    assert road["value"] == pytest.approx(200 / 3) and road["rule"] == "villages"  # D1 1, D2 1, D3 0; not X1, X2
    assert not road["estimated"] and road["approximate"]


def test_both_units_of_a_split_commune_name_it(carried):
    kien_moc, chau_son = unit(carried, KIEN_MOC), unit(carried, CHAU_SON)
    assert set(kien_moc["split_old_codes"]) == {BINH_XA, OLD_KIEN_MOC}
    assert "Bính Xá" in kien_moc["approximate_note"] and "Kiên Mộc" in kien_moc["approximate_note"]
    assert chau_son["split_old_codes"] == (OLD_KIEN_MOC,) and chau_son["approximate"]
    assert (kien_moc["n_villages"], kien_moc["kv2_old_communes"]) == (1, 1)  # Bắc Xa's N1; old Kiên Mộc not counted
    assert value(carried, KIEN_MOC, "electricity_households")["value"] == pytest.approx(97.0)  # Bắc Xa alone
    assert chau_son["n_villages"] == 0 and math.isnan(chau_son["electricity_households"])
    assert carried.units["approximate"].sum() == 5  # Quốc Khánh, Thất Khê (Đại Đồng), Đình Lập, Kiên Mộc, Châu Sơn


def test_villages_of_split_communes_are_listed_as_unplaced(carried):
    unplaced = carried.unplaced_villages
    assert list(unplaced.columns) == ["old_code", "old_commune", "old_district", "village", "new_codes", "new_names"]
    assert sorted(zip(unplaced["old_code"], unplaced["village"])) == [
        (BINH_XA, village("X1")), (BINH_XA, village("X2")), (BINH_XA, village("X3")), (OLD_KIEN_MOC, village("K1"))]
    by_commune = unplaced.drop_duplicates("old_code").set_index("old_code")
    assert by_commune.at[BINH_XA, "old_commune"] == "Xã Bính Xá"
    assert set(by_commune.at[BINH_XA, "new_codes"]) == {DINH_LAP, KIEN_MOC}
    assert set(by_commune.at[BINH_XA, "new_names"]) == {"Xã Đình Lập", "Xã Kiên Mộc"}
    assert set(by_commune.at[OLD_KIEN_MOC, "new_codes"]) == {KIEN_MOC, CHAU_SON}


def test_village_counts_add_up_over_the_province(carried):
    # 3 (Hồng Phong) + 2 (Bình Gia) + 2 (Đình Lập) + 1 (Kiên Mộc) placed, 4 unplaced: the 12 listed
    assert carried.units["n_villages"].sum() == 8 and len(carried.unplaced_villages) == 4


def test_every_aggregate_of_the_catalogue_has_a_rule(carried):
    aggregates = {ind.aggregate for ind in INDICATORS.values()}
    assert aggregates == {SUM, SHARE_OF_VILLAGES, SHARE_OF_COMMUNES, MEAN, NONE}  # a new kind needs a rule here
    rules = carried.values.groupby(carried.values["indicator"].map(lambda i: INDICATORS[i].aggregate))["rule"]
    assert {aggregate: set(found) for aggregate, found in rules} == {
        SUM: {"sum"}, SHARE_OF_VILLAGES: {"villages", "village_share_mean"}, SHARE_OF_COMMUNES: {"commune_share"},
        MEAN: {"mean"}}  # NONE: not carried (forest_cover above)
    assert set(carried.values["rule"]) == set(RULES)
    assert set(texts.CARRY_OVER_RULES) == set(RULES)
    for rule, statement in texts.CARRY_OVER_RULES.items():
        assert statement.startswith("ước tính") == (rule in ESTIMATED_RULES), rule
    assert texts.ESTIMATED_MARK == "ước tính" and texts.APPROXIMATE_MARK == "gần đúng"


def test_the_demo_set_adds_up_over_the_province(province, crosswalk, reference):
    data = generate_demo(reference, seed=7)
    demo = Programme("demo", data["categories"], data["villages"], data["indicators_commune"],
                     data["indicators_village"])
    carried = carry_over(demo, province.communes, crosswalk)
    assert carried.units["n_villages"].sum() + len(carried.unplaced_villages) == 644
    split = set(crosswalk.loc[crosswalk["whole_or_part"] == "part", "old_gso_code_2021"])
    assert split == {BINH_XA, OLD_KIEN_MOC, "06040"}
    split_categories = data["categories"].loc[data["categories"]["gso_code"].isin(split), "area_category"]
    for category, column, official in (("III", "kv3_old_communes", 88), ("II", "kv2_old_communes", 8),
                                       ("I", "kv1_old_communes", 103)):
        assert carried.units[column].sum() + (split_categories == category).sum() == official, category
    counts = data["indicators_commune"].query("indicator == 'extremely_disadvantaged'")
    left_out = counts.loc[counts["gso_code"].isin(split), "value"].sum()
    assert carried.units["extremely_disadvantaged"].sum() + left_out == 644


def test_no_data_gives_empty_units(province, crosswalk):
    empty = Programme(None, pd.DataFrame(columns=["gso_code", "area_category"]),
                      pd.DataFrame(columns=["gso_code", "village"]),
                      pd.DataFrame(columns=["gso_code", "indicator", "value"]),
                      pd.DataFrame(columns=["gso_code", "indicator", "value"]).assign(village=[]))
    carried = carry_over(empty, province.communes, crosswalk)
    assert len(carried.units) == 65 and carried.units["n_villages"].sum() == 0
    assert carried.values.empty and carried.unplaced_villages.empty
    assert carried.units["approximate"].sum() == 5  # the split communes are known without data
