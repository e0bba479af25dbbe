"""Which communes the planner's filters select: a pure function of the filters."""

from __future__ import annotations

import pandas as pd

from geo.names import folded_name_key, query_key
from geo.vocabulary import OUTSIDE

BORDER_EITHER = "either"
BORDER_SOURCED = "sourced"
BORDER_COMPUTED = "computed"


def select_codes(communes: pd.DataFrame, districts: list[str] | None = None, border_only: bool = False,
                 border_source: str = BORDER_EITHER, query: str = "",
                 categories: list[str] | None = None, score_range: tuple[float, float] | None = None,
                 scores: pd.Series | None = None) -> list[str]:
    """GSO codes that pass every filter; a search (`query`) narrows to the communes it finds, whatever the
    other filters (a person looking for a commune wants to find it).

    An empty list for districts or categories means no restriction. Categories
    are "I", "II", "III" or OUTSIDE (needs the `area_category`/`in_area` columns);
    a score range needs `scores` indexed by GSO code.
    """
    if query.strip():
        return found_codes(communes, query)
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


def found_codes(communes: pd.DataFrame, query: str) -> list[str]:
    """The communes a search finds, ignoring case, tone marks and the Xã/Phường/Thị trấn prefix ("gia mien"
    finds Gia Miễn); words match from their start ("mien" finds Gia Miễn, "ien" does not). Digits match GSO
    codes from their start. Needs the `gso_code` and `commune` columns."""
    text = query.strip()
    if text.isdigit():
        return communes.loc[communes["gso_code"].astype(str).str.startswith(text), "gso_code"].tolist()
    wanted = " " + query_key(text)
    if not wanted.strip():
        return []
    keys = communes["commune"].map(lambda name: " " + folded_name_key(name))
    return communes.loc[keys.str.contains(wanted, regex=False), "gso_code"].tolist()
