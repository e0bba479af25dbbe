"""Assemble one sheet's rows from the non-blank cells a reader finds, within the file's limits.

Readers hand over only non-blank cells, so blank cells and blank rows cost nothing
to parse; rows keep Excel's numbering (a blank row inside the table is the shared
empty row, trailing blank rows are not kept). Merged ranges are filled at the end:
the top-left value goes into every cell of the range, so a district merged down
A5:A20 is in each of those rows and a heading merged over A:C reads the same in A,
B and C.
"""

from __future__ import annotations

import unicodedata
from itertools import repeat

from geo.imports.formats.cells import BLANK_ROW, Sheet
from geo.imports.formats.limits import Budget, cell_name


class SheetBuilder:
    def __init__(self, name: str, budget: Budget, hidden: bool = False):
        self.name = unicodedata.normalize("NFC", name)
        self.budget = budget
        self.hidden = hidden
        self.rows: list = []
        self.merges: list[tuple[int, int, int, int]] = []

    def add_row(self, number: int, cells: list[tuple[int, object]]) -> None:
        """Row `number` (1-based) has these non-blank (column, value) cells, columns 1-based."""
        budget = self.budget
        budget.row_parsed()
        if not cells:
            return
        budget.check_row_number(self.name, number)
        width = max(col for col, _ in cells)
        if width > budget.limits.columns:
            budget.check_column(self.name, number, min(col for col, _ in cells if col > budget.limits.columns))
        budget.take_cells(self.name, len(cells), lambda k: cell_name(number, cells[k][0]))
        rows = self.rows
        if number <= len(rows):  # the same row number twice (a malformed file): add to what is there
            row = rows[number - 1] = list(rows[number - 1])
            if len(row) < width:
                row.extend(repeat(None, width - len(row)))
        else:
            budget.take_row(self.name, number)
            if number > len(rows) + 1:
                rows.extend(repeat(BLANK_ROW, number - 1 - len(rows)))
            row = [None] * width
            rows.append(row)
        for col, value in cells:
            row[col - 1] = value

    def add_merge(self, min_row: int, min_col: int, max_row: int, max_col: int) -> None:
        if min_row > max_row:
            min_row, max_row = max_row, min_row
        if min_col > max_col:
            min_col, max_col = max_col, min_col
        if (min_row, min_col) == (max_row, max_col) or min_row < 1 or min_col < 1:
            return
        self.merges.append((min_row, min_col, max_row, max_col))
        self.budget.check_merged(self.name, len(self.merges))

    def finish(self) -> Sheet:
        rows = self.rows
        width = max(map(len, rows), default=0)
        merged = []
        for min_row, min_col, max_row, max_col in self.merges:
            if min_row > len(rows) or min_col > width:
                continue  # wholly outside what the sheet holds: nothing to fill
            box = (min_row, min_col, min(max_row, len(rows)), min(max_col, width))
            merged.append(box)
            self._fill(box)
        return Sheet(self.name, rows, merged=merged, hidden=self.hidden)

    def _fill(self, box: tuple[int, int, int, int]) -> None:
        min_row, min_col, max_row, max_col = box
        top = self.rows[min_row - 1]
        value = top[min_col - 1] if min_col <= len(top) else None
        if value is None:
            return
        ref = f"{cell_name(min_row, min_col)}:{cell_name(max_row, max_col)}"
        self.budget.take_cells(self.name, (max_row - min_row + 1) * (max_col - min_col + 1) - 1, lambda k: ref)
        for number in range(min_row, max_row + 1):
            row = self.rows[number - 1]
            if not isinstance(row, list):
                row = self.rows[number - 1] = []
            if len(row) < max_col:
                row.extend(repeat(None, max_col - len(row)))
            row[min_col - 1:max_col] = repeat(value, max_col - min_col + 1)
