"""The programme data on the map: area categories, villages and indicators of ONE source.

A map shows either the province's imported files or the illustrative demo set,
never a mix: `load_programme(store, source, period)` reads every kind from that one
source and period, and `commune_table` joins it onto the 200 communes by GSO code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from geo.errors import StoreError
from geo.indicators import INDICATORS, YES_NO, roll_up_villages
from geo.store import Store
from geo.vocabulary import (
    CATEGORIES_KIND,
    COMMUNE_INDICATORS_KIND,
    DEMO,
    IMPORTED,
    KINDS,
    OUTSIDE_AREA,
    PERIOD_2021,
    PERIOD_2026,
    VILLAGE_INDICATORS_KIND,
    VILLAGES_KIND,
)


@dataclass
class Programme:
    source: str | None  # IMPORTED, DEMO, or None when nothing is stored
    categories: pd.DataFrame  # gso_code, area_category
    villages: pd.DataFrame  # gso_code, village[, lon, lat]
    commune_indicators: pd.DataFrame  # long: gso_code, indicator, value
    village_indicators: pd.DataFrame  # long: gso_code, village, indicator, value
    files: dict[str, str] = field(default_factory=dict)  # kind -> file name of the current version
    # Set when the map shows 2021-2025 data carried over to the new units (geo/carry_over.py): how each
    # indicator was combined, in words; the frames above are then those of 2021-2025.
    carried_rules: dict[str, str] | None = None

    @property
    def is_empty(self) -> bool:
        return self.carried_rules is None and all(
            frame.empty for frame in (self.categories, self.villages, self.commune_indicators,
                                      self.village_indicators))

    @property
    def illustrative(self) -> bool:
        return self.source == DEMO


def _in_use(store: Store) -> dict[tuple[str, str, str], int]:
    """The store's current versions; none when it cannot be read (the page says why: ui.state.store_fault)."""
    try:
        return store.current_versions()
    except StoreError:
        return {}


def default_period(store: Store) -> str:
    """2026-2030, the period the province steers by, unless the store holds nothing for it and
    something for 2021-2025."""
    periods = {period for _, _, period in _in_use(store)}
    return PERIOD_2021.key if periods == {PERIOD_2021.key} else PERIOD_2026.key


def default_source(store: Store, period: str) -> str | None:
    """Imported data if the province has imported anything for `period`, else the demo set."""
    in_use = {source for _, source, in_period in _in_use(store) if in_period == period}
    return next((source for source in (IMPORTED, DEMO) if source in in_use), None)


def empty_programme(source: str | None = None) -> Programme:
    """No lists and no values (of `source`, if named)."""
    return Programme(source=source, categories=pd.DataFrame(columns=["gso_code", "area_category"]),
                     villages=pd.DataFrame(columns=["gso_code", "village"]),
                     commune_indicators=pd.DataFrame(columns=["gso_code", "indicator", "value"]),
                     village_indicators=pd.DataFrame(columns=["gso_code", "village", "indicator", "value"]))


def load_programme(store: Store, source: str | None, period: str) -> Programme:
    """Every kind of data of one source and period; the periods' units differ, so they never mix (some new
    units reuse an old commune's code: 06040 was xã Đại Đồng, and is xã Thất Khê since 2025)."""
    nothing = empty_programme()
    empty = {CATEGORIES_KIND: nothing.categories, VILLAGES_KIND: nothing.villages,
             COMMUNE_INDICATORS_KIND: nothing.commune_indicators, VILLAGE_INDICATORS_KIND: nothing.village_indicators}
    frames, files = {}, {}
    history = store.history(source=source, period=period) if source else pd.DataFrame()
    for kind in KINDS:
        frame = store.current(kind, source, period) if source else None
        frames[kind] = empty[kind] if frame is None else frame
        if frame is not None and not history.empty:
            current = history[(history.kind == kind) & history.is_current]
            if not current.empty:
                files[kind] = str(current.iloc[0]["file_name"])
    return Programme(source=source, categories=frames[CATEGORIES_KIND], villages=frames[VILLAGES_KIND],
                     commune_indicators=frames[COMMUNE_INDICATORS_KIND],
                     village_indicators=frames[VILLAGE_INDICATORS_KIND], files=files)


def commune_values(programme: Programme) -> pd.DataFrame:
    """Wide table, index gso_code, one column per indicator, in the unit the map shows.

    Village values roll up to communes as the catalogue says; commune yes/no
    values become 0 or 100 (%) so that a 100 % target reads "this commune has it";
    a village indicator reported per commune is already a share of villages (%).
    A commune value given directly (the department's own count over all the
    commune's villages) wins over a roll-up of the villages listed, which may
    cover only some of them (e.g. only the extremely disadvantaged ones).
    Where a sheet gives several years, the map shows the latest one.
    """
    direct = latest_year(programme.commune_indicators, ["gso_code", "indicator"])[["gso_code", "indicator", "value"]]
    direct["value"] = pd.to_numeric(direct["value"], errors="coerce")
    yes_no = direct["indicator"].map(lambda i: i in INDICATORS and INDICATORS[i].kind_at("commune") == YES_NO)
    direct.loc[yes_no, "value"] = direct.loc[yes_no, "value"] * 100.0
    village = latest_year(programme.village_indicators, ["gso_code", "village", "indicator"])
    rolled = roll_up_villages(village[["gso_code", "indicator", "value"]].assign(
        value=pd.to_numeric(village["value"], errors="coerce"))) if not village.empty else \
        pd.DataFrame(columns=["gso_code", "indicator", "value"])
    combined = pd.concat([rolled[["gso_code", "indicator", "value"]], direct], ignore_index=True)
    combined = combined.drop_duplicates(["gso_code", "indicator"], keep="last")
    if combined.empty:
        return pd.DataFrame()
    return combined.pivot(index="gso_code", columns="indicator", values="value")


def latest_year(values: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per `keys`: the latest year's value (a value without a year counts as oldest)."""
    if "year" not in values.columns or values.empty:
        return values.copy()
    years = pd.to_numeric(values["year"], errors="coerce").fillna(-1)
    order = values.assign(_year=years).sort_values("_year", kind="stable")
    return order.drop_duplicates(keys, keep="last").drop(columns="_year").sort_index()


def commune_table(communes: pd.DataFrame, programme: Programme) -> pd.DataFrame:
    """One row per commune: names, district, border, category, villages, indicator values."""
    table = communes[["gso_code", "commune", "commune_type", "district", "is_border", "border_sourced",
                      "border_computed", "border_status", "counterpart"]].copy()
    table["in_area"] = [(c, d) not in OUTSIDE_AREA for c, d in zip(table["commune"], table["district"])]
    categories = programme.categories.drop_duplicates("gso_code").set_index("gso_code")["area_category"]
    table["area_category"] = table["gso_code"].map(categories)
    table["area_category"] = table["area_category"].where(table["area_category"].notna(), None)
    villages = programme.villages.groupby("gso_code")["village"]
    table["n_villages"] = table["gso_code"].map(villages.size()).fillna(0).astype(int)
    names = table["gso_code"].map(villages.agg(lambda s: "; ".join(map(str, s))))
    table["village_names"] = names.astype(object).where(names.notna(), "")
    values = commune_values(programme)
    for column in values.columns:
        table[column] = table["gso_code"].map(values[column])
    return table.reset_index(drop=True)


def indicators_with_values(table: pd.DataFrame) -> list[str]:
    """Catalogue order, only the indicators at least one commune has a value for."""
    return [i for i in INDICATORS if i in table.columns and table[i].notna().any()]
