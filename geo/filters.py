"""Which communes the planner's filters select: a pure function of the filters."""

from __future__ import annotations

import pandas as pd

BORDER_EITHER = "either"
BORDER_SOURCED = "sourced"
BORDER_COMPUTED = "computed"


def select_codes(communes: pd.DataFrame, districts: list[str] | None = None, border_only: bool = False,
                 border_source: str = BORDER_EITHER, searched: str | None = None) -> list[str]:
    """GSO codes that pass every filter; a searched commune narrows to itself.

    An empty district list means the whole province.
    """
    if searched:
        return [searched] if searched in set(communes["gso_code"]) else []
    mask = pd.Series(True, index=communes.index)
    if districts:
        mask &= communes["district"].isin(districts)
    if border_only:
        column = {BORDER_SOURCED: "border_sourced", BORDER_COMPUTED: "border_computed"}.get(border_source, "is_border")
        mask &= communes[column].astype(bool)
    return communes.loc[mask, "gso_code"].tolist()
