"""Which commune a row means: by code, by name and district, or by heading rows.

All name resolution goes through the project's one matcher (geo.names), so an
import accepts exactly the spellings the rest of the app accepts. Annex layouts
give the district (and for villages the commune) as heading rows instead of
columns; the helpers here recognise those rows.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import texts
from geo.errors import preview
from geo.imports.headers import Header
from geo.imports.problems import ProblemLog, column_letter
from geo.imports.reference import Reference
from geo.imports.values import UncomputedFormula, is_blank
from geo.indicators import header_key
from geo.names import district_key, name_key, normalise_code
from geo.vnformat import vn_number

_NUMBERING = re.compile(r"^\s*(?:[ivx]{1,5}|\d{1,4}(?:\.\d{1,3})*|[a-zđ])\s*[.):\-–]\s*(?=\S)", re.IGNORECASE)
_TRAILING_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
# A count written after a heading ("Huyện Cao Lộc: 12 xã", "Xã Hoa Thám - 5 thôn") or a note mark ("Hồng Phong*").
_TRAILING_COUNT = re.compile(r"\s*[:\-–]\s*\d+\s*(xã|thôn|bản|đơn vị|phường|thị trấn)\b.*$", re.IGNORECASE)
_TRAILING_MARK = re.compile(r"\s*\*+\s*$")
_DISTRICT_HEAD = re.compile(r"^(huyện|thành phố|thị xã|tp\.?|tx\.?|h\.)(\s|$)")
_COMMUNE_HEAD = re.compile(r"^(xã|phường|thị trấn|tt\.?|p\.)(\s|$)")
# Village prefixes that are a kind of settlement, not part of its name. "Bản" and
# "Khu" are left alone: in Lạng Sơn they are often the first word of the name itself.
_VILLAGE_PREFIX = re.compile(r"^(thôn|xóm|tổ dân phố|tdp|khối)\s+")
NOT_FILLED_HEADERS_SHOWN = 3  # value columns named by their header in the "not filled" message


# Characters that have no place in a name: markup that a careless page would run,
# control characters, and invisible ones (zero-width, bidirectional overrides) that
# make two names look equal while they differ, or reorder what is shown.
_MARKUP = re.compile(r"[<>]")
_INVISIBLE = re.compile("[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u2069\u061c\ufeff\ufff9-\ufffb]")


def name_problem(value: object) -> str | None:
    """Why a name taken from a file cannot be stored, in Vietnamese; None when it can."""
    if isinstance(value, UncomputedFormula):
        return texts.IMP_UNCOMPUTED_FORMULA.format(formula=value.formula)
    text = str(value)
    if _MARKUP.search(text):
        return texts.IMP_NAME_MARKUP.format(value=_visible(text))
    if _INVISIBLE.search(text):
        return texts.IMP_NAME_INVISIBLE.format(value=_visible(text))
    return None


def _visible(text: str) -> str:
    """The name with every invisible character written as its code point, e.g. [U+200B]."""
    return _INVISIBLE.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def clean_name(value: object) -> str:
    """A place name as written, without list numbering or a trailing note in brackets."""
    text = str(value)
    return _clean_name(text) if len(text) <= 100 else _clean_name.__wrapped__(text)


@lru_cache(maxsize=16384)  # names repeat on every row of a long table
def _clean_name(text: str) -> str:
    text = unicodedata.normalize("NFC", text).strip()
    text = _NUMBERING.sub("", text, count=1)
    text = _TRAILING_MARK.sub("", _TRAILING_COUNT.sub("", _TRAILING_PAREN.sub("", text)))
    return " ".join(text.split())


def _lower(value: object) -> str:
    return unicodedata.normalize("NFC", str(value)).strip().lower()


def _lower_clean(value: object) -> str:
    return _lower(clean_name(value))


def is_district_heading(value: object) -> bool:
    return isinstance(value, str) and bool(_DISTRICT_HEAD.match(_lower_clean(value)))


def is_commune_heading(value: object) -> bool:
    return isinstance(value, str) and bool(_COMMUNE_HEAD.match(_lower_clean(value)))


def village_key(name: str) -> str:
    """Comparison key of a village name within its commune ("Thôn Nà Pàn" = "nà pàn")."""
    text = _VILLAGE_PREFIX.sub("", _lower(name), count=1)
    return name_key(text) or _lower(name)


def known_district(ref: Reference, text: str) -> str | None:
    """The official district name a heading, cell or sheet title means, or None.

    Without diacritics ("Cao Loc", a sheet title typed on a keyboard without a
    Vietnamese input method) a name is taken only when one district matches.
    """
    if not ref.has_districts:
        return None
    wanted = district_key(clean_name(text))
    districts = ref.commune_list["district"].unique()
    for district in districts:
        if district_key(district) == wanted:
            return district
    bare = header_key(wanted).replace(" ", "")
    matches = [d for d in districts if header_key(district_key(d)).replace(" ", "") == bare]
    return matches[0] if len(matches) == 1 else None


def where(header: Header, row_number: int, col: int | None) -> dict:
    """Location keywords for ProblemLog.add for one cell."""
    sheet = None if header.sheet.is_csv else header.sheet.name
    return {"sheet": sheet, "row": row_number, "column": header.texts.get(col, "") if col is not None else None,
            "column_index": col}


def resolve_commune(ref: Reference, log: ProblemLog, header: Header, row_number: int, *,
                    code: object, name: object, district: object, name_col: int | None) -> str | None:
    """The GSO code the row means, or None after logging why there is none.

    A district is used only in a period that has districts: the 65 units of
    2026-2030 are named alone, whatever former district a file still writes.
    """
    district_text = None if is_blank(district) or not ref.has_districts else clean_name(district)
    found = _resolve(ref, log, header, row_number, code=code, name=name, district_text=district_text,
                     name_col=name_col)
    if found is not None:
        log.places.resolved += 1
        if not is_blank(code):
            log.places.codes.add(normalise_code(code))
    elif not (is_blank(code) and is_blank(name)):
        log.places.unresolved += 1
    return found


def count_unfilled_place(ref: Reference, log: ProblemLog, header: Header, row_number: int, *,
                         code: object, name: object, district: object, name_col: int | None) -> bool:
    """Whether a row without any value names a unit (by code or name); if so, count how it resolves
    in the period's tally without reporting anything. An untouched template is all such rows: they
    still tell which period it belongs to (geo.imports.period_check) and how many rows wait for values.
    """
    if is_blank(code) and is_blank(name):
        return False
    quiet = ProblemLog(log.file)
    quiet.places = log.places  # counted like any other row; its problems are not this row's to report
    resolve_commune(ref, quiet, header, row_number, code=code, name=name, district=district, name_col=name_col)
    return True


def not_filled_message(template: str, rows: int, places: str, columns: dict[int, str]) -> str:
    """A file whose `rows` rows name `places` ("xã, phường", "thôn") while its value `columns` (index ->
    header text) are all empty, said with `template` (the kind's wording). Up to three columns are named
    by their headers; more (an indicator template has 18, with long headers) by their letters."""
    if len(columns) == 1:
        named = texts.IMP_NOT_FILLED_COLUMN.format(column=f"«{next(iter(columns.values()))}»")
    elif len(columns) <= NOT_FILLED_HEADERS_SHOWN:
        named = texts.IMP_NOT_FILLED_COLUMNS.format(count=len(columns),
                                                    columns=", ".join(f"«{text}»" for text in columns.values()))
    else:
        indexes = sorted(columns)
        letters = (texts.IMP_COLUMN_RANGE.format(first=column_letter(indexes[0]), last=column_letter(indexes[-1]))
                   if indexes[-1] - indexes[0] == len(indexes) - 1 else preview(map(column_letter, indexes)))
        named = texts.IMP_NOT_FILLED_COLUMNS.format(count=len(columns), columns=letters)
    return template.format(rows=vn_number(rows, 0), places=places, columns=named)


def _resolve(ref: Reference, log: ProblemLog, header: Header, row_number: int, *,
             code: object, name: object, district_text: str | None, name_col: int | None) -> str | None:
    units = texts.IMP_UNIT_LISTS[ref.period.key]
    if not is_blank(code):
        record = ref.unit_by_code(code)
        if record is None:
            log.error("unknown_code", texts.IMP_UNKNOWN_CODE.format(code=code, units=units),
                      **where(header, row_number, header.roles.get("code")))
            return None
        if not is_blank(name):
            by_name = ref.matcher.resolve(clean_name(name), district_text)
            if by_name.status == "ok" and by_name.code != record.code:
                log.error("code_name_mismatch", texts.IMP_CODE_NAME_MISMATCH.format(
                    code=normalise_code(code), official=ref.label(record.code), name=name),
                    **where(header, row_number, name_col))
                return None
        return record.code
    if is_blank(name):
        log.error("no_commune", texts.IMP_NO_COMMUNE, **where(header, row_number, name_col))
        return None
    if (problem := name_problem(name)) is not None:
        log.error("bad_name", problem, **where(header, row_number, name_col))
        return None
    resolution = ref.matcher.resolve(clean_name(name), district_text)
    if resolution.status == "ok":
        return resolution.code
    if resolution.status == "ambiguous":
        districts = ", ".join(_candidate(c) for c in resolution.candidates)
        log.error("ambiguous_commune", texts.IMP_AMBIGUOUS_COMMUNE.format(
            name=name, count=len(resolution.candidates), districts=districts,
            hint=_ambiguity_hint(resolution.candidates)), **where(header, row_number, name_col))
        return None
    elsewhere = ref.matcher.resolve(clean_name(name)).candidates if district_text else []
    if elsewhere:  # the commune exists, under another district than the row (or its heading) says
        places = ", ".join(_candidate(c) for c in elsewhere)
        log.error("unknown_commune", texts.IMP_COMMUNE_OTHER_DISTRICT.format(
            name=name, district=district_text, places=places), **where(header, row_number, name_col))
        return None
    message = (texts.IMP_UNKNOWN_COMMUNE_IN_DISTRICT.format(name=name, district=district_text, units=units)
               if district_text else texts.IMP_UNKNOWN_COMMUNE.format(name=name, units=units))
    log.error("unknown_commune", message, **where(header, row_number, name_col))
    return None


def _candidate(record) -> str:
    """"Xã Hoa Thám – Huyện Bình Gia", or the name alone in a period without districts."""
    return f"{record.name} – {record.district}" if record.district else record.name


def _ambiguity_hint(candidates) -> str:
    """What tells these communes apart: the district when they are in different
    districts, else the prefix (xã / thị trấn / phường), and always the code."""
    if len({c.district for c in candidates}) == len(candidates):
        return texts.IMP_AMBIGUOUS_HINT_DISTRICT
    types = sorted({c.commune_type for c in candidates})
    if len(types) == len(candidates):
        return texts.IMP_AMBIGUOUS_HINT_PREFIX.format(prefixes=" / ".join(f"«{t.capitalize()}»" for t in types))
    return texts.IMP_AMBIGUOUS_HINT_CODE


def earlier_row(first: tuple[str, int], header: Header) -> str:
    """Where a duplicate's first occurrence is: "dòng 5", or with its sheet when it is on another one."""
    sheet, row = first
    if sheet == header.sheet.name:
        return texts.IMP_EARLIER_ROW.format(row=row)
    return texts.IMP_EARLIER_ROW_SHEET.format(row=row, sheet=sheet)
