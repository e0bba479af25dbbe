"""Village list importer: tidy and annex layouts, coordinates, area checks, totals.

Village names here are placeholders ("Thôn Thử A"...): no real village is invented.
"""

import pandas as pd
import pytest

from geo.imports import import_villages
from geo.imports.problems import ERROR, NOTE
from tests.import_fixtures import code_of, csv_text, encode, xlsx_bytes

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1258"]


def errors(result):
    return [p for p in result.problems if p.severity == ERROR]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_tidy_with_coordinates(reference, encoding):
    rows = [["Huyện", "Xã", "Tên thôn", "Kinh độ", "Vĩ độ"],
            ["Huyện Chi Lăng", "Xã Hòa Bình", "Thôn Thử Ằ", "106,6", "21,7"],
            ["Huyện Chi Lăng", "Xã Hòa Bình", "Thôn Thử Bể", "", ""],
            ["Huyện Văn Quan", "Hòa Bình", "Thôn Thử Ằ", "106.5", "21.9"]]
    result = import_villages(encode(csv_text(rows), encoding), "thon.csv", reference)
    assert not errors(result), [p.message for p in result.problems]
    frame = result.frame
    assert frame["village"].tolist() == ["Thôn Thử Ằ", "Thôn Thử Bể", "Thôn Thử Ằ"]
    assert frame["gso_code"].tolist() == [code_of(reference, "Xã Hòa Bình", "Huyện Chi Lăng")] * 2 + [
        code_of(reference, "Xã Hòa Bình", "Huyện Văn Quan")]
    assert frame["lon"].iloc[0] == pytest.approx(106.6) and pd.isna(frame["lat"].iloc[1])


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_annex_layout_csv(reference, encoding):
    rows = [["DANH SÁCH THÔN ĐẶC BIỆT KHÓ KHĂN"], ["(Kèm theo Quyết định số 612/QĐ-UBDT)"], [],
            ["STT", "Tên đơn vị"],
            ["", "TỈNH LẠNG SƠN"],
            ["I", "Huyện Chi Lăng"],
            ["1", "Xã Hòa Bình"],
            ["", "Thôn Thử Một"],
            ["", "Thôn Thử Hai"],
            ["2", "Xã Chiến Thắng"],
            ["", "Thử Ba"],
            ["II", "Huyện Văn Quan"],
            ["1", "Xã Hòa Bình"],
            ["", "Thôn Thử Một"]]
    result = import_villages(encode(csv_text(rows), encoding), "612.csv", reference)
    assert not errors(result), [p.message for p in result.problems]
    got = list(zip(result.frame["commune"], result.frame["district"], result.frame["village"]))
    assert got == [("Xã Hòa Bình", "Huyện Chi Lăng", "Thôn Thử Một"), ("Xã Hòa Bình", "Huyện Chi Lăng", "Thôn Thử Hai"),
                   ("Xã Chiến Thắng", "Huyện Chi Lăng", "Thử Ba"), ("Xã Hòa Bình", "Huyện Văn Quan", "Thôn Thử Một")]


def test_annex_layout_xlsx_with_district_and_commune_columns_merged(reference):
    rows = [["STT", "Huyện", "Xã", "Thôn"],
            [1, "Huyện Chi Lăng", "Xã Hòa Bình", "Thôn Thử Một"],
            [2, None, None, "Thôn Thử Hai"],
            [3, None, "Xã Mai Sao", "Thôn Thử Ba"]]
    content = xlsx_bytes({"Thôn": rows}, merges={"Thôn": ["B2:B4", "C2:C3"]})
    result = import_villages(content, "thon.xlsx", reference)
    assert not errors(result), [p.message for p in result.problems]
    assert result.frame["commune"].tolist() == ["Xã Hòa Bình", "Xã Hòa Bình", "Xã Mai Sao"]


def test_errors_are_located(reference):
    rows = [["Huyện", "Xã", "Tên thôn", "Kinh độ", "Vĩ độ"],
            ["Huyện Hữu Lũng", "Xã Yên Thịnh", "Thôn Thử Một", "", ""],  # 2 outside the area
            ["Huyện Chi Lăng", "Xã Hòa Bình", "Thôn Thử Một", "", ""],  # 3 ok
            ["Huyện Chi Lăng", "Xã Hòa Bình", "thôn thử một", "", ""],  # 4 duplicate of 3
            ["Huyện Chi Lăng", "Xã Hòa Bình", "Thôn Thử Hai", "105.0", "21.5"],  # 5 longitude outside
            ["Huyện Chi Lăng", "Xã Hòa Bình", "Thôn Thử Ba", "106.6", ""],  # 6 half a coordinate
            ["Huyện Chi Lăng", "Xã Hòa Bình", "", "", ""],  # 7 no village name
            ["", "Xã Hòa Bình", "Thôn Thử Bốn", "", ""],  # 8 ok: a blank district repeats the one above
            ["Huyện Chi Lăng", "Xã Hòa Bình", "Thôn Thử Năm", "abc", "21.5"]]  # 9 not a number
    result = import_villages(xlsx_bytes({"DS": rows}), "thon.xlsx", reference)
    got = {(p.code, p.row, p.column) for p in errors(result)}
    assert got == {("outside_area", 2, "Tên thôn"), ("duplicate_row", 4, "Tên thôn"), ("out_of_range", 5, "Kinh độ"),
                   ("half_coordinate", 6, "Vĩ độ"), ("no_village_name", 7, "Tên thôn"),
                   ("bad_number", 9, "Kinh độ")}
    assert result.frame["village"].tolist() == ["Thôn Thử Một", "Thôn Thử Bốn"]
    outside = next(p for p in errors(result) if p.code == "outside_area")
    assert "Xã Yên Thịnh" in outside.message and "Huyện Hữu Lũng" in outside.message


def test_village_before_any_commune_heading(reference):
    rows = [["STT", "Tên đơn vị"], ["I", "Huyện Chi Lăng"], ["", "Thôn Thử Một"]]
    result = import_villages(csv_text(rows).encode(), "612.csv", reference)
    (problem,) = errors(result)
    assert problem.code == "no_commune" and problem.row == 3


def test_unknown_commune_heading_is_reported_once(reference):
    rows = [["Tên đơn vị"], ["Huyện Chi Lăng"], ["Xã Không Có Thật"], ["Thôn Thử Một"], ["Thôn Thử Hai"]]
    result = import_villages(csv_text(rows).encode(), "612.csv", reference)
    (problem,) = errors(result)
    assert problem.code == "unknown_commune" and problem.row == 3 and result.frame.empty


def test_totals_without_categories(reference):
    rows = [["Mã xã", "Tên thôn"], [reference.area_codes[0], "Thôn Thử Một"]]
    result = import_villages(csv_text(rows).encode(), "thon.csv", reference)
    assert result.ok
    codes = {p.code for p in result.problems if p.severity == NOTE}
    assert codes == {"village_total", "village_no_categories"}
    assert result.summary.iloc[0].tolist()[1:] == [1, 644, -643]


def _categories(reference, split):
    """A test category table: the first area communes get III, then II, then I."""
    codes = reference.area_codes
    cats = ["III"] * split[0] + ["II"] * split[1] + ["I"] * split[2]
    return pd.DataFrame({"gso_code": codes[:len(cats)], "area_category": cats})


def test_totals_by_category_match(reference):
    categories = _categories(reference, (88, 8, 103))
    kv = dict(zip(categories["gso_code"], categories["area_category"]))
    by_cat = {c: [code for code, k in kv.items() if k == c] for c in ("I", "II", "III")}
    rows = [["Mã xã", "Tên thôn"]]
    for cat, count in (("I", 84), ("II", 24), ("III", 536)):
        for n in range(count):
            rows.append([by_cat[cat][n % len(by_cat[cat])], f"Thôn thử {cat}-{n}"])
    result = import_villages(csv_text(rows).encode(), "thon.csv", reference, categories=categories)
    assert result.ok and not result.problems, [p.message for p in result.problems]
    assert result.summary["difference"].tolist() == [0, 0, 0, 0]


def test_totals_by_category_differences_name_communes(reference):
    categories = _categories(reference, (88, 8, 103))
    kv_two = categories[categories["area_category"] == "II"]["gso_code"].iloc[0]
    uncategorised = next(iter(reference.outside_codes))  # has no category; villages there are errors anyway
    rows = [["Mã xã", "Tên thôn"], [kv_two, "Thôn Thử Một"], [kv_two, "Thôn Thử Hai"]]
    result = import_villages(csv_text(rows).encode(), "thon.csv", reference, categories=categories)
    note = next(p for p in result.problems if p.code == "village_category_total" and "khu vực II:" in p.message)
    assert f"{reference.label(kv_two)}: 2" in note.message and "thiếu 22" in note.message
    missing_cat = categories[categories["gso_code"] != kv_two]
    result = import_villages(csv_text(rows).encode(), "thon.csv", reference, categories=missing_cat)
    assert any(p.code == "village_uncategorised" and reference.commune_of(kv_two) in p.message
               for p in result.problems)
    assert uncategorised not in set(result.frame["gso_code"])


def test_missing_village_column_on_wrong_sheet(reference):
    content = xlsx_bytes({"KV": [["Mã xã", "Khu vực"], [reference.area_codes[0], "I"]]})
    result = import_villages(content, "kv.xlsx", reference)
    (problem,) = errors(result)
    assert problem.code == "missing_column" and "KV" in problem.message


def test_ambiguous_commune_names_what_tells_them_apart(reference):
    """Four communes are called Hòa Bình, in different districts: the district (or the code) decides."""
    rows = [["Xã", "Tên thôn"], ["Xã Hòa Bình", "Thôn Thử Một"]]
    (problem,) = errors(import_villages(csv_text(rows).encode(), "thon.csv", reference))
    assert problem.code == "ambiguous_commune" and (problem.row, problem.column) == (2, "Xã")
    assert "Huyện Chi Lăng" in problem.message and "ghi tên huyện" in problem.message and "mã xã" in problem.message


def test_a_commune_under_the_wrong_district_says_where_it_is(reference):
    rows = [["Huyện", "Xã", "Tên thôn"], ["Huyện Cao Lộc", "Xã Hoa Thám", "Thôn Thử Một"]]
    (problem,) = errors(import_villages(csv_text(rows).encode(), "thon.csv", reference))
    assert problem.code == "unknown_commune" and "không thuộc «Huyện Cao Lộc»" in problem.message
    assert "Xã Hoa Thám – Huyện Bình Gia" in problem.message
