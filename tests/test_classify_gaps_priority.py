"""Classification, gaps to target and the priority score, on hand-checked numbers."""

import pandas as pd
import pytest

from geo.classify import EQUAL_INTERVAL, NATURAL_BREAKS, QUANTILES, TARGETS, classify
from geo.gaps import gap_class, gap_class_labels, gap_series, relative_shortfall
from geo.indicators import INDICATORS
from geo.priority import Weights, priority_scores
from layers.tables import priority_details

ROAD = INDICATORS["road_village_hardened"]  # higher is better, target 2025 = 80 %
HOUSES = INDICATORS["temporary_houses"]  # lower is better, target 0


def test_equal_interval_by_hand():
    values = pd.Series([0.0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
    classes = classify(values, EQUAL_INTERVAL, k=4)
    assert classes.upper == (25.0, 50.0, 75.0, 100.0)
    assert classes.class_of.tolist() == [0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 3]


def test_quantiles_put_equal_numbers_in_each_class():
    classes = classify(pd.Series(range(1, 101), dtype=float), QUANTILES, k=4)
    assert classes.counts() == [25, 25, 25, 25]


def test_natural_breaks_separate_clear_groups():
    values = pd.Series([1.0, 2, 3, 50, 51, 52, 98, 99, 100])
    classes = classify(values, NATURAL_BREAKS, k=3)
    assert classes.class_of.tolist() == [0, 0, 0, 1, 1, 1, 2, 2, 2]


def test_missing_values_stay_out_of_every_class():
    classes = classify(pd.Series([10.0, None, 30.0]), EQUAL_INTERVAL, k=2)
    assert classes.class_of.tolist()[1] == -1 and sum(classes.counts()) == 2


def test_fewer_distinct_values_than_classes():
    classes = classify(pd.Series([5.0, 5.0, 7.0]), NATURAL_BREAKS, k=5)
    assert classes.k == 2


def test_fixed_breaks_at_the_target_count_the_target_as_met():
    classes = classify(pd.Series([79.9, 80.0, 95.0]), TARGETS, indicator=ROAD)
    assert classes.class_of.tolist() == [0, 1, 1]
    assert "chưa đạt" in classes.labels[0] and "80" in classes.labels[0]
    assert "đạt mục tiêu 2025" in classes.labels[1]


def test_fixed_breaks_for_lower_is_better():
    classes = classify(pd.Series([0.0, 1.0, 12.0]), TARGETS, indicator=HOUSES)
    assert classes.class_of.tolist() == [0, 1, 1]
    assert classes.labels[0].startswith("Không quá 0")


def test_gap_direction_follows_higher_is_better():
    assert gap_series(pd.Series([60.0, 85.0]), ROAD, 2025).tolist() == [20.0, -5.0]
    assert gap_series(pd.Series([3.0, 0.0]), HOUSES, 2025).tolist() == [3.0, 0.0]
    # no numeric 2030 target for village roads: no gap, not a made-up one
    assert gap_series(pd.Series([60.0]), ROAD, 2030).isna().all()


def test_relative_shortfall_scale():
    assert relative_shortfall(pd.Series([40.0, 80.0, 100.0]), ROAD, 2025).tolist() == [0.5, 0.0, 0.0]
    # target 0: the worst commune is 1
    assert relative_shortfall(pd.Series([0.0, 5.0, 10.0]), HOUSES, 2025).tolist() == [0.0, 0.5, 1.0]


def test_gap_classes_and_labels():
    assert [gap_class(g) for g in (-3, 0, 2, 5, 7, 15, 40, float("nan"))] == [0, 0, 1, 1, 2, 3, 4, -1]
    labels = gap_class_labels(ROAD)
    assert labels[0] == "Đã đạt mục tiêu" and len(labels) == 5 and labels[1] == "Thiếu 0,0 – 5,0 điểm phần trăm"


def communes_frame():
    return pd.DataFrame({
        "gso_code": ["A", "B", "C", "D"],
        "area_category": ["III", "II", "I", None],
        "n_villages": [10, 5, 0, 0],
        "is_border": [True, False, False, True],
    })


def test_score_by_hand():
    values = pd.DataFrame({"road_village_hardened": [40.0, 80.0, 60.0, None]}, index=list("ABCD"))
    weights = Weights(category=1, villages=1, gaps=1, border=1)
    scores = priority_scores(communes_frame(), values, ["road_village_hardened"], weights)
    # A: category 1, villages 1, gap (80-40)/80 = .5, border 1 -> 100 * 3.5 / 4
    assert scores.loc["A", "score"] == pytest.approx(87.5)
    # B: 0.5 + 0.5 + 0 + 0 -> 25
    assert scores.loc["B", "score"] == pytest.approx(25.0)
    # C: 0 + 0 + .25 + 0 -> 6.25
    assert scores.loc["C", "score"] == pytest.approx(6.25)
    # D: no value: gap counts 0 and is flagged missing; border 1 -> 25
    assert scores.loc["D", "score"] == pytest.approx(25.0)
    assert scores.loc["D", "missing"] == ["road_village_hardened"]
    assert scores.loc["A", "rank"] == 1
    # the contributions add up to the score
    points = scores[[c for c in scores.columns if c.endswith("_points")]].sum(axis=1)
    assert (points - scores["score"]).abs().max() < 1e-9


def test_priority_popup_lines_explain_each_score():
    values = pd.DataFrame({"road_village_hardened": [40.0, 80.0, 60.0, None]}, index=list("ABCD"))
    scores = priority_scores(communes_frame(), values, ["road_village_hardened"], Weights(1, 1, 1, 1))
    details = priority_details(communes_frame(), scores)
    assert details["A"]["Điểm ưu tiên"] == "87,5 (hạng 1)"
    assert details["A"]["Theo khu vực"].startswith("Khu vực III →")
    assert details["A"]["Theo số thôn ĐBKK"].startswith("10 →")
    assert details["B"]["Theo biên giới"] == "Không → 0,0 điểm"  # points: one decimal
    # 40% against the 2025 target of 80%: half the way short, said in per cent (it read "0,5")
    assert details["A"]["Theo thiếu hụt chỉ tiêu"] == "thiếu trung bình 50% so với mục tiêu → 12,5 điểm"
    assert details["D"]["Theo khu vực"].startswith("Chưa có dữ liệu →")
    assert details["D"]["Thiếu số liệu"] == "Thôn có đường ô tô đến trung tâm thôn được cứng hóa"
    assert "Thiếu số liệu" not in details["A"]


def test_weights_change_the_ranking():
    values = pd.DataFrame(index=list("ABCD"))
    border_only = priority_scores(communes_frame(), values, [], Weights(0, 0, 0, 1))
    assert border_only.loc["D", "score"] == border_only.loc["A", "score"] == 100.0
    category_only = priority_scores(communes_frame(), values, [], Weights(1, 0, 0, 0))
    assert category_only.loc["D", "score"] == 0.0 and category_only.loc["B", "score"] == 50.0


def test_all_weights_zero_gives_zero_not_an_error():
    scores = priority_scores(communes_frame(), pd.DataFrame(index=list("ABCD")), [], Weights(0, 0, 0, 0))
    assert (scores["score"] == 0).all()


def test_commune_yes_no_indicator_has_two_named_classes():
    road = INDICATORS["road_commune_hardened"]  # commune yes/no, shown as 0 or 100 %
    classes = classify(pd.Series([0.0, 100.0, 100.0, None]), NATURAL_BREAKS, k=5, indicator=road)
    assert classes.labels == ("Chưa đạt", "Đạt")
    assert classes.class_of.tolist() == [0, 1, 1, -1]


def test_vietnamese_number_format():
    from geo.vnformat import vn_number
    assert vn_number(1234.5) == "1.234,5" and vn_number(86.0) == "86" and vn_number(0.86) == "0,86"
    assert vn_number(None) == "–" and vn_number(float("nan")) == "–"


def test_the_map_shows_the_latest_year_of_each_value():
    """A sheet with 2024 before 2022 rows: the 2024 value is shown, and village shares use 2024 only."""
    from geo.programme import Programme, commune_values

    commune = pd.DataFrame({"gso_code": ["06001"] * 3, "indicator": ["poor_household_rate"] * 3,
                            "value": [12.0, 30.0, 40.0], "year": pd.array([2024, 2022, pd.NA], dtype="Int64")})
    village = pd.DataFrame({"gso_code": ["06001"] * 4, "village": ["A", "A", "B", "B"],
                            "indicator": ["road_village_hardened"] * 4, "value": [0.0, 1.0, 1.0, 1.0],
                            "year": pd.array([2022, 2024, 2022, 2024], dtype="Int64")})
    empty = pd.DataFrame(columns=["gso_code", "area_category"])
    programme = Programme(source="imported", categories=empty, villages=pd.DataFrame(columns=["gso_code", "village"]),
                          commune_indicators=commune, village_indicators=village, files={})
    values = commune_values(programme)
    assert values.loc["06001", "poor_household_rate"] == 12.0
    assert values.loc["06001", "road_village_hardened"] == 100.0  # both villages have it in 2024


def test_road_map_from_one_commune_table_of_shares():
    """One row per commune with "12/15"-style shares: the road indicator is drawable, in % of villages,
    and a commune's own share wins over a roll-up of the villages listed for it."""
    from geo.programme import Programme, commune_values, indicators_with_values

    commune = pd.DataFrame({"gso_code": ["06001", "06004"], "indicator": ["road_village_hardened"] * 2,
                            "value": [80.0, 25.0], "year": pd.array([pd.NA, pd.NA], dtype="Int64")})
    village = pd.DataFrame({"gso_code": ["06001"], "village": ["A"], "indicator": ["road_village_hardened"],
                            "value": [0.0], "year": pd.array([pd.NA], dtype="Int64")})
    programme = Programme(source="imported", categories=pd.DataFrame(columns=["gso_code", "area_category"]),
                          villages=pd.DataFrame(columns=["gso_code", "village"]),
                          commune_indicators=commune, village_indicators=village, files={})
    values = commune_values(programme)
    assert values["road_village_hardened"].to_dict() == {"06001": 80.0, "06004": 25.0}
    assert indicators_with_values(values) == ["road_village_hardened"]
