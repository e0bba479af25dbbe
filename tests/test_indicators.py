"""The indicator catalogue: complete, ordered as the brief asks, and honest about targets."""

import unicodedata

import pandas as pd
import pytest

from geo.gaps import gap_series
from geo.imports.column_meaning import guess_indicator
from geo.indicators import (
    INDICATORS,
    LEVELS,
    PERCENT,
    SHARE_OF_VILLAGES,
    YES_NO,
    header_key,
    indicators_for_level,
    roll_up_villages,
    template_header,
)

FIRST_FOUR = ["road_village_hardened", "road_commune_hardened", "electricity_households", "cultural_house_standard"]


def test_road_electricity_cultural_houses_come_first():
    assert list(INDICATORS)[:4] == FIRST_FOUR


def test_targets_are_exactly_the_resolutions():
    expected = {  # DOMAIN.md "Indicators and their targets": (2025, 2030)
        "road_commune_hardened": (100, None), "road_village_hardened": (80, None),
        "cultural_house_standard": (60, None), "arts_club_regular": (50, None),
        "electricity_households": (99.6, 99.6), "hygienic_water_rural": (99, 99),
        "schools_national_standard": (300, 375), "commune_health_standard": (100, 100),
        "health_insurance_dtts": (98, None), "antenatal_care": (80, None), "underweight_children": (15, None),
        "vocational_training": (65, None), "tv_radio_access": (100, None), "new_rural_standard": (None, 80),
        "forest_cover": (None, 67), "poor_household_rate": (None, None), "extremely_disadvantaged": (None, None),
        "temporary_houses": (0, 0),
    }
    for ind_id, (t2025, t2030) in expected.items():
        ind = INDICATORS[ind_id]
        assert (ind.target_2025, ind.target_2030) == (t2025, t2030), ind_id


def test_baselines_only_where_domain_gives_them():
    with_baseline = {i.id: i.baseline_2020 for i in INDICATORS.values() if i.baseline_2020 is not None}
    assert with_baseline == {
        "road_commune_hardened": 86.1, "electricity_households": 98.31, "hygienic_water_rural": 95.0,
        "poor_household_rate": 7.88, "schools_national_standard": 225.0, "urban_clean_water": 99.9,
        "grdp_per_capita": 44.5,
    }


def test_qualitative_targets_are_notes_not_numbers():
    for ind_id in ("poor_household_rate", "extremely_disadvantaged"):
        ind = INDICATORS[ind_id]
        assert ind.target_2025 is None and ind.target_2030 is None
        assert ind.target_note
    assert "cơ bản không còn" in INDICATORS["extremely_disadvantaged"].target_note.lower()
    assert "trên 99,6%" in INDICATORS["electricity_households"].target_note


def test_fields_are_consistent():
    labels = set()
    for ind in INDICATORS.values():
        assert ind.level in LEVELS and set(ind.import_levels) <= set(LEVELS) and ind.level in ind.import_levels
        assert ind.label == unicodedata.normalize("NFC", ind.label)
        assert header_key(ind.label) not in labels
        labels.add(header_key(ind.label))
        # every wording the catalogue gives is read back as its own indicator by the importers
        for wording in (ind.id, ind.label, template_header(ind), template_header(ind, "commune"), *ind.aliases):
            assert guess_indicator(wording).indicator is ind, wording
    with pytest.raises(Exception):
        INDICATORS["forest_cover"].label = "x"  # frozen


def test_village_yes_no_indicators_roll_up_as_share_of_villages():
    for ind_id in ("road_village_hardened", "cultural_house_standard", "arts_club_regular"):
        ind = INDICATORS[ind_id]
        assert ind.level == "village" and ind.kind == YES_NO and ind.aggregate == SHARE_OF_VILLAGES


def test_levels():
    village = {i.id for i in indicators_for_level("village")}
    assert {"road_village_hardened", "cultural_house_standard", "arts_club_regular",
            "electricity_households", "temporary_houses"} <= village
    assert "road_commune_hardened" not in village
    commune = {i.id for i in indicators_for_level("commune")}
    assert "electricity_households" in commune and "forest_cover" not in commune
    # Departments report the village targets per commune too, as a share of the commune's villages.
    for ind_id in ("road_village_hardened", "cultural_house_standard", "arts_club_regular"):
        assert ind_id in commune
        assert INDICATORS[ind_id].kind_at("commune") == PERCENT and INDICATORS[ind_id].kind_at("village") == YES_NO


def test_header_matching_ignores_case_diacritics_and_unit():
    assert guess_indicator("  THÔN CÓ NHÀ VĂN HÓA ĐẠT CHUẨN (0/1) ").indicator.id == "cultural_house_standard"
    assert guess_indicator("thon co nha van hoa dat chuan").indicator.id == "cultural_house_standard"
    assert guess_indicator("Cột không có").indicator is None


def test_gap_direction():
    def gap(ind_id, value, year=2025):
        return gap_series(pd.Series([value]), INDICATORS[ind_id], year).iloc[0]

    assert gap("hygienic_water_rural", 95.0) == pytest.approx(4.0)
    assert gap("hygienic_water_rural", 100.0, 2030) == pytest.approx(-1.0)
    assert gap("underweight_children", 20.0) == pytest.approx(5.0)
    assert pd.isna(gap("poor_household_rate", 10.0))  # the Resolution sets no level, so no gap


def test_roll_up_villages():
    values = pd.DataFrame({
        "gso_code": ["A", "A", "A", "A", "B", "A", "A"],
        "indicator": ["road_village_hardened"] * 5 + ["temporary_houses"] * 2,
        "value": [1.0, 0.0, 1.0, 1.0, 0.0, 2.0, 3.0],
    })
    out = roll_up_villages(values).set_index(["gso_code", "indicator"])
    assert out.loc[("A", "road_village_hardened"), "value"] == pytest.approx(75.0)
    assert out.loc[("A", "road_village_hardened"), "n_villages"] == 4
    assert out.loc[("B", "road_village_hardened"), "value"] == 0.0
    assert out.loc[("A", "temporary_houses"), "value"] == 5.0
    assert roll_up_villages(values.iloc[0:0]).empty


def test_a_province_total_is_no_target_for_a_commune():
    """DOMAIN.md: 300 schools up to national standard by 2025 is the province's count; a commune with 2 schools
    is not 298 short. Targets a commune can meet stay (no temporary houses: 0 in every commune)."""
    schools = INDICATORS["schools_national_standard"]
    assert (schools.target_2025, schools.target_2030) == (300, 375)  # the Resolution's figures stay in the catalogue
    assert schools.target(2025) is None and schools.target(2030) is None
    assert gap_series(pd.Series([2.0]), schools, 2025).isna().all()
    assert INDICATORS["temporary_houses"].target(2025) == 0
    assert INDICATORS["electricity_households"].target(2030) == 99.6


def test_classes_at_the_targets_are_offered_only_where_a_commune_has_a_target():
    from geo.classify import TARGETS, classify, methods_for
    assert TARGETS in methods_for(INDICATORS["electricity_households"])
    for no_target in ("poor_household_rate", "schools_national_standard"):
        assert TARGETS not in methods_for(INDICATORS[no_target])
        with pytest.raises(ValueError):
            classify(pd.Series([1.0, 2.0]), TARGETS, indicator=INDICATORS[no_target])
