"""Class breaks for indicator maps: mapclassify schemes, or fixed breaks at targets.

Returns plain data (upper bounds, a class number per commune) so the web map,
the print map and the legend all use the same classes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

import texts
from geo.indicators import YES_NO, Indicator
from geo.vnformat import indicator_format

NATURAL_BREAKS = "natural_breaks"
QUANTILES = "quantiles"
EQUAL_INTERVAL = "equal_interval"
TARGETS = "targets"
METHODS = (NATURAL_BREAKS, QUANTILES, EQUAL_INTERVAL, TARGETS)


def methods_for(indicator: Indicator) -> tuple[str, ...]:
    """The ways `indicator` can be classed: breaks at the targets only where a unit has a target to meet."""
    has_target = any(indicator.target(year) is not None for year in (2025, 2030))
    return METHODS if has_target else tuple(m for m in METHODS if m != TARGETS)


@dataclass(frozen=True)
class Classes:
    lower: tuple[float, ...]  # lower bound of each class (inclusive for the first)
    upper: tuple[float, ...]  # upper bound of each class (inclusive)
    class_of: pd.Series  # per index of the input values: class number, or -1 where no value
    method: str
    labels: tuple[str, ...] = ()  # set where bounds alone would mislead (target classes)

    @property
    def k(self) -> int:
        return len(self.upper)

    def counts(self) -> list[int]:
        return [int((self.class_of == i).sum()) for i in range(self.k)]


def classify(values: pd.Series, method: str, k: int = 5, indicator: Indicator | None = None) -> Classes:
    """Put each value in a class; NaN stays out (class -1)."""
    present = values.dropna().astype(float)
    if present.empty:
        return Classes((), (), pd.Series(-1, index=values.index), method)
    if indicator is not None and indicator.kind == YES_NO and set(present.unique()) <= {0.0, 100.0}:
        return _yes_no_classes(values, present)
    if method == TARGETS:
        return _target_classes(values, present, indicator)
    else:
        unique = np.unique(present.values)
        k = max(1, min(k, len(unique)))
        if k == 1:
            breaks = [float(unique.max())]
        else:
            import mapclassify  # here: it loads scipy and matplotlib, 1 s and 80 MB of a first visit that needs none

            scheme = {NATURAL_BREAKS: mapclassify.NaturalBreaks, QUANTILES: mapclassify.Quantiles,
                      EQUAL_INTERVAL: mapclassify.EqualInterval}[method]
            breaks = [float(b) for b in scheme(present.values, k=k).bins]
    breaks = sorted(dict.fromkeys(breaks))
    class_of = pd.Series(-1, index=values.index, dtype=int)
    idx = np.searchsorted(np.asarray(breaks), present.values, side="left")
    class_of.loc[present.index] = np.minimum(idx, len(breaks) - 1)
    lower = [float(present.min())] + breaks[:-1]
    return Classes(tuple(lower), tuple(breaks), class_of, method)


def _target_classes(values: pd.Series, present: pd.Series, indicator: Indicator | None) -> Classes:
    """Classes split exactly at the 2025/2030 targets, labelled met / not met.

    Higher is better: a value equal to the target meets it ([target, ...)).
    Lower is better: a value equal to the target meets it ((..., target]).
    """
    if indicator is None or TARGETS not in methods_for(indicator):
        raise ValueError("fixed breaks need an indicator with a numeric target")
    years_at: dict[float, list[int]] = {}
    for year in (2025, 2030):
        target = indicator.target(year)
        if target is not None:
            years_at.setdefault(float(target), []).append(year)
    thresholds = sorted(years_at)
    written = indicator_format(indicator)  # "80,0% số thôn": the decimals and unit of every other reader
    numbers = present.values
    if indicator.higher_is_better:
        idx = np.searchsorted(np.asarray(thresholds), numbers, side="right")
        lows = [float(numbers.min())] + thresholds
        highs = thresholds + [float(numbers.max())]
        labels = [texts.CLASS_BELOW.format(value=written.text(thresholds[0]),
                                           years=_years(years_at[thresholds[0]]))]
        for i, t in enumerate(thresholds):
            met = [y for th in thresholds[: i + 1] for y in years_at[th]]
            labels.append(texts.CLASS_AT_LEAST.format(value=written.text(t), years=_years(met)))
    else:
        idx = np.searchsorted(np.asarray(thresholds), numbers, side="left")
        lows = [float(numbers.min())] + thresholds
        highs = thresholds + [float(numbers.max())]
        labels = []
        for i, t in enumerate(thresholds):
            met = [y for th in thresholds[i:] for y in years_at[th]]
            labels.append(texts.CLASS_AT_MOST.format(value=written.text(t), years=_years(met)))
        labels.append(texts.CLASS_ABOVE.format(value=written.text(thresholds[-1]),
                                               years=_years(years_at[thresholds[-1]])))
    class_of = pd.Series(-1, index=values.index, dtype=int)
    class_of.loc[present.index] = idx
    return Classes(tuple(lows), tuple(highs), class_of, TARGETS, tuple(labels))


def _yes_no_classes(values: pd.Series, present: pd.Series) -> Classes:
    """A commune-level yes/no indicator (0 or 100 %) has two classes, whatever the method."""
    class_of = pd.Series(-1, index=values.index, dtype=int)
    class_of.loc[present.index] = (present == 100.0).astype(int)
    return Classes((0.0, 100.0), (0.0, 100.0), class_of, "yes_no", (texts.CLASS_NO, texts.CLASS_YES))


def _years(years: list[int]) -> str:
    return texts.AND.join(str(y) for y in sorted(set(years)))
