"""Gap to target per commune: how far each commune still is from the Resolution's target."""

from __future__ import annotations

import numpy as np
import pandas as pd

import texts
from geo.indicators import Indicator
from geo.vnformat import NumberFormat, indicator_format

# Shortfall classes, in the indicator's own unit (percentage points for %), beyond "met".
SHORTFALL_BREAKS = (5.0, 10.0, 20.0)


def gap_series(values: pd.Series, indicator: Indicator, year: int) -> pd.Series:
    """Positive = short of the target by that much; <= 0 = target met; NaN = no value/target."""
    target = indicator.target(year)
    if target is None:
        return pd.Series(np.nan, index=values.index)
    values = values.astype(float)
    return (target - values) if indicator.higher_is_better else (values - target)


def relative_shortfall(values: pd.Series, indicator: Indicator, year: int) -> pd.Series:
    """Shortfall as a share of the way to go, 0 (met) to 1 (nothing achieved); NaN without data.

    Percent targets are measured against the target itself (80 % target, 40 % value
    -> 0.5). Count targets of zero (e.g. no temporary houses) are scaled by the
    largest count, so the worst commune is 1.
    """
    gaps = gap_series(values, indicator, year).clip(lower=0)
    target = indicator.target(year)
    if target is None:
        return gaps
    scale = abs(target) if target else gaps.max()
    if not scale or pd.isna(scale):
        return gaps.where(gaps.isna(), 0.0)
    return (gaps / scale).clip(upper=1.0)


def gap_class(gap: float) -> int:
    """0 = target met; 1.. = increasing shortfall (see SHORTFALL_BREAKS); -1 = no data."""
    if pd.isna(gap):
        return -1
    if gap <= 0:
        return 0
    return 1 + int(np.searchsorted(np.asarray(SHORTFALL_BREAKS), gap, side="left"))


def gap_class_labels(indicator: Indicator) -> list[str]:
    unit = texts.PERCENT_POINTS if "%" in indicator.display_unit else indicator.display_unit
    written = NumberFormat(indicator_format(indicator).decimals, unit)  # "5,0 điểm phần trăm"
    edges = [0.0, *SHORTFALL_BREAKS]
    labels = [texts.GAP_MET]
    for low, high in zip(edges, edges[1:]):
        labels.append(texts.GAP_RANGE.format(low=written.number(low), high=written.text(high)))
    labels.append(texts.GAP_OVER.format(value=written.text(edges[-1])))
    return labels
