"""Walk a department's table row by row, knowing which district and commune each row is under.

Decision annexes do not give the district (or, for village lists, the commune)
in a column: they group rows under heading rows, "I. HUYỆN CAO LỘC", "Huyện
Tràng Định", "Xã Gia Miễn", often merged across the first columns with the
text in column A or B, sometimes with a sub-total beside it. They open with
a title block, put blank rows between groups, end with "Tổng cộng" and carry
footnotes and signatures below. Some offices keep one sheet per district
instead. This module turns all of that into three events the importers
understand: a district heading, a commune heading, a data row. What a heading
is does not depend on the column it is in: a row whose only text (apart from
its number) is "Huyện …" is a heading wherever that text sits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

import texts
from geo.imports.headers import Header, open_data_tables
from geo.imports.places import clean_name, is_commune_heading, is_district_heading, known_district
from geo.imports.reference import Reference
from geo.imports.values import is_blank

DISTRICT = "district"
COMMUNE = "commune"

_NUMBERING_CELL = re.compile(r"^\(?([ivxlc]{1,6}|\d{1,4}(\.\d{1,3})*|[a-zđ]|[-+*•–])\)?[.):]?$", re.IGNORECASE)
_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2}|[A-Z])\)?$")
_ROMAN = re.compile(r"^\s*[IVX]{1,5}\s*[.):\-–]")
_ROMAN_CELL = re.compile(r"^[IVX]{1,5}[.)]?$")
_TOTAL = re.compile(r"^(tổng cộng|tổng số|tổng|cộng|toàn tỉnh|tỉnh lạng sơn)(\s|:|$)")
_FOOTNOTE = re.compile(
    r"^(ghi chú|chú thích|chú giải|lưu ý|nguồn\s*:|nguồn số liệu|\(\*\)|\*\s*(ghi chú|chú thích|lưu ý)|"
    r"người lập|người ký|kt\.|tm\.|chủ tịch|phó chủ tịch|giám đốc|nơi nhận|lạng sơn, ngày|ngày \d+ tháng|"
    r"xác nhận của|thủ trưởng)")
_MAX_NAME_WORDS = 12  # longer single-text rows are sentences (notes), not place names


@dataclass(frozen=True)
class Heading:
    """A row that opens a district or a commune group."""

    kind: str  # DISTRICT or COMMUNE
    header: Header
    number: int  # row number as Excel shows it
    text: str  # the heading without numbering ("Huyện Cao Lộc")
    column: int  # where the text sits
    district: str | None  # the official district name when it is one


@dataclass(frozen=True)
class Row:
    """A data row and the district it is grouped under (heading or sheet name), if any."""

    header: Header
    number: int
    cells: list
    district: str | None


def _place_columns(header: Header) -> list[int]:
    return sorted(col for role, col in header.roles.items() if role in ("commune", "village", "name", "district"))


def _is_numbering(header: Header, col: int, value: object, first_place: int | None) -> bool:
    """An STT cell: the row's number, not its text ("I", "1", "a", "-")."""
    in_number_column = col == header.roles.get("stt") or (first_place is not None and col < first_place)
    return in_number_column and bool(_NUMBERING_CELL.match(str(value).strip()))


def _labels(header: Header, cells: list, first_place: int | None) -> tuple[list[tuple[int, str]], bool]:
    """(column, text) of the row's text cells, numbering cells left out; and whether one of those
    numbering cells is a Roman numeral (annexes number districts I, II, III)."""
    labels, roman = [], False
    for col, value in enumerate(cells):
        if not isinstance(value, str) or not value.strip():
            continue
        if _is_numbering(header, col, value, first_place):
            roman = roman or bool(_ROMAN_CELL.match(value.strip()))
        else:
            labels.append((col, value.strip()))
    return labels, roman


def _numbering_count(header: Header, cells: list, first_place: int | None) -> int:
    return sum(isinstance(v, str) and v.strip() != "" and _is_numbering(header, col, v, first_place)
               for col, v in enumerate(cells))


def _is_column_numbers(cells: list) -> bool:
    """The "(1) (2) (3)" or "A B 1 2" row forms print under their header."""
    present = [str(v).strip() for v in cells if not is_blank(v)]
    return len(present) >= 3 and all(_COLUMN_NUMBER.match(v) for v in present)


def _lower(text: str) -> str:
    return clean_name(text).lower()


def _district_heading(ref: Reference, text: str, roman: bool) -> str | None:
    """The district a heading text names, "" for a district-like heading we do not know, else None.

    A bare district name ("Bình Gia") is a heading only when written as one:
    in capitals, or numbered with a Roman numeral (in its own cell or in front).
    """
    if is_district_heading(text):
        return known_district(ref, text) or ""
    official = known_district(ref, text)
    name = clean_name(text)
    shouted = name.upper() == name or roman or bool(_ROMAN.match(text))
    return official if official and shouted else None


def sheet_district(ref: Reference, sheet_name: str) -> str | None:
    """"Cao Lộc", "H. Tràng Định", "Huyện Văn Lãng" as a sheet title -> the official district name."""
    return known_district(ref, re.sub(r"^\s*(h|huyện)\s*[.\-_ ]\s*", "", sheet_name, flags=re.IGNORECASE))


def data_tables(content: bytes, file_name: str, log, accept, needed: str, ref: Reference,
                mapping: dict[str, str] | None = None, progress=None) -> list[Header]:
    """The tables an importer reads: every sheet with the same table (see `find_tables`) except,
    when the sheets are one per district, a sheet named after no district ("Tổng hợp")."""
    tables = open_data_tables(content, file_name, log, accept, needed, mapping, progress)
    named = [h for h in tables if sheet_district(ref, h.sheet.name)]
    if len(named) < 2 or len(named) == len(tables):
        return tables
    for header in tables:
        if header not in named:
            log.note("sheet_left_out", texts.IMP_SHEET_NOT_DISTRICT.format(sheet=header.sheet.name))
    return named


def walk(tables: list[Header], ref: Reference, *, commune_headings: bool) -> Iterator[Heading | Row]:
    """Headings and data rows of every table, in order; titles, totals, footnotes left out.

    `commune_headings`: whether "Xã X" rows open a group (village lists) or are
    data rows themselves (category lists, commune indicator sheets). In the
    first case a blank district or commune cell repeats the one above: that
    is how a merged "Xã" cell reads once the file was saved as CSV or unmerged.
    """
    for header in tables:
        events = _walk_table(header, ref, commune_headings)
        yield from (_filled_down(header, events) if commune_headings else events)


def _filled_down(header: Header, events: Iterator[Heading | Row]) -> Iterator[Heading | Row]:
    """Rows whose blank district, or blank (code and commune), repeat the last row that had them."""
    groups = [[header.roles[r] for r in group if r in header.roles] for group in (("district",), ("code", "commune"))]
    groups = [cols for cols in groups if cols and header.has("village")]
    last: dict[int, object] = {}
    for event in events:
        if isinstance(event, Heading):
            last.clear()
            yield event
            continue
        cells = list(event.cells)
        for cols in groups:
            if all(c >= len(cells) or is_blank(cells[c]) for c in cols):
                for c in cols:
                    if last.get(c) is not None:
                        cells.extend([None] * (c + 1 - len(cells)))
                        cells[c] = last[c]
            else:
                last.update({c: cells[c] if c < len(cells) else None for c in cols})
        yield Row(event.header, event.number, cells, event.district)


def _walk_table(header: Header, ref: Reference, commune_headings: bool) -> Iterator[Heading | Row]:
    district = sheet_district(ref, header.sheet.name)
    seen_data = in_footer = False
    district_col = header.roles.get("district")
    place_cols = set(_place_columns(header)) - {district_col}
    first_place = min(_place_columns(header), default=None)
    for index in range(header.index + 1, len(header.sheet.rows)):
        cells = header.sheet.rows[index]
        number = index + 1
        labels, roman = _labels(header, cells, first_place)
        if not labels:
            if any(not is_blank(v) for v in cells):
                if not seen_data and _is_column_numbers(cells):
                    continue
                seen_data = True
                yield Row(header, number, cells, district)
            continue
        col, lead = labels[0]
        lead_lower = _lower(lead)
        if _TOTAL.match(lead_lower):
            continue
        single = len({text for _, text in labels}) == 1
        # A note is a row with nothing but its text: a row with a code or a value beside a long
        # indicator name ("Tỷ lệ hộ dân được sử dụng điện lưới quốc gia và …") is data.
        filled = sum(not is_blank(v) for v in cells)
        alone = single and filled == len(labels) + _numbering_count(header, cells, first_place)
        if alone and (_FOOTNOTE.match(lead.lower()) or len(lead.split()) > _MAX_NAME_WORDS):
            in_footer = seen_data  # below the table: notes, signatures and signers' names
            continue
        if in_footer and alone:
            continue  # a signer's name under "KT. CHỦ TỊCH" is not a village
        in_footer = False
        others_blank = all(is_blank(cells[c]) for c in place_cols if c != col and c < len(cells))
        if col != district_col and (single or others_blank):
            named = _district_heading(ref, lead, roman)
            if named is not None:
                district = named or clean_name(lead)
                yield Heading(DISTRICT, header, number, clean_name(lead), col, named or None)
                continue
            if commune_headings and is_commune_heading(lead) and (single or others_blank):
                yield Heading(COMMUNE, header, number, clean_name(lead), col, district)
                continue
        if not seen_data and _is_column_numbers(cells):
            continue
        seen_data = True
        yield Row(header, number, cells, district)
