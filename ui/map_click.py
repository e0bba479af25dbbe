"""The commune clicked on the map: its code, from what the map component returned, and its row marked."""

from __future__ import annotations

import numpy as np
import pandas as pd

from layers import style
from layers.tables import display_table, styled_table


def clicked_code(returned: dict | None) -> str | None:
    """The GSO code of the commune last clicked on the map, if any (ui/map_component.RETURNED)."""
    feature = (returned or {}).get("last_active_drawing") or {}
    return (feature.get("properties") or {}).get("gso_code")


def highlight_row(table: pd.DataFrame, code: str | None, headers: dict[str, str]):
    """The table with Vietnamese headers, its numbers written the Vietnamese way, and the clicked commune's
    row highlighted: a Styler, whose cells keep their numbers so the table sorts by value.

    `table` has column ids (layers.tables); the row is found by its "code" column, before the renaming.
    """
    styled = styled_table(display_table(table, headers))
    if not code or "code" not in table:
        return styled
    marks = np.where(table["code"].to_numpy() == code, f"background-color: {style.CLICKED_ROW}", "")
    return styled.apply(lambda column: marks, axis=0)
