"""The table under the map as an Excel workbook a department can file and reuse.

Sheet 1 holds the table exactly as shown (same columns, same order, the
Vietnamese headers of layers.tables.display_table); numbers stay numbers, each numeric column with the
number format of its decimals on screen ('#,##0.0'), so Excel or LibreOffice writes them with the reader's
locale separators (1.234,5 in Vietnamese) and planners can still compute with them. Sheet 2 ("Nguồn") says
what it is: title, filters, sources, export time and, for demonstration data, that it is not official.
Text is always written as text, so a name such as "=..." from an uploaded file can never become a formula.
"""

from __future__ import annotations

import datetime
import io
import math
import numbers

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

import texts
from geo.vnformat import DECIMALS_ATTR, VIETNAM_TIME, excel_number_format, export_now, nfc, vn_number
from geo.workbook_style import style_header

ILLUSTRATIVE_FONT = Font(bold=True, color="9A5B00")
ILLUSTRATIVE_TAB = "E0A800"
MAX_WIDTH = 60  # characters; longer text wraps
MAX_HEADER_WIDTH = 28  # a long header wraps rather than widening a column of short numbers
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
SHEET_NAME_LIMIT = 31  # Excel's limit


def table_to_xlsx(table: pd.DataFrame, *, title: str, sources: list[str], filters: str, illustrative: bool,
                  exported_at: datetime.datetime | None = None, recipe: str = "") -> bytes:
    """Workbook bytes: the table (sheet 1) and where it comes from (sheet 2, "Nguồn").

    `exported_at` defaults to now in Vietnam time (geo.vnformat.export_now); `recipe` says how the numbers
    were made (MapView.recipe: a priority score's weights, indicators and target year), under the filters.
    """
    exported_at = exported_at or export_now()
    frame = getattr(table, "data", table)  # a pandas Styler (highlighted row) carries its frame in .data
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = texts.XLSX_SHEET_TABLE[:SHEET_NAME_LIMIT]
    _write_table(sheet, frame)
    note = texts.ILLUSTRATIVE_NOTE if illustrative else ""
    sheet.oddHeader.center.text = nfc(title) + (f" — {note}" if note else "")  # printed on every page
    sheet.oddFooter.left.text = nfc(texts.SOURCE_PREFIX + "; ".join(sources))
    if illustrative:
        sheet.sheet_properties.tabColor = ILLUSTRATIVE_TAB
    _write_sources(workbook.create_sheet(texts.XLSX_SHEET_SOURCES[:SHEET_NAME_LIMIT]), title=title, sources=sources,
                   filters=filters, illustrative=illustrative, exported_at=exported_at, rows=len(frame),
                   recipe=recipe)
    workbook.properties.title = nfc(title)
    workbook.properties.creator = texts.APP_TITLE
    workbook.properties.created = _naive(exported_at)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _naive(moment: datetime.datetime) -> datetime.datetime:
    """Excel has no time zones: the wall-clock time in Vietnam, where the readers are (naive is taken as that)."""
    return moment.astimezone(VIETNAM_TIME).replace(tzinfo=None) if moment.tzinfo else moment


def _cell_value(value):
    """A value Excel stores faithfully: numbers as numbers, missing as empty, the rest as text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, (datetime.datetime, pd.Timestamp)):
        return _naive(pd.Timestamp(value).to_pydatetime())
    return nfc(value)


def _put(sheet, row: int, column: int, value):
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def _write_table(sheet, frame: pd.DataFrame) -> None:
    headers = [nfc(c) for c in frame.columns]
    widths = [min(len(h), MAX_HEADER_WIDTH) for h in headers]
    decimals = frame.attrs.get(DECIMALS_ATTR, {})  # set by layers.tables.display_table
    places = [decimals.get(column) for column in frame.columns]
    for j, header in enumerate(headers, start=1):
        style_header(_put(sheet, 1, j, header))
    for i, row in enumerate(frame.itertuples(index=False, name=None), start=2):
        for j, raw in enumerate(row, start=1):
            value = _cell_value(raw)
            cell = _put(sheet, i, j, value)
            if isinstance(value, datetime.datetime):
                cell.number_format = DATETIME_FORMAT
            elif places[j - 1] is not None and isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.number_format = excel_number_format(places[j - 1])
            if value is not None:
                widths[j - 1] = max(widths[j - 1], len(_display(value, places[j - 1])))
    for j, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(j)].width = min(width + 2, MAX_WIDTH)
    sheet.freeze_panes = "A2"
    if len(headers):
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(len(frame) + 1, 1)}"


def _display(value, decimals: int | None = None) -> str:
    """About the text Excel shows for `value`, to size its column."""
    if isinstance(value, datetime.datetime):
        return "00/00/0000 00:00"
    if decimals is not None and isinstance(value, (int, float)):
        return vn_number(value, decimals, fixed=True)
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _write_sources(sheet, *, title: str, sources: list[str], filters: str, illustrative: bool,
                   exported_at: datetime.datetime, rows: int, recipe: str = "") -> None:
    lines: list[tuple[str, object]] = [(texts.XLSX_TITLE, nfc(title)), (texts.XLSX_FILTERS, nfc(filters))]
    if recipe:
        lines.append((texts.RECIPE_TITLE, nfc(recipe)))
    lines += [(texts.XLSX_SOURCES if k == 0 else "", nfc(s)) for k, s in enumerate(sources or ["–"])]
    lines += [(texts.XLSX_EXPORTED_AT, _naive(exported_at)), (texts.XLSX_ROWS, rows)]
    if illustrative:
        lines.append((texts.XLSX_NOTE, texts.ILLUSTRATIVE_NOTE))
    for i, (label, value) in enumerate(lines, start=1):
        _put(sheet, i, 1, label).font = Font(bold=True)
        cell = _put(sheet, i, 2, value)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if isinstance(value, datetime.datetime):
            cell.number_format = DATETIME_FORMAT
            cell.alignment = Alignment(horizontal="left", vertical="top")
        if label == texts.XLSX_NOTE:
            cell.font = ILLUSTRATIVE_FONT
    sheet.column_dimensions["A"].width = max(len(label) for label, _ in lines) + 2
    sheet.column_dimensions["B"].width = 90
