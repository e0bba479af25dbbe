"""Stream an .xlsx sheet by sheet with the standard library's XML parser, in bounded time and memory.

Not openpyxl's read-only mode, measured on a 100,000-row sheet of 6 columns:
`load_workbook(read_only=True)` parses every sheet that lacks a <dimension>
element in full while opening the file, before any limit can be checked (files
from many programs lack it; 2.8 s here, ~30 s for a million rows), and then
reads cells at ~8 us each, 9.4 s in all; this reader takes ~3 s, keeps memory
flat, and in the same single pass yields the merged ranges and the formulas
without a saved result. openpyxl still supplies the public pieces of the format:
built-in number formats, date detection and conversion, and the translation of
shared formulas.
The file's XML is parsed by expat, which resolves no external entities and
refuses entity-expansion bombs (expat >= 2.4).
"""

from __future__ import annotations

import posixpath
import zipfile
from functools import lru_cache
from urllib.parse import unquote
from xml.etree.ElementTree import ParseError, iterparse

from openpyxl.formula.translate import Translator, TranslatorError
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel, from_ISO8601

import texts
from geo.imports.formats.cells import (
    CellError,
    Sheet,
    UncomputedFormula,
    UnreadableFile,
    clean_cell,
    file_number,
    percent_text,
)
from geo.imports.formats.grid import SheetBuilder
from geo.imports.formats.limits import Budget
from geo.vnformat import vn_number

_MAIN = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def _tags(name: str) -> frozenset[str]:
    return frozenset(f"{{{ns}}}{name}" for ns in _MAIN)


ROW, CELL, VALUE, FORMULA, INLINE, TEXT, RUN, MERGE, SHEET_DATA, STRING_ITEM, NUM_FMT, XF, CELL_XFS, SHEET, \
    BOOK_PR = (_tags(n) for n in ("row", "c", "v", "f", "is", "t", "r", "mergeCell", "sheetData", "si", "numFmt",
                                  "xf", "cellXfs", "sheet", "workbookPr"))
PLAIN, PERCENT, DATE, DURATION = range(4)
# Errors the standard library raises on a broken zip or XML part (ParseError for bad XML,
# zlib/zipfile errors as OSError/BadZipFile/EOFError, bad numbers and indexes as
# ValueError/IndexError/KeyError); each means "this part of the file is broken".
BROKEN = (ParseError, zipfile.BadZipFile, OSError, EOFError, ValueError, IndexError, KeyError, OverflowError,
          NotImplementedError, RuntimeError, TranslatorError)


class Workbook:
    """The parts of an .xlsx package: sheets in order, shared strings, what each cell style means."""

    def __init__(self, archive: zipfile.ZipFile, workbook_part: str, budget: Budget):
        self.archive = archive
        self.names = {name.lower(): name for name in archive.namelist()}
        self.budget = budget
        rels = self._broken(texts.IMP_PART_BOOK, relationships, archive, self.names, workbook_part)
        self.epoch = CALENDAR_WINDOWS_1900
        self.sheets: list[tuple[str, str, bool]] = []  # (title, part, hidden)
        self._broken(texts.IMP_PART_BOOK, self._read_book, workbook_part, rels)
        strings = [target for kind, target in rels.values() if kind == "sharedStrings"]
        styles = [target for kind, target in rels.values() if kind == "styles"]
        self.strings: list[object] = self._broken(texts.IMP_PART_STRINGS, self._read_strings, strings[0]) \
            if strings and self._find(strings[0]) else []
        self.styles: list[int] = self._broken(texts.IMP_PART_STYLES, self._read_styles, styles[0]) \
            if styles and self._find(styles[0]) else []

    def _broken(self, part: str, read, *args):
        try:
            return read(*args)
        except BROKEN as exc:
            raise UnreadableFile("unreadable_xlsx", texts.IMP_XLSX_BROKEN.format(part=part)) from exc

    def _find(self, part: str) -> str | None:
        return self.names.get(part.lower())

    def open(self, part: str):
        return self.archive.open(self.names[part.lower()])

    def _read_book(self, part: str, rels: dict[str, tuple[str, str]]) -> None:
        with self.open(part) as source:
            for _, element in iterparse(source):
                if element.tag in BOOK_PR and element.get("date1904") in ("1", "true"):
                    self.epoch = CALENDAR_MAC_1904
                elif element.tag in SHEET:
                    rel = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
                    kind, target = rels.get(rel, ("", ""))
                    if kind == "worksheet" and self._find(target):
                        hidden = element.get("state", "visible") != "visible"  # "hidden" or "veryHidden"
                        self.sheets.append((element.get("name", ""), target, hidden))
                    element.clear()

    def _read_strings(self, part: str) -> list[object]:
        strings = []
        with self.open(part) as source:
            for _, element in iterparse(source):
                if element.tag in STRING_ITEM:
                    strings.append(clean_cell(_unescape(_rich_text(element))))
                    element.clear()
                    if len(strings) > self.budget.limits.cells:  # more distinct texts than cells we accept
                        raise UnreadableFile("too_many_cells", texts.IMP_LIMIT_STRINGS.format(
                            limit=vn_number(self.budget.limits.cells, 0)))
        return strings

    def _read_styles(self, part: str) -> list[int]:
        """For each cell style index: PLAIN, PERCENT, DATE or DURATION, from its number format."""
        formats = dict(BUILTIN_FORMATS)
        kinds, in_cell_xfs = [], False
        with self.open(part) as source:
            for event, element in iterparse(source, events=("start", "end")):
                if element.tag in CELL_XFS:
                    in_cell_xfs = event == "start"
                elif event == "end" and element.tag in NUM_FMT:
                    formats[int(element.get("numFmtId", "0"))] = element.get("formatCode", "")
                elif event == "end" and element.tag in XF and in_cell_xfs:
                    kinds.append(_format_kind(formats.get(int(element.get("numFmtId", "0")), "General")))
        return kinds

    def read_sheet(self, title: str, part: str, hidden: bool) -> Sheet:
        builder = SheetBuilder(title, self.budget, hidden)
        self._broken(texts.IMP_PART_SHEET.format(sheet=title), _SheetReader(self, builder).read, part)
        return builder.finish()


def read_xlsx(archive: zipfile.ZipFile, workbook_part: str, budget: Budget) -> list[Sheet]:
    book = Workbook(archive, workbook_part, budget)
    return [book.read_sheet(*sheet) for sheet in book.sheets]


def find_workbook(archive: zipfile.ZipFile) -> str | None:
    """The main part the package's root relationships name (xl/workbook.xml, or .bin for .xlsb,
    word/document.xml for a .docx...); None when there are none."""
    names = {name.lower(): name for name in archive.namelist()}
    for kind, target in relationships(archive, names, "").values():
        if kind == "officeDocument":
            return target
    return names.get("xl/workbook.xml")


def relationships(archive: zipfile.ZipFile, names: dict[str, str], part: str) -> dict[str, tuple[str, str]]:
    """Id -> (kind, absolute part) from the part's .rels ("" for the package's own), kind being the type's
    last word ("worksheet", "sharedStrings", "styles", "officeDocument")."""
    folder, name = posixpath.split(part)
    rels = names.get(posixpath.join(folder, "_rels", name + ".rels").lower())
    found = {}
    if rels is None:
        return found
    with archive.open(rels) as source:
        for _, element in iterparse(source):
            if element.tag == f"{{{_PKG_REL}}}Relationship" and element.get("TargetMode") != "External":
                found[element.get("Id")] = (element.get("Type", "").rpartition("/")[2],
                                            resolve(folder, element.get("Target", "")))
    return found


def resolve(folder: str, target: str) -> str:
    target = unquote(target).replace("\\", "/")
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


def _format_kind(code: str) -> int:
    if "%" in code:
        return PERCENT
    if is_timedelta_format(code):
        return DURATION
    return DATE if is_date_format(code) else PLAIN


def _rich_text(element) -> str:
    """The text of an <si> or <is>, still escaped: plain <t>, or the <t> of each rich-text run;
    phonetic runs (<rPh>) left out."""
    parts = []
    for child in element:
        if child.tag in TEXT:
            parts.append(child.text or "")
        elif child.tag in RUN:
            parts.extend(t.text or "" for t in child if t.tag in TEXT)
    return "".join(parts)


def _unescape(text: str) -> str:
    """Excel writes characters XML cannot hold as _xHHHH_ ("_x000D_" for a carriage return)."""
    if "_x" not in text:
        return text
    from openpyxl.utils.escape import unescape
    return unescape(text)


class _SheetReader:
    """One pass over a worksheet part: cells row by row, then merged ranges."""

    def __init__(self, book: Workbook, builder: SheetBuilder):
        self.book = book
        self.builder = builder
        self.shared_formulas: dict[str, tuple[str, str]] = {}  # si -> (formula, cell it is written in)

    def read(self, part: str) -> None:
        builder = self.builder
        number, parent = 0, None
        with self.book.open(part) as source:
            for event, element in iterparse(source, events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag in SHEET_DATA:
                        parent = element
                elif tag in ROW:
                    number = int(element.get("r") or number + 1)
                    builder.add_row(number, self._cells(element))
                    element.clear()
                    if parent is not None:
                        parent.remove(element)  # keep memory flat however many rows
                elif tag in MERGE:
                    ref = element.get("ref", "")
                    first, _, last = ref.partition(":")
                    (min_col, min_row), (max_col, max_row) = _coordinate(first, 1), _coordinate(last or first, 0)
                    builder.add_merge(min_row, min_col, max_row, max_col)
                    element.clear()

    def _cells(self, row) -> list[tuple[int, object]]:
        """The non-blank (column, value) cells of one <row>."""
        cells, col = [], 0
        strings, styles = self.book.strings, self.book.styles
        for cell in row:
            if cell.tag not in CELL:
                continue
            ref = cell.get("r")
            col = _column(ref.rstrip("0123456789")) if ref else col + 1
            kind = cell.get("t", "n")
            text = formula = None
            has_value = False
            for child in cell:
                if child.tag in VALUE:
                    text, has_value = child.text, True
                elif child.tag in FORMULA:
                    formula = child
                elif child.tag in INLINE:
                    text, has_value = _rich_text(child), True
            if formula is not None and formula.get("t") == "shared" and formula.text:
                self.shared_formulas[formula.get("si", "")] = ("=" + formula.text, ref or "")
            if text is None:
                # A formula without a result: no <v>, or an empty one where only a text result may be
                # empty (Excel writes <v></v> for a formula giving ""; openpyxl writes <v/> and no result).
                if formula is not None and (not has_value or kind != "str"):
                    cells.append((col, self._uncomputed(formula, ref)))
                continue
            if kind == "s":
                index = int(text)
                if index < 0:
                    raise IndexError(index)
                value = strings[index]
            elif kind == "n":
                style = int(cell.get("s") or 0)
                value = self._number(text, styles[style] if style < len(styles) else PLAIN)
            elif kind in ("str", "inlineStr"):
                value = clean_cell(_unescape(text))
            elif kind == "b":
                value = text.strip() in ("1", "true")
            elif kind == "e":
                value = CellError(text)
            elif kind == "d":
                value = _iso_date(text)
            else:
                value = clean_cell(text)
            if value is not None:
                cells.append((col, value))
        return cells

    def _number(self, text: str, style: int) -> object:
        number = file_number(text)
        if isinstance(number, str) or number is None:
            return number
        if style == PERCENT:
            return percent_text(number)
        if style in (DATE, DURATION):
            try:
                return from_excel(number, self.book.epoch, timedelta=style == DURATION)
            except (OverflowError, ValueError):
                return number  # a serial number no date has: show the number
        return number

    def _uncomputed(self, formula, ref: str | None) -> UncomputedFormula:
        text = "=" + formula.text if formula.text else ""
        if not text and formula.get("t") == "shared" and formula.get("si") in self.shared_formulas and ref:
            master, origin = self.shared_formulas[formula.get("si")]
            text = Translator(master, origin).translate_formula(ref) if origin else master
        return UncomputedFormula(text or "=")


def _iso_date(text: str) -> object:
    try:
        return from_ISO8601(text)
    except ValueError:
        return clean_cell(text)  # a date no calendar has: show what the file says


@lru_cache(maxsize=None)
def _column(letters: str) -> int:
    return column_index_from_string(letters)


def _coordinate(ref: str, start: int) -> tuple[int, int]:
    """"C5" -> (3, 5); a whole column or row ("C:C", "5:5") runs from the first (start=1) or to the last."""
    ref = ref.replace("$", "").strip()
    letters = ref.rstrip("0123456789")
    digits = ref[len(letters):]
    if not letters and not digits:
        raise ValueError(ref)
    col = _column(letters) if letters else (1 if start else 16384)
    return col, int(digits) if digits else (1 if start else 1_048_576)

