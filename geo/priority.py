"""A transparent priority score per commune: where the next investment should go.

score = 100 × Σ (weight × component) / Σ weight, every component in [0, 1]:
- category: KV III = 1, KV II = 0.5, KV I or outside the area = 0;
- villages: extremely disadvantaged villages / the most any commune has;
- gaps: mean relative shortfall to the target on the indicators the planner ticks;
- border: 1 for a border commune.
Each component and its weighted contribution is returned, so the popup and the
table can show exactly how a score was made. A missing indicator value is left
out of the gaps mean and flagged (`missing`), never guessed; a commune with none
of the ticked values, or with no category, gets 0 for that component.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geo.gaps import relative_shortfall
from geo.indicators import INDICATORS
from geo.vocabulary import CATEGORY_I, CATEGORY_II, CATEGORY_III

CATEGORY_POINTS = {CATEGORY_III: 1.0, CATEGORY_II: 0.5, CATEGORY_I: 0.0}
COMPONENTS = ("category", "villages", "gaps", "border")
FULL_SCORE_RANGE = (0.0, 100.0)  # every score lies in it


@dataclass(frozen=True)
class Weights:
    category: float = 3.0
    villages: float = 2.0
    gaps: float = 3.0
    border: float = 1.0

    def total(self) -> float:
        return sum(getattr(self, c) for c in COMPONENTS)


def priority_scores(communes: pd.DataFrame, indicator_values: pd.DataFrame, ticked: list[str],
                    weights: Weights, year: int = 2025) -> pd.DataFrame:
    """One row per commune (index gso_code): components, contributions, score, rank, missing.

    `communes` needs gso_code, area_category ("I"/"II"/"III"/None), n_villages, is_border.
    `indicator_values` is wide: index gso_code, one column per indicator id.
    """
    frame = communes.set_index("gso_code")
    out = pd.DataFrame(index=frame.index)
    out["category"] = frame["area_category"].map(CATEGORY_POINTS).fillna(0.0)
    villages = frame["n_villages"].fillna(0).astype(float)
    out["villages"] = villages / villages.max() if villages.max() > 0 else 0.0
    shortfalls = pd.DataFrame(index=frame.index)
    for ind_id in ticked:
        values = indicator_values[ind_id] if ind_id in indicator_values else pd.Series(dtype=float)
        shortfalls[ind_id] = relative_shortfall(values.reindex(frame.index), INDICATORS[ind_id], year)
    out["gaps"] = shortfalls.mean(axis=1, skipna=True).fillna(0.0) if ticked else 0.0
    out["border"] = frame["is_border"].astype(bool).astype(float)
    missing = shortfalls.isna().apply(lambda row: [i for i, m in row.items() if m], axis=1) \
        if ticked else pd.Series([[] for _ in frame.index], index=frame.index)
    total = weights.total()
    for component in COMPONENTS:
        share = getattr(weights, component) / total if total else 0.0
        out[f"{component}_points"] = 100.0 * share * out[component]
    out["score"] = out[[f"{c}_points" for c in COMPONENTS]].sum(axis=1)
    out["rank"] = out["score"].rank(ascending=False, method="min").astype(int)
    out["missing"] = missing
    return out
