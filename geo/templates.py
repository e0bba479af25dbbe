"""Downloadable Excel templates that the importers read back without surprises.

Staff fill a template rather than build a sheet: the 200 communes (GSO code,
district, name) are already there, so only values are typed and no commune name
can be misspelt. Headers are the Vietnamese ones the importers recognise, and
code cells are text so Excel keeps the leading zero.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

import texts
from geo.imports.reference import Reference
from geo.indicators import Indicator, indicators_for_level, template_header
from geo.vocabulary import CATEGORIES_KIND, COMMUNE_INDICATORS_KIND, VILLAGE_INDICATORS_KIND, VILLAGES_KIND
from geo.workbook_style import style_header

FILE_NAMES = {
    CATEGORIES_KIND: "mau_khu_vuc_xa.xlsx",
    VILLAGES_KIND: "mau_thon_dac_biet_kho_khan.xlsx",
    COMMUNE_INDICATORS_KIND: "mau_chi_tieu_cap_xa.xlsx",
    VILLAGE_INDICATORS_KIND: "mau_chi_tieu_cap_thon.xlsx",
}
_GREY = PatternFill("solid", fgColor="D9D9D9")
_TEXT = "@"
_PLACE_HEADERS = [texts.TPL_COL_CODE, texts.TPL_COL_DISTRICT, texts.TPL_COL_COMMUNE]


def _header(ws: Worksheet, headers: list[str], widths: list[int]) -> None:
    ws.append(headers)
    for col, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=col)
        style_header(cell)
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = "A2"


def _place_rows(ws: Worksheet, reference: Reference, extra: int = 0) -> None:
    """One row per commune: code (as text), district, name, then `extra` empty cells."""
    for record in reference.commune_list.itertuples():
        ws.append([record.gso_code, record.district, record.commune] + [None] * extra)
        ws.cell(row=ws.max_row, column=1).number_format = _TEXT


def _help_sheet(book: Workbook, lines: list[str]) -> None:
    ws = book.create_sheet(texts.TPL_SHEET_HELP)
    ws.column_dimensions["A"].width = 120
    for line in lines:
        ws.append([line])
        ws.cell(row=ws.max_row, column=1).alignment = Alignment(wrap_text=True)


def _commune_list_sheet(book: Workbook, reference: Reference) -> None:
    ws = book.create_sheet(texts.TPL_SHEET_COMMUNE_LIST)
    _header(ws, _PLACE_HEADERS + [texts.TPL_COL_IN_AREA], [14, 24, 30, 22])
    for record in reference.commune_list.itertuples():
        inside = record.gso_code not in reference.outside_codes
        ws.append([record.gso_code, record.district, record.commune, texts.YES if inside else texts.NO])
        ws.cell(row=ws.max_row, column=1).number_format = _TEXT


def _indicator_list_sheet(book: Workbook, indicators: list[Indicator]) -> None:
    ws = book.create_sheet(texts.TPL_SHEET_INDICATOR_LIST)
    _header(ws, [texts.TPL_COL_INDICATOR_ID, texts.TPL_COL_INDICATOR_LABEL, texts.TPL_COL_UNIT, texts.TPL_COL_LEVEL,
                 texts.TPL_COL_TARGET_2025, texts.TPL_COL_TARGET_2030, texts.TPL_COL_TARGET_NOTE],
            [28, 60, 14, 10, 14, 14, 50])
    for ind in indicators:
        ws.append([ind.id, ind.label, ind.unit, texts.LEVEL_NAMES[ind.level], ind.target_2025, ind.target_2030,
                   ind.target_note or ""])


def _bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _new_book(title: str) -> tuple[Workbook, Worksheet]:
    book = Workbook()
    ws = book.active
    ws.title = title
    return book, ws


def categories_template(reference: Reference | None = None) -> bytes:
    """All 200 communes with an empty "Khu vực" column (a drop-down of I, II, III)."""
    ref = reference or Reference.load()
    book, ws = _new_book(texts.TPL_SHEET_CATEGORIES)
    _header(ws, _PLACE_HEADERS + [texts.TPL_COL_CATEGORY, texts.TPL_COL_NOTE], [14, 24, 30, 18, 50])
    _place_rows(ws, ref, extra=2)
    last = ws.max_row
    choice = DataValidation(type="list", formula1='"I,II,III"', allow_blank=True)
    ws.add_data_validation(choice)
    choice.add(f"D2:D{last}")
    for row in range(2, last + 1):
        if ws.cell(row=row, column=1).value in ref.outside_codes:
            ws.cell(row=row, column=4).fill = _GREY
            ws.cell(row=row, column=5).value = texts.TPL_OUTSIDE_NOTE
    _help_sheet(book, [texts.TPL_HELP_CATEGORIES] + texts.TPL_HELP_COMMON)
    return _bytes(book)


def villages_template(reference: Reference | None = None) -> bytes:
    """An empty village sheet, plus the commune list to look codes up in."""
    ref = reference or Reference.load()
    book, ws = _new_book(texts.TPL_SHEET_VILLAGES)
    _header(ws, _PLACE_HEADERS + [texts.TPL_COL_VILLAGE, texts.TPL_COL_LON, texts.TPL_COL_LAT],
            [14, 24, 30, 30, 12, 12])
    for row in range(2, 2 + 700):
        ws.cell(row=row, column=1).number_format = _TEXT
    _commune_list_sheet(book, ref)
    _help_sheet(book, [texts.TPL_HELP_VILLAGES] + texts.TPL_HELP_COMMON)
    return _bytes(book)


def commune_indicators_template(reference: Reference | None = None,
                                indicators: list[Indicator] | None = None) -> bytes:
    """All 200 communes, one empty column per commune-level indicator (label and unit as header)."""
    ref = reference or Reference.load()
    indicators = indicators or indicators_for_level("commune")
    book, ws = _new_book(texts.TPL_SHEET_COMMUNE_INDICATORS)
    _header(ws, _PLACE_HEADERS + [template_header(i, "commune") for i in indicators],
            [14, 24, 30] + [22] * len(indicators))
    _place_rows(ws, ref, extra=len(indicators))
    _indicator_list_sheet(book, indicators)
    _help_sheet(book, [texts.TPL_HELP_INDICATORS] + texts.TPL_HELP_COMMON)
    return _bytes(book)


def village_indicators_template(reference: Reference | None = None, villages: pd.DataFrame | None = None,
                                indicators: list[Indicator] | None = None) -> bytes:
    """Village-level indicators; rows pre-filled from a stored village list when one is given."""
    ref = reference or Reference.load()
    indicators = indicators or indicators_for_level("village")
    book, ws = _new_book(texts.TPL_SHEET_VILLAGE_INDICATORS)
    _header(ws, _PLACE_HEADERS + [texts.TPL_COL_VILLAGE] + [template_header(i) for i in indicators],
            [14, 24, 30, 30] + [22] * len(indicators))
    if villages is not None:
        for row in villages.itertuples():
            ws.append([row.gso_code, ref.district_of(row.gso_code), ref.commune_of(row.gso_code), row.village]
                      + [None] * len(indicators))
            ws.cell(row=ws.max_row, column=1).number_format = _TEXT
    _commune_list_sheet(book, ref)
    _indicator_list_sheet(book, indicators)
    _help_sheet(book, [texts.TPL_HELP_INDICATORS, texts.TPL_HELP_VILLAGE_INDICATORS] + texts.TPL_HELP_COMMON)
    return _bytes(book)


def template_for(kind: str, reference: Reference | None = None, **options) -> bytes:
    """The template of a dataset kind, as .xlsx bytes (file name: FILE_NAMES[kind])."""
    builders = {
        CATEGORIES_KIND: categories_template,
        VILLAGES_KIND: villages_template,
        COMMUNE_INDICATORS_KIND: commune_indicators_template,
        VILLAGE_INDICATORS_KIND: village_indicators_template,
    }
    return builders[kind](reference, **options)


__all__ = ["FILE_NAMES", "categories_template", "villages_template", "commune_indicators_template",
           "village_indicators_template", "template_for"]
