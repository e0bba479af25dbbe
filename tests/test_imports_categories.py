"""Area category importer: both layouts, all encodings, every error named at its cell.

Categories in these fixtures are made up for the test and assigned to real
communes only to exercise the importer; they are not the QĐ 861 categories.
"""

import pytest

from geo.imports import import_categories
from geo.imports.problems import ERROR, NOTE
from tests.import_fixtures import code_of, csv_text, encode, xlsx_bytes
from ui.import_tables import problems_table

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1258"]  # utf-16-le: no BOM


def errors(result, code=None):
    return [p for p in result.problems if p.severity == ERROR and (code is None or p.code == code)]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_tidy_csv_by_name_in_every_encoding(reference, encoding):
    rows = [["Huyện", "Xã", "Khu vực"],
            ["Huyện Chi Lăng", "Xã Hòa Bình", "KV III"],
            ["Huyện Văn Quan", "Xã Hòa Bình", "Khu vực II"],
            ["Huyện Tràng Định", "Xã Đội Cấn", "1"]]
    result = import_categories(encode(csv_text(rows), encoding), "kv.csv", reference)
    assert not errors(result), [p.message for p in result.problems]
    got = dict(zip(result.frame["gso_code"], result.frame["area_category"]))
    assert got == {code_of(reference, "Xã Hòa Bình", "Huyện Chi Lăng"): "III",
                   code_of(reference, "Xã Hòa Bình", "Huyện Văn Quan"): "II",
                   code_of(reference, "Xã Đội Cấn", "Huyện Tràng Định"): "I"}
    # names come from the official list, not from the file
    assert set(result.frame["district"]) == {"Huyện Chi Lăng", "Huyện Văn Quan", "Huyện Tràng Định"}


@pytest.mark.parametrize("written, expected", [
    ("III", "III"), ("iii", "III"), ("KV III", "III"), ("KV3", "III"), ("Khu vực III", "III"), ("khu vực 3", "III"),
    ("Xã khu vực II", "II"), ("3", "III"), (2, "II"), (1.0, "I"), ("Ⅲ", "III"), (" kv. I ", "I"),
])
def test_category_spellings(reference, written, expected):
    code = reference.area_codes[0]
    content = xlsx_bytes({"KV": [["Mã xã", "Khu vực"], [code, written]]})
    result = import_categories(content, "kv.xlsx", reference)
    assert not errors(result)
    assert result.frame["area_category"].tolist() == [expected]


def test_codes_lose_leading_zero_in_excel(reference):
    code = reference.area_codes[0]  # Lạng Sơn codes start with 0
    result = import_categories(xlsx_bytes({"KV": [["Mã xã", "Khu vực"], [int(code), "I"]]}), "kv.xlsx", reference)
    assert result.frame["gso_code"].tolist() == [code]


def test_annex_layout_with_district_headings(reference):
    rows = [["DANH SÁCH CÁC XÃ KHU VỰC III, KHU VỰC II, KHU VỰC I"],
            ["(Kèm theo Quyết định số 861/QĐ-TTg ngày 04 tháng 6 năm 2021)"],
            [],
            ["STT", "Tên đơn vị", "Khu vực"],
            [None, "TỈNH LẠNG SƠN", None],
            ["I", "HUYỆN CHI LĂNG", None],
            [1, "Xã Hòa Bình", "III"],
            [2, "Xã Chiến Thắng", "II"],
            ["II", "Huyện Văn Quan", None],
            [1, "Hòa Bình", "I"],
            [None, "Tổng cộng", None]]
    result = import_categories(xlsx_bytes({"Phụ lục": rows}), "phu_luc.xlsx", reference)
    assert not errors(result), [p.message for p in result.problems]
    got = dict(zip(result.frame["gso_code"], result.frame["area_category"]))
    assert got == {code_of(reference, "Xã Hòa Bình", "Huyện Chi Lăng"): "III",
                   code_of(reference, "Xã Chiến Thắng", "Huyện Chi Lăng"): "II",
                   code_of(reference, "Xã Hòa Bình", "Huyện Văn Quan"): "I"}


def test_annex_layout_with_mark_columns(reference):
    rows = [["TT", "Tên đơn vị hành chính", "Khu vực III", "Khu vực II", "Khu vực I"],
            ["", "Huyện Chi Lăng", "", "", ""],
            ["1", "Xã Hòa Bình", "x", "", ""],
            ["2", "Xã Chiến Thắng", "", "", "x"],
            ["3", "Xã Mai Sao", "x", "x", ""]]
    result = import_categories(encode(csv_text(rows, ";"), "utf-8-sig"), "annex.csv", reference)
    assert dict(zip(result.frame["commune"], result.frame["area_category"])) == {
        "Xã Hòa Bình": "III", "Xã Chiến Thắng": "I"}
    (problem,) = errors(result)
    assert problem.code == "bad_category" and problem.row == 5


def test_an_annex_with_its_mark_columns_left_empty_names_the_three_columns(reference):
    rows = [["TT", "Tên đơn vị hành chính", "KV III", "KV II", "KV I"],
            ["", "Huyện Chi Lăng", "", "", ""],
            ["1", "Xã Hòa Bình", "", "", ""],
            ["2", "Xã Chiến Thắng", "", "", ""]]
    result = import_categories(csv_text(rows).encode(), "annex.csv", reference)
    (problem,) = errors(result)
    assert problem.code == "not_filled" and problem.row == 1
    assert "tệp có 2 dòng ghi xã nhưng cả 3 cột «KV III», «KV II», «KV I» chưa điền khu vực nào" in problem.message


def test_vertically_merged_district_column(reference):
    rows = [["Huyện", "Xã", "Khu vực"],
            ["Huyện Chi Lăng", "Xã Hòa Bình", "III"],
            [None, "Xã Chiến Thắng", "II"]]
    result = import_categories(xlsx_bytes({"KV": rows}, merges={"KV": ["A2:A3"]}), "kv.xlsx", reference)
    assert not errors(result)
    assert set(result.frame["district"]) == {"Huyện Chi Lăng"}


def test_every_error_names_file_sheet_row_and_column(reference):
    rows = [["Bảng phân loại khu vực"],
            ["Huyện", "Xã", "Khu vực"],
            ["", "Xã Hòa Bình", "III"],  # row 3: ambiguous
            ["Huyện Tràng Định", "Xã Không Có Thật", "I"],  # row 4: unknown
            ["Huyện Chi Lăng", "Xã Chiến Thắng", "IV"],  # row 5: bad category
            ["Huyện Hữu Lũng", "Xã Yên Thịnh", "I"],  # row 6: outside the area
            ["Huyện Chi Lăng", "Xã Mai Sao", "II"],  # row 7: fine
            ["Huyện Chi Lăng", "xã mai sao", "II"]]  # row 8: duplicate of row 7
    result = import_categories(xlsx_bytes({"Danh sách": rows}), "kv.xlsx", reference)
    by_code = {p.code: p for p in errors(result)}
    assert set(by_code) == {"ambiguous_commune", "unknown_commune", "bad_category", "outside_area", "duplicate_row"}
    expected = {"ambiguous_commune": (3, "Xã"), "unknown_commune": (4, "Xã"), "bad_category": (5, "Khu vực"),
                "outside_area": (6, "Khu vực"), "duplicate_row": (8, "Xã")}
    for code, (row, column) in expected.items():
        problem = by_code[code]
        assert (problem.file, problem.sheet, problem.row, problem.column) == ("kv.xlsx", "Danh sách", row, column)
        assert problem.message.startswith("Tệp kv.xlsx, trang tính «Danh sách», dòng")
    ambiguous = by_code["ambiguous_commune"].message
    for district in ("Huyện Chi Lăng", "Huyện Văn Quan", "Huyện Bình Gia", "Huyện Hữu Lũng"):
        assert district in ambiguous
    assert "dòng 7" in by_code["duplicate_row"].message
    assert "Yên Thịnh" in by_code["outside_area"].message
    assert not result.ok


def test_code_and_name_that_disagree(reference):
    code = code_of(reference, "Xã Hòa Bình", "Huyện Chi Lăng")
    rows = [["Mã xã", "Huyện", "Xã", "Khu vực"], [code, "Huyện Văn Quan", "Xã Hòa Bình", "I"]]
    result = import_categories(csv_text(rows).encode(), "kv.csv", reference)
    (problem,) = errors(result)
    assert problem.code == "code_name_mismatch" and problem.sheet is None and problem.row == 2


def test_missing_column(reference):
    result = import_categories(csv_text([["Huyện", "Xã"], ["Huyện Chi Lăng", "Xã Hòa Bình"]]).encode(), "x.csv",
                               reference)
    (problem,) = errors(result)
    assert problem.code == "missing_column" and "Khu vực" in problem.message
    assert result.frame.empty


@pytest.mark.parametrize("content, code", [
    (b"", "empty_file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not_spreadsheet"),
    (b"%PDF-1.4\n", "not_spreadsheet"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "unreadable_xls"),
    (b"PK\x03\x04 this is not a workbook", "unreadable_xlsx"),
    (b"\x00\x01\x02\x03binary\x04\x05", "not_spreadsheet"),
])
def test_unreadable_files(reference, content, code):
    result = import_categories(content, "upload.xlsx", reference)
    (problem,) = result.problems
    assert problem.code == code and problem.message.startswith("Tệp upload.xlsx: ")
    assert not result.ok


def test_totals_match_official_when_complete(reference):
    codes = reference.area_codes  # test assignment only: first 88 III, next 8 II, rest I
    cats = ["III"] * 88 + ["II"] * 8 + ["I"] * 103
    rows = [["Mã xã", "Khu vực"]] + [[c, k] for c, k in zip(codes, cats)]
    rows.append([next(iter(reference.outside_codes)), None])  # Yên Thịnh left blank, as it should be
    result = import_categories(csv_text(rows).encode(), "kv.csv", reference)
    assert result.ok and not result.problems
    assert result.summary["difference"].tolist() == [0, 0, 0]


def test_totals_differences_are_notes_naming_communes(reference):
    codes = reference.area_codes
    rows = [["Mã xã", "Khu vực"]] + [[c, "III"] for c in codes[:90]]
    result = import_categories(csv_text(rows).encode(), "kv.csv", reference)
    assert result.ok  # differences do not block
    notes = [p for p in result.problems if p.severity == NOTE]
    assert any("Khu vực III: tệp có 90 xã" in p.message and "thừa 2" in p.message for p in notes)
    missing = next(p for p in notes if p.code == "missing_communes")
    assert "109 xã" in missing.message and reference.commune_of(codes[90]) in missing.message
    assert result.summary.set_index("item")["difference"].tolist() == [2, -8, -103]


def test_problems_frame_is_vietnamese(reference):
    result = import_categories(csv_text([["Mã xã", "Khu vực"], ["99999", "I"]]).encode(), "kv.csv", reference)
    problems = result.problems_frame()
    assert list(problems.columns) == ["severity", "file", "sheet", "row", "column", "message"]  # stable ids
    assert problems.iloc[0]["severity"] == ERROR and problems.iloc[0]["row"] == 2
    table = problems_table(problems)  # as the import page shows it
    assert list(table.columns) == ["Mức độ", "Tệp", "Trang tính", "Dòng", "Cột", "Nội dung"]
    assert table.iloc[0]["Mức độ"] == "Lỗi" and table.iloc[0]["Dòng"] == "2"
