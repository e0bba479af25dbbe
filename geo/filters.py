"""Which communes the planner's filters select: a pure function of the filters."""

from __future__ import annotations

import pandas as pd

from geo.vocabulary import OUTSIDE

BORDER_EITHER = "either"
BORDER_SOURCED = "sourced"
BORDER_COMPUTED = "computed"


def select_codes(communes: pd.DataFrame, districts: list[str] | None = None, border_only: bool = False,
                 border_source: str = BORDER_EITHER, searched: str | None = None,
                 categories: list[str] | None = None, score_range: tuple[float, float] | None = None,
                 scores: pd.Series | None = None) -> list[str]:
    """GSO codes that pass every filter; a searched commune narrows to itself.

    An empty list for districts or categories means no restriction. Categories
    are "I", "II", "III" or OUTSIDE (needs the `area_category`/`in_area` columns);
    a score range needs `scores` indexed by GSO code.
    """
    if searched:
        return [searched] if searched in set(communes["gso_code"]) else []
    mask = pd.Series(True, index=communes.index)
    if districts:
        mask &= communes["district"].isin(districts)
    if border_only:
        column = {BORDER_SOURCED: "border_sourced", BORDER_COMPUTED: "border_computed"}.get(border_source, "is_border")
        mask &= communes[column].astype(bool)
    if categories:
        in_category = communes["area_category"].isin(categories)
        if OUTSIDE in categories:
            in_category |= ~communes["in_area"].astype(bool)
        mask &= in_category
    if score_range is not None and scores is not None:
        low, high = score_range
        score = communes["gso_code"].map(scores)
        mask &= score.between(low, high)
    return communes.loc[mask, "gso_code"].tolist()
