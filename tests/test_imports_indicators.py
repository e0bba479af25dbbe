"""Indicator sheet importer: wide and long, commune and village, every number format."""

import pytest

from geo.imports import import_commune_indicators, import_village_indicators
from geo.imports.places import village_key
from geo.imports.problems import ERROR, NOTE
from geo.indicators import INDICATORS, roll_up_villages, template_header
from tests.import_fixtures import code_of, csv_text, encode, xlsx_bytes

ELEC = INDICATORS["electricity_households"]


def errors(result):
    return [p for p in result.problems if p.severity == ERROR]


def values(result, indicator):
    frame = result.frame[result.frame["indicator"] == indicator]
    return dict(zip(frame["gso_code"], frame["value"]))


@pytest.mark.parametrize("written, expected", [
    ("86", 86.0), ("86%", 86.0), ("86,5", 86.5), ("86.5", 86.5), ("86,5 %", 86.5), (86, 86.0), ("100", 100.0),
])
def test_percent_forms(reference, written, expected):
    code = reference.area_codes[0]
    rows = [["Mã xã", template_header(ELEC)], [code, written], [reference.area_codes[1], "50"]]
    result = import_commune_indicators(csv_text(rows).encode(), "cs.csv", reference)
    assert not errors(result), [p.message for p in result.problems]
    assert values(result, ELEC.id)[code] == pytest.approx(expected)


def test_semicolon_csv_with_decimal_commas(reference):
    a, b = reference.area_codes[:2]
    content = encode(f"Mã xã;Hộ dùng điện;Nước hợp vệ sinh\r\n{a};86,5;95,5\r\n{b};1,5;2,5\r\n", "cp1258")
    result = import_commune_indicators(content, "vn.csv", reference)
    assert not result.problems
    assert values(result, ELEC.id) == {a: 86.5, b: 1.5}
    assert values(result, "hygienic_water_rural") == {a: 95.5, b: 2.5}


def test_fractions_are_read_per_column(reference):
    a, b, c = reference.area_codes[:3]
    rows = [["Mã xã", ELEC.id, "hygienic_water_rural"], [a, 0.86, 95], [b, "0,9", "0.5"], [c, 1, 99]]
    result = import_commune_indicators(xlsx_bytes({"S": rows}), "cs.xlsx", reference)
    assert values(result, ELEC.id) == {a: 86.0, b: 90.0, c: 100.0}
    assert values(result, "hygienic_water_rural")[b] == 0.5  # mixed column: 0.5 stays 0.5%, with a note
    notes = {(p.code, p.column) for p in result.problems if p.severity == NOTE}
    assert ("fraction_scale", ELEC.id) in notes and ("mixed_scale", "hygienic_water_rural") in notes


def test_excel_percent_formatted_cells(reference):
    a, b = reference.area_codes[:2]
    rows = [["Mã xã", ELEC.label], [a, 0.861], [b, 95]]
    result = import_commune_indicators(xlsx_bytes({"S": rows}, percent_cells={"S": ["B2"]}), "cs.xlsx", reference)
    assert values(result, ELEC.id) == {a: pytest.approx(86.1), b: 95.0}


def test_wide_by_labels_aliases_and_yes_no(reference):
    a, b, c = reference.area_codes[:3]
    rows = [["Mã xã", "Xã", "Đường xã cứng hóa", "Y tế xã đạt chuẩn", "Số nhà tạm, nhà dột nát (nhà)", "Ghi chú"],
            [a, "", "Có", "đạt", "12", "x"],
            [b, "", "không", "chưa đạt", "0", ""],
            [c, "", 1, "x", "", ""]]
    result = import_commune_indicators(xlsx_bytes({"S": rows}), "cs.xlsx", reference)
    assert not result.problems, [p.message for p in result.problems]
    assert values(result, "road_commune_hardened") == {a: 1.0, b: 0.0, c: 1.0}
    assert values(result, "commune_health_standard") == {a: 1.0, b: 0.0, c: 1.0}
    assert values(result, "temporary_houses") == {a: 12.0, b: 0.0}


def test_long_layout_with_names_and_year(reference):
    hoa_binh = code_of(reference, "Xã Hòa Bình", "Huyện Chi Lăng")
    rows = [["Huyện", "Xã", "Chỉ tiêu", "Giá trị", "Năm"],
            ["Huyện Chi Lăng", "Xã Hòa Bình", ELEC.label, "97,5%", 2024],
            ["Huyện Chi Lăng", "Xã Hòa Bình", "underweight_children", "12", 2024],
            ["Huyện Chi Lăng", "Xã Hòa Bình", ELEC.label, "98", 2025]]
    result = import_commune_indicators(encode(csv_text(rows, "\t"), "utf-16"), "long.txt", reference)
    assert not errors(result), [p.message for p in result.problems]
    frame = result.frame
    assert len(frame) == 3 and set(frame["gso_code"]) == {hoa_binh}
    assert frame["year"].tolist() == [2024, 2024, 2025]


def test_errors_are_located(reference):
    a, b = reference.area_codes[:2]
    rows = [["Mã xã", ELEC.id, "road_commune_hardened", "temporary_houses", "forest_cover", "Cột lạ"],
            [a, "120", "có", "3", "", ""],  # 2: out of range
            [b, "abc", "có lẽ", "2.5", "", ""],  # 3: not a number, bad yes/no, not whole
            [a, "90", "", "", "", ""]]  # 4: duplicate of row 2 for electricity
    result = import_commune_indicators(xlsx_bytes({"Số liệu": rows}), "cs.xlsx", reference)
    got = {(p.code, p.row, p.column) for p in errors(result)}
    assert got == {("wrong_level", 1, "forest_cover"), ("out_of_range", 2, ELEC.id),
                   ("bad_number", 3, ELEC.id), ("bad_number", 3, "road_commune_hardened"),
                   ("not_whole", 3, "temporary_houses"), ("duplicate_row", 4, ELEC.id)}
    assert any(p.code == "ignored_column" and p.column == "Cột lạ" for p in result.notes)
    assert all(p.sheet == "Số liệu" for p in result.problems)
    assert not result.ok


def test_long_layout_unknown_indicator(reference):
    rows = [["Mã xã", "Chỉ tiêu", "Giá trị"], [reference.area_codes[0], "Chỉ tiêu bịa", "5"]]
    result = import_commune_indicators(csv_text(rows).encode(), "long.csv", reference)
    (problem,) = errors(result)
    assert problem.code == "unknown_indicator" and (problem.row, problem.column) == (2, "Chỉ tiêu")


def test_no_indicator_columns_is_a_missing_column(reference):
    rows = [["Mã xã", "Cột lạ"], [reference.area_codes[0], "5"]]
    result = import_commune_indicators(csv_text(rows).encode(), "x.csv", reference)
    (problem,) = errors(result)
    assert problem.code == "missing_column"


def test_village_level_wide_and_roll_up(reference):
    hb = code_of(reference, "Xã Hòa Bình", "Huyện Chi Lăng")
    rows = [["Huyện", "Xã", "Thôn", "Thôn có đường ô tô đến trung tâm thôn được cứng hóa", "Nhà văn hóa đạt chuẩn"],
            ["Huyện Chi Lăng", "Xã Hòa Bình", "Thôn Thử Một", "1", "0"],
            ["Huyện Chi Lăng", "Xã Hòa Bình", "Thôn Thử Hai", "0", "1"],
            ["Huyện Chi Lăng", "Xã Hòa Bình", "Thôn Thử Ba", "x", ""],
            ["Huyện Chi Lăng", "Xã Hòa Bình", "Thôn Thử Bốn", "có", "1"]]
    result = import_village_indicators(encode(csv_text(rows), "cp1258"), "thon.csv", reference)
    assert not result.problems, [p.message for p in result.problems]
    assert result.kind == "indicators_village"
    assert set(result.frame["village_key"]) >= {village_key("Thử Một"), village_key("thôn thử bốn")}
    rolled = roll_up_villages(result.frame).set_index("indicator")
    assert rolled.loc["road_village_hardened", "value"] == pytest.approx(75.0)
    assert rolled.loc["cultural_house_standard", "value"] == pytest.approx(200 / 3)
    assert set(rolled["gso_code"]) == {hb}


def test_village_level_checks(reference):
    rows = [["Huyện", "Xã", "Thôn", "road_village_hardened", "forest_cover"],
            ["Huyện Hữu Lũng", "Xã Yên Thịnh", "Thôn Thử Một", "1", ""],
            ["Huyện Chi Lăng", "Xã Hòa Bình", "", "1", ""],
            ["Huyện Chi Lăng", "Xã Hòa Bình", "Thôn Thử Hai", "1", ""],
            ["Huyện Chi Lăng", "Xã Hòa Bình", "thôn thử hai", "0", ""]]
    result = import_village_indicators(csv_text(rows).encode(), "thon.csv", reference)
    got = {(p.code, p.row) for p in errors(result)}
    assert got == {("wrong_level", 1), ("outside_area", 2), ("no_village_name", 3), ("duplicate_row", 5)}


def test_a_long_sheet_with_its_value_column_empty_names_that_column(reference):
    a, b = reference.area_codes[:2]
    rows = [["Mã xã", "Chỉ tiêu", "Giá trị"], [a, ELEC.label, ""], [b, ELEC.label, None]]
    (problem,) = errors(import_commune_indicators(csv_text(rows).encode(), "dai.csv", reference))
    assert problem.code == "not_filled"
    assert "tệp có 2 dòng ghi xã nhưng cột «Giá trị» chưa điền giá trị nào" in problem.message
