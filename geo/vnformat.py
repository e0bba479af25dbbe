"""Numbers and times as Vietnamese readers write them: 1.234,5 (dot for thousands, comma for
decimals) and 05/03/2025 10:12 in Vietnam time (UTC+7, no daylight saving, so no tz database)."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

import texts
from geo.indicators import COUNT, MONEY, PERCENT, RATE_CHANGE, YES_NO, Indicator

VIETNAM_TIME = timezone(timedelta(hours=7))

NO_NUMBER = "–"
# DataFrame.attrs key: column -> decimals shown; set by layers.tables, read by the Styler and the Excel export.
DECIMALS_ATTR = "decimals"


def vn_number(value, decimals: int = 2, *, fixed: bool = False) -> str:
    """1234.5 -> '1.234,5'; a dash for a missing value.

    Halves round away from zero, as Excel's number formats do (6,5 -> 7), so a sheet and the screen agree.
    Trailing zeros are dropped unless `fixed` (a column of one quantity keeps its decimals: "86,0").
    """
    if value is None or value is pd.NA:
        return NO_NUMBER
    try:
        number = float(value)
    except (TypeError, ValueError):
        return NO_NUMBER
    if not math.isfinite(number):
        return NO_NUMBER
    rounded = Decimal(repr(number)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded.copy_abs() if rounded.is_zero() else rounded:,.{decimals}f}"  # never "-0,0"
    if decimals and not fixed:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def with_unit(number: str, unit: str) -> str:
    """A number and its unit as written everywhere: "%" sticks to the number ("93,6%", "80,0% số thôn"),
    a word unit follows a space ("5 nhà"); a missing number stays a bare dash."""
    if not unit or number == NO_NUMBER:
        return number
    return f"{number}{unit}" if unit.startswith("%") else f"{number} {unit}"


def excel_number_format(decimals: int) -> str:
    """The Excel number format showing `decimals` decimals with thousands grouped ('#,##0', '#,##0.0');
    Excel and LibreOffice draw the separators of the reader's locale (1.234,5 in Vietnamese)."""
    return "#,##0" + ("." + "0" * decimals if decimals else "")


@dataclass(frozen=True)
class NumberFormat:
    """How one quantity is written wherever a person reads it: its decimals, always shown, and its unit."""

    decimals: int
    unit: str = ""

    def number(self, value) -> str:
        """The number alone, as in a table cell under a header that names the unit: "93,6"."""
        return vn_number(value, self.decimals, fixed=True)

    def text(self, value) -> str:
        """The number with its unit, as in a legend or a sentence: "93,6%"."""
        return with_unit(self.number(value), self.unit)

    @property
    def excel(self) -> str:
        return excel_number_format(self.decimals)


# Decimals by kind of indicator value (geo.indicators): shares and rates to one decimal, counts whole.
DECIMALS_BY_KIND = {PERCENT: 1, YES_NO: 1, RATE_CHANGE: 1, MONEY: 1, COUNT: 0}
COUNT_FORMAT = NumberFormat(0)  # communes, villages, ranks, targets missed
SCORE_FORMAT = NumberFormat(1, texts.SCORE_UNIT)  # priority scores and their parts, 0-100
SHARE_FORMAT = NumberFormat(0, "%")  # a share 0-1 written in per cent (the mean shortfall behind a priority score)
KM_FORMAT = NumberFormat(1)  # lengths in km, under a header naming the unit
SLIDER_DECIMALS = 1


def indicator_format(indicator: Indicator) -> NumberFormat:
    """How values of `indicator` are written: the decimals of its kind, its unit as displayed (after roll-up)."""
    return NumberFormat(DECIMALS_BY_KIND[indicator.kind], indicator.display_unit)


def slider_label(value) -> str:
    """A slider's value as written under it (weights 0-5 by 0,5; score range 0-100): "2,5", "100,0"."""
    return vn_number(value, SLIDER_DECIMALS, fixed=True)


def vietnam_time(at: str) -> str:
    """A stored ISO time (any offset) as Vietnam time, "dd/mm/yyyy HH:MM"; no offset means Vietnam time."""
    try:
        moment = datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return str(at)  # not ours to guess: show what is stored
    return vietnam_clock(moment)


def vietnam_clock(moment: datetime) -> str:
    """A moment as Vietnam time, "dd/mm/yyyy HH:MM"; a naive one is taken as Vietnam time already."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM_TIME)
    return moment.astimezone(VIETNAM_TIME).strftime("%d/%m/%Y %H:%M")


def export_now() -> datetime:
    """What "now" is for every export (Excel, PNG/PDF, HTML, file names): Vietnam time, zone attached.

    The server's clock may be set to any zone (UTC in a container); the readers, and the import history,
    are in Vietnam.
    """
    return datetime.now(VIETNAM_TIME)


def nfc(text) -> str:
    """Text in Unicode NFC, the one form the fonts, the PDF text layer and Excel all show alike."""
    return unicodedata.normalize("NFC", str(text))
