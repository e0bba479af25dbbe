"""Turn uploaded bytes into plain rows of cells, whatever the file really is.

Staff send .xlsx saved by Excel, old .xls (Excel 97-2003), .ods from LibreOffice,
and CSV saved by Excel ("CSV UTF-8", "Unicode Text", or Windows-1258). The file
name's extension is not trusted: the content decides, so an .xlsx renamed .xls
reads as what it is. Every reader streams within the limits of
`geo.imports.formats.limits` and refuses a file with a Vietnamese reason naming
the sheet and the cell or row; every string is NFC normalised so the same name
always has the same code points.

The public names of the package live here; the readers are in geo/imports/formats/.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import replace

import texts
from geo.imports.formats.cells import BLANK_ROW, CellError, Sheet, UncomputedFormula, UnreadableFile, clean_cell
from geo.imports.formats.limits import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_MERGED,
    MAX_ROW_NUMBER,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    MAX_UPLOAD_BYTES,
    PROGRESS_EVERY,
    Budget,
    Limits,
)
from geo.imports.formats.text import decode_text, read_csv

MAX_BYTES = MAX_UPLOAD_BYTES  # the uploader's limit too (maxUploadSize in .streamlit/config.toml)

_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"{\\rtf": "RTF",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"

__all__ = [
    "BLANK_ROW", "CellError", "Limits", "MAX_BYTES", "MAX_CELLS", "MAX_COLUMNS", "MAX_MERGED", "MAX_ROWS",
    "MAX_ROW_NUMBER", "MAX_UNPACKED_BYTES", "PROGRESS_EVERY", "Sheet", "UncomputedFormula", "UnreadableFile",
    "clean_cell", "decode_text", "read_sheets", "read_sheets_or_log",
]


def read_sheets(content: bytes, file_name: str = "", progress: Callable[[int], None] | None = None,
                limits: Limits | None = None) -> list[Sheet]:
    """All sheets of an .xlsx, .xls or .ods, or the one table of a CSV; raises UnreadableFile.

    `progress(rows_read)` is called about every PROGRESS_EVERY rows and once at the end;
    `limits` replaces the default MAX_* limits (tests, or a caller that wants less).
    """
    if len(content) > MAX_BYTES:
        raise UnreadableFile("too_big", texts.IMP_TOO_BIG.format(size=round(len(content) / 2**20, 1),
                                                                  limit=MAX_BYTES // 2**20))
    if not content.strip():
        raise UnreadableFile("empty_file", texts.IMP_EMPTY_FILE)
    budget = Budget(limits, progress)
    if content.startswith(_ZIP):
        sheets = _read_zip(content, budget)
    elif content.startswith(_OLE):
        from geo.imports.formats.xls import read_xls
        sheets = read_xls(content, budget)
    else:
        for magic, kind in _MAGIC.items():
            if content.startswith(magic):
                raise UnreadableFile("not_spreadsheet", _not_spreadsheet(kind))
        sheets = [replace(read_csv(decode_text(content), budget).finish(), is_csv=True)]
    budget.finished()
    return sheets


def _read_zip(content: bytes, budget: Budget) -> list[Sheet]:
    """.xlsx or .ods, told apart by what the package holds, after the zip-bomb check."""
    from geo.imports.formats import ods, xlsx

    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        budget.check_unpacked(sum(info.file_size for info in archive.infolist()))
        mimetype = archive.read("mimetype")[:100] if "mimetype" in archive.namelist() else b""
        workbook = None if mimetype else xlsx.find_workbook(archive)
    except xlsx.BROKEN as exc:
        raise UnreadableFile("unreadable_xlsx", texts.IMP_ZIP_BROKEN) from exc
    if mimetype.startswith(ods.MIME_TYPES):
        if ods.is_encrypted(archive):
            raise UnreadableFile("encrypted", texts.IMP_ENCRYPTED)
        return ods.read_ods(archive, budget)
    if mimetype.startswith(b"application/vnd.oasis.opendocument."):
        raise UnreadableFile("not_spreadsheet", _not_spreadsheet(texts.IMP_FILE_KINDS["odf"]))
    part = (workbook or "").lower()
    if not part or part.startswith(("word/", "ppt/")):
        kind = "docx" if part.startswith("word/") else "pptx" if part.startswith("ppt/") else "zip"
        raise UnreadableFile("not_spreadsheet", _not_spreadsheet(texts.IMP_FILE_KINDS[kind]))
    if part.endswith(".bin"):
        raise UnreadableFile("xlsb", texts.IMP_XLSB)
    return xlsx.read_xlsx(archive, workbook, budget)


def _not_spreadsheet(kind: str) -> str:
    return texts.IMP_NOT_SPREADSHEET.format(detail=texts.IMP_NOT_SPREADSHEET_KIND.format(kind=kind))


def read_sheets_or_log(content: bytes, file_name: str, log, progress: Callable[[int], None] | None = None
                       ) -> list[Sheet] | None:
    """read_sheets, with an unreadable file turned into one error in `log`."""
    try:
        return read_sheets(content, file_name, progress=progress)
    except UnreadableFile as exc:
        log.error(exc.code, exc.text)
        return None
