"""The commune clicked on the map: its code, from what the map component returned, and its row marked."""

from __future__ import annotations

import pandas as pd

import texts
from layers import style


def clicked_code(returned: dict | None) -> str | None:
    """The GSO code of the commune last clicked on the map, if any (ui/map_component.RETURNED)."""
    feature = (returned or {}).get("last_active_drawing") or {}
    return (feature.get("properties") or {}).get("gso_code")


def highlight_row(table: pd.DataFrame, code: str | None):
    """The table, with the clicked commune's row highlighted (a Styler), or the plain table."""
    if not code or texts.COL_CODE not in table:
        return table
    return table.style.apply(
        lambda row: [f"background-color: {style.CLICKED_ROW}" if row[texts.COL_CODE] == code else ""] * len(row),
        axis=1)
