"""How much of a file we read before refusing it, and the one place that counts.

An upload is at most MAX_UPLOAD_MB, but a few kilobytes of zip can declare a million rows
or a cell at XFD1048576; these limits keep reading bounded in time and memory and
name where in the file they were passed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import texts
from geo.imports.formats.cells import UnreadableFile
from geo.vnformat import vn_number

# The largest upload, in MB: the one number of the limit. .streamlit/config.toml's server.maxUploadSize
# (what the uploader refuses in the browser) and the help text under the uploader say the same;
# tests/test_vietnamese_chrome.py checks it.
MAX_UPLOAD_MB = 20
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 2**20
# Non-blank rows per file: 300 times the largest real list (644 villages), and the
# 100,000-row long indicator file still fits; beyond it checking would take minutes.
MAX_ROWS = 200_000
# Columns per sheet: the widest template has about 40; a value further right is a
# stray keystroke far from the table (or a crafted file), not data.
MAX_COLUMNS = 200
# Non-blank cells per file, merged fills included: about 60 bytes a cell in Python
# keeps a file that passes under ~250 MB of memory.
MAX_CELLS = 4_000_000
# Excel's last row: a larger row number only comes from a broken or crafted file.
MAX_ROW_NUMBER = 1_048_576
# Merged ranges per sheet: an annex merges a few cells per heading row; far more
# ranges than rows of data is bookkeeping without content.
MAX_MERGED = 200_000
# Declared unpacked size of all parts of an .xlsx/.ods: a full 20 MB upload of real
# data unpacks to about 150 MB; 500 MB is a zip bomb. zipfile never unpacks more than
# a part declares, so checking the declaration is enough.
MAX_UNPACKED_BYTES = 500 * 2**20
PROGRESS_EVERY = 5_000  # rows between two calls of the progress callback


@dataclass(frozen=True)
class Limits:
    rows: int = MAX_ROWS
    columns: int = MAX_COLUMNS
    cells: int = MAX_CELLS
    row_number: int = MAX_ROW_NUMBER
    merged: int = MAX_MERGED
    unpacked_bytes: int = MAX_UNPACKED_BYTES


def column_letter(col: int) -> str:
    """3 -> "C", 16384 -> "XFD"."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, col: int) -> str:
    """"XFD1048576": how Excel names a cell."""
    return f"{column_letter(col)}{row}"


class Budget:
    """What one file may still use, shared by its sheets; raises UnreadableFile where a limit is passed."""

    def __init__(self, limits: Limits | None = None, progress: Callable[[int], None] | None = None):
        self.limits = limits or Limits()
        self.progress = progress
        self.rows = 0  # non-blank rows so far
        self.cells = 0  # non-blank cells so far, merged fills included
        self.parsed = 0  # rows looked at, blank or not: what progress reports
        self._next_report = PROGRESS_EVERY

    def row_parsed(self) -> None:
        self.parsed += 1
        if self.parsed >= self._next_report:
            self._next_report += PROGRESS_EVERY
            if self.progress is not None:
                self.progress(self.parsed)

    def finished(self) -> None:
        if self.progress is not None:
            self.progress(self.parsed)

    def check_row_number(self, sheet: str, row: int) -> None:
        if row > self.limits.row_number:
            raise UnreadableFile("row_out_of_range", texts.IMP_LIMIT_ROW_NUMBER.format(
                sheet=sheet, row=row, limit=_n(self.limits.row_number)))

    def take_row(self, sheet: str, row: int) -> None:
        self.rows += 1
        if self.rows > self.limits.rows:
            raise UnreadableFile("too_many_rows", texts.IMP_LIMIT_ROWS.format(
                sheet=sheet, row=row, limit=_n(self.limits.rows)))

    def check_column(self, sheet: str, row: int, col: int) -> None:
        if col > self.limits.columns:
            raise UnreadableFile("too_many_columns", texts.IMP_LIMIT_COLUMNS.format(
                sheet=sheet, cell=cell_name(row, col), column=_n(col), limit=_n(self.limits.columns)))

    def take_cells(self, sheet: str, count: int, where: Callable[[int], str]) -> None:
        """Count `count` more cells; `where(k)` names the k-th of them (0-based) if the limit falls there."""
        self.cells += count
        if self.cells > self.limits.cells:
            first_over = count - (self.cells - self.limits.cells)
            raise UnreadableFile("too_many_cells", texts.IMP_LIMIT_CELLS.format(
                sheet=sheet, cell=where(first_over), limit=_n(self.limits.cells)))

    def check_merged(self, sheet: str, count: int) -> None:
        if count > self.limits.merged:
            raise UnreadableFile("too_many_merged", texts.IMP_LIMIT_MERGED.format(
                sheet=sheet, limit=_n(self.limits.merged)))

    def check_unpacked(self, size: int) -> None:
        if size > self.limits.unpacked_bytes:
            raise UnreadableFile("unpacked_too_big", texts.IMP_UNPACKED_TOO_BIG.format(
                size=_n(size // 2**20), limit=_n(self.limits.unpacked_bytes // 2**20), upload=_n(MAX_UPLOAD_MB)))


def _n(number: int) -> str:
    return vn_number(number, 0)
