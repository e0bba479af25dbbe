"""Turn uploaded bytes into plain rows of cells, whatever the file really is.

Staff send .xlsx saved by Excel, CSV saved by Excel ("CSV UTF-8" with a BOM, or
"Unicode Text", which is UTF-16 with tabs), and old CSVs in Windows-1258, the
Vietnamese code page that writes tones as separate combining marks. The file
name's extension is not trusted: the content decides. Every string is NFC
normalised so the same name always has the same code points.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass

import texts

MAX_BYTES = 20 * 1024 * 1024  # the same limit as maxUploadSize in .streamlit/config.toml

_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"{\\rtf": "RTF",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Sheet:
    name: str  # worksheet title; texts.IMP_CSV_SHEET for a CSV
    rows: list[list[object]]  # rows[i] is the row Excel shows as number i + 1
    is_csv: bool = False


class UnreadableFile(Exception):
    """The file is not a spreadsheet we can read; `text` says why, in Vietnamese."""

    def __init__(self, code: str, text: str):
        super().__init__(text)
        self.code = code
        self.text = text


def clean_cell(value: object) -> object:
    """NFC text without surrounding blanks; empty text becomes None."""
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value).replace("\u00a0", " ").strip()
        return value or None
    return value


def read_sheets(content: bytes, file_name: str = "") -> list[Sheet]:
    """All sheets of an .xlsx, or the one table of a CSV; raises UnreadableFile."""
    if len(content) > MAX_BYTES:
        raise UnreadableFile("too_big", texts.IMP_TOO_BIG.format(size=round(len(content) / 2**20, 1),
                                                                  limit=MAX_BYTES // 2**20))
    if not content.strip():
        raise UnreadableFile("empty_file", texts.IMP_EMPTY_FILE)
    if content.startswith(_ZIP):
        return _read_xlsx(content)
    if content.startswith(_OLE):
        raise UnreadableFile("old_xls", texts.IMP_XLS_OLD)
    for magic, kind in _MAGIC.items():
        if content.startswith(magic):
            raise UnreadableFile("not_spreadsheet", texts.IMP_NOT_SPREADSHEET.format(
                detail=texts.IMP_NOT_SPREADSHEET_KIND.format(kind=kind)))
    return [_read_csv(decode_text(content))]


def decode_text(content: bytes) -> str:
    """Decode a text file in one of the encodings Vietnamese offices produce, NFC."""
    text = None
    if content.startswith(b"\xef\xbb\xbf"):
        text = _try(content[3:], "utf-8")
    elif content.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _try(content, "utf-16")
    elif b"\x00" in content[:4096]:
        head = content[:4096]
        odd_nuls, even_nuls = head[1::2].count(0), head[0::2].count(0)
        text = _try(content, "utf-16-le" if odd_nuls >= even_nuls else "utf-16-be")
    else:
        text = _try(content, "utf-8")
        if text is None:
            text = _try(content, "cp1258")
    if text is None:
        raise UnreadableFile("unknown_encoding", texts.IMP_UNREADABLE_TEXT)
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    if _CONTROL.search(text):
        raise UnreadableFile("not_spreadsheet", texts.IMP_NOT_SPREADSHEET.format(detail=""))
    return text


def _try(content: bytes, encoding: str) -> str | None:
    try:
        return content.decode(encoding)
    except UnicodeDecodeError:
        return None


def _read_csv(text: str) -> Sheet:
    sample = "\n".join(text.splitlines()[:30])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        first = text.splitlines()[0] if text.splitlines() else ""
        delimiter = max(",;\t|", key=first.count)
    try:
        rows = [[clean_cell(cell) for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise UnreadableFile("broken_csv", texts.IMP_CSV_BROKEN.format(detail=exc)) from exc
    return Sheet(texts.IMP_CSV_SHEET, rows, is_csv=True)


def _read_xlsx(content: bytes) -> list[Sheet]:
    import openpyxl  # imported here: CSV-only use does not pay for it

    try:
        book = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken zip/xml; all mean "unreadable"
        raise UnreadableFile("unreadable_xlsx", texts.IMP_UNREADABLE_XLSX.format(
            detail=type(exc).__name__)) from exc
    sheets = []
    for ws in book.worksheets:
        rows = [[_xlsx_value(cell) for cell in row] for row in ws.iter_rows()]
        _fill_vertical_merges(ws, rows)
        sheets.append(Sheet(ws.title, rows))
    return sheets


def _xlsx_value(cell) -> object:
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        # A cell formatted as a percentage stores 0.86 and shows "86%": keep what the user sees.
        return f"{round(value * 100, 10)!r}%"
    return clean_cell(value)


def _fill_vertical_merges(ws, rows: list[list[object]]) -> None:
    """A district merged over several rows belongs to each of them (horizontal spans do not)."""
    for merged in ws.merged_cells.ranges:
        top = merged.min_row - 1
        col = merged.min_col - 1
        if top >= len(rows) or col >= len(rows[top]):
            continue
        value = rows[top][col]
        for r in range(merged.min_row, merged.max_row):
            if r < len(rows) and col < len(rows[r]):
                rows[r][col] = value


def read_sheets_or_log(content: bytes, file_name: str, log) -> list[Sheet] | None:
    """read_sheets, with an unreadable file turned into one error in `log`."""
    try:
        return read_sheets(content, file_name)
    except UnreadableFile as exc:
        log.error(exc.code, exc.text)
        return None
