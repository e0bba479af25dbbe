"""Read an Excel 97-2003 (.xls, BIFF) workbook with xlrd, one sheet in memory at a time.

An .xls holds at most 65,536 rows by 256 columns and arrives as at most 20 MB, so
xlrd parsing one sheet whole is bounded; the column and cell limits still apply.
`formatting_info=True` is what makes xlrd report merged ranges and cell formats
(for "86%" cells).
"""

from __future__ import annotations

import io

import texts
from geo.imports.formats.cells import CellError, Sheet, UnreadableFile, clean_cell, percent_text
from geo.imports.formats.grid import SheetBuilder
from geo.imports.formats.limits import Budget

# An encrypted .xlsx/.docx is an OLE file holding these two streams (names in UTF-16 in the directory)
_ENCRYPTED_OOXML = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))


def read_xls(content: bytes, budget: Budget) -> list[Sheet]:
    import xlrd  # imported here: files that are not .xls do not pay for it

    if all(name in content for name in _ENCRYPTED_OOXML):
        raise UnreadableFile("encrypted", texts.IMP_ENCRYPTED)
    try:
        book = xlrd.open_workbook(file_contents=content, formatting_info=True, on_demand=True, ragged_rows=True,
                                  logfile=io.StringIO())
    except Exception as exc:  # xlrd raises many types (XLRDError, CompDocError, struct.error, ...) for one cause
        if "encrypted" in str(exc).lower():
            raise UnreadableFile("encrypted", texts.IMP_ENCRYPTED) from exc
        if "find workbook" in str(exc):  # xlrd 2.0.2's words for an OLE file without a workbook stream
            raise UnreadableFile("not_spreadsheet", texts.IMP_NOT_SPREADSHEET.format(
                detail=texts.IMP_NOT_SPREADSHEET_KIND.format(kind=texts.IMP_FILE_KINDS["ole"]))) from exc
        raise UnreadableFile("unreadable_xls", texts.IMP_XLS_BROKEN) from exc
    try:
        percent_styles = {index for index, xf in enumerate(book.xf_list)
                          if "%" in getattr(book.format_map.get(xf.format_key), "format_str", "")}
        sheets = []
        for index in range(book.nsheets):
            sheets.append(_read_sheet(book, book.sheet_by_index(index), percent_styles, budget))
            book.unload_sheet(index)
        return sheets
    except UnreadableFile:
        raise
    except Exception as exc:  # a sheet xlrd cannot parse: same many types as above
        raise UnreadableFile("unreadable_xls", texts.IMP_XLS_BROKEN) from exc
    finally:
        book.release_resources()


def _read_sheet(book, sheet, percent_styles: set[int], budget: Budget) -> Sheet:
    import xlrd

    builder = SheetBuilder(sheet.name, budget, hidden=sheet.visibility != 0)
    for r in range(sheet.nrows):
        cells = []
        for c, (kind, value) in enumerate(zip(sheet.row_types(r), sheet.row_values(r))):
            if kind == xlrd.XL_CELL_TEXT:
                value = clean_cell(value)
            elif kind == xlrd.XL_CELL_NUMBER:
                if percent_styles and sheet.cell_xf_index(r, c) in percent_styles:
                    value = percent_text(value)
                elif value.is_integer() and abs(value) < 2**53:
                    value = int(value)  # .xls keeps every number as a float; 6001.0 is the code 6001
            elif kind == xlrd.XL_CELL_DATE:
                try:
                    value = xlrd.xldate.xldate_as_datetime(value, book.datemode)
                except (xlrd.xldate.XLDateError, ValueError, OverflowError):
                    pass  # a serial number no date has: keep the number
            elif kind == xlrd.XL_CELL_BOOLEAN:
                value = bool(value)
            elif kind == xlrd.XL_CELL_ERROR:
                value = CellError(xlrd.error_text_from_code.get(value, "#VALUE!"))
            else:
                continue  # empty or blank (formatted only)
            if value is not None:
                cells.append((c + 1, value))
        builder.add_row(r + 1, cells)
    for row_low, row_high, col_low, col_high in sheet.merged_cells:  # 0-based, high ends exclusive
        builder.add_merge(row_low + 1, col_low + 1, row_high, col_high)
    return builder.finish()
