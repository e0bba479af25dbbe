"""The table under the map as Excel (issue 5): same columns and order, headers, sources sheet."""

from __future__ import annotations

import datetime
import io
import re

import pandas as pd
import pytest
from openpyxl import load_workbook

import texts
from geo.vnformat import export_now
from layers.export.excel import table_to_xlsx
from layers.tables import border_table, display_table
from tests.conftest import ROOT

EXPORTED_AT = datetime.datetime(2026, 3, 5, 14, 30)
SOURCES = ["ranh giới xã GADM 4.1", "danh sách xã biên giới có nguồn dẫn"]


@pytest.fixture(scope="module")
def table(province):
    return display_table(border_table(province.communes))  # a real table of the app, as the page shows it


def workbook(table, illustrative=False, **overrides):
    options = dict(title="Xã biên giới: so sánh hai nguồn", sources=SOURCES, filters="Toàn tỉnh",
                   illustrative=illustrative, exported_at=EXPORTED_AT)
    options.update(overrides)
    return load_workbook(io.BytesIO(table_to_xlsx(table, **options)))


def test_first_sheet_is_the_table_with_its_columns_order_and_values(table):
    book = workbook(table)
    assert book.sheetnames == [texts.XLSX_SHEET_TABLE, texts.XLSX_SHEET_SOURCES]
    sheet = book[texts.XLSX_SHEET_TABLE]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(table.columns)
    assert rows[0][:3] == ("Huyện", "Xã", "Mã GSO")  # the Vietnamese headers, not the column ids
    assert len(rows) == len(table) + 1
    back = pd.DataFrame(rows[1:], columns=rows[0])
    # Codes stay text with their leading zero; numbers stay numbers.
    assert back[texts.COL_CODE].tolist() == table[texts.COL_CODE].tolist()
    assert all(isinstance(c, str) and len(c) == 5 for c in back[texts.COL_CODE])
    assert back[texts.COL_BORDER_KM].tolist() == pytest.approx(table[texts.COL_BORDER_KM].tolist())
    assert back[texts.COL_COMMUNE].tolist() == table[texts.COL_COMMUNE].tolist()


def test_header_is_bold_frozen_and_columns_are_sized(table):
    sheet = workbook(table)[texts.XLSX_SHEET_TABLE]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items()}
    longest_commune = max(len(n) for n in table[texts.COL_COMMUNE])
    assert widths["B"] >= longest_commune  # Xã
    assert widths["C"] < widths["B"]  # the 5-digit code column is narrow
    assert all(w <= 62 for w in widths.values())


def test_sources_sheet_says_what_when_and_from_where(table):
    sheet = workbook(table)[texts.XLSX_SHEET_SOURCES]
    cells = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]}
    assert cells[texts.XLSX_TITLE] == "Xã biên giới: so sánh hai nguồn"
    assert cells[texts.XLSX_FILTERS] == "Toàn tỉnh"
    assert cells[texts.XLSX_EXPORTED_AT] == EXPORTED_AT
    assert cells[texts.XLSX_ROWS] == len(table)
    values = [row[1] for row in sheet.iter_rows(values_only=True)]
    assert all(source in values for source in SOURCES)
    assert texts.XLSX_NOTE not in cells
    assert texts.ILLUSTRATIVE not in str(values)


def test_illustrative_data_is_labelled(table):
    book = workbook(table, illustrative=True)
    cells = {row[0]: row[1] for row in book[texts.XLSX_SHEET_SOURCES].iter_rows(values_only=True) if row[0]}
    assert texts.ILLUSTRATIVE in cells[texts.XLSX_NOTE]
    assert texts.ILLUSTRATIVE in book[texts.XLSX_SHEET_TABLE].oddHeader.center.text  # on the printed page too


def test_text_never_becomes_a_formula_and_gaps_stay_empty():
    frame = pd.DataFrame({"Xã": ["=HYPERLINK(\"http://x\")", "Hòa Bình"], "Giá trị (%)": [86.1, float("nan")],
                          "Số thôn": pd.array([3, None], dtype="Int64")})
    sheet = workbook(frame)[texts.XLSX_SHEET_TABLE]
    assert sheet["A2"].data_type == "s" and sheet["A2"].value.startswith("=HYPERLINK")
    assert sheet["B2"].value == 86.1 and sheet["B3"].value is None
    assert sheet["C2"].value == 3 and sheet["C3"].value is None


def test_time_zone_aware_export_time_keeps_the_clock_time(table):
    hanoi = datetime.timezone(datetime.timedelta(hours=7))
    book = workbook(table, exported_at=EXPORTED_AT.replace(tzinfo=hanoi))
    cells = {row[0]: row[1] for row in book[texts.XLSX_SHEET_SOURCES].iter_rows(values_only=True) if row[0]}
    assert cells[texts.XLSX_EXPORTED_AT] == EXPORTED_AT


def test_export_time_is_written_in_vietnam_time(table):
    """Issue 12 review: "Thời điểm xuất" showed the server's clock (UTC) while the import history is in
    Vietnam time. 07:30 UTC is 14:30 in Vietnam (UTC+7)."""
    book = workbook(table, exported_at=datetime.datetime(2026, 3, 5, 7, 30, tzinfo=datetime.timezone.utc))
    cells = {row[0]: row[1] for row in book[texts.XLSX_SHEET_SOURCES].iter_rows(values_only=True) if row[0]}
    assert cells[texts.XLSX_EXPORTED_AT] == EXPORTED_AT


def test_without_a_time_the_workbook_says_now_in_vietnam(table):
    book = workbook(table, exported_at=None)
    cells = {row[0]: row[1] for row in book[texts.XLSX_SHEET_SOURCES].iter_rows(values_only=True) if row[0]}
    now_in_vietnam = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7)
    assert abs(cells[texts.XLSX_EXPORTED_AT] - now_in_vietnam.replace(tzinfo=None)) < datetime.timedelta(minutes=2)


def test_now_for_exports_is_vietnam_time():
    now = export_now()
    assert now.utcoffset() == datetime.timedelta(hours=7)
    assert abs(now - datetime.datetime.now(datetime.timezone.utc)) < datetime.timedelta(minutes=1)


def test_no_page_stamps_an_export_with_the_servers_clock():
    """Every export's date and time comes from geo.vnformat.export_now: a naive datetime.now() or
    date.today() in a page would be the server's zone (UTC in a container)."""
    naive = re.compile(r"\b(?:datetime\.now\(\s*\)|date\.today\(\s*\)|datetime\.today\(\s*\))")
    offenders = [f"{path.name}:{number}" for path in sorted((ROOT / "ui").glob("*.py"))
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if naive.search(line)]
    assert offenders == []
