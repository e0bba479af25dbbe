"""Headers as departments word them, read by meaning; the expected indicator is decided by reading
each header against the catalogue labels (DOMAIN.md's indicator table), not taken from the code."""

import pytest

from geo.imports.column_meaning import POSSIBLE, SURE, guess_indicator

TAKEN = {
    "Hộ sử dụng điện lưới quốc gia, %": "electricity_households",
    "Tỷ lệ hộ dùng điện (%)": "electricity_households",
    "TỶ LỆ HỘ CÓ ĐIỆN": "electricity_households",
    "Số thôn có đường đến trung tâm thôn được bê tông hóa (%)": "road_village_hardened",
    "Tỷ lệ thôn có đường ô tô đến trung tâm thôn được cứng hóa": "road_village_hardened",
    "Đường đến trung tâm xã được nhựa hóa": "road_commune_hardened",
    "Xã có đường nhựa đến trung tâm": "road_commune_hardened",
    "Tỷ lệ thôn có nhà văn hóa đạt chuẩn": "cultural_house_standard",
    "Thôn có CLB văn nghệ": "arts_club_regular",
    "Tỷ lệ hộ nghèo đa chiều (%)": "poor_household_rate",
    "Tỷ lệ hộ nghèo": "poor_household_rate",
    "Mức giảm tỷ lệ hộ nghèo (điểm %)": "poor_household_reduction",
    "Tỷ lệ người dân tộc thiểu số tham gia BHYT": "health_insurance_dtts",
    "TỶ LỆ DÂN NÔNG THÔN DÙNG NƯỚC HỢP VỆ SINH": "hygienic_water_rural",
    "Số nhà tạm, dột nát (nhà)": "temporary_houses",
    "Trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân (%)": "underweight_children",
    "Lao động được đào tạo nghề (%)": "vocational_training",
    "Xã đạt chuẩn NTM": "new_rural_standard",
    "Trạm y tế đạt chuẩn": "commune_health_standard",
    "Số trường đạt chuẩn quốc gia": "schools_national_standard",
    "Số thôn đặc biệt khó khăn": "extremely_disadvantaged",
}
NOT_TAKEN = [
    "Ghi chú", "Dân số", "Số hộ", "Diện tích (km2)", "Số thôn", "Tổng số hộ", "Dân tộc",
    # counts beside rate indicators: a count is never read as a percentage without asking
    "Số hộ nghèo", "Số thôn có nhà văn hóa", "Số hộ dùng điện", "Số người tham gia BHYT", "Số hộ có điện",
    # other measures that share most words with an indicator
    "Tỷ lệ hộ cận nghèo (%)", "Tỷ lệ hộ thoát nghèo", "Tỷ lệ hộ tái nghèo",
]


@pytest.mark.parametrize("header, expected", TAKEN.items())
def test_ordinary_wordings_are_taken(header, expected):
    guess = guess_indicator(header)
    assert guess.indicator is not None and guess.indicator.id == expected, guess
    assert guess.score >= SURE


@pytest.mark.parametrize("header", NOT_TAKEN)
def test_other_columns_are_not_taken_without_asking(header):
    assert guess_indicator(header).indicator is None


def test_a_close_header_is_offered_with_its_best_guess():
    guess = guess_indicator("Tỷ lệ hộ cận nghèo (%)")
    assert guess.uncertain and guess.best.id == "poor_household_rate" and guess.score >= POSSIBLE
