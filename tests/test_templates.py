"""Templates of both periods: pre-filled with the 200 communes (2021-2025) or the 65 units (2026-2030),
Vietnamese headers, file names that say the period, and they import back."""

import io

import openpyxl
import pandas as pd
import pytest

from geo.imports import (
    import_categories,
    import_commune_indicators,
    import_file,
    import_village_indicators,
    import_villages,
)
from geo.indicators import INDICATORS, indicators_for_level, template_header
from geo.templates import FILE_NAMES, template_for
from geo.vocabulary import KINDS, PERIOD_2021, PERIOD_2026, PERIODS
from tests.import_fixtures import code_of


def _open(content):
    return openpyxl.load_workbook(io.BytesIO(content))


def _save(book):
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


NAMES = FILE_NAMES[PERIOD_2021.key]


@pytest.mark.parametrize("kind", KINDS)
def test_every_template_opens_with_vietnamese_headers(reference, kind):
    book = _open(template_for(kind, reference))
    ws = book.worksheets[0]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Mã xã (GSO)", "Huyện / thành phố", "Xã / phường / thị trấn"]
    assert "Hướng dẫn" in book.sheetnames


def test_commune_templates_list_all_200_communes_with_codes_as_text(reference):
    for kind in ("categories", "indicators_commune"):
        ws = _open(template_for(kind, reference)).worksheets[0]
        codes = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
        assert codes == reference.commune_list["gso_code"].tolist()
        assert all(isinstance(c, str) and len(c) == 5 for c in codes)
        assert ws.cell(row=2, column=1).number_format == "@"


def test_category_template_marks_the_commune_outside_the_area(reference):
    ws = _open(template_for("categories", reference)).worksheets[0]
    outside = next(iter(reference.outside_codes))
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == outside)
    assert "Ngoài vùng" in ws.cell(row=row, column=5).value
    assert ws.data_validations.dataValidation[0].formula1 == '"I,II,III"'


def test_round_trip_categories(reference):
    book = _open(template_for("categories", reference))
    ws = book.worksheets[0]
    filled = {}
    for r in range(2, ws.max_row + 1):  # test values only: every third area commune gets a category
        code = ws.cell(row=r, column=1).value
        if code not in reference.outside_codes and r % 3 == 0:
            ws.cell(row=r, column=4).value = ["I", "II", "III"][r % 9 // 3]
            filled[code] = ws.cell(row=r, column=4).value
    result = import_categories(_save(book), NAMES["categories"], reference)
    assert not result.errors, [p.message for p in result.errors]
    assert dict(zip(result.frame["gso_code"], result.frame["area_category"])) == filled


def test_round_trip_villages(reference):
    book = _open(template_for("villages", reference))
    ws = book["Thôn"]
    hoa_binh = code_of(reference, "Xã Hòa Bình", "Huyện Văn Quan")
    ws.append([hoa_binh, None, None, "Thôn Thử Một", 106.6, 21.9])
    ws.append([None, "Huyện Chi Lăng", "Xã Hòa Bình", "Thôn Thử Hai", None, None])
    result = import_villages(_save(book), NAMES["villages"], reference)
    assert not result.errors, [p.message for p in result.errors]
    assert result.sheet == "Thôn"
    assert result.frame["gso_code"].tolist() == [hoa_binh, code_of(reference, "Xã Hòa Bình", "Huyện Chi Lăng")]


def test_round_trip_commune_indicators(reference):
    book = _open(template_for("indicators_commune", reference))
    ws = book.worksheets[0]
    header = [c.value for c in ws[1]]
    elec = header.index(template_header(INDICATORS["electricity_households"])) + 1
    road = header.index(template_header(INDICATORS["road_commune_hardened"])) + 1
    ws.cell(row=2, column=elec).value = 97.5
    ws.cell(row=3, column=elec).value = "98,2"
    ws.cell(row=2, column=road).value = "Có"
    result = import_commune_indicators(_save(book), NAMES["indicators_commune"], reference)
    assert not result.problems, [p.message for p in result.problems]
    codes = reference.commune_list["gso_code"].tolist()
    got = {(r.gso_code, r.indicator): r.value for r in result.frame.itertuples()}
    assert got == {(codes[0], "electricity_households"): 97.5, (codes[1], "electricity_households"): 98.2,
                   (codes[0], "road_commune_hardened"): 1.0}
    assert len(header) == 3 + len(indicators_for_level("commune"))


def test_round_trip_village_indicators_prefilled_from_a_village_list(reference):
    villages = import_villages(
        "Mã xã,Tên thôn\n{0},Thôn Thử Một\n{0},Thôn Thử Hai\n".format(reference.area_codes[5]).encode(),
        "v.csv", reference).frame
    book = _open(template_for("indicators_village", reference, villages=villages))
    ws = book.worksheets[0]
    assert [ws.cell(row=r, column=4).value for r in (2, 3)] == ["Thôn Thử Một", "Thôn Thử Hai"]
    header = [c.value for c in ws[1]]
    col = header.index(template_header(INDICATORS["cultural_house_standard"])) + 1
    ws.cell(row=2, column=col).value = 1
    ws.cell(row=3, column=col).value = "không"
    result = import_village_indicators(_save(book), NAMES["indicators_village"], reference)
    assert not result.problems, [p.message for p in result.problems]
    assert result.frame["village_key"].tolist() == villages["village_key"].tolist()
    assert result.frame["value"].tolist() == [1.0, 0.0]


# --- 2026-2030: the 65 units, no district column -------------------------------------------------------
def test_file_names_say_the_period():
    for period in PERIODS:
        assert all(period in name and name.endswith(".xlsx") for name in FILE_NAMES[period].values())
    assert FILE_NAMES[PERIOD_2026.key]["categories"] == "mau_khu_vuc_2026-2030.xlsx"
    assert set(FILE_NAMES[PERIOD_2026.key].values()).isdisjoint(FILE_NAMES[PERIOD_2021.key].values())


@pytest.mark.parametrize("kind", KINDS)
def test_2026_templates_have_no_district_column(reference_2026, kind):
    book = _open(template_for(kind, reference_2026))
    header = [c.value for c in book.worksheets[0][1]]
    assert header[:2] == ["Mã xã (GSO)", "Xã / phường"]
    assert "Huyện / thành phố" not in header
    for ws in book.worksheets[1:]:  # the unit list and the help say nothing of districts either
        assert "Huyện / thành phố" not in [c.value for c in ws[1]]


def test_2026_commune_templates_list_the_65_units(reference_2026, shared_dir):
    crosswalk = pd.read_csv(shared_dir / "langson_merger_2025.csv", dtype=str)
    expected = dict(zip(crosswalk["new_code"], crosswalk["new_commune"]))  # the CV 1027 codes
    assert len(expected) == 65
    for kind in ("categories", "indicators_commune"):
        ws = _open(template_for(kind, reference_2026)).worksheets[0]
        rows = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(2, ws.max_row + 1)}
        assert rows == expected
        assert ws.cell(row=2, column=1).number_format == "@"
    ws = _open(template_for("categories", reference_2026)).worksheets[0]
    assert str(ws.data_validations.dataValidation[0].sqref) == "C2:C66"  # the drop-down is on «Khu vực»
    assert not any(ws.cell(row=r, column=4).value for r in range(2, 67))  # no unit is marked outside the area


def _fill(kind, reference, content):
    """Test values only (the real 2026-2030 lists are not public): the first rows of a template filled in."""
    book = _open(content)
    ws = book.worksheets[0]
    places = 3 if reference.has_districts else 2
    header = [c.value for c in ws[1]]
    codes = reference.area_codes
    if kind == "categories":
        filled = {}
        for r in range(2, 12):
            ws.cell(row=r, column=places + 1).value = ["I", "II", "III"][r % 3]
            filled[ws.cell(row=r, column=1).value] = ws.cell(row=r, column=places + 1).value
        return _save(book), filled
    if kind == "villages":
        ws.append([codes[3]] + [None] * (places - 1) + ["Thôn Thử Một", 106.6, 21.9])
        ws.append([codes[4]] + [None] * (places - 1) + ["Thôn Thử Hai", None, None])
        return _save(book), {(codes[3], "Thôn Thử Một"), (codes[4], "Thôn Thử Hai")}
    if kind == "indicators_commune":
        col = header.index(template_header(INDICATORS["electricity_households"], "commune")) + 1
        ws.cell(row=2, column=col).value = 97.5
        return _save(book), {(ws.cell(row=2, column=1).value, "electricity_households"): 97.5}
    col = header.index(template_header(INDICATORS["cultural_house_standard"])) + 1
    ws.append([codes[6]] + [None] * (places - 1) + ["Thôn Thử Ba"] + [None] * (col - places - 2) + [1])
    return _save(book), {(codes[6], "cultural_house_standard"): 1.0}


@pytest.mark.parametrize("period", list(PERIODS))
@pytest.mark.parametrize("kind", KINDS)
def test_templates_of_both_periods_import_back_without_error(reference, reference_2026, period, kind):
    """Through import_file, as the page imports: no error, and no "file of the other period" either."""
    ref = reference_2026 if period == PERIOD_2026.key else reference
    content, expected = _fill(kind, ref, template_for(kind, ref))
    result = import_file(kind, content, FILE_NAMES[period][kind], ref)
    assert not result.errors, [p.message for p in result.errors]
    frame = result.frame
    if kind == "categories":
        assert dict(zip(frame["gso_code"], frame["area_category"])) == expected
    elif kind == "villages":
        assert set(zip(frame["gso_code"], frame["village"])) == expected
    else:
        assert {(r.gso_code, r.indicator): r.value for r in frame.itertuples()} == expected


def _unit_count(period, shared_dir) -> int:
    """How many units a template of `period` lists: the GSO list of 2021 (200) or the crosswalk's new units (65)."""
    if period == PERIOD_2021.key:
        return len(pd.read_csv(shared_dir / "langson_commune_areas_2021.csv", dtype=str))
    return pd.read_csv(shared_dir / "langson_merger_2025.csv", dtype=str)["new_code"].nunique()


@pytest.mark.parametrize("period, noun", [(PERIOD_2021.key, "xã"), (PERIOD_2026.key, "xã, phường")])
def test_an_untouched_category_template_says_its_rows_wait_for_a_category(reference, reference_2026, shared_dir,
                                                                          period, noun):
    """Downloaded and uploaded as is: not "no data rows" but how many units it names, and which column is empty."""
    ref = reference_2026 if period == PERIOD_2026.key else reference
    content = template_for("categories", ref)
    category_header = _open(content).worksheets[0].cell(row=1, column=4 if ref.has_districts else 3).value
    result = import_file("categories", content, FILE_NAMES[period]["categories"], ref)
    (problem,) = result.errors
    assert problem.code == "not_filled" and result.frame.empty
    rows = _unit_count(period, shared_dir)
    assert f"tệp có {rows} dòng ghi {noun} nhưng cột «{category_header}» chưa điền khu vực nào" in problem.message
    assert f"cho từng {noun} rồi tải tệp lên lại" in problem.message
    assert "không có dòng dữ liệu" not in problem.message


@pytest.mark.parametrize("period, noun", [(PERIOD_2021.key, "xã"), (PERIOD_2026.key, "xã, phường")])
def test_an_untouched_indicator_template_names_its_empty_columns(reference, reference_2026, shared_dir, period, noun):
    ref = reference_2026 if period == PERIOD_2026.key else reference
    content = template_for("indicators_commune", ref)
    header = [c.value for c in _open(content).worksheets[0][1]]
    expected = [template_header(i, "commune") for i in indicators_for_level("commune")]
    first, last = header.index(expected[0]), header.index(expected[-1])
    letters = f"từ {openpyxl.utils.get_column_letter(first + 1)} đến {openpyxl.utils.get_column_letter(last + 1)}"
    result = import_file("indicators_commune", content, "chi_tieu.xlsx", ref)
    (problem,) = result.errors
    assert problem.code == "not_filled"
    rows = _unit_count(period, shared_dir)
    assert f"tệp có {rows} dòng ghi {noun} nhưng cả {len(expected)} cột {letters} chưa điền giá trị nào" \
        in problem.message


def test_an_untouched_village_indicator_template_counts_its_villages(reference):
    villages = pd.DataFrame({"gso_code": reference.area_codes[:3], "village": ["Thôn Thử A", "Thôn Thử B", "Nà Pàn"]})
    content = template_for("indicators_village", reference, villages=villages)
    (problem,) = import_file("indicators_village", content, "thon.xlsx", reference).errors
    assert problem.code == "not_filled"
    assert f"tệp có 3 dòng ghi thôn nhưng cả {len(indicators_for_level('village'))} cột" in problem.message


def test_an_empty_sheet_still_says_it_has_no_rows(reference):
    """A header alone names no unit: the plain "no rows" message stays."""
    book = openpyxl.Workbook()
    book.active.append(["Mã xã", "Xã", "Khu vực"])
    (problem,) = import_file("categories", _save(book), "kv.xlsx", reference).errors
    assert problem.code == "no_rows" and "không có dòng dữ liệu nào dưới dòng tiêu đề" in problem.message
