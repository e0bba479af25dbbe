"""What a read sheet is made of: rows of plain cells, and the two things a cell can hold
besides text, numbers, dates and booleans (a formula never calculated, an Excel error)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

BLANK_ROW: tuple = ()  # every blank row inside a table is this one empty tuple: a million cost 8 MB


@dataclass
class Sheet:
    name: str  # worksheet title; texts.IMP_CSV_SHEET for a CSV
    rows: list[list[object]]  # rows[i] is the row Excel shows as number i + 1; read-only (blank rows are shared)
    is_csv: bool = False
    # merged ranges as (min_row, min_col, max_row, max_col), 1-based, clipped to the rows and columns read;
    # every cell of a range already holds the top-left value
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: bool = False  # hidden in the workbook (a helper sheet rather than data, usually)


class UnreadableFile(Exception):
    """The file is not a spreadsheet we can read; `text` says why, in Vietnamese."""

    def __init__(self, code: str, text: str):
        super().__init__(text)
        self.code = code
        self.text = text


@dataclass(frozen=True)
class UncomputedFormula:
    """A formula cell whose result was never saved (the program that wrote it did not calculate).

    Dropping it would make a filled cell look empty; the value parsers report it instead.
    """

    formula: str  # as the formula bar shows it, with the leading "="

    def __str__(self) -> str:
        return self.formula


@dataclass(frozen=True)
class CellError:
    """An error value Excel or LibreOffice shows in the cell, such as "#DIV/0!" or "#N/A"."""

    text: str

    def __str__(self) -> str:
        return self.text


def clean_cell(value: object) -> object:
    """NFC text without surrounding blanks; empty text becomes None."""
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value).replace("\u00a0", " ").strip()
        return value or None
    return value


def percent_text(value: float) -> str:
    """0.86 in a cell formatted as a percentage is what the user sees: "86%"."""
    number = round(float(value) * 100, 10)
    return f"{int(number) if number.is_integer() else number!r}%"


def file_number(text: str) -> object:
    """A number as the file writes it: "2024" stays an int (a code or a year), "86.5" a float; text a
    program wrote where a number belongs ("1,5") stays text for the value parsers to judge."""
    try:
        if "." in text or "e" in text or "E" in text or "n" in text.lower():
            return float(text)
        return int(text)
    except ValueError:
        return clean_cell(text)
