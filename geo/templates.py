"""Downloadable Excel templates that the importers read back without surprises.

Staff fill a template rather than build a sheet: the units of the reference's
period are already there (2021-2025: the 200 communes with GSO code, district
and name; 2026-2030: the 65 units with code and name, no district), so only
values are typed and no commune name can be misspelt. Headers are the
Vietnamese ones the importers recognise, and code cells are text so Excel keeps
the leading zero. File names say the period ("mau_khu_vuc_2026-2030.xlsx").
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
from geo.vocabulary import (
    CATEGORIES_KIND,
    COMMUNE_INDICATORS_KIND,
    PERIODS,
    VILLAGE_INDICATORS_KIND,
    VILLAGES_KIND,
)
from geo.workbook_style import style_header

_FILE_STEMS = {
    CATEGORIES_KIND: "mau_khu_vuc",
    VILLAGES_KIND: "mau_thon_dac_biet_kho_khan",
    COMMUNE_INDICATORS_KIND: "mau_chi_tieu_cap_xa",
    VILLAGE_INDICATORS_KIND: "mau_chi_tieu_cap_thon",
}
# File name of each template, by period then kind: "mau_khu_vuc_2026-2030.xlsx".
FILE_NAMES = {period: {kind: f"{stem}_{period}.xlsx" for kind, stem in _FILE_STEMS.items()} for period in PERIODS}
_GREY = PatternFill("solid", fgColor="D9D9D9")
_TEXT = "@"


def _place_headers(reference: Reference) -> list[str]:
    """Code, district, commune; code and unit where the period has no districts."""
    if reference.has_districts:
        return [texts.TPL_COL_CODE, texts.TPL_COL_DISTRICT, texts.TPL_COL_COMMUNE]
    return [texts.TPL_COL_CODE, texts.TPL_COL_NEW_UNIT]


def _place_cells(reference: Reference, code: str) -> list[str]:
    if reference.has_districts:
        return [code, reference.district_of(code), reference.commune_of(code)]
    return [code, reference.commune_of(code)]


def _place_widths(reference: Reference) -> list[int]:
    return [14, 24, 30] if reference.has_districts else [14, 30]


def _help_lines(reference: Reference, first: list[str]) -> list[str]:
    common = texts.TPL_HELP_COMMON if reference.has_districts else texts.TPL_HELP_COMMON_2026
    return first + common


def _header(ws: Worksheet, headers: list[str], widths: list[int]) -> None:
    ws.append(headers)
    for col, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=col)
        style_header(cell)
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = "A2"


def _place_rows(ws: Worksheet, reference: Reference, extra: int = 0) -> None:
    """One row per unit: code (as text), district (where the period has them), name, then `extra` empty cells."""
    for code in reference.commune_list["gso_code"]:
        ws.append(_place_cells(reference, code) + [None] * extra)
        ws.cell(row=ws.max_row, column=1).number_format = _TEXT


def _help_sheet(book: Workbook, lines: list[str]) -> None:
    ws = book.create_sheet(texts.TPL_SHEET_HELP)
    ws.column_dimensions["A"].width = 120
    for line in lines:
        ws.append([line])
        ws.cell(row=ws.max_row, column=1).alignment = Alignment(wrap_text=True)


def _commune_list_sheet(book: Workbook, reference: Reference) -> None:
    """The units to look codes up in; in 2021-2025 with whether each is in the ethnic-minority area
    (no 2026-2030 unit is known to be outside it)."""
    ws = book.create_sheet(texts.TPL_SHEET_COMMUNE_LIST)
    in_area = [texts.TPL_COL_IN_AREA] if reference.has_districts else []
    _header(ws, _place_headers(reference) + in_area, _place_widths(reference) + [22] * len(in_area))
    for code in reference.commune_list["gso_code"]:
        inside = [texts.YES if code not in reference.outside_codes else texts.NO] if in_area else []
        ws.append(_place_cells(reference, code) + inside)
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
    """All units of the period (200 communes; 65 units) with an empty "Khu vực" column (a drop-down of
    I, II, III)."""
    ref = reference or Reference.load()
    book, ws = _new_book(texts.TPL_SHEET_CATEGORIES)
    places = len(_place_headers(ref))
    _header(ws, _place_headers(ref) + [texts.TPL_COL_CATEGORY, texts.TPL_COL_NOTE], _place_widths(ref) + [18, 50])
    _place_rows(ws, ref, extra=2)
    last = ws.max_row
    category = ws.cell(row=1, column=places + 1).column_letter
    choice = DataValidation(type="list", formula1='"I,II,III"', allow_blank=True)
    ws.add_data_validation(choice)
    choice.add(f"{category}2:{category}{last}")
    for row in range(2, last + 1):
        if ws.cell(row=row, column=1).value in ref.outside_codes:
            ws.cell(row=row, column=places + 1).fill = _GREY
            ws.cell(row=row, column=places + 2).value = texts.TPL_OUTSIDE_NOTE
    first = texts.TPL_HELP_CATEGORIES if ref.has_districts else texts.TPL_HELP_CATEGORIES_2026
    _help_sheet(book, _help_lines(ref, [first]))
    return _bytes(book)


def villages_template(reference: Reference | None = None) -> bytes:
    """An empty village sheet, plus the commune list to look codes up in."""
    ref = reference or Reference.load()
    book, ws = _new_book(texts.TPL_SHEET_VILLAGES)
    _header(ws, _place_headers(ref) + [texts.TPL_COL_VILLAGE, texts.TPL_COL_LON, texts.TPL_COL_LAT],
            _place_widths(ref) + [30, 12, 12])
    for row in range(2, 2 + 700):
        ws.cell(row=row, column=1).number_format = _TEXT
    _commune_list_sheet(book, ref)
    first = texts.TPL_HELP_VILLAGES if ref.has_districts else texts.TPL_HELP_VILLAGES_2026
    _help_sheet(book, _help_lines(ref, [first]))
    return _bytes(book)


def commune_indicators_template(reference: Reference | None = None,
                                indicators: list[Indicator] | None = None) -> bytes:
    """All units of the period, one empty column per commune-level indicator (label and unit as header)."""
    ref = reference or Reference.load()
    indicators = indicators or indicators_for_level("commune")
    book, ws = _new_book(texts.TPL_SHEET_COMMUNE_INDICATORS)
    _header(ws, _place_headers(ref) + [template_header(i, "commune") for i in indicators],
            _place_widths(ref) + [22] * len(indicators))
    _place_rows(ws, ref, extra=len(indicators))
    _indicator_list_sheet(book, indicators)
    _help_sheet(book, _help_lines(ref, [texts.TPL_HELP_INDICATORS]))
    return _bytes(book)


def village_indicators_template(reference: Reference | None = None, villages: pd.DataFrame | None = None,
                                indicators: list[Indicator] | None = None) -> bytes:
    """Village-level indicators; rows pre-filled from a stored village list when one is given."""
    ref = reference or Reference.load()
    indicators = indicators or indicators_for_level("village")
    book, ws = _new_book(texts.TPL_SHEET_VILLAGE_INDICATORS)
    _header(ws, _place_headers(ref) + [texts.TPL_COL_VILLAGE] + [template_header(i) for i in indicators],
            _place_widths(ref) + [30] + [22] * len(indicators))
    if villages is not None:
        for row in villages.itertuples():
            ws.append(_place_cells(ref, row.gso_code) + [row.village] + [None] * len(indicators))
            ws.cell(row=ws.max_row, column=1).number_format = _TEXT
    _commune_list_sheet(book, ref)
    _indicator_list_sheet(book, indicators)
    village_help = texts.TPL_HELP_VILLAGE_INDICATORS if ref.has_districts else texts.TPL_HELP_VILLAGE_INDICATORS_2026
    _help_sheet(book, _help_lines(ref, [texts.TPL_HELP_INDICATORS, village_help]))
    return _bytes(book)


def template_for(kind: str, reference: Reference | None = None, **options) -> bytes:
    """The template of a dataset kind for the reference's period (2021-2025 when none is given), as .xlsx
    bytes (file name: FILE_NAMES[period][kind])."""
    builders = {
        CATEGORIES_KIND: categories_template,
        VILLAGES_KIND: villages_template,
        COMMUNE_INDICATORS_KIND: commune_indicators_template,
        VILLAGE_INDICATORS_KIND: village_indicators_template,
    }
    return builders[kind](reference, **options)


__all__ = ["FILE_NAMES", "categories_template", "villages_template", "commune_indicators_template",
           "village_indicators_template", "template_for"]
