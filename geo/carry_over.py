"""2021-2025 programme data shown on the 65 units of 1 July 2025.

Counts add up over the old communes a unit took whole; rates are combined with
the rule the indicator catalogue states (`Indicator.aggregate`). Where the weight
a correct mean needs is not in the data (an old commune's total number of
villages, its population), the value is an unweighted mean and is *estimated*.
An old commune split between two units (Bính Xá, Kiên Mộc, Đại Đồng) cannot be
divided: its villages and values go to neither unit, whose numbers are then
*approximate*, and its villages are listed as unplaced.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

import texts
from geo.indicators import INDICATORS, MEAN, NONE, SHARE_OF_COMMUNES, SHARE_OF_VILLAGES, SUM
from geo.new_units import PART, WHOLE
from geo.programme import Programme, commune_values, latest_year
from geo.roll_up import UNWEIGHTED_MEANS
from geo.vocabulary import CATEGORY_I, CATEGORY_II, CATEGORY_III

# How one carried value was combined: the keys of texts.CARRY_OVER_RULES.
RULE_SUM = "sum"  # counts add up: exact
RULE_VILLAGES = "villages"  # share of villages recomputed over the villages themselves: exact
RULE_VILLAGE_SHARE_MEAN = "village_share_mean"  # unweighted mean of the old communes' shares of villages
RULE_COMMUNE_SHARE = "commune_share"  # % of the old communes that had it (the unit is one commune now)
RULE_MEAN = "mean"  # unweighted mean of the old communes' values (no population weights)
RULES = (RULE_SUM, RULE_VILLAGES, RULE_VILLAGE_SHARE_MEAN, RULE_COMMUNE_SHARE, RULE_MEAN)
# The rule of each catalogue aggregate; a share of villages is RULE_VILLAGES where village rows allow it.
RULE_OF_AGGREGATE = {SUM: RULE_SUM, SHARE_OF_VILLAGES: RULE_VILLAGE_SHARE_MEAN,
                     SHARE_OF_COMMUNES: RULE_COMMUNE_SHARE, MEAN: RULE_MEAN}  # NONE: not carried
# Estimated: the unweighted means (no weights in the data, as for a district: geo.roll_up), and a share of old
# communes standing for a unit that is one commune now.
ESTIMATED_RULES = frozenset({RULE_OF_AGGREGATE[a] for a in UNWEIGHTED_MEANS} | {RULE_COMMUNE_SHARE})
CATEGORY_COLUMNS = {CATEGORY_III: "kv3_old_communes", CATEGORY_II: "kv2_old_communes",
                    CATEGORY_I: "kv1_old_communes"}


@dataclass(frozen=True)
class CarriedOver:
    """2021-2025 data on the new units; see `carry_over` for the columns."""

    units: pd.DataFrame
    values: pd.DataFrame
    unplaced_villages: pd.DataFrame


def carry_over(programme: Programme, old_communes: pd.DataFrame, crosswalk: pd.DataFrame) -> CarriedOver:
    """The 2021-2025 `programme` (keyed by 2021 codes) on the units of `crosswalk` (geo.crosswalk).

    `old_communes`: the 200 old communes (gso_code, commune, district), for names.
    - units: one row per new unit, crosswalk order: gso_code (new_code), alt_code, commune, n_old_communes
      (taken whole), n_villages (extremely disadvantaged villages of 2021-2025 in those), kv3_old_communes,
      kv2_old_communes, kv1_old_communes, approximate, split_old_codes (tuple), approximate_note
      (Vietnamese, "" when exact), then one column per carried indicator in catalogue order.
    - values: one row per (unit, indicator) with a value: gso_code, indicator, value, rule (RULES),
      n_old_communes (how many gave a value), estimated, approximate, rule_note and marks (Vietnamese).
    - unplaced_villages: old_code, old_commune, old_district, village, new_codes, new_names (tuples).
    """
    whole = crosswalk.loc[crosswalk["whole_or_part"] == WHOLE, ["new_code", "old_gso_code_2021"]]
    whole = whole.rename(columns={"old_gso_code_2021": "old_code"})
    names = old_communes.set_index("gso_code")["commune"]
    units = _unit_counts(programme, crosswalk, whole, names)
    values = _combined_values(programme, whole)
    values["approximate"] = values["gso_code"].map(units.set_index("gso_code")["approximate"]).astype(bool)
    values["rule_note"] = values["rule"].map(texts.CARRY_OVER_RULES)
    values["marks"] = [", ".join(word for word, on in ((texts.ESTIMATED_MARK, estimated),
                                                       (texts.APPROXIMATE_MARK, approximate)) if on)
                       for estimated, approximate in zip(values["estimated"], values["approximate"])]
    wide = values.pivot(index="gso_code", columns="indicator", values="value")
    for indicator in (i for i in INDICATORS if i in wide.columns):
        units[indicator] = units["gso_code"].map(wide[indicator])
    return CarriedOver(units, values, _unplaced_villages(programme.villages, crosswalk, old_communes))


def _unit_counts(programme: Programme, crosswalk: pd.DataFrame, whole: pd.DataFrame,
                 names: pd.Series) -> pd.DataFrame:
    """Per unit: old communes taken whole, their villages and categories, and the split ones left out."""
    units = crosswalk.drop_duplicates("new_code")[["new_code", "new_code_vietnam_provinces", "new_commune"]]
    units = units.rename(columns={"new_code": "gso_code", "new_code_vietnam_provinces": "alt_code",
                                  "new_commune": "commune"}).reset_index(drop=True)
    units["n_old_communes"] = _per_unit(units, whole.groupby("new_code").size())
    villages = whole["old_code"].map(programme.villages.groupby("gso_code").size()).fillna(0)
    units["n_villages"] = _per_unit(units, villages.groupby(whole["new_code"]).sum())
    categories = programme.categories.drop_duplicates("gso_code").set_index("gso_code")["area_category"]
    category = whole["old_code"].map(categories)
    for name, column in CATEGORY_COLUMNS.items():
        units[column] = _per_unit(units, whole[category == name].groupby("new_code").size())
    split = crosswalk[crosswalk["whole_or_part"] == PART].groupby("new_code")["old_gso_code_2021"].agg(tuple)
    units["split_old_codes"] = [split.get(code, ()) for code in units["gso_code"]]
    units["approximate"] = units["split_old_codes"].map(bool)
    units["approximate_note"] = [
        texts.CARRY_OVER_APPROXIMATE.format(communes=", ".join(names[code] for code in codes)) if codes else ""
        for codes in units["split_old_codes"]]
    return units


def _per_unit(units: pd.DataFrame, counts: pd.Series) -> pd.Series:
    """`counts` indexed by new code, as whole numbers on the units' rows (0 where a unit has none)."""
    return units["gso_code"].map(counts).fillna(0).astype(int)


def _combined_values(programme: Programme, whole: pd.DataFrame) -> pd.DataFrame:
    """Per (unit, indicator): the old communes' values combined with the catalogue's rule."""
    columns = ["gso_code", "indicator", "value", "rule", "n_old_communes", "estimated"]
    old = _old_commune_values(programme)
    old = old[old["indicator"].isin([i for i, ind in INDICATORS.items() if ind.aggregate != NONE])]
    placed = old.merge(whole, left_on="gso_code", right_on="old_code")
    if placed.empty:
        return pd.DataFrame(columns=columns)
    combined = placed.groupby(["new_code", "indicator"]).agg(
        total=("value", "sum"), mean=("value", "mean"), n_old_communes=("value", "size"),
        all_from_villages=("from_villages", "all")).reset_index().rename(columns={"new_code": "gso_code"})
    aggregate = combined["indicator"].map(lambda i: INDICATORS[i].aggregate)
    combined["rule"] = aggregate.map(RULE_OF_AGGREGATE)
    combined.loc[(aggregate == SHARE_OF_VILLAGES) & combined["all_from_villages"], "rule"] = RULE_VILLAGES
    pooled = _village_shares(programme, old[old["from_villages"]], whole)
    keys = pd.MultiIndex.from_frame(combined[["gso_code", "indicator"]])
    combined["value"] = combined["mean"].where(combined["rule"] != RULE_SUM, combined["total"])
    exact_share = (combined["rule"] == RULE_VILLAGES).to_numpy()
    combined.loc[exact_share, "value"] = pooled.reindex(keys[exact_share]).to_numpy()
    combined["estimated"] = combined["rule"].isin(ESTIMATED_RULES)
    return combined[columns]


def _old_commune_values(programme: Programme) -> pd.DataFrame:
    """gso_code, indicator, value, from_villages: each old commune's value as the 2021-2025 map shows it
    (geo.programme.commune_values: a commune's own value wins over its villages' roll-up)."""
    wide = commune_values(programme)
    if wide.empty:
        return pd.DataFrame(columns=["gso_code", "indicator", "value", "from_villages"])
    old = wide.rename_axis(index="gso_code", columns="indicator").reset_index().melt(
        id_vars="gso_code", var_name="indicator", value_name="value").dropna(subset=["value"])
    pairs = pd.MultiIndex.from_frame(old[["gso_code", "indicator"]])
    from_villages = pairs.isin(_pairs(programme.village_indicators)) & ~pairs.isin(
        _pairs(programme.commune_indicators))
    return old.assign(from_villages=from_villages).reset_index(drop=True)


def _pairs(values: pd.DataFrame) -> pd.MultiIndex:
    return pd.MultiIndex.from_frame(values[["gso_code", "indicator"]].astype(str))


def _village_shares(programme: Programme, sources: pd.DataFrame, whole: pd.DataFrame) -> pd.Series:
    """% of villages with a "yes", pooled over the villages of a unit's old communes, by (unit, indicator).

    Only the villages of `sources` count: the (old commune, indicator) pairs whose value came from them.
    """
    village = latest_year(programme.village_indicators, ["gso_code", "village", "indicator"])
    village = village.assign(value=pd.to_numeric(village["value"], errors="coerce")).dropna(subset=["value"])
    village = village.merge(sources[["gso_code", "indicator"]], on=["gso_code", "indicator"])
    village = village.merge(whole, left_on="gso_code", right_on="old_code")
    return 100.0 * village.groupby(["new_code", "indicator"])["value"].mean()


UNPLACED_COLUMNS = ("old_code", "old_commune", "old_district", "village", "new_codes", "new_names")


def _unplaced_villages(villages: pd.DataFrame, crosswalk: pd.DataFrame, old_communes: pd.DataFrame) -> pd.DataFrame:
    """The villages of old communes split between two units: no unit can be named for them."""
    split = crosswalk[crosswalk["whole_or_part"] == PART].groupby("old_gso_code_2021").agg(
        new_codes=("new_code", tuple), new_names=("new_commune", tuple))
    rows = villages[villages["gso_code"].isin(split.index)].sort_values("gso_code", kind="stable")
    old = old_communes.set_index("gso_code")
    unplaced = pd.DataFrame({"old_code": rows["gso_code"], "old_commune": rows["gso_code"].map(old["commune"]),
                             "old_district": rows["gso_code"].map(old["district"]), "village": rows["village"]})
    return unplaced.join(split, on="old_code").reset_index(drop=True)[list(UNPLACED_COLUMNS)]


def carried_table(table: pd.DataFrame, carried: CarriedOver) -> pd.DataFrame:
    """The units' table (geo.programme.commune_table of the 65 units, with no lists of their own) with the
    2021-2025 data carried over: that period's extremely disadvantaged villages and each carried indicator.
    The category stays unknown: the 2026-2030 categories are the province's to import, not derived."""
    units = carried.units.set_index("gso_code")
    out = table.copy()
    out["n_villages"] = out["gso_code"].map(units["n_villages"]).fillna(0).astype(int)
    for indicator in (column for column in units.columns if column in INDICATORS):
        out[indicator] = out["gso_code"].map(units[indicator])
    out["carry_note"] = out["gso_code"].map(units["approximate_note"]).fillna("")
    return out


def rule_notes(carried: CarriedOver) -> dict[str, str]:
    """Per carried indicator, how its values were combined (the rules used, in words), for legends."""
    rules = carried.values.groupby("indicator")["rule"].agg(lambda found: tuple(dict.fromkeys(found)))
    return {indicator: "; ".join(texts.CARRY_OVER_RULES[rule] for rule in found) for indicator, found in rules.items()}
