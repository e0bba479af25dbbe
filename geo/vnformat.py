"""Numbers and times as Vietnamese readers write them: 1.234,5 (dot for thousands, comma for
decimals) and 05/03/2025 10:12 in Vietnam time (UTC+7, no daylight saving, so no tz database)."""

from __future__ import annotations

import math
import unicodedata
from datetime import datetime, timedelta, timezone

VIETNAM_TIME = timezone(timedelta(hours=7))

NO_NUMBER = "–"


def vn_number(value, decimals: int = 2) -> str:
    """1234.5 -> '1.234,5'; trailing zeros dropped; a dash for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NO_NUMBER
    try:
        text = f"{float(value):,.{decimals}f}"
    except (TypeError, ValueError):
        return NO_NUMBER
    if decimals:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


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
