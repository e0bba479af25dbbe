"""Import the area category (khu vực I/II/III, Quyết định 861/QĐ-TTg) of each commune.

Two layouts, read by the same loop:
- tidy: one row per commune with a code or a (district,) commune name and a
  category column;
- the decision's annex as staff paste it: title lines, a header, then
  "Huyện X" heading rows each followed by numbered commune rows, the category
  either in one column or as an "x" in one of three "Khu vực III/II/I" columns.
"""

from __future__ import annotations

import pandas as pd

import texts
from geo.imports.headers import Header, role_aliases
from geo.imports.layout import Row, data_tables, walk
from geo.imports.places import count_unfilled_place, earlier_row, not_filled_message, resolve_commune, where
from geo.imports.problems import NOT_FILLED, ImportResult, ProblemLog
from geo.imports.reference import Reference
from geo.imports.totals import compare_categories
from geo.imports.values import BadValue, is_blank, parse_category
from geo.vocabulary import CATEGORIES_KIND

KIND = CATEGORIES_KIND
COLUMNS = ["gso_code", "district", "commune", "area_category"]


def _accept(header: Header) -> bool:
    has_category = header.has("category") or len(set(header.marks.values())) >= 2
    return has_category and any(header.has(r) for r in ("code", "commune", "name"))


def _name_col(header: Header) -> int | None:
    return header.roles.get("commune", header.roles.get("name"))


def _category_of(header: Header, row: list[object], log: ProblemLog, row_number: int) -> tuple[str | None, bool]:
    """(category or None, whether the row gave any category at all)."""
    if header.has("category"):
        value = header.cell(row, "category")
        if is_blank(value):
            return None, False
        try:
            return parse_category(value), True
        except BadValue:
            log.error("bad_category", texts.IMP_BAD_CATEGORY.format(value=value),
                      **where(header, row_number, header.roles["category"]))
            return None, True
    marked = [cat for col, cat in header.marks.items() if col < len(row) and not is_blank(row[col])]
    if not marked:
        return None, False
    if len(set(marked)) > 1:
        log.error("bad_category", texts.IMP_MANY_CATEGORY_MARKS.format(marks=", ".join(marked)),
                  **where(header, row_number, min(header.marks)))
        return None, True
    return marked[0], True


def _value_columns(header: Header) -> dict[int, str]:
    """The column(s) a category is written in, with their header: «Khu vực», or the three mark columns."""
    columns = [header.roles["category"]] if header.has("category") else sorted(header.marks)
    return {col: header.texts.get(col, "") for col in columns}


def import_categories(content: bytes, file_name: str, reference: Reference | None = None,
                      progress=None) -> ImportResult:
    """Read and check a category file; never writes anything."""
    ref = reference or Reference.load()
    log = ProblemLog(file_name)
    result = ImportResult.begin(KIND, file_name, COLUMNS, content, log)
    needed = f"«{role_aliases('category')[0]}» + «{role_aliases('code')[0]}» / «{role_aliases('commune')[1]}»"
    tables = data_tables(content, file_name, log, _accept, needed, ref, progress=progress)
    if not tables:
        return result
    result.sheet = ", ".join(h.sheet.name for h in tables)
    first_row: dict[str, tuple[str, int]] = {}  # -> (sheet, row) of its first occurrence
    records = []
    unfilled = 0  # rows naming a unit with no category: all of them in an untouched template
    for event in walk(tables, ref, commune_headings=False):
        if not isinstance(event, Row):
            continue
        header, row_number, row = event.header, event.number, event.cells
        name_col = _name_col(header)
        name = row[name_col] if name_col is not None and name_col < len(row) else None
        code = header.cell(row, "code")
        category, given = _category_of(header, row, log, row_number)
        district = header.cell(row, "district") if header.has("district") else None
        if is_blank(district):
            district = event.district
        if not given:  # a commune left blank (Yên Thịnh, or not filled in): reported by the totals
            unfilled += count_unfilled_place(ref, log, header, row_number, code=code, name=name,
                                             district=district, name_col=name_col)
            continue
        gso = resolve_commune(ref, log, header, row_number, code=code, name=name, district=district,
                              name_col=name_col)
        if gso is None or category is None:
            continue
        category_col = header.roles.get("category", min(header.marks) if header.marks else None)
        if gso in ref.outside_codes:
            log.error("outside_area", texts.IMP_CATEGORY_OUTSIDE.format(commune=ref.label(gso)),
                      **where(header, row_number, category_col))
            continue
        if gso in first_row:
            log.error("duplicate_row", texts.IMP_DUPLICATE.format(first=earlier_row(first_row[gso], header),
                                                                  what=ref.label(gso)),
                      **where(header, row_number, name_col if name_col is not None else header.roles.get("code")))
            continue
        first_row[gso] = (header.sheet.name, row_number)
        records.append({"gso_code": gso, "district": ref.district_of(gso), "commune": ref.commune_of(gso),
                        "area_category": category})
    frame = pd.DataFrame(records, columns=COLUMNS)
    if frame.empty and not log.problems:
        first = tables[0]
        if unfilled:
            log.error(NOT_FILLED, not_filled_message(texts.IMP_CATEGORIES_NOT_FILLED, unfilled,
                                                       texts.UNIT_NOUN[ref.period.key], _value_columns(first)),
                      **where(first, first.row_number, None))
        else:
            log.error("no_rows", texts.IMP_NO_ROWS, **where(first, first.row_number, None))
    result.frame = frame
    result.summary = compare_categories(frame, ref, log)
    return result
