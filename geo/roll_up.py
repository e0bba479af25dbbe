"""Indicator values of a group of units (a district, a former district) rolled up from the units' own.

The catalogue says how a value rolls up to the level above (`Indicator.aggregate`): counts add up (SUM);
a commune yes/no, stored per unit as 0 or 100 (geo.programme.commune_values), becomes the share of the units
that have it (SHARE_OF_COMMUNES), exact while every unit's value is 0 or 100; a share of villages and a mean
of percentages are the unweighted mean of the units' values (SHARE_OF_VILLAGES, MEAN) and are *estimated*:
the weights a correct mean needs (each unit's villages, its population) are not in the data, as in
geo.carry_over. NONE is measured for the province only and is not rolled up. A unit without a value is left
out, and the result says how many units gave one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.indicators import INDICATORS, MEAN, NONE, SHARE_OF_COMMUNES, SHARE_OF_VILLAGES, SUM, Indicator

# Aggregates rolled up as an unweighted mean for want of the weights: estimated wherever they are combined
# (here, and in geo.carry_over).
UNWEIGHTED_MEANS = frozenset({SHARE_OF_VILLAGES, MEAN})
YES_VALUES = (0.0, 100.0)  # a unit's yes/no as the table stores it


@dataclass(frozen=True)
class RolledUp:
    """One indicator of a group: its value (NaN when no unit gave one), how many of the group's units gave a
    value, and whether the value is estimated."""

    value: float
    given: int
    units: int
    estimated: bool

    @property
    def complete(self) -> bool:
        return self.given == self.units


def roll_up(values: pd.Series, indicator: Indicator) -> RolledUp | None:
    """`values`: one per unit of the group (NaN where a unit has none). None for an indicator measured for the
    province only (NONE)."""
    if indicator.aggregate == NONE:
        return None
    numbers = pd.to_numeric(values, errors="coerce").astype(float)
    given = numbers.dropna()
    if given.empty:
        value = float("nan")
    elif indicator.aggregate == SUM:
        value = float(given.sum())
    else:
        value = float(given.mean())
    estimated = indicator.aggregate in UNWEIGHTED_MEANS or (
        indicator.aggregate == SHARE_OF_COMMUNES and not np.isin(given.to_numpy(), YES_VALUES).all())
    return RolledUp(value=value, given=len(given), units=len(numbers), estimated=bool(estimated and len(given)))


def roll_up_units(table: pd.DataFrame, indicator_ids: Iterable[str]) -> dict[str, RolledUp]:
    """Per indicator of `indicator_ids` (catalogue ids) that rolls up, the group of `table`'s rows (one per
    unit) rolled up; an indicator the table has no column for counts as no unit giving a value."""
    out = {}
    for indicator_id in indicator_ids:
        values = table[indicator_id] if indicator_id in table else pd.Series(np.nan, index=table.index)
        rolled = roll_up(values, INDICATORS[indicator_id])
        if rolled is not None:
            out[indicator_id] = rolled
    return out

