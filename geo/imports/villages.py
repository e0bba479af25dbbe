"""Import the list of extremely disadvantaged villages (Quyết định 612/QĐ-UBDT).

Two layouts, read by the same loop:
- tidy: one row per village with the commune (code, or district + name) in
  columns, optionally longitude and latitude;
- the decision's annex: one name column where "Huyện X" rows open a district,
  "Xã Y" rows open a commune and the rows under them are its villages.
Villages have no official code; within a commune they are keyed by name
(`places.village_key`), which is what duplicate checks and joins use.
"""

from __future__ import annotations

import pandas as pd

import texts
from geo.imports.headers import Header, role_aliases
from geo.imports.layout import DISTRICT, Heading, data_tables, walk
from geo.imports.places import clean_name, earlier_row, name_problem, resolve_commune, village_key, where
from geo.imports.problems import ImportResult, ProblemLog
from geo.imports.reference import Reference
from geo.imports.totals import compare_villages
from geo.imports.values import BadValue, format_number, is_blank, parse_number
from geo.vocabulary import VILLAGES_KIND

KIND = VILLAGES_KIND
# A list far larger than the period's official one (644, 385) is another kind of file (every
# village of the province, a population table): refuse it rather than replace the official list.
MAX_VILLAGES_FACTOR = 3
COLUMNS = ["gso_code", "district", "commune", "village", "village_key", "lon", "lat"]


def _accept(header: Header) -> bool:
    if header.has("village"):
        return True
    # annex: one name column, no category/indicator columns that would mean another kind of sheet
    return (header.has("name") or header.has("commune")) and not header.has("category") and not header.marks \
        and not header.indicators and not header.has("indicator")


def _columns(header: Header) -> tuple[int, int | None]:
    """(column holding village names or headings, separate commune column or None)."""
    text_col = header.roles.get("village", header.roles.get("name", header.roles.get("commune")))
    commune_col = None
    for role in ("commune", "name"):
        col = header.roles.get(role)
        if col is not None and col != text_col:
            commune_col = col
            break
    return text_col, commune_col


def _coordinate(header: Header, row: list[object], role: str, log: ProblemLog, row_number: int,
                low: float, high: float) -> tuple[float | None, bool]:
    """(value or None, ok)."""
    value = header.cell(row, role)
    col = header.roles.get(role)
    try:
        number, _ = parse_number(value)
    except BadValue:
        log.error("bad_number", texts.IMP_BAD_NUMBER.format(value=value), **where(header, row_number, col))
        return None, False
    if number is not None and not low <= number <= high:
        log.error("out_of_range", texts.IMP_COORD_OUTSIDE.format(value=format_number(number), low=low, high=high),
                  **where(header, row_number, col))
        return None, False
    return number, True


def import_villages(content: bytes, file_name: str, reference: Reference | None = None,
                    categories: pd.DataFrame | None = None, progress=None) -> ImportResult:
    """Read and check a village list against the reference's period; `categories` (gso_code, area_category)
    enables 2021-2025's 84/24/536 check (2026-2030 checks its 385 and the 16 units without villages)."""
    ref = reference or Reference.load()
    official = ref.period.official_village_total
    max_villages = MAX_VILLAGES_FACTOR * official
    log = ProblemLog(file_name)
    result = ImportResult.begin(KIND, file_name, COLUMNS, content, log)
    needed = f"«{role_aliases('village')[1]}» + «{role_aliases('code')[0]}» / «{role_aliases('commune')[1]}»"
    tables = data_tables(content, file_name, log, _accept, needed, ref, progress=progress)
    if not tables:
        return result
    result.sheet = ", ".join(h.sheet.name for h in tables)
    west, south, east, north = ref.extent
    heading_commune: str | None = None
    heading_failed = False  # a commune heading that did not resolve: its villages are not re-reported
    first_row: dict[tuple[str, str], tuple[str, int]] = {}  # -> (sheet, row)
    records = []
    for event in walk(tables, ref, commune_headings=True):
        if isinstance(event, Heading):
            if event.kind == DISTRICT:
                heading_commune, heading_failed = None, False
            else:
                heading_commune = resolve_commune(ref, log, event.header, event.number, code=None,
                                                  name=event.text, district=event.district, name_col=event.column)
                heading_failed = heading_commune is None
            continue
        header, row_number, row = event.header, event.number, event.cells
        text_col, commune_col = _columns(header)
        text = row[text_col] if text_col < len(row) else None
        commune = row[commune_col] if commune_col is not None and commune_col < len(row) else None
        code = header.cell(row, "code")
        place_given = not (is_blank(code) and is_blank(commune))
        district = header.cell(row, "district") if header.has("district") else None
        if is_blank(district):
            district = event.district
        if is_blank(text):
            log.error("no_village_name", texts.IMP_NO_VILLAGE_NAME, **where(header, row_number, text_col))
            continue
        if (problem := name_problem(text)) is not None:
            log.error("bad_name", problem, **where(header, row_number, text_col))
            continue
        village = clean_name(text)
        if place_given:
            gso = resolve_commune(ref, log, header, row_number, code=code, name=commune, district=district,
                                  name_col=commune_col)
        elif heading_commune is not None:
            gso = heading_commune
        else:
            if not heading_failed:
                log.error("no_commune", texts.IMP_VILLAGE_BEFORE_COMMUNE.format(village=village),
                          **where(header, row_number, text_col))
            continue
        lon, lon_ok = _coordinate(header, row, "lon", log, row_number, west, east)
        lat, lat_ok = _coordinate(header, row, "lat", log, row_number, south, north)
        if gso is None or not (lon_ok and lat_ok):
            continue
        if (lon is None) != (lat is None):
            log.error("half_coordinate", texts.IMP_COORD_HALF,
                      **where(header, row_number, header.roles.get("lon" if lon is None else "lat")))
            continue
        if gso in ref.outside_codes:
            log.error("outside_area", texts.IMP_VILLAGE_OUTSIDE.format(village=village, commune=ref.label(gso)),
                      **where(header, row_number, text_col))
            continue
        key = (gso, village_key(village))
        if key in first_row:
            log.error("duplicate_row", texts.IMP_DUPLICATE.format(
                first=earlier_row(first_row[key], header), what=f"{village}, {ref.label(gso)}"),
                **where(header, row_number, text_col))
            continue
        first_row[key] = (header.sheet.name, row_number)
        records.append({"gso_code": gso, "district": ref.district_of(gso), "commune": ref.commune_of(gso),
                        "village": village, "village_key": key[1], "lon": lon, "lat": lat})
        if len(records) > max_villages:
            log.error("too_many_rows", texts.IMP_TOO_MANY_VILLAGES.format(
                limit=max_villages, official=official), **where(header, row_number, text_col))
            records = []
            break
    frame = pd.DataFrame(records, columns=COLUMNS)
    frame[["lon", "lat"]] = frame[["lon", "lat"]].astype(float)
    if frame.empty and not log.problems:
        log.error("no_rows", texts.IMP_NO_ROWS, **where(tables[0], tables[0].row_number, None))
    result.frame = frame
    result.summary = compare_villages(frame, ref, log, categories)
    return result
