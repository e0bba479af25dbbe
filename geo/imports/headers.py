"""Find the header row of a sheet and say which column holds what.

Files pasted from a decision start with a title, a "Kèm theo Quyết định…" line
and blank rows before the real header, and the same column is called "Mã xã",
"Mã ĐVHC" or "gso_code" depending on who made the sheet. The header is the row
among the first rows that names the most known columns; headers are compared
without case or diacritics (see `indicators.header_key`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from geo.indicators import Indicator, find_indicator, header_key
import texts
from geo.imports.reading import Sheet, read_sheets_or_log

HEADER_SCAN_ROWS = 40

_ROLE_ALIASES = {
    "code": ["Mã xã", "Mã", "Mã GSO", "Mã xã GSO", "Mã ĐVHC", "Mã đơn vị", "Mã đơn vị hành chính",
             "gso_code", "code", "Mã số xã", "commune code", "Mã xã 2021"],
    "district": ["Huyện", "Tên huyện", "Huyện / thành phố", "Huyện/TP", "district", "Đơn vị cấp huyện",
                 "Thuộc huyện", "Tên huyện, thành phố"],
    "commune": ["Xã", "Tên xã", "Xã / phường / thị trấn", "Tên xã, phường, thị trấn", "Xã, phường",
                "commune", "Tên đơn vị cấp xã", "Đơn vị cấp xã", "Tên xã, phường", "Thuộc xã"],
    "village": ["Thôn", "Tên thôn", "Thôn, bản", "Tên thôn, bản", "Thôn, bản, tổ dân phố",
                "Tên thôn, bản, tổ dân phố", "village", "Thôn đặc biệt khó khăn",
                "Tên thôn đặc biệt khó khăn", "Thôn, bản đặc biệt khó khăn"],
    "category": ["Khu vực", "KV", "Phân loại", "Phân loại khu vực", "Khu vực xã", "category",
                 "area_category", "Xã thuộc khu vực", "Thuộc khu vực", "Xã khu vực",
                 "commune_area_category", "Khu vực (I, II, III)"],
    "name": ["Tên đơn vị", "Tên đơn vị hành chính", "Tên", "Đơn vị hành chính", "Tên huyện, xã",
             "Huyện, xã", "Tên tỉnh, huyện, xã", "Tỉnh, huyện, xã", "Tên xã, thôn", "Xã, thôn",
             "Tên huyện, xã, thôn", "Huyện, xã, thôn", "Địa bàn", "Tên địa bàn"],
    "lon": ["Kinh độ", "lon", "longitude", "lng"],
    "lat": ["Vĩ độ", "lat", "latitude"],
    "indicator": ["Chỉ tiêu", "Mã chỉ tiêu", "Tên chỉ tiêu", "indicator"],
    "value": ["Giá trị", "value", "Số liệu", "Kết quả", "Giá trị chỉ tiêu"],
    "year": ["Năm", "year", "Năm số liệu"],
    "stt": ["STT", "TT", "Số thứ tự", "Số TT"],
    "ignore": ["Ghi chú", "note", "source", "Nguồn", "Thuộc vùng ĐBDTTS&MN 2021-2025", "Đơn vị tính", "Đơn vị",
               "Loại", "commune_type", "Loại đơn vị"],
}
ROLE_INDEX = {header_key(alias): role for role, aliases in _ROLE_ALIASES.items() for alias in aliases}

# Annex layouts sometimes have one column per category with an "x" in it.
_MARK_ALIASES = {
    "III": ["Khu vực III", "Xã khu vực III", "KV III", "Xã KV III", "Khu vực 3", "KV3"],
    "II": ["Khu vực II", "Xã khu vực II", "KV II", "Xã KV II", "Khu vực 2", "KV2"],
    "I": ["Khu vực I", "Xã khu vực I", "KV I", "Xã KV I", "Khu vực 1", "KV1"],
}
MARK_INDEX = {header_key(alias): cat for cat, aliases in _MARK_ALIASES.items() for alias in aliases}


def role_aliases(role: str) -> list[str]:
    return list(_ROLE_ALIASES[role])


@dataclass
class Header:
    """Where the header is and what each column means."""

    sheet: Sheet
    index: int  # 0-based index of the header row in sheet.rows
    texts: dict[int, str]  # column -> header text as written
    roles: dict[str, int] = field(default_factory=dict)  # role -> column (first one wins)
    marks: dict[int, str] = field(default_factory=dict)  # column -> category it marks
    indicators: dict[int, Indicator] = field(default_factory=dict)  # wide layout value columns
    unknown: dict[int, str] = field(default_factory=dict)  # non-empty headers we do not know

    @property
    def row_number(self) -> int:
        return self.index + 1

    def has(self, role: str) -> bool:
        return role in self.roles

    def cell(self, row: list[object], role: str) -> object:
        col = self.roles.get(role)
        return row[col] if col is not None and col < len(row) else None

    def text(self, role: str) -> str | None:
        col = self.roles.get(role)
        return self.texts.get(col) if col is not None else None

    def score(self) -> int:
        return len(self.roles) + len(self.marks) + len(self.indicators)


def read_header(sheet: Sheet, index: int) -> Header:
    header = Header(sheet=sheet, index=index, texts={})
    for col, value in enumerate(sheet.rows[index]):
        if value is None or str(value).strip() == "":
            continue
        text = str(value).strip()
        header.texts[col] = text
        key = header_key(text)
        if key in ROLE_INDEX:
            header.roles.setdefault(ROLE_INDEX[key], col)
        elif key in MARK_INDEX:
            header.marks[col] = MARK_INDEX[key]
        elif (indicator := find_indicator(text)) is not None:
            header.indicators[col] = indicator
        else:
            header.unknown[col] = text
    return header


def find_header(sheets: list[Sheet], accept: Callable[[Header], bool]) -> Header | None:
    """The best accepted header row over all sheets, preferring earlier sheets on ties."""
    best: Header | None = None
    for sheet in sheets:
        for index in range(min(HEADER_SCAN_ROWS, len(sheet.rows))):
            header = read_header(sheet, index)
            if header.score() and accept(header) and (best is None or header.score() > best.score()):
                best = header
        if best is not None:
            return best  # the first sheet with a usable header is the data sheet
    return None


def open_data_table(content: bytes, file_name: str, log, accept: Callable[[Header], bool],
                    needed: str) -> Header | None:
    """Read the file and find the header row an importer accepts; log why not (what columns are `needed`)."""
    sheets = read_sheets_or_log(content, file_name, log)
    if sheets is None:
        return None
    header = find_header(sheets, accept)
    if header is None:
        log.error("missing_column", texts.IMP_NO_HEADER.format(needed=needed,
                                                               sheets=", ".join(s.name for s in sheets)))
    return header
