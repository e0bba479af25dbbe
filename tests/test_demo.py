"""Demo data: official totals exactly, placeholders only, labelled, reproducible, stored apart."""

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from geo.boundaries import read_communes
from geo.demo import LABEL_COLUMN, generate_demo, store_demo
from geo.imports.categories import COLUMNS as CATEGORY_COLUMNS
from geo.imports.problems import ProblemLog
from geo.imports.totals import compare_categories, compare_villages
from geo.imports.villages import COLUMNS as VILLAGE_COLUMNS
from geo.indicators import INDICATORS
from geo.store import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo(reference):
    return generate_demo(reference, seed=7)


def test_categories_have_exactly_the_official_totals(demo, reference):
    cats = demo["categories"]
    assert cats["area_category"].value_counts().to_dict() == {"III": 88, "I": 103, "II": 8}
    assert set(cats["gso_code"]) == set(reference.area_codes)  # 199, Yên Thịnh outside
    assert not reference.outside_codes & set(cats["gso_code"])
    log = ProblemLog("demo")
    assert compare_categories(cats, reference, log)["difference"].tolist() == [0, 0, 0] and not log.problems


def test_villages_follow_the_official_split(demo, reference):
    villages = demo["villages"]
    assert len(villages) == 644
    log = ProblemLog("demo")
    summary = compare_villages(villages, reference, log, demo["categories"])
    assert summary["difference"].tolist() == [0, 0, 0, 0] and not log.problems
    assert villages["village"].tolist() == [f"Thôn minh họa {n}" for n in range(1, 645)]
    assert all(re.fullmatch(r"Thôn minh họa \d+", name) for name in villages["village"])


def test_same_columns_as_imported_data(demo):
    assert list(demo["categories"].columns) == CATEGORY_COLUMNS + [LABEL_COLUMN]
    assert list(demo["villages"].columns) == VILLAGE_COLUMNS + [LABEL_COLUMN]


def test_everything_is_labelled(demo):
    for frame in demo.values():
        assert set(frame[LABEL_COLUMN]) == {"Dữ liệu minh họa"}


def test_values_are_plausible_and_in_range(demo):
    for kind in ("indicators_commune", "indicators_village"):
        frame = demo[kind]
        for ind_id, group in frame.groupby("indicator"):
            ind = INDICATORS[ind_id]
            low, high = ind.value_range
            assert group["value"].between(low, high).all(), ind_id
            if ind.kind == "yes_no":
                assert set(group["value"]) <= {0.0, 1.0}
    commune = demo["indicators_commune"]
    electricity = commune[commune["indicator"] == "electricity_households"]["value"]
    assert abs(electricity.median() - INDICATORS["electricity_households"].baseline_2020) < 2
    counts = commune[commune["indicator"] == "extremely_disadvantaged"].set_index("gso_code")["value"]
    assert counts.sum() == 644


def test_reproducible(reference, demo):
    again = generate_demo(reference, seed=7)
    for kind in demo:
        pd.testing.assert_frame_equal(demo[kind], again[kind])
    other = generate_demo(reference, seed=8)
    assert not other["categories"]["area_category"].equals(demo["categories"]["area_category"])


def test_villages_placed_inside_their_commune(reference, shared_dir):
    import shapely

    communes = read_communes(shared_dir / "langson_communes_2021.geojson", reference.commune_list)
    villages = generate_demo(reference, seed=3, communes=communes)["villages"]
    polygons = communes.set_index("gso_code").geometry
    assert villages[["lon", "lat"]].notna().all().all()
    for row in villages.head(60).itertuples():
        assert polygons[row.gso_code].contains(shapely.Point(row.lon, row.lat))


def test_stored_as_demo_never_as_imported(tmp_path, reference):
    store = Store(tmp_path / "db.sqlite")
    versions = store_demo(store, reference, seed=7)
    assert set(versions) == {"categories", "villages", "indicators_commune", "indicators_village"}
    for kind in versions:
        assert store.current(kind, "imported") is None
        assert store.source_in_use(kind) == "demo"
    history = store.history()
    assert set(history["source"]) == {"demo"}
    assert all("Dữ liệu minh họa" in name for name in history["file_name"])
    assert store.current("villages", "demo")["village"].iloc[0] == "Thôn minh họa 1"


def test_command(tmp_path):
    run = subprocess.run([sys.executable, "-m", "geo.demo", "--seed", "5", "--data-dir", str(tmp_path),
                          "--no-coordinates"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Dữ liệu minh họa" in run.stdout and "644 dòng" in run.stdout
    store = Store.default(tmp_path)
    assert len(store.current("categories", "demo")) == 199
