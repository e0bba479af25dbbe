"""Find the header row of a sheet and say which column holds what.

Files pasted from a decision start with a title, a "Kèm theo Quyết định…" line
and blank rows before the real header, and the same column is called "Mã xã",
"Mã ĐVHC" or "gso_code" depending on who made the sheet. The header is the row
among the first rows that names the most known columns; headers are compared
without case or diacritics (see `indicators.header_key`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

import texts
from geo.imports.column_meaning import Guess, guess_indicator
from geo.imports.problems import column_letter
from geo.imports.reading import Sheet, read_sheets_or_log
from geo.imports.values import CATEGORY_OF_TOKEN
from geo.indicators import INDICATORS, Indicator, header_key
from geo.vocabulary import CATEGORY_I, CATEGORY_II, CATEGORY_III

HEADER_SCAN_ROWS = 40

_ROLE_ALIASES = {
    "code": ["Mã xã", "Mã", "Mã GSO", "Mã xã GSO", "Mã ĐVHC", "Mã đơn vị", "Mã đơn vị hành chính",
             "gso_code", "code", "Mã số xã", "commune code", "Mã xã 2021", "Mã xã 2025", "Mã xã mới",
             "Mã xã, phường"],
    "district": ["Huyện", "Tên huyện", "Huyện / thành phố", "Huyện/TP", "district", "Đơn vị cấp huyện",
                 "Thuộc huyện", "Tên huyện, thành phố"],
    "commune": ["Xã", "Tên xã", "Xã / phường / thị trấn", "Tên xã, phường, thị trấn", "Xã, phường",
                "commune", "Tên đơn vị cấp xã", "Đơn vị cấp xã", "Tên xã, phường", "Thuộc xã", "Tên xã, thị trấn",
                "Xã, thị trấn", "Xã/thị trấn", "Tên xã/thị trấn", "Xã/phường/thị trấn", "Tên xã/phường/thị trấn",
                "Xã, phường, thị trấn", "Đơn vị hành chính cấp xã", "Xã / phường", "Tên xã, phường mới",
                "Xã, phường mới", "Xã mới"],
    "village": ["Thôn", "Tên thôn", "Thôn, bản", "Tên thôn, bản", "Thôn, bản, tổ dân phố", "Thôn ĐBKK",
                "Tên thôn ĐBKK", "Thôn, bản ĐBKK", "Tên thôn, bản ĐBKK", "Tên thôn, bản, khối phố", "Thôn/bản",
                "Tên thôn/bản", "Thôn (bản)", "Tên thôn (bản)", "Thôn, xóm", "Tên thôn, xóm",
                "Tên thôn, bản, tổ dân phố", "village", "Thôn đặc biệt khó khăn",
                "Tên thôn đặc biệt khó khăn", "Thôn, bản đặc biệt khó khăn"],
    "category": ["Khu vực", "KV", "Phân loại", "Phân loại khu vực", "Khu vực xã", "category",
                 "area_category", "Xã thuộc khu vực", "Thuộc khu vực", "Xã khu vực",
                 "commune_area_category", "Khu vực (I, II, III)"],
    "name": ["Tên đơn vị", "Tên đơn vị hành chính", "Tên", "Đơn vị hành chính", "Tên huyện, xã",
             "Huyện, xã", "Tên tỉnh, huyện, xã", "Tỉnh, huyện, xã", "Tên xã, thôn", "Xã, thôn",
             "Tên huyện, xã, thôn", "Huyện, xã, thôn", "Địa bàn", "Tên địa bàn", "Tên huyện, xã, thôn, bản",
             "Huyện, xã, thôn, bản", "Tên đơn vị, địa bàn", "Huyện/xã/thôn", "Tên huyện/xã", "Huyện/xã",
             "Tên huyện, thành phố, xã, phường, thị trấn", "Đơn vị", "Tên xã, phường, thôn", "Xã, phường, thôn",
             "Tên xã, phường, thôn, bản", "Xã, phường, thôn, bản"],
    "lon": ["Kinh độ", "lon", "longitude", "lng"],
    "lat": ["Vĩ độ", "lat", "latitude"],
    "indicator": ["Chỉ tiêu", "Mã chỉ tiêu", "Tên chỉ tiêu", "indicator"],
    "value": ["Giá trị", "value", "Số liệu", "Kết quả", "Giá trị chỉ tiêu"],
    "year": ["Năm", "year", "Năm số liệu"],
    "stt": ["STT", "TT", "Số thứ tự", "Số TT"],
    "ignore": ["Ghi chú", "note", "source", "Nguồn", "Thuộc vùng ĐBDTTS&MN 2021-2025", "Đơn vị tính", "ĐVT",
               "Loại", "commune_type", "Loại đơn vị"],
}
ROLE_INDEX = {header_key(alias): role for role, aliases in _ROLE_ALIASES.items() for alias in aliases}

# Annex layouts sometimes have one column per category with an "x" in it.
_MARK_ALIASES = {
    CATEGORY_III: ["Khu vực III", "Xã khu vực III", "KV III", "Xã KV III", "Khu vực 3", "KV3"],
    CATEGORY_II: ["Khu vực II", "Xã khu vực II", "KV II", "Xã KV II", "Khu vực 2", "KV2"],
    CATEGORY_I: ["Khu vực I", "Xã khu vực I", "KV I", "Xã KV I", "Khu vực 1", "KV1"],
}
MARK_INDEX = {header_key(alias): cat for cat, aliases in _MARK_ALIASES.items() for alias in aliases}
_MARK = re.compile(r"(khu vuc|kv)\s*(iii|ii|i|1|2|3)$")  # "Xã thuộc khu vực" + "III" under it
_VALUE_YEAR = re.compile(r"^(?:gia tri|so lieu|ket qua)\s+(?:nam\s+)?(20\d\d)$")
_YEAR = re.compile(r"^(?:năm\s*)?(20\d\d)$", re.IGNORECASE)


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
    uncertain: dict[int, Guess] = field(default_factory=dict)  # close to an indicator: the user decides
    skipped: set[int] = field(default_factory=set)  # columns the user said to leave out
    unknown: dict[int, str] = field(default_factory=dict)  # non-empty headers we do not know
    years: dict[int, int] = field(default_factory=dict)  # column -> the year its values are for

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

    def score(self) -> float:
        return len(self.roles) + len(self.marks) + len(self.indicators) + 0.5 * len(self.uncertain)

    def signature(self) -> tuple:
        """What the table holds, to recognise the same table on several sheets."""
        return (tuple(sorted(self.roles)), tuple(sorted(set(self.marks.values()))),
                tuple(sorted({ind.id for ind in self.indicators.values()})))


@dataclass(frozen=True)
class ColumnChoice:
    """One value column as the column-mapping step shows it: what it holds and what we made of it."""

    column: int  # 0-based
    letter: str  # "D"
    text: str  # the header as written
    samples: tuple[str, ...]  # the first values under it, as text
    indicator: str | None  # the indicator taken now ("" = left out by the user, None = not taken)
    suggestion: str | None  # the most likely indicator, for a column not taken
    needs_decision: bool  # unsure or unknown: the page asks


def column_choices(header: Header, samples: int = 3) -> list[ColumnChoice]:
    """Every column that is not a place or bookkeeping column, for the column-mapping step."""
    choices = []
    for col, text in header.texts.items():
        if col in header.roles.values() or col in header.marks:
            continue
        values = []
        for row in header.sheet.rows[header.index + 1:header.index + 40]:
            if col < len(row) and row[col] is not None and str(row[col]).strip():
                values.append(str(row[col]).strip()[:40])
            if len(values) == samples:
                break
        if col in header.indicators:
            taken, suggestion, ask = header.indicators[col].id, None, False
        elif col in header.skipped:
            taken, suggestion, ask = "", None, False
        elif col in header.uncertain:
            taken, suggestion, ask = None, header.uncertain[col].best.id, True
        else:
            taken, suggestion, ask = None, None, True
        choices.append(ColumnChoice(col, column_letter(col), text, tuple(values), taken, suggestion, ask))
    return choices


def signature_of(choices: list[ColumnChoice]) -> str:
    """Key under which a user's mapping is remembered: the same headers give the same key."""
    return "|".join(sorted(mapping_key(c.text) for c in choices))


def mapping_key(text: object) -> str:
    """How a remembered column choice finds its column again: the header without case or marks."""
    return header_key(text)


def read_header(sheet: Sheet, index: int, mapping: dict[str, str] | None = None) -> Header:
    """What each column of the header at row `index` means (one row, or two when the next row
    splits merged headings); `mapping` (header text -> indicator id, "" = skip) wins."""
    chosen = {mapping_key(text): ind_id for text, ind_id in (mapping or {}).items()}
    cells, years, last = _header_cells(sheet, index)
    header = Header(sheet=sheet, index=last, texts={}, years=years)
    if len(cells) >= 2 and len({text for _, text in cells}) == 1:
        return header  # a title merged across the table, not a header
    for col, text in cells:
        header.texts[col] = text
        key = header_key(text)
        if key in chosen:
            if chosen[key] in INDICATORS:
                header.indicators[col] = INDICATORS[chosen[key]]
            else:
                header.skipped.add(col)
        elif key in ROLE_INDEX:
            header.roles.setdefault(ROLE_INDEX[key], col)
        elif value_year := _VALUE_YEAR.match(key):  # "Giá trị năm 2024": the values, all of that year
            header.roles.setdefault("value", col)
            header.years[col] = int(value_year.group(1))
        elif key in MARK_INDEX or _MARK.search(key):
            header.marks[col] = MARK_INDEX.get(key) or CATEGORY_OF_TOKEN[_MARK.search(key).group(2)]
        elif (guess := guess_indicator(text)).indicator is not None:
            header.indicators[col] = guess.indicator
        elif guess.uncertain:
            header.uncertain[col] = guess
        else:
            header.unknown[col] = text
    return header


def _texts(row) -> dict[int, str]:
    return {col: str(value).strip() for col, value in enumerate(row) if value is not None and str(value).strip()}


def _header_cells(sheet: Sheet, index: int) -> tuple[list[tuple[int, str]], dict[int, int], int]:
    """(column, text) of a header, the year a column gives ("Năm 2024" under its indicator), and
    the index of the header's last row.

    A heading merged over several columns ("Tỷ lệ hộ nghèo (%)" over "Năm 2023 | Năm 2024",
    "Xã thuộc khu vực" over "III | II | I") reads the same text in each of them; the row under it
    names the columns. It is taken as part of the header when it holds only text, and only
    under merged headings or repeating the text above (a heading merged down two rows).
    """
    top = _texts(sheet.rows[index])
    below_row = sheet.rows[index + 1] if index + 1 < len(sheet.rows) else ()
    below = _texts(below_row)
    merged_across = {col for col, text in top.items() if top.get(col - 1) == text or top.get(col + 1) == text}
    is_sub_header = (
        any(col in merged_across for col in below)
        and all(isinstance(value, str) for value in below_row if value is not None and str(value).strip())
        and all(col in merged_across or text == top.get(col) for col, text in below.items()))
    if not is_sub_header:
        return list(top.items()), {}, index
    cells, years = [], {}
    for col in sorted(set(top) | set(below)):
        parent, child = top.get(col, ""), below.get(col, "")
        year = _YEAR.match(child) if col in merged_across else None
        if year:
            years[col] = int(year.group(1))
        text = parent if (year or not child or child == parent) else f"{parent} {child}".strip()
        cells.append((col, text))
    return cells, years, index + 1


def find_tables(sheets: list[Sheet], accept: Callable[[Header], bool],
                mapping: dict[str, str] | None = None) -> list[Header]:
    """The data table of every sheet that holds the same kind of table as the best one.

    One sheet per district is common; an instructions or summary sheet beside
    them has another header (or none) and is left out, and so is a hidden sheet.
    """
    best_per_sheet = []
    for sheet in [s for s in sheets if not s.hidden] or sheets:  # hidden sheets hold lookup lists
        best: Header | None = None
        for index in range(min(HEADER_SCAN_ROWS, len(sheet.rows))):
            header = read_header(sheet, index, mapping)
            if header.score() and accept(header) and (best is None or header.score() > best.score()):
                best = header
        if best is not None:
            best_per_sheet.append(best)
    if not best_per_sheet:
        return []
    top = max(best_per_sheet, key=lambda h: h.score())  # max keeps the earliest sheet on ties
    return [h for h in best_per_sheet if h.signature() == top.signature()]


def open_data_tables(content: bytes, file_name: str, log, accept: Callable[[Header], bool],
                     needed: str, mapping: dict[str, str] | None = None,
                     progress: Callable[[int], None] | None = None) -> list[Header]:
    """Read the file and find the tables an importer accepts; log why not, naming the columns found.

    `progress(rows_read)` is called while a large file is read."""
    sheets = read_sheets_or_log(content, file_name, log, progress)
    if sheets is None:
        return []
    tables = find_tables(sheets, accept, mapping)
    if not tables:
        found = _headers_found(sheets)
        log.error("missing_column", texts.IMP_NO_HEADER.format(
            needed=needed, sheets=", ".join(s.name for s in sheets), found=found or "—"))
    return tables


def _headers_found(sheets: list[Sheet]) -> str:
    """The most header-like row of the first sheets, to show what the file does have."""
    for sheet in sheets:
        rows = sheet.rows[:HEADER_SCAN_ROWS]
        candidates = [row for row in rows if sum(isinstance(v, str) and bool(v.strip()) for v in row) >= 2]
        if candidates:
            best = max(candidates, key=lambda row: sum(isinstance(v, str) and bool(v.strip()) for v in row))
            return ", ".join(f"«{str(v).strip()}»" for v in best if isinstance(v, str) and v.strip())
    return ""
