"""What an import found wrong, said in Vietnamese, with the place in the file.

Importers never raise on bad content: they collect `Problem`s so the user sees
every error of a file at once (not the first one, fix, retry, next one). An
`ImportResult` with any error is refused by the store, so a faulty file is never
half-imported.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pandas as pd

import texts

ERROR = "error"
NOTE = "note"
PROBLEM_COLUMNS = ["severity", "file", "sheet", "row", "column", "message"]  # problems_frame's ids
NOT_FILLED = "not_filled"  # the problem code of a file whose rows name units but whose values are all empty


def column_letter(index: int) -> str:
    """0-based column index -> spreadsheet letter (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    severity: str  # ERROR blocks storing; NOTE is shown but does not block
    code: str  # stable machine code, e.g. "unknown_commune"
    message: str  # full Vietnamese sentence, location included
    file: str
    sheet: str | None = None
    row: int | None = None  # row number as Excel shows it (1-based, header included)
    column: str | None = None  # header text as written in the file

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


@dataclass
class PlaceTally:
    """How many rows naming a commune (by code or name) the period's list resolved and did not, and the
    codes written in the file that resolved: what tells a file of the other period (geo.imports.period_check)."""

    resolved: int = 0
    unresolved: int = 0
    codes: set = field(default_factory=set)  # codes as written (5 digits) that resolved

    @property
    def total(self) -> int:
        return self.resolved + self.unresolved


class ProblemLog:
    """Collects problems for one file and phrases their location the same way."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.places = PlaceTally()

    def add(self, severity: str, code: str, text: str, sheet: str | None = None, row: int | None = None,
            column: str | None = None, column_index: int | None = None) -> Problem:
        parts = [texts.IMP_LOC_FILE.format(file=self.file)]
        if sheet:
            parts.append(texts.IMP_LOC_SHEET.format(sheet=sheet))
        if row is not None:
            parts.append(texts.IMP_LOC_ROW.format(row=row))
        if column:
            letter = column_letter(column_index) if column_index is not None else "?"
            parts.append(texts.IMP_LOC_COLUMN.format(letter=letter, column=column))
        elif column_index is not None:
            parts.append(texts.IMP_LOC_COLUMN_LETTER.format(letter=column_letter(column_index)))
        problem = Problem(severity, code, ", ".join(parts) + ": " + text, self.file, sheet, row, column)
        self.problems.append(problem)
        return problem

    def error(self, code: str, text: str, **where) -> Problem:
        return self.add(ERROR, code, text, **where)

    def note(self, code: str, text: str, **where) -> Problem:
        return self.add(NOTE, code, text, **where)


@dataclass
class ImportResult:
    """What an importer would store, and everything it found on the way."""

    kind: str  # "categories", "villages", "indicators_commune", "indicators_village"
    file_name: str
    frame: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    summary: pd.DataFrame | None = None  # totals compared with the official ones
    sha256: str = ""
    content: bytes = b""
    sheet: str | None = None  # the sheet(s) the data came from
    columns: list = field(default_factory=list)  # headers.ColumnChoice of an indicator sheet's value columns
    places: PlaceTally = field(default_factory=PlaceTally)  # how the file's places resolved

    @classmethod
    def begin(cls, kind: str, file_name: str, columns: list[str], content: bytes,
              log: "ProblemLog") -> "ImportResult":
        """An empty result that collects `log`'s problems as the importer reads on."""
        return cls(kind, file_name, pd.DataFrame(columns=columns), log.problems,
                   sha256=sha256_of(content), content=content, places=log.places)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == NOTE]

    @property
    def ok(self) -> bool:
        """True when the store may keep it: no error and at least one row."""
        return not self.errors and not self.frame.empty

    def problems_frame(self) -> pd.DataFrame:
        """Problems as a table, errors first; English column ids and the severity id (ERROR, NOTE),
        put into Vietnamese where the table is shown (ui.import_tables.problems_table)."""
        rows = [{"severity": p.severity, "file": p.file, "sheet": p.sheet or "", "row": p.row,
                 "column": p.column or "", "message": p.message}
                for p in sorted(self.problems, key=lambda p: (not p.is_error, p.row or 0))]
        return pd.DataFrame(rows, columns=PROBLEM_COLUMNS)


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
