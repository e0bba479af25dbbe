"""Build files shaped like the annexes departments really send, in every format.

A sheet is described once (`SheetSpec`: rows, merged ranges, which rows are
headings) and written as .xlsx, .xls (xlwt), .ods (odfpy) or CSV, so one layout
gives the same content in each format. Communes come from the official list
(`reference.commune_list`); area categories and village names used with these
builders are test values only ("Thôn Nà Thử 1" is a made-up name, no real village
is invented), never the QĐ 861 / QĐ 612 content.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import CoveredTableCell, Table, TableCell, TableRow
from odf.text import P
from openpyxl.utils import get_column_letter, range_boundaries

from tests.import_fixtures import csv_text, encode, xlsx_bytes

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]

TITLE_BLOCK = [["ỦY BAN DÂN TỘC"],
               ["DANH SÁCH CÁC XÃ KHU VỰC III, II, I"],
               ["(Kèm theo Quyết định số 861/QĐ-TTg ngày 04/6/2021)"],
               []]
VILLAGE_TITLE_BLOCK = [["ỦY BAN DÂN TỘC"],
                       ["DANH SÁCH CÁC THÔN ĐẶC BIỆT KHÓ KHĂN VÙNG ĐỒNG BÀO DÂN TỘC THIỂU SỐ VÀ MIỀN NÚI"],
                       ["(Kèm theo Quyết định số 612/QĐ-UBDT ngày 16/9/2021)"],
                       []]
FOOTNOTES = [["Ghi chú: Danh sách do Ban Dân tộc tỉnh tổng hợp để thử phần mềm."],
             ["Nguồn: Quyết định số 861/QĐ-TTg ngày 04/6/2021 của Thủ tướng Chính phủ."]]
VILLAGE_FOOTNOTES = [["Ghi chú: Danh sách do Ban Dân tộc tỉnh tổng hợp để thử phần mềm."],
                     ["Nguồn: Quyết định số 612/QĐ-UBDT ngày 16/9/2021 của Ủy ban Dân tộc."]]
# Signature block: written in the last column, as a scanned decision has it on the right.
SIGNATURE = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Ký"]  # the signer's name is made up
INSTRUCTIONS = [["HƯỚNG DẪN ĐIỀN BIỂU"],
                ["1. Mỗi huyện ghi trên một trang tính riêng, tên trang tính là tên huyện."],
                ["2. Cột Khu vực ghi III, II hoặc I."],
                ["3. Không sửa tên cột, không chèn thêm dòng tiêu đề."]]


class Place(NamedTuple):
    """One commune as the official list writes it."""

    code: str
    district: str
    commune: str


@dataclass
class SheetSpec:
    """One sheet as written: rows, merged ranges (A1 refs), and 1-based row numbers by role."""

    name: str
    rows: list[list[object]] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)
    heading_rows: list[int] = field(default_factory=list)
    data_rows: list[int] = field(default_factory=list)

    def add(self, row: list[object], role: str | None = None, merge: tuple[int, int] | None = None) -> int:
        """Append a row; `merge` = (first, last) 1-based columns merged on this row."""
        self.rows.append(list(row))
        number = len(self.rows)
        if role == "heading":
            self.heading_rows.append(number)
        elif role == "data":
            self.data_rows.append(number)
        if merge:
            self.merges.append(f"{get_column_letter(merge[0])}{number}:{get_column_letter(merge[1])}{number}")
        return number


# --- choosing real communes -----------------------------------------------------------------

def place_of(reference, commune: str, district: str) -> Place:
    """A commune by its official name and district, checked against the official list."""
    table = reference.commune_list
    hit = table[(table["commune"] == commune) & (table["district"] == district)]
    assert len(hit) == 1, (commune, district)
    return Place(hit["gso_code"].iloc[0], district, commune)


def shared_names(reference) -> set[str]:
    """Commune names the official list has in more than one district (Hòa Bình, Thụy Hùng...)."""
    counts = reference.commune_list.groupby("commune")["district"].nunique()
    return set(counts[counts > 1].index)


def pick_communes(reference, district: str, count: int, shared: int = 2) -> list[Place]:
    """`count` xã of `district` in list order: up to `shared` names that exist elsewhere too, then others."""
    table = reference.commune_list
    rows = table[(table["district"] == district) & (table["commune_type"] == "xã")]
    names = shared_names(reference)
    first = [r for r in rows.itertuples() if r.commune in names][:shared]
    rest = [r for r in rows.itertuples() if r.commune not in names]
    chosen = (first + rest)[:count]
    chosen.sort(key=lambda r: r.gso_code)
    return [Place(r.gso_code, r.district, r.commune) for r in chosen]


def bare(name: str) -> str:
    """A district or commune name without its kind ("Huyện Cao Lộc" -> "Cao Lộc")."""
    for prefix in ("Thành phố ", "Thị trấn ", "Huyện ", "Phường ", "Xã "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


ANNEX_DISTRICTS = ("Huyện Cao Lộc", "Huyện Tràng Định", "Huyện Văn Lãng")
TEST_CATEGORIES = ("III", "II", "I")  # assigned in turn: test values, not QĐ 861's


def annex_communes(reference) -> list[tuple[Place, str]]:
    """12 real xã (4 per district of ANNEX_DISTRICTS, names shared with other districts first),
    each with a made-up test category."""
    places = [p for district in ANNEX_DISTRICTS for p in pick_communes(reference, district, 4)]
    return [(p, TEST_CATEGORIES[i % 3]) for i, p in enumerate(places)]


def annex_villages(reference) -> list[tuple[Place, str]]:
    """20 made-up villages ("Thôn Nà Thử 1"...) under the 12 communes of `annex_communes`:
    two in each of the first eight, one in each of the others; numbering restarts per
    commune, so the same village name occurs in several communes (not a duplicate)."""
    out = []
    for index, (place, _) in enumerate(annex_communes(reference)):
        names = [f"Thôn Nà Thử {n}" for n in range(1, 3 if index < 8 else 2)]
        if index == 2:
            names[-1] = "Thôn Hòa Thử"  # a village name with a tone that has two placements
        out += [(place, name) for name in names]
    return out


# --- layouts --------------------------------------------------------------------------------

HEADING_STYLES = ("A_merged", "A", "B_merged", "B_numbered")


def _heading_cells(style: str, numeral: str | None, text: str, width: int) -> tuple[list[object], tuple | None]:
    """Cells and merge of one heading row. A_*: text in A; B_merged: A empty, B:last merged."""
    numbered = f"{numeral}. {text}" if numeral else text
    if style == "A_merged":
        return [numbered] + [None] * (width - 1), (1, width)
    if style == "A":
        return [numbered] + [None] * (width - 1), None
    if style == "B_merged":
        return [None, numbered] + [None] * (width - 2), (2, width)
    if style == "B_numbered":
        return [numeral, text] + [None] * (width - 2), None
    raise ValueError(style)


def category_annex(groups: list[tuple[str, list[tuple[str, str]]]], *, heading: str | list[str] = "A_merged",
                   numerals: bool = True, marks: bool = False, title: bool = True, totals: bool = True,
                   footnotes: bool = True, signature: bool = True, separators: bool = True,
                   name_header: str = "Tên huyện, xã", category_header: str = "Khu vực",
                   sheet: str = "Phụ lục") -> SheetSpec:
    """A decision annex of area categories grouped under district heading rows.

    `groups` = [(district heading text as written, [(commune as written, "III"/"II"/"I")])].
    `heading` is one style of HEADING_STYLES or one per group; `marks` writes three
    "Xã khu vực III/II/I" columns with an "x" instead of one category column (the
    categories must then be given as "III", "II", "I").
    """
    spec = SheetSpec(sheet)
    header = (["STT", name_header, "Xã khu vực III", "Xã khu vực II", "Xã khu vực I"] if marks
              else ["STT", name_header, category_header])
    width = len(header)
    if title:
        for line in TITLE_BLOCK:
            spec.add(line)
    spec.add(header)
    styles = [heading] * len(groups) if isinstance(heading, str) else list(heading)
    counts: Counter = Counter()  # categories as written; with marks they are "III", "II", "I"
    for number, ((district, communes), style) in enumerate(zip(groups, styles)):
        if separators and number:
            spec.add([])
        cells, merge = _heading_cells(style, ROMAN[number] if numerals else None, district, width)
        spec.add(cells, "heading", merge)
        for index, (commune, category) in enumerate(communes, start=1):
            counts[category] += 1
            if marks:
                spec.add([index, commune] + ["x" if category == c else None for c in ("III", "II", "I")], "data")
            else:
                spec.add([index, commune, category], "data")
    if totals:
        total = sum(counts.values())
        if marks:
            spec.add([None, "Tổng cộng", counts["III"], counts["II"], counts["I"]])
        else:
            spec.add([None, "Tổng cộng", f"{total} xã"])
    if footnotes:
        spec.add([])
        for line in FOOTNOTES:
            spec.add(line)
    if signature:
        spec.add([])
        for line in SIGNATURE:
            spec.add([None] * (width - 1) + [line])
    return spec


def village_annex(groups: list[tuple[str, list[tuple[str, list[str]]]]], *, district_heading: str = "B_numbered",
                  commune_heading: str = "numbered", title: bool = True, totals: bool = True,
                  footnotes: bool = True, separators: bool = False, name_header: str = "Tên huyện, xã, thôn",
                  sheet: str = "Phụ lục") -> SheetSpec:
    """A QĐ 612 style annex: "STT | Tên huyện, xã, thôn", district, commune and village rows.

    district_heading: "B_numbered" ("I" | "Huyện Bình Gia") or "A_merged" ("I. Huyện Bình Gia" over A:B);
    commune_heading: "numbered" ("1" | "Xã Hoa Thám") or "A_merged" ("Xã Hoa Thám" over A:B);
    villages are "-" | "Thôn Nà Thử 1".
    """
    spec = SheetSpec(sheet)
    if title:
        for line in VILLAGE_TITLE_BLOCK:
            spec.add(line)
    spec.add(["STT", name_header])
    total = 0
    for number, (district, communes) in enumerate(groups):
        if separators and number:
            spec.add([])
        cells, merge = _heading_cells("A_merged" if district_heading == "A_merged" else "B_numbered",
                                      ROMAN[number], district, 2)
        spec.add(cells, "heading", merge)
        for index, (commune, villages) in enumerate(communes, start=1):
            if commune_heading == "A_merged":
                spec.add([commune, None], "heading", (1, 2))
            else:
                spec.add([index, commune], "heading")
            for village in villages:
                spec.add(["-", village], "data")
                total += 1
    if totals:
        spec.add([None, f"Tổng cộng: {total} thôn"])
    if footnotes:
        spec.add([])
        for line in VILLAGE_FOOTNOTES:
            spec.add(line)
    return spec


def village_columns(groups: list[tuple[str, list[tuple[str, list[str]]]]], *, merged: bool = True,
                    headers: tuple[str, str, str] = ("Huyện", "Xã", "Thôn"), sheet: str = "Danh sách") -> SheetSpec:
    """"STT | Huyện | Xã | Thôn" with district and commune cells merged down over their villages."""
    spec = SheetSpec(sheet)
    spec.add(["STT", *headers])
    number = 0
    for district, communes in groups:
        district_start = len(spec.rows) + 1
        for commune, villages in communes:
            commune_start = len(spec.rows) + 1
            for index, village in enumerate(villages):
                number += 1
                first_of_district = len(spec.rows) + 1 == district_start
                spec.add([number, district if first_of_district else None, commune if index == 0 else None, village],
                         "data")
            if merged and len(villages) > 1:
                spec.merges.append(f"C{commune_start}:C{len(spec.rows)}")
        if merged and len(spec.rows) > district_start:
            spec.merges.append(f"B{district_start}:B{len(spec.rows)}")
    return spec


def category_sheet(name: str, communes: list[tuple[str, str]], header=("STT", "Tên xã", "Khu vực")) -> SheetSpec:
    """One district's sheet: no district column, the sheet name says the district."""
    spec = SheetSpec(name)
    spec.add(list(header))
    for index, (commune, category) in enumerate(communes, start=1):
        spec.add([index, commune, category], "data")
    return spec


def village_sheet(name: str, communes: list[tuple[str, list[str]]]) -> SheetSpec:
    """One district's sheet of villages under numbered commune headings ("STT | Tên xã, thôn")."""
    spec = SheetSpec(name)
    spec.add(["STT", "Tên xã, thôn"])
    for index, (commune, villages) in enumerate(communes, start=1):
        spec.add([index, commune], "heading")
        for village in villages:
            spec.add(["-", village], "data")
    return spec


def instructions_sheet() -> SheetSpec:
    spec = SheetSpec("Hướng dẫn")
    for line in INSTRUCTIONS:
        spec.add(line)
    return spec


# --- writers ---------------------------------------------------------------------------------

def _merge_boxes(spec: SheetSpec) -> list[tuple[int, int, int, int]]:
    """Merged ranges as 0-based (first row, first col, last row, last col)."""
    boxes = []
    for ref in spec.merges:
        c0, r0, c1, r1 = range_boundaries(ref)
        boxes.append((r0 - 1, c0 - 1, r1 - 1, c1 - 1))
    return boxes


def _value(spec: SheetSpec, row: int, col: int) -> object:
    cells = spec.rows[row] if row < len(spec.rows) else []
    return cells[col] if col < len(cells) else None


def to_xlsx(sheets: list[SheetSpec]) -> bytes:
    return xlsx_bytes({s.name: s.rows or [[]] for s in sheets}, merges={s.name: s.merges for s in sheets})


def to_xls(sheets: list[SheetSpec]) -> bytes:
    """An Excel 97-2003 workbook, merged headings written with write_merge."""
    book = xlwt.Workbook(encoding="utf-8")
    for spec in sheets:
        ws = book.add_sheet(spec.name)
        covered = set()
        for r0, c0, r1, c1 in _merge_boxes(spec):
            value = _value(spec, r0, c0)
            ws.write_merge(r0, r1, c0, c1, "" if value is None else value)
            covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r, row in enumerate(spec.rows):
            for c, value in enumerate(row):
                if value is not None and (r, c) not in covered:
                    ws.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _ods_cell(value: object, **attributes) -> TableCell:
    if value is None:
        return TableCell(**attributes)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell = TableCell(valuetype="float", value=value, **attributes)
    else:
        cell = TableCell(valuetype="string", **attributes)
    cell.addElement(P(text=str(value)))
    return cell


def to_ods(sheets: list[SheetSpec]) -> bytes:
    """An OpenDocument spreadsheet; merges as number-columns/rows-spanned plus covered cells."""
    doc = OpenDocumentSpreadsheet()
    for spec in sheets:
        table = Table(name=spec.name)
        spans, covered = {}, set()
        for r0, c0, r1, c1 in _merge_boxes(spec):
            spans[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
            covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
        width = max([len(row) for row in spec.rows] + [c + 1 for _, c in covered] + [1])
        for r in range(len(spec.rows)):
            tr = TableRow()
            used = max([len(spec.rows[r])] + [c + 1 for rr, c in covered if rr == r] +
                       [c + n for (rr, c), (_, n) in spans.items() if rr == r] + [1])
            for c in range(min(used, width)):
                if (r, c) in covered:
                    tr.addElement(CoveredTableCell())
                    continue
                attributes = {}
                if (r, c) in spans:
                    rows, cols = spans[(r, c)]
                    attributes = {"numberrowsspanned": rows, "numbercolumnsspanned": cols}
                tr.addElement(_ods_cell(_value(spec, r, c), **attributes))
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    doc.write(buffer)
    return buffer.getvalue()


def to_csv(spec: SheetSpec, delimiter: str = ",", encoding: str = "utf-8-sig") -> bytes:
    """The sheet as Excel's "CSV UTF-8" writes it: merges are gone, the top-left value stays."""
    return encode(csv_text(spec.rows, delimiter), encoding)


WRITERS = {"xlsx": to_xlsx, "xls": to_xls, "ods": to_ods}


def render(sheets: list[SheetSpec], fmt: str) -> tuple[str, bytes]:
    """(file name, bytes) of the sheets in format `fmt` ("xlsx", "xls", "ods", "csv": first sheet only)."""
    if fmt == "csv":
        assert len(sheets) == 1, "a CSV holds one sheet"
        return "phu_luc.csv", to_csv(sheets[0])
    return f"phu_luc.{fmt}", WRITERS[fmt](sheets)
