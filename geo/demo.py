"""Illustrative data so the map can be shown before the real files are imported.

Nothing here is real except the commune list. The area categories are drawn at
random (seeded, so the same seed gives the same set) to match only the official
totals, 88 KV III / 8 KV II / 103 KV I with Yên Thịnh outside; the 644 villages
are placeholders "Thôn minh họa N" spread 84 / 24 / 536 over the communes of
each category; indicator values scatter around the Resolution's 2020 baselines
(or, where it gives none, around the illustrative centres below). Every frame
carries the label "Dữ liệu minh họa" and is stored with source="demo", apart
from imported data.

Command: python -m geo.demo [--seed N] [--data-dir DIR] [--no-coordinates]
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
import pandas as pd

import texts
from geo.errors import DataError
from geo.imports.indicator_sheets import COMMUNE_COLUMNS, VILLAGE_COLUMNS
from geo.imports.places import village_key
from geo.imports.reference import Reference
from geo.indicators import COUNT, PERCENT, RATE_CHANGE, YES_NO, Indicator, indicators_for_level
from geo.store import Store
from geo.vocabulary import (
    CATEGORIES,
    CATEGORIES_KIND,
    CATEGORY_I,
    CATEGORY_II,
    CATEGORY_III,
    COMMUNE_INDICATORS_KIND,
    DEMO,
    OFFICIAL_CATEGORY_COUNTS,
    OFFICIAL_VILLAGE_COUNTS,
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


def _draw(ind: Indicator, centre: float, shift: np.ndarray, rng: np.random.Generator) -> np.ndarray:
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


def _commune_values(ref: Reference, categories: pd.DataFrame, villages: pd.DataFrame,
                    rng: np.random.Generator) -> pd.DataFrame:
    codes = ref.commune_list["gso_code"]
    category_of = dict(zip(categories["gso_code"], categories["area_category"]))
    shift = np.array([_CATEGORY_SHIFT[category_of.get(c)] for c in codes])
    village_counts = villages.groupby("gso_code").size()
    frames = []
    for ind in indicators_for_level("commune"):
        if ind.kind_at("commune") != ind.kind:
            continue  # shares of villages come from the demo villages, as a real village sheet would give them
        if ind.id == "extremely_disadvantaged":  # consistent with the demo village list
            values = codes.map(village_counts).fillna(0).astype(float).to_numpy()
        else:
            values = _draw(ind, _centre(ind, "commune"), shift, rng)
        frames.append(pd.DataFrame({"gso_code": codes, "indicator": ind.id, "value": values}))
    frame = pd.concat(frames, ignore_index=True)
    frame["district"] = frame["gso_code"].map(ref.district_of)
    frame["commune"] = frame["gso_code"].map(ref.commune_of)
    frame["year"] = pd.array([pd.NA] * len(frame), dtype="Int64")
    return frame[COMMUNE_COLUMNS]


def _village_values(categories: pd.DataFrame, villages: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    category_of = dict(zip(categories["gso_code"], categories["area_category"]))
    shift = np.array([_CATEGORY_SHIFT[category_of.get(c)] for c in villages["gso_code"]])
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
        COMMUNE_INDICATORS_KIND: _commune_values(ref, categories, villages, rng),
        VILLAGE_INDICATORS_KIND: _village_values(categories, villages, rng),
    }
    for frame in data.values():
        frame[LABEL_COLUMN] = texts.ILLUSTRATIVE
    return data


def store_demo(store: Store, reference: Reference | None = None, seed: int = DEMO_SEED,
               communes=None) -> dict[str, int]:
    """Generate and save the demo set under source="demo"; returns the version id per kind."""
    data = generate_demo(reference, seed, communes)
    name = texts.DEMO_FILE_NAME.format(seed=seed)
    content = f"geo.demo seed={seed}".encode()
    return {kind: store.save(kind, DEMO, frame, name, content) for kind, frame in data.items()}


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
    versions = store_demo(store, reference, args.seed, communes)
    rows = store.history(source=DEMO).set_index("version_id")["row_count"]
    summary = "; ".join(texts.DEMO_SUMMARY_ITEM.format(
        dataset=texts.DATASET_LABELS[kind], rows=rows[version], version=version) for kind, version in versions.items())
    print(texts.DEMO_DONE.format(label=texts.ILLUSTRATIVE, path=store.path, summary=summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
