"""Indicator values of a group of units rolled up by the catalogue's rule (geo/roll_up.py), against sums and
means worked out by hand from a small table."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from geo import carry_over
from geo.indicators import INDICATORS
from geo.roll_up import RolledUp, roll_up, roll_up_units

NAN = float("nan")
# Units a, b, c in group X, d in group Y; values as the table under the map stores them (yes/no as 0 or 100).
TABLE = pd.DataFrame({
    "gso_code": ["a", "b", "c", "d"],
    "group": ["X", "X", "X", "Y"],
    "temporary_houses": [3.0, 5.0, NAN, 2.0],  # SUM
    "commune_health_standard": [100.0, 0.0, 100.0, 100.0],  # SHARE_OF_COMMUNES
    "electricity_households": [90.0, 96.0, 99.0, NAN],  # MEAN
    "road_village_hardened": [50.0, 100.0, NAN, 40.0],  # SHARE_OF_VILLAGES
    "forest_cover": [60.0, 61.0, 62.0, 63.0],  # NONE: the province's only
})
X = TABLE[TABLE["group"] == "X"]


def test_counts_add_up_over_the_units_that_gave_one():
    assert roll_up_units(X, ["temporary_houses"])["temporary_houses"] == RolledUp(8.0, 2, 3, False)


def test_a_yes_no_is_the_share_of_units_that_have_it_exactly():
    rolled = roll_up(X["commune_health_standard"], INDICATORS["commune_health_standard"])
    assert math.isclose(rolled.value, 200 / 3) and (rolled.given, rolled.units, rolled.estimated) == (3, 3, False)
    assert rolled.complete


def test_a_yes_no_that_is_already_a_share_is_estimated():
    """A unit's value that is neither 0 nor 100 (a share carried over from old communes) is not a yes/no."""
    rolled = roll_up(pd.Series([100.0, 50.0]), INDICATORS["commune_health_standard"])
    assert rolled.value == 75.0 and rolled.estimated


@pytest.mark.parametrize("indicator, value, given", [("electricity_households", 95.0, 3),
                                                      ("road_village_hardened", 75.0, 2)])
def test_means_and_shares_of_villages_are_unweighted_means_marked_estimated(indicator, value, given):
    rolled = roll_up_units(X, [indicator])[indicator]
    assert (rolled.value, rolled.given, rolled.units, rolled.estimated) == (value, given, 3, True)
    assert rolled.complete == (given == 3)


def test_province_only_indicators_are_not_rolled_up_and_no_value_is_nan():
    assert roll_up(X["forest_cover"], INDICATORS["forest_cover"]) is None
    assert "forest_cover" not in roll_up_units(X, ["forest_cover", "temporary_houses"])
    nothing = roll_up(pd.Series([NAN, NAN]), INDICATORS["electricity_households"])
    assert math.isnan(nothing.value) and (nothing.given, nothing.units, nothing.estimated) == (0, 2, False)
    absent = roll_up_units(X, ["antenatal_care"])["antenatal_care"]  # no column: no unit gave one
    assert math.isnan(absent.value) and absent.given == 0


def test_carry_over_marks_the_same_unweighted_means_estimated():
    """The rule both share: an unweighted mean for want of weights is estimated; carrying over also marks a
    share of old communes standing for one unit."""
    assert carry_over.ESTIMATED_RULES == {carry_over.RULE_VILLAGE_SHARE_MEAN, carry_over.RULE_MEAN,
                                          carry_over.RULE_COMMUNE_SHARE}
