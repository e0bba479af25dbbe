"""Import indicator values at commune or village level, wide or long.

- wide: one row per commune (or village), one column per indicator; the column
  header is the indicator id, its Vietnamese label (with or without the unit in
  brackets) or a known alias;
- long: one row per value with "Chỉ tiêu" and "Giá trị" columns.
Values are stored in the catalogue's unit: percentages 0-100, yes/no as 0/1.
Whether a percentage column was written as 0-1 fractions is decided per
column, never per cell, and said in a note.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

import texts
from geo.errors import preview
from geo.imports.headers import Header, open_data_table, role_aliases
from geo.imports.places import clean_name, data_rows, resolve_commune, village_key, where
from geo.imports.problems import ImportResult, ProblemLog
from geo.imports.reference import Reference
from geo.imports.values import BadValue, format_number, is_blank, parse_number, parse_year, parse_yes_no
from geo.indicators import COUNT, PERCENT, YES_NO, Indicator, find_indicator

COMMUNE_COLUMNS = ["gso_code", "district", "commune", "indicator", "value", "year"]
VILLAGE_COLUMNS = ["gso_code", "district", "commune", "village", "village_key", "indicator", "value", "year"]
KINDS = {"commune": "indicators_commune", "village": "indicators_village"}


@dataclass
class _Cell:
    """One value read from the sheet, before the per-column scale decision."""

    row: int
    col: int
    key: tuple  # (gso_code, village_key or "", indicator id, year)
    place: dict
    indicator: Indicator
    number: float
    percent_sign: bool
    year: int | None


def _accept_for(level: str):
    def accept(header: Header) -> bool:
        place = any(header.has(r) for r in ("code", "commune", "name"))
        if level == "village":
            place = place and header.has("village")
        layout = (header.has("indicator") and header.has("value")) or bool(header.indicators)
        return place and layout
    return accept


def _place_cols(header: Header, level: str) -> tuple[int | None, int | None]:
    commune_col = header.roles.get("commune", header.roles.get("name"))
    village_col = header.roles.get("village") if level == "village" else None
    return commune_col, village_col


def _read_value(ind: Indicator, raw: object, log: ProblemLog, header: Header, row: int, col: int):
    """(number, had % sign) or None after logging why the cell is unusable."""
    try:
        if ind.kind == YES_NO:
            number = parse_yes_no(raw)
            return (number, False) if number is not None else None
        number, percent = parse_number(raw)
    except BadValue:
        text = texts.IMP_BAD_YES_NO if ind.kind == YES_NO else texts.IMP_BAD_NUMBER
        log.error("bad_number", text.format(value=raw), **where(header, row, col))
        return None
    if number is None:
        return None
    if percent and ind.kind != PERCENT:
        log.error("bad_number", texts.IMP_BAD_NUMBER.format(value=raw), **where(header, row, col))
        return None
    return number, percent


def _check_level(ind: Indicator, level: str, log: ProblemLog, header: Header, row: int, col: int) -> bool:
    if level in ind.import_levels:
        return True
    log.error("wrong_level", texts.IMP_INDICATOR_WRONG_LEVEL.format(
        label=ind.label, level=texts.LEVEL_NAMES[level],
        levels=", ".join(texts.LEVEL_NAMES[lv] for lv in ind.import_levels)), **where(header, row, col))
    return False


def _finish(cells: list[_Cell], log: ProblemLog, header: Header) -> list[dict]:
    """Scale percentage columns, check ranges, and build the tidy rows."""
    by_column: dict[tuple[int, str], list[_Cell]] = {}
    for cell in cells:
        by_column.setdefault((cell.col, cell.indicator.id), []).append(cell)
    scale: dict[tuple[int, str], float] = {}
    for key, group in by_column.items():
        if group[0].indicator.kind != PERCENT:
            continue
        plain = [c for c in group if not c.percent_sign]
        small = [c for c in plain if 0 < c.number < 1]
        if small and all(0 <= c.number <= 1 for c in plain):
            scale[key] = 100.0
            log.note("fraction_scale", texts.IMP_FRACTION_SCALE, **where(header, header.row_number, key[0]))
        elif small and any(c.number > 1 for c in plain):
            log.note("mixed_scale", texts.IMP_MIXED_SCALE.format(rows=preview([c.row for c in small])),
                     **where(header, header.row_number, key[0]))
    records = []
    for cell in cells:
        ind = cell.indicator
        value = cell.number * (1.0 if cell.percent_sign else scale.get((cell.col, ind.id), 1.0))
        value = round(value, 10)
        low, high = ind.value_range
        if not low <= value <= high:
            log.error("out_of_range", texts.IMP_OUT_OF_RANGE.format(
                value=format_number(value), low=format_number(low), high=format_number(high), unit=ind.unit),
                **where(header, cell.row, cell.col))
            continue
        if ind.kind == COUNT and not float(value).is_integer():
            log.error("not_whole", texts.IMP_NOT_WHOLE.format(value=format_number(value), unit=ind.unit),
                      **where(header, cell.row, cell.col))
            continue
        records.append({**cell.place, "indicator": ind.id, "value": value, "year": cell.year})
    return records


def _import(content: bytes, file_name: str, level: str, reference: Reference | None) -> ImportResult:
    ref = reference or Reference.load()
    columns = VILLAGE_COLUMNS if level == "village" else COMMUNE_COLUMNS
    log = ProblemLog(file_name)
    result = ImportResult.begin(KINDS[level], file_name, columns, content, log)
    place = f"«{role_aliases('code')[0]}» / «{role_aliases('commune')[1]}»"
    if level == "village":
        place += f" + «{role_aliases('village')[1]}»"
    needed = (f"{place} + (một cột cho mỗi chỉ tiêu, hoặc «{role_aliases('indicator')[0]}» + "
              f"«{role_aliases('value')[0]}»)")
    header = open_data_table(content, file_name, log, _accept_for(level), needed)
    if header is None:
        return result
    result.sheet = header.sheet.name
    long_layout = header.has("indicator") and header.has("value")
    wide_columns: dict[int, Indicator] = {}
    if not long_layout:
        for col, ind in header.indicators.items():
            if _check_level(ind, level, log, header, header.row_number, col):
                wide_columns[col] = ind
        for col in header.unknown:
            log.note("ignored_column", texts.IMP_IGNORED_COLUMN, **where(header, header.row_number, col))
    commune_col, village_col = _place_cols(header, level)
    cells: list[_Cell] = []
    first_row: dict[tuple, int] = {}
    for row_number, row in data_rows(header):
        pairs = _pairs(header, row, row_number, long_layout, wide_columns, level, log)
        if not pairs:
            continue
        try:
            year = parse_year(header.cell(row, "year"))
        except BadValue:
            log.error("bad_year", texts.IMP_BAD_YEAR.format(value=header.cell(row, "year")),
                      **where(header, row_number, header.roles.get("year")))
            continue
        gso = resolve_commune(ref, log, header, row_number, code=header.cell(row, "code"),
                              name=row[commune_col] if commune_col is not None and commune_col < len(row) else None,
                              district=header.cell(row, "district"), name_col=commune_col)
        if gso is None:
            continue
        place = {"gso_code": gso, "district": ref.district_of(gso), "commune": ref.commune_of(gso)}
        vkey = ""
        if level == "village":
            raw_village = header.cell(row, "village")
            if is_blank(raw_village):
                log.error("no_village_name", texts.IMP_NO_VILLAGE_NAME, **where(header, row_number, village_col))
                continue
            if gso in ref.outside_codes:
                log.error("outside_area", texts.IMP_VILLAGE_OUTSIDE.format(
                    village=raw_village, commune=ref.commune_of(gso), district=ref.district_of(gso)),
                    **where(header, row_number, village_col))
                continue
            village = clean_name(raw_village)
            vkey = village_key(village)
            place.update({"village": village, "village_key": vkey})
        for col, ind, raw in pairs:
            key = (gso, vkey, ind.id, year)
            if key in first_row:
                what = f"{ind.label}, {place['commune']}" + (f", {place['village']}" if vkey else "")
                log.error("duplicate_row", texts.IMP_DUPLICATE.format(first=first_row[key], what=what),
                          **where(header, row_number, col))
                continue
            first_row[key] = row_number
            read = _read_value(ind, raw, log, header, row_number, col)
            if read is not None:
                cells.append(_Cell(row_number, col, key, place, ind, read[0], read[1], year))
    frame = pd.DataFrame(_finish(cells, log, header), columns=columns)
    frame["value"] = frame["value"].astype(float)
    frame["year"] = frame["year"].astype("Int64")
    if frame.empty and not result.errors:
        log.error("no_values", texts.IMP_NO_VALUES, **where(header, header.row_number, None))
    result.frame = frame
    result.summary = _coverage(frame, level)
    return result


def _pairs(header: Header, row: list[object], row_number: int, long_layout: bool,
           wide_columns: dict[int, Indicator], level: str, log: ProblemLog) -> list[tuple[int, Indicator, object]]:
    """(column, indicator, raw value) for every non-blank value cell of the row."""
    if not long_layout:
        return [(col, ind, row[col]) for col, ind in wide_columns.items() if col < len(row) and not is_blank(row[col])]
    name, raw = header.cell(row, "indicator"), header.cell(row, "value")
    if is_blank(name) and is_blank(raw):
        return []
    ind_col, value_col = header.roles["indicator"], header.roles["value"]
    ind = find_indicator(name) if not is_blank(name) else None
    if ind is None:
        log.error("unknown_indicator", texts.IMP_UNKNOWN_INDICATOR.format(value=name if name is not None else ""),
                  **where(header, row_number, ind_col))
        return []
    if not _check_level(ind, level, log, header, row_number, ind_col) or is_blank(raw):
        return []
    return [(value_col, ind, raw)]


def _coverage(frame: pd.DataFrame, level: str) -> pd.DataFrame:
    """How many communes (villages) have a value, per indicator — for the preview."""
    from geo.indicators import INDICATORS

    unit = texts.LEVEL_NAMES[level]
    rows = []
    key = ["gso_code", "village_key"] if level == "village" else ["gso_code"]
    for ind_id, group in frame.groupby("indicator", sort=False):
        rows.append({"item": INDICATORS[ind_id].label, "found": len(group.drop_duplicates(key)),
                     "official": None, "difference": None, "unit": unit})
    return pd.DataFrame(rows, columns=["item", "found", "official", "difference", "unit"])


def import_commune_indicators(content: bytes, file_name: str, reference: Reference | None = None) -> ImportResult:
    """Read and check a commune-level indicator sheet; never writes anything."""
    return _import(content, file_name, "commune", reference)


def import_village_indicators(content: bytes, file_name: str, reference: Reference | None = None) -> ImportResult:
    """Read and check a village-level indicator sheet; never writes anything."""
    return _import(content, file_name, "village", reference)
