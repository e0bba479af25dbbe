"""Indicator sheets with headers as people write them, and commune-level shares of villages.

Each expected indicator id was chosen by reading the header against the labels in
geo/indicators.py (what the words mean), not by running the importer. Communes are
real (official list); all values are test numbers.
"""

import pytest

from geo.imports import import_file
from geo.indicators import INDICATORS, template_header
from tests.annex_fixtures import annex_communes
from tests.import_fixtures import csv_text, xlsx_bytes

SHARE_OF_VILLAGE_IDS = ("road_village_hardened", "cultural_house_standard", "arts_club_regular")

# (header as a department wrote it, the catalogue indicator it means)
FREE_HEADERS = [
    ("Hộ sử dụng điện lưới quốc gia, %", "electricity_households"),
    ("Tỷ lệ hộ dùng điện (%)", "electricity_households"),
    ("Số thôn có đường đến trung tâm thôn được bê tông hóa (%)", "road_village_hardened"),
    ("Tỷ lệ thôn có nhà văn hóa đạt chuẩn", "cultural_house_standard"),
    ("Tỷ lệ thôn có đội văn nghệ truyền thống hoạt động thường xuyên (%)", "arts_club_regular"),
    ("Tỷ lệ hộ nghèo đa chiều (%)", "poor_household_rate"),
    ("Tỷ lệ người dân tộc thiểu số tham gia BHYT", "health_insurance_dtts"),
    ("TỶ LỆ DÂN NÔNG THÔN DÙNG NƯỚC HỢP VỆ SINH", "hygienic_water_rural"),
    ("Số nhà tạm, dột nát (nhà)", "temporary_houses"),
    ("Trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân (%)", "underweight_children"),
]
# Written values and what is stored, by the kind of number the column holds at commune level.
WRITTEN = {"percent": (["86,5", 92, "100%"], [86.5, 92.0, 100.0]),
           "count": ([3, 0, "12"], [3.0, 0.0, 12.0])}


def messages(result):
    return [p.message for p in result.problems]


def values(result, indicator):
    frame = result.frame[result.frame["indicator"] == indicator]
    assert frame["gso_code"].is_unique, frame
    return dict(zip(frame["gso_code"], frame["value"]))


def places(reference, count=3):
    return [p for p, _ in annex_communes(reference)][:count]


def name_columns(place):
    return [place.district, place.commune]


def written_kind(indicator_id):
    return "count" if INDICATORS[indicator_id].kind == "count" else "percent"


# --- headers by meaning ----------------------------------------------------------------------------

@pytest.mark.parametrize("header, indicator_id", FREE_HEADERS, ids=[h for h, _ in FREE_HEADERS])
def test_free_worded_header(reference, header, indicator_id):
    written, stored = WRITTEN[written_kind(indicator_id)]
    chosen = places(reference)
    rows = [["STT", "Huyện", "Tên xã", header]]
    rows += [[i, *name_columns(p), w] for i, (p, w) in enumerate(zip(chosen, written), start=1)]
    result = import_file("indicators_commune", xlsx_bytes({"Số liệu": rows}), "chi_tieu.xlsx", reference)
    assert not result.errors, messages(result)
    assert set(result.frame["indicator"]) == {indicator_id}
    assert values(result, indicator_id) == {p.code: v for p, v in zip(chosen, stored)}


def test_wide_table_of_free_worded_headers(reference):
    headers = [(h, i) for h, i in FREE_HEADERS if h != "Tỷ lệ hộ dùng điện (%)"]
    chosen = places(reference)
    rows = [["STT", "Huyện", "Tên xã"] + [h for h, _ in headers]]
    for n, place in enumerate(chosen):
        rows.append([n + 1, *name_columns(place)] + [WRITTEN[written_kind(i)][0][n] for _, i in headers])
    result = import_file("indicators_commune", xlsx_bytes({"Biểu 1": rows}), "bieu.xlsx", reference)
    assert not result.errors, messages(result)
    assert result.kind == "indicators_commune"
    assert len(result.frame) == 3 * len(headers)
    for _, indicator_id in headers:
        stored = WRITTEN[written_kind(indicator_id)][1]
        assert values(result, indicator_id) == {p.code: v for p, v in zip(chosen, stored)}, indicator_id


def test_long_layout_with_free_worded_indicator_names(reference):
    a, b = places(reference, 2)
    rows = [["Huyện", "Xã", "Chỉ tiêu", "Giá trị", "Năm"],
            [*name_columns(a), "Tỷ lệ hộ dùng điện (%)", "97,5", 2024],
            [*name_columns(a), "Tỷ lệ hộ nghèo đa chiều (%)", "12,4%", 2024],
            [*name_columns(a), "Số nhà tạm, dột nát", 3, 2024],
            [*name_columns(a), "Tỷ lệ thôn có đường đến trung tâm thôn được bê tông hóa", "12/15", 2024],
            [*name_columns(b), "Tỷ lệ thôn có nhà văn hóa đạt chuẩn", "60%", 2024],
            [*name_columns(b), "Tỷ lệ người dân tộc thiểu số tham gia BHYT", 98, 2025]]
    result = import_file("indicators_commune", csv_text(rows).encode("utf-8"), "dai.csv", reference)
    assert not result.errors, messages(result)
    got = sorted(zip(result.frame["gso_code"], result.frame["indicator"], result.frame["value"],
                     result.frame["year"]))
    assert got == sorted([(a.code, "electricity_households", 97.5, 2024), (a.code, "poor_household_rate", 12.4, 2024),
                          (a.code, "temporary_houses", 3.0, 2024), (a.code, "road_village_hardened", 80.0, 2024),
                          (b.code, "cultural_house_standard", 60.0, 2024),
                          (b.code, "health_insurance_dtts", 98.0, 2025)])


def test_columns_that_are_not_indicators_are_not_guessed(reference):
    chosen = places(reference)
    rows = [["Huyện", "Tên xã", "Dân số", "Số hộ", "Diện tích tự nhiên (ha)", "Tỷ lệ hộ dùng điện (%)", "Ghi chú"]]
    rows += [[*name_columns(p), 4120 + n, 900 + n, "2.315,4", 95 + n, "số liệu năm 2024"]
             for n, p in enumerate(chosen)]
    result = import_file("indicators_commune", xlsx_bytes({"S": rows}), "s.xlsx", reference)
    assert not result.errors, messages(result)
    assert set(result.frame["indicator"]) == {"electricity_households"}
    assert values(result, "electricity_households") == {p.code: 95.0 + n for n, p in enumerate(chosen)}


# --- 3. commune-level shares of village indicators -------------------------------------------------

def test_catalogue_accepts_commune_shares_of_village_indicators():
    for indicator_id in SHARE_OF_VILLAGE_IDS:
        assert set(INDICATORS[indicator_id].import_levels) >= {"village", "commune"}, indicator_id


@pytest.mark.parametrize("indicator_id, header", [
    ("road_village_hardened", "Tỷ lệ thôn có đường ô tô đến trung tâm thôn được cứng hóa"),
    ("cultural_house_standard", "Thôn có nhà văn hóa đạt chuẩn"),
    ("arts_club_regular", "Tỷ lệ thôn có CLB văn nghệ truyền thống hoạt động thường xuyên"),
])
def test_commune_share_as_fraction_or_percentage(reference, indicator_id, header):
    chosen = places(reference, 6)
    written = ["12/15", "80%", "7/9 thôn", "12/15 thôn", 86, "0/4"]
    stored = [80.0, 80.0, pytest.approx(700 / 9), 80.0, 86.0, 0.0]
    rows = [["Huyện", "Tên xã", header]] + [[*name_columns(p), w] for p, w in zip(chosen, written)]
    result = import_file("indicators_commune", xlsx_bytes({"S": rows}), "duong.xlsx", reference)
    assert not result.errors, messages(result)
    assert result.kind == "indicators_commune"
    assert values(result, indicator_id) == {p.code: v for p, v in zip(chosen, stored)}


def test_commune_share_written_as_fractions_of_one_column_wise(reference):
    chosen = places(reference)
    rows = [["Mã xã", "Tỷ lệ thôn có nhà văn hóa đạt chuẩn"]] + [[p.code, w] for p, w in zip(chosen, [0.86, 0.5, 1])]
    result = import_file("indicators_commune", xlsx_bytes({"S": rows}), "nvh.xlsx", reference)
    assert not result.errors, messages(result)
    assert values(result, "cultural_house_standard") == {p.code: v for p, v in zip(chosen, [86.0, 50.0, 100.0])}


def test_impossible_shares_are_errors_at_their_cells(reference):
    chosen = places(reference, 3)
    header = "Tỷ lệ thôn có đường ô tô đến trung tâm thôn được cứng hóa"
    rows = [["Huyện", "Tên xã", header]] + [[*name_columns(p), w] for p, w in zip(chosen, ["16/15", "3/0", "5/10"])]
    result = import_file("indicators_commune", xlsx_bytes({"S": rows}), "duong.xlsx", reference)
    assert sorted((p.row, p.column) for p in result.errors) == [(2, header), (3, header)], messages(result)
    assert not result.ok


def test_headline_road_map_from_one_row_per_commune(reference):
    """One table, one row per commune, a share in each: the road map's whole input."""
    codes = reference.area_codes
    written = [f"{i % 13}/13" if i % 2 == 0 else f"{(i * 7) % 101}%" for i in range(len(codes))]
    stored = [100 * (i % 13) / 13 if i % 2 == 0 else float((i * 7) % 101) for i in range(len(codes))]
    rows = [["Mã xã", "Tỷ lệ thôn có đường ô tô đến trung tâm thôn được cứng hóa (%)"]]
    rows += [[c, w] for c, w in zip(codes, written)]
    result = import_file("indicators_commune", xlsx_bytes({"Đường": rows}), "duong.xlsx", reference)
    assert not result.errors, messages(result)
    assert len(result.frame) == len(codes) == 199
    got = values(result, "road_village_hardened")
    assert got == {c: pytest.approx(v) for c, v in zip(codes, stored)}


# --- benchmark shape: 15 indicators over the 200 communes -----------------------------------------

FIFTEEN = ["road_village_hardened", "road_commune_hardened", "electricity_households", "cultural_house_standard",
           "arts_club_regular", "hygienic_water_rural", "temporary_houses", "poor_household_rate",
           "commune_health_standard", "health_insurance_dtts", "antenatal_care", "underweight_children",
           "vocational_training", "tv_radio_access", "new_rural_standard"]
SHARE_HEADERS = {"road_village_hardened": "Tỷ lệ thôn có đường ô tô đến trung tâm thôn được cứng hóa (%)",
                 "cultural_house_standard": "Tỷ lệ thôn có nhà văn hóa đạt chuẩn (%)",
                 "arts_club_regular": "Tỷ lệ thôn có đội văn hóa, văn nghệ truyền thống hoạt động thường xuyên (%)"}


def _benchmark_value(indicator_id: str, i: int, j: int) -> tuple[object, float]:
    # the three village indicators are given here as the commune's share of villages, a percentage
    kind = "percent" if indicator_id in SHARE_OF_VILLAGE_IDS else INDICATORS[indicator_id].kind
    if indicator_id == "road_village_hardened" and i % 2 == 0:
        return f"{i % 11}/10", 10.0 * (i % 11)
    if kind == "yes_no":
        return ("Có", 1.0) if (i + j) % 2 else ("Không", 0.0)
    if kind == "count":
        return (i * j) % 7, float((i * j) % 7)
    value = ((i * 37 + j * 11) % 1000) / 10
    return value, value


def test_fifteen_indicators_over_all_communes(reference):
    assert len(FIFTEEN) == 15 and set(FIFTEEN) <= set(INDICATORS)
    communes = reference.commune_list
    headers = [SHARE_HEADERS.get(i) or template_header(INDICATORS[i]) for i in FIFTEEN]
    rows, expected = [["Mã xã", "Huyện", "Xã"] + headers], {}
    for i, record in enumerate(communes.itertuples()):
        cells = []
        for j, indicator_id in enumerate(FIFTEEN):
            written, stored = _benchmark_value(indicator_id, i, j)
            cells.append(written)
            expected[(record.gso_code, indicator_id)] = stored
        rows.append([record.gso_code, record.district, record.commune] + cells)
    assert len(rows) == 201
    result = import_file("indicators_commune", xlsx_bytes({"Số liệu 2024": rows}), "15_chi_tieu.xlsx", reference)
    assert not result.errors, messages(result)
    area = set(reference.area_codes)
    frame = result.frame[result.frame["gso_code"].isin(area)]
    got = {(c, i): v for c, i, v in zip(frame["gso_code"], frame["indicator"], frame["value"])}
    assert len(frame) == 199 * 15
    assert got == {k: pytest.approx(v) for k, v in expected.items() if k[0] in area}
    outside = result.frame[~result.frame["gso_code"].isin(area)]  # Yên Thịnh: stored as written, or left out
    assert outside.empty or len(outside) == 15


# --- unrecognised and ambiguous columns, and the column mapping --------------------------------------

def _sheet(reference, extra_header):
    chosen = places(reference)
    rows = [["Mã xã", "Tỷ lệ hộ dùng điện (%)", extra_header]]
    rows += [[p.code, 90 + n, 40 + n] for n, p in enumerate(chosen)]
    return chosen, xlsx_bytes({"S": rows})


def _names_column(result, header, letter):
    return [p for p in result.problems if header in p.message and f"cột {letter}" in p.message]


@pytest.mark.parametrize("header", [
    "Tỷ lệ hộ có nhà tiêu hợp vệ sinh (%)",  # unrecognised: not in the catalogue, only looks like clean water
    "Tỷ lệ đồng bào DTTS (%)",  # ambiguous: health insurance or television and radio
])
def test_unrecognised_or_ambiguous_column_stores_nothing_and_is_named(reference, header):
    chosen, content = _sheet(reference, header)
    result = import_file("indicators_commune", content, "s.xlsx", reference)
    assert set(result.frame["indicator"]) == {"electricity_households"}, messages(result)
    assert values(result, "electricity_households") == {p.code: 90.0 + n for n, p in enumerate(chosen)}
    assert _names_column(result, header, "C"), messages(result)


def test_mapping_imports_a_column_the_importer_cannot_read(reference):
    header = "TL hộ SD ĐLQG (%)"  # "tỷ lệ hộ sử dụng điện lưới quốc gia", abbreviated
    chosen = places(reference)
    rows = [["Mã xã", header]] + [[p.code, 90 + n] for n, p in enumerate(chosen)]
    result = import_file("indicators_commune", xlsx_bytes({"S": rows}), "s.xlsx", reference,
                         mapping={header: "electricity_households"})
    assert not result.errors, messages(result)
    assert values(result, "electricity_households") == {p.code: 90.0 + n for n, p in enumerate(chosen)}


def test_mapping_resolves_an_ambiguous_column(reference):
    header = "Tỷ lệ đồng bào DTTS (%)"
    chosen, content = _sheet(reference, header)
    result = import_file("indicators_commune", content, "s.xlsx", reference, mapping={header: "tv_radio_access"})
    assert not result.errors, messages(result)
    assert values(result, "tv_radio_access") == {p.code: 40.0 + n for n, p in enumerate(chosen)}
    assert not _names_column(result, header, "C"), messages(result)


def test_mapping_to_nothing_skips_a_recognised_column(reference):
    chosen, content = _sheet(reference, "Tỷ lệ hộ nghèo đa chiều (%)")
    plain = import_file("indicators_commune", content, "s.xlsx", reference)
    assert set(plain.frame["indicator"]) == {"electricity_households", "poor_household_rate"}, messages(plain)
    result = import_file("indicators_commune", content, "s.xlsx", reference, mapping={"Tỷ lệ hộ dùng điện (%)": ""})
    assert not result.errors, messages(result)
    assert set(result.frame["indicator"]) == {"poor_household_rate"}
    assert values(result, "poor_household_rate") == {p.code: 40.0 + n for n, p in enumerate(chosen)}


def test_two_row_header_with_a_year_under_each_column(reference):
    """"Tỷ lệ hộ nghèo (%)" merged over "Năm 2023 | Năm 2024": one indicator, two years."""
    a, b = places(reference, 2)
    rows = [["Huyện", "Tên xã", "Tỷ lệ hộ nghèo (%)", None],
            [None, None, "Năm 2023", "Năm 2024"],
            [*name_columns(a), "15,2", "12,1"],
            [*name_columns(b), 20, 18]]
    merges = ["A1:A2", "B1:B2", "C1:D1"]
    result = import_file("indicators_commune", xlsx_bytes({"S": rows}, merges={"S": merges}), "ngheo.xlsx",
                         reference)
    assert not result.errors, messages(result)
    got = sorted(zip(result.frame["gso_code"], result.frame["year"], result.frame["value"]))
    assert got == sorted([(a.code, 2023, 15.2), (a.code, 2024, 12.1), (b.code, 2023, 20.0), (b.code, 2024, 18.0)])


def test_two_row_header_with_category_marks_under_a_merged_heading(reference):
    """"Xã thuộc khu vực" merged over "III | II | I", an "x" under the commune's category."""
    a, b = places(reference, 2)
    rows = [["STT", "Huyện", "Tên xã", "Xã thuộc khu vực", None, None],
            [None, None, None, "III", "II", "I"],
            [1, *name_columns(a), "x", None, None],
            [2, *name_columns(b), None, None, "x"]]
    merges = ["A1:A2", "B1:B2", "C1:C2", "D1:F1"]
    result = import_file("categories", xlsx_bytes({"S": rows}, merges={"S": merges}), "kv.xlsx", reference)
    assert not result.errors, messages(result)
    assert sorted(zip(result.frame["gso_code"], result.frame["area_category"])) == sorted([(a.code, "III"),
                                                                                          (b.code, "I")])


def test_long_layout_whose_value_column_names_the_year(reference):
    a, _ = places(reference, 2)
    rows = [["Huyện", "Xã", "Chỉ tiêu", "Giá trị năm 2024"], [*name_columns(a), "Tỷ lệ hộ dùng điện (%)", "97,5"]]
    result = import_file("indicators_commune", csv_text(rows).encode("utf-8"), "dai.csv", reference)
    assert not result.errors, messages(result)
    assert list(zip(result.frame["indicator"], result.frame["value"], result.frame["year"])) == [
        ("electricity_households", 97.5, 2024)]


def test_a_count_header_whose_values_are_x_of_y_is_the_share(reference):
    """"Số thôn có đường …" alone is a count (asked about); written "7/10" in every row it is the share."""
    a, b = places(reference, 2)
    header = "Số thôn có đường đến trung tâm thôn được bê tông hóa"
    shares = [["Huyện", "Tên xã", header], [*name_columns(a), "7/10"], [*name_columns(b), "3/4"]]
    counts = [["Huyện", "Tên xã", header], [*name_columns(a), 7], [*name_columns(b), 3]]
    result = import_file("indicators_commune", csv_text(shares).encode("utf-8"), "duong.csv", reference)
    assert not result.errors, messages(result)
    assert values(result, "road_village_hardened") == {a.code: 70.0, b.code: 75.0}
    result = import_file("indicators_commune", csv_text(counts).encode("utf-8"), "duong.csv", reference)
    assert result.frame.empty and [p.code for p in result.notes] == ["uncertain_column"]
