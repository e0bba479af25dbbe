"""Numbers as Vietnamese readers write them: 1.234,5 (dot for thousands, comma for decimals)."""

from __future__ import annotations

import math

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
