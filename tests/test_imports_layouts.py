"""Annexes as departments send them: headings in A or B, merged or not, per-district sheets, old formats.

Communes are real (official list); their categories and every village name are
test values (see tests/annex_fixtures.py), not the content of QĐ 861 or QĐ 612.
"""

import io
import zipfile
from collections import Counter

import openpyxl
import pytest
import xlrd

from geo.imports import import_file
from tests.annex_fixtures import (
    ANNEX_DISTRICTS,
    HEADING_STYLES,
    SheetSpec,
    annex_communes,
    bare,
    category_annex,
    category_sheet,
    instructions_sheet,
    place_of,
    render,
    shared_names,
    to_ods,
    to_xls,
    to_xlsx,
    village_annex,
    village_columns,
    village_sheet,
)

# Heading texts as annexes write them: Roman numerals added by the builder, case mixed.
HEADINGS = {"Huyện Cao Lộc": "HUYỆN CAO LỘC", "Huyện Tràng Định": "Huyện Tràng Định",
            "Huyện Văn Lãng": "HUYỆN VĂN LÃNG"}


def messages(result):
    return [p.message for p in result.problems]


def category_groups(reference, spelled=lambda place: place.commune):
    """[(heading text, [(commune as written, category)])] for the 12 annex communes."""
    content = annex_communes(reference)
    return [(HEADINGS[district], [(spelled(p), cat) for p, cat in content if p.district == district])
            for district in ANNEX_DISTRICTS]


def expected_categories(reference):
    return sorted((p.code, cat) for p, cat in annex_communes(reference))


def got_categories(result):
    return sorted(zip(result.frame["gso_code"], result.frame["area_category"]))


def assert_official_names(result, places):
    """District and commune columns hold the official names, whatever the file wrote."""
    got = set(zip(result.frame["gso_code"], result.frame["district"], result.frame["commune"]))
    assert sorted(got) == sorted(set((p.code, p.district, p.commune) for p in places))


def assert_no_error_on(result, rows):
    bad = [p.message for p in result.errors if p.row in set(rows)]
    assert not bad, bad


# --- 1. category annex -------------------------------------------------------------------------

def test_fixture_has_names_shared_between_its_districts(reference):
    """Guard: the content really needs the headings (Thụy Hùng is in Cao Lộc and in Văn Lãng)."""
    places = [p for p, _ in annex_communes(reference)]
    shared = [p for p in places if p.commune in shared_names(reference)]
    by_name = Counter(p.commune for p in places)
    assert len(shared) >= 4 and any(n > 1 for n in by_name.values())


@pytest.mark.parametrize("heading", [*HEADING_STYLES, ["A_merged", "B_merged", "A"]],
                         ids=[*HEADING_STYLES, "mixed"])
@pytest.mark.parametrize("numerals", [True, False], ids=["roman", "plain"])
def test_category_annex_headings(reference, heading, numerals):
    spec = category_annex(category_groups(reference), heading=heading, numerals=numerals)
    result = import_file("categories", to_xlsx([spec]), "861.xlsx", reference)
    assert not result.errors, messages(result)
    assert got_categories(result) == expected_categories(reference)
    assert len(result.frame) == 12
    assert_official_names(result, [p for p, _ in annex_communes(reference)])
    assert_no_error_on(result, spec.heading_rows)


def test_category_annex_names_without_prefix_under_headings(reference):
    """"Thụy Hùng" without "Xã" exists in two districts: only the heading says which."""
    spec = category_annex(category_groups(reference, spelled=lambda p: bare(p.commune)), heading="A_merged")
    result = import_file("categories", to_xlsx([spec]), "861.xlsx", reference)
    assert not result.errors, messages(result)
    assert got_categories(result) == expected_categories(reference)


def test_category_annex_mark_columns(reference):
    spec = category_annex(category_groups(reference), heading="B_merged", marks=True)
    result = import_file("categories", to_xlsx([spec]), "861.xlsx", reference)
    assert not result.errors, messages(result)
    assert got_categories(result) == expected_categories(reference)
    assert_no_error_on(result, spec.heading_rows)


def test_category_annex_without_title_totals_or_footnotes(reference):
    spec = category_annex(category_groups(reference), heading="A", title=False, totals=False, footnotes=False,
                          signature=False, separators=False)
    result = import_file("categories", to_xlsx([spec]), "861.xlsx", reference)
    assert not result.errors, messages(result)
    assert got_categories(result) == expected_categories(reference)


def test_category_annex_commune_under_the_wrong_heading_is_an_error(reference):
    """Control: the heading's district is used, not ignored (Bảo Lâm is in Cao Lộc, not Văn Lãng)."""
    groups = category_groups(reference)
    moved = groups[0][1].pop(0)  # Xã Bảo Lâm, Cao Lộc
    groups[2][1].append(moved)
    spec = category_annex(groups, heading="A_merged")
    result = import_file("categories", to_xlsx([spec]), "861.xlsx", reference)
    wrong_row = spec.data_rows[-1]
    assert [p.row for p in result.errors] == [wrong_row], messages(result)
    assert "Bảo Lâm" in result.errors[0].message


# --- 2. village annex (QĐ 612 style) --------------------------------------------------------------

def village_content(reference):
    """Real communes of Bình Gia and Cao Lộc, made-up village names ("Thôn Nà Thử 1"...).

    Hòa Bình and Hồng Phong exist in several districts; the same village name in two
    communes is two villages.
    """
    bg, cl = "Huyện Bình Gia", "Huyện Cao Lộc"
    return [(bg, [(place_of(reference, "Xã Hoa Thám", bg), ["Thôn Nà Thử 1", "Thôn Nà Thử 2"]),
                  (place_of(reference, "Xã Hòa Bình", bg), ["Thôn Nà Thử 1"]),
                  (place_of(reference, "Xã Hồng Phong", bg), ["Thôn Khuổi Thử"])]),
            (cl, [(place_of(reference, "Xã Hồng Phong", cl), ["Thôn Khuổi Thử"]),
                  (place_of(reference, "Xã Thụy Hùng", cl), ["Thôn Pác Thử", "Thôn Bản Thử"])])]


def village_groups(reference):
    return [(district, [(p.commune, villages) for p, villages in communes])
            for district, communes in village_content(reference)]


def expected_villages(reference):
    return [(p.code, v) for _, communes in village_content(reference) for p, villages in communes for v in villages]


def got_villages(result):
    return list(zip(result.frame["gso_code"], result.frame["village"]))


@pytest.mark.parametrize("district_heading", ["B_numbered", "A_merged"])
@pytest.mark.parametrize("commune_heading", ["numbered", "A_merged"])
def test_village_annex(reference, district_heading, commune_heading):
    spec = village_annex(village_groups(reference), district_heading=district_heading,
                         commune_heading=commune_heading)
    result = import_file("villages", to_xlsx([spec]), "612.xlsx", reference)
    assert not result.errors, messages(result)
    assert got_villages(result) == expected_villages(reference)
    assert result.frame["village_key"].notna().all() and len(set(zip(result.frame["gso_code"],
                                                                        result.frame["village_key"]))) == 7
    assert_no_error_on(result, spec.heading_rows)
    places = [p for _, communes in village_content(reference) for p, _ in communes]
    assert_official_names(result, places)


def test_village_annex_with_separators_and_no_title(reference):
    spec = village_annex(village_groups(reference), title=False, totals=False, footnotes=False, separators=True)
    result = import_file("villages", to_xlsx([spec]), "612.xlsx", reference)
    assert not result.errors, messages(result)
    assert got_villages(result) == expected_villages(reference)


@pytest.mark.parametrize("merged", [True, False], ids=["merged", "blank_below"])
def test_village_columns_merged_down(reference, merged):
    spec = village_columns(village_groups(reference), merged=merged)
    assert not merged or len(spec.merges) == 4  # 2 districts; Hoa Thám and Thụy Hùng (2 villages each)
    result = import_file("villages", to_xlsx([spec]), "thon.xlsx", reference)
    assert not result.errors, messages(result)
    assert got_villages(result) == expected_villages(reference)


# --- 3. one sheet per district -----------------------------------------------------------------

SHEET_NAMES = {"Huyện Cao Lộc": "Cao Lộc", "Huyện Tràng Định": "H. Tràng Định", "Huyện Văn Lãng": "Huyện Văn Lãng"}


def test_categories_one_sheet_per_district(reference):
    content = annex_communes(reference)
    sheets = [instructions_sheet()]
    for district in ANNEX_DISTRICTS:
        rows = [(p.commune if i % 2 else bare(p.commune), cat)
                for i, (p, cat) in enumerate(c for c in content if c[0].district == district)]
        sheets.append(category_sheet(SHEET_NAMES[district], rows))
    result = import_file("categories", to_xlsx(sheets), "kv_theo_huyen.xlsx", reference)
    assert not result.errors, messages(result)
    assert got_categories(result) == expected_categories(reference)
    assert not [p for p in result.problems if p.sheet == "Hướng dẫn"], messages(result)


def test_villages_one_sheet_per_district(reference):
    sheets = [instructions_sheet()]
    sheets += [village_sheet(bare(district) if district.endswith("Bình Gia") else f"H. {bare(district)}",
                             [(p.commune, villages) for p, villages in communes])
               for district, communes in village_content(reference)]
    result = import_file("villages", to_xlsx(sheets), "thon_theo_huyen.xlsx", reference)
    assert not result.errors, messages(result)
    assert sorted(got_villages(result)) == sorted(expected_villages(reference))
    assert not [p for p in result.problems if p.sheet == "Hướng dẫn"], messages(result)


# --- 4. .xls and .ods give the same frames as .xlsx ----------------------------------------------

def _frame_rows(result, columns):
    return sorted(map(tuple, result.frame[columns].astype(str).itertuples(index=False)))


@pytest.mark.parametrize("fmt", ["xls", "ods"])
@pytest.mark.parametrize("heading", ["A_merged", "B_merged", "A"])
def test_category_annex_in_old_formats(reference, fmt, heading):
    spec = category_annex(category_groups(reference), heading=heading)
    columns = ["gso_code", "district", "commune", "area_category"]
    baseline = import_file("categories", to_xlsx([spec]), "861.xlsx", reference)
    name, content = render([spec], fmt)
    result = import_file("categories", content, name, reference)
    assert not result.errors, messages(result)
    assert got_categories(result) == expected_categories(reference)
    assert _frame_rows(result, columns) == _frame_rows(baseline, columns)


@pytest.mark.parametrize("fmt", ["xls", "ods"])
@pytest.mark.parametrize("layout", ["annex_merged", "annex_numbered", "columns_merged"])
def test_village_lists_in_old_formats(reference, fmt, layout):
    groups = village_groups(reference)
    spec = {"annex_merged": lambda: village_annex(groups, district_heading="A_merged", commune_heading="A_merged"),
            "annex_numbered": lambda: village_annex(groups),
            "columns_merged": lambda: village_columns(groups)}[layout]()
    columns = ["gso_code", "district", "commune", "village", "village_key"]
    baseline = import_file("villages", to_xlsx([spec]), "612.xlsx", reference)
    name, content = render([spec], fmt)
    result = import_file("villages", content, name, reference)
    assert not result.errors, messages(result)
    assert got_villages(result) == expected_villages(reference)
    assert _frame_rows(result, columns) == _frame_rows(baseline, columns)


@pytest.mark.parametrize("writer", [to_xls, to_ods], ids=["xls", "ods"])
def test_one_sheet_per_district_in_old_formats(reference, writer):
    content = annex_communes(reference)
    sheets = [instructions_sheet()] + [
        category_sheet(SHEET_NAMES[d], [(p.commune, cat) for p, cat in content if p.district == d])
        for d in ANNEX_DISTRICTS]
    result = import_file("categories", writer(sheets), "kv." + writer.__name__[3:], reference)
    assert not result.errors, messages(result)
    assert got_categories(result) == expected_categories(reference)


def test_writers_keep_merges():
    """Guard on the fixtures themselves: each format really holds the merged heading."""
    spec = SheetSpec("S")
    spec.add(["STT", "Tên", "Khu vực"])
    spec.add(["I. HUYỆN CAO LỘC", None, None], "heading", (1, 3))
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx([spec])))
    assert [str(r) for r in book["S"].merged_cells.ranges] == ["A2:C2"]
    sheet = xlrd.open_workbook(file_contents=to_xls([spec]), formatting_info=True).sheet_by_index(0)
    assert sheet.merged_cells == [(1, 2, 0, 3)] and sheet.cell_value(1, 0) == "I. HUYỆN CAO LỘC"
    assert b'number-columns-spanned="3"' in zipfile.ZipFile(io.BytesIO(to_ods([spec]))).read("content.xml")


# --- headings and sheets as the review found them in real annexes -------------------------------------------

def _categories(reference, rows, sheets=None, hidden=()):
    """Import categories from one sheet of `rows` (or several `sheets`), some sheets hidden."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, sheet_rows in (sheets or {"DS": rows}).items():
        ws = book.create_sheet(name)
        for row in sheet_rows:
            ws.append(row)
        if name in hidden:
            ws.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return import_file("categories", buffer.getvalue(), "kv.xlsx", reference)


def _codes(result):
    return sorted(zip(result.frame["gso_code"], result.frame["area_category"]))


def test_heading_with_a_count_and_a_roman_numeral_in_its_own_cell(reference):
    """"Huyện Chi Lăng: 2 xã" names the district; "II | Văn Quan" (bare name after a Roman numeral) too."""
    rows = [["STT", "Tên huyện, xã", "Khu vực"],
            [None, "Huyện Chi Lăng: 2 xã", None], [1, "Hòa Bình", "III"], [2, "Thị trấn Đồng Mỏ", "I"],
            ["II", "Văn Quan", None], [1, "Hòa Bình", "II"]]
    result = _categories(reference, rows)
    assert not result.errors, messages(result)
    assert _codes(result) == sorted([(place_of(reference, "Xã Hòa Bình", "Huyện Chi Lăng").code, "III"),
                                     (place_of(reference, "Thị trấn Đồng Mỏ", "Huyện Chi Lăng").code, "I"),
                                     (place_of(reference, "Xã Hòa Bình", "Huyện Văn Quan").code, "II")])


def test_summary_and_hidden_sheets_beside_district_sheets_are_left_out(reference):
    """"Tổng hợp" repeats every commune without districts; a hidden lookup sheet has the same header."""
    rows = [["Xã", "Khu vực"], ["Hòa Bình", "III"]]
    sheets = {"Chi Lang": rows, "Văn Quan": [["Xã", "Khu vực"], ["Hòa Bình", "II"]],
              "Tổng hợp": [["Xã", "Khu vực"], ["Hòa Bình", "III"], ["Hòa Bình", "II"]], "Danh mục": rows}
    result = _categories(reference, None, sheets, hidden=("Danh mục",))
    assert not result.errors, messages(result)
    assert _codes(result) == sorted([(place_of(reference, "Xã Hòa Bình", "Huyện Chi Lăng").code, "III"),
                                     (place_of(reference, "Xã Hòa Bình", "Huyện Văn Quan").code, "II")])
    assert [p.code for p in result.notes if "Tổng hợp" in p.message] == ["sheet_left_out"]


def test_a_note_inside_the_table_does_not_end_it_and_a_starred_name_is_read(reference):
    rows = [["STT", "Tên huyện, xã", "Khu vực"], [None, "Huyện Chi Lăng", None], [1, "Hòa Bình*", "III"],
            ["Ghi chú: xã Hòa Bình có thôn mới sáp nhập", None, None], [2, "Thị trấn Đồng Mỏ", "I"],
            ["KT. CHỦ TỊCH", None, None], ["Nguyễn Văn Thử", None, None]]
    result = _categories(reference, rows)
    assert not result.errors, messages(result)
    assert len(result.frame) == 2
