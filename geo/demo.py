"""Illustrative data so the map can be shown before the real files are imported.

Nothing here is real except the commune lists and the crosswalk. Two sets, one per
programme period, both stored with source="demo", apart from imported data, and
every frame labelled "Dữ liệu minh họa".

2021-2025, on the 200 old communes: the area categories are drawn at random
(seeded, so the same seed gives the same set) to match only the official totals,
88 KV III / 8 KV II / 103 KV I with Yên Thịnh outside; the 644 villages are
placeholders "Thôn minh họa N" spread 84 / 24 / 536 over the communes of each
category; indicator values scatter around the Resolution's 2020 baselines (or,
where it gives none, around the illustrative centres below).

2026-2030, on the 65 units of 1 July 2025: the per-unit categories of Nghị định
272/2025/NĐ-CP are not public, so each unit's demo category is derived from the
2021-2025 demo categories of the old communes it took whole (their share of KV
III, plus seeded noise) so the two periods look related; it is illustrative,
never official. The 16 units the province's decision lists without villages get
none (and KV I); the other 49 share exactly 385 villages, at least one each, more
in KV III units. A unit keeps demo villages of its old communes by name (some
leave the list, as in reality), topped up with new placeholders numbered after
the 2021-2025 ones. Indicator values are drawn as for 2021-2025, a little
better (five years on) and related to the unit's category; counts (schools,
houses) scale with the number of old communes a unit took whole.

Command: python -m geo.demo [--seed N] [--data-dir DIR] [--no-coordinates]
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
import pandas as pd

import texts
from geo.crosswalk import read_crosswalk
from geo.editors import Editor, command_line_editor
from geo.errors import DataError
from geo.imports.indicator_sheets import COMMUNE_COLUMNS, VILLAGE_COLUMNS
from geo.imports.places import village_key
from geo.imports.reference import Reference
from geo.indicators import COUNT, PERCENT, RATE_CHANGE, YES_NO, Indicator, indicators_for_level
from geo.new_units import WHOLE
from geo.store import Store
from geo.vocabulary import (
    CATEGORIES,
    CATEGORIES_KIND,
    CATEGORY_I,
    CATEGORY_II,
    CATEGORY_III,
    COMMUNE_INDICATORS_KIND,
    DEMO,
    NEW_UNITS_WITHOUT_VILLAGES,
    OFFICIAL_CATEGORY_COUNTS,
    OFFICIAL_VILLAGE_COUNTS,
    PERIOD_2021,
    PERIOD_2026,
    VILLAGE_INDICATORS_KIND,
    VILLAGES_KIND,
)

DEMO_SEED = 2021
LABEL_COLUMN = "data_label"

# Centres for indicators without a 2020 baseline in the indicator's own unit.
# Illustrative only: chosen so the demo map shows gaps on both sides of the targets.
DEMO_CENTRES = {
    "road_village_hardened": 70.0, "cultural_house_standard": 55.0, "arts_club_regular": 45.0,
    "commune_health_standard": 80.0, "new_rural_standard": 33.0, "health_insurance_dtts": 93.0,
    "antenatal_care": 78.0, "underweight_children": 16.0, "vocational_training": 55.0, "tv_radio_access": 95.0,
    "temporary_houses": 4.0, "schools_national_standard": 1.0, "poor_household_reduction": 3.0,
}
VILLAGE_CENTRES = {"electricity_households": 96.0, "temporary_houses": 0.8}
# How much better (+) or worse (-) a commune of each category is drawn, in standard steps.
_CATEGORY_SHIFT = {CATEGORY_III: -1.0, CATEGORY_II: 0.0, CATEGORY_I: 1.0, None: 1.0}


def _centre(ind: Indicator, level: str) -> float:
    if level == "village" and ind.id in VILLAGE_CENTRES:
        return VILLAGE_CENTRES[ind.id]
    if ind.id in DEMO_CENTRES:
        return DEMO_CENTRES[ind.id]
    return float(ind.baseline_2020)


def _draw(ind: Indicator, centre: float | np.ndarray, shift: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One value per unit, better where `shift` is higher."""
    n = len(shift)
    if ind.kind == YES_NO:
        p = np.clip(centre / 100 + 0.12 * shift, 0.03, 0.97)
        return (rng.random(n) < p).astype(float)
    if ind.kind == COUNT:
        lam = centre * np.exp(-0.5 * shift if not ind.higher_is_better else 0.3 * shift)
        return rng.poisson(lam).astype(float)
    if ind.kind == RATE_CHANGE:
        return np.round(np.clip(rng.normal(centre, 1.0, n), -100, 100), 1)
    if ind.kind == PERCENT:
        spread = np.exp(rng.normal(-0.4 * shift, 0.5, n))
        value = 100 - (100 - centre) * spread if ind.higher_is_better else centre * spread
        return np.round(np.clip(value, 0, 100), 2)
    raise ValueError(ind.kind)


def _categories(ref: Reference, rng: np.random.Generator) -> pd.DataFrame:
    codes = list(rng.permutation(ref.area_codes))
    labels = []
    for category in CATEGORIES:
        labels += [category] * OFFICIAL_CATEGORY_COUNTS[category]
    assert len(labels) == len(codes), "official totals must cover every commune of the area"
    frame = pd.DataFrame({"gso_code": codes, "area_category": labels})
    frame["district"] = frame["gso_code"].map(ref.district_of)
    frame["commune"] = frame["gso_code"].map(ref.commune_of)
    order = {code: i for i, code in enumerate(ref.commune_list["gso_code"])}
    frame = frame.sort_values("gso_code", key=lambda s: s.map(order)).reset_index(drop=True)
    return frame[["gso_code", "district", "commune", "area_category"]]


def _villages(ref: Reference, categories: pd.DataFrame, rng: np.random.Generator, communes=None) -> pd.DataFrame:
    per_commune: dict[str, int] = {}
    for category, total in OFFICIAL_VILLAGE_COUNTS.items():
        codes = categories.loc[categories["area_category"] == category, "gso_code"].tolist()
        counts = rng.multinomial(total, [1 / len(codes)] * len(codes))
        per_commune.update(zip(codes, counts))
    rows = []
    for code in ref.commune_list["gso_code"]:
        for _ in range(per_commune.get(code, 0)):
            name = texts.DEMO_VILLAGE_NAME.format(n=len(rows) + 1)
            rows.append({"gso_code": code, "district": ref.district_of(code), "commune": ref.commune_of(code),
                         "village": name, "village_key": village_key(name), "lon": np.nan, "lat": np.nan})
    frame = pd.DataFrame(rows)
    if communes is not None:
        _place_points(frame, communes, rng)
    return frame


def _place_points(villages: pd.DataFrame, communes, rng: np.random.Generator) -> None:
    """A random point inside its commune for each village (rejection sampling)."""
    import shapely

    geometry = communes.set_index("gso_code").geometry
    for i, code in villages["gso_code"].items():
        polygon = geometry.get(code)
        if polygon is None or polygon.is_empty:
            continue
        minx, miny, maxx, maxy = polygon.bounds
        for _ in range(1000):
            x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
            if polygon.contains(shapely.Point(x, y)):
                villages.at[i, "lon"], villages.at[i, "lat"] = round(x, 5), round(y, 5)
                break


def _commune_values(units: pd.DataFrame, categories: pd.DataFrame, villages: pd.DataFrame,
                    rng: np.random.Generator, progress: float = 0.0, sizes: np.ndarray | None = None) -> pd.DataFrame:
    """Commune-level values for `units` (gso_code, district, commune), better by `progress` standard steps;
    counts (schools, houses) scale with `sizes`, the number of old communes a unit stands for."""
    codes = units["gso_code"]
    category_of = dict(zip(categories["gso_code"], categories["area_category"]))
    shift = np.array([_CATEGORY_SHIFT[category_of.get(c)] for c in codes]) + progress
    village_counts = villages.groupby("gso_code").size()
    frames = []
    for ind in indicators_for_level("commune"):
        if ind.kind_at("commune") != ind.kind:
            continue  # shares of villages come from the demo villages, as a real village sheet would give them
        if ind.id == "extremely_disadvantaged":  # consistent with the demo village list
            values = codes.map(village_counts).fillna(0).astype(float).to_numpy()
        else:
            centre = _centre(ind, "commune")
            values = _draw(ind, centre * sizes if ind.kind == COUNT and sizes is not None else centre, shift, rng)
        frames.append(pd.DataFrame({"gso_code": codes, "indicator": ind.id, "value": values}))
    frame = pd.concat(frames, ignore_index=True)
    frame["district"] = frame["gso_code"].map(dict(zip(codes, units["district"])))
    frame["commune"] = frame["gso_code"].map(dict(zip(codes, units["commune"])))
    frame["year"] = pd.array([pd.NA] * len(frame), dtype="Int64")
    return frame[COMMUNE_COLUMNS]


def _village_values(categories: pd.DataFrame, villages: pd.DataFrame, rng: np.random.Generator,
                    progress: float = 0.0) -> pd.DataFrame:
    category_of = dict(zip(categories["gso_code"], categories["area_category"]))
    shift = np.array([_CATEGORY_SHIFT[category_of.get(c)] for c in villages["gso_code"]]) + progress
    frames = []
    for ind in indicators_for_level("village"):
        part = villages[["gso_code", "district", "commune", "village", "village_key"]].copy()
        part["indicator"] = ind.id
        part["value"] = _draw(ind, _centre(ind, "village"), shift, rng)
        frames.append(part)
    frame = pd.concat(frames, ignore_index=True)
    frame["year"] = pd.array([pd.NA] * len(frame), dtype="Int64")
    return frame[VILLAGE_COLUMNS]


def generate_demo(reference: Reference | None = None, seed: int = DEMO_SEED, communes=None) -> dict[str, pd.DataFrame]:
    """The four demo datasets keyed by kind; same seed, same data.

    `communes` (a GeoDataFrame with gso_code and polygons) places each demo
    village at a random point inside its commune; without it they have no position.
    """
    ref = reference or Reference.load()
    rng = np.random.default_rng(seed)
    categories = _categories(ref, rng)
    villages = _villages(ref, categories, rng, communes)
    data = {
        CATEGORIES_KIND: categories,
        VILLAGES_KIND: villages,
        COMMUNE_INDICATORS_KIND: _commune_values(ref.commune_list, categories, villages, rng),
        VILLAGE_INDICATORS_KIND: _village_values(categories, villages, rng),
    }
    for frame in data.values():
        frame[LABEL_COLUMN] = texts.ILLUSTRATIVE
    return data


# --- 2026-2030 on the 65 units ----------------------------------------------------------------------
# Its own generator (seeded from the seed and this number), so the 2021-2025 set stays as it was.
NEW_PERIOD_SEED_SALT = 2026
# Illustrative rules, not Nghị định 272's criteria: an old commune's weight in its unit's score by its
# 2021-2025 demo category, the score above which a unit is drawn KV III / KV II, the noise on the score,
# how many more demo villages a unit of each category draws, and how much better values are five years on.
_CATEGORY_SCORE = {CATEGORY_III: 1.0, CATEGORY_II: 0.5, CATEGORY_I: 0.0}
_SCORE_III, _SCORE_II, _SCORE_NOISE = 0.5, 0.3, 0.15
_VILLAGE_WEIGHT = {CATEGORY_III: 3.0, CATEGORY_II: 1.5, CATEGORY_I: 0.5}
_PROGRESS = 0.3
NO_DISTRICT = ""  # 2026-2030 has no districts


def _new_units(crosswalk: pd.DataFrame) -> pd.DataFrame:
    """gso_code, district (none), commune, whole_codes (old codes taken whole), has_villages; crosswalk order."""
    whole = crosswalk[crosswalk["whole_or_part"] == WHOLE].groupby("new_code")["old_gso_code_2021"].agg(tuple)
    units = crosswalk.drop_duplicates("new_code")[["new_code", "new_commune"]]
    units = units.rename(columns={"new_code": "gso_code", "new_commune": "commune"}).reset_index(drop=True)
    unknown = sorted(set(NEW_UNITS_WITHOUT_VILLAGES) - set(units["commune"]))
    if unknown:
        raise ValueError(f"units without villages not in the crosswalk: {unknown}")
    units.insert(1, "district", NO_DISTRICT)
    units["whole_codes"] = [whole.get(code, ()) for code in units["gso_code"]]
    units["has_villages"] = ~units["commune"].isin(NEW_UNITS_WITHOUT_VILLAGES)
    return units


def _new_categories(units: pd.DataFrame, old_categories: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """One illustrative category per unit, from the 2021-2025 demo categories of its old communes."""
    old = dict(zip(old_categories["gso_code"], old_categories["area_category"]))
    share = np.array([np.mean([_CATEGORY_SCORE.get(old.get(c), 0.0) for c in codes]) if codes else 0.0
                      for codes in units["whole_codes"]])
    score = share + rng.normal(0.0, _SCORE_NOISE, len(units))
    category = np.select([score >= _SCORE_III, score >= _SCORE_II], [CATEGORY_III, CATEGORY_II], CATEGORY_I)
    category = np.where(units["has_villages"], category, CATEGORY_I)  # no such village: not KV III or II
    frame = units[["gso_code", "district", "commune"]].copy()
    frame["area_category"] = category
    return frame


def _new_villages(units: pd.DataFrame, categories: pd.DataFrame, old_villages: pd.DataFrame,
                  rng: np.random.Generator, communes=None) -> pd.DataFrame:
    """Exactly PERIOD_2026.official_village_total villages, at least one in each unit that has any."""
    eligible = units[units["has_villages"]].reset_index(drop=True)
    category_of = dict(zip(categories["gso_code"], categories["area_category"]))
    candidates = [np.flatnonzero(old_villages["gso_code"].isin(codes).to_numpy()) for codes in eligible["whole_codes"]]
    weights = np.array([_VILLAGE_WEIGHT[category_of[code]] * max(len(found), 1)
                        for code, found in zip(eligible["gso_code"], candidates)])
    counts = 1 + rng.multinomial(PERIOD_2026.official_village_total - len(eligible), weights / weights.sum())
    parts, number = [], len(old_villages)
    for unit, count, found in zip(eligible.itertuples(), counts, candidates):
        chosen = np.sort(rng.choice(found, size=min(count, len(found)), replace=False))
        parts.append(old_villages.iloc[chosen].assign(gso_code=unit.gso_code, district=unit.district,
                                                      commune=unit.commune))
        added = []
        for _ in range(count - len(chosen)):
            number += 1
            name = texts.DEMO_VILLAGE_NAME.format(n=number)
            added.append({"gso_code": unit.gso_code, "district": unit.district, "commune": unit.commune,
                          "village": name, "village_key": village_key(name), "lon": np.nan, "lat": np.nan,
                          "host": rng.choice(unit.whole_codes)})
        if added:
            parts.append(pd.DataFrame(added))
    villages = pd.concat(parts, ignore_index=True)
    added = villages["host"].notna() if "host" in villages else pd.Series(False, index=villages.index)
    if communes is not None and added.any():  # inside one of the old communes its unit took whole
        placed = villages.loc[added, ["host", "lon", "lat"]].rename(columns={"host": "gso_code"})
        _place_points(placed, communes, rng)
        villages.loc[added, ["lon", "lat"]] = placed[["lon", "lat"]]
    return villages[old_villages.columns]


def generate_new_period_demo(old_demo: dict[str, pd.DataFrame], crosswalk: pd.DataFrame,
                             seed: int = DEMO_SEED, communes=None) -> dict[str, pd.DataFrame]:
    """The four 2026-2030 demo datasets on the units of `crosswalk` (geo.crosswalk), derived from the
    2021-2025 demo set `old_demo` (generate_demo, same `communes`); same seed, same data."""
    rng = np.random.default_rng([seed, NEW_PERIOD_SEED_SALT])
    units = _new_units(crosswalk)
    categories = _new_categories(units, old_demo[CATEGORIES_KIND], rng)
    villages = _new_villages(units, categories, old_demo[VILLAGES_KIND].drop(columns=LABEL_COLUMN), rng, communes)
    data = {
        CATEGORIES_KIND: categories,
        VILLAGES_KIND: villages,
        COMMUNE_INDICATORS_KIND: _commune_values(units, categories, villages, rng, _PROGRESS,
                                                 np.array([max(len(codes), 1) for codes in units["whole_codes"]])),
        VILLAGE_INDICATORS_KIND: _village_values(categories, villages, rng, _PROGRESS),
    }
    for frame in data.values():
        frame[LABEL_COLUMN] = texts.ILLUSTRATIVE
    return data


def store_demo(store: Store, reference: Reference | None = None, seed: int = DEMO_SEED,
               communes=None, crosswalk: pd.DataFrame | None = None, *, by: Editor) -> dict[str, dict[str, int]]:
    """Generate and save the demo sets of both periods under source="demo" (2021-2025 first), recorded as
    `by`'s doing; returns, per period key, the version id per kind. `crosswalk` defaults to the data
    folder's one."""
    old = generate_demo(reference, seed, communes)
    new = generate_new_period_demo(old, _load_crosswalk() if crosswalk is None else crosswalk, seed, communes)
    name = texts.DEMO_FILE_NAME  # the seed stays in the stored content, out of what the history shows
    versions = {}
    for period, data, content in ((PERIOD_2021.key, old, f"geo.demo seed={seed}"),
                                  (PERIOD_2026.key, new, f"geo.demo seed={seed} period={PERIOD_2026.key}")):
        versions[period] = {kind: store.save(kind, DEMO, frame, name, content.encode(), period=period, by=by)
                            for kind, frame in data.items()}
    return versions


def _load_crosswalk() -> pd.DataFrame:
    from geo.datadir import find_data_file
    from geo.province import FILES

    return read_crosswalk(find_data_file(FILES["crosswalk"]))


def _load_commune_polygons(reference: Reference):
    from geo.boundaries import read_communes
    from geo.datadir import find_data_file
    from geo.province import FILES

    try:
        return read_communes(find_data_file(FILES["communes"]), reference.commune_list)
    except DataError:
        return None  # villages then get no position; the rest of the demo still works


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.demo", description=texts.DEMO_CATEGORY_NOTE)
    parser.add_argument("--seed", type=int, default=DEMO_SEED)
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--no-coordinates", action="store_true")
    args = parser.parse_args(argv)
    reference = Reference.load()
    communes = None if args.no_coordinates else _load_commune_polygons(reference)
    store = Store.default(args.data_dir)
    versions = store_demo(store, reference, args.seed, communes, by=command_line_editor())
    rows = store.history(source=DEMO).set_index("version_id")["row_count"]
    summary = "\n" + "\n".join(texts.DEMO_PERIOD_SUMMARY.format(period=period, summary="; ".join(
        texts.DEMO_SUMMARY_ITEM.format(dataset=texts.DATASET_LABELS[period][kind], rows=rows[version],
                                       version=version)
        for kind, version in kinds.items())) for period, kinds in versions.items())
    print(texts.DEMO_DONE.format(label=texts.ILLUSTRATIVE, path=store.path, summary=summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
