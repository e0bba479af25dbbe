"""Read one cell as a number, a percentage, a yes/no, a year or an area category.

Spreadsheets from different offices write the same thing many ways: 86,5 and
86.5, "86%" and 0.86, "KV III" and "Khu vực 3". These parsers accept the forms
people really type and refuse the rest with a reason, so the importer can name
the cell. They never guess across cells; scale decisions that need the whole
column (0-1 vs 0-100) are made by the caller.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, time

import texts
from geo.imports.reading import CellError, UncomputedFormula
from geo.vnformat import vn_number
from geo.vocabulary import CATEGORY_I, CATEGORY_II, CATEGORY_III


class BadValue(ValueError):
    """The cell cannot be read as asked; the importer turns it into a Problem.

    `reason` is a Vietnamese sentence when the cause is more specific than
    "not a number" (a formula Excel never computed, a share of 12 out of 10).
    """

    def __init__(self, value: object, reason: str | None = None):
        super().__init__(str(value))
        self.reason = reason


def _refuse_formula(value: object) -> None:
    """A formula without a saved result, or an Excel error (#DIV/0!), has no value to read: say which."""
    if isinstance(value, UncomputedFormula):
        raise BadValue(value, texts.IMP_UNCOMPUTED_FORMULA.format(formula=value.formula))
    if isinstance(value, CellError):
        raise BadValue(value, texts.IMP_CELL_ERROR.format(error=value.text))


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _plain(value: object) -> str:
    """Lower-case ASCII-ish text: no diacritics, no spaces, for keyword matching."""
    text = unicodedata.normalize("NFKC", str(value)).strip().lower().replace("đ", "d")
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return re.sub(r"[\s.\-_:]+", "", text)


_NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)$")


def parse_number(value: object) -> tuple[float | None, bool]:
    """(number, written with a % sign); (None, False) for a blank cell.

    Vietnamese writes "86,5" and "1.234,5"; English-style files write "86.5" and
    "1,234.5". With both separators the last one is the decimal mark; a lone
    comma is a decimal comma; several equal separators are thousands marks.
    """
    if is_blank(value):
        return None, False
    _refuse_formula(value)
    if isinstance(value, bool):
        return float(value), False
    if isinstance(value, (int, float)):
        if math.isinf(value):
            raise BadValue(str(value))
        return float(value), False
    if isinstance(value, (datetime, date, time)):
        raise BadValue(str(value))
    text = unicodedata.normalize("NFKC", str(value)).strip()
    text = re.sub(r"[\s\u00a0\u2009\u202f']", "", text).replace("\u2212", "-")
    percent = text.endswith("%")
    if percent:
        text = text[:-1]
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    elif text.count(",") > 1 or text.count(".") > 1:
        sep = "," if "," in text else "."
        if not re.fullmatch(r"[-+]?\d{1,3}(" + re.escape(sep) + r"\d{3})+", text):
            raise BadValue(str(value))
        text = text.replace(sep, "")
    if not _NUMBER.match(text):
        raise BadValue(str(value))
    number = float(text)
    if math.isinf(number):
        raise BadValue(str(value))
    return number, percent


_CATEGORY = re.compile(r"^(xa)?(khuvuc|kv)?(iii|ii|i|1|2|3)$")
# How a category is written once case and marks are gone: Roman or Arabic numeral.
CATEGORY_OF_TOKEN = {"iii": CATEGORY_III, "ii": CATEGORY_II, "i": CATEGORY_I,
                     "3": CATEGORY_III, "2": CATEGORY_II, "1": CATEGORY_I}


def parse_category(value: object) -> str | None:
    """"I", "II" or "III" for any usual spelling; None for a blank; BadValue otherwise."""
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    match = _CATEGORY.match(_plain(value))
    if not match or isinstance(value, bool):
        raise BadValue(str(value))
    return CATEGORY_OF_TOKEN[match.group(3)]


_YES = {"co", "x", "dat", "yes", "y", "true", "v", "✓", "✔", "dadat", "roi"}
_NO = {"khong", "chuadat", "chua", "no", "n", "false", "khongdat"}


def parse_yes_no(value: object) -> float | None:
    """1.0 or 0.0 for the usual ways of writing yes/no; None for a blank."""
    if is_blank(value):
        return None
    _refuse_formula(value)
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        if value in (0, 1):
            return float(value)
        raise BadValue(str(value))
    try:
        number, percent = parse_number(value)
    except BadValue:
        number, percent = None, False
    if number is not None and not percent:
        if number in (0, 1):
            return float(number)
        raise BadValue(str(value))
    text = _plain(value)
    if text in _YES:
        return 1.0
    if text in _NO:
        return 0.0
    raise BadValue(str(value))


_SHARE = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*([^\d\s/].*)?$")


def parse_share(value: object) -> float | None:
    """"12/15" or "12/15 thôn" (12 of 15 villages) as a percentage; None when not written so."""
    if not isinstance(value, str):
        return None
    match = _SHARE.match(unicodedata.normalize("NFKC", value))
    if not match:
        return None
    part, whole = int(match.group(1)), int(match.group(2))
    if whole == 0 or part > whole:
        raise BadValue(value, texts.IMP_BAD_SHARE.format(value=value))
    return 100.0 * part / whole


def parse_year(value: object) -> int | None:
    if is_blank(value):
        return None
    try:
        number, percent = parse_number(value)
    except BadValue as exc:
        raise BadValue(str(value)) from exc
    if percent or number is None or not number.is_integer() or not 2015 <= number <= 2035:
        raise BadValue(str(value))
    return int(number)


def format_number(value: float) -> str:
    """A number the Vietnamese way for messages: 86,5 and 1.234."""
    return vn_number(value, 4)
