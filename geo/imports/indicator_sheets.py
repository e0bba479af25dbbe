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
from geo.imports.column_meaning import MARGIN, SURE, guess_indicator
from geo.imports.headers import Header, column_choices, role_aliases
from geo.imports.layout import COMMUNE, Heading, data_tables, walk
from geo.imports.places import (
    clean_name,
    count_unfilled_place,
    earlier_row,
    name_problem,
    not_filled_message,
    resolve_commune,
    village_key,
    where,
)
from geo.imports.problems import NOT_FILLED, ImportResult, ProblemLog
from geo.imports.reference import Reference
from geo.imports.values import (
    BadValue,
    format_number,
    is_blank,
    parse_number,
    parse_share,
    parse_year,
    parse_yes_no,
)
from geo.indicators import COUNT, INDICATORS, PERCENT, VALUE_RANGES, YES_NO, Indicator
from geo.vocabulary import INDICATOR_LEVELS

COMMUNE_COLUMNS = ["gso_code", "district", "commune", "indicator", "value", "year"]
VILLAGE_COLUMNS = ["gso_code", "district", "commune", "village", "village_key", "indicator", "value", "year"]
KIND_OF_LEVEL = {level: kind for kind, level in INDICATOR_LEVELS.items()}


@dataclass
class _Cell:
    """One value read from the sheet, before the per-column scale decision."""

    header: Header
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
        place = any(header.has(r) for r in ("code", "commune", "name", "village"))
        long_layout = header.has("indicator") and header.has("value")
        # Columns nobody recognised are still a table: the page lets the user say what they hold.
        columns = header.indicators or header.uncertain or header.unknown
        return place and (long_layout or bool(columns))
    return accept


def _place_cols(header: Header, level: str) -> tuple[int | None, int | None]:
    commune_col = header.roles.get("commune", header.roles.get("name"))
    village_col = header.roles.get("village") if level == "village" else None
    if level == "village" and village_col is None:
        village_col, commune_col = commune_col, None  # an annex: villages under "Xã …" heading rows
    return commune_col, village_col


def _read_value(ind: Indicator, level: str, raw: object, log: ProblemLog, header: Header, row: int, col: int):
    """(number, had % sign) or None after logging why the cell is unusable."""
    kind = ind.kind_at(level)
    try:
        if kind == YES_NO:
            number = parse_yes_no(raw)
            return (number, False) if number is not None else None
        if kind != ind.kind:  # a share of villages: "12/15" means 12 of the commune's 15 villages
            share = parse_share(raw)
            if share is not None:
                return share, True
        number, percent = parse_number(raw)
    except BadValue as bad:
        text = texts.IMP_BAD_YES_NO if kind == YES_NO else texts.IMP_BAD_NUMBER
        log.error("bad_number", bad.reason or text.format(value=raw), **where(header, row, col))
        return None
    if number is None:
        return None
    if percent and kind != PERCENT:
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


def _finish(cells: list[_Cell], log: ProblemLog, level: str) -> list[dict]:
    """Scale percentage columns, check ranges, and build the tidy rows."""
    by_column: dict[tuple[int, int, str], list[_Cell]] = {}
    for cell in cells:
        by_column.setdefault((id(cell.header), cell.col, cell.indicator.id), []).append(cell)
    scale: dict[tuple[int, int, str], float] = {}
    for key, group in by_column.items():
        if group[0].indicator.kind_at(level) != PERCENT:
            continue
        header = group[0].header
        plain = [c for c in group if not c.percent_sign]
        small = [c for c in plain if 0 < c.number < 1]
        if small and all(0 <= c.number <= 1 for c in plain):
            scale[key] = 100.0
            log.note("fraction_scale", texts.IMP_FRACTION_SCALE, **where(header, header.row_number, key[1]))
        elif small and any(c.number > 1 for c in plain):
            log.note("mixed_scale", texts.IMP_MIXED_SCALE.format(rows=preview([c.row for c in small])),
                     **where(header, header.row_number, key[1]))
    records = []
    for cell in cells:
        ind = cell.indicator
        value = cell.number * (1.0 if cell.percent_sign else scale.get((id(cell.header), cell.col, ind.id), 1.0))
        value = round(value, 10)
        low, high = VALUE_RANGES[ind.kind_at(level)]
        header = cell.header
        if not low <= value <= high:
            log.error("out_of_range", texts.IMP_OUT_OF_RANGE.format(
                value=format_number(value), low=format_number(low), high=format_number(high),
                unit=_unit_at(ind, level)),
                **where(header, cell.row, cell.col))
            continue
        if ind.kind == COUNT and not float(value).is_integer():
            log.error("not_whole", texts.IMP_NOT_WHOLE.format(value=format_number(value), unit=_unit_at(ind, level)),
                      **where(header, cell.row, cell.col))
            continue
        records.append({**cell.place, "indicator": ind.id, "value": value, "year": cell.year})
    return records


def _unit_at(ind: Indicator, level: str) -> str:
    """The unit of one value as given at `level`, for messages ("% số thôn" for a share)."""
    if ind.kind_at(level) != ind.kind:
        return ind.display_unit
    return "" if ind.kind == YES_NO else ind.unit


def _wide_columns(header: Header, level: str, log: ProblemLog) -> dict[int, Indicator]:
    """The value columns of a wide table, with a note for each column left out and why."""
    columns: dict[int, Indicator] = {}
    for col, ind in header.indicators.items():
        if _check_level(ind, level, log, header, header.row_number, col):
            columns[col] = ind
    for col, guess in header.uncertain.items():
        if _written_as_shares(header, col, guess, level):
            columns[col] = guess.best
            continue
        log.note("uncertain_column", texts.IMP_UNCERTAIN_COLUMN.format(
            first=guess.best.label, second=guess.runner_up.label), **where(header, header.row_number, col))
    for col in header.unknown:
        log.note("ignored_column", texts.IMP_IGNORED_COLUMN, **where(header, header.row_number, col))
    return columns


def _written_as_shares(header: Header, col: int, guess, level: str) -> bool:
    """"Số thôn có đường … bê tông hóa" is a count, unless every value says "x/y": then it is the share."""
    ind = guess.best
    if ind.kind_at(level) == ind.kind or guess.score < SURE or guess.score - guess.runner_up_score < MARGIN:
        return False
    values = [row[col] for row in header.sheet.rows[header.index + 1:] if col < len(row) and not is_blank(row[col])]
    try:
        return bool(values) and all(parse_share(v) is not None for v in values)
    except BadValue:
        return True  # "16/15" is a share written wrongly: the cell reports it


def _import(content: bytes, file_name: str, level: str, reference: Reference | None,
            mapping: dict[str, str] | None = None, progress=None) -> ImportResult:
    ref = reference or Reference.load()
    columns = VILLAGE_COLUMNS if level == "village" else COMMUNE_COLUMNS
    log = ProblemLog(file_name)
    result = ImportResult.begin(KIND_OF_LEVEL[level], file_name, columns, content, log)
    place = f"«{role_aliases('code')[0]}» / «{role_aliases('commune')[1]}»"
    if level == "village":
        place += f" + «{role_aliases('village')[1]}»"
    needed = texts.IMP_NEEDED_INDICATORS.format(place=place, indicator=role_aliases("indicator")[0],
                                                value=role_aliases("value")[0])
    tables = data_tables(content, file_name, log, _accept_for(level), needed, ref, mapping, progress)
    if not tables:
        return result
    result.sheet = ", ".join(h.sheet.name for h in tables)
    result.columns = column_choices(tables[0])
    long_layout = tables[0].has("indicator") and tables[0].has("value")
    wide = {} if long_layout else {id(h): _wide_columns(h, level, log) for h in tables}
    if not long_layout and not any(wide.values()):
        found = ", ".join(f"«{text}»" for text in tables[0].texts.values())
        log.error("missing_column", texts.IMP_NO_INDICATOR_COLUMN.format(found=found, needed=needed),
                  **where(tables[0], tables[0].row_number, None))
        return result
    cells: list[_Cell] = []
    first_row: dict[tuple, tuple[str, int]] = {}  # -> (sheet, row)
    heading_commune: str | None = None
    heading_failed = False  # the villages under a commune heading that did not resolve are not re-reported
    unfilled = 0  # rows naming a place with no value: all of them in an untouched template
    for event in walk(tables, ref, commune_headings=level == "village"):
        if isinstance(event, Heading):
            heading_commune = None
            if event.kind == COMMUNE:
                heading_commune = resolve_commune(ref, log, event.header, event.number, code=None, name=event.text,
                                                  district=event.district, name_col=event.column)
            heading_failed = heading_commune is None and event.kind == COMMUNE
            continue
        header, row_number, row = event.header, event.number, event.cells
        pairs = _pairs(header, row, row_number, long_layout, wide.get(id(header), {}), level, log)
        if not pairs:
            unfilled += _names_a_place(ref, log, header, row, row_number, level, event.district)
            continue
        try:
            year = parse_year(header.cell(row, "year"))
        except BadValue:
            log.error("bad_year", texts.IMP_BAD_YEAR.format(value=header.cell(row, "year")),
                      **where(header, row_number, header.roles.get("year")))
            continue
        commune_col, village_col = _place_cols(header, level)
        commune = row[commune_col] if commune_col is not None and commune_col < len(row) else None
        code = header.cell(row, "code")
        district = header.cell(row, "district")
        if is_blank(code) and is_blank(commune) and heading_commune is not None:
            gso = heading_commune
        elif is_blank(code) and is_blank(commune) and heading_failed:
            continue
        else:
            gso = resolve_commune(ref, log, header, row_number, code=code, name=commune,
                                  district=event.district if is_blank(district) else district, name_col=commune_col)
        if gso is None:
            continue
        place = {"gso_code": gso, "district": ref.district_of(gso), "commune": ref.commune_of(gso)}
        vkey = ""
        if level == "village":
            raw_village = row[village_col] if village_col is not None and village_col < len(row) else None
            if is_blank(raw_village):
                log.error("no_village_name", texts.IMP_NO_VILLAGE_NAME, **where(header, row_number, village_col))
                continue
            if (problem := name_problem(raw_village)) is not None:
                log.error("bad_name", problem, **where(header, row_number, village_col))
                continue
            if gso in ref.outside_codes:
                log.error("outside_area", texts.IMP_VILLAGE_OUTSIDE.format(village=raw_village, commune=ref.label(gso)),
                          **where(header, row_number, village_col))
                continue
            village = clean_name(raw_village)
            vkey = village_key(village)
            place.update({"village": village, "village_key": vkey})
        for col, ind, raw in pairs:
            key = (gso, vkey, ind.id, header.years.get(col, year))
            if key in first_row:
                what = f"{ind.label}, {place['commune']}" + (f", {place['village']}" if vkey else "")
                log.error("duplicate_row", texts.IMP_DUPLICATE.format(
                    first=earlier_row(first_row[key], header), what=what), **where(header, row_number, col))
                continue
            first_row[key] = (header.sheet.name, row_number)
            read = _read_value(ind, level, raw, log, header, row_number, col)
            if read is not None:
                cells.append(_Cell(header, row_number, col, key, place, ind, read[0], read[1], key[3]))
    frame = pd.DataFrame(_finish(cells, log, level), columns=columns)
    frame["value"] = frame["value"].astype(float)
    frame["year"] = frame["year"].astype("Int64")
    if frame.empty and not result.errors:
        first = tables[0]
        if unfilled:
            places = texts.LEVEL_NAMES[level] if level == "village" else texts.UNIT_NOUN[ref.period.key]
            columns = {col: first.texts.get(col, "") for col in
                       ([first.roles["value"]] if long_layout else sorted(wide.get(id(first), {})))}
            log.error(NOT_FILLED, not_filled_message(texts.IMP_VALUES_NOT_FILLED, unfilled, places, columns),
                      **where(first, first.row_number, None))
        else:
            log.error("no_values", texts.IMP_NO_VALUES, **where(first, first.row_number, None))
    result.frame = frame
    result.summary = _coverage(frame, level)
    return result


def _names_a_place(ref: Reference, log: ProblemLog, header: Header, row: list[object], row_number: int,
                   level: str, district: str | None) -> bool:
    """Whether a row without values names its unit (or, in a village sheet, its village); the unit
    counts in the period's tally (see places.count_unfilled_place)."""
    commune_col, village_col = _place_cols(header, level)
    commune = row[commune_col] if commune_col is not None and commune_col < len(row) else None
    given = header.cell(row, "district")
    named = count_unfilled_place(ref, log, header, row_number, code=header.cell(row, "code"), name=commune,
                                 district=district if is_blank(given) else given, name_col=commune_col)
    if level != "village":
        return named
    return village_col is not None and village_col < len(row) and not is_blank(row[village_col])


def _pairs(header: Header, row: list[object], row_number: int, long_layout: bool,
           wide_columns: dict[int, Indicator], level: str, log: ProblemLog) -> list[tuple[int, Indicator, object]]:
    """(column, indicator, raw value) for every non-blank value cell of the row."""
    if not long_layout:
        return [(col, ind, row[col]) for col, ind in wide_columns.items() if col < len(row) and not is_blank(row[col])]
    name, raw = header.cell(row, "indicator"), header.cell(row, "value")
    if is_blank(name) and is_blank(raw):
        return []
    ind_col, value_col = header.roles["indicator"], header.roles["value"]
    ind = guess_indicator(str(name)).indicator if not is_blank(name) else None
    if ind is None:
        log.error("unknown_indicator", texts.IMP_UNKNOWN_INDICATOR.format(value=name if name is not None else ""),
                  **where(header, row_number, ind_col))
        return []
    if not _check_level(ind, level, log, header, row_number, ind_col) or is_blank(raw):
        return []
    return [(value_col, ind, raw)]


def _coverage(frame: pd.DataFrame, level: str) -> pd.DataFrame:
    """How many communes (villages) have a value, per indicator — for the check report."""
    key = ["gso_code", "village_key"] if level == "village" else ["gso_code"]
    rows = [{"item": INDICATORS[ind_id].label, "found": len(group.drop_duplicates(key))}
            for ind_id, group in frame.groupby("indicator", sort=False)]
    return pd.DataFrame(rows, columns=["item", "found"])


def import_commune_indicators(content: bytes, file_name: str, reference: Reference | None = None,
                              mapping: dict[str, str] | None = None, progress=None) -> ImportResult:
    """Read and check a commune-level indicator sheet; never writes anything.

    `mapping`: header text -> indicator id ("" = leave the column out), the
    user's choices in the column-mapping step; they win over recognition.
    """
    return _import(content, file_name, "commune", reference, mapping, progress)


def import_village_indicators(content: bytes, file_name: str, reference: Reference | None = None,
                              mapping: dict[str, str] | None = None, progress=None) -> ImportResult:
    """Read and check a village-level indicator sheet; never writes anything (see `mapping` above)."""
    return _import(content, file_name, "village", reference, mapping, progress)


def with_other_indicators(new: pd.DataFrame, current: pd.DataFrame | None) -> pd.DataFrame:
    """What is stored after importing `new`: its indicators replaced, every other indicator kept.

    Each department sends its own indicators (electricity from one office, roads
    from another); a sheet of one indicator must not erase the others.
    """
    if current is None or current.empty:
        return new
    kept = current[~current["indicator"].isin(set(new["indicator"]))].reindex(columns=new.columns)
    if kept.empty:
        return new
    combined = pd.concat([kept.astype(new.dtypes.to_dict()), new], ignore_index=True)
    return combined
